"""Places the knowledge base does not list: a name in a meeting's place slot is a discovered
location, the meeting's place, one entity across articles; names that are no place are not.

Every sentence here is invented for this test (invented towns, generic or curated envoys).
"""

from __future__ import annotations

import pytest
from test_meetings import article, run

from talkspkg.kb import load_knowledge
from talkspkg.stages.mentions import mentions

KB = load_knowledge()
PUB = "August 20, 2025"  # a Wednesday


def places(body: str) -> dict[str, tuple[str | None, str | None]]:
    """Discovered locations of one sentence: id -> (country, source)."""
    found = mentions(article("p1", body, PUB), KB)
    return {
        eid: (e.country, e.source)
        for eid, e in found.discovered.items()
        if e.entity_type == "location"
    }


def cities(body: str) -> list[tuple[str | None, str | None]]:
    rows = run(article("p1", body, PUB))
    return [(r["city"], r["country"]) for r in rows["meetings"]]


@pytest.mark.parametrize(
    ("body", "city", "country"),
    [
        ("Russian and Ukrainian delegations held talks in Marvella on Tuesday.", "Marvella", None),
        ("Steve Witkoff met Kirill Dmitriev in Port Haldane last week.", "Port Haldane", None),
        (
            "Russian and Ukrainian envoys met in Qasr Tumar, Saudi Arabia, on Monday.",
            "Qasr Tumar",
            "SA",
        ),
        (
            "Rustem Umerov and Steve Witkoff met in the Turkish city of Belvane on Tuesday.",
            "Belvane",
            "TR",
        ),
        (
            "Rubio arrived in Ostravel in Switzerland for talks with Andrii Yermak on Monday.",
            "Ostravel",
            "CH",
        ),
        (
            "Steve Witkoff and Rustem Umerov held talks at the Lindqvist resort on Tuesday.",
            "Lindqvist",
            None,
        ),
        (
            "Officials said the Carrowmore talks with Rustem Umerov ended on Tuesday.",
            "Carrowmore",
            None,
        ),
        (
            "Vladimir Putin hosted Steve Witkoff at Dorvana's Sapphire Palace on Tuesday.",
            "Dorvana",
            None,
        ),
    ],
)
def test_a_name_in_a_meeting_place_slot_is_the_meetings_discovered_city(
    body: str, city: str, country: str | None
) -> None:
    assert (city, country) in cities(body)


@pytest.mark.parametrize(
    "body",
    [
        "Steve Witkoff held talks in Trump's absence on Tuesday.",
        "Steve Witkoff said talks in March would be hard.",
        "Rustem Umerov said the talks in Monday's session went well.",
        "Rustem Umerov held talks in Russian with Kirill Dmitriev on Tuesday.",
        "Rustem Umerov held talks in NATO on Tuesday.",
        "Steve Witkoff held talks in Ukraine on Tuesday.",
        "Moscow said it would not attend the talks.",
        "Witkoff held talks with Umerov in Maria Lopez's absence on Tuesday.",
        "The talks on the war in Dellbrook resumed on Tuesday.",
        "After the talks in Geneva officials said little.",
        "Why The Harlow Talks Were Quietly Downgraded Again",
    ],
)
def test_no_place_is_discovered_from_a_name_that_is_no_place(body: str) -> None:
    assert places(body) == {}


def test_a_capital_used_for_its_state_stays_the_state() -> None:
    found = mentions(article("p1", "Moscow said the talks in Marvella went well.", PUB), KB)
    assert {m.text: m.entity_id for m in found.mentions}.get("Moscow") == "russia"


def test_a_discovered_place_never_overrides_a_known_one() -> None:
    body = "Witkoff and Umerov held talks in Geneva at the Harlow resort on Tuesday."
    assert ("Geneva", "CH") in cities(body)


def test_one_discovered_place_across_articles_is_one_entity_and_one_meeting() -> None:
    a = article("p1", "Witkoff and Umerov held talks in Marvella, Saudi Arabia, on Tuesday.", PUB)
    b = article("p2", "Umerov met Witkoff in Marvella on Tuesday, officials said.", PUB)
    rows = run(a, b)
    (row,) = [r for r in rows["meetings"] if r["city"] == "Marvella"]
    assert row["place_id"] == "marvella" and row["country"] == "SA"
    ids = {
        m["meeting_id"] for m in rows["meeting_mentions"] if m["meeting_id"] == row["meeting_id"]
    }
    assert len(ids) == 1
