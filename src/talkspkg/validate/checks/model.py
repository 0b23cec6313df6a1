"""Every table passes its pandera model, lazily: all failures are reported, not the first.

The model is executed on Arrow (validate/compiled.py), which reports what pandera reports; a
model using something that module cannot execute is validated by pandera itself, on pandas.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

import pyarrow as pa

from talkspkg.schema.tableschema import arrow_schema
from talkspkg.validate.checks._util import MAX_ROWS_PER_GROUP
from talkspkg.validate.compiled import Failure, Uncheckable, Unsupported, batch_failures
from talkspkg.validate.context import PackageContext, Unavailable
from talkspkg.validate.report import Finding


def to_pandas(arrow: pa.Table) -> Any:
    import pandas as pd

    types = {
        pa.string(): pd.StringDtype(),
        pa.large_string(): pd.StringDtype(),
        pa.int64(): pd.Int64Dtype(),
        pa.bool_(): pd.BooleanDtype(),
        pa.float64(): pd.Float64Dtype(),
    }
    return arrow.to_pandas(types_mapper=types.get, date_as_object=True)


def pandera_failures(table: str, arrow: pa.Table) -> list[Failure]:
    """The failure cases of pandera itself, run on pandas (the reference for `failures`)."""
    import pandas as pd
    import pandera.errors

    from talkspkg.schema.models import MODELS

    try:
        frame = to_pandas(arrow)
    except (pa.ArrowException, ValueError, OverflowError) as exc:  # e.g. a date in year 0
        raise Uncheckable(str(exc)) from exc
    try:
        MODELS[table].validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        found = []
        grouped = exc.failure_cases.groupby(["column", "check"], dropna=False, sort=False)
        for (column, check), group in grouped:
            indices = [int(i) for i in group["index"].dropna().tolist()]
            values = group["failure_case"].tolist()
            col = None if pd.isna(column) else str(column)
            found.append(Failure(col, str(check), indices, values))
        return found
    return []


def model_conformity(ctx: PackageContext) -> Iterator[Finding]:
    for table in ctx.present_tables():
        try:
            batches = ctx.batches(table)
        except (Unavailable, KeyError):
            continue
        try:
            try:
                found = batch_failures(table, batches, partial(ctx.column_table, table))
            except Unsupported:
                yield from _whole_table(ctx, table)
                continue
        except Uncheckable as exc:
            yield Finding("model-error", f"values cannot be checked: {exc}", table=table)
            continue
        for column, check, rows in found:
            yield from rows.findings(
                type="model-error",
                file=None,
                column=column,
                message=f"fails {check}",
                with_values=True,
            )


def _whole_table(ctx: PackageContext, table: str) -> Iterator[Finding]:
    """pandera itself on the whole table, for a model the compiled rules cannot execute."""
    arrow = ctx.column_table(table, arrow_schema(table).names)
    for failure in pandera_failures(table, arrow):
        yield from failure_findings(ctx, table, arrow, failure)


def failure_findings(
    ctx: PackageContext, table: str, arrow: pa.Table, failure: Failure
) -> Iterator[Finding]:
    check, col, values = failure.check, failure.column, failure.values
    keys = ctx.row_keys(table, arrow, failure.indices[:MAX_ROWS_PER_GROUP])
    if not keys:
        yield Finding("model-error", f"{check}: {values[:3]}", table=table, column=col)
    for key, value in zip(keys, values, strict=False):
        yield Finding(
            "model-error", f"fails {check} (value {value!r})", table=table, row=key, column=col
        )
    if len(failure.indices) > len(keys):
        yield Finding(
            "model-error",
            f"fails {check}: {len(failure.indices) - len(keys)} more row(s) like this",
            table=table,
            column=col,
        )
