"""Sentence subjects the discourse model resolves to a person, for the other stages to read.

The discourse model (discourse.py) reads the subject of every sentence of the prose, not only of
those that attribute a quotation: "The Kremlin leader insisted that ...", "He also demanded
...", "The Ukrainian minister said ...". A stage that needs who acts in a clause (the proposals
stage: who proposes, who rejects) reads these referents instead of resolving pronouns and
descriptions a second way: one discourse model for the whole annotator.

Only phrases that do not name their person are listed (a pronoun, a description, a title or a
role: a name is a mention already), and only when the model resolves them to one person. The
weight is the model's certainty of the antecedent (the discourse weights of quote_cues.yaml):
a pronoun or description whose antecedent two sources agree on weighs more than one found by a
single source; a title or role resolved through the knowledge base's dated titles weighs
TITLE_WEIGHT.
"""

from __future__ import annotations

from dataclasses import dataclass

from talkspkg.stages.quotes import discourse
from talkspkg.stages.quotes.context import Context

KINDS = ("pronoun", "description", "title", "role")
TITLE_WEIGHT = 0.9  # a title or role the dated title resolver answered (titles.py)


@dataclass(frozen=True, slots=True)
class Referent:
    """The subject phrase start-end of a sentence, resolved to the person `entity_id`."""

    start: int
    end: int
    entity_id: str
    weight: float


def referents(ctx: Context) -> list[Referent]:
    """Every sentence subject of the article's prose that names no person but designates one,
    in text order."""
    found: list[Referent] = []
    for s, sentence in enumerate(ctx.sentences):
        phrase = discourse.subject_phrase(ctx, s)
        if phrase is None or phrase.kind not in KINDS:
            continue
        subject = discourse.subject(ctx, s)
        if subject is None or subject.sort != discourse.PERSON or subject.entity_id is None:
            continue
        if subject.persons:  # "A and B met": no one person
            continue
        tokens = sentence.tokens
        start, end = tokens[phrase.first].start, tokens[phrase.last].end
        if start != subject.start:  # the subject is another phrase (a named source)
            continue
        weight = TITLE_WEIGHT
        if phrase.kind == "pronoun":
            weight = discourse.pronoun(ctx, s, start)[1]
        elif phrase.kind == "description":
            weight = discourse.description(ctx, s, start, phrase.country, phrase.head)[1]
        found.append(Referent(start, end, subject.entity_id, weight))
    return found
