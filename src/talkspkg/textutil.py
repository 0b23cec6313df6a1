"""Small text helpers shared by the raw reader and the stages."""

from __future__ import annotations

import re
import unicodedata


def slug(text: str) -> str:
    """`Élysée Palace` -> `elysee-palace`: ASCII-folded, lowercase, runs of other chars -> '-'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
