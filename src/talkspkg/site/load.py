"""Load a built package for the site: its descriptor, every table as rows, every raw text."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from talkspkg.errors import PackageError
from talkspkg.layout import listed_paths, parquet_resources

Row = dict[str, Any]

TABLES = (
    "articles",
    "entities",
    "mentions",
    "quotes",
    "meetings",
    "meeting_participants",
    "meeting_mentions",
    "codebook",
    "proposals",
    "proposal_terms",
    "term_positions",
)


@dataclass
class Package:
    root: Path
    descriptor: dict[str, Any]
    tables: dict[str, list[Row]]
    texts: dict[str, str] = field(default_factory=dict)  # article_id -> raw text as stored

    def rows(self, table: str) -> list[Row]:
        return self.tables.get(table, [])

    @property
    def entities(self) -> dict[str, Row]:
        return {e["entity_id"]: e for e in self.rows("entities")}

    def files(self) -> list[str]:
        """Every file the descriptor names, relative to the root, sorted."""
        return sorted(listed_paths(self.descriptor))


def load_package(root: Path) -> Package:
    """Read `root/datapackage.json`, its Parquet tables and the raw articles they point to."""
    try:
        descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PackageError(f"{root}: cannot read datapackage.json: {exc}") from exc
    parquet = parquet_resources(descriptor)
    tables: dict[str, list[Row]] = {}
    for name in TABLES:
        if name in parquet:
            path = parquet[name]["path"]
            try:
                tables[name] = pq.read_table(root / path).to_pylist()
            except (OSError, ValueError) as exc:
                raise PackageError(f"{path}: cannot read: {exc}") from exc
    package = Package(root, descriptor, tables)
    for article in package.rows("articles"):
        raw = root / article["raw_path"]
        try:
            package.texts[article["article_id"]] = raw.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise PackageError(f"{article['raw_path']}: cannot read: {exc}") from exc
    return package
