"""The word counts recomputed by a forked helper (`talkspkg.validate.sharing`) are the plain
map's, whatever the helper does, and the report is the same with or without it."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest
from corruption import edit_rows, rehash

from talkspkg.validate import validate_package
from talkspkg.validate.sharing import SharedMap

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork is Linux's")


def _square(x: int) -> int:
    return x * x


@linux_only
def test_the_shared_map_is_the_plain_map() -> None:
    shared = SharedMap(_square, range(1000), chunk=7)
    shared.start()
    assert shared.results() == [x * x for x in range(1000)]


def test_an_unstarted_map_runs_here() -> None:
    assert SharedMap(_square, [3, 4], chunk=1).results() == [9, 16]
    assert SharedMap(_square, []).results() == []


@linux_only
def test_chunks_a_dying_helper_never_sent_are_computed_here() -> None:
    parent = os.getpid()

    def dies_in_helper(x: int) -> int:
        if os.getpid() != parent and x >= 50:
            os._exit(9)  # as an out-of-memory kill would
        return x * x

    shared = SharedMap(dies_in_helper, range(400), chunk=10)
    shared.start()
    assert shared.results() == [x * x for x in range(400)]


@linux_only
def test_an_error_in_the_helper_is_raised_here_for_the_check_to_report() -> None:
    def fails(x: int) -> int:
        raise ValueError(f"bad item {x}")

    shared = SharedMap(fails, range(5), chunk=2)
    shared.start()
    with pytest.raises(ValueError, match=r"bad item \d"):
        shared.results()


def _raise_words(found: list[dict[str, Any]]) -> None:
    for row in found[:2]:
        row["word_count"] += 3


@linux_only
def test_word_count_errors_found_with_a_helper_are_the_same_report(pkg: Path) -> None:
    edit_rows(pkg, "articles", _raise_words)
    rehash(pkg)
    alone = validate_package(pkg, share=False)
    shared = validate_package(pkg, share=True)
    assert [(f.type, f.table, f.column) for f in alone.findings] == [
        ("derived-count-error", "articles", "word_count")
    ] * 2
    assert shared.to_dict() == alone.to_dict()


def test_a_small_package_starts_no_helper(pkg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: SharedMap[Any, Any]) -> None:
        raise AssertionError("a 5-article package must not fork")

    monkeypatch.setattr(SharedMap, "start", refuse)
    assert validate_package(pkg).valid
