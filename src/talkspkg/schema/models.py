"""One pandera model per table: the single source of truth for every published table.

Each model's `Config.metadata` carries what pandera has no slot for: the table's title and
description, its primary key and its foreign keys. `schema/tableschema.py` derives the Frictionless
Table Schema and the Arrow schema from these classes; nothing else restates a column.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.engines import pandas_engine
from pandera.typing import Series

from talkspkg.schema.types import ID_PATTERN, SHA256_PATTERN

Str = Series[pd.StringDtype]
Int = Series[pd.Int64Dtype]
Bool = Series[pd.BooleanDtype]
Float = Series[pd.Float64Dtype]
Date = Series[pandas_engine.Date]
Time = Series[object]


class Articles(pa.DataFrameModel):
    article_id: Str = pa.Field(
        unique=True,
        str_matches=ID_PATTERN,
        description="Stable id of the article, derived from its raw file name (lowercase a-z, 0-9, -).",
    )
    title: Str = pa.Field(
        nullable=True, description="Headline as stated in the text; null when it states none."
    )
    outlet: Str = pa.Field(
        nullable=True,
        description="Publishing outlet as stated in the text (or raw/sources.yaml); null if unknown.",
    )
    byline: Str = pa.Field(nullable=True, description="Author line as written, without 'By'.")
    published_date: Date = pa.Field(
        nullable=True, description="Publication date as stated; null when the article states none."
    )
    published_time: Time = pa.Field(
        nullable=True,
        metadata={"type": "time"},
        description="Publication time of day as stated (local to the outlet); null if not stated.",
    )
    dateline: Str = pa.Field(
        nullable=True, description="Place of the dateline as written (e.g. 'LONDON/PARIS')."
    )
    url: Str = pa.Field(nullable=True, description="URL of the article as stated; null if none.")
    language: Str = pa.Field(
        nullable=True, str_matches=r"^[a-z]{2}$", description="ISO 639-1 language of the text."
    )
    licence: Str = pa.Field(
        nullable=True, description="Licence of the text as recorded in raw/sources.yaml, if any."
    )
    word_count: Int = pa.Field(ge=0, description="Words in the article's body and subheadings.")
    char_count: Int = pa.Field(
        ge=0, description="Length of the decoded raw text in characters (the bound of every offset)."
    )
    raw_path: Str = pa.Field(
        str_matches=r"^raw/[^/\\]+\.txt$",
        description="Path of the raw article relative to the package root.",
    )
    raw_sha256: Str = pa.Field(
        str_matches=SHA256_PATTERN, description="SHA-256 (hex) of the raw file's bytes."
    )

    class Config:
        strict = True
        metadata = {
            "title": "Articles",
            "description": "One row per raw news article, with the metadata its text states.",
            "primary_key": ["article_id"],
            "foreign_keys": [],
        }


MODELS: dict[str, type[pa.DataFrameModel]] = {
    "articles": Articles,
}
