"""Speakers named with the body they belong to ("A B of the Kyiv-based Razumkov Centre said"):
the person is discovered (stages/discovery.py, `speech-verb` read over the affiliation) and the
body's name starts after "of the" (stages/organizations.py), so the quotation is the person's,
not the think tank's. Bodies whose own name holds "of" ("Institute for the Study of War",
"Bank of Russia") stay whole. Invented people and bodies, written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

from talkspkg.kb import load_knowledge
from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.mentions import mentions
from talkspkg.stages.quotes import Quote, quotes

KB = load_knowledge()


def annotate(*paragraphs: str) -> tuple[list[Quote], set[str]]:
    text = "Test headline\n\n" + "\n\n".join(paragraphs) + "\n"
    article = make_article(RawFile(Path("raw/t.txt"), "t", text, "0" * 64))
    found = mentions(article, KB)
    return quotes(article, KB, found), {m.entity_id for m in found.mentions}


AFFILIATED = [
    (
        "Olena Marchenko of the Kyiv-based Razumkov Centre said the offer looked like "
        '"political theatre".',
        "olena-marchenko",
        "kyiv-based-razumkov-centre",
    ),
    (
        "Piotr Zalewski of the Warsaw-based Centre for Eastern Studies told reporters that "
        '"nobody in Moscow is in a hurry".',
        "piotr-zalewski",
        "warsaw-based-centre-for-eastern-studies",
    ),
    (
        "Ines Carvalho, of the Lisbon Institute for Strategic Studies, said the summit was "
        '"a photo opportunity".',
        "ines-carvalho",
        "lisbon-institute-for-strategic-studies",
    ),
    (
        "Tomasz Wrobel from the Baltic Security Foundation warned that the deal would "
        '"reward the aggressor".',
        "tomasz-wrobel",
        "baltic-security-foundation",
    ),
]


@pytest.mark.parametrize(("paragraph", "person", "body"), AFFILIATED)
def test_a_person_of_a_body_is_the_speaker_and_the_body_is_named_apart(
    paragraph: str, person: str, body: str
) -> None:
    rows, entities = annotate(paragraph)
    assert [r.speaker_id for r in rows] == [person]
    assert {person, body} <= entities


BODIES = [
    ('The Institute for the Study of War said Russian forces had made "incremental gains".',),
    ('According to the Institute for the Study of War, Russia made "incremental gains".',),
]


@pytest.mark.parametrize("paragraphs", BODIES)
def test_a_body_whose_name_holds_of_stays_one_body(paragraphs: tuple[str, ...]) -> None:
    rows, entities = annotate(*paragraphs)
    assert [r.speaker_id for r in rows] == ["institute-for-the-study-of-war"]
    assert "war" not in entities
