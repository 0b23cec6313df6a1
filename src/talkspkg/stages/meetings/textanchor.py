"""Dates of an article that states no publication date: what its text itself fixes.

Several real pages state no publication date (an undated web page, a comment, an interview
whose metadata was lost), so "on Friday" or "last week" cannot count from it. What the text
states still dates some of its encounters (policy, precision first: null where nothing fixes
the year or the day):

* Its "now" (`text_anchor`), when the article states no publication date nor a relative
  expression tied to a full date (dates.stated_anchor):
  - a dateline's month and day ("KYIV, Nov 23 (Reuters) -"), whose year is the one year in
    which that day lies within DATELINE_DAYS of a full date the text states ("... November 23,
    2025" in a photo caption; not a file photo's): the day the story was filed;
  - the day the article's own URL (a URL line of its header) is dated ("/2025/11/24/",
    "/2026/feb/04/", "...-2026-02-05/"): news sites date their URLs by publication;
  - an "Updated 12 March 2025" line (also in a byline, "By A | Updated March 12, 2025"): the
    text was (re)written that day;
  - a full date on a header line before the prose, set apart by bars or dots on a masthead
    ("Weekly Brief | Issue 112 | Friday, 29 May 2026") or alone on its line: a bulletin's
    issue date.
  These anchors are `inferred`: the dates they resolve are less certain than those counted from
  a stated publication date (rows.confidence).
* Without any "now", a day without year (`story_years`) takes the year the text fixes:
  - a weekday stated with it ("Sunday 23 November", "on Friday, March 14") keeps the one year
    in which that day falls on that weekday, among the years from the first the text states to
    the year after its last (at most MAX_YEAR_SPAN) and the years the knowledge base speaks
    for (`era`: from its vouched titles to the year after its last dated one); none or two:
    no year;
  - else the year of the last date the text states with its year, in the same or one of the
    previous NARRATIVE_PARAGRAPHS paragraphs, when the day is not before that date (the story
    moves forward: "On November 20, 2025, ... On November 23, ..."); a day before it is left
    undated (last year's or next year's is open).
  Such a date is `year_inferred` (rows.confidence).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cache

from talkspkg.document import Article, SegmentKind
from talkspkg.kb import KnowledgeBase
from talkspkg.lines.datelines import match_dateline
from talkspkg.lines.pubdates import UPDATED_RE, stated_date
from talkspkg.stages.meetings.context import ArticleContext
from talkspkg.stages.meetings.dates import Anchor, DateExpr, DateRange, find_dates, resolve
from talkspkg.stages.meetings.reading import NARRATIVE_PARAGRAPHS, READ, paragraphs

DATELINE_DAYS = 7  # a dateline day this far from a stated date is no day of this story
DATELINE_LINES = 4  # the dateline opens one of the first lines of prose (after summary bullets)
MAX_YEAR_SPAN = 5  # a weekday fixes one year among at most this many consecutive years


def text_anchor(ctx: ArticleContext) -> Anchor | None:
    """The article's "now" as its text states it without a publication date (see the policy),
    `inferred`; None when nothing states it."""
    day = (
        _dateline_day(ctx) or url_day(ctx.article.meta.url) or updated_day(ctx)
        or _masthead_day(ctx)
    )  # fmt: skip
    return Anchor(day, day, "stated", inferred=True) if day is not None else None


# "/2025/11/24/", "/2026/feb/04/", "/2026/2/18/", "...-2026-02-05/": the day a URL is dated
_URL_DAY = re.compile(
    r"(?<![\w])(?P<y>(?:19|20)\d\d)(?P<sep>[/-])(?P<m>[01]?\d|[a-z]{3})(?P=sep)(?P<d>[0-3]?\d)"
    r"(?=[/.?#-]|$)",
    re.I,
)


def url_day(url: str | None) -> date | None:
    """The one day the article's own URL is dated ("/2025/11/24/", "-2026-02-05/"); None when
    it states none or two."""
    days = set()
    for m in _URL_DAY.finditer(url or ""):
        month = m["m"]
        number = int(month) if month.isdigit() else _MONTHS.find(month.lower()) // 3 + 1
        try:
            if month.isdigit() or _MONTHS.find(month.lower()) % 3 == 0:
                days.add(date(int(m["y"]), number, int(m["d"])))
        except ValueError:
            continue
    return days.pop() if len(days) == 1 else None


_MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec"


def updated_day(ctx: ArticleContext) -> date | None:
    """The day of an "Updated 12 March 2025" line (a publication or byline line)."""
    for seg in ctx.article.segments_of(SegmentKind.PUBLISHED, SegmentKind.BYLINE):
        line = ctx.text[seg.start : seg.end]
        if (m := UPDATED_RE.search(line)) and (day := stated_date(line[m.end() :])):
            return day
    return None


_MASTHEAD_SEP = re.compile(r"\s[|·•]\s")  # "Weekly Brief | Issue 112 | Friday, 29 May 2026"
_PROSE_END = re.compile(r"[.!?\"”’]\s*$")  # a paragraph of prose: the header lies before it


def _masthead_day(ctx: ArticleContext) -> date | None:
    """The full date of a header line before the prose: a masthead or issue line whose parts
    are set apart by bars or dots ("Weekly Brief | Issue 112 | Friday, 29 May 2026"), or a line
    that is a full date and nothing else; a newsletter or bulletin is dated by its issue. None
    when the header states none, or two."""
    text, days = ctx.text, set()
    for seg in ctx.article.meta.segments:
        if seg.kind not in (SegmentKind.BODY, SegmentKind.BYLINE, SegmentKind.PUBLISHED):
            continue
        if seg.kind == SegmentKind.BODY and _PROSE_END.search(text, seg.start, seg.end):
            break
        found = find_dates(text, seg.start, seg.end, ctx.vocab)
        full = [d for d in found if d.kind == "date" and d.year is not None]
        if len(full) != 1:
            continue
        d = full[0]
        alone = not re.search(r"[^\W\d_]{2,}", _WEEKDAYS.sub("", text[seg.start : d.start]))
        header = _MASTHEAD_SEP.search(text, seg.start, seg.end) or (alone and d.end >= seg.end - 1)
        if header and (rng := resolve(d, None)) is not None:
            days.add(rng.start)
    return days.pop() if len(days) == 1 else None


_WEEKDAYS = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")


_FILE_PHOTO = re.compile(r"\bfile\b", re.I)  # "REUTERS/File Photo", "[File: A/AFP]": an old image


def _full_dates(ctx: ArticleContext) -> list[DateRange]:
    """The full dates the text states, but not those of a file photo's caption."""
    found = []
    for seg in ctx.article.segments_of(*READ):
        if seg.kind == SegmentKind.CAPTION and _FILE_PHOTO.search(ctx.text, seg.start, seg.end):
            continue
        for d in find_dates(ctx.text, seg.start, seg.end, ctx.vocab):
            if d.kind == "date" and d.year is not None and (rng := resolve(d, None)):
                found.append(rng)
    return found


def dateline_month_day(article: Article) -> tuple[int, int] | None:
    """The month and day the article's dateline states ("KYIV, Nov 23 (Reuters) -"), on one of
    its first DATELINE_LINES lines of prose (summary bullets may come first); None without."""
    meta = article.meta
    if meta.dateline is None:
        return None
    bodies = [g for g in meta.segments if g.kind == SegmentKind.BODY][:DATELINE_LINES]
    found = (match_dateline(article.text[g.start : g.end], False) for g in bodies)
    m = next((x for x in found if x is not None), None)
    if m is None or not (m["mon"] or m["mon2"]) or not (m["day"] or m["day2"]):
        return None
    return _MONTHS.index((m["mon"] or m["mon2"])[:3].lower()) // 3 + 1, int(m["day"] or m["day2"])


def dateline_day(article: Article, near: list[date], days: int = DATELINE_DAYS) -> date | None:
    """The dateline's month and day in the one year that puts it within `days` of a date of
    `near`; None when there is no such dateline or year, or two."""
    stated = dateline_month_day(article)
    if stated is None:
        return None
    found = set()
    for year in {d.year + k for d in near for k in (-1, 0, 1)}:
        try:
            day = date(year, *stated)
        except ValueError:
            continue
        if any(abs((day - d).days) <= days for d in near):
            found.add(day)
    return found.pop() if len(found) == 1 else None


def _dateline_day(ctx: ArticleContext) -> date | None:
    """The dateline's day in the year a full date the text states puts it near."""
    return dateline_day(ctx.article, [r.start for r in _full_dates(ctx)])


def story_years(ctx: ArticleContext) -> dict[int, DateExpr]:
    """Days without a year that the text gives one (see the policy), by position; for an
    article with no anchor at all."""
    exprs = [
        (index, d)
        for index, (_kind, start, end) in enumerate(paragraphs(ctx.article))
        for d in find_dates(ctx.text, start, end, ctx.vocab)
    ]
    years = [d.year for _i, d in exprs if d.year is not None]
    out: dict[int, DateExpr] = {}
    last: tuple[int, DateRange] | None = None
    for index, d in exprs:
        if d.year is not None:
            rng = resolve(d, None)
            last = (index, rng) if rng else last
            continue
        if d.kind != "month_day":
            continue
        year = _weekday_year(d, years, ctx.kb) if d.weekday is not None else None
        if year is None and d.weekday is None and last is not None:
            told, rng = last
            got = _in_year(d, rng.start.year)
            if index - told <= NARRATIVE_PARAGRAPHS and got is not None and got >= rng.start:
                year = rng.start.year
        if year is None:
            continue
        full = replace(d, year=year, kind="date", year_inferred=True)
        got_range = resolve(full, None)
        if got_range is None:
            continue
        out[d.start] = full
        last = (index, got_range)
    return out


def _in_year(d: DateExpr, year: int) -> date | None:
    try:
        return date(year, d.month or 0, d.day or 0)
    except ValueError:
        return None


def _weekday_year(d: DateExpr, years: list[int], kb: KnowledgeBase) -> int | None:
    """The one year in which the day falls on its weekday, among the years from the first the
    text states to the year after its last (at most MAX_YEAR_SPAN, the latest) and the years
    of the knowledge base (`era`)."""
    candidates = set(era(kb))
    if years:
        first, last = min(years), max(years) + 1
        candidates |= set(range(max(first, last - MAX_YEAR_SPAN + 1), last + 1))
    fits = [y for y in candidates if (x := _in_year(d, y)) and x.weekday() == d.weekday]
    return fits[0] if len(fits) == 1 else None


@cache
def era(kb: KnowledgeBase) -> range:
    """The years the knowledge base speaks for: from the first year its undated titles are
    vouched for to the year after the last date a dated title is vouched for (articles are
    read after the knowledge base was curated); empty when it vouches for nothing."""
    if kb.titles_vouched is None:
        return range(0)
    ends = [
        end
        for e in kb.entities.values()
        for t in e.tenures
        if (end := t.until or t.known_until) is not None
    ]
    last = max([*ends, kb.titles_vouched[1]])
    return range(kb.titles_vouched[0].year, last.year + 2)
