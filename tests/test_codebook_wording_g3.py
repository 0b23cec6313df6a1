"""Codebook wording of the economy, humanitarian, infrastructure, process and political codes.

The sentences (tests/data/wordings_g3.yaml) are our own, written the way English-language news
words each provision: synonyms, nominalisations, passives, British and US spelling, quantities
("some 20,000 children"), named instances (Enerhodar, Euroclear). Each positive must give its
code, each negative (an `excludes`, a neighbouring code, the same words in another sense, an
event report rather than a provision) must not. The codebook's own matcher is used as the
annotator runs it on one sentence.

`left_out` wordings are documented, not asserted: the codebook deliberately leaves them, because
the wording is too vague to code without guessing (precision first), or names something outside
the code's definition (the Orthodox church is not "Russian language and culture"), or is an
ultimatum to accept a proposal, which the gold does not code as a settlement deadline, or
sanctions lifted in stages, which the existing tests code as sanctions relief, not sequencing.
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
    (Path(__file__).parent / "data" / "wordings_g3.yaml").read_text(encoding="utf-8")
)
CODEBOOK = load_codebook()


def codes(text: str) -> set[str]:
    """The codes the stage's matcher finds in `text` as one sentence (lead filter included)."""
    found = find_terms(text, Sentence(0, 0, 0, len(text)), CODEBOOK, lead_index().live(text))
    return {h.label for h in found}


POSITIVES = [(code, s) for code, sets in WORDINGS.items() for s in sets["positive"]]
NEGATIVES = [(code, s) for code, sets in WORDINGS.items() for s in sets["negative"]]


def test_every_g3_code_has_its_wordings() -> None:
    g3 = {c.code for c in CODEBOOK if c.category in {"economy", "humanitarian"}} | {
        c.code for c in CODEBOOK if c.category in {"infrastructure", "process", "political"}
    }
    assert set(WORDINGS) == g3
    for sets in WORDINGS.values():
        assert len(sets["positive"]) >= 10 and len(sets["negative"]) >= 4


@pytest.mark.parametrize(("code", "text"), POSITIVES)
def test_positive_wording_is_coded(code: str, text: str) -> None:
    assert code in codes(text)


@pytest.mark.parametrize(("code", "text"), NEGATIVES)
def test_negative_wording_is_not_coded(code: str, text: str) -> None:
    assert code not in codes(text)


def test_lead_index_holds_the_patterns_the_stage_matches() -> None:
    """`Live` knows patterns by id: the index must be built from the very codebook and cues
    the stage loads, however many patterns there are (more than `re`'s compile cache)."""
    indexed = {id(p) for p in lead_index()._patterns}
    assert all(id(p) in indexed for p in CODEBOOK.patterns())
    assert all(id(p) in indexed for p in load_cues().patterns())


def test_a_long_text_stays_fast() -> None:
    words = " ".join(s for _, s in POSITIVES + NEGATIVES).split()
    text = " ".join((words * (5000 // len(words) + 1))[:5000])
    text = text.replace(".", ",")  # one 5,000-word "sentence": the worst case for gaps
    start = time.perf_counter()
    codes(text)
    assert time.perf_counter() - start < 5.0
