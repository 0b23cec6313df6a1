"""Derive each table's columns and keys from its pandera model into `schema/tables.json`.

The pandera models (`schema/models.py`) are the single source of truth; this module reads them
and writes what the build needs from them (column names, types, nullability, uniqueness,
descriptions, the constraints a Table Schema can state, keys, and the model's checks as data
for the validator's Arrow executor) as JSON, so that building or validating a package never
imports pandera or pandas. `tableschema.py` reads that file. Regenerate it after
editing a model with `python -m talkspkg.schema.derive`; a test fails while it is stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pandera.pandas as pa
import pyarrow

from talkspkg.schema.models import MODELS
from talkspkg.schema.tableschema import DERIVED_FILE
from talkspkg.schema.types import ARROW_BY_NAME, LOGICAL_TYPES

# pandera check name -> (Table Schema constraint, statistic) for the checks we translate.
_CONSTRAINTS = {
    "greater_than_or_equal_to": ("minimum", "min_value"),
    "less_than_or_equal_to": ("maximum", "max_value"),
    "str_matches": ("pattern", "pattern"),
    "isin": ("enum", "allowed_values"),
}


def _logical_type(column: pa.Column) -> str:
    override = (column.metadata or {}).get("type")
    key = override or str(column.dtype)
    if key not in LOGICAL_TYPES:
        raise TypeError(f"column {column.name!r}: no Table Schema type for dtype {key!r}")
    return key


def derive_columns(table: str) -> list[dict[str, Any]]:
    """The columns of `table`, in published order, as its model states them."""
    specs = []
    for name, column in MODELS[table].to_schema().columns.items():
        ts_type, arrow = LOGICAL_TYPES[_logical_type(column)]
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
            {
                "name": name,
                "type": ts_type,
                "arrow": str(arrow),
                "required": not column.nullable,
                "unique": column.unique,
                "description": column.description or "",
                "constraints": constraints,
            }
        )
    return specs


def model_arrow_schema(table: str) -> pyarrow.Schema:
    """The Arrow schema of `table` straight from its model (for code that runs the model)."""
    return pyarrow.schema(
        [
            pyarrow.field(c["name"], ARROW_BY_NAME[c["arrow"]], nullable=not c["required"])
            for c in derive_columns(table)
        ]
    )


def derive() -> dict[str, Any]:
    """Every table, in the models' order: its metadata and its columns."""
    from talkspkg.validate.compiled import derive_rules

    return {
        table: {
            "meta": dict(model.Config.metadata),
            "columns": derive_columns(table),
            "rules": derive_rules(table),
        }
        for table, model in MODELS.items()
    }


def render() -> str:
    """The text of schema/tables.json."""
    return json.dumps(derive(), indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> None:
    target = Path(argv[1]) if len(argv) > 1 else Path(str(DERIVED_FILE))
    target.write_bytes(render().encode("utf-8"))


if __name__ == "__main__":
    main(sys.argv)
