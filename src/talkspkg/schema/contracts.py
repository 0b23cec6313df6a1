"""The semantic contract of the tables: claims the data makes about itself that the form checks
cannot see, declared as data beside the pandera models and checked by `talkspkg validate`
(validate/checks/semantics.py and derived.py), listed per table in the README's data dictionary.

- content ids: an id built from other columns equals what they give;
- typed references: a foreign key into `entities` names an entity of an allowed type;
- dated ranges: a date range agrees with its stated precision;
- derived counts: a count equals the rows it counts (validate/checks/derived.py).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ContentId:
    """`table.column` equals `template` filled with the row's columns."""

    table: str
    column: str
    template: str

    def describe(self) -> str:
        return f"`{self.column}` is built from the row: `{self.template}`"


@dataclass(frozen=True)
class TypedRef:
    """`table.column`, when not null, names an entity whose `entity_type` is in `types`."""

    table: str
    column: str
    types: tuple[str, ...]

    def describe(self) -> str:
        return f"`{self.column}` names an entity of type {', '.join(self.types)}"


# The longest span a `day`-precision range may cover: a round of talks or a summit.
MAX_DAY_RANGE = 7


@dataclass(frozen=True)
class DatedRange:
    """`start`..`end` agree with `precision`: day -> each bound is a day the text states, at
    most `MAX_DAY_RANGE` days in all (one day, or a round of talks such as "March 9 to 11");
    week -> an ISO week, Monday to Sunday; month -> its first to its last day; end never before
    start; all null together."""

    table: str
    start: str
    end: str
    precision: str

    def describe(self) -> str:
        return (
            f"`{self.start}`..`{self.end}` agree with `{self.precision}` (day: one day or a "
            f"round of at most {MAX_DAY_RANGE} days; week: Monday to Sunday; month: first to last "
            "day)"
        )


@dataclass(frozen=True)
class DerivedCount:
    """`table.column` = rows of `source` whose `source_key` equals `table.key` (or, with
    `distinct`, the number of distinct values of that column among them). With `via`
    (a table, its key and the column holding `table.key`), `source` rows reach `table` through
    it: proposals count the articles of the positions on their terms."""

    table: str
    column: str
    key: str
    source: str
    source_key: str
    distinct: str | None = None
    via: tuple[str, str, str] | None = None

    def describe(self) -> str:
        counted = f"distinct `{self.distinct}` of" if self.distinct else "the rows of"
        return f"`{self.column}` counts {counted} `{self.source}`"


DERIVED_COUNTS = (
    DerivedCount("entities", "mention_count", "entity_id", "mentions", "entity_id"),
    DerivedCount("entities", "article_count", "entity_id", "mentions", "entity_id", "article_id"),
    DerivedCount(
        "meetings", "article_count", "meeting_id", "meeting_mentions", "meeting_id", "article_id"
    ),
    DerivedCount(
        "proposal_terms", "article_count", "term_id", "term_positions", "term_id", "article_id"
    ),
    DerivedCount(
        "proposals",
        "article_count",
        "proposal_id",
        "term_positions",
        "term_id",
        "article_id",
        via=("proposal_terms", "term_id", "proposal_id"),
    ),
)

CONTENT_IDS = (
    ContentId("mentions", "mention_id", "{article_id}.{start}-{end}"),
    ContentId("quotes", "quote_id", "{article_id}.q{start}-{end}"),
    ContentId("proposal_terms", "term_id", "{proposal_id}.{code}"),
)

ACTORS = ("person", "organization", "country")
TYPED_REFS = (
    TypedRef("quotes", "speaker_id", ACTORS),
    TypedRef("meeting_participants", "entity_id", ACTORS),
    TypedRef("meetings", "place_id", ("location",)),
    TypedRef("proposals", "proposer_id", ("country", "organization")),
    TypedRef("term_positions", "entity_id", ACTORS),
)

DATED_RANGES = (
    DatedRange("meetings", "date_start", "date_end", "date_precision"),
    DatedRange("meeting_mentions", "date_start", "date_end", "date_precision"),
)

# Further rules checked in validate/checks/semantics.py, named here for the data dictionary.
OTHER_RULES: dict[str, tuple[str, ...]] = {
    "articles": ("`char_count` and `word_count` are those of the raw text",),
    "quotes": ("`continues` names an earlier quote of the same article",),
    "meetings": (
        "`part_of` never leads back to the meeting, and its dates meet the parent's",
        "a `date_anchor` of `relative-to-<article>` names an article that shares a meeting with "
        "the articles reporting this one (how the anchor was learnt)",
    ),
}


def rules_of(table: str) -> list[str]:
    """Every semantic rule of `table`, in words (the data dictionary lists them)."""
    found = [c.describe() for c in CONTENT_IDS if c.table == table]
    found += [r.describe() for r in TYPED_REFS if r.table == table]
    found += [d.describe() for d in DATED_RANGES if d.table == table]
    found += [d.describe() for d in DERIVED_COUNTS if d.table == table]
    return found + list(OTHER_RULES.get(table, ()))
