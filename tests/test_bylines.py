"""Journalists: how English-language news sites and wires print their credits.

Every case is an invented article (invented names) in one credit format; the journalists found
must be exactly the credited ones, the politician in the story stays a person, and the byline
field holds the author names as written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from talkspkg.kb import load_knowledge
from talkspkg.metadata import parse_metadata
from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.mentions import mentions

KB = load_knowledge()
HEADLINE = "Envoys meet in Geneva as ceasefire talks resume"
BODY = (
    "GENEVA - Negotiators met on Monday, officials said. President Arvid Solberg said the "
    "talks were useful and would go on next week."
)


def typed(text: str) -> dict[str, set[str]]:
    """Entity ids mentioned in `text`, by entity type."""
    result = mentions(make_article(RawFile(Path("raw/t.txt"), "t", text, "0" * 64)), KB)
    out: dict[str, set[str]] = {}
    for m in result.mentions:
        e = KB.entities.get(m.entity_id) or result.discovered[m.entity_id]
        out.setdefault(e.entity_type, set()).add(m.entity_id)
    return out


def article(header: str = "", closing: str = "", body: str = BODY) -> str:
    text = HEADLINE + "\n\n" + (header + "\n\n" if header else "") + body + "\n"
    return text + ("\n" + closing + "\n" if closing else "")


# (format, header lines, closing lines, journalists, byline)
HEADER_CASES = [
    ("by-one", "By Maren Oduya", "", {"maren-oduya"}, "Maren Oduya"),
    (
        "by-two",
        "By Maren Oduya and Tobias Krell",
        "",
        {"maren-oduya", "tobias-krell"},
        "Maren Oduya and Tobias Krell",
    ),
    (
        "by-three",
        "By Maren Oduya, Tobias Krell and Ines Varro",
        "",
        {"maren-oduya", "tobias-krell", "ines-varro"},
        "Maren Oduya, Tobias Krell and Ines Varro",
    ),
    ("by-caps", "BY MAREN ODUYA", "", {"maren-oduya"}, "MAREN ODUYA"),
    ("by-name-comma-city", "By Maren Oduya, Warsaw", "", {"maren-oduya"}, "Maren Oduya"),
    ("by-in-city", "By Maren Oduya in Kyiv", "", {"maren-oduya"}, "Maren Oduya"),
    (
        "by-two-in-cities",
        "By Maren Oduya in Kyiv and Tobias Krell in Moscow",
        "",
        {"maren-oduya", "tobias-krell"},
        "Maren Oduya in Kyiv and Tobias Krell in Moscow",
    ),
    ("pipe-agency", "Maren Oduya | Reuters", "", {"maren-oduya"}, "Maren Oduya"),
    (
        "bbc-role-line",
        "Maren Oduya\nDiplomatic correspondent, BBC News",
        "",
        {"maren-oduya"},
        "Maren Oduya",
    ),
    ("bbc-role-line-place", "Maren Oduya\nBBC News, Kyiv", "", {"maren-oduya"}, "Maren Oduya"),
    (
        "name-senior-correspondent",
        "Maren Oduya, Senior Correspondent",
        "",
        {"maren-oduya"},
        "Maren Oduya",
    ),
    ("author-label", "Author: Maren Oduya", "", {"maren-oduya"}, "Maren Oduya"),
    ("written-by", "Written by Maren Oduya", "", {"maren-oduya"}, "Maren Oduya"),
    (
        "name-over-published",
        "Maren Oduya\nPublished 3 March 2025",
        "",
        {"maren-oduya"},
        "Maren Oduya",
    ),
    (
        "by-over-updated",
        "By Maren Oduya\nUpdated 14:02 GMT, 3 March 2025",
        "",
        {"maren-oduya"},
        "Maren Oduya",
    ),
    (
        "by-pipe-updated",
        "By Maren Oduya | Updated March 3, 2025, 2:04 PM ET",
        "",
        {"maren-oduya"},
        "Maren Oduya",
    ),
    ("handle-parens", "By Maren Oduya (@moduya)", "", {"maren-oduya"}, "Maren Oduya"),
    ("handle-line", "Maren Oduya\n@moduya", "", {"maren-oduya"}, "Maren Oduya"),
    ("handle-after-name", "By Maren Oduya @moduya", "", {"maren-oduya"}, "Maren Oduya"),
    ("particles", "By Jean-Luc de la Cruz", "", {"jean-luc-de-la-cruz"}, "Jean-Luc de la Cruz"),
    (
        "initials-hyphen",
        "By J. D. Vance-Smith and Aoife O'Neill",
        "",
        {"j-d-vance-smith", "aoife-oneill"},
        "J. D. Vance-Smith and Aoife O'Neill",
    ),
    ("mc-name", "By Callum McAllister", "", {"callum-mcallister"}, "Callum McAllister"),
    (
        "caps-and",
        "By MAREN ODUYA and TOBIAS KRELL",
        "",
        {"maren-oduya", "tobias-krell"},
        "MAREN ODUYA and TOBIAS KRELL",
    ),
    (
        "caps-agency-no-comma",
        "By MAREN ODUYA Associated Press\nMarch 3, 2025, 10:12 AM",
        "",
        {"maren-oduya"},
        "MAREN ODUYA",
    ),
    ("by-comma-outlet", "By Maren Oduya, CNN", "", {"maren-oduya"}, "Maren Oduya"),
    (
        "names-in-places",
        "Maren Oduya in Kyiv and Tobias Krell in Moscow\nMon 3 Mar 2025 12.00 GMT",
        "",
        {"maren-oduya", "tobias-krell"},
        "Maren Oduya in Kyiv and Tobias Krell in Moscow",
    ),
    (
        "reporting-from-line",
        "By Maren Oduya\nReporting from Kyiv, Ukraine\nMarch 3, 2025",
        "",
        {"maren-oduya"},
        "Maren Oduya",
    ),
    ("with-agencies", "By Maren Oduya with AP, Reuters", "", {"maren-oduya"}, "Maren Oduya"),
    (
        "role-glued-handle",
        "Maren Oduya\nDefence correspondent@MOduyaNews",
        "",
        {"maren-oduya"},
        "Maren Oduya",
    ),
]

CLOSING_CASES = [
    (
        "reuters-trailer",
        "",
        "Reporting by Maren Oduya in Kyiv; Additional reporting by Tobias Krell; Writing by Ines "
        "Varro; Editing by Paul Hensel and Dora Quist",
        {"maren-oduya", "tobias-krell", "ines-varro", "paul-hensel", "dora-quist"},
        "Maren Oduya",
    ),
    (
        "reuters-trailer-parens",
        "",
        "(Reporting by Maren Oduya; Editing by Paul Hensel)",
        {"maren-oduya", "paul-hensel"},
        "Maren Oduya",
    ),
    (
        "ap-contributed-reporting",
        "By Ines Varro",
        "Maren Oduya contributed reporting.",
        {"ines-varro", "maren-oduya"},
        "Ines Varro",
    ),
    (
        "ap-contributed-to-report",
        "By Ines Varro",
        "Associated Press writers Maren Oduya in Kyiv and Tobias Krell in Brussels contributed to "
        "this report.",
        {"ines-varro", "maren-oduya", "tobias-krell"},
        "Ines Varro",
    ),
    ("signature-agency", "", "— Maren Oduya, Associated Press", {"maren-oduya"}, None),
    (
        "bio-correspondent",
        "By Maren Oduya",
        "Maren Oduya is a correspondent for the Nordic Wire based in Kyiv.",
        {"maren-oduya"},
        "Maren Oduya",
    ),
    (
        "ap-writer-contributed-from",
        "By Ines Varro",
        "Associated Press writer Tobias Krell contributed from Washington.",
        {"ines-varro", "tobias-krell"},
        "Ines Varro",
    ),
    (
        "with-assistance",
        "By Ines Varro",
        "— With assistance from Tobias Krell and Dora Quist",
        {"ines-varro", "tobias-krell", "dora-quist"},
        "Ines Varro",
    ),
    (
        "outlet-possessive-contributed",
        "By Ines Varro",
        "CNN’s Tobias Krell contributed to this report.",
        {"ines-varro", "tobias-krell"},
        "Ines Varro",
    ),
    ("photo-credit", "", "Photo: Tobias Krell/AFP", {"tobias-krell"}, None),
    (
        "photo-caption-credit",
        "",
        "Delegates arrive for the talks in Geneva. Photo: Tobias Krell/AFP",
        {"tobias-krell"},
        None,
    ),
]

# fmt: off
HEADER_CASES += [
    ("share-save-then-name-role", "2 hours ago\nShare\nSave\nMaren Oduya\nEurope digital editor",
     "", {"maren-oduya"}, "Maren Oduya"),
    ("two-names-over-outlet", "Maren Oduya and Tobias Krell\nBBC News", "",
     {"maren-oduya", "tobias-krell"}, "Maren Oduya and Tobias Krell"),
    ("role-handle-reporting-from",
     "Maren Oduya\nRussia editor@MOduyaNews\nReporting fromMoscow", "", {"maren-oduya"},
     "Maren Oduya"),
    ("by-name-role", "By Maren Oduya, Senior Correspondent", "", {"maren-oduya"}, "Maren Oduya"),
    ("name-slash-agency", "By Maren Oduya / AP", "", {"maren-oduya"}, "Maren Oduya"),
    ("by-outlet-only", "By Reuters", "", set(), "Reuters"),
    ("by-glued-stamp", "By Maren Oduya March 3, 2025 10:12 AM EST", "", {"maren-oduya"},
     "Maren Oduya"),
    ("by-place-glued-stamp", "By Maren Oduya, Brussels, 3 Mar 2025, 07:21", "", {"maren-oduya"},
     "Maren Oduya"),
    ("posted-by-on-date", "Posted by Maren Oduya on 3 March 2025", "", {"maren-oduya"},
     "Maren Oduya"),
    ("interview-by", "Interview by Maren Oduya", "", {"maren-oduya"}, "Maren Oduya"),
    ("names-in-places-alone", "Maren Oduya in Kyiv and Tobias Krell in Moscow", "",
     {"maren-oduya", "tobias-krell"}, "Maren Oduya in Kyiv and Tobias Krell in Moscow"),
    ("middle-dot-role", "Maren Oduya · Senior correspondent", "", {"maren-oduya"}, "Maren Oduya"),
    ("profile-link", "[Maren Oduya](https://news.example/author/maren-oduya/)", "",
     {"maren-oduya"}, "Maren Oduya"),
    ("by-two-profile-links",
     "By [Maren Oduya](https://news.example/authors/mo) and [Tobias Krell](/authors/tk)", "",
     {"maren-oduya", "tobias-krell"}, "Maren Oduya and Tobias Krell"),
]
CLOSING_CASES += [
    ("bio-outlet-possessive", "By Maren Oduya",
     "Maren Oduya is Nordic Wire’s Brussels correspondent.", {"maren-oduya"}, "Maren Oduya"),
    ("dash-reported-from", "By Ines Varro", "— Maren Oduya reported from Kyiv.",
     {"ines-varro", "maren-oduya"}, "Ines Varro"),
    ("author-box-closing", "", "Maren Oduya\nSenior correspondent", {"maren-oduya"}, None),
]
# fmt: on


@pytest.mark.parametrize(
    ("header", "closing", "journalists", "byline"),
    [pytest.param(*c[1:], id=c[0]) for c in HEADER_CASES + CLOSING_CASES],
)
def test_credit_formats_name_the_journalists_and_no_one_else(
    header: str, closing: str, journalists: set[str], byline: str | None
) -> None:
    text = article(header, closing)
    found = typed(text)
    assert found.get("journalist", set()) == journalists
    assert "arvid-solberg" in found.get("person", set())
    assert parse_metadata(text).byline == byline


NEGATIVE_BODIES = [
    ("by-gerund", "By signing the deal, President Arvid Solberg ended a long dispute, aides said."),
    ("by-weekday", "By Tuesday, President Arvid Solberg had left Geneva, aides said."),
    ("by-contrast", "By contrast, President Arvid Solberg said the talks were useful."),
    ("by-then", "By then Arvid Solberg, the foreign minister, had flown to Oslo."),
    ("quoted-person", "“We are close,” said Arvid Solberg, the foreign minister, on Monday."),
    ("drafted-by", "The plan, drafted by Arvid Solberg, the foreign minister, was published."),
    ("said-by-line", "Arvid Solberg, the foreign minister, said talks would resume."),
]


@pytest.mark.parametrize("body", [pytest.param(b, id=i) for i, b in NEGATIVE_BODIES])
def test_a_person_in_the_first_sentence_is_no_journalist(body: str) -> None:
    text = article(body=body)
    found = typed(text)
    assert "journalist" not in found
    assert "arvid-solberg" in found.get("person", set())
    assert parse_metadata(text).byline is None


NEGATIVE_HEADERS = [
    ("headline-with-names", "Arvid Solberg meets Tove Lindqvist in Oslo"),
    ("standfirst", "Arvid Solberg says a deal is close"),
    ("role-headline", "Arvid Solberg, Foreign Minister"),
    ("outlet-line", "Nordic Wire | World News"),
    ("name-in-place-standfirst", "Arvid Solberg in Oslo"),
    ("name-over-topic", "Arvid Solberg\nUkraine war"),
    ("topic-link", "[Arvid Solberg](https://news.example/topics/arvid-solberg)"),
    ("middle-dot-office", "Arvid Solberg · Foreign Minister"),
    ("title-case-places", "Peace Talks in Geneva and Heavy Fighting in Donbas"),
    ("name-role-sentence", "Arvid Solberg, a correspondent, asked the envoy about the talks."),
]


@pytest.mark.parametrize("header", [pytest.param(h, id=i) for i, h in NEGATIVE_HEADERS])
def test_header_lines_naming_actors_are_no_byline(header: str) -> None:
    text = article(header)
    found = typed(text)
    assert "journalist" not in found
    assert parse_metadata(text).byline is None


# A journalist named in the story itself: an outlet of the knowledge base (lexicon
# `outlet_roles`) in the journalism role before or after the name, owning the name, or after it.
IN_STORY = [
    ("outlet-role-before", "Speaking to BBC Russia editor Maren Hollis, the minister was blunt."),
    ("outlet-role-after", "Maren Hollis, a Reuters reporter, asked the minister about the talks."),
    ("outlet-possessive", "The president told the BBC's Maren Hollis that he was ready to meet."),
    ("outlet-possessive-no-the", "The president told CNN's Maren Hollis on Friday he would go."),
    ("of-outlet", "Maren Hollis of the BBC asked the president about the talks."),
    # outlets of knowledge base 2026.12.5 (broadcasters, magazines, regional and Russian media)
    ("magazine-role-after", "Maren Hollis, a TIME correspondent, asked the minister about it."),
    ("broadcaster-role-before", "Speaking to NBC News correspondent Maren Hollis, he was blunt."),
    ("regional-possessive", "The president told Kurdistan24's Maren Hollis he was ready to meet."),
    ("of-a-newspaper", "Maren Hollis of Le Monde asked the president about the talks."),
]


@pytest.mark.parametrize("sentence", [pytest.param(s, id=i) for i, s in IN_STORY])
def test_a_journalist_of_a_known_outlet_named_in_the_story(sentence: str) -> None:
    found = typed(article(body=BODY + " " + sentence))
    assert found.get("journalist") == {"maren-hollis"}
    assert found.get("person") == {"arvid-solberg"}


IN_STORY_NEGATIVE = [
    ("state-possessive", "Ukraine's Maren Hollis said the talks were useful."),
    ("outlet-quotes-someone", "The BBC quoted Maren Hollis, a former minister, as saying so."),
    ("told-an-outlet", "Kremlin spokesman Maren Hollis told the BBC that talks were useful."),
    ("role-without-outlet", "Speaking to deputy editor Maren Hollis, the minister was blunt."),
    ("of-an-organisation", "The talks were chaired by Maren Hollis of the United Nations."),
    ("told-a-magazine", "Kremlin spokesman Maren Hollis told TIME that talks were useful."),
    ("newspaper-reported", "Kommersant reported that Maren Hollis, a former minister, had left."),
]


@pytest.mark.parametrize("sentence", [pytest.param(s, id=i) for i, s in IN_STORY_NEGATIVE])
def test_a_person_near_an_outlet_is_no_journalist(sentence: str) -> None:
    found = typed(article(body=BODY + " " + sentence))
    assert "journalist" not in found
