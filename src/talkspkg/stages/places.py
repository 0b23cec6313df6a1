"""Discovery of places the knowledge base does not list, from a place slot (precision first).

A capitalised name (one to four words, "al"/"el"/"de"/... allowed inside; never in
a title-case headline; never two letters alone: "St" of "St. X") is a discovered
`location` only where the text says it is a place (words of `knowledge/meetings.yaml`,
section `discovered_places`):
- `meeting-place`: after a meeting word, at most `slot_gap` words and in/at/to ("talks in X",
  "met on Monday in X", "arrived in X", "a summit at X"), unless a gap word says the name is
  where something else is ("talks on the war in X"); before a meeting noun ("the X talks", not
  joined by a dash to another name: "the A–B talks" are a pair's); before a lower-case venue
  noun ("at the X resort"), or possessive before a venue ("at X's Y Palace");
- `place-phrase`: after a kind of place and "of" ("the Turkish city of X", "the resort town of
  X"), or after in/at/to/near and before ", <country>" ("in X, Saudi Arabia").
A saint's prefix opens a name ("St. X", "St X", "Saint X": a place, never a person). A visit
verb is a slot of its own ("X visited Y", "toured Y"); so is "aboard/on board (the) X" after a
meeting word. A name of a venue's shape (`venue_heads`/`venue_tails`: "Joint Base X", "Camp X",
"X Air Force Base", "X Lodge", "X Hotel") is a place after at/in/inside even without a meeting
word, with role `venue` (a venue, not a city: the meeting stage gives it as `venue` and leaves
the city null unless the text gives one); so is "X" of "at the X hotel" when a city follows.
The name right after a venue (", Y" or "in Y": "Joint Base X in Y", "X Lodge, Y") is the
venue's city (`place-phrase`). A place found in a meeting slot and followed by ", Y" or "in Y",
Y a curated state or a capitalised name closing its phrase (", Y," / "Y on ..."; never a
country, a speech verb's subject nor a bad word), lies in Y: its role is "<kind> in Y", and an
unknown Y is a discovered place (role `region`); the meeting stage reads the region from that
role, so a report placed at Y and one at X may be one encounter, two towns of Y never.
Never a name the knowledge base or another discovery rule already holds (countries, capitals,
people, organisations: those are resolved first), a month or weekday, a demonym or language
("talks in Russian"), a title or sentence-opening word, a possessive before anything but a venue
("talks in X's absence"), nor a name right before a speech verb ("in X officials said" opens
another clause). The place's country is the one the text gives beside it: ", <country>", "in
<country>" right after, or the demonym before its kind ("the Turkish city of X"). Every later
occurrence of the name in the article's prose is the same place. A discovered place's id is the
slug of its name, so one name is one entity across articles; its role is the kind of place the
text names, else null.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from talkspkg import yamlio
from talkspkg.document import Article
from talkspkg.kb import Entity, KnowledgeBase
from talkspkg.stages.candidates import DISCOVERED, PROSE, Candidate
from talkspkg.stages.discovery import _FUNCTION_CAPS, Discovered
from talkspkg.stages.kbmatch import title_case
from talkspkg.stages.leads import headed
from talkspkg.textutil import slug

_WORD = r"[A-Z][^\W\d_]*(?:(?:-|[’'](?![sS]\b))[^\W\d_]+)*"
_NAME = rf"{_WORD}(?:[ ](?:(?:al|el|de|la|du|da|di|an|am|sur)[ -])?{_WORD}){{0,3}}"
_POSS = r"(?:’s|'s)"


@dataclass(frozen=True)
class PlaceWords:
    slot_words: frozenset[str]
    slot_gap: int
    slot_breaks: frozenset[str]
    meeting_nouns: tuple[str, ...]
    place_kinds: tuple[str, ...]
    venue_nouns: tuple[str, ...]
    venue_heads: tuple[str, ...]
    venue_tails: tuple[str, ...]
    aboard: tuple[str, ...]
    saint_prefixes: tuple[str, ...]
    visit_verbs: tuple[str, ...]


@cache
def place_words() -> PlaceWords:
    source = files("talkspkg") / "knowledge" / "meetings.yaml"
    data = yamlio.safe_load(source.read_text(encoding="utf-8"))["discovered_places"]
    return PlaceWords(
        frozenset(w.lower() for w in data["slot_words"]),
        int(data["slot_gap"]),
        frozenset(w.lower() for w in data["slot_breaks"]),
        tuple(data["meeting_nouns"]),
        tuple(data["place_kinds"]),
        tuple(data["venue_nouns"]),
        tuple(data["venue_heads"]),
        tuple(data["venue_tails"]),
        tuple(data["aboard"]),
        tuple(data["saint_prefixes"]),
        tuple(data["visit_verbs"]),
    )


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@cache
def _full_name() -> str:
    """A place's name, a saint's prefix allowed before it ("St. X", "Saint X")."""
    return rf"(?:(?:{_alt(place_words().saint_prefixes)})\s+(?=[A-Z]))?{_NAME}"


def venue_shaped(name: str) -> bool:
    """A name that is a venue's, not a city's: "Joint Base X", "Camp X", "X Lodge"."""
    w = place_words()
    words = name.split()
    heads = any(name.startswith(h + " ") for h in w.venue_heads)
    return len(words) > 1 and (heads or any(name.endswith(" " + t) for t in w.venue_tails))


def _venue_core(name: str) -> list[str]:
    """A venue-shaped name's own words, without its head or tail ("Camp X" -> ["X"])."""
    w = place_words()
    for h in sorted(w.venue_heads, key=len, reverse=True):
        if name.startswith(h + " "):
            return name[len(h) :].split()
    for t in sorted(w.venue_tails, key=len, reverse=True):
        if name.endswith(" " + t):
            return name[: -len(t)].split()
    return name.split()


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    # headed: the same matches, found faster (stages/leads.py)
    w = place_words()
    venue = _alt(w.venue_nouns)
    nm = _full_name()
    return {
        "slot": headed(re.compile(rf"\b(?:in|at|to)\s+(?P<name>{nm})")),
        "at": headed(re.compile(rf"\b(?:at|in|inside)\s+(?:the\s+)?(?P<name>{nm})")),
        "visit": headed(re.compile(rf"\b(?:{_alt(w.visit_verbs)})\s+(?P<name>{nm})")),
        "aboard": headed(re.compile(rf"\b(?:{_alt(w.aboard)})\s+(?:the\s+)?(?P<name>{nm})")),
        "then": re.compile(rf"(?:,\s*|\s+in\s+)(?P<name>{nm})"),
        "region": re.compile(rf"(?:,\s*|\s+in\s+)(?P<name>{_NAME})"),
        "noun": headed(
            re.compile(
                rf"(?<![–—-])\bthe\s+(?P<name>{nm})\s+(?:peace\s+)?(?:{_alt(w.meeting_nouns)})\b"
            )
        ),
        "venue": headed(
            re.compile(
                rf"\bat\s+(?:the\s+(?P<name>{nm})\s+(?:{venue})\b"
                rf"|(?P<owner>{nm}){_POSS}\s+(?:[A-Z][\w’'-]*\s+){{0,3}}(?i:{venue})\b)"
            )
        ),
        "kind": re.compile(
            rf"\b(?:[A-Za-z][\w-]*\s+){{0,3}}?"
            rf"(?:{_alt(w.place_kinds)})\s+of\s+(?P<name>{nm})"
        ),
    }


def _bad_word(word: str, kb: KnowledgeBase) -> bool:
    lex = kb.lexicon
    bare = re.sub(r"[’']s$", "", word)
    return (
        bare in _FUNCTION_CAPS
        or bare in lex.demonyms
        or bare.lower() in lex.role_words
        or bare.lower() in lex.role_modifiers
        or bare.rstrip(".") in lex.honorifics
        or bare.lower() in lex.not_name_words
    )


def _trim(text: str, start: int, end: int, kb: KnowledgeBase) -> tuple[int, int] | None:
    """The name's span without trailing words that are no part of a place ("X Monday")."""
    name = text[start:end]
    if venue_shaped(name):  # "X Air Force Base": the venue's own words ("Air") are no title
        core = _venue_core(name)
        return (start, end) if core and not any(_bad_word(w, kb) for w in core) else None
    words = list(re.finditer(r"\S+", name))
    while words and _bad_word(words[-1].group(), kb):
        words.pop()
    if not words or any(_bad_word(m.group(), kb) for m in words):
        return None
    return start, start + words[-1].end()


def _is_region(e: Entity) -> bool:
    """A curated state or region of a country ("Alaska", "Florida")."""
    return e.entity_type == "location" and (e.role or "").startswith("state of")


@cache
def _country_names(kb: KnowledgeBase) -> dict[str, str]:
    """A country's surfaces, and a curated state's or region's ("Florida"), -> ISO code."""
    out: dict[str, str] = {}
    for e in sorted(kb.entities.values(), key=lambda e: e.entity_id):
        if (e.entity_type == "country" or _is_region(e)) and e.country:
            for name in e.surfaces:
                out.setdefault(name, e.country)
    return out


@cache
def _region_names(kb: KnowledgeBase) -> frozenset[str]:
    """The surfaces of a curated state or region ("Alaska", "Florida")."""
    return frozenset(name for e in kb.entities.values() if _is_region(e) for name in e.surfaces)


def _region_after(text: str, b: int, end: int, kb: KnowledgeBase) -> tuple[int, int] | None:
    """The region a place lies in, as the text gives it right after: "X, Alaska", "X in Y,"
    (a curated state, or a capitalised name closing its phrase: ", Y," / ", Y on" / "in Y.")."""
    m = _patterns()["region"].match(text, b, end)
    if m is None:
        return None
    a, z = m.span("name")
    if m.group("name") in _region_names(kb):
        return a, z
    closes = re.match(r"\s*(?:[,.;)]|\s(?:on|last|this|next|earlier|later)\b)", text[z : z + 10])
    if m.group("name") in _country_names(kb) or not closes or _speech_after(text, z, kb):
        return None
    if any(_bad_word(w, kb) for w in m.group("name").split()) or z - a < 3:
        return None
    return a, z


@cache
def _country_after(kb: KnowledgeBase) -> re.Pattern[str]:
    names = _alt(tuple(_country_names(kb)))
    return re.compile(rf"(?:,\s*|\s+in\s+(?:the\s+)?)(?P<country>{names})(?![\w’'-])")


@cache
def _clause_openers(kb: KnowledgeBase) -> frozenset[str]:
    """Words that, right after a name, make it the subject of another clause ("in X officials
    said"): the one-word speech verbs, and a few auxiliaries."""
    verbs = {v.lower() for v in kb.speech_verbs if " " not in v}
    return frozenset(verbs | {"officials", "has", "have", "had", "is"})


def _speech_after(text: str, end: int, kb: KnowledgeBase) -> bool:
    after = re.match(r"\s+([a-z]+)", text[end : end + 30])
    return bool(after and after.group(1) in _clause_openers(kb))


_TOKENS = re.compile(r"[\w’'-]+|[^\w\s]")
_SLOT_WORD = re.compile(r"[A-Za-z][\w’'-]*|\d+")


def _slot_before(text: str, seg_start: int, at: int) -> bool:
    """A meeting word, then at most `slot_gap` words, right before the preposition at `at`."""
    w = place_words()
    before = _TOKENS.findall(text[max(seg_start, at - 120) : at])
    for gap, tok in enumerate(reversed(before)):
        low = tok.lower()
        if low in w.slot_words:
            return True
        if gap >= w.slot_gap or not _SLOT_WORD.fullmatch(tok):
            return False
        if low in w.slot_breaks:
            return False
    return False


def _found(
    article: Article, kb: KnowledgeBase, start: int, end: int
) -> Iterator[tuple[int, int, str, str | None, str | None]]:
    """(start, end, source, role, country) of each place slot in text[start:end]."""
    text = article.text
    pats = _patterns()
    for m in pats["slot"].finditer(text, start, end):
        a, b = m.span("name")
        if _slot_before(text, start, m.start()):
            yield a, b, "meeting-place", None, None
            yield from _venue_city(text, a, b, end)
    for m in pats["at"].finditer(text, start, end):
        a, b = m.span("name")  # "at Joint Base X": the venue's shape says it is a place
        if venue_shaped(text[a:b]):
            yield a, b, "meeting-place", "venue", None
            yield from _venue_city(text, a, b, end)
    for m in pats["visit"].finditer(text, start, end):
        a, b = m.span("name")  # "X visited Y": Y is the place visited
        yield a, b, "meeting-place", None, None
        yield from _venue_city(text, a, b, end)
    for m in pats["aboard"].finditer(text, start, end):
        a, b = m.span("name")  # "met aboard the X": a ship or an aircraft, a venue
        if _slot_before(text, start, m.start()):
            yield a, b, "meeting-place", "venue", None
    for m in pats["noun"].finditer(text, start, end):
        a, b = m.span("name")
        if not re.match(r"[–—-]", text[b : b + 1]):
            yield a, b, "meeting-place", None, None
    for m in pats["venue"].finditer(text, start, end):
        a, b = m.span("name") if m.group("name") else m.span("owner")
        city = m.group("name") and _patterns()["then"].match(text, m.end(), end)
        if city:  # "at the X hotel in Y": X names the venue, Y is the city
            yield a, b, "meeting-place", "venue", None
            yield city.start("name"), city.end("name"), "place-phrase", None, None
        else:
            yield a, b, "meeting-place", None, None
    for m in pats["kind"].finditer(text, start, end):
        a, b = m.span("name")
        phrase = re.findall(r"[A-Z][\w-]*", text[m.start() : a])
        iso = next((kb.lexicon.demonyms[w] for w in phrase if w in kb.lexicon.demonyms), None)
        kind = re.search(rf"({_alt(place_words().place_kinds)})\s+of\s+$", text[m.start() : a])
        yield a, b, "place-phrase", kind.group(1) if kind else None, iso
    for m in re.finditer(rf"\b(?:in|at|to|near)\s+(?P<name>{_full_name()})(?=,)", text[start:end]):
        a, b = start + m.start("name"), start + m.end("name")
        if _country_after(kb).match(text, b):
            yield a, b, "place-phrase", None, None


def _venue_city(
    text: str, a: int, b: int, end: int
) -> Iterator[tuple[int, int, str, str | None, str | None]]:
    """The city the text gives right after a venue ("Joint Base X in Y", "X Lodge, Y")."""
    if not venue_shaped(text[a:b]):
        return
    m = _patterns()["then"].match(text, b, end)
    if m:
        yield m.start("name"), m.end("name"), "place-phrase", None, None


def discover_places(article: Article, kb: KnowledgeBase) -> Iterator[Discovered]:
    """Every place slot's name in the article's prose, then every later use of those names."""
    text = article.text
    names: dict[str, tuple[str, str | None, str | None]] = {}  # name -> source, role, country
    spans: list[tuple[int, int, str]] = []
    regions: list[tuple[int, int, str]] = []  # discovered regions a discovered place lies in
    # a title-case headline's capitals prove nothing ("Why The X Talks Were Downgraded")
    prose = [
        (s.start, s.end)
        for s in article.segments_of(*PROSE)
        if not title_case(text[s.start : s.end])
    ]
    for start, end in prose:
        for a, b, source, role, iso in _found(article, kb, start, end):
            if text[b : b + 2] in ("’s", "'s") and source != "meeting-place":
                continue
            trimmed = _trim(text, a, b, kb)
            if trimmed is None:
                continue
            a, b = trimmed
            if b - a < 3:
                continue  # an initial or an abbreviation ("St" cut from its name)
            if re.match(_POSS, text[b : b + 2]) and not _venue_after(text, b):
                continue  # "talks in X's absence"
            if _speech_after(text, b, kb):
                continue
            name = text[a:b]
            region: str | None = None
            if venue_shaped(name):
                role = "venue"
            elif source == "meeting-place" and (found := _region_after(text, b, end, kb)):
                region = text[found[0] : found[1]]  # "talks in X, Y": X lies in Y
                if region not in _region_names(kb):
                    regions.append((found[0], found[1], region))
                role = f"{role or 'place'} in {region}"
            after = _country_after(kb).match(text, b)
            iso = iso or (_country_names(kb)[after.group("country")] if after else None)
            prior = names.get(name)
            if (
                prior is None
                or (prior[2] is None and iso)
                or (region and " in " not in (prior[1] or ""))
            ):
                names[name] = (
                    prior[0] if prior else source,
                    role if region else (prior[1] if prior else None) or role,
                    iso or (prior[2] if prior else None),
                )
            spans.append((a, b, name))
    for a, b, region in regions:  # "in X, Y": Y is a region, a place of its own
        names.setdefault(region, ("place-phrase", "region", None))
        spans.append((a, b, region))
    if not names:
        return
    for start, end in prose:  # every later use of a discovered place
        for m in re.finditer(rf"(?<![\w’'-])(?:{_alt(tuple(names))})(?![\w-])", text[start:end]):
            spans.append((start + m.start(), start + m.end(), m.group()))
    seen: set[tuple[int, int]] = set()
    for a, b, name in sorted(spans):
        if (a, b) in seen:
            continue
        seen.add((a, b))
        source, role, iso = names[name]
        eid = slug(name)
        if not eid or eid in kb.entities:
            continue
        yield Discovered(
            Candidate(a, b, eid, f"discovered:{source}", DISCOVERED),
            name,
            "location",
            role,
            iso,
            source,
        )


def _venue_after(text: str, end: int) -> bool:
    venue = _alt(place_words().venue_nouns)
    return bool(re.match(rf"{_POSS}?\s+(?:[A-Z][\w’'-]*\s+){{0,3}}(?i:{venue})\b", text[end:]))
