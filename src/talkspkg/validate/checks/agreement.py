"""The CSV and the Parquet of a table hold the same rows, cell for cell."""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa
import pyarrow.compute as pc

from talkspkg.schema.tableschema import arrow_schema
from talkspkg.validate.checks._util import row_findings
from talkspkg.validate.context import PackageContext, Unavailable, nullable_schema, typed_csv
from talkspkg.validate.report import Finding


def csv_parquet_agreement(ctx: PackageContext) -> Iterator[Finding]:
    for table in ctx.present_tables():
        try:
            yield from _agreement(ctx, table)
        finally:
            ctx.release_csv(table)  # no later check reads the CSV text


def _agreement(ctx: PackageContext, table: str) -> Iterator[Finding]:
    try:
        parquet = ctx.parquet(table)
        csv = typed_csv(ctx.csv_text(table), table)
        parquet = parquet.select(arrow_schema(table).names).cast(nullable_schema(table))
    except (Unavailable, pa.ArrowException, KeyError, ValueError):
        return  # unreadable or malformed files are reported by their own checks
    if parquet.num_rows != csv.num_rows:
        yield Finding(
            "csv-parquet-mismatch",
            f"CSV has {csv.num_rows} rows, Parquet has {parquet.num_rows}",
            table=table,
        )
        return
    for name in arrow_schema(table).names:
        a, b = csv[name], parquet[name]
        same = pc.or_kleene(pc.equal(a, b), pc.and_(pc.is_null(a), pc.is_null(b)))
        differ = pc.indices_nonzero(pc.invert(pc.fill_null(same, False))).to_pylist()
        if differ:
            yield from row_findings(
                ctx,
                type="csv-parquet-mismatch",
                table=table,
                file=None,
                column=name,
                arrow=parquet,
                indices=differ,
                message="CSV and Parquet differ in this cell",
            )
