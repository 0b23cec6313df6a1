"""Every table passes its pandera model, lazily: all failures are reported, not the first."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pyarrow as pa

from talkspkg.schema.models import MODELS
from talkspkg.validate.checks._util import MAX_ROWS_PER_GROUP
from talkspkg.validate.context import PackageContext, Unavailable
from talkspkg.validate.report import Finding

_PANDAS_TYPES = {
    pa.string(): pd.StringDtype(),
    pa.large_string(): pd.StringDtype(),
    pa.int64(): pd.Int64Dtype(),
    pa.bool_(): pd.BooleanDtype(),
    pa.float64(): pd.Float64Dtype(),
}


def to_pandas(arrow: pa.Table) -> pd.DataFrame:
    return arrow.to_pandas(types_mapper=_PANDAS_TYPES.get, date_as_object=True)


def model_conformity(ctx: PackageContext) -> Iterator[Finding]:
    import pandera.errors

    for table in ctx.present_tables():
        try:
            arrow = ctx.table(table)
        except Unavailable:
            continue
        try:
            frame = to_pandas(arrow)
        except (pa.ArrowException, ValueError, OverflowError) as exc:  # e.g. a date in year 0
            yield Finding("model-error", f"values cannot be checked: {exc}", table=table)
            continue
        try:
            MODELS[table].validate(frame, lazy=True)
        except pandera.errors.SchemaErrors as exc:
            cases = exc.failure_cases
            grouped = cases.groupby(["column", "check"], dropna=False, sort=False)
            for (column, check), group in grouped:
                indices = [int(i) for i in group["index"].dropna().tolist()]
                keys = ctx.row_keys(table, arrow, indices[:MAX_ROWS_PER_GROUP])
                values = group["failure_case"].tolist()
                col = None if pd.isna(column) else str(column)
                if not keys:
                    yield Finding("model-error", f"{check}: {values[:3]}", table=table, column=col)
                for key, value in zip(keys, values, strict=False):
                    yield Finding(
                        "model-error",
                        f"fails {check} (value {value!r})",
                        table=table,
                        row=key,
                        column=col,
                    )
                if len(indices) > len(keys):
                    yield Finding(
                        "model-error",
                        f"fails {check}: {len(indices) - len(keys)} more row(s) like this",
                        table=table,
                        column=col,
                    )
