"""Column annotations shared by every table model (`Str`, `Int`, `Date`, ...)."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.engines import pandas_engine
from pandera.typing import Series

Str = Series[pd.StringDtype]
Int = Series[pd.Int64Dtype]
Bool = Series[pd.BooleanDtype]
Float = Series[pd.Float64Dtype]
Date = Series[pandas_engine.Date]
Time = Series[object]  # datetime.time values; the column carries metadata={"type": "time"}


class SpanChecks(pa.DataFrameModel):
    """Base of the models whose rows are spans of an article: adds no column, only the rule
    that a span is never empty or reversed."""

    @pa.dataframe_check
    def start_before_end(cls, df: pd.DataFrame) -> pd.Series:
        return df["start"] < df["end"]
