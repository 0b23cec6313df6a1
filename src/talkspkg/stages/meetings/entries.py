"""The day of each dated entry of a live blog: the "now" its relative dates count from.

Policy (precision first):

* A live blog, a rolling page or a diary of several days heads its entries with day headings:
  a line that is one date and nothing else but a time stamp, a time zone or a separator
  ("Thursday 9 April 2026", "8 April 2026, 18:20 BST", "Wednesday 8 April"). A day without
  year takes the year that puts it nearest the article's anchor, at most HELD_AHEAD_DAYS ahead
  of it (dates.resolve of a day told as past); without an anchor it is no heading.
* When the article has headings of at least ENTRY_DAYS distinct days, each line after a
  heading, up to the next, was written on the heading's day: what it dates relative to "now"
  ("today", "this afternoon", "on Tuesday", "last week", "yesterday", "on 7 April") counts
  from that day, not from the publication date (which a rolling page gives as its first or
  last update). An expression that does not resolve from that day dates nothing (it is not
  read from the publication date instead: a wrong date is worse than none).
* An article with one day heading, or headings of one day, keeps its anchor: the heading is
  its publication line, which the anchor already is.
* Time-stamp headings without a day ("15:40 BST", "Posted at 14:52") change nothing: the
  entry keeps the day of the heading above it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from talkspkg.document import SegmentKind
from talkspkg.stages.meetings.context import ArticleContext
from talkspkg.stages.meetings.dates import (
    Anchor,
    DateExpr,
    absolute,
    find_dates,
    has_digit,
    published_anchor,
    resolve,
)

ENTRY_DAYS = 2  # distinct heading days that make an article a diary of dated entries
HEADING_CHARS = 80  # a day heading is a short line
# what a day heading holds besides its date: time stamps, time zones, separators
_REST = re.compile(
    r"(?:[\s,.:;|/()–—*#_-]|\d{1,2}[:.]\d{2}|(?:[AaPp]\.?[Mm]\.?|(?:[A-Z]{1,4}T|UTC)(?:[+-]\d{1,2})?"
    r"|at|local\s+time)(?![\w]))*"
)
_SKIP = (SegmentKind.HEADLINE, SegmentKind.CAPTION, SegmentKind.EMBED, SegmentKind.CREDIT)


def entry_days(ctx: ArticleContext, anchor: Anchor | None) -> list[tuple[int, date]]:
    """The day headings (their end offset and day), in text order, when the article has
    headings of ENTRY_DAYS distinct days or more; else []."""
    if anchor is None:
        return []
    text, out = ctx.text, []
    for seg in ctx.article.segments_of(*(k for k in SegmentKind if k not in _SKIP)):
        if seg.end - seg.start > HEADING_CHARS or not has_digit(text, seg.start, seg.end):
            continue
        day = _heading_day(ctx, seg.start, seg.end, anchor)
        if day is not None:
            out.append((seg.end, day))
    return out if len({d for _, d in out}) >= ENTRY_DAYS else []


def _heading_day(ctx: ArticleContext, start: int, end: int, anchor: Anchor) -> date | None:
    found = find_dates(ctx.text, start, end, ctx.vocab)
    if len(found) != 1 or found[0].kind not in ("date", "month_day"):
        return None
    d = found[0]
    if d.last_day is not None or d.week is not None:
        return None
    if not (_REST.fullmatch(ctx.text, start, d.start) and _REST.fullmatch(ctx.text, d.end, end)):
        return None
    rng = resolve(d, anchor, held=True)
    return rng.start if rng is not None and rng.start == rng.end else None


def entry_anchor(days: list[tuple[int, date]], pos: int) -> Anchor | None:
    """The anchor of the entry `pos` lies in: its heading's day; None before the first."""
    i = bisect_right([end for end, _ in days], pos)
    return published_anchor(days[i - 1][1]) if i else None


def in_entry(expr: DateExpr, entry: Anchor, future: bool, held: bool) -> DateExpr:
    """A date counted from "now" as the entry's day makes it: a full date (or an `open`
    expression, dating nothing, when that day does not fix it). A date with its year, a
    sequel or an open expression is returned as is."""
    if expr.year is not None or expr.kind in ("sequel", "open"):
        return expr
    return absolute(expr, resolve(expr, entry, future, held))
