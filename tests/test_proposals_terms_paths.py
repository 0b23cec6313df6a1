"""Stage `proposals`: the path from a sentence holding a cue and a wording to a (proposer, code)
term, and wording families a real article of another month names a provision by.

Sentences are our own (other names, outlets' layouts), each mechanism with the variants it should
cover and the negatives it must not take:
- a commissive verb ("promised", like "pledged") proposes its subject's offer, not the noun
  ("despite promises of ...", "Moscow's promises");
- a proposal brought in answer ("countered with a proposal", "came up with a plan") is the
  verb's subject's;
- a declarative reporting a modal demand ("has made clear that Ukraine must ...", "maintains
  that") as a speech verb does;
- a possessive name inside a term's complement ("a cap of 600,000 troops on Ukraine's army")
  does not stop a plan's carry-over;
- codebook families: repatriating or handing back prisoners, commitments that Russia will not
  attack again, Russia's return to the world economy, softening sanctions, a nationwide vote,
  a temporary administration for Ukraine, foreign troops to be deployed, loans secured on
  Russian assets and Russian money held in banks, keeping the land it holds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from talkspkg.kb import load_knowledge
from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.mentions import mentions
from talkspkg.stages.proposals import term_evidence
from talkspkg.stages.proposals.detect import codes_in

KB = load_knowledge()


def terms(text: str) -> set[tuple[str, str]]:
    """(proposer, code) of every term an article of `text` claims."""
    article = make_article(RawFile(Path("raw/x.txt"), "x", "\n" + text + "\n", "0" * 64))
    found = term_evidence(article, KB, mentions(article, KB))
    return {(e.proposer_id or "", e.code) for e in found if e.proposal_id}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a commissive verb: the subject's offer
        (
            "Britain promised to send troops to Ukraine after a ceasefire.",
            {("united-kingdom", "security.foreign_contingent")},
        ),
        (
            "France promised security guarantees for Ukraine on Tuesday.",
            {("france", "security.guarantees")},
        ),
        # the noun, or a broken promise, proposes nothing
        ("Moscow's promises of a ceasefire were never kept.", set()),
        (
            "Despite promises of a swift prisoner exchange, no captives have come home.",
            set(),
        ),
        ("The promised prisoner exchange never happened.", set()),
        # a proposal brought in answer
        (
            "Russia rejected the plan. Moscow responded with a proposal of its own: a ceasefire "
            "along the current front line.",
            {("russia", "territory.freeze_front_line")},
        ),
        (
            "Kyiv came up with a new plan on Friday, calling for a full and unconditional "
            "ceasefire.",
            {("ukraine", "ceasefire.full")},
        ),
        # a declarative reporting a modal demand
        (
            "The Kremlin has made clear that Ukraine must withdraw from the Donetsk region.",
            {("russia", "territory.cession")},
        ),
        (
            "Moscow maintains that any settlement must include the lifting of sanctions.",
            {("russia", "sanctions.relief")},
        ),
        # a possessive name inside a term's complement does not stop the carry-over
        (
            "Washington's 28-point plan was handed to Kyiv last week. It includes the "
            "recognition of Crimea as Russian and a cap of 600,000 troops on Ukraine's army.",
            {
                ("united-states", "territory.crimea_recognition"),
                ("united-states", "security.army_limits"),
            },
        ),
        # but a subject of another side still does
        (
            "Washington's 28-point plan was handed to Kyiv last week. Ukraine's negotiators "
            "want security guarantees modelled on Article 5.",
            {("ukraine", "security.guarantees")},
        ),
    ],
)
def test_a_sentence_with_cue_and_wording_gives_its_term(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert terms(text) == expected


WORDINGS = {
    "humanitarian.prisoner_exchange": (
        [
            "Kyiv insists on the repatriation of all prisoners of war as a first step.",
            "Russia handed back 84 Ukrainian soldiers in return for the same number of troops.",
            "The two delegations agreed to hand over 1,200 detainees each.",
            "Moscow offered to repatriate wounded captives before the holidays.",
        ],
        [
            "Russia handed back the bodies of 900 fallen soldiers.",
            "The refugees were repatriated from Poland last spring.",
            "Ukraine handed over 30 documents to the court.",
        ],
    ),
    "security.guarantees": (
        [
            "Zelensky wants legally binding commitments that Russia will not attack again.",
            "Kyiv sought assurances that Moscow would never again invade.",
        ],
        ["Moscow gave assurances that it would not attack the convoy."],
    ),
    "sanctions.relief": (
        [
            "The plan envisages Russia's gradual reintegration into the global economy.",
            "Washington could offer Moscow a way back into the world economy.",
            "Kyiv opposes any softening of the sanctions regime before a ceasefire.",
            "Hungary pushed to water down the sanctions on Russian energy.",
        ],
        [
            "China's return to the global economy after the pandemic was slow.",
            "The EU will not weaken its resolve.",
        ],
    ),
    "political.elections": (
        [
            "Kyiv is ready to organise a nationwide vote under international observation.",
            "Putin suggested a temporary administration in Ukraine to run a new ballot.",
            "The document says Ukraine would hold general elections after a deal.",
        ],
        [
            "Moldova held parliamentary elections amid Russian interference.",
            "Poland will hold a nationwide vote in May.",
        ],
    ),
    "security.foreign_contingent": (
        [
            "Macron said thousands of French soldiers could be deployed after a ceasefire.",
            "Nordic units would be stationed in western Ukraine under the plan.",
        ],
        ["Russian soldiers would be deployed to the border, the ministry said."],
    ),
    "economy.frozen_assets": (
        [
            "Leaders backed a loan secured on Russian state assets.",
            "Zelensky urged Europe to give Ukraine the Russian money held in its banks.",
            "Moscow's funds parked at Euroclear should pay for the damage, Kyiv says.",
        ],
        ["Russian money held in Cyprus fuelled a property boom in the 2000s."],
    ),
    "territory.occupied_control_recognition": (
        [
            "Witkoff proposed that Russia keep the land it holds in Donetsk.",
            "The draft would let Moscow retain the territory it now controls.",
        ],
        ["Russian troops hold the land around Pokrovsk."],
    ),
}
WORDING_CASES = [
    pytest.param(code, sentence, positive, id=f"{code}-{'pos' if positive else 'neg'}-{n}")
    for code, (positives, negatives) in WORDINGS.items()
    for positive, sentences in ((True, positives), (False, negatives))
    for n, sentence in enumerate(sentences)
]


@pytest.mark.parametrize(("code", "sentence", "positive"), WORDING_CASES)
def test_a_provision_family_is_coded(code: str, sentence: str, positive: bool) -> None:
    assert (code in codes_in(sentence)) is positive
