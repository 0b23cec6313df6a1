"""The word counts the validator computed, kept beside the annotation cache for the next run.

Recounting an article's prose words runs the annotator's whole line walk (`lines.classify`):
a third of validate's time at 10,000 articles. The count is a pure function of the raw text
and the code, so a validation keeps what it counted in `<cache dir>/<fingerprint>/word-counts.json`
(the annotation cache's folder of the same code: `talkspkg.cache.fingerprint` hashes every file
of talkspkg, so editing a line rule misses every count, and pruning an old fingerprint removes
its counts too), keyed by the sha256 of the text's UTF-8 bytes, and the next validation (a
rebuild's) counts only the texts it has not seen. Only a caller that names the cache folder
uses it (the build, for its own validation): `talkspkg validate` opens nothing outside the
package it checks, so it recounts every text.

Only the validator's own counts are stored: the articles table's `word_count` is never read
into it, so the check stays a recount, done once per text and code. A store that cannot be read
is empty; one that cannot be written is skipped; concurrent writers each replace the file whole
(atomically), so the worst case is a count computed again.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import talkspkg.cache as cache

FILE = "word-counts.json"


@dataclass
class CountStore:
    """Prose word counts by the hex sha256 of a raw text, for one code fingerprint."""

    path: Path
    known: dict[str, int] = field(default_factory=dict)
    added: dict[str, int] = field(default_factory=dict)

    @classmethod
    def open(cls, cache_dir: Path) -> CountStore:
        path = cache_dir / cache.fingerprint() / FILE
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            loaded = {}
        known = (
            {k: v for k, v in loaded.items() if isinstance(k, str) and type(v) is int}
            if isinstance(loaded, dict)
            else {}
        )
        return cls(path, known)

    def get(self, sha256: str) -> int | None:
        return self.known.get(sha256)

    def add(self, sha256: str, count: int) -> None:
        if self.known.get(sha256) != count:
            self.added[sha256] = count

    def save(self) -> None:
        """Write the known and added counts (nothing when none was added)."""
        if not self.added:
            return
        merged = {**self.known, **self.added}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as stream:
                json.dump(merged, stream, sort_keys=True, separators=(",", ":"))
            os.replace(tmp, self.path)
        except OSError:
            return
        self.known, self.added = merged, {}
