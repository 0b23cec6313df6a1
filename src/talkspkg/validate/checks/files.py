"""Files named by the descriptor: safe paths inside the package, declared bytes and hashes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from talkspkg.validate.context import PackageContext, Unavailable
from talkspkg.validate.report import Finding

HASH = re.compile(r"^sha256:[0-9a-f]{64}$")


def resource_paths(ctx: PackageContext) -> Iterator[Finding]:
    """Every resource path is relative, stays inside the package, and names an existing file."""
    for res in ctx.resources():
        path = res.get("path")
        reason = ctx.unsafe_reason(path)
        if reason:
            yield Finding("path-error", f"resource {res.get('name')!r}: {reason}", file=str(path))
        elif not ctx.is_file(path):
            yield Finding(
                "missing-file", f"resource {res.get('name')!r}: file not found", file=path
            )


def file_integrity(ctx: PackageContext) -> Iterator[Finding]:
    """`bytes` and `hash` of every resource equal the file's, computed here for every format
    (`bytes` may be left out of a Parquet resource, whose hash still pins it)."""
    for res in ctx.resources():
        rel = res.get("path")
        declared_bytes, declared_hash = res.get("bytes"), res.get("hash")
        if declared_bytes is None and res.get("format") == "parquet":
            pass
        elif (
            not isinstance(declared_bytes, int)
            or isinstance(declared_bytes, bool)
            or declared_bytes < 0
        ):
            yield Finding(
                "byte-count-error",
                f"declared bytes {declared_bytes!r} is not a count",
                file=str(rel),
            )
            declared_bytes = None
        if not isinstance(declared_hash, str) or not HASH.match(declared_hash):
            yield Finding(
                "hash-count-error",
                f"declared hash {declared_hash!r} is not 'sha256:<64 hex>'",
                file=str(rel),
            )
            declared_hash = None
        try:
            size, digest = ctx.digest(rel)
        except Unavailable:
            continue  # reported by resource_paths
        if declared_bytes is not None and size != declared_bytes:
            yield Finding(
                "byte-count-error",
                f"file has {size} bytes, descriptor says {declared_bytes}",
                file=rel,
            )
        if declared_hash is not None and f"sha256:{digest}" != declared_hash:
            yield Finding(
                "hash-count-error",
                f"file's sha256 is {digest}, descriptor says {declared_hash[7:]}",
                file=rel,
            )
