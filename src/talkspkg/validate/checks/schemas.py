"""Schema files: a safe path, present, JSON, and identical to what the table's model generates."""

from __future__ import annotations

from collections.abc import Iterator

from talkspkg.schema.tableschema import table_schema
from talkspkg.validate.context import PackageContext, Unavailable
from talkspkg.validate.report import Finding


def schema_matches_model(ctx: PackageContext) -> Iterator[Finding]:
    for table, files in ctx.tables().items():
        refs = [r.get("schema") for r in (files.csv, files.parquet) if r is not None]
        if not refs:
            continue
        if not all(isinstance(ref, str) for ref in refs):
            yield Finding(
                "schema-error", "schema must be a path to schemas/<table>.json", table=table
            )
            continue
        if len(set(refs)) > 1:
            yield Finding(
                "schema-error",
                f"CSV and Parquet name different schemas {sorted(set(refs))}",
                table=table,
            )
        ref = refs[0]
        reason = ctx.unsafe_reason(ref)
        if reason:
            yield Finding("path-error", f"schema of {table}: {reason}", table=table, file=ref)
            continue
        try:
            actual = ctx.schema_json(table)
        except Unavailable as exc:
            yield Finding("schema-error", str(exc), table=table, file=ref)
            continue
        expected = table_schema(table)
        if actual != expected:
            differing = sorted(
                k for k in set(actual) | set(expected) if actual.get(k) != expected.get(k)
            )
            yield Finding(
                "schema-mismatch",
                f"differs from the {table} model in {', '.join(differing)}; rebuild the package",
                table=table,
                file=ref,
            )
