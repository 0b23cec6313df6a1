"""Validate's peak memory and time at sizes beyond the largest package built.

    python bench/validate_memory.py tile PKG OUT --copies 10   # a 10x package from a built one
    python bench/validate_memory.py measure PKG [PKG ...] [--runs 3] [--python PY]

`tile` writes a valid package holding `copies` copies of every article of PKG: each copy's
articles get new ids (`<id>-c<n>`; copy 0 keeps the original ids), raw files are hard links to
the originals, every table row that names an article is repeated per copy with its ids
rewritten (content ids too), the counts other tables keep are multiplied, and every table is
written by the build's own writer (`package.write_table`: Parquet row groups and CSV as a build
writes them). Meetings, entities, proposals and the codebook are not repeated, so it shows the
slope of the validator in the per-article tables and the raw files, not that of a real corpus
of that size (which would have more meetings and people).

`measure` runs `talkspkg validate PKG` in a fresh process per run and reports its wall time
and peak RSS (`wait4`).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from talkspkg.package import dump_json, table_resources, write_schema, write_table
from talkspkg.schema.tableschema import table_meta, table_names

# columns that count other rows, multiplied by the number of copies
COUNTS = {
    "entities": ("mention_count", "article_count"),
    "meetings": ("article_count",),
    "proposal_terms": ("article_count",),
    "proposals": ("article_count",),
}
PER_ARTICLE = ("articles", "mentions", "quotes", "meeting_mentions", "term_positions")


def _suffix(col: pa.ChunkedArray, suffix: str) -> pa.ChunkedArray:
    return pc.binary_join_element_wise(col, pa.scalar(suffix), "")


def _copy(table: str, arrow: pa.Table, n: int) -> pa.Table:
    """Copy `n` of a per-article table: article ids (and what restates them) get `-c<n>`."""
    if n == 0:
        return arrow
    suffix = f"-c{n}"
    cols = {name: arrow[name] for name in arrow.column_names}
    cols["article_id"] = _suffix(cols["article_id"], suffix)
    if table == "articles":
        cols["raw_path"] = pc.binary_join_element_wise(
            pa.scalar("raw/"), cols["article_id"], pa.scalar(".txt"), ""
        )
    if table == "mentions":
        start, end = cols["start"].cast(pa.string()), cols["end"].cast(pa.string())
        cols["mention_id"] = pc.binary_join_element_wise(
            cols["article_id"], ".", start, "-", end, ""
        )
    if table == "quotes":
        start, end = cols["start"].cast(pa.string()), cols["end"].cast(pa.string())
        cols["quote_id"] = pc.binary_join_element_wise(
            cols["article_id"], ".q", start, "-", end, ""
        )
        # `continues` names a quote of the same article: its id carries the article's id
        old, new = arrow["article_id"], cols["article_id"]
        cols["continues"] = pa.chunked_array(
            [
                pa.array(
                    [
                        None if c is None else a + c[len(o) :]
                        for c, o, a in zip(
                            arrow["continues"].to_pylist(),
                            old.to_pylist(),
                            new.to_pylist(),
                            strict=True,
                        )
                    ],
                    pa.string(),
                )
            ]
        )
    if table == "meeting_mentions":
        anchor = cols["date_anchor"]
        relative = pc.starts_with(anchor, "relative-to-")
        cols["date_anchor"] = pc.if_else(relative, _suffix(anchor, suffix), anchor)
    return pa.table(cols, schema=arrow.schema)


def _sorted(table: str, arrow: pa.Table) -> pa.Table:
    key = table_meta(table)["primary_key"]
    return arrow.sort_by([(k, "ascending") for k in key])


def tile(src: Path, out: Path, copies: int) -> None:
    desc = json.loads((src / "datapackage.json").read_text("utf-8"))
    (out / "raw").mkdir(parents=True, exist_ok=True)
    for table in table_names():
        arrow = pq.read_table(src / "data" / f"{table}.parquet")
        if table in PER_ARTICLE:
            arrow = _sorted(table, pa.concat_tables(_copy(table, arrow, n) for n in range(copies)))
        for column in COUNTS.get(table, ()):
            i = arrow.schema.get_field_index(column)
            scaled = pc.multiply(arrow[column], copies).cast(arrow.schema.field(i).type)
            arrow = arrow.set_column(i, arrow.schema.field(i), scaled)
        write_table(table, arrow, out)
        write_schema(table, out)
        print(table, arrow.num_rows, file=sys.stderr)
    resources: list[dict[str, Any]] = []
    for table in table_names():
        resources.extend(table_resources(table, out))
    raws = [r for r in desc["resources"] if str(r.get("path", "")).startswith("raw/")]
    others = [
        r
        for r in desc["resources"]
        if not str(r.get("path", "")).startswith(("raw/", "data/", "schemas/"))
    ]
    for n in range(copies):
        for res in raws:
            path = res["path"]
            if n and path.endswith(".txt") and res.get("name", "").startswith("raw-"):
                stem = path.removeprefix("raw/").removesuffix(".txt")
                res = {**res, "name": f"raw-{stem}-c{n}", "path": f"raw/{stem}-c{n}.txt"}
            elif n:
                continue
            target = out / res["path"]
            if not target.exists():
                os.link(src / path, target)
            resources.append(res)
    for res in others:
        target = out / res["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            os.link(src / res["path"], target)
    desc["resources"] = resources + others
    (out / "datapackage.json").write_text(dump_json(desc), "utf-8")


def measure(pkg: Path, python: str) -> tuple[float, int, int]:
    """(wall s, exit code, peak RSS MiB) of `talkspkg validate pkg` in a fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [python, "-m", "talkspkg", "validate", str(pkg)], stdout=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, os.waitstatus_to_exitcode(status), usage.ru_maxrss // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("tile")
    t.add_argument("src", type=Path)
    t.add_argument("out", type=Path)
    t.add_argument("--copies", type=int, required=True)
    m = sub.add_parser("measure")
    m.add_argument("packages", type=Path, nargs="+")
    m.add_argument("--runs", type=int, default=3)
    m.add_argument("--python", default=sys.executable)
    args = parser.parse_args()
    if args.command == "tile":
        tile(args.src, args.out, args.copies)
        return
    print("| package | articles | validate s (median) | runs s | peak MiB | exit |")
    print("|---|---:|---:|---|---:|---:|")
    for pkg in args.packages:
        articles = pq.ParquetFile(pkg / "data" / "articles.parquet").metadata.num_rows
        runs = [measure(pkg, args.python) for _ in range(args.runs)]
        walls = [r[0] for r in runs]
        cells = [
            pkg.name,
            f"{articles:,}",
            f"{statistics.median(walls):.2f}",
            ", ".join(f"{w:.2f}" for w in walls),
            str(max(r[2] for r in runs)),
            ",".join(sorted({str(r[1]) for r in runs})),
        ]
        print("| " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
