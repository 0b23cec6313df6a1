"""Write tables, schemas, raw copies and `datapackage.json` into a package folder."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Collection, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from talkspkg import __version__
from talkspkg.errors import BuildError
from talkspkg.hashing import file_digest
from talkspkg.schema.tableschema import arrow_schema, table_meta, table_names, table_schema

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
CSV_MEDIATYPE = "text/csv"
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"
PACKAGE_NAME = "talkspkg-ukraine-peace-talks-2025"
# rows per Parquet row group: a fixed count, so that a table's bytes depend on its rows alone
# (not on the batches or processes that made them) and a writer holds at most one group
ROW_GROUP_ROWS = 131_072
LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 (tables and annotations; the raw articles remain "
    "the work of their publishers and are included for verification)",
}


TABLE_LICENSE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}
UNKNOWN_LICENCE = (
    "The publisher's work, included so that every offset can be checked; its licence is not "
    "recorded in raw/sources.yaml, so no licence is granted here."
)


def _raw_licence(licence: str | None) -> dict[str, Any]:
    """A raw article's licence as recorded in sources.yaml, or a note that none is known."""
    if licence:
        return {"licenses": [{"name": licence} if "://" not in licence else {"path": licence}]}
    return {"description": UNKNOWN_LICENCE}


def dump_json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


class TableWriter:
    """Writes one table's Parquet and CSV files piece by piece, so that a table need never be
    held whole: pieces must come normalized and in primary-key order, each after the last.

    Parquet row groups hold ROW_GROUP_ROWS rows (the last one the rest): the bytes depend on
    the rows alone, never on how they were cut into pieces, and equal those of
    `pq.write_table(table, row_group_size=ROW_GROUP_ROWS)` of the whole table."""

    def __init__(self, table: str, out: Path, row_group_rows: int = ROW_GROUP_ROWS) -> None:
        data = out / "data"
        data.mkdir(parents=True, exist_ok=True)
        schema = arrow_schema(table)
        self.table = table
        self._schema = schema
        self.rows = 0
        self._key = list(table_meta(table)["primary_key"])
        self._last: tuple[Any, ...] | None = None
        self._group = row_group_rows
        self._pending: list[pa.Table] = []
        self._pending_rows = 0
        self._parquet = pq.ParquetWriter(
            data / f"{table}.parquet", schema, compression="zstd", store_schema=True
        )
        self._csv = pacsv.CSVWriter(
            data / f"{table}.csv",
            csv_view(schema.empty_table()).schema,
            write_options=pacsv.WriteOptions(quoting_style="needed"),
        )

    def write(self, arrow: pa.Table) -> None:
        """Append the rows of `arrow` (normalized: see talkspkg.tables.normalize)."""
        if not arrow.num_rows:
            return
        first = tuple(arrow[k][0].as_py() for k in self._key)
        if self._last is not None and not self._last < first:
            raise BuildError(
                f"{self.table}: rows out of key order while streaming ({first} after {self._last})"
            )
        self._last = tuple(arrow[k][-1].as_py() for k in self._key)
        self._csv.write_table(csv_view(arrow))
        self.rows += arrow.num_rows
        self._pending.append(arrow)
        self._pending_rows += arrow.num_rows
        while self._pending_rows >= self._group:
            pending = pa.concat_tables(self._pending)
            self._write_group(pending.slice(0, self._group))
            rest = pending.slice(self._group)
            self._pending = [rest] if rest.num_rows else []
            self._pending_rows = rest.num_rows

    def _write_group(self, arrow: pa.Table) -> None:
        # one contiguous chunk, as a whole table would be: page boundaries follow chunks
        self._parquet.write_table(arrow.combine_chunks(), row_group_size=self._group)

    def close(self) -> None:
        if self._pending_rows or not self.rows:  # an empty table is one empty row group
            self._write_group(pa.concat_tables(self._pending or [self._schema.empty_table()]))
        self._pending = []
        self._parquet.close()
        self._csv.close()

    def abort(self) -> None:
        """Close the files without completing them (the build failed)."""
        self._pending = []
        for writer in (self._parquet, self._csv):
            with contextlib.suppress(OSError, pa.ArrowException):
                writer.close()


def write_table(table: str, arrow: pa.Table, out: Path) -> None:
    """Write the whole `table` (normalized) as Parquet and CSV."""
    writer = TableWriter(table, out)
    writer.write(arrow)
    writer.close()


def csv_view(arrow: pa.Table) -> pa.Table:
    """Times as Table Schema's default `HH:MM:SS` (Arrow would write milliseconds)."""
    for i, field in enumerate(arrow.schema):
        if pa.types.is_time(field.type):
            text = pc.strftime(arrow[field.name].cast(pa.time32("s")), format="%H:%M:%S")
            arrow = arrow.set_column(i, pa.field(field.name, pa.string()), text)
    return arrow


def write_schema(table: str, out: Path) -> None:
    (out / "schemas").mkdir(parents=True, exist_ok=True)
    (out / "schemas" / f"{table}.json").write_text(dump_json(table_schema(table)), "utf-8")


def _file_resource(out: Path, path: str, **props: Any) -> dict[str, Any]:
    """A file resource with its sha256. `bytes` is left out of Parquet resources: frictionless
    cannot measure a Parquet file's bytes and would report every one as an error; the hash still
    pins the file, and `talkspkg validate` checks it."""
    size, digest = file_digest(out / path)
    counted = {} if props.get("format") == "parquet" else {"bytes": size}
    return {**props, "path": path, **counted, "hash": f"sha256:{digest}"}


def table_resources(table: str, out: Path) -> list[dict[str, Any]]:
    meta = table_meta(table)
    common = {
        "type": "table",
        "title": meta["title"],
        "description": meta["description"],
        "licenses": [TABLE_LICENSE],
    }
    schema = f"schemas/{table}.json"
    return [
        _file_resource(
            out,
            f"data/{table}.csv",
            name=table,
            **common,
            format="csv",
            mediatype=CSV_MEDIATYPE,
            encoding="utf-8",
            schema=schema,
        ),
        _file_resource(
            out,
            f"data/{table}.parquet",
            name=f"{table}-parquet",
            **common,
            format="parquet",
            mediatype=PARQUET_MEDIATYPE,
            schema=schema,
        ),
    ]


def raw_resources(articles: pa.Table, out: Path) -> list[dict[str, Any]]:
    return [
        _file_resource(
            out,
            row["raw_path"],
            name=f"raw-{row['article_id']}",
            title=row["title"] or row["article_id"],
            format="txt",
            mediatype="text/plain",
            encoding="utf-8",
            **_raw_licence(row["licence"]),
        )
        for row in articles.select(["article_id", "raw_path", "title", "licence"]).to_pylist()
    ]


INPUT_FILES = {
    "sources.yaml": "Provenance of the raw articles (outlet, URL, date, licence, origin)",
    "package.yaml": "The data's own metadata (its version)",
}


def provenance_resource(out: Path) -> list[dict[str, Any]]:
    """`raw/sources.yaml` and `raw/package.yaml`, when the raw folder has them, hashed like every
    other file so that an edit of the provenance or the version is caught."""
    return [
        _file_resource(
            out,
            f"raw/{name}",
            name=f"raw-{name.removesuffix('.yaml')}",
            title=title,
            format="yaml",
            mediatype="application/yaml",
            encoding="utf-8",
        )
        for name, title in INPUT_FILES.items()
        if (out / "raw" / name).is_file()
    ]


def created(articles: pa.Table) -> str | None:
    """A timestamp derived from the inputs, never the wall clock: SOURCE_DATE_EPOCH, else the
    latest publication date stated by any article (at midnight UTC), else none."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        stamp = datetime.fromtimestamp(int(epoch), tz=UTC)
    else:
        latest = pc.max(articles["published_date"]).as_py()
        if latest is None:
            return None
        stamp = datetime(latest.year, latest.month, latest.day, tzinfo=UTC)
    return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")


def sources(articles: pa.Table) -> list[dict[str, str]]:
    seen: dict[str, dict[str, str]] = {}
    for row in articles.select(["outlet", "url"]).to_pylist():
        if row["outlet"] and row["outlet"] not in seen:
            seen[row["outlet"]] = {"title": row["outlet"]}
    return [seen[k] for k in sorted(seen)]


def descriptor(
    tables: Mapping[str, pa.Table],
    out: Path,
    ruleset: Mapping[str, str],
    version: str | None = None,
    written: Collection[str] = (),
) -> dict[str, Any]:
    """The descriptor: `version` is the data's (raw/package.yaml; left out when none is
    stated), the tool's version and ruleset are under `talkspkg`. `written` names the tables
    already in `out` that are not in `tables` (streamed there: see TableWriter)."""
    articles = tables["articles"]
    resources = [
        r
        for table in table_names()
        if table in tables or table in written
        for r in table_resources(table, out)
    ]
    desc: dict[str, Any] = {
        "$schema": PROFILE,
        "name": PACKAGE_NAME,
        "title": "2025 Russia-Ukraine peace diplomacy: articles, actors, quotes, meetings, terms",
        "description": (
            "An exact, auditable dataset about the 2025 Russia-Ukraine peace diplomacy, starting "
            "with the London talks of 23 April 2025, annotated from raw news articles by the "
            "talkspkg rule-based pipeline. Every extracted row points to the characters of its "
            "source article, which is included under raw/."
        ),
        **({"version": version} if version is not None else {}),
        "licenses": [LICENSE],
        "sources": sources(articles),
        "contributors": [{"title": "talkspkg contributors", "roles": ["creator"]}],
        "keywords": ["Ukraine", "Russia", "peace talks", "diplomacy", "news", "quotes"],
        "resources": resources + raw_resources(articles, out) + provenance_resource(out),
        "talkspkg": {"version": __version__, "ruleset": dict(ruleset)},
    }
    stamp = created(articles)
    if stamp:
        desc["created"] = stamp
    return desc


def write_package(
    tables: Mapping[str, pa.Table],
    out: Path,
    ruleset: Mapping[str, str],
    version: str | None = None,
    written: Collection[str] = (),
) -> dict[str, Any]:
    """Write every table, schema and the descriptor into `out` (raw/ must already be there, and
    the data files of the tables named in `written`)."""
    for table in table_names():
        if table in tables:
            write_table(table, tables[table], out)
        if table in tables or table in written:
            write_schema(table, out)
    desc = descriptor(tables, out, ruleset, version, written)
    (out / "datapackage.json").write_text(dump_json(desc), "utf-8")
    return desc
