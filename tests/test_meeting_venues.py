"""Meetings in places the knowledge base does not know, given by a venue ("Joint Base X",
"X Air Force Base", "Camp X", "the X Hotel", "aboard the X"), a saint's name ("St. X") or a
visit ("X visited Y"): the venue is the meeting's venue, the city the text gives with it its
place; a venue without a city stays placeless. Names that are no place give no place.

Every sentence here is invented for this test (invented towns and venues, curated envoys).
"""

from __future__ import annotations

import pytest
from test_meetings import article, run

from talkspkg.kb import load_knowledge
from talkspkg.stages.mentions import mentions

KB = load_knowledge()
PUB = "August 20, 2025"  # a Wednesday


def rows_of(body: str) -> list[tuple[str | None, str | None, frozenset[str]]]:
    """(city, venue, participants) of each meeting of one sentence."""
    rows = run(article("v1", body, PUB))
    parts = rows["meeting_participants"]
    return [
        (
            r["city"],
            r["venue"],
            frozenset(p["entity_id"] for p in parts if p["meeting_id"] == r["meeting_id"]),
        )
        for r in rows["meetings"]
    ]


def discovered(body: str) -> dict[str, str]:
    found = mentions(article("v1", body, PUB), KB)
    return {eid: e.entity_type for eid, e in found.discovered.items()}


WU = frozenset({"steve-witkoff", "rustem-umerov"})


@pytest.mark.parametrize(
    ("body", "city", "venue"),
    [
        (
            "Steve Witkoff met Rustem Umerov at Joint Base Corvell on Tuesday, officials said "
            "in a statement released later that day.",
            None,
            "Joint Base Corvell",
        ),
        (
            "Witkoff held talks with Umerov at Harrowgate Air Force Base on Monday, officials "
            "said in a statement released later that day.",
            None,
            "Harrowgate Air Force Base",
        ),
        (
            "After weeks of delay, Witkoff finally met Umerov on August 18, 2025, at Joint Base "
            "Pellar-Ostin in Dorvania, the two sides said.",
            "Dorvania",
            "Joint Base Pellar-Ostin",
        ),
        (
            "Witkoff and Umerov met at Ramsfeld Air Base, Dorvania, on Monday, the two sides "
            "said afterwards.",
            "Dorvania",
            "Ramsfeld Air Base",
        ),
        (
            "Umerov met Witkoff at Fennick Lodge in Dorvana on Tuesday, officials said in a "
            "statement released later that day.",
            "Dorvana",
            "Fennick Lodge",
        ),
        (
            "Witkoff met Umerov on Monday at the Gravenhall Hotel, the two sides said in a joint "
            "statement afterwards.",
            None,
            "Gravenhall Hotel",
        ),
        (
            "Witkoff and Umerov met on board the Serenity on Sunday, officials said in a "
            "statement released later that day.",
            None,
            "Serenity",
        ),
        (
            "Witkoff met Umerov at the St. Regis hotel in Veldmora on Monday, the two sides "
            "said afterwards.",
            "Veldmora",
            "St. Regis",
        ),
    ],
)
def test_a_venue_is_the_meetings_venue_and_its_city_the_place(
    body: str, city: str | None, venue: str
) -> None:
    assert (city, venue, WU) in rows_of(body)


@pytest.mark.parametrize(
    ("body", "city"),
    [
        (
            "Witkoff met Umerov in St. Varnsburg on Tuesday, officials said in a statement "
            "released later that day.",
            "St. Varnsburg",
        ),
        (
            "Witkoff met Umerov in St Varnsburg on Tuesday, officials said in a statement "
            "released later that day.",
            "St Varnsburg",
        ),
        (
            "Umerov will host Witkoff in Saint Varnsburg next week, his spokesman told "
            "reporters on Wednesday.",
            "Saint Varnsburg",
        ),
        (
            "Steve Witkoff visited Dorvale on Tuesday for talks with Umerov, officials said "
            "in a statement released later that day.",
            "Dorvale",
        ),
        (
            "Witkoff is travelling to Ostravel on Monday, where he will meet Umerov, according "
            "to officials.",
            "Ostravel",
        ),
    ],
)
def test_a_saints_name_or_a_visited_town_is_the_meetings_place(body: str, city: str) -> None:
    assert (city, None, WU) in rows_of(body)


def test_a_visit_with_one_party_is_a_meeting_in_the_town() -> None:
    body = (
        "Steve Witkoff visited Dorvale on Tuesday, officials said in a statement released "
        "later that day."
    )
    assert [(c, v) for c, v, _ in rows_of(body)] == [("Dorvale", None)]


def test_a_saints_name_is_a_place_never_a_person() -> None:
    body = (
        "Officials in St. Varnsburg said talks would resume, and Witkoff met Umerov in "
        "St. Varnsburg on Monday."
    )
    assert discovered(body) == {"st-varnsburg": "location"}


@pytest.mark.parametrize(
    "body",
    [
        # aboard, but no meeting word before it: where the president spoke, not met
        "Trump told reporters aboard Air Force One that he would meet Putin soon, according "
        "to the pool report.",
        # "St" after a name is a street, and "lives on" is no place slot
        "The envoy, who lives on Baker St in Dorvale, met Umerov on Monday to discuss the "
        "draft with him.",
        # a demonym after "visit" is no place
        "Witkoff will visit Ukrainian troops near the front line on Monday, his office said "
        "in a statement.",
        # a strike, not a meeting
        "Russia struck a power plant in Ostravel on Monday, as talks continued elsewhere, "
        "officials said.",
    ],
)
def test_no_venue_or_place_without_a_meeting_slot(body: str) -> None:
    assert all(c is None and v is None for c, v, _ in rows_of(body))
    assert "location" not in discovered(body).values()


def meetings_of(*bodies: str) -> list[tuple[str | None, int]]:
    """(city, article_count) of each meeting of several one-sentence articles."""
    rows = run(*[article(f"r{i}", b, PUB) for i, b in enumerate(bodies)])
    return sorted((r["city"], r["article_count"]) for r in rows["meetings"])


@pytest.mark.parametrize(
    ("city_report", "region_report", "city"),
    [
        (  # a discovered town in a curated state
            "Trump and Xi met in Kelvik, Florida, on Friday, officials said in a statement "
            "released later that day.",
            "The Florida summit between Trump and Xi on Friday produced no deal, officials "
            "said on Saturday.",
            "Kelvik",
        ),
        (  # a discovered town in a discovered region
            "Trump and Putin met in Noringen, Rivenza, on Friday, officials said in a statement "
            "released later that day.",
            "The Rivenza summit between Trump and Putin on Friday produced no deal, officials "
            "said on Saturday.",
            "Noringen",
        ),
        (
            "Trump and Putin held talks in Noringen in Rivenza on Friday, officials said in a "
            "statement released later.",
            "Trump met Putin in Rivenza on Friday for their first summit in years, officials "
            "said on Saturday.",
            "Noringen",
        ),
    ],
)
def test_a_region_and_a_city_in_it_are_one_encounter_when_date_and_people_agree(
    city_report: str, region_report: str, city: str
) -> None:
    assert meetings_of(city_report, region_report) == [(city, 2)]


def test_two_cities_of_one_region_are_never_one_encounter() -> None:
    assert meetings_of(
        "Trump and Putin met in Noringen, Rivenza, on Friday, officials said in a statement "
        "released later that day.",
        "Trump and Putin met in Torvik, Rivenza, on Friday, officials said in a statement "
        "released later that day.",
    ) == [("Noringen", 1), ("Torvik", 1)]


def test_a_name_after_the_town_that_speaks_is_no_region() -> None:
    body = "Witkoff met Umerov in Kelvik, Smith told reporters on Monday after the meeting ended."
    assert discovered(body) == {"kelvik": "location"}
