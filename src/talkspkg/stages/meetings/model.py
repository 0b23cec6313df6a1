"""What the per-article meetings stage hands to the corpus stage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from talkspkg.stages.meetings.dates import Anchor, DateExpr, DateRange


@dataclass(frozen=True, slots=True)
class MeetingMention:
    """One sentence reporting one encounter, with what that sentence itself states.

    Mentions of one article that share `local_id` refer to the same encounter (the article's
    own coreference: "the talks" after "talks in London on Wednesday"). Place and date are those
    the sentence states (None when it states none); `anchor` is the article's anchor, kept so
    the corpus stage can re-resolve `date_expr` once it learns an anchor from another article.
    """

    article_id: str
    local_id: str
    start: int  # the sentence: the evidence span
    end: int
    text: str | None  # the sentence; None in the corpus stages' copy (talkspkg.compact)
    trigger_start: int
    trigger_end: int
    trigger: str
    lemma: str  # "talks", "meeting", "call", "visit", "summit": for labels
    scope: str  # main | bilateral
    parent_local_id: str | None  # a bilateral's enclosing encounter in the same article
    place_id: str | None
    region_id: str | None  # the place the city lies in, when the knowledge base says so
    city: str | None
    country: str | None
    venue: str | None
    date_expr: DateExpr | None
    date: DateRange | None
    date_anchor: str | None
    anchor: Anchor | None
    future: bool
    format: str | None  # in_person | phone | video, None when nothing states the form
    status: str | None  # held | cancelled | postponed | planned, None when nothing states it
    downgraded: bool
    levels: tuple[str, ...]
    participants: tuple[tuple[str, str], ...]  # (entity_id, role)
    people: tuple[str, ...]  # the participants that are persons, in the order they were found
    sides: tuple[str, ...] = ()  # the states the participants act for; () when one has none
    caption: bool = False  # told by a photo caption: the encounter of those it names
    # an undated event narrated after the article told an encounter of this day: not before it
    after: date | None = None
    # told by a verb of meeting ("met", "hosted", "spoke to") or a support verb before the noun
    # ("held talks"), not by a noun alone ("the talks in Geneva"): see rows.confidence
    narrated: bool = False
    # the state named host of a visit to its capital for want of its people (frames.visit_host):
    # it gives way to them when another report of the meeting names one (rows._roles)
    visited: str | None = None
    held: bool = False  # told as taken place, no plan (dates.resolve: a day lies on or before now)
    # participants named apart from the delegations, as mediator or host ("U.S.-brokered talks",
    # "talks hosted by Turkey"): they take part but are no side of the talks ("the two sides")
    apart: tuple[str, ...] = ()
    # the article's sentences, hashed (copies.sketch): the same object for its every report, by
    # which the corpus stage knows near-copies of one story (copies.py)
    sketch: bytes = b""

    @property
    def date_inferred(self) -> bool:
        """The date rests on what the text fixes without a publication date (textanchor.py):
        a year it inferred, or a "now" it inferred, or a count from an event the knowledge dates
        ("days after the full-scale invasion"); less certain (rows.confidence)."""
        e = self.date_expr
        if self.date is None or e is None:
            return False
        now = self.anchor is not None and self.anchor.inferred
        return e.year_inferred or e.counted or (e.year is None and now)
