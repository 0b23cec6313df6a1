"""A worker's batch carries each article's corpus-stage inputs as the spill's records
(`compact.spill_records`): the build's process writes them as they are, and the corpus
stages read the same inputs as from a batch of objects."""

from __future__ import annotations

from conftest import RAW

from talkspkg.kb import load_knowledge
from talkspkg.pipeline import annotate_batch, assemble, row_order
from talkspkg.raw import plan_raw, read_sources


def test_a_batch_of_spill_records_assembles_to_the_same_tables() -> None:
    sources = read_sources(RAW)
    items = row_order([(p, aid, sources.get(p.name, {})) for p, aid in plan_raw(RAW)])
    kb = load_knowledge()
    objects = annotate_batch(items)
    records = annotate_batch(items, spill=True)
    assert objects.meetings and objects.evidence and not objects.spilled
    assert not (records.meetings or records.evidence or records.presentations)
    assert len(records.spilled) == len(items)
    plain, spilled = assemble([objects], kb), assemble([records], kb)
    assert sorted(plain) == sorted(spilled)
    assert all(plain[name].equals(spilled[name]) for name in plain)
