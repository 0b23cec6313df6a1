"""From raw files to tables: per-article annotation (pure, parallel) then corpus assembly.

Articles are annotated in batches, in worker processes when `jobs > 1`; each batch comes back
as Arrow tables (columnar, compact) plus the few objects the corpus stages need. Batches are
consumed in the order they were cut, so the output never depends on scheduling. A build cuts
them in `row_order`, the order of the articles' rows in the per-article tables, so that those
tables can be written as the batches come (STREAMED), and gives the corpus stages their inputs
in file-name order.
"""

from __future__ import annotations

import hashlib
import zlib
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, fields, replace
from functools import partial
from operator import attrgetter
from pathlib import Path
from typing import Any, Protocol

import pyarrow as pa

from talkspkg.cache import ArticleCache
from talkspkg.compact import (
    Interner,
    Spill,
    fill_column_sentences,
    fill_sentences,
    spill_records,
    strip_sentences,
)
from talkspkg.document import Article
from talkspkg.kb import Entity, KnowledgeBase, load_knowledge
from talkspkg.metadata import parse_metadata
from talkspkg.raw import RawFile, raw_file, read_article
from talkspkg.schema.tableschema import arrow_schema
from talkspkg.stages.articles import article_row, source_date
from talkspkg.stages.entities import add_counts, entity_rows, mention_counts, merge_discovered
from talkspkg.stages.meetings import MeetingMention, assemble_meeting_columns, meeting_mentions
from talkspkg.stages.meetings.copies import CopyKeeper, CopyMemo
from talkspkg.stages.mentions import mentions
from talkspkg.stages.proposals import (
    Presentation,
    TermEvidence,
    assemble_proposals,
    proposal_evidence,
)
from talkspkg.stages.quotes import Quote, quotes_and_referents
from talkspkg.tables import column_pieces, normalize, rows_to_arrow, rows_to_columns, to_arrow

BATCH_SIZE = 32
IN_FLIGHT_PER_JOB = 2  # batches annotated ahead of the one being consumed, per process
# per-article tables whose row ids are the article id, ".", then the row's own part
STREAMED = ("mentions", "quotes")
WorkItem = tuple[Path, str, Mapping[str, Any]]
# an article's rows by table, discovered entities, term evidence, meeting mentions, and the
# meetings its proposals were presented at
Annotated = tuple[
    dict[str, list[dict[str, Any]]],
    dict[str, Entity],
    list[TermEvidence],
    list[MeetingMention],
    list[Presentation],
]


@dataclass
class ArticleAnnotations:
    """Everything the per-article stages produced for one article: rows of per-article tables,
    and the inputs of the corpus stages (discovered entities, term evidence, ...)."""

    article: Article
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    discovered: dict[str, Entity] = field(default_factory=dict)
    evidence: list[TermEvidence] = field(default_factory=list)
    meetings: list[MeetingMention] = field(default_factory=list)
    presentations: list[Presentation] = field(default_factory=list)


@dataclass
class Batch:
    """Annotations of consecutive articles: per-article tables as Arrow, corpus-stage inputs
    (their sentences left in the raw files: talkspkg.compact)."""

    tables: dict[str, pa.Table]
    article_ids: list[str] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)  # the raw files (sentences: talkspkg.compact)
    discovered: list[dict[str, Entity]] = field(default_factory=list)  # one per article
    evidence: list[TermEvidence] = field(default_factory=list)
    meetings: list[MeetingMention] = field(default_factory=list)
    presentations: list[Presentation] = field(default_factory=list)
    # or, made in a worker process, each article's two spill records (compact.spill_records)
    # in the order of article_ids, and the three lists above empty
    spilled: list[tuple[bytes, bytes]] = field(default_factory=list)
    memo: str = ""  # its key among the kept batches (annotate_batch), if a store was given


def make_article(raw: RawFile, source: Mapping[str, Any] | None = None) -> Article:
    """The article every stage sees: the text's own metadata, and the publication date of its
    `sources.yaml` entry when the text states none (so relative dates resolve against it)."""
    meta = parse_metadata(raw.text)
    if meta.published_date is not None:
        meta = replace(meta, published_date_source="text")
    elif source is not None:
        where = f"raw/sources.yaml entry {raw.path.name!r}"
        stated = source_date(source.get("published_date"), where)
        if stated is not None:
            meta = replace(meta, published_date=stated, published_date_source="sources")
    return Article(
        article_id=raw.article_id,
        raw_path=f"raw/{raw.path.name}",
        raw_sha256=raw.sha256,
        text=raw.text,
        meta=meta,
    )


# a quote's row: its fields in order (what `dataclasses.asdict` gives for its scalar fields,
# without asdict's recursive copy)
_QUOTE_FIELDS = tuple(f.name for f in fields(Quote))
_quote_values = attrgetter(*_QUOTE_FIELDS)


def annotate(raw: RawFile, source: Mapping[str, Any], kb: KnowledgeBase) -> ArticleAnnotations:
    """Run every per-article stage on one article. Pure: same inputs, same rows."""
    article = make_article(raw, source)
    result = ArticleAnnotations(article)
    result.rows["articles"] = [article_row(article, source)]
    found = mentions(article, kb)
    result.discovered = found.discovered
    result.rows["mentions"] = [
        {
            "mention_id": m.mention_id,
            "article_id": m.article_id,
            "entity_id": m.entity_id,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "rule": m.rule,
        }
        for m in found.mentions
    ]
    quoted, referents = quotes_and_referents(article, kb, found)
    result.rows["quotes"] = [
        dict(zip(_QUOTE_FIELDS, _quote_values(q), strict=True)) for q in quoted
    ]
    result.meetings = meeting_mentions(article, kb, found)
    proposals = proposal_evidence(article, kb, found, result.meetings, quoted, referents)
    result.evidence, result.presentations = proposals.evidence, proposals.presentations
    return result


def _is_annotated(value: Any) -> bool:
    """The shape `annotate_cached` stores (an entry of another shape is recomputed)."""
    return (
        isinstance(value, tuple)
        and len(value) == 5
        and all(
            isinstance(v, t) for v, t in zip(value, (dict, dict, list, list, list), strict=True)
        )
    )


def annotate_cached(
    raw: RawFile, source: Mapping[str, Any], kb: KnowledgeBase, store: ArticleCache | None
) -> Annotated:
    """What the corpus stages need of one article: from the cache when it holds this article
    under this ruleset, else annotated now (and stored)."""
    key = store.key(raw.article_id, raw.sha256, source) if store is not None else ""
    if store is not None and _is_annotated(found := store.get(key)):
        return found  # type: ignore[no-any-return]
    result = annotate(raw, source, kb)
    value: Annotated = (
        result.rows,
        result.discovered,
        result.evidence,
        result.meetings,
        result.presentations,
    )
    if store is not None:
        store.put(key, value)
    return value


def annotate_batch(
    items: Sequence[WorkItem],
    store: ArticleCache | None = None,
    contents: Sequence[bytes] | None = None,
    spill: bool = False,
) -> Batch:
    """Annotate consecutive articles; their raw bytes are read from their paths, or are
    `contents` (one per item) when the caller sent them (a cluster worker). With `spill` (a
    worker process), the corpus-stage inputs come as each article's spill records. With a
    `store`, the whole batch is kept there too (in the spill form), under the keys of its
    articles, and a batch of the same articles is read back whole (`_batch_key`)."""
    raws = [
        read_article(path, article_id) if contents is None else raw_file(path, article_id, blob)
        for (path, article_id, _), blob in zip(
            items, contents if contents is not None else [b""] * len(items), strict=True
        )
    ]
    memo = ""
    if store is not None:
        memo = _batch_key(
            store, [(raw, source) for raw, (_, _, source) in zip(raws, items, strict=True)]
        )
        if (found := _read_kept(items, store, memo)) is not None:
            return found
        spill = True
    kb = load_knowledge()
    rows: dict[str, list[dict[str, Any]]] = {}
    batch = Batch({})
    for (path, _, source), raw in zip(items, raws, strict=True):
        article_rows, discovered, evidence, meetings, presentations = annotate_cached(
            raw, source, kb, store
        )
        meetings, evidence = strip_sentences(raw.text, meetings, evidence)
        batch.article_ids.append(raw.article_id)
        batch.paths.append(path)
        batch.discovered.append(discovered)
        if spill:
            batch.spilled.append(spill_records(meetings, evidence, presentations))
        else:
            batch.evidence.extend(evidence)
            batch.meetings.extend(meetings)
            batch.presentations.extend(presentations)
        for table, table_rows in article_rows.items():
            rows.setdefault(table, []).extend(table_rows)
    batch.tables = {t: rows_to_arrow(t, r) for t, r in rows.items()}
    if store is not None:
        store.batches().put(memo, replace(batch, paths=[]))  # the paths are the caller's
        batch.memo = memo
    return batch


BATCH_MEMO = "talkspkg batch v1"  # the layout of a kept batch: change it when `Batch` changes


def _batch_key(store: ArticleCache, articles: Sequence[tuple[RawFile, Mapping[str, Any]]]) -> str:
    """The key of a batch of these articles, in this order: the keys of their own entries
    (which hold the ruleset, each article's id, raw bytes and source entry), hashed."""
    digest = hashlib.sha256(f"{BATCH_MEMO}\n".encode())
    for raw, source in articles:
        digest.update(f"{store.key(raw.article_id, raw.sha256, source)}\n".encode())
    return digest.hexdigest()


def _is_batch(value: Any) -> bool:
    """A kept batch (`annotate_batch`), in the spill form; anything else is made again."""
    return (
        isinstance(value, Batch)
        and bool(value.spilled)
        and len(value.spilled) == len(value.article_ids) == len(value.discovered)
        and not (value.evidence or value.meetings or value.presentations)
    )


def row_order(items: Sequence[WorkItem]) -> list[WorkItem]:
    """`items` in the order of their rows in the STREAMED tables. A row id there is the article
    id, ".", then the row's own part; article ids hold no ".", so all the rows of one article
    sort together, after those of every article whose id + "." sorts before its own (which is
    not always file-name order: "talks-2." sorts before "talks.")."""
    return sorted(items, key=lambda item: item[1] + ".")


def _batches(items: Sequence[WorkItem]) -> list[Sequence[WorkItem]]:
    """`items` cut into consecutive batches where their ids say, not every BATCH_SIZE items:
    after an article whose id's crc32 is a multiple of BATCH_SIZE (one in BATCH_SIZE, so
    batches of about BATCH_SIZE articles), or at twice that. Adding or removing an article
    then changes the batch it falls in (and seldom the next), not every batch after it, so a
    rebuild reads the other batches whole from the cache (`annotate_batch`)."""
    chunks: list[Sequence[WorkItem]] = []
    start = 0
    for i, (_, article_id, _) in enumerate(items):
        if zlib.crc32(article_id.encode()) % BATCH_SIZE == 0 or i + 1 - start >= 2 * BATCH_SIZE:
            chunks.append(items[start : i + 1])
            start = i + 1
    if start < len(items):
        chunks.append(items[start:])
    return chunks


def run_batches(
    items: Sequence[WorkItem],
    jobs: int,
    store: ArticleCache | None = None,
    scheduler: str | None = None,
) -> Iterator[Batch]:
    """Annotate `items` in order, in `jobs` processes (inline when jobs == 1), or on the workers
    of the Dask `scheduler` (an address: talkspkg.cluster), reusing the entries of `store`
    (see talkspkg.cache). Only a few batches are annotated ahead of the one consumed, so that
    a consumer slower than the workers never holds them all."""
    chunks = _batches(items)
    if scheduler is not None:
        from talkspkg.cluster import run_on_cluster

        yield from run_on_cluster(chunks, scheduler, store)
        return
    work = partial(annotate_batch, store=store)
    if jobs <= 1 or len(chunks) <= 1:
        yield from map(work, chunks)
        return
    yield from _in_processes(chunks, jobs, store)


def _in_processes(
    chunks: Sequence[Sequence[WorkItem]], jobs: int, store: ArticleCache | None
) -> Iterator[Batch]:
    """`run_batches` in `jobs` worker processes. A chunk whose batch is kept in `store` is read
    here, when its turn comes, and never sent: only the others go to the workers, as far ahead
    as IN_FLIGHT_PER_JOB * jobs of them, so that a rebuild's few new batches are annotated
    while this process takes in the kept ones before them."""
    work = partial(annotate_batch, store=store, spill=True)
    ahead = iter(chunks)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[Future[Batch] | tuple[Sequence[WorkItem], str]] = deque()
        sent = 0

        def fill() -> None:
            nonlocal sent
            while sent <= IN_FLIGHT_PER_JOB * jobs and (chunk := next(ahead, None)) is not None:
                kept = kept_batch(chunk, store) if store is not None else None
                if kept is not None:
                    pending.append((chunk, kept))  # read when its turn comes
                else:
                    pending.append(pool.submit(work, chunk))
                    sent += 1

        try:
            fill()
            while pending:
                item = pending.popleft()
                if isinstance(item, Future):
                    sent -= 1
                    batch = item.result()
                else:  # kept: read here (or, were it gone or damaged since, made here)
                    chunk, key = item
                    found = _read_kept(chunk, store, key) if store is not None else None
                    batch = found or annotate_batch(chunk, store, spill=True)
                fill()
                yield batch
        finally:
            for item in pending:
                if isinstance(item, Future):
                    item.cancel()


def kept_batch(chunk: Sequence[WorkItem], store: ArticleCache) -> str | None:
    """The key of the batch of `chunk` when `store` keeps one (`annotate_batch`), else None."""
    raws = [(read_article(path, article_id), source) for path, article_id, source in chunk]
    key = _batch_key(store, raws)
    return key if (store.batches().folder / f"{key}.pickle").is_file() else None


def _read_kept(chunk: Sequence[WorkItem], store: ArticleCache, key: str) -> Batch | None:
    """The batch of `chunk` kept in `store` under `key`, or None when absent or unreadable."""
    found = store.batches().get(key)
    if not _is_batch(found):
        return None
    found.paths, found.memo = [path for path, _, _ in chunk], key
    return found  # type: ignore[no-any-return]


@dataclass(frozen=True)
class KeptCopies:
    """The near-copies the meetings stage found, kept in the cache between builds (the folder
    of the code that found them): a `CopyKeeper`."""

    store: ArticleCache
    name: str = "copies"

    def previous(self) -> CopyMemo | None:
        found = self.store.corpus().get(self.name)
        return found if isinstance(found, CopyMemo) else None

    def keep(self, memo: CopyMemo) -> None:
        self.store.corpus().put(self.name, memo)


class TableSink(Protocol):
    """Where a streamed table's rows go (talkspkg.package.TableWriter)."""

    def write(self, arrow: pa.Table) -> None: ...


class TableEmitter(Protocol):
    """Where the build writes a corpus table as soon as it is made (talkspkg.package): the
    normalized table in consecutive pieces, to be consumed at once."""

    def __call__(self, table: str, pieces: Iterable[pa.Table]) -> None: ...


@dataclass
class _CorpusInputs:
    """The corpus stages' inputs, gathered batch by batch: the meeting reports, claims and
    presentations spilled to a temporary file (talkspkg.compact.Spill), the rest held."""

    spill: Spill
    article_ids: list[str] = field(default_factory=list)
    paths: dict[str, Path] = field(default_factory=dict)
    discovered: list[dict[str, Entity]] = field(default_factory=list)
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)
    shared: Interner = field(default_factory=Interner)

    def add(self, batch: Batch) -> None:
        self.article_ids.extend(batch.article_ids)
        self.paths.update(zip(batch.article_ids, batch.paths, strict=True))
        self.discovered.extend(self.shared.discovered(found) for found in batch.discovered)
        if batch.spilled:
            for aid, (meetings, claims) in zip(batch.article_ids, batch.spilled, strict=True):
                self.spill.add_pickled(aid, meetings, claims)
        else:
            self.spill.add_batch(
                batch.article_ids, batch.meetings, batch.evidence, batch.presentations
            )
        if "mentions" in batch.tables:  # an article is in one batch: its counts add up
            add_counts(self.counts, mention_counts(batch.tables["mentions"]))

    def read(self, article_id: str) -> str:
        return read_article(self.paths[article_id], article_id).text

    def reorder(self, order: Sequence[str]) -> None:
        """Put the inputs in the article order `order` (each article's own in their order)."""
        if self.article_ids == list(order):
            return
        rank = {aid: i for i, aid in enumerate(order)}
        by_rank = sorted(range(len(self.article_ids)), key=lambda i: rank[self.article_ids[i]])
        self.discovered = [self.discovered[i] for i in by_rank]
        self.article_ids = [self.article_ids[i] for i in by_rank]


def assemble(
    batches: Iterable[Batch],
    kb: KnowledgeBase,
    sinks: Mapping[str, TableSink] | None = None,
    order: Sequence[str] | None = None,
    emit: TableEmitter | None = None,
    spill_dir: Path | None = None,
    copies: CopyKeeper | None = None,
) -> dict[str, pa.Table]:
    """Run the corpus stages over the batches' inputs; return the normalized tables. The
    per-article tables named in `sinks` are not returned but written there batch by batch
    (normalized: the batches must come in `row_order`). The corpus stages read their inputs
    in the article order `order` (article ids), else in the batches' order. With `emit`, each
    corpus table is handed to it as soon as it is made, and not returned (nor held). The
    corpus stages' inputs wait in a temporary file in `spill_dir` (see talkspkg.compact).
    `copies` keeps the meetings stage's near-copies between builds (`KeptCopies`)."""
    sinks = sinks or {}
    parts: dict[str, list[pa.Table]] = {}
    corpus = _CorpusInputs(Spill(spill_dir))
    try:
        for batch in batches:
            corpus.add(batch)
            for table, arrow in batch.tables.items():
                if table in sinks:
                    sinks[table].write(normalize(table, arrow))
                else:
                    parts.setdefault(table, []).append(arrow)
            del batch  # not held while the next one is made
        if order is not None:
            corpus.reorder(order)
        return _corpus_tables(corpus, parts, kb, emit, copies)
    finally:
        corpus.spill.close()


def _corpus_tables(
    corpus: _CorpusInputs,
    parts: dict[str, list[pa.Table]],
    kb: KnowledgeBase,
    emit: TableEmitter | None,
    copies: CopyKeeper | None = None,
) -> dict[str, pa.Table]:
    """The corpus stages, each stage's inputs read (or let go) just before (after) it runs."""
    tables: dict[str, pa.Table] = {}

    def made(table: str, pieces: Iterable[pa.Table]) -> None:
        if emit is not None:
            emit(table, pieces)
        else:
            whole = list(pieces) or [arrow_schema(table).empty_table()]
            tables[table] = pa.concat_tables(whole).combine_chunks()

    for table in list(parts):
        tables[table] = normalize(table, pa.concat_tables(parts.pop(table)))
    entities = entity_rows(kb, merge_discovered(corpus.discovered), corpus.counts)
    corpus.discovered = []
    made("entities", [to_arrow("entities", entities)])
    del entities
    meetings = assemble_meeting_columns(corpus.spill.meetings(corpus.article_ids), kb, copies)
    fill_column_sentences(meetings["meeting_mentions"], corpus.read)
    presented_from: dict[str, list[pa.Table]] = {}
    for table in list(meetings):  # one table at a time, in pieces, its columns let go after
        pieces = column_pieces(table, meetings.pop(table))
        if table in PRESENTED_FROM:  # only the columns the proposals stage reads are kept
            pieces = _keeping(pieces, PRESENTED_FROM[table], presented_from.setdefault(table, []))
        made(table, pieces)
    evidence, presentations = corpus.spill.evidence(corpus.article_ids)
    proposals = assemble_proposals(
        evidence,
        kb,
        presentations,
        {table: _rows(presented_from.pop(table, [])) for table in PRESENTED_FROM},
    )
    del evidence, presentations
    fill_sentences(proposals["term_positions"], corpus.read)
    for table in list(proposals):  # each row's dict let go once read into the columns
        made(table, column_pieces(table, rows_to_columns(table, proposals.pop(table), True)))
    return tables


def _keeping(
    pieces: Iterable[pa.Table], columns: list[str], kept: list[pa.Table]
) -> Iterator[pa.Table]:
    """`pieces`, each one's `columns` appended to `kept` as it passes."""
    for piece in pieces:
        kept.append(piece.select(columns))
        yield piece


# what the proposals stage reads of the meetings stage's tables (stages/proposals/presented.py)
PRESENTED_FROM = {
    "meetings": ["meeting_id", "status", "date_start", "date_end", "date_precision"],
    "meeting_mentions": ["meeting_id", "article_id", "start", "trigger_start"],
}


def _rows(pieces: Iterable[pa.Table]) -> Iterator[dict[str, Any]]:
    """The rows of the tables `pieces` as dicts, made a few thousand at a time."""
    for piece in pieces:
        for batch in piece.to_batches(max_chunksize=4096):
            yield from batch.to_pylist()
