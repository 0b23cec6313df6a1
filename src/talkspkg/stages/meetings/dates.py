"""Time expressions in news prose and their resolution to calendar ranges.

An expression resolves relative to an `Anchor`: the window [lo, hi] in which the article's
"now" lies, and how that window is known (`label`):

* `published_date`: the article states its publication date (lo == hi).
* `stated`: the article ties a relative expression to a full date ("the discussions held in
  Paris the previous week, on April 17, 2025": now lies in the week after that date's week).
  A full date with its year needs no anchor and is labelled `stated` too.
* `relative-to-<article_id>`: the corpus stage learnt the day from another article reporting
  the same meeting (see merge.py).
* `stated`, `inferred`: an article stating no publication date has the "now" its text fixes
  (an "Updated ..." line, a dateline's day in the year a stated date gives: textanchor.py).

Policy (ACLED-like precision, never a guess):

* Ranges are closed and whole calendar units: day (start == end), ISO week (Monday-Sunday) or
  month. "earlier this month" is the anchor's month, precision month.
* A plain weekday ("on Wednesday", "late on Tuesday", "Wednesday's talks") is the latest such
  day on or before the anchor day, or the earliest on or after it for planned events; with a
  week-wide anchor it is that day of the anchor's week. "last Saturday" is strictly before the
  anchor day, "next Monday" strictly after.
* A month and day without year take the year that puts the date nearest the anchor, except
  that what is not a plan lies at most AHEAD_DAYS ahead of it and a plan never lies before it
  (one whose day lies up to AHEAD_DAYS before it is None, not next year's);
  a day that would lie more than FAR_BACK_DAYS back is None (a year is always written then).
  Told as held ("met on 28 February", `held`), it lies at most HELD_AHEAD_DAYS ahead (a time
  zone's day): read on February 20, that day is last year's, so None (more than FAR_BACK_DAYS
  back), never the February 28 a week ahead.
* "on Thursday next week", "Tuesday of last week": that day of the ISO week counted from the
  anchor's.
* A range of weekdays ("Friday to Sunday", "Monday-Wednesday", "Friday and Saturday": with
  "and" only two days in a row, or after "between": "between Monday and Wednesday") is day
  precision from its first to its last day: the last is
  the latest such day on or before the anchor day (the first is the next such day for a plan);
  "last Thursday and Friday" runs from last Thursday (None when its last day is not before the
  anchor day: "last Monday to Wednesday" read on a Wednesday may be either week's).
  "in March last year", "on May 5 this year" count the year from the anchor's year.
* "on the 15th" (no month) is the latest 15th on or before the anchor day (the earliest on or
  after it for a plan); None when a 15th lies just ahead (up to AHEAD_DAYS), since a plan not
  told as one would be misdated, or when the anchor is not a single day.
* A weekend ("over the weekend", "at the weekend") is the latest Saturday-Sunday begun on or
  before now (the next one not yet over for a plan), at week precision (its ISO week);
  "last weekend" is the week before the anchor's. "mid-/early/late August", "at the end of
  August", "last August" and "the August summit" (a month right before a meeting noun) are the
  month.
* A range of days in one month ("August 11-12", "11–12 August 2025", "March 9 to 11", "10
  and 11 March") is day precision from its first to its last day (rows.py writes its first
  day: the package's day precision is one day); so is a range across two months ("March
  31-April 2", "28 February to 2 March", "December 30-January 2, 2026": the year stated at its
  end is its last day's).
* "the week of March 9", "the week beginning 9 March" are that day's ISO week (precision week).
* "has just" / "have just" before a verb of meeting or ending, or "held"/"had" ("have just
  wrapped up a video call", "has just met") is the anchor day (a relative day): told as just
  over when written. Not before any other verb ("has just announced talks" dates no talks).
* Counts from now: "10 days ago", "seven weeks ago", "two months ago" (digits or words up to
  twelve; at most 31 days, 12 weeks or 12 months) are that day, ISO week or month. "this
  morning", "tonight", "earlier today" are the anchor day; "last night", "yesterday evening"
  the day before. "a few days ago", "in recent days" have no date.
* A day or month told as one of two ("on Monday or Tuesday", "12 or 13 March", "March 12 or
  13", "in May or June") is one expression of kind `open` that resolves to None: the frame
  takes it (and no other date of its sentence) and stays undated.
* Numeric dates (16/03/2025, 16.03.2025) resolve only when the order of day and month is
  unambiguous (one part above 12, or both equal); 03/04/2025 is None.
* What counts from another event ("the day before the summit", "the weekend before the vote",
  "on the eve of ...") is not a date of the encounter and is not read; "overnight" and
  "earlier this year" are not read either (no day, no year precision).
* A count from an era-defining event of `dated_events` ("four days after the full-scale
  invasion", "a month after beginning his second term") is that event's day moved by the count
  (counted.py): a full date, needing no anchor, marked `counted` (an inferred date).
* An encounter named right after a count in an appositive to a dated one ("A met B on
  Thursday, a day after a call with C", "..., two days before talks in D") is that day moved by
  the count (`shift`, frames.py): a single day only.
* Without an anchor only full dates (with year) resolve; everything else is None. An anchor
  of a few days (at most AGREE_DAYS, not an ISO week: published on one day, updated on a later
  one) resolves an expression to what its first and last day both make of it ("on Wednesday"
  read on Wednesday 3 or Thursday 4 December is 3 December; "on Thursday" is None: 27
  November or 4 December).
* A sequel ("later in the month", "the following day", "ten days later") counts from the
  encounter the article told just before, not from "now": `after_told` turns it into the
  month or day it designates when that encounter is dated precisely enough, else it dates
  nothing. "the previous day", "a day earlier" count back from it the same way. So do "the
  previous Friday" (the latest Friday before the day told), "the following Monday", "the next
  Monday" (the first Monday after it), which need that encounter's day ("That Friday" dates
  nothing: which week's is open; "said that Friday's talks" is last Friday's), and "a week later",
  "two weeks earlier" (the ISO week of the day or week told, moved): never "now". "the
  following week", "the previous month", "the week before" count from the story's time when
  there is one (`from_story`), else from now as written.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from itertools import pairwise
from typing import Any, NamedTuple

from talkspkg.schema.contracts import MAX_DAY_RANGE
from talkspkg.stages.leads import Gated
from talkspkg.stages.meetings.counted import COUNT_LIMIT, COUNT_WORDS, counted_dates
from talkspkg.stages.meetings.vocab import Vocab, load_vocab, phrase_pattern
from talkspkg.stages.spans import resolve_overlaps

PRECISIONS = ("day", "week", "month")  # finest first
# a day without year told as past that lies this far back only because its date this year is
# still ahead is no date of the past: it dates something to come ("the vote due on March 30")
FAR_BACK_DAYS = 270
AHEAD_DAYS = 10  # how far ahead of "now" a stated day may lie when nothing says it is a plan
HELD_AHEAD_DAYS = 1  # ... when the text says it took place (a time zone's day, no more)
AGREE_DAYS = 7  # a "now" known to lie in at most this many days resolves what its ends agree on


class DateRange(NamedTuple):
    start: date
    end: date
    precision: str


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A time expression found in the text; `start`/`end` index the article text."""

    start: int
    end: int
    text: str
    # date | month_day | day_of_month | month | weekday | relative | sequel | open (two readings)
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    unit: str | None = None  # relative and sequel expressions: day | week | month
    # relative: units from the anchor; sequel: from the encounter told before; weekday: -1
    # last, 0 plain, +1 next
    offset: int = 0
    since: date | None = None  # a month "later in the month" than this day: from the day after
    year_offset: int | None = None  # "in March last year": years from the anchor's year
    last_day: int | None = None  # "August 11-12", "11–12 August": the range's last day
    # weekday: "on Thursday next week", ISO weeks from the anchor's week; date and month_day:
    # 0 for "the week of March 9", the ISO week that holds the day
    week: int | None = None
    # "March 31-April 2": the month of the range's last day (`last_day`) when not the first's
    last_month: int | None = None
    # a day without year given the year its article's text fixes (textanchor.story_years)
    year_inferred: bool = False
    # weekday: "Friday and Saturday", "Monday to Wednesday": the range's last weekday
    last_weekday: int | None = None
    # counted from an era-defining event of the knowledge ("four days after the full-scale
    # invasion": counted.py), not stated by the text: an inferred date (rows.confidence)
    counted: bool = False
    # days to move the resolved day: "A met B on Thursday, a day after a call with C" dates the
    # call by Thursday's expression moved one day back (frames._apposed_dates); day precision
    # of one day only, else None
    shift: int = 0

    @property
    def priority(self) -> int:
        return 0

    @property
    def key(self) -> tuple[object, ...]:
        """Identity of what the expression designates, the same for equal expressions."""
        return (
            self.kind,
            self.year,
            self.month,
            self.day,
            self.weekday,
            self.unit,
            self.offset,
            self.since,
            self.year_offset,
            self.last_day,
            self.week,
            self.last_month,
            self.last_weekday,
            self.shift,
        )


@dataclass(frozen=True, slots=True)
class Anchor:
    lo: date
    hi: date
    label: str
    # the article states no publication date: "now" is what its text fixes (textanchor.py)
    inferred: bool = False


def published_anchor(published: date, source: str | None = "text") -> Anchor:
    """The publication date as anchor: `published_date` when the text states it,
    `published_date_sources` when it comes from raw/sources.yaml."""
    label = "published_date" if source in (None, "text") else "published_date_sources"
    return Anchor(published, published, label)


@cache
def _patterns(vocab: Vocab) -> dict[str, Gated]:
    cap = lambda words: "|".join(sorted((w.capitalize() for w in words), key=len, reverse=True))  # noqa: E731
    wd, mon = cap(vocab.weekdays), cap(vocab.months)
    mods = "|".join(
        r"\s+".join(map(re.escape, m.split()))
        for m in sorted(vocab.weekday_modifiers, key=len, reverse=True)
    )
    preps = "|".join(re.escape(p) for p in sorted(vocab.month_prepositions, key=len, reverse=True))
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    # "August 11-12", "11–12 August": a range of days within one month
    # "March 9 to 11", "9 and 10 March", "March 9 through 11": the same, in words
    last = r"(?:(?:\s*[-–]\s*|\s+(?:to|through|and)\s+)(?P<last>[0-3]?\d)(?:st|nd|rd|th)?)?"
    year = r"(?P<year>(?:19|20)\d\d)"
    lead = rf"(?:(?P<wd>{wd}),?\s+)?"
    compiled = {
        "mdy": re.compile(
            rf"(?<!\w){lead}(?P<mon>{mon})\.?\s+{day}{last}(?!\d)(?:,?\s+{year})?(?!\d)"
        ),
        "dmy": re.compile(
            rf"(?<!\w){lead}{day}{last}\s+(?:of\s+)?(?P<mon>{mon})\.?(?:,?\s+{year})?(?!\d)"
        ),
        # 16/03/2025, 16.03.2025: kept only when the order of day and month is unambiguous
        "numeric": re.compile(
            r"(?<![\w/.])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)"
            r"(?P<year>(?:19|20)\d\d)(?![\w/]|\.\d)"
        ),
        # "on the 15th": a day of the month the anchor lies in (or the one before or after)
        "day_of_month": re.compile(
            r"(?<!\w)on\s+the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)(?=\s*[,.;:)–—]|\s+(?:"
            r"in|at|and|when|with|but|as|after|before|to|for|while|where|amid)\b|$)"
        ),
        # "in March last year", "on May 5 this year": the year counted from the anchor's
        "year_after": re.compile(r"\s+(?:of\s+)?(?P<rel>last|this|next)\s+year(?!\w)", re.I),
        # what follows a relative or sequel expression that ties it to another event
        "event_after": re.compile(
            r"\s+(?:of|before|after|the|a|an|his|her|its|their|this|that|[A-Z])(?![\w-])"
        ),
        "iso": re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
        "my": re.compile(rf"(?<!\w)(?P<mon>{mon})\.?,?\s+{year}(?!\d)"),
        "month": re.compile(rf"(?<!\w)(?:{preps})\s*(?P<mon>{mon})(?![\w-])(?!\s+\d)", re.I),
        # "the August summit", "their March talks": a month naming the encounter after it
        "attr_month": re.compile(
            rf"(?<!\w)(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?P<mon>{mon})"
            r"\s+(?=[a-z])"
        ),
        "weekday": re.compile(
            rf"(?<!\w)(?:(?P<mod>{mods})\s+)?(?P<wd>{wd})(?:['’]s)?"
            rf"(?:\s+(?:morning|afternoon|evening|night))?"
            # "on Thursday next week", "Tuesday of last week": that day of that ISO week
            r"(?:\s+(?:of\s+)?(?P<week>next|last|this|the\s+following|the\s+previous)\s+week)?"
            r"(?!\w)",
            re.I,
        ),
        # "the previous Friday", "the following Monday": counted from the encounter told before
        # "That Friday", "on that Friday": the Friday of a week told before (dates nothing; not
        # "said that Friday's talks", where "that" introduces what was said)
        "told_weekday": re.compile(
            rf"(?<!\w)(?:[Tt]he\s+(?P<lead>previous|following|next)|(?P<that>That|on\s+that))"
            rf"\s+(?P<wd>{wd})(?(that)(?!['’]s)|(?:['’]s)?)"
            r"(?:\s+(?:morning|afternoon|evening|night))?(?!\w)"
        ),
        # "12 days ago", "seven weeks ago", "two days later", "a week earlier": a count of units
        "count": re.compile(
            rf"(?<![\w-])(?P<n>\d{{1,2}}|{_NUMBER_WORDS})\s+(?P<unit>day|week|month)s?"
            r"\s+(?P<dir>ago|later|earlier)(?!\w)(?!\s+than\b)",
            re.I,
        ),
        "count_gate": re.compile(r"(?<!\w)(?:ago|later|earlier)(?!\w)", re.I),
        # "the week of March 9", "the week beginning 9 March": that day's ISO week
        "week_of": re.compile(
            r"(?<!\w)week\s+(?:of|beginning|starting|commencing)\s+(?:on\s+)?$", re.I
        ),
        # "March 31-April 2", "31 March to 2 April": a range of days across two months
        "range_join": re.compile(r"\s*[-–]\s*|\s+(?:to|through|until|till)\s+"),
        # "have just wrapped up a call", "has just met": the encounter ended now (just_now)
        "just": re.compile(r"(?:(?<![\w-])(?:has|have)|[’']ve)\s+just(?=\s+[a-z])", re.I),
        # "in May or June", "on Friday or Saturday": a second name the patterns above leave
        "or_name": re.compile(rf"\s*,?\s+or\s+(?:in\s+|on\s+)?(?:{mon}|{wd})(?!\w)"),
        "relative": phrase_pattern(vocab.relative).compiled,
        "sequel": phrase_pattern(vocab.sequel).compiled,
    }
    return {name: Gated(pattern) for name, pattern in compiled.items()}


_NUMBERS = COUNT_WORDS
_NUMBER_WORDS = "|".join(sorted(_NUMBERS, key=len, reverse=True))
_COUNT_LIMIT = COUNT_LIMIT


def _month_number(vocab: Vocab, word: str) -> int:
    return vocab.months[word.lower().rstrip(".")]


def _abbreviated(vocab: Vocab, word: str) -> bool:
    number = _month_number(vocab, word)
    return len(word) < max(len(w) for w, n in vocab.months.items() if n == number)


# the ranges of the text last read: [text, vocab, {(start, end): expressions}]. The anchor,
# the narrative years and the sentences of one article read many of the same ranges.
_memo: list[Any] = [None, None, {}]
MEMO_RANGES = 1024


def find_dates(
    text: str, start: int = 0, end: int | None = None, vocab: Vocab | None = None
) -> list[DateExpr]:
    """Every time expression in text[start:end], non-overlapping (longest-leftmost), in order."""
    vocab = vocab or load_vocab()
    end = len(text) if end is None else end
    if _memo[0] is not text or _memo[1] is not vocab:
        _memo[:] = [text, vocab, {}]
    ranges: dict[tuple[int, int], tuple[DateExpr, ...]] = _memo[2]
    found = ranges.get((start, end))
    if found is None:
        if len(ranges) >= MEMO_RANGES:
            ranges.clear()
        found = ranges[(start, end)] = tuple(_find_dates(text, start, end, vocab))
    return list(found)


_DIGIT = re.compile(r"\d")


def has_digit(text: str, start: int, end: int) -> bool:
    """True when text[start:end] holds a digit: without one, `find_dates` finds no expression
    with a year and no day of a month (every such pattern reads the day or the year in digits)."""
    return _DIGIT.search(text, start, end) is not None


def may_state_now(text: str, start: int, end: int, vocab: Vocab) -> bool:
    """False when `find_dates` finds in text[start:end] neither a relative expression (from
    the `relative` and `count` patterns only) nor a date with its year (digits): nothing of
    the range can make one of `stated_anchor`'s pairs."""
    pats = _patterns(vocab)
    return (
        has_digit(text, start, end)
        or pats["relative"].search(text, start, end) is not None
        or pats["count_gate"].search(text, start, end) is not None
    )


def _find_dates(text: str, start: int, end: int, vocab: Vocab) -> list[DateExpr]:
    pats = _patterns(vocab)
    found: list[DateExpr] = []

    def add(m: re.Match[str], kind: str, **kw: object) -> None:
        found.append(DateExpr(m.start(), m.end(), m.group(), kind, **kw))  # type: ignore[arg-type]

    def add_dated(m: re.Match[str], kind: str, **kw: object) -> None:
        """A date without year, extended over "last year" / "this year" right after it; a
        full month name does not take the sentence's full stop."""
        stop = m.end()
        if m.group().endswith(".") and not _abbreviated(vocab, m["mon"]):
            stop -= 1
        after = pats["year_after"].match(text, stop, end) if "year" not in kw else None
        if after:
            kw["year_offset"] = {"last": -1, "this": 0, "next": 1}[after["rel"].lower()]
            stop = after.end()
        found.append(DateExpr(m.start(), stop, text[m.start() : stop], kind, **kw))  # type: ignore[arg-type]

    for name in ("mdy", "dmy"):
        for m in pats[name].finditer(text, start, end):
            y = int(m["year"]) if m["year"] else None
            mon, d = _month_number(vocab, m["mon"]), int(m["day"])
            wd = vocab.weekdays[m["wd"].lower()] if m["wd"] else None
            last = int(m["last"]) if m["last"] else None
            if last is not None and not d < last <= 31:
                continue  # "11-9 August" is no range of days
            if 1 <= d <= 31 and y:
                add_dated(m, "date", year=y, month=mon, day=d, weekday=wd, last_day=last)
            elif 1 <= d <= 31:
                add_dated(m, "month_day", month=mon, day=d, weekday=wd, last_day=last)
    for m in pats["iso"].finditer(text, start, end):
        add(m, "date", year=int(m["year"]), month=int(m["m"]), day=int(m["d"]))
    for m in pats["numeric"].finditer(text, start, end):
        a, b = int(m["a"]), int(m["b"])
        order = [(mo, d) for mo, d in ((b, a), (a, b)) if 1 <= mo <= 12 and 1 <= d <= 31]
        if len(set(order)) == 1:  # 16/03/2025 or 03/16/2025, never 03/04/2025
            add(m, "date", year=int(m["year"]), month=order[0][0], day=order[0][1])
    for m in pats["day_of_month"].finditer(text, start, end):
        if 1 <= int(m["day"]) <= 31:
            add(m, "day_of_month", day=int(m["day"]))
    for m in pats["my"].finditer(text, start, end):
        add(m, "month", year=int(m["year"]), month=_month_number(vocab, m["mon"]))
    for m in pats["month"].finditer(text, start, end):
        if m["mon"][0].isupper():  # "in May", never the modal "may"
            past = m.group().lower().startswith(("last", "this past"))  # "last August"
            add_dated(m, "month", month=_month_number(vocab, m["mon"]), offset=-1 if past else 0)
    for m in pats["attr_month"].finditer(text, start, end):
        noun = m.end()
        if vocab.nouns.match(text, noun, end) or vocab.process_nouns.match(text, noun, end):
            found.append(
                DateExpr(m.start("mon"), m.end("mon"), m["mon"], "month",
                         month=_month_number(vocab, m["mon"]))
            )  # fmt: skip
    for m in pats["weekday"].finditer(text, start, end):
        if m["wd"][0].isupper():
            mod = " ".join((m["mod"] or "").lower().split())
            week = " ".join((m["week"] or "").lower().split())
            add(
                m,
                "weekday",
                weekday=vocab.weekdays[m["wd"].lower()],
                offset=vocab.weekday_modifiers.get(mod, 0),
                week=_WEEKS[week] if week else None,
            )
    for m in pats["relative"].finditer(text, start, end):
        unit, offset = vocab.relative[" ".join(m.group().lower().split())]
        if unit == "weekend" and pats["event_after"].match(text, m.end(), end):
            continue  # "the weekend before the vote": another event's weekend
        if m.group()[:2].lower() == "in" and text.startswith(" of", m.end()):
            continue  # "in two weeks of talks" is a duration
        add(m, "relative", unit=unit, offset=offset)
    for m in pats["just"].finditer(text, start, end):
        verb = m.end() + len(text[m.end() : end]) - len(text[m.end() : end].lstrip())
        if _just_now(text, verb, end, vocab):
            add(m, "relative", unit="day", offset=0)
    for m in pats["sequel"].finditer(text, start, end):
        unit, offset, after = vocab.sequel[" ".join(m.group().lower().split())]
        if offset < 0 and pats["event_after"].match(text, m.end(), end):
            continue  # "the day before the summit": counted from that event, not the one told
        add(m, "sequel", unit=unit, offset=offset, since=date.min if after else None)
    for m in pats["told_weekday"].finditer(text, start, end):
        if m["wd"][0].isupper():
            lead = (m["lead"] or "").lower()
            offset = 0 if m["that"] else -1 if lead == "previous" else 1
            add(m, "sequel", unit="weekday", weekday=vocab.weekdays[m["wd"].lower()], offset=offset)
    counts = (
        pats["count"].finditer(text, start, end)
        if pats["count_gate"].search(text, start, end)
        else ()
    )
    for m in counts:
        word, unit = m["n"].lower(), m["unit"].lower()
        n = int(word) if word.isdigit() else _NUMBERS[word]
        plural = m.group(0).split()[1].lower().endswith("s")
        if not 1 <= n <= _COUNT_LIMIT[unit] or (n == 1) == plural:
            continue  # "0 days ago", "40 weeks later", "two day later"
        direction = m["dir"].lower()
        if direction == "ago":
            add(m, "relative", unit=unit, offset=-n)
        elif not (direction == "earlier" and pats["event_after"].match(text, m.end(), end)):
            add(m, "sequel", unit=unit, offset=n if direction == "later" else -n)
    for c in counted_dates(text, start, end, vocab):
        t, span = c.target, text[c.start : c.end]
        kind, d = ("month", None) if c.unit == "month" else ("date", t.day)
        week = 0 if c.unit == "week" else None  # a day, or the ISO week that holds it
        found.append(
            DateExpr(c.start, c.end, span, kind, year=t.year, month=t.month, day=d, week=week,
                     counted=True)
        )  # fmt: skip
    return _joined(text, resolve_overlaps(found), pats)


_NEXT_WORDS = re.compile(r"([a-z]+)(?:\s+([a-z]+))?", re.I)
_HELD_HAD = re.compile(r"(?:held|had)\s+(?:a|an|the|their|his|her|two|three|\w+-day|talks)\b")


def _just_now(text: str, pos: int, end: int, vocab: Vocab) -> bool:
    """ "has just" / "have just" before a verb of meeting, of ending, or "held"/"had" and its
    object ("have just wrapped up a video call", "has just met", "have just held talks"): the
    encounter is of the day of writing. Not "has just been announced", "has just said"."""
    if any(c.compiled.match(text, pos, end) for c in (vocab.verbs, vocab.conversation_verbs)):
        return True
    words = _NEXT_WORDS.match(text, pos, end)
    if words is not None:
        one, two = words[1].lower(), f"{words[1]} {words[2] or ''}".lower().strip()
        if one in vocab.ending_verbs or two in vocab.ending_verbs:
            return True
    return bool(_HELD_HAD.match(text, pos, end))


def _joined(text: str, found: list[DateExpr], pats: dict[str, Gated]) -> list[DateExpr]:
    """ "the week of March 9" as that day's ISO week; "March 31-April 2" as one range of days
    from its first to its last (kept as the first day and the last's month and day)."""
    out: list[DateExpr] = []
    for d in found:
        prev = out[-1] if out else None
        if prev is not None and _alternatives(text, prev, d):
            # "on Monday or Tuesday", "in March or April": two readings, no date
            out[-1] = replace(prev, end=d.end, text=text[prev.start : d.end], kind="open")
            continue
        if d.kind in ("month_day", "date") and d.last_day is None and _or_day(text, d):
            d = replace(d, kind="open")  # "12 or 13 March", "March 12 or 13"
        if d.kind in ("month", "weekday") and pats["or_name"].match(text, d.end):
            d = replace(d, kind="open")  # "in May or June"
        if (
            prev is not None
            and prev.kind in ("month_day", "date")
            and d.kind in ("month_day", "date")
            and prev.last_day is None
            and d.last_day is None
            and prev.weekday is None
            and (prev.month != d.month or (prev.day or 0) < (d.day or 0))
            and prev.year is None
            and pats["range_join"].fullmatch(text, prev.end, d.start)
        ):
            out[-1] = replace(
                prev,
                end=d.end,
                text=text[prev.start : d.end],
                kind=d.kind,
                year=d.year - (prev.month > d.month) if d.year else None,
                year_offset=d.year_offset,
                last_month=d.month if d.month != prev.month else None,
                last_day=d.day,
            )
            continue
        if prev is not None and _weekday_range(text, prev, d, pats):
            out[-1] = replace(
                prev, end=d.end, text=text[prev.start : d.end], last_weekday=d.weekday
            )
            continue
        lead = pats["week_of"].search(text, max(0, d.start - 30), d.start)
        if lead is not None and d.kind in ("month_day", "date") and d.last_day is None:
            d = replace(d, start=lead.start(), text=text[lead.start() : d.end], week=0)
        out.append(d)
    return out


_OR = re.compile(r"\s*,?\s+or\s+(?:on\s+|in\s+|at\s+)?", re.I)
_OR_BEFORE = re.compile(r"(?<![\w/.])[0-3]?\d(?:st|nd|rd|th)?\s+or\s+$")
_OR_AFTER = re.compile(r"\s+or\s+[0-3]?\d(?:st|nd|rd|th)?(?!\s*[\w%])")
_ALTERNATIVE_KINDS = frozenset(
    ("weekday", "month_day", "date", "month", "day_of_month", "relative", "sequel", "open")
)


def _alternatives(text: str, a: DateExpr, b: DateExpr) -> bool:
    """ "Monday or Tuesday", "on 3 March or on 4 March", "in May or June": a day (or month)
    told as one of two, which dates nothing (a wrong date is worse than none)."""
    if a.kind not in _ALTERNATIVE_KINDS or b.kind not in _ALTERNATIVE_KINDS:
        return False
    return _OR.fullmatch(text, a.end, b.start) is not None


def _or_day(text: str, d: DateExpr) -> bool:
    """ "12 or 13 March", "March 12 or 13": the day is one of two."""
    if _OR_BEFORE.search(text, max(0, d.start - 12), d.start):
        return True
    return d.text[:1].isalpha() and _OR_AFTER.match(text, d.end) is not None


_WEEKS = {"next": 1, "the following": 1, "this": 0, "last": -1, "the previous": -1}
_AND = re.compile(r"\s+and\s+")
_BETWEEN = re.compile(r"(?<![\w-])between\s+$", re.I)  # "between Monday and Wednesday": a range


def _weekday_range(text: str, a: DateExpr, b: DateExpr, pats: dict[str, Gated]) -> bool:
    """ "Friday to Sunday", "Monday-Wednesday", "Friday and Saturday" (two days in a row only:
    "Monday and Wednesday" are two days): plain weekdays, one range of days."""
    plain = all(
        e.kind == "weekday" and e.offset == 0 and e.week is None and e.last_weekday is None
        for e in (replace(a, offset=0) if a.offset == -1 else a, b)
    )  # "last Thursday and Friday": the first may say "last"
    if not plain or a.weekday is None or b.weekday is None or a.weekday == b.weekday:
        return False
    if pats["range_join"].fullmatch(text, a.end, b.start):
        return True
    if not _AND.fullmatch(text, a.end, b.start):
        return False
    between = _BETWEEN.search(text, max(0, a.start - 12), a.start) is not None
    return between or (b.weekday - a.weekday) % 7 == 1


# ---------------------------------------------------------------- calendar helpers
def week_of(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def month_of(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + offset
    return n // 12, n % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _is_week(anchor: Anchor) -> bool:
    return week_of(anchor.lo) == (anchor.lo, anchor.hi)


# ---------------------------------------------------------------- resolution
def resolve(
    expr: DateExpr, anchor: Anchor | None, future: bool = False, held: bool = False
) -> DateRange | None:
    """The calendar range `expr` designates, or None when the anchor does not determine it.
    `held`: the text says the encounter took place ("met", "held talks"), so a day without
    year lies on or before now, never just ahead of it."""
    rng = _resolve(expr, anchor, future, held)
    if expr.shift and rng is not None:
        if rng.precision != "day" or rng.start != rng.end or expr.week is not None:
            return None  # a week or a range moved by days is no day
        if expr.last_day is not None or expr.last_weekday is not None:
            return None
        d = rng.start + timedelta(days=expr.shift)
        return DateRange(d, d, "day")
    if rng is not None and expr.week is not None and expr.kind in ("date", "month_day"):
        return DateRange(*week_of(rng.start), "week")  # "the week of March 9"
    if rng is None or expr.last_day is None or rng.precision != "day":
        return rng
    month = expr.last_month or rng.start.month
    year = rng.start.year + (month < rng.start.month)  # "December 30-January 2"
    last = _safe_date(year, month, expr.last_day)
    if last is None or not 0 <= (last - rng.start).days < MAX_DAY_RANGE:
        return None  # not a round of talks the package can state at day precision
    return DateRange(rng.start, last, "day")


def _resolve(
    expr: DateExpr, anchor: Anchor | None, future: bool = False, held: bool = False
) -> DateRange | None:
    if expr.kind == "date" and expr.year is not None:
        d = _safe_date(expr.year, expr.month or 0, expr.day or 0)
        return DateRange(d, d, "day") if d else None
    if expr.kind == "month" and expr.year is not None:
        return DateRange(*month_of(expr.year, expr.month or 1), "month")
    if anchor is None:
        return None
    if (
        anchor.lo != anchor.hi
        and (anchor.hi - anchor.lo).days <= AGREE_DAYS
        and not _is_week(anchor)
    ):
        # "now" is one of a few days (published on one, updated on another): the date both
        # ends make of the expression, when they agree; else the window's own rules below
        ends = [
            _resolve(expr, replace(anchor, lo=d, hi=d), future, held)
            for d in (anchor.lo, anchor.hi)
        ]
        if ends[0] is not None and ends[0] == ends[1]:
            return ends[0]
    if expr.year_offset is not None:
        if anchor.lo.year != anchor.hi.year:
            return None
        year = anchor.lo.year + expr.year_offset
        return _resolve(replace(expr, year=year, year_offset=None, kind=_FULL[expr.kind]), None)
    if expr.kind == "month_day":
        return _month_day(expr, anchor, future, held and not future)
    if expr.kind == "day_of_month":
        return _day_of_month(expr.day or 0, anchor, future)
    if expr.kind == "month":
        return _bare_month(expr.month or 1, anchor, future and expr.offset >= 0, expr.offset < 0)
    if expr.kind == "weekday" and expr.week is not None:
        monday, sunday = week_of(anchor.lo)
        if anchor.hi > sunday:
            return None
        d = monday + timedelta(days=7 * expr.week + (expr.weekday or 0))
        return DateRange(d, d, "day")
    if expr.kind == "weekday" and expr.last_weekday is not None:
        gap = (expr.last_weekday - (expr.weekday or 0)) % 7
        if expr.offset < 0:  # "last Thursday and Friday": from the last such first day
            first = _weekday(expr.weekday or 0, -1, anchor, False)
            if first is None or first.start + timedelta(days=gap) >= anchor.lo:
                return None  # reaching today: this week's or last week's is open
            return DateRange(first.start, first.start + timedelta(days=gap), "day")
        if future:  # the first day is the next such day; else the last is the latest
            first = _weekday(expr.weekday or 0, 0, anchor, True)
            if first is None:
                return None
            return DateRange(first.start, first.start + timedelta(days=gap), "day")
        last = _weekday(expr.last_weekday, 0, anchor, False)
        return DateRange(last.start - timedelta(days=gap), last.start, "day") if last else None
    if expr.kind == "weekday":
        return _weekday(expr.weekday or 0, expr.offset, anchor, future)
    if expr.kind == "relative" and expr.unit == "weekend":
        return _weekend(anchor, future)
    if expr.kind == "relative":
        return _relative(expr.unit or "day", expr.offset, anchor)
    return None


_FULL = {"month_day": "date", "month": "month"}


def absolute(expr: DateExpr, rng: DateRange | None) -> DateExpr:
    """`expr` as the full date of the range it resolved to (its span kept): a day or a range of
    days as a date, a week as the date of its Monday (`week` 0), a month with its year; `open`
    (dating nothing) when it resolved to None."""
    base = DateExpr(expr.start, expr.end, expr.text, "open")
    if rng is None:
        return base
    s, e = rng.start, rng.end
    if rng.precision == "month":
        return replace(base, kind="month", year=s.year, month=s.month)
    if rng.precision == "week":
        return replace(base, kind="date", year=s.year, month=s.month, day=s.day, week=0)
    if s == e:
        return replace(base, kind="date", year=s.year, month=s.month, day=s.day)
    if e.year != s.year + (e.month < s.month) or (e - s).days >= MAX_DAY_RANGE:
        return base
    return replace(
        base, kind="date", year=s.year, month=s.month, day=s.day, last_day=e.day,
        last_month=e.month if e.month != s.month else None,
    )  # fmt: skip


def after_told(expr: DateExpr, told: DateRange | None) -> DateExpr | None:
    """A sequel ("later in the month", "the following day") as the date it designates after
    the encounter told before (dated `told`): a month of a month or day, a day of a day; None
    when that encounter is undated or not that precise."""
    if expr.kind != "sequel" or told is None:
        return None
    if expr.unit == "month" and (told.start.year, told.start.month) == (
        told.end.year,
        told.end.month,
    ):
        year, month = shift_month(told.start.year, told.start.month, expr.offset)
        since = told.end if expr.since and told.precision == "day" and expr.offset == 0 else None
        if since is not None and since == month_of(year, month)[1]:
            return None  # "later in the month" after its last day
        return replace(expr, kind="month", year=year, month=month, since=since)
    if expr.unit == "day" and told.precision == "day" and told.start == told.end:
        d = told.start + timedelta(days=expr.offset)
        return replace(expr, kind="date", year=d.year, month=d.month, day=d.day)
    if expr.unit == "weekday" and told.precision == "day" and expr.weekday is not None:
        if expr.offset == 0:
            return None  # "That Friday": which week's is open
        # "the previous Friday": the latest Friday before the day told; "the following
        # Monday": the first Monday after the told encounter's last day
        if expr.offset < 0:
            d = told.start - timedelta(days=(told.start.weekday() - expr.weekday - 1) % 7 + 1)
        else:
            d = told.end + timedelta(days=(expr.weekday - told.end.weekday() - 1) % 7 + 1)
        return replace(expr, kind="date", year=d.year, month=d.month, day=d.day, weekday=None)
    if expr.unit == "week" and told.precision in ("day", "week"):
        d = told.start + timedelta(days=7 * expr.offset)  # "a week later": that day's ISO week
        return replace(expr, kind="date", year=d.year, month=d.month, day=d.day, week=0)
    return None


_TOLD_WORDS = frozenset(("previous", "following", "before"))


def counts_from_story(expr: DateExpr) -> bool:
    """A sequel, or a relative expression counting from a time told ("the following week"):
    what `from_story` counts from the story's time."""
    if expr.kind == "sequel":
        return True
    words = set(expr.text.lower().split())
    return expr.kind == "relative" and bool(_TOLD_WORDS & words) and "last" not in words


def from_story(expr: DateExpr, clock: DateRange | None) -> DateExpr | None:
    """The expression as the story's time `clock` makes it: a sequel counted from it (None
    without it); "the following week", "the previous month", "the week before" (relative
    words that count from a time told, not from now) counted from it when the story has one,
    else from now as written."""
    if expr.kind == "sequel":
        return after_told(expr, clock)
    if (
        expr.kind == "relative"
        and clock is not None
        and _TOLD_WORDS & set(words := expr.text.lower().split())
        and "last" not in words  # "the week before last" counts from now
    ):
        return after_told(replace(expr, kind="sequel"), clock)
    return expr


def window(expr: DateExpr | None, rng: DateRange) -> DateRange:
    """The days `rng` (the range `expr` resolved to) can still designate: a month "later in the
    month" than a day of it runs from the day after; the range itself is the whole month."""
    if expr is None or expr.since is None or rng.precision != "month":
        return rng
    return DateRange(max(rng.start, expr.since + timedelta(days=1)), rng.end, rng.precision)


def anchor_label(expr: DateExpr, anchor: Anchor | None) -> str | None:
    """How the resolved date is known: `stated` for full dates, else the anchor's label."""
    if expr.year is not None:
        return "stated"
    return anchor.label if anchor else None


def _month_day(
    expr: DateExpr, anchor: Anchor, future: bool = False, held: bool = False
) -> DateRange | None:
    """The year nearest the anchor; but what is not a plan lies in the past, so a day more
    than AHEAD_DAYS after the anchor is taken from the year before ("met Putin on August 6" in
    February), and a plan never lies in the past (a plan's day at most AHEAD_DAYS before now
    is None: the plan was told before it passed, not for next year). A weekday stated with it
    keeps only the years where the day falls on it; none left: None."""
    cands: list[tuple[int, date]] = []
    just_past = False  # a plan's day a few days before now: a plan told before it passed
    for year in (anchor.hi.year - 1, anchor.hi.year, anchor.hi.year + 1):
        d = _safe_date(year, expr.month or 0, expr.day or 0)
        if d is None or (expr.weekday is not None and d.weekday() != expr.weekday):
            continue  # "Friday, March 14" is a year whose March 14 is a Friday
        gap = (anchor.lo - d).days if d < anchor.lo else max(0, (d - anchor.hi).days)
        ahead = d > anchor.hi and (d - anchor.hi).days > (HELD_AHEAD_DAYS if held else AHEAD_DAYS)
        if future and d < anchor.lo:
            just_past = just_past or gap <= AHEAD_DAYS
            continue
        if not future and ahead:
            continue  # what took place does not lie ahead ("met on Thursday, Dec. 2" in March)
        cands.append((gap, d))
    if not cands or just_past:
        return None  # "talks scheduled for March 10" read on March 12: not next year's
    best = min(cands)[1]
    if (anchor.lo - best).days > FAR_BACK_DAYS:
        return None  # "the vote due on March 30" in mid-March: not a day a year ago
    return DateRange(best, best, "day")


def _day_of_month(day: int, anchor: Anchor, future: bool) -> DateRange | None:
    """ "on the 15th": the latest such day on or before now (the earliest on or after it for a
    plan), in the anchor's month or the one next to it; None when a day just ahead of now
    could be meant too (a plan not told as one) or the anchor window leaves it open."""
    days = []
    for offset in (-1, 0, 1):
        d = _safe_date(*shift_month(anchor.lo.year, anchor.lo.month, offset), day)
        if d is not None:
            days.append(d)
    if future:
        found = [d for d in days if d >= anchor.hi]
        best = min(found) if found else None
    else:
        found = [d for d in days if d <= anchor.lo]
        best = max(found) if found else None
        if any(anchor.hi < d <= anchor.hi + timedelta(days=AHEAD_DAYS) for d in days):
            return None
    if best is None or not (future or best <= anchor.lo) or anchor.lo != anchor.hi:
        return None
    return DateRange(best, best, "day")


def _weekend(anchor: Anchor, future: bool) -> DateRange | None:
    """ "over the weekend": the latest Saturday-Sunday begun on or before now (the next one not
    yet over for a plan), as its ISO week; None when the anchor window leaves it open."""

    def saturday(today: date) -> date:
        if future:
            return today + timedelta(days=(5 - today.weekday()) % 7 if today.weekday() < 6 else -1)
        return today - timedelta(days=(today.weekday() - 5) % 7)

    first, last = saturday(anchor.lo), saturday(anchor.hi)
    if first != last:
        return None
    return DateRange(*week_of(first), "week")


def _bare_month(month: int, anchor: Anchor, future: bool, last: bool = False) -> DateRange | None:
    """A plan's month on or after now's, else next year's; what took place, on or before now's,
    else last year's. None for a plan's month just past ("talks planned for February" read in
    March) or a past month just ahead ("the talks in April" read in March): next year's plan
    or last year's event as much as a plan told before it passed or not told as one ("last
    September" and "last August" read in August are last year's)."""
    if future:
        if (anchor.lo.month - month) % 12 == 1:
            return None
        year = anchor.lo.year if month >= anchor.lo.month else anchor.lo.year + 1
    else:
        if (month - anchor.hi.month) % 12 == 1 and not last:
            return None
        now = anchor.hi.month
        year = anchor.hi.year if month < now or (month == now and not last) else anchor.hi.year - 1
    return DateRange(*month_of(year, month), "month")


def _weekday(weekday: int, offset: int, anchor: Anchor, future: bool) -> DateRange | None:
    if anchor.lo == anchor.hi:
        today = anchor.lo
        back = (today.weekday() - weekday) % 7
        ahead = (weekday - today.weekday()) % 7
        if offset < 0:
            d = today - timedelta(days=back or 7)
        elif offset > 0:
            d = today + timedelta(days=ahead or 7)
        else:
            d = today + timedelta(days=ahead) if future else today - timedelta(days=back)
        return DateRange(d, d, "day")
    if _is_week(anchor):
        d = anchor.lo + timedelta(days=weekday + 7 * offset)
        return DateRange(d, d, "day")
    return None


def _relative(unit: str, offset: int, anchor: Anchor) -> DateRange | None:
    if unit == "day":
        if anchor.lo != anchor.hi:
            return None
        d = anchor.lo + timedelta(days=offset)
        return DateRange(d, d, "day")
    if unit == "week":
        monday, sunday = week_of(anchor.lo)
        if anchor.hi > sunday:
            return None
        shift = timedelta(days=7 * offset)
        return DateRange(monday + shift, sunday + shift, "week")
    if (anchor.lo.year, anchor.lo.month) != (anchor.hi.year, anchor.hi.month):
        return None
    return DateRange(*month_of(*shift_month(anchor.lo.year, anchor.lo.month, offset)), "month")


# ---------------------------------------------------------------- anchors stated in the text
_ADJACENT = re.compile(r"[\s,;()–—-]*(?:on\s+)?")


def stated_anchor(text: str, exprs: list[DateExpr]) -> Anchor | None:
    """The window of "now" an article states by tying a relative expression to a full date.

    "the previous week, on April 17, 2025" puts now in the week after; "yesterday, April 22,
    2025" puts it on April 23. Several such statements must agree (their windows intersect).
    Only a relative expression and a date with its year make a pair, and only when next to
    each other: leaving out the expressions of a range that holds neither (`may_state_now`)
    changes nothing (the text of a left-out expression lies between its neighbours, and no
    expression's text is `_ADJACENT`).
    """
    windows: list[tuple[date, date]] = []
    ordered = sorted(exprs, key=lambda e: e.start)
    for a, b in pairwise(ordered):
        pair = (a, b) if a.kind == "relative" else (b, a)
        rel, full = pair
        if rel.kind != "relative" or full.kind != "date" or full.year is None:
            continue
        if rel.unit == "weekend":  # a weekend leaves now anywhere in the days after it
            continue
        if not _ADJACENT.fullmatch(text[a.end : b.start]):
            continue
        stated = resolve(full, None)
        if stated is None:
            continue
        windows.append(_now_window(rel, stated.start))
    if not windows:
        return None
    lo = max(w[0] for w in windows)
    hi = min(w[1] for w in windows)
    return Anchor(lo, hi, "stated") if lo <= hi else None


def _now_window(rel: DateExpr, stated: date) -> tuple[date, date]:
    if rel.unit == "day":
        d = stated - timedelta(days=rel.offset)
        return d, d
    if rel.unit == "week":
        monday, sunday = week_of(stated)
        shift = timedelta(days=7 * rel.offset)
        return monday - shift, sunday - shift
    return month_of(*shift_month(stated.year, stated.month, -rel.offset))


def resolve_text(text: str, anchor: date | Anchor | None, future: bool = False) -> DateRange | None:
    """Resolve the first time expression of `text` (a convenience for callers and tests)."""
    exprs = find_dates(text)
    if not exprs:
        return None
    if isinstance(anchor, date):
        anchor = published_anchor(anchor)
    return resolve(exprs[0], anchor, future)
