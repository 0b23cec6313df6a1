"""Compact copies of the corpus stages' inputs, which the build holds for every article.

Two savings, neither changing a value the corpus stages read:

* `strip_sentences` (per article, where the raw text is at hand): a meeting report's or a
  claim's evidence sentence is `text[start:end]` of its article, so the copy handed to the
  corpus stages leaves it out (None); `fill_sentences` slices it back, one raw file read per
  article, for the rows written.
* `Interner` (in the build's process, as batches arrive): every batch comes unpickled with its
  own copies of the strings and tuples that repeat over the corpus (entity ids, triggers,
  codes, participants); one shared copy of each is kept. The objects are the build's own,
  just unpickled: their fields are swapped for equal values in place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, MutableMapping
from dataclasses import replace
from typing import Any

from talkspkg.kb import Entity
from talkspkg.stages.meetings import MeetingMention
from talkspkg.stages.proposals import TermEvidence

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


class Interner:
    """One shared copy of each equal value, of the same type all through: 1 == 1.0 == True and
    (1,) == (True,), so a value is looked up with its type and its items' types."""

    def __init__(self) -> None:
        self._pool: MutableMapping[Any, Any] = {}

    def __call__(self, value: Any) -> Any:
        return self._share(value)[0]

    def _share(self, value: Any) -> tuple[Any, Any]:
        """(the shared copy of `value`, its key)"""
        if type(value) is tuple:  # not a NamedTuple (a DateRange is shared whole)
            items = [self._share(v) for v in value]
            key: Any = (tuple, tuple(k for _, k in items))
            if key not in self._pool:
                self._pool[key] = tuple(v for v, _ in items)
        else:
            key = (type(value), value)
        return self._pool.setdefault(key, value), key

    def fields(self, obj: Any, names: Iterable[str]) -> None:
        for name in names:
            object.__setattr__(obj, name, self._share(getattr(obj, name))[0])

    def meetings(self, meetings: Iterable[MeetingMention]) -> None:
        for m in meetings:
            self.fields(m, MEETING_FIELDS)

    def evidence(self, evidence: Iterable[TermEvidence]) -> None:
        for e in evidence:
            self.fields(e, EVIDENCE_FIELDS)

    def discovered(self, found: dict[str, Entity]) -> dict[str, Entity]:
        return {self(eid): self(entity) for eid, entity in found.items()}
