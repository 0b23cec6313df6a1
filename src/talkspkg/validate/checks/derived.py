"""Counts that one table keeps of another table's rows agree with those rows.

A consistent tamper can delete or insert rows of a table and fix every hash; the counts kept
elsewhere (`entities.mention_count`, `meetings.article_count`, ...) are then the only witness.
The pairs are declared as data in schema/contracts.py; a table that adds a count column adds one
line there.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa
import pyarrow.compute as pc

from talkspkg.schema.contracts import DERIVED_COUNTS, DerivedCount
from talkspkg.validate.checks._util import row_findings
from talkspkg.validate.context import PackageContext, Unavailable
from talkspkg.validate.report import Finding


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


def _source(ctx: PackageContext, spec: DerivedCount) -> pa.Table:
    """The counted rows, keyed by `spec.source_key` (or, through `via`, by the table's key)."""
    source = ctx.table(spec.source)
    if spec.via is None:
        return source
    via_table, via_key, via_column = spec.via
    extra = [spec.distinct] if spec.distinct else []
    link = ctx.table(via_table).select([via_key, via_column])
    joined = source.select([spec.source_key, *extra]).join(
        link, spec.source_key, via_key, join_type="inner"
    )
    # the via column (the table's key) takes the place of the source key
    return joined.select([via_column, *extra]).rename_columns([spec.source_key, *extra])


def derived_counts(ctx: PackageContext) -> Iterator[Finding]:
    present = set(ctx.present_tables())
    for spec in DERIVED_COUNTS:
        needed = {spec.table, spec.source} | ({spec.via[0]} if spec.via else set())
        if not needed <= present:
            continue
        try:
            table = ctx.table(spec.table)
            actual = _counts(_source(ctx, spec), spec)
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
