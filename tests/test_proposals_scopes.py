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


Terms = set[tuple[str, str]]

# (text, terms that must be found, terms that must not, positions that must be found)
OFFERS: list[tuple[str, Terms, Terms, Positions]] = [
    # ------------------------------------------------ a possibility is no offer
    ("Russia could offer a 30-day truce.", set(), {(RU, TEMP)}, set()),
    ("Kyiv might propose a prisoner exchange.", set(), {(UA, POW)}, set()),
    ("Washington may yet propose sanctions relief.", set(), {(US, RELIEF)}, set()),
    # a readiness reported as possible is an offer (the gold counts it), hedged
    (
        "Reports suggest Ukraine may be poised to freeze the front line.",
        {(UA, FREEZE)},
        set(),
        set(),
    ),
    ("Russia reportedly offered a 30-day truce.", {(RU, TEMP)}, set(), set()),
    ("Ukraine proposed a 30-day ceasefire.", {(UA, TEMP)}, set(), set()),
]


@pytest.mark.parametrize(
    ("text", "found", "absent", "stances"), OFFERS, ids=[c[0][:50] for c in OFFERS]
)
def test_an_offer_is_read_with_its_modal_and_its_condition(text, found, absent, stances):
    terms, positions = claims(text)
    assert found <= terms, (text, terms)
    assert not absent & terms, (text, terms)
    assert stances <= positions, (text, positions)


def test_a_hedged_or_intended_offer_weighs_less_than_a_direct_one():
    from pathlib import Path

    from test_proposals_wording import KB

    from talkspkg.pipeline import make_article
    from talkspkg.raw import RawFile
    from talkspkg.stages.mentions import mentions
    from talkspkg.stages.proposals import term_evidence

    def weight(text: str) -> float:
        article = make_article(RawFile(Path("raw/x.txt"), "x", "\n" + text + "\n", "0" * 64))
        found = term_evidence(article, KB, mentions(article, KB))
        return max(e.confidence for e in found if e.stance == "proposes" and e.code == TEMP)

    direct = weight("Russia offered a 30-day truce.")
    assert weight("Russia reportedly offered a 30-day truce.") < direct
    assert weight("Moscow will propose a 30-day truce.") < direct
    assert weight("Moscow signalled it would propose a 30-day truce.") < direct
    assert weight("Russia is open to a 30-day truce.") < direct
    assert weight("According to Sybiha, Russia offered a 30-day truce.") < direct
    assert weight("Moscow offered a 30-day truce on Friday.") == direct


@pytest.mark.parametrize(
    "text",
    [
        "It was not Kyiv that rejected the full ceasefire, but Moscow.",
        "It is not the Kremlin who blocked a prisoner exchange.",
        "It was not Washington that proposed a 30-day truce but Ankara.",
    ],
)
def test_a_negated_cleft_gives_its_actor_nothing(text):
    terms, positions = claims(text)
    assert not {t for t in terms if t[0] in (UA, RU, US)}, (text, terms)
    assert not {p for p in positions if p[0] in (UA, RU, US)}, (text, positions)
