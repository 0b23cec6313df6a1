"""Corpus-level assembly: one proposal per (proposer, kind), one term per (proposal, code).

Identity policy: a proposal is its proposer (a state) and its kind (plan, offer, position, or the
code of a single-issue proposal), so the US framework reported by three outlets is one row
`united-states.plan`. A term reported by several articles is one `proposal_terms` row with one
`term_positions` row per claim and article.

A stance whose article reports no proposal carrying its term (proposal_id None) is recorded
against one proposal of the corpus carrying the code whose proposer is not the holder's side,
else of the holder's own side (attribution `corpus-term`), a party of the article's claims first
(another side's, else the holder's own; a proposer the article's claims never name only when no
party of them carries the code), the one proposed in most articles, then the first id.
One target, not all: a rejection of "a frozen conflict" is one position, not one per plan that
ever named a freeze. With none, it is dropped (no term to hang it on).

A term parties agree to together with no proposer named (attribution `agreement`, detect.py)
is a term of each party's position, made by its `supports` claim.

`presented_at`, `date` and `date_precision` come from the sentences presenting the proposal at
a meeting or on a date (presented.py): the meeting rows of the meetings stage (its "meetings"
and "meeting_mentions" tables) give the meeting id and its date; null when no sentence does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from talkspkg.kb import KnowledgeBase
from talkspkg.schema.vocab import ATTRIBUTIONS
from talkspkg.stages.proposals.codebook import codebook_rows, load_codebook
from talkspkg.stages.proposals.detect import confidence
from talkspkg.stages.proposals.evidence import TermEvidence
from talkspkg.stages.proposals.presented import Presentation, Presented, presented

TABLES = ("codebook", "proposals", "proposal_terms", "term_positions")
UNKNOWN = Presented(None, None, None)


def _targets(
    ev: TermEvidence,
    carrying: dict[str, list[str]],
    proposer: dict[str, str],
    sides: dict[str, set[str]],
    reach: dict[str, int],
) -> list[str]:
    """The proposal a claim bears on: its own, else one corpus proposal carrying the code (see
    the module docstring)."""
    if ev.proposal_id is not None:
        return [ev.proposal_id]
    carriers = carrying.get(ev.code, [])
    # another side's proposal, else the holder's own ("Trump dropped his sanctions threat"); a
    # party of the article's claims first, whichever side: a proposer the article never names
    # is the last resort
    others = [p for p in carriers if proposer[p] != ev.holder_side]
    own = [p for p in carriers if proposer[p] == ev.holder_side]
    present = sides[ev.article_id]
    for group in (others, own):
        here = [p for p in group if proposer[p] in present]
        if here:
            return sorted(here, key=lambda p: (-reach[p], p))[:1]
    return sorted(others or own, key=lambda p: (-reach[p], p))[:1]


def assemble_proposals(
    evidence: Iterable[TermEvidence],
    kb: KnowledgeBase,
    presentations: Iterable[Presentation] = (),
    meetings: Mapping[str, Iterable[Mapping[str, Any]]] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Rows of the codebook, proposals, proposal_terms and term_positions tables.

    Pure and order-independent. `kb` is part of the stage signature; labels and sides already
    travel with the evidence (discovered entities are not in the knowledge base). `meetings`
    are the rows of the meetings stage (tables "meetings" and "meeting_mentions"), each
    read once.
    """
    meetings = meetings or {}
    when = presented(
        presentations, meetings.get("meetings", ()), meetings.get("meeting_mentions", ())
    )
    claims = sorted(evidence, key=lambda e: (e.article_id, e.start, e.stance, e.code, e.entity_id))
    codebook = load_codebook()
    proposals: dict[str, TermEvidence] = {}
    summaries: dict[str, TermEvidence] = {}
    for ev in claims:
        if (
            (ev.stance == "proposes" or ev.attribution == "agreement")
            and ev.proposal_id
            and ev.code in codebook.codes
        ):
            proposals.setdefault(ev.proposal_id, ev)
            summaries.setdefault(f"{ev.proposal_id}.{ev.code}", ev)
    proposer = {pid: ev.proposer_id or "" for pid, ev in proposals.items()}
    carrying: dict[str, list[str]] = defaultdict(list)
    for term_id in sorted(summaries):
        ev = summaries[term_id]
        carrying[ev.code].append(ev.proposal_id or "")

    sides: dict[str, set[str]] = defaultdict(set)  # the parties each article has claims of
    reach: dict[str, set[str]] = defaultdict(set)  # articles proposing each proposal
    for ev in claims:
        sides[ev.article_id] |= {ev.holder_side, ev.proposer_id or ev.holder_side}
        if ev.stance == "proposes" and ev.proposal_id:
            reach[ev.proposal_id].add(ev.article_id)
    reach_count = {pid: len(articles) for pid, articles in reach.items()}
    positions: dict[tuple[str, str, str, str, int], dict[str, Any]] = {}
    rank = {a: i for i, a in enumerate(ATTRIBUTIONS)}
    for ev in claims:
        attribution = ev.attribution if ev.proposal_id is not None else "corpus-term"
        for pid in _targets(ev, carrying, proposer, sides, reach_count):
            term_id = f"{pid}.{ev.code}"
            if term_id not in summaries:
                continue
            key = (term_id, ev.entity_id, ev.stance, ev.article_id, ev.start)
            prior = positions.get(key)
            if prior is not None and rank[prior["attribution"]] <= rank[attribution]:
                continue
            positions[key] = {
                "term_id": term_id,
                "entity_id": ev.entity_id,
                "stance": ev.stance,
                "article_id": ev.article_id,
                "start": ev.start,
                "end": ev.end,
                "text": ev.text,
                "term_text": ev.term_text,
                "cue": ev.cue,
                "attribution": attribution,
                "confidence": ev.confidence
                if attribution == ev.attribution
                else min(confidence(attribution, None), ev.confidence),
            }

    articles_of_term: dict[str, set[str]] = defaultdict(set)
    for row in positions.values():
        articles_of_term[row["term_id"]].add(row["article_id"])
    articles_of_proposal: dict[str, set[str]] = defaultdict(set)
    for term_id, ev in summaries.items():
        articles_of_proposal[ev.proposal_id or ""] |= articles_of_term[term_id]

    return {
        "codebook": codebook_rows(codebook),
        "proposals": [
            {
                "proposal_id": pid,
                "label": ev.proposal_label,
                "proposer_id": ev.proposer_id,
                "kind": ev.proposal_kind,
                "date": when.get(pid, UNKNOWN).date,
                "date_precision": when.get(pid, UNKNOWN).date_precision,
                "presented_at": when.get(pid, UNKNOWN).presented_at,
                "article_count": len(articles_of_proposal[pid]),
            }
            for pid, ev in sorted(proposals.items())
        ],
        "proposal_terms": [
            {
                "term_id": term_id,
                "proposal_id": ev.proposal_id,
                "code": ev.code,
                "summary": ev.term_text or codebook.codes[ev.code].label,
                "article_count": len(articles_of_term[term_id]),
            }
            for term_id, ev in sorted(summaries.items())
        ],
        "term_positions": [positions[k] for k in sorted(positions)],
    }
