"""Column annotations shared by every table model (`Str`, `Int`, `Date`, ...)."""

from __future__ import annotations

import pandas as pd
from pandera.engines import pandas_engine
from pandera.typing import Series

Str = Series[pd.StringDtype]
Int = Series[pd.Int64Dtype]
Bool = Series[pd.BooleanDtype]
Float = Series[pd.Float64Dtype]
Date = Series[pandas_engine.Date]
Time = Series[object]  # datetime.time values; the column carries metadata={"type": "time"}
