"""Stage `proposals`: first-person words of interviews printed without speaker labels.

The answers of an unlabelled transcript are the interviewee's: "we" there stands for them (and
their state); a question's "we" is the interviewer's, nobody's. Articles of our own wording.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from talkspkg.kb import load_knowledge
from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.mentions import mentions
from talkspkg.stages.proposals import term_evidence
from talkspkg.stages.proposals.interview import is_question

KB = load_knowledge()


def rows(text: str) -> set[tuple[str, str, str]]:
    """(code, stance, state or person) of every claim of an article of `text`."""
    article = make_article(RawFile(Path("raw/x.txt"), "x", "\n" + text + "\n", "0" * 64))
    found = term_evidence(article, KB, mentions(article, KB))
    return {(e.code, e.stance, e.entity_id) for e in found}


TRANSCRIPT = """Sybiha on the talks: 'No freeze without guarantees'

Andrii Sybiha, Ukraine's foreign minister, sat down with the Baltic Courier in Kyiv this week.

Will you give up the south?

No. We will never hand over Zaporizhzhia. Our people live there.

What would a ceasefire need?

Our position is that any ceasefire needs security guarantees from our partners first.

Some in Washington say elections should come before a deal.

We will not hold elections under martial law.

QUESTION
"""

ANSWERS = {
    ("territory.cession", "rejects", "andrii-sybiha"),
    ("security.guarantees", "proposes", "andrii-sybiha"),
    ("political.elections", "rejects", "andrii-sybiha"),
}


def test_the_answers_of_an_unlabelled_transcript_are_the_interviewees():
    assert rows(TRANSCRIPT.replace("QUESTION", "")) == ANSWERS


def test_a_question_s_first_person_is_the_interviewers():
    question = "We are ready for a buffer zone, some of your colleagues say. Is that your view?"
    assert rows(TRANSCRIPT.replace("QUESTION", question)) == ANSWERS


def test_a_quotation_inside_an_answer_keeps_its_own_speaker():
    quoted = TRANSCRIPT.replace(
        "Our people live there.",
        "Mr Lavrov told me: \u201cWe will never accept foreign troops in Ukraine.\u201d",
    )
    found = rows(quoted.replace("QUESTION", ""))
    assert ("security.foreign_contingent", "rejects", "sergei-lavrov") in found
    assert not any(e == "andrii-sybiha" and c == "security.foreign_contingent" for c, _, e in found)


def test_an_interviewee_who_told_an_outlet():
    told = TRANSCRIPT.replace("sat down with", "told").replace(
        " in Kyiv this week", " about the talks"
    )
    assert rows(told.replace("QUESTION", "")) == ANSWERS


def test_an_interviewee_of_unknown_state_gives_nothing():
    unknown = TRANSCRIPT.replace(
        "Andrii Sybiha, Ukraine's foreign minister,", "Marta Kovac, a researcher at a think tank,"
    )
    assert rows(unknown.replace("QUESTION", "")) == set()


def test_two_people_in_the_lead_make_nobody_the_interviewee():
    two = TRANSCRIPT.replace(
        "in Kyiv this week.", "in Kyiv this week, a day after Sergei Lavrov spoke to the paper."
    )
    assert rows(two.replace("QUESTION", "")) == set()


def test_q_labels_open_the_questions():
    # the question's "Will Kyiv accept ...?" is asked, not stated: no stance of Kyiv's
    text = """Q&A: Sybiha on the next round

Andrii Sybiha, Ukraine's foreign minister, spoke to the Baltic Courier on Friday.

Q: Will Kyiv accept a freeze of the front line?

We reject any freeze along the current front line.

Q: And elections?

We will not hold elections under martial law.
"""
    assert rows(text) == {
        ("territory.freeze_front_line", "rejects", "andrii-sybiha"),
        ("political.elections", "rejects", "andrii-sybiha"),
    }


def test_a_column_with_questions_is_no_transcript():
    # two questions among nine paragraphs: rhetoric, not an interviewer's questions
    column = """Europe must stop waiting

In an interview last week, Andrii Sybiha said the talks would resume.

What does Europe want from these talks? Nobody in Brussels seems to know.

We should insist that any ceasefire comes with security guarantees. Our leaders have dithered.

Diplomats in Geneva expect another round within weeks.

Officials in Washington say the framework is nearly complete.

European capitals are drafting their own proposals.

Several governments have asked for more time. Who will pay for the reconstruction?

Is a deal possible this year?

We must insist on security guarantees before any ceasefire.
"""
    assert rows(column) == set()


def test_question_shapes():
    assert is_question("What about the buffer zone?")
    assert is_question("Q: And the sanctions")
    assert is_question("**Does Kyiv trust Washington**")
    assert not is_question("We will not hold elections under martial law.")


# ------------------------------------ a quotation's "we" whose speaker is an unnamed official

LEAD = "Negotiators met again in Jeddah on Thursday.\n\n"


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        ("a senior Ukrainian official said", {("ceasefire.temporary", "proposes", "ukraine")}),
        (
            "the Russian delegation said in a statement",
            {("ceasefire.temporary", "proposes", "russia")},
        ),
        (
            "the Polish foreign minister told reporters",
            {("ceasefire.temporary", "proposes", "poland")},
        ),
        # no official, or not one state: nobody
        ("a Ukrainian analyst said", set()),
        ("a British columnist wrote", set()),
        ("a former Russian minister said", set()),
        ("a Russian opposition leader said", set()),
        ("American and Ukrainian officials said", set()),
    ],
)
def test_a_quotations_we_is_the_state_of_its_unnamed_official(speaker, expected):
    text = LEAD + "\u201cWe are willing to sign a one-month truce,\u201d " + speaker + "."
    assert rows(text) == expected
