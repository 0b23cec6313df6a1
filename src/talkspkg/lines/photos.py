"""Photo captions and photo credits (CAPTION, CREDIT), in the header or anywhere.

Layouts handled: captions ("This handout photo shows ...", "File photo: ...", "Photo: ...")
and credits, trailing a caption or alone: "(PHOTO / AFP)", "**Name / Agency**", "Photo: X",
"[File: Name/Agency]", "REUTERS/Name/File Photo" (a trailing "Purchase Licensing Rights"
ignored), "... via REUTERS", a line naming a photo agency (`PHOTO_AGENCIES`).
"""

from __future__ import annotations

import re

from talkspkg.document import SegmentKind as K
from talkspkg.lines.knowledge import PHOTO_AGENCIES, WIRE_PHOTO_CREDITS
from talkspkg.lines.text import nwords

_CAPTION_START_RE = re.compile(
    r"(?i)(?:(?:this|a|an)\s+(?:(?:handout|file|undated|aerial|combination|pool)\s+)*"
    r"(?:photo(?:graph)?|picture|image|screenshot|screengrab|video\s+grab|still)\s+(?:taken"
    r"|released|shows?|showing|provided|made|obtained|posted|distributed|courtesy|from|shot"
    r"|issued|handed)"
    r"|file(?:\s+photo)?\s*[-–—:]|(?:photo|image|picture|caption|pictured)s?\s*:"
    r"|(?:photo(?:graph)?|image|picture)s?\s+by\s+[A-Z][^/]{1,60}/)"
)
_PHOTO_PAREN_RE = re.compile(
    r"\([^()]{0,60}?\b(?:photo|photograph|image|picture|credit|handout)s?\b[^()]{0,80}\)", re.I
)
_PHOTO_BOLD_RE = re.compile(r"\*\*[^*]{1,80}\s/\s[^*]{1,80}\*\*")
_PHOTO_LABEL_RE = re.compile(
    r"\b(?i:photo(?:graph)?|image|picture|credit)s?\s*:\s*[A-Z][^.()]{0,79}"
)
_PHOTO_AGENCY_LINE_RE = re.compile(
    rf"(?:[^/|]{{1,60}}(?:/|\||\s+via)\s*)?(?:{PHOTO_AGENCIES})"
    rf"|[^/|]{{1,60}}(?:/|\||\s+via)\s*(?:{WIRE_PHOTO_CREDITS})(?:\s+Photo)?"
)
_PHOTO_BRACKET_RE = re.compile(  # "[File: Jane Doe/AFP]", "[Jane Doe/Reuters]"
    r"\[(?:(?:file(?:\s+photo)?|photo(?:graph)?|image|picture)\s*:\s*)?[^\[\]/]{1,80}/[^\[\]]{1,80}\]"
    r"|\[(?:file(?:\s+photo)?|photo(?:graph)?)\s*:[^\[\]]{1,80}\]",
    re.I,
)
_WIRE_PHOTO_RE = re.compile(  # "REUTERS/Jane Doe/File Photo", "... Handout via REUTERS"
    rf"\b(?:{WIRE_PHOTO_CREDITS}|REUTERS)/[A-Z]|\svia\s+(?:{WIRE_PHOTO_CREDITS}|REUTERS)$"
)
_LICENSING_RE = re.compile(r"\s*Purchase Licensing Rights.*$")


def _photo_credit_at(s: str) -> int:
    """Where a trailing photo credit starts: "(PHOTO / AFP)", "**Name / Agency**", "Photo: X",
    "[File: Name/Agency]"."""
    if s.endswith("]"):
        at = s.rfind("[")
        return at if at >= 0 and _PHOTO_BRACKET_RE.fullmatch(s, at) else -1
    if s.endswith(")"):
        at = s.rfind("(")
        return at if at >= 0 and _PHOTO_PAREN_RE.fullmatch(s, at) else -1
    if s.endswith("**") and len(s) > 4:
        at = s.rfind("**", 0, len(s) - 2)
        return at if at >= 0 and _PHOTO_BOLD_RE.fullmatch(s, at) else -1
    colon = s.rfind(":")
    m = _PHOTO_LABEL_RE.search(s, max(colon - 12, 0)) if len(s) - colon <= 82 else None
    return m.start() if m and m.end() == len(s) else -1


def photo_kind(s: str) -> K | None:
    """CAPTION for a photo description, CREDIT for a bare photo credit, else None."""
    if "Licensing" in s:
        s = _LICENSING_RE.sub("", s)
    if len(s) <= 600 and ("/" in s or " via " in s) and _WIRE_PHOTO_RE.search(s):
        return K.CAPTION if nwords(s, 8) > 8 else K.CREDIT
    at = _photo_credit_at(s)
    if at < 0 and len(s) <= 90 and _PHOTO_AGENCY_LINE_RE.fullmatch(s):
        return K.CREDIT
    if at < 0 and not _CAPTION_START_RE.match(s):
        return None
    return K.CREDIT if nwords(s[: at if at >= 0 else len(s)], 4) < 4 else K.CAPTION
