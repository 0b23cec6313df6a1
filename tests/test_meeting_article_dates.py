"""Meeting dates across a whole dated article: what a careful coder gives each encounter.

Mini-articles written for this test in the style of a broadcaster's online reports (a
"Published" line, weekday references, a story reaching back to an earlier year, a relative
clause telling another encounter than the sentence's main clause). Expected values follow the
gold guideline (tests/data/gold/README.md); null where the text does not fix the date.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from test_meeting_undated import NULL, Span, day, month
from test_meetings import run

from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile

MOSCOW_TALKS = """Published 12 November 2025

Kremlin says no breakthrough after five-hour meeting with US envoys

The Kremlin says no compromise has been reached on a US peace plan after a five-hour meeting \
between Vladimir Putin and Steve Witkoff in Moscow.

Tuesday night's talks, which also included Jared Kushner, ended after midnight, Kremlin aide \
Yuri Ushakov told reporters.

"Some of the American proposals are acceptable, others are not," Ushakov said.

The meeting came a week after US and Ukrainian officials held talks in Florida, where Rustem \
Umerov led Kyiv's delegation.

Ukrainian President Volodymyr Zelensky, who was in Dublin on Monday for talks with Irish \
leaders, said he expected to be briefed by Witkoff and Kushner later this week.

Putin last met Witkoff in August, days before the summit with Donald Trump in Alaska on 15 August.
"""

SUMMIT_SHELVED = """Published 19 October 2025

Trump shelves Budapest summit with Putin

Donald Trump says he does not want a "wasted meeting" with Vladimir Putin, after plans for a \
summit in Budapest were put on hold.

The two leaders agreed to meet in the Hungarian capital during a phone call on Thursday, their \
first since the Alaska summit in August.

But a preliminary meeting of US Secretary of State Marco Rubio with Russian Foreign \
Minister Sergei Lavrov, expected this week, has been postponed.

Rubio and Lavrov spoke by phone on Monday. The State Department said the call was "productive".

On Friday, Trump hosted Zelensky at the White House, where the Ukrainian leader pressed for \
long-range Tomahawk missiles.

The meeting was tense at times, according to officials briefed on it. Zelensky had last \
visited the White House in August, alongside European leaders.
"""

ISTANBUL_CHALLENGE = """Published 18 May 2025

Zelensky challenges Putin to meet him in Istanbul

Volodymyr Zelensky says he will be in Istanbul on Thursday and will wait for Vladimir Putin \
"personally".

The Russian president had proposed direct talks between the two countries in Istanbul, the \
first since the spring of 2022.

Zelensky spoke to Turkish President Recep Tayyip Erdogan on Sunday, and said Erdogan was ready \
to host.

European leaders, who visited Kyiv on Saturday, had demanded an unconditional 30-day ceasefire \
starting on Monday.

The Kremlin has not said who will lead its delegation. In 2022, Vladimir Medinsky led Russia's \
team at talks in Istanbul on 29 March.
"""

WIRE_WEEKEND = """Kremlin calls Abu Dhabi talks constructive but says key issues unresolved

By ELENA VOSS and MARK HALE

Published 6:12 AM EST, January 27, 2026

MOSCOW (AP) — The Kremlin on Tuesday described weekend talks in Abu Dhabi between Russian, \
Ukrainian and U.S. officials as constructive, but said the main questions remained open.

The two days of negotiations, held Friday and Saturday, were the first trilateral meeting \
since the war began.

Kremlin spokesman Dmitry Peskov told reporters that a second round could take place next week, \
without giving a date.

U.S. envoy Steve Witkoff had met Putin in Moscow late Thursday, hours before the delegations \
flew to the Gulf.

Ukrainian President Volodymyr Zelenskyy said Monday that he had spoken with Witkoff and Jared \
Kushner by phone the previous evening.

Contributing: Anna Berg in Kyiv.
"""

LONDON_DINNER = """Published: 14.05 GMT, Wed 3 Dec 2025

Europe's leaders gather in London as US pushes peace plan

Keir Starmer hosted the leaders of France and Germany at Downing Street on Monday, two days \
after their national security advisers met in Geneva to discuss the US plan.

Emmanuel Macron and Friedrich Merz flew in for what officials described as an "intensive" \
working dinner.

The three leaders later held a video call with Volodymyr Zelenskyy, who had been in Paris the \
previous week for talks with Macron.

A meeting of EU foreign ministers is due in Brussels on 15 December, where the frozen assets \
plan will be discussed.

Last month's summit of the coalition of the willing in Rome ended with a pledge of further air \
defence.
"""

# (text, place id or None for no place, a participant or "", the span a careful coder gives)
CASES: list[Any] = [
    ("moscow-talks", MOSCOW_TALKS, "moscow", "steve-witkoff", day(2025, 11, 11)),
    # "a week after" the Moscow meeting counts from another event: no date
    ("moscow-talks", MOSCOW_TALKS, "florida", "", NULL),
    # "who was in Dublin on Monday for talks" is held: the plan of the main clause ("expected to
    # be briefed") is not its status
    ("moscow-talks", MOSCOW_TALKS, None, "volodymyr-zelensky", day(2025, 11, 10)),
    ("moscow-talks", MOSCOW_TALKS, None, "steve-witkoff", month(2025, 8, 31)),
    ("moscow-talks", MOSCOW_TALKS, "alaska", "", day(2025, 8, 15)),
    ("summit-shelved", SUMMIT_SHELVED, "washington", "volodymyr-zelensky", day(2025, 10, 17)),
    ("summit-shelved", SUMMIT_SHELVED, "alaska", "", month(2025, 8, 31)),
    # "In 2022, ... talks in Istanbul on 29 March": the sentence opens with its year
    ("istanbul-challenge", ISTANBUL_CHALLENGE, "istanbul", "", day(2022, 3, 29)),
    ("istanbul-challenge", ISTANBUL_CHALLENGE, "kyiv", "", day(2025, 5, 17)),
    ("istanbul-challenge", ISTANBUL_CHALLENGE, None, "recep-tayyip-erdogan", day(2025, 5, 18)),
    # "The Kremlin on Tuesday described weekend talks": Tuesday dates the statement; "held
    # Friday and Saturday" is a range of two days
    ("wire-weekend", WIRE_WEEKEND, "abu-dhabi", "", (date(2026, 1, 23), date(2026, 1, 24), "day")),
    ("wire-weekend", WIRE_WEEKEND, "moscow", "steve-witkoff", day(2026, 1, 22)),
    pytest.param(
        "wire-weekend",
        WIRE_WEEKEND,
        None,
        "volodymyr-zelensky",
        day(2026, 1, 25),
        marks=pytest.mark.xfail(
            strict=True, reason="'the previous evening' counted from a statement's day: null"
        ),
    ),
    ("london-dinner", LONDON_DINNER, "london", "keir-starmer", day(2025, 12, 1)),
    ("london-dinner", LONDON_DINNER, "geneva", "", NULL),  # "two days after" another event
    (
        "london-dinner",
        LONDON_DINNER,
        "paris",
        "emmanuel-macron",
        (date(2025, 11, 24), date(2025, 11, 30), "week"),
    ),
    ("london-dinner", LONDON_DINNER, "rome", "", month(2025, 11, 30)),
    pytest.param(
        "london-dinner",
        LONDON_DINNER,
        "brussels",
        "",
        day(2025, 12, 15),
        marks=pytest.mark.xfail(
            strict=True,
            reason="the day lies more words after the trigger than a date may: left null",
        ),
    ),
]


def _row(rows: dict[str, list[dict[str, Any]]], place: str | None, person: str) -> dict[str, Any]:
    people: dict[str, set[str]] = {}
    for r in rows["meeting_participants"]:
        people.setdefault(r["meeting_id"], set()).add(r["entity_id"])
    found = [
        r
        for r in rows["meetings"]
        if r["place_id"] == place and (not person or person in people.get(r["meeting_id"], ()))
    ]
    assert len(found) == 1, (place, person, [r["meeting_id"] for r in rows["meetings"]])
    return found[0]


@pytest.mark.parametrize(
    ("article_id", "text", "place", "person", "expected"),
    CASES,
    ids=[f"{c[0]}-{c[2]}-{c[3]}" for c in (getattr(x, "values", x) for x in CASES)],
)
def test_each_encounter_of_a_dated_article_gets_the_date_its_text_gives(
    article_id: str, text: str, place: str | None, person: str, expected: Span
) -> None:
    article = make_article(RawFile(Path(f"raw/{article_id}.txt"), article_id, text, "0" * 64))
    row = _row(run(article), place, person)
    assert (row["date_start"], row["date_end"], row["date_precision"]) == expected
