"""Speakers in wordings of news writing that test_quotes_issue_classes.py and
test_quotes_descriptions.py do not cover: quotations over paragraphs, cues in the next sentence,
"according to"/"in X's words"/"was quoted as saying", cues of going on and replying, role-only
speakers, pronouns after a mention in object position or inside a quotation, interview formats,
and negatives (titles, quoted words nobody utters, a name only inside a quotation).

Paragraphs written for this test: invented people (unknown to the knowledge base) with
well-known states, and public figures of the knowledge base. Each case gives the exact
(quotation, speaker) rows expected, or (quotation, speaker, channel). Policy: see
stages/quotes/discourse.py and the gold guideline (tests/data/gold/README.md).
"""

from __future__ import annotations

import pytest
from test_quotes_issue_classes import annotate, rows_of

OVER_PARAGRAPHS = [
    # an opening mark with no closing one, continued in the next paragraph
    (
        (
            "Helga Norrby, Norway's deputy foreign minister, said: \"We waited for months for a "
            "serious offer. None came.",
            '"Now the window is closing, and Europe has to act on its own."',
        ),
        [
            ("We waited for months for a serious offer. None came.", "helga-norrby"),
            ("Now the window is closing, and Europe has to act on its own.", "helga-norrby"),
        ],
    ),
    (
        (
            '"The front line is holding, but only just," said Colonel Petro Danyliuk, a '
            "Ukrainian brigade commander.",
            '"We need shells, not speeches. Every week without them costs us ground.',
            '"And the men know it."',
        ),
        [
            ("The front line is holding, but only just", "petro-danyliuk"),
            (
                "We need shells, not speeches. Every week without them costs us ground.",
                "petro-danyliuk",
            ),
            ("And the men know it.", "petro-danyliuk"),
        ],
    ),
    # the cue follows in the next sentence or paragraph
    (
        (
            '"Europe must learn to pay for its own security." That was how Polish deputy '
            "minister Marek Zielinski put it on Tuesday.",
        ),
        [("Europe must learn to pay for its own security.", "marek-zielinski")],
    ),
    (
        (
            '"Nobody in Kyiv will trade land for a promise."',
            "Those were the words of Ukrainian lawmaker Iryna Kovalska after the vote.",
        ),
        [("Nobody in Kyiv will trade land for a promise.", "iryna-kovalska")],
    ),
]


@pytest.mark.parametrize(("paragraphs", "rows"), OVER_PARAGRAPHS)
def test_over_paragraphs(paragraphs: tuple[str, ...], rows: list[tuple[str | None, ...]]) -> None:
    assert rows_of(paragraphs, False) == rows


CUES = [
    (
        ('According to Finnish envoy Mikko Laine, the talks were "frank but useful".',),
        [("frank but useful", "mikko-laine")],
    ),
    (
        ('In the words of Estonian diplomat Kristjan Saar, the draft is "a trap for Kyiv".',),
        [("a trap for Kyiv", "kristjan-saar")],
    ),
    (
        (
            "Kristjan Saar, Estonia's envoy, spoke after the talks.",
            'The draft, in Saar\'s words, was "dead on arrival in every European capital".',
        ),
        [("dead on arrival in every European capital", "kristjan-saar")],
    ),
    (
        (
            "Lithuanian minister Rasa Vaitkute was quoted as saying that the sanctions "
            '"must stay in place until the last soldier leaves".',
        ),
        [("must stay in place until the last soldier leaves", "rasa-vaitkute")],
    ),
    (
        ('"We are ready for a long process," Rasa Vaitkute told a news conference in Vilnius.',),
        [("We are ready for a long process", "rasa-vaitkute", "interview")],
    ),
    (
        ('"The delegations will meet again in May," Mikko Laine said in a post on Telegram.',),
        [("The delegations will meet again in May", "mikko-laine", "messaging")],
    ),
    (
        ('"Moscow has not changed its demands at all," Mikko Laine said in a post on X.',),
        [("Moscow has not changed its demands at all", "mikko-laine", "social_media")],
    ),
    (
        (
            '"The sanctions are working," Mikko Laine said. "Russia\'s economy is under real '
            'strain," he went on.',
        ),
        [
            ("The sanctions are working", "mikko-laine"),
            ("Russia's economy is under real strain", "mikko-laine"),
        ],
    ),
    (
        (
            '"The sanctions are working," said Mikko Laine.',
            'Laine continued: "Russia\'s economy is under real strain, and they know it."',
        ),
        [
            ("The sanctions are working", "mikko-laine"),
            ("Russia's economy is under real strain, and they know it.", "mikko-laine"),
        ],
    ),
    (
        (
            "Rasa Vaitkute, Lithuania's foreign minister, spoke in Vilnius on Monday.",
            'Sanctions, she noted, "have cut Russia\'s oil revenue by a third".',
        ),
        [("have cut Russia's oil revenue by a third", "rasa-vaitkute")],
    ),
    (
        (
            "Reporters pressed Finnish envoy Mikko Laine on the timetable.",
            '"There is no timetable and there never was one," he insisted.',
        ),
        [("There is no timetable and there never was one", "mikko-laine")],
    ),
    (
        (
            'Asked whether Lithuania would send troops, Rasa Vaitkute replied: "Not now, but we '
            'do not exclude it."',
        ),
        [("Not now, but we do not exclude it.", "rasa-vaitkute")],
    ),
    (
        ('Asked whether Kyiv would ever cede Crimea, Iryna Kovalska said: "Never."',),
        [("Never.", "iryna-kovalska")],
    ),
    (
        (
            "A journalist asked Finnish envoy Mikko Laine whether the deal was close.",
            '"Closer than last month, further than we want," Laine replied.',
        ),
        [("Closer than last month, further than we want", "mikko-laine")],
    ),
]


@pytest.mark.parametrize(("paragraphs", "rows"), CUES)
def test_cues(paragraphs: tuple[str, ...], rows: list[tuple[str | None, ...]]) -> None:
    assert rows_of(paragraphs, bool(rows) and len(rows[0]) == 3) == rows


ROLES = [
    # a role the knowledge base gives exactly one holder on the article's date
    (
        (
            "Published: 10:00, June 8, 2025",
            '"There is nothing to add for now," the Kremlin spokesman told reporters.',
        ),
        "dmitry-peskov",
    ),
    # anonymous and unnamed people: no person, the phrase is kept
    (('"We expect nothing from this round," a senior US official said.',), None),
    (
        (
            '"The Americans are losing patience," a European diplomat who asked not to be named '
            "said.",
        ),
        None,
    ),
    (('"The text is not final," said one person briefed on the talks.',), None),
    (
        ('"Nothing is agreed until everything is agreed," a Western official told the newspaper.',),
        None,
    ),
]


@pytest.mark.parametrize(("paragraphs", "speaker"), ROLES)
def test_role_phrase(paragraphs: tuple[str, ...], speaker: str | None) -> None:
    (q,) = annotate(*paragraphs)
    assert q.speaker_id == speaker


def test_anonymous_source_keeps_its_phrase_without_a_person() -> None:
    (q,) = annotate(
        '"The Americans are losing patience," a European diplomat who asked not to be named said.'
    )
    assert q.speaker_id is None
    assert q.speaker_text is not None and q.speaker_text.startswith("a European diplomat")


PRONOUNS = [
    # an object-position mention in between
    (
        (
            "Finnish envoy Mikko Laine met Estonian diplomat Kristjan Saar in Helsinki on Monday.",
            '"We agreed to keep the channel open," he said.',
        ),
        [("We agreed to keep the channel open", "mikko-laine")],
    ),
    (
        (
            "Finnish envoy Mikko Laine hosted Estonian diplomat Kristjan Saar and two deputies for "
            "dinner.",
            '"It was a long evening," he told reporters afterwards.',
        ),
        [("It was a long evening", "mikko-laine")],
    ),
    # after a quotation about someone else
    (
        (
            '"Vladimir Putin cannot be trusted with a ceasefire," Rasa Vaitkute said.',
            '"He has broken every promise he made," she added.',
        ),
        [
            ("Vladimir Putin cannot be trusted with a ceasefire", "rasa-vaitkute"),
            ("He has broken every promise he made", "rasa-vaitkute"),
        ],
    ),
    # the antecedent is the person quoted in the previous paragraph
    (
        (
            '"Europe needs guarantees, not words," said Rasa Vaitkute, Lithuania\'s foreign '
            "minister.",
            'She said the allies "must act before the summer".',
        ),
        [
            ("Europe needs guarantees, not words", "rasa-vaitkute"),
            ("must act before the summer", "rasa-vaitkute"),
        ],
    ),
    # a person named only inside the previous quotation is no antecedent
    (
        (
            '"Kristjan Saar was right all along," Mikko Laine said.',
            '"He warned us in January," he added.',
        ),
        [
            ("Kristjan Saar was right all along", "mikko-laine"),
            ("He warned us in January", "mikko-laine"),
        ],
    ),
    # two people in the subject: nobody is clear
    (
        (
            "Finnish envoy Mikko Laine and Estonian diplomat Kristjan Saar met in Tallinn on "
            "Friday.",
            '"The meeting was useful," he said.',
        ),
        [("The meeting was useful", None)],
    ),
]


@pytest.mark.parametrize(("paragraphs", "rows"), PRONOUNS)
def test_pronouns(paragraphs: tuple[str, ...], rows: list[tuple[str | None, ...]]) -> None:
    assert rows_of(paragraphs, False) == rows


INTERVIEW = [
    (
        ('Asked about the ceasefire proposal, Mikko Laine said it was "a first step, no more".',),
        [("a first step, no more", "mikko-laine")],
    ),
    (
        (
            "In an interview with the newspaper, Lithuanian minister Rasa Vaitkute was blunt.",
            '"Russia only understands strength," she said.',
        ),
        [("Russia only understands strength", "rasa-vaitkute")],
    ),
    (
        (
            'Estonian diplomat Kristjan Saar on the talks: "We are further apart than the '
            'Americans think."',
        ),
        [("We are further apart than the Americans think.", "kristjan-saar")],
    ),
]


@pytest.mark.parametrize(("paragraphs", "rows"), INTERVIEW)
def test_interview(paragraphs: tuple[str, ...], rows: list[tuple[str | None, ...]]) -> None:
    assert rows_of(paragraphs, False) == rows


NEGATIVES = [
    (('Washington presented the so-called "peace plan" to both sides in Geneva.',), []),
    (('Mikko Laine appeared on the BBC programme "Newsnight" on Tuesday.',), []),
    (('In his memoir "Winter Roads", Mikko Laine describes the talks of 2022.',), []),
    (('The word "ceasefire" does not appear in the draft.',), []),
    (('The "deal" fell apart within a week.',), []),
    (('The negotiators worked through the "Geneva list" of demands until midnight.',), []),
    # a speaker named only inside another quotation is not the speaker
    (
        ('"Rasa Vaitkute said we would win this," Mikko Laine told reporters.',),
        [("Rasa Vaitkute said we would win this", "mikko-laine")],
    ),
    (
        ('"As Kristjan Saar told me, nobody wants this war," said Mikko Laine.',),
        [("As Kristjan Saar told me, nobody wants this war", "mikko-laine")],
    ),
]


@pytest.mark.parametrize(("paragraphs", "rows"), NEGATIVES)
def test_negatives(paragraphs: tuple[str, ...], rows: list[tuple[str | None, ...]]) -> None:
    assert rows_of(paragraphs, False) == rows


def test_an_unclear_pronoun_is_null_with_a_low_confidence() -> None:
    (q,) = annotate(
        "Finnish envoy Mikko Laine and Estonian diplomat Kristjan Saar met in Tallinn on Friday.",
        '"The meeting was useful," he said.',
    )
    assert (q.speaker_id, q.confidence < 0.5) == (None, True)


GENDER = [
    # the subject is a woman, "he" the man she met
    (
        (
            "Kaja Kallas met Mark Rutte in Brussels on Monday.",
            '"We agreed on the next steps," he said.',
        ),
        [("We agreed on the next steps", "mark-rutte")],
    ),
    (
        (
            "Mark Rutte met Kaja Kallas in Brussels on Monday.",
            '"We agreed on the next steps," she said.',
        ),
        [("We agreed on the next steps", "kaja-kallas")],
    ),
    # an honorific gives the gender of a person the given names do not
    (
        (
            "Estonian envoy Kadri Saar arrived in Brussels on Monday. Mark Rutte welcomed Ms Saar "
            "at the door.",
            '"We came to listen," she said.',
        ),
        [("We came to listen", "kadri-saar")],
    ),
    # the gender of the other person is not given: nobody
    (
        (
            "Mark Rutte met Estonian envoy Kadri Saar in Brussels on Monday.",
            '"We came to listen," she said.',
        ),
        [("We came to listen", None)],
    ),
    # a paragraph about another person between the speaker's quotation and "she"
    (
        (
            '"Vladimir Putin cannot be trusted," Kaja Kallas said.',
            "Putin, for his part, has dismissed the criticism.",
            '"We will keep the pressure on," she said.',
        ),
        [
            ("Vladimir Putin cannot be trusted", "kaja-kallas"),
            ("We will keep the pressure on", "kaja-kallas"),
        ],
    ),
    (
        (
            '"Europe is ready," Kaja Kallas said on Monday.',
            "Donald Trump has repeatedly criticised European leaders for not spending enough.",
            '"We are spending more than ever," she said.',
        ),
        [("Europe is ready", "kaja-kallas"), ("We are spending more than ever", "kaja-kallas")],
    ),
    # "he added" right after a quotation of the paragraph goes on with its speaker
    (
        ('"The door is open," Kaja Kallas said on Monday. "We will wait," he added.',),
        [("The door is open", "kaja-kallas"), ("We will wait", "kaja-kallas")],
    ),
]


@pytest.mark.parametrize(("paragraphs", "rows"), GENDER)
def test_gender(paragraphs: tuple[str, ...], rows: list[tuple[str | None, ...]]) -> None:
    assert rows_of(paragraphs, False) == rows


def test_a_pronoun_the_subject_contradicts_is_below_0_8() -> None:
    (q,) = annotate(
        "Kaja Kallas met Mark Rutte in Brussels on Monday.",
        '"We agreed on the next steps," he said.',
    )
    assert (q.speaker_id, q.confidence < 0.8) == ("mark-rutte", True)


APPOSITIVE = [
    (
        ('Yuri Ushakov, a Kremlin aide, said the talks had been "useful and businesslike".',),
        [("useful and businesslike", "yuri-ushakov")],
    ),
    (
        ('Mikko Laine, a Finnish envoy, said: "We are not there yet, and nobody pretends so."',),
        [("We are not there yet, and nobody pretends so.", "mikko-laine")],
    ),
    (
        ('Kaja Kallas, the EU\'s top diplomat, told reporters the plan was "dead on arrival".',),
        [("dead on arrival", "kaja-kallas")],
    ),
    (
        (
            'Rasa Vaitkute, a foreign policy adviser to Gitanas Nauseda, said the offer was "an '
            'insult to every Lithuanian".',
        ),
        [("an insult to every Lithuanian", "rasa-vaitkute")],
    ),
    # no name before the appositive: an unnamed speaker, kept as written
    (
        ('Officials, speaking on condition of anonymity, said the text was "far from final".',),
        [("far from final", None)],
    ),
    # a possessive is no speaker: "Laine's deputy" is someone else
    (
        ('Mikko Laine\'s deputy, a veteran diplomat, said the text was "far from final".',),
        [("far from final", None)],
    ),
]


@pytest.mark.parametrize(("paragraphs", "rows"), APPOSITIVE)
def test_name_then_appositive(
    paragraphs: tuple[str, ...], rows: list[tuple[str | None, ...]]
) -> None:
    assert rows_of(paragraphs, False) == rows


ROLE_NOBODY_NAMED = [
    # an office nobody in the article is named to hold: no person, a low confidence
    '"We will not give up our land," Ukraine\'s foreign minister said on Monday.',
    '"There is no military solution," the Finnish president told reporters.',
]


@pytest.mark.parametrize("paragraph", ROLE_NOBODY_NAMED)
def test_an_office_nobody_is_named_to_hold_is_no_person(paragraph: str) -> None:
    (q,) = annotate(paragraph)
    assert (q.speaker_id, q.confidence < 0.5, q.speaker_text is not None) == (None, True, True)


def test_question_and_answer_format_takes_the_speaker_of_the_answer() -> None:
    rows = rows_of(
        (
            "Q: Will Ukraine ever give up land?",
            'A: "Never. Not one metre," said Estonian diplomat Kristjan Saar.',
        ),
        False,
    )
    assert rows == [("Never. Not one metre", "kristjan-saar")]


FOLLOWING_SENTENCE = [
    # a sentence of quotation alone goes on with the person subject just before it
    (
        (
            'Finnish envoy Mikko Laine was blunt after the talks. "We are not there yet, and '
            'nobody should pretend otherwise."',
        ),
        [("We are not there yet, and nobody should pretend otherwise.", "mikko-laine")],
    ),
    # the sentence before names no person: nobody
    (
        ('The talks ended late on Monday. "We are not there yet, and nobody should pretend so."',),
        [("We are not there yet, and nobody should pretend so.", None)],
    ),
    # two people in that subject: nobody
    (
        (
            "Finnish envoy Mikko Laine and Estonian diplomat Kristjan Saar left together. "
            '"We are not there yet, and nobody should pretend so."',
        ),
        [("We are not there yet, and nobody should pretend so.", None)],
    ),
    # a headline-like lead-in: the person named before the colon
    (
        ('Volodymyr Zelensky: "We will not give up our land to anyone."',),
        [("We will not give up our land to anyone.", "volodymyr-zelensky")],
    ),
    # "said NAME" followed by a quotation is the name of a reported clause, not the speaker
    (
        (
            "Donald Trump, speaking to reporters aboard Air Force One, said Vladimir Putin "
            '"wants to make a deal".',
        ),
        [("wants to make a deal", "donald-trump")],
    ),
]


@pytest.mark.parametrize(("paragraphs", "rows"), FOLLOWING_SENTENCE)
def test_following_sentence(
    paragraphs: tuple[str, ...], rows: list[tuple[str | None, ...]]
) -> None:
    assert rows_of(paragraphs, False) == rows


def test_a_quotation_after_the_subjects_sentence_is_below_0_8() -> None:
    (q,) = annotate(
        'Finnish envoy Mikko Laine was blunt. "We are not there yet, and nobody should pretend '
        'otherwise."'
    )
    assert (q.speaker_id, q.confidence < 0.8) == ("mikko-laine", True)


_WORDS = '"We will not sign anything that divides our country."'

BACK_REFERENCE = [
    (
        (_WORDS, "Ukrainian lawmaker Iryna Kovalska said this after the vote on Monday."),
        "iryna-kovalska",
    ),
    (
        (_WORDS, "Ukrainian lawmaker Iryna Kovalska made the remarks after the vote."),
        "iryna-kovalska",
    ),
    (
        (_WORDS, "The remarks were made by Ukrainian lawmaker Iryna Kovalska on Monday."),
        "iryna-kovalska",
    ),
    (
        (_WORDS, "Ukrainian lawmaker Iryna Kovalska's comments came hours after the vote."),
        "iryna-kovalska",
    ),
    # in the same paragraph
    ((_WORDS + " Ukrainian lawmaker Iryna Kovalska said so on Monday.",), "iryna-kovalska"),
    # negatives: the next sentence does not refer back
    ((_WORDS, "Ukrainian lawmaker Iryna Kovalska said this week that the vote was close."), None),
    ((_WORDS, "Ukrainian lawmaker Iryna Kovalska's party won the vote."), None),
]


@pytest.mark.parametrize(("paragraphs", "speaker"), BACK_REFERENCE)
def test_a_name_referring_back_names_the_speaker(
    paragraphs: tuple[str, ...], speaker: str | None
) -> None:
    assert rows_of(paragraphs, False) == [(_WORDS.strip('"'), speaker)]


def test_a_persons_office_is_the_office_of_their_role_in_the_knowledge_base() -> None:
    rows = rows_of(
        ('Volodymyr Zelensky\'s office said the talks were "substantive and long".',), False
    )
    assert rows == [("substantive and long", "office-of-the-president-of-ukraine")]


def test_a_persons_office_the_knowledge_base_does_not_hold_stays_null() -> None:
    rows = rows_of(('Finnish envoy Mikko Laine\'s office said the talks were "long".',), False)
    assert rows == [("long", None)]


def test_words_reported_through_another_speakers_cue_are_below_0_8() -> None:
    (q,) = annotate(
        'Kaja Kallas said Sergei Lavrov had told her that Moscow was "in no hurry at all".'
    )
    assert (q.speaker_id, q.confidence < 0.8) == ("sergei-lavrov", True)


def test_a_speaker_after_a_leading_clause_with_another_cue_stays_confident() -> None:
    (q,) = annotate('Responding to Marco Rubio, Sergei Lavrov said the US was "not a mediator".')
    assert (q.speaker_id, q.confidence >= 0.8) == ("sergei-lavrov", True)


DOCUMENTS = [
    (
        (
            "The joint statement, issued by Washington and Kyiv after the talks, said the sides "
            'had "agreed on a framework".',
        ),
        [("agreed on a framework", "united-states")],
    ),
    (
        (
            "The memorandum, published by the Russian foreign ministry, says Kyiv must "
            '"withdraw its troops".',
        ),
        [("withdraw its troops", "russian-foreign-ministry")],
    ),
    (
        ('The Kremlin\'s readout of the call said the leaders had agreed to "continue contacts".',),
        [("continue contacts", "kremlin")],
    ),
    (
        ('Russia\'s memorandum says Kyiv must "withdraw its troops".',),
        [("withdraw its troops", "russia")],
    ),
    (
        (
            "G7 leaders issued a communique on Friday.",
            'The communique said they were "united in support of Ukraine".',
        ),
        [("united in support of Ukraine", "g7")],
    ),
    (
        ('A statement from Volodymyr Zelensky\'s office said the talks were "substantive".',),
        [("substantive", "office-of-the-president-of-ukraine")],
    ),
    # negatives: the possessive names whose allies, not the issuer; an issuer nobody names
    (
        (
            "Ukraine's allies issued a statement on Monday.",
            '"Russia must stop its attacks on civilians," the statement said.',
        ),
        [("Russia must stop its attacks on civilians", None)],
    ),
    (
        ('"We are ready for talks at any level," the statement said.',),
        [("We are ready for talks at any level", None)],
    ),
]


@pytest.mark.parametrize(("paragraphs", "rows"), DOCUMENTS)
def test_documents(paragraphs: tuple[str, ...], rows: list[tuple[str | None, ...]]) -> None:
    assert rows_of(paragraphs, False) == rows
