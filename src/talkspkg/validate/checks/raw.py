"""Raw articles shipped in the package match the hashes and lengths the articles table records."""

from __future__ import annotations

from collections.abc import Iterator

from talkspkg.validate.context import PackageContext, Unavailable
from talkspkg.validate.report import Finding


def raw_integrity(ctx: PackageContext) -> Iterator[Finding]:
    if not (ctx.root / "raw").is_dir() or "articles" not in ctx.present_tables():
        return
    try:
        rows = ctx.table("articles").select(["article_id", "raw_path", "raw_sha256"]).to_pylist()
    except (Unavailable, KeyError):
        return
    for row in rows:
        try:
            _, digest = ctx.digest(row["raw_path"])
        except Unavailable as exc:
            yield Finding("raw-missing", str(exc), table="articles", row=row["article_id"], column="raw_path")
            continue
        if digest != row["raw_sha256"]:
            yield Finding(
                "raw-hash-error",
                f"{row['raw_path']} has sha256 {digest}, the table records {row['raw_sha256']}: "
                "the raw article changed after the build; rebuild the package",
                table="articles", row=row["article_id"], column="raw_sha256",
            )
