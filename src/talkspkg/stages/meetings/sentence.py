"""The frame of an encounter in one sentence, and the attachment helpers all readers share."""

from __future__ import annotations

from dataclasses import dataclass, field

from talkspkg.stages.meetings.context import ArticleContext
from talkspkg.stages.meetings.dates import DateExpr
from talkspkg.stages.meetings.text import Clause, clause_at, words_between
from talkspkg.stages.meetings.triggers import Trigger
from talkspkg.stages.mentions import Mention

RANK = {"participant": 0, "host": 1, "absent": 2}  # roles, weakest first


def add_role(roles: dict[str, str], entity_id: str, role: str) -> None:
    """Keep the strongest role any statement gives (absent > host > participant)."""
    if entity_id not in roles or RANK[role] > RANK[roles[entity_id]]:
        roles[entity_id] = role


MAX_WORDS = 25


@dataclass(eq=False)  # identity: frames are compared as objects, never by value
class Frame:
    triggers: list[Trigger]
    clause: Clause
    in_quote: bool
    place: Mention | None = None
    venue: tuple[int, int, str] | None = None
    venue_entity: str | None = None
    date: DateExpr | None = None
    format: str | None = None
    statuses: set[str] = field(default_factory=set)
    downgraded: bool = False
    levels: set[str] = field(default_factory=set)
    bilateral: bool = False
    roles: dict[str, str] = field(default_factory=dict)  # entity_id -> host|participant|absent
    slot_people: frozenset[str] = frozenset()  # persons the trigger's syntactic slots name
    slot_parties: frozenset[str] = frozenset()  # persons and countries they name
    # named only as host or mediator ("talks were mediated by Qatar"): they take part, but a
    # reference to earlier talks that names them is still about those talks
    third_parties: set[str] = field(default_factory=set)
    temporal: bool = False  # named after "after", "ahead of": it times another event
    other: bool = False  # "the next round of talks", "another meeting": not the one just told

    @property
    def start(self) -> int:
        return self.triggers[0].start

    @property
    def end(self) -> int:
        return self.triggers[-1].end

    @property
    def keyed(self) -> bool:
        return self.place is not None or self.date is not None or self.venue is not None


@dataclass
class Sentence:
    start: int
    end: int
    quotes: list[tuple[int, int]]
    parts: list[Clause]
    protected: list[tuple[int, int]]
    frames: list[Frame]
    consumers: list[Trigger]  # triggers that are not encounters but still absorb nearby cues


def nearest(
    ctx: ArticleContext,
    pos: int,
    cands: list[Frame],
    s: Sentence,
    *,
    same_clause: bool,
    limit: int | None,
) -> Frame | None:
    home = clause_at(pos, s.parts).index
    best: tuple[int, int, Frame] | None = None
    for f in cands:
        if same_clause and f.clause.index != home:
            continue
        anchor = f.start if pos < f.start else f.end
        d = words_between(ctx.text, pos, anchor, s.protected)
        if limit is not None and d > limit:
            continue
        if best is None or (d, f.start) < best[:2]:
            best = (d, f.start, f)
    return best[2] if best else None
