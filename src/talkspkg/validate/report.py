"""Findings and the report that collects them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing wrong with a package. `type` is a stable kebab-case id (see docs/findings.md)."""

    type: str
    message: str
    table: str | None = None
    file: str | None = None
    row: str | None = None  # primary key value(s) joined with "|", or "row N" (1-based data row)
    column: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Report:
    """Every finding of a validation run, in check order, with simple statistics."""

    package: str
    findings: list[Finding] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return not self.findings

    def flatten(self, keys: list[str]) -> list[list[Any]]:
        """`report.flatten(["table", "type"])` -> one list of those attributes per finding."""
        return [[getattr(f, k) for k in keys] for f in self.findings]

    def types(self) -> set[str]:
        return {f.type for f in self.findings}

    def to_dict(self) -> dict[str, Any]:
        return {
            "package": self.package,
            "valid": self.valid,
            "stats": dict(self.stats, findings=len(self.findings)),
            "checks": list(self.checks),
            "findings": [f.to_dict() for f in self.findings],
        }

    def github(self) -> str:
        """One GitHub Actions workflow command per finding (an annotation on the file)."""

        def escape(text: str) -> str:
            return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        lines = []
        for f in self.findings:
            where = f.file or (f"data/{f.table}.csv" if f.table else "datapackage.json")
            at = ", ".join(
                x
                for x in (
                    f.table and f"table {f.table}",
                    f.row and f"row {f.row}",
                    f.column and f"column {f.column}",
                )
                if x
            )
            title = escape(f.type).replace(",", "%2C").replace("::", "%3A%3A")
            message = escape(f"{at}: {f.message}" if at else f.message)
            lines.append(f"::error file={escape(where)},title={title}::{message}")
        if not lines:
            lines.append(f"::notice title=talkspkg validate::{escape(self.summary())}")
        return "\n".join(lines)

    def summary(self, limit: int | None = None) -> str:
        """Human-readable report grouped by table, then by finding type."""
        if self.valid:
            tables = self.stats.get("tables", 0)
            rows = self.stats.get("rows", 0)
            return (
                f"{self.package}: valid ({tables} tables, {rows} rows, {len(self.checks)} checks)"
            )
        groups: dict[str, dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
        for f in self.findings:
            groups[f.table or "(package)"][f.type].append(f)
        lines = [f"{self.package}: INVALID, {len(self.findings)} finding(s)"]
        shown = 0
        for table, by_type in groups.items():
            lines.append(f"{table}:")
            for ftype, items in by_type.items():
                lines.append(f"  {ftype} ({len(items)}):")
                for f in items:
                    if limit is not None and shown >= limit:
                        break
                    where = _where(f)
                    lines.append(f"    - {where + ': ' if where else ''}{f.message}")
                    shown += 1
        if limit is not None and shown < len(self.findings):
            lines.append(f"... and {len(self.findings) - shown} more (use --json for all)")
        return "\n".join(lines)


def _where(f: Finding) -> str:
    parts = []
    if f.file:
        parts.append(f.file)
    if f.row:
        parts.append(f.row if f.row.startswith("row ") else f"row {f.row}")
    if f.column:
        parts.append(f"column {f.column}")
    return ", ".join(parts)
