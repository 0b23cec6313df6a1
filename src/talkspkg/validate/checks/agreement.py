"""The CSV and the Parquet of a table hold the same rows, cell for cell (compared batch by batch
in validate.scan, as both files are read side by side)."""

from __future__ import annotations

from collections.abc import Iterator

from talkspkg.schema.tableschema import arrow_schema
from talkspkg.validate.context import PackageContext
from talkspkg.validate.report import Finding


def csv_parquet_agreement(ctx: PackageContext) -> Iterator[Finding]:
    for table in ctx.present_tables():
        scan = ctx.scan(table)
        if not scan.compared:
            continue  # unreadable or malformed files are reported by their own checks
        if scan.parquet_rows != scan.csv_rows:
            yield Finding(
                "csv-parquet-mismatch",
                f"CSV has {scan.csv_rows} rows, Parquet has {scan.parquet_rows}",
                table=table,
            )
            continue
        for name in arrow_schema(table).names:
            if name in scan.differ:
                yield from scan.differ[name].findings(
                    type="csv-parquet-mismatch",
                    file=None,
                    column=name,
                    message="CSV and Parquet differ in this cell",
                )
