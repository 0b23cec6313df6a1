"""Interview transcripts without speaker labels: whose first person an answer's "we" is.

An interview printed as questions and answers without speaker labels (the question a paragraph
of its own, ending in "?", opening with "Q:"/"Q." or set in bold; the answer the paragraphs
after it) states the interviewee's positions in the first person: "We will not cede the
south", "Our position is that a ceasefire comes first". A first-person word of an answer
stands for the interviewee; one of a question stands for the interviewer, nobody of the story.

An article is such a transcript when
- at least MIN_QUESTIONS paragraphs after the first body paragraph are questions (a short one
  may be laid out as a heading line), and they are at least QUESTION_SHARE of the paragraphs
  from the first question on (an article with a rhetorical question or two
  is prose, not a transcript), the first of them after at most MAX_LEAD body paragraphs (the
  introduction);
- the paragraphs before the first question (the lead, headings included) speak of an interview
  (`_INTERVIEW`: "interview", "spoke to", "sat down with", "told the Courier");
- the lead names one person, the interviewee: the one person named in a sentence of the lead
  that speaks of the interview, else the one person the lead names at all; two people there
  make nobody the interviewee.
The answers are the body paragraphs after the first question that are no question (a
statement put to the interviewee without a question mark, "Moscow says the troops must
leave.", holds no first-person word of the interviewer in practice). Precision: the caller
files a first-person word for the interviewee only when their state or organisation is known,
and a quotation inside an answer keeps its own speaker (the quotes stage's).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from talkspkg.stages.proposals.text import Sentence

MIN_QUESTIONS = 2
QUESTION_SHARE = 0.25
MAX_LEAD = 4  # body paragraphs before the first question: an interview's introduction
_QUESTION_END = re.compile(r"\?[\"”’'*_)\]]*\s*$")
_QUESTION_START = re.compile(r"\s*(?:\*\*|__|Q\s*[:.]\s)")
_INTERVIEW = re.compile(
    r"\b(?:interview(?:s|ed)?|spoke\s+(?:to|with)|talked\s+(?:to|with)|sat\s+down\s+with|"
    r"in\s+conversation\s+with)\b|(?-i:\btold\s+(?:the\s+)?[A-Z])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Transcript:
    interviewee: str  # entity id of the person answering
    answers: frozenset[int]  # paragraph indices of the answers
    questions: frozenset[int]  # paragraph indices of the questions


def is_question(text: str) -> bool:
    """A paragraph put by the interviewer: ending in "?", opening with "Q:" or in bold."""
    return bool(_QUESTION_END.search(text) or _QUESTION_START.match(text))


def transcript(
    text: str,
    sentences: Sequence[Sentence],
    headings: frozenset[int],
    persons_in: Callable[[int, int], list[str]],
) -> Transcript | None:
    """The article as an unlabelled interview transcript, or None (see the module docstring).
    `headings` are the paragraph indices of headings; `persons_in(start, end)` lists the
    persons named in text[start:end], in text order."""
    spans: dict[int, tuple[int, int]] = {}
    for s in sentences:
        lo, hi = spans.get(s.paragraph, (s.start, s.end))
        spans[s.paragraph] = (min(lo, s.start), max(hi, s.end))
    body = [p for p in sorted(spans) if p not in headings]
    if not body:
        return None
    questions = [  # a short question may be laid out as a heading: any line after the lead's
        p for p in sorted(spans) if p > body[0] and is_question(text[spans[p][0] : spans[p][1]])
    ]
    if len(questions) < MIN_QUESTIONS:
        return None
    if len([p for p in body if p < questions[0]]) > MAX_LEAD:
        return None  # a column's late rhetorical questions, not an interview's first one
    rest = [p for p in sorted(spans) if p >= questions[0]]
    if len(questions) < QUESTION_SHARE * len(rest):
        return None
    lead = [s for s in sentences if s.paragraph < questions[0]]
    told = [s for s in lead if _INTERVIEW.search(text, s.start, s.end)]
    if not told:
        return None
    person = _one({p for s in told for p in persons_in(s.start, s.end)}) or _one(
        {p for s in lead for p in persons_in(s.start, s.end)}
    )
    if person is None:
        return None
    answers = frozenset(p for p in body if p > questions[0] and p not in questions)
    return Transcript(person, answers, frozenset(questions))


def _one(found: set[str]) -> str | None:
    return next(iter(found)) if len(found) == 1 else None
