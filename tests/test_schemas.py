"""The committed Table Schemas are exactly what the pandera models generate."""

from __future__ import annotations

import json

import pyarrow as pa
import pytest
from conftest import ROOT

from talkspkg.schema.models import MODELS
from talkspkg.schema.tableschema import arrow_schema, table_schema


@pytest.mark.parametrize("table", sorted(MODELS))
def test_committed_schema_matches_model(table: str) -> None:
    committed = json.loads((ROOT / "schemas" / f"{table}.json").read_text("utf-8"))
    assert committed == table_schema(table), f"schemas/{table}.json drifted: run talkspkg build"


@pytest.mark.parametrize("table", sorted(MODELS))
def test_every_field_is_described(table: str) -> None:
    assert all(f["description"] for f in table_schema(table)["fields"])


def test_articles_schema_types_and_keys() -> None:
    schema = table_schema("articles")
    types = {f["name"]: f["type"] for f in schema["fields"]}
    assert types["published_date"] == "date"
    assert types["published_time"] == "time"
    assert types["word_count"] == "integer"
    assert schema["primaryKey"] == ["article_id"]
    assert arrow_schema("articles").field("published_date").type == pa.date32()


def test_mentions_foreign_keys_point_at_articles_and_entities() -> None:
    fks = table_schema("mentions")["foreignKeys"]
    assert {(tuple(fk["fields"]), fk["reference"]["resource"]) for fk in fks} == {
        (("article_id",), "articles"),
        (("entity_id",), "entities"),
    }
