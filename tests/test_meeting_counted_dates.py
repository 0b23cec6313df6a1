"""Dates counted from another event, "has just met" as the day of writing, and dates that
belong to another act than the encounter (a briefing on it).

Sentences and mini-articles written for this test (other places, names, counts and months than
any article of the corpus). Asserted both ways: what is dated, and what stays null.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from test_meetings import run, when

from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.meetings.dates import DateRange, find_dates, resolve
from talkspkg.stages.meetings.vocab import load_vocab

VOCAB = load_vocab()


def counted(text: str) -> DateRange | None:
    found = [d for d in find_dates(text, 0, len(text), VOCAB) if d.counted]
    if not found:
        return None
    (d,) = found
    return resolve(d, None)


def day(y: int, m: int, d: int) -> DateRange:
    return DateRange(date(y, m, d), date(y, m, d), "day")


# ------------------------------------------------------------ counts from a dated event
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # days, weeks and months after and before the full-scale invasion, any holder's words
        ("Envoys met in Gomel three days after Russia's full-scale invasion.", day(2022, 2, 27)),
        ("Six days after the all-out invasion, the delegations sat down again.", day(2022, 3, 2)),
        ("The day after the 2022 invasion, officials spoke by phone.", day(2022, 2, 25)),
        (
            "Two weeks before the full-scale invasion, the ministers met in Minsk.",
            DateRange(date(2022, 2, 7), date(2022, 2, 13), "week"),  # the ISO week of 10 Feb
        ),
        (
            "Two months after Moscow launched its full-scale invasion, they met in Ankara.",
            DateRange(date(2022, 4, 1), date(2022, 4, 30), "month"),
        ),
        # the date stated after the phrase agrees with the event: one expression
        ("It came 5 days after the full-scale invasion in February 2022.", day(2022, 3, 1)),
        # the inauguration of the second term, told with its holder in the sentence
        (
            "Three weeks after returning to the White House, Trump phoned the Kremlin.",
            DateRange(date(2025, 2, 10), date(2025, 2, 16), "week"),
        ),
        (
            "A month after beginning his second term, Trump held a call with the Kremlin.",
            DateRange(date(2025, 2, 1), date(2025, 2, 28), "month"),
        ),
        ("Nine days after Trump's second inauguration, envoys met in Riyadh.", day(2025, 1, 29)),
        ("Ten days after the full-scale invasion of Ukraine, ministers met.", day(2022, 3, 6)),
    ],
)
def test_a_count_from_a_dated_event_is_that_day_moved(text: str, expected: DateRange) -> None:
    assert counted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Days after the full-scale invasion, talks began in Belarus.",  # no count
        "In the weeks after the full-scale invasion, envoys met several times.",  # a duration
        "Hours after the full-scale invasion, the leaders spoke.",  # no count of days
        "Three days after the invasion in 2014, officials met.",  # another invasion
        "Four days after the full-scale invasion in 2014, officials met.",  # the year disagrees
        # "second term": whose? none of its holders in the sentence, or another name before it
        "A month after beginning his second term, the president met his counterpart.",
        "Two weeks after Macron began his second term, Trump called him.",
        "Forty days after the full-scale invasion, talks resumed.",  # beyond the count limit
        "Two day after the full-scale invasion, envoys met.",  # no agreement: not read
        # another war's invasion, another war, a trip's return
        "Three days after the full-scale invasion of Lebanon, envoys met in Doha.",
        "Twelve days after the all-out war between Israel and Iran, envoys met in Oman.",
        "Two days after returning to the White House from Alaska, Trump phoned Zelensky.",
    ],
)
def test_no_count_or_another_event_dates_nothing(text: str) -> None:
    assert counted(text) is None


def _article(article_id: str, text: str) -> object:
    raw = RawFile(Path(f"raw/{article_id}.txt"), article_id, text, "0" * 64)
    return make_article(raw, {"published_date": "2026-03-20"})


EXPLAINER = """How the talks have gone so far

By Mira Castell

Delegations of Russia and Ukraine first met in Gomel only three days after Moscow’s \
full-scale invasion in February 2022. Nothing came of it.

Two months after returning to the White House, Trump held a long phone call with Vladimir \
Putin about a ceasefire.

Sergei Lavrov met Andrii Sybiha in Ankara on 3 March 2026.
"""


def test_an_explainer_dates_its_rounds_from_the_event_and_marks_them_less_certain() -> None:
    rows = run(_article("explainer-counted", EXPLAINER))  # type: ignore[arg-type]
    by_id = {r["meeting_id"]: r for r in rows["meetings"]}
    gomel = by_id["2022-02-27-gomel-in_person"]
    assert when(gomel) == (date(2022, 2, 27), date(2022, 2, 27), "day")
    (call,) = [r for r in rows["meetings"] if r["format"] == "phone"]
    assert when(call) == (date(2025, 3, 1), date(2025, 3, 31), "month")
    ankara = by_id["2026-03-03-ankara-in_person"]
    # a counted date adds less confidence than a stated one (same evidence otherwise)
    assert gomel["confidence"] < ankara["confidence"]


# ------------------------------------------------------------ the date of a briefing
BRIEFING = """Leaders weigh next steps

By Tomas Reyes

Donald Trump held a phone call with Vladimir Putin on Wednesday. He said he would update \
Volodymyr Zelensky on his talks with Putin on Thursday, and would brief European leaders \
about the summit in Budapest afterwards.

On Tuesday, Keir Starmer briefed MPs on Monday's talks with Emmanuel Macron in Paris.
"""


def test_an_encounter_someone_is_briefed_on_takes_no_date_of_the_briefing() -> None:
    rows = run(_article("briefing-dates", BRIEFING))  # type: ignore[arg-type]
    by_place = {r["city"]: r for r in rows["meetings"] if r["city"]}
    assert when(by_place["Budapest"]) == (None, None, None)  # the brief is after, not the summit
    # a possessive date names the encounter briefed on
    assert when(by_place["Paris"]) == (date(2026, 3, 16), date(2026, 3, 16), "day")
    (call,) = [r for r in rows["meetings"] if r["format"] == "phone"]
    assert when(call) == (date(2026, 3, 18), date(2026, 3, 18), "day")
    # no encounter is dated with the Thursday of the update
    assert all(r["date_start"] != date(2026, 3, 19) for r in rows["meetings"])


# ------------------------------------------------------------ "has just met": the day of writing
WED = DateRange(date(2026, 3, 18), date(2026, 3, 18), "day")


@pytest.mark.parametrize(
    "text",
    [
        "Kaja Kallas and Andrii Sybiha have just wrapped up a video call.",  # an ending verb
        "The envoy has just met Hakan Fidan in Ankara.",  # a verb of meeting
        "The two foreign ministers have just held talks in Oslo.",  # held + its object
        "We’ve just finished a long meeting with the Turkish side.",
        "Talks in Baku have just ended.",
    ],
)
def test_has_just_and_a_verb_of_meeting_is_the_day_of_writing(text: str) -> None:
    from talkspkg.stages.meetings.dates import published_anchor

    (d,) = find_dates(text, 0, len(text), VOCAB)
    assert resolve(d, published_anchor(date(2026, 3, 18))) == WED


@pytest.mark.parametrize(
    "text",
    [
        "Donald Trump has just announced talks in Geneva.",  # another verb: the announcement
        "It has just been confirmed that the envoys will meet in Doha.",
        "The ministers had just met in Paris when the news broke.",  # past perfect: not now
        "She has just said the talks in Oslo were useful.",
    ],
)
def test_has_just_before_another_verb_dates_nothing(text: str) -> None:
    assert [d for d in find_dates(text, 0, len(text), VOCAB) if d.kind == "relative"] == []


LIVE = """Live: allies discuss air defence

Posted at 11:05

Kaja Kallas and Andrii Sybiha have just wrapped up a video call with Hakan Fidan, the \
Turkish foreign minister.

Posted at 10:40

Donald Trump has just announced talks with Vladimir Putin in Reykjavik.
"""


def test_a_live_page_dates_what_just_ended_and_not_what_was_just_announced() -> None:
    rows = run(_article("live-just", LIVE))  # type: ignore[arg-type]
    (call,) = [r for r in rows["meetings"] if r["format"] == "video"]
    assert when(call) == (date(2026, 3, 20), date(2026, 3, 20), "day")
    (reykjavik,) = [r for r in rows["meetings"] if r["city"] == "Reykjavik"]
    assert when(reykjavik) == (None, None, None)


# ------------------------------------------------------------ the day of saying
SAYING = """Ministers compare notes

By Lea Marchetti

Sergei Lavrov told reporters on Wednesday that he had met Hakan Fidan in Antalya.

Rustem Umerov said on Thursday he had held talks with Steve Witkoff in Berlin.

Mark Rutte said that on Friday he met Donald Tusk in Warsaw.

Antonio Costa met Giorgia Meloni in Rome on Monday, officials said on Tuesday.
"""


def test_the_day_of_saying_does_not_date_what_was_said_to_have_happened() -> None:
    rows = run(_article("saying-dates", SAYING))  # type: ignore[arg-type]
    by_city = {r["city"]: r for r in rows["meetings"]}
    # told on Wednesday / said on Thursday: when they met is not stated
    assert when(by_city["Antalya"]) == (None, None, None)
    assert when(by_city["Berlin"]) == (None, None, None)
    # the day inside what was said, and the day right after the encounter, date it
    assert when(by_city["Warsaw"]) == (date(2026, 3, 20), date(2026, 3, 20), "day")
    assert when(by_city["Rome"]) == (date(2026, 3, 16), date(2026, 3, 16), "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the week before last", DateRange(date(2026, 3, 2), date(2026, 3, 8), "week")),
        ("the month before last", DateRange(date(2026, 1, 1), date(2026, 1, 31), "month")),
        ("the week before", DateRange(date(2026, 3, 9), date(2026, 3, 15), "week")),
    ],
)
def test_the_week_before_last_is_two_weeks_back(text: str, expected: DateRange) -> None:
    from talkspkg.stages.meetings.dates import published_anchor

    (d,) = find_dates(text, 0, len(text), VOCAB)
    assert resolve(d, published_anchor(date(2026, 3, 18))) == expected


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("last Thursday and Friday", date(2026, 3, 18), (date(2026, 3, 12), date(2026, 3, 13))),
        ("last Thursday and Friday", date(2026, 3, 12), (date(2026, 3, 5), date(2026, 3, 6))),
        ("last Monday to Wednesday", date(2026, 3, 20), (date(2026, 3, 16), date(2026, 3, 18))),
        ("last Monday to Wednesday", date(2026, 3, 18), None),  # this week's or last week's
    ],
)
def test_a_range_of_weekdays_after_last(
    text: str, today: date, expected: tuple[date, date] | None
) -> None:
    from talkspkg.stages.meetings.dates import published_anchor

    (d,) = find_dates(text, 0, len(text), VOCAB)
    rng = resolve(d, published_anchor(today))
    assert (rng.start, rng.end) == expected if expected else rng is None


# ------------------------------------------------------------ "..., a day after a call with C"
def _rows_of(sentence: str) -> list[tuple[str | None, tuple[date | None, date | None, str | None]]]:
    text = "Diplomacy in brief\n\nBy Lea Marchetti\n\n" + sentence + "\n"
    rows = run(_article("apposed", text))  # type: ignore[arg-type]
    return sorted(((r["city"], when(r)) for r in rows["meetings"]), key=str)


def _day(y: int, m: int, d: int) -> tuple[date, date, str]:
    return (date(y, m, d), date(y, m, d), "day")


@pytest.mark.parametrize(
    ("sentence", "city", "expected"),
    [
        (  # read on Friday 20 March: Monday is the 16th, the summit three days on
            "Hakan Fidan received Andrii Sybiha in Ankara on Monday, three days before a summit "
            "in Istanbul.",
            "Istanbul",
            _day(2026, 3, 19),
        ),
        (
            "Kaja Kallas met Andrii Sybiha in Rome on 12 March, two days after a summit of EU "
            "leaders in Brussels.",
            "Brussels",
            _day(2026, 3, 10),
        ),
        (
            "Kaja Kallas met Andrii Sybiha in Rome on 12 March, a week after a summit in Brussels.",
            "Brussels",
            _day(2026, 3, 5),
        ),
    ],
)
def test_an_encounter_after_a_count_in_an_appositive_is_the_day_moved(
    sentence: str, city: str, expected: tuple[date, date, str]
) -> None:
    assert (city, expected) in _rows_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # no count, a range, a week: no one day to move
        "Kaja Kallas met Andrii Sybiha in Rome on Monday, days after a summit in Brussels.",
        "Kaja Kallas met Andrii Sybiha in Rome on 9 and 10 March, a day after a summit in "
        "Brussels.",
        "Kaja Kallas met Andrii Sybiha in Rome last week, a day after a summit in Brussels.",
        # a plan's day and a past event's count from different "nows"
        "Kaja Kallas will meet Andrii Sybiha in Rome on Thursday, a day after a summit in "
        "Brussels.",
        # no comma: no appositive
        "Kaja Kallas met Andrii Sybiha in Rome on Monday two days after a summit in Brussels.",
    ],
)
def test_no_one_day_or_a_plan_dates_nothing_after_the_count(sentence: str) -> None:
    assert all(
        when_ == (None, None, None) for city, when_ in _rows_of(sentence) if city == "Warsaw"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("between Monday and Wednesday", (date(2026, 3, 16), date(2026, 3, 18))),
        ("between Friday and Sunday", (date(2026, 3, 13), date(2026, 3, 15))),
    ],
)
def test_between_two_weekdays_is_one_range(text: str, expected: tuple[date, date]) -> None:
    from talkspkg.stages.meetings.dates import published_anchor

    (d,) = find_dates(text, 0, len(text), VOCAB)
    rng = resolve(d, published_anchor(date(2026, 3, 19)))
    assert rng is not None and (rng.start, rng.end) == expected


def test_two_weekdays_apart_without_between_are_two_days() -> None:
    text = "The envoys met on Monday and Wednesday."
    assert [d.text for d in find_dates(text, 0, len(text), VOCAB)] == ["on Monday", "Wednesday"]


# ------------------------------------------------------------ the day of a decision
@pytest.mark.parametrize(
    ("sentence", "city"),
    [
        ("Donald Trump and Vladimir Putin agreed on Thursday to meet in Budapest.", "Budapest"),
        ("Keir Starmer invited Volodymyr Zelensky on Monday to visit London.", "London"),
        (
            "Hakan Fidan offered on Tuesday to host talks between Russia and Ukraine in Istanbul.",
            "Istanbul",
        ),
        ("Antonio Costa proposed on Wednesday to hold a summit in Brussels.", "Brussels"),
    ],
)
def test_the_day_of_agreeing_inviting_or_offering_dates_no_encounter(
    sentence: str, city: str
) -> None:
    assert (city, (None, None, None)) in _rows_of(sentence)


@pytest.mark.parametrize(
    ("sentence", "city", "expected"),
    [  # a trip's day is the day of the meeting it was made for
        ("Steve Witkoff flew to Moscow on Thursday to meet Vladimir Putin.", "Moscow", (19,)),
        ("Hakan Fidan travelled to Kyiv on Monday to meet Volodymyr Zelensky.", "Kyiv", (16,)),
    ],
)
def test_the_day_of_a_trip_dates_the_meeting_it_was_for(
    sentence: str, city: str, expected: tuple[int]
) -> None:
    (d,) = expected
    assert (city, _day(2026, 3, d)) in _rows_of(sentence)


def test_agreeing_to_something_at_the_talks_keeps_their_day() -> None:
    sentence = "Russia and Ukraine agreed on Thursday to a ceasefire at talks in Geneva."
    assert ("Geneva", _day(2026, 3, 19)) in _rows_of(sentence)
