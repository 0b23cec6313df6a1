"""Tools to corrupt a copy of a built package, the way a careless editor or an attacker would.

A *naive* corruption changes files and leaves `datapackage.json` alone, so the declared `bytes`
and `hash` no longer match. A *consistent* one is followed by `rehash(pkg)`, which rewrites
`bytes` and `hash` of every resource as an attacker covering their tracks would: only the
content checks can then catch it.

Tables are edited through the descriptor's resources (`<table>` is the CSV, `<table>-parquet`
the Parquet), in both formats or in one, so a corruption never depends on file names.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from talkspkg.hashing import file_digest
from talkspkg.package import csv_view

DESCRIPTOR = "datapackage.json"
BOTH = ("csv", "parquet")
Rows = list[dict[str, Any]]


class NotApplicable(Exception):
    """The built package has nothing this corruption can act on (e.g. an empty table)."""


# -- descriptor --------------------------------------------------------------------------------
def descriptor(pkg: Path) -> dict[str, Any]:
    return json.loads((pkg / DESCRIPTOR).read_text("utf-8"))  # type: ignore[no-any-return]


def write_descriptor(pkg: Path, desc: Any) -> None:
    (pkg / DESCRIPTOR).write_text(json.dumps(desc, indent=2, ensure_ascii=False) + "\n", "utf-8")


def edit_descriptor(pkg: Path, edit: Callable[[dict[str, Any]], None]) -> None:
    """Apply an in-place `edit` to the descriptor and write it back."""
    desc = descriptor(pkg)
    edit(desc)
    write_descriptor(pkg, desc)


def resource(desc: dict[str, Any], name: str) -> dict[str, Any]:
    for res in desc["resources"]:
        if res.get("name") == name:
            return res  # type: ignore[no-any-return]
    raise KeyError(name)


def resource_name(table: str, fmt: str) -> str:
    return table if fmt == "csv" else f"{table}-parquet"


def file_of(pkg: Path, table: str, fmt: str) -> Path:
    return pkg / resource(descriptor(pkg), resource_name(table, fmt))["path"]


def rehash(pkg: Path) -> None:
    """Make `bytes` and `hash` of every resource match its file (following any path as is)."""
    desc = descriptor(pkg)
    for res in desc.get("resources", []):
        path = res.get("path")
        if not isinstance(path, str):
            continue
        target = Path(path) if Path(path).is_absolute() else pkg / path
        if target.is_file():
            size, digest = file_digest(target)
            if "bytes" in res or res.get("format") != "parquet":
                res["bytes"] = size
            res["hash"] = f"sha256:{digest}"
    write_descriptor(pkg, desc)


# -- tables, typed (both formats or one) -------------------------------------------------------
def load(pkg: Path, table: str) -> pa.Table:
    return pq.read_table(file_of(pkg, table, "parquet"))


def rows(pkg: Path, table: str) -> Rows:
    found = load(pkg, table).to_pylist()
    if not found:
        raise NotApplicable(f"{table} has no rows")
    return found


def _relaxed(schema: pa.Schema) -> pa.Schema:
    return pa.schema([f.with_nullable(True) for f in schema])


def save(pkg: Path, table: str, arrow: pa.Table, formats: Sequence[str] = BOTH) -> None:
    """Write `arrow` over the table's files, exactly as the package writer formats them."""
    if "parquet" in formats:
        pq.write_table(arrow, file_of(pkg, table, "parquet"), compression="zstd")
    if "csv" in formats:
        options = pacsv.WriteOptions(quoting_style="needed")
        pacsv.write_csv(csv_view(arrow), file_of(pkg, table, "csv"), options)


def save_rows(pkg: Path, table: str, new: Rows, formats: Sequence[str] = BOTH) -> None:
    """Write rows with the table's own Arrow schema (made nullable if a row holds a null)."""
    schema = load(pkg, table).schema
    try:
        arrow = pa.Table.from_pylist(new, schema=schema)
        arrow.validate(full=True)
        if any(arrow[f.name].null_count for f in schema if not f.nullable):
            raise pa.ArrowInvalid("null in a non-nullable field")
    except pa.ArrowInvalid:
        arrow = pa.Table.from_pylist(new, schema=_relaxed(schema))
    save(pkg, table, arrow, formats)


def edit_rows(
    pkg: Path, table: str, edit: Callable[[Rows], Rows | None], formats: Sequence[str] = BOTH
) -> None:
    """Apply `edit` to the table's rows (in place, or return new rows) and write them back."""
    current = rows(pkg, table)
    new = edit(current)
    save_rows(pkg, table, current if new is None else new, formats)


def set_cell(
    pkg: Path, table: str, column: str, value: Any, row: int = 0, formats: Sequence[str] = BOTH
) -> None:
    def edit(found: Rows) -> None:
        found[row][column] = value

    edit_rows(pkg, table, edit, formats)


# -- CSV as text -------------------------------------------------------------------------------
def read_csv(pkg: Path, table: str) -> list[list[str]]:
    """The CSV's records as lists of cell strings, header first."""
    text = file_of(pkg, table, "csv").read_text("utf-8")
    return list(csv.reader(io.StringIO(text, newline="")))


def write_csv(pkg: Path, table: str, records: list[list[str]]) -> None:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(records)
    file_of(pkg, table, "csv").write_text(out.getvalue(), "utf-8", newline="")


def set_csv_cell(pkg: Path, table: str, column: str, value: str, row: int = 0) -> None:
    """Write `value` as the CSV text of one cell; the Parquet is left as it was."""
    records = read_csv(pkg, table)
    if len(records) < row + 2:
        raise NotApplicable(f"{table} has no row {row}")
    records[row + 1][records[0].index(column)] = value
    write_csv(pkg, table, records)


def edit_bytes(path: Path, edit: Callable[[bytearray], bytes | bytearray | None]) -> None:
    data = bytearray(path.read_bytes())
    new = edit(data)
    path.write_bytes(bytes(data if new is None else new))


def flip_byte(path: Path, offset: int | None = None) -> None:
    """Invert the bits of one byte (by default the middle one): same size, different content."""

    def edit(data: bytearray) -> None:
        at = len(data) // 2 if offset is None else offset
        data[at] ^= 0xFF

    edit_bytes(path, edit)
