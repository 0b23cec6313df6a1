"""Dates that structure fixes or leaves open: a live blog's dated entries, a day told as one
of two, and a sequel told after an aside that recalls an older encounter.

Mini-articles written for this test (other names, outlets, months and layouts than any real
article): a live blog with day headings (newest first, or a diary's oldest first), a wire
story with an "Updated" line, a newspaper report. Expected values follow the gold guideline
(tests/data/gold/README.md): null where two readings compete.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from test_meeting_article_dates import dated_row
from test_meeting_undated import NULL, Span, day
from test_meetings import run

from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.meetings.dates import find_dates

LIVE_NEWEST_FIRST = """Ukraine war live: envoys gather in Geneva

Thursday 9 April 2026

15:40 BST

Witkoff and Umerov begin talks in Geneva

Steve Witkoff and Rustem Umerov are meeting today in Geneva, a Ukrainian official told us.

11:05 BST

Emmanuel Macron and Friedrich Merz spoke by phone this morning about the Geneva talks, the \
Elysee said.

Wednesday 8 April 2026

18:20 BST

Sergei Lavrov hosted Hakan Fidan in Moscow this afternoon. Lavrov said the meeting was \
"useful".

Earlier, Kaja Kallas said she had spoken to Andrii Sybiha by phone yesterday.
"""

LIVE_DIARY = """Diplomacy diary: a week of calls and visits

Published 6 March 2026

Monday 2 March, 09:10 CET

Giorgia Meloni received Volodymyr Zelensky in Rome on Saturday, her office said.

Tuesday 3 March, 17:45 CET

Keir Starmer and Mark Carney spoke by phone last night about air defence.

Thursday 5 March, 12:00 CET

Antonio Costa visited Chisinau today for talks with Maia Sandu.
"""

# one heading: the publication line, which the anchor already is
ONE_HEADING = """Envoys meet again in Riyadh

Sunday 15 March 2026

Marco Rubio met Sergei Lavrov in Riyadh on Friday, the State Department said.
"""

WIRE_ASIDE = """Turkey hosts new round of prisoner talks

Updated 4:12 PM GMT+3, April 22, 2026

ANKARA, Turkey (AP) — Russian and Ukrainian negotiators met in Ankara on Tuesday for the \
first face-to-face talks in six weeks, Turkish officials said.

Russia sent Vladimir Medinsky, who also led its team at the previous round in Istanbul on \
10 March.

Hakan Fidan spoke by phone with Marco Rubio the day before, a Turkish diplomatic source said.
"""

WIRE_SEQUEL = """Envoys wrap up talks in Doha

Published 18 November 2025

Russian and Ukrainian negotiators met in Doha on Monday for talks hosted by Qatar.

Two days later, Rustem Umerov flew to Berlin for talks with Friedrich Merz.
"""

EITHER_DAY = """Leaders held talks, but officials will not say when

Published 5 May 2026

Volodymyr Zelensky and Friedrich Merz held talks in Berlin on Monday or Tuesday, a government \
source said.

Pedro Sanchez met Antonio Costa in Madrid on 28 or 29 April.

Donald Tusk hosted Mette Frederiksen in Warsaw on Monday and Tuesday.
"""

# "Published ... | Updated ...": now is either day; what both make of a weekday is its date
UPDATED = """Zelensky and Erdogan discuss Black Sea security

Published 3 December 2025 | Updated 4 December 2025

Volodymyr Zelensky met Recep Tayyip Erdogan in Ankara on Wednesday for talks on shipping in \
the Black Sea.

On Thursday, Zelensky flew on to Athens, where he met Kyriakos Mitsotakis.

Andrii Sybiha arrived in Warsaw on Monday for talks with Radoslaw Sikorski.
"""

# a date opening the clause of saying dates the saying, not what was said
INTERVIEW = """'We are not there yet': a foreign minister on the peace process

Published 9 June 2026

In an interview with our correspondent in Kyiv on Monday, Andrii Sybiha said he had met Marco \
Rubio and that the meeting was "very frank".

On Sunday, Kaja Kallas said Antonio Costa had spoken to Donald Trump by phone.

On Saturday, Volodymyr Zelensky told Donald Trump during their meeting at the White House \
that Ukraine needed more air defence.

Sybiha said he would travel to Ankara on Thursday to meet Hakan Fidan.
"""

# a headline's bare infinitive is its future: the next Thursday, not the last
HEADLINE_PLAN = """Sikorski to meet Lavrov in Geneva on Thursday

Published Tuesday 20 January 2026

Radoslaw Sikorski will travel to Geneva on Thursday for talks with Sergei Lavrov, the Polish \
foreign ministry said.
"""

HEADLINE_PAST = """Sybiha flew to Riyadh to meet Rubio on Sunday

Published Tuesday 20 January 2026

Andrii Sybiha met Marco Rubio in Riyadh on Sunday, the ministry said.
"""

CASES: list[Any] = [
    ("headline-plan", HEADLINE_PLAN, "geneva", "sergei-lavrov", day(2026, 1, 22)),
    ("headline-past", HEADLINE_PAST, "riyadh", "marco-rubio", day(2026, 1, 18)),
    ("updated", UPDATED, "ankara", "volodymyr-zelensky", day(2025, 12, 3)),
    ("updated", UPDATED, "athens", "volodymyr-zelensky", NULL),  # 27 November or 4 December
    ("updated", UPDATED, "warsaw", "andrii-sybiha", day(2025, 12, 1)),
    ("interview", INTERVIEW, None, "marco-rubio", NULL),
    ("interview", INTERVIEW, None, "antonio-costa", NULL),
    ("interview", INTERVIEW, "ankara", "hakan-fidan", day(2026, 6, 11)),
    # a name after "told" is who was told, not what was said: the day is the meeting's too
    ("interview", INTERVIEW, "washington", "donald-trump", day(2026, 6, 6)),
    # an entry's "today", "this morning", "this afternoon" are its heading's day
    ("live-newest", LIVE_NEWEST_FIRST, "geneva", "steve-witkoff", day(2026, 4, 9)),
    ("live-newest", LIVE_NEWEST_FIRST, None, "emmanuel-macron", day(2026, 4, 9)),
    ("live-newest", LIVE_NEWEST_FIRST, "moscow", "sergei-lavrov", day(2026, 4, 8)),
    ("live-newest", LIVE_NEWEST_FIRST, None, "kaja-kallas", day(2026, 4, 7)),
    # a diary's headings without year, a weekday and "last night" counted from each entry
    ("live-diary", LIVE_DIARY, "rome", "giorgia-meloni", day(2026, 2, 28)),
    ("live-diary", LIVE_DIARY, None, "keir-starmer", day(2026, 3, 2)),
    ("live-diary", LIVE_DIARY, None, "antonio-costa", day(2026, 3, 5)),
    ("one-heading", ONE_HEADING, "riyadh", "marco-rubio", day(2026, 3, 13)),
    # an aside recalls an older round: "the day before" may count from either: null
    ("wire-aside", WIRE_ASIDE, "ankara", "", day(2026, 4, 21)),
    ("wire-aside", WIRE_ASIDE, "istanbul", "", day(2026, 3, 10)),
    ("wire-aside", WIRE_ASIDE, None, "hakan-fidan", NULL),
    # no aside: the sequel counts from the encounter told before
    ("wire-sequel", WIRE_SEQUEL, "berlin", "rustem-umerov", day(2025, 11, 19)),
    # a day told as one of two dates nothing; "Monday and Tuesday" is a range
    ("either-day", EITHER_DAY, "berlin", "volodymyr-zelensky", NULL),
    ("either-day", EITHER_DAY, None, "pedro-sanchez", NULL),
    (
        "either-day",
        EITHER_DAY,
        "warsaw",
        "donald-tusk",
        (date(2026, 5, 4), date(2026, 5, 5), "day"),
    ),
]


@pytest.mark.parametrize(
    ("article_id", "text", "place", "person", "expected"),
    CASES,
    ids=[f"{c[0]}-{c[2]}-{c[3]}" for c in CASES],
)
def test_the_date_structure_fixes_or_leaves_open(
    article_id: str, text: str, place: str | None, person: str, expected: Span
) -> None:
    row = dated_row(article_id, text, place, person)
    assert (row["date_start"], row["date_end"], row["date_precision"]) == expected


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("held talks on Monday or Tuesday, a source said", ["open"]),
        ("met on 12 or 13 March", ["open"]),
        ("met on March 12 or 13, officials said", ["open"]),
        ("talks in May or June", ["open"]),
        ("talks on Friday or at the weekend", ["open"]),
        ("last week or the week before", ["open"]),
        # not alternatives
        ("met on March 12 or 13 people", ["month_day"]),
        ("met on 12 March or earlier", ["month_day"]),
        ("talks on Monday and Tuesday", ["weekday"]),
        ("met in May. Or so he says", ["month"]),
    ],
)
def test_a_day_told_as_one_of_two_is_open(text: str, kinds: list[str]) -> None:
    assert [d.kind for d in find_dates(text)] == kinds


CALLED_FOR = """Leaders push for negotiations

Published 12 March 2026

Volodymyr Zelensky on Monday called for talks with Vladimir Putin in Istanbul.

Keir Starmer hosted Friedrich Merz in London on Thursday, pressing him for talks on frozen \
assets.
"""


def test_a_call_for_talks_is_no_encounter_and_a_demand_after_a_comma_is_not_its_purpose() -> None:
    article = make_article(RawFile(Path("raw/called-for.txt"), "called-for", CALLED_FOR, "0" * 64))
    rows = run(article)
    london = dated_row("called-for", CALLED_FOR, "london", "friedrich-merz")
    assert london["date_start"] == date(2026, 3, 12)
    assert not any(r["place_id"] == "istanbul" for r in rows["meetings"])
    (mention,) = [m for m in rows["meeting_mentions"] if "London" in m["text"]]
    assert mention["trigger"] == "hosted"


NEXT_ROUND = """Envoys end Jeddah round with prisoner deal

Published 20 May 2026

Russian and Ukrainian negotiators concluded two days of talks in Jeddah on Tuesday, agreeing to \
exchange 200 prisoners each.

Rustem Umerov said another round would follow shortly, possibly in Geneva.

Sergei Lavrov said the discussions had been businesslike. The talks covered a ceasefire at sea.

Kaja Kallas said the next round would be prepared by a working group.
"""


def test_what_is_told_as_past_after_a_next_round_announced_is_the_round_told_before() -> None:
    article = make_article(RawFile(Path("raw/next-round.txt"), "next-round", NEXT_ROUND, "0" * 64))
    rows = run(article)
    told = {m["meeting_id"] for m in rows["meeting_mentions"] if "businesslike" in m["text"]}
    dated = [r["meeting_id"] for r in rows["meetings"] if r["place_id"] == "jeddah"]
    assert told == set(dated) and len(dated) == 1
    ahead = {m["meeting_id"] for m in rows["meeting_mentions"] if "working group" in m["text"]}
    assert not ahead & set(dated)  # a plan about the next round is not the round told
