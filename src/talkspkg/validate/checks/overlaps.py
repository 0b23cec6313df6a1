"""Tables whose model declares `disjoint_spans` (quotes): no two spans of an article overlap.
Columnar: sort by (article_id, start) and compare each start with the previous row's end."""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa
import pyarrow.compute as pc

from talkspkg.schema.tableschema import table_meta
from talkspkg.validate.checks._util import row_findings
from talkspkg.validate.context import PackageContext, Unavailable
from talkspkg.validate.report import Finding


def disjoint_spans(ctx: PackageContext) -> Iterator[Finding]:
    for table in ctx.present_tables():
        if not table_meta(table).get("disjoint_spans"):
            continue
        try:
            arrow = ctx.table(table)
            spans = arrow.select(["article_id", "start", "end"])
        except (Unavailable, KeyError):
            continue
        if spans.num_rows < 2:
            continue
        spans = spans.append_column("__i", pa.array(range(spans.num_rows), pa.int64()))
        spans = spans.sort_by([("article_id", "ascending"), ("start", "ascending")])
        same_article = pc.equal(spans["article_id"][1:], spans["article_id"][:-1])
        overlapping = pc.less(spans["start"][1:], spans["end"][:-1])
        hits = pc.indices_nonzero(pc.and_(same_article, overlapping))
        rows = sorted(spans["__i"].take(pc.add(hits, 1)).to_pylist()) if len(hits) else []
        if rows:
            yield from row_findings(
                ctx,
                type="span-overlap",
                table=table,
                file=None,
                column="start,end",
                arrow=arrow,
                indices=rows,
                message="overlaps the previous span of the same article",
            )
