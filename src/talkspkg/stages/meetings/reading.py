"""What the meetings stage reads of an article: its paragraphs, and the year its story is in.

Policy:

* Lines of the kinds in READ are read; a line that stops mid-sentence (no closing punctuation)
  continues on the next line of the same kind (hard-wrapped text: "adding\nthat teams from
  ..."), except list items ("* list 1 of 3 ...") and embedded posts, which stand alone.
* A day without a year in a story told in an earlier year ("In February 2022 ... ending on
  March 7 ... On March 10, ...") takes the year of the last date stated with its year, in the
  same or one of the previous NARRATIVE_PARAGRAPHS paragraphs, when that year is before the
  anchor's and the story moves forward (the day is not before the stated date; a day that would
  be, in that year, takes the next year when that is still before the anchor's: "In June 2024 ...
  On February 18, ..." is February 2025 in a 2026 article). A bare month
  ("in August") does not: it is mostly this year's.
* A sentence that opens with a year ("In 2022, A led the team at talks in C on 29 March.",
  "Back in 2019, ...") tells of that year: its days and months without a year are that year's
  (opening_years), whatever the anchor. A year elsewhere in the sentence ("Russia, which
  invaded in 2022, met B on 29 March") dates another clause and is not read.
"""

from __future__ import annotations

import re
from dataclasses import replace

from talkspkg.document import Article, SegmentKind
from talkspkg.stages.meetings.context import ArticleContext
from talkspkg.stages.meetings.dates import (
    Anchor,
    DateExpr,
    DateRange,
    find_dates,
    has_digit,
    resolve,
)
from talkspkg.stages.meetings.text import sentences

READ = (
    SegmentKind.HEADLINE,
    SegmentKind.SUBHEADING,
    SegmentKind.BODY,
    SegmentKind.CAPTION,
    SegmentKind.EMBED,
)


def paragraphs(article: Article) -> list[tuple[SegmentKind, int, int]]:
    """The lines to read, hard-wrapped lines joined: a line that stops mid-sentence (no closing
    punctuation) continues on the next line of the same kind ("adding\nthat teams from ...")."""
    out: list[tuple[SegmentKind, int, int]] = []
    text = article.text
    for seg in article.segments_of(*READ):
        if out:
            kind, start, end = out[-1]
            wrapped = (
                kind == seg.kind != SegmentKind.EMBED
                and text[end : seg.start] == "\n"
                and _WRAPPED.search(text, start, end) is not None
                and not _LIST_ITEM.match(text, start)  # "* list 1 of 3 ..." items stand alone
                and not _LIST_ITEM.match(text, seg.start)
            )
            if wrapped:
                out[-1] = (kind, start, seg.end)
                continue
        out.append((seg.kind, seg.start, seg.end))
    return out


_WRAPPED = re.compile(r"[\w,;–—-]$")
_LIST_ITEM = re.compile(r"\s*(?:[*+#>-]|\d+[.)])\s")


NARRATIVE_PARAGRAPHS = 2  # how far back a stated year still sets the story's year


def narrative_years(ctx: ArticleContext, anchor: Anchor | None) -> dict[int, DateExpr]:
    """Days without a year in a story told in an earlier year ("In February 2022
    ... ending on March 7 ... On March 10, ..."): the year of the last date stated with its
    year in the same or the previous NARRATIVE_PARAGRAPHS paragraphs, when that year is before
    the anchor's and the story moves forward (the day is not before the stated date). Returns
    the expressions so completed, by position."""
    out: dict[int, DateExpr] = {}
    if anchor is None:
        return out
    last: tuple[int, DateRange] | None = None
    for index, (_kind, start, end) in enumerate(paragraphs(ctx.article)):
        if not has_digit(ctx.text, start, end):
            continue  # no date with a year, no day of a month: nothing to read (speed)
        for d in find_dates(ctx.text, start, end, ctx.vocab):
            if d.year is not None:
                rng = resolve(d, None)
                last = (index, rng) if rng else last
                continue
            if d.kind != "month_day" or last is None:
                continue  # a bare month ("in August") is mostly this year's
            told, rng = last
            if index - told > NARRATIVE_PARAGRAPHS or rng.start.year >= anchor.lo.year:
                continue
            full = replace(d, year=rng.start.year, kind="date")
            got = resolve(full, None)
            if got is not None and got.start < rng.start and rng.start.year + 1 < anchor.lo.year:
                full = replace(full, year=rng.start.year + 1)  # "June 2024 ... On February 18"
                got = resolve(full, None)
            if got is None or got.start < rng.start or got.end > anchor.hi:
                continue
            out[d.start] = full
            last = (index, got)
    return out


# "In 2022,", "Back in 2019", "Earlier in 2024": a sentence told in that year
_OPENING_YEAR = re.compile(
    r"[\W_]*(?:(?:back|earlier|later|also|and|but|then)\s+)?in\s+(?P<year>(?:19|20)\d\d)(?![\w-])"
    r"(?!\s*[-–]\s*\d)",
    re.I,
)


def opening_years(ctx: ArticleContext) -> dict[int, DateExpr]:
    """Days and months without a year in a sentence that opens with a year ("In 2022, ... on
    29 March"), completed with it, by position."""
    out: dict[int, DateExpr] = {}
    for _kind, start, end in paragraphs(ctx.article):
        for a, b in sentences(ctx.text, start, end, ctx.vocab):
            m = _OPENING_YEAR.match(ctx.text, a, b)
            if m is None:
                continue
            year = int(m["year"])
            for d in find_dates(ctx.text, a, b, ctx.vocab):
                if d.year is not None or d.year_offset is not None or d.offset:
                    continue
                if d.kind == "month_day":
                    out[d.start] = replace(d, year=year, kind="date")
                elif d.kind == "month":
                    out[d.start] = replace(d, year=year)
    return out
