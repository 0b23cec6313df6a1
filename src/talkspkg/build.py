"""`build_package`: raw folder -> validated package, written aside and swapped in.

The new package is written into a hidden temporary folder inside the output folder, validated
there, and only then swapped in, item by item, with the old items kept until every rename has
succeeded. A build that fails at any point before the swap (bad input, a bug, a kill) leaves the
previous package exactly as it was.

The build never deletes a file it did not write: before the swap, every file under the folders
it replaces (`data/`, `schemas/`, and `raw/` when the articles come from elsewhere) must be one
the previous package lists or one the new package writes; otherwise the build stops and names
them, unless `force` is set. A failed build also removes the output folder if it created it.
"""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyarrow as pa

from talkspkg.cache import ArticleCache
from talkspkg.errors import BuildError
from talkspkg.kb import KnowledgeBase, load_knowledge
from talkspkg.layout import files_under, listed_paths
from talkspkg.pipeline import STREAMED, Batch, KeptCopies, assemble, row_order, run_batches
from talkspkg.raw import (
    PACKAGE_FILE,
    SOURCES_FILE,
    article_paths,
    plan_raw,
    read_data_version,
    read_sources,
    stray_files,
)
from talkspkg.stages.spans import POLICY

MANAGED = ("datapackage.json", "data", "schemas", "raw")
TMP_PREFIX = ".talkspkg-tmp-"


@dataclass(frozen=True)
class BuildOptions:
    validate: bool = True
    jobs: int = 1  # annotation processes; the CLI defaults to every core
    force: bool = False  # replace the package folders even if they hold files it did not write
    # per-article annotation cache (talkspkg.cache); None: annotate every article
    cache_dir: Path | None = None
    # address of a Dask scheduler (tcp://HOST:PORT): annotate on its workers, not in `jobs`
    scheduler: str | None = None
    # called with the number of articles each annotated batch adds (a progress bar)
    progress: Callable[[int], None] | None = field(default=None, compare=False)


@dataclass
class BuildResult:
    out_dir: Path
    rows: dict[str, int] = field(default_factory=dict)


def ruleset(kb: KnowledgeBase) -> dict[str, str]:
    """Versions of the knowledge that shaped the output, recorded in the descriptor."""
    from talkspkg.lines.knowledge import LAYOUT_VERSION
    from talkspkg.stages.meetings import RULESET_VERSION as MEETINGS_VERSION
    from talkspkg.stages.proposals import load_codebook, load_cues
    from talkspkg.stages.quotes import ruleset as quote_ruleset

    return {
        **quote_ruleset(kb),
        "entities": kb.version,
        "lexicon": kb.lexicon.version,
        "codebook": load_codebook().version,
        "proposal_cues": load_cues().version,
        "meetings": MEETINGS_VERSION,
        "layout": LAYOUT_VERSION,
        "overlaps": POLICY,
    }


def _copy_raw(raw_dir: Path, target: Path, previous: Path | None = None) -> None:
    """Copy the articles (and sources.yaml, package.yaml) into `target`; an article equal byte
    for byte to the file of the same name in `previous` (the raw/ folder of the package being
    replaced) is hard-linked to that file instead of written again (a rebuild then writes only
    the new or changed articles). The link is made inside the output folder, to the package's
    own copy, never to the user's raw folder: the swap then keeps one name for it."""
    target.mkdir(parents=True)
    for path in article_paths(raw_dir):
        if previous is None or not _linked(path, previous / path.name, target / path.name):
            shutil.copyfile(path, target / path.name)
    for name in (SOURCES_FILE, PACKAGE_FILE):
        if (raw_dir / name).is_file():
            shutil.copyfile(raw_dir / name, target / name)


def _linked(source: Path, old: Path, new: Path) -> bool:
    """Hard-link `new` to `old` when `old` is a regular file with the bytes of `source`."""
    try:
        if old.is_symlink() or not old.is_file() or old.stat().st_size != source.stat().st_size:
            return False
        if old.read_bytes() != source.read_bytes():
            return False
        os.link(old, new)
    except OSError:  # unreadable, or a file system without hard links: copy
        return False
    return True


def write_into(
    raw_dir: Path, target: Path, options: BuildOptions, previous: Path | None = None
) -> BuildResult:
    """Build the whole package into the empty folder `target`; `previous`, the folder of the
    package it will replace (on the same file system), lends its unchanged raw files."""
    sources = read_sources(raw_dir)
    version = read_data_version(raw_dir)
    kb = load_knowledge()
    items = [(path, aid, sources.get(path.name, {})) for path, aid in plan_raw(raw_dir)]
    store = ArticleCache.open(options.cache_dir) if options.cache_dir is not None else None
    from talkspkg.package import TableWriter, write_package

    batches = run_batches(row_order(items), options.jobs, store, options.scheduler)
    sinks = {table: TableWriter(table, target) for table in STREAMED}
    early: dict[str, int] = {}  # corpus tables written as soon as made, and their rows

    def emit(table: str, pieces: Iterable[pa.Table]) -> None:
        sink = TableWriter(table, target)
        try:
            for piece in pieces:
                sink.write(piece)
        except BaseException:
            sink.abort()
            raise
        sink.close()
        early[table] = sink.rows

    used: set[str] = set()  # the kept batches this build read or wrote (talkspkg.cache)
    try:
        tables = assemble(
            _reported(batches, options.progress, used),
            kb,
            sinks,
            [aid for _, aid, _ in items],
            emit=emit,
            spill_dir=target,
            copies=KeptCopies(store) if store is not None else None,
        )
    except BaseException:
        for sink in sinks.values():
            sink.abort()
        raise
    for sink in sinks.values():
        sink.close()
    if store is not None:
        store.prune()
        store.prune_batches(used)
    _copy_raw(raw_dir, target / "raw", previous / "raw" if previous is not None else None)
    write_package(tables, target, ruleset(kb), version, written=[*sinks, *early])
    rows = {name: t.num_rows for name, t in tables.items()}  # per-article tables first:
    rows = {"articles": rows.pop("articles"), **{n: s.rows for n, s in sinks.items()}, **rows}
    rows.update(early)
    del tables  # validation reads the files back: the tables need not stay in memory
    if options.validate:
        from talkspkg.validate import validate_package

        share = _share_validation(rows["articles"], options.cache_dir)
        report = validate_package(target, share=share, cache_dir=options.cache_dir)
        if not report.valid:
            raise BuildError("the built package is invalid:\n" + report.summary(limit=20))
    return BuildResult(target, rows)


def _share_validation(articles: int, cache_dir: Path | None) -> bool | None:
    """Whether the build's validation may fork a helper to recount the articles' words: not
    when the cache's counts leave fewer than validate's SHARE_MIN_RESOURCES texts to count
    (a rebuild: the helper would only read and hash texts whose counts are kept, ~0.1-0.4 s of
    CPU for nothing at 2,000 articles); else as validate decides. The report is the same."""
    if cache_dir is None:
        return None
    from talkspkg.validate import SHARE_MIN_RESOURCES
    from talkspkg.validate.counts import CountStore

    kept = len(CountStore.open(cache_dir).known)  # some may be of texts no longer in raw/
    return None if articles - kept >= SHARE_MIN_RESOURCES else False


def _reported(
    batches: Iterable[Batch], progress: Callable[[int], None] | None, used: set[str]
) -> Iterator[Batch]:
    for batch in batches:
        used.add(batch.memo)
        if progress is not None:
            progress(batch.tables["articles"].num_rows)
        yield batch


@contextmanager
def _staging(out_dir: Path) -> Iterator[Path]:
    created = [p for p in (out_dir, *out_dir.parents) if not p.exists()]
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=TMP_PREFIX, dir=out_dir))
    ok = False
    try:
        yield tmp
        ok = True
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if not ok:  # leave no folder behind that this build made
            for folder in created:
                try:
                    folder.rmdir()
                except OSError:
                    break


def _listed(out_dir: Path) -> set[str]:
    """Paths the package in `out_dir` wrote, as its descriptor lists them (none if unreadable)."""
    try:
        desc = json.loads((out_dir / "datapackage.json").read_text(encoding="utf-8"))
        resources = [r for r in desc["resources"] if isinstance(r, dict)]
    except (OSError, ValueError, KeyError, TypeError):
        return set()
    return listed_paths({"resources": resources}) | {f"raw/{SOURCES_FILE}"}


def foreign_files(staged: Path, out_dir: Path, keep_raw: bool) -> list[str]:
    """Files the swap would delete that neither the previous package nor this build wrote."""
    ours = _listed(out_dir)
    folders = [n for n in MANAGED if n != "datapackage.json" and not (keep_raw and n == "raw")]
    return sorted(
        rel
        for rel in files_under(out_dir, folders)
        if rel not in ours and not (staged / rel).is_file()
    )


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def _swap_in(staged: Path, out_dir: Path, keep_raw: bool) -> None:
    backup = staged / ".old"
    backup.mkdir()
    items = [name for name in MANAGED if not (keep_raw and name == "raw")]
    # The descriptor goes last: until it is replaced, the old one still describes the old files.
    items = [*[n for n in items if n != "datapackage.json"], "datapackage.json"]
    try:
        for name in items:
            if (out_dir / name).exists():
                (out_dir / name).rename(backup / name)
            (staged / name).rename(out_dir / name)
    except OSError as exc:
        for name in items:
            if (backup / name).exists():
                _remove(out_dir / name)
                (backup / name).rename(out_dir / name)
        raise BuildError(f"could not swap the new package into {out_dir}: {exc}") from exc


def build_package(raw_dir: Path, out_dir: Path, options: BuildOptions | None = None) -> BuildResult:
    """Build the package of `raw_dir` into `out_dir`, atomically replacing what was there."""
    options = options or BuildOptions()
    keep_raw = raw_dir.resolve() == (out_dir / "raw").resolve()
    if keep_raw and (stray := stray_files(raw_dir)):
        shown = ", ".join(stray[:10]) + (", ..." if len(stray) > 10 else "")
        raise BuildError(
            f"{raw_dir}: the package's own raw/ folder holds {len(stray)} file(s) that are not "
            f"articles (*.txt), {SOURCES_FILE} or {PACKAGE_FILE}: {shown}; a package lists every "
            "file it holds, so move them out of raw/"
        )
    try:
        with _staging(out_dir) as staged:
            result = write_into(raw_dir, staged, options, previous=out_dir)
            if keep_raw:
                shutil.rmtree(staged / "raw")
            foreign = [] if options.force else foreign_files(staged, out_dir, keep_raw)
            if foreign:
                shown = ", ".join(foreign[:10]) + (", ..." if len(foreign) > 10 else "")
                raise BuildError(
                    f"{out_dir}: the build would delete {len(foreign)} file(s) it did not write: "
                    f"{shown}; move them away, or rebuild with --force to replace them"
                )
            _swap_in(staged, out_dir, keep_raw)
    except OSError as exc:
        where = exc.filename or out_dir
        raise BuildError(
            f"cannot write the package in {out_dir}: {where}: {exc.strerror or exc}"
        ) from None
    result.out_dir = out_dir
    return result


def check_package(raw_dir: Path, out_dir: Path, options: BuildOptions | None = None) -> list[str]:
    """Rebuild into a scratch folder; return the package paths that differ from `out_dir`."""
    options = options or BuildOptions()
    with tempfile.TemporaryDirectory(prefix=TMP_PREFIX) as scratch:
        fresh = Path(scratch)
        write_into(raw_dir, fresh, replace(options, validate=False, progress=None))
        return _differences(fresh, out_dir)


def _differences(fresh: Path, committed: Path) -> list[str]:
    names: set[str] = set()
    for root in (fresh, committed):
        for name in MANAGED:
            top = root / name
            if top.is_file():
                names.add(name)
            elif top.is_dir():
                names.update(str(p.relative_to(root)) for p in top.rglob("*") if p.is_file())
    return sorted(
        name
        for name in names
        if not ((fresh / name).is_file() and (committed / name).is_file())
        or not filecmp.cmp(fresh / name, committed / name, shallow=False)
    )
