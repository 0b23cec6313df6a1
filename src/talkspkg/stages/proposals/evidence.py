"""TermEvidence: one claim of one sentence about one term, the unit passed from detect to merge."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TermEvidence:
    """`entity_id` proposes / supports / rejects / conditionally accepts `code` in a proposal.

    `proposal_id` is None for a stance on a term that no proposal of its article carries: merge
    records it against every proposal of the corpus carrying the code whose proposer is not on
    the holder's side (`holder_side`).
    """

    article_id: str
    code: str
    stance: str
    entity_id: str
    start: int  # the evidence sentence in article.text
    end: int
    text: str | None  # the sentence; None in the corpus stages' copy (talkspkg.compact)
    proposal_id: str | None
    proposer_id: str | None
    proposal_kind: str | None
    proposal_label: str | None
    holder_side: str
    term_text: str | None  # the term's wording in the sentence; None when referred to
    cue: str | None
    attribution: str
    confidence: float  # see confidence() in detect.py
