"""The lower-confidence fallbacks (stages/quotes/fallback.py): where the strict rules leave a row
without a speaker, each fallback answers where it should, with resolution `fallback` and a
confidence below 0.8, and declines where a reader could not tell who spoke."""

from __future__ import annotations

from pathlib import Path

from quote_sets import annotate

from talkspkg.kb import load_knowledge
from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.mentions import mentions
from talkspkg.stages.quotes import Quote, quotes

KB = load_knowledge()


def row(rows: list[Quote], words: str) -> Quote:
    return next(q for q in rows if q.text.startswith(words))


def is_fallback(q: Quote, speaker: str) -> bool:
    return q.speaker_id == speaker and q.resolution == "fallback" and 0.5 <= q.confidence < 0.8


OPENING = (
    'Finnish envoy Mika Lahti said on Monday: "We will not sign a text that rewards aggression."'
)


# ---------------------------------------------------------------- passage: no cue, no inheritance


def test_quotation_without_cue_takes_the_speaker_of_the_previous_paragraph() -> None:
    rows = annotate(
        OPENING,
        'The round ended late on Tuesday, and "nobody should expect a quick deal before the '
        'winter sets in".',
    )
    q = row(rows, "nobody should")
    assert is_fallback(q, "mika-lahti")
    assert q.rule == "next-paragraph" and q.confidence == 0.6


def test_person_named_in_between_stops_the_passage_fallback() -> None:
    rows = annotate(
        OPENING,
        "The round ended late on Tuesday, after a call with the Estonian diplomat Kadri Saar, "
        'and "nobody should expect a quick deal before the winter sets in".',
    )
    q = row(rows, "nobody should")
    assert q.speaker_id != "mika-lahti" and q.resolution != "fallback"


def test_new_paragraph_with_a_new_topic_breaks_the_passage() -> None:
    rows = annotate(
        OPENING,
        "Fighting continued along the eastern front overnight.",
        'Energy prices rose again in the capital, and "households will be paying for '
        'this winter for years to come".',
    )
    q = row(rows, "households")
    assert q.speaker_id is None and q.rule == "unattributed"


def test_scare_quote_is_not_made_a_row_by_the_fallback() -> None:
    rows = annotate(OPENING, 'The mood in the room was "sombre".')
    assert not [q for q in rows if q.text == "sombre"]


def test_unnamed_speaker_is_not_replaced_by_the_passage_speaker() -> None:
    rows = annotate(OPENING, '"We are not there yet," a senior official said.')
    q = row(rows, "We are not")
    assert q.speaker_id is None and q.resolution == "unnamed"


# ---------------------------------------------------------------- pronoun: one gender fits


def test_she_after_a_coordinated_subject_is_the_one_woman() -> None:
    rows = annotate(
        "Foreign Minister Maria Lind and Defence Minister Peter Holm met in Oslo on Tuesday.",
        '"We have made real progress on the prisoner lists," she said.',
    )
    q = row(rows, "We have made")
    assert is_fallback(q, "maria-lind") and q.confidence == 0.65


def test_he_after_a_coordinated_subject_is_the_one_man() -> None:
    rows = annotate(
        "Foreign Minister Anna Berg and Defence Minister Tomas Keller held talks in Bern.",
        '"There is no agreement on the map yet," he told reporters.',
    )
    assert is_fallback(row(rows, "There is no"), "tomas-keller")


def test_two_women_coordinated_leave_she_null() -> None:
    rows = annotate(
        "Foreign Minister Maria Lind and Defence Minister Olga Petrova met in Oslo on Tuesday.",
        '"We have made real progress on the prisoner lists," she said.',
    )
    assert row(rows, "We have made").speaker_id is None


def test_pronoun_of_neither_gender_named_is_left_null() -> None:
    rows = annotate(
        "Foreign Minister Maria Lind and Defence Minister Olga Petrova met in Oslo on Tuesday.",
        '"We have made real progress on the prisoner lists," he said.',
    )
    assert row(rows, "We have made").speaker_id is None


def test_unknown_gender_among_the_candidates_leaves_the_pronoun_null() -> None:
    rows = annotate(
        "Foreign Minister Maria Lind and Defence Minister Joris Vandam met in Oslo on Tuesday.",
        '"We have made real progress on the prisoner lists," she said.',
    )
    assert row(rows, "We have made").speaker_id is None


def test_woman_named_only_inside_a_quotation_is_no_candidate() -> None:
    rows = annotate(
        "Foreign Minister Maria Lind and Defence Minister Peter Holm met in Oslo on Tuesday.",
        '"Olga Petrova was not invited, and that was a mistake," she said.',
    )
    assert is_fallback(row(rows, "Olga Petrova"), "maria-lind")


def test_possessive_person_is_no_candidate() -> None:
    rows = annotate(
        "Foreign Minister Maria Lind and Defence Minister Peter Holm met Olga Petrova's deputy "
        "in Oslo on Tuesday.",
        '"We have made real progress on the prisoner lists," she said.',
    )
    assert is_fallback(row(rows, "We have made"), "maria-lind")


def test_object_of_the_speech_verb_is_a_candidate_that_blocks() -> None:
    """ "accused Olga Petrova": a second woman in the passage, so "she" cannot be told."""
    rows = annotate(
        "Foreign Minister Maria Lind and Defence Minister Peter Holm accused Foreign Minister "
        "Olga Petrova of delaying the talks.",
        '"We have made real progress on the prisoner lists," she said.',
    )
    assert row(rows, "We have made").speaker_id is None


# ---------------------------------------------------------------- documents: the introduced issuer


def test_statement_introduced_in_a_leading_clause_speaks_for_its_issuer() -> None:
    rows = annotate(
        "In a statement released late on Saturday, the Kremlin said the round had been useful.",
        '"Moscow sees no reason to change its position," the statement said.',
    )
    q = row(rows, "Moscow sees no")
    assert is_fallback(q, "kremlin") and q.confidence == 0.6


def test_it_said_after_a_statement_issued_by_an_institution() -> None:
    rows = annotate(
        "The communique, issued by Nato after the ministers' dinner, was short.",
        '"Allies will keep supplying air defence," it said.',
    )
    q = row(rows, "Allies will keep")
    assert q.speaker_id == "nato" and q.resolution == "document"  # stated: a strict row


def test_statement_about_an_institution_goes_to_its_issuer_not_the_reader() -> None:
    rows = annotate(
        "Marco Rubio dismissed the Kremlin's statement when he spoke in Lisbon.",
        '"There is nothing new in it," the statement said.',
    )
    q = row(rows, "There is nothing new")
    assert q.speaker_id != "marco-rubio"


def test_statement_whose_issuer_is_not_named_stays_null() -> None:
    rows = annotate(
        "A statement circulated among diplomats on Tuesday evening.",
        '"The ceasefire must hold through the winter," the statement said.',
    )
    q = row(rows, "The ceasefire must")
    assert q.speaker_id is None and q.resolution != "fallback"


def test_statement_criticised_by_a_person_is_not_theirs() -> None:
    rows = annotate(
        "Kaja Kallas criticised the statement on Monday.",
        '"Europe will not be lectured," the statement said.',
    )
    q = row(rows, "Europe will not")
    assert q.speaker_id != "kaja-kallas"


def test_two_institutions_issuing_statements_leave_the_speaker_null() -> None:
    rows = annotate(
        "The Kremlin and the White House both issued statements on Friday.",
        '"The meeting was productive," the statement said.',
    )
    q = row(rows, "The meeting was")
    assert q.speaker_id is None


def test_unnamed_source_stays_null() -> None:
    rows = annotate('"The talks were useful but slow," officials said after the round.')
    q = row(rows, "The talks were")
    assert q.speaker_id is None and q.speaker_text == "officials"


# ---------------------------------------------------------------- a place is no subject


def test_place_named_after_a_preposition_is_not_the_speaker() -> None:
    rows = annotate(
        'The round in Vilnius, where the delegations met, "was long and very frank", one '
        "participant said.",
    )
    q = row(rows, "was long and")
    assert q.speaker_id is None and q.speaker_text == "one participant"


def test_capital_as_subject_still_speaks_for_its_government() -> None:
    rows = annotate('"We will answer any provocation," Moscow said in a statement on Sunday.')
    q = row(rows, "We will answer")
    assert q.speaker_id == "russia" and q.confidence >= 0.8


# ---------------------------------------------------------------- descriptions beyond the passage


def dated(*paragraphs: str) -> list[Quote]:
    text = "Test headline\n\n" + "\n\n".join(paragraphs) + "\n"
    raw = RawFile(Path("raw/t.txt"), "t", text, "0" * 64)
    article = make_article(raw, {"published_date": "2025-11-20"})
    return quotes(article, KB, mentions(article, KB))


def test_description_takes_the_one_fitting_person_named_earlier_in_the_article() -> None:
    rows = dated(
        "Donald Trump said on Monday that the talks in Riyadh would go on.",
        "Steve Witkoff spent the evening with Kremlin aides.",
        "Kyiv called the round a distraction from the front.",
        '"Nobody wants this to drag on," the US leader told reporters.',
    )
    q = row(rows, "Nobody wants this")
    assert is_fallback(q, "donald-trump") and q.confidence == 0.6


def test_description_with_two_fitting_people_stays_null() -> None:
    rows = dated(
        "Alexander Stubb hosted the meeting in Turku on Monday.",
        "Petteri Orpo joined the talks later.",
        "Kyiv called the round a distraction from the front.",
        '"Nobody wants this to drag on," the Finnish leader said.',
    )
    q = row(rows, "Nobody wants this")
    assert q.resolution != "fallback"


def test_description_without_a_country_is_not_guessed() -> None:
    rows = dated(
        "Donald Trump said on Monday that the talks in Riyadh would go on.",
        "Steve Witkoff spent the evening with Kremlin aides.",
        '"Nobody wants this to drag on," the 79-year-old told reporters.',
    )
    assert all(q.resolution != "fallback" for q in rows)


def test_presidency_of_a_country_speaks_as_its_office() -> None:
    rows = annotate('"Every village will be defended," the Ukrainian presidency said on Sunday.')
    q = row(rows, "Every village")
    assert q.speaker_id == "office-of-the-president-of-ukraine" and q.confidence >= 0.8


def test_a_post_is_a_document_of_social_media() -> None:
    rows = annotate(
        "The Kremlin posted a short video on Telegram on Sunday.",
        '"The meeting in Abu Dhabi was useful," the post said.',
    )
    q = row(rows, "The meeting in")
    assert q.speaker_id == "kremlin" and q.channel == "social_media"


def test_a_post_whose_author_is_not_named_gives_a_row_without_speaker() -> None:
    rows = annotate(
        "The minister left her post at the ministry in July.",
        '"It was an honour to serve this country," the post said.',
    )
    q = row(rows, "It was an honour")
    assert q.speaker_id is None and q.speaker_text == "the post"


def test_description_named_right_after_is_not_given_to_an_earlier_fitting_person() -> None:
    rows = dated(
        "Steve Witkoff flew to Riyadh on Monday.",
        "Marco Rubio stayed in Washington.",
        "Kyiv called the round a distraction from the front.",
        '"Nobody wants this to drag on," the US envoy said. Keith Kellogg, who met Ukrainian '
        "officials in Kyiv, added that talks would resume.",
    )
    q = row(rows, "Nobody wants this")
    assert q.speaker_id != "steve-witkoff"


def test_description_beyond_the_passage_after_another_compatriot() -> None:
    rows = dated(
        "Steve Witkoff flew to Riyadh on Monday.",
        "Marco Rubio stayed in Washington.",
        "Kyiv called the round a distraction from the front.",
        '"Nobody wants this to drag on," the US envoy said.',
    )
    q = row(rows, "Nobody wants this")
    assert is_fallback(q, "steve-witkoff")


# ---------------------------------------------------------------- introduced: no cue, no quotation
# before it: the nearest earlier person subject of the passage, nobody else named in between

LONG = "nobody should expect a deal before the winter sets in, whatever the mediators say"
INTRO = "Estonian diplomat Kadri Saar spoke to reporters in Tallinn on Friday."


def test_quotation_after_a_paragraph_introducing_a_speaker_goes_to_them() -> None:
    rows = annotate(INTRO, f'The mood had soured since the spring, and "{LONG}".')
    q = row(rows, "nobody should")
    assert is_fallback(q, "kadri-saar")
    assert q.rule == "next-paragraph" and q.confidence == 0.55


def test_introduced_speaker_in_the_quotations_own_paragraph() -> None:
    rows = annotate(
        "Trade figures were published on Monday.",
        f'Norwegian envoy Ola Brekke arrived in Oslo late on Monday. After the briefing, "{LONG}".',
    )
    q = row(rows, "nobody should")
    assert is_fallback(q, "ola-brekke") and q.rule == "same-paragraph"


def test_colon_introduction_then_the_quotation() -> None:
    rows = annotate(
        "Kadri Saar, the Estonian diplomat, put it this way at the close of the day:",
        f'In the end, "{LONG}".',
    )
    assert is_fallback(row(rows, "nobody should"), "kadri-saar")


def test_introduction_and_description_then_a_paragraph_of_quotation() -> None:
    rows = annotate(
        "Estonian Foreign Minister Kadri Saar spoke to reporters in Tallinn on Friday.",
        "Asked about the talks, the minister was blunt.",
        f'"{LONG[0].upper()}{LONG[1:]}."',
    )
    q = row(rows, "Nobody should")
    assert q.speaker_id == "kadri-saar" and 0.5 <= q.confidence < 0.8


def test_two_people_introduced_leave_the_quotation_null() -> None:
    rows = annotate(
        "Estonian diplomat Kadri Saar and Finnish negotiator Lauri Mets met in Tallinn on Friday.",
        f'The mood had soured since the spring, and "{LONG}".',
    )
    q = row(rows, "nobody should")
    assert q.speaker_id is None and q.resolution != "fallback"


def test_a_person_named_as_the_topic_blocks_the_introduced_speaker() -> None:
    rows = annotate(
        "Estonian diplomat Kadri Saar spoke to reporters about the Finnish negotiator "
        "Lauri Mets on Friday.",
        f'The mood had soured since the spring, and "{LONG}".',
    )
    q = row(rows, "nobody should")
    assert q.speaker_id is None and q.resolution != "fallback"


def test_a_new_topic_paragraph_breaks_the_introduction() -> None:
    rows = annotate(
        INTRO,
        "Fighting continued along the eastern front overnight.",
        f'Energy prices rose again, and "{LONG}".',
    )
    q = row(rows, "nobody should")
    assert q.speaker_id is None and q.rule == "unattributed"


def test_a_quoted_document_title_is_not_given_to_the_introduced_person() -> None:
    rows = annotate(
        INTRO,
        'The ministry published "A Plan for Lasting Peace in the Baltic Region and Beyond" on '
        "its website.",
    )
    assert all(q.speaker_id != "kadri-saar" for q in rows)
