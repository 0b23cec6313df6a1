"""Parquet files: readable to the last batch, with exactly the columns and Arrow types of the
Table Schema."""

from __future__ import annotations

from collections.abc import Iterator

from talkspkg.schema.tableschema import arrow_schema
from talkspkg.validate.checks._util import column_difference
from talkspkg.validate.context import PackageContext
from talkspkg.validate.report import Finding


def parquet_schema(ctx: PackageContext) -> Iterator[Finding]:
    for table in ctx.present_tables():
        res = ctx.tables()[table].parquet
        if res is None:
            continue
        rel = str(res.get("path"))
        scan = ctx.scan(table)
        if scan.parquet_error is not None or scan.parquet_schema is None:
            if ctx.unsafe_reason(res.get("path")) is None and ctx.is_file(rel):
                yield Finding("parquet-error", str(scan.parquet_error), table=table, file=rel)
            continue
        schema = scan.parquet_schema
        expected = arrow_schema(table)
        if schema.names != expected.names:
            yield Finding(
                "parquet-schema-error",
                f"columns {schema.names} differ from the schema"
                + column_difference(schema.names, expected.names),
                table=table,
                file=rel,
            )
        for field in expected:
            if field.name in schema.names:
                actual = schema.field(field.name).type
                if actual != field.type:
                    yield Finding(
                        "parquet-schema-error",
                        f"Arrow type {actual} where the schema requires {field.type}",
                        table=table,
                        file=rel,
                        column=field.name,
                    )
