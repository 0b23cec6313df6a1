"""Speaker phrases: the noun phrase next to a cue, and what it designates.

A speaker phrase is built around a *core* token (an entity mention, a "the <title>" reference, a
speaker noun such as "spokesperson" or "officials", a document such as "the statement", or a
pronoun) and extends over capitalised words, mentions, possessives, determiners, role modifiers
and prepositional complements ("a spokesperson for Britain's Foreign, Commonwealth and
Development Office"), and back over up to PREMODIFIERS plain lower-case words to a "the" ("the
former spy chief"). No parser is involved: the phrase ends at punctuation, a quotation or any
other lower-case word.

Reading a phrase (`classify`), first match wins:
1. a person named in it, not as a possessive ("Zelenskyy’s chief of staff" names nobody) and not
   inside the complement of a speaker noun ("an aide to Zelensky" is not Zelensky);
2. a voice noun ("spokesperson", "press service") speaks for its principal: the entity in its
   complement, else the entity before it ("The Élysée spokesperson") -> resolution `role`;
   without an entity, "the spokesperson" is an anaphor, "a spokesperson" is unnamed;
3. any other speaker noun ("a U.S. official", "three diplomats") -> unnamed, no entity; but a
   definite office noun ("the Finnish leader", "the president") is a description, resolved by
   the caller to a person named before (anonymity nouns such as "the official" never are);
4. an organization or country ("the Foreign Office", "The Kremlin") -> that entity, the one
   before a prepositional complement ("the Russian embassy in Pretoria" is the embassy);
5. a document ("the statement") -> its issuer, resolved by the caller;
6. a pronoun -> resolved by the caller; 7. capitalised words alone -> unnamed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from talkspkg.stages.quotes.cues import QuoteCues
from talkspkg.stages.quotes.text import SPEAKER_TYPES, Token

AGE = re.compile(r"(\d{1,3})-year-old")


@dataclass(frozen=True, slots=True)
class Phrase:
    """A speaker phrase [first, last] (token indices) and how it designates its speaker."""

    first: int
    last: int
    kind: str  # name, title, role, anaphor, description, unnamed, document, pronoun
    entity_id: str | None = None
    head: str | None = None  # the speaker noun, for "the spokesperson said" anaphora
    word: str | None = None  # the pronoun or document word
    country: str | None = None  # of a description: "the Finnish leader" -> FI


class Grammar:
    """Word classes of the cue vocabulary, over tokens."""

    def __init__(self, cues: QuoteCues) -> None:
        self.c = cues

    def cap(self, t: Token) -> bool:
        low = t.lower
        return (
            t.kind == "word"
            and t.text[:1].isupper()
            and low not in self.c.function_words
            and low not in self.c.determiners
            and low not in self.c.single
            and low not in self.c.skip_before_cue
        )

    def det(self, t: Token) -> bool:
        return t.kind == "word" and t.lower in self.c.determiners

    def prep(self, t: Token) -> bool:
        return t.kind == "word" and t.lower in self.c.prepositions

    def mod(self, t: Token) -> bool:
        return t.kind == "word" and t.lower in self.c.modifiers

    def head(self, tokens: Sequence[Token], k: int) -> str | None:
        t = tokens[k]
        if t.kind != "word":
            return None
        if AGE.fullmatch(t.lower):  # "the 50-year-old said": a description by age
            return "year-old"
        if k > 0 and tokens[k - 1].kind == "word":
            pair = f"{tokens[k - 1].lower} {t.lower}"
            if pair in self.c.voice_roles or pair in self.c.heads:
                return pair
        return t.lower if t.lower in self.c.heads or t.lower in self.c.voice_roles else None

    def voice(self, head: str | None) -> bool:
        return head is not None and head in self.c.voice_roles

    def pronoun(self, t: Token) -> bool:
        c = self.c
        return (
            t.kind == "word" and t.lower in c.person_pronouns | c.thing_pronouns | c.group_pronouns
        )

    def speaker_ref(self, t: Token) -> bool:
        return t.kind == "mention" and t.ref is not None and t.ref.entity_type in SPEAKER_TYPES

    def core(self, tokens: Sequence[Token], k: int, loose: bool = False) -> bool:
        t = tokens[k]
        if self.speaker_ref(t) or self.pronoun(t) or self.head(tokens, k):
            return True
        if t.kind == "word" and t.lower in self.c.documents:
            return True
        return loose and self.cap(t)

    def nounish(self, t: Token) -> bool:
        return (
            t.kind == "mention"
            or self.cap(t)
            or (t.kind == "word" and (t.lower in self.c.heads or t.lower in self.c.documents))
        )

    def possessive(self, tokens: Sequence[Token], k: int) -> bool:
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        return (nxt is not None and nxt.kind == "poss") or tokens[k].text.endswith(("'s", "’s"))

    def inside(self, t: Token) -> bool:
        """May `t` stand inside a speaker phrase without further condition?"""
        return (
            t.kind in ("mention", "poss")
            or self.cap(t)
            or self.mod(t)
            or (t.kind == "word" and (t.lower in self.c.heads or t.lower in self.c.voice_roles))
        )


def extend(g: Grammar, tokens: Sequence[Token], k: int, lo: int, hi: int) -> tuple[int, int]:
    """The phrase around core token k, within the open interval (lo, hi) of token indices."""
    if g.pronoun(tokens[k]):  # "he"; "one of them", "two of them"
        of_them = k - 2 > lo and tokens[k - 1].lower == "of" and g.det(tokens[k - 2])
        return (k - 2 if of_them else k), k
    i = k
    while i - 1 > lo:
        t = tokens[i - 1]
        if g.inside(t):
            i -= 1
        elif g.det(t):
            i -= 1
            if not (i - 2 > lo and g.prep(tokens[i - 1]) and g.nounish(tokens[i - 2])):
                break
        elif g.prep(t) and i - 2 > lo and g.nounish(tokens[i - 2]):
            i -= 1
        else:
            i = _definite_premodifiers(g, tokens, i, lo)
            break
    j = k
    while j + 1 < hi and _continues(g, tokens, j, hi):
        j += 1
    while j > k and tokens[j].kind == "word" and (g.prep(tokens[j]) or g.det(tokens[j])):
        j -= 1
    return i, j


PREMODIFIERS = 3  # plain lower-case words between "the" and a speaker noun


def _definite_premodifiers(g: Grammar, tokens: Sequence[Token], i: int, lo: int) -> int:
    """A phrase starting at token i, preceded by up to PREMODIFIERS plain lower-case words
    after "the" ("the former spy chief", "the veteran arms control negotiator"): the index of
    "the"; else i. A word of the cue vocabulary (function word, preposition, pronoun, document,
    a word skipped before a cue) is no premodifier."""
    c = g.c
    m = i - 1
    while m > lo and i - m <= PREMODIFIERS + 1:
        t = tokens[m]
        if t.kind == "word" and t.lower == "the":
            return m if m < i - 1 else i
        plain = t.kind == "word" and t.text.islower() and t.text.replace("-", "").isalpha()
        if not plain or (
            t.lower in c.function_words
            or t.lower in c.prepositions
            or t.lower in c.determiners
            or t.lower in c.documents
            or t.lower in c.skip_before_cue
            or g.pronoun(t)
        ):
            return i
        m -= 1
    return i


def issuer_list(g: Grammar, tokens: Sequence[Token], first: int, lo: int) -> int:
    """The start of a document phrase whose complement lists its issuers ("a joint statement
    by France, Germany and Britain"), when the phrase starting at `first` is the last of them;
    else `first`."""
    i = first - 1
    while i > lo and (
        tokens[i].kind == "mention" or tokens[i].text == "," or tokens[i].lower in ("and", "the")
    ):
        i -= 1
    if i - 1 <= lo or i == first - 1 or tokens[i].lower not in ("by", "from", "of"):
        return first
    doc = i - 1
    if tokens[doc].kind != "word" or tokens[doc].lower not in g.c.documents:
        return first
    while doc - 1 > lo and (g.det(tokens[doc - 1]) or g.mod(tokens[doc - 1])):
        doc -= 1
    return doc


def _continues(g: Grammar, tokens: Sequence[Token], j: int, hi: int) -> bool:
    """May the phrase ending at token j take token j + 1?"""
    t = tokens[j + 1]
    if g.inside(t) and not g.pronoun(t):
        return True
    if g.det(t):
        return g.prep(tokens[j])  # "for the ..."
    return (
        g.prep(t)
        and g.nounish(tokens[j])
        and j + 2 < hi
        and (g.det(tokens[j + 2]) or g.nounish(tokens[j + 2]))
    )


def phrase_at(
    g: Grammar, tokens: Sequence[Token], i: int, hi: int, loose: bool = False
) -> tuple[int, int] | None:
    """A phrase that starts at token i (after a cue: "said the British foreign office").
    `loose` accepts capitalised words as its core: a name nobody has recognised as an entity."""
    k = i
    while k < hi and (g.det(tokens[k]) or g.inside(tokens[k])) and not g.core(tokens, k, loose):
        k += 1
    if k >= hi or not g.core(tokens, k, loose) or g.pronoun(tokens[k]):
        return None
    first, last = extend(g, tokens, k, i - 1, hi)
    return min(first, i), last


def _in_complement(g: Grammar, tokens: Sequence[Token], k: int, first: int) -> bool:
    """Is token k inside the prepositional complement of a lower-case speaker noun?"""
    i = k - 1
    while i >= first:
        t = tokens[i]
        left = tokens[i - 1] if i - 1 >= first else None
        title_word = t.kind in ("mention", "poss") or g.cap(t)
        of_title = left is not None and (
            (t.lower == "of" and g.cap(left)) or (g.det(t) and left.lower == "of")
        )  # "Secretary of State", "Secretary of the Treasury"
        if not (title_word or of_title):
            break
        i -= 1
    if i >= first and g.det(tokens[i]):
        i -= 1
    if i < first or not g.prep(tokens[i]) or i - 1 < first:
        return False
    left = tokens[i - 1]
    return left.text.islower() and g.head(tokens, i - 1) is not None


def _demonym(g: Grammar, tokens: Sequence[Token], span: range) -> str | None:
    return next(
        (g.c.demonyms[tokens[k].lower] for k in span if tokens[k].lower in g.c.demonyms), None
    )


def _government_voice(g: Grammar, tokens: Sequence[Token], span: range) -> str | None:
    """The country of a voice phrase that names only a demonym, possibly with "government"
    ("an Indian government spokesman"); "a spokesperson for the Swiss foreign ministry"
    speaks for a ministry, which is no country."""
    for k in span:
        low = tokens[k].lower
        if not (
            g.det(tokens[k])
            or g.mod(tokens[k])
            or low in g.c.demonyms
            or low == "government"
            or g.voice(low)
            or g.voice(g.head(tokens, k))
        ):
            return None
    return _demonym(g, tokens, span)


def classify(g: Grammar, tokens: Sequence[Token], first: int, last: int) -> Phrase:
    span = range(first, last + 1)
    refs = [k for k in span if g.speaker_ref(tokens[k])]
    own = [k for k in refs if not g.possessive(tokens, k)]
    named = [
        k
        for k in own
        if tokens[k].ref.entity_type == "person" and not _in_complement(g, tokens, k, first)
    ]
    if named:
        ref = tokens[named[-1]].ref
        return Phrase(first, last, "title" if ref.source == "title" else "name", ref.entity_id)
    heads = [(k, h) for k in span if (h := g.head(tokens, k))]
    definite = tokens[first].lower == "the"
    voices = [(k, h) for k, h in heads if g.voice(h)]
    if voices:
        h_at, head = voices[-1]
        after = [k for k in own if k > h_at]
        before = [k for k in own if k < h_at]
        chosen = (after or before or [k for k in refs if k > h_at] or refs or [None])[-1]
        if chosen is not None:
            return Phrase(first, last, "role", tokens[chosen].ref.entity_id, "voice")
        country = _government_voice(g, tokens, span)  # "an Indian government spokesman" -> IN
        kind = "anaphor" if definite else "unnamed"
        return Phrase(first, last, kind, None, "voice", None, country)
    if heads:
        head = heads[-1][1]
        if definite and head not in g.c.unnamed_heads:  # "the Finnish leader"
            country = _demonym(g, tokens, span)
            return Phrase(first, last, "description", None, head, None, country)
        return Phrase(first, last, "unnamed", None, head.rstrip("s"))
    docs = [k for k in span if tokens[k].kind == "word" and tokens[k].lower in g.c.documents]
    issuers = [k for k in own if docs and k > docs[0]]
    if not issuers and docs:  # "the Kremlin's readout", "Russia's memorandum"
        issuers = [k for k in refs if k + 2 == docs[0] and g.possessive(tokens, k)]
    if issuers:  # "a statement from the Kremlin", "a joint statement by A, B and C"
        word = tokens[docs[0]].lower
        return Phrase(first, last, "document", tokens[issuers[0]].ref.entity_id, None, word)
    if own:  # the head, not its complement: "the Russian embassy in <capital>"
        prep = next((k for k in span if k > own[0] and g.prep(tokens[k])), last + 1)
        return Phrase(first, last, "name", tokens[[k for k in own if k < prep][-1]].ref.entity_id)
    for k in span:
        if tokens[k].kind == "word" and tokens[k].lower in g.c.documents:
            return Phrase(first, last, "document", None, None, tokens[k].lower)
        if g.pronoun(tokens[k]):
            return Phrase(first, last, "pronoun", None, None, tokens[k].lower)
    return Phrase(first, last, "unnamed")
