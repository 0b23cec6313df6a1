"""`describe_package`: what a package holds, for a reader deciding whether to use it: its
version and ruleset, each table's rows, columns (type, description) and keys, and coverage
(articles per outlet and month, meetings per month, share of quotations with a speaker)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from talkspkg.layout import parquet_resources


def _month(value: Any) -> str:
    return "undated" if value is None else str(value)[:7]


def describe_package(root: Path) -> dict[str, Any]:
    desc = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    tables: dict[str, Any] = {}
    loaded: dict[str, Any] = {}
    for name, res in parquet_resources(desc).items():
        schema = json.loads((root / res["schema"]).read_text(encoding="utf-8"))
        table = pq.read_table(root / res["path"])
        loaded[name] = table
        tables[name] = {
            "title": res.get("title"),
            "rows": table.num_rows,
            "primary_key": schema.get("primaryKey"),
            "foreign_keys": schema.get("foreignKeys", []),
            "columns": [
                {"name": f["name"], "type": f["type"], "description": f.get("description")}
                for f in schema.get("fields", [])
            ],
        }
    coverage: dict[str, Any] = {}
    if "articles" in loaded:
        rows = loaded["articles"].select(["outlet", "published_date"]).to_pylist()
        coverage["articles_per_outlet"] = dict(
            sorted(Counter(r["outlet"] or "unknown" for r in rows).items())
        )
        coverage["articles_per_month"] = dict(
            sorted(Counter(_month(r["published_date"]) for r in rows).items())
        )
    if "meetings" in loaded:
        starts = loaded["meetings"]["date_start"].to_pylist()
        coverage["meetings_per_month"] = dict(sorted(Counter(map(_month, starts)).items()))
    if "quotes" in loaded and loaded["quotes"].num_rows:
        speakers = loaded["quotes"]["speaker_id"].to_pylist()
        coverage["quotes_attributed_share"] = round(
            sum(s is not None for s in speakers) / len(speakers), 4
        )
    return {
        "name": desc.get("name"),
        "title": desc.get("title"),
        "version": desc.get("version"),
        "created": desc.get("created"),
        "tool": desc.get("talkspkg", {}),
        "tables": tables,
        "coverage": coverage,
    }


def render_text(info: dict[str, Any]) -> str:
    tool = info["tool"]
    lines = [
        f"{info['title']}",
        f"data version {info['version'] or 'unversioned'}, created {info['created']}, "
        f"built by talkspkg {tool.get('version')}",
        "ruleset: " + ", ".join(f"{k} {v}" for k, v in sorted(tool.get("ruleset", {}).items())),
        "",
    ]
    for name, table in info["tables"].items():
        key = (
            ", ".join(table["primary_key"] or [])
            if isinstance(table["primary_key"], list)
            else table["primary_key"]
        )
        lines.append(f"{name}: {table['rows']} rows, key ({key})")
        for col in table["columns"]:
            lines.append(f"  {col['name']} ({col['type']}): {col['description'] or ''}")
    lines.append("")
    for name, values in info["coverage"].items():
        if isinstance(values, dict):
            lines.append(f"{name}: " + ", ".join(f"{k} {v}" for k, v in values.items()))
        else:
            lines.append(f"{name}: {values}")
    return "\n".join(lines) + "\n"
