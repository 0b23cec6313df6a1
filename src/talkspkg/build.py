"""`build_package`: raw folder -> validated package, written aside and swapped in.

The new package is written into a hidden temporary folder inside the output folder, validated
there, and only then swapped in, item by item, with the old items kept until every rename has
succeeded. A build that fails at any point before the swap (bad input, a bug, a kill) leaves the
previous package exactly as it was.
"""

from __future__ import annotations

import filecmp
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from talkspkg.errors import BuildError
from talkspkg.kb import KnowledgeBase, load_knowledge
from talkspkg.pipeline import assemble, run_batches
from talkspkg.raw import SOURCES_FILE, article_paths, plan_raw, read_sources
from talkspkg.stages.spans import POLICY

MANAGED = ("datapackage.json", "data", "schemas", "raw")
TMP_PREFIX = ".talkspkg-tmp-"


@dataclass(frozen=True)
class BuildOptions:
    validate: bool = True
    jobs: int = 1  # annotation processes; the CLI defaults to every core


@dataclass
class BuildResult:
    out_dir: Path
    rows: dict[str, int] = field(default_factory=dict)


def ruleset(kb: KnowledgeBase) -> dict[str, str]:
    """Versions of the knowledge that shaped the output, recorded in the descriptor."""
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
        "overlaps": POLICY,
    }


def _copy_raw(raw_dir: Path, target: Path) -> None:
    target.mkdir(parents=True)
    for path in article_paths(raw_dir):
        shutil.copyfile(path, target / path.name)
    if (raw_dir / SOURCES_FILE).is_file():
        shutil.copyfile(raw_dir / SOURCES_FILE, target / SOURCES_FILE)


def write_into(raw_dir: Path, target: Path, options: BuildOptions) -> BuildResult:
    """Build the whole package into the empty folder `target`."""
    sources = read_sources(raw_dir)
    kb = load_knowledge()
    items = [(path, aid, sources.get(path.name, {})) for path, aid in plan_raw(raw_dir)]
    tables = assemble(run_batches(items, options.jobs), kb)
    _copy_raw(raw_dir, target / "raw")
    from talkspkg.package import write_package

    write_package(tables, target, ruleset(kb))
    rows = {name: t.num_rows for name, t in tables.items()}
    del tables  # validation reads the files back: the tables need not stay in memory
    if options.validate:
        from talkspkg.validate import validate_package

        report = validate_package(target)
        if not report.valid:
            raise BuildError("the built package is invalid:\n" + report.summary(limit=20))
    return BuildResult(target, rows)


@contextmanager
def _staging(out_dir: Path) -> Iterator[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=TMP_PREFIX, dir=out_dir))
    try:
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


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
    with _staging(out_dir) as staged:
        result = write_into(raw_dir, staged, options)
        if keep_raw:
            shutil.rmtree(staged / "raw")
        _swap_in(staged, out_dir, keep_raw)
    result.out_dir = out_dir
    return result


def check_package(raw_dir: Path, out_dir: Path, options: BuildOptions | None = None) -> list[str]:
    """Rebuild into a scratch folder; return the package paths that differ from `out_dir`."""
    options = options or BuildOptions()
    with tempfile.TemporaryDirectory(prefix=TMP_PREFIX) as scratch:
        fresh = Path(scratch)
        write_into(raw_dir, fresh, BuildOptions(validate=False, jobs=options.jobs))
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
