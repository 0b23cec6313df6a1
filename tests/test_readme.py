"""The README cannot drift: generated sections match, and its code snippets run."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from cogapp import Cog
from conftest import ROOT

from talkspkg.cli import main

README = (ROOT / "README.md").read_text("utf-8")


def _block_after(marker: str) -> str:
    match = re.search(rf"<!-- {re.escape(marker)} -->\n```\w+\n(.*?)```", README, re.DOTALL)
    assert match, f"README lacks a code block after <!-- {marker} -->"
    return match.group(1)


def test_generated_sections_are_current() -> None:
    assert Cog().main(["cog", "--check", str(ROOT / "README.md")]) == 0, "run: cog -r README.md"


def test_every_command_is_documented() -> None:
    for name in main.commands:
        assert f"`talkspkg {name} --help`" in README, name


def test_data_dictionary_documents_every_column() -> None:
    from talkspkg.schema.models import MODELS
    from talkspkg.schema.tableschema import columns

    for table in MODELS:
        assert f"### `{table}`" in README
        for c in columns(table):
            assert f"| `{c.name}` |" in README


@pytest.mark.parametrize("name", ["pandas", "duckdb"])
def test_loading_snippet_runs_on_committed_package(name: str) -> None:
    code = _block_after(f"snippet: {name}")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "Volodymyr Zelensky" in result.stdout or "Marco Rubio" in result.stdout


def test_quickstart_has_exactly_two_commands_that_ci_runs() -> None:
    build = _block_after("command: build").strip()
    test = _block_after("command: test").strip()
    assert build.endswith("talkspkg build && talkspkg validate")
    assert test.endswith("python -m pytest")
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "readme_command test" in ci and "readme_command build" in ci
    assert os.access(ROOT / ".ci" / "run", os.R_OK)
