"""Table models of the proposal stage: codebook, proposals, proposal_terms, term_positions.

Written in the style of `schema/models.py` (which registers them in MODELS); the column aliases
are restated here so that models.py can import this module without an import cycle.
"""

from __future__ import annotations

import pandera.pandas as pa

from talkspkg.schema.columns import Date, Float, Int, SpanChecks, Str
from talkspkg.schema.types import ID_PATTERN
from talkspkg.schema.vocab import ATTRIBUTIONS, PROPOSAL_KINDS, STANCES

CODE_PATTERN = r"^[a-z]+\.[a-z0-9_]+$"
DATE_PRECISIONS = ["day", "month", "year"]


class Codebook(pa.DataFrameModel):
    code: Str = pa.Field(
        unique=True,
        str_matches=CODE_PATTERN,
        description="Stable code '<category>.<name>' of a provision (knowledge/codebook.yaml).",
    )
    category: Str = pa.Field(
        str_matches=r"^[a-z]+$",
        description="Group of provisions: ceasefire, territory, security, sanctions, economy, ...",
    )
    label: Str = pa.Field(description="Short name of the provision.")
    definition: Str = pa.Field(description="What the provision is, as coders apply it.")
    includes: Str = pa.Field(
        description="Typical wordings the detection patterns find, separated by '; '."
    )
    excludes: Str = pa.Field(
        nullable=True,
        description="What is not coded here and where it goes instead, separated by '; '.",
    )

    class Config:
        strict = True
        metadata = {
            "title": "Codebook",
            "description": "The provisions proposals are coded with (PA-X style), versioned with "
            "the ruleset.",
            "primary_key": ["code"],
            "foreign_keys": [],
        }


class Proposals(pa.DataFrameModel):
    proposal_id: Str = pa.Field(
        unique=True,
        str_matches=ID_PATTERN,
        description="Stable id '<proposer_id>.<kind>' (e.g. 'united-states.plan'), or "
        "'<proposer_id>.<code slug>' for a single-issue proposal.",
    )
    label: Str = pa.Field(description="'<proposer name>: <kind label>' (e.g. 'Russia: offer').")
    proposer_id: Str = pa.Field(
        description="The state (or international organization) proposing, FK entities: a "
        "person or national body is mapped to its country.",
    )
    kind: Str = pa.Field(
        isin=PROPOSAL_KINDS,
        description="plan (terms put to the other parties), offer (what the proposer would "
        "concede), position (what it demands or declares), single-issue (a proposal named by "
        "its one term).",
    )
    date: Date = pa.Field(
        nullable=True, description="Date the proposal was made, when the text states it; else null."
    )
    date_precision: Str = pa.Field(
        nullable=True, isin=DATE_PRECISIONS, description="Precision of `date`; null with it."
    )
    presented_at: Str = pa.Field(
        nullable=True, description="Meeting where it was presented (FK meetings); null if unknown."
    )
    article_count: Int = pa.Field(ge=1, description="Articles reporting a term of the proposal.")

    class Config:
        strict = True
        metadata = {
            "title": "Proposals",
            "description": "Peace proposals reported in the articles: one row per proposer and "
            "kind of proposal, however many articles report it.",
            "primary_key": ["proposal_id"],
            "foreign_keys": [
                {"fields": ["proposer_id"], "table": "entities", "reference": ["entity_id"]},
                {"fields": ["presented_at"], "table": "meetings", "reference": ["meeting_id"]},
            ],
        }


class ProposalTerms(pa.DataFrameModel):
    term_id: Str = pa.Field(
        unique=True,
        str_matches=ID_PATTERN,
        description="Stable id '<proposal_id>.<code>'.",
    )
    proposal_id: Str = pa.Field(description="The proposal (FK proposals).")
    code: Str = pa.Field(str_matches=CODE_PATTERN, description="The provision (FK codebook).")
    summary: Str = pa.Field(
        description="The term as first worded by the articles (earliest article id, offset)."
    )
    article_count: Int = pa.Field(ge=1, description="Articles with evidence of the term.")

    class Config:
        strict = True
        metadata = {
            "title": "Proposal terms",
            "description": "Each provision a proposal contains, once however many articles "
            "report it.",
            "primary_key": ["term_id"],
            "foreign_keys": [
                {"fields": ["proposal_id"], "table": "proposals", "reference": ["proposal_id"]},
                {"fields": ["code"], "table": "codebook", "reference": ["code"]},
            ],
        }


class TermPositions(SpanChecks):
    term_id: Str = pa.Field(description="The term (FK proposal_terms).")
    entity_id: Str = pa.Field(
        description="Who takes the position, as the sentence names them (FK entities): the "
        "proposing person or state, or the stance holder."
    )
    stance: Str = pa.Field(
        isin=STANCES,
        description="proposes, supports, rejects or conditional (accepts on a condition).",
    )
    article_id: Str = pa.Field(description="The article (FK articles).")
    start: Int = pa.Field(ge=0, description="Offset of the evidence sentence in the raw text.")
    end: Int = pa.Field(ge=1, description="Offset after the evidence sentence (end exclusive).")
    text: Str = pa.Field(description="The evidence sentence as written: raw_text[start:end].")
    term_text: Str = pa.Field(
        nullable=True,
        description="The term's wording inside the sentence; null when the sentence refers to "
        "it ('these points').",
    )
    cue: Str = pa.Field(
        nullable=True,
        description="The proposal or stance cue as written ('presented', 'dismissed'); null "
        "when inherited from an earlier sentence.",
    )
    attribution: Str = pa.Field(
        isin=ATTRIBUTIONS,
        description="How the term was tied to its proposal: explicit (in the sentence), anaphora "
        "('that framework', 'these points'), carry-over (sentence continuing the previous one), "
        "agreement (a term two or more parties agree to with no proposer named: a term of each "
        "party's position), "
        "article-term / corpus-term (a stance on the term itself, recorded against every proposal "
        "carrying it in the article, or in the corpus when the article reports none).",
    )
    confidence: Float = pa.Field(
        ge=0,
        le=1,
        description="Confidence of the claim (0-1): the weight of its attribution (explicit "
        "0.95, article-term 0.9, anaphora 0.85, agreement 0.8, carry-over 0.75, corpus-term 0.6; "
        "the share of right rows measured on the dev split and seeds), times 0.85 "
        "when the proposer is whoever reports a modal demand ('X said Y must ...'); at most the "
        "quote's confidence when the holder is a quotation's speaker.",
    )

    class Config:
        strict = True
        metadata = {
            "title": "Term positions",
            "description": "Who proposes, supports or rejects each proposal term, with the "
            "evidence sentence for every claim.",
            "primary_key": ["term_id", "entity_id", "stance", "article_id", "start"],
            "foreign_keys": [
                {"fields": ["term_id"], "table": "proposal_terms", "reference": ["term_id"]},
                {"fields": ["entity_id"], "table": "entities", "reference": ["entity_id"]},
                {"fields": ["article_id"], "table": "articles", "reference": ["article_id"]},
            ],
        }


PROPOSAL_MODELS: dict[str, type[pa.DataFrameModel]] = {
    "codebook": Codebook,
    "proposals": Proposals,
    "proposal_terms": ProposalTerms,
    "term_positions": TermPositions,
}
