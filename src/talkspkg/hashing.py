"""File hashing shared by the writer and the validator (the standard library streams it)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def file_digest(path: Path) -> tuple[int, str]:
    """(size in bytes, sha256 hex) of a file."""
    with path.open("rb") as handle:
        digest = hashlib.file_digest(handle, "sha256")
        return os.fstat(handle.fileno()).st_size, digest.hexdigest()


def bytes_digest(data: bytes) -> tuple[int, str]:
    """(size in bytes, sha256 hex) of bytes already in memory: the same as `file_digest`."""
    return len(data), hashlib.sha256(data).hexdigest()
