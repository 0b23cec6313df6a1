"""Primary keys are unique, non-null and sorted; foreign keys resolve. Joins, no row loops."""

from __future__ import annotations

from collections.abc import Iterator
from functools import reduce

import pyarrow as pa
import pyarrow.compute as pc

from talkspkg.schema.tableschema import table_meta
from talkspkg.validate.checks._util import row_findings
from talkspkg.validate.context import PackageContext, Unavailable
from talkspkg.validate.report import Finding


def any_null(arrow: pa.Table, names: list[str]) -> pa.ChunkedArray:
    """True where any of the columns is null (keys of any width; `or_` takes two operands)."""
    return reduce(pc.or_, [pc.is_null(arrow[n]) for n in names])


def primary_keys(ctx: PackageContext) -> Iterator[Finding]:
    for table in ctx.present_tables():
        key = list(table_meta(table)["primary_key"])
        try:
            arrow = ctx.table(table).select(key)
        except (Unavailable, KeyError):
            continue
        nulls = pc.indices_nonzero(any_null(arrow, key)).to_pylist()
        if nulls:
            yield from row_findings(
                ctx,
                type="primary-key-error",
                table=table,
                file=None,
                column=",".join(key),
                arrow=arrow,
                indices=nulls,
                message="primary key is null",
            )
        if len(key) == 1 and pc.count_distinct(arrow[key[0]], mode="all").as_py() == len(arrow):
            continue  # the common case, without grouping
        groups = arrow.group_by(key).aggregate([([], "count_all")])
        dupes = groups.filter(pc.greater(groups["count_all"], 1))
        for row in dupes.slice(0, 10).to_pylist():
            value = "|".join(str(row[k]) for k in key)
            yield Finding(
                "primary-key-error",
                f"primary key {value!r} appears {row['count_all']} times",
                table=table,
                row=value,
                column=",".join(key),
            )


def foreign_keys(ctx: PackageContext) -> Iterator[Finding]:
    present = set(ctx.present_tables())
    for table in sorted(present):
        for fk in table_meta(table)["foreign_keys"]:
            fields, target, ref = list(fk["fields"]), fk["table"], list(fk["reference"])
            try:
                child = ctx.table(table)
                parent = ctx.table(target).select(ref) if target in present else None
            except (Unavailable, KeyError):
                continue
            if parent is None:
                yield Finding(
                    "foreign-key-error", f"referenced table {target!r} is missing", table=table
                )
                continue
            indices = _unresolved(child.select(fields), parent.rename_columns(fields))
            if indices:
                values = child.select(fields).take(pa.array(indices[:10], pa.int64())).to_pylist()
                yield from row_findings(
                    ctx,
                    type="foreign-key-error",
                    table=table,
                    file=None,
                    column=",".join(fields),
                    arrow=child,
                    indices=indices,
                    message=f"references no row of {target}({', '.join(ref)})",
                    values=["|".join(str(v) for v in row.values()) for row in values],
                )


def _unresolved(keys: pa.Table, parent: pa.Table) -> list[int]:
    """Rows of `keys` (no null part) found in no row of `parent` (same column names)."""
    names = keys.column_names
    if len(names) == 1:  # a set lookup, no join
        found = pc.is_in(keys[names[0]], value_set=parent[names[0]].combine_chunks())
        missing = pc.and_(pc.invert(found), pc.is_valid(keys[names[0]]))
        return pc.indices_nonzero(missing).to_pylist()  # type: ignore[no-any-return]
    keys = keys.append_column("__i", pa.array(range(keys.num_rows), pa.int64()))
    keys = keys.filter(pc.invert(any_null(keys, names)))
    parent = parent.append_column("__hit", pa.array([True] * parent.num_rows, pa.bool_()))
    joined = keys.join(
        parent.group_by(names).aggregate([("__hit", "max")]), names, join_type="left outer"
    )
    return sorted(joined.filter(pc.is_null(joined["__hit_max"]))["__i"].to_pylist())


def _descents(arrow: pa.Table, key: list[str]) -> pa.ChunkedArray | pa.Array:
    """True at row i (i >= 1) where row i sorts before row i - 1 by `key` (nulls last)."""
    n = arrow.num_rows
    ok: pa.Array | None = None  # row i >= row i - 1 on the keys compared so far (from the last)
    for name in reversed(key):
        col = arrow[name].combine_chunks()
        cur, prev = col.slice(1), col.slice(0, n - 1)
        # nulls sort last: a null after a value is ascending, a value after a null is not
        gt = pc.if_else(
            pc.is_null(cur), pc.is_valid(prev), pc.fill_null(pc.greater(cur, prev), False)
        )
        eq = pc.fill_null(pc.equal(cur, prev), False)
        eq = pc.or_(eq, pc.and_(pc.is_null(cur), pc.is_null(prev)))
        ok = pc.or_(gt, eq) if ok is None else pc.or_(gt, pc.and_(eq, ok))
    assert ok is not None
    return pc.invert(ok)


def row_order(ctx: PackageContext) -> Iterator[Finding]:
    """Rows are sorted by primary key, as the writer normalizes them: same input, same bytes."""
    for table in ctx.present_tables():
        key = list(table_meta(table)["primary_key"])
        try:
            arrow = ctx.table(table).select(key)
        except (Unavailable, KeyError):
            continue
        if arrow.num_rows < 2:
            continue
        moved = pc.indices_nonzero(_descents(arrow, key))
        if len(moved):
            first = moved[0].as_py() + 1  # the first row that sorts before the row above it
            yield Finding(
                "row-order-error",
                f"rows are not sorted by {', '.join(key)}; first out of place at row {first + 1}",
                table=table,
                row=ctx.row_keys(table, arrow, [first])[0],
            )
