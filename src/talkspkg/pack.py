"""`pack_package`: a valid package folder -> a deterministic release zip and its `.sha256`.

`talkspkg-<version>.zip` holds, under one folder `talkspkg-<version>/`, the descriptor, every
file it lists (tables, schemas, raw articles), `raw/sources.yaml` when present, a README for
data users (what the tables are, how to load them) and a LICENSE. Members are sorted, dated
from the descriptor's `created` (the inputs, not the clock), with fixed permissions and
compression, so the same package packs to the same bytes. An invalid package is refused.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from talkspkg.errors import PackageError
from talkspkg.layout import listed_paths

DEFAULT_STAMP = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can record


@dataclass(frozen=True)
class Packed:
    zip_path: Path
    sha256: str
    members: int


def _stamp(desc: dict[str, Any]) -> tuple[int, int, int, int, int, int]:
    created = desc.get("created")
    if not isinstance(created, str):
        return DEFAULT_STAMP
    moment = datetime.fromisoformat(created.replace("Z", "+00:00"))
    return (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, 0)


def _listed_files(root: Path, desc: dict[str, Any]) -> list[str]:
    names = {"datapackage.json"} | listed_paths(desc)
    if (root / "raw" / "sources.yaml").is_file():  # a package built before it was a resource
        names.add("raw/sources.yaml")
    return sorted(names)


def data_readme(desc: dict[str, Any]) -> str:
    """README.md of the release: for people who use the data, not the tool."""
    from talkspkg.docs import render_data_dictionary

    version = desc.get("version", "unversioned")
    tool = desc.get("talkspkg", {}).get("version", "?")
    return (
        f"# {desc.get('title', 'talkspkg data package')}\n\n"
        f"Data version {version}, built by talkspkg {tool}. {desc.get('description', '')}\n\n"
        "## Load it\n\n"
        "```python\nimport pandas as pd\n\n"
        'quotes = pd.read_parquet("data/quotes.parquet")\n```\n\n'
        "```python\nimport duckdb\n\n"
        "duckdb.sql(\"SELECT * FROM 'data/meetings.parquet'\").show()\n```\n\n"
        "Every table is there as Parquet and as CSV with the same rows; `schemas/` holds the "
        "Table Schema of each, `raw/` the articles every offset points into "
        "(`text == raw_text[start:end]`). Check the package with `talkspkg validate "
        "<this folder or zip>` or `frictionless validate datapackage.json`.\n\n"
        "## Licences\n\n"
        "The tables and annotations: CC-BY-4.0 (https://creativecommons.org/licenses/by/4.0/). "
        "The raw articles remain the work of their publishers; each article's licence, where "
        "known, is in the `articles` table and `raw/sources.yaml`.\n\n"
        "## Data dictionary\n\n" + render_data_dictionary()
    )


LICENSE_TEXT = (
    "The tables, schemas and annotations of this package are licensed under the Creative "
    "Commons Attribution 4.0 International licence (CC-BY-4.0): "
    "https://creativecommons.org/licenses/by/4.0/legalcode\n\n"
    "The articles under raw/ are the work of their publishers and are not licensed by this "
    "package; where their licence is known it is recorded in raw/sources.yaml and in the "
    "`licence` column of data/articles.csv.\n"
)


def pack_package(root: Path, out_dir: Path) -> Packed:
    """Validate `root` and write `talkspkg-<version>.zip` and its `.sha256` into `out_dir`."""
    from talkspkg.validate import validate_package

    report = validate_package(root)
    if not report.valid:
        raise PackageError(f"{root}: the package is invalid; not packed:\n{report.summary(20)}")
    desc = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    base = f"talkspkg-{desc.get('version', 'unversioned')}"
    stamp = _stamp(desc)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{base}.zip"
    members: list[tuple[str, bytes]] = [
        (name, (root / name).read_bytes()) for name in _listed_files(root, desc)
    ]
    members += [
        ("README.md", data_readme(desc).encode("utf-8")),
        ("LICENSE", LICENSE_TEXT.encode("utf-8")),
    ]
    tmp = target.with_name(f".{target.name}.tmp")
    with zipfile.ZipFile(tmp, "w") as archive:
        for name, data in sorted(members):
            info = zipfile.ZipInfo(f"{base}/{name}", date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=9)
    tmp.replace(target)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    target.with_name(f"{target.name}.sha256").write_text(f"{digest}  {target.name}\n", "utf-8")
    return Packed(target, digest, len(members))
