"""Helpers shared by checks: capped per-row findings."""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa

from talkspkg.validate.context import PackageContext
from talkspkg.validate.report import Finding
from talkspkg.validate.stream import MAX_ROWS_PER_GROUP

__all__ = ["MAX_ROWS_PER_GROUP", "column_difference", "row_findings"]


def row_findings(
    ctx: PackageContext,
    *,
    type: str,
    table: str,
    file: str | None,
    column: str | None,
    arrow: pa.Table,
    indices: list[int],
    message: str,
    values: list[object] | None = None,
) -> Iterator[Finding]:
    """One finding per offending row, at most MAX_ROWS_PER_GROUP, then one 'and N more'."""
    shown = indices[:MAX_ROWS_PER_GROUP]
    keys = ctx.row_keys(table, arrow, shown)
    for n, key in enumerate(keys):
        detail = f"{message} (value {values[n]!r})" if values is not None else message
        yield Finding(type, detail, table=table, file=file, row=key, column=column)
    if len(indices) > len(shown):
        yield Finding(
            type,
            f"{message}: {len(indices) - len(shown)} more row(s) like this",
            table=table,
            file=file,
            column=column,
        )


def column_difference(actual: list[str], expected: list[str]) -> str:
    """ "; missing [...]; undeclared [...]" for a header or schema that differs from the model."""
    missing = [c for c in expected if c not in actual]
    extra = [c for c in actual if c not in expected]
    return (f"; missing {missing}" if missing else "") + (f"; undeclared {extra}" if extra else "")
