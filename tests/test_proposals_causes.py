"""Stage `proposals`: the causes of the dev misses (issue #15), with sentences of our own.

Each class the dev articles showed is tested here with other names and wordings, and with
negatives: an act of one side alone, a provision only mentioned, a different provision sharing a
word, another actor.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from talkspkg.kb import load_knowledge
from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.meetings import meeting_mentions
from talkspkg.stages.mentions import mentions
from talkspkg.stages.proposals import proposal_evidence

KB = load_knowledge()
PE = "humanitarian.prisoner_exchange"
SEQ = "process.sequencing"
GUAR = "security.guarantees"


def claims(text: str) -> set[tuple[str, str, str, str | None]]:
    """(code, stance, entity, proposer) of every claim of a text of our own."""
    article = make_article(RawFile(Path("raw/x.txt"), "x", "\n" + text + "\n", "0" * 64))
    found = mentions(article, KB)
    result = proposal_evidence(article, KB, found, meeting_mentions(article, KB, found))
    return {(e.code, e.stance, e.entity_id, e.proposer_id) for e in result.evidence}


def proposers(text: str, code: str) -> set[str | None]:
    return {p for c, _, _, p in claims(text) if c == code}


# ------------------------------------------------ (b) a joint agreement is each party's term


def test_joint_agreement_is_each_partys_term_beside_an_earlier_proposal() -> None:
    text = (
        "Kyiv proposed an exchange of all prisoners of war in March.\n\n"
        "In May, Russia and Ukraine agreed to swap 390 prisoners each."
    )
    assert {"ukraine", "russia"} <= proposers(text, PE)


def test_acceptance_by_one_side_is_no_term_of_its_own() -> None:
    text = (
        "Kyiv proposed an exchange of all prisoners of war in March.\n\n"
        "In May, Russia agreed to the swap."
    )
    assert proposers(text, PE) == {"ukraine"}


@pytest.mark.parametrize(
    "text",
    [
        "A Black Sea shipping agreement was signed by Kyiv and Moscow with Ankara in 2022.",
        "The grain corridor was signed by Russia and Ukraine with Turkey and the United Nations.",
    ],
)
def test_a_text_signed_by_several_sides_is_each_signatorys(text: str) -> None:
    code = "infrastructure.black_sea_navigation"
    assert {"ukraine", "russia", "turkey"} <= proposers(text, code)
    assert {(code, "supports", "russia")} <= {(c, s, e) for c, s, e, _ in claims(text)}


def test_signed_by_one_side_is_no_joint_act() -> None:
    text = "The plan for a prisoner exchange was signed by Zelensky on Monday."
    assert "ukraine" not in proposers(text, PE)


# ------------------------------------------------ (a) wordings of the order of steps


@pytest.mark.parametrize(
    ("text", "proposer"),
    [
        (
            "Trump said he wanted to skip a truce and go straight to a final peace settlement.",
            "united-states",
        ),
        (
            "The Kremlin wants to bypass any ceasefire and move directly to a peace treaty.",
            "russia",
        ),
        (
            "Poland's foreign minister insisted that Moscow must accept a full truce to pave the "
            "way for formal negotiations.",
            "poland",
        ),
    ],
)
def test_sequencing_wordings(text: str, proposer: str) -> None:
    assert proposer in proposers(text, SEQ)


@pytest.mark.parametrize(
    "text",
    [
        "The leaders moved directly to a press conference after the talks.",
        "Drivers bypassed a checkpoint near the border, Russia said.",
        "Trump said a peace settlement was close.",
        # a ceasefire proposed, no order of steps
        "Kyiv proposed a complete ceasefire at sea, in the air and on land.",
    ],
)
def test_sequencing_negatives(text: str) -> None:
    assert not proposers(text, SEQ)


# ------------------------------------------------ (a) Crimea closing a list of regions


def test_crimea_in_a_recognition_list_carries_both_codes() -> None:
    text = (
        "Washington's plan includes recognition of Russian control over Luhansk, Donetsk "
        "and the Crimean peninsula."
    )
    assert proposers(text, "territory.crimea_recognition") == {"united-states"}
    assert proposers(text, "territory.occupied_control_recognition") == {"united-states"}


def test_a_list_without_crimea_is_not_crimea() -> None:
    text = (
        "Washington's plan includes recognition of Russian control over Luhansk and Donetsk, "
        "but not Crimea."
    )
    assert not proposers(text, "territory.crimea_recognition")


# ------------------------------------------------ (a)/(b) what a settlement needs, reported


def test_security_agreements_are_guarantees_and_a_deal_s_needs_are_the_reporters() -> None:
    text = "Macron said any peace deal needed security agreements for Ukraine."
    assert ("security.guarantees", "proposes", "emmanuel-macron", "france") in claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "Macron said any peace deal needs approval from the parliament in Kyiv.",
        "Analysts said the deal needed more time.",
    ],
)
def test_a_deal_s_needs_without_a_term_propose_nothing(text: str) -> None:
    assert not claims(text)


# ------------------------------------------------ (c) "views X as a priority" across "U.S."


def test_views_as_priority_reads_past_an_initialism() -> None:
    text = "Zelensky views a European peacekeeping force with firm U.S. backing as a top priority."
    assert "ukraine" in proposers(text, "security.foreign_contingent")


def test_a_view_that_is_no_priority_proposes_nothing() -> None:
    text = "Zelensky views the U.S. proposal for European peacekeepers as unrealistic."
    assert "ukraine" not in proposers(text, "security.foreign_contingent")


# ------------------------------------------------ (c) stance words: verdicts, nouns, passives


def stances(text: str) -> set[tuple[str, str, str]]:
    return {(c, s, e) for c, s, e, _ in claims(text) if s != "proposes"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Moscow demanded that Kyiv cede the rest of Donetsk. Kyiv, which wants to join "
            "the EU, replied that terms like these were tantamount to surrender.",
            ("territory.cession", "rejects", "ukraine"),
        ),
        (
            "Ukraine called for a full ceasefire. The Kremlin said the demand was tantamount "
            "to capitulation.",
            ("ceasefire.full", "rejects", "kremlin"),
        ),
        (
            "Moscow keeps stressing the unacceptability of a deployment of "
            "European peacekeepers in Ukraine.",
            ("security.foreign_contingent", "rejects", "russia"),
        ),
        (
            "Britain pushed for tougher sanctions on Russia. Poland has repeatedly echoed "
            "those calls.",
            ("sanctions.pressure", "supports", "poland"),
        ),
    ],
)
def test_stance_words(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in stances(text)


@pytest.mark.parametrize(
    "text",
    [
        # a verdict on something else than a term
        "Kyiv said losing the city would be tantamount to surrender.",
        # the echo of an echo: no calls
        "Poland echoed the concerns of its neighbours about the war.",
        # "agreeing" in the content of a plan is no stance of the party named
        "The US plan includes Ukraine agreeing to cede the rest of Donetsk.",
    ],
)
def test_stance_word_negatives(text: str) -> None:
    assert not {x for x in stances(text) if x[2] in {"ukraine", "poland"}}


def test_condemned_by_takes_its_holder_after() -> None:
    text = (
        "Ukraine proposed new sanctions on Russian banks. The proposal was condemned as "
        "blackmail by the Kremlin."
    )
    assert ("sanctions.pressure", "rejects", "kremlin") in stances(text)


# ------------------------------------------------ (b) the actor an appositive describes


@pytest.mark.parametrize(
    "text",
    [
        "Leaders praised NATO, a military alliance of 32 states which has pledged continued "
        "military aid to Ukraine.",
        "Ministers met the coalition of the willing, a loose group of countries who have "
        "pledged more military aid to Kyiv.",
    ],
)
def test_relative_clause_after_an_appositive_takes_the_actor_it_describes(text: str) -> None:
    assert proposers(text, "security.military_aid") & {"nato", "coalition-of-the-willing"}


@pytest.mark.parametrize(
    "text",
    [
        # the appositive names an actor itself: whose pledge it is, the text leaves open
        "Trump thanked Macron, a friend of Starmer since their student days who has pledged "
        "more military aid.",
        # no appositive: the object of a verb is no actor's description
        "Macron praised a group of states which has pledged more military aid.",
    ],
)
def test_relative_clause_negatives(text: str) -> None:
    assert not proposers(text, "security.military_aid") - {None}


# ------------------------------------------------ (b) a list that echoes another party's demands


def test_a_list_echoing_demands_is_a_term_of_both_proposals() -> None:
    text = (
        "The leaked US plan included a ban on Ukraine joining NATO and caps on the size of "
        "Ukraine's army, points that closely mirror Moscow's demands."
    )
    for code in ("security.nato_membership", "security.army_limits"):
        assert {"united-states", "russia"} <= proposers(text, code), code


@pytest.mark.parametrize(
    "text",
    [
        # no echo: the list ignores the demands
        "The leaked US plan included a ban on Ukraine joining NATO, a draft that ignored "
        "Moscow's demands.",
        # an echo of no party's demands
        "The leaked US plan included a ban on Ukraine joining NATO, points that mirror "
        "earlier drafts.",
    ],
)
def test_a_list_not_echoing_demands_stays_one_proposal(text: str) -> None:
    assert "russia" not in proposers(text, "security.nato_membership")


# ------------------------------------------------ (b) the actor of a compound participle


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Trump and Putin spoke by phone to discuss a US-proposed 30-day ceasefire.",
            {("ceasefire.temporary", "proposes", "united-states", "united-states")},
        ),
        (
            "Putin rejected the Kyiv-drafted plan for a prisoner exchange.",
            {
                (PE, "proposes", "ukraine", "ukraine"),
                (PE, "rejects", "vladimir-putin", "ukraine"),
            },
        ),
        # no compound: the passive's agent, as before
        (
            "Moscow discussed a 30-day ceasefire proposed by Kyiv.",
            {("ceasefire.temporary", "proposes", "ukraine", "ukraine")},
        ),
    ],
)
def test_compound_participle_names_its_proposer(
    text: str, expected: set[tuple[str, str, str, str]]
) -> None:
    assert claims(text) == expected


# ------------------------------------------------ (c) pressure applied by its subject


@pytest.mark.parametrize(
    ("text", "proposer"),
    [
        (
            "The European Union keeps tightening its sanctions on Russia.",
            "european-union",
        ),
        ("London imposed new sanctions on Russian oil companies on Friday.", "united-kingdom"),
        ("Canada has stepped up sanctions on Russian banks.", "canada"),
    ],
)
def test_applying_sanctions_is_its_subjects_pressure(text: str, proposer: str) -> None:
    assert proposers(text, "sanctions.pressure") == {proposer}


@pytest.mark.parametrize(
    "text",
    [
        # a gerund after a preposition: the object of another's verb
        "Russia condemned the EU for imposing new sanctions.",
        # a passive participle: who imposed them is the agent, and no pressure is proposed
        "The sanctions imposed by Washington hurt Russian exporters.",
    ],
)
def test_sanctions_negatives(text: str) -> None:
    assert not {c for c in claims(text) if c[1] == "proposes"}


# ------------------------------------------------ (b) a plan's recipient does not stop carry-over


def test_the_recipient_of_a_provision_continues_the_plan() -> None:
    text = (
        "The Turkish plan includes a full ceasefire along the front. In return, Kyiv would "
        "receive security guarantees from its partners."
    )
    assert proposers(text, "security.guarantees") == {"turkey"}


def test_another_sides_subject_still_stops_carry_over() -> None:
    text = (
        "The Turkish plan includes a full ceasefire along the front. Kyiv wants security "
        "guarantees from its partners first."
    )
    assert "turkey" not in proposers(text, "security.guarantees")


# ------------------------------------------------ (b) a colon announcing demands


@pytest.mark.parametrize(
    "text",
    [
        "In Lukashenko's speech on Monday, he set out his terms: Ukraine must withdraw its "
        "troops from the whole of the territory of the four regions.",
        "Putin laid out his conditions: Kyiv must pull its forces out of Donetsk.",
    ],
)
def test_terms_after_a_colon_are_the_demands_of_who_set_them_out(text: str) -> None:
    found = proposers(text, "territory.cession")
    assert found and found <= {"belarus", "russia"}


@pytest.mark.parametrize(
    "text",
    [
        # two actors before the pronoun: whose terms, the text leaves open
        "After Putin met Lukashenko, he set out his terms: Ukraine must withdraw its troops "
        "from Donetsk.",
        # no colon frame: an ordinary modal with no reporter
        "Ukraine must withdraw its troops from Donetsk, a Moscow newspaper wrote.",
    ],
)
def test_terms_frame_negatives(text: str) -> None:
    assert not proposers(text, "territory.cession") - {None}


def test_agreeing_to_a_thing_another_party_proposed_supports_it_only() -> None:
    text = (
        "Kyiv proposed direct talks with Moscow in March.\n\n"
        "In May, Russia and Ukraine agreed to direct talks in Geneva."
    )
    assert proposers(text, "process.direct_talks") == {"ukraine"}


# ------------------------------------------------ (c) a plain "if" before a party's concession


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Zelensky said elections could be held within 60 days if the US and Europe "
            "provided security for the vote.",
            ("political.elections", "conditional", "volodymyr-zelensky"),
        ),
        (
            "Zelensky said elections could take place within 60 days if Washington and Europe "
            "provided security for the vote.",
            ("political.elections", "conditional", "volodymyr-zelensky"),
        ),
        (
            "Trump said sanctions relief was possible if Russia agrees to a full ceasefire.",
            ("sanctions.relief", "conditional", "donald-trump"),
        ),
    ],
)
def test_if_before_a_concession_is_a_condition(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in stances(text)


@pytest.mark.parametrize(
    "text",
    [
        "Zelensky said Russia would attack again if the West gave in.",  # no term
        "Kyiv said elections could be held if it does not face attacks.",  # no party's concession
        "Elections could be held if the US provided security, analysts said.",  # no holder
    ],
)
def test_if_negatives(text: str) -> None:
    assert not stances(text)
