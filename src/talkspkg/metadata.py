"""Read the metadata a news article states about itself and classify each non-blank line.

Each kind of line has its rules and their policy in a module of `talkspkg.lines` (the line walk
in `lines.classify`); this module puts what they found together as an `ArticleMeta`.

Policy:

* A value the text does not state is None (dates: `lines.pubdates`).
* Outlet, first found wins: the dateline credit ("(Reuters)", "/TASS/"); the byline, then a
  "Source:" credit, naming an outlet ("By Xinhua": outlet and byline "Xinhua"); the host of the
  stated URL (`lines.outlets`: what names an outlet, and how it is written).
* dateline: the place alone, a full stop after a word dropped ("LONDON. /TASS/." -> LONDON).
* url: a labelled URL line first; a bare URL line gives `url` only in the header or after the
  last line of prose.
* language is "en" when at least ENGLISH_MIN_RATIO of the first ~5000 body tokens (and at least
  3 tokens) are common English function words; otherwise None.
* word_count counts `\\w+(?:['’]\\w+)*` tokens of BODY and SUBHEADING lines (link targets
  excluded).
"""

from __future__ import annotations

import re

from talkspkg.document import ArticleMeta, Segment
from talkspkg.document import SegmentKind as K
from talkspkg.lines.bylines import header_outlet
from talkspkg.lines.classify import classify
from talkspkg.lines.knowledge import (
    ENGLISH_FUNCTION_WORDS,
    ENGLISH_MIN_RATIO,
    OUTLET_NAMES,
    name_key,
)
from talkspkg.lines.outlets import host_outlet, named_outlet
from talkspkg.lines.pubdates import published
from talkspkg.lines.text import MD_TARGET_RE, WORD_RE

_DOT_AFTER_WORD = re.compile(r"(?<=[A-Za-z]{3})\.$")  # "LONDON. /TASS/." (not "D.C.")


def _language(prose: list[str]) -> str | None:
    sample = "\n".join(prose[:2000])[:60_000]  # ~5000 tokens
    tokens = [w.casefold() for w in WORD_RE.findall(sample)][:5000]
    hits = sum(w in ENGLISH_FUNCTION_WORDS for w in tokens)
    return "en" if hits >= 3 and hits >= ENGLISH_MIN_RATIO * len(tokens) else None


def _prose_words(prose: list[str]) -> int:
    return sum(len(WORD_RE.findall(MD_TARGET_RE.sub("]", p))) for p in prose)


def prose_word_count(text: str) -> int:
    """`ArticleMeta.word_count` alone, without the rest of the metadata (the validator's check)."""
    _, lines, kinds, _ = classify(text)
    return _prose_words(
        [line for k, line in zip(kinds, lines, strict=True) if k in (K.BODY, K.SUBHEADING)]
    )


def parse_metadata(text: str) -> ArticleMeta:
    """Metadata stated by `text` and the kind of each of its non-blank lines (pure)."""
    spans, lines, kinds, found = classify(text)
    segments = tuple(Segment(k, a, b) for k, (a, b) in zip(kinds, spans, strict=True) if k)
    prose = [line for k, line in zip(kinds, lines, strict=True) if k in (K.BODY, K.SUBHEADING)]
    # a bare URL line counts in the header or after the last line of prose, not amid the text
    last_prose = max((i for i, k in enumerate(kinds) if k in (K.BODY, K.SUBHEADING)), default=-1)
    urls = [u for labelled, i, u in found.urls if labelled] + [
        u for labelled, i, u in found.urls if not labelled and (i < 0 or i > last_prose)
    ]
    url = urls[0] if urls else None
    groups = found.dateline.groupdict() if found.dateline else {}
    credit = groups.get("outlet") or groups.get("slash")
    credit = credit and " ".join(credit.split())
    outlet = (
        (credit and OUTLET_NAMES.get(name_key(credit), credit))
        or named_outlet(found.byline)
        or named_outlet(header_outlet(found.byline_line))
        or named_outlet(found.source)
        or host_outlet(url)
    )
    published_date, published_time = published(found.pub_lines, found.dateline)
    return ArticleMeta(
        title=found.title,
        outlet=outlet,
        byline=found.byline,
        published_date=published_date,
        published_time=published_time,
        dateline=_DOT_AFTER_WORD.sub("", " ".join(groups["place"].split()))
        if groups.get("place")
        else None,
        url=url,
        language=_language(prose),
        word_count=_prose_words(prose),
        segments=segments,
    )
