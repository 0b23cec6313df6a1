"""Date forms outlets use, resolved with the precision the words support (invented wording)."""

from __future__ import annotations

from datetime import date

import pytest

from talkspkg.stages.meetings.dates import (
    Anchor,
    DateRange,
    after_told,
    find_dates,
    published_anchor,
    resolve,
    resolve_text,
    stated_anchor,
)

WED_20_AUG = date(2025, 8, 20)  # a Wednesday
FRI_2_JAN = date(2026, 1, 2)  # a Friday, two days into the year


def day(y: int, m: int, d: int) -> DateRange:
    return DateRange(date(y, m, d), date(y, m, d), "day")


def week(y: int, m: int, d: int) -> DateRange:
    """The ISO week beginning on Monday y-m-d."""
    monday = date(y, m, d)
    return DateRange(monday, date.fromordinal(monday.toordinal() + 6), "week")


def month(y: int, m: int, last: int) -> DateRange:
    return DateRange(date(y, m, 1), date(y, m, last), "month")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The envoys sat down on Aug. 15 in Tallinn.", day(2025, 8, 15)),
        ("The envoys sat down on 15th August in Tallinn.", day(2025, 8, 15)),
        ("The envoys sat down on the 15th of August.", day(2025, 8, 15)),
        ("The envoys sat down on August 15th in Tallinn.", day(2025, 8, 15)),
        ("The envoys sat down on 15 Aug in Tallinn.", day(2025, 8, 15)),
        ("The envoys sat down on the 15th in Tallinn.", day(2025, 8, 15)),
        ("The envoys sat down on the 8th, in Tallinn.", day(2025, 8, 8)),
        ("The envoys sat down on the 31st, in Tallinn.", day(2025, 7, 31)),  # not yet in August
        ("The envoys sat down in mid-August.", month(2025, 8, 31)),  # no finer than the month
        ("The envoys sat down in early August.", month(2025, 8, 31)),
        ("The envoys sat down in late July.", month(2025, 7, 31)),
        ("The envoys sat down over the weekend.", week(2025, 8, 11)),
        ("The envoys sat down at the weekend.", week(2025, 8, 11)),
        ("The envoys sat down last weekend.", week(2025, 8, 11)),
        ("The envoys sat down this past weekend.", week(2025, 8, 11)),
        ("The envoys sat down on Friday night.", day(2025, 8, 15)),
        ("Friday's session in Tallinn ran late.", day(2025, 8, 15)),
        ("The envoys sat down this past Sunday.", day(2025, 8, 17)),
        ("The envoys sat down this week.", week(2025, 8, 18)),
        ("The envoys sat down last month.", month(2025, 7, 31)),
        ("The envoys sat down earlier this month.", month(2025, 8, 31)),
        ("The envoys sat down two days ago.", day(2025, 8, 18)),
        ("The envoys sat down on Sunday 16 March.", day(2025, 3, 16)),
        ("The envoys sat down on 16/03/2025.", day(2025, 3, 16)),
        ("The envoys sat down on 03/16/2025.", day(2025, 3, 16)),
        ("The envoys sat down in March last year.", month(2024, 3, 31)),
        ("The envoys sat down on May 5 last year.", day(2024, 5, 5)),
    ],
)
def test_past_forms(text: str, expected: DateRange) -> None:
    assert resolve_text(text, WED_20_AUG) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The envoys will sit down next week.", week(2025, 8, 25)),
        ("The envoys will sit down later this week.", week(2025, 8, 18)),
        ("The envoys will sit down in two weeks.", week(2025, 9, 1)),
        ("The envoys will sit down at the weekend.", week(2025, 8, 18)),
    ],
)
def test_planned_forms(text: str, expected: DateRange) -> None:
    assert resolve_text(text, WED_20_AUG, future=True) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The envoys sat down on 03/04/2025.",  # day and month order unknown
        "The envoys sat down overnight.",  # which of two days
        "The envoys sat down earlier this year.",  # no year precision
        "The envoys sat down on the 15th anniversary of the treaty.",
        "The envoys sat down on the eve of the summit.",
        "The envoys sat down in two weeks of talks.",
        "The envoys sat down on the 26th, in Tallinn.",  # or a plan for August 26
    ],
)
def test_unsupported_forms_stay_null(text: str) -> None:
    assert resolve_text(text, WED_20_AUG) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They sat down last Monday.", day(2025, 12, 29)),
        ("They sat down on Monday.", day(2025, 12, 29)),
        ("They sat down on Dec. 30.", day(2025, 12, 30)),
        ("They sat down on the 31st, in Oslo.", day(2025, 12, 31)),
        ("They sat down last week.", week(2025, 12, 22)),
        ("They sat down last month.", month(2025, 12, 31)),
        ("They sat down over the weekend.", week(2025, 12, 22)),
        ("They sat down in December.", month(2025, 12, 31)),
    ],
)
def test_year_start_looks_back_into_the_old_year(text: str, expected: DateRange) -> None:
    assert resolve_text(text, FRI_2_JAN) == expected


def test_year_end_plans_run_into_the_new_year() -> None:
    mon_29_dec = date(2025, 12, 29)
    assert resolve_text("They will sit down on Jan. 8.", mon_29_dec, True) == day(2026, 1, 8)
    assert resolve_text("They will sit down next week.", mon_29_dec, True) == week(2026, 1, 5)
    assert resolve_text("They will sit down on the 3rd.", mon_29_dec, True) == day(2026, 1, 3)


def test_a_weekend_the_anchor_window_leaves_open_is_none() -> None:
    whole_week = Anchor(date(2025, 8, 18), date(2025, 8, 24), "stated")
    assert resolve(find_dates("over the weekend")[0], whole_week) is None


def test_weekend_said_on_a_sunday_is_that_weekend() -> None:
    sun_24_aug = date(2025, 8, 24)
    assert resolve_text("They sat down over the weekend.", sun_24_aug) == week(2025, 8, 18)


@pytest.mark.parametrize("text", ["the previous day", "the day before", "a day earlier"])
def test_day_before_counts_back_from_the_encounter_told(text: str) -> None:
    expr = find_dates(f"Talks ran {text}.")[0]
    told = after_told(expr, day(2025, 8, 15))
    assert told is not None
    assert resolve(told, published_anchor(WED_20_AUG)) == day(2025, 8, 14)


def test_day_before_an_event_named_after_it_is_not_a_sequel() -> None:
    assert find_dates("Talks ran the day before the summit.") == []
    assert find_dates("They met the weekend before the vote.") == []


def test_full_month_name_leaves_the_full_stop_out() -> None:
    assert [e.text for e in find_dates("They met on 16 March.")] == ["16 March"]
    assert [e.text for e in find_dates("They met on 16 Mar. in Oslo")] == ["16 Mar."]


def test_a_weekday_stated_with_month_and_day_picks_the_year() -> None:
    # 12 December 2025 is a Friday; in early January the nearest year is still 2025
    assert resolve_text("They sat down on Friday, Dec. 12.", FRI_2_JAN) == day(2025, 12, 12)
    # 14 January 2026 is a Wednesday: a plan on it is that day
    assert resolve_text("They will sit down on Wednesday, Jan. 14.", FRI_2_JAN, True) == day(
        2026, 1, 14
    )


def test_a_weekday_that_contradicts_the_day_leaves_the_date_null() -> None:
    assert resolve_text("They sat down on Tuesday, Dec. 12.", FRI_2_JAN) is None


def test_a_weekend_tied_to_a_full_date_states_no_anchor() -> None:
    text = "Envoys met over the weekend, on August 16, 2025, in Oslo."
    assert stated_anchor(text, find_dates(text)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The envoys sat down 11 days ago.", day(2025, 8, 9)),
        ("The envoys sat down eight days ago.", day(2025, 8, 12)),
        ("The envoys sat down 4 weeks ago.", week(2025, 7, 21)),
        ("The envoys sat down five months ago.", month(2025, 3, 31)),
        ("The envoys sat down this afternoon.", day(2025, 8, 20)),
        ("The envoys sat down last night.", day(2025, 8, 19)),
        ("The envoys sat down during the week of 11 August.", week(2025, 8, 11)),
        ("The envoys sat down in the week starting Aug. 11.", week(2025, 8, 11)),
        (
            "The envoys sat down from July 30 to August 1.",
            DateRange(date(2025, 7, 30), date(2025, 8, 1), "day"),
        ),
        (
            "The envoys sat down on 30 July–1 August.",
            DateRange(date(2025, 7, 30), date(2025, 8, 1), "day"),
        ),
    ],
)
def test_counts_parts_of_days_weeks_of_and_ranges(text: str, expected: DateRange) -> None:
    assert resolve_text(text, WED_20_AUG) == expected


def test_a_range_across_the_new_year_takes_the_stated_year_for_its_end() -> None:
    text = "The envoys sat down on December 30-January 2, 2026."
    assert resolve_text(text, FRI_2_JAN) == DateRange(date(2025, 12, 30), date(2026, 1, 2), "day")


@pytest.mark.parametrize(
    "text",
    [
        "The envoys sat down 40 weeks ago.",  # no count of weeks that long is a week
        "The envoys sat down a few days ago.",
        "The envoys sat down the previous Friday.",  # counted from an encounter told before
        "The envoys sat down the following Monday.",
        "The envoys sat down a week later.",
    ],
)
def test_counts_without_a_day_or_told_encounter_stay_null(text: str) -> None:
    assert resolve_text(text, WED_20_AUG) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the previous Friday", day(2025, 8, 8)),  # the day told is Wednesday 13 August
        ("the previous Wednesday", day(2025, 8, 6)),
        ("the following Monday", day(2025, 8, 18)),
        ("the next Wednesday", day(2025, 8, 20)),
        ("a week later", week(2025, 8, 18)),
        ("two weeks earlier", week(2025, 7, 28)),
        ("12 days later", day(2025, 8, 25)),
    ],
)
def test_weekdays_and_counts_told_from_the_encounter_before(text: str, expected: DateRange) -> None:
    expr = find_dates(f"Talks ran {text}.")[0]
    told = after_told(expr, day(2025, 8, 13))
    assert told is not None
    assert resolve(told, published_anchor(WED_20_AUG)) == expected


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("They sat down last August.", False, month(2024, 8, 31)),  # read in August
        ("They sat down last September.", False, month(2024, 9, 30)),
        ("They sat down in July.", False, month(2025, 7, 31)),
        ("They will sit down in September.", True, month(2025, 9, 30)),
        # a past month just ahead, a plan's month or day just past: which year is open
        ("They sat down in September.", False, None),
        ("They sat down in early September.", False, None),
        ("They will sit down in July.", True, None),
        ("They will sit down on Aug. 15.", True, None),
        ("They sat down on Thursday, Sept. 4.", False, None),  # 4 Sept 2025 lies ahead
    ],
)
def test_months_and_days_whose_year_is_open(
    text: str, future: bool, expected: DateRange | None
) -> None:
    assert resolve_text(text, WED_20_AUG, future) == expected
