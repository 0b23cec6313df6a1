"""What the meetings stage knows about one article while it reads it: text, entities, words."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from talkspkg.document import Article
from talkspkg.kb import Entity, KnowledgeBase
from talkspkg.stages.meetings.vocab import Vocab
from talkspkg.stages.mentions import Mention, MentionResult
from talkspkg.textutil import slug

# a word of a title before a name, read backwards from the name
_TITLE_WORD = re.compile(r"[A-Za-z][\w.’'-]*")


@dataclass
class ArticleContext:
    article: Article
    kb: KnowledgeBase
    found: MentionResult
    vocab: Vocab
    _starts: list[int] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        self.mentions: list[Mention] = sorted(self.found.mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]

    @property
    def text(self) -> str:
        return self.article.text

    def entity(self, entity_id: str) -> Entity | None:
        return self.kb.entities.get(entity_id) or self.found.discovered.get(entity_id)

    def etype(self, m: Mention) -> str | None:
        entity = self.entity(m.entity_id)
        return entity.entity_type if entity else None

    def mentions_in(self, start: int, end: int, *types: str) -> list[Mention]:
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            m = self.mentions[i]
            if m.end <= end and (not types or self.etype(m) in types):
                out.append(m)
            i += 1
        return out

    @cached_property
    def country_by_iso(self) -> dict[str, str]:
        """ISO alpha-2 -> the curated country entity (for demonyms like "Ukrainian")."""
        return {
            e.country: e.entity_id
            for e in sorted(self.kb.entities.values(), key=lambda e: e.entity_id)
            if e.entity_type == "country" and e.country
        }

    @cached_property
    def _metonyms(self) -> dict[str, str]:
        return {
            name: e.entity_id
            for e in sorted(self.kb.entities.values(), key=lambda e: e.entity_id)
            if e.entity_type == "country"
            for name in e.metonyms
        }

    def capital_of(self, name: str) -> str | None:
        """The country a capital's name stands for as a metonym ("Moscow" -> russia)."""
        return self._metonyms.get(name)

    @cached_property
    def speech_verbs(self) -> frozenset[str]:
        shared = frozenset(v.lower() for v in self.kb.speech_verbs if " " not in v)
        return self.vocab.speech_verbs | self.kb.lexicon.name_speech_verbs | shared

    @cached_property
    def role_words(self) -> frozenset[str]:
        lex = self.kb.lexicon
        return lex.role_words | lex.role_modifiers | frozenset({"to", "for", "of", "the"})

    def state_of(self, entity_id: str) -> str | None:
        """The state a party acts for: a country itself; a person's country, else (for a
        person the annotator discovered with no country) the country their title names where
        the article names them ("Finnish President A B", "U.S President B", "Secretary of State
        B": the office's holder in the knowledge base acts for the US)."""
        entity = self.entity(entity_id)
        if entity is None or entity.entity_type not in ("country", "person"):
            return None
        if entity.entity_type == "country":
            return entity_id
        if entity.country:
            return self.country_by_iso.get(entity.country)
        return self._titled_states.get(entity_id)

    @cached_property
    def _titled_states(self) -> dict[str, str]:
        """Discovered person -> the one state the titles before their mentions name."""
        found: dict[str, set[str]] = {}
        for m in self.mentions:
            entity = self.found.discovered.get(m.entity_id)
            if entity is None or entity.entity_type != "person" or entity.country:
                continue
            iso = self._title_country(m.start)
            if iso and iso in self.country_by_iso:
                found.setdefault(m.entity_id, set()).add(self.country_by_iso[iso])
        return {eid: next(iter(states)) for eid, states in found.items() if len(states) == 1}

    def _title_country(self, pos: int) -> str | None:
        """The ISO code the title right before `pos` names: a demonym or country name among
        the title's words ("Ukraine Foreign Minister", "Finnish President"), else a
        knowledge-base title of one country's office standing alone ("Secretary of State";
        not "Austrian Chancellor")."""
        line = self.text.rfind("\n", 0, pos) + 1
        before = self.text[max(line, pos - 80) : pos]
        lex = self.kb.lexicon
        for word in reversed(_TITLE_WORD.findall(before)):
            bare = re.sub(r"['’]s$", "", word)
            iso = lex.demonyms.get(bare) or self._country_names.get(bare.rstrip("."))
            if iso:
                return iso
            if word.lower().rstrip(".") not in self.role_words:
                break  # the title ended: a word that is no part of it
        for title, iso in self._office_titles:
            if before.endswith(title + " "):
                lead = _TITLE_WORD.findall(before[: -len(title) - 1])
                if not lead or not lead[-1][:1].isupper():
                    return iso
        return None

    @cached_property
    def _office_titles(self) -> list[tuple[str, str]]:
        """Titles of the knowledge base's office-holders with the country they serve, longest
        first; a title two countries share is no evidence."""
        by_title: dict[str, set[str]] = {}
        for e in self.kb.entities.values():
            if e.entity_type == "person" and e.country:
                for title in (t for t in e.titles if " " in t):  # "Chancellor": many have one
                    by_title.setdefault(title, set()).add(e.country)
        return sorted(
            ((t, next(iter(c))) for t, c in by_title.items() if len(c) == 1),
            key=lambda tc: (-len(tc[0]), tc[0]),
        )

    def state_named(self, word: str) -> str | None:
        """The country entity a demonym, a country's name or a capital's names ("Ukrainian",
        "US", "Kyiv")."""
        iso = self.kb.lexicon.demonyms.get(word) or self._country_names.get(word.rstrip("."))
        return self.country_by_iso.get(iso) if iso else self.capital_of(word)

    @cached_property
    def _country_names(self) -> dict[str, str]:
        """A country's name and aliases ("Ukraine", "U.S", "US") -> its ISO code."""
        out: dict[str, str] = {}
        for e in sorted(self.kb.entities.values(), key=lambda e: e.entity_id):
            if e.entity_type == "country" and e.country:
                for name in e.surfaces:
                    out.setdefault(name.rstrip("."), e.country)
        return out

    def region_of(self, entity: Entity) -> str | None:
        """The location a place lies in, as its role names it ("city in Alaska, ..."): alaska."""
        role = entity.role or ""
        found = re.search(r"\bin\s+([A-Z][\w .'-]*?)(?:,|$)", role)
        if found is None:
            return None
        name = found.group(1).strip()
        if name in self._locations:
            return self._locations[name]
        region = self.found.discovered.get(slug(name))  # a discovered region ("X, Y")
        return region.entity_id if region and region.entity_type == "location" else None

    @cached_property
    def _locations(self) -> dict[str, str]:
        return {
            e.name: e.entity_id
            for e in sorted(self.kb.entities.values(), key=lambda e: e.entity_id)
            if e.entity_type == "location"
        }

    @cached_property
    def place_kinds(self) -> frozenset[str]:
        """Kinds of place before "of" and a place's name ("the resort town of X")."""
        from talkspkg.stages.places import place_words

        return frozenset(place_words().place_kinds)

    def is_city(self, entity: Entity) -> bool:
        """A curated city, capital or state, or a place discovered from a place slot that is
        not a venue ("Joint Base X", "X Lodge")."""
        if entity.entity_type == "location" and not entity.curated:
            return entity.role != "venue"
        role = re.findall(r"[a-z]+", (entity.role or "").lower())
        return entity.entity_type == "location" and bool(set(role) & self.vocab.city_roles)

    def is_venue(self, entity: Entity) -> bool:
        if not entity.curated:
            return entity.entity_type == "location" and entity.role == "venue"
        role = re.findall(r"[a-z]+", (entity.role or "").lower())
        return entity.entity_type == "location" and bool(role) and role[0] in self.vocab.venue_roles
