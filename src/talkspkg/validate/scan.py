"""One pass over a table's two files, batch by batch: the CSV (text), the Parquet, and the two
compared, holding one batch of each at a time.

What the form checks report is kept as `Rows` (csv_conformity, parquet_schema and
csv_parquet_agreement turn it into findings); what the pass learnt (which file can serve the
typed rows, how many rows) lets `PackageContext.batches` stream the table to the other checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from talkspkg.schema.tableschema import arrow_schema, columns
from talkspkg.validate.context import Unavailable, nullable_schema, typed_csv
from talkspkg.validate.stream import BATCH_ROWS, CSV_BLOCK, MAX_ROWS_PER_GROUP, Rows, aligned

if TYPE_CHECKING:
    from talkspkg.validate.context import PackageContext

IN_MEMORY = "Could not open Parquet input source '<Buffer>': "

# Table Schema types -> the lexical form our writer produces (strict: one form per value).
LEXICAL = {
    "integer": r"^[+-]?[0-9]+$",
    "number": r"^([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|NaN|INF|-INF)$",
    "boolean": r"^(true|false)$",
    "date": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    "time": r"^[0-9]{2}:[0-9]{2}:[0-9]{2}$",
}
STRPTIME = {"date": "%Y-%m-%d", "time": "%H:%M:%S"}
INT64_DIGITS = {"-": "9223372036854775808", "+": "9223372036854775807"}


def _beyond_int64(col: pa.ChunkedArray) -> pa.ChunkedArray:
    """True where an integer literal does not fit in 64 bits (compared as digit strings)."""
    negative = pc.starts_with(col, "-")
    digits = pc.utf8_ltrim(pc.utf8_ltrim(col, "+-"), "0")
    length = pc.utf8_length(digits)
    limit = pc.if_else(negative, INT64_DIGITS["-"], INT64_DIGITS["+"])
    return pc.or_(pc.greater(length, 19), pc.and_(pc.equal(length, 19), pc.greater(digits, limit)))


def bad_lexical(col: pa.ChunkedArray, ts_type: str) -> pa.ChunkedArray:
    """True where a non-empty cell is not a valid value of `ts_type`.

    Dates and times must also survive a parse-and-format round trip: Arrow's parser rolls
    '2025-02-30' over to March and would let an impossible date through. Year 0000 is refused
    because no Python date can hold it.
    """
    nonempty = pc.not_equal(col, "")
    ok = pc.match_substring_regex(col, LEXICAL[ts_type])
    if ts_type == "integer":
        ok = pc.and_(ok, pc.invert(_beyond_int64(col)))
    if ts_type in STRPTIME:
        stamp = col if ts_type == "date" else pc.binary_join_element_wise("1970-01-01 ", col, "")
        fmt = STRPTIME[ts_type] if ts_type == "date" else "%Y-%m-%d " + STRPTIME[ts_type]
        parsed = pc.strptime(stamp, format=fmt, unit="s", error_is_null=True)
        again = pc.strftime(parsed, format=fmt)
        ok = pc.and_(ok, pc.fill_null(pc.equal(again, stamp), False))
        if ts_type == "date":
            ok = pc.and_(ok, pc.invert(pc.starts_with(col, "0000")))
    return pc.and_(nonempty, pc.invert(ok))


READ_ERRORS = (pa.ArrowException, OSError, ValueError, KeyError, RecursionError)


class Unreadable(Exception):
    """A file of the table cannot be read to its end (the message says why)."""


@dataclass
class TableScan:
    table: str
    csv_rel: str | None = None
    csv_error: str | None = None  # why the CSV cannot be read; None when it can (or is absent)
    csv_columns: list[str] | None = None
    csv_rows: int = 0
    csv_typed: bool = False  # every batch casts to the model's types
    empty: dict[str, Rows] = field(default_factory=dict)  # required cell empty, by column
    lexical: dict[str, Rows] = field(default_factory=dict)  # not a valid <type>, by column
    parquet_rel: str | None = None
    parquet_error: str | None = None
    parquet_schema: pa.Schema | None = None
    parquet_rows: int = 0
    parquet_exact: bool = False  # exactly the model's Arrow schema
    parquet_castable: bool = False  # every batch casts to the model's (nullable) types
    compared: bool = False  # both files read and typed to their ends: `differ` is complete
    differ: dict[str, Rows] = field(default_factory=dict)  # CSV != Parquet, by column

    @property
    def csv_ok(self) -> bool:
        return self.csv_rel is not None and self.csv_error is None

    @property
    def parquet_ok(self) -> bool:
        return self.parquet_rel is not None and self.parquet_error is None


def _unavailable(rel: str, exc: BaseException) -> str:
    return f"{rel} cannot be read: {str(exc).replace(IN_MEMORY, '')}"


def csv_header(ctx: PackageContext, rel: str) -> list[str]:
    """The header's column names (the first line), refused when two are the same."""
    source = ctx.source(rel)
    if isinstance(source, pa.BufferReader):
        data = source.read()
    else:
        with open(source, "rb") as handle:
            data = handle.read(1 << 16)
            while b"\n" not in data:
                more = handle.read(1 << 16)
                if not more:
                    break
                data += more
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
    found = [str(v) for v in names.values()]
    if len(set(found)) != len(found):
        raise Unreadable(f"{rel}: duplicate column names in header")
    return found


def csv_batches(ctx: PackageContext, rel: str, names: list[str]) -> Iterator[pa.RecordBatch]:
    """The CSV with every cell as a string (empty string for an empty cell), in blocks."""
    reader = pacsv.open_csv(
        ctx.source(rel),
        read_options=pacsv.ReadOptions(use_threads=True, block_size=CSV_BLOCK),
        parse_options=pacsv.ParseOptions(newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(
            column_types={c: pa.string() for c in names},
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )
    # Names are decoded here (a header that is not UTF-8 raises here, not in a check), and
    # must be the ones typed as strings above, or a column would be inferred.
    if reader.schema.names != names:
        raise Unreadable(f"{rel}: header cannot be read as one line of column names")
    yield from reader


def parquet_file(ctx: PackageContext, rel: str) -> pq.ParquetFile:
    # A buffered stream: pages are read as batches need them, not whole column chunks.
    return pq.ParquetFile(ctx.source(rel), buffer_size=1 << 20, pre_buffer=False)


def _try_typed(text: pa.Table, table: str) -> pa.Table | None:
    try:
        return typed_csv(text, table)
    except (pa.ArrowException, KeyError, ValueError):
        return None


def _cast_parquet(arrow: pa.Table, scan: TableScan) -> pa.Table | None:
    if scan.parquet_exact:
        return arrow
    try:
        return arrow.select(arrow_schema(scan.table).names).cast(nullable_schema(scan.table))
    except (pa.ArrowException, KeyError, ValueError):
        return None


class _CsvSide:
    """The CSV's batches with the conformity checks run on each as it passes."""

    def __init__(self, ctx: PackageContext, scan: TableScan) -> None:
        self.ctx, self.scan, self.typed_all = ctx, scan, True

    def __iter__(self) -> Iterator[pa.Table]:
        scan, rel = self.scan, self.scan.csv_rel
        assert rel is not None
        try:
            names = csv_header(self.ctx, rel)
            scan.csv_columns = names
            for batch in csv_batches(self.ctx, rel, names):
                text = pa.Table.from_batches([batch])
                self._conform(text)
                scan.csv_rows += text.num_rows
                typed = _try_typed(text, scan.table) if self.typed_all else None
                self.typed_all = typed is not None
                yield text if typed is None else typed
        except (Unreadable, Unavailable) as exc:
            scan.csv_error = str(exc)
        except READ_ERRORS as exc:
            scan.csv_error = _unavailable(rel, exc)

    def _conform(self, text: pa.Table) -> None:
        scan, offset = self.scan, self.scan.csv_rows
        for spec in columns(scan.table):
            if spec.name not in text.column_names:
                continue
            col = text[spec.name]
            if spec.required:
                empty = pc.indices_nonzero(pc.equal(col, "")).to_pylist()
                if empty:
                    scan.empty.setdefault(spec.name, Rows(scan.table)).add(text, empty, offset)
            if spec.type in LEXICAL:
                bad = pc.indices_nonzero(bad_lexical(col, spec.type)).to_pylist()
                if bad:
                    rows = scan.lexical.setdefault(spec.name, Rows(scan.table))
                    shown = bad[: max(0, MAX_ROWS_PER_GROUP - len(rows.keys))]
                    values = col.take(pa.array(shown, pa.int64())).to_pylist()
                    rows.add(text, bad, offset, values + [None] * (len(bad) - len(shown)))


class _ParquetSide:
    """The Parquet's batches, each validated in full (UTF-8 of every string, offsets)."""

    def __init__(self, ctx: PackageContext, scan: TableScan) -> None:
        self.ctx, self.scan, self.castable = ctx, scan, True

    def __iter__(self) -> Iterator[pa.Table]:
        scan, rel = self.scan, self.scan.parquet_rel
        assert rel is not None
        try:
            source = parquet_file(self.ctx, rel)
            schema = source.schema_arrow
            schema.names  # noqa: B018  (decoding is the point)
            scan.parquet_schema = schema
            scan.parquet_exact = schema.remove_metadata().equals(
                arrow_schema(scan.table), check_metadata=False
            )
            kept: list[pa.Table] | None = []
            size, room = 0, self.ctx.decoded_room()
            for batch in source.iter_batches(batch_size=BATCH_ROWS, use_threads=False):
                batch.validate(full=True)
                arrow = pa.Table.from_batches([batch])
                scan.parquet_rows += arrow.num_rows
                cast = _cast_parquet(arrow, scan) if self.castable else None
                self.castable = cast is not None
                if kept is not None and cast is not None and size + cast.nbytes <= room:
                    kept.append(cast)
                    size += cast.nbytes
                else:
                    kept = None  # too large to keep, or not typed: later checks read the file
                yield arrow if cast is None else cast
            if kept is not None:
                self.ctx.keep_decoded(scan.table, kept, size)
        except Unavailable as exc:
            scan.parquet_error = str(exc)
        except READ_ERRORS as exc:
            scan.parquet_error = _unavailable(rel, exc)


def differing(a: pa.ChunkedArray, b: pa.ChunkedArray) -> list[int]:
    """Rows where two columns of one type differ: unequal values, or a null beside a value
    (NaN differs from NaN, 0.0 equals -0.0). Columns Arrow finds equal (types, values, nulls;
    NaN never equal) differ nowhere, and are not compared cell by cell."""
    if a.equals(b):
        return []
    same = pc.or_kleene(pc.equal(a, b), pc.and_(pc.is_null(a), pc.is_null(b)))
    return pc.indices_nonzero(pc.invert(pc.fill_null(same, False))).to_pylist()  # type: ignore[no-any-return]


def scan_table(ctx: PackageContext, table: str) -> TableScan:
    """Read the table's CSV and Parquet once, side by side (see the module's docstring)."""
    files = ctx.tables()[table]
    scan = TableScan(table)
    scan.csv_rel = str(files.csv.get("path")) if files.csv is not None else None
    scan.parquet_rel = str(files.parquet.get("path")) if files.parquet is not None else None
    csv_side, pq_side = _CsvSide(ctx, scan), _ParquetSide(ctx, scan)
    csv_rows = iter(csv_side) if scan.csv_rel is not None else iter(())
    pq_rows = iter(pq_side) if scan.parquet_rel is not None else iter(())
    names = arrow_schema(table).names
    offset = 0
    for typed, cast in aligned(csv_rows, pq_rows):
        offset += typed.num_rows
        if not (csv_side.typed_all and pq_side.castable):
            continue
        for name in names:
            differ = differing(typed[name], cast[name])
            if differ:
                rows = scan.differ.setdefault(name, Rows(table))
                rows.add(cast, differ, offset - typed.num_rows)
    for _ in csv_rows:  # what the other side left unpaired, read to its end
        pass
    for _ in pq_rows:
        pass
    scan.csv_typed = csv_side.typed_all and scan.csv_ok
    scan.parquet_castable = pq_side.castable and scan.parquet_ok
    scan.compared = scan.csv_typed and scan.parquet_castable
    return scan
