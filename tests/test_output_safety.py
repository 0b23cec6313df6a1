"""A build never deletes what it did not write, never publishes a file from outside raw/, and
turns every path or permission problem into one line and exit 2."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import RAW

from talkspkg.build import BuildOptions, build_package
from talkspkg.cli import main
from talkspkg.errors import BuildError, RawInputError

SEED = "xinhua-london-talks-significant-progress.txt"


def one_article(tmp_path: Path) -> Path:
    raw = tmp_path / "raw-in"
    raw.mkdir()
    shutil.copyfile(RAW / SEED, raw / SEED)
    return raw


def test_build_refuses_to_delete_files_it_did_not_write(tmp_path: Path) -> None:
    raw, out = one_article(tmp_path), tmp_path / "pkg"
    build_package(raw, out)
    mine = {
        out / "data" / "important.csv": b"my numbers\n",
        out / "schemas" / "other.json": b"{}",
        out / "raw" / "draft.txt.bak": b"draft",
    }
    for path, data in mine.items():
        path.write_bytes(data)
    with pytest.raises(BuildError) as caught:
        build_package(raw, out)
    message = str(caught.value)
    assert "would delete 3 file(s) it did not write" in message
    assert "data/important.csv, raw/draft.txt.bak, schemas/other.json" in message
    assert all(path.read_bytes() == data for path, data in mine.items())


def test_force_replaces_the_folders_and_the_cli_says_how(tmp_path: Path) -> None:
    raw, out = one_article(tmp_path), tmp_path / "pkg"
    build_package(raw, out)
    (out / "data" / "important.csv").write_text("mine", "utf-8")
    args = ["build", "--raw", str(raw), "--out", str(out), "-j", "1"]
    refused = CliRunner().invoke(main, args)
    assert refused.exit_code == 2
    assert "--force" in refused.stderr and "data/important.csv" in refused.stderr
    forced = CliRunner().invoke(main, [*args, "--force"])
    assert forced.exit_code == 0, forced.output
    assert not (out / "data" / "important.csv").exists()


def test_rebuild_over_its_own_package_needs_no_force(tmp_path: Path) -> None:
    raw, out = one_article(tmp_path), tmp_path / "pkg"
    build_package(raw, out)
    (raw / SEED).write_text((raw / SEED).read_text("utf-8") + "\nOne more line.\n", "utf-8")
    build_package(raw, out, BuildOptions(force=False))
    assert "One more line." in (out / "raw" / SEED).read_text("utf-8")


def test_symlink_to_a_file_outside_raw_is_refused(tmp_path: Path) -> None:
    raw = one_article(tmp_path)
    secret = tmp_path / "home" / "notes.txt"
    secret.parent.mkdir()
    secret.write_text("a private note", "utf-8")
    os.symlink(secret, raw / "leak.txt")
    with pytest.raises(RawInputError, match="outside the raw folder"):
        build_package(raw, tmp_path / "pkg")
    assert not (tmp_path / "pkg").exists()


def test_symlink_inside_raw_is_an_ordinary_article(tmp_path: Path) -> None:
    raw = one_article(tmp_path)
    os.symlink(raw / SEED, raw / "alias.txt")
    result = build_package(raw, tmp_path / "pkg")
    assert result.rows["articles"] == 2


def test_out_under_a_regular_file_is_one_line_exit_2(tmp_path: Path) -> None:
    raw = one_article(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x", "utf-8")
    result = CliRunner().invoke(main, ["build", "--raw", str(raw), "--out", str(blocker / "o")])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: cannot write the package in ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_unwritable_out_is_one_line_exit_2(tmp_path: Path) -> None:
    raw = one_article(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    result = CliRunner().invoke(main, ["build", "--raw", str(raw), "--out", str(locked)])
    assert result.exit_code == 2
    assert "Permission denied" in result.stderr


def test_progress_counts_every_article_once(tmp_path: Path) -> None:
    seen: list[int] = []
    build_package(RAW, tmp_path / "pkg", BuildOptions(progress=seen.append))
    assert sum(seen) == len(list(RAW.glob("*.txt")))


def test_quiet_build_prints_nothing(tmp_path: Path) -> None:
    raw = one_article(tmp_path)
    result = CliRunner().invoke(
        main, ["build", "--raw", str(raw), "--out", str(tmp_path / "o"), "-q"]
    )
    assert (result.exit_code, result.output) == (0, "")
