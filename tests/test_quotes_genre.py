"""Speakers across an article, by genre: prose interviews, Q&A lines, quotations running over
paragraphs, descriptions and pronouns whose antecedent is paragraphs back, quoted names that are
no speech. The mini-articles (tests/data/quotes_genre.yaml, quotes_crosswritten.yaml) were
written for these tests; each lists the rows a careful coder records (start of the quoted
words, speaker) and the quoted words that must not be rows. See stages/quotes/profile.py,
attribute.py and discourse.py."""

from __future__ import annotations

import pytest
from quote_sets import extract, load_sets, speakers

from talkspkg.stages.quotes import Quote

# quotes_crosswritten.yaml: the second set, written for the cross-written round (its header)
ARTICLES = load_sets("quotes_genre.yaml", "quotes_crosswritten.yaml")


def rows_of(article_id: str) -> list[Quote]:
    return extract(article_id, ARTICLES[article_id]["text"])


@pytest.mark.parametrize("article_id", sorted(ARTICLES))
def test_every_expected_quotation_has_its_speaker(article_id: str) -> None:
    got = speakers(rows_of(article_id), ARTICLES[article_id].get("expect", []))
    assert got == [(start, speaker) for start, speaker, _ in ARTICLES[article_id]["expect"]]


@pytest.mark.parametrize("article_id", sorted(ARTICLES))
def test_quoted_names_and_slogans_are_no_rows(article_id: str) -> None:
    absent = ARTICLES[article_id].get("absent", [])
    assert [r.text for r in rows_of(article_id) if r.text.startswith(tuple(absent))] == []


@pytest.mark.parametrize("article_id", sorted(ARTICLES))
def test_rows_resolved_by_a_description_profile_stay_below_the_confident_band(
    article_id: str,
) -> None:
    for r in rows_of(article_id):
        if r.resolution == "fallback":
            assert r.confidence < 0.8


@pytest.mark.parametrize("article_id", sorted(ARTICLES))
def test_no_quotation_goes_to_a_speaker_a_negative_excludes(article_id: str) -> None:
    rows = rows_of(article_id)
    wrong = [
        (start, speaker)
        for start, speaker in ARTICLES[article_id].get("not_speaker", [])
        for r in rows
        if r.text.startswith(start) and r.speaker_id == speaker
    ]
    assert wrong == []
