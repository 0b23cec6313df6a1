"""The candidate span every mention rule produces, and the text zones no rule may match in."""

from __future__ import annotations

import re
from dataclasses import dataclass

from talkspkg.document import Article, SegmentKind

# Priorities for overlap resolution (lower wins among equally long spans at the same start).
CURATED, TITLE_GIVEN, SURNAME, DISCOVERED = 0, 1, 2, 3

# Lines whose names are actors of the news (journalists are found separately in the others).
PROSE = (
    SegmentKind.HEADLINE,
    SegmentKind.SUBHEADING,
    SegmentKind.BODY,
    SegmentKind.CAPTION,
    SegmentKind.EMBED,
    SegmentKind.READ_MORE,
)
CREDITS = (SegmentKind.BYLINE, SegmentKind.CREDIT)

# Markup that is never a mention: URLs, markdown link targets, @handles (policy: a handle is
# an address, not a mention; the person is found where the text names them).
_MARKUP = re.compile(
    r"https?://\S+|www\.\S+|pic\.twitter\.com/\S+|<[^>\s]+>|\]\([^)\n]*\)|@[\w\\]+"
)


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    entity_id: str
    rule: str
    priority: int


def markup_zones(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _MARKUP.finditer(text)]


def prose_ranges(article: Article) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in article.segments_of(*PROSE)]
