"""The columnar key checks agree with the plain definitions they replace (sort, join)."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given, settings
from hypothesis import strategies as st

from talkspkg.validate.checks.keys import _descents, _unresolved

VALUES = st.one_of(st.none(), st.sampled_from(["", "a", "b", "ab", "é", "z"]))
INTS = st.one_of(st.none(), st.integers(-2, 2))


def rows(n: int = 12) -> st.SearchStrategy[list[tuple[str | None, int | None]]]:
    return st.lists(st.tuples(VALUES, INTS), max_size=n)


def table(data: list[tuple[str | None, int | None]]) -> pa.Table:
    return pa.table(
        {
            "k": pa.array([r[0] for r in data], pa.string()),
            "n": pa.array([r[1] for r in data], pa.int64()),
        }
    )


@settings(max_examples=200, deadline=None)
@given(rows())
def test_descents_find_unsorted_rows_exactly_when_sorting_would_move_one(data: list) -> None:
    arrow = table(data)
    for key in (["k"], ["n"], ["k", "n"], ["n", "k"]):
        order = pc.sort_indices(arrow, sort_keys=[(k, "ascending") for k in key])
        sorted_already = order.to_pylist() == list(range(arrow.num_rows))
        if arrow.num_rows < 2:
            continue
        descents = pc.indices_nonzero(_descents(arrow, key)).to_pylist()
        assert (descents == []) == sorted_already, (key, data, descents)


def test_descents_name_the_first_row_below_its_predecessor() -> None:
    arrow = table([("a", 1), ("a", 2), ("a", 1), ("b", 0), (None, 0), ("c", 0)])
    assert pc.indices_nonzero(_descents(arrow, ["k", "n"])).to_pylist() == [1, 4]


@settings(max_examples=200, deadline=None)
@given(rows(), rows())
def test_unresolved_keys_are_those_a_join_does_not_find(child: list, parent: list) -> None:
    kids, parents = table(child), table(parent)
    for key in (["k"], ["n"], ["k", "n"]):
        have = {tuple(r[c] for c in key) for r in parents.select(key).to_pylist()}
        expected = [
            i
            for i, r in enumerate(kids.select(key).to_pylist())
            if None not in r.values() and tuple(r.values()) not in have
        ]
        assert _unresolved(kids.select(key), parents.select(key)) == expected, key
