"""Invented mini-article sets for quote tests (tests/data/quotes_*.yaml): each article's text,
the rows a careful coder records (start of the quoted words, speaker, note) and the quoted words
that must not be rows. Shared by the tests that read such a set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from talkspkg.kb import load_knowledge
from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.mentions import mentions
from talkspkg.stages.quotes import Quote, quotes

KB = load_knowledge()
DATA = Path(__file__).resolve().parent / "data"


def load_sets(*names: str) -> dict[str, dict[str, Any]]:
    """The articles of the named set files, by article id."""
    return {
        article_id: article
        for name in names
        for article_id, article in yaml.safe_load((DATA / name).read_text(encoding="utf-8"))[
            "articles"
        ].items()
    }


def extract(article_id: str, text: str) -> list[Quote]:
    """The quotes stage's rows for one invented article."""
    article = make_article(RawFile(Path(f"raw/{article_id}.txt"), article_id, text, "0" * 64))
    return quotes(article, KB, mentions(article, KB))


def annotate(*paragraphs: str) -> list[Quote]:
    """The quotes stage's rows for an article of these paragraphs under a test headline."""
    text = "Test headline\n\n" + "\n\n".join(paragraphs) + "\n"
    article = make_article(RawFile(Path("raw/t.txt"), "t", text, "0" * 64))
    return quotes(article, KB, mentions(article, KB))


def speakers(rows: list[Quote], expect: list[list[str]]) -> list[tuple[str, str | None]]:
    """For each expected row (start, speaker, note): its start and the speaker found for the
    first row starting so, or "(missing)"."""
    got: list[tuple[str, str | None]] = []
    for start, _speaker, _ in expect:
        found = [r for r in rows if r.text.startswith(start)]
        got.append((start, found[0].speaker_id if found else "(missing)"))
    return got
