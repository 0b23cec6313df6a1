"""Streamed file hashing, shared by the writer and the validator."""

from __future__ import annotations

import hashlib
from pathlib import Path

CHUNK = 1 << 20


def file_digest(path: Path) -> tuple[int, str]:
    """(size in bytes, sha256 hex) of a file, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def bytes_digest(data: bytes) -> tuple[int, str]:
    """(size in bytes, sha256 hex) of bytes already in memory: the same as `file_digest`."""
    return len(data), hashlib.sha256(data).hexdigest()
