"""Embedded posts (EMBED, anywhere): a marker such as "### **Embed:**" through the "— Name
(@handle) Date" signature if it comes within EMBED_MAX_LINES lines, and every signature line.
"""

from __future__ import annotations

import re

from talkspkg.document import SegmentKind as K
from talkspkg.lines.knowledge import EMBED_MARKERS, EMBED_MAX_LINES

_EMBED_SIGNATURE_RE = re.compile(
    r"(?:[—–-]{1,2}\s*[^()]{1,80}?|a post shared by\b[^()]{0,80}?)\s*\(@[\w.]{1,30}\)", re.I
)


def embed_kinds(lines: list[str]) -> list[K | None]:
    """EMBED for signature lines, and for marker lines through a signature close after them."""
    signed = [bool(_EMBED_SIGNATURE_RE.match(s)) for s in lines]
    kinds: list[K | None] = [K.EMBED if sig else None for sig in signed]
    next_signature = len(lines) + EMBED_MAX_LINES  # none
    for i in range(len(lines) - 1, -1, -1):
        if len(lines[i]) <= 40 and lines[i].strip("#*_>[] :").casefold() in EMBED_MARKERS:
            last = next_signature if next_signature - i <= EMBED_MAX_LINES else i
            kinds[i : last + 1] = [K.EMBED] * (last + 1 - i)
        if signed[i]:
            next_signature = i
    return kinds
