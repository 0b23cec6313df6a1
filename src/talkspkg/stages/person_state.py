"""The state of a discovered person that the text gives away from their role phrase.

Discovery takes a person's country from their own role phrase ("Finnish President A B"). When
that phrase names none ("President A B"), the article often states it elsewhere; each cue below
names one candidate state, and a person takes a state only when all the cues found agree on one
(two candidate states: none, precision first):
- `possessive`: a state's name or demonym right before the full name ("America's A B", "Finland's
  A B", "Estonian A B");
- `seat`: the person's administration or government placed by a capital or state ("A B's
  administration in Washington", "the B government in Helsinki");
- `role`: "the <demonym> <role>" elsewhere, the person's own role word ("The US president
  said"), when no other person of the article could be meant: no other discovered person with
  that role, and no curated person of that state with that role whose surname the text uses.
A state never named this way (a place the person visited, a state in another clause) is not
theirs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from talkspkg.kb import KnowledgeBase
from talkspkg.stages.trie import trie_pattern

_SEAT_NOUNS = "administration|government|cabinet|presidency"


@cache
def _states(kb: KnowledgeBase) -> dict[str, str]:
    """Words naming a state -> ISO code: the lexicon's demonyms and state names, and the curated
    states' names, aliases and metonyms (capitals: "Washington", "Helsinki")."""
    words = dict(kb.lexicon.demonyms)
    for e in kb.entities.values():
        if e.entity_type == "country" and e.country:
            for w in (e.name, *e.aliases, *e.metonyms):
                words.setdefault(w, e.country)
    return words


@cache
def _state_pattern(kb: KnowledgeBase) -> str:
    return trie_pattern(sorted(_states(kb), key=len, reverse=True))


def _role_head(role: str | None) -> str | None:
    """The role phrase's words from its first lower-cased role word on ("President" ->
    "president", "Foreign Minister" -> "foreign minister"); none for a long phrase."""
    if not role or len(role.split()) > 3:
        return None
    return role.lower()


def _surname_used(text: str, name: str) -> bool:
    last = name.split()[-1]
    return re.search(rf"\b{re.escape(last)}\b", text) is not None


def stated_state(
    text: str,
    name: str,
    role: str | None,
    kb: KnowledgeBase,
    others: Iterable[tuple[str, str | None, str | None]] = (),
) -> str | None:
    """The one state the text gives for the person `name` (ISO code), else None. `others` are
    the article's other discovered people as (name, role, country)."""
    states = _states(kb)
    state = _state_pattern(kb)
    full = re.escape(name)
    surname = re.escape(name.split()[-1])
    found: set[str] = set()
    apos = "(?:’s|'s)"
    for m in re.finditer(rf"(?<![\w’'])({state}){apos}?[ \t]+{full}\b", text):
        found.add(states[m.group(1)])
    seat = (
        rf"(?:\b(?:{full}|{surname}){apos}[ \t]+|\b[Tt]he[ \t]+(?:{full}|{surname})[ \t]+)"
        rf"(?:{_SEAT_NOUNS})[ \t]+in[ \t]+({state})(?!\w)"
    )
    for m in re.finditer(seat, text):
        found.add(states[m.group(1)])
    head = _role_head(role)
    others = list(others)
    if head and not any((r or "").lower() == head for _, r, _ in others):
        pattern = rf"\b[Tt]he[ \t]+({state})[ \t]+(?i:{re.escape(head)})\b"
        for m in re.finditer(pattern, text):
            code = states[m.group(1)]
            if not _claimed(text, code, head, kb):
                found.add(code)
    return next(iter(found)) if len(found) == 1 else None


def names_a_person(text: str, start: int, end: int, kb: KnowledgeBase) -> bool:
    """Evidence that a full name with none beside it is a person's: a state's possessive right
    before it ("America's A B") or an administration or government of theirs right after it
    ("A B's administration")."""
    before = re.search(
        rf"(?<![\w’'])(?:{_state_pattern(kb)})(?:’s|'s)[ \t]+$", text[max(0, start - 60) : start]
    )
    after = re.match(rf"(?:’s|'s)[ \t]+(?:{_SEAT_NOUNS})\b", text[end:])
    return before is not None or after is not None


def _claimed(text: str, code: str, head: str, kb: KnowledgeBase) -> bool:
    """A curated person of state `code` holding role `head` whose surname the text uses."""
    return any(
        e.entity_type == "person"
        and e.country == code
        and any(re.search(rf"\b{re.escape(head)}\b", r.lower()) for r in (e.role or "", *e.titles))
        and _surname_used(text, e.name)
        for e in kb.entities.values()
    )
