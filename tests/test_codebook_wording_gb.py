"""Codebook wording, round 2, group GB (sanctions, economy, humanitarian, infrastructure,
process, political): stance statements and plan items worded loosely.

Our own sentences (tests/data/codebook_wordings/gb_own.yaml), at least half of each code's
positives stance statements ("Moscow insists that Western restrictions on its economy be rolled
back", "Kyiv called on Europe to blacklist more ships of the shadow fleet"), the rest news words
for a plan item. Each positive must be found as its code by the detector's matcher
(`detect.codes_in`); each negative (an `excludes`, a neighbouring code, the same words in another
sense, an event report rather than a provision) must not. `left_out` is documented, not asserted.
gb_cross.yaml is the held-out set the other group's engineer wrote for these codes (what the
broadened patterns were measured on), kept as a regression set.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from talkspkg import yamlio
from talkspkg.stages.proposals.codebook import load_codebook
from talkspkg.stages.proposals.detect import codes_in

DATA = Path(__file__).parent / "data" / "codebook_wordings"
CATEGORIES = {"sanctions", "economy", "humanitarian", "infrastructure", "process", "political"}
# set -> the fewest positives a code has
SETS = {"gb_own": 10, "gb_cross": 7}
WORDINGS = {s: yamlio.safe_load((DATA / f"{s}.yaml").read_text(encoding="utf-8")) for s in SETS}
CASES = [
    pytest.param(code, sentence, positive, id=f"{name}-{code}-{key}-{n}")
    for name, wordings in WORDINGS.items()
    for code, sets in wordings.items()
    if code != "left_out"
    for positive, key in ((True, "positive"), (False, "negative"))
    for n, sentence in enumerate(sets.get(key) or [])
]


@pytest.mark.parametrize("name", SETS)
def test_every_code_of_the_group_has_stance_and_plan_wordings(name: str) -> None:
    codes = {c.code for c in load_codebook() if c.category in CATEGORIES}
    assert set(WORDINGS[name]) - {"left_out"} == codes
    for code in codes:
        sets = WORDINGS[name][code]
        assert len(sets["positive"]) >= SETS[name] and len(sets["negative"]) >= 4


@pytest.mark.parametrize(("code", "sentence", "positive"), CASES)
def test_a_provision_is_coded_in_stance_and_plan_wordings(code: str, sentence: str, positive: bool):
    assert (code in codes_in(sentence)) is positive


def _scan_seconds(text: str) -> float:
    """The best of three timings of one scan (the least disturbed by other processes)."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        codes_in(text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("name", SETS)
def test_scanning_the_wordings_grows_linearly(name: str) -> None:
    """The broadened patterns (gaps, `[^.;]` windows) backtrack linearly: one comma-separated
    run of 5,000 words costs about five times one of 1,000, not 25 (a ratio of CPU times)."""
    words = " ".join(
        s
        for code, sets in WORDINGS[name].items()
        if code != "left_out"
        for s in sets["positive"] + sets["negative"]
    ).split()
    texts = [" ".join((words * (n // len(words) + 1))[:n]).replace(".", ",") for n in (1000, 5000)]
    short, long = (_scan_seconds(t) for t in texts)
    assert long < 12 * max(short, 1e-3)
