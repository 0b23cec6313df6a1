"""Knowledge-base matching: every name, alias and metonym, case-sensitive and whole-word.

Handles policy: an @handle is a mention of a curated person when it spells that person's full
name (`@andrii_sybiha`, `@JohnHealey_MP`: underscores and camel case split, suffixes such as MP
dropped); other handles, URLs and markdown link targets are never mentions.

Metonymy policy (docs/knowledge.md): a capital that is also a country's metonym ("Washington",
"Moscow", "Kyiv") is the place when a locative word stands right before it ("in", "to", "visit")
or a meeting noun right after it ("the London talks"), or when it opens a dateline; otherwise it
is the government, i.e. the country entity ("Washington needed to see", "Moscow's claims").
A possessive capital is the government ("in Moscow's court") unless a place noun or a
capitalised name follows ("Kyiv's Podil district"). A capital inside a longer capitalised name
("Moscow State University") or before a noun that names a text or a framework after it ("the
Minsk agreements", "the Istanbul process", `named_after_place`) is no mention at all; nor is
any curated place there ("the Budapest Memorandum").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from talkspkg.document import Article
from talkspkg.kb import KnowledgeBase
from talkspkg.stages.candidates import CURATED, TITLE_GIVEN, Candidate, prose_ranges
from talkspkg.stages.trie import trie_pattern

_HANDLE = re.compile(r"@[A-Za-z0-9_\\]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_HANDLE_NOISE = frozenset({"mp", "official", "gov", "govt", "ua", "uk", "us", "ru", "real", "eu"})
_WORD_BEFORE = re.compile(r"(\w+)[ \t]*$")
_WORD_AFTER = re.compile(r"^[ \t]*(\w+)")
_DATELINE_AFTER = re.compile(r"^\s*(?:\(|[-–—:,/])")
_LINE_WORDS = re.compile(r"[^\W\d_][\w’'-]*")
_FOLLOWING = re.compile(r"(?P<poss>[’']s)?[ \t]+(?P<word>[^\W\d_][\w-]*)")
_CALENDAR = frozenset(
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)


@dataclass(frozen=True)
class SurfaceIndex:
    pattern: re.Pattern[str]
    owner: dict[str, str]
    metonym_of: dict[str, str]
    titles: re.Pattern[str] | None
    title_given: dict[tuple[str, str], str]
    person_names: dict[str, str]  # lower-cased multi-word person name or alias -> entity id


def _alternation(surfaces: set[str]) -> str:
    return trie_pattern(sorted(surfaces))


@cache
def surface_index(kb: KnowledgeBase) -> SurfaceIndex:
    owner: dict[str, str] = {}
    metonym_of: dict[str, str] = {}
    title_given: dict[tuple[str, str], str] = {}
    person_names: dict[str, str] = {}
    for entity in kb.entities.values():
        for surface in entity.surfaces:
            owner[surface] = entity.entity_id
            if entity.entity_type == "person" and " " in surface:
                person_names[surface.lower()] = entity.entity_id
        for metonym in entity.metonyms:
            metonym_of[metonym] = entity.entity_id
        if entity.entity_type == "person" and " " in entity.name:
            given = entity.name.split()[0]
            for title in entity.titles:
                title_given[(title, given)] = entity.entity_id
    pattern = re.compile(rf"(?<!\w)(?:{_alternation(set(owner) | set(metonym_of))})(?!\w)")
    titles = {t for t, _ in title_given}
    title_re = (
        re.compile(rf"(?<!\w)({_alternation(titles)})\s+(\w[\w’'-]*)(?!\w)(?![ \t]+[A-Z])")
        if titles
        else None
    )
    return SurfaceIndex(pattern, owner, metonym_of, title_re, title_given, person_names)


def handle_person(handle: str, index: SurfaceIndex) -> str | None:
    """`@andrii\\_sybiha`, `@JohnHealey_MP` -> the curated person whose full name it spells."""
    words = [
        w
        for part in handle.lstrip("@").replace("\\", "").split("_")
        for w in _CAMEL.split(part)
        if w and w.lower() not in _HANDLE_NOISE
    ]
    return index.person_names.get(" ".join(words).lower()) if len(words) >= 2 else None


def title_case(line: str) -> bool:
    """A headline written in title case, where a capitalised word proves nothing."""
    words = _LINE_WORDS.findall(line)
    return len(words) >= 3 and not any(len(w) >= 4 and w[0].islower() for w in words)


def _capital_reading(text: str, end: int, kb: KnowledgeBase, titled: bool) -> str | None:
    """ "none" (part of a longer name), "government" (possessive), "place", or None (undecided)
    from what follows a capital."""
    follow = _FOLLOWING.match(text, end)
    if follow is None:
        return None
    word = follow.group("word")
    if follow.group("poss"):
        if word and (word[0].isupper() or word.lower() in kb.lexicon.possessive_place_nouns):
            return "place"
        return "government"
    if word.lower() in kb.lexicon.named_after_place:
        return "none"
    if (
        not titled
        and word[:1].isupper()
        and not word.isupper()
        and word not in _CALENDAR
        and word.lower() not in kb.lexicon.locative_after
    ):
        return "none"  # "Moscow State University"
    return None


def _names_a_text(text: str, end: int, kb: KnowledgeBase) -> bool:
    """A noun naming a text or a framework after it (`named_after_place`)."""
    follow = _FOLLOWING.match(text, end)
    return (
        follow is not None
        and not follow.group("poss")
        and follow.group("word").lower() in kb.lexicon.named_after_place
    )


def _is_place_context(text: str, start: int, end: int, line_start: int, kb: KnowledgeBase) -> bool:
    before = _WORD_BEFORE.search(text, line_start, start)
    if before and before.group(1).lower() in kb.lexicon.locative_before:
        return True
    after = _WORD_AFTER.match(text[end : end + 40])
    if after and after.group(1).lower() in kb.lexicon.locative_after:
        return True
    return text[line_start:start].strip() == "" and bool(_DATELINE_AFTER.match(text[end : end + 3]))


def kb_candidates(article: Article, kb: KnowledgeBase) -> Iterator[Candidate]:
    """Every match of a curated surface in the article's prose lines."""
    index = surface_index(kb)
    text = article.text
    for line_start, line_end in prose_ranges(article):
        titled = title_case(text[line_start:line_end])
        for m in index.pattern.finditer(text, line_start, line_end):
            surface = m.group()
            owner = index.owner.get(surface)
            country = index.metonym_of.get(surface)
            if country is None:
                assert owner is not None
                if kb.entities[owner].entity_type == "location" and _names_a_text(
                    text, m.end(), kb
                ):
                    continue  # "the Istanbul process", "the Budapest Memorandum"
                rule = "name" if kb.entities[owner].name == surface else "alias"
                yield Candidate(m.start(), m.end(), owner, rule, CURATED)
            elif (reading := _capital_reading(text, m.end(), kb, titled)) == "none":
                continue
            elif reading == "government":
                yield Candidate(m.start(), m.end(), country, "metonym", CURATED)
            elif reading == "place" or _is_place_context(text, m.start(), m.end(), line_start, kb):
                yield Candidate(m.start(), m.end(), owner or country, "place", CURATED)
            else:
                yield Candidate(m.start(), m.end(), country, "metonym", CURATED)
        for m in _HANDLE.finditer(text, line_start, line_end):
            person = handle_person(m.group(), index)
            if person:
                yield Candidate(m.start(), m.end(), person, "handle", CURATED)
        if index.titles is not None:
            for m in index.titles.finditer(text, line_start, line_end):
                eid = index.title_given.get((m.group(1), m.group(2)))
                if eid:
                    yield Candidate(m.start(2), m.end(2), eid, "title-given-name", TITLE_GIVEN)
