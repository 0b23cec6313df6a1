"""The build writes the per-article tables as their batches come (bounded memory): the bytes
are those of the whole table written at once, whatever the batches, processes and file names."""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from conftest import RAW

import talkspkg.pipeline as pipeline
from talkspkg.build import BuildOptions, build_package
from talkspkg.errors import BuildError
from talkspkg.kb import load_knowledge
from talkspkg.package import TableWriter, csv_view
from talkspkg.raw import plan_raw
from talkspkg.validate import validate_package


def _whole(arrow: pa.Table, out: Path, row_group_rows: int) -> tuple[bytes, bytes]:
    out.mkdir()
    options = {"compression": "zstd", "store_schema": True}
    pq.write_table(arrow, out / "t.parquet", row_group_size=row_group_rows, **options)
    pacsv.write_csv(csv_view(arrow), out / "t.csv", pacsv.WriteOptions(quoting_style="needed"))
    return (out / "t.parquet").read_bytes(), (out / "t.csv").read_bytes()


@pytest.mark.parametrize("row_group_rows", [7, 60, 131_072])
def test_a_table_written_in_pieces_has_the_bytes_of_the_whole(
    built: Path, tmp_path: Path, row_group_rows: int
) -> None:
    mentions = pq.read_table(built / "data" / "mentions.parquet")
    rng = random.Random(row_group_rows)
    writer = TableWriter("mentions", tmp_path / "pieces", row_group_rows)
    done = 0
    while done < mentions.num_rows:
        size = rng.randint(0, 50)
        writer.write(mentions.slice(done, size))
        done += size
    writer.close()
    data = tmp_path / "pieces" / "data"
    expected = _whole(mentions, tmp_path / "whole", row_group_rows)
    assert ((data / "mentions.parquet").read_bytes(), (data / "mentions.csv").read_bytes()) == (
        expected
    )
    groups = pq.ParquetFile(data / "mentions.parquet").num_row_groups
    assert groups == -(-mentions.num_rows // row_group_rows)


def test_an_empty_table_is_written_as_a_whole_empty_table_would_be(tmp_path: Path) -> None:
    writer = TableWriter("quotes", tmp_path / "pieces")
    writer.close()
    empty = pa.schema(pq.read_schema(RAW.parent / "data" / "quotes.parquet")).empty_table()
    data = tmp_path / "pieces" / "data"
    assert ((data / "quotes.parquet").read_bytes(), (data / "quotes.csv").read_bytes()) == (
        _whole(empty, tmp_path / "whole", 131_072)
    )


def test_pieces_out_of_key_order_are_refused(built: Path, tmp_path: Path) -> None:
    mentions = pq.read_table(built / "data" / "mentions.parquet")
    writer = TableWriter("mentions", tmp_path)
    writer.write(mentions.slice(10, 5))
    with pytest.raises(BuildError, match="mentions: rows out of key order"):
        writer.write(mentions.slice(12, 5))
    writer.abort()


def test_row_order_puts_an_article_after_those_whose_ids_extend_its_own() -> None:
    """ "talks-2.q1-5" sorts before "talks.q1-5": the article "talks-2" comes first."""
    items = [(Path(f"{aid}.txt"), aid, {}) for aid in ["a", "talks", "talks-2", "talks0"]]
    assert [aid for _, aid, _ in pipeline.row_order(items)] == ["a", "talks-2", "talks", "talks0"]


def test_file_names_out_of_row_order_build_the_tables_of_a_whole_table_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File-name order is not row order here ("Talks.txt" first, "talks-2" before "talks."):
    the streamed build gives the tables that assembling every table whole gives, with the
    corpus stages reading the articles in file-name order, in one process or two."""
    raw = tmp_path / "raw"
    raw.mkdir()
    seeds = sorted(RAW.glob("*.txt"))
    names = ["Talks.txt", "talks-2.txt", "talks_3.txt", "b.txt", "a b.txt"]
    for seed, name in zip(seeds, names, strict=True):
        shutil.copyfile(seed, raw / name)
    items = [(path, aid, {}) for path, aid in plan_raw(raw)]
    assert pipeline.row_order(items) != items
    whole = pipeline.assemble(pipeline.run_batches(items, 1), load_knowledge())
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 2)
    for jobs in (1, 2):
        out = tmp_path / f"pkg{jobs}"
        build_package(raw, out, BuildOptions(jobs=jobs))
        assert validate_package(out).valid
        for table, arrow in whole.items():
            assert pq.read_table(out / "data" / f"{table}.parquet").equals(arrow), table


def test_corpus_inputs_leave_their_sentences_in_the_raw_text_and_get_them_back() -> None:
    from talkspkg.compact import fill_sentences, strip_sentences
    from talkspkg.pipeline import annotate
    from talkspkg.raw import read_article

    path, article_id = plan_raw(RAW)[0]
    raw = read_article(path, article_id)
    found = annotate(raw, {}, load_knowledge())
    assert found.meetings and found.evidence
    meetings, evidence = strip_sentences(raw.text, found.meetings, found.evidence)
    assert all(x.text is None for x in [*meetings, *evidence])
    rows = [
        {"article_id": x.article_id, "start": x.start, "end": x.end, "text": x.text}
        for x in [*meetings, *evidence]
    ]
    read: list[str] = []
    fill_sentences(rows, lambda aid: read.append(aid) or raw.text)
    assert [r["text"] for r in rows] == [x.text for x in [*found.meetings, *found.evidence]]
    assert read == [article_id]  # one read per article


def test_meeting_columns_give_the_tables_of_the_meeting_rows() -> None:
    """The build turns the meetings stage's columns into Arrow without a dict per row: the
    same tables as from the library's rows, the sentences filled from the raw text."""
    from talkspkg.compact import fill_column_sentences, strip_sentences
    from talkspkg.pipeline import annotate
    from talkspkg.raw import read_article
    from talkspkg.stages.meetings import assemble_meeting_columns, assemble_meetings
    from talkspkg.tables import columns_to_arrow, to_arrow

    kb = load_knowledge()
    texts, whole, stripped = {}, [], []
    for path, article_id in plan_raw(RAW):
        raw = read_article(path, article_id)
        texts[article_id] = raw.text
        found = annotate(raw, {}, kb)
        whole += found.meetings
        stripped += strip_sentences(raw.text, found.meetings, [])[0]
    rows = assemble_meetings(whole, kb)
    columns = assemble_meeting_columns(stripped, kb)
    fill_column_sentences(columns["meeting_mentions"], texts.__getitem__)
    assert set(columns) == set(rows)
    for table, data in columns.items():
        assert rows[table], table
        assert columns_to_arrow(table, data).equals(to_arrow(table, rows[table])), table
        assert data == {}  # each list let go once converted
    with pytest.raises(BuildError, match="columns do not match the model"):
        columns_to_arrow("meeting_participants", {"meeting_id": ["m"], "entity_id": ["e"]})


def test_shared_values_keep_their_types() -> None:
    """1 == 1.0 == True, but an interned value is never swapped for one of another type."""
    from talkspkg.compact import Interner

    shared = Interner()
    assert [type(shared(v)) for v in (1, 1.0, True, (1,), (True,))] == [
        int,
        float,
        bool,
        tuple,
        tuple,
    ]
    assert shared((True,)) == (True,) and type(shared((True,))[0]) is bool
    a, b = "".join(["vladimir", "-putin"]), "".join(["vladimir-", "putin"])
    assert a is not b and shared(a) is shared(b)


def test_a_shared_tuple_of_strings_keeps_the_types_of_its_items() -> None:
    """`share` looks a tuple of plain strings up by its value alone: one holding a subclass
    of str is another value, as for `Interner.__call__`."""
    from talkspkg.compact import Interner

    class Name(str):
        pass

    shared = Interner()
    plain = shared.share(("a", "b"))
    assert shared.share(("".join(["a"]), "b")) is plain
    odd = shared.share((Name("a"), "b"))
    assert odd == plain and type(odd[0]) is Name and type(plain[0]) is str


def test_spilled_corpus_inputs_come_back_equal_in_any_article_order(tmp_path: Path) -> None:
    """The build holds no meeting report, claim or presentation while the batches come: they
    wait in a temporary file, and each stage reads back the very objects it would have held
    (equal, of the same types), article by article in the order it asks for."""
    from talkspkg.compact import Spill, strip_sentences
    from talkspkg.pipeline import annotate
    from talkspkg.raw import read_article

    kb = load_knowledge()
    found: dict[str, tuple[list[Any], list[Any], list[Any]]] = {}
    for path, article_id in plan_raw(RAW):
        raw = read_article(path, article_id)
        result = annotate(raw, {}, kb)
        meetings, evidence = strip_sentences(raw.text, result.meetings, result.evidence)
        found[article_id] = (meetings, evidence, result.presentations)
    assert all(any(kind) for kind in zip(*found.values(), strict=True))  # each kind occurs
    spill = Spill(tmp_path)
    ids = list(found)
    spill.add_batch(
        ids[:3],
        [m for aid in ids[:3] for m in found[aid][0]],
        [e for aid in ids[:3] for e in found[aid][1]],
        [p for aid in ids[:3] for p in found[aid][2]],
    )
    for aid in ids[3:]:
        spill.add(aid, *found[aid])
    assert list(tmp_path.iterdir()) == []  # an anonymous file: nothing left to clean
    order = ids[::-1]
    meetings = spill.meetings(order)
    evidence, presentations = spill.evidence(order)
    assert meetings == [m for aid in order for m in found[aid][0]]
    assert evidence == [e for aid in order for e in found[aid][1]]
    assert presentations == [p for aid in order for p in found[aid][2]]
    for back, kept in zip(meetings, (m for aid in order for m in found[aid][0]), strict=True):
        assert [type(getattr(back, f)) for f in back.__slots__] == [
            type(getattr(kept, f)) for f in kept.__slots__
        ]
    with pytest.raises(ValueError, match="added to the spill twice"):
        spill.add(ids[0], [], [], [])
    spill.close()


def test_corpus_tables_written_as_soon_as_made_have_the_bytes_of_tables_written_at_the_end(
    built: Path, tmp_path: Path
) -> None:
    """The build writes each corpus table when its stage has made it, and lets it go: the
    files are those of the tables assembled whole and written together at the end."""
    from talkspkg.package import write_table

    items = [(path, aid, {}) for path, aid in plan_raw(RAW)]
    whole = pipeline.assemble(pipeline.run_batches(items, 1), load_knowledge())
    emitted: dict[str, list[pa.Table]] = {}
    early = pipeline.assemble(
        pipeline.run_batches(items, 1),
        load_knowledge(),
        emit=lambda table, pieces: emitted.setdefault(table, list(pieces)),
        spill_dir=tmp_path,
    )
    assert set(early) == {"articles", *pipeline.STREAMED}  # the per-article tables only
    assert set(emitted) == set(whole) - set(early)
    for table, pieces in emitted.items():
        assert pa.concat_tables(pieces).equals(whole[table]), table
        write_table(table, whole[table], tmp_path / "late")
        for suffix in ("parquet", "csv"):
            name = f"data/{table}.{suffix}"
            assert (built / name).read_bytes() == (tmp_path / "late" / name).read_bytes(), name


def test_a_table_made_from_columns_in_pieces_is_the_table_made_whole(tmp_path: Path) -> None:
    """The meetings stage's tables go from their columns to the files a row group at a time
    (never whole as Arrow): pieces of any size concatenate to the whole table, and written one
    after the other they give its bytes."""
    from talkspkg.package import write_table
    from talkspkg.pipeline import annotate
    from talkspkg.raw import read_article
    from talkspkg.stages.meetings import assemble_meeting_columns
    from talkspkg.tables import column_pieces, columns_to_arrow

    kb = load_knowledge()
    reports = []
    for path, article_id in plan_raw(RAW):
        reports += annotate(read_article(path, article_id), {}, kb).meetings
    table = "meeting_mentions"
    whole = columns_to_arrow(table, assemble_meeting_columns(reports, kb)[table])
    assert whole.num_rows > 7
    data = assemble_meeting_columns(reports, kb)[table]
    pieces = list(column_pieces(table, data, rows=7))
    assert data == {}  # let go after the last piece
    assert [p.num_rows for p in pieces[:-1]] == [7] * (len(pieces) - 1)
    assert pa.concat_tables(pieces).equals(whole)
    writer = TableWriter(table, tmp_path / "pieces")
    for piece in pieces:
        writer.write(piece)
    writer.close()
    write_table(table, whole, tmp_path / "whole")
    for suffix in ("parquet", "csv"):
        name = f"data/{table}.{suffix}"
        assert (tmp_path / "pieces" / name).read_bytes() == (tmp_path / "whole" / name).read_bytes()
    assert list(column_pieces(table, {})) == []
