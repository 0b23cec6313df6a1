"""One pandera model per table: the single source of truth for every published table.

Each model's `Config.metadata` carries what pandera has no slot for: the table's title and
description, its primary key and its foreign keys. `schema/tableschema.py` derives the Frictionless
Table Schema and the Arrow schema from these classes; nothing else restates a column.
"""

from __future__ import annotations

import pandera.pandas as pa

from talkspkg.schema.columns import Bool, Date, Int, SpanChecks, Str, Time
from talkspkg.schema.meetings import MEETING_MODELS
from talkspkg.schema.proposals import PROPOSAL_MODELS
from talkspkg.schema.quotes import Quotes
from talkspkg.schema.types import ID_PATTERN, ISO_COUNTRY_PATTERN, SHA256_PATTERN


class Articles(pa.DataFrameModel):
    article_id: Str = pa.Field(
        unique=True,
        str_matches=ID_PATTERN,
        description="Stable id of the article, derived from its raw file name (a-z, 0-9, -).",
    )
    title: Str = pa.Field(
        nullable=True, description="Headline as stated in the text; null when it states none."
    )
    outlet: Str = pa.Field(
        nullable=True,
        description="Publishing outlet as stated in the text (or sources.yaml); null if unknown.",
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
        ge=0,
        description="Length of the decoded raw text in characters (the bound of every offset).",
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


ENTITY_TYPES = ["person", "organization", "country", "location", "journalist"]


class Entities(pa.DataFrameModel):
    entity_id: Str = pa.Field(
        unique=True,
        str_matches=ID_PATTERN,
        description="Stable id: the curated slug, or the slug of a discovered entity's name.",
    )
    name: Str = pa.Field(description="Canonical name (curated) or the name as first written.")
    entity_type: Str = pa.Field(
        isin=ENTITY_TYPES,
        description="person, organization, country, location, or journalist (bylines, credits).",
    )
    country: Str = pa.Field(
        nullable=True,
        str_matches=ISO_COUNTRY_PATTERN,
        description="ISO 3166-1 alpha-2 of affiliation; null when not known or not stated.",
    )
    role: Str = pa.Field(
        nullable=True,
        description="Role as of spring 2025 (curated) or the role phrase as written (discovered).",
    )
    curated: Bool = pa.Field(description="True for knowledge-base entries, false if discovered.")
    source: Str = pa.Field(
        description="'knowledge-base', or the discovery rule that found the entity.",
    )
    mention_count: Int = pa.Field(ge=0, description="Rows of mentions naming this entity.")
    article_count: Int = pa.Field(ge=0, description="Articles with at least one such mention.")

    class Config:
        strict = True
        metadata = {
            "title": "Entities",
            "description": "People, organizations, countries and places: the curated knowledge "
            "base plus the people discovered in the articles.",
            "primary_key": ["entity_id"],
            "foreign_keys": [],
        }


class Mentions(SpanChecks):
    mention_id: Str = pa.Field(
        unique=True,
        str_matches=ID_PATTERN,
        description="Stable id '<article_id>.<start>-<end>'.",
    )
    article_id: Str = pa.Field(description="The article (FK articles).")
    entity_id: Str = pa.Field(description="The entity mentioned (FK entities).")
    start: Int = pa.Field(ge=0, description="Offset of the first character in the raw text.")
    end: Int = pa.Field(ge=1, description="Offset after the last character (end exclusive).")
    text: Str = pa.Field(description="The mention as written: raw_text[start:end].")
    rule: Str = pa.Field(
        description="How it was resolved: name, alias, metonym, place, title-given-name, "
        "surname, handle (an @handle spelling a known name), discovered:<rule>.",
    )

    class Config:
        strict = True
        metadata = {
            "title": "Mentions",
            "description": "Every mention of an entity in an article, with exact offsets.",
            "primary_key": ["mention_id"],
            "foreign_keys": [
                {"fields": ["article_id"], "table": "articles", "reference": ["article_id"]},
                {"fields": ["entity_id"], "table": "entities", "reference": ["entity_id"]},
            ],
        }


MODELS: dict[str, type[pa.DataFrameModel]] = {
    "articles": Articles,
    "entities": Entities,
    "mentions": Mentions,
}
# Registered here, in dependency order (a table's foreign keys point at earlier ones).
MODELS["quotes"] = Quotes
MODELS.update(MEETING_MODELS)
MODELS.update(PROPOSAL_MODELS)
