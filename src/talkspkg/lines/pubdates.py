"""Publication lines and the date and time they state.

Layouts handled: publication lines ("Published: 13:35, April 24, 2025", a date and/or time alone,
ISO or unambiguous numeric dates, "2025/04/24", "24-04-2025", "2 hours ago", "Updated ...",
"Issued on: ...", "Originally published: ..."), a place before the date ("Brussels, 18 Feb 2026,
07:21"), a section after it ("Dec 2, 2025 - World"), a region after the time ("11:36, UK"), and
stamps whose parts a copy glued ("February 9, 20263:41 PM GMT+1Updated 2 hours ago",
"12/14/2025December 14, 2025").

Policy:

* "On Wednesday" is not a date; an "Updated" date is not the publication date (a "Published"
  part after it on the same line is: "Updated ... | Published ..."); 04/05/2025 is
  ambiguous (23/04/2025 is not); a dateline month/day counts only with a year stated in a
  publication line.
* published_date/time come from header publication lines or any "Published ..." line (also
  blockquoted: "> Published ..."); the time must share the date's line or stand alone on a
  header line.
"""

from __future__ import annotations

import re
from datetime import date, time

from talkspkg.lines.text import MD_TARGET_RE

MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
        r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")  # fmt: skip
_TZ = r"(?:gmt|bst|utc|cet|cest|eet|eest|msk|est|edt|et|pt|pst|pdt|ist|jst|kst|z)"
_GLUED_RE = re.compile(  # "20263:41 PM", "GMT+1Updated", "12/14/2025December 14, 2025"
    r"(?<=(?<!\d)(?:19|20)\d\d)(?=\d{1,2}:\d\d)|(?<=\d)(?!(?:st|nd|rd|th)\b)(?=[A-Za-z]{2})"
)
_PLACE_HEAD_RE = re.compile(  # "Brussels, 18 Feb 2026, 07:21": a place before the date
    r"[*_]*[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+)?,\s*(?=\d|(?i:mon|tue|wed|thu|fri|sat|sun))"
)
_SECTION_TAIL_RE = re.compile(  # "Dec 2, 2025 - World", "... GMT+1 Updated 2 hours ago"
    r"\s+[-–—]\s+[A-Z][\w&]+(?:\s[A-Z&][\w&]*){0,2}$"
    r"|(?i:\s+(?:updated|posted)\s+(?:\d{1,3}|an?|one)\s+(?:min(?:ute)?|h(?:ou)?r|day)s?\s+ago)$"
)
_DATE_RE = re.compile(
    rf"(?i)(?<!\d)(?:(?P<y1>\d{{4}})(?P<s1>[-/])(?P<m1>\d{{1,2}})(?P=s1)(?P<d1>\d{{1,2}})"
    r"(?:T(?=\d)|(?!\d))"
    rf"|\b(?P<mon2>{MONTHS})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})(?!\d)"
    rf"|(?P<d3>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?(?P<mon3>{MONTHS})\b\.?,?\s+"
    rf"(?P<y3>\d{{4}})(?!\d)"
    r"|(?P<a4>\d{1,2})(?P<s4>[/.-])(?P<b4>\d{1,2})(?P=s4)(?P<y4>\d{4})(?!\d))")  # fmt: skip
_AMPM = r"\s*(?P<{}>[ap])\.?m\b\.?"
_TIME_RE = re.compile(  # 13:35, 1:35 p.m., 01.04 BST, 1pm; never a bare number
    r"(?<![\d:.])(?P<h>\d{1,2})(?::(?P<mi>\d\d)(?::(?P<s>\d\d))?(?![\d:])(?:"
    + _AMPM.format("ap")
    + r")?|\.(?P<mi2>\d\d)(?:"
    + _AMPM.format("ap2")
    + rf"|(?=\s*{_TZ}\b))|{_AMPM.format('ap3')})",
    re.I,
)
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_DATE_FILLER_RE = re.compile(
    rf"(?i)\b(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|{_TZ}|published"
    r"|updated?|posted|issued|originally|last|first|modified|on|at|date|time|local|uk"
    r"|\d+\s*min(?:ute)?s?\s+read)\b"
    r"|[+-]\d{1,2}(?::?\d\d)?|[\s,|/·•()\[\]*_:.\-–—]+"
)
_RELATIVE_TIME_RE = re.compile(
    r"(?i)[*_]*+(?:(?:published|updated|posted)\s+)?(?:\d{1,3}|an?|one)\s+"
    r"(?:sec(?:ond)?|min(?:ute)?|h(?:ou)?r|day|week)s?\s+ago\.?[*_]*"
)
PUB_LABEL_RE = re.compile(  # the label must be followed by a number, month or weekday
    r"(?i)[*_]*+(?:first\s+|last\s+|originally\s+)?(?:published|updated|posted|issued|date)[*_]*"
    rf"(?:\s+(?:on|at))?"
    rf"\s*[:\-–—|]?[*_]*\s*(?=\d|{MONTHS}\b|(?:mon|tue|wed|thu|fri|sat|sun))"
)
UPDATED_RE = re.compile(r"(?i)\b(?:last\s+)?(?:updated|modified)\b")
_UPDATED_PART_RE = re.compile(  # an "Updated ..." part, up to a "Published ..." part after it
    r"(?i)\b(?:last\s+)?(?:updated|modified)\b.*?"
    r"(?=\b(?:originally\s+|first\s+)?(?:published|posted|issued)\b|$)"
)


_DIGIT_RE = re.compile(r"\d")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")


def unglue(s: str) -> str:
    """A stamp copied with its parts glued together, spaced again: "February 9, 20263:41 PM
    GMT+1Updated 2 hours ago" -> "February 9, 2026 3:41 PM GMT+1 Updated 2 hours ago"."""
    # a decimal digit (`\d`) is a digit; past ASCII, str.isdigit also takes "²", "①"
    digit = _DIGIT_RE.search(s) or (
        not s.isascii() and any(c.isdigit() for c in _NON_ASCII_RE.findall(s))
    )
    return _GLUED_RE.sub(" ", s) if digit else s


def _month(name: str) -> int:
    return "janfebmaraprmayjunjulaugsepoctnovdec".index(name[:3].lower()) // 3 + 1


def _make_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _parse_date(s: str) -> date | None:
    m = _DATE_RE.search(s)
    if not m:
        return None
    if m["y1"]:
        return _make_date(int(m["y1"]), int(m["m1"]), int(m["d1"]))
    if m["y2"] or m["y3"]:
        day = int(m["d2"] or m["d3"])
        return _make_date(int(m["y2"] or m["y3"]), _month(m["mon2"] or m["mon3"]), day)
    a, b = int(m["a4"]), int(m["b4"])  # only a number above 12 settles the order
    if a <= 12 and b <= 12 and a != b:
        return None
    return _make_date(int(m["y4"]), *((b, a) if a > 12 or a == b else (a, b)))


def stated_date(s: str) -> date | None:
    """The first full date `s` states (ISO, "March 12, 2025", "12 March 2025", unambiguous
    numeric), else None."""
    return _parse_date(s)


def _parse_time(s: str) -> time | None:
    m = _TIME_RE.search(s)
    if not m:
        return None
    hour, minute, second = int(m["h"]), int(m["mi"] or m["mi2"] or 0), int(m["s"] or 0)
    if ampm := (m["ap"] or m["ap2"] or m["ap3"] or "").lower():
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    return time(hour, minute, second) if hour < 24 and minute < 60 and second < 60 else None


def is_published(s: str) -> bool:
    """A labelled line ("Published: ...") with a date, time or year, or a date/time-only line."""
    if len(s) > 200:
        return False
    s = unglue(s)
    if not _DIGIT_RE.search(s):  # every date, time and year has a digit: "2 hours ago" may not
        return bool(_RELATIVE_TIME_RE.fullmatch(s))
    if PUB_LABEL_RE.match(s) and (_DATE_RE.search(s) or _TIME_RE.search(s) or _YEAR_RE.search(s)):
        return True
    if _RELATIVE_TIME_RE.fullmatch(s):
        return True
    if len(s) > 100 or not (_DATE_RE.search(s) or _TIME_RE.search(s)):
        return False
    if _DATE_RE.search(s):  # "Brussels, 18 Feb 2026", "Dec 2, 2025 - World": a place, a section
        s = _SECTION_TAIL_RE.sub("", _PLACE_HEAD_RE.sub("", s, count=1))
    rest = _TIME_RE.sub("", _DATE_RE.sub("", MD_TARGET_RE.sub("]", s)))
    return not _DATE_FILLER_RE.sub("", rest)


def published(
    pub_lines: list[str], dateline: re.Match[str] | None
) -> tuple[date | None, time | None]:
    """Publication date/time from the publication lines, else the dateline's month and day with
    the year it or a publication line states; "Updated ..." parts of a line are ignored."""
    heads = [_UPDATED_PART_RE.sub("", unglue(s)) for s in pub_lines]
    for head in heads:
        if day := _parse_date(head):
            times = (_parse_time(h) for h in [head, *heads] if h == head or not _DATE_RE.search(h))
            return day, next((t for t in times if t), None)
    m = dateline
    years = [y.group() for h in heads if (y := _YEAR_RE.search(h))]
    if m is None or not (m["mon"] or m["mon2"]) or not (m["year"] or years):
        return None, None
    year = int(m["year"] or years[0])
    return _make_date(year, _month(m["mon"] or m["mon2"]), int(m["day"] or m["day2"])), None
