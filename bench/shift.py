"""Moving every date of an article, its gold and its provenance by N days (bench/generality.py).

Every date the text writes is found (publication lines, datelines, "April 23, 2025",
"23 April", "April 23", "8-10 May", "December 14 and 15", "Feb. 8", "May 8th", "4 Feb 2026",
ISO and numeric dates, dates in URLs such as 2026/feb/04 or 2026-02-05, "March 2025", a month
or a year standing alone, "2025's") and each of its parts (day, month, year) is rewritten in the
form the text gives it, as its own edit, so that no edit ever straddles a gold span's boundary.
A day date moves by N days; a yearless one is first placed in the year nearest the article's
reference date (its published date, else the first full date it writes). A month standing alone
moves to the month its 15th moves into, a year standing alone to the year its 2 July moves into.
The gold moves alike: the published date and meetings dated to the day or the week by N days
(weeks stay ISO weeks when N is a multiple of 7), meetings dated to the month to the month
their 15th moves into.

When that is not one consistent world the article is not shiftable and is reported, not
scored: a day date (or the published date) that leaves its month's new month while the article
also speaks of months alone ("in March", "earlier this month", a month-precision meeting), or
that leaves its year's new year while it speaks of years alone ("in 2022", "this year"); a
range whose two ends fall into different months; a numeric date whose day and month cannot
be told apart; a yearless day date in an article with no reference date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

MONTHS = tuple(calendar.month_name)[1:]
_ABBREVIATIONS = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"Sept": 9}
_MONTH_NUMBER = {m: i + 1 for i, m in enumerate(MONTHS)} | _ABBREVIATIONS
# a month alone that is a word as well ("May", "Jan", "Mar") counts after one of these only
_MONTH_CONTEXT = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "by",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "from",
        "to",
        "and",
        "or",
        "through",
        "of",
        "between",
        "before",
        "after",
        "during",
        "throughout",
        "every",
        "each",
    ]
)


class NotShiftable(Exception):
    """The article's dates cannot all move consistently (the reason is the message)."""


def _alternation(words: list[str]) -> str:
    forms = {w for word in words for w in (word, word.upper())}
    return "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True))


_MONTH = r"(?<!\w)(?:" + _alternation([*MONTHS, *_ABBREVIATIONS]) + r")\.?(?![\w-])"
_DAY = r"(?<!\d)\d{1,2}(?:st|nd|rd|th)?(?![\d:\w])"
_LINK = r"\s*(?:–|-|to|and|&)\s*"
_YEAR = r"(?<!\d)(?:19|20)\d\d(?!\d)"
_URL_MONTH = "|".join(m[:3].lower() for m in MONTHS)
DATE_PATTERN = re.compile(
    rf"(?P<iso>(?<![\d.])(?P<iy>\d{{4}})(?P<isep>[-/.])(?P<im>\d{{1,2}})(?P=isep)(?P<id>\d{{1,2}})(?!\d))"
    rf"|(?P<url>(?<!\d)(?P<uy>\d{{4}})/(?P<um>{_URL_MONTH})/(?P<ud>\d{{1,2}})(?!\d))"
    rf"|(?P<num>(?<![\d.])(?P<na>\d{{1,2}})(?P<nsep>[/.])(?P<nb>\d{{1,2}})(?P=nsep)(?P<ny>\d{{4}})(?!\d))"
    rf"|(?P<dm>(?P<dd>{_DAY})(?:{_LINK}(?P<de>{_DAY}))?\s+(?:of\s+)?(?P<dmon>{_MONTH})"
    rf"(?:,?\s+(?P<dy>{_YEAR}))?)"
    rf"|(?P<md>(?P<mmon>{_MONTH})\s+(?P<md_d>{_DAY})(?:{_LINK}(?P<me>{_DAY}))?"
    rf"(?:,?\s+(?P<my>{_YEAR}))?)"
    rf"|(?P<mony>(?P<ymon>{_MONTH})\s+(?P<yy>{_YEAR}))"
    rf"|(?P<mon>{_MONTH})"
    rf"|(?P<year>{_YEAR})"
)
RELATIVE_MONTH = re.compile(r"(?i)\b(?:this|last|next|previous|coming) month\b")
RELATIVE_YEAR = re.compile(r"(?i)\b(?:this|last|next|previous|coming) year\b")
YEAR_SPAN = re.compile(r"(?<![\d/-])(?:19|20)\d\d[-–/]\d\d(?![\d/-])")  # "2024-25": not shifted


def month_after(year: int, month: int, days: int) -> tuple[int, int]:
    """The month a month moves into: the one its 15th moves into."""
    moved = date(year, month, 15) + timedelta(days=days)
    return moved.year, moved.month


def year_after(year: int, days: int) -> int:
    return (date(year, 7, 2) + timedelta(days=days)).year


def _as_date(value: Any) -> date | None:
    if value is None:
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _ordinal(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _day_text(old: str, day: int) -> str:
    digits = re.match(r"\d+", old)
    assert digits is not None
    width = len(digits.group()) if digits.group().startswith("0") else 1
    suffix = _ordinal(day) if len(old) > len(digits.group()) else ""
    return f"{day:0{width}d}{suffix}"


def _month_text(old: str, month: int) -> str:
    """The month in the form of `old`: full or abbreviated, with its dot, in its case."""
    word = old.rstrip(".")
    dot = "." if old.endswith(".") else ""
    full = MONTHS[month - 1]
    if word.title() in MONTHS:
        new = full
    elif word.title() == "Sept":
        new = "Sept" if month == 9 else full[:3]
    else:
        new = full[:3]
    if word.isupper() and len(word) > 1:
        new = new.upper()
    return new + dot


def _number_text(old: str, value: int) -> str:
    return f"{value:0{len(old)}d}" if old.startswith("0") else str(value)


@dataclass
class DateShift:
    """The edits moving one text's dates, and what the consistency check needs."""

    days: int
    reference: date | None
    edits: list[tuple[int, int, str]] = field(default_factory=list)
    day_dates: list[date] = field(default_factory=list)  # every day date the text writes
    month_alone: bool = False
    year_alone: bool = False

    def edit(self, m: re.Match[str], group: str, new: str) -> None:
        if m.group(group) != new:
            self.edits.append((m.start(group), m.end(group), new))

    def day(self, year: int | None, month: int, day: int) -> date:
        """A day date of the text; a yearless one in the year nearest the reference date."""
        if year is not None:
            try:
                return date(year, month, day)
            except ValueError as exc:
                raise NotShiftable(f"not a date: {year}-{month}-{day}") from exc
        if self.reference is None:
            raise NotShiftable("a date without a year and no reference date")
        candidates = []
        for y in (self.reference.year - 1, self.reference.year, self.reference.year + 1):
            try:
                candidates.append(date(y, month, day))
            except ValueError:
                continue
        if not candidates:
            raise NotShiftable(f"not a date: {month}-{day}")
        return min(candidates, key=lambda d: (abs((d - self.reference).days), d))  # type: ignore[operator]

    def moved(self, when: date) -> date:
        self.day_dates.append(when)
        return when + timedelta(days=self.days)


def _month_alone_ok(text: str, m: re.Match[str]) -> bool:
    word = m.group("mon").rstrip(".")
    if word.title() in MONTHS and word.title() != "May":
        return True
    if word.title() != "May":  # an abbreviation alone ("Jan", "Mar") may be a name
        return False
    before = text[max(0, m.start() - 20) : m.start()]
    if before.endswith("-"):
        return True
    words = re.findall(r"[A-Za-z]+", before)
    return bool(words) and words[-1].lower() in _MONTH_CONTEXT


def shift_text(text: str, days: int, reference: date | None) -> DateShift:
    """Find every date of the text and the edits that move it by `days`."""
    shift = DateShift(days, reference)
    if YEAR_SPAN.search(text):
        raise NotShiftable(f"a year span with a two-digit end: {YEAR_SPAN.search(text).group()!r}")  # type: ignore[union-attr]
    for m in DATE_PATTERN.finditer(text):
        if m.group("iso") or m.group("url"):
            iso = m.group("iso") is not None
            y, d = int(m.group("iy" if iso else "uy")), int(m.group("id" if iso else "ud"))
            month = int(m.group("im")) if iso else _MONTH_NUMBER[m.group("um").title()]
            new = shift.moved(shift.day(y, month, d))
            shift.edit(m, "iy" if iso else "uy", str(new.year))
            if iso:
                shift.edit(m, "im", _number_text(m.group("im"), new.month))
            else:
                shift.edit(m, "um", MONTHS[new.month - 1][:3].lower())
            shift.edit(
                m, "id" if iso else "ud", _number_text(m.group("id" if iso else "ud"), new.day)
            )
        elif m.group("num"):
            a, b = int(m.group("na")), int(m.group("nb"))
            if a > 12 >= b:
                day_group, month_group = "na", "nb"
            elif b > 12 >= a or a == b:
                day_group, month_group = "nb", "na"
            else:
                raise NotShiftable(f"a numeric date whose day and month are unclear: {m.group()!r}")
            new = shift.moved(
                shift.day(int(m.group("ny")), int(m.group(month_group)), int(m.group(day_group)))
            )
            shift.edit(m, day_group, _number_text(m.group(day_group), new.day))
            shift.edit(m, month_group, _number_text(m.group(month_group), new.month))
            shift.edit(m, "ny", str(new.year))
        elif m.group("dm") or m.group("md"):
            dm = m.group("dm") is not None
            mon_g, day_g, end_g, year_g = (
                ("dmon", "dd", "de", "dy") if dm else ("mmon", "md_d", "me", "my")
            )
            month = _MONTH_NUMBER[m.group(mon_g).rstrip(".").title()]
            year = int(m.group(year_g)) if m.group(year_g) else None
            first = int(re.match(r"\d+", m.group(day_g)).group())  # type: ignore[union-attr]
            start = shift.day(year, month, first)
            new = shift.moved(start)
            if m.group(end_g):
                last = int(re.match(r"\d+", m.group(end_g)).group())  # type: ignore[union-attr]
                if last <= first:
                    raise NotShiftable(f"a range that does not end after its start: {m.group()!r}")
                end = shift.moved(shift.day(start.year, month, last))
                if (end.year, end.month) != (new.year, new.month):
                    raise NotShiftable(
                        f"a range whose moved ends fall in two months: {m.group()!r}"
                    )
                shift.edit(m, end_g, _day_text(m.group(end_g), end.day))
            shift.edit(m, day_g, _day_text(m.group(day_g), new.day))
            shift.edit(m, mon_g, _month_text(m.group(mon_g), new.month))
            if year is not None:
                shift.edit(m, year_g, str(new.year))
        elif m.group("mony"):
            shift.month_alone = True
            month = _MONTH_NUMBER[m.group("ymon").rstrip(".").title()]
            y, mo = month_after(int(m.group("yy")), month, days)
            shift.edit(m, "ymon", _month_text(m.group("ymon"), mo))
            shift.edit(m, "yy", str(y))
        elif m.group("mon"):
            if not _month_alone_ok(text, m):
                continue
            shift.month_alone = True
            month = _MONTH_NUMBER[m.group("mon").rstrip(".").title()]
            year = reference.year if reference else 2025  # a month's move hardly depends on it
            shift.edit(m, "mon", _month_text(m.group("mon"), month_after(year, month, days)[1]))
        else:
            shift.year_alone = True
            shift.edit(m, "year", str(year_after(int(m.group("year")), days)))
    if RELATIVE_MONTH.search(text):
        shift.month_alone = True
    if RELATIVE_YEAR.search(text):
        shift.year_alone = True
    return shift


def first_full_date(text: str) -> date | None:
    """The first date the text writes with its year (a reference when nothing else is)."""
    for m in DATE_PATTERN.finditer(text):
        try:
            if m.group("iso"):
                return date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
            for mon_g, day_g, year_g in (("dmon", "dd", "dy"), ("mmon", "md_d", "my")):
                if m.group(year_g):
                    month = _MONTH_NUMBER[m.group(mon_g).rstrip(".").title()]
                    day = int(re.match(r"\d+", m.group(day_g)).group())  # type: ignore[union-attr]
                    return date(int(m.group(year_g)), month, day)
        except ValueError:
            continue
    return None


def shift_meeting(node: dict[str, Any], days: int) -> list[date]:
    """Move one gold meeting's dates in place; the day dates it had (for the check)."""
    start, end = _as_date(node.get("date_start")), _as_date(node.get("date_end"))
    if node.get("precision") == "month":
        for key, value, last in (("date_start", start, False), ("date_end", end, True)):
            if value is not None:
                y, m = month_after(value.year, value.month, days)
                day = calendar.monthrange(y, m)[1] if last else 1
                node[key] = date(y, m, day)
        return []
    for key, value in (("date_start", start), ("date_end", end)):
        if value is not None:
            node[key] = value + timedelta(days=days)
    if node.get("precision") == "day":
        return [d for d in (start, end) if d is not None]
    return []


def check_consistent(
    days: int, dated: list[date], month_alone: bool, year_alone: bool, published: date | None
) -> None:
    """Refuse when a day date leaves the month (year) its month (year) moves into while the
    article speaks of months (years) alone; the published date is always checked."""
    for when in sorted(set(dated)):
        new = when + timedelta(days=days)
        always = when == published
        if (month_alone or always) and (new.year, new.month) != month_after(
            when.year, when.month, days
        ):
            raise NotShiftable(f"{when} moves to {new}, out of its month's new month")
        if (year_alone or always) and new.year != year_after(when.year, days):
            raise NotShiftable(f"{when} moves to {new}, out of its year's new year")
