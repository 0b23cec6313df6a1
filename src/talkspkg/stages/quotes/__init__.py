"""Stage `quotes`: every quotation of an article's prose, with its exact span and its speaker.

Pure function of the article, the knowledge base and the mentions stage. Policies live with the
code that applies them: `detect.py` (which marks, which lines, unbalanced and paragraph-spanning
quotations, the span of a quotation), `cues_attr.py` (speech-cue patterns, spokespersons),
`attribute.py` (quotations without a cue, scare quotes), `speaker.py` (reading a speaker
phrase), `context.py` (pronouns, "the statement", "the spokesperson", descriptions),
`profile.py` (descriptions read against what the article says of a person: "the Kremlin aide",
"the 50-year-old") and `fallback.py` (lower-confidence answers where the strict rules
declined). The vocabulary is data: knowledge/speech_verbs.txt and knowledge/quote_cues.yaml
(both versioned).

Row contract: `text == article.text[start:end]` (the quoted words without the marks);
`speaker_id` is None unless the article names the speaker, and is then an entity of the
knowledge base or of `found`; `speaker_text`/`speaker_start`/`speaker_end` are the phrase that
designates the speaker as written (for an inherited attribution, the phrase of the quotation it
was inherited from), and `cue`/`cue_start`/`cue_end` the speech cue likewise.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from talkspkg.document import Article
from talkspkg.kb import KnowledgeBase
from talkspkg.stages.mentions import MentionResult
from talkspkg.stages.quotes.attribute import RULES, attribute
from talkspkg.stages.quotes.context import Attribution, build
from talkspkg.stages.quotes.cues import CHANNELS, load_cues, speech_verbs_version
from talkspkg.stages.quotes.detect import QuoteSpan, body_paragraphs, detect
from talkspkg.stages.quotes.referents import Referent, referents

__all__ = [
    "CHANNELS",
    "KINDS",
    "RESOLUTIONS",
    "RULES",
    "Quote",
    "Referent",
    "quotes",
    "quotes_and_referents",
    "ruleset",
]

KINDS = ("direct", "partial")
RESOLUTIONS = (
    "name",
    "title",
    "role",
    "anaphor",
    "document",
    "pronoun",
    "unnamed",
    "none",
    "fallback",
)


@dataclass(frozen=True, slots=True)
class Quote:
    quote_id: str
    article_id: str
    start: int
    end: int
    text: str
    kind: str
    speaker_id: str | None
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    channel: str
    rule: str
    resolution: str
    continues: str | None
    confidence: float


def ruleset(kb: KnowledgeBase) -> dict[str, str]:
    """Versions of the stage's knowledge files, for the descriptor's `talkspkg.ruleset`."""
    return {"quote_cues": load_cues(kb).version, "speech_verbs": speech_verbs_version()}


def _quote_id(article_id: str, q: QuoteSpan) -> str:
    return f"{article_id}.q{q.start}-{q.end}"


def _kind(article: Article, q: QuoteSpan) -> str:
    """direct: the quotation holds a sentence of its own: it runs over several sentences, or it
    opens with a capital where a sentence may start (paragraph start, after : , . or a dash, or
    after "that"); partial: words embedded in the reporter's sentence ("called it ‘Ukraine’s
    fantasies’", "made “significant progress”")."""
    text = article.text[q.start : q.end]
    if any(f"{p} " in text for p in ".!?"):
        return "direct"
    before = article.text[body_paragraphs(article)[q.segment].start : q.mark_start].rstrip()
    opens_sentence = not before or before[-1] in ":,.!?—–-" or before.endswith(" that")
    return "direct" if (text[:1].isupper() or text[:1].isdigit()) and opens_sentence else "partial"


def quotes(article: Article, kb: KnowledgeBase, found: MentionResult) -> list[Quote]:
    """Every quotation of `article`'s body paragraphs, attributed (see the module docstrings)."""
    return quotes_and_referents(article, kb, found)[0]


def quotes_and_referents(
    article: Article, kb: KnowledgeBase, found: MentionResult
) -> tuple[list[Quote], list[Referent]]:
    """The quotations, and the sentence subjects the same discourse model resolves to a person
    ("He also demanded ...", "The Kremlin leader insisted ...": referents.py)."""
    cues = load_cues(kb)
    spans = detect(article, cues.single, cues.elisions)
    ctx = build(article, kb, found, cues, spans)
    if not spans:
        return [], referents(ctx)
    confidence = {**cues.rule_confidence}, {**cues.resolution_confidence}
    rows = [
        _row(article, q, done, spans, *confidence)
        for q, done in zip(spans, attribute(ctx), strict=True)
        if done is not None
    ]
    kept = {r.quote_id for r in rows}  # a part may only continue a part that is a row
    rows = [
        r if r.continues is None or r.continues in kept else replace(r, continues=None)
        for r in rows
    ]
    return rows, referents(ctx)


def _row(
    article: Article,
    q: QuoteSpan,
    done: Attribution,
    spans: list[QuoteSpan],
    rules: Mapping[str, float],
    resolutions: Mapping[str, float],
) -> Quote:
    text = article.text
    sp = done.speaker
    cue = done.cue
    confidence = rules[done.rule] * resolutions[done.resolution] * done.weight
    if done.resolution == "fallback":  # its measured band (quote_cues.yaml), not a product
        confidence = done.weight
    continues = spans[q.continues] if q.continues is not None else None
    return Quote(
        quote_id=_quote_id(article.article_id, q),
        article_id=article.article_id,
        start=q.start,
        end=q.end,
        text=text[q.start : q.end],
        kind=_kind(article, q),
        speaker_id=done.speaker_id,
        speaker_text=text[sp[0] : sp[1]] if sp else None,
        speaker_start=sp[0] if sp else None,
        speaker_end=sp[1] if sp else None,
        cue=text[cue[0] : cue[1]] if cue else None,
        cue_start=cue[0] if cue else None,
        cue_end=cue[1] if cue else None,
        channel=done.channel,
        rule=done.rule,
        resolution=done.resolution,
        continues=_quote_id(article.article_id, continues) if continues else None,
        confidence=round(min(1.0, max(0.0, confidence)), 4),
    )
