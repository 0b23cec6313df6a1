"""People a sentence reports acting AT the encounter it refers to, not named in its slots.

Policy (precision first: what the sentence says someone did there, never a name near it):

* The scene opener: a sentence opening with "At / During / In / Throughout" and the encounter
  ("At the talks, A told the delegations ...", "During Monday's meeting in Geneva, A and B
  agreed ...", "In the call, A urged ...") takes the subject of the clause after the comma as a
  participant: what A did, A did there. The opener's noun must be the head of the phrase
  (not "In the run-up to the talks", "After the talks", "In an interview after the call");
  an indefinite one ("In a call with A, B said") only when the frame names a party of its own,
  else it may be another encounter than the one the article told. Not a subject: a possessive
  ("A's envoy told"), a passive or a state of being ("A was criticised", "A is not
  expected"), a negated act ("A did not attend"), nor who only spoke: "During the talks, A
  said" may be said from anywhere ("A told the delegations" addresses the encounter, "A told
  reporters" does not). A participle opener that says where A spoke ("Speaking at the summit,
  A said", "Addressing the meeting, A warned", "Opening the talks, A urged") takes A even then;
  "Speaking after the summit" does not. Not when the frame's slots name a pair already
  ("During the talks between A and B, C announced": C is not of them).
* The encounter as the object of an address: "A told the summit that", "A addressed the
  meeting", "A briefed the talks" (not "A told the BBC the summit was useful").
* The speaker of a first-person meeting clause: "I will meet A in C," B said is B's encounter;
  "We met A," B said is the encounter of B's state (the speaker speaks for the side; who of it
  sat at the table the sentence does not say). Only when the pronoun is the subject of the
  trigger ("I", "we", with auxiliaries only: "we are going to meet", "I'll speak to"; not "we
  hope to meet", "I would meet", "we will not meet") and the sentence names exactly one speaker
  outside its quotation.
"""

from __future__ import annotations

import re

from talkspkg.stages.meetings.context import ArticleContext
from talkspkg.stages.meetings.sentence import Sentence, add_role
from talkspkg.stages.mentions import Mention

_OPENER = re.compile(
    r"[\s\"“]*(?:(?:At|During|In|Throughout|Over\s+the\s+course\s+of)|"
    # "Speaking at the summit, A said", "Addressing the meeting, A warned": A spoke there
    r"(?P<part>(?:Speaking|Talking)\s+(?:at|during|to|in)|Addressing|Opening|Closing|Chairing))\s+"
    r"(?P<det>the|that|this|these|those|their|its|his|her|a|an|[A-Z][\w.-]*['’]s)\s+",
)
_INDEFINITE = frozenset({"a", "an"})
# words that make the opener's noun no head: "In the run-up to the talks", "In the days after"
_NOT_HEAD = re.compile(
    r"\b(?:to|of|after|before|ahead|since|following|for|from|about|on|over|run-up|lead-up|"
    r"wake|aftermath|interview|statement|conference|briefing|days|weeks|hours)\b",
    re.I,
)
# between the trigger and the comma: its complements only ("with A", "in C on Tuesday")
_NOT_COMPLEMENT = re.compile(
    r"\b(?:who|which|that|after|before|ahead|since|following|said|says|told)\b", re.I
)
_WORD = re.compile(r"[\w.’'-]+")
_PLAIN = re.compile(r"[\w’'-]+")
# after the subject: no possessive, no state of being or passive, no negated act
_NOT_ACT = re.compile(
    r"\s*(?:['’]s\b|,|was\b|were\b|is\b|are\b|had\s+been\b|has\s+been\b|have\s+been\b|"
    r"did\s+not\b|didn['’]t\b|does\s+not\b|could\s+not\b|couldn['’]t\b|never\b|"
    r"would\s+not\b|will\s+not\b|won['’]t\b|was\s+not\b)",
    re.I,
)
_AND = re.compile(r"\s+and\s+")
_AUDIENCE = frozenset(
    {"reporters", "journalists", "state", "media", "press", "broadcaster", "news", "television"}
)
_OPENER_WORDS = 4  # words between the determiner and the trigger ("the first day of")


def attach_actors(ctx: ArticleContext, s: Sentence) -> None:
    """Add who the sentence reports acting at its encounter (see the module policy)."""
    _scene_subject(ctx, s)
    _addressed(ctx, s)
    _first_person_speaker(ctx, s)


# "A told the summit that", "A addressed the meeting", "A briefed the talks on": the encounter
# is the verb's object; "A told reporters after the summit" is not (the object is the press)
_ADDRESS = re.compile(
    r"\s+(?:also\s+)?(?:told|tells|addressed|addresses|briefed|briefs)\s+"
    r"(?:the|this|that|Monday's|Tuesday's|Wednesday's|Thursday's|Friday's|Saturday's|Sunday's)"
    r"\s+(?:(?!the\b|a\b|an\b|that\b)[a-z][\w-]*\s+){0,2}$"  # "told the BBC the summit": no
)


def _addressed(ctx: ArticleContext, s: Sentence) -> None:
    text = ctx.text
    for f in s.frames:
        if f.in_quote or f.triggers[0].kind not in ("noun", "process"):
            continue
        lead = text[max(s.start, f.start - 80) : f.start]
        hit = _ADDRESS.search(lead)
        if hit is None or _NOT_HEAD.search(hit.group()):
            continue
        at = f.start - len(lead) + hit.start()
        speaker = next((m for m in ctx.mentions_in(s.start, at, "person") if m.end == at), None)
        if speaker is not None and f.roles.get(speaker.entity_id) != "absent":
            add_role(f.roles, speaker.entity_id, "participant")


def _scene_subject(ctx: ArticleContext, s: Sentence) -> None:
    text = ctx.text
    opener = _OPENER.match(text, s.start, s.end)
    if opener is None:
        return
    comma = text.find(",", opener.end(), s.end)
    if comma < 0:
        return
    frames = [f for f in s.frames if opener.end() <= f.start < comma and not f.in_quote]
    if len(frames) != 1:
        return
    (f,) = frames
    lead = text[opener.end() : f.start]
    if len(_WORD.findall(lead)) > _OPENER_WORDS or _NOT_HEAD.search(lead):
        return
    if _NOT_COMPLEMENT.search(text[f.end : comma]) or f.temporal:
        return
    if opener.group("det").lower() in _INDEFINITE and not f.slot_parties:
        return
    if len(f.slot_people) >= 2:
        return  # "During the talks between A and B, C said": the pair is named, C is not of it
    for m in _subjects(ctx, comma + 1, s.end, speaking=opener.group("part") is not None):
        if f.roles.get(m.entity_id) != "absent":
            add_role(f.roles, m.entity_id, "participant")


def _subjects(ctx: ArticleContext, pos: int, end: int, speaking: bool = False) -> list[Mention]:
    """The person (or "A and B") opening the clause at `pos`, after title words only; not
    the subject of a speech verb, unless the opener says where they spoke (`speaking`)."""
    text = ctx.text
    persons = ctx.mentions_in(pos, end, "person")
    if not persons:
        return []
    first = persons[0]
    title = _WORD.findall(text[pos : first.start])
    if len(title) > 6 or not all(w[:1].isupper() or w.lower() in ctx.role_words for w in title):
        return []
    found = [first]
    if len(persons) > 1:
        joint = _AND.match(text, first.end)
        if joint and persons[1].start >= joint.end():
            words = _WORD.findall(text[joint.end() : persons[1].start])
            if all(w[:1].isupper() or w.lower() in ctx.role_words for w in words):
                found.append(persons[1])
    if _NOT_ACT.match(text, found[-1].end):
        return []
    verb = _PLAIN.search(text, found[-1].end, end)
    if not speaking and verb is not None and verb.group().lower() in ctx.speech_verbs:
        # "During the talks, A said ...": a statement may be made from anywhere; "A told the
        # delegations" addresses the encounter itself, "A told reporters" does not
        told = verb.group().lower() in ("told", "tells", "tell")
        audience = [
            w.lower()
            for w in _PLAIN.findall(text[verb.end() : min(end, verb.end() + 40)])[:3]
            if w.lower() not in ("the", "a", "an")
        ]
        if not told or not audience or audience[0] in _AUDIENCE:
            return []
    return found


_PRONOUN = re.compile(
    r"\b(?P<pron>I|[Ww]e)(?:['’](?:ll|m|ve|re))?"
    r"\s+(?:(?:will|shall|have|has|had|am|are|also|just|already|again|then|soon|now|held|hold|holding|"
    r"finally|going\s+to|plan\s+to|planning\s+to|be)\s+)*$"
)


def _first_person_speaker(ctx: ArticleContext, s: Sentence) -> None:
    text = ctx.text
    for f in s.frames:
        if not f.in_quote:
            continue
        quote = next(((a, b) for a, b in s.quotes if a <= f.start < b), None)
        if quote is None:
            continue
        pron = _PRONOUN.search(text, max(quote[0], f.start - 60), f.start)
        if pron is None:
            continue
        speaker = _speaker(ctx, s, quote)
        if speaker is None:
            continue
        if pron.group("pron") == "I":
            add_role(f.roles, speaker.entity_id, "participant")
        else:
            state = ctx.state_of(speaker.entity_id)
            if state is not None:
                add_role(f.roles, state, "participant")


def _speaker(ctx: ArticleContext, s: Sentence, quote: tuple[int, int]) -> Mention | None:
    """The one person the sentence names outside its quotations, next to a speech verb."""
    outside = [
        m
        for m in ctx.mentions_in(s.start, s.end, "person")
        if not any(a <= m.start < b for a, b in s.quotes)
    ]
    if len(outside) != 1:
        return None
    (m,) = outside
    text = ctx.text
    before = _PLAIN.findall(text[max(s.start, m.start - 40) : m.start])[-2:]
    after = _PLAIN.findall(text[m.end : min(s.end, m.end + 40)])[:2]
    near = [w.lower() for w in before + after]
    if not any(w in ctx.speech_verbs for w in near):
        return None
    return m
