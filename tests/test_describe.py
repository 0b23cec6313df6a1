"""`talkspkg describe`: what a package holds, as text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
from click.testing import CliRunner

from talkspkg.cli import main


def test_describe_json_counts_rows_and_coverage(built: Path) -> None:
    result = CliRunner().invoke(main, ["describe", str(built), "--json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.output)
    quotes = pq.read_table(built / "data" / "quotes.parquet")
    assert info["tables"]["quotes"]["rows"] == quotes.num_rows
    assert info["tables"]["quotes"]["primary_key"] == ["quote_id"]
    assert sum(info["coverage"]["articles_per_outlet"].values()) == 5
    attributed = sum(s is not None for s in quotes["speaker_id"].to_pylist()) / quotes.num_rows
    assert info["coverage"]["quotes_attributed_share"] == round(attributed, 4)
    assert info["tool"]["ruleset"]["codebook"]


def test_describe_text_names_each_table_and_its_columns(built: Path) -> None:
    result = CliRunner().invoke(main, ["describe", str(built)])
    assert result.exit_code == 0
    assert "\nmeetings: " in result.output and "  speaker_id (string): " in result.output


def test_describe_of_no_package_is_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["describe", str(tmp_path)])
    assert result.exit_code == 2 and result.stderr.startswith("Error: ")
    missing = tmp_path / "nowhere"
    result = CliRunner().invoke(main, ["describe", str(missing)])
    assert result.exit_code == 2
    assert result.stderr.count(str(missing)) == 1, result.stderr  # named once, not twice
