"""Literal leads of regular expressions: a cheap proof that a pattern cannot match a sentence.

Python's `re` tries every alternative of a pattern at every position of the text, which makes
the vocabulary patterns of the knowledge files (hundreds of `\\b(?:full|complete|...)\\s+...`)
the hottest part of annotation. Most sentences contain none of the words a pattern can start
with, and that is cheap to know: `leads(pattern)` reads the parsed pattern and returns the
lower-case strings (up to `WIDTH` characters) one of which begins every match, and
`LeadIndex.live` intersects them with the substrings of that width of a sentence. A pattern
none of whose leads occurs cannot match, so it is not run; a pattern whose start is not literal
(`\\d+`, `\\w`) is always run.

Case: patterns are matched case-insensitively, so texts are folded with `fold`, which maps
every character `re.IGNORECASE` equates with an ASCII letter to that letter (tests check this
over all of Unicode); leads are folded the same way.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from talkspkg.stages.trie import trie_pattern

WIDTH = 5  # leads are this long (shorter only when a whole match is shorter)
MAX_LEADS = 256  # beyond this many, a pattern is treated as unconstrained
MAX_CLASS = 12  # character classes with more members end a lead
_SPECIAL = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})

_DIGIT = re.compile(r"\d")
Items = Sequence[tuple[object, object]]


def fold(text: str) -> str:
    """Lower case, with the characters `re.IGNORECASE` matches to ASCII letters mapped to them."""
    return text.lower() if text.isascii() else text.translate(_SPECIAL).lower()


def compact(text: str) -> str:
    """`fold`ed, every digit "0", every run of whitespace one space, a space at both ends: the
    text leads are looked for in (in a lead, a whitespace element of a pattern is one space and
    a digit is "0")."""
    return " " + " ".join(_DIGIT.sub("0", fold(text)).split()) + " "


def headed(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` behind a lookahead for the first characters of its leads: the same matches
    (every match starts with a lead, and the lookahead accepts every character that a lead's
    first one stands for), found faster, since `re` then rejects most positions with one
    character test instead of entering the pattern's lookbehinds, optional groups and
    alternations. The pattern itself when its start is not literal (or it is verbose)."""
    return _headed(pattern.pattern, pattern.flags) or pattern


@cache
def _headed(source: str, flags: int) -> re.Pattern[str] | None:
    found = leads(source, flags)
    if found is None or flags & re.VERBOSE or _global(source):
        return None
    firsts = sorted({lead[0] for lead in found})
    parts = []
    letters = "".join(re.escape(c) for c in firsts if c not in " 0")
    if letters:  # leads are folded: the case-insensitive class takes every character folded so
        parts.append(f"(?iu:[{letters}])")
    if " " in firsts:  # a run of whitespace
        parts.append(r"(?u:\s)")
    if "0" in firsts:  # any decimal digit
        parts.append(r"(?u:\d)")
    return re.compile(f"(?={'|'.join(parts)})(?:{source})", flags)


def _global(source: str) -> bool:
    """True when `source` opens with global inline flags ("(?i)..."), which must stay first."""
    return re.match(r"\(\?[aiLmsux]+\)", source) is not None


class _Unconstrained(Exception):
    pass


@cache
def leads(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Folded strings of at most WIDTH characters, one of which starts every match of
    `pattern`; None when a match may start with anything (or with nothing)."""
    try:
        found = _heads(list(sre_parse.parse(pattern, flags).data), WIDTH)
    except (_Unconstrained, RecursionError):
        return None
    if not found or "" in found:
        return None
    return frozenset(found)


def _cap(found: set[str]) -> set[str]:
    if len(found) > MAX_LEADS:
        raise _Unconstrained
    return found


def _heads(items: Items, width: int) -> set[str]:
    """Strings of length <= width, one of which starts every match of the sequence `items`
    ("" among them: nothing known)."""
    if width == 0 or not items:
        return {""}
    op, av = items[0]
    rest = items[1:]
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # zero-width
        return _heads(rest, width)
    if op is sre.LITERAL:
        return _prefix({_char(av)}, rest, width)  # type: ignore[arg-type]
    if op is sre.IN:
        return _prefix(_class(av), rest, width)  # type: ignore[arg-type]
    if op is sre.BRANCH:
        out: set[str] = set()
        for alt in av[1]:  # type: ignore[index]
            out |= _heads(list(alt.data) + list(rest), width)
        return _cap(out)
    if op in (sre.SUBPATTERN, sre.ATOMIC_GROUP):
        sub = av[-1] if op is sre.SUBPATTERN else av  # type: ignore[index]
        return _heads(list(sub.data) + list(rest), width)  # type: ignore[union-attr]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, sub = av  # type: ignore[misc]
        if _is_space(sub.data):  # a run of whitespace is one space in the compacted text
            spaced = _prefix({" "}, rest, width)
            return _cap(spaced | _heads(rest, width)) if low == 0 else spaced
        once = _heads(list(sub.data), width)
        if low == 0:  # absent, or present
            return _cap(once | _heads(rest, width))
        return once  # present: every match starts with a match of `sub`
    return {""}


def _prefix(chars: set[str], rest: Items, width: int) -> set[str]:
    if "" in chars:
        return {""}
    tails = _heads(rest, width - 1)
    return _cap({_join(c, t)[:width] for c in chars for t in tails})


def _join(head: str, tail: str) -> str:
    return head + tail[1:] if head == " " and tail.startswith(" ") else head + tail


def _char(code: int) -> str:
    c = chr(code)
    return " " if c.isspace() else "0" if c.isdecimal() else fold(c)


def _is_space(items: Items) -> bool:
    return len(items) == 1 and (
        (items[0][0] is sre.LITERAL and chr(items[0][1]).isspace())  # type: ignore[arg-type]
        or (items[0][0] is sre.IN and _class(items[0][1]) == {" "})  # type: ignore[arg-type]
    )


def _class(members: Items) -> set[str]:
    chars: set[str] = set()
    for op, av in members:
        if op is sre.LITERAL:
            chars.add(_char(av))  # type: ignore[arg-type]
        elif op is sre.CATEGORY and av is sre.CATEGORY_SPACE:
            chars.add(" ")
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            chars.add("0")
        elif op is sre.RANGE and av[1] - av[0] < MAX_CLASS:  # type: ignore[index,operator]
            chars.update(_char(c) for c in range(av[0], av[1] + 1))  # type: ignore[index]
        else:  # a category, a negation, a wide range
            return {""}
        if len(chars) > MAX_CLASS:
            return {""}
    return chars


MIN_NEED = 3  # a needed literal shorter than this occurs in nearly every sentence
MAX_NEEDS = 64  # beyond this many alternatives, a pattern needs nothing known


@cache
def needs(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Folded literals (at least MIN_NEED characters, ASCII, without white space or digits),
    one of which occurs in every match of `pattern`, anywhere in it (leads only tell how a
    match starts); None when nothing is known. A literal is a run of consecutive literal
    characters the match consumes, so it occurs in the folded text as is (lookarounds, which
    may look outside the range matched, are passed over)."""
    try:
        found = _needs(list(sre_parse.parse(pattern, flags).data))
    except RecursionError:
        return None
    if found is None or min(map(len, found)) < MIN_NEED:
        return None
    return frozenset(found)


def _needs(items: Items) -> set[str] | None:
    """The most telling set of literals one of which every match of the sequence holds."""
    options = _requirements(items)
    if not options:
        return None
    return max(options, key=lambda o: (min(map(len, o)), -len(o)))


def _branch(alternatives: list[Any]) -> set[str] | None:
    """The literals of an alternation: the union of each alternative's most telling set,
    None when one alternative needs nothing known or the union grows past MAX_NEEDS."""
    found: set[str] = set()
    for alt in alternatives:
        one = _needs(list(alt.data))
        if one is None or len(found | one) > MAX_NEEDS:
            return None
        found |= one
    return found


@cache
def requirements(pattern: str, flags: int = 0) -> tuple[frozenset[str], ...]:
    """Every set of folded literals (as in `needs`: at least MIN_NEED characters) one of which
    every match of `pattern` holds, `needs` first: a match holds one literal of each. `needs`
    keeps the most telling set only; a pattern opening with a common name ("Russia|Moscow")
    and needing a rare word after it is told apart by the word."""
    best = needs(pattern, flags)
    if best is None:
        return ()
    try:
        found = _requirements(list(sre_parse.parse(pattern, flags).data))
    except RecursionError:
        return (best,)
    rest = {frozenset(one) for one in found if min(map(len, one)) >= MIN_NEED and one != best}
    return (best, *sorted(rest, key=sorted))


def _requirements(items: Items) -> list[set[str]]:
    """The sets of literals one of which every match of the sequence holds, each a set `_needs`
    would weigh (a group or a required repetition adds those of its own sequence)."""
    out: list[set[str]] = []
    run = ""
    for op, av in items:
        if op is sre.LITERAL and _plain(av):  # type: ignore[arg-type]
            run += chr(av).lower()  # type: ignore[arg-type]
            continue
        if run:
            out.append({run})
            run = ""
        if op is sre.SUBPATTERN:
            out += _requirements(list(av[-1].data))  # type: ignore[index]
        elif op is sre.ATOMIC_GROUP:
            out += _requirements(list(av.data))  # type: ignore[union-attr]
        elif op is sre.BRANCH:
            found = _branch(av[1])  # type: ignore[index]
            if found:
                out.append(found)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _high, sub = av  # type: ignore[misc]
            if low >= 1:
                out += _requirements(list(sub.data))
    if run:
        out.append({run})
    return out


def _plain(code: int) -> bool:
    """A character that `fold` keeps as it is and that no other character folds to, other
    than ASCII letters' case: an ASCII letter, or ASCII punctuation."""
    c = chr(code)
    return c.isascii() and (
        c.isalpha() or (c.isprintable() and not c.isspace() and not c.isalnum())
    )


class LeadIndex:
    """Patterns by their leads: `live(text)` holds every pattern that may match `text`."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self.always: set[int] = set()
        self.by_lead: dict[str, set[int]] = {}
        self.short: dict[str, set[int]] = {}  # leads shorter than WIDTH
        self._patterns = tuple(patterns)  # kept: they are known by id, which must not be reused
        for pattern in self._patterns:
            found = leads(pattern.pattern, pattern.flags)
            if found is None:
                self.always.add(id(pattern))
                continue
            for lead in found:
                target = self.by_lead if len(lead) == WIDTH else self.short
                target.setdefault(lead, set()).add(id(pattern))
        self._keys = frozenset(self.by_lead)
        self._short = tuple(self.short.items())
        # the sets of literals patterns need (`requirements`), each once, and for the id of a
        # pattern, the indices of those it needs one literal of each of, the most telling first
        self.literal_sets: list[tuple[str, ...]] = []
        self.needs: dict[int, tuple[int, ...]] = {}
        index: dict[tuple[str, ...], int] = {}
        for pattern in self._patterns:
            found = sorted(
                requirements(pattern.pattern, pattern.flags),
                key=lambda one: (-min(map(len, one)), len(one), sorted(one)),
            )
            if found:
                wanted = [tuple(sorted(one)) for one in found]
                for one in wanted:
                    if one not in index:
                        index[one] = len(self.literal_sets)
                        self.literal_sets.append(one)
                self.needs[id(pattern)] = tuple(index[one] for one in wanted)
        self._scan, self._found = _scanner(self.by_lead | self.short, self.literal_sets)
        self._wanted = {pattern_id: frozenset(sets) for pattern_id, sets in self.needs.items()}
        # id of a tuple of patterns -> (the tuple, kept so that its id is never reused; their ids)
        self._groups: dict[int, tuple[tuple[re.Pattern[str], ...], frozenset[int]]] = {}

    def live(self, text: str) -> Live:
        """The patterns one of whose leads occurs in the compacted `text` and which hold one
        literal of each set they need: every lead and literal found in one scan of the text."""
        ids: set[int] = set(self.always)
        held: set[int] = set()
        found = self._found
        for longest in set(self._scan(compact(text))):
            lead_ids, literal_sets = found[longest]
            ids |= lead_ids
            held |= literal_sets
        wanted = self._wanted
        empty: frozenset[int] = frozenset()
        return Live({i for i in ids if wanted.get(i, empty) <= held}, self._groups)


def _scanner(
    by_lead: dict[str, set[int]], literal_sets: list[tuple[str, ...]]
) -> tuple[Callable[[str], list[str]], dict[str, tuple[frozenset[int], frozenset[int]]]]:
    """One scan for every lead and literal: a function giving, at every position of a text
    where one of them starts, the longest one starting there (a trie, `trie_pattern`, in a
    lookahead); and for each of those strings, the ids of the patterns whose leads and the
    indices of the literal sets whose literals start with it (are its prefixes). Two strings
    starting at one position are prefixes of the longer, so these are all that occur there."""
    sets_of: dict[str, set[int]] = {}
    for k, literals in enumerate(literal_sets):
        for literal in literals:
            sets_of.setdefault(literal, set()).add(k)
    strings = set(by_lead) | set(sets_of)
    found: dict[str, tuple[frozenset[int], frozenset[int]]] = {}
    for string in strings:
        prefixes = [string[:n] for n in range(1, len(string) + 1)]
        found[string] = (
            frozenset().union(*(by_lead.get(p, ()) for p in prefixes)),
            frozenset().union(*(sets_of.get(p, ()) for p in prefixes)),
        )
    if not strings:
        return (lambda _text: []), found
    return re.compile(f"(?=({trie_pattern(sorted(strings))}))").findall, found


def _holds_any(text: str, parts: tuple[str, ...]) -> bool:
    for part in parts:  # noqa: SIM110 (a loop: `any` over a generator costs twice as much)
        if part in text:
            return True
    return False


class Groups:
    """Tuples of patterns (a codebook's codes, a list of cues), in order: `Live.select` tells
    which of them hold a pattern that may match a text, without asking each tuple in turn."""

    def __init__(self, groups: Iterable[tuple[re.Pattern[str], ...]]) -> None:
        self.groups = tuple(groups)  # kept: their patterns are known by id
        # id of a pattern -> (index of a tuple holding it, its index in that tuple)
        self.where: dict[int, list[tuple[int, int]]] = {}
        for g, patterns in enumerate(self.groups):
            for k, pattern in enumerate(patterns):
                self.where.setdefault(id(pattern), []).append((g, k))


class Live:
    """The patterns that may match one text (by `id`)."""

    __slots__ = ("_groups", "ids")

    def __init__(
        self, ids: set[int], groups: dict[int, tuple[tuple[re.Pattern[str], ...], frozenset[int]]]
    ) -> None:
        self.ids, self._groups = ids, groups

    def __contains__(self, pattern: re.Pattern[str]) -> bool:
        return id(pattern) in self.ids

    def select(self, groups: Groups) -> list[tuple[int, list[re.Pattern[str]]]]:
        """(index, `of(tuple)`) of every tuple of `groups` holding a pattern that may match, in
        their order (the same as asking `of` each tuple in turn and keeping the non-empty)."""
        held: dict[int, list[int]] = {}
        where = groups.where
        for pattern_id in self.ids:
            for g, k in where.get(pattern_id, ()):
                held.setdefault(g, []).append(k)
        return [(g, [groups.groups[g][k] for k in sorted(held[g])]) for g in sorted(held)]

    def of(self, patterns: tuple[re.Pattern[str], ...]) -> list[re.Pattern[str]]:
        """Those of `patterns` that may match, in their order."""
        entry = self._groups.get(id(patterns))
        if entry is None or entry[0] is not patterns:
            entry = self._groups[id(patterns)] = (patterns, frozenset(map(id, patterns)))
        if self.ids.isdisjoint(entry[1]):
            return []
        return [p for p in patterns if id(p) in self.ids]


MIN_GATED = 24  # shorter ranges are matched directly: their compaction costs more than the match
# a pattern with more leads is gated on what it needs instead (or matched directly): `headed`
# already rejects most positions with one character test, and a pattern with that many leads
# is rarely absent from a sentence (measured 2026-12-07: gating those on the range's
# WIDTH-grams cost more than it saved)
FEW_LEADS = 16
# the ranges of the text last read: text, {(start, end): compacted}
_memo: list[Any] = [None, {}]
MEMO_RANGES = 512  # a sentence, its clauses and windows: a few dozen ranges per sentence


def _range_compact(text: str, start: int, end: int) -> str:
    """Compacted text[start:end]; the ranges of the text last read are kept, since each
    sentence and clause is tested against many patterns in turn."""
    if _memo[0] is not text:
        _memo[:] = [text, {}]
    ranges: dict[tuple[int, int], str] = _memo[1]
    found = ranges.get((start, end))
    if found is None:
        if len(ranges) >= MEMO_RANGES:
            ranges.clear()
        found = ranges[(start, end)] = compact(text[start:end])
    return found


class Gated:
    """A compiled pattern whose `finditer` and `search` skip a range that lacks all its leads
    (or, for a pattern with many leads, all the literals it needs: `needs`).

    Same results as the pattern itself (the rest of its API is passed through as is)."""

    __slots__ = ("_leads", "_needs", "_scan", "compiled")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.compiled = pattern
        self._scan = headed(pattern)  # what finditer and search run
        found = leads(pattern.pattern, pattern.flags)
        long = () if found is None else [x for x in found if len(x) == WIDTH]
        if found is None or len(long) > FEW_LEADS:  # what every match needs, when known
            found = needs(pattern.pattern, pattern.flags)
        # the literals to look for (one of them is in every match's compacted text: its leads,
        # or what it needs), or None: the pattern is always run
        self._leads = None if found is None else tuple(sorted(found))
        # the other sets of literals one of each of which every match holds (`requirements`)
        self._needs = tuple(
            wanted
            for wanted in (
                tuple(sorted(one)) for one in requirements(pattern.pattern, pattern.flags)
            )
            if wanted != self._leads
        )

    @property
    def pattern(self) -> str:
        return self.compiled.pattern

    @property
    def flags(self) -> int:
        return self.compiled.flags

    def _absent(self, text: str, start: int, end: int) -> bool:
        if end > len(text):
            end = len(text)
        leads = self._leads
        if leads is None or end - start < MIN_GATED:
            return False
        low = _memo[1].get((start, end)) if _memo[0] is text else None  # as _range_compact
        if low is None:
            low = _range_compact(text, start, end)
        for lead in leads:  # _holds_any, inline: this runs for every pattern and range
            if lead in low:
                break
        else:
            return True
        for wanted in self._needs:  # noqa: SIM110 (a loop: `any` over a generator costs more)
            if not _holds_any(low, wanted):
                return True
        return False

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        if self._absent(text, pos, endpos):
            return iter(())
        return self._scan.finditer(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if self._absent(text, pos, endpos):
            return None
        return self._scan.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.fullmatch(text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled.findall(text, pos, endpos)
