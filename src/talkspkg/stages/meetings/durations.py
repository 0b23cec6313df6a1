"""Rounds told with their length: "wrapped up two days of talks on Tuesday".

Policy (precision first): a trigger right after "<number> days of" (up to three modifiers
between: "three days of closed-door talks") whose clause's verb right before the count ends the
round (`ending_verbs`: "ended", "wrapped up") or opens it (`opening_verbs`: "began", "opened")
lasts that many days: a single day told for the end is its last day ("wrapped up two days of
talks on Tuesday" = Monday–Tuesday), for the opening its first. Any other verb, a count of
weeks, or a date that is not one day leaves the date as told.
"""

from __future__ import annotations

import re
from datetime import timedelta
from functools import cache

from talkspkg.stages.meetings.dates import DateRange
from talkspkg.stages.meetings.vocab import Vocab

MAX_DAYS = 7  # a round told longer than a week is not stretched


@cache
def _length(vocab: Vocab) -> re.Pattern[str]:
    verbs = sorted({*vocab.ending_verbs, *vocab.opening_verbs}, key=len, reverse=True)
    verb = "|".join(r"\s+".join(map(re.escape, v.split())) for v in verbs)
    return re.compile(
        rf"\b(?P<verb>{verb})\s+(?:(?:the|their|its)\s+)?(?P<n>\w+)\s+days\s+of"
        r"(?:\s+[\w’'-]+){0,3}?\s*$",
        re.I,
    )


def round_days(text: str, lo: int, trigger: int, vocab: Vocab) -> int:
    """Days the round whose trigger starts at `trigger` lasted, negative when counted from its
    opening ("began three days of talks" = -3); 0 when the text does not say (see policy)."""
    m = _length(vocab).search(text, max(lo, trigger - 90), trigger)
    if m is None:
        return 0
    word = m.group("n").lower()
    n = int(word) if word.isdigit() else vocab.count_words.get(word, 0)
    if not 2 <= n <= MAX_DAYS:
        return 0
    verb = " ".join(m.group("verb").lower().split())
    return n if verb in vocab.ending_verbs else -n


def stretched(rng: DateRange | None, days: int) -> DateRange | None:
    """`rng` widened to the round's length `days` (round_days), when it is one day."""
    if rng is None or days == 0 or rng.precision != "day" or rng.start != rng.end:
        return rng
    if days > 0:
        return DateRange(rng.end - timedelta(days=days - 1), rng.end, "day")
    return DateRange(rng.start, rng.start + timedelta(days=-days - 1), "day")
