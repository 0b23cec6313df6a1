"""Codebook wording, round 2, group GA (ceasefire.*, territory.*, security.*).

Our own sentences (tests/data/codebook_wordings/ga.yaml), none from an article, at least half of
them stance statements: an actor supports, rejects, demands or rules out a provision that it
words loosely ("a zone without troops", "the occupation must end", "guarantor states of
Ukraine's security", "Moscow's word that it will not attack again"). Each positive must be found
as its code by the detector's matcher (`detect.codes_in`, with `yields_to`); each negative must
not. `left_out` wordings are documented, not asserted: too elliptical to code without guessing.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from talkspkg import yamlio
from talkspkg.stages.proposals.codebook import load_codebook
from talkspkg.stages.proposals.detect import codes_in

DATA = Path(__file__).parent / "data" / "codebook_wordings" / "ga.yaml"
CATEGORIES = {"ceasefire", "territory", "security"}
WORDINGS: dict[str, dict[str, list[str]]] = yamlio.safe_load(DATA.read_text(encoding="utf-8"))
CASES = [
    pytest.param(code, sentence, positive, id=f"ga-{code}-{key}-{n}")
    for code, sets in WORDINGS.items()
    for positive, key in ((True, "positive"), (False, "negative"))
    for n, sentence in enumerate(sets.get(key) or [])
]


def test_every_code_of_the_group_has_its_wordings() -> None:
    assert set(WORDINGS) == {c.code for c in load_codebook() if c.category in CATEGORIES}
    for sets in WORDINGS.values():
        assert len(sets["positive"]) >= 10 and len(sets["negative"]) >= 4


@pytest.mark.parametrize(("code", "sentence", "positive"), CASES)
def test_a_provision_is_coded_in_its_stance_wordings(code: str, sentence: str, positive: bool):
    assert (code in codes_in(sentence)) is positive


def _scan_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        codes_in(text)
        best = min(best, time.process_time() - start)
    return best


def test_scanning_the_group_wordings_grows_linearly() -> None:
    """One 5,000-word sentence costs about five times a 1,000-word one, not 25 times or more."""
    words = " ".join(
        s for sets in WORDINGS.values() for s in sets["positive"] + sets["negative"]
    ).split()
    short, long = (
        _scan_seconds(" ".join((words * (n // len(words) + 1))[:n])) for n in (1000, 5000)
    )
    assert long < 12 * max(short, 1e-3)
