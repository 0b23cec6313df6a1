"""Talks told as rounds, and encounters told without "meet" (sentences written for this test).

A bare "round" is one round of talks when tied to a place or a date ("a round in Geneva in
June"); a count of rounds is one encounter per round only when each is told ("two rounds in
Geneva in March and April"); "a round of sanctions", "the first round of the election" are no
encounter.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_meetings import article, run

WED = "August 20, 2025"  # a Wednesday
OPENING = "Ukrainian and Russian delegations met in Riyadh on Monday. "

Rows = dict[str, list[dict[str, Any]]]


def rows_of(body: str) -> Rows:
    return run(article("rounds1", body, WED))


def parties(rows: Rows, meeting_id: str) -> set[str]:
    return {
        r["entity_id"]
        for r in rows["meeting_participants"]
        if r["meeting_id"] == meeting_id and r["role"] != "absent"
    }


def ids(rows: Rows) -> set[str]:
    return {r["meeting_id"] for r in rows["meetings"]}


def test_two_rounds_each_told_by_its_month_are_two_rounds_of_the_series() -> None:
    rows = rows_of(OPENING + "It came after two rounds in Geneva in March and April.")
    assert {"2025-03-geneva-in_person", "2025-04-geneva-in_person"} <= ids(rows)
    assert parties(rows, "2025-04-geneva-in_person") == {"russia", "ukraine"}


def test_two_rounds_not_told_one_by_one_are_no_row() -> None:
    rows = rows_of(OPENING + "The two sides have since held two rounds in Geneva.")
    assert ids(rows) == {"2025-08-18-riyadh-in_person"}


def test_a_count_that_does_not_match_the_months_told_is_no_row() -> None:
    rows = rows_of(OPENING + "It came after three rounds in Geneva in March and April.")
    assert ids(rows) == {"2025-08-18-riyadh-in_person"}


def test_a_numbered_round_expected_in_a_month_is_planned() -> None:
    rows = rows_of(OPENING + "A fifth round is expected in October, officials said.")
    (row,) = [r for r in rows["meetings"] if r["meeting_id"] == "2025-10-unknown-in_person"]
    assert row["status"] == "planned"
    assert parties(rows, row["meeting_id"]) == {"russia", "ukraine"}


def test_an_earlier_round_in_a_city_and_month_is_a_round_of_the_series() -> None:
    rows = rows_of(OPENING + "It was their first contact since a round in Geneva in June.")
    assert parties(rows, "2025-06-geneva-in_person") == {"russia", "ukraine"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The European Union adopted a new round of sanctions against Moscow in July.",
        "The incumbent won the first round in May and faces a runoff in June.",
        "Moscow launched a fresh round of strikes on Kharkiv on Tuesday.",
        "The second round in Geneva in June drew record numbers of voters.",
        "The leaders sat at a round table in Geneva in June.",
    ],
)
def test_other_rounds_are_no_encounter(sentence: str) -> None:
    assert ids(rows_of(OPENING + sentence)) == {"2025-08-18-riyadh-in_person"}


# ================================================================ encounters without "meet"


def test_sitting_across_the_table_from_a_delegation_is_an_encounter() -> None:
    rows = rows_of(
        "Ukraine's delegation, led by Andriy Yermak, sat across the table from a Russian team in"
        " Istanbul on Monday."
    )
    assert parties(rows, "2025-08-18-istanbul-in_person") == {"andriy-yermak", "russia", "ukraine"}


def test_sitting_across_from_reporters_is_no_encounter() -> None:
    assert ids(rows_of("Andriy Yermak sat across from reporters in Kyiv on Monday.")) == set()


def test_a_day_spent_in_a_city_with_a_leader_is_an_encounter() -> None:
    rows = rows_of(
        "Volodymyr Zelensky spent Tuesday in Berlin with the German chancellor, Friedrich Merz,"
        " seeking assurance that Europe would not be left out."
    )
    assert parties(rows, "2025-08-19-berlin-in_person") == {"volodymyr-zelensky", "friedrich-merz"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Volodymyr Zelensky spent Tuesday in Berlin.",
        "Volodymyr Zelensky spent the day with his family.",
        "Ukraine spent two billion dollars with Rheinmetall.",
    ],
)
def test_time_spent_with_nobody_named_is_no_encounter(sentence: str) -> None:
    assert ids(rows_of(sentence)) == set()


def test_hosting_a_leader_for_dinner_is_an_encounter() -> None:
    rows = rows_of("Emmanuel Macron hosted Keir Starmer for dinner in Paris on Sunday.")
    assert parties(rows, "2025-08-17-paris-in_person") == {"emmanuel-macron", "keir-starmer"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Emmanuel Macron hosted reporters for dinner in Paris on Sunday.",
        "Emmanuel Macron hosted a press conference in Paris on Sunday.",
        "Emmanuel Macron met journalists at the Elysee on Sunday.",
    ],
)
def test_hosting_or_meeting_the_press_is_no_encounter(sentence: str) -> None:
    assert ids(rows_of(sentence)) == set()


def test_a_mediator_shuttling_between_delegations_takes_part() -> None:
    rows = rows_of(
        "Ukrainian and Russian delegations held talks in Istanbul on Monday. Turkish Foreign"
        " Minister Hakan Fidan shuttled between the two delegations."
    )
    assert "hakan-fidan" in parties(rows, "2025-08-18-istanbul-in_person")


# ================================================================ participants told elsewhere

POSTPONED = (
    "A meeting between Steve Witkoff and Rustem Umerov in Miami next Tuesday has been postponed. "
)


def test_the_envoy_before_an_adverb_and_a_verb_is_the_envoy_named_before() -> None:
    rows = rows_of(POSTPONED + "The envoy had last hosted Umerov in Florida in early August.")
    assert parties(rows, "2025-08-florida-in_person") == {"steve-witkoff", "rustem-umerov"}
    # "last": an earlier encounter than the one told, not the postponed one
    assert parties(rows, "2025-08-26-miami-in_person") == {"steve-witkoff", "rustem-umerov"}


def test_the_envoy_is_nobody_when_two_envoys_were_named() -> None:
    rows = rows_of(
        "Steve Witkoff and Keith Kellogg flew to Berlin on Monday. The envoy had last hosted"
        " Rustem Umerov in Florida in early August."
    )
    assert "steve-witkoff" not in parties(rows, "2025-08-florida-in_person")
    assert "keith-kellogg" not in parties(rows, "2025-08-florida-in_person")


# ================================================================ the days of a round

ENDED = "Ukrainian and Russian negotiators wrapped up two days of talks in Riyadh on Tuesday."


def when_of(rows: Rows, meeting_id: str) -> tuple[Any, Any]:
    (row,) = [r for r in rows["meetings"] if r["meeting_id"] == meeting_id]
    return str(row["date_start"]), str(row["date_end"])


def test_two_days_of_talks_ended_on_a_day_span_that_day_and_the_one_before() -> None:
    rows = rows_of(ENDED)
    assert when_of(rows, "2025-08-18-riyadh-in_person") == ("2025-08-18", "2025-08-19")


def test_three_days_of_talks_begun_on_a_day_span_from_that_day() -> None:
    rows = rows_of("The delegations began three days of closed-door talks in Riyadh on Monday.")
    assert when_of(rows, "2025-08-18-riyadh-in_person") == ("2025-08-18", "2025-08-20")


def test_days_of_talks_held_on_a_day_keep_the_day_told() -> None:
    rows = rows_of("Ukrainian and Russian negotiators held two days of talks in Riyadh on Tuesday.")
    assert when_of(rows, "2025-08-19-riyadh-in_person") == ("2025-08-19", "2025-08-19")


def test_the_host_welcoming_the_delegations_the_day_before_hosts_the_talks() -> None:
    rows = rows_of(
        "Ukrainian and Russian negotiators ended talks in Riyadh on Tuesday. Saudi Foreign"
        " Minister Prince Faisal bin Farhan welcomed the delegations on Monday morning."
    )
    assert ids(rows) == {"2025-08-19-riyadh-in_person"}
    assert "faisal-bin-farhan" in parties(rows, "2025-08-19-riyadh-in_person")


def test_the_host_welcoming_the_delegations_days_before_is_not_at_the_talks() -> None:
    rows = rows_of(
        "Ukrainian and Russian negotiators ended talks in Riyadh on Tuesday. Saudi Foreign"
        " Minister Prince Faisal bin Farhan welcomed the delegations on Friday."
    )
    assert "faisal-bin-farhan" not in parties(rows, "2025-08-19-riyadh-in_person")


CALL = "Keir Starmer and Emmanuel Macron held a video call with Volodymyr Zelensky on Tuesday. "


def test_a_participant_told_in_a_second_clause_takes_part() -> None:
    rows = rows_of(
        CALL + "Germany's Friedrich Merz joined from Berlin, while Nato Secretary General Mark"
        " Rutte took part from Brussels."
    )
    assert {"friedrich-merz", "mark-rutte"} <= parties(rows, "2025-08-19-unknown-video")


def test_a_person_of_a_relative_clause_in_a_second_clause_does_not_take_part() -> None:
    rows = rows_of(
        CALL + "Germany's Friedrich Merz joined from Berlin, although Nato Secretary General"
        " Mark Rutte, who took part in earlier calls, stayed away."
    )
    assert "mark-rutte" not in parties(rows, "2025-08-19-unknown-video")


def test_a_description_joined_to_a_name_is_the_one_person_holding_it() -> None:
    rows = rows_of(
        "Marco Rubio was due to fly to Geneva on Friday. In Sunday's call, Sergei Lavrov and"
        " the US secretary of state agreed to keep talking."
    )
    assert parties(rows, "2025-08-17-unknown-phone") == {"marco-rubio", "sergei-lavrov"}


def test_a_description_two_people_of_the_article_fit_is_nobody() -> None:
    rows = rows_of(
        "Marco Rubio and Pete Hegseth flew to Berlin on Monday. In Sunday's call, Sergei Lavrov"
        " and the US secretary of state agreed to keep talking."
    )
    assert "2025-08-17-unknown-phone" not in ids(rows)
