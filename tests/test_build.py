"""The build: deterministic bytes, atomic replacement, staleness check, self-contained package."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import RAW, ROOT

from talkspkg.build import build_package, check_package
from talkspkg.errors import BuildError, RawInputError
from talkspkg.validate import validate_package

SEEDS = ROOT.parent / "shared" / "seeds"


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_two_builds_are_byte_identical(built: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    build_package(RAW, again)
    assert _snapshot(again) == _snapshot(built)


def test_built_package_is_valid_and_self_contained(built: Path) -> None:
    assert validate_package(built).valid
    desc = json.loads((built / "datapackage.json").read_text("utf-8"))
    raw_resources = [r for r in desc["resources"] if r["path"].endswith(".txt")]
    assert sorted(r["path"] for r in raw_resources) == sorted(
        f"raw/{p.name}" for p in RAW.glob("*.txt")
    )
    for res in raw_resources:
        assert res["hash"].startswith("sha256:") and len(res["hash"]) == 7 + 64


def test_frictionless_validate_passes_with_no_flags(built: Path) -> None:
    """What an ecosystem user runs first must exit 0 (Parquet resources carry no `bytes`)."""
    done = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "datapackage.json"],
        cwd=built,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:]
    desc = json.loads((built / "datapackage.json").read_text("utf-8"))
    parquet = [r for r in desc["resources"] if r.get("format") == "parquet"]
    assert parquet and all("bytes" not in r and r["hash"].startswith("sha256:") for r in parquet)


def test_descriptor_created_derives_from_inputs_not_clock(built: Path) -> None:
    desc = json.loads((built / "datapackage.json").read_text("utf-8"))
    # The latest publication date any seed states is 24 April 2025 (Xinhua).
    assert desc["created"] == "2025-04-24T00:00:00Z"


def test_each_table_has_csv_and_parquet_sharing_one_schema(built: Path) -> None:
    desc = json.loads((built / "datapackage.json").read_text("utf-8"))
    tables = {r["name"]: r for r in desc["resources"] if r.get("type") == "table"}
    for name, res in tables.items():
        if res["format"] != "csv":
            continue
        parquet = tables[f"{name}-parquet"]
        assert res["schema"] == parquet["schema"] == f"schemas/{name}.json"
        assert res["mediatype"] == "text/csv" and res["encoding"] == "utf-8"
        assert parquet["mediatype"] == "application/vnd.apache.parquet"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not beside the repository")
def test_bare_seed_folder_builds_into_empty_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = build_package(SEEDS, out)
    assert result.rows["articles"] == 5
    assert sorted(p.name for p in (out / "raw").iterdir()) == sorted(
        p.name for p in SEEDS.glob("*.txt")
    )
    assert validate_package(out).valid


def test_failed_build_leaves_previous_package_untouched(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = _snapshot(out)
    bad_raw = tmp_path / "bad"
    bad_raw.mkdir()
    (bad_raw / "broken.txt").write_bytes(b"Talks in London \xff\xfe ended.")
    with pytest.raises(RawInputError, match=r"broken\.txt: not valid UTF-8 at byte 16"):
        build_package(bad_raw, out)
    assert _snapshot(out) == before
    assert not list(out.glob(".talkspkg-tmp-*"))


def test_build_that_produces_an_invalid_package_is_refused(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = _snapshot(out)
    import talkspkg.package as package

    real = package.write_table

    def corrupting_write(table: str, arrow, target: Path) -> None:  # type: ignore[no-untyped-def]
        real(table, arrow, target)
        if table == "articles":
            csv = target / "data" / "articles.csv"
            text = csv.read_text("utf-8")
            assert '"xinhua-' in text
            csv.write_text(text.replace('"xinhua-', '"xinhau-', 1), "utf-8")

    monkeypatch.setattr(package, "write_table", corrupting_write)
    with pytest.raises(BuildError, match="invalid"):
        build_package(RAW, out)
    assert _snapshot(out) == before


def test_check_reports_no_difference_for_fresh_package(built: Path) -> None:
    assert check_package(RAW, built) == []


def test_check_names_the_stale_files(pkg: Path) -> None:
    (pkg / "data" / "mentions.csv").write_text("stale\n", "utf-8")
    (pkg / "schemas" / "articles.json").unlink()
    assert check_package(RAW, pkg) == ["data/mentions.csv", "schemas/articles.json"]


def test_parallel_build_gives_the_same_bytes(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import talkspkg.pipeline as pipeline
    from talkspkg.build import BuildOptions

    monkeypatch.setattr(pipeline, "BATCH_SIZE", 2)  # 5 articles -> 3 batches over 2 processes
    out = tmp_path / "parallel"
    build_package(RAW, out, BuildOptions(jobs=2))
    assert _snapshot(out) == _snapshot(built)


def test_synthetic_corpus_builds_into_a_valid_package(tmp_path: Path) -> None:
    """Forty recombined, varied articles (bench/corpus.py): unique keys, every check passes."""
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import generate

    generate(40, tmp_path / "raw", seed=7)
    result = build_package(tmp_path / "raw", tmp_path / "pkg")
    assert result.rows["articles"] == 40
    assert result.rows["meetings"] > 0 and result.rows["quotes"] > 0
    assert validate_package(tmp_path / "pkg").valid


def test_descriptor_version_is_the_data_version_of_package_yaml(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "package.yaml").write_text('version: "3.1.4"\n', "utf-8")
    build_package(raw, tmp_path / "pkg")
    desc = json.loads((tmp_path / "pkg" / "datapackage.json").read_text("utf-8"))
    assert desc["version"] == "3.1.4"
    assert desc["talkspkg"]["version"] != "3.1.4"  # the tool's version stays apart
    (raw / "package.yaml").write_text("version: 3.1\n", "utf-8")
    with pytest.raises(RawInputError, match="must be a SemVer string"):
        build_package(raw, tmp_path / "pkg2")


def test_each_resource_states_its_licence_or_that_none_is_known(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    sources = yaml.safe_load((raw / "sources.yaml").read_text("utf-8"))
    first = sorted(p.name for p in raw.glob("*.txt"))[0]
    sources[first]["licence"] = "CC-BY-NC-4.0"
    (raw / "sources.yaml").write_text(yaml.safe_dump(sources), "utf-8")
    build_package(raw, tmp_path / "pkg")
    desc = json.loads((tmp_path / "pkg" / "datapackage.json").read_text("utf-8"))
    tables = [r for r in desc["resources"] if r.get("type") == "table"]
    assert all(r["licenses"][0]["name"] == "CC-BY-4.0" for r in tables)
    files = {r["path"]: r for r in desc["resources"] if r["path"].endswith(".txt")}
    assert files[f"raw/{first}"]["licenses"] == [{"name": "CC-BY-NC-4.0"}]
    unknown = [r for p, r in files.items() if p != f"raw/{first}"]
    assert unknown and all(
        "licenses" not in r and "no licence" in r["description"] for r in unknown
    )


def test_a_null_in_a_nullable_integer_column_reads_as_na_and_passes_frictionless(
    tmp_path: Path,
) -> None:
    """pandas (and `frictionless validate`, which reads Parquet through `to_pandas`) would turn
    an int64 column holding a null into floats with NaN, which frictionless reports as a type
    error: the Parquet schema marks such columns as pandas' nullable Int64."""
    import pandas as pd
    import pyarrow as pa
    from frictionless import Resource, Schema

    from talkspkg.package import write_table
    from talkspkg.schema.tableschema import arrow_schema, table_schema
    from talkspkg.tables import normalize

    schema = arrow_schema("quotes")
    text = "“We agreed,” she said."
    row = {f.name: None for f in schema}
    row |= {
        "quote_id": "a-q1",
        "article_id": "a",
        "start": 1,
        "end": 10,
        "text": text[1:10],
        "kind": "direct",
        "channel": "unknown",
        "rule": "unattributed",
        "resolution": "none",
        "confidence": 0.3,
        "cue_start": 12,
        "cue_end": 21,
        "cue": "she said",
    }
    write_table("quotes", normalize("quotes", pa.Table.from_pylist([row], schema=schema)), tmp_path)
    path = tmp_path / "data" / "quotes.parquet"
    frame = pd.read_parquet(path)
    assert str(frame["speaker_start"].dtype) == "Int64" and frame["speaker_start"].isna().all()
    assert int(frame["cue_start"].iloc[0]) == 12
    descriptor = {k: v for k, v in table_schema("quotes").items() if k != "foreignKeys"}
    resource = Resource(
        path="data/quotes.parquet",
        basepath=str(tmp_path),
        format="parquet",
        schema=Schema.from_descriptor(descriptor),
    )
    report = resource.validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
