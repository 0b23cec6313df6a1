"""`talkspkg diff`: rows and columns changed between two packages, and the bump they call for."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import yaml
from click.testing import CliRunner
from conftest import RAW

from talkspkg.build import build_package
from talkspkg.cli import main
from talkspkg.diff import diff_packages

DROPPED = "xinhua-london-talks-significant-progress.txt"


def test_adding_an_article_is_a_minor_bump(built: Path, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / DROPPED).unlink()
    sources = yaml.safe_load((raw / "sources.yaml").read_text("utf-8"))
    del sources[DROPPED]
    (raw / "sources.yaml").write_text(yaml.safe_dump(sources), "utf-8")
    build_package(raw, tmp_path / "old")
    result = diff_packages(tmp_path / "old", built)
    tables = {t.table: t for t in result.tables}
    assert (tables["articles"].rows_added, tables["articles"].rows_removed) == (1, 0)
    assert tables["mentions"].rows_added > 0
    assert tables["codebook"].status == "same"
    assert result.bump == "minor"


def _rewrite(pkg: Path, table: str, change) -> None:  # type: ignore[no-untyped-def]
    path = pkg / "data" / f"{table}.parquet"
    pq.write_table(change(pq.read_table(path)), path)


def test_a_corrected_value_is_a_patch_with_before_and_after(built: Path, tmp_path: Path) -> None:
    new = tmp_path / "new"
    shutil.copytree(built, new)

    def rename(t: pa.Table) -> pa.Table:
        names = [
            ("Sergei Lavrov (corrected)" if n == "Sergei Lavrov" else n)
            for n in t["name"].to_pylist()
        ]
        return t.set_column(t.schema.get_field_index("name"), "name", pa.array(names))

    _rewrite(new, "entities", rename)
    result = CliRunner().invoke(main, ["diff", str(built), str(new), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    (entities,) = [t for t in report["tables"] if t["table"] == "entities"]
    assert (entities["rows_changed"], entities["bump"], report["bump"]) == (1, "patch", "patch")
    assert entities["examples"] == [
        {
            "key": {"entity_id": "sergei-lavrov"},
            "changes": {"name": {"old": "Sergei Lavrov", "new": "Sergei Lavrov (corrected)"}},
        }
    ]


def test_a_dropped_column_is_a_major_bump(built: Path, tmp_path: Path) -> None:
    new = tmp_path / "new"
    shutil.copytree(built, new)
    _rewrite(new, "quotes", lambda t: t.drop_columns(["channel"]))
    result = CliRunner().invoke(main, ["diff", str(built), str(new), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert "bump major" in result.output.splitlines()[0]
    assert "| `quotes` | changed | 0 | 0 | 0 | -channel | major |" in result.output


def test_identical_packages_have_no_differences(built: Path) -> None:
    result = CliRunner().invoke(main, ["diff", str(built), str(built)])
    assert result.output.endswith("no differences\n")
    assert "bump none" in result.output
