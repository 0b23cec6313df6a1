"""The frame a stance stands in: whether the text states it at all, and how directly.

A stance cue's clause is read in three places: its verb group (the words from its holder to the
cue: "would", "has said it will", "reportedly"), its matrix (the words of the sentence before the
holder: "Analysts believe", "Trump said", "Under the plan,"), and a reporting clause after it
("..., Trump said."). Vocabulary: `belief_verbs`, `hedges` and `content_frames` in
proposal_cues.yaml; speech verbs from the lexicon (actors.py).

Not a stance (the stance is dropped):
- a prediction: a clause with a modal of the future or the conditional ("will", "would", "is
  going to") under a belief verb of a party other than the holder ("Diplomats believe Russia will
  accept", "Kyiv fears Washington could endorse"), or reported by a named party of another side
  ("Trump said Putin would accept", "Russia will accept it, Zelensky said", "According to Witkoff,
  Moscow would accept"; a person of no known state is no other side), or by a commentator outside
  the parties ("A Ukrainian analyst said Kyiv would never accept"; `commentators`): what others
  expect a party to do is no position of that party (the gold guideline: "predictions and hopes");
- a plan's content: a modal clause under a content frame ("Under the plan, Ukraine would accept
  a freeze": what the plan asks of Ukraine, not Ukraine's stance);
- a disputed claim: an appositive after it calling it a claim someone denies ("Trump said Putin
  had agreed to a truce, a claim the Kremlin denied"; `disputed_claims`);
- an unsaid one: a negated speech verb between the holder and the cue ("Kyiv never said it would
  accept", "Moscow has not said it will back"; `negation`).

How directly a kept stance is stated, a weight multiplying the claim's confidence (detect.py);
the weights of one stance multiply (a hedged report by the other side: REPORTED x HEDGED):
- DIRECT 1.0: the holder is the clause's subject, unreported or reported by its own side
  ("Russia rejected", "Peskov said Moscow rejected"), or speaks in the first person;
- INTENT 0.9: a modal of the future or conditional in the holder's own clause ("Kyiv would never
  accept", "Moscow has said it will not tolerate"): an intention stated, not an act;
- REPORTED 0.8: told by a party of another side or by a source the text does not name ("Trump said
  Putin had agreed", "officials said Moscow had accepted");
- HEDGED 0.7: a hedge between the holder and its cue or right before the holder ("reportedly",
  "appeared to", "signalled it would");
- BELIEVED 0.6: under another party's belief verb without a modal ("Western officials believe
  Russia has rejected"): an inference, not a report.

An offer or a demand (a `proposes` row, `offer_frame`, read in the cue's own clause) is weighed
the same way (HEDGED, INTENT, BELIEVED), and is no offer when a modal of mere possibility stands
right before its verb ("Kyiv could drop its NATO bid", "Moscow might offer a truce"); a readiness
reported as possible ("may be poised to", "could be ready to") stays an offer, HEDGED: the gold
counts it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from talkspkg.stages.proposals.actors import Actor, Actors
from talkspkg.stages.proposals.cues import Cues
from talkspkg.stages.proposals.hits import Hit
from talkspkg.stages.proposals.text import Sentence

DIRECT, INTENT, REPORTED, HEDGED, BELIEVED = 1.0, 0.9, 0.8, 0.7, 0.6

# a modal of the future or the conditional in a verb group
_MODAL = re.compile(
    r"\b(?:will|would|shall|won[’']t|wouldn[’']t|(?:is|are|was|were)\s+(?:going|set|poised|"
    r"due)\s+to)\b|[’']ll\b",
    re.IGNORECASE,
)
# the words between a speech verb and the subject of the clause it reports ("said that the",
# "told reporters")
_REPORTED_SUBJECT = re.compile(
    r"\s*(?:(?:reporters|journalists|the\s+press|[A-Z][\w’'.-]*)\s+)?(?:on\s+\w+\s+)?"
    r"(?:that\s+)?(?:(?:the|a|an)\s+)?(?:[\w’'.-]+\s+){0,2}",
)
_QUOTES = '"“”'
_ACCORDING = re.compile(r"\baccording\s+to\b", re.IGNORECASE)  # a source named as a reporter
_GROUP_WORDS = 8  # the verb group read: at most these many words before the cue


@dataclass(frozen=True, slots=True)
class Frame:
    asserted: bool  # False: a prediction or a plan's content, no stance
    weight: float  # how directly the text states it (the weights above, multiplied)
    # "direct", "intent", "reported", "hedged", "believed"; "prediction", "content", "disputed",
    # "unsaid"
    why: str


def _in_quotation(text: str, s: Sentence, position: int) -> bool:
    """True when an odd number of quotation marks of the sentence stand before `position`."""
    return sum(text.count(q, s.start, position) for q in _QUOTES) % 2 == 1


def _group(text: str, s: Sentence, cue: Hit, subject: Actor | None) -> str:
    """The verb group: from the subject holder (or the last words) to the cue, with the cue's own
    opening words ("would not accept")."""
    lo = subject.end if subject is not None else s.start
    words = text[lo : cue.start].split()[-_GROUP_WORDS:]
    return " ".join([*words, *text[cue.start : cue.end].split()[:2]])


def _reporter(
    text: str, s: Sentence, cue: Hit, subject: Actor, actors: Actors
) -> tuple[bool, Actor | None]:
    """Whether the clause of the stance is reported, and by which actor (None: an unnamed source):
    a speech verb right before the subject ("Trump said Putin had agreed") with the actor before
    it, or a reporting clause closing the sentence (", Zelensky said.") outside quotations."""
    head = text[s.start : subject.start]
    source = _ACCORDING.search(head)
    if source is not None and "," in head[source.end() :]:  # "According to Witkoff, Moscow ..."
        named = actors.within(s.start + source.end(), subject.start)
        return True, named[0] if named else None
    verbs = list(actors.speech_verb.finditer(head))
    if verbs:
        last = verbs[-1]
        gap = _REPORTED_SUBJECT.fullmatch(head, last.end())
        if gap is not None:
            before = [a for a in actors.within(s.start, s.start + last.start()) if a is not subject]
            return True, before[-1] if before else None
    return _trailing(text, s, cue, actors)


def _trailing(text: str, s: Sentence, cue: Hit, actors: Actors) -> tuple[bool, Actor | None]:
    """A reporting clause closing the sentence after the cue (", Zelensky said."), outside a
    quotation the cue stands in."""
    if _in_quotation(text, s, cue.start):
        tail_start = text.find(",", cue.end, s.end)
    else:
        tail_start = text.rfind(",", cue.end, s.end)
    if tail_start < 0:
        return False, None
    tail = text[tail_start : s.end]
    if len(tail.split()) > 8 or not (actors.speech_verb.search(tail) or _ACCORDING.search(tail)):
        return False, None
    after = actors.within(tail_start, s.end)
    return True, after[0] if after else None


def _commentator(text: str, s: Sentence, subject: Actor, cues: Cues) -> bool:
    """True when the words before the holder end with a commentator and a speech verb ("a
    Ukrainian analyst said", "experts say"), or a trailing clause names one ("..., an analyst
    said"): someone outside the parties (`commentators`)."""
    head = text[s.start : subject.start]
    cut = re.sub(r"\s+\w+\s+(?:that\s+)?$", "", head)  # the speech verb
    tail = (
        text[text.rfind(",", subject.end, s.end) + 1 : s.end]
        if "," in text[subject.end : s.end]
        else ""
    )
    return any(p.search(cut) for p in cues.commentators) or any(
        p.search(re.sub(r"\s+\w+[.!?”\"]*\s*$", "", tail)) for p in cues.commentators
    )


def _known_side(actor: Actor, actors: Actors) -> bool:
    """True when the actor acts for a state or an organisation the knowledge base knows (not a
    person the text names with no country: "Prime Minister Anna Lind said Sweden would ..." may
    be Sweden's own)."""
    entity = actors.entity(actor.side) if actor.side else None
    return entity is not None and entity.entity_type != "person"


def stance_frame(
    text: str,
    s: Sentence,
    cue: Hit,
    holders: Sequence[Actor],
    actors: Actors,
    cues: Cues,
) -> Frame:
    """The frame of the stance `cue` held by `holders` in sentence `s` (see the module's policy)."""
    subject = next((h for h in reversed(holders) if h.end <= cue.start), None)
    if subject is None or subject.kind in ("first-person", "speaker"):
        return Frame(True, DIRECT, "direct")  # a passive's agent, the speaker's own words
    sides = {h.side for h in holders}
    group = _group(text, s, cue, subject)
    modal = _MODAL.search(group) is not None
    head = text[s.start : subject.start]
    weight, why = DIRECT, "direct"
    if any(p.search(head) for p in cues.content_frames) and modal:
        return Frame(False, 0.0, "content")
    if any(p.search(text, cue.end, s.end) for p in cues.disputed_claims):
        return Frame(False, 0.0, "disputed")
    if any(cues.negated(group[: m.start()]) for m in actors.speech_verb.finditer(group)):
        return Frame(False, 0.0, "unsaid")  # "Kyiv never said it would accept ..."
    belief = next((m for p in cues.belief_verbs if (m := p.search(head))), None)
    if belief is not None:
        believer = actors.within(s.start, s.start + belief.start())
        if not believer or believer[-1].side not in sides:
            if modal:
                return Frame(False, 0.0, "prediction")
            weight, why = BELIEVED, "believed"
    if why == "direct":
        reported, by = _reporter(text, s, cue, subject, actors)
        outsider = _commentator(text, s, subject, cues)
        if outsider and modal:
            return Frame(False, 0.0, "prediction")  # "A Ukrainian analyst said Kyiv would never"
        if outsider:
            reported, by = True, None  # "Critics said Washington had endorsed ...": reported
        if reported and by is not None and _known_side(by, actors) and by.side not in sides:
            if modal:
                return Frame(False, 0.0, "prediction")
            weight, why = REPORTED, "reported"
        elif reported and by is None:
            weight, why = REPORTED, "reported"
    if modal:
        weight, why = weight * INTENT, why if why != "direct" else "intent"
    hedge_zone = text[max(s.start, subject.start - 30) : subject.start] + " " + group
    if any(p.search(hedge_zone) for p in cues.hedges):
        weight, why = weight * HEDGED, "hedged"
    return Frame(True, round(weight, 3), why)


# a modal of mere possibility right before an offer's verb ("could drop", "might offer", "may
# yet propose"): what a party may do, no offer made
_POSSIBLE = re.compile(
    r"\b(?:could|might|may)\s+(?:(?:also|still|even|yet|eventually|possibly|perhaps|"
    r"potentially|ultimately)\s+)?$",
    re.IGNORECASE,
)
# the same modal before a readiness ("may be poised to", "could be ready to"): a readiness
# reported as possible is counted an offer by the gold guideline, hedged
_POSSIBLY_READY = re.compile(
    r"\b(?:could|might|may)\s+(?:\w+\s+)?be\s+(?:\w+\s+)?(?:ready|willing|prepared|open|poised)\b",
    re.IGNORECASE,
)
_OPENNESS = re.compile(r"open\s+to\b", re.IGNORECASE)  # "Moscow is open to a swap": hedged
_CLAUSE_MARK = re.compile(r"[,;:–—(]")


def offer_frame(text: str, s: Sentence, cue: Hit, cues: Cues) -> Frame:
    """How directly a verb cue's own clause states an offer or a demand (a `proposes` row): a
    modal of possibility right before the verb ("Kyiv could drop its NATO bid", "Moscow might
    offer a truce") is no offer, but a readiness reported as possible ("may be poised to",
    "could be ready to") is one, HEDGED (the gold counts it); a hedge in the verb group
    ("reportedly offered", "signalled it would drop") or a mere openness ("is open to a swap")
    weighs HEDGED, a modal of the future INTENT ("will propose", "would offer"), a belief verb
    of the matrix BELIEVED, a fronted source ("According to X, ...") REPORTED, as for
    stances."""
    if not s.start <= cue.start < s.end:
        return Frame(True, DIRECT, "direct")
    head = text[s.start : cue.start]
    marks = list(_CLAUSE_MARK.finditer(head))
    clause = head[marks[-1].end() :] if marks else head
    own = text[cue.start : cue.end]
    if _POSSIBLE.search(clause) or _POSSIBLE.search(clause + own.split()[0] + " "):
        return Frame(False, 0.0, "possible")
    words = clause.split()[-_GROUP_WORDS:]
    group = " ".join([*words, *own.split()[:2]])
    weight, why = DIRECT, "direct"
    if any(p.search(head) for p in cues.belief_verbs):
        weight, why = BELIEVED, "believed"
    if _POSSIBLY_READY.search(group):
        weight, why = weight * HEDGED, "hedged"
    elif _MODAL.search(group):
        weight, why = weight * INTENT, why if why != "direct" else "intent"
    if why != "hedged" and (
        any(p.search(group) for p in cues.hedges) or _OPENNESS.match(own) is not None
    ):
        weight, why = weight * HEDGED, "hedged"
    source = _ACCORDING.search(head)
    if source is not None and "," in head[source.end() :]:  # "According to Ushakov, ..."
        weight, why = weight * REPORTED, why if why != "direct" else "reported"
    return Frame(True, round(weight, 3), why)
