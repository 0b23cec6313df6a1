"""Validation reads each table in record batches and keeps across batches only what a rule
needs (the last row, runs of equal keys, the rows of the last article...): the report must not
depend on where the batches end. Every corruption of test_corruptions is validated with
batches of 3 rows and 4 KiB CSV blocks, and must give the same findings, in the same order,
as with the default batches (one batch per table here)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_corruptions import CASES, Corruption

import talkspkg.validate.context as context
import talkspkg.validate.scan as scan
from talkspkg.validate import validate_package

CROSS_ROW = {
    "primary-key-error",
    "row-order-error",
    "span-overlap",
    "span-mismatch",
    "derived-count-error",
    "csv-parquet-mismatch",
    "model-error",
    "foreign-key-error",
    "content-id-error",
    "reference-order-error",
    "date-anchor-error",
    "entity-type-error",
    "type-error",
    "constraint-error",
}
PICKED = [c for c in CASES if CROSS_ROW & set(c.expect)]


def report(pkg: Path) -> list[tuple[object, ...]]:
    found = validate_package(pkg, share=False)
    return [(f.type, f.message, f.table, f.file, f.row, f.column) for f in found.findings]


@pytest.mark.parametrize("corruption", PICKED, ids=[c.name for c in PICKED])
def test_findings_do_not_depend_on_batch_size(
    corruption: Corruption, built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pkg = tmp_path / "pkg"
    shutil.copytree(built, pkg)
    corruption.damage(pkg)
    whole = report(pkg)
    monkeypatch.setattr(context, "BATCH_ROWS", 3)
    monkeypatch.setattr(scan, "BATCH_ROWS", 3)
    monkeypatch.setattr(scan, "CSV_BLOCK", 4096)
    assert report(pkg) == whole
    assert whole  # the corruption is caught at all


def test_pristine_package_is_valid_in_small_batches(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context, "BATCH_ROWS", 3)
    monkeypatch.setattr(scan, "BATCH_ROWS", 3)
    monkeypatch.setattr(scan, "CSV_BLOCK", 4096)
    assert report(built) == []
