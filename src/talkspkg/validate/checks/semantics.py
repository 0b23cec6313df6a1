"""What the data means, beyond its form: ids that restate their row, references to the right kind
of entity, date ranges that agree with their precision, links that point the right way, counts
of the raw text, and a package that holds nothing it does not list.

The rules are declared in schema/contracts.py; each check here is one small function yielding
findings with a stable type (docs/findings.md).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from talkspkg.layout import files_under, named_paths
from talkspkg.schema.contracts import (
    CONTENT_IDS,
    DATED_RANGES,
    MAX_DAY_RANGE,
    TYPED_REFS,
    DatedRange,
)
from talkspkg.schema.tableschema import table_meta
from talkspkg.validate.checks._util import row_findings
from talkspkg.validate.context import PackageContext, Unavailable
from talkspkg.validate.report import Finding
from talkspkg.validate.sharing import SharedMap
from talkspkg.validate.stream import Rows, row_key

FIELD = re.compile(r"\{(\w+)\}")
CLOSED_FOLDERS = ("data", "schemas", "raw")


def _table(ctx: PackageContext, name: str) -> pa.Table | None:
    if name not in ctx.present_tables():
        return None
    try:
        return ctx.table(name)
    except (Unavailable, pa.ArrowException):
        return None  # reported by the form checks


def _batches(ctx: PackageContext, name: str, names: list[str]) -> Iterator[pa.Table] | None:
    """The table's columns `names` and its key, batch by batch; None when it cannot be read."""
    if name not in ctx.present_tables():
        return None
    try:
        return ctx.batches(name, list(dict.fromkeys([*table_meta(name)["primary_key"], *names])))
    except (Unavailable, KeyError, pa.ArrowException):
        return None  # reported by the form checks


def _indices(mask: pa.ChunkedArray | pa.Array) -> list[int]:
    return pc.indices_nonzero(pc.fill_null(mask, False)).to_pylist()  # type: ignore[no-any-return]


def content_ids(ctx: PackageContext) -> Iterator[Finding]:
    """An id built from other columns (`mention_id`, `quote_id`, `term_id`) restates them."""
    for spec in CONTENT_IDS:
        fields = [m.group(1) for m in FIELD.finditer(spec.template)]
        batches = _batches(ctx, spec.table, [spec.column, *fields])
        if batches is None:
            continue
        rows, offset = Rows(spec.table), 0
        for table in batches:
            pieces: list[Any] = []
            last = 0
            for match in FIELD.finditer(spec.template):
                if match.start() > last:
                    pieces.append(spec.template[last : match.start()])
                pieces.append(pc.cast(table[match.group(1)], pa.string()))
                last = match.end()
            if last < len(spec.template):
                pieces.append(spec.template[last:])
            expected = pc.binary_join_element_wise(*pieces, "")
            rows.add(table, _indices(pc.not_equal(table[spec.column], expected)), offset)
            offset += table.num_rows
        yield from rows.findings(
            type="content-id-error",
            file=None,
            column=spec.column,
            message=f"is not {spec.template} of its row",
        )


def typed_references(ctx: PackageContext) -> Iterator[Finding]:
    """A reference to `entities` names an entity of a type the column allows."""
    entities = _table(ctx, "entities")
    if entities is None:
        return
    # last row first: where an entity_id repeats, its last row's type counts (as a dict did)
    last_first = entities.take(pa.array(range(entities.num_rows - 1, -1, -1), pa.int64()))
    ids = last_first["entity_id"].combine_chunks()
    for spec in TYPED_REFS:
        batches = _batches(ctx, spec.table, [spec.column])
        if batches is None:
            continue
        allowed = pa.array(list(spec.types), pa.string())
        rows, offset = Rows(spec.table), 0
        for table in batches:
            at = pc.index_in(table[spec.column], value_set=ids, skip_nulls=True)
            types = pc.take(last_first["entity_type"], at)
            # a null type is no allowed type, as `None not in spec.types`
            wrong = _indices(pc.and_(pc.is_valid(at), pc.invert(pc.is_in(types, allowed))))
            named = pa.array(wrong[:10], pa.int64())
            pairs = zip(
                pc.take(table[spec.column], named).to_pylist(),
                pc.take(types, named).to_pylist(),
                strict=True,
            )
            shown = [f"{value} ({kind})" for value, kind in pairs]
            rows.add(table, wrong, offset, shown + [None] * (len(wrong) - len(shown)))
            offset += table.num_rows
        yield from rows.findings(
            type="entity-type-error",
            file=None,
            column=spec.column,
            message=f"names an entity that is not a {' or '.join(spec.types)}",
            with_values=True,
        )


def _range_problem(start: date | None, end: date | None, precision: str | None) -> str | None:
    if start is None and end is None and precision is None:
        return None
    if start is None or end is None or precision is None:
        return "start, end and precision must be all stated or all null"
    if end < start:
        return "ends before it starts"
    if precision == "day" and (end - start).days >= MAX_DAY_RANGE:
        return f"a day-precision range (a round of talks) must last at most {MAX_DAY_RANGE} days"
    if precision == "week" and (start.weekday() != 0 or end != start + timedelta(days=6)):
        return "a week-precision range must run from a Monday to the Sunday after it"
    if precision == "month":
        last = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        if start.day != 1 or end != last:
            return "a month-precision range must run from its first to its last day"
    return None


def _ranges(ctx: PackageContext, spec: DatedRange) -> Iterator[Finding]:
    batches = _batches(ctx, spec.table, [spec.start, spec.end, spec.precision])
    if batches is None:
        return
    by_problem: dict[str, Rows] = {}
    offset = 0
    for table in batches:
        rows = zip(
            table[spec.start].to_pylist(),
            table[spec.end].to_pylist(),
            table[spec.precision].to_pylist(),
            strict=True,
        )
        found: dict[str, list[int]] = {}
        for i, (start, end, precision) in enumerate(rows):
            problem = _range_problem(start, end, precision)
            if problem:
                found.setdefault(problem, []).append(i)
        for problem, indices in found.items():
            by_problem.setdefault(problem, Rows(spec.table)).add(table, indices, offset)
        offset += table.num_rows
    for problem, wrong in sorted(by_problem.items()):
        yield from wrong.findings(
            type="date-precision-error", file=None, column=spec.start, message=problem
        )


def date_ranges(ctx: PackageContext) -> Iterator[Finding]:
    """Dates agree with their stated precision (day, ISO week, month)."""
    for spec in DATED_RANGES:
        yield from _ranges(ctx, spec)


def date_anchors(ctx: PackageContext) -> Iterator[Finding]:
    """`relative-to-<article>` names the article whose publication date anchored the day: it
    reports a meeting that an article reporting this one (or `date_article_id`) also reports,
    which is how the anchor was learnt.

    Only the meetings so anchored and the articles involved are looked up in meeting_mentions
    (two passes over its two columns, filtered in Arrow), not every pair of it."""
    meetings = _table(ctx, "meetings")
    if meetings is None or _batches(ctx, "meeting_mentions", []) is None:
        return
    rows = meetings.select(["meeting_id", "date_anchor", "date_article_id"]).to_pylist()
    anchored = {
        i: row
        for i, row in enumerate(rows)
        if (row["date_anchor"] or "").startswith("relative-to-")
    }
    if not anchored:
        return
    wanted = {row["meeting_id"] for row in anchored.values()}
    reporting: dict[str, set[str]] = {}
    for meeting, article in _pairs(ctx, "meeting_id", wanted):
        reporting.setdefault(meeting, set()).add(article)
    fixers_of: dict[int, set[str]] = {}
    articles: set[str] = set()
    for i, row in anchored.items():
        fixers_of[i] = reporting.get(row["meeting_id"], set()) | (
            {row["date_article_id"]} if row["date_article_id"] else set()
        )
        articles |= fixers_of[i] | {row["date_anchor"].removeprefix("relative-to-")}
    reported: dict[str, set[str]] = {}
    for meeting, article in _pairs(ctx, "article_id", articles):
        reported.setdefault(article, set()).add(meeting)
    wrong = []
    for i, row in anchored.items():
        article = row["date_anchor"].removeprefix("relative-to-")
        if not any(reported.get(article, set()) & reported.get(f, set()) for f in fixers_of[i]):
            wrong.append(i)
    if wrong:
        yield from row_findings(
            ctx,
            type="date-anchor-error",
            table="meetings",
            file=None,
            column="date_anchor",
            arrow=meetings,
            indices=wrong,
            message="names an article that shares no meeting with the articles reporting this "
            "one, so its publication date cannot have anchored it",
        )


def _pairs(ctx: PackageContext, column: str, wanted: set[str]) -> Iterator[tuple[Any, Any]]:
    """(meeting_id, article_id) of the rows of meeting_mentions whose `column` is in `wanted`."""
    value_set = pa.array(list(wanted), pa.string())  # a None in `wanted` matches a null
    for batch in ctx.batches("meeting_mentions", ["meeting_id", "article_id"]):
        hit = batch.filter(pc.is_in(batch[column], value_set=value_set))
        yield from zip(hit["meeting_id"].to_pylist(), hit["article_id"].to_pylist(), strict=True)


def quote_continuations(ctx: PackageContext) -> Iterator[Finding]:
    """`quotes.continues` names an earlier quote of the same article (two passes: the rows that
    continue one, then the quotes they name)."""
    names = ["quote_id", "article_id", "start", "continues"]
    batches = _batches(ctx, "quotes", names)
    if batches is None:
        return
    continuing: list[tuple[int, dict[str, Any], str]] = []  # (row, its values, its key)
    offset = 0
    for batch in batches:
        picked = _indices(pc.is_valid(batch["continues"]))
        if picked:
            taken = batch.take(pa.array(picked, pa.int64()))
            for n, row in zip(picked, taken.select(names).to_pylist(), strict=True):
                continuing.append((offset + n, row, row_key("quotes", batch, n, offset)))
        offset += batch.num_rows
    targets = {row["continues"] for _, row, _ in continuing}
    by_id: dict[str, dict[str, Any]] = {}
    for batch in ctx.batches("quotes", names):
        hit = _indices(pc.is_in(batch["quote_id"], value_set=pa.array(list(targets), pa.string())))
        if hit:
            for row in batch.take(pa.array(hit, pa.int64())).select(names).to_pylist():
                by_id[row["quote_id"]] = row  # the last row wins, as a dict of every row did
    wrong = [
        key
        for _, r, key in continuing
        if (target := by_id.get(r["continues"])) is not None
        and (target["article_id"] != r["article_id"] or target["start"] >= r["start"])
    ]
    rows = Rows("quotes")
    rows.add_keys(wrong, len(wrong))
    yield from rows.findings(
        type="reference-order-error",
        file=None,
        column="continues",
        message="does not name an earlier quote of the same article",
    )


def meeting_parents(ctx: PackageContext) -> Iterator[Finding]:
    """`meetings.part_of` has no cycle, and a meeting's dates meet its parent's."""
    meetings = _table(ctx, "meetings")
    if meetings is None:
        return
    rows = meetings.select(["meeting_id", "part_of", "date_start", "date_end"]).to_pylist()
    by_id = {r["meeting_id"]: r for r in rows}
    wrong: list[int] = []
    for i, row in enumerate(rows):
        seen = {row["meeting_id"]}
        parent = by_id.get(row["part_of"]) if row["part_of"] else None
        cyclic = False
        node = parent
        while node is not None:
            if node["meeting_id"] in seen:
                cyclic = True
                break
            seen.add(node["meeting_id"])
            node = by_id.get(node["part_of"]) if node["part_of"] else None
        apart = (
            parent is not None
            and None
            not in (row["date_start"], row["date_end"], parent["date_start"], parent["date_end"])
            and (row["date_end"] < parent["date_start"] or parent["date_end"] < row["date_start"])
        )
        if cyclic or apart:
            wrong.append(i)
    if wrong:
        yield from row_findings(
            ctx,
            type="part-of-error",
            table="meetings",
            file=None,
            column="part_of",
            arrow=meetings,
            indices=wrong,
            message="leads back to the meeting, or to a parent on other dates",
        )


def _word_count(ctx: PackageContext, rel: str) -> tuple[int | None, int | None, str | None]:
    """The character and prose word counts of a raw article (each read once), None when it
    cannot be read (raw_integrity) or counted; and the text's sha256 when the word count was
    computed here for `ctx.counts` to keep (None when it was known there, or is not kept)."""
    from talkspkg.validate.words import prose_word_count

    try:
        text = ctx.raw_text(rel)
    except (Unavailable, UnicodeDecodeError, ValueError):
        return None, None, None
    sha = None
    if ctx.counts is not None:
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        known = ctx.counts.get(sha)
        if known is not None:
            return len(text), known, None
    try:
        return len(text), prose_word_count(text), sha
    except (UnicodeDecodeError, ValueError):
        return len(text), None, None


def word_counts_ahead(ctx: PackageContext) -> None:
    """Start recomputing the articles' word counts in a helper process (see validate.sharing),
    for `article_counts` to collect; nothing is started when the articles cannot be read."""
    articles = _table(ctx, "articles")
    if articles is None:
        return
    paths = articles["raw_path"].to_pylist()
    import talkspkg.validate.words  # noqa: F401  (imported once, here: the helper inherits it)

    shared = SharedMap(lambda rel: _word_count(ctx, rel), paths)
    shared.start()
    ctx.ahead["word_counts"] = shared


def article_counts(ctx: PackageContext) -> Iterator[Finding]:
    """`articles.char_count` and `word_count` are those of the raw text (the word counts kept
    in `ctx.counts` by an earlier validation of the same texts and code are not recomputed)."""
    articles = _table(ctx, "articles")
    if articles is None:
        return
    shared = ctx.ahead.pop("word_counts", None)
    if shared is None:
        shared = SharedMap(lambda rel: _word_count(ctx, rel), articles["raw_path"].to_pylist())
    counts = shared.results()
    if ctx.counts is not None:
        for _, words, sha in counts:
            if sha is not None and words is not None:
                ctx.counts.add(sha, words)
        ctx.counts.save()
    for n, column in enumerate(("char_count", "word_count")):
        recorded = articles[column].to_pylist()
        wrong = [
            i
            for i, (value, actual) in enumerate(zip(recorded, counts, strict=True))
            if actual[n] is not None and value != actual[n]
        ]
        if wrong:
            yield from row_findings(
                ctx,
                type="derived-count-error",
                table="articles",
                file=None,
                column=column,
                arrow=articles,
                indices=wrong,
                message=f"is not the {column.replace('_', ' ')} of the raw text",
            )


def closed_package(ctx: PackageContext) -> Iterator[Finding]:
    """Every file under data/, schemas/ and raw/ is listed by the descriptor."""
    listed = named_paths(ctx.resources())
    for rel in files_under(ctx.root, CLOSED_FOLDERS):
        if rel not in listed:
            yield Finding(
                "undeclared-file",
                "in the package but listed by no resource: remove it, or rebuild",
                file=rel,
            )
