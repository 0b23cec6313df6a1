"""Meetings precision on whole articles full of NON-encounters, with a few real ones among them.

Twelve invented articles (wire, live blog, analysis, interview, explainer, opinion; other
leaders, cities and months than the dev texts), written for this test: hypothetical and
conditional talks ("could meet", "if Putin agreed to meet", "even if the two men met"), refusals
("refused direct talks", "ruled out a meeting"), talks in general ("peace talks", "the
negotiating process"), briefings and news conferences, a leader's own council, cabinet and
commanders, calls for talks ("urged both sides to talk"), an analyst's or a columnist's
speculation ("analysts say X could host A and B", "imagine a summit where A and B sit down"),
wishes ("hoped a summit could be held", "would welcome a new round"). Each article lists the
encounters it reports (city or None, parties that must be among the row's); every other row is
a false one: the test asserts the rows present AND that there are no others.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_meetings import article, run

# (article id, publication date, [(city or None, parties the row must list)]); the texts are in
# tests/data/hypothetical_meetings/<id>.txt
Expected = list[tuple[str | None, set[str]]]
DATA = Path(__file__).parent / "data" / "hypothetical_meetings"
CASES: list[tuple[str, str, Expected]] = [
    ("w1", "March 12, 2026", [("Ankara", {"volodymyr-zelensky", "recep-tayyip-erdogan"})]),
    ("b2", "April 8, 2026", [(None, {"emmanuel-macron", "keir-starmer"})]),
    ("a3", "May 20, 2026", [("Riyadh", {"marco-rubio", "sergei-lavrov"})]),
    ("i4", "June 3, 2026", [("Rome", {"andrii-sybiha"})]),
    ("w5", "July 15, 2026", [("Moscow", {"vladimir-putin", "viktor-orban"})]),
    ("w6", "September 9, 2026", [("Berlin", {"volodymyr-zelensky", "friedrich-merz"})]),
    ("a7", "October 2, 2026", [("Moscow", {"steve-witkoff", "vladimir-putin"})]),
    ("w8", "November 18, 2026", [("Washington", {"donald-trump", "mark-rutte"})]),
    (
        "b9",
        "January 22, 2026",
        [("Miami", {"steve-witkoff", "rustem-umerov"}), ("Abu Dhabi", set())],
    ),
    ("w10", "February 27, 2026", [("Kyiv", {"keir-starmer", "volodymyr-zelensky"})]),
    ("a11", "March 30, 2026", [(None, {"volodymyr-zelensky"})]),
    ("l12", "August 25, 2026", [("Kyiv", {"alexander-stubb", "volodymyr-zelensky"})]),
]
ARTICLES = [
    (aid, pub, (DATA / f"{aid}.txt").read_text(encoding="utf-8").strip(), exp)
    for aid, pub, exp in CASES
]


def _rows(aid: str, published: str, body: str) -> tuple[list[dict[str, Any]], dict[str, set[str]]]:
    rows = run(article(aid, body, published))
    parts: dict[str, set[str]] = {}
    for r in rows["meeting_participants"]:
        if r["role"] != "absent":
            parts.setdefault(r["meeting_id"], set()).add(r["entity_id"])
    return rows["meetings"], parts


@pytest.mark.parametrize("case", ARTICLES, ids=[a[0] for a in ARTICLES])
def test_only_the_real_encounters_are_rows(case: tuple[str, str, str, Expected]) -> None:
    aid, published, body, expected = case
    meetings, parts = _rows(aid, published, body)
    described = [(m["city"], sorted(parts.get(m["meeting_id"], set()))) for m in meetings]
    assert len(meetings) == len(expected), described
    left = list(meetings)
    for city, people in expected:
        hit = next(
            (
                m
                for m in left
                if people <= parts.get(m["meeting_id"], set())
                and (city is None or m["city"] == city)
            ),
            None,
        )
        assert hit is not None, (city, people, described)
        left.remove(hit)


# cities named only in hypothetical, conditional, wished or refused talks: never a row's city
ABSENT_CITIES = {
    "w1": {"Istanbul"},
    "b2": {"Rome"},
    "a3": set(),
    "w5": {"Budapest"},
    "a7": {"Geneva"},
    "w8": {"Budapest"},
    "l12": {"Istanbul"},
}


@pytest.mark.parametrize("aid", sorted(ABSENT_CITIES))
def test_no_row_in_a_city_of_talks_only_imagined(aid: str) -> None:
    (case,) = [a for a in ARTICLES if a[0] == aid]
    meetings, _ = _rows(case[0], case[1], case[2])
    assert not {m["city"] for m in meetings} & ABSENT_CITIES[aid]


def test_a_speculated_host_adds_no_party_to_a_real_meeting_in_that_city() -> None:
    (case,) = [a for a in ARTICLES if a[0] == "a3"]
    meetings, parts = _rows(case[0], case[1], case[2])
    (row,) = meetings
    assert parts[row["meeting_id"]] == {"marco-rubio", "sergei-lavrov"}


@pytest.mark.parametrize(
    "body",
    [
        # a possibility modal governing the trigger, other verbs and modals of the class
        "Zelensky said he might meet Trump in Rome at some point.",
        "Putin may meet Erdogan in Ankara in the autumn, diplomats said.",
        "Witkoff should fly to Moscow again to meet Putin, some senators argue.",
        "Trump and Putin could still hold talks in Budapest, an aide said.",
        # a conditional conjunction inside the sentence
        "The gap would remain even if the two men met in Geneva.",
        "Nothing would change, and if Trump met Putin in Riyadh, Kyiv would protest.",
        # hope or opinion + modal + happening after a noun
        "Orban said he hoped a summit between Putin and Trump could be held in Budapest.",
        "Analysts think a meeting between Lavrov and Rubio might take place in Riyadh.",
        # a wish in reported speech; a scene pictured
        "Lavrov said Moscow would welcome a new round of talks in Istanbul.",
        "Imagine a summit in Geneva where Trump and Putin finally sit down together.",
    ],
)
def test_possibilities_are_no_rows(body: str) -> None:
    assert run(article("hy", body, "May 20, 2026"))["meetings"] == []


@pytest.mark.parametrize(
    "body",
    [
        # the positive controls: the same encounters told as facts or as announced plans
        "Zelensky met Trump in Rome on Monday.",
        "Putin will meet Erdogan in Ankara on Friday, the Kremlin said.",
        "Witkoff flew to Moscow on Monday to meet Putin.",
        "Trump and Putin held talks in Budapest on Monday.",
        "The two men met in Geneva on Monday, after months of talk.",
        "Orban hosted a summit between Putin and Trump in Budapest on Monday.",
        # a modal after the meeting, in another clause, bears on something else
        "Lavrov met Rubio in Riyadh on Monday, and the talks could help end the war.",
        # a modal in a clause of its own before the trigger
        "Kyiv could only watch as Putin met Trump in Anchorage on Friday.",
        "Envoys who could travel to Geneva met Lavrov there on Monday.",
        "Zelensky, who said talks could resume soon, met Macron in Paris on Monday.",
        # a possibility with a date in its clause is a plan floated, as the gold reads it
        "Zelensky said he might meet Trump in Rome next week.",
        # a plan its organisers float stays a plan
        "Witkoff said the next round of talks could take place in Miami on Friday.",
    ],
)
def test_facts_and_plans_stay_rows(body: str) -> None:
    assert len(run(article("hy", body, "May 20, 2026"))["meetings"]) == 1
