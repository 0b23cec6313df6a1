"""Score every table of a real build against the hand-checked gold (tests/data/gold/).

    python bench/quality.py [--split seeds|dev|fresh|all] [--verbose] [--json]
    python bench/quality.py --write-doc      # regenerate docs/QUALITY.md's current figures
    python bench/quality.py --folder DIR     # your own articles and their gold (see gold.py)

Each split is built on its own into a temporary package with the real `talkspkg build` (a
subprocess, validation included): the seeds from `raw/`, the corpus splits from
`../shared/corpus/dev/` with their `sources.yaml` entries. The figures and the rule that
matches predictions to gold are in `score.py` beside this file; `--verbose` lists every miss,
false row and wrong field with its text, so that an error is one command away from its source.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gold import CORPUS_DIR, ROOT, GoldArticle, load_gold
from intervals import interval_table, intervals
from score import FIGURES, Package, score_split
from vocabulary import coverage

from talkspkg.schema.models import MODELS

SPLITS = ("seeds", "dev", "fresh")
GOLD_SPLIT = {"seeds": "seed", "dev": "dev", "fresh": "fresh"}
TABLES = tuple(t for t in MODELS if t != "codebook")  # every table the scorer reads
QUALITY_DOC = ROOT / "docs" / "QUALITY.md"


def stage_raw(golds: list[GoldArticle], folder: Path, own: Path | None = None) -> None:
    """The split's articles, and their provenance, as a raw folder."""
    folder.mkdir()
    sources_of = (own or CORPUS_DIR) / "sources.yaml"
    corpus_sources = (
        yaml.safe_load(sources_of.read_text(encoding="utf-8")) if sources_of.exists() else {}
    ) or {}
    seed_sources_path = ROOT / "raw" / "sources.yaml"
    seed_sources = yaml.safe_load(seed_sources_path.read_text(encoding="utf-8"))
    allowed = ("outlet", "url", "published_date", "language", "licence", "origin", "note")
    sources: dict[str, dict[str, Any]] = {}
    for gold in golds:
        shutil.copyfile(gold.path, folder / gold.path.name)
        entry = (seed_sources if gold.split == "seed" else corpus_sources).get(gold.path.name)
        if entry:
            sources[gold.path.name] = {k: v for k, v in entry.items() if k in allowed}
    (folder / "sources.yaml").write_text(yaml.safe_dump(sources, sort_keys=True), "utf-8")


def talkspkg_build(raw: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """The real `talkspkg build` of `raw` into `out`, in a subprocess (what a maintainer runs)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "0"}
    cmd = [sys.executable, "-m", "talkspkg", "build", "--raw", str(raw), "--out", str(out)]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)


def read_package(out: Path) -> Package:
    """The tables of a built package, as the scorer reads them."""
    return Package(
        {name: pq.read_table(out / "data" / f"{name}.parquet").to_pylist() for name in TABLES}
    )


def build(golds: list[GoldArticle], workdir: Path, own: Path | None = None) -> Package:
    raw, out = workdir / "raw", workdir / "pkg"
    stage_raw(golds, raw, own)
    done = talkspkg_build(raw, out)
    if done.returncode != 0:
        raise SystemExit(f"talkspkg build failed:\n{done.stdout}{done.stderr}")
    return read_package(out)


def run(split: str, folder: Path | None = None, with_intervals: bool = False) -> dict[str, Any]:
    golds = load_gold(None, folder) if folder else load_gold({GOLD_SPLIT[split]})
    if not golds:
        raise SystemExit(f"no gold articles in {folder or f'split {split!r}'}")
    with tempfile.TemporaryDirectory(prefix="talkspkg-quality-") as tmp:
        package = build(golds, Path(tmp), folder)
    result = {**score_split(golds, package), "coverage": coverage(golds)}
    if with_intervals:
        result["intervals"] = intervals(golds, package)
    return result


def table(results: dict[str, dict[str, Any]]) -> str:
    names = list(results)
    lines = ["| figure | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for figure, _label in FIGURES:
        cells = []
        for name in names:
            value = results[name]["figures"].get(figure)
            cells.append("—" if value is None else _fmt(value))
        lines.append(f"| {figure} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _fmt(value: float | int) -> str:
    return str(value) if isinstance(value, int) else f"{value:.2f}"


def counts_line(results: dict[str, dict[str, Any]]) -> str:
    parts = []
    for name, result in results.items():
        c = result["counts"]
        parts.append(
            f"{name}: {c['articles']} articles, {c['persons']} persons, {c['quotes']} quotes, "
            f"{c['meetings']} meeting reports, {c['terms']} terms, {c['positions']} positions"
        )
    return "; ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description="Score a real build against the gold.")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument(
        "--folder",
        type=Path,
        help="score the articles and gold of this folder instead (<id>.txt + <id>.yaml)",
    )
    parser.add_argument("--verbose", action="store_true", help="list every error with its text")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--intervals",
        action="store_true",
        help="90%% intervals by resampling articles (bench/intervals.py; always with --write-doc)",
    )
    parser.add_argument("--write-doc", action="store_true", help="update docs/QUALITY.md")
    parser.add_argument("--allow-drop", metavar="REASON", help="record lower figures anyway")
    parser.add_argument(
        "--baseline-of",
        metavar="COMMIT",
        help="record the results as the starting figures of COMMIT's annotator (see quality_doc)",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    if args.folder and (args.write_doc or args.baseline_of):
        parser.error("--folder scores your own articles; it never writes docs/QUALITY.md")
    whole = args.split == "all" or args.write_doc or args.baseline_of
    splits = SPLITS if whole else (args.split,)
    ranges = args.intervals or args.write_doc
    if args.folder:
        results = {args.folder.name: run("", args.folder, ranges)}
    else:
        results = {split: run(split, None, ranges) for split in splits}
    if args.write_doc:
        from quality_doc import write_doc

        write_doc(QUALITY_DOC, results, args.allow_drop)
    if args.baseline_of:
        from quality_doc import write_doc

        write_doc(QUALITY_DOC, results, baseline_of=args.baseline_of)
    if args.write_doc or args.baseline_of:  # the README shows the calibration table too
        from cogapp import Cog

        Cog().main(["cog", "-r", "-q", str(QUALITY_DOC.parent.parent / "README.md")])
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return
    print(table(results))
    if args.intervals:
        shown = tuple(name for name, _label in FIGURES)
        current = {
            "splits": {n: r["figures"] for n, r in results.items()},
            "intervals": {n: r["intervals"] for n, r in results.items()},
        }
        print("\n" + "\n".join(interval_table(current, list(results), shown)))
    print(f"\ngold: {counts_line(results)}")
    if args.verbose:
        for split, result in results.items():
            print(f"\n## {split}: every error")
            for problem in result["problems"]:
                print(problem)
    print(f"\n({time.perf_counter() - started:.1f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
