"""Compact copies of the corpus stages' inputs, which the build holds for every article.

Three savings, none changing a value the corpus stages read:

* `strip_sentences` (per article, where the raw text is at hand): a meeting report's or a
  claim's evidence sentence is `text[start:end]` of its article, so the copy handed to the
  corpus stages leaves it out (None); `fill_sentences` slices it back, one raw file read per
  article, for the rows written.
* `Interner` (in the build's process, as the spilled inputs are read back, and for the
  entities each batch discovered): every article's record comes back with its own copies of
  the strings and tuples that repeat over the corpus (entity ids, triggers, codes,
  participants); one shared copy of each is kept, put in as each object is made again from its
  field values (`_Rows`).
* `Spill` (in the build's process, as batches arrive): the meeting reports, claims and
  presentations of each article are pickled into an anonymous temporary file and read back,
  one stage's inputs at a time, when that stage runs: none is held while the batches come, and
  the meetings stage's are let go before the proposals stage's are read.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Callable, Iterable, MutableMapping, Sequence
from dataclasses import fields, replace
from operator import attrgetter
from pathlib import Path
from typing import Any

from talkspkg.kb import Entity
from talkspkg.stages.meetings import MeetingMention
from talkspkg.stages.proposals import Presentation, TermEvidence

# fields whose values repeat across articles (offsets, dates of expressions and scores do not)
MEETING_FIELDS = (
    "article_id",
    "local_id",
    "trigger",
    "lemma",
    "scope",
    "parent_local_id",
    "place_id",
    "region_id",
    "city",
    "country",
    "venue",
    "date",
    "date_anchor",
    "anchor",
    "format",
    "status",
    "levels",
    "participants",
    "people",
    "sides",
)
EVIDENCE_FIELDS = (
    "article_id",
    "code",
    "stance",
    "entity_id",
    "proposal_id",
    "proposer_id",
    "proposal_kind",
    "proposal_label",
    "holder_side",
    "term_text",
    "cue",
    "attribution",
)


def strip_sentences(
    text: str, meetings: list[MeetingMention], evidence: list[TermEvidence]
) -> tuple[list[MeetingMention], list[TermEvidence]]:
    """The reports and claims of the article of `text` without their sentence text, where it
    is the article's `text[start:end]` (else kept)."""
    return (
        [replace(m, text=None) if m.text == text[m.start : m.end] else m for m in meetings],
        [replace(e, text=None) if e.text == text[e.start : e.end] else e for e in evidence],
    )


def fill_sentences(rows: Iterable[dict[str, Any]], read: Callable[[str], str]) -> None:
    """Set the `text` of every row whose text is None to its article's `[start:end]`;
    `read(article_id)` gives an article's text (called once per article)."""
    by_article: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        if row["text"] is None:
            by_article.setdefault(row["article_id"], []).append(row)
    for article_id, missing in by_article.items():
        text = read(article_id)
        for row in missing:
            row["text"] = text[row["start"] : row["end"]]


def fill_column_sentences(
    columns: MutableMapping[str, list[Any]], read: Callable[[str], str]
) -> None:
    """`fill_sentences` on a table held as columns (lists of "text", "article_id", "start",
    "end")."""
    texts = columns.get("text", [])
    by_article: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        if text is None:
            by_article.setdefault(columns["article_id"][i], []).append(i)
    starts, ends = columns.get("start", []), columns.get("end", [])
    for article_id, missing in by_article.items():
        text = read(article_id)
        for i in missing:
            texts[i] = text[starts[i] : ends[i]]


_STR = {str}


class Interner:
    """One shared copy of each equal value, of the same type all through: 1 == 1.0 == True and
    (1,) == (True,), so a value is looked up with its type and its items' types."""

    def __init__(self) -> None:
        self._pool: MutableMapping[Any, Any] = {}
        self._strings: dict[str, str] = {}
        self._str_tuples: dict[tuple[str, ...], tuple[str, ...]] = {}  # of strings only

    def __call__(self, value: Any) -> Any:
        return self._share(value)[0]

    def _share(self, value: Any) -> tuple[Any, Any]:
        """(the shared copy of `value`, its key)"""
        if type(value) is tuple:  # not a NamedTuple (a DateRange is shared whole)
            items = [self._share(v) for v in value]
            key: Any = (tuple, tuple(k for _, k in items))
            if key not in self._pool:
                self._pool[key] = tuple(v for v, _ in items)
        elif type(value) is str:  # the same pool as `share`'s
            return self._strings.setdefault(value, value), (str, value)
        else:
            key = (type(value), value)
        return self._pool.setdefault(key, value), key

    def share(self, value: Any) -> Any:
        """`self(value)`, quicker for the strings most shared values are."""
        kind = type(value)
        if kind is str:
            return self._strings.setdefault(value, value)
        if kind is tuple and value and {*map(type, value)} == _STR:  # people, sides, levels
            return self._str_tuples.setdefault(value, value)
        return self._share(value)[0]

    def discovered(self, found: dict[str, Entity]) -> dict[str, Entity]:
        return {self(eid): self(entity) for eid, entity in found.items()}


class _Rows:
    """A frozen, slotted dataclass's objects as tuples of their field values, and back.

    Pickle makes such an object again through the dataclass's `__setstate__`, which lists the
    class's fields anew for every object; the tuples are pickled instead, and each object is
    made by the class's own `__init__` from its tuple, with the values `shared` names swapped
    for one shared copy each (`Interner`) on the way: the same objects, of the same values and
    types, in a third less time (the meeting reports of 5,000 synthetic articles, shared
    values included).
    """

    def __init__(self, cls: type, shared: Iterable[str] = ()) -> None:
        names = [f.name for f in fields(cls)]
        if any(not f.init for f in fields(cls)):
            raise TypeError(f"{cls.__name__}: a field outside __init__ cannot be rebuilt")
        self._cls = cls
        self._values = attrgetter(*names)
        self._shared = [names.index(name) for name in shared]

    def dump(self, items: Iterable[Any]) -> list[tuple[Any, ...]]:
        return [self._values(item) for item in items]

    def load(self, rows: Iterable[tuple[Any, ...]], interner: Interner) -> list[Any]:
        make, positions, share = self._cls, self._shared, interner.share
        out = []
        for row in rows:
            values = list(row)
            for k in positions:
                if values[k] is not None:
                    values[k] = share(values[k])
            out.append(make(*values))
        return out


_MEETINGS = _Rows(MeetingMention, MEETING_FIELDS)
_EVIDENCE = _Rows(TermEvidence, EVIDENCE_FIELDS)


def spill_records(
    meetings: list[MeetingMention],
    evidence: list[TermEvidence],
    presentations: list[Presentation],
) -> tuple[bytes, bytes]:
    """One article's two `Spill` records: its reports; its claims and presentations (the
    reports and claims as tuples of their field values: `_Rows`). A worker process makes
    them, so that its batch crosses to the build's process as bytes, written to the spill as
    they are, not as objects unpickled there and pickled again."""
    return (
        pickle.dumps(_MEETINGS.dump(meetings), protocol=pickle.HIGHEST_PROTOCOL),
        pickle.dumps((_EVIDENCE.dump(evidence), presentations), protocol=pickle.HIGHEST_PROTOCOL),
    )


class Spill:
    """The meeting reports, claims and presentations of every article, in a temporary file.

    `add` pickles one article's (its reports; its claims and presentations: two records, one
    per stage) at the end of the file; `meetings` and `evidence` read them back for the
    articles of `order`, in that order, each article's in the order they were added, with one
    shared copy of each repeated value (`Interner`, one per read: let go with what it read).
    Pickle gives back the very objects the stages would have held (their types, tuples and
    None alike), as when a batch comes from a worker process. The file is anonymous (deleted
    when closed, or when the process ends) and lies in `folder` (the system's temporary folder
    when None)."""

    def __init__(self, folder: Path | None = None) -> None:
        self._file = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115 (closed by close())
        self._end = 0
        # article id -> (offset, size) of its reports' record, then of its claims' record
        self._where: dict[str, tuple[int, int, int, int]] = {}

    def _append(self, data: bytes) -> tuple[int, int]:
        self._file.seek(self._end)
        self._file.write(data)
        offset, self._end = self._end, self._end + len(data)
        return offset, len(data)

    def add(
        self,
        article_id: str,
        meetings: list[MeetingMention],
        evidence: list[TermEvidence],
        presentations: list[Presentation],
    ) -> None:
        self._add(article_id, *spill_records(meetings, evidence, presentations))

    def add_pickled(self, article_id: str, meetings: bytes, claims: bytes) -> None:
        """`add` one article's two records as `spill_records` made them (in a worker)."""
        self._add(article_id, meetings, claims)

    def _add(self, article_id: str, meetings: bytes, claims: bytes) -> None:
        if article_id in self._where:
            raise ValueError(f"{article_id}: added to the spill twice")
        self._where[article_id] = (*self._append(meetings), *self._append(claims))

    def add_batch(
        self,
        article_ids: Sequence[str],
        meetings: Iterable[MeetingMention],
        evidence: Iterable[TermEvidence],
        presentations: Iterable[Presentation],
    ) -> None:
        """`add` each article of a batch, whose inputs come as one list per kind."""
        own: dict[str, tuple[list[Any], list[Any], list[Any]]] = {
            aid: ([], [], []) for aid in article_ids
        }
        for kind, items in enumerate((meetings, evidence, presentations)):
            for item in items:
                own[item.article_id][kind].append(item)
        for aid in article_ids:
            self.add(aid, *own[aid])

    def _read(self, offset: int, size: int) -> Any:
        self._file.seek(offset)
        return pickle.loads(self._file.read(size))

    def meetings(self, order: Iterable[str]) -> list[MeetingMention]:
        shared = Interner()
        out: list[MeetingMention] = []
        for aid in order:
            offset, size, _, _ = self._where[aid]
            out.extend(_MEETINGS.load(self._read(offset, size), shared))
        return out

    def evidence(self, order: Iterable[str]) -> tuple[list[TermEvidence], list[Presentation]]:
        shared = Interner()
        evidence: list[TermEvidence] = []
        presentations: list[Presentation] = []
        for aid in order:
            _, _, offset, size = self._where[aid]
            claims, presented = self._read(offset, size)
            evidence.extend(_EVIDENCE.load(claims, shared))
            presentations.extend(presented)
        return evidence, presentations

    @property
    def size(self) -> int:
        """Bytes written."""
        return self._end

    def close(self) -> None:
        self._file.close()
