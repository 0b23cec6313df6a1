"""Who holds a title on a date: the one resolver every stage asks about role phrases.

A role phrase with nobody named ("the Kremlin spokesman", "Russia's foreign minister", "the US
secretary of state") designates whoever held the office when the article was written. The
knowledge base (entities.yaml `titles`) states, per person, the titles of each office with the
span it vouches for: `from` .. `until` when both are public record, `from` .. `known_until`
when the tenure's end is not known (the knowledge stops there, the tenure may not), and the
file's `titles_vouched` span for a title given without dates.

Policy (precision first: a wrong holder makes a confident wrong row):
- the phrase is compared as a key: lowercase, curly apostrophes straight, dots dropped, spaces
  collapsed, a leading "the"/"his"/"her"/"their" dropped ("The U.S. Secretary of State" ->
  "us secretary of state"); only a title the knowledge base lists matches;
- the holder is the one person with a tenure of that title whose vouched span contains the date;
- an article without a date: the one person the article names (mentions) who holds the title
  in any tenure ("Jane Doe ... the Taoiseach said"); else None;
- None when no tenure's span contains the date (before a `from`, after an
  `until` or a `known_until`), and when several people may hold the title on that date
  (overlapping tenures: the knowledge base cannot tell them apart).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection
from datetime import date
from functools import cache

from talkspkg.kb import KnowledgeBase

_DETERMINERS = ("the", "his", "her", "their")


def title_key(phrase: str) -> str:
    """The form titles are compared in ("The U.S. Secretary of State" -> "us secretary of
    state")."""
    words = re.sub(r"\.", "", phrase.replace("’", "'")).lower().split()
    if words[:1] and words[0] in _DETERMINERS:
        words = words[1:]
    return " ".join(words)


@cache
def _spans(kb: KnowledgeBase) -> dict[str, tuple[tuple[str, date, date], ...]]:
    """Title key -> (person id, first vouched date, last vouched date) of every tenure."""
    found: dict[str, list[tuple[str, date, date]]] = defaultdict(list)
    default = kb.titles_vouched
    for e in kb.entities.values():
        if e.entity_type != "person":
            continue
        for tenure in e.tenures:
            lo = tenure.start or (default[0] if default else None)
            hi = tenure.until or tenure.known_until
            if tenure.start is None and hi is None and default is not None:
                hi = default[1]  # an undated title: the file's span
            if lo is None or hi is None:
                continue  # vouched for no date
            for key in {title_key(t) for t in tenure.names}:
                found[key].append((e.entity_id, lo, hi))
    return {k: tuple(v) for k, v in found.items()}


def is_title(kb: KnowledgeBase, phrase: str) -> bool:
    """Is the phrase a title of the knowledge base, whoever holds it when?"""
    return title_key(phrase) in _spans(kb)


def title_holder(
    kb: KnowledgeBase, phrase: str, on: date | None, named: Collection[str] = ()
) -> str | None:
    """The one person holding the title `phrase` on date `on`, or None (see the policy).
    An article without a date may still name the holder: then the one person of `named` (the
    article's mentioned entities) who holds the title in any tenure."""
    spans = _spans(kb).get(title_key(phrase), ())
    if on is None:
        holders = {eid for eid, _, _ in spans if eid in named}
    else:
        holders = {eid for eid, lo, hi in spans if lo <= on <= hi}
    return holders.pop() if len(holders) == 1 else None
