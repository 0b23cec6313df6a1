"""Article headers as many outlets' pages copy to text: the title, byline, dateline and
publication date read from each, and the journalists it credits (only those). Every page is
invented (names, wording), written from how the sites lay out a story, not from any article."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from talkspkg.kb import load_knowledge
from talkspkg.lines.pubdates import is_published, published
from talkspkg.metadata import parse_metadata
from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.mentions import mentions

KB = load_knowledge()
TITLE = "Envoys meet again as talks on a ceasefire resume"
BODY = (
    "Negotiators from both delegations met behind closed doors on Tuesday, officials said, and "
    "agreed to meet again next month.\n\n"
    "President Arvid Solberg said the talks had been useful but that much work remained.\n"
)


def _journalists(text: str) -> set[str]:
    result = mentions(make_article(RawFile(Path("raw/t.txt"), "t", text, "0" * 64)), KB)
    found = set()
    for m in result.mentions:
        entity = KB.entities.get(m.entity_id) or result.discovered[m.entity_id]
        if entity.entity_type == "journalist":
            found.add(m.entity_id)
    return found


# (id, page, byline, dateline, published date, journalists); the title is always TITLE
# fmt: off
PAGES = [
    ("standfirst-then-by", f"{TITLE}\n\nThe two sides say a deal is not yet close.\n\n"
     "By Hedda Lorne and Pavel Renko\nFebruary 3, 2026, 9:14 AM\n\nOSLO -- " + BODY,
     "Hedda Lorne and Pavel Renko", "OSLO", date(2026, 2, 3), {"hedda-lorne", "pavel-renko"}),
    ("glued-by-caps-outlet", f"{TITLE}\n\nByHEDDA LORNE Associated Press\n"
     "February 3, 2026, 9:14 AM\n\n" + BODY, "HEDDA LORNE", None, date(2026, 2, 3),
     {"hedda-lorne"}),
    ("section-label-above", f"Russia-Ukraine war\n\n{TITLE}\n\nTalks focus on prisoners.\n\n"
     "By Hedda Lorne\nPublished On 5 Feb 2026\n\n" + BODY, "Hedda Lorne", None,
     date(2026, 2, 5), {"hedda-lorne"}),
    ("date-then-by", f"{TITLE}\n\nThe bloc wants a seat at the table.\n\n"
     "November 24, 2025 6:02 pm CET\nBy Hedda Lorne\n\nBRUSSELS — " + BODY, "Hedda Lorne",
     "BRUSSELS", date(2025, 11, 24), {"hedda-lorne"}),
    ("some-in-place-over-date", f"{TITLE}\n\nHedda Lorne in Kyiv and Pavel Renko\n"
     "Tue 3 Jun 2025 14.20 BST\n\n" + BODY, "Hedda Lorne in Kyiv and Pavel Renko", None,
     date(2025, 6, 3), {"hedda-lorne", "pavel-renko"}),
    ("name-dash-stamp", f"{TITLE}\n\nHedda Lorne — Thursday, 18 December 2025, 12:45\n\n" + BODY,
     "Hedda Lorne", None, date(2025, 12, 18), {"hedda-lorne"}),
    ("name-over-glued-dates", f"{TITLE}\n\nHedda Lorne\n12/14/2025December 14, 2025\n\n" + BODY
     + "\nEdited by: Pavel Renko\n", "Hedda Lorne", None, date(2025, 12, 14),
     {"hedda-lorne", "pavel-renko"}),
    ("name-over-date-section", f"{TITLE}\n\nHedda Lorne\nDec 2, 2025 - World\n\n" + BODY,
     "Hedda Lorne", None, date(2025, 12, 2), {"hedda-lorne"}),
    ("updated-then-published", f"{TITLE}\n\nBy Hedda Lorne\nUpdated: Feb 19, 2026 9:00 AM EST | "
     "Originally published: Feb 18, 2026 2:10 PM EST\n\n" + BODY, "Hedda Lorne", None,
     date(2026, 2, 18), {"hedda-lorne"}),
    ("glued-wire-stamp", f"{TITLE}\n\nBy Hedda Lorne\nFebruary 9, 20263:41 PM GMT+1Updated 2 hours "
     "ago\n\nOSLO, Feb 9 (Reuters) - " + BODY, "Hedda Lorne", "OSLO", date(2026, 2, 9),
     {"hedda-lorne"}),
    ("place-then-date", f"{TITLE}\n\nBy Hedda Lorne\nBrussels, 18 Feb 2026, 07:21\n\n" + BODY,
     "Hedda Lorne", None, date(2026, 2, 18), {"hedda-lorne"}),
    ("issued-on", f"{TITLE}\n\nIssued on: 18/02/2026 - 14:05 Modified: 18/02/2026 - 16:30\n\n"
     + BODY, None, None, date(2026, 2, 18), set()),
    ("analysis-by-bare-outlet-dateline", f"{TITLE}\n\nAnalysis by Hedda Lorne, CNN\n"
     "Published 5:02 AM EST, Mon February 2, 2026\n\nOslo, Norway CNN — " + BODY, "Hedda Lorne",
     "Oslo", date(2026, 2, 2), {"hedda-lorne"}),
    ("reported-from-each", f"{TITLE}\n\nBy Hedda Lorne and Pavel Renko\nHedda Lorne reported from "
     "Kyiv, Ukraine, and Pavel Renko from Riga, Latvia.\nFeb. 5, 2026\n\n" + BODY,
     "Hedda Lorne and Pavel Renko", None, date(2026, 2, 5), {"hedda-lorne", "pavel-renko"}),
    ("by-under-first-paragraph", f"{TITLE}\n\nOSLO — Negotiators met on Tuesday.\n\n"
     "By Hedda Lorne\nPublished March 2, 2025\n\n" + BODY, "Hedda Lorne", "OSLO",
     date(2025, 3, 2), {"hedda-lorne"}),
    ("story-by-closing", f"{TITLE}\n\n" + BODY + "\nStory by Hedda Lorne. Abridged translation by "
     "Pavel Renko.\n", "Hedda Lorne", None, None, {"hedda-lorne", "pavel-renko"}),
    ("edited-with-reporting-from", f"{TITLE}\n\nEdited by Hedda Lorne, with reporting from Pavel "
     "Renko in Geneva\n\n" + BODY, None, None, None, {"hedda-lorne", "pavel-renko"}),
    ("name-bar-glued-stamp", f"{TITLE}\n\nHedda Lorne |18.02.2026 - Update : 18.02.2026\n\n" + BODY,
     "Hedda Lorne", None, date(2026, 2, 18), {"hedda-lorne"}),
    ("by-with-place-and-role-in-brackets", f"{TITLE}\n\nBy Hedda Lorne (Kyiv, special "
     "correspondent)\n\n" + BODY, "Hedda Lorne", None, None, {"hedda-lorne"}),
    ("outlet-possessive-contributor", f"{TITLE}\n\nBy Hedda Lorne Fox News\n\n" + BODY
     + "\nFox News' Pavel Renko contributed to this report.\n", "Hedda Lorne", None, None,
     {"hedda-lorne", "pavel-renko"}),
    ("editor-label", f"{TITLE}\n\nSource: Xinhua\nEditor: Pavel Renko\n2026-02-18 20:12:05\n\n"
     + BODY, None, None, date(2026, 2, 18), {"pavel-renko"}),
    ("glued-by-the-agency", f"{TITLE}\n\nByThe Associated Press\nFebruary 3, 2026, 9:14 AM\n\n"
     + BODY, "The Associated Press", None, date(2026, 2, 3), set()),
    ("dash-with-reporting-by-name-slash-place", f"{TITLE}\n\nBY Hedda Lorne\n\n" + BODY
     + "\n—With reporting by Pavel Renko/Kyiv\n", "Hedda Lorne", None, None,
     {"hedda-lorne", "pavel-renko"}),
    ("name-over-place-date", f"{TITLE}\n\nHedda Lorne\nBrussels, 18 Feb 2026, 07:21\n\n" + BODY,
     "Hedda Lorne", None, date(2026, 2, 18), {"hedda-lorne"}),
    ("standfirst-then-dateline", f"{TITLE}\n\nThe two sides say a deal is not yet close.\n\n"
     "OSLO — " + BODY, None, "OSLO", None, set()),
    ("ap-photo-in-brackets", f"{TITLE}\n\nBy Hedda Lorne\n\nArvid Solberg speaks in Oslo. (AP "
     "Photo/Pavel Renko)\n\n" + BODY, "Hedda Lorne", None, None, {"hedda-lorne", "pavel-renko"}),
    ("live-page-shifts", f"{TITLE}\n\nHedda Lorne (now) and Pavel Renko (earlier)\n"
     "Wed 18 Feb 2026 15.02 CET\n\n" + BODY, "Hedda Lorne (now) and Pavel Renko (earlier)", None,
     date(2026, 2, 18), {"hedda-lorne", "pavel-renko"}),
    ("by-reporting-from-minute-read", f"{TITLE}\n\nBy Hedda Lorne, CNN\nReporting from Kyiv\n"
     "3 minute read\nFeb. 18, 2026, 5:03 a.m. ET\n\n" + BODY, "Hedda Lorne", None,
     date(2026, 2, 18), {"hedda-lorne"}),
    ("follow-buttons", f"{TITLE}\n\nBy Hedda Lorne Follow\nand Pavel Renko Follow\n"
     "Feb. 18, 2026 5:30 am ET\n\n" + BODY, "Hedda Lorne", None, date(2026, 2, 18),
     {"hedda-lorne", "pavel-renko"}),
    ("names-bar-date", f"{TITLE}\n\nBy Hedda Lorne and Pavel Renko | Feb 18, 2026\n\n" + BODY,
     "Hedda Lorne and Pavel Renko", None, date(2026, 2, 18), {"hedda-lorne", "pavel-renko"}),
    ("by-name-place-dotted-day", f"{TITLE}\n\nBy Hedda Lorne, Brussels\n18. Feb 2026, 07:21\n\n"
     + BODY, "Hedda Lorne", None, date(2026, 2, 18), {"hedda-lorne"}),
    ("agency-slash-photographer", f"{TITLE}\n\nBy Hedda Lorne\n\n" + BODY
     + "\nA technician repairs a power line near the city. Reuters/Pavel Renko\n", "Hedda Lorne",
     None, None, {"hedda-lorne", "pavel-renko"}),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "byline", "dateline", "day", "journalists"),
    [pytest.param(*p[1:], id=p[0]) for p in PAGES],
)
def test_an_outlet_page_gives_its_header_fields_and_journalists(
    text: str, byline: str | None, dateline: str | None, day: date | None, journalists: set[str]
) -> None:
    meta = parse_metadata(text)
    assert (meta.title, meta.byline, meta.dateline, meta.published_date) == (
        TITLE,
        byline,
        dateline,
        day,
    )
    assert _journalists(text) == journalists


# (id, page): nobody on these pages is a journalist, and none is the byline
# fmt: off
NEGATIVES = [
    ("quoted-name-role-line", f"{TITLE}\n\nOSLO — Few expect the pause to last.\n\n"
     "“The truce is a test, nothing more.”\nArvid Solberg, Director, Oslo Centre for Studies\n\n"
     + BODY),
    ("by-weekday-under-first-paragraph", f"{TITLE}\n\nOSLO — Negotiators met on Tuesday.\n\n"
     "By Friday, Arvid Solberg had left\n\n" + BODY),
    ("by-land-and-sea-under-first-paragraph", f"{TITLE}\n\nOSLO — Negotiators met on Tuesday."
     "\n\nBy Land And Sea\n\n" + BODY),
    ("name-place-and-name-alone", f"{TITLE}\n\nArvid Solberg in Oslo and Nordic Press\n\n" + BODY),
    ("section-label-is-no-title", f"World\n\n{TITLE}\n\n" + BODY),
]
# fmt: on


@pytest.mark.parametrize("text", [pytest.param(p[1], id=p[0]) for p in NEGATIVES])
def test_a_page_line_that_is_no_credit_names_no_journalist(text: str) -> None:
    meta = parse_metadata(text)
    assert meta.byline is None
    assert meta.title == TITLE
    assert _journalists(text) == set()


def test_two_paragraphs_of_prose_end_the_header() -> None:
    text = f"{TITLE}\n\nNegotiators met.\n\nThey agreed.\n\nKYIV — A third paragraph.\n\n" + BODY
    assert parse_metadata(text).dateline is None


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Updated 4:12 PM GMT+1, February 12, 2026", None),  # an update is no publication
        ("Updated February 4, 2026 at 5 p.m. | Published February 4, 2026", date(2026, 2, 4)),
        ("Tuesday 2 December 2025 11:36, UK", date(2025, 12, 2)),
        ("Published 21st March 2025", date(2025, 3, 21)),
        ("01/12/2025 - 11:27", None),  # day and month cannot be told apart
    ],
)
def test_a_publication_line_states_its_day(line: str, day: date | None) -> None:
    assert is_published(line)
    assert published([line], None)[0] == day


@pytest.mark.parametrize("line", ["Kyiv, Ukraine", "Russia, 2025 was a hard year", "Dec 2 - World"])
def test_a_place_or_a_sentence_is_no_publication_line(line: str) -> None:
    assert not is_published(line)


def test_a_name_over_a_role_line_in_the_body_is_that_section_s_author() -> None:
    text = (
        f"{TITLE}\n\nPublished\n17 August 2025\n\n" + BODY + "\nWhat Oslo wanted\nHedda Lorne\n"
        "Nordic editor\n\nThe talks gave Oslo a seat at the table.\n\nKyiv is wary\nPavel Renko\n"
        "Ukraine correspondent@prenko\n\nArvid Solberg said Kyiv had not been consulted.\n"
    )
    assert parse_metadata(text).byline is None
    assert _journalists(text) == {"hedda-lorne", "pavel-renko"}


def test_a_name_over_an_office_in_the_body_is_no_author() -> None:
    text = f"{TITLE}\n\n" + BODY + "\n“We are close.”\nArvid Solberg\nForeign minister\n\nMore.\n"
    assert _journalists(text) == set()


def test_an_empty_quote_line_in_the_header_does_not_end_it() -> None:
    text = f"{TITLE}\n\n> Published 16 October 2025\n> \n\nKYIV (AFP) - " + BODY
    meta = parse_metadata(text)
    assert (meta.title, meta.dateline, meta.published_date) == (TITLE, "KYIV", date(2025, 10, 16))


def test_a_wrapped_first_paragraph_gives_no_title() -> None:
    text = (
        "> Published 16 October 2025\n\n**Negotiators from both delegations met behind closed\n"
        "doors on Tuesday, officials said.**\n\nPresident Arvid Solberg said it went well.\n"
    )
    assert parse_metadata(text).title is None
