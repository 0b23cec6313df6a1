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

    def region_of(self, entity: Entity) -> str | None:
        """The location a place lies in, as its role names it ("city in Alaska, ..."): alaska."""
        role = entity.role or ""
        found = re.search(r"\bin\s+([A-Z][\w .'-]*?)(?:,|$)", role)
        if found is None:
            return None
        return self._locations.get(found.group(1).strip())

    @cached_property
    def _locations(self) -> dict[str, str]:
        return {
            e.name: e.entity_id
            for e in sorted(self.kb.entities.values(), key=lambda e: e.entity_id)
            if e.entity_type == "location"
        }

    def is_city(self, entity: Entity) -> bool:
        role = re.findall(r"[a-z]+", (entity.role or "").lower())
        return entity.entity_type == "location" and bool(set(role) & self.vocab.city_roles)

    def is_venue(self, entity: Entity) -> bool:
        role = re.findall(r"[a-z]+", (entity.role or "").lower())
        return entity.entity_type == "location" and bool(role) and role[0] in self.vocab.venue_roles
