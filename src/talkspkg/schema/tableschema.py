"""Derive the Frictionless Table Schema and the Arrow schema of a table from its pandera model."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import pandera.pandas as pa
import pyarrow as pa_arrow

from talkspkg.schema.models import MODELS
from talkspkg.schema.types import LOGICAL_TYPES

# pandera check name -> (Table Schema constraint, statistic) for the checks we translate.
_CONSTRAINTS = {
    "greater_than_or_equal_to": ("minimum", "min_value"),
    "less_than_or_equal_to": ("maximum", "max_value"),
    "str_matches": ("pattern", "pattern"),
    "isin": ("enum", "allowed_values"),
}


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    type: str  # Table Schema type
    arrow: pa_arrow.DataType
    required: bool
    unique: bool
    description: str
    constraints: dict[str, Any]


def _logical_type(column: pa.Column) -> str:
    override = (column.metadata or {}).get("type")
    key = override or str(column.dtype)
    if key not in LOGICAL_TYPES:
        raise TypeError(f"column {column.name!r}: no Table Schema type for dtype {key!r}")
    return key


@cache
def columns(table: str) -> tuple[ColumnSpec, ...]:
    """The columns of `table`, in published order, as derived from its model."""
    schema = MODELS[table].to_schema()
    specs = []
    for name, column in schema.columns.items():
        logical = _logical_type(column)
        ts_type, arrow = LOGICAL_TYPES[logical]
        constraints: dict[str, Any] = {}
        for check in column.checks:
            if check.name in _CONSTRAINTS:
                key, stat = _CONSTRAINTS[check.name]
                value = check.statistics[stat]
                if key == "enum":
                    value = sorted(value)
                if key == "pattern":
                    value = value.removeprefix("^").removesuffix("$")
                constraints[key] = value
        specs.append(
            ColumnSpec(
                name=name,
                type=ts_type,
                arrow=arrow,
                required=not column.nullable,
                unique=column.unique,
                description=column.description or "",
                constraints=constraints,
            )
        )
    return tuple(specs)


def table_meta(table: str) -> dict[str, Any]:
    return dict(MODELS[table].Config.metadata)


def arrow_schema(table: str) -> pa_arrow.Schema:
    return pa_arrow.schema(
        [pa_arrow.field(c.name, c.arrow, nullable=not c.required) for c in columns(table)]
    )


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
