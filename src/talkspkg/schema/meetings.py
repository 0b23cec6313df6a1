"""Pandera models of the meetings tables: `meetings`, `meeting_participants`, `meeting_mentions`.

Written in the style of schema/models.py (one model per table, Config.metadata with title,
description, primary and foreign keys). The column aliases are restated here rather than
imported from models.py so that models.py can import this module to register the tables.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from talkspkg.schema.columns import Date, Float, Int, Str
from talkspkg.schema.types import ID_PATTERN, ISO_COUNTRY_PATTERN

DATE_PRECISIONS = ["day", "week", "month"]
FORMATS = ["in_person", "phone", "video"]
STATUSES = ["held", "planned", "cancelled", "postponed"]
ROLES = ["host", "participant", "absent"]
LEVELS = ["officials", "ministers", "leaders"]
DATE_ANCHOR_PATTERN = (
    r"^(?:published_date|published_date_sources|stated|relative-to-[a-z0-9]+(?:-[a-z0-9]+)*)$"
)


class Meetings(pa.DataFrameModel):
    meeting_id: Str = pa.Field(
        unique=True,
        str_matches=ID_PATTERN,
        description="Stable id from the meeting's content: '<date>-<city>-<format>' (date as "
        "2025-04-23, 2025-w17 or 2025-04; 'undated', 'unknown' when not stated), "
        "'-bilateral' for a bilateral, and a hash suffix only when two meetings would collide.",
    )
    label: Str = pa.Field(
        description="Readable name built from the data: 'London talks', 'Rubio–Lavrov call'."
    )
    date_start: Date = pa.Field(
        nullable=True,
        description="First day of the meeting's date range; null if no report dates it.",
    )
    date_end: Date = pa.Field(
        nullable=True,
        description=(
            "Last day of the date range; at day precision the same day, or the last day of a "
            "round held over several days (at most 7)."
        ),
    )
    date_precision: Str = pa.Field(
        nullable=True,
        isin=DATE_PRECISIONS,
        description="day, week (ISO week, Monday-Sunday) or month: the finest any report states.",
    )
    date_anchor: Str = pa.Field(
        nullable=True,
        str_matches=DATE_ANCHOR_PATTERN,
        description="How the date was resolved: 'stated' (a full date, or relative words tied to "
        "one in the text), 'published_date' (relative words from the publication date the text "
        "states), 'published_date_sources' (from the date raw/sources.yaml gives), or "
        "'relative-to-<article_id>' (the day learnt from that article's report of the meeting).",
    )
    date_article_id: Str = pa.Field(
        nullable=True, description="The article whose statement fixes the date (FK articles)."
    )
    city: Str = pa.Field(
        nullable=True, description="City as named in the knowledge base; null if none."
    )
    country: Str = pa.Field(
        nullable=True,
        str_matches=ISO_COUNTRY_PATTERN,
        description="ISO 3166-1 alpha-2 of the city's country; null when the city is unknown.",
    )
    place_id: Str = pa.Field(nullable=True, description="The city's entity (FK entities).")
    venue: Str = pa.Field(
        nullable=True, description="Venue as first written ('Elysee Palace'); null if none stated."
    )
    format: Str = pa.Field(
        nullable=True,
        isin=FORMATS,
        description="in_person, phone or video; null when no report states the form "
        "('Rubio spoke to Lammy' alone).",
    )
    status: Str = pa.Field(
        isin=STATUSES,
        description="held if any report says it took place; else cancelled, postponed or planned; "
        "held when no report says anything.",
    )
    planned_level: Str = pa.Field(
        nullable=True,
        isin=LEVELS,
        description="For a downgraded meeting, the highest level planned (officials < ministers "
        "< leaders); null otherwise.",
    )
    held_level: Str = pa.Field(
        nullable=True,
        isin=LEVELS,
        description="For a downgraded meeting, the level at which it took place; null otherwise.",
    )
    note: Str = pa.Field(
        nullable=True,
        description="What became of the plan ('downgraded from ministers level "
        "to officials level'); null when nothing notable.",
    )
    part_of: Str = pa.Field(
        nullable=True,
        description="The meeting this one took place within (a bilateral on the margins); "
        "FK meetings.",
    )
    article_count: Int = pa.Field(ge=1, description="Articles reporting the meeting.")
    confidence: Float = pa.Field(
        ge=0,
        le=1,
        description="How well the evidence identifies one encounter (0-1): 0.3 for a trigger, "
        "+0.25 a city, +0.2 a date, +0.2 two or more parties, +0.05 reported by several "
        "articles; at most 0.85 when no report tells it with a verb ('met', 'held talks'), at "
        "most 0.75 when it is not held. A row needs a city or two parties, so it is at least "
        "0.5. docs/QUALITY.md gives the share of right rows per band.",
    )

    @pa.dataframe_check
    def start_not_after_end(cls, df: pd.DataFrame) -> pd.Series:
        ok = pd.Series(True, index=df.index)
        both = df["date_start"].notna() & df["date_end"].notna()
        ok[both] = df.loc[both, "date_start"] <= df.loc[both, "date_end"]
        return ok

    class Config:
        strict = True
        metadata = {
            "title": "Meetings",
            "description": "One row per diplomatic encounter (talks, meetings, calls, visits), "
            "merged across every article that reports it.",
            "primary_key": ["meeting_id"],
            "foreign_keys": [
                {"fields": ["date_article_id"], "table": "articles", "reference": ["article_id"]},
                {"fields": ["place_id"], "table": "entities", "reference": ["entity_id"]},
                {"fields": ["part_of"], "table": "meetings", "reference": ["meeting_id"]},
            ],
        }


class MeetingParticipants(pa.DataFrameModel):
    meeting_id: Str = pa.Field(description="The meeting (FK meetings).")
    entity_id: Str = pa.Field(description="A person, country or organisation (FK entities).")
    role: Str = pa.Field(
        isin=ROLES,
        description="host, participant, or absent (expected but did not come); the strongest "
        "role any report gives (absent > host > participant).",
    )

    class Config:
        strict = True
        metadata = {
            "title": "Meeting participants",
            "description": "Who took part in each meeting, hosted it, or stayed away.",
            "primary_key": ["meeting_id", "entity_id"],
            "foreign_keys": [
                {"fields": ["meeting_id"], "table": "meetings", "reference": ["meeting_id"]},
                {"fields": ["entity_id"], "table": "entities", "reference": ["entity_id"]},
            ],
        }


class MeetingMentions(pa.DataFrameModel):
    meeting_id: Str = pa.Field(description="The meeting reported (FK meetings).")
    article_id: Str = pa.Field(description="The reporting article (FK articles).")
    start: Int = pa.Field(ge=0, description="Offset of the sentence's first character.")
    end: Int = pa.Field(ge=1, description="Offset after the sentence's last character (exclusive).")
    text: Str = pa.Field(description="The sentence as written: raw_text[start:end].")
    trigger_start: Int = pa.Field(ge=0, description="Offset of the words that name the encounter.")
    trigger_end: Int = pa.Field(ge=1, description="Offset after those words (exclusive).")
    trigger: Str = pa.Field(
        description="The words naming the encounter ('talks', 'spoke by phone'): "
        "raw_text[trigger_start:trigger_end]."
    )
    date_text: Str = pa.Field(
        nullable=True, description="The time expression this sentence states, as written."
    )
    date_start: Date = pa.Field(
        nullable=True, description="First day this sentence's time expression designates."
    )
    date_end: Date = pa.Field(nullable=True, description="Last day it designates.")
    date_precision: Str = pa.Field(
        nullable=True, isin=DATE_PRECISIONS, description="day, week or month."
    )
    date_anchor: Str = pa.Field(
        nullable=True,
        str_matches=DATE_ANCHOR_PATTERN,
        description="How this sentence's date was resolved (see meetings.date_anchor).",
    )
    format: Str = pa.Field(
        nullable=True, isin=FORMATS, description="The form this sentence states or implies."
    )
    status: Str = pa.Field(
        nullable=True, isin=STATUSES, description="What this sentence says became of it."
    )

    @pa.dataframe_check
    def start_before_end(cls, df: pd.DataFrame) -> pd.Series:
        return (df["start"] < df["end"]) & (df["trigger_start"] < df["trigger_end"])

    class Config:
        strict = True
        metadata = {
            "title": "Meeting mentions",
            "description": "Every sentence that reports a meeting: the evidence of each row of "
            "meetings, with what that sentence itself states.",
            "primary_key": ["meeting_id", "article_id", "start"],
            "foreign_keys": [
                {"fields": ["meeting_id"], "table": "meetings", "reference": ["meeting_id"]},
                {"fields": ["article_id"], "table": "articles", "reference": ["article_id"]},
            ],
        }


MEETING_MODELS: dict[str, type[pa.DataFrameModel]] = {
    "meetings": Meetings,
    "meeting_participants": MeetingParticipants,
    "meeting_mentions": MeetingMentions,
}
