"""Datelines: the place, outlet credit and date opening the first paragraph.

Layouts handled: "LONDON - ", "LONDON/PARIS (Reuters) – ", "KYIV, Ukraine (AP) — ", "KYIV,
April 23 (Reuters) -", "London (Europe Brief News): ", "MOSCOW, April 23. /TASS/. ", "(Reuters)
- ", "Washington CNN — " (a known outlet without brackets), "Geneva — " (a title-case place the
knowledge base knows, an em or en dash, then a capital, on a line that cannot be a
headline). Otherwise a title-case place needs the outlet credit; an all-caps place needs a dash,
or a colon on a line that cannot be a headline ("UK: ..." can). A place whose first word is a
DATELINE_STOPWORDS word or initials ("U.S.") opens a sentence, not a dateline. The place is
the city alone: a state or country after it ("KYIV, Ukraine (AP) —") is no part of it.
"""

from __future__ import annotations

import re

from talkspkg.lines.knowledge import DATELINE_STOPWORDS, KNOWN_PLACES, OUTLET_NAMES, name_key
from talkspkg.lines.pubdates import MONTHS

_MONTH_TC = f"(?i:{MONTHS})"
_UP = r"[A-Z][A-Z'’.\-]*(?:[ /][A-Z][A-Z'’.\-]*){0,4}"
_TITLE = r"[A-Z][\w'’.\-]*(?:[ /][A-Z][\w'’.\-]*){0,3}"
_QUAL = rf"(?:,\s*(?!{_MONTH_TC}\.?\s+\d)[A-Z][\w'’.\-]*(?:\s[A-Z][\w'’.\-]*){{0,2}})?"
_DL_DATE = (rf"(?:,\s*(?:(?P<mon>{_MONTH_TC})\.?\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+"
            rf"(?P<mon2>{_MONTH_TC}))(?:,?\s+(?P<year>\d{{4}}))?)?")  # fmt: skip
_DASH = r"\s*(?:--?|–|—)\s*"
_PAREN = r"\s*\((?P<outlet>[A-Z][^()]{0,40})\)"
_BARE = r"[A-Z][\w&.]*(?:\s[A-Z][\w&.]*){0,2}"  # an outlet without brackets: "Kyiv CNN —"
_DATELINES = (  # (pattern, only on a line that cannot be a headline)
    (re.compile(rf"(?P<place>{_UP}){_QUAL}{_DL_DATE}(?:{_PAREN})?{_DASH}\S"), False),
    (re.compile(rf"(?P<place>{_TITLE}){_QUAL}{_DL_DATE}(?:{_PAREN}\s*(?:--?|–|—|:)"
                rf"|\.?\s*/(?P<slash>[A-Z][\w .-]{{0,30}})/\.?)\s*\S"), False),
    (re.compile(rf"\((?P<outlet>[A-Z][^()]{{0,40}})\){_DASH}\S"), False),
    (re.compile(rf"(?P<place>{_UP}){_QUAL}{_DL_DATE}\s*:\s+\S"), True),
    (re.compile(rf"(?P<place>{_TITLE}){_QUAL}{_DL_DATE}\s+(?P<outlet>{_BARE}){_DASH}\S"), False),
    (re.compile(rf"(?P<place>{_TITLE}){_QUAL}{_DL_DATE}\s*[—–]\s*[A-Z\"“‘']"), True),
)  # fmt: skip
_INITIALS_RE = re.compile(r"(?:[A-Z]\.)+")  # "U.S." opens a sentence, not a dateline


def match_dateline(s: str, headline_like: bool) -> re.Match[str] | None:
    for pattern, only_if_not_headline in _DATELINES:
        m = pattern.match(s)
        if not m or (only_if_not_headline and headline_like):
            continue
        if pattern is _DATELINES[-2][0] and name_key(m["outlet"]) not in OUTLET_NAMES:
            continue  # a place and a known outlet, no brackets: "Washington CNN —"
        if pattern is _DATELINES[-1][0] and m["place"] not in KNOWN_PLACES:
            continue  # a title-case place with a dash and no credit: a known place only
        place = m.groupdict().get("place")
        first = place.split(",")[0].split()[0] if place else ""
        if first.upper() not in DATELINE_STOPWORDS and not _INITIALS_RE.fullmatch(first):
            return m
    return None
