"""From raw files to tables: per-article annotation (pure) then corpus-level assembly."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from talkspkg.document import Article
from talkspkg.kb import Entity, KnowledgeBase
from talkspkg.metadata import parse_metadata
from talkspkg.raw import RawFile
from talkspkg.stages.articles import article_row
from talkspkg.stages.entities import entity_rows, merge_discovered
from talkspkg.stages.mentions import mentions
from talkspkg.tables import to_arrow


@dataclass
class ArticleAnnotations:
    """Everything the per-article stages produced for one article."""

    article: Article
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    discovered: dict[str, Entity] = field(default_factory=dict)


def make_article(raw: RawFile) -> Article:
    return Article(
        article_id=raw.article_id,
        raw_path=f"raw/{raw.path.name}",
        raw_sha256=raw.sha256,
        text=raw.text,
        meta=parse_metadata(raw.text),
    )


def annotate(raw: RawFile, source: Mapping[str, Any], kb: KnowledgeBase) -> ArticleAnnotations:
    """Run every per-article stage on one article. Pure: same inputs, same rows."""
    article = make_article(raw)
    result = ArticleAnnotations(article)
    result.rows["articles"] = [article_row(article, source)]
    found = mentions(article, kb)
    result.discovered = found.discovered
    result.rows["mentions"] = [
        {
            "mention_id": m.mention_id,
            "article_id": m.article_id,
            "entity_id": m.entity_id,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "rule": m.rule,
        }
        for m in found.mentions
    ]
    return result


def assemble(results: Iterable[ArticleAnnotations], kb: KnowledgeBase) -> dict[str, pa.Table]:
    """Concatenate per-article rows into normalized tables, then run the corpus stages."""
    rows: dict[str, list[dict[str, Any]]] = {}
    discovered = []
    for result in results:
        discovered.append(result.discovered)
        for table, table_rows in result.rows.items():
            rows.setdefault(table, []).extend(table_rows)
    tables = {table: to_arrow(table, table_rows) for table, table_rows in rows.items()}
    tables["entities"] = to_arrow(
        "entities", entity_rows(kb, merge_discovered(discovered), tables["mentions"])
    )
    return tables
