"""The prose around quotations as the attribution rules read it: sentences of tokens.

Inside a paragraph, every quotation is one opaque QUOTE token: words and names inside quotation
marks are never attribution (the speaker of “Putin says he wants peace,” he said is not Putin).
Entity mentions are one MENTION token each, so "Foreign, Commonwealth and Development Office"
is a single speaker-capable unit whatever its punctuation. Markdown link syntax ("[warned](#)")
is read as its words.

References also include "the <title>" of a curated person (knowledge base `titles`, e.g. "The
US Secretary of State stated ..."): the knowledge base documents titles as exactly such speaker
references, and the mentions stage does not produce them. The holder is the one person the
dated resolver (talkspkg/titles.py) gives for the article's date: no reference when the date is
unknown or outside what the knowledge base vouches for. A title the article gives a
discovered person as their role ("Jane Lopez, the US Secretary of State") is that person's in
this article, not the knowledge base's holder (nobody's when two discovered people hold it).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from talkspkg.document import Article, Segment
from talkspkg.kb import KnowledgeBase
from talkspkg.stages.candidates import markup_zones
from talkspkg.stages.mentions import MentionResult
from talkspkg.stages.quotes.cues import QuoteCues
from talkspkg.stages.quotes.detect import QuoteSpan
from talkspkg.stages.spans import resolve_overlaps
from talkspkg.titles import title_holder

SPEAKER_TYPES = ("person", "organization", "country")
_STOP = re.compile(r"[.!?]")
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[’']s(?!\w)|\w+(?:[-’'.]\w+)*|[,;:—–]|(?<=\s)-(?=\s)")
_LINK_MARKUP = re.compile(r"\]\([^)\n]*\)|[\[\]]")


@dataclass(frozen=True, slots=True)
class Ref:
    """A span that designates an entity: a mention, or a "the <title>" reference."""

    start: int
    end: int
    entity_id: str
    entity_type: str
    source: str  # "mention" or "title"
    priority: int = 0


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # word, mention, poss, punct, quote
    start: int
    end: int
    text: str
    ref: Ref | None = None
    quote: int | None = None  # index of the quotation for QUOTE tokens
    # text.lower(), kept: the cue and discourse rules read it about five times per token
    lower: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lower", self.text.lower())


@dataclass(frozen=True, slots=True)
class Sentence:
    paragraph: int
    start: int
    end: int
    tokens: tuple[Token, ...]


@cache
def _title_pattern(kb: KnowledgeBase) -> re.Pattern[str] | None:
    titles = {t for e in kb.entities.values() if e.entity_type == "person" for t in e.titles}
    if not titles:
        return None
    alts = "|".join(map(re.escape, sorted(titles, key=len, reverse=True)))
    return re.compile(rf"(?<!\w)(?:[Tt]he)\s+({alts})(?!\w)")


def references(article: Article, kb: KnowledgeBase, found: MentionResult) -> list[Ref]:
    """Mentions of speaker-capable entities and title references, without overlaps."""
    refs: list[Ref] = []
    for m in found.mentions:
        entity = kb.entities.get(m.entity_id) or found.discovered.get(m.entity_id)
        etype = entity.entity_type if entity else "unknown"
        refs.append(Ref(m.start, m.end, m.entity_id, etype, "mention"))
    pattern = _title_pattern(kb)
    if pattern is not None:
        on = article.meta.published_date
        named = {m.entity_id for m in found.mentions}
        for m in pattern.finditer(article.text):
            holders = _article_holders(found, m.group(1))
            eid = next(iter(holders)) if holders else title_holder(kb, m.group(1), on, named)
            if len(holders) <= 1 and eid is not None:
                refs.append(Ref(m.start(1), m.end(1), eid, "person", "title", 1))
    return resolve_overlaps(refs)


def _office(phrase: str) -> str:
    words = re.sub(r"[.’']", "", phrase).lower().split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _article_holders(found: MentionResult, title: str) -> set[str]:
    """Discovered people whose role in this article is the title ("Jane Lopez, the US
    Secretary of State"): the article names its own holder of the office."""
    office = _office(title)
    return {
        eid
        for eid, e in found.discovered.items()
        if e.entity_type == "person" and e.role and _office(e.role) == office
    }


def _abbreviation(text: str, dot: int, lo: int, cues: QuoteCues) -> bool:
    """True when the period at `dot` ends an abbreviation ("U.S.", "Gen."), not a sentence."""
    j = dot
    while j > lo and (text[j - 1].isalnum()):
        j -= 1
    word = text[j:dot]
    if word in cues.abbreviations:
        return True
    if len(word) != 1 or not word.isupper():
        return False
    if j > lo and text[j - 1] == ".":
        return True  # an initialism: "U.S.", "J.D."
    before = text[lo:j].split()
    return bool(before) and before[-1][:1].isupper()  # a middle initial: "Donald J. Trump"


def _starts_sentence(text: str, i: int, hi: int) -> bool:
    """After a sentence end: white space, then a capital, a digit or an opening mark."""
    if i >= hi or not text[i].isspace():
        return False
    while i < hi and text[i].isspace():
        i += 1
    return i < hi and (text[i].isupper() or text[i].isdigit() or text[i] in "“\"‘'„«")


def _attribution_follows(text: str, q: QuoteSpan, hi: int, cues: QuoteCues) -> bool:
    """Does a question or exclamation go on with its attribution ("“Who gains?” Anna Berg
    asked.", "“Enough!” the minister said on Monday.")? Then the mark ends no sentence: the
    words up to the next stop or mark are at most `_ATTRIBUTION_WORDS` words and hold a speech
    verb."""
    if text[q.start : q.end].rstrip()[-1:] not in ("!", "?"):
        return False
    rest = re.split(r"[.!?“”\"‘„«»]", text[q.mark_end : hi], maxsplit=1)[0]
    words = [w.lower() for w in re.findall(r"[\w’'-]+", rest)]
    return len(words) <= _ATTRIBUTION_WORDS and any(w in cues.single for w in words)


_ATTRIBUTION_WORDS = 8


def sentences(
    text: str,
    seg: Segment,
    paragraph: int,
    quotes: list[tuple[int, QuoteSpan]],
    refs: list[Ref],
    cues: QuoteCues,
) -> list[Sentence]:
    """The paragraph's sentences; no boundary falls inside a quotation."""
    lo, hi = seg.start, seg.end
    inside = [(q.mark_start, q.mark_end) for _, q in quotes]
    cuts = [lo]
    for stop in _STOP.finditer(text, lo, hi):
        i = stop.start()
        if (
            not any(a <= i < b for a, b in inside)
            and _starts_sentence(text, i + 1, hi)
            and not (text[i] == "." and _abbreviation(text, i, lo, cues))
        ):
            cuts.append(i + 1)
    for _, q in quotes:
        ends = text[q.start : q.end].rstrip()[-1:] in (".", "!", "?")
        opens = q.closed and ends and _starts_sentence(text, q.mark_end, hi)
        if opens and not _attribution_follows(text, q, hi, cues):
            cuts.append(q.mark_end)
    cuts = [*sorted(set(cuts)), hi]
    return [
        Sentence(paragraph, a, b, _tokens(text, a, b, quotes, refs))
        for a, b in pairwise(cuts)
        if text[a:b].strip()
    ]


def _tokens(
    text: str, lo: int, hi: int, quotes: list[tuple[int, QuoteSpan]], refs: list[Ref]
) -> tuple[Token, ...]:
    blocks: list[tuple[int, int, Token | None]] = []
    for n, q in quotes:
        if lo <= q.mark_start < hi:
            blocks.append(
                (
                    q.mark_start,
                    q.mark_end,
                    Token(
                        "quote", q.mark_start, q.mark_end, text[q.mark_start : q.mark_end], None, n
                    ),
                )
            )
    first = bisect.bisect_left(refs, lo, key=lambda r: r.start)  # refs are in text order
    for r in refs[first:]:
        if r.start >= hi:
            break
        if r.end <= hi and not any(a < r.end and r.start < b for a, b, _ in blocks):
            blocks.append(
                (r.start, r.end, Token("mention", r.start, r.end, text[r.start : r.end], r))
            )
    blocks.sort(key=lambda b: b[0])
    out: list[Token] = []
    pos = lo
    for a, b, tok in [*blocks, (hi, hi, None)]:
        if a > pos:
            out.extend(_words(text, pos, a))
        if tok is not None:
            out.append(tok)
        pos = max(pos, b)
    return tuple(out)


def _words(text: str, lo: int, hi: int) -> list[Token]:
    chunk = _LINK_MARKUP.sub(lambda m: " " * len(m.group()), text[lo:hi])
    for a, b in markup_zones(chunk):
        chunk = chunk[:a] + " " * (b - a) + chunk[b:]
    out = []
    for m in _WORD.finditer(chunk):
        word = m.group()
        kind = "punct" if word in ",;:—–-" else "poss" if word in ("'s", "’s") else "word"
        out.append(Token(kind, lo + m.start(), lo + m.end(), word))
    return out
