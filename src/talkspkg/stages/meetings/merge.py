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

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from talkspkg.stages.meetings.dates import Anchor, DateRange, anchor_label, resolve
from talkspkg.stages.meetings.model import MeetingMention

PRECISION_RANK = {"day": 0, "week": 1, "month": 2}
ANCHOR_RANK = {"stated": 0, "published_date": 1}


@dataclass(eq=False)
class Report:
    article_id: str
    local_id: str
    mentions: list[MeetingMention]

    @property
    def scope(self) -> str:
        return self.mentions[0].scope

    @property
    def parent_local_id(self) -> str | None:
        return self.mentions[0].parent_local_id

    @property
    def place_id(self) -> str | None:
        return next((m.place_id for m in self.mentions if m.place_id), None)

    @property
    def format(self) -> str | None:
        formats = {m.format for m in self.mentions if m.format}
        return next((f for f in ("video", "phone", "in_person") if f in formats), None)

    @property
    def dated(self) -> MeetingMention | None:
        """The mention that states the report's date most precisely (first on ties)."""
        dated = [m for m in self.mentions if m.date]
        return min(dated, key=date_rank) if dated else None

    @property
    def date(self) -> DateRange | None:
        return self.dated.date if self.dated else None

    @property
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
    reports: list[Report] = field(default_factory=list)
    parent: Cluster | None = None

    @property
    def mentions(self) -> list[MeetingMention]:
        return [m for r in self.reports for m in r.mentions]

    @property
    def place_id(self) -> str | None:
        return next((r.place_id for r in self.reports if r.place_id), None)

    @property
    def format(self) -> str | None:
        formats = {r.format for r in self.reports if r.format}
        return next((f for f in ("video", "phone", "in_person") if f in formats), None)

    @property
    def dated(self) -> MeetingMention | None:
        dated = [m for m in self.mentions if m.date]
        return min(dated, key=date_rank) if dated else None

    @property
    def people(self) -> set[str]:
        return {p for r in self.reports for p in r.people}


def reports_of(mentions: Iterable[MeetingMention]) -> list[Report]:
    by_key: dict[tuple[str, str], Report] = {}
    for m in sorted(mentions, key=lambda m: (m.article_id, m.start, m.trigger_start)):
        key = (m.article_id, m.local_id)
        by_key.setdefault(key, Report(m.article_id, m.local_id, [])).mentions.append(m)
    return list(by_key.values())


# ---------------------------------------------------------------- 1. anchoring
def anchor_articles(mentions: list[MeetingMention]) -> list[MeetingMention]:
    """Re-resolve the dates of unanchored articles through dated reports of the same meeting."""
    anchors: dict[str, Anchor | None] = {}
    for m in mentions:
        anchors.setdefault(m.article_id, m.anchor)
    changed = True
    while changed:
        changed = False
        reports = reports_of(mentions)
        for article_id in sorted(a for a, anchor in anchors.items() if anchor is None):
            learnt = _learn_anchor(article_id, reports, anchors)
            if learnt is not None:
                anchors[article_id] = learnt
                mentions = [
                    _reanchor(m, learnt) if m.article_id == article_id else m for m in mentions
                ]
                changed = True
                break
    return mentions


def _learn_anchor(
    article_id: str, reports: list[Report], anchors: dict[str, Anchor | None]
) -> Anchor | None:
    found: dict[date, tuple[int, str]] = {}
    for own in (r for r in reports if r.article_id == article_id and r.place_id):
        weekdays = {
            m.date_expr.weekday
            for m in own.mentions
            if m.date_expr and m.date_expr.kind == "weekday" and m.date_expr.offset == 0
        }
        for other in reports:
            anchor, d = anchors.get(other.article_id), other.date
            if anchor is None or d is None or d.precision != "day" or other.scope != "main":
                continue
            if other.place_id != own.place_id or not _formats_agree(other.format, own.format):
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
    for r in order:
        if r.scope != "main":
            continue
        scored = [(fit, i) for i, c in enumerate(clusters) if (fit := _fit(c, r)) is not None]
        scored.sort(reverse=True)
        if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            target = clusters[scored[0][1]]
        else:
            target = Cluster()
            clusters.append(target)
        target.reports.append(r)
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
        sibling.reports.append(r)
    return clusters
