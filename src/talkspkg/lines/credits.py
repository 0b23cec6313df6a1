"""Credit lines (CREDIT, anywhere): reporting and editing credits, contributors, "Source:"
credits, copyright lines, signatures and an author's bio.

Layouts handled: wire credits "Reporting by A Writing by B Editing by C", "<Agency> writers A and
B contributed (from Kyiv).", "— With assistance from A", "Contributing: A and B", "This story
was written by A.", "Story by A. Translation by B.", "Edited by: A", "Editor: A", a line of its
own "The BBC's A reports from Kyiv.", "(— )A reported from Kyiv." or "A reported from Kyiv, and
B from Riga."; an author's bio ("Jane Doe is a reporter at ...") closing the article is a
CREDIT; so is a signature line "— A, for the Nordic Post" or "— A, Associated Press" (an
outlet-like name after the comma or "for").
"""

from __future__ import annotations

import re

from talkspkg.lines.bylines import ONE_NAME
from talkspkg.lines.outlets import outlet_like
from talkspkg.lines.text import nwords

_SIGNED_FOR_RE = re.compile(  # a signature line: "— Jane Doe, for the Nordic Post", "— A, AP"
    rf"[*_]*[—–-]+\s*{ONE_NAME}(?:\s+and\s+{ONE_NAME})?\s*(?:,?\s+for\s+|,\s*)"
    r"(?P<outlet>[^,;]{1,50}?)\.?[*_]*"
)
SOURCE_RE = re.compile(r"(?i)[*_]*+source[*_]*\s*:[*_]*\s*(?P<rest>.+)")
_CREDIT_RE = re.compile(
    r"(?i)[*_]*+(?:\(\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|edited|written)"
    r"\s+by\b|(?:[—–-]+\s*)?(?:additional|with)\s+reporting\s+by\b|edit(?:ing|ed)\s+by\b|©|\(c\)\s|copyright\b"
    r"|(?:[—–-]+\s*)?with\s+assistance\s+from\s+[A-Z])"  # Bloomberg: "— With assistance from A"
)
_CONTRIBUTED_RE = (
    re.compile(  # "... contributed (to this) report(ing) (from Kyiv)." ending the line
        r"(?i)(?:.{1,300}?\scontributed\s+(?:to\s+)?(?:this\s+)?(?:report(?:ing)?|story|article)"
        r"(?:\s+(?:from|in)\s+[A-Z][\w'’ ,.-]{0,60}?)?"
        r"|[*_]*[\w'’ .-]{0,60}\b(?:writers?|reporters?|correspondents?|journalists?|staff)\s"
        r".{1,200}?\scontributed(?:\s+(?:from|in)\s+[A-Z][\w'’ ,.-]{0,60}?)?)[.*_]*"
    )
)
_SHORT_CREDIT_RE = re.compile(r"(?i)[*_]*+(?:reporting|writing)\s+by\b")
_NAME_RUN = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}"
_PLACE = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
_PLACES = rf"{_PLACE}(?:,\s*{_PLACE})?"  # "Kyiv", "Riga, Latvia"
_REPORTS_FROM_RE = re.compile(  # "The BBC’s A reports from Kyiv.", "A reported from Kyiv."
    rf"[*_]*(?:[—–-]+\s*)?(?:(?:The\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}}['’]s?\s+)?"
    rf"{_NAME_RUN}(?:\s+and\s+{_NAME_RUN})?\s+report(?:s|ed)\s+from\s+"
    rf"[A-Z][\w'’.-]*(?:[ ,]+[A-Z][\w'’.-]*){{0,3}}\.?[*_]*"
)
_REPORTED_FROM_EACH_RE = re.compile(  # "A reported from Kyiv, Ukraine, and B from Riga."
    rf"[*_]*{_NAME_RUN}\s+report(?:s|ed)\s+from\s+{_PLACES}"
    rf"(?:,?\s+and\s+{_NAME_RUN}\s+(?:report(?:s|ed)\s+)?from\s+{_PLACES})+\.?[*_]*"
)
_CONTRIBUTING_RE = re.compile(  # "Contributing: Jane Doe and John Roe", "Editor: Jane Doe"
    rf"[*_]*(?:Contributing|Editors?|Edited\s+by|Translat(?:or|ed\s+by)|Producers?)\s*:[*_]*\s*{_NAME_RUN}(?:\s*(?:,|and)\s*{_NAME_RUN})*"
    rf"(?:[ ,]+[^,]{{1,40}})?\.?[*_]*"
)
_NAMES = r"[A-Z][\w'’.-]*(?:(?:\s+|\s*,\s*|\s+and\s+|\s+in\s+)[A-Z][\w'’.-]*)*"
_CREDIT_LINE_RE = re.compile(  # "Reporting by A Writing by B Editing by C, D and E"
    rf"[*_(]*(?:(?i:(?:additional\s+|abridged\s+)?(?:reporting|writing|editing|compiled|edited"
    rf"|written|photos?|story|text|words|translation|translated)"
    rf"\s+by)\s+{_NAMES}\s*[;,.]?\s*)+[.)*_]*",  # the names in capitals: "Writing by hand, ..."
)
_WRITTEN_BY_RE = re.compile(  # "This story was written by Jane Doe in Kyiv."
    rf"[*_(]*(?:This|The)\s+(?:story|article|report)\s+was\s+(?:written|reported|compiled)\s+by"
    rf"\s+{_NAMES}\.?[)*_]*"
)
BIO_RE = re.compile(  # "**Jane Doe** is a reporter at ..." (an author's bio)
    r"[*_]*(?P<who>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})[*_]*\s+is\s+(?:a|an|the)\s+"
    r"(?:[\w'’-]+\s+){0,4}(?:reporter|correspondent|editor|writer|journalist|columnist|fellow"
    r"|contributor|photographer)s?\b"
)


def is_credit(s: str) -> bool:
    """Reporting/editing credits, "X contributed reporting", copyright lines."""
    if _CREDIT_RE.match(s) or ("contributed" in s and _CONTRIBUTED_RE.fullmatch(s)):
        return True
    if len(s) <= 400 and " by " in s and _CREDIT_LINE_RE.fullmatch(s):
        return True
    if len(s) <= 160 and (
        _REPORTS_FROM_RE.fullmatch(s)
        or _REPORTED_FROM_EACH_RE.fullmatch(s)
        or _CONTRIBUTING_RE.fullmatch(s)
        or _WRITTEN_BY_RE.fullmatch(s)
    ):
        return True
    if len(s) <= 120 and (m := _SIGNED_FOR_RE.fullmatch(s)) and outlet_like(m["outlet"]):
        return True  # "— Jane Doe, for the Nordic Post"
    return bool(_SHORT_CREDIT_RE.match(s)) and (";" in s or nwords(s, 12) <= 12)
