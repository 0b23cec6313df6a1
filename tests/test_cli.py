"""The CLI in-process: exact messages, exit codes, --json equal to the library's report."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from conftest import RAW

from talkspkg.cli import main
from talkspkg.validate import validate_package


def test_validate_valid_package_exits_0_with_summary(built: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(built)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{built}: valid (")


def test_validate_json_equals_library_report(pkg: Path) -> None:
    (pkg / "data" / "entities.csv").write_text("broken", "utf-8")
    result = CliRunner().invoke(main, ["validate", str(pkg), "--json"])
    assert result.exit_code == 1
    assert json.loads(result.output) == validate_package(pkg).to_dict()


def test_validate_invalid_package_exits_1_naming_table_and_finding(pkg: Path) -> None:
    (pkg / "data" / "articles.parquet").write_bytes(b"not parquet")
    result = CliRunner().invoke(main, ["validate", str(pkg)])
    assert result.exit_code == 1
    assert "INVALID" in result.output
    assert "hash-count-error" in result.output
    assert "parquet-error" in result.output
    assert "data/articles.parquet" in result.output


def test_validate_missing_folder_is_usage_error_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "not a package folder" in result.output


def test_validate_folder_without_descriptor_is_usage_error_exit_2_json_too(
    tmp_path: Path,
) -> None:
    result = CliRunner().invoke(main, ["validate", str(tmp_path), "--json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout) == {
        "package": str(tmp_path),
        "valid": False,
        "error": f"{tmp_path}: not a package folder (no datapackage.json)",
    }


def test_validate_url_is_not_mangled_in_the_message() -> None:
    url = "https://127.0.0.1:9/pkg/datapackage.json"  # port 9 (discard): refused at once
    result = CliRunner().invoke(main, ["validate", url])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {url}: cannot be downloaded")


def test_build_bad_raw_reports_one_line_error_exit_2(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.txt").write_bytes(b"")
    out = tmp_path / "o"
    result = CliRunner().invoke(main, ["build", "--raw", str(raw), "--out", str(out)])
    assert result.exit_code == 2
    assert result.output == f"Error: {raw / 'empty.txt'}: empty article (the file has no text)\n"
    assert not out.exists()  # a failed build leaves no new folder behind


def test_build_check_without_a_package_says_so_and_exits_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["build", "--check", "--raw", str(RAW), "--out", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert (
        result.output == f"No package in {tmp_path} (no datapackage.json): run 'talkspkg build'.\n"
    )


def test_build_check_that_cannot_build_exits_2(built: Path, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "bad.txt").write_bytes(b"\xff")
    result = CliRunner().invoke(main, ["build", "--check", "--raw", str(raw), "--out", str(built)])
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: {raw / 'bad.txt'}: not valid UTF-8")


def test_build_check_on_fresh_package_exits_0(built: Path) -> None:
    result = CliRunner().invoke(main, ["build", "--check", "--raw", str(RAW), "--out", str(built)])
    assert result.exit_code == 0, result.output
    assert result.output == f"Package in {built} is up to date.\n"


def test_build_check_on_stale_package_exits_1_naming_files(pkg: Path) -> None:
    (pkg / "data" / "quotes.csv").unlink(missing_ok=True)
    (pkg / "data" / "articles.csv").write_text("x\n", "utf-8")
    result = CliRunner().invoke(main, ["build", "--check", "--raw", str(RAW), "--out", str(pkg)])
    assert result.exit_code == 1
    assert "  data/articles.csv\n" in result.output
    assert result.output.endswith("Run 'talkspkg build' and commit the result.\n")


def test_help_lists_commands() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "build" in result.output and "validate" in result.output


def test_console_script_end_to_end(tmp_path: Path) -> None:
    """One real subprocess run of the installed entry point: build then validate."""
    out = tmp_path / "pkg"
    exe = [sys.executable, "-m", "talkspkg"]
    built = subprocess.run(
        [*exe, "build", "--raw", str(RAW), "--out", str(out)], capture_output=True, text=True
    )
    assert built.returncode == 0, built.stderr
    checked = subprocess.run([*exe, "validate", str(out)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr


VALIDATE_IN_FRESH_PROCESS = """
import sys
from talkspkg.cli import main
try:
    main(["validate", sys.argv[1]])
except SystemExit as done:
    code = done.code
imported = "pandas" in sys.modules
import pandas, pyarrow
frame = pyarrow.table({"a": [1, None]}).to_pandas()
print(code, imported, list(frame["a"].isna()))
"""


def test_validate_never_imports_pandas_and_leaves_it_importable(built: Path) -> None:
    """pyarrow would import pandas (~0.3 s) on its first conversion of a Python value; the
    validate command needs no pandas, and pandas still works afterwards in the process."""
    done = subprocess.run(
        [sys.executable, "-c", VALIDATE_IN_FRESH_PROCESS, str(built)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "0 False [False, True]"


BUILD_IN_FRESH_PROCESS = """
import sys
from talkspkg.cli import main
try:
    main(["build", "--raw", sys.argv[1], "--out", sys.argv[2], "--no-cache", "-j", "1", "-q"])
except SystemExit as done:
    code = done.code
imported = "pandas" in sys.modules
import pandas, pyarrow
frame = pyarrow.table({"a": [1, None]}).to_pandas()
print(code, imported, list(frame["a"].isna()))
"""


def test_build_never_imports_pandas_and_leaves_it_importable(tmp_path: Path) -> None:
    """As for validate: the build makes its tables from Python values and Arrow, so pyarrow's
    probe for pandas (~0.2 s of a +1 rebuild) is skipped, and pandas still works afterwards."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for path in sorted(RAW.glob("*.txt"))[:2]:
        shutil.copyfile(path, raw / path.name)
    done = subprocess.run(
        [sys.executable, "-c", BUILD_IN_FRESH_PROCESS, str(raw), str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "0 False [False, True]"


def test_package_without_raw_folder_gives_one_finding_per_file(pkg: Path) -> None:
    shutil.rmtree(pkg / "raw")
    report = validate_package(pkg)
    missing = [f for f in report.findings if f.file and f.file.startswith("raw/")]
    listed = [
        r
        for r in json.loads((pkg / "datapackage.json").read_text("utf-8"))["resources"]
        if r["path"].startswith("raw/")
    ]  # the articles, sources.yaml, package.yaml
    assert len(missing) == len(listed) == len(list(RAW.glob("*.txt"))) + 2
    assert {f.type for f in missing} == {"missing-file"}
    assert not [f for f in report.findings if f.type == "raw-missing"]


def test_report_lists_only_the_checks_that_ran(pkg: Path) -> None:
    (pkg / "datapackage.json").write_text("not json", "utf-8")
    report = validate_package(pkg)
    assert report.checks == ["descriptor_valid"]
    assert [f.type for f in report.findings] == ["descriptor-error"]


def test_validate_format_github_prints_one_annotation_per_finding(pkg: Path) -> None:
    (pkg / "data" / "articles.parquet").write_bytes(b"not parquet")
    result = CliRunner().invoke(main, ["validate", str(pkg), "--format", "github"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    report = validate_package(pkg)
    assert len(lines) == len(report.findings)
    assert all(line.startswith("::error file=") for line in lines)
    assert any(
        line.startswith("::error file=data/articles.parquet,title=hash-count-error::")
        for line in lines
    )
