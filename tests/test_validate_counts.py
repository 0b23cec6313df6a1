"""The word counts a validation computed are kept beside the annotation cache
(`talkspkg.validate.counts`): the next validation of the same texts and code counts nothing
again, and every report is the one a validation without the store gives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from corruption import edit_rows, rehash

import talkspkg.validate.words as words
from talkspkg.cache import fingerprint
from talkspkg.validate import validate_package
from talkspkg.validate.counts import FILE, CountStore


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Lengths of the texts whose prose words were counted (in this process: share=False)."""
    seen: list[int] = []
    real = words.prose_word_count

    def counting(text: str) -> int:
        seen.append(len(text))
        return real(text)

    monkeypatch.setattr(words, "prose_word_count", counting)
    return seen


def _raise_words(found: list[dict[str, Any]]) -> None:
    for row in found[:2]:
        row["word_count"] += 3


def test_a_second_validation_counts_no_text_again(
    pkg: Path, tmp_path: Path, counted: list[int]
) -> None:
    cache = tmp_path / "cache"
    first = validate_package(pkg, share=False, cache_dir=cache)
    assert len(counted) == 5
    stored = json.loads((cache / fingerprint() / FILE).read_text(encoding="utf-8"))
    assert len(stored) == 5
    counted.clear()
    second = validate_package(pkg, share=False, cache_dir=cache)
    assert counted == []
    assert first.valid and second.to_dict() == first.to_dict()


def test_a_wrong_word_count_is_found_from_stored_counts_too(
    pkg: Path, tmp_path: Path, counted: list[int]
) -> None:
    cache = tmp_path / "cache"
    assert validate_package(pkg, share=False, cache_dir=cache).valid
    edit_rows(pkg, "articles", _raise_words)
    rehash(pkg)
    counted.clear()
    without = validate_package(pkg, share=False)
    assert len(counted) == 5
    counted.clear()
    stored = validate_package(pkg, share=False, cache_dir=cache)
    assert counted == []
    assert [(f.type, f.column) for f in stored.findings] == [
        ("derived-count-error", "word_count")
    ] * 2
    assert stored.to_dict() == without.to_dict()


def test_an_edited_text_is_counted_again(pkg: Path, tmp_path: Path, counted: list[int]) -> None:
    cache = tmp_path / "cache"
    validate_package(pkg, share=False, cache_dir=cache)
    article = sorted((pkg / "raw").glob("*.txt"))[0]
    article.write_text(article.read_text(encoding="utf-8") + "\nTwo more words.\n", "utf-8")
    rehash(pkg)
    counted.clear()
    with_store = validate_package(pkg, share=False, cache_dir=cache)
    assert len(counted) == 1
    assert with_store.to_dict() == validate_package(pkg, share=False).to_dict()
    assert not with_store.valid


def test_an_unreadable_store_is_empty_and_one_of_another_shape_ignored(tmp_path: Path) -> None:
    path = tmp_path / fingerprint() / FILE
    path.parent.mkdir(parents=True)
    path.write_text("not json", encoding="utf-8")
    assert CountStore.open(tmp_path).known == {}
    path.write_text(json.dumps({"a": 3, "b": "4", "c": True}), encoding="utf-8")
    assert CountStore.open(tmp_path).known == {"a": 3}


def test_the_cli_opens_no_store(
    pkg: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: list[int]
) -> None:
    """`talkspkg validate` opens nothing outside the package (tests/test_security.py), so it
    keeps no counts, even beside an annotation cache of the working folder."""
    from click.testing import CliRunner

    from talkspkg.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / ".talkspkg-cache").mkdir()
    assert CliRunner().invoke(main, ["validate", str(pkg)]).exit_code == 0
    assert list((tmp_path / ".talkspkg-cache").iterdir()) == []
    assert len(counted) == 5


def test_a_build_forks_no_counting_helper_when_the_cache_knows_nearly_every_count(
    tmp_path: Path,
) -> None:
    """The build's own validation (talkspkg.build) lets validate decide about the helper only
    when at least SHARE_MIN_RESOURCES texts may be left to count: a rebuild's are all kept."""
    from talkspkg.build import _share_validation
    from talkspkg.validate import SHARE_MIN_RESOURCES

    cache = tmp_path / "cache"
    assert _share_validation(5000, None) is None
    assert _share_validation(5000, cache) is None  # nothing kept yet: a cold build
    store = CountStore.open(cache)
    for n in range(5000 - SHARE_MIN_RESOURCES + 1):
        store.add(f"{n:064x}", n)
    store.save()
    assert _share_validation(5000, cache) is False
    assert _share_validation(5000 + 1, cache) is None
