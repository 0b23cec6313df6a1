"""CSV files conform to their Table Schema: header, cell types, required cells. Columnar."""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa
import pyarrow.compute as pc

from talkspkg.schema.tableschema import columns
from talkspkg.validate.checks._util import column_difference, row_findings
from talkspkg.validate.context import PackageContext, Unavailable
from talkspkg.validate.report import Finding

# Table Schema types -> the lexical form our writer produces (strict: one form per value).
LEXICAL = {
    "integer": r"^[+-]?[0-9]+$",
    "number": r"^([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|NaN|INF|-INF)$",
    "boolean": r"^(true|false)$",
    "date": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    "time": r"^[0-9]{2}:[0-9]{2}:[0-9]{2}$",
}
STRPTIME = {"date": "%Y-%m-%d", "time": "%H:%M:%S"}
INT64_DIGITS = {"-": "9223372036854775808", "+": "9223372036854775807"}


def _beyond_int64(col: pa.ChunkedArray) -> pa.ChunkedArray:
    """True where an integer literal does not fit in 64 bits (compared as digit strings)."""
    negative = pc.starts_with(col, "-")
    digits = pc.utf8_ltrim(pc.utf8_ltrim(col, "+-"), "0")
    length = pc.utf8_length(digits)
    limit = pc.if_else(negative, INT64_DIGITS["-"], INT64_DIGITS["+"])
    return pc.or_(pc.greater(length, 19), pc.and_(pc.equal(length, 19), pc.greater(digits, limit)))


def _bad_lexical(col: pa.ChunkedArray, ts_type: str) -> pa.ChunkedArray:
    """True where a non-empty cell is not a valid value of `ts_type`.

    Dates and times must also survive a parse-and-format round trip: Arrow's parser rolls
    '2025-02-30' over to March and would let an impossible date through. Year 0000 is refused
    because no Python date can hold it.
    """
    nonempty = pc.not_equal(col, "")
    ok = pc.match_substring_regex(col, LEXICAL[ts_type])
    if ts_type == "integer":
        ok = pc.and_(ok, pc.invert(_beyond_int64(col)))
    if ts_type in STRPTIME:
        stamp = col if ts_type == "date" else pc.binary_join_element_wise("1970-01-01 ", col, "")
        fmt = STRPTIME[ts_type] if ts_type == "date" else "%Y-%m-%d " + STRPTIME[ts_type]
        parsed = pc.strptime(stamp, format=fmt, unit="s", error_is_null=True)
        again = pc.strftime(parsed, format=fmt)
        ok = pc.and_(ok, pc.fill_null(pc.equal(again, stamp), False))
        if ts_type == "date":
            ok = pc.and_(ok, pc.invert(pc.starts_with(col, "0000")))
    return pc.and_(nonempty, pc.invert(ok))


def csv_conformity(ctx: PackageContext) -> Iterator[Finding]:
    for table in ctx.present_tables():
        res = ctx.tables()[table].csv
        if res is None:
            continue
        rel = str(res.get("path"))
        try:
            text = ctx.csv_text(table)
        except Unavailable as exc:
            if ctx.unsafe_reason(res.get("path")) is None and ctx.is_file(rel):
                yield Finding("csv-error", str(exc), table=table, file=rel)
            continue
        expected = [c.name for c in columns(table)]
        if text.column_names != expected:
            difference = column_difference(text.column_names, expected)
            yield Finding(
                "header-error",
                f"header {text.column_names} differs from the schema"
                + (difference or "; wrong order"),
                table=table,
                file=rel,
            )
        for spec in columns(table):
            if spec.name not in text.column_names:
                continue
            col = text[spec.name]
            if spec.required:
                empty = pc.indices_nonzero(pc.equal(col, "")).to_pylist()
                if empty:
                    yield from row_findings(
                        ctx,
                        type="constraint-error",
                        table=table,
                        file=rel,
                        column=spec.name,
                        arrow=text,
                        indices=empty,
                        message="required cell is empty",
                    )
            if spec.type in LEXICAL:
                bad = pc.indices_nonzero(_bad_lexical(col, spec.type)).to_pylist()
                if bad:
                    values = col.take(pa.array(bad[:10], pa.int64())).to_pylist()
                    yield from row_findings(
                        ctx,
                        type="type-error",
                        table=table,
                        file=rel,
                        column=spec.name,
                        arrow=text,
                        indices=bad,
                        message=f"cell is not a valid {spec.type}",
                        values=values,
                    )
