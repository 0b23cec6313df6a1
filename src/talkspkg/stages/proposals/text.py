"""Sentences of the article's prose, the unit every proposal rule reads.

Policy: only headline, subheading and body lines are read (captions, embeds and link lines
restate or advertise other content); the body is read by paragraphs with the quotes stage's
rule (`quotes.detect.join_wrapped`): a hard-wrapped text (every body line at most WRAP_WIDTH
characters, paragraphs separated by blank lines) has its wrapped lines joined again, so that
a sentence cut at the line width ("saying he\nbelieved Kyiv could ...") stays one sentence;
list items stand alone. A sentence ends at ., ! or ? (with closing quotes or brackets)
followed by space and a capital, digit or opening quote, unless the word before the period is
an honorific or an abbreviation of the cue file, or an initial ("U.S.", "J.D.") not followed
by a quotation; a paragraph always ends a sentence. Spans are trimmed of surrounding
whitespace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from talkspkg.document import Article, SegmentKind
from talkspkg.stages.quotes.detect import join_wrapped

HEADINGS = (SegmentKind.HEADLINE, SegmentKind.SUBHEADING)
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"(\S+)$")
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)+$")


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int  # position among the article's sentences
    paragraph: int  # index of the paragraph (a heading line, or a body paragraph) it is in
    start: int
    end: int


def _no_break(text: str, start: int, stop: int, abbreviations: frozenset[str]) -> bool:
    word = _WORD_BEFORE.search(text, start, stop + 1)
    if word is None:
        return False
    token = word.group(1).lstrip("\"“‘'([")
    if token in abbreviations:
        return True
    # an initial precedes a name, never a quotation: "on X. “A full ceasefire" ends a sentence
    following = text[stop + 1 : stop + 3].lstrip()
    return bool(_INITIALS.match(token)) and not following.startswith(('"', "“", "‘", "'", "(", "["))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentences(article: Article, abbreviations: frozenset[str]) -> list[Sentence]:
    """The sentences of the article's prose lines, in text order."""
    text = article.text
    found: list[Sentence] = []
    body = join_wrapped(text, tuple(article.segments_of(SegmentKind.BODY)))
    prose = sorted([*article.segments_of(*HEADINGS), *body], key=lambda g: g.start)
    for paragraph, segment in enumerate(prose):
        cursor = segment.start
        for m in _BOUNDARY.finditer(text, segment.start, segment.end):
            if m.group().startswith(".") and _no_break(text, cursor, m.start(), abbreviations):
                continue
            start, end = _trimmed(text, cursor, m.end())
            if start < end:
                found.append(Sentence(len(found), paragraph, start, end))
            cursor = m.end()
        start, end = _trimmed(text, cursor, segment.end)
        if start < end:
            found.append(Sentence(len(found), paragraph, start, end))
    return found


def clause_bounds(
    text: str, sentence: Sentence, position: int, breaks: tuple[re.Pattern[str], ...]
) -> tuple[int, int]:
    """[start, end) of the clause of `sentence` containing `position` (see clause_breaks)."""
    start, end = sentence.start, sentence.end
    for pattern in breaks:
        for m in pattern.finditer(text, sentence.start, sentence.end):
            if m.end() <= position:
                start = max(start, m.end())
            elif m.start() >= position:
                end = min(end, m.start())
    return start, end


# a relative clause set off by commas ("Kyiv, which wants to join NATO,", "Dmitriev, whom
# Witkoff met in Miami,", "Sybiha, whose ministry Moscow has sanctioned,"): an aside about
# what comes before it, whose actors are not the subject of the clause it interrupts
RELATIVE_ASIDE = re.compile(r",\s+(?:which|who|whom|whose)\b[^,;.]*,")


def relative_asides(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the relative asides of text[start:end] closed before `end`."""
    return [m.span() for m in RELATIVE_ASIDE.finditer(text, start, end)]


def inside(position: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The span of `spans` containing `position`, if any."""
    return next(((a, b) for a, b in spans if a <= position < b), None)
