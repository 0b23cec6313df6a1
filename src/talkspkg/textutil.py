"""Small text helpers shared by the raw reader and the stages."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile("['\u2018\u2019\u02bc]")


_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """`Élysée Palace` -> `elysee-palace`: ASCII-folded, lowercase, runs of other chars -> '-'.
    Apostrophes, straight or curly, are dropped (`O’Neill` and `O'Neill` -> `oneill`): one name
    typed two ways is one id."""
    text = _APOSTROPHES.sub("", text)
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_SLUG.sub("-", folded.lower()).strip("-")
