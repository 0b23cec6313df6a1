"""What a package's descriptor lists, and which files lie in its folders: one answer for the build
(which files it may replace), `pack` (what it ships), the site (what it copies), the URL download
(what it fetches) and validate (what nothing lists)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any


def listed_paths(descriptor: Mapping[str, Any]) -> set[str]:
    """The local files the descriptor's resources name: their `path` and `schema` (not URLs)."""
    resources = descriptor.get("resources")
    return named_paths(resources if isinstance(resources, list) else [])


def named_paths(resources: Iterable[Any]) -> set[str]:
    """The local files these resources name: their `path` and `schema` (not URLs)."""
    paths: set[str] = set()
    for resource in resources:
        if not isinstance(resource, dict):
            continue
        for key in ("path", "schema"):
            value = resource.get(key)
            if isinstance(value, str) and "://" not in value:
                paths.add(value)
    return paths


def parquet_resources(descriptor: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Table name -> its Parquet resource (`<table>-parquet`, format `parquet`, a local path)."""
    resources = descriptor.get("resources")
    return {
        r["name"].removesuffix("-parquet"): r
        for r in (resources if isinstance(resources, list) else [])
        if isinstance(r, dict)
        and r.get("format") == "parquet"
        and isinstance(r.get("name"), str)
        and isinstance(r.get("path"), str)
    }


def files_under(root: Path, folders: Iterable[str]) -> Iterator[str]:
    """Relative POSIX paths of the files (and links) under each folder of `root`, in order; a
    folder that is itself a link is not entered."""
    for name in folders:
        top = root / name
        if not top.is_dir() or top.is_symlink():
            continue
        found: list[tuple[str, ...]] = []
        _scan(str(top), (name,), found)
        yield from ("/".join(parts) for parts in sorted(found))


def _scan(folder: str, parts: tuple[str, ...], found: list[tuple[str, ...]]) -> None:
    """Collect the entries under `folder` as path parts (one `scandir` per folder: no `stat`
    per file, 10,000 raw articles cost one listing)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                _scan(entry.path, (*parts, entry.name), found)
            else:
                found.append((*parts, entry.name))
