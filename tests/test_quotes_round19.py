"""Speakers on invented articles in the layouts real articles use (tests/data/quotes_round19.yaml,
its header): every expected row with its speaker, no quoted heading or unmarked answer as a
row, no speaker a negative excludes, and rows found by a fallback below the confident band."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from talkspkg.kb import load_knowledge
from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.mentions import mentions
from talkspkg.stages.quotes import Quote, quotes

KB = load_knowledge()
DATA = Path(__file__).resolve().parent / "data" / "quotes_round19.yaml"
ARTICLES = yaml.safe_load(DATA.read_text(encoding="utf-8"))["articles"]


def extract(article_id: str) -> list[Quote]:
    text = ARTICLES[article_id]["text"]
    article = make_article(RawFile(Path(f"raw/{article_id}.txt"), article_id, text, "0" * 64))
    return quotes(article, KB, mentions(article, KB))


@pytest.mark.parametrize("article_id", sorted(ARTICLES))
def test_every_expected_quotation_has_its_speaker(article_id: str) -> None:
    rows = extract(article_id)
    got = []
    for start, _speaker, _ in ARTICLES[article_id].get("expect", []):
        found = [r for r in rows if r.text.startswith(start)]
        got.append((start, found[0].speaker_id if found else "(missing)"))
    assert got == [(start, speaker) for start, speaker, _ in ARTICLES[article_id]["expect"]]


@pytest.mark.parametrize("article_id", sorted(ARTICLES))
def test_no_row_for_headings_and_negatives(article_id: str) -> None:
    rows = extract(article_id)
    absent = tuple(ARTICLES[article_id].get("absent", []))
    assert [r.text for r in rows if absent and r.text.startswith(absent)] == []
    wrong = [
        (start, speaker)
        for start, speaker in ARTICLES[article_id].get("not_speaker", [])
        for r in rows
        if r.text.startswith(start) and r.speaker_id == speaker
    ]
    assert wrong == []


@pytest.mark.parametrize("article_id", sorted(ARTICLES))
def test_fallback_rows_stay_below_the_confident_band(article_id: str) -> None:
    assert all(r.confidence < 0.8 for r in extract(article_id) if r.resolution == "fallback")
