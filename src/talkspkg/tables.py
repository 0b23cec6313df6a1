"""Turn stage rows into normalized Arrow tables: model column order, typed, sorted by key."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from talkspkg.errors import BuildError
from talkspkg.schema.tableschema import arrow_schema, columns, table_meta

# rows per piece of a table made from columns: that of a Parquet row group (package.py)
PIECE_ROWS = 131_072


def to_arrow(table: str, rows: Sequence[Mapping[str, Any]]) -> pa.Table:
    """Build the normalized `table` from row mappings."""
    return normalize(table, rows_to_arrow(table, rows))


def rows_to_arrow(table: str, rows: Sequence[Mapping[str, Any]]) -> pa.Table:
    """Typed Arrow table from row mappings; every model column must be present in every row."""
    data = rows_to_columns(table, rows)
    return pa.Table.from_pydict(data, schema=arrow_schema(table))


def rows_to_columns(
    table: str, rows: Sequence[Mapping[str, Any]], consume: bool = False
) -> dict[str, list[Any]]:
    """The columns of row mappings (every model column present in every row, else
    BuildError); with `consume`, each row is let go from `rows` (a list) once read."""
    names = [c.name for c in columns(table)]
    data: dict[str, list[Any]] = {name: [] for name in names}
    for i, row in enumerate(rows):
        if consume:
            rows[i] = None  # type: ignore[index]
        missing = set(names) - set(row)
        extra = set(row) - set(names)
        if missing or extra:
            raise BuildError(
                f"{table}: row {i} does not match the model "
                f"(missing {sorted(missing)}, unexpected {sorted(extra)})"
            )
        for name in names:
            data[name].append(row[name])
    return data


def columns_to_arrow(table: str, data: dict[str, list[Any]]) -> pa.Table:
    """Build the normalized `table` from its columns (a list of values per column, every model
    column present; none at all when there are no rows): the table `to_arrow` builds from the
    same rows in any order. Consumes `data`."""
    pieces = list(column_pieces(table, data))
    return pa.concat_tables(pieces or [arrow_schema(table).empty_table()]).combine_chunks()


def column_pieces(
    table: str, data: dict[str, list[Any]], rows: int = PIECE_ROWS
) -> Iterator[pa.Table]:
    """`columns_to_arrow(table, data)` in consecutive pieces of `rows` rows (the last one the
    rest; none when there are no rows), so that the table need never be held whole as Arrow
    beside its columns: the key columns give the rows' order (and are checked unique) before
    any piece is made. `data` is let go after the last piece."""
    schema = arrow_schema(table)
    if not data:
        data = {name: [] for name in schema.names}
    if set(data) != set(schema.names):
        raise BuildError(
            f"{table}: columns do not match the model (missing "
            f"{sorted(set(schema.names) - set(data))}, unexpected "
            f"{sorted(set(data) - set(schema.names))})"
        )
    key = list(table_meta(table)["primary_key"])
    keys = pa.table({k: pa.array(data[k], type=schema.field(k).type) for k in key})
    order = _order(keys, key)
    _check_unique(table, keys.take(order), key)
    del keys
    for start in range(0, len(order), rows):
        at = order.slice(start, rows).to_pylist()
        arrays = [pa.array([data[f.name][i] for i in at], type=f.type) for f in schema]
        yield pa.Table.from_arrays(arrays, schema=schema)
    data.clear()


def _order(arrow: pa.Table, key: list[str]) -> pa.Array:
    """The indices that sort `arrow` by `key` (stable: those of Table.sort_by)."""
    return pc.sort_indices(arrow, sort_keys=[(k, "ascending") for k in key])


def _check_unique(table: str, arrow: pa.Table, key: list[str]) -> None:
    if arrow.num_rows:
        counts = arrow.select(key).group_by(key).aggregate([([], "count_all")])
        dupes = counts.filter(pc.greater(counts["count_all"], 1))
        if dupes.num_rows:
            first = dupes.slice(0, 1).to_pylist()[0]
            raise BuildError(f"{table}: duplicate primary key {first} ({dupes.num_rows} keys)")


def normalize(table: str, arrow: pa.Table) -> pa.Table:
    """Fixed column order, rows sorted by primary key, primary key unique (else BuildError)."""
    arrow = arrow.select([c.name for c in columns(table)]).cast(arrow_schema(table))
    key = list(table_meta(table)["primary_key"])
    arrow = arrow.sort_by([(k, "ascending") for k in key])
    _check_unique(table, arrow, key)
    return arrow.combine_chunks()
