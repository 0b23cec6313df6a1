"""From raw files to tables: per-article annotation (pure) then corpus-level assembly."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from talkspkg.document import Article
from talkspkg.metadata import parse_metadata
from talkspkg.raw import RawFile
from talkspkg.stages.articles import article_row
from talkspkg.tables import to_arrow


@dataclass
class ArticleAnnotations:
    """Everything the per-article stages produced for one article, as rows per table."""

    article: Article
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def make_article(raw: RawFile) -> Article:
    return Article(
        article_id=raw.article_id,
        raw_path=f"raw/{raw.path.name}",
        raw_sha256=raw.sha256,
        text=raw.text,
        meta=parse_metadata(raw.text),
    )


def annotate(raw: RawFile, source: Mapping[str, Any]) -> ArticleAnnotations:
    """Run every per-article stage on one article. Pure: same inputs, same rows."""
    article = make_article(raw)
    result = ArticleAnnotations(article)
    result.rows["articles"] = [article_row(article, source)]
    return result


def assemble(results: Iterable[ArticleAnnotations]) -> dict[str, pa.Table]:
    """Concatenate per-article rows into normalized tables (corpus-level stages go here)."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for result in results:
        for table, table_rows in result.rows.items():
            rows.setdefault(table, []).extend(table_rows)
    return {table: to_arrow(table, table_rows) for table, table_rows in rows.items()}
