"""What the article says a person is, and the one person a later description designates.

Wire copy names a person once and then describes them ("Kremlin foreign policy aide NAME said
... the Kremlin aide said", "NAME, 50, ... the 50-year-old added", "Kyiv's chief negotiator,
NAME, ... Ukraine's top negotiator said"). A person's *profile* at a point of the article is the
set of folded words (`fold`) of
- their knowledge-base country, role and the titles they hold at the article's date (for a
  description with "former", instead the titles they have left, and "former");
- what the prose before that point says of them: the premodifiers of a mention ("Kremlin
  foreign policy aide NAME", up to six words, stopped by punctuation, a function word or another
  person), an apposition after it ("NAME, 50, the Russian president's envoy,"; an age, then one
  phrase; no relative clause, no other person), and an apposition before it ("Kyiv's chief
  negotiator, NAME," when that phrase ends in a role noun).
A *definite description* (opening with "the" or a possessive: "the Kremlin aide", "Moscow's
chief negotiator", "the 50-year-old"; never "a"/"an"/a number, a plural, or an anonymity noun of
`profiles.never`: "the official said" points at nobody) designates the one person named in
prose before it whose profile holds every folded word of it; nobody when none or two fit, when
another who fits is named after it in its own or the next sentence (cataphora), or when the
description is only a country ("the Russian"). Folding: a demonym, a country's
possessive or a mention of a country's place or institution is that country ("@RU"); a person
is "#id" (held by the person's name in the profile or by all the words of their role: "Putin's
adviser" fits an aide "to the President of Russia"); "N-year-old" is "age:N";
`profiles.synonyms` map words of one meaning ("top" -> "chief"); determiners, function words and
prepositions carry nothing.
"""

from __future__ import annotations

import re

from talkspkg.stages.quotes.context import Context
from talkspkg.stages.quotes.speaker import AGE
from talkspkg.stages.quotes.text import Token

_WORDS = re.compile(r"[\w.]+(?:[-’'][\w]+)*")
_PRE, _APPOSITION = 6, 12


def _word(ctx: Context, low: str) -> str | None:
    c = ctx.cues
    if low.endswith(("'s", "’s")) and low[:-2] in c.demonyms:
        low = low[:-2]
    if low in c.demonyms:
        return "@" + c.demonyms[low]
    if low in c.determiners or low in c.function_words or low in c.prepositions:
        return None
    if (m := AGE.fullmatch(low)) is not None:
        return f"age:{m.group(1)}"
    if low.isdigit() and len(low) <= 3:
        return f"age:{low}"
    return c.profile_synonyms.get(low, low)


def fold(ctx: Context, tok: Token) -> str | None:
    """One token of a description or a profile as compared (module docstring)."""
    if tok.kind == "mention" and tok.ref is not None:
        known = ctx.entities.get(tok.ref.entity_id)
        if known is None:
            return None
        if known.entity_type == "person":
            return "#" + (ctx.canonical(known.entity_id) or known.entity_id)
        return "@" + known.country if known.country else "&" + known.entity_id
    if tok.kind != "word":
        return None
    return _word(ctx, tok.lower)


def _kb_words(ctx: Context, entity_id: str, former: bool) -> set[str]:
    """The folded words of a person's knowledge-base country, role and titles held at the
    article's date (a tenure left before it, or left at all in an undated article, is not
    held); with `former`, of the titles they no longer hold, and "former"."""
    known = ctx.entities.get(entity_id)
    if known is None:
        return set()
    day = ctx.article.meta.published_date
    found = {"@" + known.country} if known.country else set()
    texts = [] if former else [known.role or ""]
    for tenure in known.tenures:
        ended = tenure.until is not None and (day is None or tenure.until < day)
        if ended == former:
            texts += tenure.names
            found |= {"former"} if former else set()
    for text in texts:
        for w in _WORDS.findall(text.lower()):
            folded = _word(ctx, w)
            if folded is not None:
                found.add(folded)
    return found


def _other_person(ctx: Context, tokens: tuple[Token, ...], k: int) -> bool:
    t = tokens[k]
    return (
        t.kind == "mention"
        and t.ref is not None
        and t.ref.entity_type == "person"
        and not ctx.grammar.possessive(tokens, k)
    )


def _segment(ctx: Context, tokens: tuple[Token, ...], lo: int, hi: int) -> set[str] | None:
    """The folded words of tokens[lo:hi], or None when it holds another person or a clause."""
    if hi <= lo or hi - lo > _APPOSITION or tokens[lo].lower in ctx.cues.relative_pronouns:
        return None
    if any(_other_person(ctx, tokens, k) or tokens[k].kind == "quote" for k in range(lo, hi)):
        return None
    return {f for k in range(lo, hi) if (f := fold(ctx, tokens[k])) is not None}


def _said_of(ctx: Context, tokens: tuple[Token, ...], k: int) -> set[str]:
    """What the prose says of the person mentioned at token k (module docstring)."""
    g, found = ctx.grammar, set()
    j = k - 1
    while j >= 0 and k - j <= _PRE:
        t = tokens[j]
        if t.kind in ("punct", "quote") or _other_person(ctx, tokens, j):
            break
        if t.kind == "word" and (g.det(t) or t.lower in ctx.cues.function_words):
            break
        if (f := fold(ctx, t)) is not None:
            found.add(f)
        j -= 1
    commas = [i for i, t in enumerate(tokens) if t.text == ","]
    if k + 1 < len(tokens) and tokens[k + 1].text == ",":
        lo = k + 2
        for _ in range(2):  # "NAME, 50, the ... envoy,"
            hi = next((i for i in commas if i >= lo), len(tokens))
            words = _segment(ctx, tokens, lo, hi)
            if words is None:
                break
            found |= words
            if not (words and all(w.startswith("age:") for w in words)):
                break
            lo = hi + 1
    if k > 0 and tokens[k - 1].text == ",":  # "Kyiv's chief negotiator, NAME,"
        lo = max((i + 1 for i in commas if i < k - 1), default=0)
        last = tokens[k - 2] if k >= 2 else None
        if last is not None and last.kind == "word" and last.lower in ctx.cues.heads:
            found |= _segment(ctx, tokens, lo, k - 1) or set()
    return found


def _profiles(ctx: Context) -> list[tuple[int, str, frozenset[str]]]:
    """(offset, person, words said of them there) for every person mention of the prose."""
    if ctx.profiles is None:
        found = []
        for sent in ctx.sentences:
            for k, tok in enumerate(sent.tokens):
                if tok.kind == "mention" and tok.ref is not None:
                    if tok.ref.entity_type != "person":
                        continue
                    person = ctx.canonical(tok.ref.entity_id) or tok.ref.entity_id
                    found.append((tok.start, person, frozenset(_said_of(ctx, sent.tokens, k))))
        ctx.profiles = found
    return ctx.profiles


def head_index(ctx: Context, tokens: tuple[Token, ...], first: int, last: int) -> int:
    """The head of a description tokens[first..last]: its last word, or, before a
    prepositional complement, the word the complement hangs on ("the head of the Russian
    Direct Investment Fund": "head")."""
    g = ctx.grammar
    prep = next((k for k in range(first + 1, last) if g.prep(tokens[k])), None)
    if prep is None or tokens[prep - 1].kind != "word":
        return last
    return prep - 1


def description_words(ctx: Context, tokens: tuple[Token, ...], first: int, last: int) -> set[str]:
    """The folded words of a definite description tokens[first..last] (module docstring), or
    an empty set when it is no such description."""
    g, head = ctx.grammar, tokens[head_index(ctx, tokens, first, last)]
    definite = tokens[first].lower == "the" or (
        tokens[first].kind == "mention" and g.possessive(tokens, first)
    )
    if not definite or head.kind != "word":
        return set()
    low = head.lower
    if AGE.fullmatch(low) is None and (
        low not in ctx.cues.heads
        or low in ctx.cues.profile_never
        or low in ctx.cues.institution_heads
        or (low.endswith("s") and low[:-1] in ctx.cues.heads)
    ):
        return set()
    words = {f for k in range(first, last + 1) if (f := fold(ctx, tokens[k])) is not None}
    return words if any(w[0] not in "@#&" for w in words) else set()


def described(ctx: Context, s: int, span: tuple[int, int]) -> str | None:
    """The one person named in prose before the description at `span` (offsets) in sentence s
    whose profile holds all its words; None when none or several do."""
    tokens = ctx.sentences[s].tokens
    first = next((k for k, t in enumerate(tokens) if t.start == span[0]), None)
    last = next((k for k, t in enumerate(tokens) if t.end == span[1]), None)
    if first is None or last is None or last < first:
        return None
    want = description_words(ctx, tokens, first, last)
    if not want:
        return None
    said: dict[str, set[str]] = {}
    ahead: dict[str, set[str]] = {}  # cataphora: "... the US envoy said. Envoy X, who ..."
    stop = ctx.sentences[s + 1].end if s + 1 < len(ctx.sentences) else ctx.sentences[s].end
    former = "former" in want
    for at, person, words in _profiles(ctx):
        if at < span[0]:
            said.setdefault(person, _kb_words(ctx, person, former)).update(words)
        elif at < stop:
            ahead.setdefault(person, _kb_words(ctx, person, former)).update(words)
    fitting = [p for p, words in said.items() if _holds(ctx, want, words)]
    if len(fitting) != 1 or any(p != fitting[0] and _holds(ctx, want, w) for p, w in ahead.items()):
        return None
    return fitting[0]


def _holds(ctx: Context, want: set[str], words: set[str]) -> bool:
    """Does a profile hold a description? A person the description names as a possessive
    ("Putin's foreign policy adviser") is held by their name in the profile ("Putin's aide
    NAME") or by every folded word of their knowledge-base role ("... to the President of
    Russia")."""
    for w in want:
        if w in words:
            continue
        if not w.startswith("#"):
            return False
        known = ctx.entities.get(w[1:])
        role = (
            {f for x in _WORDS.findall((known.role or "").lower()) if (f := _word(ctx, x))}
            if known is not None
            else set()
        )
        if not role or not role <= words:
            return False
    return True


def elaborated(ctx: Context, s: int, span: tuple[int, int], person: str) -> int | None:
    """May the definite description at `span` (offsets) in sentence s describe again `person`,
    the subject of the sentence before ("Peskov dismissed the charge. The 58-year-old ...
    said")? Only when it contradicts nothing said of them: every country, organisation,
    person and office word of it is in their profile (an office of `profiles.elaborating`
    excepted: "the veteran negotiator"), an age is theirs or unknown, and a possessive names
    nobody ("Putin's adviser" is someone else's). The number of its words their profile
    holds (0: it fits by its free words alone), or None when it contradicts it."""
    tokens = ctx.sentences[s].tokens
    first = next((k for k, t in enumerate(tokens) if t.start == span[0]), None)
    last = next((k for k, t in enumerate(tokens) if t.end == span[1]), None)
    if first is None or last is None or last < first or tokens[first].lower != "the":
        return None
    c, head = ctx.cues, tokens[head_index(ctx, tokens, first, last)].lower
    free = c.profile_elaborating
    if AGE.fullmatch(head) is None and (
        head not in c.heads or head in c.institution_heads or head.endswith("s")
    ):
        return None
    if head in c.profile_never and not (
        head in free
        and any(
            t.kind == "word"
            and (t.lower in free or t.lower not in c.modifiers)
            and t.lower not in c.determiners
            for t in tokens[first + 1 : head_index(ctx, tokens, first, last)]
        )
    ):
        return None  # "the official", "the senior diplomat": an unnamed person
    folded = {f for k in range(first, last + 1) if (f := fold(ctx, tokens[k])) is not None}
    profile = _kb_words(ctx, person, "former" in folded)
    for at, who, words in _profiles(ctx):
        if at < span[0] and who == person:
            profile |= words
    ages = {w for w in profile if w.startswith("age:")}
    held = 0
    for w in folded:
        if w.startswith("#"):
            return None
        if w in profile:
            held += 1
        elif w.startswith("age:"):
            if ages:
                return None
        elif w.startswith(("@", "&")) or w == "former" or (w in c.heads and w not in free):
            return None
    return held
