"""Clusters -> rows of `meetings`, `meeting_participants` and `meeting_mentions`.

Policy:

* Date: the most precise any report states (day before week before month); on ties a full date
  the text states, then a publication-date anchor, then a learnt anchor, then article order.
  `date_article_id` names the article whose statement fixes it.
* Status: held if any report says it took place (plans are older news than outcomes), else
  cancelled, postponed, planned in that order; held when no report says anything.
* Downgrade: a meeting is downgraded when a report says so ("downgraded", "scaled-down") or
  when it was held while a report says (part of) it was cancelled or postponed. Then
  `planned_level` is the highest level any report names and `held_level` the lowest level named
  by a report of the meeting taking place, and `note` says so; otherwise all three are null.
* Roles: the strongest any report gives (absent > host > participant).
* Identification (precision first): a meeting is written only when its reports give a city or
  two parties (people, or countries and organisations taking part); `confidence` scores the
  evidence (trigger, city, date, parties, several articles), capped at 0.85 when no report
  narrates the encounter with a verb ("met", "held talks") and at 0.75 when none says it
  took place (a plan, a cancelled or postponed meeting).
* meeting_id: "<date>-<city>-<format>", date as 2025-04-23 (day), 2025-w17 (ISO week), 2025-04
  (month) or "undated"; city "unknown" and format "unknown" when not stated; a bilateral adds
  "-bilateral". Ids that collide all get a suffix: 6 hex digits of a hash of their
  participants (then of their first evidence span, when the participants coincide too), so an
  id depends only on the meeting's own content; more digits only where 6 would still collide.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from typing import Any

from talkspkg import textutil
from talkspkg.kb import KnowledgeBase
from talkspkg.stages.meetings.merge import Cluster
from talkspkg.stages.meetings.model import MeetingMention
from talkspkg.stages.meetings.sentence import RANK
from talkspkg.stages.meetings.vocab import LEVELS

STATUS_PRECEDENCE = ("held", "cancelled", "postponed", "planned")
SUFFIX = 6  # hex digits of a colliding id's suffix (more where these collide)
CALL_NOUNS = {"phone": "call", "video": "video call", None: "conversation"}


def slug(text: str) -> str:
    return textutil.slug(text) or "unknown"


def _date_part(c: Cluster) -> str:
    d = c.dated.date if c.dated else None
    if d is None:
        return "undated"
    if d.precision == "day":
        return d.start.isoformat()
    if d.precision == "week":
        year, week, _ = d.start.isocalendar()
        return f"{year}-w{week:02d}"
    return f"{d.start.year}-{d.start.month:02d}"


def _roles(c: Cluster) -> dict[str, str]:
    roles: dict[str, str] = {}
    for m in c.mentions:
        for eid, role in m.participants:
            if eid not in roles or RANK[role] > RANK[roles[eid]]:
                roles[eid] = role
    for state in {m.visited for m in c.mentions if m.visited}:
        # a visited state named for want of its people gives way to them (frames.visit_host)
        stated = any(m.visited != state and state in dict(m.participants) for m in c.mentions)
        people = any(state in m.sides and state not in dict(m.participants) for m in c.mentions)
        if people and not stated:
            roles.pop(state, None)
    return roles


def _status(c: Cluster) -> str:
    stated = {m.status for m in c.mentions if m.status}
    return next((s for s in STATUS_PRECEDENCE if s in stated), "held")


def _levels(c: Cluster) -> tuple[str | None, str | None, str | None]:
    statuses = {m.status for m in c.mentions}
    downgraded = any(m.downgraded for m in c.mentions) or (
        "held" in statuses and bool({"cancelled", "postponed"} & statuses)
    )
    if not downgraded:
        return None, None, None
    named = {lv for m in c.mentions for lv in m.levels}
    held = {lv for m in c.mentions if m.status in ("held", None) or m.downgraded for lv in m.levels}
    planned = max(named, key=LEVELS.index) if named else None
    low = min(held, key=LEVELS.index) if held else None
    if planned and low and LEVELS.index(low) < LEVELS.index(planned):
        return planned, low, f"downgraded from {planned} level to {low} level"
    return None, None, "downgraded"


def _short(kb: KnowledgeBase, eid: str, person: bool = False) -> str:
    """A person's surname; a country's or organisation's short name ("US", "UAE", "Russia")."""
    entity = kb.entities.get(eid)
    if entity is None:  # discovered: a person's id ends with the surname
        words = [w.capitalize() for w in eid.split("-")]
        return words[-1] if person else " ".join(words)
    if entity.entity_type == "person":
        return entity.name.split()[-1]
    short = [a for a in entity.aliases if a.isalpha() and a.isupper() and 2 <= len(a) <= 4]
    return short[0] if short else entity.name


def _side_name(kb: KnowledgeBase, state: str, people: list[str]) -> str:
    """One side of a bilateral: its one person's surname, else the state's short name."""
    iso = kb.entities[state].country if state in kb.entities else None
    own = [p for p in people if p in kb.entities and iso and kb.entities[p].country == iso]
    return _short(kb, own[0], person=True) if len(own) == 1 else _short(kb, state)


def _label(c: Cluster, kb: KnowledgeBase, roles: dict[str, str], place: str | None) -> str:
    """Names the parties and the place: "Rubio–Lavrov call", "Witkoff–Putin meeting in
    Moscow", "US–Russia–Ukraine talks in Abu Dhabi"; "London talks" when more than two people
    met there. Never a bare "Talks": without people, the countries or organisations name it."""
    first = [c.dated] if c.dated else []
    mentions = first + [m for m in c.mentions if m is not c.dated]
    order = {p: i for i, p in enumerate(dict.fromkeys(p for m in mentions for p in m.people))}
    people = sorted(
        (p for p in order if roles.get(p) != "absent"), key=lambda p: (roles[p] != "host", order[p])
    )
    others = sorted(e for e in roles if e not in order and roles[e] != "absent")
    if c.parent is not None and len(people) < 2:  # "Lammy–Ukraine bilateral"
        people += others
    pair = "–".join(_short(kb, p, person=p in order) for p in people[:2])
    sides = sorted({x for m in c.mentions for x in m.sides})
    if c.parent is not None and len(sides) == 2:  # "Healey–Kellogg", "UK–Ukraine bilateral"
        pair = "–".join(_side_name(kb, side, people) for side in sides)
    states = "–".join(_short(kb, e) for e in others[:3])
    fmt = c.format
    where = f" in {place}" if place else ""
    if c.parent is not None:
        return f"{pair} bilateral{where}"
    if fmt in ("phone", "video", None) and len(people) >= 2:
        return f"{pair} {CALL_NOUNS[fmt]}"
    lemmas = Counter(m.lemma for m in c.mentions if m.lemma not in ("visit", "call"))
    noun = max(sorted(lemmas), key=lambda w: lemmas[w]) if lemmas else "meeting"
    if fmt in ("phone", "video"):
        noun = CALL_NOUNS[fmt]
    if len(people) < 2 and len(others) >= 2:
        return f"{states} {noun}{where}"
    if fmt is None and pair:
        return f"{pair} {CALL_NOUNS[fmt]}"
    if place and people and len(people) <= 2:
        return f"{pair} meeting in {place}"
    if place:
        return f"{place} {noun}"
    return f"{pair or states} {noun}".strip()


def meeting_ids(clusters: list[Cluster], kb: KnowledgeBase) -> dict[Cluster, str]:
    """cluster -> meeting_id (see the module policy)."""
    base: dict[Cluster, str] = {}
    for c in clusters:
        root = c.parent or c
        name, _ = _place(c, kb)
        city = slug(name) if name else "unknown"
        when = _date_part(c if c.dated else root)
        stem = f"{when}-{city}-{c.format or root.format or 'unknown'}"
        base[c] = stem + ("-bilateral" if c.parent is not None else "")
    # Same stem: disambiguate by the participants; if they too coincide (or are unknown), by
    # the first evidence span, which no other meeting can share.
    ids = _disambiguate(clusters, base, lambda c: "|".join(sorted(_roles(c))))
    return _disambiguate(clusters, ids, _first_evidence)


def _place(c: Cluster, kb: KnowledgeBase) -> tuple[str | None, str | None]:
    """The meeting's city and its country: the knowledge base's, else (a discovered place) as
    the reports that name it state them."""
    root = c.parent or c
    place_id = c.place_id or root.place_id
    if place_id is None:
        return None, None
    place = kb.entities.get(place_id)
    if place is not None:
        return place.name, place.country
    named = [m for m in (*c.mentions, *root.mentions) if m.place_id == place_id]
    city = next((m.city for m in named if m.city), None)
    return city, next((m.country for m in named if m.country), None)


def _first_evidence(c: Cluster) -> str:
    first = min((m.article_id, m.start) for m in c.mentions)
    return f"{first[0]}:{first[1]}"


def _disambiguate(
    clusters: list[Cluster], ids: dict[Cluster, str], key: Callable[[Cluster], str]
) -> dict[Cluster, str]:
    """Ids shared by several clusters get a suffix: the first SUFFIX hex digits of a hash of
    `key`, more digits (two at a time) when those alone would still give two different keys
    one id (at tens of thousands of meetings, six digits do collide)."""
    groups: dict[str, list[Cluster]] = {}
    for c in clusters:
        groups.setdefault(ids[c], []).append(c)
    out: dict[Cluster, str] = {}
    for stem, members in groups.items():
        if len(members) == 1:
            out[members[0]] = stem
            continue
        digests = {c: hashlib.sha256(key(c).encode()).hexdigest() for c in members}
        distinct = len(set(digests.values()))
        width = SUFFIX
        while width < 64 and len({d[:width] for d in digests.values()}) < distinct:
            width += 2
        for c in members:
            out[c] = f"{stem}-{digests[c][:width]}"
    return out


def _meeting_row(c: Cluster, ids: dict[Cluster, str], kb: KnowledgeBase) -> dict[str, Any]:
    root = c.parent or c
    dated = c.dated or root.dated
    rng = dated.date if dated else None
    place_id = c.place_id or root.place_id
    name, country = _place(c, kb)
    planned, held, note = _levels(c)
    return {
        "meeting_id": ids[c],
        "label": _label(c, kb, _roles(c), name),
        "date_start": rng.start if rng else None,
        "date_end": rng.end if rng else None,
        "date_precision": rng.precision if rng else None,
        "date_anchor": dated.date_anchor if dated else None,
        "date_article_id": dated.article_id if dated else None,
        "city": name,
        "country": country,
        "place_id": place_id,
        "venue": next((m.venue for m in c.mentions if m.venue), None),
        "format": c.format or root.format,
        "status": _status(c),
        "planned_level": planned,
        "held_level": held,
        "note": note,
        "part_of": ids[c.parent] if c.parent is not None else None,
        "article_count": len({m.article_id for m in c.mentions}),
        "confidence": confidence(c),
    }


def _evidence_rows(c: Cluster, meeting_id: str) -> list[dict[str, Any]]:
    """One row per sentence; a sentence naming the meeting twice states the union of both."""
    by_sentence: dict[tuple[str, int], list[MeetingMention]] = {}
    for m in c.mentions:
        by_sentence.setdefault((m.article_id, m.start), []).append(m)
    rows = []
    for same in by_sentence.values():
        m = same[0]
        stated = next((x for x in same if x.date_expr), None)
        expr, rng = (stated.date_expr, stated.date) if stated else (None, None)
        rows.append(
            {
                "meeting_id": meeting_id,
                "article_id": m.article_id,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "trigger_start": m.trigger_start,
                "trigger_end": m.trigger_end,
                "trigger": m.trigger,
                "date_text": expr.text if expr else None,
                "date_start": rng.start if rng else None,
                "date_end": rng.end if rng else None,
                "date_precision": rng.precision if rng else None,
                "date_anchor": stated.date_anchor if stated else None,
                "format": next((x.format for x in same if x.format), None),
                "status": next((x.status for x in same if x.status), None),
            }
        )
    return rows


def _parties(c: Cluster) -> int:
    return sum(1 for role in _roles(c).values() if role != "absent")


def identified(c: Cluster) -> bool:
    """A row names one encounter only with a city or two parties: "talks on Wednesday" alone
    could be any of the week's encounters, and no reader could tell which."""
    root = c.parent or c
    return bool(c.place_id or root.place_id) or _parties(c) >= 2


NOUN_ONLY_CAP = 0.85  # no report tells the encounter with a verb: "the talks in Geneva"
PLAN_CAP = 0.75  # no report says it took place: announced, called off or put off
# a date the text fixes without a publication date (textanchor.py: an inferred year or "now")
INFERRED_DATE = 0.1


def confidence(c: Cluster) -> float:
    """Evidence that the row is one real encounter (see the schema's description): 0.3 for a
    trigger, +0.25 a city, +0.2 a date (+INFERRED_DATE when only the text's own anchors fix it,
    its article stating no publication date), +0.2 two or more parties, +0.05 several articles;
    at most NOUN_ONLY_CAP when no report narrates it with a verb ("met", "held talks"), at most
    PLAN_CAP when it is not held. Full evidence told by a verb is 0.95; a plan, or a row
    lacking a date, a city or a second party, stays below 0.8."""
    root = c.parent or c
    score = 0.3
    score += 0.25 if (c.place_id or root.place_id) else 0.0
    dated = c.dated or root.dated
    score += (INFERRED_DATE if dated.date_inferred else 0.2) if dated else 0.0
    score += 0.2 if _parties(c) >= 2 else 0.0
    score += 0.05 if len({m.article_id for m in c.mentions}) > 1 else 0.0
    if not any(m.narrated for m in c.mentions):
        score = min(score, NOUN_ONLY_CAP)
    if _status(c) != "held":
        score = min(score, PLAN_CAP)
    return round(min(score, 1.0), 2)


def keep_identified(clusters: list[Cluster]) -> list[Cluster]:
    """The identified clusters; a bilateral whose enclosing meeting is dropped is dropped too
    (its part_of would point nowhere) unless it is identified itself, then it stands alone."""
    kept = [c for c in clusters if c.parent is None and identified(c)]
    alive = set(kept)
    for c in clusters:
        if c.parent is None:
            continue
        if c.parent in alive and _disjoint(c, c.parent):
            c.parent = None  # a bilateral on other dates than its meeting is not on its margins
            if identified(c):
                kept.append(c)
        elif c.parent in alive:
            if identified(c):
                kept.append(c)
        elif c.place_id or _parties(c) >= 2:
            # what the enclosing meeting stated still places the bilateral in time and space
            c.dated = c.dated or c.parent.dated
            c.place_id = c.place_id or c.parent.place_id
            c.parent = None
            kept.append(c)
    return kept


def _disjoint(a: Cluster, b: Cluster) -> bool:
    if a.dated is None or b.dated is None:
        return False
    x, y = a.dated.date, b.dated.date
    return x.start > y.end or y.start > x.end


Columns = dict[str, list[Any]]
SORT_KEYS = {
    "meetings": ("meeting_id",),
    "meeting_participants": ("meeting_id", "entity_id"),
    "meeting_mentions": ("meeting_id", "article_id", "start"),
}


def meeting_rows(clusters: list[Cluster], kb: KnowledgeBase) -> dict[str, list[dict[str, Any]]]:
    """The three tables' rows, each sorted by its primary key; clusters that identify no
    encounter (no city, fewer than two parties) are left out."""
    return {
        table: sorted(rows_of(columns), key=lambda r: tuple(r[k] for k in SORT_KEYS[table]))
        for table, columns in meeting_columns(clusters, kb).items()
    }


def meeting_columns(clusters: list[Cluster], kb: KnowledgeBase) -> dict[str, Columns]:
    """The rows of `meeting_rows` as columns (a list of values per column), in no set order:
    a row is a dict only while it is made (a dict per row weighs several times its values)."""
    clusters = keep_identified(clusters)
    ids = meeting_ids(clusters, kb)
    meetings: Columns = {}
    participants: Columns = {"meeting_id": [], "entity_id": [], "role": []}
    evidence: Columns = {}
    for c in clusters:
        _append(meetings, _meeting_row(c, ids, kb))
        for eid, role in sorted(_roles(c).items()):
            participants["meeting_id"].append(ids[c])
            participants["entity_id"].append(eid)
            participants["role"].append(role)
        for row in _evidence_rows(c, ids[c]):
            _append(evidence, row)
    return {
        "meetings": meetings,
        "meeting_participants": participants,
        "meeting_mentions": evidence,
    }


def _append(columns: Columns, row: dict[str, Any]) -> None:
    for name, value in row.items():
        columns.setdefault(name, []).append(value)


def rows_of(columns: Columns) -> list[dict[str, Any]]:
    """The rows of `columns` as dicts."""
    names = list(columns)
    return [dict(zip(names, values, strict=True)) for values in zip(*columns.values(), strict=True)]
