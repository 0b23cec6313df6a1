"""Primary keys are unique, non-null and sorted; foreign keys resolve. Columnar, batch by batch:
while a table's keys come sorted (as the writer sorts them), a duplicate is next to its copy."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import reduce
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from talkspkg.schema.tableschema import table_meta
from talkspkg.validate.context import PackageContext, Unavailable
from talkspkg.validate.report import Finding
from talkspkg.validate.stream import Rows, row_key


def any_null(arrow: pa.Table, names: list[str]) -> pa.ChunkedArray:
    """True where any of the columns is null (keys of any width; `or_` takes two operands)."""
    return reduce(pc.or_, [pc.is_null(arrow[n]) for n in names])


@dataclass
class KeyScan:
    """What one pass over a table's primary key found."""

    nulls: Rows
    first_descent: tuple[int, str] | None = None  # (row number, key) of the first row out of order
    groups: list[tuple[str, int]] = field(default_factory=list)  # duplicated keys while sorted
    run: tuple[str, int] | None = None  # the key of the last rows and how many share it


def _same(cur: pa.Array, prev: pa.Array) -> pa.Array:
    """Equal, nulls equal to nulls."""
    eq = pc.fill_null(pc.equal(cur, prev), False)
    return pc.or_(eq, pc.and_(pc.is_null(cur), pc.is_null(prev)))


def _label(values: list[Any]) -> str:
    return "|".join(str(v) for v in values)


def key_scan(ctx: PackageContext, table: str) -> KeyScan:
    """Null keys, the first row out of order, and (while sorted) the duplicated keys, from one
    pass over the key columns; kept for primary_keys and row_order."""
    memo = ctx.memo.setdefault("keys", {})
    if table not in memo:
        memo[table] = _key_scan(ctx, table)
    value = memo[table]
    if isinstance(value, Exception):
        raise value
    return value  # type: ignore[no-any-return]


def _key_scan(ctx: PackageContext, table: str) -> KeyScan | Exception:
    key = list(table_meta(table)["primary_key"])
    try:
        batches = ctx.batches(table, key)
    except (Unavailable, KeyError) as exc:
        return exc
    scan = KeyScan(Rows(table))
    offset, last = 0, None
    for arrow in batches:
        nulls = pc.indices_nonzero(any_null(arrow, key)).to_pylist()
        scan.nulls.add(arrow, nulls, offset)
        combined = arrow if last is None else pa.concat_tables([last, arrow])
        start = offset - (0 if last is None else 1)  # table row of combined's first row
        if combined.num_rows > 1:
            if scan.first_descent is None:
                moved = pc.indices_nonzero(_descents(combined, key))
                if len(moved):
                    first = start + moved[0].as_py() + 1
                    local = first - offset
                    scan.first_descent = (first, row_key(table, arrow, local, offset))
            if scan.first_descent is None:
                _runs(scan, combined, key)
        elif last is None and arrow.num_rows == 1:
            scan.run = (_label([arrow[k][0].as_py() for k in key]), 1)
        last = arrow.slice(arrow.num_rows - 1) if arrow.num_rows else last
        offset += arrow.num_rows
    if scan.run is not None and scan.run[1] > 1:
        scan.groups.append(scan.run)
    return scan


def _runs(scan: KeyScan, combined: pa.Table, key: list[str]) -> None:
    """Extend the runs of equal keys with `combined` (its first row is the previous batch's
    last, if any: the last row of the current run); a finished run of two rows or more is a
    duplicated key."""
    n = combined.num_rows
    same: pa.Array | None = None
    for name in key:
        col = combined[name].combine_chunks()
        eq = _same(col.slice(1), col.slice(0, n - 1))
        same = eq if same is None else pc.and_(same, eq)
    assert same is not None

    def label(i: int) -> str:
        return _label([combined[k][i].as_py() for k in key])

    if scan.run is None:
        scan.run = (label(0), 1)
    if not pc.any(same).as_py():
        if scan.run[1] > 1:
            scan.groups.append(scan.run)
        scan.run = (label(n - 1), 1)
        return
    for i, equal in enumerate(same.to_pylist(), 1):
        if equal:
            scan.run = (scan.run[0], scan.run[1] + 1)
        else:
            if scan.run[1] > 1:
                scan.groups.append(scan.run)
            scan.run = (label(i), 1)


def primary_keys(ctx: PackageContext) -> Iterator[Finding]:
    for table in ctx.present_tables():
        key = list(table_meta(table)["primary_key"])
        try:
            scan = key_scan(ctx, table)
        except (Unavailable, KeyError):
            continue
        yield from scan.nulls.findings(
            type="primary-key-error",
            file=None,
            column=",".join(key),
            message="primary key is null",
        )
        groups = scan.groups if scan.first_descent is None else _duplicates(ctx, table, key)
        for value, count in groups[:10]:
            yield Finding(
                "primary-key-error",
                f"primary key {value!r} appears {count} times",
                table=table,
                row=value,
                column=",".join(key),
            )


def _duplicates(ctx: PackageContext, table: str, key: list[str]) -> list[tuple[str, int]]:
    """Duplicated keys of a table whose rows are not sorted: its key columns read at once."""
    arrow = ctx.column_table(table, key)
    if len(key) == 1 and pc.count_distinct(arrow[key[0]], mode="all").as_py() == len(arrow):
        return []
    groups = arrow.group_by(key).aggregate([([], "count_all")])
    dupes = groups.filter(pc.greater(groups["count_all"], 1))
    return [
        (_label([row[k] for k in key]), row["count_all"]) for row in dupes.slice(0, 10).to_pylist()
    ]


def foreign_keys(ctx: PackageContext) -> Iterator[Finding]:
    present = set(ctx.present_tables())
    for table in sorted(present):
        for fk in table_meta(table)["foreign_keys"]:
            fields, target, ref = list(fk["fields"]), fk["table"], list(fk["reference"])
            keyed = list(dict.fromkeys([*table_meta(table)["primary_key"], *fields]))
            try:
                child = ctx.batches(table, keyed)  # the key names the rows found
                parent = ctx.table(target).select(ref) if target in present else None
            except (Unavailable, KeyError):
                continue
            if parent is None:
                yield Finding(
                    "foreign-key-error", f"referenced table {target!r} is missing", table=table
                )
                continue
            rows, offset = Rows(table), 0
            parent = parent.rename_columns(fields)
            for batch in child:
                indices = _unresolved(batch.select(fields), parent)
                if indices:
                    shown = indices[: max(0, 10 - len(rows.keys))]
                    taken = batch.select(fields).take(pa.array(shown, pa.int64())).to_pylist()
                    values = ["|".join(str(v) for v in row.values()) for row in taken]
                    rows.add(batch, indices, offset, values + [None] * (len(indices) - len(shown)))
                offset += batch.num_rows
            yield from rows.findings(
                type="foreign-key-error",
                file=None,
                column=",".join(fields),
                message=f"references no row of {target}({', '.join(ref)})",
                with_values=True,
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
            scan = key_scan(ctx, table)
        except (Unavailable, KeyError):
            continue
        if scan.first_descent is not None:
            first, row = scan.first_descent
            yield Finding(
                "row-order-error",
                f"rows are not sorted by {', '.join(key)}; first out of place at row {first + 1}",
                table=table,
                row=row,
            )
