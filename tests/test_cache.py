"""The per-article annotation cache (talkspkg.cache): a warm build annotates nothing, a new or
changed article is annotated alone, and the package is byte-identical with or without it."""

from __future__ import annotations

import filecmp
import os
import pickle
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from conftest import RAW

import talkspkg.pipeline as pipeline
from talkspkg.build import BuildOptions, build_package
from talkspkg.cache import ArticleCache, fingerprint
from talkspkg.cli import main

SEED = "xinhua-london-talks-significant-progress.txt"


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Article ids annotated (builds run with jobs=1, so in this process)."""
    seen: list[str] = []
    real = pipeline.annotate

    def counted(raw: Any, source: Any, kb: Any) -> Any:
        seen.append(raw.article_id)
        return real(raw, source, kb)

    monkeypatch.setattr(pipeline, "annotate", counted)
    return seen


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    target = tmp_path / "raw"
    shutil.copytree(RAW, target)
    return target


def _same(a: Path, b: Path) -> bool:
    names = sorted(str(p.relative_to(a)) for p in a.rglob("*") if p.is_file())
    other = sorted(str(p.relative_to(b)) for p in b.rglob("*") if p.is_file())
    return names == other and all(filecmp.cmp(a / n, b / n, shallow=False) for n in names)


def _chunks(ids: list[str]) -> list[list[str]]:
    return [[aid for _, aid, _ in c] for c in pipeline._batches([(Path(), a, {}) for a in ids])]


def _build(raw: Path, out: Path, cache: Path | None) -> None:
    build_package(raw, out, BuildOptions(cache_dir=cache, validate=False))


def _copies_built(tmp_path: Path, n: int) -> tuple[Path, Path, list[Path]]:
    """A raw folder of `n` copies of the seeds (article-00 …), built once into `first` with a
    cache: the raw folder, the cache and the seeds."""
    raw = tmp_path / "raw"
    raw.mkdir()
    seeds = sorted(RAW.glob("*.txt"))
    for i in range(n):
        shutil.copyfile(seeds[i % len(seeds)], raw / f"article-{i:02d}.txt")
    cache = tmp_path / "cache"
    _build(raw, tmp_path / "first", cache)
    return raw, cache, seeds


def test_a_warm_build_annotates_nothing_and_writes_the_same_bytes(
    raw: Path, tmp_path: Path, calls: list[str], built: Path
) -> None:
    cache = tmp_path / "cache"
    _build(raw, tmp_path / "cold", cache)
    assert len(calls) == 5
    _build(raw, tmp_path / "warm", cache)
    assert len(calls) == 5  # all five from the cache
    assert _same(tmp_path / "cold", tmp_path / "warm")
    assert _same(tmp_path / "warm", built)  # the session's build used no cache


def test_only_a_new_or_changed_article_is_annotated_again(
    raw: Path, tmp_path: Path, calls: list[str]
) -> None:
    cache = tmp_path / "cache"
    _build(raw, tmp_path / "first", cache)
    shutil.copyfile(raw / SEED, raw / "copy-of-a-seed.txt")
    sources = yaml.safe_load((raw / "sources.yaml").read_text(encoding="utf-8"))
    entry = next(iter(sources.values()))
    entry["outlet"] = "An Outlet Renamed"  # a provenance edit changes that article's row
    (raw / "sources.yaml").write_text(yaml.safe_dump(sources), encoding="utf-8")
    calls.clear()
    _build(raw, tmp_path / "second", cache)
    assert sorted(calls) == sorted(["copy-of-a-seed", Path(next(iter(sources))).stem])
    calls.clear()
    _build(raw, tmp_path / "third", tmp_path / "other-cache")
    assert _same(tmp_path / "second", tmp_path / "third")


def test_a_damaged_entry_is_recomputed(raw: Path, tmp_path: Path, calls: list[str]) -> None:
    cache = tmp_path / "cache"
    _build(raw, tmp_path / "first", cache)
    entries = sorted((cache / fingerprint()).glob("*.pickle"))
    assert len(entries) == 5
    entries[0].write_bytes(b"not a pickle")
    entries[1].write_bytes(pickle.dumps("a value of another shape"))
    shutil.rmtree(cache / fingerprint() / "batches")  # else the kept batch serves them all
    calls.clear()
    _build(raw, tmp_path / "second", cache)
    assert len(calls) == 2
    assert _same(tmp_path / "first", tmp_path / "second")


def test_a_damaged_kept_batch_is_made_again(raw: Path, tmp_path: Path, calls: list[str]) -> None:
    cache = tmp_path / "cache"
    _build(raw, tmp_path / "first", cache)
    (kept,) = (cache / fingerprint() / "batches").glob("*.pickle")  # five articles: one batch
    kept.write_bytes(pickle.dumps("a value of another shape"))
    calls.clear()
    _build(raw, tmp_path / "second", cache)
    assert calls == []  # made again from the articles' own entries
    assert _same(tmp_path / "first", tmp_path / "second")
    assert pickle.loads(kept.read_bytes()) != "a value of another shape"


def test_a_rebuild_reads_the_unchanged_batches_whole_and_keeps_only_those_it_used(
    tmp_path: Path, calls: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Batches are cut where the articles' ids say (pipeline._batches): an added article
    changes the batch it falls in, the others are read back whole."""
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 2)
    raw, cache, seeds = _copies_built(tmp_path, 12)
    kept = cache / fingerprint() / "batches"
    before = {p.name for p in kept.glob("*.pickle")}
    assert len(before) > 2
    read: list[str] = []
    read_ids = [f"article-{n:02d}" for n in range(12)] + ["article-05b"]
    real = pipeline.annotate_cached
    monkeypatch.setattr(
        pipeline,
        "annotate_cached",
        lambda r, s, kb, store: read.append(r.article_id) or real(r, s, kb, store),
    )
    shutil.copyfile(seeds[0], raw / "article-05b.txt")
    calls.clear()
    _build(raw, tmp_path / "second", cache)
    assert calls == ["article-05b"]
    old, new = _chunks(sorted(f"article-{n:02d}" for n in range(12))), _chunks(sorted(read_ids))
    # the articles of the new batches, here those of the two batches around the new article
    assert read == [aid for chunk in new if chunk not in old for aid in chunk]
    assert "article-05b" in read and len([c for c in new if c not in old]) == 2 < len(new)
    after = {p.name for p in kept.glob("*.pickle")}
    assert 0 < len(before - after) == len(after - before) <= 2  # the old one(s) removed
    _build(raw, tmp_path / "cold", None)
    assert _same(tmp_path / "second", tmp_path / "cold")


def _package_copy(tmp_path: Path) -> Path:
    source = Path(pipeline.__file__).parent
    copy = tmp_path / "talkspkg"
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns("__pycache__", "vendor"))
    return copy


def test_the_fingerprint_follows_code_and_knowledge_not_timestamps(tmp_path: Path) -> None:
    copy = _package_copy(tmp_path)
    before = fingerprint(copy)
    knowledge = next(p for p in sorted((copy / "knowledge").rglob("*.yaml")))
    os.utime(knowledge, (0, 0))
    assert fingerprint.__wrapped__(copy) == before  # same bytes, other mtime
    knowledge.write_text(knowledge.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    edited_knowledge = fingerprint.__wrapped__(copy)
    assert edited_knowledge != before
    verbs = copy / "knowledge" / "speech_verbs.txt"  # knowledge of any extension counts
    before_verbs = fingerprint.__wrapped__(copy)
    verbs.write_text(verbs.read_text(encoding="utf-8") + "\nexclaimed\n", encoding="utf-8")
    assert fingerprint.__wrapped__(copy) != before_verbs
    module = copy / "stages" / "quotes" / "__init__.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert fingerprint.__wrapped__(copy) not in (before, edited_knowledge, before_verbs)


def test_an_entry_is_keyed_by_id_bytes_and_source(tmp_path: Path) -> None:
    store = ArticleCache(tmp_path, "r1")
    base = store.key("a", "00" * 32, {"outlet": "X"})
    assert store.key("b", "00" * 32, {"outlet": "X"}) != base
    assert store.key("a", "11" * 32, {"outlet": "X"}) != base
    assert store.key("a", "00" * 32, {"outlet": "Y"}) != base
    assert ArticleCache(tmp_path, "r2").key("a", "00" * 32, {"outlet": "X"}) != base


def test_prune_keeps_this_ruleset_and_the_two_last_used_others(tmp_path: Path) -> None:
    for age, name in enumerate(["old", "older", "recent", "newest"]):
        (tmp_path / name).mkdir()
        os.utime(tmp_path / name, (1_000_000 - age * 1000 if name != "recent" else 2_000_000,) * 2)
    (tmp_path / "current").mkdir()
    ArticleCache(tmp_path, "current").prune()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["current", "old", "recent"]


def test_the_cli_caches_in_the_working_folder_unless_told_not_to(
    raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["build", "--raw", str(raw), "--out", "out", "--jobs", "1", "-q"]
    assert CliRunner().invoke(main, [*args, "--no-cache"]).exit_code == 0
    assert not (tmp_path / ".talkspkg-cache").exists()
    assert CliRunner().invoke(main, args).exit_code == 0
    assert len(list((tmp_path / ".talkspkg-cache" / fingerprint()).glob("*.pickle"))) == 5
    other = tmp_path / "elsewhere"
    result = CliRunner().invoke(main, [*args, "--check", "--cache-dir", str(other)])
    assert result.exit_code == 0, result.output
    assert len(list((other / fingerprint()).glob("*.pickle"))) == 5


def test_a_rebuild_in_place_writes_only_the_new_or_changed_raw_files(
    raw: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    _build(raw, out, tmp_path / "cache")
    before = {p.name: p.stat().st_ino for p in (out / "raw").glob("*.txt")}
    shutil.copyfile(raw / SEED, raw / "copy-of-a-seed.txt")
    edited = sorted(n for n in before if n != SEED)[0]
    (raw / edited).write_text((raw / edited).read_text(encoding="utf-8") + "\nMore.\n", "utf-8")
    _build(raw, out, tmp_path / "cache")
    after = {p.name: p.stat().st_ino for p in (out / "raw").glob("*.txt")}
    kept = sorted(n for n in before if n != edited)
    assert [n for n in kept if after[n] == before[n]] == kept  # linked, not written again
    assert after[edited] != before[edited]
    assert all(filecmp.cmp(raw / n, out / "raw" / n, shallow=False) for n in after)
    _build(raw, tmp_path / "cold", None)
    assert _same(out, tmp_path / "cold")


def test_a_removed_or_changed_article_or_knowledge_rebuilds_the_cold_build_bytes(
    tmp_path: Path, calls: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever changed, a rebuild with the kept batches writes the package a build without
    any cache writes: an article removed or edited, or the knowledge (a new fingerprint)."""
    import talkspkg.cache as cache_module

    monkeypatch.setattr(pipeline, "BATCH_SIZE", 2)
    raw, cache, _ = _copies_built(tmp_path, 10)
    (raw / "article-03.txt").unlink()
    text = (raw / "article-07.txt").read_text(encoding="utf-8")
    (raw / "article-07.txt").write_text(text.replace(" said ", " told reporters ", 1), "utf-8")
    calls.clear()
    _build(raw, tmp_path / "second", cache)
    assert calls == ["article-07"]
    _build(raw, tmp_path / "cold", None)
    assert _same(tmp_path / "second", tmp_path / "cold")
    ruleset = fingerprint()
    monkeypatch.setattr(cache_module, "fingerprint", lambda package_dir=None: ruleset[::-1])
    calls.clear()
    _build(raw, tmp_path / "third", cache)
    assert len(calls) == 9  # another ruleset: no entry, no kept batch of the old one is read
    assert _same(tmp_path / "third", tmp_path / "cold")


def test_a_parallel_rebuild_reads_the_kept_batches_here_and_writes_the_cold_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 2)
    raw, cache, seeds = _copies_built(tmp_path, 10)
    shutil.copyfile(seeds[1], raw / "article-04b.txt")
    here: list[str] = []
    real = pipeline._read_kept
    monkeypatch.setattr(
        pipeline, "_read_kept", lambda c, s, k: here.append(c[0][1]) or real(c, s, k)
    )
    build_package(raw, tmp_path / "second", BuildOptions(cache_dir=cache, jobs=2, validate=False))
    chunks = _chunks(sorted(p.stem for p in raw.glob("*.txt")))
    assert 0 < len(here) < len(chunks)  # the kept ones, read in this process
    assert "article-04b" not in {aid for c in chunks if c[0] in here for aid in c}
    _build(raw, tmp_path / "cold", None)
    assert _same(tmp_path / "second", tmp_path / "cold")
