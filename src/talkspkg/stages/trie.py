"""A regular expression for a large set of literal strings, factored as a trie.

Python's `re` tries the alternatives of `a|b|c...` one by one at every position; with hundreds
of names that dominates annotation time. Factoring common prefixes (`Zelensk(?:y|yy|iy)`) makes
each position cost a few character tests. Where a word ends inside a longer one the rest is an
optional greedy group, so a match is still the longest surface starting at that position
(backtracking to a shorter one when the caller's trailing word boundary fails).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_END = ""


def trie_pattern(words: Iterable[str]) -> str:
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _render(trie)


def _render(node: dict[str, Any]) -> str:
    branches = []
    for ch in sorted(k for k in node if k != _END):
        branches.append(re.escape(ch) + _render(node[ch]))
    if _END in node:
        if not branches:
            return ""
        body = "|".join(branches)
        return f"(?:{body})?"
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"
