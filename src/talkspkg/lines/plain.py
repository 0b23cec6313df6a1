"""A plain body paragraph, told at once: a line after the header that no rule of the walk can
take for anything but prose (BODY or SUBHEADING), tested without calling each rule.

Policy: `plain_body_line` says True only when every rule the walk tries on a body line is
bound to say no, so the walk's kinds are the same with or without it. What each rule needs
to say yes, read from its code (a test checks it on every line of the seeds, the dev articles
and synthetic corpora):

* a rule that matches at the line's start (`starts_trailer`, `is_read_more`'s opening,
  `is_credit`'s openings and credit lines, a photo caption's opening, `by_names`' "By"):
  its own pattern matches at position 0. `_OPENING_RE` is the union of those very patterns,
  so it matches wherever one of them does (a full match is also a match);
* `url_line`, `SOURCE_RE`, a "Photo: X" credit, "Contributing: A": a colon; a wire photo
  credit: "/" or " via "; a licensing tail: "Licensing"; a contributor credit: "contributed";
  `is_boilerplate`: one of its keys in its lower-cased first 400 characters. All of these
  (`_CUES`) are looked for in the whole line lower-cased, which holds each of them wherever
  the line or its first 400 characters lower-cased does;
* a trailing photo credit or "<headline>Read more": the line ends in "]", ")", "**" or
  "Read more" (`_ENDINGS`);
* rules bounded in length: an outlet name (40 characters), a photo agency line (90), so a
  plain line is longer than 90; up to 200 characters, `is_published` needs a digit or "ago",
  `is_credit`'s "A reported from Kyiv" needs "report"; its other short forms open the line
  ("— A, for X", "This story was written by").
"""

from __future__ import annotations

import re

from talkspkg.lines.boilerplate import (
    _BOILERPLATE_KEYS,
    _READ_MORE_RE,
    _TRAILER_AFTER_BODY_RE,
    _TRAILER_RE,
)
from talkspkg.lines.bylines import _BYLINE_RE
from talkspkg.lines.credits import (
    _CREDIT_LINE_RE,
    _CREDIT_RE,
    _SHORT_CREDIT_RE,
    _SIGNED_FOR_RE,
    _WRITTEN_BY_RE,
)
from talkspkg.lines.photos import _CAPTION_START_RE

PLAIN_MIN_LENGTH = 91  # longer than every length-bounded rule but the short ones below
_SHORT = 200  # up to this length `is_published` and the short credits may still fire


def _scoped(pattern: re.Pattern[str]) -> str:
    """The pattern as a group of an alternation, its case-insensitivity kept within it."""
    text = pattern.pattern.removeprefix("(?i)")
    ignore_case = pattern.flags & re.IGNORECASE or pattern.pattern.startswith("(?i)")
    return f"(?i:{text})" if ignore_case else f"(?:{text})"


_OPENING_RE = re.compile(
    "|".join(
        _scoped(p)
        for p in (
            _TRAILER_RE,
            _TRAILER_AFTER_BODY_RE,
            _READ_MORE_RE,
            _CREDIT_RE,
            _SHORT_CREDIT_RE,
            _CREDIT_LINE_RE,
            _WRITTEN_BY_RE,
            _SIGNED_FOR_RE,
            _CAPTION_START_RE,
            _BYLINE_RE,
        )
    )
)
# looked for in the lower-cased line, one `in` each (a regex alternation searches slower)
_CUES = (":", "/", " via ", "contributed", "licensing", *_BOILERPLATE_KEYS)
_DIGIT_RE = re.compile(r"\d")
_ENDINGS = ("]", ")", "**", "Read more", "READ MORE")


def plain_body_line(s: str) -> bool:
    """No rule of the walk can take this body line (trimmed, not blank) for anything but prose."""
    if len(s) < PLAIN_MIN_LENGTH or s.endswith(_ENDINGS):
        return False
    low = s.lower()
    for cue in _CUES:
        if cue in low:
            return False
    if len(s) <= _SHORT and ("ago" in low or "report" in s or _DIGIT_RE.search(s)):
        return False
    return _OPENING_RE.match(s) is None
