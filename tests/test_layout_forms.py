"""Metadata lines as other outlets print them (bench/generality.py --relayout's forms): bylines
with a glued role or closing the body, "This story was written by", datelines after a reposting
blog's lead-in or with a state after the city, site furniture in the header; and the body
sentences that must stay what they are. Names, places and wording are invented."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from talkspkg.document import SegmentKind as K
from talkspkg.kb import load_knowledge
from talkspkg.lines.bylines import closing_byline, name_before_role
from talkspkg.lines.credits import is_credit
from talkspkg.metadata import parse_metadata
from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.discovery import discover_journalists

BODY = (
    "Negotiators from both delegations met behind closed doors on Tuesday, officials said, "
    "and agreed to meet again next month.\n\n"
    "A second paragraph follows with more detail about the proposals under discussion.\n"
)


def _journalists(text: str) -> list[str]:
    raw = RawFile(Path("t.txt"), "t", text, hashlib.sha256(text.encode()).hexdigest())
    article = make_article(raw, {})
    return [d.name for d in discover_journalists(article, load_knowledge())]


def _kind(text: str, needle: str) -> K | None:
    meta = parse_metadata(text)
    start = text.index(needle)
    return next((s.kind for s in meta.segments if s.start <= start < s.end), None)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Orla Pendrick Senior Reporter", "Orla Pendrick"),
        ("Tomas Verholt Chief Political Correspondent", "Tomas Verholt"),
        ("Ines Marlow Reporter", "Ines Marlow"),
        ("Ana Luisa Brandt Diplomatic Editor", "Ana Luisa Brandt"),
    ],
)
def test_a_role_glued_after_a_header_name_is_no_part_of_the_byline(line: str, name: str) -> None:
    text = f"Envoys weigh a new draft\n\n{line}\n\nPublished 4 May 2026\n\n{BODY}"
    meta = parse_metadata(text)
    assert meta.byline == name
    assert _kind(text, line) is K.BYLINE
    assert _journalists(text) == [name]


@pytest.mark.parametrize(
    "line",
    ["White House Correspondent", "Senior Reporter", "Foreign Office Staff Writer", "Kyiv Editor"],
)
def test_a_role_line_without_a_name_gives_no_name(line: str) -> None:
    assert name_before_role(line) is None


@pytest.mark.parametrize(
    ("line", "who"),
    [
        ("By Halvard Stenmark, Reuters", "Halvard Stenmark"),
        ("By Mirela Dusan and Casper Ollin", "Mirela Dusan and Casper Ollin"),
        ("By Jonas Ekwall | The Associated Press", "Jonas Ekwall"),
    ],
)
def test_a_by_line_closing_the_body_is_the_byline(line: str, who: str) -> None:
    text = f"Envoys weigh a new draft\n\n{BODY}\n{line}\n"
    meta = parse_metadata(text)
    assert meta.byline == who
    assert _kind(text, line) is K.CREDIT
    assert set(_journalists(text)) == set(who.split(" and "))


@pytest.mark.parametrize(
    "line",
    [
        "By Friday, Moscow had not replied to the latest proposal.",
        "By Land And Sea",
        "By then the talks had collapsed.",
        "By BBC News",
        "By Jonas Ekwall, a fellow who watched the talks",
    ],
)
def test_a_body_sentence_opening_with_by_is_no_closing_byline(line: str) -> None:
    assert closing_byline(line) is None
    text = f"Envoys weigh a new draft\n\n{BODY}\n{line}\n"
    assert parse_metadata(text).byline is None


def test_this_story_was_written_by_is_a_credit_and_the_byline() -> None:
    line = "This story was written by Petra Lindqvist in Kyiv."
    text = f"Envoys weigh a new draft\n\n{BODY}\n{line}\n"
    assert is_credit(line)
    assert parse_metadata(text).byline == "Petra Lindqvist"
    assert _journalists(text) == ["Petra Lindqvist"]


@pytest.mark.parametrize(
    "line",
    [
        "The story was reported by several outlets on Monday, including local television.",
        "This story was written before the ceasefire was announced.",
    ],
)
def test_a_sentence_about_a_story_is_no_credit(line: str) -> None:
    assert not is_credit(line)


@pytest.mark.parametrize(
    ("opening", "place"),
    [
        ("KYIV, Ukraine (AP) — ", "KYIV"),
        ("GENEVA, Switzerland (AP) — ", "GENEVA"),
        ("BRUSSELS, May 4 (Reuters) - ", "BRUSSELS"),
        ("WARSAW, May 4. /TASS/. ", "WARSAW"),
        ("LONDON /TASS/. ", "LONDON"),
        ("Vilnius (AFP) - ", "Vilnius"),
    ],
)
def test_the_dateline_is_the_city_alone(opening: str, place: str) -> None:
    text = f"Envoys weigh a new draft\n\nBy Ada Kowal\n\n{opening}{BODY}"
    assert parse_metadata(text).dateline == place


@pytest.mark.parametrize(
    "lead_in", ["Here’s what you need to know:", "According to new developments,"]
)
def test_a_dateline_after_a_reposting_blogs_lead_in_is_read(lead_in: str) -> None:
    text = (
        "Envoys weigh a new draft\n\nBy Ada Kowal\n\nPublished 4 May 2026\n\n"
        f"{lead_in} RIGA (AP) — {BODY}"
    )
    meta = parse_metadata(text)
    assert (meta.dateline, meta.byline, meta.title) == (
        "RIGA",
        "Ada Kowal",
        "Envoys weigh a new draft",
    )
    assert _kind(text, lead_in) is K.BOILERPLATE


def test_a_lead_in_with_no_dateline_leaves_the_dateline_null() -> None:
    text = f"Envoys weigh a new draft\n\nHere’s what you need to know: {BODY}"
    assert parse_metadata(text).dateline is None


@pytest.mark.parametrize(
    "line",
    [
        "Follow our live coverage of the war here.",
        "Subscribe to our daily briefing: the stories that matter, in your inbox.",
        "Share this article",
        "Share on Facebook Share on X",
        "Listen to this article · 4 min",
        "Advertisement",
    ],
)
def test_site_furniture_in_the_header_does_not_end_it(line: str) -> None:
    text = f"Envoys weigh a new draft\n\nBy Ada Kowal\n\n{line}\n\nRIGA (AP) — {BODY}"
    meta = parse_metadata(text)
    assert _kind(text, line) is K.BOILERPLATE
    assert (meta.dateline, meta.byline) == ("RIGA", "Ada Kowal")


@pytest.mark.parametrize(
    "line",
    [
        "Officials said they would follow our live coverage rules for the press pool.",
        "Ukraine's share of the reconstruction fund was not agreed.",
        "Shares fell sharply after the announcement in Moscow.",
        "The ministry asked reporters to subscribe to the principles of the accord.",
    ],
)
def test_prose_with_furniture_words_stays_prose(line: str) -> None:
    text = f"Envoys weigh a new draft\n\n{BODY}\n{line}\n\nMore text follows here.\n"
    assert _kind(text, line) is K.BODY
