"""The committed Table Schemas are exactly what the pandera models generate."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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


def test_derived_tables_json_is_what_the_models_give() -> None:
    """schema/tables.json (what the build reads instead of the models) is current."""
    from talkspkg.schema.derive import render
    from talkspkg.schema.tableschema import DERIVED_FILE

    assert DERIVED_FILE.read_text("utf-8") == render(), "run: python -m talkspkg.schema.derive"


def test_the_build_does_not_import_pandera(tmp_path: Path) -> None:
    """Annotating and writing a package reads the models only through schema/tables.json (the
    build's own validation, which runs the models, is switched off here). pandas still comes in:
    pyarrow imports it to look for pandas objects whenever it converts Python lists."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from talkspkg.build import BuildOptions, build_package\n"
        f"build_package(Path({str(ROOT / 'raw')!r}), Path({str(tmp_path / 'pkg')!r}),"
        " BuildOptions(validate=False, jobs=1))\n"
        "print('pandera' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), *sys.path])}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == "False"
    assert (tmp_path / "pkg" / "datapackage.json").is_file()
