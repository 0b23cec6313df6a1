"""Span integrity for every table with (article_id, start, end, text): offsets within the
article, and text equal to the raw slice. One DuckDB join per table, no row loops."""

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
        t for t in ctx.present_tables() if SPAN_COLUMNS <= {c.name for c in columns(t)} and t != "articles"
    ]


def _raw_texts(ctx: PackageContext) -> pa.Table | None:
    """(article_id, raw_text) of every article whose raw file is present and decodes."""
    if not (ctx.root / "raw").is_dir():
        return None
    ids, texts = [], []
    for row in ctx.table("articles").select(["article_id", "raw_path"]).to_pylist():
        try:
            texts.append(ctx.path(row["raw_path"]).read_bytes().decode("utf-8"))
        except (Unavailable, UnicodeDecodeError):
            continue  # reported by raw_integrity
        ids.append(row["article_id"])
    return pa.table({"article_id": pa.array(ids, pa.string()), "raw_text": pa.array(texts, pa.large_string())})


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
    if raw is not None:
        con.register("raw", raw)
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
            'SELECT s.__i FROM spans s JOIN articles a USING (article_id) '
            'WHERE s.start < 0 OR s."end" > a.char_count OR s.start >= s."end" ORDER BY s.__i'
        ).fetchall()
        bad_range = [i for (i,) in out_of_range]
        if bad_range:
            yield from row_findings(
                ctx, type="span-out-of-range", table=table, file=None, column="start,end",
                arrow=arrow, indices=bad_range,
                message="offsets are not 0 <= start < end <= the article's char_count",
            )
        if raw is not None:
            mismatched = con.execute(
                'SELECT s.__i FROM spans s JOIN raw r USING (article_id) '
                'WHERE s.start >= 0 AND s."end" > s.start '
                'AND substring(r.raw_text, s.start + 1, s."end" - s.start) IS DISTINCT FROM s.text '
                'ORDER BY s.__i'
            ).fetchall()
            already = set(bad_range)
            indices = [i for (i,) in mismatched if i not in already]
            if indices:
                yield from row_findings(
                    ctx, type="span-mismatch", table=table, file=None, column="text",
                    arrow=arrow, indices=indices,
                    message="text differs from raw_text[start:end] of its article",
                )
        con.unregister("spans")
