"""The `quotes` table: every quotation of an article's prose, its speaker and how it was found.

Written in the style of `schema/models.py`, which registers it in MODELS; the column aliases are
restated here (as in schema/proposals.py) so that models.py can import this module without an
import cycle. The allowed values of `kind`, `channel`, `rule` and `resolution` are those the
stage (stages/quotes, which imports nothing from schema) produces, imported from it so that they
cannot drift apart.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from talkspkg.schema.columns import Float, Int, SpanChecks, Str
from talkspkg.schema.types import ID_PATTERN
from talkspkg.stages.quotes import CHANNELS, KINDS, RESOLUTIONS, RULES


def _pair_ordered(df: pd.DataFrame, start: str, end: str) -> pd.Series:
    """Both offsets null, or both set with start < end."""
    both_null = df[start].isna() & df[end].isna()
    ordered = (df[start] < df[end]).fillna(False).astype(bool)
    return both_null | ordered


class Quotes(SpanChecks):
    quote_id: Str = pa.Field(
        unique=True,
        str_matches=ID_PATTERN,
        description="Stable id '<article_id>.q<start>-<end>'.",
    )
    article_id: Str = pa.Field(description="The article (FK articles).")
    start: Int = pa.Field(
        ge=0, description="Offset of the first quoted character (the marks are excluded)."
    )
    end: Int = pa.Field(ge=1, description="Offset after the last quoted character (exclusive).")
    text: Str = pa.Field(
        description="The quoted words as written: raw_text[start:end], without the quotation "
        "marks, surrounding spaces and a trailing comma; one row per paragraph of a quotation "
        "that runs over several paragraphs.",
    )
    kind: Str = pa.Field(
        isin=list(KINDS),
        description="direct (the quotation holds a sentence of its own) or partial (words "
        "embedded in the reporter's sentence).",
    )
    speaker_id: Str = pa.Field(
        nullable=True,
        description="The speaker (FK entities); null when the article names no speaker.",
    )
    speaker_text: Str = pa.Field(
        nullable=True,
        description="The phrase designating the speaker, as written ('he', 'a U.S. official', "
        "'A spokesperson for British Prime Minister Keir Starmer'); for an inherited "
        "attribution, the phrase of the quotation it was inherited from; null if none.",
    )
    speaker_start: Int = pa.Field(
        nullable=True, ge=0, description="Offset of speaker_text in the raw text."
    )
    speaker_end: Int = pa.Field(
        nullable=True, ge=1, description="Offset after speaker_text (exclusive)."
    )
    cue: Str = pa.Field(
        nullable=True,
        description="The speech cue as written, with its channel phrase ('said', 'wrote on X', "
        "'told reporters', 'according to'); null when no cue attributes the quotation.",
    )
    cue_start: Int = pa.Field(nullable=True, ge=0, description="Offset of the cue in the raw text.")
    cue_end: Int = pa.Field(nullable=True, ge=1, description="Offset after the cue (exclusive).")
    channel: Str = pa.Field(
        isin=list(CHANNELS),
        description="Where the words were said: statement, social_media ('wrote on X'), "
        "messaging ('on Telegram'), interview ('told reporters'), parliament, document, or "
        "unknown when the article does not say.",
    )
    rule: Str = pa.Field(
        isin=list(RULES),
        description="The pattern that attributed the quotation (see stages/quotes), e.g. "
        "quote-then-speaker-verb for '\"Q,\" S said', continuation for a paragraph that "
        "continues an earlier quotation, unattributed when none did.",
    )
    resolution: Str = pa.Field(
        isin=list(RESOLUTIONS),
        description="How speaker_text was resolved to speaker_id: name, title ('the US "
        "Secretary of State'), role (a spokesperson speaks for their principal), anaphor "
        "('the spokesperson'), document ('the statement' -> its issuer), pronoun, unnamed "
        "(no entity), none (no speaker phrase), fallback (a lower-confidence guess where the "
        "strict rules found nobody: the passage's current speaker, a gender-fitting subject, "
        "the issuer named where the document was introduced, the one person the article "
        "named whom a description fits, or the person the passage introduced before a "
        "quotation with no cue; confidence below 0.8).",
    )
    continues: Str = pa.Field(
        nullable=True,
        description="quote_id of the part in the previous paragraph that this part continues.",
    )
    confidence: Float = pa.Field(
        ge=0, le=1, description="Confidence of the attribution: rule times resolution (0-1)."
    )

    @pa.dataframe_check
    def speaker_span_ordered(cls, df: pd.DataFrame) -> pd.Series:
        return _pair_ordered(df, "speaker_start", "speaker_end")

    @pa.dataframe_check
    def cue_span_ordered(cls, df: pd.DataFrame) -> pd.Series:
        return _pair_ordered(df, "cue_start", "cue_end")

    class Config:
        strict = True
        metadata = {
            "title": "Quotes",
            "description": "Every quotation in an article's prose with its exact span, its "
            "speaker and how it was attributed; headline quotes and scare quotes are left out.",
            "primary_key": ["quote_id"],
            "disjoint_spans": True,  # no two quotations of an article overlap
            "foreign_keys": [
                {"fields": ["article_id"], "table": "articles", "reference": ["article_id"]},
                {"fields": ["speaker_id"], "table": "entities", "reference": ["entity_id"]},
            ],
        }
