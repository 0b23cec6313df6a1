"""`talkspkg validate` takes a folder, a path to datapackage.json, a zip and an http(s) URL;
zips are unpacked privately and safely, downloads are bounded."""

from __future__ import annotations

import functools
import http.server
import json
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from talkspkg.cli import main
from talkspkg.errors import PackageError
from talkspkg.validate import source
from talkspkg.validate.source import open_package


def zip_package(built: Path, target: Path, prefix: str = "") -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(built.rglob("*")):
            if path.is_file():
                archive.write(path, prefix + path.relative_to(built).as_posix())
    return target


def invoke(*args: str) -> tuple[int, dict[str, object]]:
    result = CliRunner().invoke(main, ["validate", *args, "--json"])
    return result.exit_code, json.loads(result.stdout)


def test_descriptor_path_and_folder_give_the_same_report(built: Path) -> None:
    code, report = invoke(str(built / "datapackage.json"))
    assert code == 0 and report["valid"] is True
    assert report["package"] == str(built / "datapackage.json")


@pytest.mark.parametrize("prefix", ["", "talkspkg-1.0.0/"])
def test_zip_is_validated_in_a_private_folder(built: Path, tmp_path: Path, prefix: str) -> None:
    archive = zip_package(built, tmp_path / "pkg.zip", prefix)
    code, report = invoke(str(archive))
    assert (code, report["valid"]) == (0, True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pkg.zip"]  # nothing unpacked here


def test_zip_with_a_corrupted_table_is_invalid(built: Path, tmp_path: Path) -> None:
    archive = tmp_path / "pkg.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for path in sorted(built.rglob("*")):
            if path.is_file():
                rel = path.relative_to(built).as_posix()
                data = b"broken" if rel == "data/quotes.csv" else path.read_bytes()
                out.writestr(rel, data)
    code, report = invoke(str(archive))
    assert code == 1
    assert "hash-count-error" in {f["type"] for f in report["findings"]}  # type: ignore[union-attr]


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/evil.txt", "a/../../evil.txt"])
def test_zip_slip_member_is_refused(tmp_path: Path, name: str) -> None:
    archive = tmp_path / "slip.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("datapackage.json", "{}")
        out.writestr(zipfile.ZipInfo(name), "x")
    with (
        pytest.raises(PackageError, match="points outside the package"),
        open_package(str(archive)),
    ):
        pass
    assert not (tmp_path.parent / "evil.txt").exists()


def test_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("datapackage.json", "{}")
        out.writestr("data/zeros.csv", b"0" * (50 << 20))  # 50 MiB of zeros: ~1000:1
    code = CliRunner().invoke(main, ["validate", str(archive)])
    assert code.exit_code == 2
    assert "a zip bomb; refused" in code.stderr


def test_zip_symlink_member_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "link.zip"
    link = zipfile.ZipInfo("datapackage.json")
    link.external_attr = 0o120777 << 16
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr(link, "/etc/passwd")
    with pytest.raises(PackageError, match="symbolic link"), open_package(str(archive)):
        pass


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def served(built: Path, tmp_path: Path) -> Iterator[str]:
    """The built package and its zip on a loopback HTTP server."""
    root = tmp_path / "www"
    root.mkdir()
    zip_package(built, root / "pkg.zip")
    site = root / "pkg"
    site.mkdir()
    for path in built.rglob("*"):
        if path.is_file():
            dest = site / path.relative_to(built)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(path.read_bytes())
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_url_of_a_zip_and_of_a_descriptor(served: str) -> None:
    for url in (f"{served}/pkg.zip", f"{served}/pkg/datapackage.json"):
        code, report = invoke(url)
        assert (code, report["valid"], report["package"]) == (0, True, url)


def test_url_missing_file_is_a_finding_and_404_descriptor_an_input_error(
    served: str, tmp_path: Path
) -> None:
    (tmp_path / "www" / "pkg" / "data" / "quotes.parquet").unlink()
    code, report = invoke(f"{served}/pkg/datapackage.json")
    assert code == 1
    assert any("quotes.parquet" in (f.get("file") or "") for f in report["findings"])  # type: ignore[union-attr]
    code, report = invoke(f"{served}/nothing/datapackage.json")
    assert code == 2 and "HTTP 404" in str(report["error"])


def test_download_is_bounded(served: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "MAX_DOWNLOAD", 1000)
    code, report = invoke(f"{served}/pkg.zip")
    assert code == 2 and "more than 1000 bytes; refused" in str(report["error"])
