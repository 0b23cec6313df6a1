"""Stage `mentions`: every mention of a curated or discovered entity, with exact offsets.

Order: curated surfaces and title+given-name matches, then discovery (only where no curated
match is), then surname-only references to the persons the article names in full, all resolved
together by the shared longest-leftmost policy (stages/spans.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from talkspkg.document import Article
from talkspkg.kb import Entity, KnowledgeBase
from talkspkg.stages.candidates import SURNAME, Candidate, markup_zones, prose_ranges
from talkspkg.stages.discovery import Discovered, discover_journalists, discover_people
from talkspkg.stages.kbmatch import kb_candidates, surface_index
from talkspkg.stages.spans import overlaps_any, resolve_overlaps


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


def _surname_candidates(
    article: Article, kb: KnowledgeBase, people: dict[str, Entity]
) -> list[Candidate]:
    owner = surface_index(kb).owner
    by_surname: dict[str, set[str]] = {}
    for eid, entity in people.items():
        for full in entity.surfaces:
            parts = full.split()
            if len(parts) >= 2 and len(parts[-1]) >= 3 and parts[-1][0].isupper():
                by_surname.setdefault(parts[-1], set()).add(eid)
    usable: dict[str, str] = {}
    for surname, ids in by_surname.items():
        if len(ids) == 1:
            (eid,) = ids
            if owner.get(surname, eid) == eid:  # never steal another entity's surface
                usable[surname] = eid
    if not usable:
        return []
    pattern = re.compile(
        rf"(?<!\w)(?:{'|'.join(map(re.escape, sorted(usable, key=len, reverse=True)))})(?!\w)"
    )
    found = []
    for start, end in prose_ranges(article):
        for m in pattern.finditer(article.text, start, end):
            found.append(Candidate(m.start(), m.end(), usable[m.group()], "surname", SURNAME))
    return found


def mentions(article: Article, kb: KnowledgeBase) -> MentionResult:
    zones = markup_zones(article.text)

    def clean(cands: list[Candidate]) -> list[Candidate]:
        return [c for c in cands if not overlaps_any(c.start, c.end, zones)]

    curated = [
        c
        for c in kb_candidates(article, kb)
        if c.rule == "handle" or not overlaps_any(c.start, c.end, zones)
    ]
    curated_zones = sorted((c.start, c.end) for c in curated)
    found = [
        d
        for d in [*discover_journalists(article, kb), *discover_people(article, kb)]
        if not overlaps_any(d.candidate.start, d.candidate.end, curated_zones)
        and not overlaps_any(d.candidate.start, d.candidate.end, zones)
    ]
    discovered = _discovered_entities(found, kb)
    first_pass = resolve_overlaps([*curated, *(d.candidate for d in found)])
    people: dict[str, Entity] = {}
    for c in first_pass:
        entity = kb.entities.get(c.entity_id) or discovered.get(c.entity_id)
        if entity is not None and entity.entity_type == "person":
            people[c.entity_id] = entity
    surnames = clean(_surname_candidates(article, kb, people))
    final = resolve_overlaps([*first_pass, *surnames])
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
