"""Read the raw folder: one UTF-8 `.txt` file per article, plus optional `sources.yaml`.

Policy (documented in the README, 'Raw input policy'):
- Only `*.txt` files directly inside the folder are articles; `sources.yaml` is provenance;
  hidden files are skipped; any other file is ignored and reported by `ignored_files`.
- The text is the file decoded as strict UTF-8 exactly as stored: a BOM stays as U+FEFF at
  offset 0 and CRLF stays CRLF, so every offset is an index into the bytes' decoding.
- Empty (or whitespace-only) files, files with NUL bytes and undecodable files are refused
  with a message naming the file and the byte.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from talkspkg.errors import RawInputError
from talkspkg.textutil import slug

SOURCES_FILE = "sources.yaml"
PACKAGE_FILE = "package.yaml"  # the data's own metadata: its version
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$")
SOURCE_FIELDS = frozenset(
    {"outlet", "url", "published_date", "language", "licence", "retrieved", "origin", "note"}
)


@dataclass(frozen=True, slots=True)
class RawFile:
    path: Path
    article_id: str
    text: str
    sha256: str


def article_id_for(name: str) -> str:
    """`Reuters London Talks.txt` -> `reuters-london-talks` (ASCII-folded, lowercase, dashed)."""
    stem = name[: -len(".txt")] if name.lower().endswith(".txt") else name
    return slug(stem)


def decode(path: Path, data: bytes) -> str:
    if not data.strip():
        raise RawInputError(f"{path}: empty article (the file has no text)")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise RawInputError(f"{path}: NUL byte at byte {nul}: not a text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise RawInputError(
            f"{path}: not valid UTF-8 at byte {exc.start} (line {line}): {exc.reason}"
        ) from None


def article_paths(raw_dir: Path) -> list[Path]:
    if not raw_dir.is_dir():
        raise RawInputError(f"{raw_dir}: raw folder not found")
    paths = sorted(
        p
        for p in raw_dir.iterdir()
        if p.suffix == ".txt" and not p.name.startswith(".") and p.is_file()
    )
    for path in paths:
        refuse_outside_link(path, raw_dir)
    return paths


def refuse_outside_link(path: Path, raw_dir: Path) -> None:
    """A symbolic link whose target lies outside the raw folder would publish that file (a home
    folder's secret, say) in the package: refused."""
    if not path.is_symlink():
        return
    target = path.resolve()
    if not target.is_relative_to(raw_dir.resolve()):
        raise RawInputError(
            f"{path}: a symbolic link to {target}, outside the raw folder; copy the article "
            "into the folder instead"
        )


def ignored_files(raw_dir: Path) -> list[str]:
    """Names in the raw folder that are neither articles nor provenance."""
    return sorted(
        p.name
        for p in raw_dir.iterdir()
        if not p.name.startswith(".")
        and p.name not in (SOURCES_FILE, PACKAGE_FILE)
        and p.suffix != ".txt"
    )


def stray_files(raw_dir: Path) -> list[str]:
    """Names in `raw_dir` that are neither articles (`*.txt`) nor SOURCES_FILE / PACKAGE_FILE:
    ignored when the folder is only read, but a package's own raw/ may hold nothing it does
    not list (hidden files and folders included)."""
    kept = {p.name for p in article_paths(raw_dir)} | {SOURCES_FILE, PACKAGE_FILE}
    return sorted(p.name for p in raw_dir.iterdir() if p.name not in kept)


def plan_raw(raw_dir: Path) -> list[tuple[Path, str]]:
    """(path, article_id) of every article in file-name order; refuses clashing article ids."""
    paths = article_paths(raw_dir)
    if not paths:
        raise RawInputError(f"{raw_dir}: no .txt articles found")
    seen: dict[str, Path] = {}
    for path in paths:
        article_id = article_id_for(path.name)
        if not article_id:
            raise RawInputError(f"{path}: file name yields an empty article id")
        if article_id in seen:
            raise RawInputError(
                f"{path}: article id {article_id!r} already taken by {seen[article_id].name}; "
                "rename one of the files"
            )
        seen[article_id] = path
    return [(path, article_id) for article_id, path in seen.items()]


def read_article(path: Path, article_id: str) -> RawFile:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RawInputError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    return raw_file(path, article_id, data)


def raw_file(path: Path, article_id: str, data: bytes) -> RawFile:
    """The article of the bytes `data` read from `path` (a worker that was sent the bytes never
    opens `path`: it only names the file)."""
    return RawFile(path, article_id, decode(path, data), hashlib.sha256(data).hexdigest())


def read_raw(raw_dir: Path) -> Iterator[RawFile]:
    """Yield the articles of `raw_dir` in file-name order."""
    for path, article_id in plan_raw(raw_dir):
        yield read_article(path, article_id)


def yaml_problem(exc: yaml.YAMLError) -> str:
    """PyYAML's multi-line message as one line: where, then what (a python tag is refused here:
    the safe loader has no constructor for it, so nothing is ever executed)."""
    mark = getattr(exc, "problem_mark", None)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
    problem = getattr(exc, "problem", None) or " ".join(str(exc).split())
    return f"{where}: {problem}"


def read_sources(raw_dir: Path) -> dict[str, Mapping[str, Any]]:
    """Provenance by raw file name, from `sources.yaml` (safe-loaded); {} when absent."""
    path = raw_dir / SOURCES_FILE
    if not path.is_file():
        return {}
    refuse_outside_link(path, raw_dir)
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise RawInputError(f"{path}: not valid UTF-8 at byte {exc.start}: {exc.reason}") from None
    except OSError as exc:
        raise RawInputError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise RawInputError(f"{path}: not valid YAML{yaml_problem(exc)}") from None
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise RawInputError(f"{path}: expected a mapping of file name to provenance fields")
    names = {p.name for p in article_paths(raw_dir)}
    sources: dict[str, Mapping[str, Any]] = {}
    for name, entry in loaded.items():
        if name not in names:
            raise RawInputError(f"{path}: entry {name!r} names no .txt file in {raw_dir}")
        if entry is None:
            entry = {}
        if not isinstance(entry, dict):
            raise RawInputError(f"{path}: entry {name!r} must be a mapping")
        unknown = sorted(set(entry) - SOURCE_FIELDS)
        if unknown:
            raise RawInputError(
                f"{path}: entry {name!r} has unknown field(s) {', '.join(map(str, unknown))}; "
                f"allowed: {', '.join(sorted(SOURCE_FIELDS))}"
            )
        sources[name] = entry
    return sources


def read_data_version(raw_dir: Path) -> str | None:
    """The data's SemVer from `package.yaml` in the raw folder (`version: 1.2.0`), or None when
    the folder has none. It is the version of the data, not of the tool that built it."""
    path = raw_dir / PACKAGE_FILE
    if not path.is_file():
        return None
    refuse_outside_link(path, raw_dir)
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, OSError) as exc:
        raise RawInputError(f"{path}: cannot be read: {exc}") from None
    except yaml.YAMLError as exc:
        raise RawInputError(f"{path}: not valid YAML{yaml_problem(exc)}") from None
    version = loaded.get("version") if isinstance(loaded, dict) else None
    if not isinstance(version, str) or not SEMVER.match(version):
        raise RawInputError(f'{path}: `version` must be a SemVer string like "1.2.0"')
    return version
