"""The pandera table models, executed on Arrow: what pandera would report, without pandas.

The models in `schema/` stay the single source of truth. `derive_rules` reads each model's pandera
schema (nullability, uniqueness, built-in checks with their statistics, DataFrame-level checks)
and evaluates it with Arrow compute on the table the context already holds, reproducing
pandera's semantics: nulls (and NaN, which pandas counts as missing) pass every check but
`not_nullable`; `unique` flags every copy of a duplicated value; a failing DataFrame check
reports each non-null cell of the failing row; `str_matches` anchors at the start like pandas'
`str.match` (RE2, as pandas runs it on Arrow strings).

Two differences are intended, both stricter or more precise, and tested: a value with a trailing
newline fails a pattern ending in `$` (pandas switches to Python's `re` for such values, whose
`$` matches before the newline); and a DataFrame check that is null on one row and False on
another reports the False rows (pandera cannot evaluate it and names no row).

A DataFrame-level check is a Python function on a pandas frame. Its Arrow counterpart is
registered in FRAME_CHECKS under the hash of the function's source (and of the module-level
helpers it calls): when a check is edited, added or unknown, its table is validated by pandera
itself (`Unsupported`), and a test names the check whose Arrow version needs updating.
"""

from __future__ import annotations

import hashlib
import inspect
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, reduce
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from talkspkg.schema.tableschema import arrow_schema, model_rules, table_meta, table_names
from talkspkg.validate.stream import MAX_ROWS_PER_GROUP, Rows, row_key

MAX_VALUES = MAX_ROWS_PER_GROUP  # values kept per failure group: as many as findings show


class Unsupported(Exception):
    """The model uses something this module does not execute; pandera must run it."""


class Uncheckable(Exception):
    """The table holds values pandas cannot represent (pandera could not run either)."""


class _Missing:
    """pandas' missing value, as pandera reports it for a null cell: `<NA>`."""

    def __repr__(self) -> str:
        return "<NA>"


NA = _Missing()


@dataclass(frozen=True)
class Failure:
    """Rows of one column failing one check, in the shape of pandera's failure cases."""

    column: str | None
    check: str
    indices: list[int]  # every failing row (0-based)
    values: list[Any]  # the failing values of the first MAX_VALUES rows


Mask = Callable[[pa.ChunkedArray], pa.ChunkedArray]
FrameMask = Callable[[pa.Table], pa.ChunkedArray]


# -- DataFrame-level checks: the Arrow version of each, by source hash ------------------------
def _span(start: str, end: str) -> FrameMask:
    return lambda t: pc.less(t[start], t[end])


def _pair_ordered(start: str, end: str) -> FrameMask:
    def mask(t: pa.Table) -> pa.ChunkedArray:
        both_null = pc.and_(pc.is_null(t[start]), pc.is_null(t[end]))
        return pc.or_(both_null, pc.fill_null(pc.less(t[start], t[end]), False))

    return mask


def _meeting_spans(t: pa.Table) -> pa.ChunkedArray:
    return pc.and_kleene(
        pc.less(t["start"], t["end"]), pc.less(t["trigger_start"], t["trigger_end"])
    )


def _dates_ordered(t: pa.Table) -> pa.ChunkedArray:
    both = pc.and_(pc.is_valid(t["date_start"]), pc.is_valid(t["date_end"]))
    return pc.or_(
        pc.invert(both), pc.fill_null(pc.less_equal(t["date_start"], t["date_end"]), True)
    )


# sha256 of the check's source (see `source_hash`) -> its Arrow version. Keys are checked by
# tests/test_compiled_models.py, which prints the hash of any check missing here.
FRAME_CHECKS: dict[str, FrameMask] = {
    # SpanChecks.start_before_end: df["start"] < df["end"]
    "3e0f82faa314a92b": _span("start", "end"),
    # MeetingMentions.start_before_end: both spans ordered
    "07502edd583bca7a": _meeting_spans,
    # Meetings.start_not_after_end: date_start <= date_end when both are set
    "6bb943a128c78f90": _dates_ordered,
    # Quotes.speaker_span_ordered / cue_span_ordered: _pair_ordered(df, start, end)
    "bed74f268bbdbfc3": _pair_ordered("speaker_start", "speaker_end"),
    "f9ea13627d85f781": _pair_ordered("cue_start", "cue_end"),
}


def _frame_check_functions(model: type) -> dict[str, Callable[..., Any]]:
    """The functions behind a model's @dataframe_check methods, by name (subclass wins)."""
    from pandera.api.dataframe.model_components import DATAFRAME_CHECK_KEY

    found: dict[str, Callable[..., Any]] = {}
    for klass in reversed(inspect.getmro(model)):
        for attr in vars(klass).values():
            info = getattr(attr, DATAFRAME_CHECK_KEY, None)
            if info is not None:
                found[info.check_fn.__name__] = info.check_fn
    return found


def source_hash(fn: Callable[..., Any]) -> str:
    """Hash of a check's source and of the module-level functions it calls by name."""
    parts = [textwrap.dedent(inspect.getsource(fn))]
    for name in fn.__code__.co_names:
        helper = fn.__globals__.get(name)
        if inspect.isfunction(helper):
            parts.append(textwrap.dedent(inspect.getsource(helper)))
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


# -- column checks ----------------------------------------------------------------------------
def _builtin(name: str, stats: dict[str, Any], dtype: pa.DataType) -> Mask:
    """The Arrow version of a pandera built-in check: True where the value passes."""
    if name == "str_matches" and isinstance(stats.get("pattern"), str):
        pattern = stats["pattern"].removeprefix("^")
        regex = f"^({pattern})"  # what pandas' str.match hands to Arrow
        return lambda col: pc.match_substring_regex(col, regex)
    if name in ("isin", "notin"):
        key = "allowed_values" if name == "isin" else "forbidden_values"
        values = pa.array(list(stats[key]), type=dtype)
        if name == "isin":
            return lambda col: pc.is_in(col, value_set=values)
        return lambda col: pc.invert(pc.is_in(col, value_set=values))
    compare = {
        "greater_than_or_equal_to": (pc.greater_equal, "min_value"),
        "greater_than": (pc.greater, "min_value"),
        "less_than_or_equal_to": (pc.less_equal, "max_value"),
        "less_than": (pc.less, "max_value"),
        "equal_to": (pc.equal, "value"),
        "not_equal_to": (pc.not_equal, "value"),
    }
    if name in compare:
        op, stat = compare[name]
        bound = stats[stat]
        return lambda col: op(col, bound)
    if name == "in_range":
        low = pc.greater_equal if stats.get("include_min", True) else pc.greater
        high = pc.less_equal if stats.get("include_max", True) else pc.less
        lo, hi = stats["min_value"], stats["max_value"]
        return lambda col: pc.and_(low(col, lo), high(col, hi))
    raise Unsupported(f"check {name}")


@dataclass(frozen=True)
class ColumnRules:
    name: str
    nullable: bool
    unique: bool
    checks: tuple[tuple[str, Mask], ...]  # (pandera's check id, mask)


@dataclass(frozen=True)
class CompiledModel:
    frame_checks: tuple[tuple[str, FrameMask], ...]
    columns: tuple[ColumnRules, ...]


def _plain(check: Any) -> bool:
    """A check evaluated the default way (what this module reproduces)."""
    return bool(
        check.ignore_na
        and not check.element_wise
        and check.groupby is None
        and check.n_failure_cases is None
        and not check.raise_warning
    )


def derive_rules(table: str) -> dict[str, Any]:
    """What `table`'s pandera model asks, as plain data (written to schema/tables.json by
    `python -m talkspkg.schema.derive`): nullability, uniqueness, built-in checks with their
    statistics, DataFrame checks by source hash; `unsupported` names what this module cannot
    execute (the table is then validated by pandera itself)."""
    from talkspkg.schema.models import MODELS

    model = MODELS[table]
    schema = model.to_schema()
    rules: dict[str, Any] = {"unsupported": None, "frame_checks": [], "columns": []}
    try:
        if schema.unique or schema.parsers or not schema.strict:
            raise Unsupported("table-level options")
        functions = _frame_check_functions(model)
        for check in schema.checks:
            fn = functions.get(check.name)
            if fn is None or not _plain(check):
                raise Unsupported(f"DataFrame check {check.name}")
            rules["frame_checks"].append(
                {"error": check.error or check.name, "hash": source_hash(fn)}
            )
        for name, column in schema.columns.items():
            if column.parsers or column.coerce or column.regex:
                raise Unsupported(f"column {name} options")
            checks = []
            for check in column.checks:
                if not _plain(check):
                    raise Unsupported(f"check {check.name} of {name}")
                checks.append(
                    {
                        "error": check.error or check.name,
                        "check": check.name,
                        "statistics": _plain_data(check.statistics),
                    }
                )
            rules["columns"].append(
                {
                    "name": name,
                    "nullable": column.nullable,
                    "unique": column.unique,
                    "checks": checks,
                }
            )
    except Unsupported as exc:
        return {"unsupported": str(exc), "frame_checks": [], "columns": []}
    return rules


def _plain_data(value: Any) -> Any:
    """Statistics as JSON data: sets and tuples become sorted lists."""
    if isinstance(value, dict):
        return {k: _plain_data(v) for k, v in sorted(value.items())}
    if isinstance(value, set | frozenset):
        return sorted(_plain_data(v) for v in value)
    if isinstance(value, list | tuple):
        return [_plain_data(v) for v in value]
    return value


def build(rules: dict[str, Any], arrow: pa.Schema) -> CompiledModel:
    """The Arrow form of `rules` (see `derive_rules`); Unsupported when part of it has none."""
    if rules["unsupported"]:
        raise Unsupported(rules["unsupported"])
    frame_checks = []
    for check in rules["frame_checks"]:
        mask = FRAME_CHECKS.get(check["hash"])
        if mask is None:
            raise Unsupported(f"DataFrame check {check['error']}")
        frame_checks.append((check["error"], mask))
    columns = []
    for column in rules["columns"]:
        dtype = arrow.field(column["name"]).type
        checks = tuple(
            (c["error"], _builtin(c["check"], c["statistics"], dtype)) for c in column["checks"]
        )
        columns.append(ColumnRules(column["name"], column["nullable"], column["unique"], checks))
    return CompiledModel(tuple(frame_checks), tuple(columns))


@cache
def compile_model(table: str) -> CompiledModel:
    """The Arrow form of `table`'s pandera model, read from the model itself (tests, derive)."""
    from talkspkg.schema.derive import model_arrow_schema

    return build(derive_rules(table), model_arrow_schema(table))


@cache
def published_model(table: str) -> CompiledModel:
    """The Arrow form of a published table's model, from schema/tables.json: no pandera."""
    return build(model_rules(table), arrow_schema(table))


# -- execution --------------------------------------------------------------------------------
def _missing_value(dtype: pa.DataType) -> Any:
    """What pandas holds for a null cell: NA, or None in the object columns of dates/times."""
    return None if pa.types.is_date(dtype) or pa.types.is_time(dtype) else NA


def _values(col: pa.ChunkedArray, indices: list[int]) -> list[Any]:
    taken = col.take(pa.array(indices[:MAX_VALUES], pa.int64())).to_pylist()
    missing = _missing_value(col.type)
    return [missing if v is None else v for v in taken]


def _indices(mask: pa.ChunkedArray | pa.Array) -> list[int]:
    return pc.indices_nonzero(pc.fill_null(mask, False)).to_pylist()  # type: ignore[no-any-return]


def _pandas_view(arrow: pa.Table) -> pa.Table:
    """The table as pandas sees it: NaN is missing. Refuses what pandas cannot represent."""
    columns = []
    for field, col in zip(arrow.schema, arrow.columns, strict=True):
        if pa.types.is_floating(field.type):
            col = pc.if_else(pc.is_nan(col), pa.scalar(None, field.type), col)
        elif pa.types.is_date(field.type) or pa.types.is_time(field.type):
            _representable(field, col)
        columns.append(col)
    return pa.Table.from_arrays(columns, schema=arrow.schema)


def _representable(field: pa.Field, col: pa.ChunkedArray) -> None:
    """Dates in years 1-9999 and times within a day, as Python's date and time require."""
    if col.null_count == len(col):
        return
    raw = col.cast(pa.int32() if field.type.bit_width == 32 else pa.int64())
    low, high = pc.min_max(raw).values()
    if pa.types.is_date(field.type):
        days = 1 if pa.types.is_date32(field.type) else 86_400_000
        limits = (-719162 * days, 2932896 * days)  # 0001-01-01 and 9999-12-31
    else:
        unit = {"s": 1, "ms": 1_000, "us": 1_000_000, "ns": 1_000_000_000}[field.type.unit]
        limits = (0, 86_400 * unit - 1)
    if low.as_py() < limits[0] or high.as_py() > limits[1]:
        kind = "date" if pa.types.is_date(field.type) else "time of day"
        raise Uncheckable(f"column {field.name} holds a {kind} out of range")


def failures(table: str, arrow: pa.Table, model: CompiledModel | None = None) -> list[Failure]:
    """pandera's failure cases of `table` on `arrow` (which has exactly the model's columns),
    by the published rules of the table unless `model` is given."""
    model = model or (published_model(table) if table in table_names() else compile_model(table))
    view = _pandas_view(arrow)
    found: list[Failure] = []
    for check, frame_mask in model.frame_checks:
        passed = frame_mask(view)
        if pc.all(pc.fill_null(passed, True)).as_py() is not False:
            continue
        # A null outcome (a required operand is null, which `not_nullable` reports) is no
        # failure, nor is a row whose cells are all missing (pandera passes it).
        all_null = reduce(pc.and_, [pc.is_null(c) for c in view.columns])
        failing = pc.and_(pc.invert(pc.fill_null(passed, True)), pc.invert(all_null))
        rows = pa.array(_indices(failing), pa.int64())
        for name in view.column_names:
            cells = view[name].take(rows)
            present = pc.is_valid(cells)
            kept = pc.indices_nonzero(present)
            if len(kept):
                indices = rows.take(kept).to_pylist()
                values = cells.filter(present).slice(0, MAX_VALUES).to_pylist()
                found.append(Failure(name, check, indices, values))
    for rules in model.columns:
        col = view[rules.name]
        if not rules.nullable and col.null_count:
            indices = _indices(pc.is_null(col))
            found.append(Failure(rules.name, "not_nullable", indices, _values(col, indices)))
        valid = len(col) - col.null_count
        if rules.unique and pc.count_distinct(col, mode="only_valid").as_py() < valid:
            counts = pc.value_counts(col.drop_null())  # nulls are never duplicates
            repeated = counts.field("values").filter(pc.greater(counts.field("counts"), 1))
            indices = _indices(pc.is_in(col, value_set=repeated, skip_nulls=True))
            found.append(Failure(rules.name, "field_uniqueness", indices, _values(col, indices)))
        for check, mask in rules.checks:
            indices = _indices(pc.and_(pc.is_valid(col), pc.invert(mask(col))))
            if indices:
                found.append(Failure(rules.name, check, indices, _values(col, indices)))
    return found


# -- execution batch by batch -----------------------------------------------------------------
def _order(model: CompiledModel, names: list[str]) -> dict[tuple[str | None, str], int]:
    """The position of each (column, check) in what `failures` returns for a whole table."""
    keys: list[tuple[str | None, str]] = []
    for check, _ in model.frame_checks:
        keys.extend((name, check) for name in names)
    for rules in model.columns:
        keys.extend([(rules.name, "not_nullable"), (rules.name, "field_uniqueness")])
        keys.extend((rules.name, check) for check, _ in rules.checks)
    return {key: i for i, key in reversed(list(enumerate(keys)))}


class _Duplicates:
    """Every row of a column whose value appears more than once (nulls never do), found
    batch by batch while the column is sorted (a duplicate is then next to its copy); `sorted`
    turns False at the first value below the one before it."""

    def __init__(self, table: str, column: str) -> None:
        self.rows = Rows(table)
        self.column, self.sorted = column, True
        self.last: tuple[Any, str, Any, bool] | None = None  # value, key, shown value, flagged

    def add(self, batch: pa.Table, view: pa.Table, offset: int) -> None:
        if not self.sorted:
            return
        col = batch[self.column].combine_chunks()
        valid = pc.indices_nonzero(pc.is_valid(col))
        if not len(valid):
            return
        values = col.take(valid)
        if self.last is not None:
            values = pa.concat_arrays([pa.array([self.last[0]], values.type), values])
        n = len(values)
        if n > 1:
            before, after = values.slice(0, n - 1), values.slice(1)
            if pc.any(pc.less(after, before)).as_py():
                self.sorted = False
                return
            same = pc.equal(after, before).to_pylist()
        else:
            same = []
        start = 1 if self.last is not None else 0
        if self.last is not None and same and same[0] and not self.last[3]:
            self.rows.add_keys([self.last[1]], 1, [self.last[2]])
        flagged = [j for j in range(start, n) if (j > 0 and same[j - 1]) or (j < n - 1 and same[j])]
        local = valid.take(pa.array([j - start for j in flagged], pa.int64())).to_pylist()
        if local:
            room = max(0, MAX_VALUES - len(self.rows.keys))
            shown = _values(view[self.column], local[:room]) if room else []
            self.rows.add(batch, local, offset, shown + [None] * (len(local) - len(shown)))
        last_local = valid[-1].as_py()
        self.last = (
            values[-1].as_py(),
            row_key(self.rows.table, batch, last_local, offset),
            _values(view[self.column], [last_local])[0],
            bool(n > 1 and same[-1]),
        )


def batch_failures(
    table: str, batches: Iterator[pa.Table], whole: Callable[[list[str]], pa.Table]
) -> list[tuple[str | None, str, Rows]]:
    """`failures` of the table read batch by batch: (column, check, the failing rows), in the
    order `failures` gives for the whole table. A unique column is checked while its values
    come sorted (as the writer sorts keys); otherwise `whole(columns)` reads the columns it
    needs at once."""
    model = published_model(table) if table in table_names() else compile_model(table)
    plain = CompiledModel(
        model.frame_checks,
        tuple(
            ColumnRules(r.name, r.nullable, False, r.checks) if r.unique else r
            for r in model.columns
        ),
    )
    dupes = {r.name: _Duplicates(table, r.name) for r in model.columns if r.unique}
    found: dict[tuple[str | None, str], Rows] = {}
    names: list[str] = []
    offset = 0
    for batch in batches:
        names = batch.column_names
        for failure in failures(table, batch, plain):
            rows = found.setdefault((failure.column, failure.check), Rows(table))
            padded = failure.values + [None] * (len(failure.indices) - len(failure.values))
            rows.add(batch, failure.indices, offset, padded)
        if dupes:
            view = _pandas_view(batch)
            for dupe in dupes.values():
                dupe.add(batch, view, offset)
        offset += batch.num_rows
    for name, dupe in dupes.items():
        if dupe.sorted:
            rows = dupe.rows
        else:
            key = list(table_meta(table)["primary_key"])
            arrow = whole(list(dict.fromkeys([*key, name])))
            col = _pandas_view(arrow)[name]
            counts = pc.value_counts(col.drop_null())
            repeated = counts.field("values").filter(pc.greater(counts.field("counts"), 1))
            indices = _indices(pc.is_in(col, value_set=repeated, skip_nulls=True))
            rows = Rows(table)
            rows.add(arrow, indices[:MAX_VALUES], 0, _values(col, indices))
            rows.count = len(indices)
        if rows.count:
            found[(name, "field_uniqueness")] = rows
    order = _order(model, names or arrow_schema(table).names)
    ranked = sorted(found.items(), key=lambda item: order.get(item[0], len(order)))
    return [(column, check, rows) for (column, check), rows in ranked]
