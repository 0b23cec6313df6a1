"""Stage `proposals`: stances on whole articles of our own (tests/data/articles/stances.yaml).

Who supports, rejects or conditionally accepts which term, in articles written apart from the
code's dev articles: a passive stance with no agent (held by nobody, not by the possessive
proposer of its subject), stance verbs inside another's demand ("demands that Ukraine ... accept
a ban on", "Kyiv would have to agree to": the demand, no stance), impersonal refusals in
quotations ("Nobody has the right to give away ..."), elliptical and joint stances, hedges and
questions, nominal refusals, "dismissed ... as". Scored as tests/test_proposals_articles.py
scores its articles: terms by (proposer, code), positions by (state, stance, code).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from talkspkg.kb import load_knowledge
from talkspkg.pipeline import annotate
from talkspkg.raw import RawFile
from talkspkg.stages.proposals.actors import country_ids

KB = load_knowledge()
ARTICLES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "articles" / "stances.yaml").read_text(encoding="utf-8")
)


@cache
def found(article_id: str) -> tuple[frozenset[str], frozenset[str]]:
    """The terms ("proposer code") and positions ("state stance code") of one article."""
    (article,) = (a for a in ARTICLES if a["id"] == article_id)
    raw = RawFile(Path(f"raw/{article_id}.txt"), article_id, article["text"], "")
    result = annotate(raw, {}, KB)
    states = country_ids(KB)
    terms, positions = set(), set()
    for e in result.evidence:
        if e.proposer_id:
            terms.add(f"{e.proposer_id} {e.code}")
        entity = KB.entities.get(e.entity_id) or result.discovered.get(e.entity_id)
        holder = e.entity_id
        if entity is not None and entity.entity_type == "person" and entity.country:
            holder = states.get(entity.country, holder)
        positions.add(f"{holder} {e.stance} {e.code}")
    return frozenset(terms), frozenset(positions)


@pytest.mark.parametrize("article", ARTICLES, ids=[a["id"] for a in ARTICLES])
def test_the_stances_a_coder_finds_are_found(article: dict[str, Any]) -> None:
    terms, positions = found(article["id"])
    assert set(article.get("terms") or []) <= terms
    assert set(article.get("positions") or []) <= positions


@pytest.mark.parametrize("article", ARTICLES, ids=[a["id"] for a in ARTICLES])
def test_no_stance_a_coder_would_not_state(article: dict[str, Any]) -> None:
    terms, positions = found(article["id"])
    allowed = {
        *(article.get("terms") or []),
        *(article.get("positions") or []),
        *(article.get("either") or []),
        *(article.get("missing") or []),
        *(article.get("known_false") or []),
    }
    assert terms - allowed == set()
    assert positions - allowed == set()
