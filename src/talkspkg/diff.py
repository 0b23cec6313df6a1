"""`diff_packages`: what changed between two versions of the package, table by table, and the
SemVer bump it calls for.

Rows are compared by each table's primary key with DuckDB (a full outer join over the two
Parquet files, `IS DISTINCT FROM` per column), so a diff of large tables stays in the engine.
Bump rules (data SemVer, as in CHANGELOG.md): major when a table or a column is removed or a
column changes type (a rename is a removal plus an addition); minor when tables, columns or rows
are added; patch when values change or rows are removed (corrections); none when equal.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from talkspkg.layout import parquet_resources

BUMPS = ("none", "patch", "minor", "major")


@dataclass
class TableDiff:
    table: str
    key: list[str]
    added_columns: list[str] = field(default_factory=list)
    removed_columns: list[str] = field(default_factory=list)
    retyped_columns: list[str] = field(default_factory=list)
    rows_added: int = 0
    rows_removed: int = 0
    rows_changed: int = 0
    examples: list[dict[str, Any]] = field(default_factory=list)
    status: str = "changed"  # added | removed | changed | same

    @property
    def bump(self) -> str:
        if self.status == "removed" or self.removed_columns or self.retyped_columns:
            return "major"
        if self.status == "added" or self.added_columns or self.rows_added:
            return "minor"
        if self.rows_changed or self.rows_removed:
            return "patch"
        return "none"


@dataclass
class PackageDiff:
    old: str
    new: str
    old_version: str | None
    new_version: str | None
    tables: list[TableDiff]

    @property
    def bump(self) -> str:
        return max((t.bump for t in self.tables), key=BUMPS.index, default="none")

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["bump"] = self.bump
        for table, diff in zip(data["tables"], self.tables, strict=True):
            table["bump"] = diff.bump
        return data


def _descriptor(root: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    return loaded


def _parquet_tables(root: Path, desc: dict[str, Any]) -> dict[str, Path]:
    return {table: root / res["path"] for table, res in parquet_resources(desc).items()}


def _primary_key(root: Path, desc: dict[str, Any], table: str) -> list[str]:
    for res in desc.get("resources", []):
        if res.get("name") == table and isinstance(res.get("schema"), str):
            schema = json.loads((root / res["schema"]).read_text(encoding="utf-8"))
            key = schema.get("primaryKey", [])
            return [key] if isinstance(key, str) else list(key)
    return []


def _sql_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def diff_table(
    table: str, old: Path | None, new: Path | None, key: list[str], limit: int
) -> TableDiff:
    import duckdb

    diff = TableDiff(table, key)
    if old is None or new is None:
        rows = pq.ParquetFile(new or old).metadata.num_rows  # type: ignore[arg-type]
        diff.status = "added" if old is None else "removed"
        diff.rows_added, diff.rows_removed = (rows, 0) if old is None else (0, rows)
        return diff
    old_types = {f.name: str(f.type) for f in pq.read_schema(old)}
    new_types = {f.name: str(f.type) for f in pq.read_schema(new)}
    diff.added_columns = [c for c in new_types if c not in old_types]
    diff.removed_columns = [c for c in old_types if c not in new_types]
    diff.retyped_columns = [c for c in new_types if c in old_types and old_types[c] != new_types[c]]
    shared = [
        c for c in new_types if c in old_types and c not in key and c not in diff.retyped_columns
    ]
    if not key or any(k not in old_types or k not in new_types for k in key):
        diff.status = "changed"
        return diff
    con = duckdb.connect()
    on = " AND ".join(f"o.{_sql_name(k)} = n.{_sql_name(k)}" for k in key)
    o_key, n_key = f"o.{_sql_name(key[0])}", f"n.{_sql_name(key[0])}"
    joined = f"read_parquet(?) o FULL OUTER JOIN read_parquet(?) n ON {on}"
    params = [str(old), str(new)]
    counts = con.execute(
        f"SELECT count(*) FILTER (WHERE {o_key} IS NULL), count(*) FILTER (WHERE {n_key} IS NULL)"
        f" FROM {joined}",
        params,
    ).fetchone()
    diff.rows_added, diff.rows_removed = (counts or (0, 0))[:2]
    if shared:
        changed_any = " OR ".join(
            f"o.{_sql_name(c)} IS DISTINCT FROM n.{_sql_name(c)}" for c in shared
        )
        select = ", ".join(
            [f"o.{_sql_name(k)}" for k in key]
            + [f"o.{_sql_name(c)}, n.{_sql_name(c)}" for c in shared]
        )
        where = f"{o_key} IS NOT NULL AND {n_key} IS NOT NULL AND ({changed_any})"
        order = ", ".join(f"o.{_sql_name(k)}" for k in key)
        diff.rows_changed = con.execute(
            f"SELECT count(*) FROM {joined} WHERE {where}", params
        ).fetchone()[0]  # type: ignore[index]
        rows = con.execute(
            f"SELECT {select} FROM {joined} WHERE {where} ORDER BY {order} LIMIT {int(limit)}",
            params,
        ).fetchall()
        for row in rows:
            key_values = dict(zip(key, row[: len(key)], strict=True))
            pairs = row[len(key) :]
            changes = {
                c: {"old": _plain(pairs[2 * i]), "new": _plain(pairs[2 * i + 1])}
                for i, c in enumerate(shared)
                if pairs[2 * i] != pairs[2 * i + 1]
            }
            diff.examples.append(
                {"key": {k: _plain(v) for k, v in key_values.items()}, "changes": changes}
            )
    changed = diff.rows_added or diff.rows_removed or diff.rows_changed
    schema_changed = diff.added_columns or diff.removed_columns or diff.retyped_columns
    diff.status = "changed" if changed or schema_changed else "same"
    return diff


def _plain(value: Any) -> Any:
    return value if isinstance(value, str | int | float | bool) or value is None else str(value)


def diff_packages(
    old_root: Path, new_root: Path, limit: int = 10, old_name: str = "", new_name: str = ""
) -> PackageDiff:
    old_desc, new_desc = _descriptor(old_root), _descriptor(new_root)
    old_tables, new_tables = (
        _parquet_tables(old_root, old_desc),
        _parquet_tables(new_root, new_desc),
    )
    tables = []
    for table in sorted(set(old_tables) | set(new_tables)):
        desc, root = (new_desc, new_root) if table in new_tables else (old_desc, old_root)
        key = _primary_key(root, desc, table)
        tables.append(diff_table(table, old_tables.get(table), new_tables.get(table), key, limit))
    return PackageDiff(
        old_name or str(old_root),
        new_name or str(new_root),
        old_desc.get("version"),
        new_desc.get("version"),
        tables,
    )


def render_text(diff: PackageDiff, markdown: bool = False) -> str:
    head = (
        f"{diff.old} ({diff.old_version or 'unversioned'}) -> "
        f"{diff.new} ({diff.new_version or 'unversioned'}): bump {diff.bump}"
    )
    lines = [f"**{head}**" if markdown else head, ""]
    if markdown:
        lines += [
            "| table | status | rows + | rows − | rows changed | columns | bump |",
            "|---|---|---:|---:|---:|---|---|",
        ]
    for t in diff.tables:
        cols = "; ".join(
            part
            for part in (
                f"+{', '.join(t.added_columns)}" if t.added_columns else "",
                f"-{', '.join(t.removed_columns)}" if t.removed_columns else "",
                f"retyped {', '.join(t.retyped_columns)}" if t.retyped_columns else "",
            )
            if part
        )
        if markdown:
            lines.append(
                f"| `{t.table}` | {t.status} | {t.rows_added} | {t.rows_removed} | "
                f"{t.rows_changed} | {cols or '—'} | {t.bump} |"
            )
            continue
        if t.status == "same":
            continue
        lines.append(
            f"{t.table}: {t.status}, +{t.rows_added} -{t.rows_removed} "
            f"~{t.rows_changed} rows{'; columns ' + cols if cols else ''} ({t.bump})"
        )
        for example in t.examples:
            key = ", ".join(f"{k}={v}" for k, v in example["key"].items())
            for column, change in example["changes"].items():
                lines.append(f"  {key}: {column}: {change['old']!r} -> {change['new']!r}")
    if not markdown and all(t.status == "same" for t in diff.tables):
        lines.append("no differences")
    return "\n".join(lines).rstrip() + "\n"
