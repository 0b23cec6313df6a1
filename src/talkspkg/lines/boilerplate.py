"""What is not the article's text: site boilerplate, trailers, a reposting blog's lead-in
(BOILERPLATE) and related-story links (READ_MORE).

Layouts handled: site boilerplate lines (`BOILERPLATE_LINES`: cookie banners, "Skip to
content", newsletter promos, "list 1 of 3" and audio-player lines, empty-text link lists);
every line from a trailer line on (`TRAILER_LINES`: "Our Standards:", "Read More On", comment
sections; an author's bio there is a CREDIT); a reposting blog's lead-in (`LEAD_INS`, "Here’s
what you need to know:") at the start of one of the first lines, split off its line, the rest
of which is the first paragraph (header lines under 12 words, a title, a byline, a date, are
passed over). READ MORE lines, and "<headline>Read more", are READ_MORE.
"""

from __future__ import annotations

import re

from talkspkg.document import SegmentKind as K
from talkspkg.lines.knowledge import (
    BOILERPLATE_LINES,
    LAYOUT,
    LEAD_INS,
    TRAILER_AFTER_BODY,
    TRAILER_LINES,
)
from talkspkg.lines.text import TRIM, nwords

_READ_MORE_RE = re.compile(
    r"(?i)[*_#>\s\[]*+(?:read\s+more|read\s+also|also\s+read|see\s+also|related(?:\s+(?:"
    r"stories|story|articles?|coverage|content|news|reading|links?|topics?))?"
    r"|recommended(?:\s+(?:reading|stories))?|further\s+reading|more\s+on\s+this(?:\s+(?:story"
    r"|topic))?|you\s+may\s+also\s+like"
    r"|don['’]?t\s+miss)[*_\]\s]*(?:[:：|>»\-–—]|$)"
)
_BOILERPLATE_RE = re.compile("|".join(f"(?:{p})" for p in BOILERPLATE_LINES), re.I)
_BOILERPLATE_KEYS = tuple(LAYOUT["boilerplate_keys"])
_TRAILER_RE = re.compile(TRAILER_LINES, re.I)
_TRAILER_AFTER_BODY_RE = re.compile(TRAILER_AFTER_BODY)
PARAGRAPH_WORDS = 12  # a line this long counts among the first three paragraphs


def is_boilerplate(s: str) -> bool:
    """A site boilerplate line (`BOILERPLATE_LINES`)."""
    low = s[:400].lower()  # a cheap filter first: most lines name none of the cue words
    for key in _BOILERPLATE_KEYS:
        if key in low:
            return bool(_BOILERPLATE_RE.search(s))
    return False


def starts_trailer(s: str, in_header: bool) -> bool:
    """A trailer line (`TRAILER_LINES`; after the header, also `TRAILER_AFTER_BODY`): it and
    every line after it are no part of the article."""
    return bool(_TRAILER_RE.match(s) or (not in_header and _TRAILER_AFTER_BODY_RE.match(s)))


def is_read_more(s: str) -> bool:
    """A READ MORE line, or a related-story link glued to its headline."""
    return bool(_READ_MORE_RE.match(s)) or _read_more_suffix(s)


def _read_more_suffix(s: str) -> bool:
    """A related-story link: "<headline>Read more" (the link text glued to the headline)."""
    return 10 <= len(s) <= 260 and s.endswith(("Read more", "READ MORE")) and not s[-10].isspace()


def split_lead_in(
    spans: list[tuple[int, int]], lines: list[str], seen: dict[str, bool] | None = None
) -> dict[int, K]:
    """Split a reposting blog's lead-in (`LEAD_INS`) off the first three paragraph-long lines
    (short header lines and boilerplate passed over); the lead-in is BOILERPLATE and the rest
    of its line BODY (spans/lines edited in place). `seen` records `is_boilerplate` of each
    line tried, for the walk to reuse."""
    checked = 0
    for i, s in enumerate(lines):
        boilerplate = is_boilerplate(s)
        if seen is not None:
            seen[s] = boilerplate
        if boilerplate:
            continue
        lead = (
            next((x for x in LEAD_INS if s.startswith(x)), None) if s.startswith(LEAD_INS) else None
        )
        rest = s[len(lead) :].lstrip(TRIM) if lead else ""
        if lead and rest:
            a, b = spans[i]
            spans[i : i + 1] = [(a, a + len(lead)), (b - len(rest), b)]
            lines[i : i + 1] = [lead, rest]
            return {i: K.BOILERPLATE, i + 1: K.BODY}
        # a header line (title, byline) is passed; words counted no further than the bound
        checked += nwords(s, PARAGRAPH_WORDS) >= PARAGRAPH_WORDS
        if checked >= 3:
            break
    return {}
