"""pandera's own out-of-core backends against talkspkg's Arrow executor (issue #18, point 2).

NOT a project dependency: run it with a separate venv holding pandera with its polars and ibis
extras, polars, ibis-framework[duckdb], duckdb and pyarrow (nothing of this goes into the
project's pyproject.toml or lock files):

    python3 -m venv /tmp/pbvenv
    /tmp/pbvenv/bin/pip install "pandera[polars,ibis]==0.35.0" polars "ibis-framework[duckdb]" \
        duckdb==2.0.1 pyarrow==26.0.1
    /tmp/pbvenv/bin/python bench/pandera_backends.py measure PKG_DIR [PKG_DIR ...] \
        --project-python .venv/bin/python --runs 3

The models are ported from `src/talkspkg/schema/tables.json` (the pandera models' columns and
checks derived as data): dtype, nullability, `unique`, the built-in checks (isin, ranges,
str_matches) and the DataFrame-level checks, whose pandas source each has a polars and an Ibis
counterpart here keyed by the same source hash as `validate/compiled.py`; the primary key, when
it spans several columns, as the schema's `unique`. Every backend validates the same Parquet
files, table by table, each run in a fresh process (peak RSS from `wait4`):

- `read`: the floor, `pyarrow.parquet.read_table` of each file;
- `polars`: `pandera.polars` on `pl.scan_parquet` LazyFrames (validation depth
  SCHEMA_AND_DATA, which LazyFrames do not get by default);
- `polars-arrow`: `pandera.polars` on DataFrames made zero-copy from the Arrow tables
  `pyarrow.parquet.read_table` returns (the model checks as they would run inside
  `talkspkg validate`, which reads every table into Arrow for its other checks anyway);
- `ibis`: `pandera.ibis` on DuckDB tables reading the Parquet (`con.read_parquet`);
- `compiled`: talkspkg's own executor (`validate.compiled.failures`) on the Arrow tables
  (needs the project's venv, `--project-python`);
- `talkspkg`: `talkspkg validate PKG_DIR`, the whole package with everything it checks.

`tamper PKG OUT` writes a damaged copy of the tables (a duplicated key, a reversed span, a value
out of its enum, a null in a required column, an id breaking its pattern); `check OUT` runs
each backend on it and prints what each reported, to show that the ports check what they claim.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TABLES_JSON = ROOT / "src" / "talkspkg" / "schema" / "tables.json"
TABLES = ["mentions", "quotes", "term_positions", "meeting_mentions", "articles"]
BACKENDS = ["read", "polars", "polars-arrow", "ibis", "compiled", "talkspkg"]


def _spec() -> dict[str, Any]:
    return json.loads(TABLES_JSON.read_text("utf-8"))


# -- the models, ported --------------------------------------------------------------------
def polars_schema(table: str) -> Any:
    import pandera.polars as pa
    import polars as pl

    dtypes = {
        "string": pl.String,
        "int64": pl.Int64,
        "double": pl.Float64,
        "bool": pl.Boolean,
        "date32[day]": pl.Date,
        "time32[ms]": pl.Time,
    }
    c = pl.col

    def pair_ordered(start: str, end: str) -> Any:
        return (c(start).is_null() & c(end).is_null()) | (c(start) < c(end)).fill_null(False)

    frame = {
        "3e0f82faa314a92b": c("start") < c("end"),
        "07502edd583bca7a": (c("start") < c("end")) & (c("trigger_start") < c("trigger_end")),
        "6bb943a128c78f90": (c("date_start") <= c("date_end")).fill_null(True),
        "bed74f268bbdbfc3": pair_ordered("speaker_start", "speaker_end"),
        "f9ea13627d85f781": pair_ordered("cue_start", "cue_end"),
    }
    return _schema(pa, table, dtypes, frame, lambda expr: lambda d: d.lazyframe.select(expr))


def ibis_schema(table: str) -> Any:
    import ibis.expr.datatypes as dt
    import pandera.ibis as pa

    dtypes = {
        "string": dt.String,
        "int64": dt.Int64,
        "double": dt.Float64,
        "bool": dt.Boolean,
        "date32[day]": dt.Date,
        "time32[ms]": dt.Time,
    }

    def pair_ordered(start: str, end: str) -> Any:
        return lambda t: (
            (t[start].isnull() & t[end].isnull()) | (t[start] < t[end]).fill_null(False)
        )

    frame = {
        "3e0f82faa314a92b": lambda t: t["start"] < t["end"],
        "07502edd583bca7a": lambda t: (
            (t["start"] < t["end"]) & (t["trigger_start"] < t["trigger_end"])
        ),
        "6bb943a128c78f90": lambda t: (t["date_start"] <= t["date_end"]).fill_null(True),
        "bed74f268bbdbfc3": pair_ordered("speaker_start", "speaker_end"),
        "f9ea13627d85f781": pair_ordered("cue_start", "cue_end"),
    }
    # pandera.ibis accepts Column(unique=True) but never checks it (0.35.0): every key, one
    # column or several, goes into the schema's `unique`, which it does check.
    return _schema(pa, table, dtypes, frame, lambda fn: lambda d: fn(d.table), keys_in_schema=True)


def _schema(
    pa: Any, table: str, dtypes: dict[str, Any], frame: dict[str, Any], wrap: Any, **kw: Any
) -> Any:
    spec = _spec()[table]
    rules = spec["rules"]
    arrow = {col["name"]: col["arrow"] for col in spec["columns"]}
    builtin = {
        "greater_than_or_equal_to": lambda s: pa.Check.ge(s["min_value"]),
        "less_than_or_equal_to": lambda s: pa.Check.le(s["max_value"]),
        "isin": lambda s: pa.Check.isin(s["allowed_values"]),
        "str_matches": lambda s: pa.Check.str_matches(s["pattern"]),
    }
    keys = spec["meta"]["primary_key"]
    keys_in_schema = kw.get("keys_in_schema", False) or len(keys) > 1
    columns = {
        col["name"]: pa.Column(
            dtypes[arrow[col["name"]]],
            nullable=col["nullable"],
            unique=col["unique"] and not keys_in_schema,
            checks=[builtin[c["check"]](c["statistics"]) for c in col["checks"]],
        )
        for col in rules["columns"]
    }
    checks = [pa.Check(wrap(frame[c["hash"]]), name=c["error"]) for c in rules["frame_checks"]]
    return pa.DataFrameSchema(
        columns, checks=checks, strict=True, unique=keys if keys_in_schema else None
    )


# -- one backend, in this process ------------------------------------------------------------
def _failures(exc: Any) -> list[str]:
    """(column, check) of each failure pandera reports."""
    return sorted(
        {f"{e.schema.name}:{getattr(e.check, 'name', e.check)}" for e in exc.schema_errors}
    )


def run_read(pkg: Path, tables: list[str]) -> dict[str, list[str]]:
    import pyarrow.parquet as pq

    for table in tables:
        pq.read_table(pkg / "data" / f"{table}.parquet")
    return {}


def run_polars(pkg: Path, tables: list[str]) -> dict[str, list[str]]:
    import pandera.polars  # noqa: F401  (registers the backend)
    import polars as pl
    from pandera.config import ValidationDepth, config_context
    from pandera.errors import SchemaErrors

    found = {}
    with config_context(validation_depth=ValidationDepth.SCHEMA_AND_DATA):
        for table in tables:
            try:
                polars_schema(table).validate(
                    pl.scan_parquet(pkg / "data" / f"{table}.parquet"), lazy=True
                )
            except SchemaErrors as exc:
                found[table] = _failures(exc)
    return found


def run_polars_arrow(pkg: Path, tables: list[str]) -> dict[str, list[str]]:
    """pandera.polars on the Arrow tables the validator already reads (zero-copy DataFrames):
    what the model checks would cost inside `talkspkg validate`."""
    import pandera.polars  # noqa: F401
    import polars as pl
    import pyarrow.parquet as pq
    from pandera.errors import SchemaErrors

    found = {}
    for table in tables:
        frame = pl.from_arrow(pq.read_table(pkg / "data" / f"{table}.parquet"))
        try:
            polars_schema(table).validate(frame, lazy=True)
        except SchemaErrors as exc:
            found[table] = _failures(exc)
    return found


def run_ibis(pkg: Path, tables: list[str]) -> dict[str, list[str]]:
    import ibis
    import pandera.ibis  # noqa: F401
    from pandera.errors import SchemaErrors

    con = ibis.duckdb.connect()
    found = {}
    for table in tables:
        try:
            ibis_schema(table).validate(
                con.read_parquet(pkg / "data" / f"{table}.parquet"), lazy=True
            )
        except SchemaErrors as exc:
            found[table] = _failures(exc)
    return found


def run_compiled(pkg: Path, tables: list[str]) -> dict[str, list[str]]:
    import pyarrow.parquet as pq

    from talkspkg.validate.compiled import failures

    found = {}
    for table in tables:
        got = failures(table, pq.read_table(pkg / "data" / f"{table}.parquet"))
        if got:
            found[table] = sorted({f"{f.column}:{f.check}" for f in got})
    return found


RUNNERS = {
    "read": run_read,
    "polars": run_polars,
    "polars-arrow": run_polars_arrow,
    "ibis": run_ibis,
    "compiled": run_compiled,
}


IMPORTS = {
    "read": ["pyarrow.parquet"],
    "polars": ["polars", "pandera.polars"],
    "polars-arrow": ["polars", "pandera.polars", "pyarrow.parquet"],
    "ibis": ["ibis", "pandera.ibis"],
    "compiled": ["pyarrow.parquet", "talkspkg.validate.compiled"],
}


def one(backend: str, pkg: Path, tables: list[str]) -> None:
    """Run `backend` once and print {imports, seconds, failures} as JSON (the parent reads
    it): `seconds` is the reading and validating, after the libraries are imported."""
    import importlib

    start = time.perf_counter()
    for module in IMPORTS[backend]:
        importlib.import_module(module)
    if backend == "ibis":
        import ibis

        ibis.duckdb.connect()  # loads the DuckDB backend, as a first validation would
    imported = time.perf_counter()
    found = RUNNERS[backend](pkg, tables)
    done = time.perf_counter()
    print(json.dumps({"imports": imported - start, "seconds": done - imported, "failures": found}))


# -- the driver: a fresh process per run --------------------------------------------------------
def _spawn(cmd: list[str], env: dict[str, str]) -> tuple[float, float, int, str]:
    """Wall seconds, peak RSS (MiB), exit code and stdout of `cmd`, a child of this process."""
    start = time.perf_counter()
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, env=env) as proc:
        out = proc.stdout.read().decode() if proc.stdout else ""
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, proc.returncode, out


def measure_one(backend: str, pkg: Path, tables: list[str], project_python: str) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    if backend == "talkspkg":
        cmd = [project_python, "-m", "talkspkg", "validate", str(pkg)]
    else:
        python = project_python if backend == "compiled" else sys.executable
        cmd = [python, __file__, "one", backend, str(pkg), "--tables", *tables]
    load = os.getloadavg()[0]
    wall, rss, code, out = _spawn(cmd, env)
    row: dict[str, Any] = {"backend": backend, "pkg": str(pkg), "wall": wall, "rss_mib": rss}
    row.update(exit=code, load=load)
    if backend != "talkspkg":
        result = json.loads(out.strip().splitlines()[-1])
        row.update(result)
    return row


def measure(args: argparse.Namespace) -> None:
    rows = []
    for pkg in args.pkgs:
        for run in range(args.runs):
            for backend in args.backends:
                row = measure_one(backend, pkg, args.tables, args.project_python)
                row["run"] = run
                rows.append(row)
                print(json.dumps(row), file=sys.stderr, flush=True)
    if args.out:
        args.out.write_text(json.dumps(rows, indent=1) + "\n")
    summarize(rows)


def summarize(rows: list[dict[str, Any]]) -> None:
    """Medians per (package, backend), and each backend's time over the read floor's: the
    reading and validating alone, and the whole process (interpreter and imports included)."""
    by: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in rows:
        by.setdefault((row["pkg"], row["backend"]), []).append(row)

    def med(runs: list[dict[str, Any]], key: str) -> float:
        return statistics.median(r[key] for r in runs)

    print(
        "| package | backend | imports s | read+validate s | × floor | process s | × floor "
        "| peak MiB | runs | exit |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for (pkg, backend), runs in by.items():
        floor = by.get((pkg, "read"), runs)
        wall = med(runs, "wall")
        cells = ["—", "—", "—"]
        if "seconds" in runs[0]:
            secs = med(runs, "seconds")
            ratio = secs / med(floor, "seconds")
            cells = [f"{med(runs, 'imports'):.2f}", f"{secs:.2f}", f"{ratio:.1f}"]
        exits = ",".join(sorted({str(r["exit"]) for r in runs}))
        print(
            f"| {Path(pkg).name} | {backend} | {' | '.join(cells)} | {wall:.2f} "
            f"| {wall / med(floor, 'wall'):.1f} | {max(r['rss_mib'] for r in runs):.0f} "
            f"| {len(runs)} | {exits} |"
        )


# -- a damaged copy, to show the ports check what they claim ------------------------------------
def tamper(pkg: Path, out: Path, tables: list[str]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    (out / "data").mkdir(parents=True, exist_ok=True)
    spec = _spec()
    for table in tables:
        t = pq.read_table(pkg / "data" / f"{table}.parquet")
        cols = {c["name"]: c for c in spec[table]["rules"]["columns"]}
        data = t.slice(0, 50).to_pylist()
        data.append(dict(data[0]))  # a duplicated row: the primary key repeats
        if "start" in cols:
            data[1]["start"] = data[1]["end"] + 5  # a reversed span
        enum = next((n for n, c in cols.items() if _has(c, "isin")), None)
        if enum:
            data[2][enum] = "bogus"
        strings = [n for n, c in cols.items() if t.schema.field(n).type == pa.string()]
        required = next(n for n in strings if not cols[n]["nullable"])
        data[3][required] = None
        pattern = next((n for n, c in cols.items() if _has(c, "str_matches")), None)
        if pattern:
            data[4][pattern] = "Not An Id!"
        loose = pa.schema([f.with_nullable(True) for f in t.schema])  # lets the null through
        pq.write_table(pa.Table.from_pylist(data, schema=loose), out / "data" / f"{table}.parquet")
    shutil.copy(pkg / "datapackage.json", out / "datapackage.json")


def _has(column: dict[str, Any], check: str) -> bool:
    return any(c["check"] == check for c in column["checks"])


def check(args: argparse.Namespace) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    for backend in ["compiled", "polars", "polars-arrow", "ibis"]:
        python = args.project_python if backend == "compiled" else sys.executable
        cmd = [python, __file__, "one", backend, str(args.pkg), "--tables", *args.tables]
        out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout
        print(backend, json.dumps(json.loads(out.strip().splitlines()[-1])["failures"], indent=1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("one")
    p.add_argument("backend", choices=sorted(RUNNERS))
    p.add_argument("pkg", type=Path)
    p.add_argument("--tables", nargs="+", default=TABLES)
    p = sub.add_parser("measure")
    p.add_argument("pkgs", type=Path, nargs="+")
    p.add_argument("--backends", nargs="+", default=BACKENDS, choices=BACKENDS)
    p.add_argument("--tables", nargs="+", default=TABLES)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--project-python", default=str(ROOT / ".venv" / "bin" / "python"))
    p.add_argument("--out", type=Path)
    p = sub.add_parser("summary")
    p.add_argument("json", type=Path, nargs="+")
    p = sub.add_parser("tamper")
    p.add_argument("pkg", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("--tables", nargs="+", default=TABLES)
    p = sub.add_parser("check")
    p.add_argument("pkg", type=Path)
    p.add_argument("--tables", nargs="+", default=TABLES)
    p.add_argument("--project-python", default=str(ROOT / ".venv" / "bin" / "python"))
    args = parser.parse_args()
    if args.command == "one":
        one(args.backend, args.pkg, args.tables)
    elif args.command == "measure":
        measure(args)
    elif args.command == "summary":
        summarize([row for path in args.json for row in json.loads(path.read_text("utf-8"))])
    elif args.command == "tamper":
        tamper(args.pkg, args.out, args.tables)
    else:
        check(args)


if __name__ == "__main__":
    main()
