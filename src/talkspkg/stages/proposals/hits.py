"""Pattern hits inside one sentence: codebook terms, proposal cues and stance cues.

Overlapping matches of one code are one term whose wording is their union ("temporary ceasefire"
and "ceasefire for the Easter weekend" make "temporary ceasefire for the Easter weekend"). A term
overlapping a term of a code it `yields_to` (codebook.yaml) is dropped: the codebook's exclusions
where two wordings meet ("a limited ceasefire on energy infrastructure" is only partial). Cues
are resolved together by the shared longest-leftmost policy (stages/spans.py): "rejected by" beats
"rejected", "proposed peace deal" beats "proposed". Different codes may overlap: "no talks on
territory until a full ceasefire" is both process.sequencing and ceasefire.full.

A verb cue in a past participle right after a determiner is an adjective ("turned down a
proposed exchange", "the tabled plan"): no cue, and no proposer ("the need for" stays one).
A verb cue whose word is also a noun ("call", "push", "demand", "offer") after a determiner or a
possessive and one or two adjectives ("rejected the French call for a truce", "Washington's
latest push for") is that noun: the noun cue's reading (a proposal of the adjective's state),
not a verb of the sentence's subject.
A stance noun after a kind of aid ("US air support", "European financial backing";
`material_support`) is a thing given, no stance.
A cue overlapping a term is part of the term's wording, not a cue: "ruling out Ukrainian
membership of NATO" is the NATO term, not a rejection; "until" inside a sequencing term is not a
condition. A modal demand is a cue even inside a term ("Kyiv should be included in the talks"):
the term says what is demanded, the modal that somebody demands it. So is the verb of a joint
act opening the term's wording ("Kyiv and Moscow swapped 150 prisoners"): the parties' act, and
a proposing verb opening it ("Bessent threatened Moscow with sanctions"): its subject's proposal
(a stance verb opening a term stays part of it: "ruling out NATO membership").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from talkspkg.stages.leads import Groups, Live, headed
from talkspkg.stages.proposals.codebook import Codebook
from talkspkg.stages.proposals.cues import Cues
from talkspkg.stages.proposals.text import Sentence
from talkspkg.stages.spans import resolve_overlaps

TERM, PROPOSAL, STANCE = "term", "proposal", "stance"
# a determiner right before a verb cue makes it an adjective ("a proposed exchange")
_ADJECTIVE = re.compile(r"\b(?:a|an|the|any|this|its|their|such)\s+$", re.IGNORECASE)
# a determiner (or a possessive) and one or two adjectives before a word both noun and verb ("the
# French call for", "Washington's latest push for"): a noun phrase, no verb of the subject
_NOUN_HEAD = re.compile(
    r"(?:call|calls|push|plea|pleas|demand|demands|request|offer|offers)\b", re.IGNORECASE
)
_NOUN_PHRASE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|this|that|[\w.-]+['’]s)\s+"
    r"((?:(?:[A-Z][\w.-]*(?<![a-z]s)|latest|new|fresh|renewed|repeated|joint|earlier|initial"
    r"|original|urgent|public|formal|own)\s+){1,2})$"
)
JOINT = "joint"  # the form of a stance cue of an act of two or more parties (cues.StanceCue)


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    group: str  # term | proposal | stance
    label: str  # the code, the proposal kind, or the stance
    form: str = ""  # proposal cues: noun | verb | reported; stance cues: "" | joint
    holder: str = ""  # stance cues: before | after
    scope: str = ""  # stance cues: before | after
    priority: int = 0


def _matches(text: str, sentence: Sentence, patterns: list[re.Pattern[str]]) -> list[re.Match[str]]:
    """Non-empty matches of `patterns` in the sentence."""
    out: list[re.Match[str]] = []
    for pattern in patterns:
        scan = headed(pattern)  # the same matches, found faster
        out.extend(
            m for m in scan.finditer(text, sentence.start, sentence.end) if m.end() > m.start()
        )
    return out


def code_groups(codebook: Codebook) -> Groups:
    """The codes' patterns, code by code (see stages/leads.py; made once by the caller)."""
    return Groups(code.patterns for code in codebook)


def cue_groups(cues: Cues) -> Groups:
    """The proposal cues' patterns, then the stance cues', cue by cue."""
    return Groups(cue.patterns for cue in (*cues.proposal_cues, *cues.stance_cues))


def find_terms(
    text: str, sentence: Sentence, codebook: Codebook, live: Live, groups: Groups | None = None
) -> list[Hit]:
    """The codebook's terms in the sentence; `live` holds the patterns that may match it (see
    stages/leads.py), the others are not run; `groups` is `code_groups(codebook)`."""
    codes = list(codebook)
    terms: list[Hit] = []
    for index, patterns in live.select(groups or code_groups(codebook)):
        code = codes[index]
        found = _matches(text, sentence, patterns)
        if not found:
            continue
        spans = sorted((m.start(), m.end()) for m in found)
        merged: list[list[int]] = []
        for start, end in spans:
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        terms.extend(Hit(start, end, TERM, code.code) for start, end in merged)
    terms = [t for t in terms if not _yields(t, terms, codebook)]
    return sorted(terms, key=lambda h: (h.start, h.end, h.label))


def _yields(term: Hit, terms: list[Hit], codebook: Codebook) -> bool:
    """True when a more specific code's wording overlaps the term (codebook `yields_to`)."""
    wins = codebook.codes[term.label].yields_to
    return any(
        o.label in wins and o.start < term.end and term.start < o.end
        for o in terms
        if o is not term
    )


def _adjective(text: str, m: re.Match[str]) -> bool:
    """True for a past participle right after a determiner ("a proposed exchange")."""
    word = m.group().split(maxsplit=1)[0].lower()
    participle = word.endswith("ed") and not word.endswith("eed")  # "the need for": a noun
    return participle and bool(_ADJECTIVE.search(text, max(0, m.start() - 8), m.start()))


def _noun_use(text: str, m: re.Match[str]) -> bool:
    """True for a verb cue's word used as a noun after a determiner and an adjective ("the
    European call for", "the French push for"): the noun cue's reading, not the subject's verb."""
    if not _NOUN_HEAD.match(m.group()):
        return False
    return bool(_NOUN_PHRASE.search(text, max(0, m.start() - 60), m.start()))


_AID_NOUN = re.compile(r"(?:support|backing|assistance)$", re.IGNORECASE)


def _material(text: str, m: re.Match[str], cues: Cues) -> bool:
    """True for a stance noun after a kind of aid ("US air support", "financial backing"):
    a thing given, not a party's stance (`material_support`)."""
    if not _AID_NOUN.match(m.group()):
        return False
    before = text[max(0, m.start() - 40) : m.start()]
    return any(p.search(before) for p in cues.material_support)


def find_cues(
    text: str,
    sentence: Sentence,
    cues: Cues,
    terms: list[Hit],
    live: Live,
    groups: Groups | None = None,
) -> list[Hit]:
    """Proposal and stance cues in the sentence (`groups`: `cue_groups(cues)`)."""
    found: list[Hit] = []
    proposal = len(cues.proposal_cues)
    for index, patterns in live.select(groups or cue_groups(cues)):
        if index < proposal:
            cue = cues.proposal_cues[index]
            priority = 1 if cue.form == "noun" else 0
            for m in _matches(text, sentence, patterns):
                if cue.form == "verb" and (_adjective(text, m) or _noun_use(text, m)):
                    continue  # "turned down a proposed exchange": an adjective, no verb
                found.append(
                    Hit(m.start(), m.end(), PROPOSAL, cue.kind, form=cue.form, priority=priority)
                )
            continue
        stance = cues.stance_cues[index - proposal]
        for m in _matches(text, sentence, patterns):
            if _material(text, m, cues):
                continue  # "guarantees with US air support": aid given, no stance
            found.append(
                Hit(
                    m.start(),
                    m.end(),
                    STANCE,
                    stance.stance,
                    form=JOINT if stance.joint else "",
                    holder=stance.holder,
                    scope=stance.scope,
                    priority=2,
                )
            )
    kept = resolve_overlaps(found)
    return [
        c
        for c in kept
        if c.form in ("reported", JOINT)
        or (c.group == PROPOSAL and c.form == "verb" and any(t.start == c.start for t in terms))
        or not any(t.start < c.end and c.start < t.end for t in terms)
    ]
