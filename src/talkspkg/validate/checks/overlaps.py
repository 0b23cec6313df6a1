"""Tables whose model declares `disjoint_spans` (quotes): no two spans of an article overlap.
Columnar: sort by (article_id, start) and compare each start with the previous row's end.

Batch by batch while each article's rows come together (as they do when the table is sorted by
an id that starts with the article's): the rows of the batch's last article wait for the next
batch. Otherwise the three columns are read at once and sorted as a whole.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa
import pyarrow.compute as pc

from talkspkg.schema.tableschema import table_meta
from talkspkg.validate.context import PackageContext, Unavailable
from talkspkg.validate.report import Finding
from talkspkg.validate.stream import Rows

SPAN = ["article_id", "start", "end"]


def _overlapping(spans: pa.Table) -> list[int]:
    """Rows (by `__i`) whose span overlaps the one before it in its article, start order."""
    if spans.num_rows < 2:
        return []
    spans = spans.sort_by([("article_id", "ascending"), ("start", "ascending")])
    same_article = pc.equal(spans["article_id"][1:], spans["article_id"][:-1])
    overlapping = pc.less(spans["start"][1:], spans["end"][:-1])
    hits = pc.indices_nonzero(pc.and_(same_article, overlapping))
    return sorted(spans["__i"].take(pc.add(hits, 1)).to_pylist()) if len(hits) else []


def _by_article(ctx: PackageContext, table: str, names: list[str]) -> tuple[Rows, bool]:
    """The overlapping rows, article by article; False when an article's rows are apart."""
    rows, offset, done = Rows(table), 0, set()
    waiting: pa.Table | None = None  # rows of the last article seen, with their `__i`
    for batch in ctx.batches(table, names):
        n = batch.num_rows
        batch = batch.append_column("__i", pa.array(range(offset, offset + n), pa.int64()))
        offset += n
        batch = batch.filter(pc.is_valid(batch["article_id"]))  # null articles never overlap
        spans = batch if waiting is None else pa.concat_tables([waiting, batch])
        if not spans.num_rows:
            continue
        ids = spans["article_id"].combine_chunks()
        changes = pc.indices_nonzero(pc.not_equal(ids.slice(1), ids.slice(0, len(ids) - 1)))
        starts = [0, *(i + 1 for i in changes.to_pylist())]
        runs = ids.take(pa.array(starts, pa.int64())).to_pylist()
        if len(set(runs)) != len(runs) or done & set(runs):
            return rows, False
        done.update(runs[:-1])
        finished, waiting = spans.slice(0, starts[-1]), spans.slice(starts[-1])
        _add(rows, finished, _overlapping(finished))
    if waiting is not None:
        _add(rows, waiting, _overlapping(waiting))
    return rows, True


def _add(rows: Rows, spans: pa.Table, indices: list[int]) -> None:
    if not indices:
        return
    position = {i: n for n, i in enumerate(spans["__i"].to_pylist())}
    local = [position[i] for i in indices]
    for i, n in zip(indices, local, strict=True):
        rows.add(spans, [n], i - n)


def disjoint_spans(ctx: PackageContext) -> Iterator[Finding]:
    for table in ctx.present_tables():
        if not table_meta(table).get("disjoint_spans"):
            continue
        names = list(dict.fromkeys([*table_meta(table)["primary_key"], *SPAN]))
        try:
            if ctx.num_rows(table) < 2:
                continue
            rows, apart = _by_article(ctx, table, names)
        except (Unavailable, KeyError):
            continue
        if not apart:
            rows = Rows(table)
            whole = ctx.column_table(table, names)
            spans = whole.append_column("__i", pa.array(range(whole.num_rows), pa.int64()))
            _add(rows, spans, _overlapping(spans))
        yield from rows.findings(
            type="span-overlap",
            file=None,
            column="start,end",
            message="overlaps the previous span of the same article",
        )
