"""Encounters told in one breath: "met in Istanbul in May, June and July of 2025".

Policy (precision first): a frame dated by a month ("in May") followed at once by more months
joined only by commas, "and", "and again" or "and in" ("in May, June and July", "in January
and in March") tells one encounter per month: the same parties at the same place, each month
its own round. A year closing the list ("... and July of 2025", "... and July 2025") is the
year of every month without one. "or" offers alternatives ("in May or June"), not rounds, and
ends the list; so does any other word ("in January, and once in Geneva in April").
"""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from functools import cache

from talkspkg.stages.meetings.dates import DateExpr
from talkspkg.stages.meetings.sentence import Frame
from talkspkg.stages.meetings.vocab import Vocab

_JOINT = re.compile(r",|\band\b")


@cache
def _next_month(vocab: Vocab) -> re.Pattern[str]:
    names = "|".join(sorted(map(re.escape, vocab.months), key=len, reverse=True))
    return re.compile(
        rf"\s*(?:,\s*)?(?:and\s+)?(?:again\s+)?(?:in\s+)?(?P<month>{names})\b"
        r"(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b)?",
        re.I,
    )


def enumerated(text: str, end: int, frames: list[Frame], vocab: Vocab) -> list[Frame]:
    """`frames` with one copy of each frame per further month its date's list names (see the
    policy), in text order; the frames themselves take the list's closing year."""
    out: list[Frame] = []
    for f in frames:
        out.append(f)
        d = f.date
        if d is None or d.kind != "month" or f.in_quote:
            continue
        months = _months_after(text, d, end, vocab)
        if not months:
            continue
        year = d.year or months[-1].year
        f.date = replace(d, year=year)
        for m in months:
            twin = copy.copy(f)
            twin.roles = dict(f.roles)
            twin.statuses = set(f.statuses)
            twin.levels = set(f.levels)
            twin.third_parties = set(f.third_parties)
            twin.companions = dict(f.companions)
            twin.date = replace(m, year=m.year or year)
            out.append(twin)
    return out


def _months_after(text: str, d: DateExpr, end: int, vocab: Vocab) -> list[DateExpr]:
    found: list[DateExpr] = []
    pos, pat = d.end, _next_month(vocab)
    while (m := pat.match(text, pos, end)) is not None:
        if _JOINT.search(text, m.start(), m.start("month")) is None:
            break  # "in May June": no joint between two months
        word = m.group("month")
        if word[0].islower():
            break  # "may": the verb, not the month
        year = int(m.group("year")) if m.group("year") else None
        found.append(
            DateExpr(
                m.start("month"), m.end(), text[m.start("month") : m.end()], "month",
                year=year, month=vocab.months[word.lower().rstrip(".")],
            )
        )  # fmt: skip
        pos = m.end()
    return found
