"""The dated title resolver (talkspkg/titles.py) and its use by the quotes and meetings stages.

Sentences written for this test; dates chosen against the spans entities.yaml vouches for.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from talkspkg.kb import Entity, KnowledgeBase, Tenure, load_knowledge
from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.meetings import assemble_meetings, meeting_mentions
from talkspkg.stages.mentions import mentions
from talkspkg.stages.quotes import Quote, quotes
from talkspkg.titles import title_holder, title_key

KB = load_knowledge()


def article(body: str, published: str | None) -> Any:
    raw = RawFile(Path("raw/th.txt"), "th", f"Diplomacy roundup\n\n{body}\n", "0" * 64)
    return make_article(raw, {"published_date": published} if published else None)


def speakers(body: str, published: str | None) -> list[str | None]:
    a = article(body, published)
    found: list[Quote] = quotes(a, KB, mentions(a, KB))
    return [q.speaker_id for q in found]


def test_title_key_folds_case_dots_apostrophes_and_the() -> None:
    assert title_key("The U.S. Secretary of State") == "us secretary of state"
    assert title_key("Russia’s  Foreign Minister") == "russia's foreign minister"


@pytest.mark.parametrize(
    ("phrase", "on", "holder"),
    [
        ("the Kremlin spokesman", date(2025, 9, 30), "dmitry-peskov"),
        ("Ukraine's prime minister", date(2025, 4, 2), "denys-shmyhal"),
        ("Ukraine’s Prime Minister", date(2025, 10, 1), "yulia-svyrydenko"),
        ("the German Chancellor", date(2025, 11, 4), "friedrich-merz"),
        ("the German Chancellor", date(2025, 4, 4), "olaf-scholz"),  # before Merz: Scholz
        ("the Kremlin spokesman", date(2027, 1, 5), None),  # after `known_until`
        ("the Turkish intelligence chief", date(2025, 4, 9), "ibrahim-kalin"),  # undated
        ("the Turkish intelligence chief", date(2025, 9, 9), None),  # outside titles_vouched
        ("the Kremlin spokesman", None, None),  # no date, nobody named
        ("the German Chancellor", date(2025, 3, 20), "olaf-scholz"),  # predecessor ...
        ("the German Chancellor", date(2025, 5, 6), None),  # ... the handover day: nobody
        ("the US national security adviser", date(2025, 4, 10), "mike-waltz"),
        ("the US national security adviser", date(2025, 6, 10), None),  # no successor listed
        ("Canada's prime minister", date(2025, 3, 10), None),  # before the holder's `from`
        ("the Polish President", date(2025, 9, 1), None),  # after the holder's `until`
        ("a Kremlin official", date(2025, 9, 30), None),  # no title
    ],
)
def test_holder_on_a_date(phrase: str, on: date | None, holder: str | None) -> None:
    assert title_holder(KB, phrase, on) == holder


def test_an_undated_article_that_names_the_holder_resolves_to_them() -> None:
    assert title_holder(KB, "the Kremlin spokesman", None, {"dmitry-peskov"}) == "dmitry-peskov"
    assert title_holder(KB, "the Kremlin spokesman", None, {"sergei-lavrov"}) is None


def test_two_holders_whose_tenures_overlap_give_nobody() -> None:
    office = ("Grand Vizier of Testland",)
    people = {
        "ana-test": Entity(
            "ana-test",
            "Ana Test",
            "person",
            tenures=(Tenure(office, date(2025, 1, 1), None, date(2025, 12, 31)),),
        ),
        "bo-test": Entity(
            "bo-test",
            "Bo Test",
            "person",
            tenures=(Tenure(office, date(2025, 6, 1), None, date(2025, 12, 31)),),
        ),
    }
    kb = replace(KnowledgeBase("t", people), titles_vouched=None)
    assert title_holder(kb, "the Grand Vizier of Testland", date(2025, 3, 1)) == "ana-test"
    assert title_holder(kb, "the Grand Vizier of Testland", date(2025, 7, 1)) is None


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        (
            '"Nothing has been agreed yet," the Kremlin spokesman told reporters.',
            "2025-10-14",
            ["dmitry-peskov"],
        ),
        (
            '"We want a durable peace," Russia\'s foreign minister said in Minsk.',
            "2025-11-20",
            ["sergei-lavrov"],
        ),
        (
            'Ukraine\'s foreign minister told reporters: "The door stays open."',
            "2025-12-02",
            ["andrii-sybiha"],
        ),
        ('"The talks were useful," said the US secretary of state.', "2025-08-19", ["marco-rubio"]),
        (
            '"Our budget is ready," Ukraine\'s prime minister said.',
            "2025-09-03",
            ["yulia-svyrydenko"],
        ),
        # outside the vouched span, undated, or indefinite / anonymous: no person
        (
            '"We want a durable peace," Russia\'s foreign minister said in Minsk.',
            "2027-03-02",
            [None],
        ),
        ('"We want a durable peace," Russia\'s foreign minister said in Minsk.', None, [None]),
        ('"Nothing is settled," a Kremlin official said.', "2025-10-14", [None]),
        ('"Nothing is settled," Russian officials said.', "2025-10-14", [None]),
        ('"Nothing is settled," a Ukrainian minister told reporters.', "2025-10-14", [None]),
    ],
)
def test_role_phrase_speakers(body: str, published: str | None, expected: list[str | None]) -> None:
    assert speakers(body, published) == expected


def test_the_speaker_text_is_the_whole_title() -> None:
    a = article('"The talks were useful," said the US secretary of state.', "2025-08-19")
    (q,) = quotes(a, KB, mentions(a, KB))
    assert (q.speaker_id, q.speaker_text) == ("marco-rubio", "the US secretary of state")


def test_role_phrase_speakers_stay_below_the_confident_band() -> None:
    a = article('"We want a durable peace," Russia\'s foreign minister said.', "2025-11-20")
    (q,) = quotes(a, KB, mentions(a, KB))
    assert q.resolution == "title" and q.confidence < 0.8


def test_the_article_naming_its_own_holder_wins_over_the_knowledge_base() -> None:
    body = (
        "Odile Ferrant, the US Secretary of State, landed in Lisbon on Monday.\n\n"
        'The US Secretary of State said on Tuesday: "We are close."'
    )
    assert speakers(body, "2025-10-07") == ["odile-ferrant"]


def people(body: str, published: str | None) -> set[str]:
    a = article(body, published)
    rows = assemble_meetings(meeting_mentions(a, KB, mentions(a, KB)), KB)
    return {
        r["entity_id"] for r in rows["meeting_participants"] if r["role"] in ("participant", "host")
    }


def test_meetings_keep_the_spring_2025_titles_and_follow_the_dates() -> None:
    body = "The Turkish foreign minister met Wang Yi in Ankara on Tuesday."
    assert people(body, "2025-04-16") >= {"hakan-fidan", "wang-yi"}  # the old window's case
    assert "hakan-fidan" not in people(body, "2026-03-12")  # undated title: spring 2025 only
    dated = "The Russian foreign minister met Wang Yi in Beijing on Tuesday."
    assert "sergei-lavrov" in people(dated, "2025-10-14")  # dated title: beyond spring 2025
    assert "sergei-lavrov" not in people(dated, "2027-03-09")  # past known_until
    chancellor = "The German chancellor met Wang Yi in Berlin on Tuesday."
    assert "olaf-scholz" in people(chancellor, "2025-04-15")
    assert "friedrich-merz" in people(chancellor, "2025-09-16")
