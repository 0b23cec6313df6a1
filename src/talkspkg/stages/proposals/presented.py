"""Where and when a proposal was presented: the meeting it was put to, and its date.

Policy (precision first: a proposal no sentence presents at a meeting or on a date keeps
`presented_at` and `date` null):

* A presentation is a presentation verb (`presentation` in knowledge/proposal_cues.yaml:
  "presented", "handed over", "tabled", ...) whose proposal the sentence resolves: the verb is
  itself a proposal cue with a proposer ("Witkoff presented proposals"), or the proposal noun it
  governs follows it in its clause ("delivered the US plan"). A negated verb ("has not
  presented") or one still to come ("will present", "is expected to present") is none, and
  neither is a presentation at a meeting the meetings table reports as planned or called off.
* Its meeting is an encounter the meetings stage found in that sentence in the verb's place:
  the first meeting trigger after the verb, before any comma of its clause and right after a
  venue preposition (`venue_prepositions`: "at a meeting last week in Paris", "to a similar
  session in Geneva"), or the trigger of the sentence's opening adverbial before the verb
  ("During the Paris meeting, US officials presented ..."). Another meeting of the sentence
  ("canceled plans to visit London") is not the venue.
* Its date is the meeting's, as the meetings table resolves it over the corpus; with no meeting
  in the sentence, the one time expression of the verb's clause, resolved against the
  publication date ("unveiled the plan on Tuesday"). Day and month precision stay as they are;
  an ISO week becomes its month when it lies in one, else its year when it lies in one, else
  no date. A multi-day meeting dates the proposal by its first day.
* Over the corpus, a proposal's presentation at the earliest dated meeting (then an undated one,
  by meeting id) gives `presented_at` and the date; without one, the earliest sentence date
  gives the date. A meeting mention whose encounter the meetings table does not write (not
  identified: neither a city nor two parties) links nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from talkspkg.stages.leads import headed
from talkspkg.stages.meetings.dates import Anchor, find_dates, resolve
from talkspkg.stages.meetings.model import MeetingMention
from talkspkg.stages.proposals.attribution import Context
from talkspkg.stages.proposals.cues import Cues
from talkspkg.stages.proposals.hits import Hit
from talkspkg.stages.proposals.text import Sentence, clause_bounds

_NOT_YET = re.compile(
    r"\b(?:not|never|n['’]t|will|would|shall|to|could|can|may|might|should|must|if|whether)"
    r"\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_OPENER = re.compile(r"(?:During|At|In|On\s+the\s+(?:sidelines|margins)\s+of)\b", re.IGNORECASE)
_OBJECT_REACH = 60  # characters from the verb to the proposal noun it governs
_VENUE_WORDS = 15  # words from the verb to the meeting trigger


@dataclass(frozen=True, slots=True)
class Presentation:
    """One sentence presenting one proposal, at a meeting of its article and/or on a date."""

    article_id: str
    proposal_id: str
    start: int  # the sentence
    end: int
    meeting_start: int | None  # the meeting mention (its sentence and trigger) it was put to
    meeting_trigger: int | None
    date: date | None  # from the sentence, when it names no meeting
    date_precision: str | None


def calendar_date(start: date, end: date, precision: str) -> tuple[date, str] | None:
    """A range in the proposals schema's precisions (day, month, year); see the policy."""
    if precision == "day":
        return start, "day"
    if precision == "month" or (
        precision == "week"
        and (start.year, start.month)
        == (
            end.year,
            end.month,
        )
    ):
        return start.replace(day=1), "month"
    if start.year == end.year:
        return date(start.year, 1, 1), "year"
    return None


def _proposal(
    text: str, s: Sentence, verb: re.Match[str], resolved: Mapping[Hit, Context | None], cues: Cues
) -> Context | None:
    """The proposal noun the verb governs ("unveiled a plan for a ceasefire": the single-issue
    proposal the noun names), else the proposal of the verb itself as a cue."""
    _, hi = clause_bounds(text, s, verb.start(), cues.clause_breaks)
    nouns = [
        (cue.start, ctx)
        for cue, ctx in resolved.items()
        if ctx is not None
        and cue.form == "noun"
        and verb.end() <= cue.start < min(hi, verb.end() + _OBJECT_REACH)
        and not re.search(r"[,;:]", text[verb.end() : cue.start])
    ]
    if nouns:
        return min(nouns, key=lambda n: n[0])[1]
    for cue, ctx in resolved.items():
        if ctx is not None and cue.start < verb.end() and verb.start() < cue.end:
            return ctx
    return None


def _venue(
    text: str, s: Sentence, verb: re.Match[str], meetings: Sequence[MeetingMention], cues: Cues
) -> MeetingMention | None:
    here = sorted(
        (m for m in meetings if s.start <= m.trigger_start < s.end), key=lambda m: m.trigger_start
    )
    after = [m for m in here if m.trigger_start >= verb.end()]
    if after:
        m = after[0]
        gap = text[verb.end() : m.trigger_start]
        if (
            not re.search(r"[,;:()–—]", gap)
            and len(gap.split()) <= _VENUE_WORDS
            and any(p.search(text, verb.end(), m.trigger_start) for p in cues.venue_prepositions)
        ):
            return m
    before = [m for m in here if m.trigger_end <= verb.start()]
    if before and _OPENER.match(text, s.start):
        m = before[0]
        head = text[s.start : m.trigger_start]
        opening = any(
            (hit := p.search(text, s.start, m.trigger_start)) is not None and hit.start() == s.start
            for p in cues.venue_prepositions
        )
        if opening and "," not in head and text[m.trigger_end : verb.start()].count(",") == 1:
            return m
    return None


def _sentence_date(
    text: str, s: Sentence, verb: re.Match[str], cues: Cues, anchor: Anchor | None
) -> tuple[date, str] | None:
    lo, hi = clause_bounds(text, s, verb.start(), cues.clause_breaks)
    exprs = find_dates(text, lo, hi)
    if len(exprs) != 1:
        return None
    rng = resolve(exprs[0], anchor)
    return calendar_date(*rng) if rng is not None else None


def find_presentations(
    text: str,
    article_id: str,
    s: Sentence,
    resolved: Mapping[Hit, Context | None],
    meetings: Sequence[MeetingMention],
    cues: Cues,
    anchor: Anchor | None,
) -> list[Presentation]:
    """The presentations of sentence `s` (see the module policy)."""
    found: list[Presentation] = []
    for pattern in cues.presentation:
        for verb in headed(pattern).finditer(text, s.start, s.end):  # same matches, faster
            if _NOT_YET.search(text, s.start, verb.start()):
                continue
            ctx = _proposal(text, s, verb, resolved, cues)
            if ctx is None:
                continue
            meeting = _venue(text, s, verb, meetings, cues)
            dated = None
            if meeting is None and not any(s.start <= m.trigger_start < s.end for m in meetings):
                dated = _sentence_date(text, s, verb, cues, anchor)
            if meeting is None and dated is None:
                continue
            found.append(
                Presentation(
                    article_id=article_id,
                    proposal_id=ctx.proposal_id,
                    start=s.start,
                    end=s.end,
                    meeting_start=meeting.start if meeting else None,
                    meeting_trigger=meeting.trigger_start if meeting else None,
                    date=dated[0] if dated else None,
                    date_precision=dated[1] if dated else None,
                )
            )
    return found


@dataclass(frozen=True, slots=True)
class Presented:
    """What the proposals table states of a proposal's presentation."""

    presented_at: str | None
    date: date | None
    date_precision: str | None


def _meeting_ids(mention_rows: Iterable[Mapping[str, Any]]) -> dict[tuple[str, int], list[Any]]:
    by_sentence: dict[tuple[str, int], list[Any]] = {}
    for row in mention_rows:
        key = (row["article_id"], row["start"])
        by_sentence.setdefault(key, []).append((row["trigger_start"], row["meeting_id"]))
    return by_sentence


def _meeting_of(p: Presentation, by_sentence: dict[tuple[str, int], list[Any]]) -> str | None:
    """The meeting row of the mention: its own trigger, else the one meeting of its sentence
    (a sentence naming one meeting twice is one evidence row with its first trigger)."""
    rows = by_sentence.get((p.article_id, p.meeting_start or -1), [])
    exact = [mid for trigger, mid in rows if trigger == p.meeting_trigger]
    if exact:
        return exact[0]
    ids = {mid for _, mid in rows}
    return ids.pop() if len(ids) == 1 else None


def presented(
    presentations: Iterable[Presentation],
    meeting_rows: Iterable[Mapping[str, Any]],
    mention_rows: Iterable[Mapping[str, Any]],
) -> dict[str, Presented]:
    """proposal_id -> where and when it was presented (see the module policy). Pure."""
    meetings = {row["meeting_id"]: row for row in meeting_rows}
    by_sentence = _meeting_ids(mention_rows)
    linked: dict[str, list[tuple[tuple[int, date, str], Presented]]] = {}
    for p in presentations:
        mid = _meeting_of(p, by_sentence) if p.meeting_start is not None else None
        row = meetings.get(mid or "")
        if row is not None and row.get("status") not in ("held", None):
            row = None  # a planned or called-off meeting is where nothing was presented
        when = None
        if row is not None and row.get("date_start") is not None:
            when = calendar_date(
                _day(row["date_start"]),
                _day(row.get("date_end") or row["date_start"]),
                row["date_precision"],
            )
        if row is None and p.meeting_start is not None:
            continue  # a meeting the table does not write: no link, and no date of its own
        if when is None and p.date is not None and p.date_precision is not None:
            when = (p.date, p.date_precision)
        if row is None and when is None:
            continue
        rank = 0 if row is not None and when else 1 if row is not None else 2
        key = (rank, when[0] if when else date.max, mid or "")
        linked.setdefault(p.proposal_id, []).append(
            (key, Presented(mid, when[0] if when else None, when[1] if when else None))
        )
    return {pid: min(options, key=lambda o: o[0])[1] for pid, options in sorted(linked.items())}


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
