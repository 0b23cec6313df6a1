"""Where a package to validate comes from: a folder, a path to its `datapackage.json`, a `.zip`,
or an `http(s)` URL of a zip or of a descriptor.

A zip is extracted into a private temporary folder, never in place, with every member checked
first: no absolute path, no `..`, no link, at most MAX_MEMBERS members and MAX_UNPACKED bytes in
all, each member no larger than it declares and no more than MAX_RATIO times its compressed size
(a zip bomb is refused before it fills the disk). A URL is downloaded into a temporary folder,
at most MAX_DOWNLOAD bytes; for a descriptor URL, each file its resources name is fetched from
the same base, with the same path rules as the validator applies. Problems are PackageError:
the CLI reports them as usage errors (exit 2).
"""

from __future__ import annotations

import json
import shutil
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import IO

from talkspkg.errors import PackageError
from talkspkg.layout import listed_paths

DESCRIPTOR = "datapackage.json"
MAX_DOWNLOAD = 1 << 30  # bytes fetched from a URL, all files together
MAX_UNPACKED = 4 << 30  # bytes written out of a zip
MAX_MEMBERS = 200_000
MAX_RATIO = 200  # uncompressed / compressed size of one member beyond 1 MiB
TIMEOUT = 30  # seconds per request
CHUNK = 1 << 20


def is_url(target: str) -> bool:
    return urllib.parse.urlsplit(target).scheme in ("http", "https")


@contextmanager
def open_package(target: str) -> Iterator[Path]:
    """The folder holding the package `target` names (temporary for a zip or a URL)."""
    if is_url(target):
        with tempfile.TemporaryDirectory(prefix="talkspkg-url-") as tmp:
            yield _download(target, Path(tmp))
        return
    path = Path(target)
    if path.is_dir():
        yield _package_folder(path, target)
    elif path.is_file() and zipfile.is_zipfile(path):
        with (
            tempfile.TemporaryDirectory(prefix="talkspkg-zip-") as tmp,
            zipfile.ZipFile(path) as archive,
        ):
            yield _package_folder(extract(archive, Path(tmp), target), target)
    elif path.is_file() and path.name == DESCRIPTOR:
        yield path.parent
    elif path.exists():
        raise PackageError(f"{target}: not a package (a folder, its {DESCRIPTOR}, or a .zip)")
    else:
        raise PackageError(f"{target}: not a package folder (no such file or folder)")


def _package_folder(folder: Path, target: str) -> Path:
    """`folder`, or its one subfolder, holding the descriptor (release zips nest one level)."""
    if (folder / DESCRIPTOR).exists() or (folder / DESCRIPTOR).is_symlink():
        return folder
    subfolders = [p for p in folder.iterdir() if p.is_dir() and not p.is_symlink()]
    if len(subfolders) == 1 and (subfolders[0] / DESCRIPTOR).is_file():
        return subfolders[0]
    raise PackageError(f"{target}: not a package folder (no {DESCRIPTOR})")


def _safe_member(name: str) -> PurePosixPath | None:
    """The member's relative path, or None when it would land outside the folder."""
    if "\\" in name or "\x00" in name:
        return None
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or (path.parts and ":" in path.parts[0]):
        return None
    return path


def extract(archive: zipfile.ZipFile, into: Path, target: str) -> Path:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise PackageError(f"{target}: {len(members)} members, more than {MAX_MEMBERS}")
    if sum(m.file_size for m in members) > MAX_UNPACKED:
        raise PackageError(f"{target}: would unpack to more than {MAX_UNPACKED} bytes")
    for member in members:
        where = f"{target}: member {member.filename!r}"
        if _safe_member(member.filename) is None:
            raise PackageError(f"{where} points outside the package; refused")
        if (member.external_attr >> 16) & 0o170000 == 0o120000:
            raise PackageError(f"{where} is a symbolic link; refused")
        if member.file_size > CHUNK and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise PackageError(
                f"{where} expands {member.file_size} bytes from "
                f"{member.compress_size}: a zip bomb; refused"
            )
    written = 0
    for member in members:
        dest = into.joinpath(*(_safe_member(member.filename) or PurePosixPath()).parts)
        if member.is_dir():
            dest.mkdir(parents=True, exist_ok=True)
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        with archive.open(member) as src, dest.open("wb") as out:
            written += _copy(src, out, member.file_size, f"{target}: member {member.filename!r}")
            if written > MAX_UNPACKED:
                raise PackageError(f"{target}: unpacks to more than {MAX_UNPACKED} bytes")
    return into


def _copy(src: IO[bytes], out: IO[bytes], limit: int, where: str) -> int:
    """Copy at most `limit` bytes; more means the source lied about its size."""
    total = 0
    while chunk := src.read(CHUNK):
        total += len(chunk)
        if total > limit:
            raise PackageError(f"{where}: more than {limit} bytes; refused")
        out.write(chunk)
    return total


class _Budget:
    def __init__(self, limit: int) -> None:
        self.left = limit

    def fetch(self, url: str, dest: Path, missing_ok: bool = False) -> None:
        try:
            with urllib.request.urlopen(url, timeout=TIMEOUT) as response:  # http(s) only
                dest.parent.mkdir(parents=True, exist_ok=True)
                with dest.open("wb") as out:
                    self.left -= _copy(response, out, self.left, url)
        except urllib.error.HTTPError as exc:
            if missing_ok and exc.code == 404:
                return  # the validator reports the missing file
            raise PackageError(f"{url}: HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", None) or exc
            raise PackageError(f"{url}: cannot be downloaded: {reason}") from None


def _download(url: str, into: Path) -> Path:
    budget = _Budget(MAX_DOWNLOAD)
    first = into / "download"
    budget.fetch(url, first)
    if zipfile.is_zipfile(first):
        with zipfile.ZipFile(first) as archive:
            folder = extract(archive, into / "package", url)
        return _package_folder(folder, url)
    try:
        descriptor = json.loads(first.read_bytes().decode("utf-8"))
        resources = descriptor["resources"]
    except (ValueError, KeyError, TypeError):
        raise PackageError(f"{url}: neither a zip nor a {DESCRIPTOR}") from None
    folder = into / "package"
    folder.mkdir()
    shutil.move(first, folder / DESCRIPTOR)
    base = url.rsplit("/", 1)[0] + "/"
    for name in sorted(listed_paths({"resources": resources})):
        relative = _safe_member(name)
        if relative is None:
            continue  # the validator reports the unsafe path itself
        link = urllib.parse.urljoin(base, urllib.parse.quote(name))
        budget.fetch(link, folder / relative, missing_ok=True)
    return folder
