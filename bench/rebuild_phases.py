"""Where a rebuild's time goes: one build of RAW_DIR with a (warm) annotation cache, in phases.

    python bench/rebuild_phases.py RAW_DIR --cache-dir DIR [--jobs 1] [--profile OUT.prof]
        [--out PACKAGE_DIR]

Runs `build_package` (as `talkspkg build` does) into a scratch folder (or into `--out`, the
package of an earlier build, which a rebuild in place replaces), in this process, with
light wrappers around its steps, and prints for each the CPU time of this process
(`time.process_time`) and the wall time: reading the cache entries into batches (with
`--jobs 1` in this process, so the CPU time is theirs; with more jobs the workers' time is not
counted, the wait for them is), writing the streamed tables, spilling the corpus stages'
inputs and reading them back, each corpus stage, writing the corpus tables, the other tables
and the descriptor, copying the raw files, and the build's validation of the package. CPU time
is what to compare on a loaded machine: wall time there is mostly waiting.
`--profile` also writes a cProfile of the whole build (cProfile slows Python code ~2x).
"""

from __future__ import annotations

import argparse
import cProfile
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import wraps
from pathlib import Path
from typing import Any

import talkspkg.build as build
import talkspkg.cache as cache
import talkspkg.compact as compact
import talkspkg.package as package
import talkspkg.pipeline as pipeline
import talkspkg.validate as validate

SPENT: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])


def _timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        cpu, wall = time.process_time(), time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            SPENT[name][0] += time.process_time() - cpu
            SPENT[name][1] += time.perf_counter() - wall

    return run


def _timed_iter(name: str, fn: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    @wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Iterator[Any]:
        it = iter(fn(*args, **kwargs))
        while True:
            cpu, wall = time.process_time(), time.perf_counter()
            try:
                item = next(it)
            except StopIteration:
                return
            finally:
                SPENT[name][0] += time.process_time() - cpu
                SPENT[name][1] += time.perf_counter() - wall
            yield item

    return run


STREAMED = "write streamed tables (mentions, quotes)"
CORPUS = "write corpus tables (as made)"


class _TimedWriter(package.TableWriter):
    def _name(self) -> str:
        return STREAMED if self.table in pipeline.STREAMED else CORPUS

    def write(self, arrow: Any) -> None:
        return _timed(self._name(), super().write)(arrow)

    def close(self) -> None:
        return _timed(self._name(), super().close)()


def instrument() -> None:
    build.run_batches = _timed_iter("read cache / annotate batches", build.run_batches)
    compact.Spill.add_batch = _timed("spill corpus-stage inputs", compact.Spill.add_batch)
    if hasattr(compact.Spill, "add_pickled"):  # records pickled in the workers, written here
        compact.Spill.add_pickled = _timed("spill corpus-stage inputs", compact.Spill.add_pickled)
    compact.Spill.meetings = _timed("read spilled inputs back", compact.Spill.meetings)
    compact.Spill.evidence = _timed("read spilled inputs back", compact.Spill.evidence)
    pipeline.merge_discovered = _timed("entities (merge, rows)", pipeline.merge_discovered)
    pipeline.entity_rows = _timed("entities (merge, rows)", pipeline.entity_rows)
    pipeline.assemble_meeting_columns = _timed(
        "meetings (cluster, rows)", pipeline.assemble_meeting_columns
    )
    pipeline.assemble_proposals = _timed("proposals", pipeline.assemble_proposals)
    pipeline.fill_column_sentences = _timed("fill sentences", pipeline.fill_column_sentences)
    pipeline.fill_sentences = _timed("fill sentences", pipeline.fill_sentences)
    pipeline.column_pieces = _timed_iter("corpus tables to Arrow", pipeline.column_pieces)
    pipeline.to_arrow = _timed("corpus tables to Arrow", pipeline.to_arrow)
    package.TableWriter = _TimedWriter  # type: ignore[misc]
    package.write_table = _timed("write other tables", package.write_table)
    package.descriptor = _timed("descriptor (hashes every file)", package.descriptor)
    build._copy_raw = _timed("copy raw files", build._copy_raw)
    validate.validate_package = _timed("validate the package", validate.validate_package)
    build.write_into = _timed("total (write_into)", build.write_into)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw", type=Path)
    parser.add_argument("--cache-dir", type=Path, required=True)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--profile", type=Path)
    parser.add_argument(
        "--out",
        type=Path,
        help="build into this folder, replacing the package there (as a rebuild in place "
        "does), not into a scratch folder",
    )
    parser.add_argument(
        "--ruleset",
        help="read the entries of this fingerprint (a folder of the cache) whatever the code's "
        "own: to time code that does not change the annotation (the validator, the writer, the "
        "corpus stages) against the entries an earlier commit made",
    )
    parser.add_argument(
        "--without-pandas",
        action="store_true",
        help="let pyarrow take pandas as absent first, as `talkspkg build` does (talkspkg.cli)",
    )
    args = parser.parse_args()
    if args.without_pandas:
        from talkspkg.cli import _arrow_without_pandas

        _arrow_without_pandas()
    if args.ruleset:
        cache.fingerprint = lambda package_dir=None: args.ruleset
    instrument()
    options = build.BuildOptions(jobs=args.jobs, cache_dir=args.cache_dir)
    with tempfile.TemporaryDirectory() as tmp:
        profiler = cProfile.Profile() if args.profile else None
        cpu, wall = time.process_time(), time.perf_counter()
        if profiler:
            profiler.enable()
        build.build_package(args.raw, args.out or Path(tmp) / "pkg", options)
        if profiler:
            profiler.disable()
            profiler.dump_stats(args.profile)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    total = SPENT.pop("total (write_into)")
    print("| step | CPU s | wall s |\n|---|---:|---:|")
    for name, (c, w) in SPENT.items():
        print(f"| {name} | {c:.2f} | {w:.2f} |")
    print(
        f"| rest of write_into | {total[0] - sum(c for c, _ in SPENT.values()):.2f} | "
        f"{total[1] - sum(w for _, w in SPENT.values()):.2f} |"
    )
    print(f"| **build_package** | {cpu:.2f} | {wall:.2f} |")


if __name__ == "__main__":
    main()
