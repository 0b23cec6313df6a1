"""The Table Schema and Arrow schema of each table, read from `schema/tables.json`.

That file is derived from the pandera models by `python -m talkspkg.schema.derive` (and a test
fails when it differs from a fresh derivation), so the models stay the single source of truth
while building a package imports neither pandera nor pandas.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import pyarrow as pa_arrow

from talkspkg.schema.types import ARROW_BY_NAME

DERIVED_FILE = files("talkspkg.schema") / "tables.json"


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    type: str  # Table Schema type
    arrow: pa_arrow.DataType
    required: bool
    unique: bool
    description: str
    constraints: dict[str, Any]


@cache
def _derived() -> dict[str, Any]:
    return json.loads(DERIVED_FILE.read_text("utf-8"))


def table_names() -> tuple[str, ...]:
    """Every table, in published order (the order of the models)."""
    return tuple(_derived())


@cache
def columns(table: str) -> tuple[ColumnSpec, ...]:
    """The columns of `table`, in published order, as derived from its model."""
    return tuple(
        ColumnSpec(**{**c, "arrow": ARROW_BY_NAME[c["arrow"]]})
        for c in _derived()[table]["columns"]
    )


def model_rules(table: str) -> dict[str, Any]:
    """What `table`'s model checks, as data (validate.compiled executes it on Arrow)."""
    return dict(_derived()[table]["rules"])


def table_meta(table: str) -> dict[str, Any]:
    return dict(_derived()[table]["meta"])


def arrow_schema(table: str) -> pa_arrow.Schema:
    """The Arrow schema of `table`'s Parquet file. Nullable integer columns are marked, in the
    `pandas` metadata pyarrow reads back, as pandas' nullable `Int64`: `to_pandas()` (and
    `frictionless validate`, which reads Parquet through it) then gives `<NA>` for a null
    instead of turning the column into floats with NaN (which frictionless reports as a type
    error, and which rounds large integers)."""
    specs = columns(table)
    schema = pa_arrow.schema(
        [pa_arrow.field(c.name, c.arrow, nullable=not c.required) for c in specs]
    )
    nullable_ints = [c.name for c in specs if not c.required and pa_arrow.types.is_integer(c.arrow)]
    if not nullable_ints:
        return schema
    pandas = {
        "index_columns": [],
        "column_indexes": [],
        "columns": [
            {
                "name": n,
                "field_name": n,
                "pandas_type": "int64",
                "numpy_type": "Int64",
                "metadata": None,
            }
            for n in nullable_ints
        ],
    }
    return schema.with_metadata({b"pandas": json.dumps(pandas, sort_keys=True).encode()})


def table_schema(table: str) -> dict[str, Any]:
    """The Frictionless Table Schema (v2) of `table`."""
    meta = table_meta(table)
    fields = []
    for c in columns(table):
        field: dict[str, Any] = {"name": c.name, "type": c.type, "description": c.description}
        if c.type == "date":
            field["format"] = "default"
        constraints = dict(c.constraints)
        if c.required:
            constraints["required"] = True
        if c.unique and len(meta["primary_key"]) != 1:
            constraints["unique"] = True
        if constraints:
            field["constraints"] = dict(sorted(constraints.items()))
        fields.append(field)
    return {
        "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
        "title": meta["title"],
        "description": meta["description"],
        "fields": fields,
        "missingValues": [""],
        "primaryKey": list(meta["primary_key"]),
        "foreignKeys": [
            {
                "fields": list(fk["fields"]),
                "reference": {"resource": fk["table"], "fields": list(fk["reference"])},
            }
            for fk in meta["foreign_keys"]
        ],
    }
