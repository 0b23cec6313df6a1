"""Codebook wording: every provision in the many ways English-language news words it.

The sentences are our own, none from an article (tests/data/codebook_wordings/<group>.yaml):
synonyms, nominalisations, passives, quantities, named instances (a region, a plant, a sea),
British and US spelling, hyphenation. Each group's set was written by another engineer than the
one who wrote its codes' patterns, then extended by the pattern's author (docs/QUALITY.md, "What
the vocabulary can see"). Each positive must be found as its code by the codebook's matcher as
the detector reads a sentence (`detect.codes_in`); each negative (an `excludes`, a neighbouring
code, the same words in another sense, an event report rather than a provision) must not.

`left_out` wordings (g3, ga, gb) are documented, not asserted: the codebook deliberately leaves
them, because the wording is too vague to code without guessing (precision first), or names
something outside the code's definition (the Orthodox church is not "Russian language and
culture"), or is an ultimatum to accept a proposal, which the gold does not code as a
settlement deadline, or sanctions lifted in stages, which the existing tests code as sanctions
relief, not sequencing.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from talkspkg import yamlio
from talkspkg.stages.proposals.codebook import load_codebook
from talkspkg.stages.proposals.cues import load_cues
from talkspkg.stages.proposals.detect import codes_in, lead_index

DATA = Path(__file__).parent / "data" / "codebook_wordings"
_GA = {"ceasefire", "territory", "security"}
_GB = {"sanctions", "economy", "humanitarian", "infrastructure", "process", "political"}
# set -> (its codes' categories, the fewest positives a code has). Round 1: g1-g3. Round 2
# (stance statements, at least half of each code's positives): ga and gb_own, written by the
# engineer of those codes' patterns, and gb_cross, the held-out set the GA engineer wrote for the
# GB codes (what the broadened patterns were measured on), kept as a regression set.
GROUPS = {
    "g1": ({"ceasefire", "territory"}, 12),
    "g2": ({"security", "sanctions"}, 12),
    "g3": ({"economy", "humanitarian", "infrastructure", "process", "political"}, 10),
    "ga": (_GA, 10),
    "gb_own": (_GB, 10),
    "gb_cross": (_GB, 7),
}
# a set's own `left_out` list (documented, not asserted), beside its codes
_LOOSE = "left_out"
WORDINGS: dict[str, dict[str, dict[str, list[str]]]] = {
    group: {
        code: sets
        for code, sets in yamlio.safe_load(
            (DATA / f"{group}.yaml").read_text(encoding="utf-8")
        ).items()
        if code != _LOOSE
    }
    for group in GROUPS
}
CASES = [
    pytest.param(code, sentence, positive, id=f"{group}-{code}-{key}-{n}")
    for group, wordings in WORDINGS.items()
    for code, sets in wordings.items()
    for positive, key in ((True, "positive"), (False, "negative"))
    for n, sentence in enumerate(sets.get(key) or [])
]


@pytest.mark.parametrize("group", GROUPS)
def test_every_code_of_the_group_has_its_wordings(group: str) -> None:
    categories, fewest = GROUPS[group]
    assert set(WORDINGS[group]) == {c.code for c in load_codebook() if c.category in categories}
    for sets in WORDINGS[group].values():
        assert len(sets["positive"]) >= fewest and len(sets["negative"]) >= 4


@pytest.mark.parametrize(("code", "sentence", "positive"), CASES)
def test_a_provision_is_coded_in_its_news_wordings(code: str, sentence: str, positive: bool):
    assert (code in codes_in(sentence)) is positive


def test_the_vocabulary_is_one_object_however_it_is_loaded() -> None:
    """The lead index knows patterns by identity: `load_codebook()` and `load_codebook(None)`
    (and the cues alike) must be the same object, whatever the size of the vocabulary (more
    patterns than `re`'s compile cache holds once made the stage find nothing)."""
    assert load_codebook() is load_codebook(None)
    assert load_cues() is load_cues(None)
    indexed = {id(p) for p in lead_index()._patterns}
    assert {id(p) for p in load_codebook().patterns()} <= indexed
    assert {id(p) for p in load_cues().patterns()} <= indexed


# group -> (sentence ends made commas: one 5,000-word sentence, the worst case for gaps; bound)
COMMA_RUNS = {"g1": False, "g2": False, "g3": True, "ga": False, "gb_own": True, "gb_cross": True}


def _scan_seconds(text: str) -> float:
    """The best of three timings of one scan (the least disturbed by other processes)."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        codes_in(text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("group", GROUPS)
def test_scanning_grows_linearly_with_the_text(group: str) -> None:
    """No wording pattern backtracks catastrophically: a text five times longer (one sentence of
    5,000 words, or one comma-separated run for g3) costs about five times more, not 25 or
    more. A ratio of CPU times, so a loaded machine does not fail it; absolute speed is
    measured by the benchmarks."""
    words = " ".join(
        s for sets in WORDINGS[group].values() for s in sets["positive"] + sets["negative"]
    ).split()
    texts = [" ".join((words * (n // len(words) + 1))[:n]) for n in (1000, 5000)]
    if COMMA_RUNS[group]:
        texts = [t.replace(".", ",") for t in texts]
    short, long = (_scan_seconds(t) for t in texts)
    assert long < 12 * max(short, 1e-3)
