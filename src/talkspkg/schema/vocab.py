"""Closed vocabularies shared by the annotation stages and the pandera models, in a module that
imports nothing: the per-article stages (run in every worker process) never load pandera."""

from __future__ import annotations

PROPOSAL_KINDS = ["plan", "offer", "position", "single-issue"]
STANCES = ["proposes", "supports", "rejects", "conditional"]
ATTRIBUTIONS = ["explicit", "agreement", "anaphora", "carry-over", "article-term", "corpus-term"]
