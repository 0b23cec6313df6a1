"""Codebook wording of the security.* and sanctions.* provisions, in the many ways news prose
words them (tests/data/codebook_wordings/g2.yaml: sentences of our own, none from an article).

Each positive must be found as its code by the codebook's own matcher (`hits.find_terms`, with
`yields_to` applied); each negative (an `excludes`, a neighbouring code, the same words in
another sense) must not be. A 5,000-word text of such sentences stays fast to scan.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from talkspkg import yamlio
from talkspkg.stages.proposals.codebook import load_codebook
from talkspkg.stages.proposals.detect import lead_index
from talkspkg.stages.proposals.hits import find_terms
from talkspkg.stages.proposals.text import Sentence

WORDINGS = Path(__file__).parent / "data" / "codebook_wordings" / "g2.yaml"
DATA: dict[str, dict[str, list[str]]] = yamlio.safe_load(WORDINGS.read_text(encoding="utf-8"))
POSITIVE = [(code, s) for code, sets in DATA.items() for s in sets["positive"]]
NEGATIVE = [(code, s) for code, sets in DATA.items() for s in sets["negative"]]


def codes_in(text: str) -> set[str]:
    """The codes the codebook finds in one sentence, through the lead index as the stage does."""
    live = lead_index().live(text)
    return {h.label for h in find_terms(text, Sentence(0, 0, 0, len(text)), load_codebook(), live)}


def test_the_wordings_cover_the_groups_codes() -> None:
    codes = {c for c in load_codebook().codes if c.split(".")[0] in ("security", "sanctions")}
    assert set(DATA) == codes
    for sets in DATA.values():
        assert len(sets["positive"]) >= 12 and len(sets["negative"]) >= 4


@pytest.mark.parametrize(("code", "sentence"), POSITIVE)
def test_a_wording_of_the_provision_is_found(code: str, sentence: str) -> None:
    assert code in codes_in(sentence)


@pytest.mark.parametrize(("code", "sentence"), NEGATIVE)
def test_a_lookalike_is_not_the_provision(code: str, sentence: str) -> None:
    assert code not in codes_in(sentence)


def test_a_long_text_is_scanned_fast() -> None:
    sentences = [s for _, s in POSITIVE + NEGATIVE]
    text = " ".join(sentences * (5000 // sum(len(s.split()) for s in sentences) + 1))
    assert len(text.split()) >= 5000
    start = time.perf_counter()
    find_terms(text, Sentence(0, 0, 0, len(text)), load_codebook(), lead_index().live(text))
    assert time.perf_counter() - start < 2.0


def test_the_vocabulary_is_one_object_however_it_is_loaded() -> None:
    """The lead index knows patterns by identity: `load_codebook()` and `load_codebook(None)`
    (and the cues alike) must be the same object, whatever the size of the vocabulary."""
    from talkspkg.stages.proposals.cues import load_cues

    assert load_codebook() is load_codebook(None)
    assert load_cues() is load_cues(None)
