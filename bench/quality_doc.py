"""docs/QUALITY.md and docs/quality.json: the committed figures of bench/quality.py.

`docs/quality.json` keeps the starting figures (`baseline`, measured once before any fix drawn
from the real articles, never rewritten) and the current ones; docs/QUALITY.md is rendered from
it. tests/test_quality.py reruns the scorer and fails when a current figure differs from a fresh
run, and, louder, when a seeds or dev figure dropped by more than TOLERANCE. `--write-doc`
refuses to record such a drop unless `--allow-drop REASON` is given, and records the reason.
"""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from intervals import interval_table
from score import CONFIDENCE_BANDS, FIGURES, LOWER_IS_BETTER

TOLERANCE = 0.01
GUARDED_SPLITS = ("seeds", "dev")
HELD_OUT = "fresh"  # scored to report, never to tune on
SPLIT_ORDER = ("seeds", "dev", "fresh")


def _commit(root: Path) -> str:
    done = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip() or "unknown"


def drops(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Guarded figures of `new` worse than `old` by more than TOLERANCE."""
    found = []
    for split in GUARDED_SPLITS:
        before, after = old.get(split, {}), new.get(split, {})
        for name, _label in FIGURES:
            a, b = before.get(name), after.get(name)
            if a is None or b is None:
                continue
            worse = b - a if name in LOWER_IS_BETTER else a - b
            if worse > TOLERANCE:
                found.append(f"{split} {name}: {a:.2f} -> {b:.2f}")
    return found


def figures_of(results: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {split: r["figures"] for split, r in results.items()}


def write_doc(
    doc: Path,
    results: dict[str, dict[str, Any]],
    allow_drop: str | None = None,
    baseline_of: str | None = None,
) -> None:
    """Record `results` as the current figures (refusing unexplained drops), or with
    `baseline_of` (a commit) as the starting figures: the scorer run on that commit's annotator
    (`PYTHONPATH=<worktree of the commit>/src`), needed again whenever the scorer changes."""
    store = doc.with_name("quality.json")
    data = json.loads(store.read_text(encoding="utf-8")) if store.exists() else {}
    stamp = {"date": datetime.now(UTC).date().isoformat(), "commit": _commit(doc.parent.parent)}
    if baseline_of is not None:
        data["baseline"] = {**stamp, "commit": baseline_of, "splits": figures_of(results)}
        store.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        if "current" in data:
            doc.write_text(render(data), encoding="utf-8")
        return
    current = {
        **stamp,
        "splits": figures_of(results),
        "counts": {s: r["counts"] for s, r in results.items()},
        "calibration": {s: r["calibration"] for s, r in results.items()},
        "row_calibration": {s: r["row_calibration"] for s, r in results.items()},
        "error_classes": {s: r["error_classes"] for s, r in results.items()},
        "coverage": {s: r["coverage"] for s, r in results.items() if "coverage" in r},
        "intervals": {s: r["intervals"] for s, r in results.items() if "intervals" in r},
    }
    previous = data.get("current") or data.get("baseline")
    if previous:
        dropped = drops(previous["splits"], current["splits"])
        if dropped and not allow_drop:
            raise SystemExit(
                "refusing to record lower figures (give --allow-drop REASON to accept):\n  "
                + "\n  ".join(dropped)
            )
        if dropped:
            data.setdefault("accepted_drops", []).append(
                {**stamp, "reason": allow_drop, "drops": dropped}
            )
    data.setdefault("baseline", {**stamp, "splits": figures_of(results)})
    data["current"] = current
    store.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    doc.write_text(render(data), encoding="utf-8")


CLASS_HELP = {
    "missed": "in the gold, not predicted",
    "false": "predicted, not in the gold",
    "second id": "one gold person predicted under two ids",
    "speaker null": "quotation found, its named speaker left null",
    "speaker given to an unnamed speaker": "the gold speaker is unnamed, a speaker was given",
    "non-encounter": "a row for what the guideline says is not a meeting",
    "over-merged": "one row matching distinct gold encounters",
    "split": "extra rows for one gold encounter",
    "date wrong": "matched meeting, date or precision wrong",
    "date missing": "matched meeting left undated, the gold dates it",
    "participant false": "participant not in the gold encounter",
    "participant missed: named in the article": "gold participant not predicted, though a"
    " mention of the article names it",
    "participant missed: not found in the article": "gold participant not predicted, and no"
    " mention of the article names it",
    "missed: code, another proposer": "the code is predicted in the article, for another proposer",
    "missed: proposer, another code": "the proposer has other predicted codes, not this one",
    "missed: neither": "neither the proposer nor the code is predicted in the article",
    "false: code, another proposer": "the gold has the code, for another proposer",
    "false: proposer, another code": "the gold has the proposer, with other codes",
    "false: neither": "the gold has neither the proposer nor the code",
    "missed: another stance": "the entity's position on the code is predicted with another stance",
    "missed: code, another entity": "the code is claimed in the article, by another entity",
    "missed: code not claimed": "no position on the code is predicted in the article",
    "proposer wrong": "predicted proposer who proposes nothing in the article's gold",
}


# the figures the issues set targets for, with their intervals
TRUSTED = (
    "persons.precision",
    "persons.recall",
    "quotes.f1",
    "quotes.speaker_accuracy",
    "quotes.confident_accuracy",
    "meetings.precision",
    "meetings.recall",
    "meetings.date_accuracy",
    "meetings.participant_recall",
    "terms.precision",
    "terms.recall",
    "positions.precision",
    "positions.recall",
)
INTERVALS_INTRO = [
    "Each cell is `figure (low–high)`: the central 90% of the figure over 400 draws of as many",
    "articles as the split has, with replacement (`bench/intervals.py`). The nine held-out",
    "articles leave wide ranges: a change of a few hundredths there is within chance.",
]


def render(data: dict[str, Any]) -> str:
    base, cur = data["baseline"], data["current"]
    splits = [s for s in SPLIT_ORDER if s in cur["splits"]]
    lines = [
        "# Quality on real articles",
        "",
        "<!-- generated by `python bench/quality.py --write-doc` from docs/quality.json;"
        " do not edit -->",
        "",
        "How well the annotator's tables agree with hand-checked gold (`tests/data/gold/`, its",
        "guideline in tests/data/gold/README.md): the five seeds, and the real published",
        "articles of `../shared/corpus/dev/` split into `dev` (rules may be drawn from them) and",
        "`fresh` (read only to write their gold, scored only to report). The matching rule of",
        "each figure is in `bench/score.py`. Reproduce with `python bench/quality.py --split all`;",
        "`--verbose` lists every error with its text.",
        "",
        f"Current figures: {cur['date']}, commit {cur['commit']}. "
        f"Starting figures (before any fix drawn from the real articles): {base['date']}, "
        f"commit {base['commit']}. Each cell is `now (start)`.",
        "",
        "| figure | " + " | ".join(splits) + " |",
        "|---|" + "---:|" * len(splits),
    ]
    for name, label in FIGURES:
        cells = []
        for split in splits:
            now = cur["splits"][split].get(name)
            then = base["splits"].get(split, {}).get(name)
            cells.append(f"{_fmt(now)} ({_fmt(then)})")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines += ["", "Gold sizes:", ""]
    for split in splits:
        c = cur["counts"][split]
        lines.append(
            f"- {split}: {c['articles']} articles, {c['persons']} persons, {c['quotes']} "
            f"quotations, {c['meetings']} meeting reports, {c['terms']} terms, "
            f"{c['positions']} positions"
        )
    if cur.get("intervals"):
        lines += ["", "## How far the figures can be trusted", "", *INTERVALS_INTRO, ""]
        lines += interval_table(cur, splits, TRUSTED)
    if cur.get("coverage"):
        lines += ["", "## What the vocabulary can see", "", *coverage_table(cur["coverage"])]
    lines += ["", "## Speaker confidence, calibrated", "", *calibration_table(data)]
    lines += ["", "## Row confidence, calibrated", "", *row_calibration_tables(data)]
    lines += ["", "## Errors by table and class", ""]
    lines += ["Counts of the current errors (what `--verbose` lists), per split.", ""]
    tables = sorted({t for s in splits for t in cur["error_classes"][s]})
    for table in tables:
        lines += [f"### {table}", "", "| class | " + " | ".join(splits) + " |"]
        lines.append("|---|" + "---:|" * len(splits))
        kinds = sorted({k for s in splits for k in cur["error_classes"][s].get(table, {})})
        for kind in kinds:
            counts = [str(cur["error_classes"][s].get(table, {}).get(kind, 0)) for s in splits]
            help_ = CLASS_HELP.get(kind) or CLASS_HELP.get(kind.split(" (")[0], "")
            label = f"{kind} ({help_})" if help_ else kind
            lines.append(f"| {label} | " + " | ".join(counts) + " |")
        lines.append("")
    if data.get("accepted_drops"):
        lines += ["## Accepted drops", ""]
        for drop in data["accepted_drops"]:
            lines.append(
                f"- {drop['date']} ({drop['commit']}): {drop['reason']}: "
                + "; ".join(drop["drops"])
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def coverage_table(coverage: dict[str, dict[str, dict[str, int]]]) -> list[str]:
    """Share of the gold's proposal evidence holding its code's codebook wording, and a cue
    (bench/vocabulary.py): what the stage could find from its vocabulary alone."""
    splits = [s for s in SPLIT_ORDER if s in coverage]
    lines = [
        "Share of the gold's term evidence and position spans that hold a wording of their",
        "code the codebook's patterns match, and a proposal or stance cue of proposal_cues.yaml",
        "(`bench/vocabulary.py`; the gold only, no prediction). A split far below the others was",
        "not read when the vocabulary was written.",
        "",
        "| evidence holds | " + " | ".join(splits) + " |",
        "|---|" + "---:|" * len(splits),
    ]
    for table in ("terms", "positions"):
        for key, label in (("wording", "the code's wording"), ("cue", "a cue"), ("both", "both")):
            cells = []
            for split in splits:
                tally = coverage[split][table]
                cells.append(_fmt(tally[key] / tally["rows"]) if tally["rows"] else "—")
            lines.append(f"| {table}: {label} | " + " | ".join(cells) + " |")
    return lines


def calibration_table(data: dict[str, Any]) -> list[str]:
    """Speaker accuracy per confidence band (is a row's confidence what it claims?), as
    Markdown lines: in docs/QUALITY.md and, through cog, in the README."""
    bands: dict[str, dict[str, list[int]]] = data["current"].get("calibration") or {}
    if not bands:
        return ["(not measured yet)"]
    intro = (
        "Speaker right on found quotations, per band of the quote's `confidence`: right/total "
        "(accuracy). The last column adds the real articles (dev and fresh)."
    )
    return _band_table(bands, intro)


# what a right row is, per table of `row_calibration`
ROW_CALIBRATION = {
    "meetings": "`meetings` rows that are one encounter of the gold (a row of a vague report is "
    "not counted), per band of the row's `confidence`",
    "positions": "`term_positions` claims (state, stance, code) that the gold states, per band "
    "of the surest row making the claim",
}


def row_calibration_tables(data: dict[str, Any]) -> list[str]:
    """Precision per confidence band of the meetings and positions rows, as Markdown lines."""
    by_split: dict[str, dict[str, dict[str, list[int]]]] = (
        data["current"].get("row_calibration") or {}
    )
    if not by_split:
        return ["(not measured yet)"]
    lines = [
        "How many predicted rows are right, per band of their `confidence`: right/total "
        "(precision). A user keeping only the rows above a band gets the precision of the bands "
        "kept.",
    ]
    for table, what in ROW_CALIBRATION.items():
        bands = {split: tables[table] for split, tables in by_split.items() if table in tables}
        lines += ["", f"### {table}", "", *_band_table(bands, f"Right: {what}.")]
    return lines


def _band_table(bands: dict[str, dict[str, list[int]]], intro: str) -> list[str]:
    splits = [s for s in SPLIT_ORDER if s in bands]
    real = [s for s in ("dev", "fresh") if s in bands]
    columns = [*splits, "+".join(real)] if len(real) > 1 else splits
    lines = [
        intro,
        "",
        "| confidence | " + " | ".join(columns) + " |",
        "|---|" + "---:|" * len(columns),
    ]
    labels = [label for _, label in CONFIDENCE_BANDS]
    for label in labels:
        cells = []
        for column in columns:
            parts = real if "+" in column else [column]
            right = sum(bands[p][label][0] for p in parts)
            total = sum(bands[p][label][1] for p in parts)
            cells.append(f"{right}/{total} ({right / total:.2f})" if total else "—")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines


def _fmt(value: float | int | None) -> str:
    if value is None:
        return "—"
    return str(value) if isinstance(value, int) else f"{value:.2f}"


def check(doc: Path, results: dict[str, dict[str, Any]]) -> list[str]:
    """Differences between the committed current figures and `results` (empty when equal)."""
    data = json.loads(doc.with_name("quality.json").read_text(encoding="utf-8"))
    committed = data["current"]["splits"]
    fresh = figures_of(results)
    problems = [f"regression: {d}" for d in drops(committed, fresh)]
    held_out_changed = False
    for split, figures in fresh.items():
        for name, value in figures.items():
            old = committed.get(split, {}).get(name)
            same = (old is None and value is None) or (
                old is not None and value is not None and abs(old - value) < 1e-9
            )
            if same:
                continue
            if split == HELD_OUT:  # no value shown: a failing test must not invite tuning on it
                held_out_changed = True
            else:
                problems.append(f"stale: {split} {name}: committed {old}, now {value}")
    for split, result in results.items():
        if "calibration" not in result:
            continue
        if result["calibration"] != (data["current"].get("calibration") or {}).get(split):
            if split == HELD_OUT:
                held_out_changed = True
            else:
                problems.append(f"stale: {split} confidence calibration")
    if held_out_changed:
        problems.append(
            f"stale: {HELD_OUT} figures changed (values not shown while you work; "
            "record them with --write-doc when the change is done)"
        )
    if doc.read_text(encoding="utf-8") != render(data):
        problems.append("docs/QUALITY.md is not rendered from docs/quality.json")
    return problems
