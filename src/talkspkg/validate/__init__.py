"""`validate_package`: run every check on a package folder and collect one report."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from talkspkg.errors import PackageError
from talkspkg.validate.aside import run_aside, worth_aside
from talkspkg.validate.checks.agreement import csv_parquet_agreement
from talkspkg.validate.checks.csv import csv_conformity
from talkspkg.validate.checks.derived import derived_counts
from talkspkg.validate.checks.descriptor import descriptor_valid, tables_present
from talkspkg.validate.checks.files import file_integrity, resource_paths
from talkspkg.validate.checks.keys import foreign_keys, primary_keys, row_order
from talkspkg.validate.checks.model import model_conformity
from talkspkg.validate.checks.overlaps import disjoint_spans
from talkspkg.validate.checks.parquet import parquet_schema
from talkspkg.validate.checks.raw import raw_integrity
from talkspkg.validate.checks.schemas import schema_matches_model
from talkspkg.validate.checks.semantics import (
    article_counts,
    closed_package,
    content_ids,
    date_anchors,
    date_ranges,
    meeting_parents,
    quote_continuations,
    typed_references,
)
from talkspkg.validate.checks.spans import span_integrity
from talkspkg.validate.context import PackageContext
from talkspkg.validate.report import Finding, Report

Check = Callable[[PackageContext], Iterator[Finding]]

# In order: a later check may rely on files an earlier one vouched for, but never on their content.
CHECKS: tuple[Check, ...] = (
    descriptor_valid,
    tables_present,
    resource_paths,
    file_integrity,
    schema_matches_model,
    csv_conformity,
    parquet_schema,
    model_conformity,
    primary_keys,
    row_order,
    foreign_keys,
    csv_parquet_agreement,
    raw_integrity,
    span_integrity,
    disjoint_spans,
    derived_counts,
    article_counts,
    content_ids,
    typed_references,
    date_ranges,
    date_anchors,
    quote_continuations,
    meeting_parents,
    closed_package,
)


# Checks that re-read every raw article and few tables: on a large package they run in a forked
# process beside the others (see talkspkg.validate.aside), the report unchanged.
ASIDE: tuple[Check, ...] = (article_counts,)


def run_check(check: Check, ctx: PackageContext) -> list[Finding]:
    """The findings of one check; a check that fails is itself a finding, never a traceback."""
    try:
        return list(check(ctx))
    except Exception as exc:
        return [Finding("check-error", f"check {check.__name__} could not run: {exc!r}")]


def validate_package(root: Path, *, aside: bool | None = None) -> Report:
    """Validate the package in `root`. Raises PackageError if `root` is not a package folder
    (missing, or without a datapackage.json): that is a usage error, not an invalid package.

    `aside` runs the `ASIDE` checks in a second process (None: when the package is large
    enough to gain from it and the platform can fork); the report is the same either way."""
    if not root.is_dir():
        raise PackageError(f"{root}: not a package folder")
    if not (root / "datapackage.json").exists() and not (root / "datapackage.json").is_symlink():
        raise PackageError(f"{root}: not a package folder (no datapackage.json)")
    ctx = PackageContext.open(root)
    report = Report(package=str(root))
    checks = [c for c in CHECKS if ctx.descriptor is not None or c is descriptor_valid]
    moved = [c for c in checks if c in ASIDE] if worth_aside(ctx, aside) else []
    pending = run_aside(moved, ctx, run_check) if moved else None
    results = {c.__name__: run_check(c, ctx) for c in checks if c not in moved}
    if pending is not None:
        results.update(pending())
    for check in checks:
        report.checks.append(check.__name__)
        report.findings.extend(results[check.__name__])
    if ctx.descriptor is not None:
        present = ctx.present_tables()
        report.stats["tables"] = len(present)
        rows = 0
        for table in present:
            try:
                rows += ctx.table(table).num_rows
            except Exception:  # unreadable tables are already reported
                continue
        report.stats["rows"] = rows
    return report
