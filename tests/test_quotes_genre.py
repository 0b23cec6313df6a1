"""Speakers across an article, by genre: prose interviews, Q&A lines, quotations running over
paragraphs, descriptions and pronouns whose antecedent is paragraphs back, quoted names that are
no speech. The mini-articles (tests/data/quotes_genre.yaml, quotes_crosswritten.yaml) were
written for these tests; each lists the rows a careful coder records (start of the quoted
words, speaker) and the quoted words that must not be rows. See stages/quotes/profile.py,
attribute.py and discourse.py."""

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
DATA = Path(__file__).resolve().parent / "data"
# quotes_crosswritten.yaml: the second set, written for the cross-written round (its header)
ARTICLES = {
    article_id: article
    for name in ("quotes_genre.yaml", "quotes_crosswritten.yaml")
    for article_id, article in yaml.safe_load((DATA / name).read_text(encoding="utf-8"))[
        "articles"
    ].items()
}


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
def test_quoted_names_and_slogans_are_no_rows(article_id: str) -> None:
    absent = ARTICLES[article_id].get("absent", [])
    assert [r.text for r in extract(article_id) if r.text.startswith(tuple(absent))] == []


@pytest.mark.parametrize("article_id", sorted(ARTICLES))
def test_rows_resolved_by_a_description_profile_stay_below_the_confident_band(
    article_id: str,
) -> None:
    for r in extract(article_id):
        if r.resolution == "fallback":
            assert r.confidence < 0.8


@pytest.mark.parametrize("article_id", sorted(ARTICLES))
def test_no_quotation_goes_to_a_speaker_a_negative_excludes(article_id: str) -> None:
    rows = extract(article_id)
    wrong = [
        (start, speaker)
        for start, speaker in ARTICLES[article_id].get("not_speaker", [])
        for r in rows
        if r.text.startswith(start) and r.speaker_id == speaker
    ]
    assert wrong == []
