"""Who proposes and who holds, decided by the sentence's STRUCTURE, on sentences written for
these tests (other actors, other verbs of each class; none taken from an article).

Families:
- a relative aside between the subject and its verb (", which/who/whom/whose ... ,"): its
  actors are not the subject ("The Kremlin, which Kyiv accuses of stalling, proposed ...": the
  Kremlin's), and a term inside an aside about an actor is no term of the verb outside it;
- a verb of judgment governing a party and the gerund saying what it did ("accused Moscow of
  demanding", "praised Kyiv for accepting", "criticised Budapest for blocking"): the party
  judged proposes or holds, at a lower confidence (the judge tells it), and the judging verb is
  no stance of the judge's on the terms.

Each case: (text, terms found, positions found, terms NOT found, positions NOT found).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_proposals_wording import KB, claims

from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.mentions import mentions
from talkspkg.stages.proposals import term_evidence

US, RU, UA = "united-states", "russia", "ukraine"
TEMP, FULL, POW = "ceasefire.temporary", "ceasefire.full", "humanitarian.prisoner_exchange"
CESSION, RELIEF, PRESSURE = "territory.cession", "sanctions.relief", "sanctions.pressure"
GUARANTEES = "security.guarantees"

Terms = set[tuple[str, str]]
Positions = set[tuple[str, str, str]]

CASES: list[tuple[str, Terms, Positions, Terms, Positions]] = [
    # ---------------------------------------------------------------- relative asides
    (
        "The Kremlin, which Kyiv accuses of stalling, proposed a prisoner swap.",
        {(RU, POW)},
        set(),
        {(UA, POW)},
        set(),
    ),
    (
        "The Ukrainian delegation, which Russia had refused to meet, proposed a prisoner swap.",
        {(UA, POW)},
        set(),
        {(RU, POW)},
        set(),
    ),
    (
        "Sybiha, whose ministry Moscow has sanctioned, called for a full ceasefire.",
        {(UA, FULL)},
        set(),
        {(RU, FULL)},
        set(),
    ),
    (
        "Orban, whom Brussels criticised last week, called for a 30-day ceasefire.",
        {("hungary", TEMP)},
        set(),
        {("european-union", TEMP)},
        set(),
    ),
    (
        "Putin's envoy Kirill Dmitriev, whom Witkoff met in Miami, proposed lifting sanctions.",
        {(RU, RELIEF)},
        set(),
        {(US, RELIEF)},
        set(),
    ),
    # a relative clause after coordinated actors is all of theirs
    (
        "Kyiv studied the plan drafted by Witkoff and Dmitriev, which calls for Ukraine to cede "
        "the Donbas.",
        {(US, CESSION), (RU, CESSION)},
        set(),
        {(UA, CESSION)},
        set(),
    ),
    (
        "Denmark and Sweden, which have pledged troops, called for a 30-day ceasefire.",
        {("denmark", TEMP), ("sweden", TEMP)},
        set(),
        set(),
        set(),
    ),
    # the plan's author is not said: the rejecting party inside the aside is not it
    (
        "The plan, which Moscow rejected, calls for a 30-day ceasefire.",
        set(),
        set(),
        {(RU, TEMP)},
        set(),
    ),
    # a term inside the aside about Hungary is no term of "called for"
    (
        "Hungary, which has blocked EU sanctions, called for talks with Moscow.",
        set(),
        set(),
        {("hungary", PRESSURE), ("european-union", PRESSURE)},
        set(),
    ),
    # a stance's subject across the aside (already so for stances; kept)
    (
        "The Kremlin, which Ukraine accuses of stalling, rejected a 30-day ceasefire.",
        set(),
        {(RU, "rejects", TEMP)},
        set(),
        {(UA, "rejects", TEMP)},
    ),
    # ---------------------------------------------------------------- verbs of judgment
    (
        "Ukraine accused Russia of demanding that Kyiv cede the Donbas.",
        {(RU, CESSION)},
        set(),
        {(UA, CESSION)},
        set(),
    ),
    (
        "Warsaw blamed the Kremlin for insisting that Ukraine withdraw from the Donbas.",
        {(RU, CESSION)},
        set(),
        {("poland", CESSION)},
        set(),
    ),
    (
        "Russia accused Kyiv of rejecting a 30-day ceasefire.",
        set(),
        {(UA, "rejects", TEMP)},
        set(),
        {(RU, "rejects", TEMP)},
    ),
    (
        "Estonia criticised Hungary for blocking new sanctions on Russia.",
        set(),
        {("hungary", "rejects", PRESSURE)},
        set(),
        {("estonia", "rejects", PRESSURE)},
    ),
    (
        "Tallinn accused Budapest of backing the lifting of sanctions.",
        set(),
        {("hungary", "supports", RELIEF)},
        set(),
        {("estonia", "supports", RELIEF)},
    ),
    (
        "Berlin praised Kyiv for accepting a 30-day ceasefire.",
        set(),
        {(UA, "supports", TEMP)},
        set(),
        {("germany", "supports", TEMP)},
    ),
    (
        "Lithuania condemned Budapest and Bratislava for opposing new sanctions on Russia.",
        set(),
        {("hungary", "rejects", PRESSURE), ("slovakia", "rejects", PRESSURE)},
        set(),
        {("lithuania", "rejects", PRESSURE)},
    ),
    # ---------------------------------------------------------------- a verdict's subject
    # the party possessing what a verdict judges is its author, never the judge: the reporter
    # before it, or after it, judges
    (
        "Kremlin spokesman Dmitry Peskov said Ukraine's demand for a 30-day ceasefire was "
        "unacceptable.",
        {(UA, TEMP)},
        {(RU, "rejects", TEMP)},
        set(),
        {(UA, "rejects", TEMP)},
    ),
    (
        "Kyiv's proposal for a prisoner swap was unacceptable, Lavrov said.",
        {(UA, POW)},
        {(RU, "rejects", POW)},
        set(),
        {(UA, "rejects", POW)},
    ),
    (
        "Rutte said the Russian demand for a 30-day truce was out of the question.",
        {(RU, TEMP)},
        {("nato", "rejects", TEMP)},
        set(),
        {(RU, "rejects", TEMP)},
    ),
    # ---------------------------------------------------------------- aid is no stance
    (
        "Kyiv wants security guarantees with American air support.",
        {(UA, GUARANTEES)},
        set(),
        set(),
        {(US, "supports", GUARANTEES), (UA, "supports", GUARANTEES)},
    ),
    (
        "Warsaw is seeking security guarantees backed by German financial backing.",
        set(),
        set(),
        set(),
        {("germany", "supports", GUARANTEES)},
    ),
    (
        "Berlin backed security guarantees for Ukraine.",
        set(),
        {("germany", "supports", GUARANTEES)},
        set(),
        set(),
    ),
    # ---------------------------------------------------------------- a term head as subject
    # a passive proposing verb with its agent, whose subject is a term's head noun taking up
    # the sentence before (also across a paragraph break)
    (
        "Kyiv and Moscow agreed to a new swap of 300 prisoners of war.\n\nThe swap had first "
        "been suggested by the Turkish side, Sybiha said.",
        {("turkey", POW)},
        set(),
        set(),
        set(),
    ),
    (
        "The two sides have observed a 30-day ceasefire since Monday. The truce was put forward "
        "by Qatar.",
        {("qatar", TEMP)},
        set(),
        set(),
        set(),
    ),
    # which truce is unsaid when the sentence before names two: no term
    (
        "Kyiv wants a full ceasefire, Moscow a 30-day truce. The truce was proposed by Doha.",
        set(),
        set(),
        {("qatar", TEMP), ("qatar", FULL)},
        set(),
    ),
    # a stance verb is no proposal
    (
        "Kyiv and Moscow agreed to a new swap of 300 prisoners of war. The swap was welcomed by "
        "Ankara.",
        set(),
        set(),
        {("turkey", POW)},
        set(),
    ),
    # no head noun taken up with no term before
    ("The swap had been suggested by the Turkish side.", set(), set(), {("turkey", POW)}, set()),
    # ---------------------------------------------------------------- a body in a capital
    ("Officials in Moscow have proposed a prisoner swap.", {(RU, POW)}, set(), set(), set()),
    (
        "Diplomats from Berlin called for a 30-day ceasefire.",
        {("germany", TEMP)},
        set(),
        set(),
        set(),
    ),
    (
        "Our partners in Paris and Rome have offered to send troops to Ukraine.",
        {("france", "security.foreign_contingent"), ("italy", "security.foreign_contingent")},
        set(),
        set(),
        set(),
    ),
    (
        "Negotiators in Kyiv rejected a 30-day ceasefire.",
        set(),
        {(UA, "rejects", TEMP)},
        set(),
        set(),
    ),
    # a place, no body: nobody; a body governed by a verb: the subject
    ("A summit in Moscow proposed a prisoner swap.", set(), set(), {(RU, POW)}, set()),
    ("People in Kyiv want a 30-day ceasefire.", set(), set(), {(UA, TEMP)}, set()),
    (
        "Witkoff met officials in Moscow and proposed a prisoner swap.",
        {(US, POW)},
        set(),
        {(RU, POW)},
        set(),
    ),
    # ---------------------------------------------------------------- rival antecedents
    # an anaphor across sentences cannot tell two proposers' proposals of one kind apart
    (
        "Washington's plan and Kyiv's plan were discussed in Geneva. The plan calls for a 30-day "
        "ceasefire.",
        set(),
        set(),
        {(US, TEMP), (UA, TEMP)},
        set(),
    ),
    (
        "Russia's demands and Ukraine's demands were exchanged. Those demands include a prisoner "
        "swap.",
        set(),
        set(),
        {(RU, POW), (UA, POW)},
        set(),
    ),
    # one proposer: taken up
    (
        "Russia's demands were handed over on Monday. Those demands include a prisoner swap.",
        {(RU, POW)},
        set(),
        set(),
        set(),
    ),
    # ---------------------------------------------------------------- a noun's complement
    # a proposal noun complementing another noun is not the subject of the verb after it
    (
        "Kyiv's counter-proposal to the US plan calls for a 30-day ceasefire.",
        {(UA, TEMP)},
        set(),
        {(US, TEMP)},
        set(),
    ),
    (
        "Ukraine's response to the Russian memorandum includes a demand for a full ceasefire.",
        set(),
        set(),
        {(RU, FULL)},
        set(),
    ),
    (
        "The European amendments to Washington's framework call for a 30-day ceasefire.",
        set(),
        set(),
        {(US, TEMP)},
        set(),
    ),
    # a verb taking the plan as object is no head noun: the relative clause is the plan's
    (
        "The Kremlin agreed to the US plan, which calls for a 30-day ceasefire.",
        {(US, TEMP)},
        {(RU, "supports", TEMP)},
        set(),
        set(),
    ),
    # ---------------------------------------------------------------- a negated verb's object
    # is no term of a cue before it
    ("The US plan does not offer security guarantees.", set(), set(), {(US, GUARANTEES)}, set()),
    (
        "The Russian memorandum, Kyiv said, fails to offer a 30-day truce.",
        set(),
        set(),
        {(RU, TEMP)},
        set(),
    ),
    ("The US plan has not proposed a 30-day ceasefire.", set(), set(), {(US, TEMP)}, set()),
    ("The US plan offers security guarantees.", {(US, GUARANTEES)}, set(), set(), set()),
    # no judged party before the gerund: the subject proposes as before
    ("Finland is pushing for a 30-day ceasefire.", {("finland", TEMP)}, set(), set(), set()),
]


@pytest.mark.parametrize(("text", "terms", "positions", "no_terms", "no_positions"), CASES)
def test_structure_decides_the_proposer_and_the_holder(
    text: str, terms: Terms, positions: Positions, no_terms: Terms, no_positions: Positions
) -> None:
    found_terms, found_positions = claims(text)
    assert terms <= found_terms, (text, found_terms)
    assert positions <= found_positions, (text, found_positions)
    assert not (no_terms & found_terms), (text, found_terms)
    assert not (no_positions & found_positions), (text, found_positions)


def _confidences(text: str) -> dict[tuple[str, str, str], float]:
    article = make_article(RawFile(Path("raw/x.txt"), "x", "\n" + text + "\n", "0" * 64))
    found = term_evidence(article, KB, mentions(article, KB))
    return {(e.holder_side, e.stance, e.code): e.confidence for e in found}


def test_a_party_judged_by_another_is_less_sure_than_a_subject() -> None:
    judged = _confidences("Ukraine accused Russia of demanding that Kyiv cede the Donbas.")
    direct = _confidences("Russia demanded that Kyiv cede the Donbas.")
    assert judged[(RU, "proposes", CESSION)] < direct[(RU, "proposes", CESSION)]


def test_a_pronoun_taken_up_from_the_sentence_before_is_less_sure_than_a_subject() -> None:
    taken = _confidences("Kyiv sent a delegation to Geneva. Its negotiators want a 30-day truce.")
    direct = _confidences("Kyiv sent a delegation to Geneva. Ukraine wants a 30-day truce.")
    assert taken[(UA, "proposes", TEMP)] < direct[(UA, "proposes", TEMP)]
