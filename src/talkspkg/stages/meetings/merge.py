"""Corpus stage: the reports of all articles -> one cluster per meeting.

A *report* is one article's encounter (its mentions sharing a `local_id`). Policy:

1. Anchoring (anchoring.py): undated articles learn their "now" from dated reports.
   Places agree when they are the same or one lies in the other (the knowledge base's role
   of a city names its region: "Anchorage" lies in "Alaska").
2. Merging. Reports are merged, most precise dates first, into the meeting they fit best;
   two reports of one article never merge (the article itself told its encounters apart).
   Near-copies of one story (copies.py: most of their sentences the same) tell their
   encounters once: a report whose counterparts in copies of its article (the same sentences
   telling the same encounter) are all in one meeting joins it when nothing contradicts it
   there (form, place, overlapping dates, a plan told as held, another pair), even undated
   and naming one person; otherwise it is merged as any other.
   A report fits a meeting when nothing contradicts (form, city, overlapping dates) and they
   are linked: same date within precision and (same city or a shared person, or, on one day
   and where one report names no city, two shared delegations). A report
   without date must share two people with the meeting (one leader named in both is no
   link), nor join a meeting dated more than AHEAD_DAYS after its article's "now", nor, when
   it only announces a meeting, one already over by that "now"; if two
   meetings fit equally well it stays apart. Before that, an
   undated report of an article with a "now" joins the dated meeting in its city (without a
   city: sharing two of its people) nearest that "now", within RECENT_DAYS: news speaks of
   "the talks in Geneva" without a date when they are this week's (not when both name people
   and share none). An undated report told as held (a "held" cue, no plan) never joins a
   meeting only announced (plans, none held): "returned to Miami for a meeting with X" is not
   "the next round, likely in Miami", unless the announced day had passed when the report was
   written; nor does an undated report only of a meeting called off ("a planned A-B meeting was
   shelved") join one told as held, or the reverse. Two meetings that
   each name exactly two people are distinct, even on one day in one city, when the pairs are
   disjoint, or when they differ and the encounter is a call (a call has exactly its parties).
   Candidates come from an index (by day and place, or day and person or delegation of
   clusters in no city; by pair of people for undated reports; by the days around its "now"
   for the recent meeting), and are scored best first with early stops, so that merging reads
   little more than the clusters it must tell apart, with the same result as comparing every
   cluster (tests/test_meetings_index.py).
3. A photo caption showing people of exactly two states, fitting a meeting of three states or
   more (in its own article too), shows a side meeting of those two: it is handled as a
   bilateral of that meeting. Captions are merged after the prose's reports.
4. Bilaterals (scope `bilateral`) never merge with main encounters: they become meetings
   `part_of` the meeting of their enclosing report, merged with bilaterals of the same
   enclosing meeting that share a person and pair the same two states (when both state them).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from itertools import combinations

from talkspkg.stages.meetings.copies import Copies, CopyKeeper
from talkspkg.stages.meetings.dates import Anchor, DateRange, window
from talkspkg.stages.meetings.model import MeetingMention

PRECISION_RANK = {"day": 0, "week": 1, "month": 2}
ANCHOR_RANK = {"stated": 0, "published_date": 1, "published_date_sources": 1}
FORMAT_ORDER = ("video", "phone", "in_person")  # a call stated anywhere wins
FORMATS: tuple[str | None, ...] = (None, *FORMAT_ORDER)


class Report:
    """One article's encounter; immutable once built, so its derived values are computed once.

    Slotted, with its sets of people, parties and sides frozen and shared between the reports
    that state the same ones (`reports_of`): the corpus holds several reports per article.
    """

    __slots__ = (
        "after",
        "article_id",
        "caption",
        "dated",
        "format",
        "held",
        "local_id",
        "mentions",
        "parties",
        "people",
        "place_id",
        "planned",
        "region_id",
        "sides",
    )

    def __init__(
        self,
        article_id: str,
        local_id: str,
        mentions: Sequence[MeetingMention],
        shared: dict[frozenset[str], frozenset[str]] | None = None,
    ) -> None:
        share = (lambda s: shared.setdefault(s, s)) if shared is not None else (lambda s: s)
        ms = tuple(mentions)
        self.article_id = article_id
        self.local_id = local_id
        self.mentions = ms
        self.place_id: str | None = next((m.place_id for m in ms if m.place_id), None)
        self.region_id: str | None = next((m.region_id for m in ms if m.place_id), None)
        formats = {m.format for m in ms if m.format}
        self.format: str | None = next((f for f in FORMAT_ORDER if f in formats), None)
        # the mention that states the report's date most precisely (first on ties); the date
        # of a plan cancelled or postponed does not date a report that says it was held
        dated = [m for m in ms if m.date]
        held = any(m.status == "held" for m in ms)
        future = any(m.future for m in ms)
        if held:  # the plan's day is not the day
            dated = [m for m in dated if m.status not in ("cancelled", "postponed")]
        self.dated: MeetingMention | None = min(dated, key=date_rank) if dated else None
        self.people: frozenset[str] = share(frozenset(p for m in ms for p in m.people))
        self.parties: frozenset[str] = share(
            frozenset(e for m in ms for e, role in m.participants if role != "absent")
        )
        # the states the report's participants act for, where every mention names them
        self.sides: frozenset[str] = share(frozenset(x for m in ms for x in m.sides))
        self.planned = future and not held  # only announced: a plan, none says it took place
        self.held = held and not future  # told as past: it took place, none says it is a plan
        self.caption = all(m.caption for m in ms)
        # for an undated report of an event the article narrates after telling an encounter
        # of day D ("... met in Alaska on August 15. Trump hosted X in Washington"): D, before
        # which it did not take place
        self.after: date | None = max((m.after for m in ms if m.after), default=None)

    @property
    def scope(self) -> str:
        return self.mentions[0].scope

    @property
    def parent_local_id(self) -> str | None:
        return self.mentions[0].parent_local_id

    @property
    def date(self) -> DateRange | None:
        return self.dated.date if self.dated else None


def date_rank(m: MeetingMention) -> tuple[int, int, int, int, str, int]:
    """A date of what took place or is planned before the date of a plan cancelled or
    postponed; then most precise first; then a full date as written, a publication anchor, a
    learnt anchor."""
    assert m.date is not None
    dropped = 1 if m.status in ("cancelled", "postponed") and not m.downgraded else 0
    written = 0 if m.date_expr is not None and m.date_expr.year is not None else 1
    anchor = ANCHOR_RANK.get(m.date_anchor or "", 2)
    return (dropped, PRECISION_RANK[m.date.precision], written, anchor, m.article_id, m.start)


NO_ONE: frozenset[str] = frozenset()


class Cluster:
    """Reports of one meeting. Derived values are kept up to date by `add` (merging compares
    every report with many clusters, so they must not be recomputed on every comparison).

    Slotted; its sets of people, parties and sides are its first report's (shared, frozen)
    until another report adds to them, and `position` is its place in its ClusterIndex.
    """

    __slots__ = (
        "articles",
        "dated",
        "format",
        "parent",
        "parties",
        "people",
        "photos",
        "place_id",
        "planned",
        "position",
        "region_id",
        "reports",
        "sides",
    )

    def __init__(self, parent: Cluster | None = None, position: int = -1) -> None:
        self.reports: list[Report] = []
        self.parent = parent
        self.place_id: str | None = None
        self.region_id: str | None = None
        self.people: frozenset[str] = NO_ONE
        self.parties: frozenset[str] = NO_ONE
        self.dated: MeetingMention | None = None
        self.articles: frozenset[str] | set[str] = NO_ONE  # articles whose prose reports it
        self.photos: frozenset[str] | set[str] = NO_ONE  # articles whose photo caption shows it
        self.sides: frozenset[str] = NO_ONE
        self.planned = True  # every report only announces it
        self.format: str | None = None  # the first of FORMAT_ORDER any report states
        self.position = position

    def add(self, r: Report) -> None:
        self.reports.append(r)
        if r.caption:
            self.photos = _with(self.photos, r.article_id)
        else:
            self.articles = _with(self.articles, r.article_id)
        if self.place_id is None:
            self.place_id, self.region_id = r.place_id, r.region_id
        if r.format and (
            self.format is None or FORMAT_ORDER.index(r.format) < FORMAT_ORDER.index(self.format)
        ):
            self.format = r.format
        self.people = _union(self.people, r.people)
        self.parties = _union(self.parties, r.parties)
        self.sides = _union(self.sides, r.sides)
        self.planned = self.planned and r.planned
        if r.dated is not None and (
            self.dated is None or date_rank(r.dated) < date_rank(self.dated)
        ):
            self.dated = r.dated

    @property
    def mentions(self) -> list[MeetingMention]:
        return [m for r in self.reports for m in r.mentions]


def _union(mine: frozenset[str], theirs: frozenset[str]) -> frozenset[str]:
    """`mine | theirs`, sharing either when it holds the other."""
    if theirs <= mine:
        return mine
    return theirs if not mine else mine | theirs


def _with(articles: frozenset[str] | set[str], article_id: str) -> frozenset[str] | set[str]:
    """`articles` with `article_id` added: a cluster's own set once it has one."""
    if isinstance(articles, set):
        articles.add(article_id)
        return articles
    return {*articles, article_id}


def reports_of(mentions: Iterable[MeetingMention]) -> list[Report]:
    by_key: dict[tuple[str, str], list[MeetingMention]] = {}
    for m in sorted(mentions, key=lambda m: (m.article_id, m.start, m.trigger_start)):
        by_key.setdefault((m.article_id, m.local_id), []).append(m)
    shared: dict[frozenset[str], frozenset[str]] = {}
    return [Report(aid, local, ms, shared) for (aid, local), ms in by_key.items()]


def _still_planned(c: Cluster, r: Report) -> bool:
    """`r` tells as held what `c` only announces, for a day not yet past when `r` was written:
    "returned to Miami for talks" is not "the next round, likely in Miami". Once the announced
    day has passed by the report's "now", the held talks are the announced ones."""
    if not (c.planned and r.held):
        return False
    anchor = r.mentions[0].anchor
    return c.dated is None or anchor is None or c.dated.date.end >= anchor.lo


def _called_off(r: Report) -> bool:
    return all(m.status == "cancelled" and not m.downgraded for m in r.mentions)


def _held_and_called_off(c: Cluster, r: Report) -> bool:
    """One side tells the meeting as held, the other only as called off: two meetings."""
    return (_called_off(r) and any(x.held for x in c.reports)) or (
        r.held and bool(c.reports) and all(_called_off(x) for x in c.reports)
    )


def _places_agree(c: Cluster, r: Report) -> bool:
    """The same place, or one lies in the other ("Anchorage" in "Alaska"), or either is unknown."""
    if not c.place_id or not r.place_id or c.place_id == r.place_id:
        return True
    return r.region_id == c.place_id or c.region_id == r.place_id


def _formats_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


# ---------------------------------------------------------------- 2. merging
def _compatible(c: Cluster, r: Report) -> bool:
    """Nothing contradicts `r` being a report of `c` (form, article, place, dates, plan, pair)."""
    if not _formats_agree(c.format, r.format):
        return False
    if r.article_id in c.articles and not r.caption:
        return False  # the article itself told its encounters apart (a photo shows one of them)
    if not _places_agree(c, r):
        return False
    cd, rd = (c.dated.date if c.dated else None), r.date
    if cd and rd and c.dated and r.dated:
        cw, rw = window(c.dated.date_expr, cd), window(r.dated.date_expr, rd)
        if rw.start > cw.end or cw.start > rw.end:
            return False
    anchor = r.mentions[0].anchor
    if cd and rd is None and anchor is not None and (cd.start - anchor.hi).days > AHEAD_DAYS:
        return False  # an article cannot tell, undated, of a meeting months after it
    if rd is None and cd and anchor is not None and r.planned and cd.end < anchor.lo:
        return False  # a plan, told undated, is no meeting already over when it was written
    if rd is None and _still_planned(c, r):
        return False  # an undated meeting told as held is not a round only announced
    if rd is None and _held_and_called_off(c, r):
        return False  # "A planned Trump-Putin meeting ... was shelved" is not their summit held
    if rd is None and cd and r.after and cd.end < r.after:
        return False  # the article tells it after an encounter later than that meeting
    cp, rp = c.people, r.people
    # another pair: a call is between its two parties, a meeting between its own
    return not (
        len(cp) == 2 and len(rp) == 2 and cp != rp and (not cp & rp or c.format != "in_person")
    )


def _fit(c: Cluster, r: Report) -> tuple[int, int, int] | None:
    if not _compatible(c, r):
        return None
    cd, rd = (c.dated.date if c.dated else None), r.date
    same_place, own, shared = _score(c, r)
    # dated: the same day and city, or a shared person; undated: two shared people (one leader
    # named in both reports is no link)
    linked = (same_place or shared >= 1) if cd and rd else shared >= 2
    if cd and rd and not linked and cd.precision == rd.precision == "day":
        # "a second session took place on March 9" between the same three delegations
        linked = len(c.parties & r.parties) >= 2 and not (c.place_id and r.place_id)
    return (same_place, own, shared) if linked else None


def _score(c: Cluster, r: Report) -> tuple[int, int, int]:
    """How well `r` fits `c` if it does (see `_fit`): the same place, then the article's own
    photo of that meeting (or the encounter its prose tells of the photo's), then how many
    people they share."""
    same_place = bool(c.place_id and r.place_id and _places_agree(c, r))
    own = r.article_id in (c.articles if r.caption else c.photos)
    return (int(same_place), int(own), len(c.people & r.people))


def cluster(mentions: list[MeetingMention], copies: CopyKeeper | None = None) -> list[Cluster]:
    """The meetings the reports of `mentions` tell; `copies` keeps the near-copies found
    (copies.py) from one build to the next."""
    reports = reports_of(mentions)
    order = sorted(
        reports,
        key=lambda r: (
            r.scope != "main",
            r.dated is None,
            r.caption,  # a photo's encounter is judged against the meetings the prose tells
            date_rank(r.dated) if r.dated else (0, 0, 0, 0, r.article_id, r.mentions[0].start),
        ),
    )
    index = ClusterIndex()
    home: dict[tuple[str, str], Cluster] = {}
    margins: dict[Report, Cluster] = {}  # report -> the meeting a photographed pair met at
    near = Copies(reports, copies)
    for r in order:
        if r.scope != "main":
            continue
        twin = _counterparts_meeting(near, home, r)
        found = twin.position if twin is not None else best_fit(index, r)
        if isinstance(found, int) and _photographed_pair(index.clusters[found], r):
            margins[r] = index.clusters[found]
            continue
        target = index.clusters[found] if isinstance(found, int) else index.new()
        target.add(r)
        index.update(target)
        home[(r.article_id, r.local_id)] = target
    children: dict[Cluster, list[Cluster]] = {}
    for r in order:
        if r.scope == "main" and r not in margins:
            continue
        parent = margins.get(r) or home.get((r.article_id, r.parent_local_id or ""))
        siblings = children.setdefault(parent, []) if parent is not None else []
        sibling = next((c for c in siblings if _same_bilateral(c, r)), None)
        if sibling is None:
            sibling = index.new(parent=parent)
            siblings.append(sibling)
        sibling.add(r)
    return index.clusters


def _counterparts_meeting(
    copies: Copies, home: dict[tuple[str, str], Cluster], r: Report
) -> Cluster | None:
    """The meeting of `r`'s counterparts in copies of its article (copies.py), when they are all
    in one and nothing contradicts `r` there."""
    placed = {
        c.position: c
        for x in copies.counterparts(r)
        if (c := home.get((x.article_id, x.local_id))) is not None
    }
    if len(placed) != 1:
        return None
    (c,) = placed.values()
    return c if _compatible(c, r) else None


def _photographed_pair(c: Cluster, r: Report) -> bool:
    """A photo caption showing people of exactly two states at a meeting of three states or
    more shows a side meeting of those two, not the whole meeting."""
    return r.caption and len(r.sides) == 2 and len(c.sides | r.sides) >= 3 and len(c.sides) >= 3


def _same_bilateral(c: Cluster, r: Report) -> bool:
    """Two bilaterals on one meeting's margins are one when they share a person and do not
    pair other states ("Healey met Kellogg" is not his talks with Ukrainian ministers)."""
    sides = frozenset(x for other in c.reports for x in other.sides)
    return bool(c.people & r.people) and (not sides or not r.sides or sides == r.sides)


TIE = "tie"


def best_fit(index: ClusterIndex, r: Report) -> int | str | None:
    """The cluster `r` fits strictly best (its position), TIE when several fit equally well,
    None when none fits. Same answer as scoring every cluster with `_fit`, without doing so."""
    if r.date is not None:
        # a fit is scored (same_place, own, shared), known before the rest of `_fit` is
        # checked: candidates are checked best score first, until the best that fit is known.
        # Two that fit with the highest score any candidate can have are a tie whatever the
        # others score: in a crowded city-week most of them do, and the rest go unscored.
        clusters = index.clusters
        top = _top_score(index, r)
        scored: list[tuple[tuple[int, int, int], int]] = []
        first: int | None = None
        for i in index.dated_candidates(r):
            score = _score(clusters[i], r)
            scored.append((score, i))
            if score == top and _fit(clusters[i], r) is not None:
                if first is not None:
                    return TIE
                first = i
        ranked = sorted(scored)
        best: tuple[tuple[int, int, int], int] | None = None
        for score, i in reversed(ranked):
            if best is not None and score < best[0]:
                break
            if _fit(clusters[i], r) is not None:
                if best is not None:
                    return TIE
                best = (score, i)
        return best[1] if best is not None else None
    recent = _recent_fit(index, r)
    if recent is not None:
        return recent
    if not r.people:
        return None  # an undated report is linked through a shared person only
    people = sorted(r.people)
    if r.place_id:  # any fit in the same city beats every fit elsewhere
        found = _threshold(index, r, [("at", r.place_id, p) for p in people], 1)
        if found is not None:
            return found
        keys: list[Key] = [("at", None, p) for p in people]
    else:
        keys = [("with", p) for p in people]
    return _threshold(index, r, keys, min(2, len(people)))


def _top_score(index: ClusterIndex, r: Report) -> tuple[int, int, int]:
    """No cluster scores higher than this with `r` (see `_score`)."""
    own = r.caption or r.article_id in index.photographed
    return (int(r.place_id is not None), int(own), len(r.people))


RECENT_DAYS = 10  # an undated report speaks of an encounter this close to its "now"
AHEAD_DAYS = 31  # nor of one further ahead of it than this


def _recent_fit(index: ClusterIndex, r: Report) -> int | str | None:
    """An undated report of "the talks in Geneva" in a dated article: the dated meeting in the
    same city (or, without a city, with two of its people and no other city) nearest the
    article's "now", within RECENT_DAYS; TIE when two are as near."""
    anchor = r.mentions[0].anchor
    if anchor is None or (r.place_id is None and len(r.people) < 2):
        return None
    # a dated cluster `gap` days from the anchor is listed under the day that far from it with
    # each of its places and people (see ClusterIndex): days are read nearest first, and once
    # a cluster as near as the days read is found, every cluster as near is known. So every
    # cluster first found on the days `near` days out is that near or further, as is every one
    # found before when none was returned then: two found `near` days out are a tie, and the
    # rest of those days need not be read.
    places = [x for x in (r.place_id, r.region_id) if x]
    seen: set[int] = set()
    scored: list[tuple[int, int]] = []
    for near, days in enumerate(_around(anchor)):
        keys: list[Key] = (
            [("day", d, "place", x) for d in days for x in places]
            if places
            else [("day", d, "person", p) for d in days for p in r.people]  # two of its people
        )
        hits = sum(1 for gap, _ in scored if gap == near)
        for key in keys:
            for i in index.postings(key):
                if i in seen:
                    continue
                seen.add(i)
                c = index.clusters[i]
                if not places and len(c.people & r.people) < 2:
                    continue
                gap = _recent_gap(c, r, anchor)
                if gap is not None:
                    scored.append((gap, i))
                    if gap == near:
                        hits += 1
                        if hits == 2:
                            return TIE
        scored.sort()
        if scored and scored[0][0] <= near:
            return scored[0][1] if len(scored) == 1 or scored[0][0] < scored[1][0] else TIE
    return None


def _recent_gap(c: Cluster, r: Report, anchor: Anchor) -> int | None:
    """How many days from the anchor the dated cluster `c` lies, if `r` may speak of it."""
    if c.dated is None or not _formats_agree(c.format, r.format):
        return None
    if not _places_agree(c, r) or _still_planned(c, r):
        return None
    if c.people and r.people and not c.people & r.people:
        return None  # the same city, other people: another encounter
    d = c.dated.date
    if r.after and d.end < r.after:
        return None  # told after an encounter later than that meeting
    gap = max((d.start - anchor.hi).days, (anchor.lo - d.end).days, 0)
    return gap if gap <= RECENT_DAYS else None


def _around(anchor: Anchor) -> Iterator[list[date]]:
    """The days of the anchor, then the two days k days outside it, for k up to RECENT_DAYS."""
    yield list(_days(DateRange(anchor.lo, anchor.hi, "day")))
    for k in range(1, RECENT_DAYS + 1):
        yield [anchor.lo - timedelta(days=k), anchor.hi + timedelta(days=k)]


def _threshold(index: ClusterIndex, r: Report, keys: list[Key], least: int) -> int | str | None:
    """Best fit among clusters listed under `keys` (one ("at", place, person) or ("with",
    person) posting list per person of `r`, all of one tier of `same_place`) that share at least
    `least` people with `r`.

    A cluster sharing k of the n people is in k lists, so it is in at least one of any n-k+1
    lists: after reading the shortest n-k+1 lists every cluster sharing k or more is known, and
    the search stops as soon as the best known fit shares k or more (or two share all n).

    An undated report fits only a cluster sharing two of its people (see `_fit`), so of each
    list only the clusters listed under a pair of `r`'s people are scored (the pair postings
    hold every cluster of those lists that shares two of them): the same answer as scoring
    every cluster of the lists read, without doing so.
    """
    lists = sorted(keys, key=lambda key: len(index.postings(key)))  # stable: ties keep order
    n = len(lists)
    reads = n - least + 1  # the lists read before k = n - read + 1 falls below `least`
    if reads <= 0:
        return None
    # a candidate is first seen when the first of the lists holding it is read: those of the
    # first list are scored as they are found (two sharing all n people end the search)
    later: list[list[int]] = [[] for _ in range(reads)]
    fits: dict[int, tuple[int, int, int]] = {}
    complete = 0
    for read in range(1, reads + 1):
        k = n - read + 1  # every cluster sharing k or more people is now known
        for i in _first_seen(index, r, lists[:reads], later) if read == 1 else later[read - 1]:
            fit = _fit(index.clusters[i], r)
            if fit is None:
                continue
            fits[i] = fit
            if fit[2] == n:
                complete += 1
                if complete == 2:
                    return TIE
        top = max(fits.values(), default=None)
        if top is not None and top[2] >= k:
            best = [i for i, fit in fits.items() if fit == top]
            return best[0] if len(best) == 1 else TIE
    return None


def _first_seen(
    index: ClusterIndex, r: Report, lists: list[Key], later: list[list[int]]
) -> Iterator[int]:
    """The candidates (clusters sharing two of `r`'s people) of the first of `lists`, as found;
    those first listed in a later list are put in `later` at its position."""
    seen: set[int] = set()
    for i in index.sharing_two(lists[0], r.people):
        if i in seen:
            continue
        seen.add(i)
        j = next((j for j, key in enumerate(lists) if index.listed_under(i, key)), None)
        if j == 0:
            yield i
        elif j is not None:
            later[j].append(i)


Key = tuple[object, ...]


class ClusterIndex:
    """The clusters, and postings of where to look for those a report may fit.

    A fit needs overlapping dates and the same place or a shared person (see `_fit`): dated
    clusters are listed under each day of their dates with their place and region and with each
    person and delegation (and, while in no city, with "unplaced" people and delegations: a
    report in a city fits no cluster in another); undated ones under day None. An undated report
    is linked through two shared people: every cluster is listed under ("at", place, person) and
    ("with", person), and under the same keys for each pair of its people. Postings only grow (a
    stale entry is harmless: `_fit` decides).
    """

    def __init__(self) -> None:
        self.clusters: list[Cluster] = []
        # a key's postings are `_lists[_ids[key]]`; a cluster's keys are held as those ints,
        # so that each key's tuple is held once, not once per cluster listed under it
        self._ids: dict[Key, int] = {}
        self._lists: list[list[int]] = []
        self._keys: dict[int, array[int]] = {}  # sorted
        self._placed: dict[int, tuple[str | None, ...]] = {}  # every place it had when listed
        # what each cluster's keys were made of when it was last listed (see `update`)
        self._listed: dict[int, tuple[object, ...]] = {}
        self.photographed: set[str] = set()  # articles whose photo caption any cluster holds

    def new(self, parent: Cluster | None = None) -> Cluster:
        self.clusters.append(Cluster(parent=parent, position=len(self.clusters)))
        return self.clusters[-1]

    def postings(self, key: Key) -> list[int]:
        j = self._ids.get(key)
        return self._lists[j] if j is not None else []

    def update(self, c: Cluster) -> None:
        """List `c` (the last cluster created, or one just grown) under its current keys."""
        i = c.position
        self.photographed.update(c.photos)
        # its keys follow from these alone: when a report added none of them (most reports of a
        # crowded meeting), it is listed under every key already
        listed = (c.people, c.parties, c.place_id, c.region_id, c.dated.date if c.dated else None)
        last = self._listed.get(i)
        if last is not None and all(a is b or a == b for a, b in zip(last, listed, strict=True)):
            return
        self._listed[i] = listed
        done = self._keys.get(i, NO_KEYS)
        held = set(done)
        days: list[date | None] = list(_days(c.dated.date)) if c.dated else [None]
        keys: list[Key] = [("with", p) for p in c.people]
        places = [x for x in (c.place_id, c.region_id) if x]  # found from the city or region
        keys += [("at", c.place_id, p) for p in c.people]
        # pairs of its people, for undated reports (which need two shared people): under each
        # place it was listed with, as its ("at", place, person) entries stay
        placed = self._placed.get(i, ())
        if c.place_id not in placed:
            placed = self._placed[i] = (*placed, c.place_id)
        pairs = list(combinations(sorted(c.people), 2))
        keys += [("with", a, b) for a, b in pairs]
        keys += [("at", x, a, b) for x in placed for a, b in pairs]
        for d in days:
            keys += [("day", d, "place", x) for x in places]
            keys += [("day", d, "person", p) for p in c.people]
            keys += [("day", d, "party", e) for e in c.parties]
            if not c.place_id:
                keys += [("day", d, "unplaced", "person", p) for p in c.people]
                keys += [("day", d, "unplaced", "party", e) for e in c.parties]
        added: set[int] = set()
        for key in keys:
            j = self._ids.get(key)
            if j is None:
                j = self._ids[key] = len(self._lists)
                self._lists.append([])
            if j not in added and j not in held:
                added.add(j)
                self._lists[j].append(i)
        if added:
            self._keys[i] = array("q", sorted([*done, *added]))

    def listed_under(self, i: int, key: Key) -> bool:
        """Whether cluster `i` is listed under `key`."""
        j = self._ids.get(key)
        return j is not None and _holds(self._keys.get(i, NO_KEYS), j)

    def sharing_two(self, key: Key, people: set[str]) -> Iterator[int]:
        """Clusters listed, under the tier of `key` (("at", place, person) or ("with",
        person)), with two of `people`: every cluster of that tier's person lists that shares
        two of them (some more than once)."""
        tier = key[:-1]
        for a, b in combinations(sorted(people), 2):
            yield from self.postings((*tier, a, b))

    def dated_candidates(self, r: Report) -> Iterator[int]:
        """The clusters a dated report may fit, each once, as found."""
        assert r.date is not None
        found: set[int] = set()
        # a report in a city fits only clusters in no city (linked through a person or
        # delegation) or in a city that agrees (the same, or one lies in the other)
        linked = ("unplaced",) if r.place_id else ()
        for d in [*_days(r.date), None]:
            keys: list[Key] = [("day", d, "place", x) for x in (r.place_id, r.region_id) if x]
            keys += [("day", d, *linked, "person", p) for p in r.people]
            keys += [("day", d, *linked, "party", e) for e in r.parties]
            for key in keys:
                for i in self.postings(key):
                    if i not in found:
                        found.add(i)
                        yield i


NO_KEYS: array[int] = array("q")


def _holds(ints: array[int], j: int) -> bool:
    """Whether the sorted `ints` hold `j`."""
    k = bisect_left(ints, j)
    return k < len(ints) and ints[k] == j


def _days(d: DateRange) -> Iterator[date]:
    day = d.start
    while day <= d.end:
        yield day
        day += timedelta(days=1)
