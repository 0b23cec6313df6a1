"""Stage `proposals`: the path from a sentence holding a cue and a wording to a (proposer, code)
term, and wording families a real article of another month names a provision by.

Sentences are our own (other names, outlets' layouts), each mechanism with the variants it should
cover and the negatives it must not take:
- a commissive verb ("promised", like "pledged") proposes its subject's offer, not the noun
  ("despite promises of ...", "Moscow's promises");
- a proposal brought in answer ("countered with a proposal", "came up with a plan") is the
  verb's subject's;
- a verb giving or making a proposal noun ("has sent Kyiv a framework", "made a proposal")
  proposes it for its subject, not receiving one ("Kyiv received a proposal");
- a declarative reporting a modal demand ("has made clear that Ukraine must ...", "maintains
  that") as a speech verb does, and a status to keep is demanded ("must remain neutral");
- "According to X," opening a sentence names who reports what must happen (not the press,
  nor "sources close to X");
- a plan pushed, promoted or touted by its subject is its plan;
- a reporter past an appositive ("Orban, a Putin ally, has said the EU should ...");
- a party's terms ("Moscow's terms") are its position;
- a term its own "no" denies ("Kyiv's position: no recognition of ...") is no proposal of the
  cue before it;
- the items of a list whose head ends with a colon and names a proposal ("Key points of the
  document:") each continue that proposal, however long the list;
- a possessive name inside a term's complement ("a cap of 600,000 troops on Ukraine's army")
  does not stop a plan's carry-over;
- codebook families: repatriating or handing back prisoners, commitments that Russia will not
  attack again, Russia's return to the world economy, softening sanctions, a nationwide vote,
  a temporary administration for Ukraine, foreign troops to be deployed, loans secured on
  Russian assets and Russian money held in banks, keeping the land it holds, a Ukraine that
  stays neutral or ends its drive to join the alliance, handing over or relinquishing a named
  region, forces pulled back a distance, a no-weapons zone, the plant returned to Ukrainian
  control, cuts and limits on Ukraine's army, Russian forces back to the 2022 lines, Russia
  keeping Crimea.
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
        # a status to keep is demanded ("must remain neutral"), a forecast is not
        (
            "Lavrov said Kyiv must remain non-aligned.",
            {("russia", "security.nato_membership")},
        ),
        (
            "Moscow wants Ukraine to stay neutral under any deal.",
            {("russia", "security.nato_membership")},
        ),
        ("Peskov said prices must remain stable after a ceasefire.", set()),
        # a reporter past an appositive ("X, a Putin ally, has said ... should")
        (
            "Hungary's Orban, a Putin ally, has repeatedly said the EU should lift sanctions on "
            "Russia.",
            {("hungary", "sanctions.relief")},
        ),
        (
            "Zelensky, the Ukrainian leader, said Russia must withdraw from all occupied "
            "territory.",
            {("ukraine", "territory.russian_withdrawal")},
        ),
        # "According to X," opening the sentence: X reports what must happen
        (
            "According to the Kremlin, any deal must include recognition of Crimea as Russian.",
            {("russia", "territory.crimea_recognition")},
        ),
        (
            "According to Peskov, Ukraine must withdraw from the Donbas.",
            {("russia", "territory.cession")},
        ),
        ("According to Reuters, Ukraine must withdraw from the Donbas.", set()),
        (
            "According to sources close to the Kremlin, Ukraine must withdraw from the Donbas.",
            set(),
        ),
        # a plan pushed or touted by its subject; pushing back is no proposal
        (
            "China is pushing a plan that would freeze the front line.",
            {("china", "territory.freeze_front_line")},
        ),
        (
            "Paris has been touting its initiative for a truce in the air and at sea.",
            {("france", "ceasefire.partial")},
        ),
        (
            "Trump proposed a truce that would last 30 days.",
            {("united-states", "ceasefire.temporary")},
        ),
        # a term its own "no" denies is refused, not put forward; "no NATO membership" is the
        # code's own wording
        (
            "Kyiv's position is clear: no recognition of occupied territories and no limits on "
            "its army.",
            set(),
        ),
        ("Moscow wants no foreign troops in Ukraine.", set()),
        (
            "Kyiv's conditions include a full ceasefire and no sanctions relief for Russia.",
            {("ukraine", "ceasefire.full")},
        ),
        (
            "Russia's demands: no NATO membership for Ukraine and a cap on its army.",
            {("russia", "security.nato_membership"), ("russia", "security.army_limits")},
        ),
        # a party's terms are its position, and "They include" continues them
        (
            "Putin set out Moscow's terms in June. They include the withdrawal of Ukrainian "
            "troops from the Donbas.",
            {("russia", "territory.cession")},
        ),
        ("Under the deal's terms, a 30-day ceasefire would take effect.", set()),
        # the items of a list its head introduces continue the proposal the head names
        (
            "The United States has presented a revised framework. Key points of the document:"
            "\n\n- Sanctions would be lifted in stages.\n\n- Ukraine would hold elections."
            "\n\n- A prisoner exchange would follow.\n\n- Russia would keep Crimea.",
            {
                ("united-states", "sanctions.relief"),
                ("united-states", "political.elections"),
                ("united-states", "humanitarian.prisoner_exchange"),
                ("united-states", "territory.crimea_recognition"),
            },
        ),
        # not a list of separate matters, whose head names no proposal
        (
            "Today's main developments:\n\n- Washington presented a plan for a 30-day "
            "ceasefire.\n\n- Zelensky met Macron in Paris.\n\n- Putin met Orban in Moscow."
            "\n\n- A prisoner exchange is expected next week.",
            {("united-states", "ceasefire.temporary")},
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
        # a verb giving or making the proposal noun: its subject's
        (
            "The United States has sent Kyiv a framework for a 30-day ceasefire.",
            {("united-states", "ceasefire.temporary")},
        ),
        (
            "Washington made a proposal. Under the proposal, a 30-day ceasefire would take "
            "effect once Moscow signs up.",
            {("united-states", "ceasefire.temporary")},
        ),
        (
            "The Kremlin handed over its memorandum calling for a ceasefire along the current "
            "front line.",
            {("russia", "territory.freeze_front_line")},
        ),
        # receiving or rejecting one is no giving; "made it clear that" is a report
        ("Kyiv received a proposal for a 30-day ceasefire.", set()),
        ("Trump made it clear that a plan for a full ceasefire was premature.", set()),
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
    "security.nato_membership": (
        [
            "Moscow wants Ukraine to stay neutral under any deal.",
            "Kyiv must remain non-aligned, the Russian minister said.",
            "The draft obliges Ukraine to become a neutral state.",
            "The Kremlin demands an end to Ukraine's drive to join the alliance.",
            "Putin insisted on halting Kyiv's efforts to join the military alliance.",
        ],
        [
            "Zelensky said Ukraine's NATO hopes were alive.",
            "Sweden's bid to join NATO was approved in 2024.",
            "Switzerland has stayed neutral for two centuries.",
            "Ukraine remained neutral in the dispute over grain prices.",
        ],
    ),
    "territory.cession": (
        [
            "Moscow demands that Kyiv hand over the remaining quarter of Donetsk.",
            "Ukraine would relinquish its claim to the Donbas under the deal.",
        ],
        ["Russian forces captured two villages in Donetsk."],
    ),
    "territory.demilitarized_zone": (
        [
            "Both sides would pull back their forces 15km from the line of contact.",
            "A no-weapons zone would be monitored by international observers.",
            "The armies would withdraw heavy weapons at least 30 kilometres.",
        ],
        ["Both sides pulled back their forces after the storm."],
    ),
    "infrastructure.zaporizhzhia_npp": (
        ["Kyiv insisted the nuclear station be returned to Ukrainian control."],
        ["The Rivne nuclear plant was disconnected from the grid."],
    ),
    "security.army_limits": (
        [
            "Kyiv rejected limits on the size of Ukraine's armed forces.",
            "The draft would slash Ukraine's army to a peacetime level.",
        ],
        [
            "Russia raised its army's size by decree.",
            "Washington lifted restrictions on Ukraine's use of long-range missiles.",
        ],
    ),
    "territory.russian_withdrawal": (
        [
            "Zelensky said Russian forces must go back to the 2022 lines.",
            "Ukraine insisted Russia vacate the Kinburn spit.",
        ],
        ["Russian troops went back to their barracks after the exercise."],
    ),
    "territory.crimea_recognition": (
        [
            "Russia would keep control of Crimea under the plan.",
            "The draft would let Moscow retain the Crimean peninsula.",
            "The plan would leave Crimea in Russian hands.",
        ],
        ["Russia will keep its fleet in Crimea.", "Putin might keep troops near Crimea."],
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
