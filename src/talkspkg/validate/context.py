"""The package under validation, opened once: descriptor, safe paths, and tables read once.

Every file is read at most once per run: its bytes are hashed as they are read, and the same
bytes are then parsed (Parquet, CSV, JSON, raw text) from memory. Results are cached here;
checks only look things up. Paths from the descriptor are never followed outside the package
folder (no absolute paths, no `..`, no symlink that resolves outside).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from talkspkg.hashing import bytes_digest
from talkspkg.schema.tableschema import arrow_schema, table_meta, table_names

DESCRIPTOR = "datapackage.json"
IN_MEMORY = "Could not open Parquet input source '<Buffer>': "


def _read_parquet(data: bytes) -> pa.Table:
    """The table, validated in full here (UTF-8 of every string and name, offsets): a damaged
    file must fail the read, not a later check that decodes a cell."""
    table = pq.read_table(pa.BufferReader(data))
    table.schema.names  # noqa: B018  (decoding is the point)
    table.validate(full=True)
    return table


class Unavailable(Exception):
    """A file a check needs cannot be used; another check reports why."""


@dataclass
class TableFiles:
    table: str
    csv: dict[str, Any] | None = None
    parquet: dict[str, Any] | None = None


@dataclass
class PackageContext:
    root: Path
    descriptor: dict[str, Any] | None = None
    descriptor_error: str | None = None
    _cache: dict[tuple[str, str], Any] = field(default_factory=dict)
    _tables: dict[str, TableFiles] | None = None
    _unsafe: dict[str, str | None] = field(default_factory=dict)
    _dirs: dict[str, str] = field(default_factory=dict)
    _listings: dict[str, dict[str, os.DirEntry[str]]] = field(default_factory=dict)
    _bytes: dict[str, bytes] = field(default_factory=dict)
    # work a check started early, in another process (validate.sharing), keyed by its name
    ahead: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def open(cls, root: Path) -> PackageContext:
        ctx = cls(root)
        path = root / DESCRIPTOR
        if not path.exists() and not path.is_symlink():
            ctx.descriptor_error = f"{DESCRIPTOR} not found"
            return ctx
        unsafe = ctx.unsafe_reason(DESCRIPTOR)
        if unsafe or not path.is_file():  # a FIFO or device would block or never end
            ctx.descriptor_error = f"{DESCRIPTOR}: {unsafe or 'not a regular file'}"
            return ctx
        try:
            loaded = json.loads(path.read_bytes().decode("utf-8"))
        except (ValueError, RecursionError) as exc:  # bad UTF-8 or JSON, overlong int, deep nesting
            ctx.descriptor_error = f"{DESCRIPTOR} is not valid JSON: {exc}"
        except OSError as exc:
            ctx.descriptor_error = f"{DESCRIPTOR} cannot be read: {exc}"
        else:
            if isinstance(loaded, dict):
                ctx.descriptor = loaded
            else:
                ctx.descriptor_error = f"{DESCRIPTOR} must hold a JSON object"
        return ctx

    # -- descriptor ------------------------------------------------------------------------
    def resources(self) -> list[dict[str, Any]]:
        resources = (self.descriptor or {}).get("resources")
        if not isinstance(resources, list):
            return []
        return [r for r in resources if isinstance(r, dict)]

    def tables(self) -> dict[str, TableFiles]:
        """Resources of each known table, by table name (CSV `name`, Parquet `name-parquet`)."""
        if self._tables is None:
            self._tables = self._find_tables()
        return self._tables

    def _find_tables(self) -> dict[str, TableFiles]:
        found = {table: TableFiles(table) for table in table_names()}
        for res in self.resources():
            name = res.get("name")
            if not isinstance(name, str):
                continue  # reported by the profile check
            if name in found and res.get("format") == "csv":
                found[name].csv = res
            elif name.endswith("-parquet"):
                table = name.removesuffix("-parquet")
                if table in found and res.get("format") == "parquet":
                    found[table].parquet = res
        return found

    def present_tables(self) -> list[str]:
        return [t for t, files in self.tables().items() if files.csv or files.parquet]

    # -- paths -----------------------------------------------------------------------------
    def unsafe_reason(self, rel: Any) -> str | None:
        """Why `rel` may not be opened, or None when it is a safe path inside the package."""
        if not isinstance(rel, str) or not rel:
            return "path must be a non-empty string"
        if rel not in self._unsafe:
            self._unsafe[rel] = self._unsafe_reason(rel)
        return self._unsafe[rel]

    def _unsafe_reason(self, rel: str) -> str | None:
        if "\\" in rel or rel.startswith("/"):
            return f"path {rel!r} is absolute or not POSIX"
        if ":" in rel.split("/", 1)[0]:
            return f"path {rel!r} is a URL or drive path, not a path inside the package"
        parts = _parts(rel)
        if ".." in parts:
            return f"path {rel!r} leaves the package ('..')"
        try:
            root = self._resolved("")
            target = self._resolve(rel, parts)
        except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13)
            return f"path {rel!r} cannot be resolved (symlink loop?)"
        if target != root and not target.startswith(root.rstrip(os.sep) + os.sep):
            return f"path {rel!r} resolves outside the package (symlink?)"
        return None

    def _resolved(self, folder: str) -> str:
        """`Path.resolve()` of a folder of the package ("" is the root), once per folder."""
        if folder not in self._dirs:
            self._dirs[folder] = str((self.root / folder).resolve())
        return self._dirs[folder]

    def _resolve(self, rel: str, parts: tuple[str, ...]) -> str:
        """`(root / rel).resolve()`, resolving each folder once: when the last component is no
        symlink, the resolved path is the resolved folder joined with that name."""
        if not parts:
            return self._resolved("")
        entry = self._entry(parts)
        if entry is None or entry.is_symlink():
            return str((self.root / rel).resolve())
        return os.path.join(self._resolved("/".join(parts[:-1])), parts[-1])

    def _entry(self, parts: tuple[str, ...]) -> os.DirEntry[str] | None:
        """The directory entry of a package path, from one listing of its folder (a folder
        of 10,000 raw articles costs one `scandir`, not 10,000 `stat` calls)."""
        folder = "/".join(parts[:-1])
        if folder not in self._listings:
            try:
                with os.scandir(self.root / folder) as found:
                    self._listings[folder] = {e.name: e for e in found}
            except OSError:
                self._listings[folder] = {}
        return self._listings[folder].get(parts[-1])

    def is_file(self, rel: str) -> bool:
        """A regular file (following symlinks), checked once per path."""
        key = ("is-file", rel)
        if key not in self._cache:
            parts = _parts(rel)
            entry = self._entry(parts) if parts and ".." not in parts else None
            if entry is not None and not entry.is_symlink():
                self._cache[key] = entry.is_file()
            else:
                self._cache[key] = (self.root / rel).is_file()
        return bool(self._cache[key])

    def path(self, rel: Any) -> Path:
        reason = self.unsafe_reason(rel)
        if reason:
            raise Unavailable(reason)
        if not self.is_file(rel):
            raise Unavailable(f"{rel} not found")
        return self.root / rel

    # -- tables, each file read once -------------------------------------------------------
    def _cached(self, key: tuple[str, str], load: Any) -> Any:
        if key not in self._cache:
            try:
                self._cache[key] = load()
            except Unavailable as exc:
                self._cache[key] = exc
            except (pa.ArrowException, OSError, ValueError, KeyError, RecursionError) as exc:
                reason = str(exc).replace(IN_MEMORY, "")  # the file is named already
                self._cache[key] = Unavailable(f"{key[1]} cannot be read: {reason}")
        value = self._cache[key]
        if isinstance(value, Unavailable):
            raise value
        return value

    def digest(self, rel: Any) -> tuple[int, str]:
        """(bytes, sha256) of a package file. The file is read here, once per run; its bytes
        are kept until a parser takes them (`content`)."""

        def load() -> tuple[int, str]:
            data = self.path(rel).read_bytes()
            self._bytes[rel] = data
            return bytes_digest(data)

        return self._cached(("digest", str(rel)), load)  # type: ignore[no-any-return]

    def content(self, rel: Any) -> bytes:
        """The bytes of a package file, for one parser: those `digest` read, else read now."""
        data = self._bytes.pop(rel, None) if isinstance(rel, str) else None
        return data if data is not None else self.path(rel).read_bytes()

    def raw_text(self, rel: Any) -> str:
        """A raw article decoded as strict UTF-8 exactly as stored: what every offset indexes."""
        text: str = self._cached(("raw-text", str(rel)), lambda: self.content(rel).decode("utf-8"))
        return text

    def schema_json(self, table: str) -> dict[str, Any]:
        files = self.tables()[table]
        res = files.csv or files.parquet or {}
        rel = res.get("schema")

        def load() -> dict[str, Any]:
            data = json.loads(self.content(rel).decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("schema must be a JSON object")
            return data

        return self._cached(("schema", str(rel)), load)  # type: ignore[no-any-return]

    def parquet(self, table: str) -> pa.Table:
        res = self.tables()[table].parquet
        if res is None:
            raise Unavailable(f"no Parquet resource for {table}")
        rel = res.get("path")
        return self._cached(  # type: ignore[no-any-return]
            ("parquet", str(rel)), lambda: _read_parquet(self.content(rel))
        )

    def csv_text(self, table: str) -> pa.Table:
        """The CSV with every cell as a string (empty string for an empty cell)."""
        res = self.tables()[table].csv
        if res is None:
            raise Unavailable(f"no CSV resource for {table}")
        rel = res.get("path")

        def load() -> pa.Table:
            data = self.content(rel)
            header = data[: data.find(b"\n") + 1] if b"\n" in data else data
            names = next(
                iter(
                    pacsv.read_csv(
                        pa.py_buffer(header),
                        read_options=pacsv.ReadOptions(autogenerate_column_names=True),
                    ).to_pylist()
                ),
                {},
            )
            columns = [str(v) for v in names.values()]
            if len(set(columns)) != len(columns):
                raise Unavailable(f"{rel}: duplicate column names in header")
            text = pacsv.read_csv(
                pa.BufferReader(data),
                read_options=pacsv.ReadOptions(use_threads=True),
                parse_options=pacsv.ParseOptions(newlines_in_values=True),
                convert_options=pacsv.ConvertOptions(
                    column_types={c: pa.string() for c in columns},
                    strings_can_be_null=False,
                    quoted_strings_can_be_null=False,
                ),
            )
            # Names are decoded here (a header that is not UTF-8 raises here, not in a check),
            # and must be the ones typed as strings above, or a column would be inferred.
            if text.column_names != columns:
                raise Unavailable(f"{rel}: header cannot be read as one line of column names")
            return text

        return self._cached(("csv", str(rel)), load)  # type: ignore[no-any-return]

    def release_csv(self, table: str) -> None:
        """Forget the CSV text of `table` (its last reader, csv_parquet_agreement, is done): on
        a large package it is the biggest thing held. Read again if anything asks for it."""
        res = self.tables()[table].csv
        if res is not None:
            self._cache.pop(("csv", str(res.get("path"))), None)

    def table(self, table: str) -> pa.Table:
        """The table's typed content: the Parquet when it has the model's columns, else typed CSV.

        Columns are cast to the model's types but kept nullable, so that a null where the model
        forbids one reaches the key and model checks instead of making the table unreadable.
        """
        return self._cached(("table", table), lambda: self._typed_table(table))  # type: ignore[no-any-return]

    def _typed_table(self, table: str) -> pa.Table:
        try:
            arrow = self.parquet(table)
            if arrow.schema.remove_metadata().equals(arrow_schema(table), check_metadata=False):
                return arrow
            return arrow.select(arrow_schema(table).names).cast(nullable_schema(table))
        except (Unavailable, pa.ArrowException, KeyError, ValueError):
            pass
        return typed_csv(self.csv_text(table), table)

    def row_keys(self, table: str, arrow: pa.Table, indices: list[int]) -> list[str]:
        key = table_meta(table)["primary_key"]
        if not indices:
            return []
        try:
            taken = arrow.select(key).take(pa.array(indices, pa.int64())).to_pylist()
        except (pa.ArrowException, KeyError):
            return [f"row {i + 1}" for i in indices]
        return ["|".join("" if v is None else str(v) for v in row.values()) for row in taken]


def _parts(rel: str) -> tuple[str, ...]:
    """`PurePosixPath(rel).parts` of a relative path, without building a path object."""
    return tuple(p for p in rel.split("/") if p and p != ".")


def nullable_schema(table: str) -> pa.Schema:
    """The model's Arrow schema with every field nullable: what a corrupt file may hold."""
    return pa.schema([f.with_nullable(True) for f in arrow_schema(table)])


def typed_csv(text: pa.Table, table: str) -> pa.Table:
    """Cast a string-typed CSV to the model's Arrow schema (empty cell = null)."""
    schema = nullable_schema(table)
    arrays = []
    for f in schema:
        col = text[f.name]
        col = pc.if_else(pc.equal(col, ""), pa.scalar(None, pa.string()), col)
        if pa.types.is_boolean(f.type):
            arrays.append(pc.equal(col, "true"))
        elif pa.types.is_time(f.type):
            stamp = pc.binary_join_element_wise("1970-01-01 ", col, "")
            ms = pc.strptime(stamp, format="%Y-%m-%d %H:%M:%S", unit="ms").cast(pa.int64())
            arrays.append(ms.cast(pa.int32()).cast(f.type))
        else:
            arrays.append(col.cast(f.type))
    return pa.Table.from_arrays(arrays, schema=schema)
