"""Turn stage rows into normalized Arrow tables: model column order, typed, sorted by key."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from talkspkg.errors import BuildError
from talkspkg.schema.tableschema import arrow_schema, columns, table_meta


def to_arrow(table: str, rows: Sequence[Mapping[str, Any]]) -> pa.Table:
    """Build the normalized `table` from row mappings."""
    return normalize(table, rows_to_arrow(table, rows))


def rows_to_arrow(table: str, rows: Sequence[Mapping[str, Any]]) -> pa.Table:
    """Typed Arrow table from row mappings; every model column must be present in every row."""
    names = [c.name for c in columns(table)]
    data: dict[str, list[Any]] = {name: [] for name in names}
    for i, row in enumerate(rows):
        missing = set(names) - set(row)
        extra = set(row) - set(names)
        if missing or extra:
            raise BuildError(
                f"{table}: row {i} does not match the model "
                f"(missing {sorted(missing)}, unexpected {sorted(extra)})"
            )
        for name in names:
            data[name].append(row[name])
    return pa.Table.from_pydict(data, schema=arrow_schema(table))


def columns_to_arrow(table: str, data: dict[str, list[Any]]) -> pa.Table:
    """Build the normalized `table` from its columns (a list of values per column, every model
    column present; none at all when there are no rows): the table `to_arrow` builds from the
    same rows in any order. Consumes `data`: each list is let go once its Arrow array is made."""
    schema = arrow_schema(table)
    if not data:
        data = {name: [] for name in schema.names}
    if set(data) != set(schema.names):
        raise BuildError(
            f"{table}: columns do not match the model (missing "
            f"{sorted(set(schema.names) - set(data))}, unexpected "
            f"{sorted(set(data) - set(schema.names))})"
        )
    arrays = [pa.array(data.pop(f.name), type=f.type) for f in schema]
    return normalize(table, pa.Table.from_arrays(arrays, schema=schema))


def normalize(table: str, arrow: pa.Table) -> pa.Table:
    """Fixed column order, rows sorted by primary key, primary key unique (else BuildError)."""
    arrow = arrow.select([c.name for c in columns(table)]).cast(arrow_schema(table))
    key = list(table_meta(table)["primary_key"])
    arrow = arrow.sort_by([(k, "ascending") for k in key])
    if arrow.num_rows:
        counts = arrow.group_by(key).aggregate([([], "count_all")])
        dupes = counts.filter(pc.greater(counts["count_all"], 1))
        if dupes.num_rows:
            first = dupes.slice(0, 1).to_pylist()[0]
            raise BuildError(f"{table}: duplicate primary key {first} ({dupes.num_rows} keys)")
    return arrow.combine_chunks()
