"""How a built package is matched to the gold, table by table (the rules of bench/quality.py).

- articles: per field (title, byline, dateline, published_date), the predicted value equals the
  gold's text or date; a value where the gold has none is wrong, and so is a null where it has one.
- persons: per article, the set of persons (and, apart, of journalists) named. A predicted entity
  matches a gold one with the same id or the same slug of its name; a second predicted entity for
  one gold person is a false row (one person, two ids).
- quotes: found when the span equals a gold span (after trimming white space and one trailing
  comma, semicolon or colon on both); speaker accuracy over found quotations: the same entity
  (matched as persons are), any issuer of a joint document, or null for an unnamed speaker.
- meetings: per article. A predicted row (the meeting with a mention in that article) matches a
  gold encounter of the same article when their dates agree within precision (ranges overlap, or
  one is undated) and their place or two participants agree; each row matches at most one gold
  encounter per article: one to one first, preferring the pair that shares an evidence sentence,
  then the place, then the most people; a row left over joins its best encounter. Rows matching a
  `vague` encounter are neither right nor wrong, rows matching a `not_a_meeting` one are false.
  Over-merged rows (one row matching distinct gold encounters across articles) and splits (one
  gold encounter matched by several rows) are counted apart. A row is corpus-wide, so its fields
  are judged once per (row, encounter) against the encounter as all the split's reports describe
  it: the date is right when the precision is the finest any report gives and the range overlaps
  the union of those reports' ranges;
  participants (hosts included, absentees not) against the union of the reports' participants,
  where a country matches itself or a person acting for it.
- proposals: per article. Terms by (proposer, code), a predicted term counting for an article
  when it has a position there; positions by (state, stance, code), where a person's position
  counts for the state they act for; proposer accuracy over predicted (article, proposer) pairs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from gold import GoldArticle

from talkspkg.textutil import slug

FIGURES: list[tuple[str, str]] = [
    ("articles.field_accuracy", "article metadata fields right"),
    ("persons.precision", "persons per article: precision"),
    ("persons.recall", "persons per article: recall"),
    ("persons.f1", "persons per article: F1"),
    ("journalists.precision", "journalists per article: precision"),
    ("journalists.recall", "journalists per article: recall"),
    ("quotes.precision", "quotations: precision (exact span)"),
    ("quotes.recall", "quotations: recall (exact span)"),
    ("quotes.f1", "quotations: F1"),
    ("quotes.speaker_accuracy", "speaker right, on found quotations"),
    ("quotes.confident_share", "share of found quotations with confidence >= 0.8"),
    ("quotes.confident_accuracy", "speaker right, on found quotations with confidence >= 0.8"),
    ("meetings.precision", "meetings: precision"),
    ("meetings.recall", "meetings: recall"),
    ("meetings.f1", "meetings: F1"),
    ("meetings.over_merged", "meetings: over-merged rows (count)"),
    ("meetings.splits", "meetings: extra rows of split encounters (count)"),
    ("meetings.date_accuracy", "meetings: date right, on matched dated encounters"),
    ("meetings.participant_precision", "meetings: participant precision, on matched"),
    ("meetings.participant_recall", "meetings: participant recall, on matched"),
    ("proposals.proposer_accuracy", "proposals: proposer right"),
    ("terms.precision", "proposal terms (proposer, code): precision"),
    ("terms.recall", "proposal terms (proposer, code): recall"),
    ("terms.f1", "proposal terms: F1"),
    ("positions.precision", "positions (state, stance, code): precision"),
    ("positions.recall", "positions (state, stance, code): recall"),
    ("positions.f1", "positions: F1"),
]
# Figures where lower is better (counts of errors); every other figure is better higher.
LOWER_IS_BETTER = frozenset({"meetings.over_merged", "meetings.splits"})
CONFIDENT = 0.8
# bands of the quote stage's confidence, for the calibration table (lower bound inclusive)
CONFIDENCE_BANDS = ((0.0, "< 0.5"), (0.5, "0.5-0.8"), (0.8, "0.8-0.9"), (0.9, ">= 0.9"))


# tables whose rows' confidence is checked against the gold: a precision per band
CALIBRATED_ROWS = ("meetings", "positions")


def band_of(confidence: float) -> str:
    return next(label for low, label in reversed(CONFIDENCE_BANDS) if confidence >= low)


@dataclass
class Package:
    """The tables of a build, as lists of rows."""

    tables: dict[str, list[dict[str, Any]]]

    def rows(self, name: str, article_id: str | None = None) -> list[dict[str, Any]]:
        rows = self.tables[name]
        return rows if article_id is None else [r for r in rows if r["article_id"] == article_id]


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def figures(self, prefix: str) -> dict[str, float | None]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
        return {f"{prefix}.precision": p, f"{prefix}.recall": r, f"{prefix}.f1": f}


@dataclass
class Ratio:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None


@dataclass
class Scorer:
    package: Package
    problems: list[dict[str, Any]] = field(default_factory=list)
    classes: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def problem(self, table: str, gold: GoldArticle, kind: str, detail: str) -> None:
        self.problems.append(
            {"table": table, "article": gold.article_id, "kind": kind, "detail": detail}
        )
        self.classes[table][kind] += 1


def _snippet(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- entities -----------------------------------------------------------------------------------


class EntityMap:
    """Predicted entity ids -> gold ids for one article, and person -> state for positions."""

    def __init__(self, package: Package, gold: GoldArticle) -> None:
        self.entities = {e["entity_id"]: e for e in package.tables["entities"]}
        self.gold_ids: dict[str, str] = {}
        self.country_of: dict[str, str | None] = {}
        self.state_by_iso = {
            e["country"]: e["entity_id"]
            for e in package.tables["entities"]
            if e["entity_type"] == "country" and e["country"]
        }
        for person in gold.data.get("persons") or []:
            self.gold_ids[person["id"]] = person["id"]
            self.gold_ids.setdefault(slug(person.get("name") or ""), person["id"])
            self.country_of[person["id"]] = person.get("country")

    def to_gold(self, entity_id: str | None) -> str | None:
        if entity_id is None:
            return None
        if entity_id in self.gold_ids:
            return self.gold_ids[entity_id]
        entity = self.entities.get(entity_id)
        if entity is not None:
            name_slug = slug(entity["name"])
            if name_slug in self.gold_ids:
                return self.gold_ids[name_slug]
        return entity_id

    def state(self, entity_id: str) -> str:
        """The state a person acts for (their country's entity), else the entity itself."""
        iso = self.country_of.get(entity_id)
        if iso is None and entity_id in self.entities:
            entity = self.entities[entity_id]
            if entity["entity_type"] in ("person", "journalist"):
                iso = entity["country"]
        if iso and iso in self.state_by_iso:
            return self.state_by_iso[iso]
        return entity_id


def score_persons(s: Scorer, gold: GoldArticle, emap: EntityMap, tallies: dict[str, Tally]) -> None:
    mentioned = {m["entity_id"] for m in s.package.rows("mentions", gold.article_id)}
    for kind, table in (("person", "persons"), ("journalist", "journalists")):
        expected = {p["id"] for p in gold.data.get("persons") or [] if p["type"] == kind}
        predicted = sorted(
            e for e in mentioned if emap.entities.get(e, {}).get("entity_type") == kind
        )
        seen: set[str] = set()
        for entity_id in predicted:
            target = emap.to_gold(entity_id)
            name = emap.entities[entity_id]["name"]
            if target in expected and target not in seen:
                tallies[table].tp += 1
                seen.add(target)
            elif target in seen:
                tallies[table].fp += 1
                s.problem(table, gold, "second id", f"{entity_id} ({name}) is also {target}")
            else:
                tallies[table].fp += 1
                other = "a person" if kind == "journalist" else "a journalist"
                wrong = {p["id"] for p in gold.data.get("persons") or []} - expected
                what = f"gold has it as {other}" if target in wrong else "not in gold"
                s.problem(table, gold, "false", f"{entity_id} ({name}): {what}")
        for missing in sorted(expected - seen):
            tallies[table].fn += 1
            s.problem(table, gold, "missed", missing)


# -- quotes -------------------------------------------------------------------------------------


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] in ",;:":
        end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_PRONOUNS = {"he", "she", "they", "we", "i", "it", "both"}
_DOCUMENTS = {"statement", "communique", "communiqué", "letter", "readout", "memorandum", "post"}


def _phrase_kind(phrase: str | None) -> str:
    """The form of the phrase a quotation's cue names its speaker with, for error classes:
    none, a pronoun, a document, a definite description ("the ..."), or another phrase."""
    words = (phrase or "").lower().replace("’", "'").split()
    if not words:
        return "no phrase"
    if words[0] in _PRONOUNS:
        return "pronoun"
    if _DOCUMENTS & {w.strip(",.") for w in words}:
        return "document"
    return "definite phrase" if words[0] == "the" else "other phrase"


def score_quotes(
    s: Scorer,
    gold: GoldArticle,
    emap: EntityMap,
    tally: Tally,
    speaker: Ratio,
    confident: Ratio,
    bands: dict[str, Ratio],
) -> None:
    golds = {_trimmed(gold.text, q["start"], q["end"]): q for q in gold.data.get("quotes") or []}
    for row in s.package.rows("quotes", gold.article_id):
        span = _trimmed(gold.text, row["start"], row["end"])
        expected = golds.pop(span, None)
        if expected is None:
            tally.fp += 1
            s.problem("quotes", gold, "false", f"{span[0]}-{span[1]} {_snippet(row['text'])!r}")
            continue
        tally.tp += 1
        target = emap.to_gold(row["speaker_id"])
        want = expected.get("speaker")
        ok = target in (expected.get("issuers") or [want]) if want else target is None
        speaker.add(ok)
        bands[band_of(row["confidence"])].add(ok)
        if row["confidence"] >= CONFIDENT:
            confident.add(ok)
        if not ok:
            kind = f"speaker wrong ({row['resolution']})" if target else "speaker null"
            if not target:
                kind = f"speaker null ({row['resolution']}, {_phrase_kind(row['speaker_text'])})"
            if want is None:
                kind = "speaker given to an unnamed speaker"
            s.problem(
                "quotes",
                gold,
                kind,
                f"{span[0]}-{span[1]} {_snippet(row['text'], 50)!r}: {target} "
                f"via {row['speaker_text']!r} ({row['rule']}, {row['confidence']:.2f}); "
                f"gold {want or expected.get('speaker_text')!r}",
            )
    for start, end in sorted(golds):
        tally.fn += 1
        s.problem("quotes", gold, "missed", f"{start}-{end} {_snippet(gold.text[start:end])!r}")


# -- meetings -----------------------------------------------------------------------------------


def _day(value: Any) -> date | None:
    if value is None:
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


@dataclass
class PredictedMeeting:
    meeting_id: str
    label: str
    start: date | None
    end: date | None
    precision: str | None
    place: str | None
    participants: set[str]
    confidence: float


@dataclass
class GoldMeeting:
    node: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.node["id"])

    @property
    def start(self) -> date | None:
        return _day(self.node.get("date_start"))

    @property
    def end(self) -> date | None:
        return _day(self.node.get("date_end")) or self.start

    @property
    def participants(self) -> set[str]:
        return set(self.node.get("participants") or []) | set(self.node.get("host") or [])


def predicted_meetings(package: Package) -> dict[str, PredictedMeeting]:
    people: dict[str, set[str]] = defaultdict(set)
    for row in package.tables["meeting_participants"]:
        if row["role"] != "absent":
            people[row["meeting_id"]].add(row["entity_id"])
    return {
        m["meeting_id"]: PredictedMeeting(
            m["meeting_id"],
            m["label"],
            _day(m["date_start"]),
            _day(m["date_end"]),
            m["date_precision"],
            m["place_id"] or (slug(m["city"]) if m["city"] else None),
            people[m["meeting_id"]],
            m["confidence"],
        )
        for m in package.tables["meetings"]
    }


def _dates_agree(p: PredictedMeeting, g: GoldMeeting) -> bool:
    if p.start is None or g.start is None:
        return True
    return p.start <= (g.end or g.start) and g.start <= (p.end or p.start)


def _participants(p: PredictedMeeting, emap: EntityMap) -> set[str]:
    return {emap.to_gold(e) or e for e in p.participants}


def _agreement(p: PredictedMeeting, g: GoldMeeting, emap: EntityMap, overlap: bool) -> int:
    """0 when the row cannot be this encounter (dates disagree, or neither the place nor two
    participants agree); else a preference: shared evidence sentence, place, shared people."""
    if not _dates_agree(p, g):
        return 0
    place = p.place is not None and p.place == g.node.get("place")
    shared = len(_participants(p, emap) & g.participants)
    if not place and shared < 2:
        return 0
    return 100 * overlap + 10 * place + shared


def _overlaps(spans: list[tuple[int, int]], node: dict[str, Any]) -> bool:
    return any(
        s < e["end"] and e["start"] < t for s, t in spans for e in node.get("evidence") or []
    )


def _state_matches(entity: str, others: set[str], emap: EntityMap) -> bool:
    """An entity matches a set when it is in it, or a country matches a person acting for it."""
    if entity in others:
        return True
    return any(emap.state(o) == entity or emap.state(entity) == o for o in others)


PRECISION_ORDER = {"day": 0, "week": 1, "month": 2}


@dataclass
class Encounter:
    """One gold encounter as all the split's reports of it describe it: a row of `meetings` is
    corpus-wide, so its date and participants are judged against every report, not one."""

    start: date | None = None
    end: date | None = None
    precision: str | None = None
    participants: set[str] = field(default_factory=set)

    def add(self, g: GoldMeeting) -> None:
        self.participants |= g.participants
        precision = g.node.get("precision")
        if g.start is None or precision is None:
            return
        if self.precision is None or PRECISION_ORDER[precision] < PRECISION_ORDER[self.precision]:
            self.start, self.end, self.precision = g.start, g.end, precision
        elif precision == self.precision and self.start and self.end and g.end:
            self.start, self.end = min(self.start, g.start), max(self.end, g.end)


def encounters(golds: list[GoldArticle]) -> dict[str, Encounter]:
    found: dict[str, Encounter] = defaultdict(Encounter)
    for gold in golds:
        for node in gold.data.get("meetings") or []:
            found[str(node["id"])].add(GoldMeeting(node))
    return found


@dataclass
class MeetingTallies:
    rows: Tally = field(default_factory=Tally)
    dates: Ratio = field(default_factory=Ratio)
    participants: Tally = field(default_factory=Tally)
    matched: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    rows_of_gold: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    judged: set[tuple[str, str]] = field(default_factory=set)


def score_meetings(
    s: Scorer,
    gold: GoldArticle,
    emap: EntityMap,
    predicted: dict[str, PredictedMeeting],
    merged: dict[str, Encounter],
    t: MeetingTallies,
    bands: dict[str, Ratio],
) -> None:
    sentences: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in s.package.rows("meeting_mentions", gold.article_id):
        sentences[m["meeting_id"]].append((m["start"], m["end"]))
    ids = sorted(sentences)
    reports = [GoldMeeting(m) for m in gold.data.get("meetings") or []]
    pairs = sorted(
        (-score, i, n)
        for i in ids
        for n, g in enumerate(reports)
        if (score := _agreement(predicted[i], g, emap, _overlaps(sentences[i], g.node)))
    )
    # one to one first (the best pairs); a row left over then joins its best encounter (a split)
    assigned: dict[str, int] = {}
    for _score, meeting_id, n in pairs:
        if meeting_id not in assigned and n not in assigned.values():
            assigned[meeting_id] = n
    for _score, meeting_id, n in pairs:
        assigned.setdefault(meeting_id, n)
    found: set[int] = set()
    for meeting_id in ids:
        p = predicted[meeting_id]
        desc = f"{meeting_id} ({p.label})"
        band = bands[band_of(p.confidence)]
        if meeting_id not in assigned:
            t.rows.fp += 1
            band.add(False)
            s.problem("meetings", gold, "false", desc)
            continue
        g = reports[assigned[meeting_id]]
        if g.node.get("vague"):
            continue
        if g.node.get("not_a_meeting"):
            t.rows.fp += 1
            band.add(False)
            s.problem("meetings", gold, "non-encounter", f"{desc} is {g.id}")
            continue
        t.rows.tp += 1
        band.add(True)
        found.add(assigned[meeting_id])
        t.matched[meeting_id].add(g.id)
        t.rows_of_gold[g.id].add(meeting_id)
        if (meeting_id, g.id) not in t.judged:
            t.judged.add((meeting_id, g.id))
            judge_fields(s, gold, emap, p, g.id, merged[g.id], t)
    for n, g in enumerate(reports):
        if n not in found and not g.node.get("vague") and not g.node.get("not_a_meeting"):
            t.rows.fn += 1
            when = f"{g.start or 'undated'}"
            s.problem("meetings", gold, "missed", f"{g.id} ({g.node.get('label')}, {when})")


def judge_fields(
    s: Scorer,
    gold: GoldArticle,
    emap: EntityMap,
    p: PredictedMeeting,
    gold_id: str,
    e: Encounter,
    t: MeetingTallies,
) -> None:
    """Date and participants of a matched row, once per (row, encounter)."""
    desc = f"{p.meeting_id} ({p.label})"
    if e.start is not None:
        right = p.start is not None and p.precision == e.precision
        right = right and p.start <= (e.end or e.start) and e.start <= (p.end or p.start)
        t.dates.add(right)
        if not right:
            s.problem(
                "meetings",
                gold,
                "date wrong" if p.start else "date missing",
                f"{desc}: {p.start}..{p.end} ({p.precision}); gold {e.start}..{e.end} "
                f"({e.precision}) {gold_id}",
            )
    got = _participants(p, emap)
    for entity in sorted(got):
        ok = _state_matches(entity, e.participants, emap)
        t.participants.tp += ok
        t.participants.fp += not ok
        if not ok:
            s.problem("meetings", gold, "participant false", f"{desc}: {entity} ({gold_id})")
    mentioned: set[str] | None = None
    for entity in sorted(e.participants):
        if not _state_matches(entity, got, emap):
            t.participants.fn += 1
            if mentioned is None:
                rows = s.package.rows("mentions", gold.article_id)
                mentioned = {emap.to_gold(r["entity_id"]) or r["entity_id"] for r in rows}
            where = "named" if _state_matches(entity, mentioned, emap) else "not found"
            kind = f"participant missed: {where} in the article"
            s.problem("meetings", gold, kind, f"{desc}: {entity} ({gold_id})")


# -- proposals ----------------------------------------------------------------------------------


@dataclass
class ProposalTallies:
    terms: Tally = field(default_factory=Tally)
    positions: Tally = field(default_factory=Tally)
    proposers: Ratio = field(default_factory=Ratio)


def score_proposals(
    s: Scorer, gold: GoldArticle, emap: EntityMap, t: ProposalTallies, bands: dict[str, Ratio]
) -> None:
    terms = {r["term_id"]: r for r in s.package.tables["proposal_terms"]}
    proposals = {r["proposal_id"]: r for r in s.package.tables["proposals"]}
    rows = s.package.rows("term_positions", gold.article_id)
    predicted_terms: set[tuple[str, str]] = set()
    predicted_positions: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in rows:
        term = terms[row["term_id"]]
        proposer = proposals[term["proposal_id"]]["proposer_id"]
        predicted_terms.add((proposer, term["code"]))
        entity = emap.state(emap.to_gold(row["entity_id"]) or row["entity_id"])
        key = (entity, row["stance"], term["code"])
        if key not in predicted_positions or (
            row["confidence"] > predicted_positions[key]["confidence"]
        ):
            predicted_positions[key] = row  # the surest of the rows that make the claim
    data = gold.data.get("proposals") or {}
    gold_terms = {(t_["proposer"], t_["code"]) for t_ in data.get("terms") or []}
    gold_positions = {
        (emap.state(p["entity"]), p["stance"], p["code"]): p for p in data.get("positions") or []
    }
    gold_proposers = {p for p, _ in gold_terms} | {
        e for (e, stance, _c) in gold_positions if stance == "proposes"
    }
    for proposer in sorted({p for p, _ in predicted_terms}):
        ok = proposer in gold_proposers
        t.proposers.add(ok)
        if not ok:
            s.problem("proposals", gold, "proposer wrong", proposer)
    for key in sorted(predicted_terms | gold_terms):
        if key in predicted_terms and key in gold_terms:
            t.terms.tp += 1
        elif key in predicted_terms:
            t.terms.fp += 1
            s.problem("terms", gold, _term_class("false", key, gold_terms), f"{key[0]} {key[1]}")
        else:
            t.terms.fn += 1
            kind = _term_class("missed", key, predicted_terms)
            s.problem("terms", gold, kind, f"{key[0]} {key[1]}")
    for key, row in predicted_positions.items():
        bands[band_of(row["confidence"])].add(key in gold_positions)
    for key in sorted(set(predicted_positions) | set(gold_positions)):
        if key in predicted_positions and key in gold_positions:
            t.positions.tp += 1
        elif key in predicted_positions:
            t.positions.fp += 1
            row = predicted_positions[key]
            s.problem("positions", gold, "false", f"{' '.join(key)}: {_snippet(row['text'], 80)!r}")
        else:
            t.positions.fn += 1
            node = gold_positions[key]
            text = gold.text[node["start"] : node["end"]] if "start" in node else ""
            kind = _position_class(key, set(predicted_positions))
            s.problem("positions", gold, kind, f"{' '.join(key)}: {_snippet(text, 80)!r}")


def _term_class(kind: str, key: tuple[str, str], others: set[tuple[str, str]]) -> str:
    """Why a (proposer, code) pair is false or missed, from the other side's pairs only (no
    text): the code is there under another proposer, the proposer with other codes, or neither."""
    proposer, code = key
    if any(c == code for _p, c in others):
        return f"{kind}: code, another proposer"
    if any(p == proposer for p, _c in others):
        return f"{kind}: proposer, another code"
    return f"{kind}: neither"


def _position_class(key: tuple[str, str, str], predicted: set[tuple[str, str, str]]) -> str:
    """Why a gold (entity, stance, code) claim is missed: the entity's stance on the code is
    another, the code is claimed for another entity, or the code is not claimed at all."""
    entity, _stance, code = key
    if any(e == entity and c == code for e, _s, c in predicted):
        return "missed: another stance"
    if any(c == code for _e, _s, c in predicted):
        return "missed: code, another entity"
    return "missed: code not claimed"


# -- articles -----------------------------------------------------------------------------------


def score_articles(s: Scorer, gold: GoldArticle, ratio: Ratio) -> None:
    predicted = s.package.rows("articles", gold.article_id)[0]
    data = gold.data.get("articles") or {}
    for name in ("title", "byline", "dateline", "published_date"):
        node = data.get(name)
        if isinstance(node, dict):
            want: str | None = " ".join(gold.text[node["start"] : node["end"]].split())
        else:
            want = None if node is None else str(node)
        got = predicted.get(name)
        got = None if got is None else " ".join(str(got).split())
        ratio.add(got == want)
        if got != want:
            s.problem("articles", gold, f"{name} wrong", f"{got!r}; gold {want!r}")


# -- the split ----------------------------------------------------------------------------------


def score_split(golds: list[GoldArticle], package: Package) -> dict[str, Any]:
    s = Scorer(package)
    tallies = {"persons": Tally(), "journalists": Tally()}
    quotes, speaker, confident, fields = Tally(), Ratio(), Ratio(), Ratio()
    bands = {label: Ratio() for _, label in CONFIDENCE_BANDS}
    row_bands = {t: {label: Ratio() for _, label in CONFIDENCE_BANDS} for t in CALIBRATED_ROWS}
    meetings = MeetingTallies()
    proposals = ProposalTallies()
    predicted = predicted_meetings(package)
    merged = encounters(golds)
    for gold in golds:
        emap = EntityMap(package, gold)
        score_articles(s, gold, fields)
        score_persons(s, gold, emap, tallies)
        score_quotes(s, gold, emap, quotes, speaker, confident, bands)
        score_meetings(s, gold, emap, predicted, merged, meetings, row_bands["meetings"])
        score_proposals(s, gold, emap, proposals, row_bands["positions"])
    over_merged = [m for m, g in meetings.matched.items() if len(g) > 1]
    for meeting_id in over_merged:
        s.classes["meetings"]["over-merged"] += 1
        s.problems.append(
            {
                "table": "meetings",
                "article": "*",
                "kind": "over-merged",
                "detail": f"{meeting_id} matches {sorted(meetings.matched[meeting_id])}",
            }
        )
    splits = 0
    for gold_id, rows in sorted(meetings.rows_of_gold.items()):
        if len(rows) > 1:
            splits += len(rows) - 1
            s.classes["meetings"]["split"] += len(rows) - 1
            s.problems.append(
                {
                    "table": "meetings",
                    "article": "*",
                    "kind": "split",
                    "detail": f"{gold_id} is {len(rows)} rows: {sorted(rows)}",
                }
            )
    figures: dict[str, Any] = {"articles.field_accuracy": fields.value}
    figures |= tallies["persons"].figures("persons")
    journalists = tallies["journalists"].figures("journalists")
    figures |= {k: v for k, v in journalists.items() if not k.endswith(".f1")}
    figures |= quotes.figures("quotes")
    figures["quotes.speaker_accuracy"] = speaker.value
    figures["quotes.confident_share"] = confident.total / speaker.total if speaker.total else None
    figures["quotes.confident_accuracy"] = confident.value
    figures |= meetings.rows.figures("meetings")
    figures["meetings.over_merged"] = len(over_merged)
    figures["meetings.splits"] = splits
    figures["meetings.date_accuracy"] = meetings.dates.value
    participants = meetings.participants.figures("p")
    figures["meetings.participant_precision"] = participants["p.precision"]
    figures["meetings.participant_recall"] = participants["p.recall"]
    figures["proposals.proposer_accuracy"] = proposals.proposers.value
    figures |= proposals.terms.figures("terms")
    figures |= proposals.positions.figures("positions")
    counts = {
        "articles": len(golds),
        "persons": sum(len(g.data.get("persons") or []) for g in golds),
        "quotes": sum(len(g.data.get("quotes") or []) for g in golds),
        "meetings": sum(len(g.data.get("meetings") or []) for g in golds),
        "terms": sum(len((g.data.get("proposals") or {}).get("terms") or []) for g in golds),
        "positions": sum(
            len((g.data.get("proposals") or {}).get("positions") or []) for g in golds
        ),
    }
    return {
        "figures": {name: figures.get(name) for name, _ in FIGURES},
        "counts": counts,
        # speaker attributions per confidence band: [right, total] on found quotations
        "calibration": {label: [r.right, r.total] for label, r in bands.items()},
        # predicted rows per band of their confidence: [right, total] (a precision per band)
        "row_calibration": {
            t: {label: [r.right, r.total] for label, r in b.items()} for t, b in row_bands.items()
        },
        "error_classes": {t: dict(sorted(c.items())) for t, c in sorted(s.classes.items())},
        "problems": [
            f"[{p['table']}] {p['article']}: {p['kind']}: {p['detail']}" for p in s.problems
        ],
    }
