"""Column annotations shared by the table models, and their Table Schema / Arrow mapping.

A model column's logical type is read from its pandera dtype; `time` columns, which pandera has
no dtype for, are `object` columns carrying `metadata={"type": "time"}`.
"""

from __future__ import annotations

import pyarrow as pa

ID_PATTERN = r"^[a-z0-9]+(?:[-._][a-z0-9]+)*$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
ISO_COUNTRY_PATTERN = r"^[A-Z]{2}$"

# pandera dtype name -> (Table Schema type, Arrow type)
LOGICAL_TYPES: dict[str, tuple[str, pa.DataType]] = {
    "string": ("string", pa.string()),
    "string[python]": ("string", pa.string()),
    "string[pyarrow]": ("string", pa.string()),
    "str": ("string", pa.string()),
    "Int64": ("integer", pa.int64()),
    "int64": ("integer", pa.int64()),
    "Float64": ("number", pa.float64()),
    "float64": ("number", pa.float64()),
    "boolean": ("boolean", pa.bool_()),
    "bool": ("boolean", pa.bool_()),
    "date": ("date", pa.date32()),
    "time": ("time", pa.time32("ms")),
}

ARROW_BY_TABLE_SCHEMA_TYPE: dict[str, pa.DataType] = {
    ts_type: arrow for ts_type, arrow in LOGICAL_TYPES.values()
}

ARROW_BY_NAME: dict[str, pa.DataType] = {str(arrow): arrow for _, arrow in LOGICAL_TYPES.values()}
