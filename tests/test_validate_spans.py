"""span_integrity's text check (`_mismatched`) names exactly the rows a plain Python loop names:
sane offsets (0 <= start < end) whose text is not `raw_text[start:end]` as Python slices it
(offsets past the end clipped), a null text never equal, rows of unknown articles or unreadable
raw files passed over; and its range check (`_out_of_range`) the rows the SQL join names."""

from __future__ import annotations

from typing import Any

import duckdb
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from talkspkg.validate.checks.spans import _mismatched, _out_of_range, _out_of_range_sql
from talkspkg.validate.context import Unavailable

RAW = {"a": "Peace “talks” in Geneva", "b": "", "c": "x😀yz", "gone": None}


class FakeContext:
    def raw_text(self, rel: str) -> str:
        text = RAW[rel.removeprefix("raw/")]
        if text is None:
            raise Unavailable(f"{rel} cannot be read")
        return text


def reference(spans: list[dict[str, Any]], paths: dict[str, str]) -> list[int]:
    bad = []
    for i, row in enumerate(spans):
        start, end, rel = row["start"], row["end"], paths.get(row["article_id"])
        if start is None or end is None or start < 0 or end <= start or rel is None:
            continue
        source = RAW[rel.removeprefix("raw/")]
        if source is not None and source[start:end] != row["text"]:
            bad.append(i)
    return bad


offsets = st.one_of(st.none(), st.integers(-2, 30))
rows = st.fixed_dictionaries(
    {
        "article_id": st.sampled_from(["A", "B", "C", "G", "Z", None]),
        "start": offsets,
        "end": offsets,
        "text": st.one_of(
            st.none(), st.sampled_from(["", "Peace", "“talks”", "😀", "😀y", "x", "Geneva", "yz"])
        ),
    }
)


@settings(max_examples=300, deadline=None)
@given(st.lists(rows, max_size=40))
def test_text_check_names_the_rows_a_python_loop_names(spans: list[dict[str, Any]]) -> None:
    paths = {"A": "raw/a", "B": "raw/b", "C": "raw/c", "G": "raw/gone"}
    table = pa.Table.from_pylist(
        spans,
        schema=pa.schema(
            [
                ("article_id", pa.string()),
                ("start", pa.int64()),
                ("end", pa.int64()),
                ("text", pa.string()),
            ]
        ),
    )
    # last row first, as `_raw_paths` orders the articles table
    by_article = pa.table({"article_id": list(paths)[::-1], "raw_path": list(paths.values())[::-1]})
    assert _mismatched(FakeContext(), table, by_article) == reference(spans, paths)  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(rows, max_size=30),
    st.lists(
        st.tuples(st.sampled_from(["A", "B", "C", None]), st.one_of(st.none(), st.integers(0, 25))),
        max_size=4,
    ),
)
def test_range_check_names_the_rows_the_join_names(
    spans: list[dict[str, Any]], articles: list[tuple[str | None, int | None]]
) -> None:
    table = pa.Table.from_pylist(
        spans,
        schema=pa.schema(
            [
                ("article_id", pa.string()),
                ("start", pa.int64()),
                ("end", pa.int64()),
                ("text", pa.string()),
            ]
        ),
    )
    known = pa.table(
        {
            "article_id": pa.array([a for a, _ in articles], pa.string()),
            "char_count": pa.array([c for _, c in articles], pa.int64()),
        }
    )
    con = duckdb.connect()
    con.register("articles", known)
    expected = _out_of_range_sql(con, table)
    found = _out_of_range(known, table)
    if found is None:  # ids repeat: the join is the rule
        ids = [a for a, _ in articles if a is not None]
        assert len(set(ids)) < len(ids)
    else:
        assert found == expected
