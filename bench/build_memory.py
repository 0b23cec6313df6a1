"""Peak memory of builds of growing corpora, and its slope per article.

For each RAW_DIR (nested corpora are best: the first N files of one synthetic corpus), builds
the package in a fresh process (`build_package`, with Arrow's allocator as `talkspkg build`
sets it: `--arrow-pool`) into a scratch folder and prints the wall time, the main process's
peak RSS when the build starts validating the package it wrote (the build's own memory:
annotation results, corpus stages, writing) and at the end (validation included), and the
peak of the largest process (a worker, when larger). Then the least-squares slope of each
peak in KiB per article. With a warm `--cache-dir` the annotation is read from the cache, so
the main process's corpus stages dominate. `--trace` prints the RSS at named calls.

    python bench/build_memory.py RAW_DIR [RAW_DIR ...] [--cache-dir DIR] [--jobs 2]
        [--trace talkspkg.pipeline:assemble_meeting_columns,...]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

_CHILD = """
import json, resource, sys
from pathlib import Path
import talkspkg.validate as validate
from talkspkg.build import BuildOptions, build_package

def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

marks = {}
real = validate.validate_package
def measured(*args, **kwargs):
    marks["before_validate_mib"] = peak()
    return real(*args, **kwargs)
validate.validate_package = measured

def rss():
    fields = dict(line.split(":", 1) for line in open("/proc/self/status"))
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024

def arrow_mib():
    import pyarrow
    return round(pyarrow.total_allocated_bytes() / 2**20)

def traced(module, name):
    owner = module
    *path, name = name.split(".")  # a method: Class.method
    for part in path:
        owner = getattr(owner, part)
    real = getattr(owner, name, None)
    if real is None:
        return
    def wrapper(*args, **kwargs):
        now, top = rss()
        marks.setdefault("trace", []).append([name + " <", round(now), round(top), arrow_mib()])
        result = real(*args, **kwargs)
        now, top = rss()
        marks["trace"].append([name + " >", round(now), round(top), arrow_mib()])
        return result
    setattr(owner, name, wrapper)

raw, out, cache, jobs, trace, ruleset = sys.argv[1:7]
if ruleset:
    import talkspkg.cache
    talkspkg.cache.fingerprint = lambda package_dir=None: ruleset
if trace:
    import importlib
    for spec in trace.split(","):
        module, name = spec.split(":")
        traced(importlib.import_module(module), name)
options = BuildOptions(jobs=int(jobs), cache_dir=Path(cache) if cache else None, force=True)
result = build_package(Path(raw), Path(out), options)
marks["main_mib"] = peak()
marks["rows"] = sum(result.rows.values())
print(json.dumps(marks))
"""


def measure(
    raw: Path,
    cache: Path | None,
    jobs: int,
    trace: str = "",
    ruleset: str = "",
    pool: str = "system",
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="build-memory-") as scratch:
        start = time.perf_counter()
        child = [_CHILD, str(raw), scratch, str(cache or ""), str(jobs), trace, ruleset]
        env = {**os.environ, "ARROW_DEFAULT_MEMORY_POOL": pool}
        proc = subprocess.Popen(
            [sys.executable, "-c", *child],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)  # the child's rusage: its largest process
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"build of {raw} failed ({proc.returncode})")
    marks = json.loads(out.strip().splitlines()[-1])
    largest = usage.ru_maxrss / 1024
    articles = sum(1 for p in raw.iterdir() if p.suffix == ".txt")
    return {"articles": articles, "wall_s": round(wall, 1), **marks, "largest_mib": largest}


def slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of (x, y)."""
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    den = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / den if den else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw", type=Path, nargs="+")
    parser.add_argument("--cache-dir", type=Path, default=None)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--trace",
        default="",
        help="MODULE:FUNCTION or MODULE:CLASS.METHOD,... to wrap: the main process's RSS, peak "
        "RSS and bytes held by Arrow's allocator (MiB) at each call's entry and exit are printed",
    )
    parser.add_argument(
        "--cache-ruleset",
        default="",
        help="read and write the cache entries of this fingerprint (a folder of --cache-dir) "
        "instead of the code's own: to measure a change of the corpus stages with the "
        "annotations of another commit whose per-article stages are the same",
    )
    parser.add_argument(
        "--arrow-pool",
        default="system",
        choices=["system", "mimalloc", "jemalloc"],
        help="Arrow's allocator (ARROW_DEFAULT_MEMORY_POOL): `talkspkg build` sets system since "
        "scale-11; mimalloc was its default before",
    )
    args = parser.parse_args()
    results = []
    print(
        "| articles | wall s | main peak before validating MiB | main peak MiB "
        "| largest process MiB | rows |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    for raw in args.raw:
        r = measure(raw, args.cache_dir, args.jobs, args.trace, args.cache_ruleset, args.arrow_pool)
        results.append(r)
        print(
            f"| {r['articles']:,} | {r['wall_s']} | {r['before_validate_mib']:.0f} "
            f"| {r['main_mib']:.0f} | {r['largest_mib']:.0f} | {r['rows']:,} |",
            flush=True,
        )
        for label, now, top, arrow in r.get("trace", []):
            print(f"    {label:40} rss {now:6} MiB  peak {top:6} MiB  Arrow {arrow:5} MiB")
    if len(results) > 1:
        for key in ("before_validate_mib", "main_mib"):
            per = slope([(r["articles"], r[key]) for r in results]) * 1024
            print(f"slope of {key}: {per:.1f} KiB per article")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
