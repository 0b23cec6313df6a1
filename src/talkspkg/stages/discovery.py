"""Discovery of people the knowledge base does not list, from evidence in the text.

Evidence rules (each names the `source` of the discovered entity):
- `role-before-name`: a role noun right before a capitalised name ("Finnish President Alexander
  Stubb", "Macron's diplomatic adviser Emmanuel Bonne"); the role phrase becomes the `role`.
- `honorific`: "Mr", "Dr", "Gen.", ... before a capitalised name.
- `speech-verb`: a two-or-more-word name right before a speech verb ("Maria Lopez said").
- `appositive-role`: "Name, the/a ... <role noun> ..." ("Maria Lopez, the Finnish envoy, ...").
Journalists (bylines, credit lines, photo credits) get type `journalist`, never `person`.
A discovered entity's id is the slug of its name, so the same name is one entity everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from talkspkg.document import Article, SegmentKind
from talkspkg.kb import KnowledgeBase, Lexicon
from talkspkg.stages.candidates import DISCOVERED, PROSE, Candidate
from talkspkg.stages.trie import trie_pattern
from talkspkg.textutil import slug

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w’'-]*")
_POSSESSIVE = ("’s", "'s")
_PARTICLES = frozenset({"bin", "von", "van", "de", "der", "da", "di", "al", "el", "la", "le", "du"})
_GAP = re.compile(r"^[ \t]+$|^\.[ \t]+$")  # between two tokens of one name ("Lt. Gen.")
_PHOTO_CREDIT = re.compile(r"([^\W\d_][\w’'-]+(?:[ \t]+[^\W\d_][\w’'-]+){1,3})[ \t]*/[ \t]*\S")


@dataclass(frozen=True, slots=True)
class Discovered:
    candidate: Candidate
    name: str
    entity_type: str
    role: str | None
    country: str | None
    source: str


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str


def _tokens(text: str, start: int, end: int) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _bare(tok: str) -> str:
    for suffix in _POSSESSIVE:
        if tok.endswith(suffix):
            return tok[: -len(suffix)]
    return tok


def _name_token(tok: str, lex: Lexicon, *, first: bool = True) -> bool:
    """A word that can be part of a person's name; a demonym can only continue one ("John
    Irish"), never start it ("Irish officials")."""
    bare = _bare(tok)
    return (
        bool(bare)
        and bare[0].isupper()
        and not bare.isupper()
        and bare not in lex.not_name_words
        and (bare not in lex.demonyms or not first)
        and bare.lower() not in lex.role_words
    )


def _is_role_word(tok: str, lex: Lexicon) -> bool:
    return _bare(tok).lower() in lex.role_words


def _honorific(text: str, tok: Token, lex: Lexicon) -> bool:
    dotted = tok.text + "." if text[tok.end : tok.end + 1] == "." else tok.text
    return tok.text in lex.honorifics or dotted in lex.honorifics


def _names(text: str, toks: list[Token], lex: Lexicon) -> Iterator[tuple[int, int]]:
    """Runs [i, j) of name tokens joined by blanks (particles allowed inside, possessive ends)."""
    i = 0
    while i < len(toks):
        if not _name_token(toks[i].text, lex):
            i += 1
            continue
        j = i + 1
        while (
            j < len(toks)
            and _GAP.match(text[toks[j - 1].end : toks[j].start])
            and _bare(toks[j - 1].text) == toks[j - 1].text  # a possessive ends the name
        ):
            if _name_token(toks[j].text, lex, first=False):
                j += 1
            elif (
                toks[j].text in _PARTICLES
                and j + 1 < len(toks)
                and _name_token(toks[j + 1].text, lex)
            ):
                j += 2
            else:
                break
        yield i, j
        i = j


def _joined(text: str, a: Token, b: Token) -> bool:
    return bool(_GAP.match(text[a.end : b.start]))


def _role_token(tok: Token, lex: Lexicon) -> bool:
    """May stand inside a role phrase: role nouns and modifiers, demonyms, possessives."""
    low = _bare(tok.text).lower()
    return (
        low in lex.role_words
        or (low in lex.role_modifiers and low not in _LINKS)
        or tok.text in lex.demonyms
        or tok.text.endswith(_POSSESSIVE)
    )


_LINKS = frozenset({"of", "for", "to", "and", "the", "on"})


def _role_before(text: str, toks: list[Token], i: int, lex: Lexicon) -> tuple[int, int] | None:
    """Span of the role phrase right before token i ("Ukraine's Minister of Foreign Affairs")."""
    if i == 0 or not _joined(text, toks[i - 1], toks[i]) or not _role_token(toks[i - 1], lex):
        return None
    k = i - 1
    while k > 0 and _joined(text, toks[k - 1], toks[k]):
        prev = toks[k - 1]
        if _role_token(prev, lex):
            k -= 1
        elif (
            prev.text in ("of", "for")
            and k > 1
            and toks[k - 2].text[0].isupper()
            and _is_role_word(toks[k - 2].text, lex)
        ):
            k -= 2  # "Minister of Foreign Affairs", "Envoy for Ukraine"
        else:
            break
    phrase = toks[k:i]
    if not any(_is_role_word(t.text, lex) for t in phrase):
        return None
    end = phrase[-1].end + (text[phrase[-1].end : phrase[-1].end + 1] == ".")
    return phrase[0].start, end


def _appositive_role(text: str, toks: list[Token], j: int, lex: Lexicon) -> tuple[int, int] | None:
    """ ", the/a ... <role> ..." right after a name, up to the clause end, naming nobody else
    (a possessive name such as "Zelenskiy's chief of staff" is fine)."""
    if j >= len(toks) or not re.fullmatch(r",[ \t]*", text[toks[j - 1].end : toks[j].start]):
        return None
    k = j
    while k + 1 < len(toks) and k - j < 10 and _joined(text, toks[k], toks[k + 1]):
        k += 1
    phrase = toks[j : k + 1]
    if not any(_is_role_word(t.text, lex) for t in phrase):
        return None
    for a, b in _names(text, phrase, lex):
        if b - a >= 2 and not phrase[b - 1].text.endswith(_POSSESSIVE):
            return None  # a list of people, not an appositive
    last = max(
        n
        for n, t in enumerate(phrase)
        if t.text not in _LINKS and (_role_token(t, lex) or t.text[0].isupper())
    )
    return phrase[0].start, phrase[last].end


@cache
def _demonym_pattern(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{trie_pattern(sorted(lex.demonyms))})(?!\w)")


def _country(phrase: str, lex: Lexicon) -> str | None:
    """The country of the first demonym in the role phrase ("Finnish President" -> FI)."""
    found = _demonym_pattern(lex).search(phrase)
    return lex.demonyms[found.group()] if found else None


def discover_people(article: Article, kb: KnowledgeBase) -> Iterator[Discovered]:
    lex, text = kb.lexicon, article.text
    for seg in article.segments_of(*PROSE):
        toks = _tokens(text, seg.start, seg.end)
        for i, j in _names(text, toks, lex):
            first, last = toks[i], toks[j - 1]
            end = last.start + len(_bare(last.text))
            name = text[first.start : end]
            role = _role_before(text, toks, i, lex)
            source = None
            if role:
                source = "role-before-name"
            elif i > 0 and _honorific(text, toks[i - 1], lex):
                source = "honorific"
            elif (
                j - i >= 2
                and j < len(toks)
                and toks[j].text.lower() in lex.name_speech_verbs
                and _GAP.match(text[end : toks[j].start])
            ):
                source = "speech-verb"
            elif j - i >= 2 and (role := _appositive_role(text, toks, j, lex)):
                source = "appositive-role"
            if source is None or (j - i < 2 and source != "honorific"):
                continue
            phrase = text[role[0] : role[1]] if role else None
            cand = Candidate(first.start, end, slug(name), f"discovered:{source}", DISCOVERED)
            yield Discovered(cand, name, "person", phrase, _country(phrase or "", lex), source)


def discover_journalists(article: Article, kb: KnowledgeBase) -> Iterator[Discovered]:
    lex, text = kb.lexicon, article.text
    for seg in article.segments_of(SegmentKind.BYLINE, SegmentKind.CREDIT):
        toks = _tokens(text, seg.start, seg.end)
        for i, j in _names(text, toks, lex):
            if j - i < 2:
                continue
            name = text[toks[i].start : toks[j - 1].end]
            cand = Candidate(
                toks[i].start, toks[j - 1].end, slug(name), "discovered:credit", DISCOVERED
            )
            yield Discovered(cand, name, "journalist", "journalist", None, "credit")
    for seg in article.segments_of(SegmentKind.CAPTION):
        for m in _PHOTO_CREDIT.finditer(text, seg.start, seg.end):
            words = m.group(1).split()
            if all(_name_token(w, lex) for w in words):
                cand = Candidate(
                    m.start(1), m.end(1), slug(m.group(1)), "discovered:photo-credit", DISCOVERED
                )
                yield Discovered(
                    cand, m.group(1), "journalist", "photographer", None, "photo-credit"
                )
