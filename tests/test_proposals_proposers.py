"""Who proposes a term, on sentences written for these tests (not taken from any article).

Each case: (text, terms that must be found, terms that must not be). The families: a demonym
with a body noun ("the Russian side"), coordinated demonyms sharing a role word ("American and
Russian officials"), an object relative clause naming the proposer ("a proposal ..., which Kyiv
had put forward"), a stance's object not being its holder's proposal ("the Kremlin rejected a
proposal"), a present-tense first-person proposal or need ("We propose ...", "I need ..."), a
maintained demand ("continues to call for"), "raised the idea of", "came from", subjects
coordinated across appositives ("X, a minister, and his Polish counterpart, Y, called for"), a
"He"/"She" subject named by the reporter closing the sentence ("She pressed for ..., the
Ukrainian minister told journalists"), and a hope or fear about what another will offer or
demand (no proposal)."""

from __future__ import annotations

import pytest
from test_proposals_wording import claims

US, RU, UA = "united-states", "russia", "ukraine"
TEMP, POW = "ceasefire.temporary", "humanitarian.prisoner_exchange"
GUARANTEES, CESSION = "security.guarantees", "territory.cession"
ELECTIONS = "political.elections"

CASES: list[tuple[str, set[tuple[str, str]], set[tuple[str, str]]]] = [
    ("The Belarusian side proposed a prisoner swap of 500 for 500.", {("belarus", POW)}, set()),
    ("The Ukrainian delegation demanded a 60-day ceasefire.", {(UA, TEMP)}, set()),
    ("Russian authorities proposed an exchange of prisoners of war.", {(RU, POW)}, set()),
    (
        "A truce of 30 days, drawn up by British and French officials, was sent to Kyiv.",
        {("united-kingdom", TEMP), ("france", TEMP)},
        set(),
    ),
    (
        "Moscow turned down a proposal for a 30-day truce, which London had put forward.",
        {("united-kingdom", TEMP)},
        {(RU, TEMP)},
    ),
    (
        "Ankara welcomed the plan that Washington had drafted for a prisoner exchange.",
        {(US, POW)},
        {("turkey", POW)},
    ),
    ("Berlin rejected a proposal for a 30-day truce.", set(), {("germany", TEMP)}),
    (
        "'We propose a prisoner swap of all for all,' the Ukrainian foreign minister, Ivan Horak, "
        "said.",
        {(UA, POW)},
        set(),
    ),
    ("Kyiv hopes that Washington will offer security guarantees.", set(), {(US, GUARANTEES)}),
    ("Warsaw fears Moscow would demand that Kyiv cede the Donbas.", set(), {(RU, CESSION)}),
    ("Washington will offer security guarantees to Kyiv, Rubio said.", {(US, GUARANTEES)}, set()),
    (
        "She pressed for a 60-day truce, the Ukrainian minister told journalists.",
        {(UA, TEMP)},
        set(),
    ),
    ("The Kremlin continues to call for elections in Ukraine.", {(RU, ELECTIONS)}, set()),
    (
        "France's president, Emmanuel Macron, and his Finnish counterpart, Alexander Stubb, "
        "pushed for a 60-day truce.",
        {("france", TEMP), ("finland", TEMP)},
        set(),
    ),
    ("Kyiv has raised the idea of a prisoner swap of all for all.", {(UA, POW)}, set()),
    ("The proposal for a prisoner swap came from Qatar, officials said.", {("qatar", POW)}, set()),
    ("They pushed for a 60-day truce, the Estonian diplomats said.", {("estonia", TEMP)}, set()),
    ("They pushed for a 60-day truce, Lavrov said.", set(), {(RU, TEMP)}),
    ("Russian diplomats want sanctions on Aeroflot lifted.", {(RU, "sanctions.relief")}, set()),
    ("Analysts would want sanctions on Aeroflot lifted.", set(), {(RU, "sanctions.relief")}),
    (
        "The Swedish and Danish governments proposed a 60-day truce.",
        {("sweden", TEMP), ("denmark", TEMP)},
        set(),
    ),
    (
        "'I need security guarantees before anything else,' Zelensky said.",
        {(UA, GUARANTEES)},
        set(),
    ),
]


DMZ = "territory.demilitarized_zone"
# a participle with its agent right after the term (a reduced relative clause) is the term's
# proposer whatever cue stands before it; a second predicate reporting a modal demand ("backed
# the idea, but said ... should"); a verb between an actor and a proposal noun ("delegations
# traded proposals"); a place described by who holds it does not stop a plan's carry-over
CASES += [
    (
        "Kyiv was open to a demilitarised zone proposed by Washington.",
        {(US, DMZ)},
        {(UA, DMZ)},
    ),
    (
        "Berlin is willing to back a 60-day truce, first floated by Ankara, the minister said.",
        {("turkey", TEMP)},
        {("germany", TEMP)},
    ),
    (
        "Paris backed the idea, but said Europe should offer Kyiv security guarantees.",
        {("france", GUARANTEES)},
        set(),
    ),
    (
        "Ukrainian and Russian delegations traded proposals on a prisoner exchange.",
        set(),
        {(RU, POW), (UA, POW)},
    ),
    (
        "Witkoff presented a new framework in Moscow. It would create a demilitarised zone in "
        "the part of Donetsk that Ukraine still holds.",
        {(US, DMZ)},
        {(UA, DMZ)},
    ),
]

# the head of a state's institution acts for the state; a possessive pronoun opening a sentence
# with a body ("Its diplomats") or a plan noun ("Its new draft") takes up the previous sentence's
# subject; "He and X" coordinates the person the sentence before names; a modal no one reports
# and the party a proposal obliges ("Moscow would have to release ...") do not stop carry-over,
# nor does "It also says"; a denial is carried to nobody; a title between "by" and the author;
# a plan noun takes up the last plan rather than a demand named after it; a judgement ("The
# pitch was short.") leaves the proposal to the next sentence; a stance's object is not
# carried, nor a term in the words of a speaker ("... to us ...") of another side
CASES += [
    (
        "The chief of Ukraine's negotiating team has called for a 60-day truce.",
        {(UA, TEMP)},
        set(),
    ),
    ("Members of Russia's opposition called for new elections.", set(), {(RU, ELECTIONS)}),
    (
        "Berlin has set out its view. Its diplomats have proposed a 60-day truce.",
        {("germany", TEMP)},
        set(),
    ),
    (
        "Russia shelled Kharkiv overnight. Its mayor called for a 60-day truce.",
        set(),
        {(RU, TEMP)},
    ),
    (
        "Paris wants a say. Its new draft suggests a prisoner swap of all for all.",
        {("france", POW)},
        set(),
    ),
    (
        "Ankara's memorandum lists several demands. Moscow would have to release all prisoners "
        "of war.",
        {("turkey", POW)},
        {(RU, POW)},
    ),
    (
        "Kyiv presented a new plan on Monday. Nobody can cede the Donbas, the minister said.",
        set(),
        {(UA, CESSION)},
    ),
    (
        "The Swiss paper calls for a 60-day truce. It also says frozen Russian assets would fund "
        "Ukraine's recovery.",
        {("switzerland", "economy.frozen_assets")},
        set(),
    ),
    (
        "The roadmap, presented by Foreign Minister Hakan Fidan in Ankara, calls for a prisoner "
        "swap.",
        {("turkey", POW)},
        set(),
    ),
    (
        "Washington drew up a new framework. Kyiv has long pushed for a 60-day truce. The "
        "document offers only a prisoner swap.",
        {(US, POW)},
        {(UA, POW)},
    ),
    (
        'Paris has offered a 60-day truce. "What matters to us is security guarantees from '
        'Washington," the Ukrainian minister, Ivan Horak, said.',
        {("france", TEMP)},
        {("france", GUARANTEES)},
    ),
    (
        "Finland tabled a paper on Monday. The delegates signed up to a prisoner swap.",
        set(),
        {("finland", POW)},
    ),
    (
        "Lavrov's pitch was short. Kyiv would cede the Donbas within a month.",
        {(RU, CESSION)},
        set(),
    ),
]


@pytest.mark.parametrize(("text", "wanted", "unwanted"), CASES)
def test_proposer(text: str, wanted: set[tuple[str, str]], unwanted: set[tuple[str, str]]) -> None:
    terms, _ = claims(text)
    assert wanted <= terms, (text, terms)
    assert not unwanted & terms, (text, terms)
