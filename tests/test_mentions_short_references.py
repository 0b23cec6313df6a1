"""Invented articles (wire, live blog, analysis layouts) exercising short references to people:
a surname alone before or after the full name, family members sharing a curated surname,
given names after an honorific, transliteration variants, names that run on into another
name, outlets that are no persons, and capitals inside names. Each asserts the persons present
AND those that must be absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from talkspkg.kb import Entity, load_knowledge
from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.mentions import MentionResult, mentions

KB = load_knowledge()


def annotate(text: str) -> MentionResult:
    return mentions(make_article(RawFile(Path("raw/t.txt"), "t", text, "0" * 64)), KB)


def entity(result: MentionResult, eid: str) -> Entity:
    return KB.entities.get(eid) or result.discovered[eid]


def persons(result: MentionResult) -> set[str]:
    return {
        m.entity_id for m in result.mentions if entity(result, m.entity_id).entity_type == "person"
    }


def spans(result: MentionResult) -> list[tuple[str, str]]:
    return [(m.text, m.entity_id) for m in result.mentions]


ARTICLES = {
    # wire: the surname alone before the full name, and with no full name at all
    "surname-first": (
        "Envoys meet in Doha\n\nDOHA, March 3 (Wire) - Kushner and Witkoff arrived in Doha on "
        "Tuesday. Jared Kushner, the president's son-in-law, said the draft was close to done.\n\n"
        "Kushner's team will stay until Friday.\n",
        {"jared-kushner", "steve-witkoff"},
        set(),
    ),
    "surname-only": (
        "Talks in Moscow\n\nWitkoff and Kushner met officials in Moscow. Kushner said it went "
        "well.\n",
        {"jared-kushner", "steve-witkoff"},
        set(),
    ),
    # a given name after an honorific is the one person named in full with it
    "sir-given-name": (
        "Coalition call\n\nLONDON, Feb 11 - British Prime Minister Sir Keir Starmer hosted a call. "
        "Sir Keir said more was needed. Starmer’s office said 30 leaders joined.\n",
        {"keir-starmer"},
        {"keir"},
    ),
    # a relative or namesake sharing a curated surname is another person
    "family-namesake": (
        "Campaign notes\n\nLara Trump said the plan was good. Eric Trump, a businessman, agreed.\n",
        {"lara-trump", "eric-trump"},
        {"donald-trump"},
    ),
    "namesake-with-curated-in-full": (
        "Summit\n\nDonald Trump met the envoys. Lara Trump said the plan was good. Trump said "
        "nothing.\n",
        {"donald-trump", "lara-trump"},
        set(),
    ),
    # a headline word before a surname is no given name of a namesake
    "headline-word": (
        "Behind Dmitriev’s quiet channel\n\nAnalysis - Kirill Dmitriev met the envoys again. "
        "Dmitriev said trade could resume.\n",
        {"kirill-dmitriev"},
        {"behind-dmitriev"},
    ),
    "ambassador-namesake": (
        "Paris\n\nUS Ambassador Charles Kushner said France agreed. Kushner added more.\n",
        {"charles-kushner"},
        {"jared-kushner"},
    ),
    # two people share a surname: the surname alone is nobody's
    "two-petrovs": (
        "Forum\n\nMOSCOW, May 5 - Russian deputy minister Ivan Petrov and businessman Sergei "
        "Petrov attended the forum. Petrov said the sanctions would be lifted.\n",
        {"ivan-petrov", "sergei-petrov"},
        {"petrov"},
    ),
    # transliteration variants are one person; a longer name is not a short reference
    "variants": (
        "Envoys\n\nKYIV, June 1 - Dmytro Kovalenkyy, an adviser, met envoys. Dmytro Kovalenkyi "
        "said the meeting was useful. Kovalenkiy added more.\n\nRussian negotiator Mikhail "
        "Sorokin met him. Mikhail Sorokinov was not present.\n",
        {"dmytro-kovalenkyy", "mikhail-sorokin"},
        {"dmytro-kovalenkyi"},
    ),
    # family name first, with a curated person named by surname before the full name
    "family-name-first": (
        "Beijing\n\nBEIJING, Oct 11 - Chinese special envoy Wang Zhenhua met the Ukrainian side. "
        "Wang said China supported dialogue. Foreign Minister Andrii Sybiha thanked Wang.\n\n"
        "Zelenskyy later spoke to Wang by phone. Volodymyr Zelensky said the call was good. "
        "Wang Lei, a Chinese scholar, was also present.\n",
        {"wang-zhenhua", "andrii-sybiha", "volodymyr-zelensky"},
        {"zhenhua", "wang"},
    ),
    # outlets and abbreviated titles are no persons, and names stop at a sentence end
    "outlets-and-titles": (
        "Reports\n\nWASHINGTON, July 8 - The Wall Street Journal reported the plan had 20 points. "
        "Fox News and Interfax carried it. The talks ended. Anna Kowalska said the next round "
        "would be in Bern. Ms. Kowalska is a diplomat. Lt. Col. Viktor Hrytsenko said little.\n",
        {"anna-kowalska", "viktor-hrytsenko"},
        {"the-wall-street-journal", "fox-news", "interfax", "ended-anna-kowalska"},
    ),
}


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_persons_present_and_absent(name: str) -> None:
    text, present, absent = ARTICLES[name]
    found = persons(annotate(text))
    assert present <= found
    assert not (absent & found)


def test_every_bare_surname_of_a_unique_bearer_is_theirs() -> None:
    text = ARTICLES["surname-first"][0]
    assert [e for t, e in spans(annotate(text)) if t == "Kushner"] == ["jared-kushner"] * 2


def test_a_namesakes_surname_is_never_the_curated_person() -> None:
    result = annotate(ARTICLES["ambassador-namesake"][0])
    assert ("Charles Kushner", "charles-kushner") in spans(result)
    assert not [m for m in result.mentions if m.text == "Kushner"]  # shared: nobody's
    result = annotate(ARTICLES["namesake-with-curated-in-full"][0])
    assert ("Trump", "donald-trump") in spans(result)  # named in full: the lone Trump is his


def test_a_first_word_followed_by_another_capitalised_word_is_another_name() -> None:
    result = annotate(ARTICLES["variants"][0])
    assert ("Mikhail", "mikhail-sorokin") not in spans(result)
    text = ARTICLES["family-name-first"][0]
    result = annotate(text)
    assert ("Wang Lei", "wang-lei") in spans(result)
    assert not [m for m in result.mentions if m.text == "Wang"]  # two Wangs: nobody's
    result = annotate(text.replace("Wang Lei, a Chinese scholar,", "A Chinese scholar"))
    assert [m.text for m in result.mentions if m.entity_id == "wang-zhenhua"] == [
        "Wang Zhenhua",
        "Wang",
        "Wang",
        "Wang",
    ]


def test_sir_and_given_name_is_the_person() -> None:
    result = annotate(ARTICLES["sir-given-name"][0])
    assert ("Keir", "keir-starmer") in spans(result)
