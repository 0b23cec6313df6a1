"""Corpus stage: the reports of all articles -> one cluster per meeting.

A *report* is one article's encounter (its mentions sharing a `local_id`). Policy:

1. Anchoring. An article that states neither its publication date nor a usable anchor is
   anchored through a dated report of the same meeting: when its "talks in London on
   Wednesday" matches exactly one day-precision date of an anchored article's report (same
   city, compatible form, that weekday), the article's "now" is taken to be that day and all
   its relative dates are re-resolved; `date_anchor` records `relative-to-<article_id>`. The
   learnt day is a lower bound of the publication date, enough for the weekdays of its week.
   Repeated until nothing changes; several matching days leave the article unanchored.
2. Merging. Reports are merged, most precise dates first, into the meeting they fit best.
   A report fits a meeting when nothing contradicts (form, city, overlapping dates) and they
   are linked: same date within precision and (same city or a shared person). A report
   without date must share a person with the meeting and its city, or two people (all of
   them if it names one); if two meetings fit equally well it stays apart. Two meetings that
   each name exactly two people are distinct, even on one day in one city, when the pairs are
   disjoint, or when they differ and the encounter is a call (a call has exactly its parties).
3. Bilaterals (scope `bilateral`) never merge with main encounters: they become meetings
   `part_of` the meeting of their enclosing report, merged with bilaterals of the same
   enclosing meeting that share a person.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from talkspkg.stages.meetings.dates import Anchor, DateRange, anchor_label, resolve
from talkspkg.stages.meetings.model import MeetingMention

PRECISION_RANK = {"day": 0, "week": 1, "month": 2}
ANCHOR_RANK = {"stated": 0, "published_date": 1}


@dataclass(eq=False)
class Report:
    """One article's encounter; immutable once built, so its derived values are cached."""

    article_id: str
    local_id: str
    mentions: list[MeetingMention]

    @property
    def scope(self) -> str:
        return self.mentions[0].scope

    @property
    def parent_local_id(self) -> str | None:
        return self.mentions[0].parent_local_id

    @cached_property
    def place_id(self) -> str | None:
        return next((m.place_id for m in self.mentions if m.place_id), None)

    @cached_property
    def format(self) -> str | None:
        formats = {m.format for m in self.mentions if m.format}
        return next((f for f in ("video", "phone", "in_person") if f in formats), None)

    @cached_property
    def dated(self) -> MeetingMention | None:
        """The mention that states the report's date most precisely (first on ties)."""
        dated = [m for m in self.mentions if m.date]
        return min(dated, key=date_rank) if dated else None

    @property
    def date(self) -> DateRange | None:
        return self.dated.date if self.dated else None

    @cached_property
    def people(self) -> set[str]:
        return {p for m in self.mentions for p in m.people}


def date_rank(m: MeetingMention) -> tuple[int, int, int, str, int]:
    """Most precise first; then a full date as written, a publication anchor, a learnt anchor."""
    assert m.date is not None
    written = 0 if m.date_expr is not None and m.date_expr.year is not None else 1
    anchor = ANCHOR_RANK.get(m.date_anchor or "", 2)
    return (PRECISION_RANK[m.date.precision], written, anchor, m.article_id, m.start)


@dataclass(eq=False)
class Cluster:
    """Reports of one meeting. Derived values are kept up to date by `add` (merging compares
    every report with many clusters, so they must not be recomputed on every comparison)."""

    reports: list[Report] = field(default_factory=list)
    parent: Cluster | None = None
    place_id: str | None = None
    people: set[str] = field(default_factory=set)
    dated: MeetingMention | None = None
    _formats: set[str] = field(default_factory=set)
    _format: str | None = None

    def add(self, r: Report) -> None:
        self.reports.append(r)
        if self.place_id is None:
            self.place_id = r.place_id
        if r.format:
            self._formats.add(r.format)
            self._format = next(f for f in ("video", "phone", "in_person") if f in self._formats)
        self.people |= r.people
        if r.dated is not None and (
            self.dated is None or date_rank(r.dated) < date_rank(self.dated)
        ):
            self.dated = r.dated

    @property
    def mentions(self) -> list[MeetingMention]:
        return [m for r in self.reports for m in r.mentions]

    @property
    def format(self) -> str | None:
        return self._format


def reports_of(mentions: Iterable[MeetingMention]) -> list[Report]:
    by_key: dict[tuple[str, str], Report] = {}
    for m in sorted(mentions, key=lambda m: (m.article_id, m.start, m.trigger_start)):
        key = (m.article_id, m.local_id)
        by_key.setdefault(key, Report(m.article_id, m.local_id, [])).mentions.append(m)
    return list(by_key.values())


# ---------------------------------------------------------------- 1. anchoring
def anchor_articles(mentions: list[MeetingMention]) -> list[MeetingMention]:
    """Re-resolve the dates of unanchored articles through dated reports of the same meeting.

    Repeatedly anchors the unanchored article with the smallest id that can learn an anchor.
    Whether an article can learn depends only on the dated reports in the cities it reports
    from, so after each anchoring only the articles reporting from its cities are re-examined
    (a heap keeps the smallest-id-first order).
    """
    anchors: dict[str, Anchor | None] = {}
    by_article: dict[str, list[MeetingMention]] = {}
    for m in mentions:
        anchors.setdefault(m.article_id, m.anchor)
        by_article.setdefault(m.article_id, []).append(m)
    reports = {a: reports_of(ms) for a, ms in by_article.items()}
    at_place: dict[str, list[Report]] = {}
    places: dict[str, set[str]] = {}
    for a, rs in reports.items():
        for r in rs:
            if r.place_id:
                at_place.setdefault(r.place_id, []).append(r)
                places.setdefault(a, set()).add(r.place_id)
    readers: dict[str, set[str]] = {}
    for a, ps in places.items():
        for p in ps:
            readers.setdefault(p, set()).add(a)
    heap = sorted(a for a, anchor in anchors.items() if anchor is None and a in places)
    heapq.heapify(heap)
    queued = set(heap)
    while heap:
        article_id = heapq.heappop(heap)
        queued.discard(article_id)
        if anchors[article_id] is not None:
            continue
        learnt = _learn_anchor(article_id, reports[article_id], at_place, anchors)
        if learnt is None:
            continue
        anchors[article_id] = learnt
        old = reports[article_id]
        by_article[article_id] = [_reanchor(m, learnt) for m in by_article[article_id]]
        reports[article_id] = reports_of(by_article[article_id])
        for place in places.get(article_id, ()):
            at_place[place] = [r for r in at_place[place] if r not in old] + [
                r for r in reports[article_id] if r.place_id == place
            ]
            for other in readers[place]:
                if anchors[other] is None and other not in queued:
                    heapq.heappush(heap, other)
                    queued.add(other)
    return [m for a in by_article for m in by_article[a]]


def _learn_anchor(
    article_id: str,
    own_reports: list[Report],
    at_place: dict[str, list[Report]],
    anchors: dict[str, Anchor | None],
) -> Anchor | None:
    found: dict[date, tuple[int, str]] = {}
    for own in (r for r in own_reports if r.place_id):
        weekdays = {
            m.date_expr.weekday
            for m in own.mentions
            if m.date_expr and m.date_expr.kind == "weekday" and m.date_expr.offset == 0
        }
        for other in at_place.get(own.place_id or "", ()):
            anchor, d = anchors.get(other.article_id), other.date
            if anchor is None or d is None or d.precision != "day" or other.scope != "main":
                continue
            if not _formats_agree(other.format, own.format):
                continue
            if d.start.weekday() in weekdays:
                rank = (0 if anchor.label == "published_date" else 1, other.article_id)
                found[d.start] = min(found.get(d.start, rank), rank)
    if len(found) != 1:
        return None
    day, (_, source) = next(iter(found.items()))
    return Anchor(day, day, f"relative-to-{source}")


def _reanchor(m: MeetingMention, anchor: Anchor) -> MeetingMention:
    if m.date_expr is None:
        return replace(m, anchor=anchor)
    rng = resolve(m.date_expr, anchor, m.future)
    return replace(
        m, anchor=anchor, date=rng, date_anchor=anchor_label(m.date_expr, anchor) if rng else None
    )


def _formats_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


# ---------------------------------------------------------------- 2. merging
def _fit(c: Cluster, r: Report) -> tuple[int, int] | None:
    if not _formats_agree(c.format, r.format):
        return None
    if c.place_id and r.place_id and c.place_id != r.place_id:
        return None
    cd, rd = (c.dated.date if c.dated else None), r.date
    if cd and rd and (rd.start > cd.end or cd.start > rd.end):
        return None
    cp, rp = c.people, r.people
    if len(cp) == 2 and len(rp) == 2 and cp != rp and (not cp & rp or c.format != "in_person"):
        return None  # another pair: a call is between its two parties, a meeting between its own
    same_place = bool(c.place_id and c.place_id == r.place_id)
    shared = len(cp & rp)
    if cd and rd:
        linked = same_place or shared >= 1
    else:
        linked = (same_place and shared >= 1) or (rp and shared >= min(2, len(rp)))
    return (int(same_place), shared) if linked else None


def _months(d: DateRange) -> list[tuple[int, int]]:
    """(year, month) of every month the range touches."""
    out, (y, m) = [], (d.start.year, d.start.month)
    while (y, m) <= (d.end.year, d.end.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def cluster(mentions: list[MeetingMention]) -> list[Cluster]:
    reports = reports_of(mentions)
    order = sorted(
        reports,
        key=lambda r: (
            r.scope != "main",
            r.dated is None,
            date_rank(r.dated) if r.dated else (0, 0, 0, r.article_id, r.mentions[0].start),
        ),
    )
    clusters: list[Cluster] = []
    home: dict[tuple[str, str], Cluster] = {}
    # A fit needs the same place or a shared person (see _fit), so only clusters indexed under
    # the report's place or one of its people are candidates.
    by_key: dict[str, list[int]] = {}
    by_month: dict[tuple[int, int], set[int]] = {}
    undated: set[int] = set()
    for r in order:
        if r.scope != "main":
            continue
        keys = [f"place:{r.place_id}"] if r.place_id else []
        keys += [f"person:{p}" for p in sorted(r.people)]
        candidates = sorted({i for k in keys for i in by_key.get(k, ())})
        if r.date is not None:  # a dated cluster must overlap the report's dates (see _fit)
            allowed = undated.union(*(by_month.get(m, ()) for m in _months(r.date)))
            candidates = [i for i in candidates if i in allowed]
        if r.place_id:  # a cluster in another city never fits (see _fit)
            candidates = [i for i in candidates if clusters[i].place_id in (None, r.place_id)]
        scored = [(fit, i) for i in candidates if (fit := _fit(clusters[i], r)) is not None]
        scored.sort(reverse=True)
        if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            index = scored[0][1]
        else:
            index = len(clusters)
            clusters.append(Cluster())
        target = clusters[index]
        had_place = target.place_id
        known = set(target.people)
        target.add(r)
        if target.dated is None:
            undated.add(index)
        else:  # indexes only grow: a superset of candidates is safe, _fit decides
            for m in _months(target.dated.date):
                by_month.setdefault(m, set()).add(index)
        if target.place_id and not had_place:
            by_key.setdefault(f"place:{target.place_id}", []).append(index)
        for p in sorted(target.people - known):
            by_key.setdefault(f"person:{p}", []).append(index)
        home[(r.article_id, r.local_id)] = target
    for r in order:
        if r.scope == "main":
            continue
        parent = home.get((r.article_id, r.parent_local_id or ""))
        sibling = next(
            (
                c
                for c in clusters
                if c.parent is parent and parent is not None and c.people & r.people
            ),
            None,
        )
        if sibling is None:
            sibling = Cluster(parent=parent)
            clusters.append(sibling)
        sibling.add(r)
    return clusters
