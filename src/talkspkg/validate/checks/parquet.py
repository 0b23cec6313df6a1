"""Parquet files: readable, with exactly the columns and Arrow types of the Table Schema."""

from __future__ import annotations

from collections.abc import Iterator

from talkspkg.schema.tableschema import arrow_schema
from talkspkg.validate.checks._util import column_difference
from talkspkg.validate.context import PackageContext, Unavailable
from talkspkg.validate.report import Finding


def parquet_schema(ctx: PackageContext) -> Iterator[Finding]:
    for table in ctx.present_tables():
        res = ctx.tables()[table].parquet
        if res is None:
            continue
        rel = str(res.get("path"))
        try:
            arrow = ctx.parquet(table)
        except Unavailable as exc:
            if ctx.unsafe_reason(res.get("path")) is None and ctx.is_file(rel):
                yield Finding("parquet-error", str(exc), table=table, file=rel)
            continue
        expected = arrow_schema(table)
        if arrow.column_names != expected.names:
            yield Finding(
                "parquet-schema-error",
                f"columns {arrow.column_names} differ from the schema"
                + column_difference(arrow.column_names, expected.names),
                table=table,
                file=rel,
            )
        for field in expected:
            if field.name in arrow.column_names:
                actual = arrow.schema.field(field.name).type
                if actual != field.type:
                    yield Finding(
                        "parquet-schema-error",
                        f"Arrow type {actual} where the schema requires {field.type}",
                        table=table,
                        file=rel,
                        column=field.name,
                    )
