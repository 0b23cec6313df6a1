"""Short and partial quotations (stages/quotes/attribute.py, scare-quote policy): quoted words
in the complement of a speech or characterisation verb whose subject is a person are rows with
that speaker, also as the head of a reported clause's subject (the “road to peace” must ...) and
as what a characterisation verb puts "as" something (portraying it as a “humanitarian” gesture);
labels, titles, words mentioned and modifiers nobody is said to utter are not. Invented
sentences, other names and verbs than any article."""

from __future__ import annotations

from pathlib import Path

import pytest

from talkspkg.kb import load_knowledge
from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.mentions import mentions
from talkspkg.stages.quotes import Quote, quotes

KB = load_knowledge()

TAKEN = [
    ('Sergei Lavrov warned that the "security architecture" of Europe was at stake.', "lavrov"),
    ('Viktor Orban warned that the "road to peace" must not run through Brussels.', "orban"),
    ('Kaja Kallas said the "next step" could only come after a ceasefire.', "kallas"),
    ('Marco Rubio described the talks as "productive" and said more work was needed.', "rubio"),
    ('Dmitry Peskov described the offer as an "important" step towards a settlement.', "peskov"),
    ('Emmanuel Macron hailed the talks in Riyadh as a "decisive" moment.', "macron"),
    ('Sergei Lavrov dismissed the proposal as a "non-starter" on Monday.', "lavrov"),
    ('Vladimir Putin announced a pause, portraying it as a "goodwill" gesture.', "putin"),
    ('Kaja Kallas called for "maximum pressure" on the Kremlin before any summit.', "kallas"),
    ('Dmitry Peskov said the meeting had been "useful" but gave no details.', "peskov"),
    ('Friedrich Merz told reporters that a "real ceasefire" had to come first.', "merz"),
    ('Keir Starmer urged "steady nerves" in the days ahead.', "starmer"),
    ('Recep Tayyip Erdogan promised a "fair process" for both delegations.', "erdogan"),
    ('In Kaja Kallas\'s words, the offer was "a trap".', "kallas"),
    ('Sergei Lavrov warned of "grave consequences" if the troops were deployed.', "lavrov"),
    ('Marco Rubio accused Moscow of "stalling" in the talks.', "rubio"),
    ('Andrii Sybiha said the deal was "a good start".', "sybiha"),
    ('Emmanuel Macron branded the strike "barbaric".', "macron"),
]

LEFT_OUT = [
    'Ministers met in London for the so-called "peace plan" talks on Tuesday.',
    'The leaders of the "coalition of the willing" met in Paris on Thursday.',
    'Emmanuel Macron said the "Board of Peace" would meet again in March.',
    'Analysts said the word "capitulation" was heard often in Kyiv.',
    'Keir Starmer used the term "coalition" twice in his speech.',
    'Viktor Orban avoided the phrase "security guarantees" throughout the interview.',
    'The talks produced a "framework" that nobody has yet published.',
    'Sergei Lavrov spoke at the launch of the book "Endless War" in Moscow.',
    'Marco Rubio said the "Operation Eastern Shield" drills would continue.',
    'Ministers described a "final" offer tabled in Geneva.',
    'Emmanuel Macron said the "final" offer would be tabled soon.',
    'The talks, seen as a "last chance" by diplomats in Kyiv, ended early.',
    'Marco Rubio arrived as the "special" envoy lost influence.',
    'Emmanuel Macron said the deal, described as a "historic" step by some, was close.',
    'Emmanuel Macron said the truce was portrayed by Moscow as a "goodwill" gesture.',
]


def extract(sentence: str) -> list[Quote]:
    text = f"Talks latest\n\n{sentence}\n\nMore talks are expected next week.\n"
    article = make_article(RawFile(Path("raw/short.txt"), "short", text, "0" * 64))
    return quotes(article, KB, mentions(article, KB))


@pytest.mark.parametrize(("sentence", "speaker"), TAKEN)
def test_short_quotation_of_a_speech_complement_is_a_row(sentence: str, speaker: str) -> None:
    quoted = sentence.split('"')[1]
    rows = [r for r in extract(sentence) if r.text == quoted]
    assert [speaker in (r.speaker_id or "") for r in rows] == [True]
    assert rows[0].confidence < 1.0


@pytest.mark.parametrize("sentence", LEFT_OUT)
def test_labels_titles_mentions_and_modifiers_are_no_row(sentence: str) -> None:
    quoted = sentence.split('"')[1]
    assert [r.text for r in extract(sentence) if r.text == quoted] == []


def test_a_quotation_read_as_a_phrase_head_is_less_certain_than_one_standing_alone() -> None:
    head = extract('Dmitry Peskov said the "next round" could start soon.')
    alone = extract('Dmitry Peskov said the meeting had been "useful" but gave no details.')
    assert [(r.rule, r.speaker_id) for r in head] == [(r.rule, r.speaker_id) for r in alone]
    assert head[0].confidence < alone[0].confidence
