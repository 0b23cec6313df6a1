"""The article as every annotation stage sees it: decoded text plus its line layout.

Offsets everywhere in talkspkg are Python string indices into `Article.text`, the raw file
decoded as UTF-8 exactly as stored (no newline translation, no BOM stripping), end exclusive.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum
from typing import Any


class SegmentKind(StrEnum):
    """What a line of an article is. Only BODY and SUBHEADING lines are the article's own prose."""

    HEADLINE = "headline"  # the article's title line
    BYLINE = "byline"  # "By Xinhua", "By Staff, Agencies", "By [Moscow Times Reporter](#)"
    PUBLISHED = "published"  # a line stating the publication date/time only
    CAPTION = "caption"  # photo caption / handout description
    READ_MORE = "read_more"  # "READ MORE: ..." and similar link lines
    EMBED = "embed"  # embedded posts (tweets) and their markers ("### **Embed:**")
    CREDIT = "credit"  # "(Reporting by ...)", "*AFP contributed reporting.*", photo credits
    URL = "url"  # "Original url:" lines and bare URLs
    SUBHEADING = "subheading"  # section headings inside the body ("HOPE", "What Triggered ...?")
    BODY = "body"  # the article's prose
    # site boilerplate (cookie banners, newsletter promos, "list 1 of 3" and audio-player lines,
    # related-story lists after the article's end) and a reposting blog's inserted lead-in
    BOILERPLATE = "boilerplate"


@dataclass(frozen=True, slots=True)
class Segment:
    """One non-blank line of the article: `text[start:end]` excludes the line terminator."""

    kind: SegmentKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """Metadata stated by the article text itself. None means the text does not state it."""

    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published_date: date | None = None
    # where published_date comes from: "text", or "sources" (raw/sources.yaml, when the text
    # states none); None with it
    published_date_source: str | None = None
    published_time: time | None = None
    dateline: str | None = None
    url: str | None = None
    language: str | None = None
    word_count: int = 0
    segments: tuple[Segment, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Article:
    """A raw article: identity, exact text, and the metadata/layout parsed from it."""

    article_id: str
    raw_path: str  # relative to the package root, e.g. "raw/reuters-london-talks.txt"
    raw_sha256: str
    text: str
    meta: ArticleMeta
    _by_kinds: dict[tuple[SegmentKind, ...], tuple[Segment, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """A value derived from this article alone, computed once (stages ask for it per
        quotation or sentence; recomputing it each time is quadratic in a long article)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def segments_of(self, *kinds: SegmentKind) -> list[Segment]:
        """The article's lines of these kinds, in text order (computed once per set of kinds:
        stages ask for them per quotation or sentence)."""
        found = self._by_kinds.get(kinds)
        if found is None:
            found = tuple(s for s in self.meta.segments if s.kind in kinds)
            self._by_kinds[kinds] = found
        return list(found)
