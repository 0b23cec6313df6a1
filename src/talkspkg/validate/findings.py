"""Every finding type `talkspkg validate` can report: what it means and how to fix it.

`docs/findings.md` is rendered from this registry (`python -m talkspkg.validate.findings`), and
each type lists the check functions that report it, read from the checks' source code. A test
fails when a check reports a type missing here, or when the committed page is stale.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class FindingType:
    id: str
    title: str
    meaning: str
    fix: str


REBUILD = "Rebuild the package with `talkspkg build` rather than editing it by hand."

FINDINGS: tuple[FindingType, ...] = (
    FindingType(
        "descriptor-error",
        "The descriptor cannot be used",
        "`datapackage.json` is missing, unreadable, not a regular file inside the package, not "
        "JSON (or nested too deep, or holding an integer too long to read), not an object, or it "
        "lacks a property talkspkg requires (`$schema` of Data Package v2, `name`, `licenses`, a "
        "non-empty list of uniquely named `resources`), or its optional `version` is not SemVer.",
        f"{REBUILD} A package without a usable descriptor cannot be checked any further.",
    ),
    FindingType(
        "descriptor-profile-error",
        "The descriptor breaks the Data Package profile",
        "The descriptor breaks the Data Package v2 profile: the official JSON Schema (vendored, "
        "checked offline) or a rule it cannot express (unique resource names, paths the "
        "reference implementation refuses, v1 compatibility). For example a missing required "
        "property, a property of the wrong type, a value that does not match the profile's "
        "pattern, an unsafe path, a `created` that is not an RFC 3339 date-time, an e-mail "
        "address that is not one. The message names the JSON path in the descriptor "
        "(`resources/3 ('mentions'): property 'schema/primaryKey'`) and what is wrong.",
        f"Fix the property at the path the message names, as it says. {REBUILD}",
    ),
    FindingType(
        "missing-resource",
        "A resource the package must declare is missing",
        "A table lacks its CSV resource (`<table>`) or its Parquet resource (`<table>-parquet`, "
        "format `parquet`), or a raw article named by the articles table is not declared as a "
        "resource, so its bytes and hash are recorded nowhere.",
        REBUILD,
    ),
    FindingType(
        "path-error",
        "A path leaves the package",
        "A resource path, schema path or raw article path is not a plain relative POSIX path "
        "inside the package: it is absolute, a URL, contains `..` or a backslash, is not a "
        "string, or resolves outside the package through a symlink (or a symlink loop). Such a "
        "file is never opened.",
        "Keep every file inside the package folder and refer to it by a relative path such as "
        "`data/mentions.csv`; replace symlinks by the files themselves.",
    ),
    FindingType(
        "missing-file",
        "A declared file does not exist",
        "A resource names a path inside the package that is not a regular file (deleted, a "
        "folder, a FIFO).",
        "Restore the file from the release, or rebuild the package.",
    ),
    FindingType(
        "byte-count-error",
        "A file's size differs from the descriptor",
        "The file has another size than its resource's `bytes`, or `bytes` is not a count: the "
        "file was truncated, extended or replaced after the build.",
        f"Restore the published file. {REBUILD}",
    ),
    FindingType(
        "hash-count-error",
        "A file's SHA-256 differs from the descriptor",
        "The file's content is not what the descriptor's `hash` (`sha256:<hex>`) records, or the "
        "hash is missing or of another algorithm: the file changed after the build.",
        f"Restore the published file. {REBUILD}",
    ),
    FindingType(
        "schema-error",
        "A table's schema cannot be used",
        "The schema reference is missing, not a path (an inline object), differs between the CSV "
        "and the Parquet resource, or names a file that is absent or not a JSON object.",
        "Point both resources of the table at `schemas/<table>.json`, as the build writes it.",
    ),
    FindingType(
        "schema-mismatch",
        "A schema file differs from the table's model",
        "`schemas/<table>.json` is not the Table Schema that the table's pandera model generates: "
        "it was edited, or the package was built by another version of talkspkg.",
        f"{REBUILD} Schemas are generated from the models and never edited.",
    ),
    FindingType(
        "csv-error",
        "A CSV file cannot be parsed",
        "The CSV is empty, not UTF-8, has rows with another number of cells than the header, an "
        "unterminated quote, duplicate or undecodable column names.",
        f"Restore the published file. {REBUILD}",
    ),
    FindingType(
        "header-error",
        "A CSV header differs from the schema",
        "The CSV's columns are not exactly the schema's, in its order: a column is missing, "
        "renamed, undeclared or moved.",
        REBUILD,
    ),
    FindingType(
        "constraint-error",
        "A required CSV cell is empty",
        "A column the schema marks `required` has an empty cell.",
        "Fill in the value from the source, or rebuild the package.",
    ),
    FindingType(
        "type-error",
        "A CSV cell is not a value of its column's type",
        "A cell is not written the one way talkspkg writes its type: an integer with a decimal "
        "point or beyond 64 bits, a word for a boolean, a date that is not `YYYY-MM-DD` or does "
        "not exist (`2025-02-30`), a time that is not `HH:MM:SS`.",
        f"Write the value in the column's lexical form. {REBUILD}",
    ),
    FindingType(
        "parquet-error",
        "A Parquet file cannot be read",
        "The file is empty, truncated, or not Parquet at all.",
        f"Restore the published file. {REBUILD}",
    ),
    FindingType(
        "parquet-schema-error",
        "A Parquet file's columns differ from the schema",
        "The Parquet file lacks a column, has an undeclared one, or stores a column with another "
        "Arrow type than the schema's (floats in an integer column, int32 for int64).",
        REBUILD,
    ),
    FindingType(
        "model-error",
        "A value breaks the table's model",
        "The table fails its pandera model: a value outside its vocabulary (enum), not matching "
        "its pattern, below its minimum, null where the model forbids it, a duplicated unique "
        "value, or a failed row-level rule such as start < end.",
        "Correct the value from the source article. If the model is wrong, change the model and "
        "rebuild.",
    ),
    FindingType(
        "primary-key-error",
        "A primary key is null or duplicated",
        "Two rows share a primary key, or a row has none: rows can no longer be told apart or "
        "referenced.",
        f"Remove the duplicate row. {REBUILD}",
    ),
    FindingType(
        "row-order-error",
        "Rows are not sorted by primary key",
        "The build writes every table sorted by its primary key so that the same inputs give the "
        "same bytes; these rows were reordered after the build.",
        REBUILD,
    ),
    FindingType(
        "foreign-key-error",
        "A reference points at no row",
        "A foreign key (for example `mentions.entity_id`) names a row that does not exist in the "
        "referenced table, or the referenced table is missing.",
        "Restore the referenced row or correct the reference. " + REBUILD,
    ),
    FindingType(
        "csv-parquet-mismatch",
        "The CSV and the Parquet of a table disagree",
        "The two files of one table hold a different number of rows, or differ in a cell: one of "
        "them was edited without the other.",
        f"Restore both files from the same build. {REBUILD}",
    ),
    FindingType(
        "raw-missing",
        "A raw article is missing",
        "The raw file an articles row names (`raw_path`) does not exist in the package, so no "
        "offset of that article can be verified.",
        "Restore the raw article under `raw/`, or rebuild the package.",
    ),
    FindingType(
        "raw-hash-error",
        "A raw article changed after the build",
        "The raw file's SHA-256 is not the `raw_sha256` the articles table records: every offset "
        "into that article may now point at other characters.",
        "Restore the raw article, or rebuild the package from the new text.",
    ),
    FindingType(
        "raw-encoding-error",
        "A raw article is not UTF-8",
        "The raw file does not decode as strict UTF-8, so it has no text for offsets to index.",
        "Restore the raw article, or rebuild the package from a UTF-8 file.",
    ),
    FindingType(
        "raw-length-error",
        "A raw article's length differs from char_count",
        "The decoded raw text has another number of characters than the article's `char_count`, "
        "the bound of every offset into it.",
        REBUILD,
    ),
    FindingType(
        "span-out-of-range",
        "Offsets outside the article",
        "A row's offsets are not `0 <= start < end <= char_count` of its article.",
        f"Correct the offsets from the raw text. {REBUILD}",
    ),
    FindingType(
        "span-mismatch",
        "A span's text is not the article's text at its offsets",
        "`text` differs from `raw_text[start:end]` of the row's article: the offsets were shifted, "
        "the text edited, the row moved to another article, or the raw article rewritten.",
        f"Correct the row from the raw text. {REBUILD}",
    ),
    FindingType(
        "span-overlap",
        "Two spans of one article overlap where the table forbids it",
        "The table's model declares `disjoint_spans` (quotes: a quotation never contains or "
        "crosses another) and two rows of one article share characters.",
        f"Remove or correct the overlapping row. {REBUILD}",
    ),
    FindingType(
        "derived-count-error",
        "A count disagrees with the rows it counts",
        "A column that counts rows of another table (`entities.mention_count`, "
        "`meetings.article_count`, `proposals.article_count`, ...) is not the number of those "
        "rows, or `articles.char_count`/`word_count` is not that of the raw text: rows were "
        "deleted or added, or the count edited.",
        REBUILD,
    ),
    FindingType(
        "content-id-error",
        "An id does not restate its row",
        "An id built from other columns (`mention_id` and `quote_id` from the article and the "
        "offsets, `term_id` from the proposal and the code) is not what they give: the id or the "
        "columns were edited apart.",
        REBUILD,
    ),
    FindingType(
        "entity-type-error",
        "A reference names the wrong kind of entity",
        "A column that refers to `entities` names an entity of a type it does not allow (a quote "
        "spoken by a city, a meeting held in a person, a proposal made by a person): the types "
        "each column allows are in the data dictionary.",
        f"Point the reference at an entity of an allowed type. {REBUILD}",
    ),
    FindingType(
        "date-precision-error",
        "A date range contradicts its precision",
        "A date range disagrees with the precision stated beside it: a `day` that lasts several "
        "days, a `week` that is not Monday to Sunday, a `month` that is not its first to its last "
        "day, an end before the start, or a precision without dates (or dates without one).",
        REBUILD,
    ),
    FindingType(
        "date-anchor-error",
        "A date claims an anchor it cannot have had",
        "A meeting's `date_anchor` says its day was learnt relative to an article's publication "
        "date (`relative-to-<article>`), but that article shares no meeting with the articles "
        "reporting this one, so its date cannot have fixed this one.",
        REBUILD,
    ),
    FindingType(
        "reference-order-error",
        "A continuation points the wrong way",
        "`quotes.continues` names a quote of another article, or one that does not come before "
        "it: a continued quotation always continues an earlier part of the same article.",
        REBUILD,
    ),
    FindingType(
        "part-of-error",
        "A meeting's parent is impossible",
        "`meetings.part_of` leads back to the meeting itself through a cycle, or names a parent "
        "meeting whose dates do not meet this one's (a side meeting happens during its parent).",
        REBUILD,
    ),
    FindingType(
        "undeclared-file",
        "A file in the package is listed nowhere",
        "A file under `data/`, `schemas/` or `raw/` is not listed by any resource of the "
        "descriptor (so no hash vouches for it): a leftover, a file added by hand, or a resource "
        "removed from the descriptor.",
        "Remove the file, or rebuild the package so that the descriptor lists what it holds.",
    ),
    FindingType(
        "check-error",
        "A check could not run",
        "A check met input it did not anticipate and stopped; the package is reported invalid "
        "because it could not be fully verified. This is a bug in talkspkg.",
        "Report the package and the message to the talkspkg maintainers.",
    ),
)

BY_ID: dict[str, FindingType] = {f.id: f for f in FINDINGS}

VALIDATE = Path(__file__).resolve().parent


def _literal_type(call: ast.Call) -> str | None:
    """The finding type a call reports: `Finding("type", ...)` or any `f(..., type="type")`."""
    for kw in call.keywords:
        if (
            kw.arg == "type"
            and isinstance(kw.value, ast.Constant)
            and isinstance(kw.value.value, str)
        ):
            return kw.value.value
    name = call.func.id if isinstance(call.func, ast.Name) else None
    if name == "Finding" and call.args and isinstance(call.args[0], ast.Constant):
        value = call.args[0].value
        return value if isinstance(value, str) else None
    return None


@cache
def reported_types() -> dict[str, tuple[str, ...]]:
    """Finding type -> the checks (of `validate.CHECKS`) that report it, through the helpers they
    call by name; a type reported outside any check names the function that reports it."""
    from talkspkg.validate import CHECKS

    found: dict[str, set[str]] = {}
    calls: dict[str, set[str]] = {}
    for path in sorted(VALIDATE.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef):
                continue
            for node in ast.walk(func):
                if not isinstance(node, ast.Call):
                    continue
                if ftype := _literal_type(node):
                    found.setdefault(ftype, set()).add(func.name)
                if isinstance(node.func, ast.Name):
                    calls.setdefault(func.name, set()).add(node.func.id)
    reach = {check.__name__: _reachable(check.__name__, calls) for check in CHECKS}
    out: dict[str, tuple[str, ...]] = {}
    for ftype, functions in sorted(found.items()):
        checks = {c for c, names in reach.items() if names & functions}
        out[ftype] = tuple(sorted(checks or functions))
    return out


def _reachable(name: str, calls: dict[str, set[str]]) -> set[str]:
    seen, todo = {name}, [name]
    while todo:
        for callee in calls.get(todo.pop(), ()):
            if callee not in seen:
                seen.add(callee)
                todo.append(callee)
    return seen


def render_findings_doc() -> str:
    """The text of docs/findings.md."""
    reporters = reported_types()
    lines = [
        "# Findings of `talkspkg validate`",
        "",
        "<!-- generated by `python -m talkspkg.validate.findings`; do not edit -->",
        "",
        "`talkspkg validate <package>` exits 1 when it reports any finding. Each finding has a "
        "stable `type`, listed here with what it means and how to fix it. `--json` prints every "
        "finding with its `type`, `table`, `file`, `row` (primary key) and `column`.",
        "",
        "| type | title | reported by |",
        "|---|---|---|",
    ]
    for f in FINDINGS:
        checks = ", ".join(f"`{c}`" for c in reporters.get(f.id, ()))
        lines.append(f"| [`{f.id}`](#{f.id}) | {f.title} | {checks} |")
    for f in FINDINGS:
        lines += ["", f"## {f.id}", "", f"**{f.title}.** {f.meaning}", "", f"*How to fix:* {f.fix}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> None:
    target = Path(argv[1]) if len(argv) > 1 else Path("docs") / "findings.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_findings_doc(), "utf-8")


if __name__ == "__main__":
    main(sys.argv)
