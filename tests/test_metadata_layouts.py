"""Article metadata in layouts other outlets print: invented articles (invented names and
outlets), each asserting the title, byline, dateline and date it states, and the negatives each
rule must not take."""

from __future__ import annotations

from datetime import date

import pytest

from talkspkg.document import SegmentKind
from talkspkg.metadata import parse_metadata

BODY = "Negotiators met again on Monday without agreeing a text, officials said."


def meta(*header: str, body: str = BODY) -> dict[str, object]:
    m = parse_metadata("\n".join(header) + "\n\n" + body + "\n")
    return {"title": m.title, "byline": m.byline, "dateline": m.dateline, "date": m.published_date}


@pytest.mark.parametrize(
    "stamp",
    ["5 March 2026", "March 5, 2026", "Thu 5 Mar 2026 09.10 GMT"],
)
def test_a_by_line_with_a_date_after_a_comma_is_the_names(stamp: str) -> None:
    got = meta("Kyiv drafts its own annex", f"By Greta Holmquist, {stamp}")
    assert got["byline"] == "Greta Holmquist"
    assert got["date"] == date(2026, 3, 5)


@pytest.mark.parametrize("tail", ["· 4 min read", "| 12 min read", "· 3 minute read"])
@pytest.mark.parametrize(
    "line, names",
    [
        ("Jana Novakova", "Jana Novakova"),
        ("By Jana Novakova", "Jana Novakova"),
        ("Jana Novakova and Piet Smit", "Jana Novakova and Piet Smit"),
    ],
)
def test_a_reading_time_after_the_names_is_no_part_of_the_byline(
    line: str, names: str, tail: str
) -> None:
    got = meta("Envoys to meet again next week", f"{line} {tail}", "9 March 2026")
    assert got["byline"] == names
    assert got["title"] == "Envoys to meet again next week"


def test_a_reading_time_after_words_that_start_no_name_is_no_byline() -> None:
    assert meta("Envoys to meet again next week", "Peace Talks · 4 min read")["byline"] is None


@pytest.mark.parametrize(
    "crumb",
    ["Home / World / Europe", "News > Europe > Ukraine", "Home › World", "World » Europe » Russia"],
)
def test_a_breadcrumb_trail_above_the_headline_is_not_the_title(crumb: str) -> None:
    got = meta(crumb, "Kyiv drafts its own ceasefire annex", "By Greta Holmquist")
    assert got["title"] == "Kyiv drafts its own ceasefire annex"


@pytest.mark.parametrize(
    "title", ["Kyiv / Moscow talks stall again", "Europe > America in defence spending, poll says"]
)
def test_a_headline_with_a_slash_is_still_the_title(title: str) -> None:
    assert meta(title, "By Greta Holmquist")["title"] == title


@pytest.mark.parametrize("kicker", ["EXCLUSIVE", "Interview", "Live updates", "Factbox", "Comment"])
def test_a_content_type_kicker_above_the_headline_is_not_the_title(kicker: str) -> None:
    got = meta(kicker, "Kyiv drafts its own ceasefire annex", "By Greta Holmquist")
    assert got["title"] == "Kyiv drafts its own ceasefire annex"


@pytest.mark.parametrize(
    "opening, place",
    [
        ("Geneva — European governments are weighing a monitoring role.", "Geneva"),
        ("Abu Dhabi – The delegations met for five hours on Tuesday.", "Abu Dhabi"),
        ("Kyiv, March 3 — The president left for Washington on Tuesday.", "Kyiv"),
        ("Brussels — “We are close,” one diplomat said on Tuesday.", "Brussels"),
    ],
)
def test_a_known_place_in_title_case_before_a_dash_is_the_dateline(
    opening: str, place: str
) -> None:
    got = meta("Europe weighs role in monitoring mission", "By Rafael Okonjo", body=opening)
    assert got["dateline"] == place


@pytest.mark.parametrize(
    "opening",
    [
        "Zelensky — The president left for Washington on Tuesday.",  # a person, not a place
        "Meanwhile — The delegations met for five hours on Tuesday.",
        "Geneva — a city used to hosting talks — was chosen again.",  # lower case after the dash
        "Geneva - European governments are weighing a monitoring role.",  # a hyphen: too loose
        "Tromsø — European governments are weighing a monitoring role.",  # a place not known
    ],
)
def test_a_title_case_word_before_a_dash_is_no_dateline_otherwise(opening: str) -> None:
    got = meta("Europe weighs role in monitoring mission", "By Rafael Okonjo", body=opening)
    assert got["dateline"] is None


def test_a_wire_writing_credit_is_the_byline_when_the_header_has_none() -> None:
    text = (
        "Kremlin rules out summit before spring\nPublished 13 March 2026\n\n"
        "MOSCOW, March 13 (Reuters) - The Kremlin on Friday ruled out a summit before spring.\n"
        "Writing by Paul Ingmar; Editing by Mia Torvik and Ken Ashdown\n"
    )
    m = parse_metadata(text)
    assert m.byline == "Paul Ingmar"
    assert m.dateline == "MOSCOW"
    credit = [text[s.start : s.end] for s in m.segments if s.kind is SegmentKind.CREDIT]
    assert credit == ["Writing by Paul Ingmar; Editing by Mia Torvik and Ken Ashdown"]


def test_writing_in_prose_is_no_credit() -> None:
    body = "Writing by hand, the envoy listed the points on which both sides agreed."
    assert meta("Envoys list points of agreement", body=body)["byline"] is None


@pytest.mark.parametrize("name", ["ANNA BERGMAN", "JEAN-PAUL DE VRIES", "OLA NORDMANN"])
def test_a_name_in_capitals_over_a_publication_line_is_the_byline(name: str) -> None:
    got = meta("Talks stall again", name, "March 9, 2026")
    assert (got["byline"], got["title"], got["date"]) == (
        name,
        "Talks stall again",
        date(2026, 3, 9),
    )


@pytest.mark.parametrize(
    "line", ["BREAKING NEWS", "KYIV UKRAINE", "SAUDI ARABIA", "WORLD NEWS", "PEACE TALKS", "LIVE"]
)
def test_a_label_or_place_in_capitals_over_a_publication_line_is_no_byline(line: str) -> None:
    assert meta("Talks stall again", line, "March 9, 2026")["byline"] is None


def test_a_name_in_capitals_needs_the_publication_line_under_it() -> None:
    assert (
        meta("Talks stall again", "ANNA BERGMAN", "Officials said more talks were due.")["byline"]
        is None
    )
