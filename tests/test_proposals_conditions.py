"""Stage `proposals`: demands stated as a condition of peace, noun proposals of a nationality
adjective, and an act of the holder's own on a condition, on sentences written for this file.

Families: "there can be no peace/deal without X" and "X is a precondition for any settlement"
(X demanded by whoever says it; not "no peace with X"); "the Dutch call for", "the European
push for" (a noun proposal of the adjective's state, no verb of the sentence's subject);
"would hold elections only after a ceasefire" (conditional on the act, no sequencing proposal);
a bare "present" that is no verb ("with observers present"); a plan noun whose relative clause
says who sent it ("the draft, which Paris sent to Kyiv, offers ...": Paris's), not one whose
relative clause names who rejected it; plural truces ("three-day truces") as the temporary
ceasefire; "refuses to hand it over" taking up what the sentence before named; a proposing verb
whose object is a term's head noun ("Qatari mediators had suggested the exchange"); a number
of regions ceded ("cede the two regions"); a plan's authors in an aside ("the plan, put forward
by A and B") and a nationality adjective with a role noun ("Dutch negotiators had proposed").
"""

from __future__ import annotations

import pytest
from test_proposals_wording import claims

US, RU, UA = "united-states", "russia", "ukraine"
TEMP, FULL = "ceasefire.temporary", "ceasefire.full"
GUARANTEES, POW = "security.guarantees", "humanitarian.prisoner_exchange"
ELECTIONS, SEQUENCING = "political.elections", "process.sequencing"
TROOPS, CRIMEA = "security.foreign_contingent", "territory.crimea_recognition"

Terms = set[tuple[str, str]]
Positions = set[tuple[str, str, str]]

# (text, terms wanted, positions wanted, terms unwanted, positions unwanted)
CASES: list[tuple[str, Terms, Positions, Terms, Positions]] = [
    (
        "Sybiha said there could be no lasting peace without security guarantees.",
        {(UA, GUARANTEES)},
        set(),
        set(),
        set(),
    ),
    (
        "Fidan said there would be no deal without an exchange of all prisoners.",
        {("turkey", POW)},
        set(),
        set(),
        set(),
    ),
    (
        "Lavrov said there could be no settlement without the recognition of Crimea as Russian.",
        {(RU, CRIMEA)},
        set(),
        set(),
        set(),
    ),
    (
        "Szijjarto said there can be no peace with security guarantees for Kyiv.",
        set(),
        set(),
        {("hungary", GUARANTEES)},
        set(),
    ),
    (
        "The updated 12-point draft, which Paris sent to Kyiv on Monday, offers Ukraine security "
        "guarantees and sets elections in Ukraine within 90 days.",
        {("france", GUARANTEES), ("france", ELECTIONS)},
        set(),
        {(UA, GUARANTEES), (UA, ELECTIONS)},
        set(),
    ),
    (
        "The blueprint, which the Kremlin handed to American envoys, demands a prisoner exchange.",
        {(RU, POW)},
        set(),
        {(US, POW)},
        set(),
    ),
    (
        "The plan, which Oslo criticised on Monday, offers security guarantees.",
        set(),
        set(),
        {("norway", GUARANTEES)},
        set(),
    ),
    (
        "Oslo turned down Minsk's offer of two-day truces along the northern front.",
        {("belarus", TEMP)},
        {("norway", "rejects", TEMP)},
        set(),
        set(),
    ),
    (
        "The Kremlin wants Kyiv to withdraw from all of the Kherson region. Kyiv will not give "
        "it up.",
        {(RU, "territory.cession")},
        {(UA, "rejects", "territory.cession")},
        set(),
        set(),
    ),
    (
        "Washington wants the frozen Russian assets lent to Ukraine. Belgium refuses to hand them "
        "over.",
        {(US, "economy.frozen_assets")},
        {("belgium", "rejects", "economy.frozen_assets")},
        set(),
        set(),
    ),
    (
        "Kyiv and Moscow traded 200 prisoners of war on Sunday. Qatari mediators had first "
        "suggested the exchange in June.",
        {("qatar", POW)},
        set(),
        set(),
        set(),
    ),
    (
        "Moscow wants a 30-day truce and a prisoner exchange. Oslo proposed the truce.",
        {("norway", TEMP)},
        set(),
        {("norway", POW)},
        set(),
    ),
    (
        "The Kremlin restated its demand that Kyiv give up the two regions it only partly holds.",
        {(RU, "territory.cession")},
        set(),
        set(),
        set(),
    ),
    (
        "The plan, put forward by Spain and Sweden, includes a 30-day truce.",
        {("spain", TEMP), ("sweden", TEMP)},
        set(),
        set(),
        set(),
    ),
    (
        "Dutch negotiators had proposed an exchange of prisoners at the last round.",
        {("netherlands", POW)},
        set(),
        set(),
        set(),
    ),
    (
        "Sybiha said a full ceasefire was a precondition for any peace deal.",
        {(UA, FULL)},
        set(),
        set(),
        set(),
    ),
    (
        "Moscow rejected the Dutch call for a 30-day truce.",
        {("netherlands", TEMP)},
        {(RU, "rejects", TEMP)},
        {(RU, TEMP)},
        set(),
    ),
    (
        "The Kremlin waved away the European push for a full ceasefire as theatre.",
        set(),
        set(),
        {(RU, FULL)},
        set(),
    ),
    (
        "Kyiv praised Ankara's renewed push for a prisoner exchange.",
        {("turkey", POW)},
        {(UA, "supports", POW)},
        set(),
        set(),
    ),
    (
        # reported by its own side: Ukraine's position (frames.py)
        "Sybiha said Ukraine would hold elections only after a ceasefire, with monitors present.",
        set(),
        {(UA, "conditional", ELECTIONS)},
        {(UA, ELECTIONS), (UA, SEQUENCING)},
        set(),
    ),
    (
        # what the president of another state says Ukraine would do: a prediction, no stance
        "Sandu said Ukraine would hold elections only after a ceasefire, with monitors present.",
        set(),
        set(),
        {(UA, ELECTIONS), (UA, SEQUENCING)},
        {(UA, "conditional", ELECTIONS), (UA, "supports", ELECTIONS)},
    ),
    (
        "Tusk said Poland would send troops to Ukraine only once a full ceasefire was in place.",
        {("poland", FULL)},
        {("poland", "conditional", TROOPS)},
        {("poland", TROOPS)},
        set(),
    ),
]


@pytest.mark.parametrize(
    ("text", "terms", "positions", "no_terms", "no_positions"),
    CASES,
    ids=[c[0][:40] for c in CASES],
)
def test_conditions(
    text: str, terms: Terms, positions: Positions, no_terms: Terms, no_positions: Positions
) -> None:
    found_terms, found_positions = claims(text)
    assert terms <= found_terms, found_terms
    assert positions <= found_positions, found_positions
    assert not (no_terms & found_terms), found_terms
    assert not (no_positions & found_positions), found_positions
