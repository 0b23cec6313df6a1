"""Counts that one table keeps of another table's rows agree with those rows.

A consistent tamper can delete or insert rows of a table and fix every hash; the counts kept
elsewhere (`entities.mention_count`, `meetings.article_count`, ...) are then the only witness.
The pairs are declared as data in schema/contracts.py; a table that adds a count column adds one
line there.

The counted table is read batch by batch. A count of distinct values needs every row of a
pair together: it is counted run by run of a column the rows come grouped by (the key, or the
distinct column, whichever the table is sorted by), or, when neither is, from the two columns
read at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

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


class _Unordered(Exception):
    """The rows cannot be read in an order that holds from one pass to the next."""


def _source(ctx: PackageContext, spec: DerivedCount, whole: bool = False) -> Iterator[pa.Table]:
    """The counted rows, batch by batch, keyed by `spec.source_key` (or, through `via`, by the
    table's key): columns [source_key] or [source_key, distinct]. The rows come in the same
    order on every pass, which the streamed counts rely on, unless `whole` (the counts of all
    rows at once need no order)."""
    extra = [spec.distinct] if spec.distinct else []
    batches = ctx.batches(spec.source, [spec.source_key, *extra])
    if spec.via is None:
        return batches
    via_table, via_key, via_column = spec.via
    link = ctx.table(via_table).select([via_key, via_column])
    keys = link[via_key].combine_chunks()
    if len(pc.unique(keys)) != len(keys):  # a duplicate key (reported by primary_keys)
        # Arrow's join returns its rows in no set order (it differs run to run): only the
        # whole counts, which need no order, are taken from it
        if not whole:
            raise _Unordered

        def joined() -> Iterator[pa.Table]:
            for batch in batches:
                both = batch.join(link, spec.source_key, via_key, join_type="inner")
                yield both.select([via_column, *extra]).rename_columns([spec.source_key, *extra])

        return joined()
    values = link[via_column].combine_chunks()

    def looked_up() -> Iterator[pa.Table]:
        # the inner join with `link` (unique keys), the batch's rows kept in their order: the
        # via column (the table's key) takes the place of the source key
        for batch in batches:
            at = pc.index_in(batch[spec.source_key], value_set=keys, skip_nulls=True)
            if at.null_count:
                batch, at = batch.filter(pc.is_valid(at)), at.drop_null()
            mapped = values.take(at)
            yield pa.table([mapped, *(batch[c] for c in extra)], names=[spec.source_key, *extra])

    return looked_up()


def _grouped(ctx: PackageContext, spec: DerivedCount, column: str) -> bool:
    """Whether the rows of each value of `column` (nulls aside) come together."""
    done: set[Any] = set()
    last: Any = None
    for batch in _source(ctx, spec):
        ids = batch[column].combine_chunks().drop_null()
        if not len(ids):
            continue
        changes = pc.indices_nonzero(pc.not_equal(ids.slice(1), ids.slice(0, len(ids) - 1)))
        starts = [0, *(i + 1 for i in changes.to_pylist())]
        runs = ids.take(pa.array(starts, pa.int64())).to_pylist()
        if runs[0] == last:
            runs = runs[1:]
        if len(set(runs)) != len(runs) or done & set(runs):
            return False
        if last is not None:
            done.add(last)
        done.update(runs[:-1])
        last = ids[-1].as_py()
    return True


def _streamed_counts(ctx: PackageContext, spec: DerivedCount) -> pa.Table | None:
    """`_counts` of the whole source, from its batches; None when a distinct count cannot be
    taken run by run (the rows are grouped by neither column)."""
    counts: Counter[Any] = Counter()
    if spec.distinct is None:
        for batch in _source(ctx, spec):
            part = batch.group_by(spec.source_key).aggregate([([], "count_all")])
            _add(counts, part, spec.source_key)
    else:
        by = next((c for c in (spec.source_key, spec.distinct) if _grouped(ctx, spec, c)), None)
        if by is None:
            return None
        with_null: set[Any] = set()  # keys counted with a null distinct value
        waiting: pa.Table | None = None
        for batch in _source(ctx, spec):
            nulls = batch.filter(pc.is_null(batch[by]))
            if by == spec.distinct:
                with_null.update(nulls[spec.source_key].to_pylist())
            rows = batch.filter(pc.is_valid(batch[by]))
            rows = rows if waiting is None else pa.concat_tables([waiting, rows])
            if not rows.num_rows:
                continue
            last = rows[by][-1]
            done, waiting = (
                rows.filter(pc.not_equal(rows[by], last)),
                rows.filter(pc.equal(rows[by], last)),
            )
            _count_pairs(counts, done, spec)
        if waiting is not None:
            _count_pairs(counts, waiting, spec)
        counts.update(with_null)
    return pa.table(
        {spec.key: pa.array(list(counts), pa.string()), "__actual": list(counts.values())},
        schema=pa.schema([(spec.key, pa.string()), ("__actual", pa.int64())]),
    )


def _count_pairs(counts: Counter[Any], rows: pa.Table, spec: DerivedCount) -> None:
    assert spec.distinct is not None
    pairs = rows.group_by([spec.source_key, spec.distinct]).aggregate([])
    part = pairs.group_by(spec.source_key).aggregate([([], "count_all")])
    _add(counts, part, spec.source_key)


def _add(counts: Counter[Any], part: pa.Table, key: str) -> None:
    """Add the `count_all` of each `key` in `part` (a group_by's output) to `counts`."""
    counts.update(dict(zip(part[key].to_pylist(), part["count_all"].to_pylist(), strict=True)))


def _whole_counts(ctx: PackageContext, spec: DerivedCount) -> pa.Table:
    parts = list(_source(ctx, spec, whole=True))
    source = pa.concat_tables(parts) if parts else None
    if source is None:
        names = [spec.source_key, *([spec.distinct] if spec.distinct else [])]
        source = pa.table({n: pa.array([], pa.string()) for n in names})
    return _counts(source, spec)


def derived_counts(ctx: PackageContext) -> Iterator[Finding]:
    present = set(ctx.present_tables())
    for spec in DERIVED_COUNTS:
        needed = {spec.table, spec.source} | ({spec.via[0]} if spec.via else set())
        if not needed <= present:
            continue
        try:
            table = ctx.table(spec.table)
            try:
                actual = _streamed_counts(ctx, spec)
            except _Unordered:
                actual = None
            if actual is None:
                actual = _whole_counts(ctx, spec)
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
