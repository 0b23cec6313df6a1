"""Subheadings and key-point lines that quote ("Zelensky: ‘We are bringing them home’",
"Kremlin calls plan ‘unacceptable’"): a short line ending with its quotation and with no
sentence end is a heading, whose quotation is no row (the gold guideline: quotations in
headlines and subheadings are none). Body sentences, which end with a full stop, keep theirs.
Live-blog entries written for this test; see stages/quotes/attribute.py (`_heading`)."""

from __future__ import annotations

from pathlib import Path

from talkspkg.kb import load_knowledge
from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.mentions import mentions
from talkspkg.stages.quotes import Quote, quotes

KB = load_knowledge()


def annotate(*paragraphs: str) -> list[Quote]:
    text = "Ukraine war live: envoys meet again\n\n" + "\n\n".join(paragraphs) + "\n"
    article = make_article(RawFile(Path("raw/t.txt"), "t", text, "0" * 64))
    return quotes(article, KB, mentions(article, KB))


def test_live_blog_entry_headings_that_quote_are_no_rows() -> None:
    rows = annotate(
        "Key points",
        "Peskov says European plan “unacceptable”",
        "Posted at 15:20",
        "Peskov: European plan ‘unacceptable’",
        "“What the Europeans propose ignores the realities on the ground,” Kremlin spokesman "
        "Dmitry Peskov told reporters.",
        "Posted at 14:10",
        "Sybiha: 'We are ready for any format'",
        "Ukraine's foreign minister Andrii Sybiha wrote on X that Kyiv was ready for talks "
        '"in any format, at any level".',
    )
    assert [(r.text, r.speaker_id) for r in rows] == [
        ("What the Europeans propose ignores the realities on the ground", "dmitry-peskov"),
        ("in any format, at any level", "andrii-sybiha"),
    ]


def test_body_sentences_ending_with_a_quotation_keep_it() -> None:
    rows = annotate(
        "Kremlin spokesman Dmitry Peskov called the plan “unacceptable”.",
        "Kaja Kallas said Europe would not be “a spectator”, and left for Brussels.",
        'Asked about the talks, Andrii Sybiha replied: "We are ready for any format!"',
    )
    assert [(r.text, r.speaker_id) for r in rows] == [
        ("unacceptable", "dmitry-peskov"),
        ("a spectator", "kaja-kallas"),
        ("We are ready for any format!", "andrii-sybiha"),
    ]


def test_a_short_line_closed_by_a_guillemet_is_body_text_in_a_hard_wrapped_article() -> None:
    rows = annotate(
        'Kaja Kallas said the bloc was ready to "do more, and faster" in Brussels.',
        "Peskov said: «Contacts continue at the expert level.»",
        'Sergei Ryabkov said Moscow was "not interested in a ceasefire that is just a pause"\n'
        'and added that Europe should "stay out".',
    )
    assert [(r.text, r.speaker_id) for r in rows] == [
        ("do more, and faster", "kaja-kallas"),
        ("Contacts continue at the expert level.", "dmitry-peskov"),
        ("not interested in a ceasefire that is just a pause", "sergei-ryabkov"),
        ("stay out", "sergei-ryabkov"),
    ]
