"""One article prepared for attribution: quotations, sentences, references, and the lookups
that reach beyond a sentence (pronouns, "the statement", "the spokesperson").

Antecedent policies
- he/she: the most recent person the article's prose names before the pronoun, outside
  quotation marks (no gender is known, so none is checked).
- it: the most recent organization or country named earlier in the same paragraph ("Ukraine
  drafted a paper ... in which it said").
- they/we/I outside quotation marks: unnamed (no entity).
- a description ("the Finnish leader", "the president"): the most recent person named before it
  whose country is the description's demonym, or, without a demonym, whose role contains the
  office noun; unnamed when there is none.
- "the spokesperson" (a voice noun without an entity): the speaker of the most recent quotation
  attributed through a voice noun.
- "the statement" (a document): the speaker of the most recent quotation whose channel is the
  document's channel, else the speaker of the most recent such cue in the prose before it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from talkspkg.document import Article, Segment
from talkspkg.kb import Entity, KnowledgeBase
from talkspkg.stages.mentions import MentionResult
from talkspkg.stages.quotes.cues import Cue, QuoteCues, closing_cue_at, cue_at
from talkspkg.stages.quotes.detect import QuoteSpan, body_paragraphs
from talkspkg.stages.quotes.speaker import Grammar
from talkspkg.stages.quotes.text import Ref, Sentence, references, sentences

_POSSESSIVE = ("'s", "’s", "' ", "’ ")


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a quotation is attributed to, and how. Offsets are into the article text."""

    rule: str
    resolution: str
    speaker_id: str | None = None
    speaker: tuple[int, int] | None = None
    cue: tuple[int, int] | None = None
    channel: str = "unknown"
    head: str | None = None  # "voice" when a voice noun named the speaker (for anaphora)
    by_cue: bool = False  # attributed by a speech cue of the quotation's own sentence
    weight: float = 1.0  # certainty of the discourse model's antecedent (stages/quotes/discourse)

    def inherited(self, rule: str) -> Attribution:
        return Attribution(
            rule,
            self.resolution,
            self.speaker_id,
            self.speaker,
            self.cue,
            self.channel,
            self.head,
            False,
            self.weight,
        )


@dataclass
class Context:
    article: Article
    cues: QuoteCues
    grammar: Grammar
    spans: list[QuoteSpan]
    sentences: list[Sentence]
    where: list[tuple[int, int]]  # per quotation: (sentence index, token index of its QUOTE)
    prose_refs: list[Ref]
    addressees: dict[str, str]  # organization entity id -> channel when addressed
    entities: dict[str, Entity]
    results: list[Attribution | None] = field(default_factory=list)
    subjects: dict[int, Any] = field(default_factory=dict)  # sentence -> discourse.Subject
    genders: dict[str, str] | None = None  # person -> "f"/"m", stages/quotes/gender.py
    _cues: dict[int, list[Cue]] = field(default_factory=dict)
    kb: KnowledgeBase | None = None  # for the dated title resolver (talkspkg/titles.py)
    profiles: list[tuple[int, str, frozenset[str]]] | None = None  # stages/quotes/profile.py

    @cached_property
    def paragraph_sentences(self) -> dict[int, list[Sentence]]:
        """The sentences of each paragraph, in order (one pass, for per-paragraph tests)."""
        out: dict[int, list[Sentence]] = {}
        for sent in self.sentences:
            out.setdefault(sent.paragraph, []).append(sent)
        return out

    @cached_property
    def journalist_surnames(self) -> dict[str, int]:
        """The surname of every journalist named in prose -> the first offset naming them (one
        pass: looked up per capitalised word by discourse._interviewer)."""
        first: dict[str, int] = {}
        for r in self.prose_refs:
            if r.entity_type == "journalist" and r.entity_id in self.entities:
                surname = self.entities[r.entity_id].name.split()[-1]
                first[surname] = min(first.get(surname, r.start), r.start)
        return first

    def cues_of(self, s: int) -> list[Cue]:
        if s not in self._cues:
            self._cues[s] = self._find_cues(s)
        return self._cues[s]

    def _find_cues(self, s: int) -> list[Cue]:
        tokens = self.sentences[s].tokens
        found, i = [], 0
        while i < len(tokens):
            cue = cue_at(self.cues, tokens, i, self.addressees) or closing_cue_at(
                self.cues, tokens, i
            )
            if cue is not None:
                found.append(cue)
                i = cue.last + 1
            else:
                i += 1
        return found

    def person_before(
        self, pos: int, country: str | None = None, office: str | None = None
    ) -> str | None:
        """Possessives are skipped: in "Lavrov rejected Trump’s plan and what he called ..."
        the pronoun is Lavrov."""
        text = self.article.text
        i = bisect.bisect_left([r.start for r in self.prose_refs], pos)
        for ref in reversed(self.prose_refs[:i]):
            if ref.entity_type != "person" or text.startswith(_POSSESSIVE, ref.end):
                continue
            entity = self.entities.get(ref.entity_id)
            if country and (entity is None or entity.country != country):
                continue
            if (
                office
                and not country
                and (entity is None or office not in (entity.role or "").lower())
            ):
                continue
            return ref.entity_id
        return None

    def country_entity(self, iso: str) -> str | None:
        """The country entity of an ISO code (demonyms give codes)."""
        found = sorted(
            e.entity_id
            for e in self.entities.values()
            if e.entity_type == "country" and e.country == iso
        )
        return found[0] if len(found) == 1 else None

    def canonical(self, entity_id: str | None) -> str | None:
        """A person discovered under one word ("Sir Keir" -> "Keir") is the one person the
        article names in full with that word in their name, if there is exactly one."""
        entity = self.entities.get(entity_id or "")
        if entity is None or entity.curated or entity.entity_type != "person":
            return entity_id
        if " " in entity.name.strip():
            return entity_id
        fuller = {
            r.entity_id
            for r in self.prose_refs
            if r.entity_type == "person"
            and r.entity_id != entity_id
            and entity.name in self.entities[r.entity_id].name.split()
        }
        return fuller.pop() if len(fuller) == 1 else entity_id

    def thing_before(self, pos: int, paragraph: int) -> str | None:
        """The last entity of the paragraph before `pos` that is no person, for "it said"; a
        place after a preposition ("the embassy in London") is no speaker and none."""
        seg = body_paragraphs(self.article)[paragraph]
        text = self.article.text
        for ref in reversed(self.prose_refs):
            if seg.start <= ref.start and ref.end <= pos and ref.entity_type != "person":
                before = text[max(seg.start, ref.start - 12) : ref.start].split()
                after_preposition = bool(before) and before[-1] in self.cues.prepositions
                if ref.entity_type == "location" and after_preposition:
                    return None
                return ref.entity_id
        return None

    def previous_voice(self) -> str | None:
        for done in reversed(self.results):
            if done is not None and done.head == "voice" and done.speaker_id:
                return done.speaker_id
        return None

    def issuer(self, channel: str) -> str | None:
        for done in reversed(self.results):
            if done is not None and done.channel == channel and done.speaker_id:
                return done.speaker_id
        return None


def build(
    article: Article,
    kb: KnowledgeBase,
    found: MentionResult,
    cues: QuoteCues,
    spans: list[QuoteSpan],
) -> Context:
    text = article.text
    refs = sorted(references(article, kb, found), key=lambda r: (r.start, r.end))
    inside = sorted((q.mark_start, q.mark_end) for q in spans)
    body = body_paragraphs(article)
    all_sentences: list[Sentence] = []
    by_segment: dict[int, list[tuple[int, QuoteSpan]]] = {}
    for n, q in enumerate(spans):
        by_segment.setdefault(q.segment, []).append((n, q))
    for p, seg in enumerate(body):
        all_sentences += sentences(text, seg, p, by_segment.get(p, []), refs, cues)
    where: list[tuple[int, int]] = [(-1, -1)] * len(spans)
    for s, sent in enumerate(all_sentences):
        for k, tok in enumerate(sent.tokens):
            if tok.quote is not None:
                where[tok.quote] = (s, k)
    starts = [seg.start for seg in body]
    prose_refs = [r for r in refs if _in_prose(r, body, starts, inside)]
    entities = {**kb.entities, **found.discovered}
    addressees = {
        eid: channel
        for eid, e in entities.items()
        if e.entity_type == "organization" and e.role
        for word, channel in reversed(cues.addressee_roles)
        if word in e.role.lower()
    }
    return Context(
        article,
        cues,
        Grammar(cues),
        spans,
        all_sentences,
        where,
        prose_refs,
        addressees,
        entities,
        kb=kb,
    )


def _in_prose(
    r: Ref, body: list[Segment], starts: list[int], inside: list[tuple[int, int]]
) -> bool:
    """Inside a body paragraph and not inside quotation marks (both sorted and disjoint)."""
    i = bisect.bisect_right(starts, r.start) - 1
    if i < 0 or r.end > body[i].end:
        return False
    j = bisect.bisect_right(inside, (r.start, float("inf"))) - 1
    return not (j >= 0 and inside[j][0] <= r.start < inside[j][1])
