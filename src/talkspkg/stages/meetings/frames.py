"""One sentence -> its encounters ("frames"): trigger, place, venue, date, form, status, people.

Attachment policy: every item (a place, a date, a cue, a person) belongs to the nearest trigger
of its own clause (distance in words, a name counting as one word), dates only within
MAX_WORDS, places and venues only within `place_words`, never across a clause boundary.

* A city is a place only after a word of `place_before` ("in", "at", "travelled to"; never
  "from": "a team from Kyiv" is not where they met; never for a trigger after it when another
  event of `other_events` stands before the "in": "told a briefing in Moscow that the talks";
  never after a speech verb: "X said in Brussels") or
  before a meeting noun ("the London talks"); a venue of `venue_cities` with no city places the
  encounter in its city ("at the White House"); a city right after a venue is the venue's ("at
  the Elysee Palace in Paris", "at Camp X, Y"); a discovered venue ("Joint Base X", "aboard the
  X") is the venue only; "held in", "hosted in", "took place in" tie a city to a trigger up to
  MAX_WORDS away ("talks between A, B, C and D held in London"); a trigger in a "where" clause
  takes the city the clause hangs on ("flew to Ankara, where he met X").
* A relative clause right after a trigger and its complements that says the encounter took
  place or is due ("The talks between A and B, which began on Tuesday in C, ...") gives that
  trigger its date, place and (unless it holds a speech verb) people (sentence.antecedent); a
  trigger that is the whole subject of a main clause a relative clause interrupts takes what
  the clause's verb part states ("The meeting, which X called useful, took place in C on
  Tuesday"); a date before a comma closes the frame before it, not an appositive after it
  ("A met B on Tuesday, their first meeting since May").
* A person in a clause without a trigger belongs to the sentence's encounter when the clause
  says they attended or stayed away ("Kellogg will attend instead"), or when the person is the
  sentence's subject and the encounter's clause has no subject of its own ("Rubio, who ...,
  canceled plans to visit London but had a phone call with Lammy"). A sentence with no trigger
  has a cue frame for each clause with an attendance cue ("A joined from Berlin, while B took
  part from Brussels"), which keeps the people before the cue in its own clause.
* Relative dates inside quotations and embedded posts are the speaker's, not the article's,
  and are ignored; dates right after a speech verb ("reported Tuesday") date the report, and
  so do dates between a speech verb and the clause of what was said ("told reporters on
  Wednesday that he had met X": `_dates_saying`), dates opening the clause of a speech verb
  whose reported clause tells the encounter ("On Monday, X said he had met Y", "In an
  interview on Monday, X said Y had met Z"; not "told Y during their meeting", where Y is the
  addressee), and dates between a verb of deciding,
  agreeing or inviting and the encounter's to-infinitive ("agreed on Thursday to meet in C",
  `decision_verbs`); an
  encounter named after a temporal preposition ("ahead of the talks") takes only a date right
  after it; a present-tense verb of the encounter with a day and no past cue ("X meets Y in C
  on Thursday", "heads to C on Thursday", `present_cues`) announces it: planned, the next such
  day; a date scheduling another noun's event ("the vote due on March 30", "a deadline
  set for Friday") dates nothing here, nor does a bound ("a deal by Friday", "until March
  20", "before 15 May": `_deadline`), unless it names a noun's day ("before Friday's summit").
  A temporal preposition inside a time expression ("The following day, A held talks") is no
  "ahead of": the sentence's encounter takes that date. An encounter someone is briefed on
  ("would update X on his talks with Y on Friday", `briefing_verbs`) takes no date of its
  sentence but its possessive ("briefed X on Tuesday's talks"): the dates are the briefing's.
  An encounter named right after a count opening an appositive ("A met B on Thursday, a day
  after a call with C") is the day before the comma moved by the count (`_apposed_dates`).

An encounter named right after "since" ("have not met since their summit in C") took place:
held, when no cue of its own says otherwise.

A frame with neither place nor date is anaphoric: detect.py decides which meeting it refers to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from typing import NamedTuple

from talkspkg.stages.meetings.actors import attach_actors
from talkspkg.stages.meetings.context import ArticleContext
from talkspkg.stages.meetings.counted import apposed_counts as counted_apposed
from talkspkg.stages.meetings.dates import DateExpr, find_dates
from talkspkg.stages.meetings.durations import round_days
from talkspkg.stages.meetings.members import Members, members
from talkspkg.stages.meetings.people import attach_members, attach_people
from talkspkg.stages.meetings.sentence import (
    MAX_WORDS,
    Frame,
    Sentence,
    add_role,
    antecedent,
    nearest,
)
from talkspkg.stages.meetings.text import clause_at, clauses, inside, words_between
from talkspkg.stages.meetings.triggers import Trigger, find_triggers, group_triggers, is_generic
from talkspkg.stages.mentions import Mention
from talkspkg.stages.spans import resolve_overlaps

STATUS_WORDS = 12  # a modal far from the trigger rarely governs it
_DAY_KINDS = ("weekday", "day_of_month", "month_day")  # a day whose past or future is open
_ADJACENT = re.compile(r"[\s,;()–—-]*(?:on\s+)?")
_WORD = re.compile(r"[\w’'-]+")
_CUE_WORD = re.compile(r"[A-Za-z]+")

# an encounter named right after "since" is past ("since their summit", "since the Geneva talks")
_SINCE = re.compile(
    r"\bsince\s+(?:(?:the|their|his|her|its|a|that|last)\s+)?(?:[\w’'-]+\s+){0,2}$", re.I
)


class _Cue(NamedTuple):
    start: int
    end: int
    status: str
    priority: int = 0


def read_sentence(
    ctx: ArticleContext, start: int, end: int, quotes: list[tuple[int, int]]
) -> Sentence:
    """The frames of text[start:end]; `quotes` are the quotation spans of its paragraph."""
    text, vocab = ctx.text, ctx.vocab
    quotes = [(max(a, start), min(b, end)) for a, b in quotes if a < end and b > start]
    triggers, blocked = find_triggers(ctx, start, end)
    cue = None
    listed = members(ctx, start, end) if not blocked else []
    if not triggers and not blocked:
        cue = vocab.attend_cues.search(text, start, end) or vocab.absent_cues.search(
            text, start, end
        )
        cue = cue or _member_cue(text, listed, end)
    if not triggers and cue is None:  # nothing to read: skip dates and clauses
        return Sentence(start, end, quotes, [], [], [], blocked)
    dates = find_dates(text, start, end, vocab)
    protected = sorted(
        [(m.start, m.end) for m in ctx.mentions_in(start, end)] + [(d.start, d.end) for d in dates]
    )
    parts = clauses(text, start, end, vocab, quotes, protected)
    groups = group_triggers(ctx, triggers, parts, protected)
    frames = [Frame(g, clause_at(g[0].start, parts), inside(g[0].start, quotes)) for g in groups]
    s = Sentence(start, end, quotes, parts, protected, frames, blocked)
    # "Separately, A met B": another event than the one told before
    opened = (m := vocab.other_openers.search(text, start, end)) is not None and not text[
        start : m.start()
    ].strip(" \t\n*_")
    for f in frames:
        f.temporal = after_temporal(ctx, start, f, dates)
        # within the trigger's own phrase: "opened the door to later negotiations, yet the
        # talks stalled ..." is no future talk
        lo = max(start, f.clause.start, f.start - 50)
        cut = [lo + m.end() for m in _PHRASE_BREAK.finditer(text[lo : f.start])]
        before = _WORD.findall(text[max([lo, *cut]) : f.start])[-4:]
        after = _WORD.findall(text[f.end : min(end, f.end + 20)])[:1]
        f.again = bool(after) and after[0].lower() in vocab.other_after
        f.other = f.again or any(w.lower() in vocab.other_cues for w in before) or opened
        if before and before[-1].lower() in vocab.earlier_adverbs and f.triggers[0].kind == "verb":
            f.other = True  # "had last hosted B": an earlier encounter than the one told
        f.series = is_series(ctx, f, before)
        f.days = round_days(text, f.clause.start, f.start, vocab)
        cue = vocab.attend_cues.search(text, max(lo, f.start - 40), f.start)
        f.attending = cue is not None and len(_WORD.findall(text[cue.end() : f.start])) <= 2
    _attach_places(ctx, s)
    for f in list(s.frames):
        if all(t.kind == "weak" for t in f.triggers) and f.place is None:
            _demote(s, f)  # travel without a city is not an encounter
    _attach_dates(ctx, s, dates)
    for f in list(s.frames):
        kinds = {t.kind for t in f.triggers}
        if not f.keyed and (kinds <= {"process", "weak"} or is_generic(ctx, f.triggers[0], start)):
            _demote(s, f)
        elif f.date is None and all(vocab.round_nouns.fullmatch(t.text) for t in f.triggers):
            _demote(s, f)  # "the Geneva round fell short": a round is one only with its date
    if not s.frames and not s.consumers:
        cue = (
            cue
            or vocab.attend_cues.search(text, start, end)
            or vocab.absent_cues.search(text, start, end)
            or _member_cue(text, listed, end)
        )
    elif not s.frames:  # "The delegation, which included A and B, arrived on Friday"
        cue = _member_cue(text, listed, end)
    if not s.frames and cue:
        t = Trigger(cue.start(), cue.end(), "cue", text[cue.start() : cue.end()])
        s.frames.append(Frame([t], clause_at(t.start, parts), inside(t.start, quotes)))
        # "A joined from Berlin, while B took part from Brussels": a cue of each clause
        for more in vocab.attend_cues.finditer(text, cue.end(), end):
            clause = clause_at(more.start(), parts)
            if all(clause != f.clause for f in s.frames):
                t = Trigger(more.start(), more.end(), "cue", more.group())
                s.frames.append(Frame([t], clause, inside(t.start, quotes)))
    if s.frames:
        _attach_cues(ctx, s)
        _apposed_dates(ctx, s)
        for f in s.frames:
            if f.format in ("phone", "video"):
                f.place = f.venue = f.venue_entity = None  # a call has no venue
        attach_people(ctx, s)
        attach_members(ctx, s, listed)
        attach_actors(ctx, s)
    return s


def _member_cue(text: str, listed: list[Members], end: int) -> _Span | None:
    """The first word of the sentence's first membership phrase, as a cue (members.py)."""
    word = _CUE_WORD.search(text, listed[0].cue, end) if listed else None
    return _Span(word.start(), word.end()) if word else None


class _Span(NamedTuple):
    """A membership phrase standing in for an attendance cue's match."""

    a: int
    b: int

    def start(self) -> int:
        return self.a

    def end(self) -> int:
        return self.b


def visit_host(ctx: ArticleContext, f: Frame) -> str | None:
    """A visit to a capital by the parties of one other state ("al-Sharaa's visit to Moscow",
    "X flew to Beijing", "Y will visit Kyiv next week"), naming nobody of the visited state, is
    hosted by that state: the gold guideline's host "who received the others in their own
    country", the state when no person is named. Not a city that is no capital (Geneva,
    Istanbul: a venue, often of mediated talks), nor a visit naming parties of two states or more
    ("travelled to Berlin to meet US envoys": a meeting the text places, not a state visit), nor
    a trip to talks ("flew to Abu Dhabi for the negotiations"). Read once the sentence's frames
    of one encounter are folded together; the state gives way to its people when the encounter
    names them ("X arrived in Ankara. He met Y", detect.py). A visitor of unknown country
    ("President X's visit to Moscow") counts as coming from abroad only for a visit or a trip
    (not "returned to", "arrived in"). Returns the host added, if any."""
    if f.place is None or not all(t.kind == "weak" for t in f.triggers):
        return None
    after = (ctx.vocab.nouns, ctx.vocab.process_nouns)
    if any(p.search(ctx.text, f.end, f.clause.end) for p in after):
        return None  # "travelled to Abu Dhabi for the negotiations": talks held there
    host = ctx.capital_of(f.place.text)
    parties = [e for e, role in f.roles.items() if role != "absent"]
    states = {ctx.state_of(e) for e in parties}
    visit = all(t.text.lower() in ctx.vocab.visit_words for t in f.triggers)
    if None in states and visit:  # "President X's visit to Moscow": one comes from abroad
        states.discard(None)
    if host is None or not parties or None in states or len(states) > 1 or host in states:
        return None
    add_role(f.roles, host, "host")
    return host


_PHRASE_BREAK = re.compile(r"[,;:—–]|\b(?:but|and|or|while|as)\b")


def is_series(ctx: ArticleContext, f: Frame, before: list[str]) -> bool:
    """ "the first round of talks", "a second meeting", "previous negotiations": a numbered or
    earlier round, named by a noun of `series_nouns` (not "his second trip": one person's)."""
    vocab = ctx.vocab
    noun = ctx.text[f.triggers[-1].start : f.triggers[-1].end].lower().split()[-1]
    words = [w.lower() for w in before]
    at = [i for i, w in enumerate(words) if w in vocab.series_cues]
    if vocab.round_nouns.fullmatch(noun) and (not words or words[-1] not in ("his", "her")):
        return True  # a bare round naming no party is a round of the series the article tells
    if noun not in vocab.series_nouns or not at:
        return False
    return at[-1] == 0 or words[at[-1] - 1] not in ("his", "her")


def absorb(into: Frame, other: Frame) -> None:
    """Fold `other` (the same encounter named again in the sentence) into `into`."""
    into.third_parties |= other.third_parties - set(into.roles)
    for eid, role in other.roles.items():
        add_role(into.roles, eid, role)
    into.statuses |= other.statuses
    into.levels |= other.levels
    into.downgraded = into.downgraded or other.downgraded
    into.format = into.format or other.format


def _demote(s: Sentence, f: Frame) -> None:
    s.frames.remove(f)
    s.consumers.extend(f.triggers)


def _attach_places(ctx: ArticleContext, s: Sentence) -> None:
    text, lex = ctx.text, ctx.kb.lexicon
    venues: dict[int, Frame] = {}  # end of an attached venue -> its frame
    for pattern in (ctx.vocab.venue_nouns, tuple(ctx.vocab.venue_cities)):
        for m in _venue_pattern(pattern).finditer(text[s.start : s.end]):
            a, b = s.start + m.start(1), s.start + m.end(1)
            f = nearest(ctx, a, s.frames, s, same_clause=True, limit=MAX_WORDS)
            if f is not None and f.venue is None:
                f.venue = (a, b, text[a:b])
                venues[b] = f
    for m in ctx.mentions_in(s.start, s.end, "location"):
        entity = ctx.entity(m.entity_id)
        if entity is None or not (ctx.is_city(entity) or ctx.is_venue(entity)):
            continue
        before = _WORD.findall(text[max(s.start, m.start - 30) : m.start])
        if before and before[-1].lower() == "the" and not entity.curated:
            before = before[:-1]  # "at the Lindqvist resort": a discovered place names a venue's
        if len(before) >= 2 and before[-1] == "of" and before[-2].lower() in ctx.place_kinds:
            before = [*before[:-2], "in"]  # "in the Turkish city of X"
        if before and before[-1].lower() in _ABOARD and ctx.is_venue(entity):
            before = [*before[:-1], "in"]  # "met aboard the X": the ship is the venue
        after = _WORD.match(text, m.end + 1) if m.end + 1 < s.end else None
        markers = lex.locative_before if ctx.is_venue(entity) else ctx.vocab.place_before
        venue_city = any(_VENUE_CITY.fullmatch(text, b, m.start) for b in venues)
        locative = (
            (before and before[-1].lower() in markers)
            or (after and after.group().lower() in lex.locative_after)
            or (venue_city and not ctx.is_venue(entity))  # "at Camp X, Y": the venue's city
        )
        if not locative:
            continue
        # "told a weekly briefing in Moscow that the talks ...", "In an interview with the BBC
        # in Kyiv, A said the talks ...": the briefing's city; "Analysts in Kyiv said the
        # meeting ...": the speakers' city
        wide = _WORD.findall(text[max(s.start, m.start - 60) : m.start])
        other_event = any(w.lower() in ctx.vocab.other_events for w in wide[-6:-1])
        other_event = other_event or _speaker_city(ctx, m.end, s.end)
        if len(before) >= 2 and before[-2].lower() in ctx.vocab.speech_verbs:
            continue  # "Kallas said in Brussels": where she spoke
        if len(before) >= 2 and before[-2].lower() in ctx.vocab.reaction_nouns:
            continue  # "the talks raised concerns in Kyiv": where they were received
        limit = MAX_WORDS if ctx.is_venue(entity) else ctx.vocab.place_words
        if len(before) >= 2 and before[-2].lower() in _HELD and before[-1].lower() in ("in", "at"):
            limit = MAX_WORDS  # "talks between A, B, C and D held in London": the talks' place
        f = next(  # "at the Elysee Palace in Paris": the venue's city
            (g for b, g in venues.items() if _VENUE_CITY.fullmatch(text, b, m.start)), None
        ) or nearest(ctx, m.start, s.frames, s, same_clause=True, limit=limit)
        if f is None:  # "the talks, which took place in Ankara": the talks' place
            f = antecedent(ctx, s, m.start)
        if f is None or (other_event and f.start > m.start and _reported(ctx, m.end, f.start)):
            continue
        if ctx.is_venue(entity):
            if f.venue is None or f.venue_entity is None:
                f.venue, f.venue_entity = (m.start, m.end, m.text), m.entity_id
                venues[m.end] = f
        elif f.place is None or (_rank(ctx, m, f.place), _closer(ctx, s, f, m, f.place)) > (0, 0):
            f.place = m
    for f in s.frames:  # "flew to Ankara, where he met X": the city the clause hangs on
        if f.place is None and f.venue is None:
            f.place = _where_city(ctx, s, f)
    for f in s.frames:  # "at the White House": in Washington
        if f.place is None and f.venue is not None:
            city = next(
                (c for v, c in ctx.vocab.venue_cities.items() if f.venue[2].endswith(v)), None
            )
            if city and ctx.entity(city) is not None:
                a, b, name = f.venue
                f.place = Mention(ctx.article.article_id, a, b, name, city, "venue")


def _speaker_city(ctx: ArticleContext, pos: int, end: int) -> bool:
    """A speech verb within two words after the city ("Officials in Moscow said", "Analysts in
    Kyiv have said"): the city says where the speakers are."""
    words = [w.lower() for w in _WORD.findall(ctx.text[pos : min(end, pos + 40)])][:3]
    verbs = ctx.speech_verbs
    if any(w in verbs for w in words[:2]):
        return True
    return len(words) == 3 and words[0] in _AUX and words[2] in verbs


_AUX = frozenset({"have", "has", "had", "also", "later", "then"})


def _reported(ctx: ArticleContext, a: int, b: int) -> bool:
    """Between a and b a "that" or a speech verb: what follows is reported speech."""
    words = {w.lower() for w in _WORD.findall(ctx.text, a, b)}
    return "that" in words or bool(words & ctx.vocab.speech_verbs)


_WHERE = re.compile(r"\s*,?\s+where\s+(?:[\w’'-]+\s+){0,5}", re.I)


def _where_city(ctx: ArticleContext, s: Sentence, f: Frame) -> Mention | None:
    """ "Wang flew to Ankara, where he sat down with Fidan": the city right before a "where"
    clause (at most five words before the trigger) is the place of the clause's encounter."""
    for m in ctx.mentions_in(s.start, f.start, "location"):
        entity = ctx.entity(m.entity_id)
        city = entity is not None and ctx.is_city(entity)
        if city and _WHERE.fullmatch(ctx.text, m.end, f.start):
            return m
    return None


_VENUE_CITY = re.compile(r"(?:,\s*|\s+in\s+)")
_ABOARD = frozenset({"aboard", "board", "onboard"})  # "aboard the X", "on board the X"
# a participle that ties a city far from the trigger to it ("held in", "took place in")
_HELD = frozenset({"held", "hosted", "convened", "place"})


@cache
def _venue_pattern(venue_nouns: tuple[str, ...]) -> re.Pattern[str]:
    nouns = "|".join(map(re.escape, venue_nouns))
    return re.compile(
        rf"\b(?:at|in|to|inside)\s+(?:the\s+)?((?:[A-Z][\w’'.-]*\s+){{0,3}}(?:{nouns}))\b"
    )


def _rank(ctx: ArticleContext, new: Mention, old: Mention) -> int:
    """1 when `new` is a known place and `old` a discovered one, -1 the other way, else 0: a
    discovered place never overrides one the knowledge base lists."""
    known = [m.entity_id in ctx.kb.entities for m in (new, old)]
    return known[0] - known[1]


def _closer(ctx: ArticleContext, s: Sentence, f: Frame, new: Mention, old: Mention) -> bool:
    def dist(m: Mention) -> int:
        return words_between(
            ctx.text, m.start, f.start if m.start < f.start else f.end, s.protected
        )

    return dist(new) < dist(old)


def _attach_dates(ctx: ArticleContext, s: Sentence, dates: list[DateExpr]) -> None:
    text = ctx.text
    attached: dict[Frame, list[DateExpr]] = {}
    for d in dates:
        if d.year is None and inside(d.start, s.quotes):
            continue  # the speaker's "today", not the article's
        before = _WORD.findall(text[max(s.start, d.start - 25) : d.start])
        if before and before[-1].lower() == "on":
            before = before[:-1]
        if before and before[-1].lower() in ctx.speech_verbs:
            continue  # "reported Tuesday" dates the report
        if _dates_statement(ctx, s, d):
            continue  # "The Kremlin on Tuesday praised the talks" dates the praise
        if _deadline(d, before):
            continue  # "a deal by Friday", "talks until March": a bound, not the day they meet
        if _scheduled_other(ctx, s, d):
            continue  # "the vote due on March 30" dates the vote
        f = nearest(ctx, d.start, s.frames, s, same_clause=True, limit=MAX_WORDS)
        if f is not None and f.start > d.end and "," in text[d.end : f.start]:
            # "A met B in C on Tuesday, their first meeting since May": the date closes the
            # frame before it, the appositive after the comma names that encounter again
            told = [g for g in s.frames if g.end <= d.start and g.clause.index == f.clause.index]
            f = told[-1] if told else f
        if f is None:  # "The talks, which began on Tuesday, ...": the talks' date
            f = antecedent(ctx, s, d.start)
        if f is None and _OPENING_DATE.fullmatch(text, s.start, d.start):
            f = _main_frame(s)  # "On March 3, the envoys of A and B, ..., met in C"
        if f is not None and _timed_by_other(ctx, f, d):
            continue
        if f is not None and _dates_decision(ctx, s, f, d):
            continue  # "agreed on Thursday to meet in C": the day of agreeing
        if f is not None and _dates_saying(ctx, s, f, d):
            continue  # "Lavrov told reporters on Wednesday that he had met Fidan"
        if f is not None and _briefing_topic(ctx, s, f, d):
            continue  # "would update X on his talks with Y on Friday" dates the update
        if f is not None:
            attached.setdefault(f, []).append(d)
    for f in s.frames:
        cands = attached.get(f, [])
        if not cands:
            continue
        cands.sort(
            key=lambda d: words_between(
                text, d.start, f.start if d.start < f.start else f.end, s.protected
            )
        )
        best = cands[0]
        for other in cands[1:]:
            a, b = sorted((best, other), key=lambda d: d.start)
            if _ADJACENT.fullmatch(text[a.end : b.start]) and other.kind in ("date", "month_day"):
                best = other  # "the previous week, on April 17, 2025": the full date
        f.date = best


# "update X on (his) talks", "briefed the cabinet about the meeting": a briefing verb, at most
# three words (its object), then on/about and at most two words before the trigger
_TOPIC = re.compile(r"(?:\s+[\w’'.-]+){0,3}?\s+(?:on|about)(?:\s+[\w’'-]+){0,2}?\s*")


def _briefing_topic(ctx: ArticleContext, s: Sentence, f: Frame, d: DateExpr) -> bool:
    """The encounter is what someone is briefed on ("Trump said he would update Zelensky on his
    talks with Putin on Friday", "On Monday she briefed MPs about the summit"): the sentence's
    dates are the briefing's, unless the date names the encounter ("briefed him on Tuesday's
    talks")."""
    if d.text.endswith(("'s", "’s")) and d.end <= f.start:
        return False
    home = clause_at(f.start, s.parts)
    text = ctx.text
    for w in _WORD.finditer(text, max(home.start, f.start - 80), f.start):
        if w.group().lower() in ctx.vocab.briefing_verbs and _TOPIC.fullmatch(
            text, w.end(), f.start
        ):
            return True
    return False


_DAY_OF = ("weekday", "month_day", "date", "day_of_month")
_BLANK = re.compile(r"\s*")


def _plan(f: Frame) -> bool:
    return "planned" in f.statuses and "held" not in f.statuses


def _apposed_dates(ctx: ArticleContext, s: Sentence) -> None:
    """ "A met B in C on Thursday, a day after a call with D", "..., two days before talks in
    E": the encounter named within three words after the count, dated by nothing else, lies that
    many days from the day that closes the clause before the comma (a single day told for an
    encounter of the sentence). Both told as taken place, or both as plans: a plan's day and
    an event's count from different "nows"."""
    text = ctx.text
    for ap in counted_apposed(text, s.start, s.end):
        base = next(
            (f for f in reversed(s.frames)
             if f.date is not None and f.date.end <= ap.comma
             and _BLANK.fullmatch(text, f.date.end, ap.comma)),
            None,
        )  # fmt: skip
        if base is None or base.date is None or base.date.kind not in _DAY_OF:
            continue
        d = base.date
        if d.shift or d.week is not None or d.last_day or d.last_weekday is not None:
            continue
        target = next(
            (f for f in s.frames
             if f.start >= ap.end and words_between(text, ap.end, f.start, s.protected) <= 3),
            None,
        )  # fmt: skip
        if target is None or target is base or target.date is not None:
            continue
        if _plan(target) != _plan(base):
            continue
        span = text[ap.comma + 1 : ap.end].strip()
        target.date = replace(d, start=ap.comma + 1, end=ap.end, text=span, shift=ap.shift)


# "to" and an infinitive, which may be the encounter's own verb or a support verb and its
# object's first words ("to meet", "to hold a", "to host direct"); never "to a ceasefire"
_TO = re.compile(
    r"\s+to(?:\s+(?!(?:the|a|an|this|that|its|their|his|her)\b)[a-z]+(?:\s+[\w’'-]+){0,2}?)?\s+"
)
DECISION_WORDS = 4  # the verb and its object before the date ("invited Volodymyr Zelensky on")


def _dates_decision(ctx: ArticleContext, s: Sentence, f: Frame, d: DateExpr) -> bool:
    """ "agreed on Thursday to meet in C", "invited X on Monday to visit C": a date right before
    "to" and the encounter's verb, a verb of `decision_verbs` at most DECISION_WORDS words before
    it, is the day of the decision; "flew to C on Monday to meet X" (travel) keeps it."""
    if f.start < d.end or not _TO.fullmatch(ctx.text, d.end, f.start):
        return False
    words = _WORD.findall(ctx.text[max(s.start, d.start - 60) : d.start])[-DECISION_WORDS:]
    return any(w.lower() in ctx.vocab.decision_verbs for w in words)


# what opens a reported clause right after the day of saying: "that", or a subject pronoun
_REPORTED = re.compile(r"[\s,]*(?:that\b|(?:he|she|they|we|it|I)\s+[a-z])")
SAYING_WORDS = 5  # how far before the date the speech verb may stand ("told reporters on")


def _dates_saying(ctx: ArticleContext, s: Sentence, f: Frame, d: DateExpr) -> bool:
    """ "Lavrov told reporters on Wednesday that he had met Fidan", "X said on Monday they had
    held talks": a date between a speech verb (at most SAYING_WORDS words before it) and the
    clause of what was said, the encounter told inside that clause, is the day of saying; so
    is a date before the speech verb whose reported clause tells the encounter ("On Monday, X
    said he had met Y", "In an interview on Monday, X said Y had met Z")."""
    if f.start < d.end:
        return False
    if _REPORTED.match(ctx.text, d.end, f.start) is not None:
        words = _WORD.findall(ctx.text[max(s.start, d.start - 60) : d.start])[-SAYING_WORDS:]
        if any(w.lower() in ctx.speech_verbs for w in words):
            return True
    # "On Monday, X said he had met Y", "In an interview on Monday, X said that ...": the
    # date opens the clause of saying, the encounter is told in what was said
    for w in _WORD.finditer(ctx.text, d.end, f.start):
        if w.group().lower() in ctx.speech_verbs and _said(ctx.text, w.end(), f.start):
            return True
    return False


# what was said after a speech verb: "that", a subject pronoun and its verb, or a name and an
# auxiliary or the encounter's verb ("said Macron had met", "said Macron met"); not a name
# that is the addressee ("told Trump during their meeting")
_REPORTED_OR_NAME = re.compile(
    r"[\s,]*(?:that\b|(?:he|she|they|we|it|I)\s+[a-z]|(?P<name>(?:[A-Z][\w’'.-]*\s+){1,5}))"
)
_AUXILIARY = re.compile(r"(?:had|has|have|was|were|would|will|is|are|could|did)\b")


def _said(text: str, pos: int, trigger: int) -> bool:
    m = _REPORTED_OR_NAME.match(text, pos, trigger)
    if m is None:
        return False
    return m["name"] is None or m.end() == trigger or bool(_AUXILIARY.match(text, m.end()))


_NEXT_WORD = re.compile(r"\s+([a-z]+)")


def _dates_statement(ctx: ArticleContext, s: Sentence, d: DateExpr) -> bool:
    """ "The Kremlin on Tuesday described the talks as useful": a date right before a speech
    or statement verb, no trigger before it in its clause, is the day of the statement."""
    m = _NEXT_WORD.match(ctx.text, d.end, s.end)
    if m is None:
        return False
    verb = m.group(1)
    if verb not in ctx.vocab.speech_verbs and verb not in ctx.vocab.statement_verbs:
        return False
    home = clause_at(d.start, s.parts)
    return not any(t.end <= d.start and t.start >= home.start for f in s.frames for t in f.triggers)


_TOKENS = re.compile(r"[\w’'-]+")
_BOUNDS = ("by", "until", "till", "before")  # a date after these bounds the encounter in time


def _deadline(d: DateExpr, before: list[str]) -> bool:
    """ "by Friday", "until March 3", "before 15 May", "by March": a deadline or a bound, which
    does not say when the encounter is; but "before Friday's summit" dates the summit."""
    if d.text.endswith(("'s", "’s")):
        return False
    first = d.text.split(maxsplit=1)[0].lower()
    return first in _BOUNDS or bool(before and before[-1].lower() in _BOUNDS)


def _scheduled_other(ctx: ArticleContext, s: Sentence, d: DateExpr) -> bool:
    """ "the vote due on March 30", "a deadline set for Friday" (a determiner, at most one word,
    a noun, a word of `schedule_words`): the date of that noun's event; but "talks scheduled
    for Friday" (the noun a trigger) date the talks, and "earlier than scheduled on
    Wednesday" (no noun) the encounter."""
    words = list(_TOKENS.finditer(ctx.text, max(s.start, d.start - 60), d.start))
    if words and words[-1].group().lower() in ("on", "for"):
        words.pop()
    if len(words) < 3 or words[-1].group().lower() not in ctx.vocab.schedule_words:
        return False
    noun = words[-2]
    if not any(w.group().lower() in ctx.vocab.determiners for w in words[-4:-2]):
        return False
    return not any(t.start <= noun.start() < t.end for f in s.frames for t in f.triggers)


# what may precede a date that opens its sentence and so dates the main clause's encounter
_OPENING_DATE = re.compile(r"\W*(?:(?:then|later|and|but|finally)\W+)*(?:on|in|by)?\s*", re.I)


def _main_frame(s: Sentence) -> Frame | None:
    """The first frame of a main clause, when the sentence has one and it is not named after a
    temporal preposition ("ahead of the talks")"""
    main = [f for f in s.frames if f.clause.kind == "main"]
    return main[0] if main and not main[0].temporal else None


_POSSESSED = re.compile(r"(?:\s+[\w-]+){0,2}?\s+")  # "Tuesday's (long-awaited) talks"
_NP_DATE = re.compile(r"(?:\s+(?:[\w’'-]+|in\s+[A-Z][\w-]+)){0,5}?\s+(?:on\s+|of\s+)?$")


def after_temporal(
    ctx: ArticleContext, start: int, f: Frame, dates: Iterable[DateExpr] = ()
) -> bool:
    """The trigger is named after a temporal preposition ("ahead of the talks"); not one inside a
    time expression ("The following day, A held talks with B")."""
    text = ctx.text
    lo = max(start, f.start - 40)
    spans = [(d.start, d.end) for d in dates]
    return any(
        len(_WORD.findall(text, m.end(), f.start)) <= 3
        and not any(a <= m.start() < b for a, b in spans)
        for m in ctx.vocab.temporal_prepositions.finditer(text, lo, f.start)
    )


def _timed_by_other(ctx: ArticleContext, f: Frame, d: DateExpr) -> bool:
    """In "ahead of the talks" or "in the wake of the summit" the clause's date is another
    event's, unless it follows the trigger closely ("after talks on Monday") or is the
    trigger's possessive ("after Tuesday's talks")."""
    if not f.temporal:
        return False
    if d.end <= f.start and d.text.endswith(("'s", "’s")):
        return _POSSESSED.fullmatch(ctx.text, d.end, f.start) is None
    return not (d.start >= f.end and _NP_DATE.fullmatch(ctx.text, f.end, d.start))


def _attach_cues(ctx: ArticleContext, s: Sentence) -> None:
    text, vocab = ctx.text, ctx.vocab
    absorbers = s.frames + [Frame([t], clause_at(t.start, s.parts), False) for t in s.consumers]

    def target(pos: int, limit: int | None = None) -> Frame | None:
        f = nearest(ctx, pos, absorbers, s, same_clause=True, limit=limit)
        if f is None:
            # a cue of another clause does not speak of an encounter a relative clause tells
            # ("X, who was in C on Monday for talks, said he expected to ...")
            others = [
                g
                for g in s.frames
                if g.clause.kind != "rel" or g.clause.start <= pos < g.clause.end
            ]
            f = nearest(ctx, pos, others, s, same_clause=False, limit=limit or MAX_WORDS)
        return f if f in s.frames else None

    cues = [
        _Cue(m.start(), m.end(), status)
        for status, pattern in vocab.status_cues.items()
        for m in pattern.finditer(text, s.start, s.end)
    ]
    present = vocab.present_cues
    for cue in resolve_overlaps(cues):  # "will be held" is a plan, not "held"
        if (f := target(cue.start, STATUS_WORDS)) is not None:
            f.statuses.add(cue.status)
            told = text[cue.start : cue.end]
            f.past = f.past or (cue.status == "held" and not present.fullmatch(told))
    for m in present.finditer(text, s.start, s.end):
        if (f := target(m.start(), STATUS_WORDS)) is not None:
            f.present = True
    for f in s.frames:  # "have not met since their summit in C": it took place
        since = _SINCE.search(text, max(s.start, f.start - 40), f.start)
        if since is not None and not f.statuses:
            f.statuses.add("held")
            f.past = True
    for f in s.frames:  # "X meets Y in C on Thursday": announced, not told
        if f.present and not f.past and f.date is not None and f.date.kind in _DAY_KINDS:
            f.statuses.discard("held")
            f.statuses.add("planned")
    for fmt, pattern in vocab.format_cues.items():  # the form is stated in its own clause
        for m in pattern.finditer(text, s.start, s.end):
            f = nearest(ctx, m.start(), absorbers, s, same_clause=True, limit=MAX_WORDS)
            if f in s.frames and f is not None and f.format != "video":
                f.format = fmt
    for level, pattern in vocab.levels.items():
        for m in pattern.finditer(text, s.start, s.end):
            if (f := target(m.start())) is not None:
                f.levels.add(level)
    for m in vocab.downgrade_cues.finditer(text, s.start, s.end):
        if (f := target(m.start())) is not None:
            f.downgraded = True
    for m in vocab.bilateral_cues.finditer(text, s.start, s.end):
        if (f := target(m.start())) is not None:
            f.bilateral = True
