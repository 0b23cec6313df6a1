"""CSV files conform to their Table Schema: header, cell types, required cells. Columnar, one
batch at a time (validate.scan reads each CSV once, beside its Parquet)."""

from __future__ import annotations

from collections.abc import Iterator

from talkspkg.schema.tableschema import columns
from talkspkg.validate.checks._util import column_difference
from talkspkg.validate.context import PackageContext
from talkspkg.validate.report import Finding
from talkspkg.validate.scan import LEXICAL, bad_lexical

__all__ = ["LEXICAL", "bad_lexical", "csv_conformity"]


def csv_conformity(ctx: PackageContext) -> Iterator[Finding]:
    for table in ctx.present_tables():
        res = ctx.tables()[table].csv
        if res is None:
            continue
        rel = str(res.get("path"))
        scan = ctx.scan(table)
        if scan.csv_error is not None:
            if ctx.unsafe_reason(res.get("path")) is None and ctx.is_file(rel):
                yield Finding("csv-error", scan.csv_error, table=table, file=rel)
            continue
        found = scan.csv_columns or []
        expected = [c.name for c in columns(table)]
        if found != expected:
            difference = column_difference(found, expected)
            yield Finding(
                "header-error",
                f"header {found} differs from the schema" + (difference or "; wrong order"),
                table=table,
                file=rel,
            )
        for spec in columns(table):
            if spec.name in scan.empty:
                yield from scan.empty[spec.name].findings(
                    type="constraint-error",
                    file=rel,
                    column=spec.name,
                    message="required cell is empty",
                )
            if spec.name in scan.lexical:
                yield from scan.lexical[spec.name].findings(
                    type="type-error",
                    file=rel,
                    column=spec.name,
                    message=f"cell is not a valid {spec.type}",
                    with_values=True,
                )
