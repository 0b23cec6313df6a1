"""Corpus stage, step 1: anchor undated articles through dated reports of the same meeting.

An article that states neither its publication date nor a usable anchor learns one when its
"talks in London on Wednesday" matches exactly one day-precision date of an anchored article's
main report in the same city, with a compatible form, on that weekday: the article's "now" is
taken to be that day and all its relative dates are re-resolved; `date_anchor` records
`relative-to-<article_id>` (the source with a publication date first, then the smallest id).
Repeated until nothing changes, smallest article id first; several matching days leave the
article unanchored.

Linear in the corpus: the dated days are indexed by (city, weekday, form) and only grow (an
anchored article never changes again), so an unanchored article is re-examined only when a day
it could match is added, and dropped for good once it matches two days.
"""

from __future__ import annotations

import heapq
from dataclasses import replace
from datetime import date

from talkspkg.stages.meetings.dates import Anchor, anchor_label, resolve
from talkspkg.stages.meetings.merge import FORMATS, Report, reports_of
from talkspkg.stages.meetings.model import MeetingMention

Rank = tuple[int, str]  # (0 for a source with a publication date, else 1; source article id)
DayKey = tuple[str, int, str | None]  # (place_id, weekday, format)


class DayIndex:
    """Day-precision dates of anchored articles' main reports, by (place, weekday, format)."""

    def __init__(self) -> None:
        self.days: dict[DayKey, dict[date, Rank]] = {}

    def add(self, report: Report, anchor: Anchor) -> DayKey | None:
        """Index `report`; the key when it adds a new day there (else None)."""
        d = report.date
        if report.place_id is None or d is None or d.precision != "day" or report.scope != "main":
            return None
        key = (report.place_id, d.start.weekday(), report.format)
        published = anchor.label in ("published_date", "published_date_sources")
        rank = (0 if published else 1, report.article_id)
        days = self.days.setdefault(key, {})
        new = d.start not in days
        days[d.start] = min(days.get(d.start, rank), rank)
        return key if new else None

    def matches(self, report: Report, weekdays: set[int]) -> dict[date, Rank]:
        formats = FORMATS if report.format is None else (None, report.format)
        found: dict[date, Rank] = {}
        for weekday in weekdays:
            for fmt in formats:
                for day, rank in self.days.get((report.place_id or "", weekday, fmt), {}).items():
                    found[day] = min(found.get(day, rank), rank)
        return found


def plain_weekdays(report: Report) -> set[int]:
    return {
        m.date_expr.weekday
        for m in report.mentions
        if m.date_expr
        and m.date_expr.kind == "weekday"
        and m.date_expr.offset == 0
        and m.date_expr.weekday is not None
        and m.date_expr.last_weekday is None  # "Friday and Saturday": no one day to match
    }


def anchor_articles(mentions: list[MeetingMention]) -> list[MeetingMention]:
    """The mentions, with the dates of articles that learnt an anchor re-resolved."""
    by_article: dict[str, list[MeetingMention]] = {}
    anchors: dict[str, Anchor | None] = {}
    for m in mentions:
        anchors.setdefault(m.article_id, m.anchor)
        by_article.setdefault(m.article_id, []).append(m)
    index = DayIndex()
    # readers[(place, weekday)]: unanchored articles whose report there says "on <weekday>"
    readers: dict[tuple[str, int], set[str]] = {}
    for article_id, ms in by_article.items():
        anchor = anchors[article_id]
        for r in reports_of(ms):
            if anchor is not None:
                index.add(r, anchor)
            elif r.place_id:
                for weekday in plain_weekdays(r):
                    readers.setdefault((r.place_id, weekday), set()).add(article_id)
    waiting = {a for rs in readers.values() for a in rs}
    heap = sorted(waiting)
    queued = set(heap)
    while heap:
        article_id = heapq.heappop(heap)
        queued.discard(article_id)
        if article_id not in waiting:
            continue
        found: dict[date, Rank] = {}
        for r in reports_of(by_article[article_id]):
            if r.place_id:
                for day, rank in index.matches(r, plain_weekdays(r)).items():
                    found[day] = min(found.get(day, rank), rank)
        if len(found) > 1:  # days are never removed: it can never learn
            waiting.discard(article_id)
        if len(found) != 1:
            continue
        waiting.discard(article_id)
        day, (_, source) = next(iter(found.items()))
        learnt = Anchor(day, day, f"relative-to-{source}")
        anchors[article_id] = learnt
        by_article[article_id] = [_reanchor(m, learnt) for m in by_article[article_id]]
        for r in reports_of(by_article[article_id]):
            key = index.add(r, learnt)
            if key is None:
                continue
            for other in readers.get((key[0], key[1]), ()):
                if other in waiting and other not in queued:
                    heapq.heappush(heap, other)
                    queued.add(other)
    return [m for a in by_article for m in by_article[a]]


def _reanchor(m: MeetingMention, anchor: Anchor) -> MeetingMention:
    if m.date_expr is None:
        return replace(m, anchor=anchor)
    rng = resolve(m.date_expr, anchor, m.future, m.held)
    return replace(
        m, anchor=anchor, date=rng, date_anchor=anchor_label(m.date_expr, anchor) if rng else None
    )
