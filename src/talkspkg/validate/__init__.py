"""`validate_package`: run every check on a package folder and collect one report."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from talkspkg.errors import PackageError
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
    word_counts_ahead,
)
from talkspkg.validate.checks.spans import span_integrity
from talkspkg.validate.context import PackageContext
from talkspkg.validate.counts import CountStore
from talkspkg.validate.report import Finding, Report
from talkspkg.validate.sharing import can_share

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


# Below this many resources (about as many articles) a helper process costs more than it saves.
SHARE_MIN_RESOURCES = 1000


def validate_package(
    root: Path, *, share: bool | None = None, cache_dir: Path | None = None
) -> Report:
    """Validate the package in `root`. Raises PackageError if `root` is not a package folder
    (missing, or without a datapackage.json): that is a usage error, not an invalid package.

    `share` lets a forked helper process recompute the word counts while the other checks run
    (validate.sharing); None: where it pays (Linux, two cores, a large package). The report is
    the same either way. `cache_dir` (an annotation cache folder) keeps the word counts this
    validation computes, and gives those an earlier one computed (validate.counts): the report
    is the same with or without it."""
    if not root.is_dir():
        raise PackageError(f"{root}: not a package folder")
    if not (root / "datapackage.json").exists() and not (root / "datapackage.json").is_symlink():
        raise PackageError(f"{root}: not a package folder (no datapackage.json)")
    ctx = PackageContext.open(root)
    report = Report(package=str(root))
    if cache_dir is not None:
        ctx.counts = CountStore.open(cache_dir)
    if share is None:
        share = len(ctx.resources()) >= SHARE_MIN_RESOURCES
    if share and can_share() and ctx.descriptor is not None:
        word_counts_ahead(ctx)
    for check in CHECKS:
        if ctx.descriptor is None and check is not descriptor_valid:
            continue
        report.checks.append(check.__name__)
        try:
            report.findings.extend(check(ctx))
        except Exception as exc:  # a check must never turn a bad package into a traceback
            report.findings.append(
                Finding("check-error", f"check {check.__name__} could not run: {exc!r}")
            )
        if check is descriptor_valid:
            ctx.compact_resources()  # no later check reads more than COMPACT_KEYS
    if ctx.descriptor is not None:
        present = ctx.present_tables()
        report.stats["tables"] = len(present)
        rows = 0
        for table in present:
            try:
                rows += ctx.num_rows(table)
            except Exception:  # unreadable tables are already reported
                continue
        report.stats["rows"] = rows
    return report
