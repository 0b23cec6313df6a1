"""Stage `proposals`: clause structure around a stance, on sentences of our own.

Families: a fronted adjunct ("According to X,", "In a call with X,", "Speaking to X,", "After
meeting X,", "Asked by X,") is never a co-holder of the list that follows it; a negated
rejection ("refused to rule out", "did not reject", "never opposed") is no stance. Each case
asserts the positions (state, stance, code) that must be found AND those that must not.
"""

from __future__ import annotations

import pytest
from test_proposals_wording import claims

US, RU, UA, UK, FR, DE = (
    "united-states",
    "russia",
    "ukraine",
    "united-kingdom",
    "france",
    "germany",
)
FULL, TEMP, CESSION = "ceasefire.full", "ceasefire.temporary", "territory.cession"
RELIEF, FREEZE, POW = (
    "sanctions.relief",
    "territory.freeze_front_line",
    ("humanitarian.prisoner_exchange"),
)
ELECTIONS = "political.elections"

Positions = set[tuple[str, str, str]]

CASES: list[tuple[str, Positions, Positions]] = [
    # ------------------------------------------------ a fronted adjunct is no co-holder
    (
        "According to Peskov, Kyiv and London rejected a full ceasefire.",
        {(UA, "rejects", FULL), (UK, "rejects", FULL)},
        {(RU, "rejects", FULL)},
    ),
    (
        "In a call with Erdogan, Zelensky and Macron rejected any cession of territory.",
        {(UA, "rejects", CESSION), (FR, "rejects", CESSION)},
        {("turkey", "rejects", CESSION)},
    ),
    (
        "Speaking to Merz, Trump and Starmer ruled out sanctions relief.",
        {(US, "rejects", RELIEF), (UK, "rejects", RELIEF)},
        {(DE, "rejects", RELIEF)},
    ),
    (
        "After meeting Putin, Lukashenko and Orban backed a 30-day truce.",
        {("belarus", "supports", TEMP), ("hungary", "supports", TEMP)},
        {(RU, "supports", TEMP)},
    ),
    (
        "Asked by Erdogan, Zelensky and Macron rejected any cession of territory.",
        {(UA, "rejects", CESSION), (FR, "rejects", CESSION)},
        {("turkey", "rejects", CESSION)},
    ),
    # ------------------------------------------------ two negations: the holder keeps it open
    (
        "Zelensky refused to rule out a freeze of the front line.",
        set(),
        {(UA, "rejects", FREEZE), (UA, "supports", FREEZE)},
    ),
    (
        "The Kremlin declined to reject a 30-day truce.",
        set(),
        {(RU, "rejects", TEMP), (RU, "supports", TEMP)},
    ),
    (
        "Moscow has refused to dismiss the idea of a prisoner exchange.",
        set(),
        {(RU, "rejects", POW)},
    ),
    ("Trump has never opposed a prisoner exchange.", set(), {(US, "rejects", POW)}),
    ("London did not reject a 30-day truce.", set(), {(UK, "rejects", TEMP)}),
    # one negation: a refusal
    (
        "Kyiv refused to accept a freeze of the front line.",
        {(UA, "rejects", FREEZE)},
        {(UA, "supports", FREEZE)},
    ),
    # a list opening the clause is still a list of holders
    (
        "United States, Britain and France backed a 30-day truce.",
        {(US, "supports", TEMP), (UK, "supports", TEMP), (FR, "supports", TEMP)},
        set(),
    ),
    (
        "On Tuesday, Britain, France and Germany backed a 30-day truce.",
        {(UK, "supports", TEMP), (FR, "supports", TEMP), (DE, "supports", TEMP)},
        set(),
    ),
]


@pytest.mark.parametrize(("text", "found", "absent"), CASES, ids=[c[0][:50] for c in CASES])
def test_clause_structure_decides_the_holders(text, found, absent):
    _, positions = claims(text)
    assert found <= positions, (text, positions)
    assert not absent & positions, (text, positions)
