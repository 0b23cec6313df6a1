"""The derived-count check reads the counted rows in the same order on every pass: its
streamed distinct counts rely on it (Arrow's join returns rows in no set order, which made
`proposals.article_count` fail now and then on a valid 10,000-article package)."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from talkspkg.schema.contracts import DERIVED_COUNTS
from talkspkg.validate.checks.derived import _source
from talkspkg.validate.context import PackageContext


def test_rows_counted_through_a_link_table_keep_their_order(built: Path) -> None:
    spec = next(s for s in DERIVED_COUNTS if s.via is not None)
    positions = pq.read_table(built / "data" / f"{spec.source}.parquet")
    link = pq.read_table(built / "data" / f"{spec.via[0]}.parquet").to_pylist()
    owner = {row[spec.via[1]]: row[spec.via[2]] for row in link}
    expected = [
        (owner[row[spec.source_key]], row[spec.distinct])
        for row in positions.select([spec.source_key, spec.distinct]).to_pylist()
        if row[spec.source_key] in owner
    ]
    assert expected
    for _ in range(3):
        ctx = PackageContext.open(built)
        got = [
            (row[spec.source_key], row[spec.distinct])
            for batch in _source(ctx, spec)
            for row in batch.to_pylist()
        ]
        assert got == expected
