"""Stage `articles`: one row per article from its parsed metadata and its provenance entry.

The text always wins: a `sources.yaml` value fills a field only when the text states nothing
(the publication date is already merged into the article's metadata by `pipeline.make_article`,
so that every stage sees it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from talkspkg.document import Article
from talkspkg.errors import RawInputError


def source_date(value: Any, where: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return date.fromisoformat(value)
    raise RawInputError(f"{where}: published_date must be YYYY-MM-DD, got {value!r}")


def article_row(article: Article, source: Mapping[str, Any]) -> dict[str, Any]:
    meta = article.meta
    return {
        "article_id": article.article_id,
        "title": meta.title,
        "outlet": meta.outlet or source.get("outlet"),
        "byline": meta.byline,
        "published_date": meta.published_date,
        "published_time": meta.published_time,
        "dateline": meta.dateline,
        "url": meta.url or source.get("url"),
        "language": meta.language or source.get("language"),
        "licence": source.get("licence"),
        "word_count": meta.word_count,
        "char_count": len(article.text),
        "raw_path": article.raw_path,
        "raw_sha256": article.raw_sha256,
    }
