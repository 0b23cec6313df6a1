"""Corpus stage `entities`: the curated knowledge base plus every discovered entity, counted.

A name discovered in several articles is one entity; if any article shows it as a person it is
a person (a journalist who is also an actor is an actor); its role and country are the first
stated, in article order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pyarrow as pa

from talkspkg.kb import Entity, KnowledgeBase


def merge_discovered(per_article: Iterable[dict[str, Entity]]) -> dict[str, Entity]:
    merged: dict[str, Entity] = {}
    for found in per_article:
        for eid, entity in sorted(found.items()):
            prior = merged.get(eid)
            if prior is None:
                merged[eid] = entity
                continue
            etype = (
                "person"
                if "person" in (prior.entity_type, entity.entity_type)
                else prior.entity_type
            )
            merged[eid] = Entity(
                eid,
                prior.name,
                etype,
                prior.country or entity.country,
                prior.role
                if prior.entity_type == etype and prior.role
                else entity.role or prior.role,
                curated=False,
                source=prior.source if prior.entity_type == etype else entity.source,
            )
    return merged


def mention_counts(mentions: pa.Table) -> dict[str, tuple[int, int]]:
    """entity_id -> (mentions, articles mentioning it) in the rows of `mentions`."""
    if not mentions.num_rows:
        return {}
    grouped = mentions.group_by("entity_id").aggregate(
        [("mention_id", "count"), ("article_id", "count_distinct")]
    )
    return {
        row["entity_id"]: (row["mention_id_count"], row["article_id_count_distinct"])
        for row in grouped.to_pylist()
    }


def add_counts(total: dict[str, tuple[int, int]], more: Mapping[str, tuple[int, int]]) -> None:
    """Add the counts of other articles (no article counted in both) to `total`."""
    for eid, (n_mentions, n_articles) in more.items():
        prior = total.get(eid, (0, 0))
        total[eid] = (prior[0] + n_mentions, prior[1] + n_articles)


def entity_rows(
    kb: KnowledgeBase, discovered: dict[str, Entity], counts: Mapping[str, tuple[int, int]]
) -> list[dict[str, Any]]:
    """The rows of `entities`; `counts` are the corpus's `mention_counts`."""
    rows = []
    for entity in [*kb.entities.values(), *discovered.values()]:
        n_mentions, n_articles = counts.get(entity.entity_id, (0, 0))
        rows.append(
            {
                "entity_id": entity.entity_id,
                "name": entity.name,
                "entity_type": entity.entity_type,
                "country": entity.country,
                "role": entity.role,
                "curated": entity.curated,
                "source": entity.source,
                "mention_count": n_mentions,
                "article_count": n_articles,
            }
        )
    return rows
