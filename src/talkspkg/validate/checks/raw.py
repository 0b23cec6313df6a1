"""Raw articles shipped in the package are the ones the articles table was built from.

Each `raw_path` must be a safe path declared by a resource (so the descriptor hashes it), hash
to `raw_sha256`, decode as strict UTF-8, and decode to exactly `char_count` characters: the
bound every offset is checked against.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pyarrow as pa

from talkspkg.validate.context import PackageContext, Unavailable
from talkspkg.validate.report import Finding


def raw_integrity(ctx: PackageContext) -> Iterator[Finding]:
    if "articles" not in ctx.present_tables():
        return
    try:
        articles = ctx.table("articles").select(
            ["article_id", "raw_path", "raw_sha256", "char_count"]
        )
    except (Unavailable, KeyError):
        return
    declared = {r.get("path") for r in ctx.resources() if isinstance(r.get("path"), str)}
    for row in _rows(articles):
        rel, where = row["raw_path"], {"table": "articles", "row": row["article_id"]}
        if rel not in declared:
            yield Finding(
                "missing-resource",
                f"raw article {rel!r} is not declared by any resource",
                column="raw_path",
                **where,
            )
        reason = ctx.unsafe_reason(rel)
        if reason:
            yield Finding("path-error", reason, column="raw_path", **where)
            continue
        try:
            _, digest = ctx.digest(rel)
        except Unavailable as exc:
            if rel not in declared:  # a declared file that is missing is already `missing-file`
                yield Finding("raw-missing", str(exc), column="raw_path", **where)
            continue
        if digest != row["raw_sha256"]:
            yield Finding(
                "raw-hash-error",
                f"{rel} has sha256 {digest}, the table records {row['raw_sha256']}: "
                "the raw article changed after the build; rebuild the package",
                column="raw_sha256",
                **where,
            )
        try:
            text = ctx.raw_text(rel)
        except Unavailable as exc:
            yield Finding("raw-encoding-error", str(exc), column="raw_path", **where)
            continue
        if len(text) != row["char_count"]:
            yield Finding(
                "raw-length-error",
                f"{rel} decodes to {len(text)} characters, the table records {row['char_count']}",
                column="char_count",
                **where,
            )


def _rows(arrow: pa.Table, size: int = 4096) -> Iterator[dict[str, Any]]:
    """The rows as dicts, a slice at a time (100,000 dicts at once weigh some 50 MB)."""
    for offset in range(0, arrow.num_rows, size):
        yield from arrow.slice(offset, size).to_pylist()
