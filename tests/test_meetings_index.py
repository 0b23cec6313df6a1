"""Merging through the cluster index gives the clusters of comparing every cluster."""

from __future__ import annotations

import hashlib
import random
from datetime import date, timedelta

import pytest

from talkspkg.stages.meetings import merge
from talkspkg.stages.meetings.dates import Anchor, DateRange
from talkspkg.stages.meetings.model import MeetingMention

PEOPLE = [f"p{i}" for i in range(7)]
PLACES = [
    (None, None),
    ("anchorage", "alaska"),
    ("alaska", None),
    ("london", None),
    ("paris", None),
]
START = date(2025, 4, 1)


def _mention(rng: random.Random, article: int, local: int, start: int) -> MeetingMention:
    day = START + timedelta(days=rng.randrange(40))
    precision = rng.choice(["day", "day", "week", "month", None, None])
    if precision == "day":
        when: DateRange | None = DateRange(day, day, "day")
    elif precision == "week":
        monday = day - timedelta(days=day.weekday())
        when = DateRange(monday, monday + timedelta(days=6), "week")
    elif precision == "month":
        when = DateRange(day.replace(day=1), day.replace(day=28), "month")
    else:
        when = None
    now = START + timedelta(days=rng.randrange(45))
    place, region = rng.choice(PLACES)
    people = tuple(rng.sample(PEOPLE, rng.choice([0, 1, 2, 2, 2, 3, 4])))
    return MeetingMention(
        article_id=f"a{article}",
        local_id=f"m{local}",
        start=start,
        end=start + 1,
        text="",
        trigger_start=start,
        trigger_end=start + 1,
        trigger="met",
        lemma="meeting",
        scope="main",
        parent_local_id=None,
        place_id=place,
        region_id=region,
        city=None,
        country=None,
        venue=None,
        date_expr=None,
        date=when,
        date_anchor="published_date" if when else None,
        anchor=Anchor(now, now, "published_date") if rng.random() < 0.8 else None,
        future=rng.random() < 0.15,
        format=rng.choice([None, None, "in_person", "phone"]),
        status=rng.choice([None, "held", "planned"]),
        downgraded=False,
        levels=(),
        participants=tuple((p, "participant") for p in people),
        people=people,
        sides=(),
        caption=rng.random() < 0.1,
        after=START + timedelta(days=rng.randrange(30)) if rng.random() < 0.1 else None,
    )


def _mentions(seed: int, articles: int = 120) -> list[MeetingMention]:
    rng = random.Random(seed)
    found = []
    for a in range(articles):
        for local in range(rng.randint(1, 3)):
            found += [_mention(rng, a, local, 10 * local + k) for k in range(rng.randint(1, 2))]
    return found


def _every_cluster(index: merge.ClusterIndex, r: merge.Report) -> list[int]:
    return list(range(len(index.clusters)))


def _recent_fit_of_every_cluster(index: merge.ClusterIndex, r: merge.Report) -> int | str | None:
    anchor = r.mentions[0].anchor
    if anchor is None or (r.place_id is None and len(r.people) < 2):
        return None
    places = {x for x in (r.place_id, r.region_id) if x}
    scored = []
    for i, c in enumerate(index.clusters):
        if places and not places & {c.place_id, c.region_id}:
            continue
        if not places and len(c.people & r.people) < 2:
            continue
        gap = merge._recent_gap(c, r, anchor)
        if gap is not None:
            scored.append((gap, i))
    scored.sort()
    if not scored:
        return None
    return scored[0][1] if len(scored) == 1 or scored[0][0] < scored[1][0] else merge.TIE


def _threshold_of_whole_lists(
    index: merge.ClusterIndex, r: merge.Report, keys: list[merge.Key], least: int
) -> int | str | None:
    """Every cluster of each person list read is scored with `_fit`."""
    lists = sorted((index.postings(key) for key in keys), key=len)
    n = len(lists)
    seen: set[int] = set()
    fits: dict[int, tuple[int, int, int]] = {}
    complete = 0
    for read, postings in enumerate(lists, start=1):
        k = n - read + 1
        if k < least:
            break
        for i in postings:
            if i in seen:
                continue
            seen.add(i)
            fit = merge._fit(index.clusters[i], r)
            if fit is None:
                continue
            fits[i] = fit
            if fit[2] == n:
                complete += 1
                if complete == 2:
                    return merge.TIE
        top = max(fits.values(), default=None)
        if top is not None and top[2] >= k:
            best = [i for i, fit in fits.items() if fit == top]
            return best[0] if len(best) == 1 else merge.TIE
    return None


def _shape(clusters: list[merge.Cluster]) -> list[list[tuple[str, str]]]:
    return [[(r.article_id, r.local_id) for r in c.reports] for c in clusters]


@pytest.mark.parametrize("seed", range(12))
def test_the_index_finds_the_clusters_of_comparing_every_cluster(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    mentions = _mentions(seed)
    indexed = _shape(merge.cluster(mentions))
    monkeypatch.setattr(merge.ClusterIndex, "dated_candidates", _every_cluster)
    monkeypatch.setattr(merge, "_recent_fit", _recent_fit_of_every_cluster)
    monkeypatch.setattr(merge, "_threshold", _threshold_of_whole_lists)
    assert indexed == _shape(merge.cluster(mentions))
    assert len(indexed) < len(merge.reports_of(mentions))  # some reports were merged


def _best_fit_of_every_cluster(index: merge.ClusterIndex, r: merge.Report) -> int | str | None:
    """A dated report: every cluster scored with `_fit`, the best that fit kept."""
    if r.date is None:
        return _undated_best_fit(index, r)
    fits = [(fit, i) for i, c in enumerate(index.clusters) if (fit := merge._fit(c, r))]
    top = max((fit for fit, _ in fits), default=None)
    best = [i for fit, i in fits if fit == top]
    return None if not best else best[0] if len(best) == 1 else merge.TIE


_undated_best_fit = merge.best_fit


@pytest.mark.parametrize("seed", range(12))
def test_a_dated_report_goes_where_scoring_every_cluster_puts_it(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`best_fit` stops at two fits of the highest score a cluster can have (a tie), or ranks
    the candidates: the meeting (or tie) of scoring every cluster, in the clusters made."""
    mentions = _mentions(seed, articles=200)
    indexed = _shape(merge.cluster(mentions))
    monkeypatch.setattr(merge, "best_fit", _best_fit_of_every_cluster)
    monkeypatch.setattr(merge, "_recent_fit", _recent_fit_of_every_cluster)
    monkeypatch.setattr(merge, "_threshold", _threshold_of_whole_lists)
    assert indexed == _shape(merge.cluster(mentions))


def test_colliding_ids_get_suffixes_long_enough_to_tell_them_apart() -> None:
    """Three meetings share a stem; two of their keys share the first six hex digits of their
    sha256 (found by search: at tens of thousands of meetings such pairs occur), so those
    two need more digits; a stem held by one meeting keeps no suffix."""
    from talkspkg.stages.meetings.rows import _disambiguate

    a, b, c, d = (merge.Cluster() for _ in range(4))
    keys = {a: "synthetic-004302:30114", b: "synthetic-005777:40439", c: "other:1", d: "x"}
    stem = "undated-moscow-in_person"
    ids = _disambiguate([a, b, c, d], {a: stem, b: stem, c: stem, d: "2025-04-23-london"}, keys.get)
    assert ids[a][:-2] == ids[b][:-2] == f"{stem}-e24d9b"  # six digits alike, then two more
    assert ids[a] != ids[b] and len(ids[a]) == len(ids[b]) == len(stem) + 9
    assert ids[c] == f"{stem}-" + hashlib.sha256(b"other:1").hexdigest()[:8]
    assert ids[d] == "2025-04-23-london"


def _postings(index: merge.ClusterIndex) -> dict[merge.Key, list[int]]:
    return {key: list(index._lists[j]) for key, j in index._ids.items()}


@pytest.mark.parametrize("seed", range(4))
def test_a_grown_cluster_is_listed_under_every_key_it_now_has(seed: int) -> None:
    """`update` skips a cluster whose people, parties, place and date a report left as they
    were: the postings are those of listing every cluster again after every report."""
    reports = merge.reports_of(_mentions(seed))
    skipping, relisting = merge.ClusterIndex(), merge.ClusterIndex()
    for k, r in enumerate(reports):
        for index in (skipping, relisting):
            grown = len(index.clusters) >= 9
            target = index.clusters[k % 9] if grown else index.new()
            target.add(r)
            if index is relisting:
                index._listed.clear()
            index.update(target)
        assert _postings(skipping) == _postings(relisting)
    assert len(reports) > 100
