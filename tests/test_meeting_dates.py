"""Time expressions of the meetings stage: what they designate, relative to what anchor."""

from __future__ import annotations

from datetime import date

import pytest

from talkspkg.stages.meetings.dates import (
    Anchor,
    DateRange,
    anchor_label,
    find_dates,
    has_digit,
    may_state_now,
    published_anchor,
    resolve,
    resolve_text,
    stated_anchor,
)
from talkspkg.stages.meetings.vocab import load_vocab

WED_23_APRIL = date(2025, 4, 23)  # a Wednesday
THU_24_APRIL = date(2025, 4, 24)


def day(y: int, m: int, d: int) -> DateRange:
    return DateRange(date(y, m, d), date(y, m, d), "day")


# ---------------------------------------------------------------- weekdays
@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("on Wednesday", WED_23_APRIL, day(2025, 4, 23)),  # the publication day itself
        ("on Wednesday", THU_24_APRIL, day(2025, 4, 23)),  # the day before
        ("late on Tuesday", WED_23_APRIL, day(2025, 4, 22)),
        ("Tuesday night", WED_23_APRIL, day(2025, 4, 22)),
        ("Wednesday’s talks", THU_24_APRIL, day(2025, 4, 23)),
        ("on Sunday", WED_23_APRIL, day(2025, 4, 20)),  # the previous week
        ("on Thursday", WED_23_APRIL, day(2025, 4, 17)),  # past by default: last Thursday
    ],
)
def test_weekday_is_the_latest_such_day_on_or_before_the_anchor(
    text: str, anchor: date, expected: DateRange
) -> None:
    assert resolve_text(text, anchor) == expected


def test_weekday_of_a_plan_is_the_next_such_day() -> None:
    assert resolve_text("on Thursday", WED_23_APRIL, future=True) == day(2025, 4, 24)
    assert resolve_text("on Wednesday", WED_23_APRIL, future=True) == day(2025, 4, 23)


def test_weekday_across_a_month_end() -> None:
    thursday_1_may = date(2025, 5, 1)
    assert resolve_text("on Tuesday", thursday_1_may) == day(2025, 4, 29)
    assert resolve_text("on Wednesday", thursday_1_may) == day(2025, 4, 30)
    assert resolve_text("on Monday", thursday_1_may, future=True) == day(2025, 5, 5)


def test_weekday_across_a_year_end() -> None:
    thursday_2_january = date(2025, 1, 2)
    assert resolve_text("on Monday", thursday_2_january) == day(2024, 12, 30)


def test_last_weekday_is_strictly_before_the_anchor_day() -> None:
    saturday = date(2025, 4, 19)
    assert resolve_text("last Saturday", saturday) == day(2025, 4, 12)
    assert resolve_text("last Saturday", WED_23_APRIL) == day(2025, 4, 19)


def test_next_weekday_is_strictly_after_the_anchor_day() -> None:
    assert resolve_text("next Monday", date(2025, 4, 28)) == day(2025, 5, 5)
    assert resolve_text("next Monday", WED_23_APRIL) == day(2025, 4, 28)


def test_weekday_with_a_week_anchor_is_that_day_of_the_week() -> None:
    week = Anchor(date(2025, 4, 21), date(2025, 4, 27), "stated")
    assert resolve_text("on Wednesday", week) == day(2025, 4, 23)
    assert resolve_text("on Sunday", week) == day(2025, 4, 27)


def test_weekday_with_a_month_anchor_is_unknown() -> None:
    month = Anchor(date(2025, 4, 1), date(2025, 4, 30), "stated")
    assert resolve_text("on Wednesday", month) is None


# ---------------------------------------------------------------- weeks and months
def test_this_week_and_last_week_are_iso_weeks() -> None:
    assert resolve_text("this week", WED_23_APRIL) == DateRange(
        date(2025, 4, 21), date(2025, 4, 27), "week"
    )
    assert resolve_text("last week", WED_23_APRIL) == DateRange(
        date(2025, 4, 14), date(2025, 4, 20), "week"
    )
    assert resolve_text("the previous week", WED_23_APRIL) == DateRange(
        date(2025, 4, 14), date(2025, 4, 20), "week"
    )


def test_last_week_across_a_month_end() -> None:
    assert resolve_text("last week", date(2025, 3, 5)) == DateRange(
        date(2025, 2, 24), date(2025, 3, 2), "week"
    )


def test_earlier_this_month_is_the_anchor_month() -> None:
    assert resolve_text("earlier this month", WED_23_APRIL) == DateRange(
        date(2025, 4, 1), date(2025, 4, 30), "month"
    )
    assert resolve_text("last month", date(2024, 3, 10)) == DateRange(
        date(2024, 2, 1), date(2024, 2, 29), "month"
    )


def test_bare_month_takes_the_nearest_past_year_or_the_next_for_plans() -> None:
    assert resolve_text("in February", WED_23_APRIL) == DateRange(
        date(2025, 2, 1), date(2025, 2, 28), "month"
    )
    assert resolve_text("in November", WED_23_APRIL) == DateRange(
        date(2024, 11, 1), date(2024, 11, 30), "month"
    )
    assert resolve_text("in November", WED_23_APRIL, future=True) == DateRange(
        date(2025, 11, 1), date(2025, 11, 30), "month"
    )


def test_yesterday_and_today_need_a_day_anchor() -> None:
    assert resolve_text("yesterday", WED_23_APRIL) == day(2025, 4, 22)
    week = Anchor(date(2025, 4, 21), date(2025, 4, 27), "stated")
    assert resolve_text("yesterday", week) is None


# ---------------------------------------------------------------- explicit dates
@pytest.mark.parametrize(
    "text",
    ["April 17, 2025", "Thursday April 17, 2025", "17 April 2025", "Apr. 17, 2025", "2025-04-17"],
)
def test_full_date_resolves_without_anchor(text: str) -> None:
    assert resolve_text(text, None) == day(2025, 4, 17)


def test_month_and_day_take_the_year_nearest_the_anchor() -> None:
    assert resolve_text("on April 17", WED_23_APRIL) == day(2025, 4, 17)
    assert resolve_text("on December 30", date(2025, 1, 2)) == day(2024, 12, 30)
    assert resolve_text("on April 17", None) is None


def test_impossible_date_is_none() -> None:
    assert resolve_text("February 30, 2025", None) is None


def test_month_and_year_is_month_precision() -> None:
    assert resolve_text("in May 2025", None) == DateRange(
        date(2025, 5, 1), date(2025, 5, 31), "month"
    )


# ---------------------------------------------------------------- unknown publication date
@pytest.mark.parametrize("text", ["on Wednesday", "last week", "earlier this month", "this week"])
def test_relative_expression_without_anchor_is_none(text: str) -> None:
    assert resolve_text(text, None) is None


def test_anchor_label_says_how_a_date_is_known() -> None:
    full, weekday = find_dates("on April 17, 2025 and on Wednesday")
    assert anchor_label(full, None) == "stated"
    assert anchor_label(weekday, published_anchor(WED_23_APRIL)) == "published_date"
    assert anchor_label(weekday, None) is None


# ---------------------------------------------------------------- scanning
def test_find_dates_keeps_the_words_that_qualify_a_weekday() -> None:
    text = "Rubio spoke to Lammy late on Tuesday, days after talks on Thursday April 17, 2025."
    assert [d.text for d in find_dates(text)] == ["late on Tuesday", "Thursday April 17, 2025"]


def test_find_dates_ignores_the_modal_may_and_lowercase_weekday_words() -> None:
    assert find_dates("Russia may be poised to agree; a wednesday-like mood") == []


def test_find_dates_offsets_slice_the_text() -> None:
    text = "The talks in Paris the previous week, on April 17, 2025, were held earlier this month."
    for d in find_dates(text):
        assert text[d.start : d.end] == d.text
    assert [d.kind for d in find_dates(text)] == ["relative", "date", "relative"]


# ---------------------------------------------------------------- anchors stated in the text
def test_previous_week_tied_to_a_full_date_anchors_the_following_week() -> None:
    text = "a continuation of the discussions held in Paris the previous week, on April 17, 2025."
    assert stated_anchor(text, find_dates(text)) == Anchor(
        date(2025, 4, 21), date(2025, 4, 27), "stated"
    )


def test_yesterday_tied_to_a_full_date_anchors_the_next_day() -> None:
    text = "Envoys met yesterday, March 11, 2025, in Jeddah."
    assert stated_anchor(text, find_dates(text)) == Anchor(
        date(2025, 3, 12), date(2025, 3, 12), "stated"
    )


def test_full_date_alone_states_no_anchor() -> None:
    text = "Macron hosted the talks on April 17, 2025. Zelensky spoke on Tuesday."
    assert stated_anchor(text, find_dates(text)) is None


def test_conflicting_stated_anchors_give_none() -> None:
    text = "They met last week, on April 17, 2025. They spoke yesterday, March 11, 2025."
    assert stated_anchor(text, find_dates(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "Envoys met yesterday,\nMarch 11, 2025, in Jeddah.",  # the pair across two lines
        "They met in Paris the previous week.\nOn April 17, 2025, the talks resumed.",
        "Talks went on.\nHe spoke two days ago.\nOn 17 April 2025 they met.",
        "Nothing was dated.\nThe envoys met on Monday in Geneva.\nNo one said when.",
    ],
)
def test_lines_that_cannot_state_now_can_be_left_out_of_the_stated_anchor(text: str) -> None:
    """The meetings stage reads only the lines `may_state_now` keeps: the same anchor."""
    lines, start = [], 0
    for line in text.split("\n"):
        lines.append((start, start + len(line)))
        start += len(line) + 1
    every = [d for a, b in lines for d in find_dates(text, a, b)]
    kept = [
        d
        for a, b in lines
        if may_state_now(text, a, b, load_vocab())
        for d in find_dates(text, a, b)
    ]
    assert stated_anchor(text, kept) == stated_anchor(text, every)


def test_a_range_without_a_digit_has_no_year_and_no_day_of_a_month() -> None:
    text = "They met in March last year, on Monday, and again the next week in early May."
    assert not has_digit(text, 0, len(text))
    assert all(d.year is None and d.kind != "month_day" for d in find_dates(text))
    assert has_digit("on March \u0663", 0, 10)  # any decimal digit, as the patterns read them


def test_resolution_is_pure() -> None:
    expr = find_dates("on Wednesday")[0]
    anchor = published_anchor(THU_24_APRIL)
    assert resolve(expr, anchor) == resolve(expr, anchor) == day(2025, 4, 23)
