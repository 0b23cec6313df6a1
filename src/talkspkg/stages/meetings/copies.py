"""Syndicated copies: articles that are near-copies of one another tell the same encounters.

A wire story republished by several outlets, or one report relaid out by another site, puts
several articles with the same sentences in one corpus. Merging (merge.py) links reports of
different articles through a date, a city or two shared people; the same undated report told
by four copies links through none of these, so it stays apart once per copy. Policy:

* Per article (`sketch`): every sentence of at least MIN_WORDS words, normalised (case folded,
  words only), is hashed (blake2b, 4 bytes); the SKETCH smallest hashes are kept (a bottom-k
  sketch: the whole set for an article of up to SKETCH such sentences, an even sample of a
  longer one). A dateline, a byline, a credit or a site's furniture changes a line or two, not
  the story's sentences.
* Two articles are copies (`copy_pairs`) when the SKETCH smallest hashes of their union hold
  MIN_SHARED or more hashes of both, and at least COPY_SHARE of them (their sentence sets'
  Jaccard index, estimated): most of their sentences are the same. Pairs are proposed by the
  CANDIDATES smallest hashes of each article; a sentence shared by more than COMMON articles
  (boilerplate, a background line every story repeats) proposes none.
* A report of an article and a report of a copy are counterparts (`Copies.counterparts`) when
  they have the same signature (scope, caption or prose, place, form, parties, and the triggers
  of their sentences in order) and the same rank among their article's reports of that
  signature: the same sentences telling the same encounter. merge.py puts a report with its
  counterparts' meeting when they are all in one and nothing contradicts it there (form, place,
  overlapping dates, a plan told as held): what the copy it repeats decided, not a new link.
  Two meetings of the same people in one city on different dates stay apart: their reports'
  dates contradict, and two reports of different sentences are no counterparts.

Deterministic (hashes of the text, orders by article id) and cheap: the sketches are a few
hundred bytes an article, candidate pairs come from the articles sharing a hash.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from talkspkg.stages.meetings.merge import Report

MIN_WORDS = 6  # shorter sentences ("Read more.", a caption credit) say little of the story
SKETCH = 32  # hashes kept per article
MIN_SHARED = 3  # hashes of both in the union's sketch: three sentences at least
COPY_SHARE = 0.6  # of the union's sketch, the share in both
COMMON = 64  # a hash held by more articles proposes no pair
CANDIDATES = 8  # an article's smallest hashes that propose pairs

_WORD = re.compile(r"\w+")
_HASH_BYTES = 4


def sketch(text: str, spans: Iterable[tuple[int, int]]) -> bytes:
    """The article's bottom-SKETCH sketch of its sentences `text[a:b]`, as big-endian hashes."""
    hashes: set[int] = set()
    for a, b in spans:
        words = _WORD.findall(text[a:b].casefold())
        if len(words) >= MIN_WORDS:
            digest = hashlib.blake2b(" ".join(words).encode(), digest_size=_HASH_BYTES).digest()
            hashes.add(int.from_bytes(digest, "big"))
    return b"".join(h.to_bytes(_HASH_BYTES, "big") for h in sorted(hashes)[:SKETCH])


def hashes_of(sk: bytes) -> tuple[int, ...]:
    return tuple(
        int.from_bytes(sk[i : i + _HASH_BYTES], "big") for i in range(0, len(sk), _HASH_BYTES)
    )


def similar(a: Collection[int], b: Collection[int]) -> bool:
    """Whether two sketches are of copies (see the policy)."""
    mine, theirs = (x if isinstance(x, frozenset) else frozenset(x) for x in (a, b))
    shared = mine & theirs
    if len(shared) < MIN_SHARED:
        return False
    # the union's SKETCH smallest hashes, and how many of them both hold: all of it when the
    # union is no larger, else those up to its SKETCH-th smallest (hashes are distinct)
    size = len(mine) + len(theirs) - len(shared)
    if size <= SKETCH:
        both = len(shared)
    else:
        last = sorted(mine | theirs)[SKETCH - 1]
        both = sum(1 for h in shared if h <= last)
        size = SKETCH
    return both >= MIN_SHARED and both >= COPY_SHARE * size


@dataclass(frozen=True)
class CopyMemo:
    """What `copy_pairs` found in a corpus: every article's sketch, and the pairs of copies
    (each pair once, its ids in order). A rebuild hands it back (`previous`) and has only
    the pairs the changed articles may form judged again."""

    sketches: dict[str, bytes]
    pairs: frozenset[tuple[str, str]]


class CopyKeeper(Protocol):
    """Where a build keeps the `CopyMemo` of its corpus between builds (the cache's folder of
    the code that made it: the policy's constants are the same)."""

    def previous(self) -> CopyMemo | None: ...

    def keep(self, memo: CopyMemo) -> None: ...


def copy_pairs(sketches: dict[str, bytes]) -> dict[str, list[str]]:
    """Each article's copies (sorted ids), of the articles whose sketches are given.

    Candidates are the articles sharing one of an article's CANDIDATES smallest hashes (of
    copies, the smallest hashes are mostly the same: each is in both with the probability of
    their Jaccard index), each pair judged once by `similar`: at most CANDIDATES * COMMON
    candidates an article."""
    return copies_of(find_copies(sketches).pairs)


def find_copies(sketches: dict[str, bytes], previous: CopyMemo | None = None) -> CopyMemo:
    """The `CopyMemo` of `sketches`: the pairs `copy_pairs` finds. With the memo of another
    corpus (`previous`, found by this same code), a pair is judged again only when an article
    of it is new or changed, or it is proposed by a hash whose articles changed; every other
    pair proposed now was proposed then, by the same articles, so it is a copy now exactly when
    it was then (same sketches, same judgment)."""
    held = {aid: hashes_of(sk) for aid, sk in sorted(sketches.items()) if sk}
    postings: dict[int, list[str]] = {}
    for aid, hs in held.items():
        for h in hs[:CANDIDATES]:
            postings.setdefault(h, []).append(aid)
    sets = {aid: frozenset(hs) for aid, hs in held.items()}
    memo = CopyMemo({aid: sketches[aid] for aid in held}, frozenset())
    if previous is None:
        pairs: set[tuple[str, str]] = set()
        for ids in postings.values():
            if len(ids) <= COMMON:
                pairs.update((a, b) for i, a in enumerate(ids) for b in ids[i + 1 :])
        found = {(a, b) for a, b in pairs if similar(sets[a], sets[b])}
        return CopyMemo(memo.sketches, frozenset(found))
    old = previous.sketches
    changed = {a for a in old.keys() | memo.sketches.keys() if old.get(a) != memo.sketches.get(a)}
    touched = {  # the hashes whose articles changed: their postings may differ from then
        h
        for a in changed
        for sk in (old.get(a), memo.sketches.get(a))
        if sk
        for h in hashes_of(sk)[:CANDIDATES]
    }

    def proposed_then(a: str, b: str) -> bool:
        """Proposed now by a posting as it was then (of no touched hash)."""
        mine = held[a][:CANDIDATES]
        return any(
            h in mine and h not in touched and len(postings[h]) <= COMMON
            for h in held[b][:CANDIDATES]
        )

    found = {p for p in previous.pairs if p[0] in held and p[1] in held and proposed_then(*p)}
    for h in touched:
        ids = postings.get(h, [])
        if len(ids) > COMMON:
            continue
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                if not proposed_then(a, b) and similar(sets[a], sets[b]):
                    found.add((a, b))
    return CopyMemo(memo.sketches, frozenset(found))


def copies_of(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Each article's copies (sorted ids), of `pairs` of copies."""
    out: dict[str, list[str]] = {}
    for a, b in sorted(pairs):
        out.setdefault(a, []).append(b)
        out.setdefault(b, []).append(a)
    return {a: sorted(bs) for a, bs in out.items()}


Signature = tuple[object, ...]


def signature(r: Report) -> Signature:
    return (
        r.scope,
        r.caption,
        r.place_id,
        r.format,
        r.parties,
        tuple(m.trigger for m in r.mentions),
    )


class Copies:
    """The copies of each article of a corpus, and each report's counterparts in them. With a
    `keeper`, the pairs are found from the memo it kept of an earlier build (`find_copies`),
    and this corpus's memo is kept in its place."""

    def __init__(self, reports: Sequence[Report], keeper: CopyKeeper | None = None) -> None:
        sketches = {r.article_id: r.mentions[0].sketch for r in reports}
        memo = find_copies(sketches, keeper.previous() if keeper is not None else None)
        if keeper is not None:
            keeper.keep(memo)
        self.of = copies_of(memo.pairs)
        self._key: dict[Report, tuple[Signature, int]] = {}
        self._by_key: dict[tuple[str, Signature, int], Report] = {}
        ranks: dict[tuple[str, Signature], int] = {}
        for r in sorted(reports, key=lambda r: (r.article_id, r.mentions[0].start)):
            if r.article_id not in self.of:
                continue
            sig = signature(r)
            rank = ranks[(r.article_id, sig)] = ranks.get((r.article_id, sig), -1) + 1
            self._key[r] = (sig, rank)
            self._by_key[(r.article_id, sig, rank)] = r

    def counterparts(self, r: Report) -> list[Report]:
        """The reports of `r`'s copies that tell what `r` tells (see the policy)."""
        key = self._key.get(r)
        if key is None:
            return []
        found = (self._by_key.get((b, *key)) for b in self.of.get(r.article_id, ()))
        return [x for x in found if x is not None]
