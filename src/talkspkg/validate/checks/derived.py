"""Counts that one table keeps of another table's rows agree with those rows.

A consistent tamper can delete or insert rows of a table and fix every hash; the counts kept
elsewhere (`entities.mention_count`) are then the only witness. The pairs are declared here,
as data; a table that adds a count column adds one line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from talkspkg.validate.checks._util import row_findings
from talkspkg.validate.context import PackageContext, Unavailable
from talkspkg.validate.report import Finding


@dataclass(frozen=True)
class DerivedCount:
    """`table.column` = rows of `source` whose `source_key` equals `table.key` (or, with
    `distinct`, the number of distinct values of that column among them)."""

    table: str
    column: str
    key: str
    source: str
    source_key: str
    distinct: str | None = None


DERIVED_COUNTS = (
    DerivedCount("entities", "mention_count", "entity_id", "mentions", "entity_id"),
    DerivedCount("entities", "article_count", "entity_id", "mentions", "entity_id", "article_id"),
)


def _counts(source: pa.Table, spec: DerivedCount) -> pa.Table:
    if spec.distinct:
        pairs = (
            source.select([spec.source_key, spec.distinct])
            .group_by([spec.source_key, spec.distinct])
            .aggregate([])
        )
        counted = pairs.group_by(spec.source_key).aggregate([([], "count_all")])
    else:
        counted = (
            source.select([spec.source_key])
            .group_by(spec.source_key)
            .aggregate([([], "count_all")])
        )
    return counted.rename_columns([spec.key, "__actual"])


def derived_counts(ctx: PackageContext) -> Iterator[Finding]:
    present = set(ctx.present_tables())
    for spec in DERIVED_COUNTS:
        if not {spec.table, spec.source} <= present:
            continue
        try:
            table = ctx.table(spec.table)
            actual = _counts(ctx.table(spec.source), spec)
        except (Unavailable, KeyError, pa.ArrowException):
            continue
        indexed = table.select([spec.key, spec.column]).append_column(
            "__i", pa.array(range(table.num_rows), pa.int64())
        )
        joined = indexed.join(actual, spec.key, join_type="left outer")
        recorded = joined[spec.column]
        expected = pc.fill_null(joined["__actual"], 0)
        wrong = joined.filter(pc.fill_null(pc.not_equal(recorded, expected), True))
        if wrong.num_rows:
            yield from row_findings(
                ctx,
                type="derived-count-error",
                table=spec.table,
                file=None,
                column=spec.column,
                arrow=table,
                indices=sorted(wrong["__i"].to_pylist()),
                message=f"does not count the rows of {spec.source} by {spec.source_key}"
                + (f" (distinct {spec.distinct})" if spec.distinct else ""),
            )
