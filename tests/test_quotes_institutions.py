"""Institution nouns as speakers ("the company said", "the operator said", "the agency said"):
the organisation the passage names whose name, knowledge-base role or descriptive nouns (a
premodifier "grid operator X", an appositive "X, the state energy company,") hold the noun's
word. Sentences written for this test (invented firms or well-known public organisations); see
stages/quotes/discourse.py (`institution`, `described_as`)."""

from __future__ import annotations

import pytest
from quote_sets import annotate

RESOLVED = [
    # a premodifier carries the noun's word (or one of its family: operator ~ company)
    (
        "Ukraine's state grid operator Ukrenergo said on Sunday that power was cut in two "
        'regions. "Crews are restoring supplies to hospitals first," the company said.',
        "ukrenergo",
    ),
    # an appositive carries it
    (
        "Naftogaz, the state energy company, said its storage was full before the frost. "
        '"We enter the winter with reserves we have not had for years," the company said.',
        "naftogaz",
    ),
    (
        "Energoatom, the state nuclear operator, told the IAEA the plant had lost power. "
        '"The situation is stable but remains fragile," the operator said.',
        "energoatom",
    ),
    # the knowledge base's role carries it ("Ukrainian state nuclear power company")
    (
        "Energoatom said the Zaporizhzhia plant had lost its last external power line. "
        '"Diesel generators are running, and fuel will last ten days," the company said.',
        "energoatom",
    ),
    # the name carries it (the rule before this one)
    (
        "Halden Industries said its plant near Lviv had been hit overnight. "
        '"Nobody was hurt, but production has stopped," the company said.',
        "halden-industries",
    ),
]


@pytest.mark.parametrize(("paragraph", "speaker"), RESOLVED)
def test_an_institution_noun_is_the_organisation_described_so(paragraph: str, speaker: str) -> None:
    rows = annotate(paragraph)
    assert [(r.speaker_id, r.resolution) for r in rows] == [(speaker, "anaphor")]


UNRESOLVED = [
    # nothing the passage names is described as a company
    (
        "Ukraine's foreign ministry criticised the plan on Monday. "
        '"We enter the winter with reserves we have not had for years," the company said.'
    ),
    # an organisation that is no firm; "hosted by" describes nobody
    (
        "The talks were hosted by the OSCE on Friday in Vienna. "
        '"We lost three weeks of output to the strikes," the firm said.'
    ),
    # a person doing a job named by the noun is no organisation
    (
        "A drone operator near Pokrovsk said the front had been quiet for days. "
        '"Nothing has moved for a week, and nobody believes it will last," the operator said.'
    ),
]


@pytest.mark.parametrize("paragraph", UNRESOLVED)
def test_an_institution_noun_with_no_organisation_so_described_stays_null(paragraph: str) -> None:
    rows = annotate(paragraph)
    assert len(rows) == 1
    assert rows[0].speaker_id is None
    assert rows[0].confidence < 0.5


def test_an_official_in_a_leaders_office_is_an_unnamed_person_not_the_office() -> None:
    (row,) = annotate(
        "Kyiv said it had not been told in advance. "
        '"We learn about such calls from the news," an official in Zelensky\'s office told '
        "reporters."
    )
    assert (row.speaker_id, row.speaker_text) == (None, "an official in Zelensky's office")
    (row,) = annotate('"We learn about such calls from the news," Zelensky\'s office said.')
    assert row.speaker_id == "office-of-the-president-of-ukraine"


def test_the_statement_points_back_to_the_last_statement_across_a_paragraph() -> None:
    rows = annotate(
        "Foreign ministers of the Group of Seven issued a statement on Friday after two days "
        "of talks in Quebec.",
        "The ministers also discussed the Middle East, trade and the Arctic.",
        '"We support every effort to reach a just and lasting peace," the statement said.',
    )
    assert [(r.speaker_id, r.resolution) for r in rows] == [("g7", "fallback")]
    assert rows[0].confidence < 0.8


def test_the_statement_with_no_issuer_stated_stays_null() -> None:
    rows = annotate(
        "A statement circulated among diplomats on Friday after two days of talks in Quebec.",
        "The ministers also discussed the Middle East, trade and the Arctic.",
        '"We support every effort to reach a just and lasting peace," the statement said.',
    )
    assert [r.speaker_id for r in rows] == [None]


def test_a_spokesperson_for_an_embassy_speaks_for_the_embassy_not_a_person_named_embassy() -> None:
    rows = annotate(
        '"The United States stands with Ukraine, and this visit shows it," a spokesperson for '
        "the US Embassy in Kyiv said.",
        '"We reject these claims," a spokesman for the Russian Embassy in London told reporters.',
    )
    assert [r.speaker_id for r in rows] == ["us-embassy", "russian-embassy"]
