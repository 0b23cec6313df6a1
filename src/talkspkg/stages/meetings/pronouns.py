"""Whom a personal pronoun in an encounter's slot names: the one person the text before it names.

Policy (precision first: one candidate or nobody, never the nearest of several):

* "He"/"She" opening a sentence (patterns.py) is the one person the sentence before names.
* "him"/"her" as the object of a verb of meeting or receiving ("Erdogan welcomed him at the
  palace", "A arrived in C, where B received him", "B met her for an hour") is the one person
  the sentence names before the verb other than its subject; when it names nobody else, the one
  person the sentence before names (not the subject either, nor a spokesperson: "Peskov said
  ... Putin received him" is not Peskov). "her" followed by a noun is a possessive ("met her
  counterpart"), no pronoun.
"""

from __future__ import annotations

import re

from talkspkg.stages.meetings.context import ArticleContext
from talkspkg.stages.mentions import Mention

SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z\"“])")
# "him", or "her" not followed by a word it qualifies ("her counterpart")
OBJECT_PRONOUN = re.compile(
    r"\s+(?:him|her(?=\s*(?:[,.;:]|$|\s+(?:at|in|on|for|to|during|with|and|after|before|"
    r"as|when|while|last|this|next|early|late|later|shortly|briefly|again)\b)))\b",
    re.I,
)


def one_person_before(ctx: ArticleContext, start: int) -> list[Mention]:
    """ "He"/"She" opening the sentence at `start`: the person the sentence before it names,
    when it names exactly one ("Wang Yi arrived in Ankara on Tuesday. He met Fidan"); else
    nobody."""
    persons = persons_before(ctx, start)
    return persons if len(persons) == 1 else []


def persons_before(ctx: ArticleContext, start: int) -> list[Mention]:
    """The persons (one mention each) the sentence before the one at `start` names: in its
    paragraph, or, when it opens a paragraph, the last sentence of the one before (not a
    heading or a caption)."""
    span = previous_sentence(ctx, start)
    if span is None:
        return []
    found = ctx.mentions_in(*span, "person")
    return list({m.entity_id: m for m in reversed(found)}.values())[::-1]


def previous_sentence(ctx: ArticleContext, start: int) -> tuple[int, int] | None:
    """The span of the sentence before the one at `start` (see persons_before)."""
    text = ctx.text
    para = text.rfind("\n", 0, start) + 1
    if not text[para:start].strip():  # it opens its paragraph: the last sentence before it
        end = len(text[:para].rstrip())
        if not text[:end].endswith((".", '"', "”")):
            return None  # a heading or a caption, no sentence
        para = text.rfind("\n", 0, end) + 1
        ends = [m.end() for m in SENTENCE_END.finditer(text, para, end)]
        return next((e for e in reversed(ends) if e < end - 1), para), end
    ends = [m.end() for m in SENTENCE_END.finditer(text, para, max(para, start - 1))]
    return (ends[-2] if len(ends) >= 2 else para), start


def traveller_before(ctx: ArticleContext, start: int) -> list[Mention]:
    """The one person the sentence before the one at `start` names, when that sentence tells
    their trip ("A flew to Miami on Saturday."): who "A meeting with B followed" is B's
    counterpart of; else nobody."""
    span = previous_sentence(ctx, start)
    persons = persons_before(ctx, start)
    if span is None or len(persons) != 1:
        return []
    (p,) = persons
    first = min(m.start for m in ctx.mentions_in(*span, "person") if m.entity_id == p.entity_id)
    trip = ctx.vocab.weak.search(ctx.text, first, span[1])
    if trip is None or len(re.findall(r"[\w’'-]+", ctx.text[first : trip.start()])) > 8:
        return []
    return [p]


def object_referent(ctx: ArticleContext, start: int, verb_end: int) -> list[Mention]:
    """The one person "him"/"her" right after the verb ending at `verb_end` names, in the
    sentence starting at `start` (see the policy); [] when there is no such pronoun."""
    if OBJECT_PRONOUN.match(ctx.text, verb_end) is None:
        return []
    before = ctx.mentions_in(start, verb_end, "person")
    subject = before[-1].entity_id if before else None
    others = {m.entity_id: m for m in before if m.entity_id != subject}
    if len(others) == 1:
        return list(others.values())
    if others:
        return []
    before_sentence = one_person_before(ctx, start)
    return [m for m in before_sentence if m.entity_id != subject and not spokesperson(ctx, m)]


_SPOKES = re.compile(r"spokes(?:man|woman|person)|press\s+secretary|\bspeaker\b", re.I)


def spokesperson(ctx: ArticleContext, m: Mention) -> bool:
    """A person whose office is to speak for others (the knowledge base's role, or the title
    right before the name): "Kremlin spokesman Dmitry Peskov"."""
    entity = ctx.entity(m.entity_id)
    role = entity.role if entity is not None and entity.role else ""
    return bool(_SPOKES.search(role) or _SPOKES.search(ctx.text, max(0, m.start - 40), m.start))
