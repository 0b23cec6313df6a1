"""Stage `proposals`: proposal terms coded with the codebook, who proposed and who rejected them.

Per article, `term_evidence` (pure) finds sentences with codebook terms, attributes each to a
proposal and its proposer, and records the stances other actors take on it, each claim with its
evidence sentence. Over the corpus, `assemble_proposals` merges the claims into the tables
`codebook`, `proposals`, `proposal_terms` and `term_positions` (schema/proposals.py).

Vocabulary lives in knowledge/codebook.yaml and knowledge/proposal_cues.yaml; the policies are
documented in the modules: text (sentences), actors (who and which side), speakers (who speaks
in a quotation, from the quotes stage's output: one discourse model for both stages), hits
(pattern matching), attribution (proposals), stances, presented (the meeting and date a proposal
was presented at, from the meetings stage's output), detect (per article), merge (corpus).
"""

from talkspkg.stages.proposals.codebook import codebook_markdown, codebook_rows, load_codebook
from talkspkg.stages.proposals.cues import load_cues
from talkspkg.stages.proposals.detect import ArticleProposals, proposal_evidence, term_evidence
from talkspkg.stages.proposals.evidence import TermEvidence
from talkspkg.stages.proposals.merge import assemble_proposals
from talkspkg.stages.proposals.presented import Presentation

__all__ = [
    "ArticleProposals",
    "Presentation",
    "TermEvidence",
    "assemble_proposals",
    "codebook_markdown",
    "codebook_rows",
    "load_codebook",
    "load_cues",
    "proposal_evidence",
    "term_evidence",
]
