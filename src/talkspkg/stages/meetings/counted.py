"""Dates counted from an era-defining event: "four days after the full-scale invasion", "a
month after beginning his second term", "the week before the invasion".

Policy (precision first):

* A count of days, weeks or months (digits or words up to twelve, "a", "the": "the day after")
  then "after" or "before", then at most GAP_WORDS words ("Moscow's", "beginning his", "Russia
  launched its") and a phrase of `dated_events` (meetings.yaml) is that event's day moved by the
  count: a day (precision day), the ISO week of the day moved by whole weeks, or the month moved
  by whole months. No anchor is needed: the event's day is public knowledge.
* An event whose phrase could name another holder's ("second term": whose?) needs one of its
  `holders` in the sentence, and no other capitalised name among the words before the phrase
  ("after Macron began his second term" is not counted); a name after the phrase ("of X",
  "in X") must be one of its `objects` ("the full-scale invasion of Lebanon" is not counted);
  a phrase followed by "from" is a trip's return ("after returning to the White House from
  Alaska"), not counted.
* "days after the invasion", "hours after", "in the weeks after": no count, or a duration; not
  read. A full date or month stated right after the phrase ("the invasion in February 2022")
  must hold the event's day, or the phrase names another event and nothing is counted.
* The date rests on knowledge, not on the text's own statement: `counted` marks it, and the
  meeting's confidence counts it as inferred (model.MeetingMention.date_inferred).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from talkspkg.stages.meetings.vocab import DatedEvent, Vocab

GAP_WORDS = 3  # words between "after" and the event's phrase
# the words a count of days, weeks or months is written with (dates.py reads them too), and the
# largest count of each unit read (beyond, a count of weeks is a season)
COUNT_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
COUNT_LIMIT = {"day": 31, "week": 12, "month": 12}
_NUMBERS = {**COUNT_WORDS, "the": 1}  # "the day after the invasion"
_LIMIT = COUNT_LIMIT
_HEAD = re.compile(
    r"(?<![\w-])(?P<n>\d{1,2}|"
    + "|".join(sorted(_NUMBERS, key=len, reverse=True))
    + r")\s+(?P<unit>day|week|month)(?P<plural>s)?\s+(?P<dir>after|before)\s+",
    re.I,
)
_GAP_WORD = re.compile(r"[\w’'.-]+\s+")
_STOP = re.compile(r"[.!?;:]\s")
_FROM = re.compile(r"\s+from\b")
_OBJECT = re.compile(r"\s+(?:of|in|into|on)\s+(?:the\s+)?([A-Z][\w’'-]*)")
# "the invasion in February 2022", "... of 24 February 2022": a date stated right after the phrase
_STATED = re.compile(
    r",?\s+(?:in|of|on)\s+(?:(?:[0-3]?\d\s+)?(?P<mon>[A-Z][a-z]+)\.?\s+(?:[0-3]?\d,?\s+)?)?"
    r"(?P<year>(?:19|20)\d\d)(?![\w-])"
)


class Counted(NamedTuple):
    """A count from an event: its span in the text, the day it lands on and the count's unit
    (the precision: day, the ISO week of that day, or its month)."""

    start: int
    end: int
    target: date
    unit: str


_GATE = re.compile(r"(?<![\w-])(?:after|before)(?![\w-])", re.I)


def _sentence(text: str, pos: int, start: int, end: int) -> str:
    lo = max((m.end() for m in _STOP.finditer(text, start, pos)), default=start)
    hi = next((m.start() for m in _STOP.finditer(text, pos, end)), end)
    return text[lo:hi]


def _moved(day: date, unit: str, n: int) -> date:
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(days=7 * n)
    months = day.year * 12 + day.month - 1 + n
    return date(months // 12, months % 12 + 1, 1)


def _event_at(
    text: str, pos: int, end: int, events: tuple[DatedEvent, ...]
) -> tuple[DatedEvent, int, str] | None:
    """The event whose phrase starts within GAP_WORDS words of `pos`, its end and the gap."""
    cur = pos
    for _ in range(GAP_WORDS + 1):
        for ev in events:
            m = ev.phrases.match(text, cur, end)
            if m is not None:
                return ev, m.end(), text[pos:cur]
        w = _GAP_WORD.match(text, cur, end)
        if w is None or any(ch in w.group() for ch in ',()"“”'):
            return None
        cur = w.end()
    return None


def counted_dates(text: str, start: int, end: int, vocab: Vocab) -> list[Counted]:
    """Every count from a dated event in text[start:end]."""
    events = vocab.dated_events
    if not events or _GATE.search(text, start, end) is None:
        return []
    out: list[Counted] = []
    for m in _HEAD.finditer(text, start, end):
        word, unit = m["n"].lower(), m["unit"].lower()
        n = int(word) if word.isdigit() else _NUMBERS[word]
        if not 1 <= n <= _LIMIT[unit] or (n == 1) == bool(m["plural"]):
            continue  # "0 days after", "two day after", "a days after"
        if text[max(start, m.start() - 3) : m.start()].lower().endswith("in "):
            continue  # "in the days after": a duration
        found = _event_at(text, m.end(), end, events)
        if found is None:
            continue
        ev, stop, gap = found
        if ev.holders:
            others = [w for w in re.findall(r"[A-Z][\w’'-]*", gap) if w not in ev.holders]
            sentence = _sentence(text, m.start(), start, end)
            if others or not any(re.search(rf"\b{re.escape(h)}", sentence) for h in ev.holders):
                continue
        if _FROM.match(text, stop, end):
            continue  # "after returning to the White House from Alaska": a trip's return
        named = _OBJECT.match(text, stop, end)
        other = named is not None and named[1] not in ev.objects
        if ev.objects and other and named is not None and named[1].lower() not in vocab.months:
            continue  # "the full-scale invasion of Lebanon": another war
        stated = _STATED.match(text, stop, end)
        if stated is not None:
            month = vocab.months.get((stated["mon"] or "").lower().rstrip("."))
            if int(stated["year"]) != ev.day.year or (month and month != ev.day.month):
                continue  # "the invasion in 2014": another event than the one listed
            stop = stated.end()
        sign = 1 if m["dir"].lower() == "after" else -1
        out.append(Counted(m.start(), stop, _moved(ev.day, unit, sign * n), unit))
    return out


# ", a day after a call with C", ", just two days before talks in D": a count in an appositive
_APPOSED = re.compile(
    r",\s*(?:(?:just|only|barely)\s+)?(?P<n>\d{1,2}|"
    + "|".join(sorted(_NUMBERS, key=len, reverse=True))
    + r")\s+(?P<unit>day|week)(?P<plural>s)?\s+(?P<dir>after|before)\s+",
    re.I,
)
APPOSED_DAYS = 14  # a count further than two weeks is no neighbouring day


class Apposed(NamedTuple):
    """A count opening an appositive: the comma, the end of "after"/"before", and how many days
    the event named after it lies from the day told before the comma."""

    comma: int
    end: int
    shift: int


def apposed_counts(text: str, start: int, end: int) -> list[Apposed]:
    """Every ", N days after|before" of text[start:end]."""
    if "," not in text[start:end]:
        return []
    out: list[Apposed] = []
    for m in _APPOSED.finditer(text, start, end):
        word, unit = m["n"].lower(), m["unit"].lower()
        n = int(word) if word.isdigit() else _NUMBERS[word]
        days = n * (7 if unit == "week" else 1)
        if not 1 <= days <= APPOSED_DAYS or (n == 1) == bool(m["plural"]):
            continue
        # "X on Thursday, a day after Y": Y lies a day before Thursday; "before": after it
        out.append(Apposed(m.start(), m.end(), -days if m["dir"].lower() == "after" else days))
    return out
