"""Sentences, quotations and clauses: the units inside which a meeting's details are looked for.

Policy: a sentence ends at . ! or ? (after optional closing quotes) followed by whitespace and a
capital, a digit or an opening quote, unless the word before the period is a known abbreviation
("U.S.", "Gen.", "St.") or an initial. Clauses split a sentence where a place, a date or a
person stops belonging to the encounter next to it: at subordinators ("after Rubio cancelled"),
at "but", at semicolons and dashes, around quotations, around relative clauses (", who ...,"),
and before "that" after a speech verb ("..., adding that teams will meet": the reported clause).
Commas inside protected spans (dates, names) never end a clause.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from talkspkg.stages.meetings.vocab import Vocab

_END = re.compile(r"[.!?]+[”\"’)\]*]*(?=\s+[“\"‘(\[*#A-Z0-9])")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_QUOTE_MARK = re.compile('[“”"]')
_INITIAL = re.compile(r"^(?:[A-Z]\.?)+$")


def sentences(text: str, start: int, end: int, vocab: Vocab) -> Iterator[tuple[int, int]]:
    """Sentence spans of text[start:end], trimmed of surrounding whitespace."""
    cut = start
    for m in _END.finditer(text, start, end):
        token = text[text.rfind(" ", cut, m.start()) + 1 : m.start()].lstrip('“"‘(*[')
        if token in vocab.abbreviations or (_INITIAL.match(token) and len(token) <= 3):
            continue
        yield from _trimmed(text, cut, m.end())
        cut = m.end()
    yield from _trimmed(text, cut, end)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of quoted speech (marks included): curly pairs, or straight quotes toggling."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for mark in _QUOTE_MARK.finditer(text, start, end):
        i, ch = mark.start(), mark.group()
        if ch == "“" or (ch == '"' and open_at is None):
            open_at = i if open_at is None else open_at
        elif (ch == "”" or ch == '"') and open_at is not None:
            spans.append((open_at, i + 1))
            open_at = None
    if open_at is not None:
        spans.append((open_at, end))
    return spans


def inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    for a, b in spans:  # noqa: SIM110 (a loop: `any` over a generator costs twice as much)
        if a <= pos < b:
            return True
    return False


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int
    kind: str  # main | sub | coord | rel | quote
    index: int


@cache
def _cut_words(vocab: Vocab) -> frozenset[str]:
    """The words `clauses` may cut a sentence at."""
    return vocab.subordinators | vocab.coordinators | vocab.relative_pronouns | {"that"}


_CLAUSE_BREAK = re.compile(r";|\s[–—]\s|\s-\s")


def clauses(
    text: str,
    start: int,
    end: int,
    vocab: Vocab,
    quotes: Sequence[tuple[int, int]],
    protected: Sequence[tuple[int, int]],
) -> list[Clause]:
    """Split a sentence into clauses (see the module policy)."""
    cuts: dict[int, str] = {start: "main"}

    def free_comma(after: int) -> int | None:
        i = text.find(",", after, end)
        while i != -1:
            if not inside(i, protected) and not inside(i, quotes):
                return i + 1
            i = text.find(",", i + 1, end)
        return None

    for a, b in quotes:
        cuts[max(a, start)] = "quote"
        if b < end:
            cuts.setdefault(b, "main")
    cut_words = _cut_words(vocab)
    for m in _WORD.finditer(text, start, end):
        word = m.group().lower()
        if word not in cut_words:
            continue  # no cut at this word (tested first: speed)
        if inside(m.start(), quotes) or inside(m.start(), protected):
            continue
        before = text[start : m.start()].rstrip()
        if word in vocab.subordinators:
            if m.start() == start:
                cuts[start] = "sub"
                comma = free_comma(m.end())
                if comma is not None:
                    cuts.setdefault(comma, "main")
            elif before.endswith(","):  # parenthetical: ", after months of talks, ..."
                cuts[m.start()] = "sub"
                comma = free_comma(m.end())
                if comma is not None:
                    cuts.setdefault(comma, "main")
            elif text[m.start() - 1] == " ":
                cuts[m.start()] = "sub"
        elif word in vocab.coordinators and m.start() > start:
            cuts[m.start()] = "coord"
        elif word == "that" and _last_word(before) in vocab.speech_verbs:
            cuts[m.start()] = "sub"  # "..., adding that teams will meet": the reported clause
        elif word in vocab.relative_pronouns and before.endswith(","):
            cuts[m.start()] = "rel"
            comma = free_comma(m.end())
            if comma is not None:
                cuts.setdefault(comma, "main")
    for m in _CLAUSE_BREAK.finditer(text[start:end]):
        cuts.setdefault(start + m.end(), "main")
    points = sorted(p for p in cuts if start <= p < end)
    out = []
    for i, p in enumerate(points):
        q = points[i + 1] if i + 1 < len(points) else end
        if q > p:
            out.append(Clause(p, q, cuts[p], len(out)))
    return out


def _last_word(before: str) -> str:
    found = _WORD.findall(before[-30:])
    return found[-1].lower() if found else ""


def clause_at(pos: int, parts: Sequence[Clause]) -> Clause:
    for c in parts:
        if c.start <= pos < c.end:
            return c
    return parts[-1]


def words_between(text: str, a: int, b: int, protected: Sequence[tuple[int, int]]) -> int:
    """Words between offsets a and b (either order); a protected span counts as one word."""
    lo, hi = min(a, b), max(a, b)
    count, pos = 0, lo
    for s, e in sorted(protected):
        if e <= lo or s >= hi:
            continue
        count += len(_WORD.findall(text, pos, max(pos, s))) + 1
        pos = max(pos, e)
    return count + len(_WORD.findall(text, pos, hi))
