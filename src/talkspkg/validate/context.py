"""The package under validation, opened once: descriptor, safe paths, and tables streamed.

Memory stays bounded whatever the package's size: a table is read in record batches (each of
its two files once side by side, `validate.scan`, then as typed batches for each check that
needs it, `batches`), never held whole, except the small tables other tables refer to
(`table`). A file's bytes are hashed as they are read; small files' bytes and raw texts are
kept in caches of bounded size for the parser or check that reads them next. Paths from the
descriptor are never followed outside the package folder (no absolute paths, no `..`, no
symlink that resolves outside).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from talkspkg.schema.tableschema import arrow_schema, table_meta, table_names
from talkspkg.validate.counts import CountStore
from talkspkg.validate.stream import BATCH_ROWS

DESCRIPTOR = "datapackage.json"
IN_MEMORY = "Could not open Parquet input source '<Buffer>': "


KEPT_FILE = 1 << 20  # files up to this size keep their bytes for the parser that follows
KEPT_BYTES = 32 << 20  # bytes kept in all
KEPT_TEXT = 32 << 20  # bytes of memory held by the raw texts kept (a text with one curly quote
# takes two bytes a character)
KEPT_DECODED = 64 << 20  # bytes of Arrow memory held by the typed Parquet batches kept from
# each table's scan, so that the checks after it do not read and decode the file again
READ_CHUNK = 1 << 20
# what the checks after the profile check read of a resource; a resource whose values there are
# plain (None, ASCII strings, `bytes` an int) is kept as one row of columns (`Resources`)
COMPACT_KEYS = ("name", "path", "bytes", "hash", "format", "schema")


class Bounded(dict[str, Any]):
    """A cache of at most `limit` bytes (`size` of each value). Once full it keeps what it holds
    and takes nothing more until something is dropped: checks read the raw texts over and over
    in the same order, for which keeping the first ones hits more than keeping the latest."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit, self.size = limit, 0

    def put(self, key: str, value: Any) -> None:
        size = sys.getsizeof(value)
        if key in self or self.size + size > self.limit:
            return
        self[key] = value
        self.size += size

    def drop(self, key: str) -> Any:
        value = self.pop(key, None)
        if value is not None:
            self.size -= sys.getsizeof(value)
        return value


class Resources:
    """The descriptor's resources once its profile is checked: what later checks read of them
    (COMPACT_KEYS), each string key as one string of every resource's value and their ends,
    some 170 bytes per resource instead of a dict of every property (a package of 100,000 raw
    articles has 100,000 resources). Not Arrow arrays: converting 100,000 Python strings left
    five times their size with Arrow's allocator. A resource of another shape, and each
    table's resources (`PackageContext.tables` holds them), stay dicts."""

    def __init__(self, resources: list[Any], keep: set[int]) -> None:
        self.count = len(resources)
        self.whole: dict[int, Any] = {}
        self.null = {key: bytearray(self.count) for key in COMPACT_KEYS}
        self.ends = {key: array("q") for key in COMPACT_KEYS}
        parts: dict[str, list[str]] = {key: [] for key in COMPACT_KEYS if key != "bytes"}
        length = dict.fromkeys(parts, 0)
        for i, res in enumerate(resources):
            if id(res) in keep or not _plain(res):
                self.whole[i] = res
                res = {}
            for key in COMPACT_KEYS:
                value = res.get(key)
                if value is None:
                    self.null[key][i] = 1
                if key == "bytes":
                    self.ends[key].append(0 if value is None else value)
                    continue
                if value is not None:
                    parts[key].append(value)
                    length[key] += len(value)
                self.ends[key].append(length[key])
        self.text = {key: "".join(values) for key, values in parts.items()}

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Any]:
        for i in range(self.count):
            whole = self.whole.get(i)
            yield whole if whole is not None else self._row(i)

    def _row(self, i: int) -> dict[str, Any]:
        row: dict[str, Any] = {}
        for key in COMPACT_KEYS:
            ends = self.ends[key]
            if self.null[key][i]:
                row[key] = None
            elif key == "bytes":
                row[key] = ends[i]
            else:
                row[key] = self.text[key][ends[i - 1] if i else 0 : ends[i]]
        return row


def _plain(res: Any) -> bool:
    if not isinstance(res, dict):
        return False
    for key in COMPACT_KEYS:
        value = res.get(key)
        if value is None:
            continue
        if key == "bytes":
            if type(value) is not int or not -(1 << 63) <= value < 1 << 63:
                return False
        elif not isinstance(value, str) or not value.isascii():
            return False
    return True


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
    _resources: Resources | None = None
    _unsafe: dict[str, str] = field(default_factory=dict)
    _dirs: dict[str, str] = field(default_factory=dict)
    _listings: dict[str, set[str]] = field(default_factory=dict)
    _digests: dict[str, bytes] = field(default_factory=dict)
    _bytes: Bounded = field(default_factory=lambda: Bounded(KEPT_BYTES))
    _texts: Bounded = field(default_factory=lambda: Bounded(KEPT_TEXT))
    _scans: dict[str, Any] = field(default_factory=dict)
    # the typed Parquet batches of a table's scan, kept whole or not at all (KEPT_DECODED)
    _decoded: dict[str, list[pa.Table]] = field(default_factory=dict)
    _decoded_bytes: int = 0
    # work a check started early, in another process (validate.sharing), keyed by its name
    ahead: dict[str, Any] = field(default_factory=dict)
    # word counts an earlier validation computed (validate.counts), None: count every text
    counts: CountStore | None = None
    # what one pass over a table found, for the checks that report it (e.g. checks.keys)
    memo: dict[str, Any] = field(default_factory=dict)

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
    def resources(self) -> list[dict[str, Any]] | Resources:
        if self._resources is not None:
            return self._resources
        resources = (self.descriptor or {}).get("resources")
        if not isinstance(resources, list):
            return []
        return [r for r in resources if isinstance(r, dict)]

    def compact_resources(self) -> None:
        """Keep the resources as `Resources` once the descriptor's profile is checked (the
        last check to read every property): the parsed list is dropped from `descriptor`."""
        if self.descriptor is None or self._resources is not None:
            return
        resources = self.resources()
        keep = {id(f) for t in self.tables().values() for f in (t.csv, t.parquet) if f}
        self._resources = Resources(list(resources), keep)
        self.descriptor.pop("resources", None)

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
        if rel in self._unsafe:
            return self._unsafe[rel]
        # safe paths are not kept: one per raw article, and cheap to check again (one lookup
        # in the folder's listing)
        reason = self._unsafe_reason(rel)
        if reason:
            self._unsafe[rel] = reason
        return reason

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
        if not self._plain_file(parts):
            return str((self.root / rel).resolve())
        return os.path.join(self._resolved("/".join(parts[:-1])), parts[-1])

    def _plain_file(self, parts: tuple[str, ...]) -> bool:
        """Whether a package path is a regular file and no symlink, from one listing of its
        folder (a folder of 10,000 raw articles costs one `scandir`, not 10,000 `stat` calls).
        Only those names are kept; anything else is looked at by the caller itself."""
        folder = "/".join(parts[:-1])
        if folder not in self._listings:
            try:
                with os.scandir(self.root / folder) as found:
                    self._listings[folder] = {
                        e.name for e in found if e.is_file(follow_symlinks=False)
                    }
            except OSError:
                self._listings[folder] = set()
        return parts[-1] in self._listings[folder]

    def is_file(self, rel: str) -> bool:
        """A regular file (following symlinks)."""
        parts = _parts(rel)
        if parts and ".." not in parts and self._plain_file(parts):
            return True
        return (self.root / rel).is_file()

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
        """(bytes, sha256) of a package file, read here once per run in chunks; a small file's
        bytes are kept (within KEPT_BYTES) until a parser takes them (`content`). The answer is
        kept as 40 bytes (a package has one per raw article, asked again by raw_integrity)."""
        known = self._digests.get(rel) if isinstance(rel, str) else None
        if known is not None:
            return int.from_bytes(known[:8], "little"), known[8:].hex()
        try:
            sha, size, head = hashlib.sha256(), 0, b""
            with self.path(rel).open("rb") as handle:
                while chunk := handle.read(READ_CHUNK):
                    sha.update(chunk)
                    size += len(chunk)
                    head = chunk if size == len(chunk) else b""
        except (OSError, ValueError) as exc:
            raise Unavailable(f"{rel} cannot be read: {exc}") from None
        if 0 < size <= KEPT_FILE and len(head) == size:
            self._bytes.put(rel, head)
        self._digests[rel] = size.to_bytes(8, "little") + sha.digest()
        return size, sha.hexdigest()

    def content(self, rel: Any) -> bytes:
        """The bytes of a package file, for one parser: those `digest` kept, else read now."""
        data = self._bytes.drop(rel) if isinstance(rel, str) else None
        return data if data is not None else self.path(rel).read_bytes()

    def source(self, rel: Any) -> Any:
        """What a reader opens for a data file: the bytes `digest` kept (a small file is then
        parsed from the very bytes that were hashed, and read once), else its path."""
        data = self._bytes.get(rel) if isinstance(rel, str) else None
        return pa.BufferReader(data) if data is not None else str(self.path(rel))

    def raw_text(self, rel: Any) -> str:
        """A raw article decoded as strict UTF-8 exactly as stored: what every offset indexes.
        Texts are kept up to KEPT_TEXT in all; others are read again when asked."""
        key = str(rel)
        text = self._texts.get(key)
        if text is None:
            error = self._cache.get(("raw-text", key))
            if isinstance(error, Unavailable):
                raise error
            try:
                text = self.content(rel).decode("utf-8")
            except Unavailable as exc:
                self._cache[("raw-text", key)] = exc
                raise
            except (OSError, ValueError) as exc:
                failed = Unavailable(f"{key} cannot be read: {exc}")
                self._cache[("raw-text", key)] = failed
                raise failed from None
            self._texts.put(key, text)
        return text  # type: ignore[no-any-return]

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

    def scan(self, table: str) -> Any:
        """What one pass over the table's CSV and Parquet found (`validate.scan.TableScan`)."""
        if table not in self._scans:
            from talkspkg.validate.scan import scan_table

            self._scans[table] = scan_table(self, table)
        return self._scans[table]

    def decoded_room(self) -> int:
        """Bytes of typed batches `keep_decoded` can still take."""
        return KEPT_DECODED - self._decoded_bytes

    def keep_decoded(self, table: str, batches: list[pa.Table], size: int) -> None:
        """Keep the typed Parquet batches a table's scan read (every one of them, `size`
        bytes): `batches` serves them again instead of reading the file."""
        if size <= self.decoded_room():
            self._decoded[table] = batches
            self._decoded_bytes += size

    def num_rows(self, table: str) -> int:
        """Rows of the table's typed content (see `batches`); Unavailable when unreadable."""
        scan = self.scan(table)
        if scan.parquet_ok and (scan.parquet_exact or scan.parquet_castable):
            return int(scan.parquet_rows)
        if scan.csv_typed:
            return int(scan.csv_rows)
        raise Unavailable(f"{table} cannot be read")

    def batches(self, table: str, names: list[str] | None = None) -> Iterator[pa.Table]:
        """The table's typed content in record batches, `names` columns only (default: all):
        the Parquet when it has the model's columns, else the typed CSV. Columns are cast to the
        model's types but kept nullable, so that a null where the model forbids one reaches the
        key and model checks instead of making the table unreadable. Unavailable (raised here,
        before any batch) when neither file can serve it."""
        from talkspkg.validate.scan import csv_batches, parquet_file

        scan = self.scan(table)
        names = list(names or arrow_schema(table).names)
        if scan.parquet_ok and (scan.parquet_exact or scan.parquet_castable):
            unknown = [n for n in names if n not in arrow_schema(table).names]
            if unknown:
                raise KeyError(unknown[0])
            schema = arrow_schema(table) if scan.parquet_exact else nullable_schema(table)
            target = pa.schema([schema.field(n) for n in names])
            kept = self._decoded.get(table)
            if kept is not None:  # the scan's batches: the same rows, types and batch ends
                return (arrow.select(names) for arrow in kept)
            source = parquet_file(self, scan.parquet_rel)

            def from_parquet() -> Iterator[pa.Table]:
                for batch in source.iter_batches(batch_size=BATCH_ROWS, columns=names):
                    arrow = pa.Table.from_batches([batch]).select(names)
                    yield arrow if scan.parquet_exact else arrow.cast(target)

            return from_parquet()
        if scan.csv_typed:
            header = scan.csv_columns

            def from_csv() -> Iterator[pa.Table]:
                for batch in csv_batches(self, scan.csv_rel, header):
                    yield typed_csv(pa.Table.from_batches([batch]), table).select(names)

            return from_csv()
        raise Unavailable(f"{table} cannot be read")

    def column_table(self, table: str, names: list[str]) -> pa.Table:
        """Columns `names` of the whole table (for a check that needs them all at once)."""
        parts = list(self.batches(table, names))
        if not parts:
            return nullable_schema(table).empty_table().select(names)
        return pa.concat_tables(parts)

    def table(self, table: str) -> pa.Table:
        """The whole typed content of a small table (one that others refer to: articles,
        entities, meetings...), kept once read; large tables are read with `batches`."""

        def load() -> pa.Table:
            return self.column_table(table, arrow_schema(table).names)

        return self._cached(("table", table), load)  # type: ignore[no-any-return]

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
