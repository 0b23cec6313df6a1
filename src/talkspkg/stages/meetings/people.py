"""Attach the sentence's people and delegations to its frames, with their roles.

Persons: when the trigger's syntactic slots (patterns.py: subject and object of "met", "talks
with", "between A and B", "hosted by") name two persons or more, those are the frame's persons;
otherwise the persons nearest the trigger in its clause (below), except for an anaphoric noun
("the talks", no place or date of its own), which takes only the persons of its slots. Roles,
strongest first (a
meeting keeps the strongest role any report gives a participant):
absent (an absence cue after the person in their clause: "Rubio and Witkoff backed out", "X
could not attend"; or "<Person>'s no-show"), host (a hosting cue after the person, or "hosted by
<X>"; a verb of receiving only when it receives someone: "said he welcomed the meeting" hosts
nothing; not past a subordinate clause's opening: "A arrived in C, where B received him": B
hosts), participant; who leads a delegation ("led the Ukrainian delegation") hosts nothing.
Which frame a person belongs to is described in frames.py. Delegation members and companions
a membership phrase lists (members.py) are added last (attach_members), then who the sentence
reports acting at the encounter (actors.py). A delegation that is the antecedent of a relative
clause telling an encounter ("without the French team, which went on to Rome for talks with
X") takes part in that one, whatever its own clause says of it elsewhere. A description joined
to a name ("A and the US secretary of state") counts as the one person of the article holding
that office for that country (patterns.role_party), nobody when two do. A person after
"<participle> by" of an act that is no part of an encounter ("the talks were criticised by X",
"described by X as useful") is its agent, no party (unlike "hosted / led / attended by X").
"""

from __future__ import annotations

import re

from talkspkg.stages.meetings.context import ArticleContext
from talkspkg.stages.meetings.members import Members
from talkspkg.stages.meetings.patterns import PARTY_TYPES, Names, list_after, role_party, slots
from talkspkg.stages.meetings.roles import (
    delegations,
    is_possessive_absent,
    is_principal,
    is_qualifier,
    is_source,
)
from talkspkg.stages.meetings.sentence import (
    MAX_WORDS,
    Frame,
    Sentence,
    add_role,
    nearest,
)
from talkspkg.stages.meetings.sentence import antecedent as described_by
from talkspkg.stages.meetings.text import clause_at, words_between
from talkspkg.stages.mentions import Mention

_LEAD = re.compile(r"(?:led|leads?|lead)\b", re.I)  # "hosted the Ukrainian officials" hosts
_HOSTED_BY = re.compile(r"(?:hosted|received|welcomed)\s+by\s+(?:the\s+)?$", re.I)
_BY = re.compile(r"\s+by\b", re.I)
_NEXT = re.compile(r"(?:['’]s)?\s+([\w-]+)")
_RELATIVE = re.compile(r"\b(?:who|which|that|whose)\b", re.I)


def attach_people(ctx: ArticleContext, s: Sentence) -> None:
    text, vocab = ctx.text, ctx.vocab
    all_triggers = [t for f in s.frames for t in f.triggers] + s.consumers
    spans = [(t.start, t.end) for t in all_triggers]
    first_trigger = min(a for a, _ in spans)
    persons = ctx.mentions_in(s.start, s.end, "person")
    others = _of_other_encounters(ctx, s)
    eligible: list[Mention] = []
    poss_absent: set[int] = set()
    for i, m in enumerate(persons):
        nxt = persons[i + 1] if i + 1 < len(persons) else None
        if is_source(ctx, m, s.end, spans) or _names_a_thing(ctx, m) or m.start in others:
            continue
        if _agent_of_another_act(ctx, m, s.start):
            continue  # "the talks were criticised by Medvedev": who judged them, not a party
        if is_possessive_absent(ctx, m):
            poss_absent.add(m.start)
        elif is_qualifier(ctx, m, nxt, s.end):
            continue
        eligible.append(m)

    eligible = _with_described(ctx, eligible, s.end)

    def clause_of(pos: int) -> int:
        return clause_at(pos, s.parts).index

    absent_cues = [
        (c.start(), clause_of(c.start())) for c in vocab.absent_cues.finditer(text, s.start, s.end)
    ]
    attend = {clause_of(c.start()) for c in vocab.attend_cues.finditer(text, s.start, s.end)}
    attend |= {k for _, k in absent_cues}
    host_cues = [
        (c.start(), clause_of(c.start()))
        for c in vocab.host_cues.finditer(text, s.start, s.end)
        if _hosting(ctx, s, c.start(), c.end(), spans)
        and not _BY.match(text, c.end())
        and not (_LEAD.match(c.group()) and _leads_delegation(ctx, c.end(), s.end))
    ]

    def role_of(m: Mention, f: Frame, inherited: bool) -> str:
        if m.start in poss_absent:
            return "absent"
        home = f.clause.index if inherited else clause_of(m.start)

        def before_cue(cue: int) -> bool:
            if not inherited:
                return m.end <= cue
            return not any(clause_of(p.start) == home and p.end <= cue for p in eligible)

        if any(k == home and before_cue(p) for p, k in absent_cues):
            return "absent"
        if any(k == home and before_cue(p) and _heads(ctx, m, p, eligible) for p, k in host_cues):
            return "host"
        if _HOSTED_BY.search(text[max(s.start, m.start - 20) : m.start]):
            return "host"
        return "participant"

    subjects = [m for m in eligible if clause_of(m.start) == 0 and m.end <= first_trigger]
    placed: set[int] = set()
    for m in eligible:
        f = nearest(ctx, m.start, s.frames, s, same_clause=True, limit=None)
        if f is None and clause_of(m.start) in attend:
            f = nearest(ctx, m.start, s.frames, s, same_clause=False, limit=None)
        if f is None and not _speaks(ctx, s, m.start):
            f = described_by(ctx, s, m.start)  # "the talks, which A held with B on Tuesday"
        if f is not None:
            add_role(f.roles, m.entity_id, role_of(m, f, inherited=False))
            placed.add(m.start)
    for f in s.frames:
        c = f.clause
        if c.index == 0 or any(
            clause_of(m.start) == c.index and m.start < f.start for m in eligible
        ):
            continue
        antecedent = c.kind == "rel" and any(
            re.fullmatch(r"\s*,\s*", text[m.end : c.start]) for m in subjects
        )
        if c.kind in ("main", "coord") or antecedent:
            for m in subjects:
                add_role(f.roles, m.entity_id, role_of(m, f, inherited=True))
                placed.add(m.start)
    if len(s.frames) == 1 and s.frames[0].clause.kind in ("main", "coord"):
        for m in subjects:
            if m.start not in placed:
                add_role(s.frames[0].roles, m.entity_id, role_of(m, s.frames[0], inherited=True))
    for f in s.frames:
        found = slots(ctx, s.start, s.end, f)
        _keep_slot_persons(ctx, f, found)
        if all(t.kind == "cue" for t in f.triggers):  # who attended: not "..., who advised X,"
            for eid in [e for e in f.roles if _is_person(ctx, e)]:
                if not any(
                    m.entity_id == eid
                    and (
                        s.parts[clause_of(m.start)].kind not in ("rel", "sub")
                        # "..., while B took part from Brussels": the cue's own clause
                        or (clause_of(m.start) == f.clause.index and m.end <= f.start)
                    )
                    and not (
                        m.end <= f.start
                        and _RELATIVE.search(
                            text[max(s.start, text.rfind(",", 0, m.start)) : m.start]
                        )
                    )
                    for m in eligible
                ):
                    del f.roles[eid]

        nouns = all(t.kind in ("noun", "process", "call") for t in f.triggers)
        if (not f.keyed and not f.bilateral and nouns) or f.temporal:
            # "After the Geneva summit, the chancellor spent ...": the clause's actors
            # are the main event's
            # "Speaking alongside Tusk, Zelenskiy said the talks ...": a name next to an
            # anaphoric noun is no party; only its slots are
            for eid in [e for e in f.roles if _is_person(ctx, e) and e not in found]:
                if f.roles[eid] == "participant":
                    del f.roles[eid]
    for d in delegations(ctx, s.start, s.end):
        if (rel := _relative_of(ctx, s, d.end)) is not None:
            # "without the French team, which went on to Rome for talks with X": the
            # antecedent does what the relative clause tells, whatever its own clause says
            add_role(rel.roles, d.entity_id, "participant")
        f = nearest(ctx, d.start, s.frames, s, same_clause=True, limit=MAX_WORDS)
        if f is not None and f is rel:
            continue
        lone = len(s.frames) == 1 and s.frames[0].clause.kind in ("main", "coord")
        if f is None and (clause_of(d.start) in attend or lone):
            f = nearest(ctx, d.start, s.frames, s, same_clause=False, limit=MAX_WORDS)
        if f is not None:
            absent = d.absent or _absent_after(ctx, d.end, s.end)
            # "The United Arab Emirates hosted the talks": a hosting cue after it in its clause
            host = d.host or any(k == clause_of(d.start) and d.end <= p for p, k in host_cues)
            role = "absent" if absent else "host" if host else "participant"
            add_role(f.roles, d.entity_id, role)


def attach_members(ctx: ArticleContext, s: Sentence, listed: list[Members]) -> None:
    """Members and companions a membership phrase lists (members.py) take part in the encounter
    whose trigger is nearest the phrase in the sentence, a source, an agent's principal ("A,
    an aide to B") or a person absent there excepted."""
    if not listed or not s.frames:
        return
    spans = [(t.start, t.end) for f in s.frames for t in f.triggers]
    for group in listed:
        # a companion goes wherever the one accompanied goes in the sentence
        targets = [f for f in s.frames if set(group.companion_of) & set(f.roles)]
        targets = targets or [min(s.frames, key=lambda g: abs(g.start - group.cue))]
        for f in targets:
            for m in group.people:
                if is_source(ctx, m, s.end, spans) or is_principal(ctx, m):
                    continue
                if f.roles.get(m.entity_id) == "absent":
                    continue
                if group.companion_of and not set(group.companion_of) & set(f.roles):
                    f.companions[m.entity_id] = frozenset(group.companion_of)  # see detect.py
                add_role(f.roles, m.entity_id, "participant")


_AND = re.compile(r"\s+and\s+")
_SLOT = re.compile(r"\s+(?:between|with)\s+")


def _of_other_encounters(ctx: ArticleContext, s: Sentence) -> set[int]:
    """Where the persons filling the "between" / "with" slot of a meeting noun that is no
    encounter of its own start ("the talks could focus on a possible meeting between A and B":
    a topic, not the talks' people): they are that one's, not any other frame's."""
    names = Names(ctx, ctx.mentions_in(s.start, s.end, *PARTY_TYPES))
    out: set[int] = set()
    for t in s.consumers:
        if t.kind not in ("noun", "call"):
            continue
        slot = _SLOT.match(ctx.text, t.end, s.end)
        if slot is not None:
            out |= {m.start for m in list_after(names, slot.end(), s.end)}
    return out


_WHICH = re.compile(r"\s*,\s*(?:which|who)\s+")


def _relative_of(ctx: ArticleContext, s: Sentence, pos: int) -> Frame | None:
    """The one frame of the relative clause that opens right after `pos` (", which flew to
    C for talks with X"), when the delegation ending at `pos` is its antecedent."""
    rel = _WHICH.match(ctx.text, pos, s.end)
    if rel is None:
        return None
    clause = clause_at(rel.end(), s.parts)
    if clause.kind != "rel":
        return None
    frames = [f for f in s.frames if f.clause.index == clause.index]
    return frames[0] if len(frames) == 1 else None


def _with_described(ctx: ArticleContext, eligible: list[Mention], end: int) -> list[Mention]:
    """`eligible` with the person a description joined to a name designates ("A and the US
    secretary of state agreed"): the one person of the article holding that office for that
    country (patterns.role_party); nobody when several do or none is named."""
    found = list(eligible)
    for m in eligible:
        joint = _AND.match(ctx.text, m.end, end)
        if joint is None:
            continue
        for r in role_party(ctx, joint.end(), end):
            if _is_person(ctx, r.entity_id) and all(x.entity_id != r.entity_id for x in found):
                found.append(r)
    return sorted(found, key=lambda x: x.start)


_ABSENT_REACH = 10  # words from a delegation to an absence cue that tells of it


def _absent_after(ctx: ArticleContext, pos: int, end: int) -> bool:
    """ "Swiss officials provided the venue but did not take part": an absence cue follows the
    delegation within a few words, with no other party named between them."""
    cue = ctx.vocab.absent_cues.search(ctx.text, pos, end)
    if cue is None or words_between(ctx.text, pos, cue.start(), ()) > _ABSENT_REACH:
        return False
    return not ctx.mentions_in(pos, cue.start(), "person", "country", "organization")


def _leads_delegation(ctx: ArticleContext, pos: int, end: int) -> bool:
    """ "led the Ukrainian delegation", "led the two sides": who leads a delegation does not host
    the encounter."""
    words = re.findall(r"[\w’'-]+", ctx.text[pos : min(end, pos + 60)])[:4]
    return any(
        w.lower() in ctx.vocab.delegation_nouns or w.lower() in ("side", "sides") for w in words
    )


def _speaks(ctx: ArticleContext, s: Sentence, pos: int) -> bool:
    """The clause holding `pos` has a speech verb ("which X said were held in good faith")."""
    clause = clause_at(pos, s.parts)
    words = re.findall(r"[\w’'-]+", ctx.text[clause.start : clause.end])
    return any(w.lower() in ctx.speech_verbs for w in words)


def _keep_slot_persons(ctx: ArticleContext, f: Frame, found: dict[str, str]) -> None:
    """When the trigger's slots name two persons or more, the frame's persons are those
    (patterns.py); the absent and the hosts stated by a cue stay. What the slots name takes
    part in any case."""
    if not found:
        return
    slot_people = {e for e in found if _is_person(ctx, e)}
    f.slot_people = frozenset(slot_people)
    f.slot_parties = frozenset(
        e for e, role in found.items() if role != "absent" and e not in f.third_parties
    )
    if len(slot_people) >= 2:  # one name in a slot leaves the other party to the clause
        for eid in [e for e in f.roles if _is_person(ctx, e)]:
            if eid not in slot_people and f.roles[eid] == "participant":
                del f.roles[eid]
    for eid, role in found.items():
        add_role(f.roles, eid, role)


def _names_a_thing(ctx: ArticleContext, m: Mention) -> bool:
    """ "the Trump administration", "the Putin era": the name qualifies a thing, not a person."""
    nxt = _NEXT.match(ctx.text, m.end)
    return nxt is not None and nxt.group(1).lower() in ctx.vocab.name_modified


def _is_person(ctx: ArticleContext, entity_id: str) -> bool:
    entity = ctx.entity(entity_id)
    return entity is not None and entity.entity_type == "person"


def _hosting(
    ctx: ArticleContext, s: Sentence, start: int, end: int, spans: list[tuple[int, int]]
) -> bool:
    """A hosting cue counts when it is a trigger itself or a meeting noun follows within 3 words
    (not a verb of receiving: "welcomed the talks" approves of them)."""
    if any(a <= start < b for a, b in spans):
        return True
    if ctx.vocab.receive_verbs.fullmatch(ctx.text, start, end):
        return False  # "said he welcomed the meeting": approval; receiving a person is a trigger
    return any(a >= end and words_between(ctx.text, end, a, s.protected) <= 3 for a, _ in spans)


# what stands between two persons of different clauses: "A arrived in C, where B received him"
_OTHER_CLAUSE = re.compile(r"\b(?:where|when|while|after|before|who|whom|then)\b|[.;:]", re.I)


def _heads(ctx: ArticleContext, m: Mention, cue: int, eligible: list[Mention]) -> bool:
    """`m` is in the subject of the hosting cue at `cue`: no other person stands between them
    past a subordinate clause's opening ("A arrived in C, where B received him": B hosts)."""
    return not any(
        m.end <= p.start and p.end <= cue and _OTHER_CLAUSE.search(ctx.text, m.end, p.start)
        for p in eligible
    )


# "<participle> by X": X is the agent of that act; an encounter's own ("hosted / led / attended /
# mediated by X") makes a party (patterns.HOST_BY, PART_BY), any other ("criticised by X",
# "described by X as useful", "condemned by X") does not
_AGENT = re.compile(
    r"\b([a-z][\w-]*(?:ed|en|wn))\s+(?:as\s+(?:[\w-]+\s+){1,3})?by\s+(?:the\s+)?"
    r"(?:[\w.’'-]+\s+){0,6}$"
)
_PARTY_PARTICIPLES = frozenset(
    {
        "hosted", "chaired", "convened", "received", "welcomed", "led", "headed", "mediated",
        "attended", "joined", "brokered", "facilitated", "organised", "organized", "accompanied",
        "flanked", "represented", "co-chaired", "co-hosted", "greeted", "met", "visited",
    }
)  # fmt: skip


def _agent_of_another_act(ctx: ArticleContext, m: Mention, start: int) -> bool:
    """`m` follows "<participle> by" of an act that is no part of an encounter."""
    hit = _AGENT.search(ctx.text, max(start, m.start - 80), m.start)
    return hit is not None and hit.group(1).lower() not in _PARTY_PARTICIPLES
