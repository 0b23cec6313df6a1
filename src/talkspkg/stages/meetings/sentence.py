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
    # "B, who travelled with A, ...": B takes part only in an encounter A takes part in
    companions: dict[str, frozenset[str]] = field(default_factory=dict)
    temporal: bool = False  # named after "after", "ahead of": it times another event
    other: bool = False  # "the next round of talks", "another meeting": not the one just told
    attending: bool = False  # "X, who attended the meeting": who was there, not a new one
    again: bool = False  # "they will meet again": another encounter of the same people
    series: bool = False  # "the first round of talks", "a second meeting": a round of the series
    present: bool = False  # a present-tense verb of the encounter ("meets", "heads to")
    past: bool = False  # a past cue that it took place ("met", "was held")
    days: int = 0  # "wrapped up two days of talks": its length (durations.round_days)

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
        if same_clause and f.clause.index != home and not _subject_of(ctx, s, f, home):
            continue
        anchor = f.start if pos < f.start else f.end
        d = words_between(ctx.text, pos, anchor, s.protected)
        if limit is not None and d > limit:
            continue
        if best is None or (d, f.start) < best[:2]:
            best = (d, f.start, f)
    return best[2] if best else None


def _subject_of(ctx: ArticleContext, s: Sentence, f: Frame, home: int) -> bool:
    """The trigger `f` is the whole subject of a main clause that a relative clause interrupts
    before its verb ("The meeting, which X called useful, took place in C"): what the
    clause's verb part `home` says is said of it."""
    a = f.clause.index
    parts = s.parts
    if not a < home - 1 < len(parts) - 1 or parts[a].kind != "main" or parts[home].kind != "main":
        return False
    if not all(p.kind == "rel" for p in parts[a + 1 : home]):
        return False
    verb = ctx.text[parts[home].start : parts[home].end].lstrip(" ,")
    return verb[:1].islower() and _complements_only(ctx, s, f.end, parts[a].end)


# between a trigger and the relative clause describing it only its own complements may stand:
# names, places and dates (protected spans) and these small words ("the talks between A and B
# in C, which began on Tuesday")
_COMPLEMENT_WORDS = frozenset({"between", "with", "and", "in", "at", "on", "of", "the", "a"})
_REL_OPENERS = ("which", "that")


def _complements_only(ctx: ArticleContext, s: Sentence, lo: int, hi: int) -> bool:
    """text[lo:hi] holds only names, places, dates and `_COMPLEMENT_WORDS`."""
    text = ctx.text
    i = lo
    while i < hi:
        span = next(((a, b) for a, b in s.protected if a <= i < b), None)
        if span is not None:
            i = span[1]
            continue
        if text[i] in " \t\n,":
            i += 1
            continue
        j = i
        while j < hi and (text[j].isalnum() or text[j] in "-’'"):
            j += 1
        if j == i or text[i:j].lower() not in _COMPLEMENT_WORDS:
            return False
        i = j
    return True


def antecedent(ctx: ArticleContext, s: Sentence, pos: int) -> Frame | None:
    """The frame a relative clause holding `pos` describes, when it says the encounter took
    place ("The talks, which began on Tuesday in Ankara, ...", "the meeting between A and B,
    which took place in C"): the clause opens with "which"/"that", follows the trigger and its
    complements at once, and holds a cue that the encounter was held (or is due); else None."""
    clause = clause_at(pos, s.parts)
    if clause.kind != "rel":
        return None
    text = ctx.text
    head = text[clause.start : clause.end].lstrip(" ,").split(maxsplit=1)
    if not head or head[0].lower() not in _REL_OPENERS:
        return None
    before = [f for f in s.frames if f.end <= clause.start and f.clause.index < clause.index]
    if not before:
        return None
    f = max(before, key=lambda g: g.end)
    if not _complements_only(ctx, s, f.end, clause.start):
        return None
    held = ctx.vocab.status_cues.get("held")
    told = held is not None and held.search(text, clause.start, clause.end) is not None
    return f if told or ctx.vocab.held_later.search(text, clause.start, clause.end) else None
