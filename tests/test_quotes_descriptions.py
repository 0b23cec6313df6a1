"""Descriptions ("the US president", "Russia's foreign minister", "the envoy") and role-only
speakers, on sentences written for this test with invented names (unknown to the knowledge
base, so their country and role must come from the text). See stages/quotes/discourse.py.

Each case gives the paragraphs and the expected (quotation, speaker) rows; a confidence bound
says how sure the row may be: a speaker reached through a description is below 0.8 unless the
article names only one person who fits and the passage names them.
"""

from __future__ import annotations

import pytest
from test_quotes_issue_classes import annotate

DESCRIPTIONS = [
    # the one person who fits, named in the passage
    (
        (
            "US President Walter Hargrove met Ukrainian officials in Geneva.",
            '"This war has to end," the American leader said.',
        ),
        [("This war has to end", "walter-hargrove")],
    ),
    (
        (
            "Walter Hargrove, the American president, spoke to reporters.",
            '"We are close," the US leader added later.',
        ),
        [("We are close", "walter-hargrove")],
    ),
    (
        (
            "Finnish President Aarne Koskela hosted the talks.",
            '"Finland stands ready to help," the Finnish leader said.',
        ),
        [("Finland stands ready to help", "aarne-koskela")],
    ),
    (
        (
            "Russian Foreign Minister Pavel Orlovsky met his Turkish counterpart.",
            '"Moscow is open to talks," Russia\'s foreign minister said.',
        ),
        [("Moscow is open to talks", "pavel-orlovsky")],
    ),
    (
        (
            "Ukraine's president Taras Bondar met European leaders.",
            '"We will not give up land," the Ukrainian president said.',
        ),
        [("We will not give up land", "taras-bondar")],
    ),
    (
        (
            "Special envoy Martin Delacroix flew to Kyiv on Friday.",
            '"Both sides want progress," the envoy said.',
        ),
        [("Both sides want progress", "martin-delacroix")],
    ),
    (
        (
            "Former general Howard Pike met Ukrainian commanders.",
            '"Morale is high," the retired general said.',
        ),
        [("Morale is high", "howard-pike")],
    ),
    # a person whose role the text gives without a country: the office fits, the country is
    # not contradicted, and nobody else of the passage fits
    (
        (
            "Russian President Oleg Varin and President Hargrove spoke for two hours on Monday.",
            'The US president said the call had gone "very well".',
        ),
        [("very well", "hargrove")],
    ),
    # cataphora: the description comes first, the person is named just after
    (
        (
            '"We have nothing to hide," the US president told reporters on Monday. US President '
            "Walter Hargrove, speaking at the White House, added that talks would go on.",
        ),
        [("We have nothing to hide", "walter-hargrove")],
    ),
    (
        (
            'Russia\'s foreign minister said "nothing has been agreed yet".',
            "Russian Foreign Minister Pavel Orlovsky, speaking in Moscow, added that talks would "
            "continue.",
        ),
        [("nothing has been agreed yet", "pavel-orlovsky")],
    ),
    # negatives: the office does not fit the only person of that country
    (
        (
            "American envoy Martin Delacroix arrived in Kyiv on Monday.",
            '"We are close to a deal," the US president said.',
        ),
        [("We are close to a deal", None)],
    ),
    (
        (
            "Walter Hargrove met Dale Mercer, the US vice president, in Washington.",
            '"We are close," the American leader said.',
        ),
        [("We are close", None)],
    ),
    # negatives: two people fit, or nobody does
    (
        (
            "Finnish President Aarne Koskela arrived in Tallinn on Monday. Estonian President "
            "Karl Tamm welcomed him at the airport.",
            '"We are united," the president said.',
        ),
        [("We are united", None)],
    ),
    (
        (
            "Pavel Orlovsky met Walter Hargrove in Geneva.",
            '"It was a good day," the Finnish leader said.',
        ),
        [("It was a good day", None)],
    ),
]


@pytest.mark.parametrize(("paragraphs", "rows"), DESCRIPTIONS)
def test_description(paragraphs: tuple[str, ...], rows: list[tuple[str, str | None]]) -> None:
    assert [(q.text, q.speaker_id) for q in annotate(*paragraphs)] == rows


ROLE_ONLY = [
    ('"Nobody in Kyiv will sign that," a senior Ukrainian official said.', None),
    ('"The president is fully briefed," a White House spokesperson said on Friday.', "white-house"),
    ('"The gaps are still wide," said a person familiar with the talks.', None),
    ('"We reject the ultimatum," the White House said in a statement.', "white-house"),
    ('According to a European diplomat, the draft "goes too far".', None),
    ('"There is no deadline," a Kremlin spokesman told the Tass news agency.', "kremlin"),
    ('"Talks will resume next week," a source close to the Ukrainian delegation said.', None),
]


@pytest.mark.parametrize(("paragraph", "speaker"), ROLE_ONLY)
def test_role_only_speaker(paragraph: str, speaker: str | None) -> None:
    (q,) = annotate(paragraph)
    assert q.speaker_id == speaker


def test_a_description_resolved_beyond_its_passage_is_below_0_8() -> None:
    found = annotate(
        "US President Walter Hargrove arrived in Geneva on Monday.",
        "The talks were held at a lakeside hotel.",
        "Delegations met for six hours.",
        "Officials declined to give details.",
        '"We made real progress," the US president said.',
    )
    assert [(q.speaker_id, q.confidence < 0.8) for q in found] == [("walter-hargrove", True)]


def test_a_description_another_fitting_person_of_the_passage_could_take_is_below_0_8() -> None:
    found = annotate(
        "Finnish President Aarne Koskela met Estonian President Karl Tamm in Tallinn.",
        '"We are united," the president said.',
    )
    assert [(q.speaker_id, q.confidence < 0.8) for q in found] == [("aarne-koskela", True)]


def test_a_description_named_just_before_is_confident() -> None:
    (q,) = annotate(
        "US President Walter Hargrove arrived in Geneva on Monday.",
        '"We made real progress," the US president said.',
    )
    assert (q.speaker_id, q.confidence >= 0.8) == ("walter-hargrove", True)
