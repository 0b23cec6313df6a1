"""Codebook wording of the ceasefire.* and territory.* provisions (data: codebook_wording_g1).

Sentences written for this test (invented wording, well-known places and states), in the many
ways English-language news words each provision: synonyms, nominalisations, passives, named
instances (a region, a city), British and US spelling, hyphenation. Every positive must be coded
with its code by the codebook's own matcher, with the leads index the detector uses; every
negative (the code's `excludes`, a neighbouring code, the same words in another sense) must not.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from talkspkg.stages.proposals.codebook import load_codebook
from talkspkg.stages.proposals.cues import load_cues
from talkspkg.stages.proposals.detect import lead_index
from talkspkg.stages.proposals.hits import find_terms
from talkspkg.stages.proposals.text import Sentence

WORDINGS = yaml.safe_load(
    (Path(__file__).parent / "data" / "codebook_wording_g1.yaml").read_text(encoding="utf-8")
)
CASES = [
    (code, sentence, positive)
    for code, sets in WORDINGS.items()
    for positive, key in ((True, "positive"), (False, "negative"))
    for sentence in sets.get(key) or []
]


def codes_in(text: str) -> set[str]:
    """The codes the codebook's wording finds in `text`, as one sentence (as the detector runs
    it: with the leads index of stages/leads.py)."""
    live = lead_index().live(text)
    return {h.label for h in find_terms(text, Sentence(0, 0, 0, len(text)), load_codebook(), live)}


@pytest.mark.parametrize(("code", "sentence", "positive"), CASES)
def test_a_provision_is_coded_in_its_news_wordings(code: str, sentence: str, positive: bool):
    assert (code in codes_in(sentence)) is positive


def test_every_group_code_has_a_wording_set():
    codes = {c.code for c in load_codebook() if c.category in ("ceasefire", "territory")}
    assert set(WORDINGS) == codes
    for sets in WORDINGS.values():
        assert len(sets["positive"]) >= 12 and len(sets["negative"]) >= 4


def test_the_leads_index_holds_the_patterns_the_detector_matches():
    # the detector matches load_codebook()/load_cues(); the index must know those very objects
    # (identity), however many patterns the knowledge files hold
    indexed = {id(p) for p in lead_index()._patterns}
    assert {id(p) for p in load_codebook().patterns()} <= indexed
    assert {id(p) for p in load_cues().patterns()} <= indexed


def test_the_wording_stays_fast_on_a_long_text():
    filler = " ".join(s for sets in WORDINGS.values() for s in sets["positive"])
    words = filler.split()
    text = " ".join((words * (5000 // len(words) + 1))[:5000])  # one 5,000-word "sentence"
    start = time.perf_counter()
    find_terms(text, Sentence(0, 0, 0, len(text)), load_codebook(), lead_index().live(text))
    assert time.perf_counter() - start < 2.0
