"""Span integrity for every table with (article_id, start, end, text): offsets within the
article, and text equal to the raw slice.

Each table is read batch by batch. The range check looks each row's article up in the
articles table in Arrow (`pc.index_in`; one DuckDB join per batch where article ids repeat).
The text check slices in Python on purpose: Python strings index characters in O(1), while SQL
`substring` on UTF-8 walks from the start of the string, which made validation quadratic
(minutes) on a 10 MB article; and a numpy comparison of the code points (each batch's raw texts
and span texts encoded as UTF-32, every span's characters gathered from both) measured slower
than this loop, spans being short. A batch's rows are taken article by article, so each raw
text is decoded once per batch (once per table where the table is sorted by article); the
context keeps the recent ones.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from talkspkg.schema.tableschema import columns, table_meta
from talkspkg.validate.context import PackageContext, Unavailable
from talkspkg.validate.report import Finding
from talkspkg.validate.stream import Rows

SPAN_COLUMNS = {"article_id", "start", "end", "text"}


def span_tables(ctx: PackageContext) -> list[str]:
    return [
        t
        for t in ctx.present_tables()
        if {c.name for c in columns(t)} >= SPAN_COLUMNS and t != "articles"
    ]


def _raw_paths(ctx: PackageContext) -> pa.Table | None:
    """article_id and raw_path of every article, last row first (so that the last row of an
    article wins in `_paths_of`, as a dict of texts did); None when the package has no raw
    folder. Arrow columns, not a dict: 100,000 articles would hold 200,000 strings."""
    if not (ctx.root / "raw").is_dir():
        return None
    rows = ctx.table("articles").select(["article_id", "raw_path"])
    return rows.take(pa.array(range(rows.num_rows - 1, -1, -1), pa.int64()))


def _paths_of(paths: pa.Table, article_ids: pa.Array | pa.ChunkedArray) -> list[str | None]:
    """The raw path of each article id (None when no article has the id)."""
    at = pc.index_in(article_ids, value_set=paths["article_id"].combine_chunks())
    return pc.take(paths["raw_path"], at).to_pylist()  # type: ignore[no-any-return]


def _raw_text(ctx: PackageContext, rel: str | None) -> str | None:
    if rel is None:
        return None
    try:
        return ctx.raw_text(rel)
    except Unavailable:
        return None  # reported by raw_integrity


def _mismatched(ctx: PackageContext, spans: pa.Table, paths: pa.Table) -> list[int]:
    """Indices of rows with sane offsets whose text is not raw_text[start:end]. The rows are
    taken article by article (Arrow sorts them), so that one raw text is held at a time."""
    ids = spans["article_id"]
    known = pc.drop_null(pc.unique(ids))
    rels = _paths_of(paths, known)
    article = pc.fill_null(pc.index_in(ids, value_set=known), -1)  # -1: a null id
    order = pc.sort_indices(article)
    columns = [
        pc.take(c, order).to_pylist()
        for c in (article, *(spans[c] for c in ("start", "end", "text")))
    ]
    rows = order.to_pylist()
    bad = []
    current, source = -1, None
    for n, (at, start, end, text) in enumerate(zip(*columns, strict=True)):
        if start is None or end is None or start < 0 or end <= start or at < 0:
            continue
        if at != current:
            current, source = at, _raw_text(ctx, rels[at])
        if source is not None and source[start:end] != text:
            bad.append(rows[n])
    return sorted(bad)


def _out_of_range(articles: pa.Table, spans: pa.Table) -> list[int] | None:
    """Indices of rows whose offsets are not 0 <= start < end <= their article's char_count
    (rows of no article are not judged); None when article ids repeat, where a row is judged
    once per article row (the SQL join of `_out_of_range_sql`)."""
    ids = articles["article_id"]
    if pc.count_distinct(ids).as_py() != len(ids) - ids.null_count:
        return None
    at = pc.index_in(spans["article_id"], value_set=ids.combine_chunks(), skip_nulls=True)
    chars = pc.take(articles["char_count"], at)
    start, end = spans["start"], spans["end"]
    wrong = pc.or_kleene(
        pc.or_kleene(pc.less(start, 0), pc.greater(end, chars)), pc.greater_equal(start, end)
    )
    judged = pc.and_(pc.is_valid(at), pc.fill_null(wrong, False))
    return pc.indices_nonzero(judged).to_pylist()  # type: ignore[no-any-return]


def _out_of_range_sql(con: Any, spans: pa.Table) -> list[int]:
    numbered = spans.append_column("__i", pa.array(range(spans.num_rows), pa.int64()))
    con.register("spans", numbered)
    found = con.execute(
        "SELECT s.__i FROM spans s JOIN articles a USING (article_id) "
        'WHERE s.start < 0 OR s."end" > a.char_count OR s.start >= s."end" '
        "ORDER BY s.__i"
    ).fetchall()
    con.unregister("spans")
    return [i for (i,) in found]


def span_integrity(ctx: PackageContext) -> Iterator[Finding]:
    tables = span_tables(ctx)
    if not tables or "articles" not in ctx.present_tables():
        return
    try:
        articles = ctx.table("articles").select(["article_id", "char_count"])
        paths = _raw_paths(ctx)
    except (Unavailable, KeyError):
        return
    con = None
    for table in tables:
        key = list(table_meta(table)["primary_key"])
        names = list(dict.fromkeys([*key, "article_id", "start", "end", "text"]))
        try:
            batches = ctx.batches(table, names)
        except (Unavailable, KeyError):
            continue
        bad_range, mismatch, offset = Rows(table), Rows(table), 0
        for batch in batches:
            spans = batch.select(["article_id", "start", "end", "text"])
            indices = _out_of_range(articles, spans)
            if indices is None:
                if con is None:
                    import duckdb

                    con = duckdb.connect()
                    con.register("articles", articles)
                indices = _out_of_range_sql(con, spans)
            bad_range.add(batch, indices, offset)
            if paths is not None:
                already = set(indices)
                wrong = [i for i in _mismatched(ctx, spans, paths) if i not in already]
                mismatch.add(batch, wrong, offset)
            offset += batch.num_rows
        yield from bad_range.findings(
            type="span-out-of-range",
            file=None,
            column="start,end",
            message="offsets are not 0 <= start < end <= the article's char_count",
        )
        yield from mismatch.findings(
            type="span-mismatch",
            file=None,
            column="text",
            message="text differs from raw_text[start:end] of its article",
        )
