"""Tables read in record batches, so that validation holds one batch of a table at a time.

A check that streams a table keeps only what its rule needs across batches (a count, the last
row, the first offending rows it will name); `Rows` collects offending rows batch by batch and
reports them as `row_findings` reports them on a whole table: the first MAX_ROWS_PER_GROUP by
their key, then one "and N more".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from talkspkg.schema.tableschema import table_meta
from talkspkg.validate.report import Finding

MAX_ROWS_PER_GROUP = 10
BATCH_ROWS = 65_536  # rows per record batch read from a Parquet file
CSV_BLOCK = 1 << 20  # bytes of CSV parsed at a time (larger blocks: more memory, no faster)


def row_key(table: str, batch: pa.Table | pa.RecordBatch, local: int, offset: int) -> str:
    """The primary key of row `local` of `batch` ("a|b" for a composite key), as
    `PackageContext.row_keys` names it; `row N` when the batch lacks the key's columns."""
    key = table_meta(table)["primary_key"]
    try:
        values = [batch.column(k)[local].as_py() for k in key]
    except (pa.ArrowException, KeyError):
        return f"row {offset + local + 1}"
    return "|".join("" if v is None else str(v) for v in values)


@dataclass
class Rows:
    """Offending rows of one table found batch by batch: how many, and the key (and value) of
    the first MAX_ROWS_PER_GROUP."""

    table: str
    count: int = 0
    keys: list[str] = field(default_factory=list)
    values: list[Any] = field(default_factory=list)

    def add(
        self,
        batch: pa.Table | pa.RecordBatch,
        indices: Iterable[int],
        offset: int,
        values: list[Any] | None = None,
    ) -> None:
        """Rows `indices` of `batch` (its first row is row `offset` of the table), in order;
        `values[n]` is the value shown for the n-th of them, when the finding shows one."""
        for n, local in enumerate(indices):
            if len(self.keys) < MAX_ROWS_PER_GROUP:
                self.keys.append(row_key(self.table, batch, local, offset))
                if values is not None:
                    self.values.append(values[n])
            self.count += 1

    def add_keys(self, keys: list[str], count: int, values: list[Any] | None = None) -> None:
        """Rows already named (e.g. by a fallback that read the whole table)."""
        room = MAX_ROWS_PER_GROUP - len(self.keys)
        self.keys.extend(keys[:room])
        if values is not None:
            self.values.extend(values[:room])
        self.count += count

    def findings(
        self,
        *,
        type: str,
        file: str | None,
        column: str | None,
        message: str,
        with_values: bool = False,
    ) -> Iterator[Finding]:
        for n, key in enumerate(self.keys):
            detail = f"{message} (value {self.values[n]!r})" if with_values else message
            yield Finding(type, detail, table=self.table, file=file, row=key, column=column)
        if self.count > len(self.keys):
            yield Finding(
                type,
                f"{message}: {self.count - len(self.keys)} more row(s) like this",
                table=self.table,
                file=file,
                column=column,
            )


def aligned(
    left: Iterator[pa.Table], right: Iterator[pa.Table]
) -> Iterator[tuple[pa.Table, pa.Table]]:
    """Pairs of equally long slices of two streams of batches, in order, until either ends
    (the caller compares the total row counts)."""
    pending: list[pa.Table] = [pa.table({}), pa.table({})]
    streams = [left, right]
    ended = [False, False]
    while True:
        for side in (0, 1):
            while not ended[side] and pending[side].num_rows == 0:
                try:
                    pending[side] = next(streams[side])
                except StopIteration:
                    ended[side] = True
        if pending[0].num_rows == 0 or pending[1].num_rows == 0:
            return
        n = min(pending[0].num_rows, pending[1].num_rows)
        yield pending[0].slice(0, n), pending[1].slice(0, n)
        pending = [pending[0].slice(n), pending[1].slice(n)]


def concat(batches: Iterable[pa.RecordBatch | pa.Table], schema: pa.Schema) -> pa.Table:
    """The batches as one table (for the fallbacks that need a whole column)."""
    tables = [b if isinstance(b, pa.Table) else pa.Table.from_batches([b]) for b in batches]
    return pa.concat_tables(tables) if tables else schema.empty_table()
