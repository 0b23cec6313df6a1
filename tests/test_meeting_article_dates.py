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

PETERSBURG_TALKS = """Published 12 November 2025

Lavrov and Fidan end late-night talks in St Petersburg with gaps unresolved

Russia and Turkey have not settled their differences over a Black Sea shipping plan after a \
five-hour meeting between Sergei Lavrov and Hakan Fidan in St Petersburg, Moscow says.

Tuesday night's talks, which also included Ibrahim Kalin, ended after midnight, foreign \
ministry spokeswoman Maria Zakharova told reporters.

"Some of the Turkish ideas are workable, others are not," Zakharova said.

The meeting came a week after Turkish and Ukrainian officials held talks in Doha, where Rustem \
Umerov led Kyiv's delegation.

Ukrainian President Volodymyr Zelensky, who was in Dublin on Monday for talks with Irish \
leaders, said he expected to be briefed by Fidan and Kalin later this week.

Fidan last met Lavrov in August, days before the summit with Vladimir Putin in Ankara on 15 August.
"""

SUMMIT_POSTPONED = """Published 19 October 2025

Trump puts off Beijing summit with Xi

Donald Trump says he does not want a summit "for the sake of it" with Xi Jinping, after plans \
for a meeting in Beijing were put on hold.

The two leaders agreed to meet in the Chinese capital during a phone call on Thursday, their \
first since the Riyadh summit in August.

But a preparatory meeting of US Secretary of State Marco Rubio with Chinese Foreign \
Minister Wang Yi, expected this week, has been pushed back.

Rubio and Wang Yi spoke by phone on Monday. The State Department said the call was "useful".

On Friday, Trump hosted Mark Rutte at the White House, where the Nato chief pressed for more \
air defence systems for Ukraine.

The meeting was brisk at times, according to officials briefed on it. Rutte had last \
visited the White House in August, alongside European leaders.
"""

DOHA_DARE = """Published 18 May 2025

Putin dares Zelensky to send his team to Doha

Vladimir Putin says his envoys will be in Doha on Thursday and will wait for a Ukrainian team \
"at the highest level".

The Ukrainian president had proposed direct talks between the two countries in Doha, the \
first since the spring of 2022.

Putin spoke to Qatari Prime Minister Mohammed bin Abdulrahman Al Thani on Sunday, and said \
the Qatari side was ready to host.

Nordic leaders, who visited Kyiv on Saturday, had demanded a 30-day truce on energy strikes \
starting on Monday.

Kyiv has not said who will lead its delegation. In 2022, Vladimir Medinsky led Russia's \
team at talks in Minsk on 3 March.
"""

WIRE_WEEKEND = """Kremlin calls Jeddah talks useful but says main gaps remain

By ELENA VOSS and MARK HALE

Published 6:12 AM EST, January 27, 2026

MOSCOW (AP) — The Kremlin on Tuesday described weekend talks in Jeddah between Russian, \
Ukrainian and U.S. officials as useful, but said the main questions remained open.

The two days of negotiations, held Friday and Saturday, were the first such three-way meeting \
in the Gulf.

Kremlin spokesman Dmitry Peskov told reporters that a second round could take place next week, \
without giving a date.

Russian envoy Kirill Dmitriev had met Steve Witkoff in Miami late Thursday, hours before the \
delegations flew to the Gulf.

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
    ("petersburg-talks", PETERSBURG_TALKS, "st-petersburg", "hakan-fidan", day(2025, 11, 11)),
    # "a week after" the St Petersburg meeting counts from another event: no date
    ("petersburg-talks", PETERSBURG_TALKS, "doha", "", NULL),
    # "who was in Dublin on Monday for talks" is held: the plan of the main clause ("expected to
    # be briefed") is not its status
    ("petersburg-talks", PETERSBURG_TALKS, None, "volodymyr-zelensky", day(2025, 11, 10)),
    ("petersburg-talks", PETERSBURG_TALKS, None, "hakan-fidan", month(2025, 8, 31)),
    ("petersburg-talks", PETERSBURG_TALKS, "ankara", "", day(2025, 8, 15)),
    ("summit-postponed", SUMMIT_POSTPONED, "washington", "mark-rutte", day(2025, 10, 17)),
    ("summit-postponed", SUMMIT_POSTPONED, "riyadh", "", month(2025, 8, 31)),
    # "In 2022, ... talks in Minsk on 3 March": the sentence opens with its year
    ("doha-dare", DOHA_DARE, "minsk", "", day(2022, 3, 3)),
    ("doha-dare", DOHA_DARE, "kyiv", "", day(2025, 5, 17)),
    (
        "doha-dare",
        DOHA_DARE,
        None,
        "mohammed-bin-abdulrahman-al-thani",
        day(2025, 5, 18),
    ),
    # "The Kremlin on Tuesday described weekend talks": Tuesday dates the statement; "held
    # Friday and Saturday" is a range of two days
    ("wire-weekend", WIRE_WEEKEND, "jeddah", "", (date(2026, 1, 23), date(2026, 1, 24), "day")),
    ("wire-weekend", WIRE_WEEKEND, "miami", "kirill-dmitriev", day(2026, 1, 22)),
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


def dated_row(article_id: str, text: str, place: str | None, person: str) -> dict[str, Any]:
    """The one meeting row of the invented article at `place` with `person` among its
    participants (any participants when `person` is empty)."""
    article = make_article(RawFile(Path(f"raw/{article_id}.txt"), article_id, text, "0" * 64))
    rows = run(article)
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
    row = dated_row(article_id, text, place, person)
    assert (row["date_start"], row["date_end"], row["date_precision"]) == expected
