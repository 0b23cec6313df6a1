"""Speakers on prose the rules were never tuned on: the error classes of issue 13.

Each class holds short sentences written for this test (invented or public names, varied
wordings and word orders), with the exact (quotation, speaker[, channel]) rows expected, and
negative cases that must give no row. See stages/quotes/discourse.py for the policy.
"""

from __future__ import annotations

import pytest
from quote_sets import annotate


def rows_of(paragraphs: tuple[str, ...], with_channel: bool) -> list[tuple[str | None, ...]]:
    return [
        (q.text, q.speaker_id, *((q.channel,) if with_channel else ()))
        for q in annotate(*paragraphs)
    ]


PRONOUN = [
    (
        (
            "Tomas Brandt, Finland's defence minister, met Hungarian envoy Laszlo Varga on Monday.",
            '"We will not be rushed into a bad deal," he said.',
        ),
        [("We will not be rushed into a bad deal", "tomas-brandt")],
    ),
    (
        (
            "Kaja Kallas accused Sergei Lavrov of stalling the talks on purpose.",
            '"Moscow is simply playing for time," she said.',
        ),
        [("Moscow is simply playing for time", "kaja-kallas")],
    ),
    (
        (
            (
                'Mark Rutte thanked Andrii Sybiha for the briefing. "Our support will not '
                'fade," he said.'
            ),
        ),
        [("Our support will not fade", "mark-rutte")],
    ),
    (
        (
            '"We need a ceasefire first," said Kaja Kallas on Tuesday.',
            'Asked about Vladimir Putin, she said: "He has shown no interest in peace at all."',
        ),
        [
            ("We need a ceasefire first", "kaja-kallas"),
            ("He has shown no interest in peace at all.", "kaja-kallas"),
        ],
    ),
    (
        (
            (
                '"Lavrov knows the terms very well," Mark Rutte told reporters. "He has '
                'said so himself," he added.'
            ),
        ),
        [
            ("Lavrov knows the terms very well", "mark-rutte"),
            ("He has said so himself", "mark-rutte"),
        ],
    ),
    (
        (
            "Marco Rubio told Sergei Lavrov on Friday that the deadline stood.",
            '"There will be no extension of the deadline," he said.',
        ),
        [("There will be no extension of the deadline", "marco-rubio")],
    ),
    (
        (
            '"The plan is dead as it stands," said Kaja Kallas.',
            "Her comments came after Donald Trump criticised European leaders.",
            '"We will not accept a deal imposed on Ukraine," she added.',
        ),
        [
            ("The plan is dead as it stands", "kaja-kallas"),
            ("We will not accept a deal imposed on Ukraine", "kaja-kallas"),
        ],
    ),
    (
        (
            "Rustem Umerov briefed Steve Witkoff and Jared Kushner in Berlin.",
            '"The meeting was constructive and long," he wrote on Telegram.',
        ),
        [("The meeting was constructive and long", "rustem-umerov")],
    ),
    (
        (
            "Volodymyr Zelensky praised Keir Starmer for his leadership of the coalition.",
            'He said the British leader had "done more than anyone" for Ukraine.',
        ),
        [("done more than anyone", "volodymyr-zelensky")],
    ),
]


@pytest.mark.parametrize(("paragraphs", "rows"), PRONOUN)
def test_pronoun(paragraphs: tuple[str, ...], rows: list[tuple[str | None, ...]]) -> None:
    assert rows_of(paragraphs, bool(rows) and len(rows[0]) == 3) == rows


INSTITUTION = [
    (
        ('"Russia remains open to dialogue," the Kremlin said in a statement.',),
        [("Russia remains open to dialogue", "kremlin")],
    ),
    (
        ('The Kremlin said the proposal was "a basis for further discussion".',),
        [("a basis for further discussion", "kremlin")],
    ),
    (
        (
            (
                '"The strikes deliberately targeted civilian infrastructure," the Kharkiv '
                "Human Rights Group said in a report."
            ),
        ),
        [
            (
                "The strikes deliberately targeted civilian infrastructure",
                "kharkiv-human-rights-group",
            )
        ],
    ),
    (
        (
            (
                'In a statement, the Norwegian foreign ministry said: "Norway will continue '
                'its support for Ukraine."'
            ),
        ),
        [("Norway will continue its support for Ukraine.", "norwegian-foreign-ministry")],
    ),
    (
        (
            "Nordvolt Industries offered to build an ammunition plant in western Ukraine.",
            '"We are ready to start production within months," the company wrote in a letter.',
        ),
        [("We are ready to start production within months", "nordvolt-industries")],
    ),
    (
        (
            "France and Germany issued a joint statement on Sunday.",
            '"Security guarantees must be robust and credible," it said.',
        ),
        [("Security guarantees must be robust and credible", "france")],
    ),
    (
        (
            (
                '"Any deal must respect Ukraine\'s sovereignty," a joint statement by '
                "France, Germany and Britain said."
            ),
        ),
        [("Any deal must respect Ukraine's sovereignty", "france")],
    ),
    (
        ('According to a statement from the Kremlin, the talks were "useful and constructive".',),
        [("useful and constructive", "kremlin")],
    ),
    (
        (
            (
                '"The Russian side is not interested in peace," the Ukrainian foreign '
                "ministry wrote on X."
            ),
        ),
        [("The Russian side is not interested in peace", "ukrainian-foreign-ministry")],
    ),
]


@pytest.mark.parametrize(("paragraphs", "rows"), INSTITUTION)
def test_institution(paragraphs: tuple[str, ...], rows: list[tuple[str | None, ...]]) -> None:
    assert rows_of(paragraphs, bool(rows) and len(rows[0]) == 3) == rows


NAMES = [
    (
        (
            "South Korean envoy Park Ji-hoon met Ukrainian officials in Kyiv.",
            '"Seoul wants the war to end soon," Park said.',
        ),
        [("Seoul wants the war to end soon", "park-ji-hoon")],
    ),
    (
        (
            "Chinese special envoy Zhang Mingde arrived in Moscow on Monday.",
            '"China supports every effort towards peace," Zhang told reporters.',
        ),
        [("China supports every effort towards peace", "zhang-mingde")],
    ),
    (
        (
            "Ukrainian lawmaker Oleksandr Bondarskyy criticised the draft.",
            '"It rewards aggression," Bondarsky said.',
        ),
        [("It rewards aggression", "oleksandr-bondarskyy")],
    ),
    (
        (
            "Ukrainian negotiator Mykola Kovalchiak led the delegation.",
            '"We made some progress today," Kovalchyak told reporters.',
        ),
        [("We made some progress today", "mykola-kovalchiak")],
    ),
    (
        (
            (
                '"We want peace, but not at any price," Olena Marchenko, the president\'s '
                "adviser, also said."
            ),
        ),
        [("We want peace, but not at any price", "olena-marchenko")],
    ),
    (
        (
            "Swedish diplomat Erik Lindqvist chaired the session on Tuesday.",
            '"Both delegations stayed at the table," Lindqvist said afterwards.',
        ),
        [("Both delegations stayed at the table", "erik-lindqvist")],
    ),
    (
        (
            (
                '"There is no military solution," Dmytro Horbenko, a senior adviser to the '
                "defence minister, told the newspaper."
            ),
        ),
        [("There is no military solution", "dmytro-horbenko")],
    ),
]


@pytest.mark.parametrize(("paragraphs", "rows"), NAMES)
def test_names(paragraphs: tuple[str, ...], rows: list[tuple[str | None, ...]]) -> None:
    assert rows_of(paragraphs, bool(rows) and len(rows[0]) == 3) == rows


CUES = [
    (
        ('"We have nothing to hide from anyone," Kaja Kallas insisted.',),
        [("We have nothing to hide from anyone", "kaja-kallas")],
    ),
    (
        ('"Who benefits from another delay in these talks?" Mark Rutte questioned.',),
        [("Who benefits from another delay in these talks?", "mark-rutte")],
    ),
    (
        ('Mark Rutte wrote: "The alliance stands with Ukraine today and tomorrow."',),
        [("The alliance stands with Ukraine today and tomorrow.", "mark-rutte")],
    ),
    (
        ('"Progress has been slower than we hoped," Marco Rubio conceded.',),
        [("Progress has been slower than we hoped", "marco-rubio")],
    ),
    (
        ('"It was a very different world back then," Sergei Lavrov recalled.',),
        [("It was a very different world back then", "sergei-lavrov")],
    ),
    (
        ('"The ceasefire must come first," Keir Starmer stressed.',),
        [("The ceasefire must come first", "keir-starmer")],
    ),
    (
        ('Kaja Kallas posted: "Europe will not be a bystander in this process."',),
        [("Europe will not be a bystander in this process.", "kaja-kallas")],
    ),
    (
        ("“We will not give up any of our territory,'' Volodymyr Zelensky said.",),
        [("We will not give up any of our territory", "volodymyr-zelensky")],
    ),
    (
        ('Marco Rubio noted that the sides were "closer than ever" to a deal.',),
        [("closer than ever", "marco-rubio")],
    ),
    (
        ('"Nobody wants this war more than Moscow does," Mark Rutte warned.',),
        [("Nobody wants this war more than Moscow does", "mark-rutte")],
    ),
]


@pytest.mark.parametrize(("paragraphs", "rows"), CUES)
def test_cues(paragraphs: tuple[str, ...], rows: list[tuple[str | None, ...]]) -> None:
    assert rows_of(paragraphs, bool(rows) and len(rows[0]) == 3) == rows


NONQUOTE = [
    (('Russia launched what it calls "Operation Eastern Shield" in March.',), []),
    (('Marco Rubio appeared on "Meet the Press" on Sunday.',), []),
    (('Her book "The Long Winter" was published last year.',), []),
    (('Officials discussed the so-called "peace formula" again.',), []),
    (('Ministers discussed the "reassurance force" at length.',), []),
    (
        ('Marco Rubio told CBS\'s "Face the Nation" that the talks had been "productive".',),
        [("productive", "marco-rubio")],
    ),
    (
        ('Speaking on "Meet the Press", Marco Rubio said the talks were "going well".',),
        [("going well", "marco-rubio")],
    ),
    (
        ('The documentary "Winter on Fire" was shown in Kyiv on Friday evening to a large crowd.',),
        [],
    ),
]


@pytest.mark.parametrize(("paragraphs", "rows"), NONQUOTE)
def test_nonquote(paragraphs: tuple[str, ...], rows: list[tuple[str | None, ...]]) -> None:
    assert rows_of(paragraphs, bool(rows) and len(rows[0]) == 3) == rows


CHANNELS = [
    (
        ('"We are closer than ever," Volodymyr Zelensky told the BBC.',),
        [("We are closer than ever", "volodymyr-zelensky", "interview")],
    ),
    (
        ('Writing on X, Kaja Kallas said: "Russia is not serious about peace."',),
        [("Russia is not serious about peace.", "kaja-kallas", "social_media")],
    ),
    (
        ('In his nightly address, Volodymyr Zelensky said: "Russia must feel the pressure."',),
        [("Russia must feel the pressure.", "volodymyr-zelensky", "statement")],
    ),
    (
        ('"We will stand by Ukraine," Keir Starmer told parliament.',),
        [("We will stand by Ukraine", "keir-starmer", "parliament")],
    ),
    (
        ('"The talks will continue next week," Rustem Umerov wrote on Telegram.',),
        [("The talks will continue next week", "rustem-umerov", "messaging")],
    ),
    (
        ('"We are not ready to sign," Andrii Sybiha informed the Verkhovna Rada.',),
        [("We are not ready to sign", "andrii-sybiha", "parliament")],
    ),
    (
        ('"Nobody wants a frozen conflict," Friedrich Merz told German broadcaster ZDF.',),
        [("Nobody wants a frozen conflict", "friedrich-merz", "interview")],
    ),
    (
        ('"This is a historic day," Emmanuel Macron said in a televised address.',),
        [("This is a historic day", "emmanuel-macron", "statement")],
    ),
    (
        ('Kaja Kallas posted on X: "Europe is united behind Ukraine."',),
        [("Europe is united behind Ukraine.", "kaja-kallas", "social_media")],
    ),
    (
        ('"Putin is stalling," Marco Rubio told CNN in an interview.',),
        [("Putin is stalling", "marco-rubio", "interview")],
    ),
    (
        ('"We will not be intimidated," Volodymyr Zelensky said in his evening video address.',),
        [("We will not be intimidated", "volodymyr-zelensky", "social_media")],
    ),
    (
        ('"The strikes must stop," Kaja Kallas told lawmakers in Strasbourg.',),
        [("The strikes must stop", "kaja-kallas", "parliament")],
    ),
]


@pytest.mark.parametrize(("paragraphs", "rows"), CHANNELS)
def test_channels(paragraphs: tuple[str, ...], rows: list[tuple[str | None, ...]]) -> None:
    assert rows_of(paragraphs, bool(rows) and len(rows[0]) == 3) == rows


PRONOUN_MORE = [
    (
        (
            "Kaja Kallas met Andrii Sybiha in Brussels on Thursday.",
            "The two discussed sanctions and air defence.",
            '"We agreed on the next package," she said.',
        ),
        [("We agreed on the next package", "kaja-kallas")],
    ),
    (
        (
            '"Russia is testing us," Mark Rutte said.',
            "Vladimir Putin has repeatedly rejected the proposal.",
            '"We must not blink," he added.',
        ),
        [("Russia is testing us", "mark-rutte"), ("We must not blink", "mark-rutte")],
    ),
    (
        (
            "Ingrid Salo, Estonia's foreign minister, criticised Viktor Orban's visit to Moscow.",
            '"It sends the wrong signal," she told reporters.',
        ),
        [("It sends the wrong signal", "ingrid-salo")],
    ),
    (
        (
            "Donald Trump was asked about Volodymyr Zelensky on Air Force One.",
            '"He has to make a deal," he said.',
        ),
        [("He has to make a deal", "donald-trump")],
    ),
    (
        (
            "Speaking after talks with Marco Rubio, Sergei Lavrov struck a cautious tone.",
            '"Nothing has been agreed yet," he said.',
        ),
        [("Nothing has been agreed yet", "sergei-lavrov")],
    ),
    (
        (
            "Asked whether Vladimir Putin could be trusted, Keir Starmer paused.",
            '"Trust has to be earned," he said.',
        ),
        [("Trust has to be earned", "keir-starmer")],
    ),
    (
        (
            (
                'Emmanuel Macron said he had called Donald Trump on Sunday. "We talked for '
                'an hour," he said.'
            ),
        ),
        [("We talked for an hour", "emmanuel-macron")],
    ),
]


@pytest.mark.parametrize(("paragraphs", "rows"), PRONOUN_MORE)
def test_pronoun2(paragraphs: tuple[str, ...], rows: list[tuple[str | None, ...]]) -> None:
    assert rows_of(paragraphs, False) == rows


NAMES_MORE = [
    (
        (
            "Japanese Foreign Minister Takeshi Iwamura spoke to reporters in Tokyo.",
            '"Japan stands with Ukraine," Iwamura said.',
        ),
        [("Japan stands with Ukraine", "takeshi-iwamura")],
    ),
    (
        ("Ukrainian MP Oleksiy Honcharenko spoke in Kyiv.", '"This is a trap," Goncharenko said.'),
        [("This is a trap", "oleksiy-honcharenko")],
    ),
    (
        (
            "The negotiator Serhii Kovalenko arrived in Geneva.",
            '"We are ready," Serhiy Kovalenko said.',
        ),
        [("We are ready", "serhii-kovalenko")],
    ),
    (
        (
            (
                '"Talks are over for now," said Anna Berg, a spokeswoman for the Swedish '
                "foreign ministry."
            ),
        ),
        [("Talks are over for now", "anna-berg")],
    ),
    (
        (
            "Polish deputy minister Pawel Kowalski said on Monday the talks had stalled.",
            '"We need more pressure on Moscow," Kowalski said.',
        ),
        [("We need more pressure on Moscow", "pawel-kowalski")],
    ),
]


@pytest.mark.parametrize(("paragraphs", "rows"), NAMES_MORE)
def test_names2(paragraphs: tuple[str, ...], rows: list[tuple[str | None, ...]]) -> None:
    assert rows_of(paragraphs, False) == rows


INSTITUTION_MORE = [
    (
        ('"The attack was a war crime," Ukraine\'s foreign ministry said on Telegram.',),
        [("The attack was a war crime", "ukrainian-foreign-ministry")],
    ),
    (
        ('Moscow said the plan was "unacceptable in its current form".',),
        [("unacceptable in its current form", "russia")],
    ),
    (
        ('"The allies remain united," NATO said in a communique.',),
        [("The allies remain united", "nato")],
    ),
    (
        (
            (
                'The Institute for the Study of War said Russian forces were "unlikely to '
                'advance quickly".'
            ),
        ),
        [("unlikely to advance quickly", "institute-for-the-study-of-war")],
    ),
    (
        ('An editorial in the Nordic Herald argued that Europe must "pay for its own security".',),
        [("pay for its own security", "nordic-herald")],
    ),
]


@pytest.mark.parametrize(("paragraphs", "rows"), INSTITUTION_MORE)
def test_inst2(paragraphs: tuple[str, ...], rows: list[tuple[str | None, ...]]) -> None:
    assert rows_of(paragraphs, False) == rows


NONQUOTE_MORE = [
    (('Troops took part in the "Zapad-2025" exercises.',), []),
    (('The talks follow the so-called "Istanbul format" of 2022.',), []),
    (('The "coalition of the willing" met in Paris.',), []),
    (
        ('Kyiv rejected what Moscow called "new territorial realities".',),
        [("new territorial realities", "russia")],
    ),
    (('Andrii Sybiha described the talks as "frank".',), [("frank", "andrii-sybiha")]),
]


@pytest.mark.parametrize(("paragraphs", "rows"), NONQUOTE_MORE)
def test_nonquote2(paragraphs: tuple[str, ...], rows: list[tuple[str | None, ...]]) -> None:
    assert rows_of(paragraphs, False) == rows


def test_a_speaker_found_beyond_the_passage_has_a_low_confidence() -> None:
    rows = annotate(
        '"The plan is dead as it stands," said Kaja Kallas.',
        "Her comments came after Donald Trump criticised European leaders.",
        '"We will not accept a deal imposed on Ukraine," she said.',
    )
    assert rows[-1].speaker_id == "kaja-kallas"
    assert rows[-1].confidence < 0.8 <= rows[0].confidence


def test_a_document_speaks_for_its_issuer_with_the_document_as_its_phrase() -> None:
    (q,) = annotate('According to a statement from the Kremlin, the talks were "useful".')
    assert (q.speaker_id, q.speaker_text, q.resolution, q.channel) == (
        "kremlin",
        "a statement from the Kremlin",
        "document",
        "statement",
    )
