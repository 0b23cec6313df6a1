"""An article's text as trimmed non-blank lines, and the word and markdown shapes the line rules
share.

Policy: offsets index the text as given. Lines end at "\\n", "\\r\\n" or a lone "\\r";
whitespace, a BOM and zero-width spaces are trimmed from segment edges, never removed from the
text.
"""

from __future__ import annotations

import re
from itertools import filterfalse

MD_LINK_RE = re.compile(r"\[([^\[\]]*)\]\([^()\s\]]*\)")  # classes exclude openers: linear
MD_TARGET_RE = re.compile(r"\]\([^()\s\]]*\)")
MD_HEADING_RE = re.compile(r"#{1,6}\s")
WORD_RE = re.compile(r"\w+(?:['’]\w+)*")
_LINE_RE = re.compile(r"[^\r\n]+")
# every str.isspace() character (none lies above U+3000) plus BOM and zero-width space
TRIM = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + "\ufeff\u200b"


def nonblank_lines(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """(start, end) and text of every non-blank line, edges trimmed of whitespace/invisibles."""
    spans, lines = [], []
    if "\r" in text:
        pieces = ((m.start(), m.group()) for m in _LINE_RE.finditer(text))
    else:  # str.split is much faster than a regex scan
        pieces, pos = [], 0
        for raw in text.split("\n"):
            pieces.append((pos, raw))
            pos += len(raw) + 1
    for pos, raw in pieces:
        if left := raw.lstrip(TRIM):
            line = left.rstrip(TRIM)
            start = pos + len(raw) - len(left)
            spans.append((start, start + len(line)))
            lines.append(line)
    return spans, lines


def nwords(s: str, cap: int) -> int:
    """Number of words in `s`, counted no further than cap + 1."""
    return len(s.split(None, cap))


def count_words(text: str) -> int:
    """`len(WORD_RE.findall(text))`, a third as costly on prose. A word never holds whitespace
    (`\\w` and the apostrophes are no `str.isspace` character), so each is inside one
    whitespace-separated token; a token of `str.isalnum` characters alone (`\\w` is
    `str.isalnum` or "_") is one word, and only the other tokens ("peace,", "Putin’s") are
    matched, joined by spaces."""
    tokens = text.split()
    rest = list(filterfalse(str.isalnum, tokens))
    return len(tokens) - len(rest) + (len(WORD_RE.findall(" ".join(rest))) if rest else 0)
