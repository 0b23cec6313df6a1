"""Speakers on invented articles in the layouts real articles use (tests/data/quotes_round19.yaml,
its header): every expected row with its speaker, no quoted heading or unmarked answer as a
row, no speaker a negative excludes, and rows found by a fallback below the confident band."""

from __future__ import annotations

import pytest
from quote_sets import extract, load_sets, speakers

from talkspkg.stages.quotes import Quote

ARTICLES = load_sets("quotes_round19.yaml")


def rows_of(article_id: str) -> list[Quote]:
    return extract(article_id, ARTICLES[article_id]["text"])


@pytest.mark.parametrize("article_id", sorted(ARTICLES))
def test_every_expected_quotation_has_its_speaker(article_id: str) -> None:
    got = speakers(rows_of(article_id), ARTICLES[article_id].get("expect", []))
    assert got == [(start, speaker) for start, speaker, _ in ARTICLES[article_id]["expect"]]


@pytest.mark.parametrize("article_id", sorted(ARTICLES))
def test_no_row_for_headings_and_negatives(article_id: str) -> None:
    rows = rows_of(article_id)
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
    assert all(r.confidence < 0.8 for r in rows_of(article_id) if r.resolution == "fallback")
