"""Encounters told the way diaries, explainers and live pages tell them: a day that labels a
paragraph ("Tuesday. ..."), the exact days of talks told just before as "this week", a question
heading between them, and the host country's minister named after a recalled encounter.

Every text here is written for this test (invented wording and events; public actors of
2025-2026 diplomacy); the values are what the gold guideline (tests/data/gold/README.md) asks.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from test_meetings import article, run


def _rows(rows: dict[str, list[dict[str, Any]]]) -> list[tuple[date | None, set[str]]]:
    people: dict[str, set[str]] = {}
    for p in rows["meeting_participants"]:
        people.setdefault(p["meeting_id"], set()).add(p["entity_id"])
    return sorted(
        ((r["date_start"], people.get(r["meeting_id"], set())) for r in rows["meetings"]),
        key=lambda x: (x[0] or date.min, sorted(x[1])),
    )


def _day_of(rows: dict[str, list[dict[str, Any]]], *people: str) -> date | None:
    (day,) = [d for d, who in _rows(rows) if set(people) <= who]
    return day


DIARY = "\n\n".join(
    [
        "A week of visits",
        "Monday. Kaja Kallas was in Kyiv, where she met Andrii Sybiha to discuss sanctions.",
        "Wednesday. Sybiha stayed in Kyiv for a meeting with Radoslaw Sikorski.",
        "Thursday: Emmanuel Macron spoke with Donald Trump by phone, the Elysee said.",
    ]
)


def test_a_weekday_that_labels_a_paragraph_dates_its_encounters() -> None:
    rows = run(article("diary", DIARY, "Friday 12 June 2026"))
    assert _day_of(rows, "kaja-kallas", "andrii-sybiha") == date(2026, 6, 8)
    assert _day_of(rows, "radoslaw-sikorski", "andrii-sybiha") == date(2026, 6, 10)
    assert _day_of(rows, "emmanuel-macron", "donald-trump") == date(2026, 6, 11)


def test_two_days_labelled_apart_are_two_encounters_of_one_person() -> None:
    rows = run(article("diary", DIARY, "Friday 12 June 2026"))
    sybiha = [who for _, who in _rows(rows) if "andrii-sybiha" in who]
    assert sybiha == [{"andrii-sybiha", "kaja-kallas"}, {"andrii-sybiha", "radoslaw-sikorski"}]


def test_a_recalled_encounter_in_a_labelled_paragraph_keeps_its_own_date() -> None:
    body = "\n\n".join(
        [
            "Notebook",
            "Tuesday. Giorgia Meloni received Volodymyr Zelensky in Rome. "
            "The two leaders last met in Washington in March.",
        ]
    )
    rows = run(article("recall", body, "Friday 12 June 2026"))
    days = sorted(d for d, _ in _rows(rows) if d is not None)
    assert days == [date(2026, 3, 1), date(2026, 6, 9)]


def test_a_sentence_that_opens_with_a_day_and_goes_on_is_no_label() -> None:
    body = "\n\n".join(
        [
            "Roundup",
            "On Monday, drones hit Odesa. Later Friedrich Merz met Zelensky in Berlin.",
        ]
    )
    rows = run(article("nolabel", body, "Friday 12 June 2026"))
    assert _day_of(rows, "friedrich-merz", "volodymyr-zelensky") != date(2026, 6, 8)


EXPLAINER = "\n\n".join(
    [
        "Talks in Ankara: what we know",
        "Negotiators from Ukraine, Russia and the United States met in Ankara this week.",
        "When were the talks held?",
        "The talks took place on Monday and Tuesday in a government guesthouse.",
        "Hakan Fidan chaired the opening session, his ministry said.",
        "Who took part?",
        "Ukraine's team was led by Rustem Umerov. The US sent Steve Witkoff.",
    ]
)


def test_the_days_told_after_this_week_refine_the_talks_of_that_week() -> None:
    rows = run(article("explainer", EXPLAINER, "Thursday 11 June 2026"))
    ((row),) = [r for r in rows["meetings"]]
    assert (row["date_start"], row["date_end"]) == (date(2026, 6, 8), date(2026, 6, 9))
    assert row["date_precision"] == "day"


def test_the_host_countrys_minister_who_chaired_a_session_is_at_its_talks() -> None:
    rows = run(article("explainer", EXPLAINER, "Thursday 11 June 2026"))
    ((_day, people),) = _rows(rows)
    assert {"hakan-fidan", "rustem-umerov", "steve-witkoff"} <= people


def test_a_host_named_after_a_recalled_encounter_hosts_the_talks_in_his_country() -> None:
    body = "\n\n".join(
        [
            "Envoys meet in Riyadh",
            "On Tuesday, a US team led by Steve Witkoff met Kirill Dmitriev in Riyadh.",
            "It was their first contact since Donald Trump received Volodymyr Zelensky in "
            "Washington in February.",
            "Saudi Arabia's foreign minister, Faisal bin Farhan, hosted the talks.",
        ]
    )
    rows = run(article("riyadh", body, "Thursday 11 June 2026"))
    assert "faisal-bin-farhan" in next(who for _, who in _rows(rows) if "steve-witkoff" in who)
    oval = [who for _, who in _rows(rows) if "volodymyr-zelensky" in who]
    assert oval and "faisal-bin-farhan" not in oval[0]


def test_a_meal_with_someone_is_an_encounter() -> None:
    body = "\n\n".join(
        ["Visit", "On Monday, Mette Frederiksen had lunch with Volodymyr Zelensky in Odesa."]
    )
    rows = run(article("meal", body, "Thursday 11 June 2026"))
    assert _day_of(rows, "mette-frederiksen", "volodymyr-zelensky") == date(2026, 6, 8)


def test_a_phone_conversation_is_a_call() -> None:
    body = "\n\n".join(
        ["Calls", "On Monday, Donald Tusk held a phone conversation with Friedrich Merz."]
    )
    (row,) = run(article("phone", body, "Thursday 11 June 2026"))["meetings"]
    assert row["format"] == "phone"


def test_two_other_leaders_in_the_same_city_and_month_met_on_their_own() -> None:
    body = "\n\n".join(
        [
            "Visitors",
            "Robert Fico last visited Moscow in May, when Vladimir Putin received him.",
            "Xi Jinping and Putin also met in Moscow in May.",
        ]
    )
    rows = run(article("pair", body, "Thursday 11 June 2026"))
    assert not [who for _, who in _rows(rows) if {"robert-fico", "xi-jinping"} <= who]


def test_months_listed_after_one_verb_are_one_round_each() -> None:
    body = "\n\n".join(
        [
            "Background",
            "Russian and Ukrainian negotiators met in Istanbul in March, April and May of 2024.",
        ]
    )
    rows = run(article("rounds", body, "Thursday 11 June 2026"))
    assert sorted(d for d, _ in _rows(rows)) == [
        date(2024, 3, 1),
        date(2024, 4, 1),
        date(2024, 5, 1),
    ]


def test_months_offered_as_alternatives_are_one_plan() -> None:
    body = "\n\n".join(
        ["Plans", "Keir Starmer and Mark Carney will meet in Ottawa in September or October."]
    )
    rows = run(article("alternatives", body, "Thursday 11 June 2026"))
    assert len(rows["meetings"]) == 1


def test_a_bulletins_masthead_date_dates_its_weekdays() -> None:
    body = "\n\n".join(
        [
            "Eastern Desk Bulletin | No. 40 | Thursday, 11 June 2026",
            "Good morning.",
            "On Monday, Ulf Kristersson saw Volodymyr Zelensky in Kyiv.",
        ]
    )
    rows = run(article("masthead", body))
    assert _day_of(rows, "ulf-kristersson", "volodymyr-zelensky") == date(2026, 6, 8)


def test_a_masthead_line_with_two_dates_fixes_no_day() -> None:
    body = "\n\n".join(
        [
            "Bulletin | 1 June 2026 | 8 June 2026",
            "Good morning.",
            "On Monday, Ulf Kristersson met Volodymyr Zelensky in Kyiv.",
        ]
    )
    rows = run(article("masthead2", body))
    assert _day_of(rows, "ulf-kristersson", "volodymyr-zelensky") is None


def test_saw_is_no_encounter_without_a_person() -> None:
    body = "\n\n".join(["Talks", "On Monday, Donald Tusk saw no reason for optimism."])
    assert not run(article("saw", body, "Thursday 11 June 2026"))["meetings"]


def test_a_separately_told_pair_is_not_the_round_it_follows() -> None:
    body = "\n\n".join(
        [
            "Talks in Doha",
            "US and Ukrainian delegations met in Doha. The US team was led by Dan Driscoll and "
            "Ukraine's by Rustem Umerov.",
            "Separately, Driscoll met Umerov alone on Sunday, the eve of the talks.",
        ]
    )
    rows = run(article("separately", body, "Thursday 11 June 2026"))
    assert len(rows["meetings"]) == 2


def test_the_host_countrys_minister_who_opened_the_talks_gives_their_day() -> None:
    body = "\n\n".join(
        [
            "Talks in Doha",
            "Delegations from Ukraine and the United States ended talks in Doha.",
            "The US delegation was headed by Dan Driscoll.",
            "Qatar's prime minister, Mohammed bin Abdulrahman Al Thani, opened the talks on "
            "Monday.",
        ]
    )
    ((day, people),) = _rows(run(article("opened", body, "Thursday 11 June 2026")))
    assert day == date(2026, 6, 8)
    assert {"dan-driscoll", "mohammed-bin-abdulrahman-al-thani"} <= people


def test_a_lunch_with_another_leader_the_same_day_is_its_own_encounter() -> None:
    body = "\n\n".join(
        [
            "Rome",
            "Pope Leo XIV received Volodymyr Zelensky at the Vatican on Wednesday. Earlier the "
            "same day, Zelensky had lunch with Giorgia Meloni.",
        ]
    )
    rows = run(article("lunch", body, "Thursday 11 June 2026"))
    assert [who for _, who in _rows(rows) if "giorgia-meloni" in who] == [
        {"giorgia-meloni", "volodymyr-zelensky"}
    ]


def test_a_meal_noun_with_a_name_after_a_flight_is_an_encounter_in_that_city() -> None:
    body = "\n\n".join(
        ["Visit", "Umerov had flown to Washington on Tuesday for a working lunch with Marco Rubio."]
    )
    rows = run(article("meal2", body, "Thursday 11 June 2026"))
    assert _day_of(rows, "rustem-umerov", "marco-rubio") == date(2026, 6, 9)


def test_a_meal_without_a_guest_is_no_encounter() -> None:
    body = "\n\n".join(["Evening", "On Tuesday, the delegates skipped dinner in Geneva."])
    assert not run(article("meal3", body, "Thursday 11 June 2026"))["meetings"]


def test_a_call_a_weekday_names_is_a_call_of_that_day() -> None:
    body = "\n\n".join(
        [
            "Calls",
            "In Sunday's call, Marco Rubio and Sergei Lavrov agreed to keep talking.",
        ]
    )
    (row,) = run(article("daycall", body, "Thursday 11 June 2026"))["meetings"]
    assert (row["date_start"], row["format"]) == (date(2026, 6, 7), "phone")


def test_talks_a_weekday_possessive_names_after_a_preposition_are_that_days() -> None:
    body = "\n\n".join(
        [
            "Call",
            "The call was arranged after Tuesday's talks between US and Russian officials in "
            "Jeddah.",
        ]
    )
    rows = run(article("possessive", body, "Thursday 11 June 2026"))
    jeddah = [r for r in rows["meetings"] if r["place_id"] == "jeddah"]
    assert [r["date_start"] for r in jeddah] == [date(2026, 6, 9)]


def test_who_sent_the_message_an_envoy_flew_in_with_is_not_at_the_table() -> None:
    body = "\n\n".join(
        ["Moscow", "On Tuesday, Steve Witkoff flew to Moscow with a letter from Donald Trump."]
    )
    rows = run(article("letter", body, "Thursday 11 June 2026"))
    assert all("donald-trump" not in who for _, who in _rows(rows))


def test_days_of_talks_are_one_round_that_lasted_them() -> None:
    body = "\n\n".join(
        ["Riyadh", "Ukrainian and Russian envoys ended two days of talks in Riyadh on Tuesday."]
    )
    (row,) = run(article("duration", body, "Thursday 11 June 2026"))["meetings"]
    assert row["place_id"] == "riyadh"


def test_rounds_of_talks_counted_are_no_one_round() -> None:
    body = "\n\n".join(["Riyadh", "The two sides have held three rounds of talks in Riyadh."])
    assert not run(article("count", body, "Thursday 11 June 2026"))["meetings"]


def test_a_shelved_meeting_of_another_pair_is_not_the_visit_told() -> None:
    body = "\n\n".join(
        [
            "Moscow",
            "Vladimir Putin received Viktor Orban in the Kremlin on Thursday. Sergei Lavrov and "
            "his Hungarian counterpart joined for the second half.",
            "A planned Trump-Putin meeting in the Hungarian capital was shelved in the autumn.",
        ]
    )
    rows = run(article("shelved", body, "Friday 30 January 2026"))
    visit = next(who for _, who in _rows(rows) if "viktor-orban" in who)
    assert "donald-trump" not in visit


def test_a_country_that_names_a_border_is_no_party() -> None:
    body = "\n\n".join(
        [
            "Exchange",
            "Ukraine's ombudsman Dmytro Lubinets and his counterpart Tatyana Moskalkova met on "
            "the Belarus border on Tuesday to exchange lists of prisoners.",
        ]
    )
    rows = run(article("border", body, "Saturday 31 January 2026"))
    assert all("belarus" not in who for _, who in _rows(rows))
