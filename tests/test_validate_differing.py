"""The CSV/Parquet comparison skips columns Arrow finds equal and finds the same rows as the
cell-by-cell comparison elsewhere (issue #18)."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given
from hypothesis import strategies as st

from talkspkg.validate.scan import differing

CELLS = st.lists(st.sampled_from([0.0, -0.0, 1.5, float("nan"), None]), max_size=8)


def _cell_by_cell(a: pa.ChunkedArray, b: pa.ChunkedArray) -> list[int]:
    same = pc.or_kleene(pc.equal(a, b), pc.and_(pc.is_null(a), pc.is_null(b)))
    return pc.indices_nonzero(pc.invert(pc.fill_null(same, False))).to_pylist()  # type: ignore[no-any-return]


@given(CELLS, CELLS, st.integers(min_value=0, max_value=8))
def test_differing_finds_what_comparing_every_cell_finds(
    left: list[float | None], right: list[float | None], cut: int
) -> None:
    right = (right + left)[: len(left)]
    a = pa.chunked_array([left], pa.float64())
    b = pa.chunked_array([right[:cut], right[cut:]], pa.float64())  # other chunk ends
    assert differing(a, b) == _cell_by_cell(a, b)


def test_a_nan_differs_from_a_nan_and_a_null_from_a_value() -> None:
    a = pa.chunked_array([[float("nan"), None, 1.0, 0.0]], pa.float64())
    b = pa.chunked_array([[float("nan"), 2.0, 1.0, -0.0]], pa.float64())
    assert differing(a, b) == [0, 1]
    strings = pa.chunked_array([["a", None]])
    assert differing(strings, pa.chunked_array([["a", None]])) == []
    assert differing(strings, pa.chunked_array([["a", ""]])) == [1]
