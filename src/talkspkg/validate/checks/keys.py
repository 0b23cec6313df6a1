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
        indexed = arrow.append_column("__i", pa.array(range(arrow.num_rows), pa.int64()))
        groups = indexed.group_by(key).aggregate([("__i", "list"), ("__i", "count")])
        dupes = groups.filter(pc.greater(groups["__i_count"], 1))
        for row in dupes.slice(0, 10).to_pylist():
            value = "|".join(str(row[k]) for k in key)
            yield Finding(
                "primary-key-error",
                f"primary key {value!r} appears {row['__i_count']} times",
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
            keys = child.select(fields).append_column(
                "__i", pa.array(range(child.num_rows), pa.int64())
            )
            keys = keys.filter(pc.invert(any_null(keys, fields)))
            parent = parent.rename_columns(fields).append_column(
                "__hit", pa.array([True] * parent.num_rows)
            )
            joined = keys.join(
                parent.group_by(fields).aggregate([("__hit", "max")]),
                fields,
                join_type="left outer",
            )
            missing = joined.filter(pc.is_null(joined["__hit_max"]))
            indices = sorted(missing["__i"].to_pylist())
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


def row_order(ctx: PackageContext) -> Iterator[Finding]:
    """Rows are sorted by primary key, as the writer normalizes them: same input, same bytes."""
    for table in ctx.present_tables():
        key = list(table_meta(table)["primary_key"])
        try:
            arrow = ctx.table(table).select(key)
        except (Unavailable, KeyError):
            continue
        order = pc.sort_indices(arrow, sort_keys=[(k, "ascending") for k in key])
        moved = pc.indices_nonzero(
            pc.not_equal(order, pa.array(range(arrow.num_rows), pa.uint64()))
        )
        if len(moved):
            first = moved[0].as_py()
            yield Finding(
                "row-order-error",
                f"rows are not sorted by {', '.join(key)}; first out of place at row {first + 1}",
                table=table,
                row=ctx.row_keys(table, arrow, [first])[0],
            )
