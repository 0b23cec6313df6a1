"""`talkspkg pack`: a deterministic release zip that validates as it is."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from talkspkg.cli import main
from talkspkg.errors import PackageError
from talkspkg.pack import pack_package


def test_pack_is_byte_identical_and_its_sha256_is_right(built: Path, tmp_path: Path) -> None:
    first = pack_package(built, tmp_path / "a")
    second = pack_package(built, tmp_path / "b")
    assert first.zip_path.read_bytes() == second.zip_path.read_bytes()
    digest = hashlib.sha256(first.zip_path.read_bytes()).hexdigest()
    sums = first.zip_path.with_name(first.zip_path.name + ".sha256").read_text("utf-8")
    assert sums == f"{digest}  {first.zip_path.name}\n"


def test_zip_holds_the_listed_files_a_readme_and_a_licence(built: Path, tmp_path: Path) -> None:
    packed = pack_package(built, tmp_path)
    desc = json.loads((built / "datapackage.json").read_text("utf-8"))
    base = f"talkspkg-{desc.get('version', 'unversioned')}"
    assert packed.zip_path.name == f"{base}.zip"
    with zipfile.ZipFile(packed.zip_path) as archive:
        names = set(archive.namelist())
        readme = archive.read(f"{base}/README.md").decode("utf-8")
    listed = {r["path"] for r in desc["resources"]} | {
        r["schema"] for r in desc["resources"] if isinstance(r.get("schema"), str)
    }
    assert {f"{base}/{n}" for n in listed} <= names
    assert {f"{base}/datapackage.json", f"{base}/LICENSE"} <= names
    assert "### `quotes`" in readme and "read_parquet" in readme


def test_packed_zip_validates_with_the_cli(built: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["pack", str(built), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    (archive,) = tmp_path.glob("*.zip")
    checked = CliRunner().invoke(main, ["validate", str(archive)])
    assert checked.exit_code == 0, checked.output


def test_invalid_package_is_not_packed(pkg: Path, tmp_path: Path) -> None:
    (pkg / "data" / "quotes.csv").write_text("broken", "utf-8")
    with pytest.raises(PackageError, match="invalid; not packed"):
        pack_package(pkg, tmp_path / "dist")
    assert not (tmp_path / "dist").exists() or not list((tmp_path / "dist").iterdir())
