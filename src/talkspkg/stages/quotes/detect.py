"""Quotation spans: where the marks are, inside which paragraph, and what they enclose.

Policies
- A paragraph is a BODY line, except in a hard-wrapped text (every BODY line at most
  `WRAP_WIDTH` characters, paragraphs separated by blank lines, lines of one paragraph by a single
  line break): there the lines of a paragraph are joined again, so that a quotation or a sentence
  cut by the wrapping stays whole.
- Only BODY paragraphs are searched, and not the title line of a related-story card (a line
  followed by an empty-text link "[](url)", as scraped link lists have). Headlines and
  subheadings condense and paraphrase what was said (‘SAY YES OR WATCH US WALK AWAY’);
  "READ MORE" lines, captions, embeds and credits are not the article's prose: quotation marks
  there never make a row.
- Double marks: curly “ ”, low „, guillemets « », and the straight ". Whether a mark opens or
  closes is read from its neighbours (a mark after a space and before a word opens; after a word
  and before a space or punctuation it closes; markdown emphasis around a quotation, *“...”* or
  **"..."**, counts as such a neighbour), so scraped text that uses ” for both, or mixes
  straight and curly marks, still pairs up.
- Single curly marks ‘ ’ (and the straight ') are quotation marks only when they pair up inside
  the paragraph: ’ between two letters or digits is an apostrophe (“Trump’s”, “can’t”), and an
  opening ‘ that never closes is dropped. Marks nested inside a quotation belong to its text.
- Unbalanced double marks never crash the scan: a quotation still open at the end of its
  paragraph ends there (recovered), and an opening mark met while a quotation is open closes the
  open one just before it. When the recovered text ends with a short attribution after a comma
  ("These are baseless claims, said Kremlin spokesman Dmitry Peskov."), the closing mark the
  source forgot belongs before that comma, and the quotation ends there.
- A quotation that runs over several paragraphs (its paragraph ends without a closing mark and the
  next paragraph opens with a new mark) is one row per paragraph; each later part records the part
  it continues (`continues`). Every row's text is an exact slice of one paragraph.
- The span is the quoted words without the marks, without surrounding white space, and without a
  trailing comma, semicolon or colon (punctuation the sentence around the quotation needs);
  terminal . ! ? stay, as they are the speaker's sentence end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from talkspkg.document import Article, Segment, SegmentKind

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
_MARK = re.compile(
    "[" + re.escape(DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + '"' + "'") + "]"
)
_OPEN_CONTEXT = "([{—–-/:;,\"“‘'«„*_"  # "*" and "_": markdown emphasis (*“very close”*)
_CLOSE_CONTEXT = ".,;:!?)]}—–-…\"”’'»*_"
_TRIM_TRAILING = ",;:"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quotation in one paragraph. `mark_start`/`mark_end` bound the marks too."""

    start: int  # first quoted character (after trimming)
    end: int  # after the last quoted character
    mark_start: int  # the opening mark
    mark_end: int  # after the closing mark, or the paragraph end when it never closes
    closed: bool
    family: str  # "double" or "single"
    segment: int  # index of the paragraph in the article's BODY segments
    continues: int | None = None  # index (in the article's list) of the part it continues


def _flanks(text: str, i: int, lo: int, hi: int) -> tuple[bool, bool]:
    """(left-flanking, right-flanking): may the mark at i open, may it close."""
    prev = text[i - 1] if i > lo else None
    nxt = text[i + 1] if i + 1 < hi else None
    opens = (
        nxt is not None
        and not nxt.isspace()
        and (prev is None or prev.isspace() or prev in _OPEN_CONTEXT)
    )
    closes = (
        prev is not None
        and not prev.isspace()
        and (nxt is None or nxt.isspace() or nxt in _CLOSE_CONTEXT)
    )
    return opens, closes


def _role(ch: str, opens: bool, closes: bool, family: str | None) -> str | None:
    """'open', 'close' or None for the mark `ch`, given the family of the open quotation."""
    if _family(ch) == "double":
        if family == "single":
            return None  # nested inside a single-quoted quotation
        if family is None:
            if ch in DOUBLE_CLOSE and ch != "”":
                return None
            return "open" if opens and not (ch == "”" and closes) else None
        if opens and not closes:
            return "open"  # a new opening mark: the open quotation was never closed
        if ch in "„«":
            return None
        return "close" if closes or ch in DOUBLE_CLOSE or ch == STRAIGHT_DOUBLE else None
    if family == "double":
        return None  # nested inside a double-quoted quotation
    if family == "single":
        return "close" if closes and ch != SINGLE_OPEN else None
    return "open" if ch != SINGLE_CLOSE and opens and not closes else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRIM_TRAILING):
        end -= 1
    return start, end


def _family(ch: str) -> str:
    return "single" if ch in (SINGLE_OPEN, SINGLE_CLOSE, STRAIGHT_SINGLE) else "double"


Raw = tuple[int, int, int, bool, str]  # opening mark, content end, region end, closed, family


def _elided(text: str, i: int, hi: int, elisions: frozenset[str]) -> bool:
    """Does the mark at i open an elided word ('Tis, 'n', '90s) rather than a quotation?"""
    j = i + 1
    while j < hi and text[j].isalnum():
        j += 1
    word = text[i + 1 : j]
    return word[:1].isdigit() or word.lower() in elisions


def _scan(text: str, lo: int, hi: int, elisions: frozenset[str]) -> list[Raw]:
    """The quotations of the paragraph [lo, hi), recovered where the marks do not balance."""
    found: list[Raw] = []
    dropped: set[int] = set()  # single openers that never close: rescan as apostrophes
    i, opened, family = lo, -1, None
    while i < hi:
        mark = _MARK.search(text, i, hi)  # only marks matter: jump to the next one
        if mark is None:
            i = hi - 1
        else:
            i = mark.start()
            ch = text[i]
            opens, closes = _flanks(text, i, lo, hi)
            role = None if i in dropped else _role(ch, opens, closes, family)
            if role == "open" and _family(ch) == "single" and _elided(text, i, hi, elisions):
                role = None
            if role == "open" and family is not None:
                found.append((opened, i, i, False, family))  # recover: close just before it
                family = None
            if role == "open":
                opened, family = i, _family(ch)
            elif role == "close" and family is not None:
                found.append((opened, i, i + 1, True, family))
                family = None
        i += 1
        if i == hi and family == "single" and not _next_opens_single(text, hi):
            dropped.add(opened)
            i, family = opened + 1, None
    if family is not None:
        found.append((opened, hi, hi, False, family))
    return found


def _next_opens_single(text: str, hi: int) -> bool:
    """A single quotation may run on only into a paragraph that opens with a single mark."""
    rest = text[hi:].lstrip()
    return rest[:1] in (SINGLE_OPEN, STRAIGHT_SINGLE)


WRAP_WIDTH = 100  # the longest line of a hard-wrapped text (typically 70-90 characters)


_LINK_CARD = re.compile(r"\[\]\(")  # an empty-text markdown link: the link of a story card


def body_paragraphs(article: Article) -> list[Segment]:
    """The article's BODY paragraphs: its BODY lines, except that a hard-wrapped text (lines cut
    at a fixed width, paragraphs separated by blank lines) has its wrapped lines joined again,
    and that the title line of a related-story card (a line followed by an empty-text link
    "[](url)") is no prose. Computed once per article."""
    return list(article.memo("quotes.body_paragraphs", lambda: _body_paragraphs(article)))


def _body_paragraphs(article: Article) -> tuple[Segment, ...]:
    text = article.text
    body = tuple(
        s
        for s in article.segments_of(SegmentKind.BODY)
        if not _LINK_CARD.match(text, s.end + 1) and not _LINK_CARD.match(text, s.start)
    )
    return join_wrapped(text, body)


def join_wrapped(text: str, body: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """`body` lines as paragraphs: in a hard-wrapped text (every line at most WRAP_WIDTH, some
    paragraphs separated by blank lines) the lines a single line break separates are joined."""
    pairs = list(pairwise(body))
    joined = [_line_break(text, a, b) for a, b in pairs]
    blank = any(text[a.end : b.start].count("\n") > 1 for a, b in pairs)
    widest = max((s.end - s.start for s in body), default=0)
    if not (any(joined) and blank and widest <= WRAP_WIDTH):
        return body
    out = [body[0]]
    for (_, b), join in zip(pairs, joined, strict=True):
        out[-1:] = [Segment(b.kind, out[-1].start, b.end)] if join else [out[-1], b]
    return tuple(out)


_LIST_ITEM = re.compile(r"\s*(?:[*•>#-]|\d+[.)])\s")


def _line_break(text: str, a: Segment, b: Segment) -> bool:
    """Only a single line break (no blank line) between two lines, the second no list item,
    quoted block or heading."""
    return text[a.end : b.start].strip(" \t\r") == "\n" and not _LIST_ITEM.match(text, b.start)


def _forgotten_close(text: str, start: int, end: int, verbs: frozenset[str]) -> int | None:
    """The comma before a closing attribution inside an unclosed quotation, if there is one."""
    comma = text.rfind(",", start, end)
    if comma < 0:
        return None
    words = [w.strip(".,;:!?").lower() for w in text[comma + 1 : end].split()]
    if 1 < len(words) <= 12 and any(w in verbs for w in words[:6]):
        return comma
    return None


def detect(
    article: Article, verbs: frozenset[str] = frozenset(), elisions: frozenset[str] = frozenset()
) -> list[QuoteSpan]:
    """Every quotation of the article's BODY paragraphs, in text order. `verbs` (speech verbs)
    lets an unclosed quotation end before its own attribution; after an apostrophe, `elisions`
    are words, not quotations."""
    text = article.text
    segments = list(article.meta.segments)
    body = body_paragraphs(article)
    spans: list[QuoteSpan] = []
    open_at_end: dict[int, int] = {}  # body paragraph index -> index of its unclosed last part
    for p, seg in enumerate(body):
        raw = _scan(text, seg.start, seg.end, elisions)
        if raw and raw[-1][2] == seg.end and not raw[-1][3]:
            nxt = body[p + 1] if p + 1 < len(body) else None
            runs_on = nxt is not None and text[nxt.start : nxt.end].lstrip()[:1] in (
                DOUBLE_OPEN + SINGLE_OPEN + STRAIGHT_DOUBLE + STRAIGHT_SINGLE + "”"
            )
            cut = None if runs_on else _forgotten_close(text, raw[-1][0] + 1, seg.end, verbs)
            if cut is not None:
                raw[-1] = (raw[-1][0], cut, cut + 1, False, raw[-1][4])
        for opened, close, mark_end, closed, family in raw:
            start, end = _trim(text, opened + 1, close)
            if start >= end:
                continue
            continues = None
            if not spans or spans[-1].segment != p:  # first quotation of the paragraph
                prev = open_at_end.get(p - 1)
                if (
                    prev is not None
                    and _opens_paragraph(text, seg, opened, spans[prev], family)
                    and _adjacent(segments, body[p - 1], seg)
                ):
                    continues = prev
            spans.append(QuoteSpan(start, end, opened, mark_end, closed, family, p, continues))
        if (
            spans
            and spans[-1].segment == p
            and spans[-1].mark_end == seg.end
            and not spans[-1].closed
        ):
            open_at_end[p] = len(spans) - 1
    return spans


def _opens_paragraph(text: str, seg: Segment, opened: int, prev: QuoteSpan, family: str) -> bool:
    return prev.family == family and not text[seg.start : opened].strip()


def _adjacent(segments: list[Segment], first: Segment, second: Segment) -> bool:
    """True when no other segment (caption, embed, ...) stands between two paragraphs."""
    return not any(first.end <= s.start and s.end <= second.start for s in segments)
