"""The per-article annotation cache: a rebuild re-annotates only the articles that changed.

Annotating an article is a pure function of its raw text, its file name (the article id), its
`sources.yaml` entry, the knowledge files and the code. An entry is stored under the sha256 of
all of these: the article's part (id, raw bytes' sha256, source entry) and the *fingerprint*,
one hash of every file of the installed talkspkg and of the Python version
(so editing a rule, a knowledge file or the code misses every entry, and nothing else does).
What is stored is what the corpus stages read: the article's rows and its discovered entities,
term evidence and meeting mentions; the corpus stages (entity merge, meetings, proposals) always
run again over every article, so the package is byte-identical with or without the cache.

Beside the entries, each batch of articles (talkspkg.pipeline.annotate_batch) is kept whole,
as the build's process reads it (Arrow tables and spill records), under the keys of its
articles: `<cache dir>/<fingerprint>/batches/<key>.pickle`. A rebuild that adds, changes or
removes an article reads every other batch in one file each, and makes again only the batch
that article falls in (batches are cut where the articles' ids say, not every N articles); a
build removes the kept batches it did not use. The meetings stage keeps there the near-copies
it found (`<fingerprint>/corpus/copies.pickle`: talkspkg.stages.meetings.copies.CopyMemo), so
that a rebuild judges only the pairs of articles that changed.

Layout: `<cache dir>/<fingerprint>/<key>.pickle`, written atomically (a temporary file
renamed), so parallel workers and an interrupted build never leave a half entry. A build keeps
the folders of its fingerprint and of the two most recently used others (a maintainer switching
branches), and removes older ones. The folder is the user's own (`.talkspkg-cache/` by default,
git-ignored): entries are pickles, read only from there.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DEFAULT_DIR = Path(".talkspkg-cache")
KEEP_OTHER_RULESETS = 2
BATCHES = "batches"  # the folder of kept batches inside a fingerprint's
CORPUS = "corpus"  # the folder of what the corpus stages keep from one build to the next


@cache
def fingerprint(package_dir: Path | None = None) -> str:
    """sha256 of every file of the installed talkspkg (modules, knowledge files of any
    extension, data; paths and bytes) and of the Python version: what, beyond the article, the
    annotation may depend on."""
    root = package_dir or Path(__file__).resolve().parent
    digest = hashlib.sha256(f"python {sys.version_info[0]}.{sys.version_info[1]}\n".encode())
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(f"{path.relative_to(root).as_posix()}\n".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@dataclass(frozen=True)
class ArticleCache:
    """The entries of one fingerprint in `root` (picklable: workers open it by path)."""

    root: Path
    ruleset: str

    @classmethod
    def open(cls, root: Path) -> ArticleCache:
        return cls(root, fingerprint())

    @property
    def folder(self) -> Path:
        return self.root / self.ruleset

    def key(self, article_id: str, raw_sha256: str, source: Mapping[str, Any]) -> str:
        entry = json.dumps(source, sort_keys=True, default=str, ensure_ascii=False)
        part = f"{self.ruleset}\n{article_id}\n{raw_sha256}\n{entry}"
        return hashlib.sha256(part.encode()).hexdigest()

    def get(self, key: str) -> Any | None:
        """The stored value, or None when absent or unreadable (then it is recomputed)."""
        try:
            with open(self.folder / f"{key}.pickle", "rb") as stream:
                return pickle.load(stream)
        except FileNotFoundError:
            return None
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None  # a damaged or foreign entry: recompute, and overwrite it

    def put(self, key: str, value: Any) -> None:
        """Store `value` atomically; a cache that cannot be written is skipped, not fatal."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".pickle")
            with os.fdopen(fd, "wb") as stream:
                pickle.dump(value, stream, protocol=5)
            os.replace(tmp, self.folder / f"{key}.pickle")
        except OSError:
            return

    def batches(self) -> ArticleCache:
        """The kept batches of this fingerprint (talkspkg.pipeline.annotate_batch: a batch's
        articles read back whole, not entry by entry), in a folder of their own inside it."""
        return ArticleCache(self.folder, BATCHES)

    def corpus(self) -> ArticleCache:
        """What the corpus stages of this fingerprint keep between builds (talkspkg.pipeline:
        the near-copies the meetings stage found), in a folder of its own inside it."""
        return ArticleCache(self.folder, CORPUS)

    def prune_batches(self, used: set[str]) -> None:
        """Remove the kept batches but those of `used` (the keys a build just read or wrote):
        each rebuild that adds an article makes a new batch of the one it falls in, and the
        old one would otherwise stay for good."""
        try:
            kept = list(self.batches().folder.glob("*.pickle"))
        except OSError:
            return
        for path in kept:
            if path.stem not in used:
                path.unlink(missing_ok=True)

    def prune(self) -> None:
        """Remove the folders of all but this and the most recently used other fingerprints."""
        try:
            if self.folder.is_dir():
                os.utime(self.folder)  # used now
            others = [p for p in self.root.iterdir() if p.is_dir() and p.name != self.ruleset]
        except OSError:
            return
        others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[KEEP_OTHER_RULESETS:]:
            shutil.rmtree(old, ignore_errors=True)
