"""Benchmark: build and validate synthetic corpora of N articles; compare with frictionless.

    python bench/run.py [--sizes 100 1000 10000] [--jobs 2] [--frictionless-at 10000]

For every N: the cold build (empty annotation cache) wall time, articles per second, peak RSS
of the build (all processes), and `talkspkg validate` wall time; then rebuilds with the cache
(talkspkg.cache): warm (nothing changed), +1 article, +1% articles. For the largest N also
`frictionless validate` on the same package and the I/O floor: reading every data file once with
pyarrow and hashing every file. Prints Markdown tables (paste them into BENCHMARKS.md).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.csv as pacsv
import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import generate  # noqa: E402

_PEAK = (
    "import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
    "sys.exit(code)"
)


def timed(cmd: list[str]) -> tuple[float, int, int]:
    """(wall seconds, exit code, peak RSS in MiB of the largest process among the command and
    its workers). A fresh wrapper process runs the command, so each peak is the command's own."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _PEAK, *cmd], capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        print(proc.stdout[-2000:], proc.stderr[-2000:], file=sys.stderr)
    peak_kib = int(proc.stderr.strip().splitlines()[-1])
    return wall, proc.returncode, peak_kib // 1024


def startup(exe: list[str]) -> str:
    """Median wall time of `talkspkg --help` and of validating the committed package."""
    root = HERE.parent

    def wall(cmd: list[str]) -> float:
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        return time.perf_counter() - start

    help_s = sorted(wall([*exe, "--help"]) for _ in range(5))[2]
    small_s = sorted(wall([*exe, "validate", str(root)]) for _ in range(5))[2]
    return (
        f"Start-up: `talkspkg --help` {help_s:.2f} s; `talkspkg validate` on the committed "
        f"{len(list((root / 'raw').glob('*.txt')))}-article package {small_s:.2f} s (medians of 5)."
    )


def read_floor(pkg: Path) -> float:
    start = time.perf_counter()
    for path in sorted((pkg / "data").iterdir()):
        if path.suffix == ".parquet":
            pq.read_table(path)
        elif path.suffix == ".csv":
            pacsv.read_csv(path)
    for path in sorted(pkg.rglob("*")):
        if path.is_file():
            hashlib.sha256(path.read_bytes()).hexdigest()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--frictionless-at", type=int, default=None)
    args = parser.parse_args()
    exe = [sys.executable, "-m", "talkspkg"]
    frictionless_at = args.frictionless_at or max(args.sizes)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(
        "| articles | build s | articles/s | ms/article | build peak RSS MiB | rows "
        "| validate s | validate peak RSS MiB |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    extra, incremental = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            corpus, pkg = Path(tmp) / f"raw{n}", Path(tmp) / f"pkg{n}"
            generate(n, corpus)
            build = [*exe, "build", "--raw", str(corpus), "--out", str(pkg)]
            build += ["--jobs", str(args.jobs), "--cache-dir", str(Path(tmp) / f"cache{n}")]
            build_s, code, rss = timed(build)
            assert code == 0, "build failed"
            incremental.append(rebuilds(n, corpus, build))
            rows = sum(
                pq.ParquetFile(p).metadata.num_rows for p in (pkg / "data").glob("*.parquet")
            )
            validate_s, code, validate_rss = timed([*exe, "validate", str(pkg)])
            assert code == 0, "validate failed"
            cells = [f"{n:,}", f"{build_s:.1f}", f"{n / build_s:.0f}", f"{1000 * build_s / n:.2f}"]
            cells += [str(rss), f"{rows:,}", f"{validate_s:.2f}", str(validate_rss)]
            print("| " + " | ".join(cells) + " |")
            if n == frictionless_at:
                floor = read_floor(pkg)
                fl_s, _, _ = timed(["frictionless", "validate", str(pkg / "datapackage.json")])
                extra.append(
                    f"At {n:,} articles: talkspkg validate {validate_s:.2f} s; "
                    f"frictionless validate {fl_s:.1f} s (ratio {fl_s / validate_s:.1f}x); "
                    f"read floor (pyarrow read of every data file + sha256 of every file) "
                    f"{floor:.2f} s (validate = {validate_s / floor:.1f}x floor)."
                )
            sys.stdout.flush()
    print()
    print("| articles | warm rebuild s (peak MiB) | +1 article s | +1% articles s |")
    print("|---:|---:|---:|---:|")
    print("\n".join(incremental))
    print()
    print("\n".join([*extra, startup(exe)]))


def rebuilds(n: int, corpus: Path, build: list[str]) -> str:
    """A Markdown row: rebuild times with a full cache, after adding one article (a copy of one
    under a new name, so a new article id) and after adding 1% more."""
    warm_s, code, warm_rss = timed(build)
    assert code == 0, "warm rebuild failed"
    articles = sorted(corpus.glob("*.txt"))
    shutil.copyfile(articles[0], corpus / "added-000000.txt")
    one_s, code, _ = timed(build)
    assert code == 0, "rebuild +1 failed"
    for i, path in enumerate(articles[1 : 1 + max(1, n // 100)], start=1):
        shutil.copyfile(path, corpus / f"added-{i:06d}.txt")
    pct_s, code, _ = timed(build)
    assert code == 0, "rebuild +1% failed"
    return f"| {n:,} | {warm_s:.1f} ({warm_rss}) | {one_s:.1f} | {pct_s:.1f} |"


if __name__ == "__main__":
    main()
