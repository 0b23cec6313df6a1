"""Checks run in a forked process (`talkspkg.validate.aside`) report exactly what they report in
the main process, in the same order, and a child that dies is a finding, not a hang."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from corruption import edit_rows, rehash

import talkspkg.validate as validate
from talkspkg.validate import validate_package
from talkspkg.validate.aside import worth_aside
from talkspkg.validate.context import PackageContext
from talkspkg.validate.report import Finding

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork is Linux's")


def _raise_words(found: list[dict[str, Any]]) -> None:
    for row in found[:2]:
        row["word_count"] += 3


@linux_only
def test_a_word_count_error_found_aside_is_the_same_report(pkg: Path) -> None:
    edit_rows(pkg, "articles", _raise_words)
    rehash(pkg)
    here = validate_package(pkg, aside=False)
    there = validate_package(pkg, aside=True)
    assert [(f.type, f.table, f.column) for f in here.findings] == [
        ("derived-count-error", "articles", "word_count")
    ] * 2
    assert there.to_dict() == here.to_dict()


@linux_only
def test_a_valid_package_stays_valid_aside(pkg: Path) -> None:
    assert validate_package(pkg, aside=True).to_dict() == validate_package(pkg).to_dict()


@linux_only
def test_a_child_that_dies_is_reported_per_check(
    pkg: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def dies(ctx: PackageContext) -> Iterator[Finding]:
        os._exit(3)  # as an out-of-memory kill would
        yield from ()

    monkeypatch.setattr(validate, "CHECKS", (*validate.CHECKS, dies))
    monkeypatch.setattr(validate, "ASIDE", (validate.ASIDE[0], dies))
    report = validate_package(pkg, aside=True)
    assert [(f.type, f.message) for f in report.findings] == [
        ("check-error", f"check {name} could not run: its process died")
        for name in ("article_counts", "dies")
    ]
    assert report.checks[-1] == "dies"


def test_small_packages_and_refusals_stay_in_one_process(pkg: Path) -> None:
    ctx = PackageContext.open(pkg)
    assert not worth_aside(ctx, None)  # 5 articles: a fork costs more than it saves
    assert not worth_aside(ctx, False)
