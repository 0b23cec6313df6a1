"""Deterministic resolution of overlapping candidate spans, shared by every stage.

Policy `longest-leftmost`: longer spans win; among equal lengths the leftmost; then the lower
`priority` number (e.g. curated knowledge before discovery); then the candidate's own sort key.
A candidate that overlaps an already accepted one is dropped. Spans are half-open [start, end).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar


class SpanLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def priority(self) -> int: ...


S = TypeVar("S", bound=SpanLike)
POLICY = "longest-leftmost"


def resolve_overlaps(candidates: Iterable[S]) -> list[S]:
    """A non-overlapping subset of `candidates` by the longest-leftmost policy, in text order."""
    ordered = sorted(
        candidates,
        key=lambda c: (-(c.end - c.start), c.start, c.priority, getattr(c, "entity_id", "")),
    )
    starts: list[int] = []
    ends: list[int] = []
    kept: list[S] = []
    for cand in ordered:
        if cand.end <= cand.start:
            continue
        i = bisect.bisect_right(starts, cand.start)
        if i > 0 and ends[i - 1] > cand.start:
            continue  # overlaps the accepted span starting before it
        if i < len(starts) and starts[i] < cand.end:
            continue  # overlaps the accepted span starting after it
        starts.insert(i, cand.start)
        ends.insert(i, cand.end)
        kept.insert(i, cand)
    return kept


def overlaps_any(start: int, end: int, zones: Sequence[tuple[int, int]]) -> bool:
    """True when [start, end) overlaps one of the sorted, disjoint `zones`."""
    i = bisect.bisect_right(zones, (start, float("inf")))
    if i > 0 and zones[i - 1][1] > start:
        return True
    return i < len(zones) and zones[i][0] < end
