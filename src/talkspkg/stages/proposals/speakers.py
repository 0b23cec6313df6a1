"""Who speaks where: the quotes stage's discourse model, read by the proposals stage.

The quotes stage attributes each quotation to its speaker with a confidence (its discourse model
resolves "he", "they", "the president", "the statement" across paragraphs); the proposals stage
does not resolve speakers a second way. From the quotes stage's rows of the article it reads:
- the quotation a position stands in: a first-person word inside it ("we reject", "our
  proposal") is its speaker; a modal demand inside it whose clause names no actor ("“any deal
  must include guarantees,” the minister said") is its speaker's demand. A cue inside a *direct*
  quotation (a sentence of the speaker's own) finds its holder or proposer in the quotation
  only: `Sikorski said: "The two sides agreed ..."` is no stance of Sikorski's. Other cues whose
  clause names no actor get no holder from the quotation: in "“everyone who supports the talks
  should ...”, he said" or `the minister said the two sides "agreed to ..."` the subject is
  somebody the speaker talks about;
- the speaker phrases: the phrase a quotation's cue attributes it to ("He stressed", "they
  said", "the prime minister added") is an actor standing for the speaker, so the clause it
  opens ("He stressed Kyiv should be included ...") is held by that speaker.
Precision first: a quotation whose speaker is null or whose confidence is below
MIN_CONFIDENCE gives no holder, and its first-person words stand for nobody (no guess from the
surrounding names either). A holder or proposer taken from a quotation carries the quotation's
confidence times QUOTED_WEIGHT (one inference more than a name in the clause: whose "we" it
is), which caps the confidence of its claims (detect.py): a quoted position is always less
confident than one a direct cue states with its actor named. A first-person word outside every
quotation the quotes stage reports, resolved by the nearby-speaker fallback (actors.py), weighs
GUESSED_WEIGHT.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from talkspkg.stages.quotes import Quote, Referent

MIN_CONFIDENCE = 0.5
QUOTED_WEIGHT = 0.9
GUESSED_WEIGHT = 0.8


@dataclass(frozen=True, slots=True)
class Speech:
    """A quotation as the proposals stage reads it."""

    start: int
    end: int
    direct: bool
    speaker_id: str | None  # None: nobody, or not confidently (below MIN_CONFIDENCE)
    confidence: float
    phrase: tuple[int, int] | None  # the speaker phrase as written, if any


class Speakers:
    """The quotations of one article, by position."""

    def __init__(
        self, article_id: str, quoted: Sequence[Quote], referents: Sequence[Referent] = ()
    ):
        # sentence subjects the discourse model resolved ("He also demanded ...")
        self.referents = [r for r in referents if r.weight >= MIN_CONFIDENCE]
        speeches = []
        for q in sorted((q for q in quoted if q.article_id == article_id), key=lambda q: q.start):
            sure = q.speaker_id is not None and q.confidence >= MIN_CONFIDENCE
            phrase = (
                (q.speaker_start, q.speaker_end)
                if q.speaker_start is not None and q.speaker_end is not None
                else None
            )
            speeches.append(
                Speech(
                    q.start,
                    q.end,
                    q.kind == "direct",
                    q.speaker_id if sure else None,
                    q.confidence,
                    phrase,
                )
            )
        self.speeches = speeches
        self._starts = [s.start for s in speeches]

    def at(self, position: int) -> Speech | None:
        """The quotation `position` stands in, if any."""
        i = bisect.bisect_right(self._starts, position) - 1
        if i >= 0 and self.speeches[i].start <= position < self.speeches[i].end:
            return self.speeches[i]
        return None

    def phrases(self) -> list[tuple[int, int, str, float]]:
        """(start, end, speaker id, confidence) of every speaker phrase the quotes stage
        resolved confidently; a phrase two quotations resolve differently is left out."""
        found: dict[tuple[int, int], tuple[str, float] | None] = {}
        for s in self.speeches:
            if s.phrase is None or s.speaker_id is None:
                continue
            prior = found.get(s.phrase, (s.speaker_id, s.confidence))
            if prior is None or prior[0] != s.speaker_id:
                found[s.phrase] = None
            else:
                found[s.phrase] = (s.speaker_id, max(prior[1], s.confidence))
        return sorted((a, b, v[0], v[1]) for (a, b), v in found.items() if v is not None)
