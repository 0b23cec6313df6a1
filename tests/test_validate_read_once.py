"""Each table's Parquet file is read and decoded once: the scan keeps the typed batches it read
(`context.KEPT_DECODED` bytes in all) and the checks after it take those. A table over the
budget is read again, and the report is the same either way."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from test_corruptions import CASES
from test_validate_batches import PICKED, report

import talkspkg.validate.context as context
import talkspkg.validate.scan as scan
from talkspkg.validate import validate_package


def test_each_parquet_file_is_opened_once(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: Counter[str] = Counter()
    real = scan.parquet_file

    def counting(ctx: Any, rel: str) -> Any:
        opened[rel] += 1
        return real(ctx, rel)

    monkeypatch.setattr(scan, "parquet_file", counting)
    assert validate_package(built, share=False).valid
    assert opened and set(opened.values()) == {1}, opened


def test_without_kept_batches_the_files_are_read_again(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: Counter[str] = Counter()
    real = scan.parquet_file

    def counting(ctx: Any, rel: str) -> Any:
        opened[rel] += 1
        return real(ctx, rel)

    monkeypatch.setattr(scan, "parquet_file", counting)
    monkeypatch.setattr(context, "KEPT_DECODED", 0)
    assert validate_package(built, share=False).valid
    assert opened["data/mentions.parquet"] > 1


SOME = PICKED[::3] + [c for c in CASES if c.name.startswith("parquet-")]


@pytest.mark.parametrize("corruption", SOME, ids=[c.name for c in SOME])
def test_findings_do_not_depend_on_kept_batches(
    corruption: Any, built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pkg = tmp_path / "pkg"
    shutil.copytree(built, pkg)
    corruption.damage(pkg)
    kept = report(pkg)
    monkeypatch.setattr(context, "KEPT_DECODED", 0)
    assert report(pkg) == kept
