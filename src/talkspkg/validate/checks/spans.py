"""Span integrity for every table with (article_id, start, end, text): offsets within the
article, and text equal to the raw slice.

The range check is one DuckDB join per table. The text check slices in Python on purpose: Python
strings index characters in O(1), while SQL `substring` on UTF-8 walks from the start of the
string, which made validation quadratic (minutes) on a 10 MB article.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa

from talkspkg.schema.tableschema import columns
from talkspkg.validate.checks._util import row_findings
from talkspkg.validate.context import PackageContext, Unavailable
from talkspkg.validate.report import Finding

SPAN_COLUMNS = {"article_id", "start", "end", "text"}


def span_tables(ctx: PackageContext) -> list[str]:
    return [
        t
        for t in ctx.present_tables()
        if {c.name for c in columns(t)} >= SPAN_COLUMNS and t != "articles"
    ]


def _raw_texts(ctx: PackageContext) -> dict[str, str] | None:
    """Raw text of every article whose raw file is present and decodes, by article_id."""
    if not (ctx.root / "raw").is_dir():
        return None
    texts: dict[str, str] = {}
    for row in ctx.table("articles").select(["article_id", "raw_path"]).to_pylist():
        try:
            texts[row["article_id"]] = ctx.raw_text(row["raw_path"])
        except Unavailable:
            continue  # reported by raw_integrity
    return texts


SPAN_CHUNK = 65_536  # rows turned into Python values at a time (memory stays bounded)


def _mismatched(spans: pa.Table, raw: dict[str, str]) -> list[int]:
    """Indices of rows with sane offsets whose text is not raw_text[start:end]."""
    bad = []
    for offset in range(0, spans.num_rows, SPAN_CHUNK):
        part = spans.slice(offset, SPAN_CHUNK)
        cols = [part[c].to_pylist() for c in ("article_id", "start", "end", "text")]
        for i, (article_id, start, end, text) in enumerate(zip(*cols, strict=True), offset):
            source = raw.get(article_id)
            if source is None or start is None or end is None or start < 0 or end <= start:
                continue
            if source[start:end] != text:
                bad.append(i)
    return bad


def span_integrity(ctx: PackageContext) -> Iterator[Finding]:
    tables = span_tables(ctx)
    if not tables or "articles" not in ctx.present_tables():
        return
    import duckdb

    try:
        articles = ctx.table("articles").select(["article_id", "char_count"])
    except (Unavailable, KeyError):
        return
    raw = _raw_texts(ctx)
    con = duckdb.connect()
    con.register("articles", articles)
    for table in tables:
        try:
            arrow = ctx.table(table)
        except Unavailable:
            continue
        spans = arrow.select(["article_id", "start", "end", "text"]).append_column(
            "__i", pa.array(range(arrow.num_rows), pa.int64())
        )
        con.register("spans", spans)
        out_of_range = con.execute(
            "SELECT s.__i FROM spans s JOIN articles a USING (article_id) "
            'WHERE s.start < 0 OR s."end" > a.char_count OR s.start >= s."end" ORDER BY s.__i'
        ).fetchall()
        con.unregister("spans")
        bad_range = [i for (i,) in out_of_range]
        if bad_range:
            yield from row_findings(
                ctx,
                type="span-out-of-range",
                table=table,
                file=None,
                column="start,end",
                arrow=arrow,
                indices=bad_range,
                message="offsets are not 0 <= start < end <= the article's char_count",
            )
        if raw is not None:
            already = set(bad_range)
            indices = [i for i in _mismatched(spans, raw) if i not in already]
            if indices:
                yield from row_findings(
                    ctx,
                    type="span-mismatch",
                    table=table,
                    file=None,
                    column="text",
                    arrow=arrow,
                    indices=indices,
                    message="text differs from raw_text[start:end] of its article",
                )
