"""Stage `mentions`: every mention of a curated or discovered entity, with exact offsets.

Order: curated surfaces and title+given-name matches, then discovery (only where no curated
match is), then short references to the persons the article names in full, all resolved
together by the shared longest-leftmost policy (stages/spans.py).

One person, one id: names are compared by `name_key` (diacritics and case dropped, and these
transliteration variants folded per word: -iy/-yy/-yi/-ii -> -y, -ei -> -ey, -iak/-iuk ->
-yak/-yuk, -iia/-iya/-ya -> -ia (Yuliia, Yulia; Natalya, Natalia), -ii- -> -i- before a vowel,
x -> ks (Olexandr, Oleksandr), a Ukrainian h -> g initially before a vowel, r, n or l and
inside a word between a vowel or sonorant and a vowel or between a vowel and d (Honcharenko,
Goncharenko; Hryhoriy, Gryhoriy; Olha, Olga; Shmyhal, Shmygal; Bohdan, Bogdan; "kh", "sh", "zh"
kept)), so a discovered "Andriy
Sybiha" is the curated Andrii Sybiha, and two spellings of one discovered name in an article
are one entity (the first spelling's id).

Short references: a person's surname (last word) alone, compared by `name_key`
("Zelenskyy" after "Volodymyr Zelensky"); the first word instead when the article uses it alone
and never the last word (family name first: "Li" after "Li Hui"; "Sir Keir" after "Keir
Starmer"). A short reference shared by two persons of the article is nobody's. A person the
article names by one word only ("President Lopez") is that word alone elsewhere too, unless the
word belongs to someone named in full; a title before a given name ("Secretary of State Jane")
is the one person named in full with that first word (rule `title-given-name`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from talkspkg.document import Article
from talkspkg.kb import Entity, KnowledgeBase
from talkspkg.stages.candidates import (
    DISCOVERED,
    SURNAME,
    Candidate,
    markup_zones,
    prose_ranges,
)
from talkspkg.stages.discovery import (
    Discovered,
    discover_journalists,
    discover_people,
)
from talkspkg.stages.kbmatch import kb_candidates, surface_index
from talkspkg.stages.organizations import discover_ministries, discover_organizations
from talkspkg.stages.places import discover_places
from talkspkg.stages.spans import overlaps_any, resolve_overlaps
from talkspkg.textutil import slug

_WORD = re.compile(r"(?<![\w’'-])([^\W\d_][\w-]*(?:[’'](?![sS]\b)\w+)*)(?:[’'][sS])?(?![\w’'-])")
_FOLDS = (
    (re.compile(r"(?:iy|yy|yi|ii)$"), "y"),
    (re.compile(r"ei$"), "ey"),
    (re.compile(r"i(?=[au]k$)"), "y"),
    (re.compile(r"^h(?=[aeiouyrnl])"), "g"),
    (re.compile(r"(?<=[aeiouylrnm])h(?=[aeiouy])|(?<=[aeiouy])h(?=d)"), "g"),
    (re.compile(r"(?:ii|iy|y)a$"), "ia"),
    (re.compile(r"(?<=[^aeiou])ii(?=[aeou])"), "i"),
    (re.compile(r"x"), "ks"),
)


def name_key(name: str) -> str:
    """A person's name as compared for identity (see the module policy)."""
    words = []
    for word in slug(name).split("-"):
        for pattern, repl in _FOLDS:
            word = pattern.sub(repl, word)
        words.append(word)
    return " ".join(w for w in words if w)


@dataclass(frozen=True, slots=True)
class Mention:
    article_id: str
    start: int
    end: int
    text: str
    entity_id: str
    rule: str

    @property
    def mention_id(self) -> str:
        return f"{self.article_id}.{self.start}-{self.end}"


@dataclass(frozen=True)
class MentionResult:
    mentions: list[Mention]
    discovered: dict[str, Entity]  # entities discovered in this article, by id


def _discovered_entities(found: list[Discovered], kb: KnowledgeBase) -> dict[str, Entity]:
    entities: dict[str, Entity] = {}
    for d in found:
        eid = d.candidate.entity_id
        if eid in kb.entities:
            continue
        prior = entities.get(eid)
        if prior is None or (prior.entity_type == "journalist" and d.entity_type == "person"):
            entities[eid] = Entity(
                eid, d.name, d.entity_type, d.country, d.role, curated=False, source=d.source
            )
        elif prior.role is None and d.role:
            entities[eid] = Entity(
                eid,
                prior.name,
                prior.entity_type,
                prior.country or d.country,
                d.role,
                curated=False,
                source=prior.source,
            )
    return entities


@cache
def _surface_owners(kb: KnowledgeBase) -> dict[str, set[str]]:
    owners: dict[str, set[str]] = {}
    for surface, eid in surface_index(kb).owner.items():
        owners.setdefault(name_key(surface), set()).add(eid)
    return owners


def _alone(at: dict[str, list[tuple[int, int]]], key: str, spans: list[tuple[int, int]]) -> bool:
    """Some word of the prose with this name_key stands outside every full-name span."""
    return any(not overlaps_any(a, b, spans) for a, b in at.get(key, ()))


@cache
def _word_key(word: str) -> str:
    return name_key(word)


# the name_key of a person's surface or word of it: the same people recur from article to article
_surface_key = lru_cache(maxsize=1 << 16)(name_key)


def _surname_candidates(
    article: Article, kb: KnowledgeBase, people: dict[str, Entity], named: list[Candidate]
) -> list[Candidate]:
    owner = surface_index(kb).owner
    words = [
        (m.start(), m.end(1), m.group(1))
        for start, end in prose_ranges(article)
        for m in _WORD.finditer(article.text, start, end)
    ]
    full = sorted((c.start, c.end) for c in named)
    at: dict[str, list[tuple[int, int]]] = {}
    for a, b, w in words:
        if w[0].isupper():
            at.setdefault(_word_key(w), []).append((a, b))
    by_key: dict[str, set[str]] = {}
    for eid, entity in people.items():
        for surface in entity.surfaces:
            parts = surface.split()
            if len(parts) < 2 or not parts[-1][0].isupper() or len(parts[-1]) < 2:
                continue
            short = parts[-1]
            last, first = _surface_key(short), _surface_key(parts[0])
            if not _alone(at, last, full) and _alone(at, first, full):
                short = parts[0]  # family name first: the article uses the first word alone
            if len(short) >= 2 and (len(short) >= 3 or short == parts[0]):
                by_key.setdefault(_surface_key(short), set()).add(eid)
    in_full = {
        w for e in people.values() for s in e.surfaces if " " in s for w in _surface_key(s).split()
    }
    for eid, entity in people.items():  # "President Lopez" once, then "Lopez" alone
        key = _surface_key(entity.name)
        if not entity.curated and " " not in entity.name and len(key) >= 3 and key not in in_full:
            by_key.setdefault(key, {eid})
    owners = _surface_owners(kb)
    usable = {  # never steal another entity's surface
        key: next(iter(ids))
        for key, ids in by_key.items()
        if len(ids) == 1 and owners.get(key, ids) <= ids
    }
    found = []
    for i, (start, end, word) in enumerate(words):
        eid = usable.get(_word_key(word)) if word[0].isupper() else None
        if eid is not None and _continued(article.text, end, words[i + 1 : i + 2], full):
            continue  # "Mikhail Sorokinov" after "Mikhail Sorokin": another, longer name
        if eid is not None and owner.get(word, eid) == eid:
            found.append(Candidate(start, end, eid, "surname", SURNAME))
    return found


def _continued(
    text: str, end: int, following: list[tuple[int, int, str]], full: list[tuple[int, int]]
) -> bool:
    """The word is followed, after one space, by a capitalised word that no full name holds."""
    if not following:
        return False
    start, stop, word = following[0]
    return (
        start == end + 1
        and text[end] == " "
        and word[0].isupper()
        and word[1:].islower()
        and not overlaps_any(start, stop, full)
    )


@cache
def _curated_people(kb: KnowledgeBase) -> dict[str, str]:
    """name_key of every multi-word name and alias of a curated person -> its id."""
    return {
        name_key(surface): eid
        for surface, eid in surface_index(kb).owner.items()
        if " " in surface and kb.entities[eid].entity_type == "person"
    }


def _one_id_per_person(found: list[Discovered], kb: KnowledgeBase) -> list[Discovered]:
    """Discovered names that fold to a curated person's name or alias, or to an earlier
    discovered name of the article, take that entity's id."""
    curated = _curated_people(kb)
    first: dict[str, str] = {}
    out = []
    for d in sorted(found, key=lambda d: d.candidate.start):
        key = name_key(d.name)
        eid = curated.get(key) if " " in d.name else None
        eid = eid or first.setdefault(key, d.candidate.entity_id)
        if eid != d.candidate.entity_id:
            d = replace(d, candidate=replace(d.candidate, entity_id=eid))
        out.append(d)
    return out


_BEFORE_GIVEN = ("discovered:role-before-name", "discovered:honorific")  # "Sir Keir"


def _given_name(c: Candidate, text: str, named: list[Candidate]) -> Candidate:
    """A one-word name after a title or an honorific that is the first word of exactly one
    person the article names in full is theirs ("Secretary of State Jane" after "Jane Lopez";
    "Sir Keir" after "Keir Starmer")."""
    key = name_key(text[c.start : c.end])
    owners = {n.entity_id for n in named if name_key(text[n.start : n.end]).split()[0] == key}
    if c.rule in _BEFORE_GIVEN and len(owners) == 1:
        return replace(c, entity_id=next(iter(owners)), rule="title-given-name")
    return c


def _lend_roles(final: list[Candidate], singles: list[Candidate], found: dict[str, Entity]) -> None:
    """A discovered person named in full with no role takes the role and country of the first
    titled one-word mention that turned out theirs ("A B ... US President B")."""
    by_span = {(c.start, c.end): c.entity_id for c in final}
    for c in singles:
        owner = by_span.get((c.start, c.end))
        single, person = found.get(c.entity_id), found.get(owner or "")
        if single and person and owner != c.entity_id and single.role and not person.role:
            found[person.entity_id] = replace(
                person, role=single.role, country=person.country or single.country
            )


_NO_EVIDENCE = "short-reference"  # a discovered name found only by sharing a surname


def _yield_family_surnames(
    curated: list[Candidate], people: list[Discovered], kb: KnowledgeBase, text: str
) -> list[Candidate]:
    """A curated one-word surname inside another person's full name is not the curated person's
    ("Lara Trump said", "Ambassador Charles Kushner"): a discovered full name that ends with the
    surname and is no spelling of a curated name, found by its own evidence (a title, speech verb,
    appositive; not only by sharing the surname: "Inside Dmitriev's back channel"), its first
    word not starting like the curated person's given name. That name stays a discovered
    person, and the surname alone elsewhere is nobody's unless the article also names the
    curated person in full."""
    curated_names = _curated_people(kb)
    shared: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for d in people:
        words = d.name.split()
        if len(words) < 2 or d.source == _NO_EVIDENCE or name_key(d.name) in curated_names:
            continue
        span = (d.candidate.start, d.candidate.end)
        shared.setdefault((_word_key(words[-1]), words[0][:1].lower()), []).append(span)
    if not shared:
        return curated
    in_full = {c.entity_id for c in curated if " " in text[c.start : c.end]}
    out = []
    for c in curated:
        entity = kb.entities[c.entity_id]
        surface = text[c.start : c.end]
        if c.rule == "alias" and entity.entity_type == "person" and " " not in surface:
            key, initial = _word_key(surface), entity.name[:1].lower()
            spans = [
                span
                for (k, i), found in shared.items()
                if k == key and i != initial
                for span in found
            ]
            if spans and (c.entity_id not in in_full or overlaps_any(c.start, c.end, spans)):
                continue
        out.append(c)
    return out


_IN_NAMES = ("country", "location")  # curated types an institution's name may contain


def mentions(article: Article, kb: KnowledgeBase) -> MentionResult:
    zones = markup_zones(article.text)

    def clean(cands: list[Candidate]) -> list[Candidate]:
        return [c for c in cands if not overlaps_any(c.start, c.end, zones)]

    curated = [
        c
        for c in kb_candidates(article, kb)
        if c.rule == "handle" or not overlaps_any(c.start, c.end, zones)
    ]
    # a state or a place inside an institution's name ("Ukraine's defence ministry", "the Foreign
    # Ministry of Hungary", "the Kharkiv Human Rights Group") is part of that name
    ministries = list(discover_ministries(article, kb))
    organizations = [*discover_organizations(article, kb), *ministries]
    spans = [(d.candidate.start, d.candidate.end) for d in organizations]
    curated = [
        c
        for c in curated
        if getattr(kb.entities.get(c.entity_id), "entity_type", None) not in _IN_NAMES
        or not any(a <= c.start and c.end <= b and (a, b) != (c.start, c.end) for a, b in spans)
    ]
    discovered_people = list(discover_people(article, kb))
    curated = _yield_family_surnames(
        curated, [d for d in discovered_people if d.entity_type == "person"], kb, article.text
    )
    curated_zones = sorted((c.start, c.end) for c in curated)
    found = [
        d
        for d in [
            *discover_journalists(article, kb),
            *discovered_people,
            *organizations,
        ]
        if not overlaps_any(d.candidate.start, d.candidate.end, curated_zones)
        and not overlaps_any(d.candidate.start, d.candidate.end, zones)
    ]
    found = _one_id_per_person(found, kb)
    discovered = _discovered_entities(found, kb)
    first_pass = resolve_overlaps([*curated, *(d.candidate for d in found)])
    people: dict[str, Entity] = {}
    named: list[Candidate] = []
    for c in first_pass:
        entity = kb.entities.get(c.entity_id) or discovered.get(c.entity_id)
        if entity is not None and entity.entity_type == "person":
            people[c.entity_id] = entity
            if " " in article.text[c.start : c.end]:
                named.append(c)
    # a one-word discovered name that is a short reference of a fully named person is theirs
    first_pass = [
        c
        for c in first_pass
        if not (c.priority == DISCOVERED and " " not in article.text[c.start : c.end])
    ]
    surnames = clean(_surname_candidates(article, kb, people, named))
    singles = [
        _given_name(c, article.text, named)
        for c in resolve_overlaps([*curated, *(d.candidate for d in found)])
        if c.priority == DISCOVERED and " " not in article.text[c.start : c.end]
    ]
    # places last: a name the knowledge base, a person or an organisation holds is theirs
    held = [
        (c.start, c.end) for c in [*curated, *(d.candidate for d in found), *surnames, *singles]
    ]
    places = [
        d
        for d in discover_places(article, kb)
        if not overlaps_any(d.candidate.start, d.candidate.end, zones)
        and not any(a < d.candidate.end and d.candidate.start < b for a, b in held)
        and d.candidate.entity_id not in discovered
    ]
    for d in places:
        discovered.setdefault(
            d.candidate.entity_id,
            Entity(
                d.candidate.entity_id,
                d.name,
                "location",
                d.country,
                d.role,
                curated=False,
                source=d.source,
            ),
        )
    final = resolve_overlaps([*first_pass, *surnames, *singles, *(d.candidate for d in places)])
    _lend_roles(final, singles, discovered)
    used = {c.entity_id for c in final}
    return MentionResult(
        mentions=[
            Mention(
                article.article_id,
                c.start,
                c.end,
                article.text[c.start : c.end],
                c.entity_id,
                c.rule,
            )
            for c in final
        ],
        discovered={eid: e for eid, e in discovered.items() if eid in used},
    )
