"""Literal leads (stages/leads.py): a pattern is skipped only when it cannot match."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talkspkg.stages.leads import (
    Gated,
    LeadIndex,
    compact,
    fold,
    headed,
    leads,
    needs,
    requirements,
)
from talkspkg.stages.proposals import load_codebook, load_cues

RAW = Path(__file__).resolve().parent.parent / "raw"


def knowledge_patterns() -> list[re.Pattern[str]]:
    return [*load_codebook().patterns(), *load_cues().patterns()]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bin\s+(?:exchange|return)\s+for\b", {"in ex", "in re"}),
        (r"\bpartial\s+(?:ceasefire|truce)\b", {"parti"}),
        (r"\b(?:ceasefire|cease-fire|truce)\b", {"cease", "truce"}),
        (r"\bon\s+(?:the\s+)?condition\b", {"on th", "on co"}),
        (r"\bCrimea(?:n\s+peninsula)?", {"crime"}),
        (r"\bno[- ]go\b", {"no-go", "no go"}),
        (r"\b(?:US|U\.S\.)\s+plan", {"us pl", "u.s. "}),
        (r"a\s*b", {"ab", "a b"}),  # whole matches shorter than the width
        (r"\b\d+-day", {"0"}),  # every digit is "0" in the compacted text
        (r"\b\d[\d,]*[- ]for", {"0 for", "0-for", "0,", "00"}),
    ],
)
def test_leads_of_literal_starts(pattern: str, expected: set[str]) -> None:
    assert leads(pattern, re.IGNORECASE) == expected


@pytest.mark.parametrize("pattern", [r"\w+ said", r"(?:truce)?\s*\w", r".", r""])
def test_patterns_that_may_start_with_anything_have_no_leads(pattern: str) -> None:
    assert leads(pattern, re.IGNORECASE) is None


def test_compact_folds_case_and_whitespace_runs() -> None:
    assert compact("In\u00a0 Exchange\nFOR 2025") == " in exchange for 0000 "


def test_live_keeps_patterns_whose_lead_occurs_and_drops_the_others() -> None:
    exchange = re.compile(r"\bin\s+exchange\s+for\b", re.IGNORECASE)
    truce = re.compile(r"\btruce\b", re.IGNORECASE)
    digits = re.compile(r"\b\d+-day\b", re.IGNORECASE)
    index = LeadIndex([exchange, truce, digits])
    assert index.live("Sanctions relief IN\n  EXCHANGE for a deal").ids == {id(exchange)}
    assert index.live("A truce.").ids == {id(truce)}
    assert index.live("A 30-day truce.").ids == {id(truce), id(digits)}


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(?:full|complete)\s+(?:ceasefire|truce)\b", {"ceasefire", "truce"}),
        (r"\b(?:new\s+|fresh\s+)?talks\b", {"talks"}),  # optional words are not needed
        (r"(?:(?<=threat\sof\s)|(?<=threats\sof\s))sanctions", {"sanctions"}),  # lookbehinds
        (r"\w+\s+said", {"said"}),
        (r"\b\d+-Day\b", {"-day"}),  # folded; digits and spaces end a literal
        (r"\bin\s+exchange\s+for\b", {"exchange"}),  # the longest of the needed literals
        (r"(?:Kyiv|Moscow)['’]s\s+(?:demands|terms)", {"demands", "terms"}),  # the longer
    ],
)
def test_needs_are_the_literals_every_match_holds(pattern: str, expected: set[str]) -> None:
    assert needs(pattern, re.IGNORECASE) == expected


@pytest.mark.parametrize("pattern", [r"\bto\b", r"(?:talks)?", r"\w+", r"(?:talks|\w+)"])
def test_a_pattern_needs_nothing_known_when_a_match_may_lack_every_long_literal(
    pattern: str,
) -> None:
    assert needs(pattern, re.IGNORECASE) is None


def test_every_match_of_a_knowledge_pattern_in_the_seeds_holds_a_needed_literal() -> None:
    checked = 0
    for pattern in knowledge_patterns():
        wanted = needs(pattern.pattern, pattern.flags)
        if wanted is None:
            continue
        for path in sorted(RAW.glob("*.txt")):
            for m in pattern.finditer(path.read_text(encoding="utf-8")):
                assert any(w in compact(m.group()) for w in wanted), (pattern.pattern, m.group())
                checked += 1
    assert checked > 20


def test_gated_skips_a_range_without_what_a_pattern_of_many_leads_needs() -> None:
    words = [chr(ord("a") + i) * 2 + "word" for i in range(20)]  # 20 leads: too many to look for
    pattern = re.compile(rf"\b(?:{'|'.join(words)})\s+summit\b", re.IGNORECASE)
    assert needs(pattern.pattern, pattern.flags) == {"summit"}
    gated = Gated(pattern)
    calm = "Officials ccword and ddword met for talks in the capital on Monday."
    assert gated._absent(calm, 0, len(calm))
    busy = "Officials said the CCWORD   Summit would open in the capital on Monday."
    assert not gated._absent(busy, 0, len(busy))
    assert [m.group() for m in gated.finditer(busy)] == ["CCWORD   Summit"]


def test_live_finds_leads_and_literals_starting_where_a_longer_one_starts() -> None:
    """One scan gives the longest lead or literal at each position; the shorter ones starting
    there ("truc", "cease" inside "ceasefire") are found too."""
    cease = re.compile(r"\bcease\w*", re.IGNORECASE)
    ceasefire = re.compile(r"\bceasefire\b", re.IGNORECASE)
    truce = re.compile(r"\btruc(?:e|es)\b", re.IGNORECASE)
    index = LeadIndex([cease, ceasefire, truce])
    assert index.live("A CEASEFIRE and truces.").ids == {id(cease), id(ceasefire), id(truce)}
    assert index.live("They ceased fire.").ids == {id(cease)}
    assert index.live("No truth.").ids == set()


def test_live_drops_a_pattern_whose_lead_occurs_but_not_what_it_needs() -> None:
    pattern = re.compile(r"\bfull\s+(?:ceasefire|truce)\b", re.IGNORECASE)
    index = LeadIndex([pattern])
    assert index.live("A full and lasting peace.").ids == set()
    assert index.live("A FULL\nCeasefire now.").ids == {id(pattern)}


def test_requirements_are_every_set_of_literals_a_match_holds_needs_first() -> None:
    pattern = r"\b(?:Russia|Moscow)\s+(?:would|could)\s+(?:never\s+)?accept\s+(?:a\s+)?truce"
    assert requirements(pattern, re.IGNORECASE) == (
        frozenset({"accept"}),  # needs: the most telling
        frozenset({"could", "would"}),
        frozenset({"moscow", "russia"}),
        frozenset({"truce"}),
    )
    assert requirements(r"\bto\b", re.IGNORECASE) == ()


def test_live_drops_a_pattern_lacking_a_rarer_word_than_its_leads() -> None:
    pattern = re.compile(r"\b(?:Russia|Moscow)\s+(?:\w+\s+){0,3}?rejected\s+the\s+truce\b", re.I)
    index = LeadIndex([pattern])
    assert index.live("Russia and Moscow rejected the offer of talks.").ids == set()
    assert index.live("Moscow firmly rejected the truce.").ids == {id(pattern)}
    gated = Gated(pattern)
    calm = "Officials in Moscow said on Monday that the truce would hold."
    assert gated._absent(calm, 0, len(calm))
    busy = "On Monday, Moscow again rejected  the truce, officials said."
    assert [m.group() for m in gated.finditer(busy)] == ["Moscow again rejected  the truce"]


def test_fold_maps_every_character_ignorecase_equates_with_an_ascii_letter() -> None:
    """Over all of Unicode: if `re.IGNORECASE` lets character t match ASCII letter c, then
    fold(t) == c (so a lead found in the pattern is found in the folded text)."""
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for t in set(re.findall(letter, everything, re.IGNORECASE)):
            assert fold(t) == letter, (hex(ord(t)), letter)


def test_every_knowledge_pattern_that_matches_a_seed_line_is_live() -> None:
    """On every line of every article: a pattern that matches is never skipped."""
    patterns = knowledge_patterns()
    index = LeadIndex(patterns)
    matched = 0
    for path in sorted(RAW.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            live = index.live(line)
            for p in patterns:
                if p.search(line):
                    matched += 1
                    assert p in live, (p.pattern, line)
    assert matched > 50  # the check has something to check


WORDS = [
    "in",
    "exchange",
    "for",
    "Crimea",
    "truce",
    "ceasefire",
    "US",
    "plan",
    "the",
    "NATO",
    "30-day",
    "1,000",
    "talks",
    "Wednesday",
    "April",
]
SPACES = [" ", "  ", "\n", "\u00a0", "\t", ""]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SPACES), st.booleans()), max_size=12)
)
def test_skipped_patterns_never_match(parts: list[tuple[str, str, bool]]) -> None:
    text = "".join((w.upper() if up else w) + sp for w, sp, up in parts)
    patterns = knowledge_patterns()
    live = LeadIndex(patterns).live(text)
    for p in patterns:
        if p not in live:
            assert p.search(text) is None, (p.pattern, text)


def meeting_patterns() -> list[re.Pattern[str]]:
    from talkspkg.stages.meetings.dates import _patterns
    from talkspkg.stages.meetings.vocab import load_vocab

    vocab = load_vocab()
    gated = [g for g in vars(vocab).values() if isinstance(g, Gated)]
    gated += [g for v in vars(vocab).values() if isinstance(v, dict) for g in v.values()]
    gated += list(_patterns(vocab).values())
    return [g.compiled for g in gated if isinstance(g, Gated)]


MEETING_WORDS = [
    "talks",
    "met",
    "in",
    "London",
    "on",
    "Wednesday",
    "April",
    "23",
    "2025",
    "called",
    "by",
    "phone",
    "were",
    "cancelled",
    "officials",
    "next",
    "week",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(MEETING_WORDS), st.sampled_from(SPACES), st.booleans()),
        max_size=14,
    ),
    st.integers(0, 8),
)
def test_gated_patterns_find_what_their_pattern_finds(
    parts: list[tuple[str, str, bool]], cut: int
) -> None:
    text = "".join((w.upper() if up else w.capitalize()) + sp for w, sp, up in parts)
    start, end = min(cut, len(text)), len(text)
    for pattern in meeting_patterns():
        gated = Gated(pattern)
        assert gated.pattern == pattern.pattern
        assert [m.span() for m in gated.finditer(text, start, end)] == [
            m.span() for m in pattern.finditer(text, start, end)
        ]
        found, expected = gated.search(text, start, end), pattern.search(text, start, end)
        assert (found and found.span()) == (expected and expected.span())


def test_gated_skips_a_sentence_without_its_leads() -> None:
    pattern = re.compile(r"(?<![\w-])(?:talks|summit)(?![\w-])", re.IGNORECASE)
    gated = Gated(pattern)
    calm = "The weather in the capital was unremarkable all week long."
    assert gated._absent(calm, 0, len(calm))
    busy = "Leaders met for TALKS in the capital on a long unremarkable day."
    assert not gated._absent(busy, 0, len(busy))
    assert [m.group() for m in gated.finditer(busy)] == ["TALKS"]


ODD = [
    "\u212aremlin",
    "Cea\u017fefire",
    "\u0130stanbul",
    "\u0663\u0660-day",
    "\u2003talks",
    "NATO\u2019s",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from([*WORDS, *MEETING_WORDS, *ODD]), st.sampled_from(SPACES)),
        max_size=14,
    ),
    st.integers(0, 8),
)
def test_headed_patterns_find_what_their_pattern_finds(
    parts: list[tuple[str, str]], cut: int
) -> None:
    text = "".join(w + sp for w, sp in parts)
    start = min(cut, len(text))
    for pattern in [*knowledge_patterns(), *meeting_patterns()]:
        scan = headed(pattern)
        assert [(m.span(), m.groups()) for m in scan.finditer(text, start)] == [
            (m.span(), m.groups()) for m in pattern.finditer(text, start)
        ], pattern.pattern


def test_headed_keeps_a_pattern_whose_start_is_not_literal() -> None:
    for source in (r"\w+\s+said", r"(?i)talks", r"(?x) talks  # a comment"):
        pattern = re.compile(source)
        assert headed(pattern) is pattern
