"""The corruption catalogue: every way we know a built package can be broken, and the finding
that `talkspkg validate` must report for it.

Each case is applied to a fresh copy of the package built from raw/ (`pkg` fixture). *Naive*
cases leave the descriptor's `bytes`/`hash` stale; *consistent* ones (`consistent=True`) re-hash
every resource afterwards, as an attacker would, so only the content checks can catch them.
Cases marked `[table]` are generated from the models (`MODELS`, `table_meta`, `columns`): every
table gets a duplicated primary key, every table with foreign keys a dangling one (and one for
each reference to entities: speakers, proposers, participants), every table with
`article_id, start, end, text` a shifted offset and an edited text, every table with a
vocabulary an out-of-vocabulary value. Damage common to all tables' files is applied once per
kind, on tables taken in turn. A new table is covered without a new line here.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from click.testing import CliRunner
from corruption import (
    BOTH,
    NotApplicable,
    descriptor,
    edit_bytes,
    edit_descriptor,
    edit_rows,
    file_of,
    flip_byte,
    load,
    read_csv,
    rehash,
    resource,
    rows,
    save,
    save_rows,
    set_cell,
    set_csv_cell,
    write_csv,
)

from talkspkg.cli import main
from talkspkg.schema.models import MODELS
from talkspkg.schema.tableschema import ColumnSpec, columns, table_meta
from talkspkg.validate.findings import BY_ID

Apply = Callable[[Path], None]


@dataclass(frozen=True)
class Corruption:
    name: str
    apply: Apply
    expect: tuple[str, ...]  # every one of these finding types must be reported
    consistent: bool = False  # re-hash every resource after `apply`

    def damage(self, pkg: Path) -> None:
        """Apply the corruption to `pkg` (re-hashed when consistent); skip the test where the
        package has nothing to corrupt."""
        try:
            self.apply(pkg)
        except NotApplicable as exc:
            pytest.skip(str(exc))
        if self.consistent:
            rehash(pkg)


CASES: list[Corruption] = []


def case(name: str, *expect: str, consistent: bool = False) -> Callable[[Apply], Apply]:
    def register(apply: Apply) -> Apply:
        CASES.append(Corruption(name, apply, expect, consistent))
        return apply

    return register


def outside(pkg: Path) -> Path:
    """A folder next to the package, outside it."""
    target = pkg.parent / "outside"
    target.mkdir(exist_ok=True)
    return target


# == the descriptor ===========================================================================
# A deleted descriptor makes the folder no package at all: a usage error (exit 2), tested in
# test_cli.py, not a finding.


@case("descriptor-not-json", "descriptor-error")
def _(pkg: Path) -> None:
    (pkg / "datapackage.json").write_text("name: talkspkg\nresources: []\n", "utf-8")


@case("descriptor-truncated", "descriptor-error")
def _(pkg: Path) -> None:
    edit_bytes(pkg / "datapackage.json", lambda data: data[: len(data) // 2])


@case("descriptor-not-utf8", "descriptor-error")
def _(pkg: Path) -> None:
    edit_bytes(pkg / "datapackage.json", lambda data: data.replace(b"Russia", b"Russ\xe9a", 1))


@case("descriptor-json-array", "descriptor-error")
def _(pkg: Path) -> None:
    (pkg / "datapackage.json").write_text(json.dumps([descriptor(pkg)]), "utf-8")


@case("descriptor-nested-too-deep", "descriptor-error")
def _(pkg: Path) -> None:
    (pkg / "datapackage.json").write_text("[" * 200_000 + "]" * 200_000, "utf-8")


@case("descriptor-integer-too-long", "descriptor-error")
def _(pkg: Path) -> None:
    text = (pkg / "datapackage.json").read_text("utf-8")
    (pkg / "datapackage.json").write_text(text.replace('"bytes": ', '"bytes": ' + "9" * 5000, 1))


@case("descriptor-is-a-folder", "descriptor-error")
def _(pkg: Path) -> None:
    (pkg / "datapackage.json").unlink()
    (pkg / "datapackage.json").mkdir()


@case("descriptor-symlink-outside", "descriptor-error")
def _(pkg: Path) -> None:
    copy = shutil.copyfile(pkg / "datapackage.json", outside(pkg) / "datapackage.json")
    (pkg / "datapackage.json").unlink()
    (pkg / "datapackage.json").symlink_to(copy.resolve())


@case("descriptor-is-a-fifo", "descriptor-error")
def _(pkg: Path) -> None:
    (pkg / "datapackage.json").unlink()
    os.mkfifo(pkg / "datapackage.json")


@case("descriptor-other-profile", "descriptor-error")
def _(pkg: Path) -> None:
    edit_descriptor(pkg, lambda d: d.update({"$schema": "https://example.org/my-profile.json"}))


@case("descriptor-empty-object", "descriptor-error", "missing-resource")
def _(pkg: Path) -> None:
    (pkg / "datapackage.json").write_text("{}", "utf-8")


@case("descriptor-without-resources", "descriptor-error", "missing-resource")
def _(pkg: Path) -> None:
    edit_descriptor(pkg, lambda d: d.update(resources=[]))


@case("descriptor-missing-licenses", "descriptor-error")
def _(pkg: Path) -> None:
    edit_descriptor(pkg, lambda d: d.pop("licenses"))


@case("descriptor-version-not-semver", "descriptor-error")
def _(pkg: Path) -> None:
    edit_descriptor(pkg, lambda d: d.update(version="first"))


@case("descriptor-profile-violated", "descriptor-profile-error")
def _(pkg: Path) -> None:
    edit_descriptor(pkg, lambda d: d.update(licenses="CC-BY-4.0"))


@case("resource-duplicated", "descriptor-error")
def _(pkg: Path) -> None:
    edit_descriptor(pkg, lambda d: d["resources"].append(dict(d["resources"][0])))


@case("resource-not-an-object", "descriptor-profile-error")
def _(pkg: Path) -> None:
    edit_descriptor(pkg, lambda d: d["resources"].append("data/articles.csv"))


@case("resource-name-not-a-string", "descriptor-profile-error", "missing-resource")
def _(pkg: Path) -> None:
    edit_descriptor(pkg, lambda d: d["resources"][0].update(name=[d["resources"][0]["name"]]))


@case("resource-format-changed", "missing-resource")
def _(pkg: Path) -> None:
    edit_descriptor(pkg, lambda d: d["resources"][0].update(format="tsv"))


@case("raw-resource-removed", "missing-resource", consistent=True)
def _(pkg: Path) -> None:
    edit_descriptor(
        pkg, lambda d: d.update(resources=[r for r in d["resources"] if r["name"] != raw_name(d)])
    )


def raw_name(desc: dict[str, Any]) -> str:
    return next(r["name"] for r in desc["resources"] if _is_raw(r))


def _is_raw(resource: dict[str, Any]) -> bool:
    return str(resource.get("path", "")).startswith("raw/")


@case("declared-bytes-off-by-one", "byte-count-error")
def _(pkg: Path) -> None:
    edit_descriptor(pkg, lambda d: d["resources"][0].update(bytes=d["resources"][0]["bytes"] + 1))


@case("declared-bytes-not-a-count", "byte-count-error")
def _(pkg: Path) -> None:
    edit_descriptor(pkg, lambda d: d["resources"][0].update(bytes="1234"))


@case("declared-hash-other-algorithm", "hash-count-error")
def _(pkg: Path) -> None:
    edit_descriptor(pkg, lambda d: d["resources"][0].update(hash="md5:" + "0" * 32))


@case("declared-hash-removed", "hash-count-error")
def _(pkg: Path) -> None:
    edit_descriptor(pkg, lambda d: d["resources"][1].pop("hash"))


# == files, naive ===========================================================================
@case("csv-truncated", "byte-count-error")
def _(pkg: Path) -> None:
    edit_bytes(file_of(pkg, "articles", "csv"), lambda data: data[: len(data) // 2])


@case("csv-byte-flipped", "hash-count-error")
def _(pkg: Path) -> None:
    flip_byte(file_of(pkg, "mentions", "csv"))


@case("parquet-byte-flipped", "hash-count-error")
def _(pkg: Path) -> None:
    flip_byte(file_of(pkg, "entities", "parquet"))


@case("csv-column-renamed", "hash-count-error", "header-error")
def _(pkg: Path) -> None:
    records = read_csv(pkg, "entities")
    records[0][1] = "label"
    write_csv(pkg, "entities", records)


# == files, consistent ======================================================================
@case("parquet-truncated", "parquet-error", consistent=True)
def _(pkg: Path) -> None:
    edit_bytes(file_of(pkg, "mentions", "parquet"), lambda data: data[: len(data) // 2])


@case("parquet-replaced-by-csv", "parquet-error", consistent=True)
def _(pkg: Path) -> None:
    shutil.copyfile(file_of(pkg, "articles", "csv"), file_of(pkg, "articles", "parquet"))


@case("parquet-empty", "parquet-error", consistent=True)
def _(pkg: Path) -> None:
    file_of(pkg, "entities", "parquet").write_bytes(b"")


@case("csv-empty", "csv-error", consistent=True)
def _(pkg: Path) -> None:
    file_of(pkg, "entities", "csv").write_bytes(b"")


@case("csv-not-utf8", "csv-error", consistent=True)
def _(pkg: Path) -> None:
    edit_bytes(
        file_of(pkg, "mentions", "csv"), lambda data: data.replace(b"London", b"L\xf6ndon", 1)
    )


@case("csv-ragged-row", "csv-error", consistent=True)
def _(pkg: Path) -> None:
    records = read_csv(pkg, "entities")
    records[2].append("extra")
    write_csv(pkg, "entities", records)


@case("csv-duplicate-header", "csv-error", consistent=True)
def _(pkg: Path) -> None:
    records = read_csv(pkg, "entities")
    records[0][2] = records[0][1]
    write_csv(pkg, "entities", records)


@case("csv-unterminated-quote", "csv-error", consistent=True)
def _(pkg: Path) -> None:
    path = file_of(pkg, "articles", "csv")
    path.write_bytes(path.read_bytes() + b'"unterminated,')


@case("csv-header-renamed", "header-error", consistent=True)
def _(pkg: Path) -> None:
    records = read_csv(pkg, "mentions")
    records[0][-1] = "how"
    write_csv(pkg, "mentions", records)


@case("csv-columns-reordered", "header-error", consistent=True)
def _(pkg: Path) -> None:
    write_csv(pkg, "entities", [[r[1], r[0], *r[2:]] for r in read_csv(pkg, "entities")])


@case("csv-column-missing", "header-error", consistent=True)
def _(pkg: Path) -> None:
    write_csv(pkg, "entities", [r[:-1] for r in read_csv(pkg, "entities")])


@case("parquet-column-dropped", "parquet-schema-error", consistent=True)
def _(pkg: Path) -> None:
    arrow = load(pkg, "entities")
    save(pkg, "entities", arrow.drop_columns([arrow.column_names[-1]]), formats=["parquet"])


@case("parquet-integer-narrowed", "parquet-schema-error", consistent=True)
def _(pkg: Path) -> None:
    arrow = load(pkg, "mentions")
    narrowed = arrow.schema.set(
        arrow.schema.get_field_index("start"), pa.field("start", pa.int32())
    )
    save(pkg, "mentions", arrow.cast(narrowed), formats=["parquet"])


@case("csv-integer-overflows-int64", "type-error", consistent=True)
def _(pkg: Path) -> None:
    set_csv_cell(pkg, "articles", "word_count", "9" * 30)


# == paths ===================================================================================
@case("resource-path-parent", "path-error", consistent=True)
def _(pkg: Path) -> None:
    copy = shutil.copyfile(file_of(pkg, "articles", "csv"), outside(pkg) / "articles.csv")
    edit_descriptor(pkg, lambda d: resource(d, "articles").update(path=f"../outside/{copy.name}"))


@case("resource-path-absolute", "path-error", consistent=True)
def _(pkg: Path) -> None:
    copy = shutil.copyfile(file_of(pkg, "articles", "csv"), outside(pkg) / "articles.csv")
    edit_descriptor(pkg, lambda d: resource(d, "articles").update(path=str(copy.resolve())))


@case("resource-path-etc-passwd", "path-error")
def _(pkg: Path) -> None:
    edit_descriptor(pkg, lambda d: resource(d, "entities").update(path="/etc/passwd"))


@case("resource-path-symlink-outside", "path-error", consistent=True)
def _(pkg: Path) -> None:
    target = file_of(pkg, "mentions", "csv")
    copy = shutil.copyfile(target, outside(pkg) / "mentions.csv")
    target.unlink()
    target.symlink_to(copy.resolve())


@case("data-folder-symlink-outside", "path-error", consistent=True)
def _(pkg: Path) -> None:
    moved = shutil.move(pkg / "data", outside(pkg) / "data")
    (pkg / "data").symlink_to(Path(moved).resolve(), target_is_directory=True)


@case("resource-symlink-loop", "path-error")
def _(pkg: Path) -> None:
    target = file_of(pkg, "entities", "csv")
    target.unlink()
    target.symlink_to(target.name)


@case("resource-is-a-fifo", "missing-file")
def _(pkg: Path) -> None:
    target = file_of(pkg, "articles", "parquet")
    target.unlink()
    os.mkfifo(target)


@case("resource-path-url", "path-error")
def _(pkg: Path) -> None:
    edit_descriptor(pkg, lambda d: resource(d, "articles").update(path="https://example.org/a.csv"))


@case("resource-path-windows", "path-error")
def _(pkg: Path) -> None:
    edit_descriptor(pkg, lambda d: resource(d, "articles").update(path="data\\articles.csv"))


@case("resource-path-list", "path-error")
def _(pkg: Path) -> None:
    edit_descriptor(pkg, lambda d: resource(d, "articles").update(path=["data/articles.csv"]))


@case("resource-path-folder", "missing-file")
def _(pkg: Path) -> None:
    edit_descriptor(pkg, lambda d: resource(d, "articles").update(path="data"))


@case("schema-path-parent", "path-error")
def _(pkg: Path) -> None:
    shutil.copyfile(pkg / "schemas" / "entities.json", outside(pkg) / "entities.json")
    for name in ("entities", "entities-parquet"):
        edit_descriptor(
            pkg, lambda d, n=name: resource(d, n).update(schema="../outside/entities.json")
        )


@case("schema-path-absolute", "path-error")
def _(pkg: Path) -> None:
    for name in ("entities", "entities-parquet"):
        edit_descriptor(pkg, lambda d, n=name: resource(d, n).update(schema="/etc/passwd"))


# == schemas =================================================================================
@case("schema-not-json", "schema-error")
def _(pkg: Path) -> None:
    (pkg / "schemas" / "mentions.json").write_text("fields:\n  - name: mention_id\n", "utf-8")


@case("schema-edited", "schema-mismatch")
def _(pkg: Path) -> None:
    path = pkg / "schemas" / "entities.json"
    schema = json.loads(path.read_text("utf-8"))
    schema["fields"][0]["constraints"].pop("pattern")
    path.write_text(json.dumps(schema), "utf-8")


@case("schema-reference-removed", "schema-error")
def _(pkg: Path) -> None:
    for name in ("articles", "articles-parquet"):
        edit_descriptor(pkg, lambda d, n=name: resource(d, n).pop("schema"))


@case("schema-inline-object", "schema-error")
def _(pkg: Path) -> None:
    schema = json.loads((pkg / "schemas" / "articles.json").read_text("utf-8"))
    for name in ("articles", "articles-parquet"):
        edit_descriptor(pkg, lambda d, n=name: resource(d, n).update(schema=schema))


@case("schemas-differ-between-csv-and-parquet", "schema-error")
def _(pkg: Path) -> None:
    edit_descriptor(
        pkg, lambda d: resource(d, "articles-parquet").update(schema="schemas/mentions.json")
    )


# == raw articles =============================================================================
def first_raw(pkg: Path) -> Path:
    return pkg / rows(pkg, "articles")[0]["raw_path"]


@case("raw-article-edited", "hash-count-error", "raw-hash-error")
def _(pkg: Path) -> None:
    path = first_raw(pkg)
    path.write_text(path.read_text("utf-8").replace("London", "Londan"), "utf-8")


@case("raw-article-edited-descriptor-rehashed", "raw-hash-error", consistent=True)
def _(pkg: Path) -> None:
    path = first_raw(pkg)
    path.write_text(path.read_text("utf-8").replace("London", "Londan"), "utf-8")


@case("raw-article-deleted", "missing-file")  # one finding, not a second raw-missing
def _(pkg: Path) -> None:
    first_raw(pkg).unlink()


@case("raw-folder-deleted-and-undeclared", "raw-missing", "missing-resource", consistent=True)
def _(pkg: Path) -> None:
    shutil.rmtree(pkg / "raw")
    edit_descriptor(
        pkg, lambda d: d.update(resources=[r for r in d["resources"] if not _is_raw(r)])
    )


def rewrite_raw_with_every_hash(pkg: Path, new_bytes: Callable[[bytes], bytes]) -> None:
    """Edit a raw article and fix raw_sha256 and char_count too: only the spans can tell."""
    import hashlib

    path = first_raw(pkg)
    data = new_bytes(path.read_bytes())
    path.write_bytes(data)

    def edit(found: list[dict[str, Any]]) -> None:
        found[0]["raw_sha256"] = hashlib.sha256(data).hexdigest()
        found[0]["char_count"] = len(data.decode("utf-8", errors="replace"))

    edit_rows(pkg, "articles", edit)


@case("raw-article-rewritten-every-hash-fixed", "span-mismatch", consistent=True)
def _(pkg: Path) -> None:
    rewrite_raw_with_every_hash(pkg, lambda data: b"UPDATE: " + data)


@case("raw-article-not-utf8-every-hash-fixed", "raw-encoding-error", consistent=True)
def _(pkg: Path) -> None:
    rewrite_raw_with_every_hash(pkg, lambda data: data[:10] + b"\xff" + data[11:])


@case("char-count-wrong", "raw-length-error", consistent=True)
def _(pkg: Path) -> None:
    edit_rows(pkg, "articles", lambda found: found[0].update(char_count=found[0]["char_count"] + 1))


@case("raw-paths-swapped", "raw-hash-error", consistent=True)
def _(pkg: Path) -> None:
    def swap(found: list[dict[str, Any]]) -> None:
        found[0]["raw_path"], found[1]["raw_path"] = found[1]["raw_path"], found[0]["raw_path"]

    edit_rows(pkg, "articles", swap)


@case("raw-path-outside", "path-error", "model-error", consistent=True)
def _(pkg: Path) -> None:
    copy = shutil.copyfile(first_raw(pkg), outside(pkg) / "article.txt")
    set_cell(pkg, "articles", "raw_path", f"raw/../../outside/{copy.name}")


# == what the data means (schema/contracts.py): each rule broken consistently ==================
def _bump(column: str, by: int = 7, row: int = 0) -> Callable[[list[dict[str, Any]]], None]:
    def edit(found: list[dict[str, Any]]) -> None:
        found[row][column] = found[row][column] + by

    return edit


@case("meeting-article-count-raised", "derived-count-error", consistent=True)
def _(pkg: Path) -> None:
    edit_rows(pkg, "meetings", _bump("article_count"))


@case("proposal-article-count-raised", "derived-count-error", consistent=True)
def _(pkg: Path) -> None:
    edit_rows(pkg, "proposals", _bump("article_count", 1))


@case("term-article-count-raised", "derived-count-error", consistent=True)
def _(pkg: Path) -> None:
    edit_rows(pkg, "proposal_terms", _bump("article_count", 1))


@case("article-word-count-raised", "derived-count-error", consistent=True)
def _(pkg: Path) -> None:
    edit_rows(pkg, "articles", _bump("word_count"))


@case("article-char-count-lowered", "derived-count-error", consistent=True)
def _(pkg: Path) -> None:
    edit_rows(pkg, "articles", _bump("char_count", -1))


@case("mention-id-of-other-offsets", "content-id-error", consistent=True)
def _(pkg: Path) -> None:
    def edit(found: list[dict[str, Any]]) -> None:
        found[0]["mention_id"] = f"{found[0]['article_id']}.{found[0]['start']}-999999"

    edit_rows(pkg, "mentions", edit)


@case("quote-id-of-other-article", "content-id-error", consistent=True)
def _(pkg: Path) -> None:
    def edit(found: list[dict[str, Any]]) -> None:
        found[0]["quote_id"] = f"zzz-other.q{found[0]['start']}-{found[0]['end']}"

    edit_rows(pkg, "quotes", edit)


@case("term-id-of-other-code", "content-id-error", consistent=True)
def _(pkg: Path) -> None:
    def edit(found: list[dict[str, Any]]) -> None:
        found[0]["term_id"] = f"{found[0]['proposal_id']}.zz.not_its_code"

    edit_rows(pkg, "proposal_terms", edit)


def _day_meeting(found: list[dict[str, Any]]) -> int:
    for i, row in enumerate(found):
        if row["date_precision"] == "day":
            return i
    raise NotApplicable("no day-precision meeting")


@case("day-meeting-lasting-ten-days", "date-precision-error", consistent=True)
def _(pkg: Path) -> None:
    def edit(found: list[dict[str, Any]]) -> None:
        i = _day_meeting(found)
        found[i]["date_end"] = found[i]["date_start"] + timedelta(days=9)

    edit_rows(pkg, "meetings", edit)


@case("week-meeting-not-from-monday", "date-precision-error", consistent=True)
def _(pkg: Path) -> None:
    def edit(found: list[dict[str, Any]]) -> None:
        i = _day_meeting(found)
        start = found[i]["date_start"]
        found[i].update(date_precision="week", date_end=start + timedelta(days=6))
        if start.weekday() == 0:
            found[i]["date_start"] = start + timedelta(days=1)

    edit_rows(pkg, "meetings", edit)


@case("month-mention-mid-month", "date-precision-error", consistent=True)
def _(pkg: Path) -> None:
    def edit(found: list[dict[str, Any]]) -> None:
        i = _day_meeting(found)
        start = found[i]["date_start"].replace(day=15)
        found[i].update(date_precision="month", date_start=start, date_end=start)

    edit_rows(pkg, "meeting_mentions", edit)


@case("quote-spoken-by-a-city", "entity-type-error", consistent=True)
def _(pkg: Path) -> None:
    set_cell(pkg, "quotes", "speaker_id", "london")


@case("proposal-made-by-a-person", "entity-type-error", consistent=True)
def _(pkg: Path) -> None:
    set_cell(pkg, "proposals", "proposer_id", "vladimir-putin")


@case("meeting-held-in-a-person", "entity-type-error", consistent=True)
def _(pkg: Path) -> None:
    set_cell(pkg, "meetings", "place_id", "david-lammy")


@case("date-anchor-from-no-shared-meeting", "date-anchor-error", consistent=True)
def _(pkg: Path) -> None:
    def edit(found: list[dict[str, Any]]) -> None:
        i = _day_meeting(found)
        found[i]["date_anchor"] = "relative-to-an-article-reporting-nothing"

    edit_rows(pkg, "meetings", edit)


@case("quote-continuing-a-later-quote", "reference-order-error", consistent=True)
def _(pkg: Path) -> None:
    def edit(found: list[dict[str, Any]]) -> None:
        first, later = (
            found[0],
            next(q for q in found[1:] if q["article_id"] == found[0]["article_id"]),
        )
        first["continues"] = later["quote_id"]

    edit_rows(pkg, "quotes", edit)


@case("meetings-part-of-each-other", "part-of-error", consistent=True)
def _(pkg: Path) -> None:
    def edit(found: list[dict[str, Any]]) -> None:
        found[0]["part_of"], found[1]["part_of"] = found[1]["meeting_id"], found[0]["meeting_id"]

    edit_rows(pkg, "meetings", edit)


@case("file-added-to-data", "undeclared-file", consistent=True)
def _(pkg: Path) -> None:
    (pkg / "data" / "notes.csv").write_text("a,b\n1,2\n", "utf-8")


@case("provenance-edited", "hash-count-error")
def _(pkg: Path) -> None:
    path = pkg / "raw" / "sources.yaml"
    path.write_text(path.read_text("utf-8") + "# edited\n", "utf-8")


# == derived counts ============================================================================
@case("mention-row-deleted", "derived-count-error", consistent=True)
def _(pkg: Path) -> None:
    edit_rows(pkg, "mentions", lambda found: found[1:])


@case("mention-count-edited", "derived-count-error", consistent=True)
def _(pkg: Path) -> None:
    edit_rows(
        pkg, "entities", lambda found: found[0].update(mention_count=found[0]["mention_count"] + 1)
    )


@case("article-count-edited", "derived-count-error", consistent=True)
def _(pkg: Path) -> None:
    edit_rows(
        pkg,
        "entities",
        lambda found: found[-1].update(article_count=found[-1]["article_count"] + 1),
    )


# == generated from the models ==============================================================
# Per table, what depends on the table itself: its keys, its references, its spans and its
# vocabularies. Damage that every table's files share (a deleted file, an extra column) is
# applied once per kind, to tables taken in turn, which keeps the catalogue fast as tables grow.
def key(table: str) -> list[str]:
    return list(table_meta(table)["primary_key"])


def fk_fields(table: str) -> set[str]:
    return {f for fk in table_meta(table)["foreign_keys"] for f in fk["fields"]}


def is_span_table(table: str) -> bool:
    names = {c.name for c in columns(table)}
    return table != "articles" and {"article_id", "start", "end", "text"} <= names


def free_column(table: str) -> ColumnSpec | None:
    """A string column that no key, span or constraint involves: only agreement can see it."""
    taken = {*key(table), *fk_fields(table), "text", "article_id"}
    for c in columns(table):
        if c.type == "string" and c.name not in taken and not c.constraints:
            return c
    return next((c for c in columns(table) if c.name not in taken), None)


def changed(value: Any) -> Any:
    return f"{value} (edited)" if value is not None else "edited"


def generated() -> Iterator[Corruption]:
    for table in MODELS:
        yield duplicate_key(table)
        fks = table_meta(table)["foreign_keys"]
        for n, fk in enumerate(fks):
            if n == 0 or fk["table"] == "entities":  # and every speaker, proposer... to entities
                yield dangling(table, list(fk["fields"]), fk["table"])
        if is_span_table(table):
            yield span_damage("offset-shifted-by-one", shift, "span-mismatch")(table)
            yield span_damage("span-text-edited", edit_text, "span-mismatch")(table)
        enums = [c for c in columns(table) if "enum" in c.constraints]
        if enums:
            yield out_of_vocabulary(table, enums[0].name)
        if table_meta(table).get("disjoint_spans"):
            yield overlapping_span(table)
    for n, (applies, make) in enumerate(SHARED_DAMAGE):
        eligible = [t for t in MODELS if applies(t)]
        if eligible:
            yield make(eligible[n % len(eligible)])
    yield from lexical_cases()


def overlapping_span(table: str) -> Corruption:
    """A second row on the same characters under a fresh key: every other check still passes."""

    def apply(pkg: Path) -> None:
        found = rows(pkg, table)
        (pk,) = key(table)
        twin = {**found[0], pk: f"{found[0][pk]}-twin"}
        save_rows(pkg, table, sorted([*found, twin], key=lambda r: r[pk]))

    return Corruption(f"overlapping-span[{table}]", apply, ("span-overlap",), True)


def duplicate_key(table: str) -> Corruption:
    def apply(pkg: Path) -> None:
        found = rows(pkg, table)
        save_rows(pkg, table, [found[0], *found])

    return Corruption(f"duplicate-primary-key[{table}]", apply, ("primary-key-error",), True)


def null_key(table: str) -> Corruption:
    def apply(pkg: Path) -> None:
        set_cell(pkg, table, key(table)[0], None)

    return Corruption(f"null-primary-key[{table}]", apply, ("primary-key-error",), True)


def disagree(table: str) -> Corruption:
    column = free_column(table)
    assert column is not None

    def apply(pkg: Path) -> None:
        set_csv_cell(pkg, table, column.name, changed(rows(pkg, table)[0][column.name]))

    return Corruption(
        f"csv-parquet-disagree[{table}.{column.name}]", apply, ("csv-parquet-mismatch",), True
    )


def dangling(table: str, fields: list[str], target: str) -> Corruption:
    def apply(pkg: Path) -> None:
        edit_rows(
            pkg, table, lambda found: found[0].update({f: f"missing-{target}" for f in fields})
        )

    return Corruption(
        f"dangling-foreign-key[{table}.{','.join(fields)}->{target}]",
        apply,
        ("foreign-key-error",),
        True,
    )


def out_of_vocabulary(table: str, column: str) -> Corruption:
    return Corruption(
        f"out-of-vocabulary[{table}.{column}]",
        lambda pkg: set_cell(pkg, table, column, "not-in-vocabulary"),
        ("model-error",),
        True,
    )


# Edits of the first row of a span table.
def shift(found: list[dict[str, Any]]) -> None:
    found[0]["start"] += 1
    found[0]["end"] += 1


def edit_text(found: list[dict[str, Any]]) -> None:
    found[0]["text"] = found[0]["text"][:-1] + ("x" if found[0]["text"][-1] != "x" else "y")


def beyond_end(found: list[dict[str, Any]]) -> None:
    found[0]["end"] = 10**9


def swapped(found: list[dict[str, Any]]) -> None:
    found[0]["start"], found[0]["end"] = found[0]["end"], found[0]["start"]


def negative(found: list[dict[str, Any]]) -> None:
    found[0]["start"] = -1


def moved(found: list[dict[str, Any]]) -> None:
    others = sorted({r["article_id"] for r in found} - {found[0]["article_id"]})
    if not others:
        raise NotApplicable("the table spans a single article")
    found[0]["article_id"] = others[0]


def span_damage(
    name: str, edit: Callable[[list[dict[str, Any]]], None], expect: str
) -> Callable[[str], Corruption]:
    def make(table: str) -> Corruption:
        return Corruption(
            f"{name}[{table}]", lambda pkg: edit_rows(pkg, table, edit), (expect,), True
        )

    return make


def first_column(table: str, wanted: Callable[[ColumnSpec], bool]) -> ColumnSpec | None:
    return next((c for c in columns(table) if wanted(c)), None)


def file_deleted(fmt: str) -> Callable[[str], Corruption]:
    def make(table: str) -> Corruption:
        def apply(pkg: Path) -> None:
            file_of(pkg, table, fmt).unlink()

        return Corruption(f"{fmt}-deleted[{table}]", apply, ("missing-file",))

    return make


def schema_deleted(table: str) -> Corruption:
    def apply(pkg: Path) -> None:
        (pkg / resource(descriptor(pkg), table)["schema"]).unlink()

    return Corruption(f"schema-deleted[{table}]", apply, ("schema-error",))


def rows_reversed(table: str) -> Corruption:
    def apply(pkg: Path) -> None:
        found = rows(pkg, table)
        if len(found) < 2:
            raise NotApplicable(f"{table} has fewer than 2 rows")
        save_rows(pkg, table, found[::-1])

    return Corruption(f"rows-out-of-order[{table}]", apply, ("row-order-error",), True)


def parquet_row_dropped(table: str) -> Corruption:
    def apply(pkg: Path) -> None:
        save_rows(pkg, table, rows(pkg, table)[1:], formats=["parquet"])

    return Corruption(f"parquet-row-dropped[{table}]", apply, ("csv-parquet-mismatch",), True)


def undeclared_column(fmt: str, expect: str) -> Callable[[str], Corruption]:
    def make(table: str) -> Corruption:
        def apply(pkg: Path) -> None:
            arrow = load(pkg, table)
            extra = pa.array(["x"] * arrow.num_rows, pa.string())
            save(pkg, table, arrow.append_column("undeclared", extra), formats=[fmt])

        return Corruption(f"undeclared-column-{fmt}[{table}]", apply, (expect,), True)

    return make


def required_nulled(table: str) -> Corruption:
    column = first_column(table, lambda c: c.required and c.name not in key(table))
    assert column is not None
    return Corruption(
        f"null-in-required-column[{table}.{column.name}]",
        lambda pkg: set_cell(pkg, table, column.name, None),
        ("constraint-error", "model-error"),
        True,
    )


def pattern_violated(table: str) -> Corruption:
    column = first_column(table, lambda c: "pattern" in c.constraints)
    assert column is not None
    return Corruption(
        f"pattern-violated[{table}.{column.name}]",
        lambda pkg: set_cell(pkg, table, column.name, "Not A Slug!"),
        ("model-error",),
        True,
    )


def below_minimum(table: str) -> Corruption:
    column = first_column(table, lambda c: "minimum" in c.constraints)
    assert column is not None
    return Corruption(
        f"below-minimum[{table}.{column.name}]",
        lambda pkg: set_cell(pkg, table, column.name, column.constraints["minimum"] - 5),
        ("model-error",),
        True,
    )


def integers_as_floats(table: str) -> Corruption:
    column = first_column(table, lambda c: c.type == "integer")
    assert column is not None

    def apply(pkg: Path) -> None:
        arrow = load(pkg, table)
        i = arrow.schema.get_field_index(column.name)
        floats = arrow[column.name].cast(pa.float64())
        arrow = arrow.set_column(i, pa.field(column.name, pa.float64()), floats)
        save(pkg, table, arrow, formats=["parquet"])

    return Corruption(
        f"integer-column-holding-floats-parquet[{table}.{column.name}]",
        apply,
        ("parquet-schema-error",),
        True,
    )


def has_column(wanted: Callable[[ColumnSpec], bool]) -> Callable[[str], bool]:
    return lambda table: first_column(table, wanted) is not None


def every_table(table: str) -> bool:
    return True


SHARED_DAMAGE: list[tuple[Callable[[str], bool], Callable[[str], Corruption]]] = [
    (every_table, null_key),
    (lambda t: free_column(t) is not None, disagree),
    (is_span_table, span_damage("span-moved-to-another-article", moved, "span-mismatch")),
    (is_span_table, span_damage("span-end-beyond-article", beyond_end, "span-out-of-range")),
    (is_span_table, span_damage("span-start-after-end", swapped, "span-out-of-range")),
    (is_span_table, span_damage("span-start-negative", negative, "span-out-of-range")),
    (every_table, file_deleted("csv")),
    (every_table, file_deleted("parquet")),
    (every_table, schema_deleted),
    (every_table, rows_reversed),
    (every_table, parquet_row_dropped),
    (every_table, undeclared_column("csv", "header-error")),
    (every_table, undeclared_column("parquet", "parquet-schema-error")),
    (lambda t: any(c.required and c.name not in key(t) for c in columns(t)), required_nulled),
    (has_column(lambda c: "pattern" in c.constraints), pattern_violated),
    (has_column(lambda c: "minimum" in c.constraints), below_minimum),
    (has_column(lambda c: c.type == "integer"), integers_as_floats),
]

# Text that is no valid value of each Table Schema type, as it would be written in a CSV cell.
BAD_LEXICAL = {
    "integer": [("float", "12.5"), ("word", "twelve")],
    "number": [("word", "many")],
    "boolean": [("word", "yes")],
    "date": [("wrong-format", "23/04/2025"), ("out-of-range", "2025-02-30")],
    "time": [("out-of-range", "25:61:00"), ("wrong-format", "3pm")],
}


def lexical_cases() -> Iterator[Corruption]:
    """For each Table Schema type, its first column in any table, written wrong in the CSV."""
    for ts_type, bad in BAD_LEXICAL.items():
        found = [(t, c) for t in MODELS for c in columns(t) if c.type == ts_type][:1]
        for (table, column), (label, text) in ((f, b) for f in found for b in bad):
            yield Corruption(
                f"{ts_type}-{label}-in-csv[{table}.{column.name}]",
                lambda pkg, t=table, n=column.name, v=text: set_csv_cell(pkg, t, n, v),
                ("type-error",),
                True,
            )


CASES.extend(generated())
assert len({c.name for c in CASES}) == len(CASES), "corruption names must be unique"


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("corruption", CASES, ids=[c.name for c in CASES])
def test_validate_reports_each_corruption_with_its_finding_type(
    corruption: Corruption, pkg: Path, runner: CliRunner
) -> None:
    corruption.damage(pkg)
    result = runner.invoke(main, ["validate", str(pkg), "--json"])
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    report = json.loads(result.stdout)
    found = {f["type"] for f in report["findings"]}
    assert set(corruption.expect) <= found, report["findings"]
    assert "check-error" not in found, report["findings"]
    assert found <= set(BY_ID), f"unregistered finding types {found - set(BY_ID)}"


def test_catalogue_has_at_least_forty_distinct_corruptions() -> None:
    kinds = {c.name.split("[")[0] for c in CASES}
    assert len(kinds) >= 40, sorted(kinds)


def test_catalogue_exercises_every_registered_finding_type() -> None:
    expected = {t for c in CASES for t in c.expect}
    assert set(BY_ID) - {"check-error"} <= expected, set(BY_ID) - expected


def test_pristine_copy_is_valid(pkg: Path, runner: CliRunner) -> None:
    """The baseline every corruption starts from: without it, 'exit 1' would prove nothing."""
    result = runner.invoke(main, ["validate", str(pkg), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["findings"] == []


def test_consistent_rehash_alone_keeps_package_valid(pkg: Path, runner: CliRunner) -> None:
    """`rehash` fixes nothing that was right: a consistent case is caught by content only."""
    rehash(pkg)
    assert runner.invoke(main, ["validate", str(pkg)]).exit_code == 0


def test_save_rows_round_trip_keeps_package_valid(pkg: Path, runner: CliRunner) -> None:
    """The helpers write tables exactly like the package writer: an unchanged rewrite is valid."""
    for table in MODELS:
        if file_of(pkg, table, "parquet").is_file():
            save_rows(pkg, table, load(pkg, table).to_pylist(), formats=BOTH)
    rehash(pkg)
    result = runner.invoke(main, ["validate", str(pkg)])
    assert result.exit_code == 0, result.output
