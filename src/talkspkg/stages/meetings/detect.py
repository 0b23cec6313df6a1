"""Per article: sentences -> frames -> the article's encounters, as `MeetingMention`s.

Coreference inside one article (policy):

* A frame with a place or a date joins an earlier encounter of the article that does not
  contradict it (same form, same city, overlapping dates; an unresolved relative date equals
  only the same expression) and shares its city, its date (unless both name people and share
  none) or two people; otherwise it opens one. One shared person is no link: a leader named in
  two sentences may meet different people in each.
* An anaphoric frame ("the talks", "Kellogg was still in attendance") is folded into an
  earlier frame of its own sentence that has a place or a date, else joins the main
  encounter of the latest sentence that had one (main: the first frame outside subordinate
  and relative clauses), of the same form (a call refers to calls, talks to in-person
  encounters), unless its trigger's slots name parties of whom that encounter has none (two,
  or one as the subject or object of a verb: "ahead of the Trump-Putin summit" after a visit
  to London, "Saudi Arabia hosted ..."): then it is an encounter of its own when it names two
  parties, else it is dropped. People acting for states of that encounter for none of which
  it names a person yet are its delegations' leaders, not others ("US and Ukrainian officials
  met in Geneva on Sunday. The talks, led by A and B, ..." is the Sunday talks). A frame
  that opens its sentence ("The meeting, hosted by ..., follows similar discussions held in
  Paris") refers back, not forward. With no antecedent it
  stands alone only when it names two parties ("had a phone call with Lammy"), else it is
  dropped.
* A frame with a place or a date that fits no encounter continues the encounter of the
  sentence just before when nothing contradicts it (another city, another date, other
  parties, "the next round", "ahead of the talks"); when both name parties they must share
  one ("A and B hosted talks in Miami. On January 23, C, D and E met" is two encounters).
* A frame whose days lie inside the week or month of the encounter told in the sentence just
  before, and finer ("met this week. The talks took place on Tuesday and Wednesday"), continues
  it and gives its days. An explainer's question with no encounter ("Who took part?") heads its
  answer and puts no distance between the sentences around it.
* People of one state named by a noun anaphor ("X opened the first session") or as hosts ("X
  hosted the talks") are at the in-person encounter held in their own country told within
  HOME_REACH sentences, when the encounter told last has none of them (another encounter
  recalled in between, a delegation's paragraph): the host country chairs its talks. So do its
  people receiving "the delegations" on a day of the encounter told last or the day before ("X
  welcomed the delegations on Monday" before talks that ended on Tuesday; `_received`).
* A round told with its length ("wrapped up two days of talks on Tuesday") spans those days
  (durations.py).
* A headline's bare infinitive ("X to meet Y on Thursday", "Leaders to hold talks") is its
  future: planned, its day the next such day (`headline_plans`), unless a cue says it took
  place.
* A live blog's day headings ("Wednesday 8 April 2026") date their entries: relative dates
  there count from the heading's day (entries.py).
* A paragraph opened by a date and nothing else ("Monday.", "Tuesday, 19 May:"), as diaries
  and newsletters label their entries, dates the paragraph's frames that state no date.
* A photo caption shows the encounter of those it names: its frames never group with the
  prose's, nor is a caption an antecedent of the sentences after it (merge.py decides, across
  the corpus, whether the photo shows a side meeting of a larger one).
* An attendance cue ("X was in attendance", "X joined by video link") refers to the encounter
  told last, whatever its form (it gives the encounter no form), and only to one of the last
  CUE_REACH sentences, or ANCHORED_REACH when it names one of that encounter's people ("Putin
  was flanked by A and B", a section heading after the summit was told).
* A relative clause of attendance ("Ushakov, who attended the meeting, said") tells who was at
  the encounter told last, not another one. "Earlier talks with X and Y" naming parties of its
  own is a round of its own.
* An anaphor after a next round only announced ("She said another round would follow
  shortly. The discussions were constructive") refers, unless it is itself told as a plan,
  to the encounter told before that announcement (`_antecedent`): what is said to have
  happened did not happen at a round still to come.
* "The next round", "another round" (no party of its own) is another encounter between the
  parties (countries, delegations) of the encounter told last (not when a quotation says so:
  the speaker's "another" is not relative to the article's story); it never joins that one.
  A state that mediated that round ("U.S.-brokered talks in Abu Dhabi") mediates the next too,
  unless it mediated at home or the round's country is unknown (a host receives only the round
  held in its country).
* Who joins the encounter told by video or phone ("A joined the talks by video link") attends
  it whatever its form, as an attendance cue does; the remote form is A's, not the meeting's.
* The people of a side meeting attend the larger encounter it is part of when that one names
  nobody ("A and B held a bilateral meeting at the G20 summit in C").
* Two frames that each name exactly two people, different pairs, are different encounters
  when the pairs are disjoint or the encounter is a call (as in merge.py). Two people or more,
  none of a bilateral encounter's people, one acting for a state it has no party of, are
  another encounter even in its city and days ("A visited Moscow in May. B and C last met in
  Moscow in May"); so is another pair that shares one person when the other acts for such a
  state ("X received A on Wednesday. Earlier the same day, A had lunch with B").
* A bilateral ("a bilateral meeting with his Ukrainian counterpart", "on the sidelines of")
  is its own encounter, `part_of` the encounter of its sentence or of the latest sentence,
  unless that encounter names nobody but the bilateral's two people and neither its city nor
  its dates contradict it (a headline or a lead telling the same meeting: it joins it). An
  attendance cue right after a side meeting that names one of its people ("A was accompanied
  by C") is of the side meeting.
* So is a side meeting on the margins of a multilateral encounter: a narrated frame (a verb,
  or a support verb before the noun: "A held talks with B", "A was also meeting C") whose
  slots name parties, at least one a person, acting for exactly two states, both parties of
  the in-person encounter told within the last MARGIN_REACH sentences (or one of them the
  host country), when that encounter has three states or more and the frame states no other
  city and no date outside the encounter's. Two states talking apart at a meeting of
  three or more is not that meeting; at a meeting of two it is (a host, "C hosted A and B",
  is not counted among the three).

The story's time (`_Grouper.clock`) is the date of the latest dated encounter the prose told, not
counting plans, or of a sentence telling no encounter that opens with a date it has reached ("In
February, A berated B.", "On Monday, drones hit Odesa."; not when a speech verb makes it the
day of a statement: `_Grouper.moved`); such a sentence also ends the reach of anaphors ("That
meeting ...") into an encounter told before whose date lies more than MOVED_DAYS from it.
A sequel ("later in the month", "the following day") is dated from it (or not at
all). An undated event narrated by a verb never joins an encounter dated, or last told, before the
story's time: "met in the Oval Office ... met in Alaska on August 15. X hosted Y in Washington"
tells a second visit to Washington, not the first again.

The date of a plan that was cancelled or postponed ("was to start on Sunday, but was
postponed") does not place the encounter in time (it is kept on the mention).

A day without a year in a story told in an earlier year takes that year
(narrative_years: "In February 2022 ... On March 10, ..."), and so does one in a sentence that
opens with a year (opening_years: "In 2022, ... talks in Istanbul on 29 March").

The article's anchor is its publication date (a dateline's day, "KYIV, March 9 (Reuters) -",
wins over the date `sources.yaml` gives: it is the text's own day), widened to the day of an
"Updated" line up to UPDATED_DAYS later (the text may have been rewritten then: what both days
make of "on Thursday" is its date, else it has none), else the window a relative
expression tied to a full date states (dates.stated_anchor), else the "now" its text fixes
without a publication date (textanchor.text_anchor: an "Updated" line, a dateline's day in the
year a stated date gives), else None (relative dates stay unresolved here; days without year
take the year the text fixes: textanchor.story_years).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache

from talkspkg.document import Article, SegmentKind
from talkspkg.kb import KnowledgeBase
from talkspkg.stages.meetings.context import ArticleContext
from talkspkg.stages.meetings.copies import sketch
from talkspkg.stages.meetings.dates import (
    Anchor,
    DateExpr,
    DateRange,
    anchor_label,
    counts_from_story,
    find_dates,
    from_story,
    may_state_now,
    published_anchor,
    resolve,
    stated_anchor,
)
from talkspkg.stages.meetings.durations import stretched
from talkspkg.stages.meetings.entries import entry_anchor, entry_days, in_entry
from talkspkg.stages.meetings.enumeration import enumerated
from talkspkg.stages.meetings.frames import absorb, read_sentence, visit_host
from talkspkg.stages.meetings.model import MeetingMention
from talkspkg.stages.meetings.patterns import has_support_verb
from talkspkg.stages.meetings.reading import READ, narrative_years, opening_years, paragraphs
from talkspkg.stages.meetings.sentence import Frame, Sentence, add_role
from talkspkg.stages.meetings.text import inside, quote_spans, sentences
from talkspkg.stages.meetings.textanchor import (
    dateline_day,
    story_years,
    text_anchor,
    updated_day,
)
from talkspkg.stages.meetings.vocab import Vocab, load_vocab
from talkspkg.stages.mentions import MentionResult


@dataclass(eq=False)
class Local:
    local_id: str
    scope: str
    parent: Local | None = None
    place_id: str | None = None
    date_key: tuple[object, ...] | None = None
    range: DateRange | None = None
    format: str | None = None
    people: set[str] = field(default_factory=set)
    parties: set[str] = field(default_factory=set)  # persons and countries taking part
    hosts: set[str] = field(default_factory=set)  # those of them that host (no side of their own)
    # states that take part as mediators only ("U.S.-brokered talks", "mediated by Qatar")
    mediators: set[str] = field(default_factory=set)
    caption: bool = False  # told by a photo caption
    clock: DateRange | None = None  # the story's time when it was last told (see _Grouper.clock)


# a sentence that opens with a markdown link or list of links (a story card, navigation); an
# inline link inside a report ("met X in Warsaw, [the presidency said](url)") is still read
_LINK_LINE = re.compile(r"\s*(?:[*•-]\s*)?\[[^\]]*\]\(")
_OPENING_DATE = re.compile(r"\W*(?:(?:then|later|and|but|finally)\W+)*(?:on|in)?\s*", re.I)
_WORDS = re.compile(r"[\w’'-]+")
OPENING_CHARS = 60  # how far into a sentence its opening date is looked for
# a time this many days or fewer from an encounter's is the same days' news ("met on Tuesday.
# On Wednesday, drones hit Kyiv. The talks lasted five hours"): anaphors still reach it
MOVED_DAYS = 7
UPDATED_DAYS = 3  # an "Updated" line this many days after the publication date widens "now"


@cache
def _opening_lead(vocab: Vocab) -> re.Pattern[str]:
    """The first words a time expression opening a sentence can start with: a digit, a month
    or weekday name, or a word that leads a relative expression ("Last month", "The following
    day", "A week later", "Two days later", "At the weekend")."""
    names = "|".join(sorted({*vocab.weekdays, *vocab.months}, key=len, reverse=True))
    leads = {p.split()[0] for p in (*vocab.relative, *vocab.sequel, *vocab.weekday_modifiers)}
    leads -= {"the", "a", "an", "on", "in"}  # too common alone: with their next word below
    words = "|".join(sorted(map(re.escape, leads), key=len, reverse=True))
    return re.compile(
        r"\W*(?:(?:then|later|and|but|finally)\W+)*(?:(?:on|in|at|over|during)\s+)?"
        rf"(?:\d|(?:{names})\b|(?:{words})\b|(?:the|a|an|one|two|three|four|five|six|seven|"
        r"eight|nine|ten|eleven|twelve|\d+)\s+(?:following|next|previous|same|day|days|week|"
        r"weeks|weekend|month|months|fortnight|end|start|beginning|middle|week's|night|morning|"
        r"evening|afternoon)\b|that\s+(?:day|week|month|morning|evening|night)\b)",
        re.I,
    )


def frame_status(f: Frame) -> str | None:
    """A downgrade took place (at a lower level); else cancelled, postponed, held, planned."""
    if f.downgraded:
        return "held"
    if "cancelled" in f.statuses or "postponed" in f.statuses:
        return "cancelled" if "cancelled" in f.statuses else "postponed"
    if "held" in f.statuses:
        return "held"
    return "planned" if "planned" in f.statuses else None


def told_held(f: Frame) -> bool:
    """Said to have taken place ("met", "held talks"), and nothing says it was a plan."""
    return "held" in f.statuses and not f.statuses & {"planned", "cancelled", "postponed"}


def is_future(f: Frame) -> bool:
    """Said of a plan ("planned for Thursday", "will travel"), not of what took place."""
    return "planned" in f.statuses and "held" not in f.statuses and not f.downgraded


def frame_format(f: Frame) -> str | None:
    if f.format:
        return f.format
    if all(t.kind == "conversation" for t in f.triggers) and f.place is None and f.venue is None:
        return None
    return "in_person"


def article_anchor(ctx: ArticleContext) -> Anchor | None:
    if ctx.article.meta.published_date is not None:
        meta = ctx.article.meta
        filed = _dateline_day(ctx.article) if meta.published_date_source == "sources" else None
        if filed is not None:  # "KYIV, March 9 (Reuters) -": the story's own day
            return published_anchor(filed, "text")
        anchor = published_anchor(meta.published_date, meta.published_date_source)
        updated = updated_day(ctx)
        if updated is not None and 0 < (updated - anchor.lo).days <= UPDATED_DAYS:
            # "Published 3 December | Updated 4 December": now is either day (dates.resolve)
            return replace(anchor, hi=updated)
        return anchor
    exprs = [
        d
        for seg in ctx.article.segments_of(*READ)
        if may_state_now(ctx.text, seg.start, seg.end, ctx.vocab)  # the others: speed
        for d in find_dates(ctx.text, seg.start, seg.end, ctx.vocab)
    ]
    return stated_anchor(ctx.text, exprs) or text_anchor(ctx)


def _dateline_day(article: Article) -> date | None:
    """The month and day a dateline states ("KYIV, March 9 (Reuters) -", "ANKARA, 9 March
    (AFP) -") in the year that puts it nearest the publication date `sources.yaml` gives (the
    text states no year): the day the story was filed, which its "on Tuesday" counts from. None
    when there is none, or when it lies more than textanchor.DATELINE_DAYS from that date."""
    published = article.meta.published_date
    return dateline_day(article, [published]) if published is not None else None


class _Grouper:
    """In-article coreference (see the module policy)."""

    def __init__(self, ctx: ArticleContext, anchor: Anchor | None) -> None:
        self.ctx, self.anchor = ctx, anchor
        self.locals: list[Local] = []
        self.latest: dict[str, Local] = {}  # format class -> main encounter of the latest sentence
        self.side: Local | None = None  # the side meeting the latest sentence told, if any
        self.told_cls: str | None = None  # the format class of the encounter told last
        self.of: dict[Frame, Local] = {}  # frame -> its encounter (frames hash by identity)
        self.count = 0  # sentences read
        self.seen: dict[Local, int] = {}  # encounter -> the last sentence that reported it
        self.caption = False  # the sentence being read is a photo caption
        # the date of the latest dated encounter the prose told (not a plan): the story's time
        self.clock: DateRange | None = None
        self.contested = False  # an aside recalled an earlier encounter since the clock was set
        self.ahead: dict[str, Local] = {}  # format class -> the next round announced last
        self.before: dict[str, Local | None] = {}  # ... and the encounter told before it
        self.after: dict[Frame, date] = {}  # frame -> narrated_after(frame).start
        self.visit_hosts: dict[Frame, str] = {}  # frame -> the state its visit is hosted by

    def settle_hosts(self) -> None:
        """A visited state named host for want of its people gives way to them once the
        encounter names one ("X arrived in Ankara. He met Y and Z": Y and Z received X)."""
        for f, host in self.visit_hosts.items():
            loc = self.of.get(f)
            if loc is not None and any(self.ctx.state_of(p) == host for p in loc.people):
                f.roles.pop(host, None)

    def _inherit(self, f: Frame) -> None:
        """ "The next round of talks", "another round" naming no party is held between the
        parties (countries, delegations) of the round the article told last; so is a numbered
        or earlier round ("the first round of talks", "a second meeting", frames.is_series);
        "they will meet again" is held by the same people too.
        Not in a quotation: the speaker's "another meeting" is another than those the speaker
        has in mind, which need not be the one the article told last."""
        if not (f.other or f.series) or f.in_quote:
            return
        if any(role != "absent" for role in f.roles.values()):
            return
        loc = self.latest.get(_format_class(frame_format(f)) or "")
        if loc is None:
            return
        # the mediator of the series mediates its next round too ("the next round of
        # U.S.-brokered talks"), when the round told was held in another country than its own:
        # a host, or a mediator at home, receives only the round held there
        place = self.ctx.entity(loc.place_id) if loc.place_id else None
        home = self.ctx.country_by_iso.get(place.country) if place and place.country else None
        mediators = loc.mediators - loc.hosts - {home} if home else set()
        for eid in sorted(loc.parties | mediators):
            entity = self.ctx.entity(eid)
            if entity is not None and (f.again or entity.entity_type != "person"):
                add_role(f.roles, eid, "participant")

    def _distance(self, loc: Local) -> int:
        """Days between the encounter and the article's "now" (0 when either is unknown)."""
        if loc.range is None or self.anchor is None:
            return 0
        a, r = self.anchor, loc.range
        return max((r.start - a.hi).days, (a.lo - r.end).days, 0)

    def _continued(self, f: Frame) -> Local | None:
        """A frame with a place or a date that fits no encounter continues the encounter of the
        sentence just before, when nothing contradicts it ("... met in person for
        three-way talks. Held at a palace in Doha, the session was chaired by ...")."""
        cls = _format_class(frame_format(f))
        loc = self.latest.get(cls or "")
        if loc is None or self.seen.get(loc) != self.count - 1 or loc.scope != "main":
            return None
        if self.caption:
            return None
        place = f.place.entity_id if f.place else None
        if place and loc.place_id and place != loc.place_id:
            return None
        if _grouping_date(f) is not None and loc.date_key is not None:
            # two dates: _fits has compared them; the days within the week or month told just
            # before ("met this week. The talks took place on Tuesday and Wednesday") refine it
            rng = self._range(f)
            if rng is None or loc.range is None or not _finer(rng, loc.range):
                return None
            if rng.start < loc.range.start or rng.end > loc.range.end:
                return None
        if f.temporal or f.other:
            return None  # "comes after talks in Abu Dhabi", "the next round": another event
        parties = {e for e, role in f.roles.items() if role != "absent"} - f.third_parties
        if parties and loc.parties and not parties & loc.parties and not self._hosts(f, loc):
            return None  # "A and B hosted talks in Miami. On January 23, C, D and E met"
        people = self._people(f)
        if len(people) == 2 and len(loc.people) == 2 and people != loc.people:
            return None  # "A said he had met B. A will travel to C to meet D": another pair
        return None if _names_others(f, loc) and not self._hosts(f, loc) else loc

    def _people(self, f: Frame) -> set[str]:
        return {e for e in f.roles if (ent := self.ctx.entity(e)) and ent.entity_type == "person"}

    def _range(self, f: Frame) -> DateRange | None:
        date = _grouping_date(f)
        rng = resolve(date, self.anchor, is_future(f), told_held(f)) if date else None
        return stretched(rng, f.days)

    def _fits(self, loc: Local, f: Frame) -> int | None:
        fmt, place = frame_format(f), f.place.entity_id if f.place else None
        if loc.scope != "main" or (fmt and loc.format and fmt != loc.format):
            return None
        if loc.caption != self.caption:
            return None  # a photo shows the encounter of those it names, not the one told
        if place and loc.place_id and place != loc.place_id:
            return None
        same_date = False
        date = _grouping_date(f)
        if date and loc.date_key is not None:
            rng = self._range(f)
            if rng and loc.range:
                if rng.start > loc.range.end or loc.range.start > rng.end:
                    return None
                # a day inside a week is compatible, not a link
                same_date = rng.precision == loc.range.precision
            elif date.key == loc.date_key:
                same_date = True
            elif not (place and place == loc.place_id):
                return None
        people = self._people(f)
        pairs = len(people) == 2 and len(loc.people) == 2 and people != loc.people
        if pairs and (not people & loc.people or loc.format != "in_person"):
            return None  # another pair: another encounter, even on one day (see merge.py)
        same_place = bool(place and place == loc.place_id)
        shared = len(people & loc.people)
        if same_date and people and loc.people and not shared:
            same_date = False  # one day, other people: another encounter ("talks with Tusk")
        other = len(people) >= 2 and bool(loc.people) and (pairs or not shared)
        if other and self._other_pair(people - loc.people, loc):
            return None  # "A visited Moscow in May. B and C last met in Moscow in May"
        if not (same_place or same_date or shared >= 2):
            return None  # one leader named in both is no link (leaders meet many people)
        if self._moved_on(loc, f):
            return None
        return 4 * same_place + 2 * same_date + min(shared, 1)

    def _antecedent(self, f: Frame, cls: str) -> Local:
        """The encounter an anaphor refers to: the main encounter of the latest sentence; but
        when that is a next round only announced ("She said another round would follow
        shortly"), an anaphor not told as a plan ("The discussions were constructive")
        refers to the encounter told before it (`before`)."""
        latest = self.latest[cls]
        if latest is self.ahead.get(cls) and not is_future(f) and not f.other:
            return self.before.get(cls) or latest
        return latest

    def _new_pair(self, f: Frame, loc: Local) -> bool:
        """An anaphoric frame (not an attendance cue) naming two people, one of them not at a
        bilateral encounter and acting for a state it has no party of ("Putin received Orban.
        A planned Trump-Putin meeting was shelved"): their own encounter."""
        if _is_cue(f):  # "X was still in attendance, as was Y": who was at the one told
            return False
        people = self._people(f)
        pair = len(people) == 2 and len(loc.people) >= 2 and not people <= loc.people
        return pair and self._other_pair(people - loc.people, loc)

    def _other_pair(self, people: set[str], loc: Local) -> bool:
        """One of `people` (those a frame names beyond a bilateral encounter's) acts for a
        state the encounter has no party of: the frame's own encounter, whatever city and days
        it shares with it (a round of three states or more may see other states' people
        arrive)."""
        told = self.sides(loc.parties, strict=False)
        return 0 < len(told) <= 2 and bool(self.sides(people, strict=False) - told)

    def narrated_after(self, f: Frame) -> DateRange | None:
        """The story's time when an undated event is narrated by a verb as past ("Trump hosted
        X"), which it did not precede; None for a dated frame, a noun, a plan."""
        if _grouping_date(f) is not None or not _is_verb(f) or is_future(f):
            return None
        return self.clock

    def _moved_on(self, loc: Local, f: Frame) -> bool:
        """An undated event narrated by a verb ("Trump hosted X in Washington") after the story
        has told an encounter later than `loc` is a new event, not `loc` again: in "met in the
        Oval Office (February) ... met in Alaska on August 15 ... hosted X in Washington", the
        visit to Washington is not February's meeting."""
        clock = None if self.caption else self.narrated_after(f)
        told = loc.range or loc.clock
        return clock is not None and told is not None and clock.start > told.end

    def _join(self, loc: Local, f: Frame) -> Local:
        if f.place and not loc.place_id:
            loc.place_id = f.place.entity_id
        rng = self._range(f)
        finer = rng is not None and (loc.range is None or _finer(rng, loc.range))
        date = _grouping_date(f)
        if date and (loc.date_key is None or finer):
            loc.date_key, loc.range = date.key, rng
        if not _is_cue(f):  # who joined by video link does not make the encounter a call
            loc.format = loc.format or frame_format(f)
        loc.people |= self._people(f)
        # a host or mediator named by "hosted / mediated by" is no delegation of the talks
        loc.parties |= {e for e, role in f.roles.items() if role != "absent"} - f.third_parties
        loc.mediators |= {e for e in f.third_parties if f.roles.get(e) == "participant"}
        loc.hosts |= {e for e, role in f.roles.items() if role == "host"}
        loc.clock = self.clock
        self.of[f] = loc
        return loc

    def _attend_larger(self, f: Frame, parent: Local) -> None:
        """The people of a side meeting attend the larger encounter it is part of when that
        one names nobody ("A and B held a bilateral meeting at the G20 summit in C"; "Leaders
        of the G7 met in C. On the sidelines, A met B"): who met on its margins was there.
        Not a larger encounter with parties of its own (which of them the side meeting's
        people are the text does not say)."""
        if parent.parties or parent.hosts or parent.mediators or parent.people:
            return
        frames = [g for g in self.of if self.of[g] is parent]
        if any(g.roles for g in frames):
            return  # "in talks hosted by A": A is named apart from the delegations
        people = {e: r for e, r in f.roles.items() if r != "absent" and e in self._people(f)}
        if not frames or len(people) < 2:
            return
        for eid in sorted(people):
            add_role(frames[0].roles, eid, "participant")
        parent.people |= set(people)
        parent.parties |= set(people)

    def _new(self, f: Frame, scope: str = "main", parent: Local | None = None) -> Local:
        loc = Local(f"m{len(self.locals) + 1}", scope, parent, caption=self.caption)
        self.locals.append(loc)
        return self._join(loc, f)

    def _delegates_of(self, f: Frame, loc: Local) -> bool:
        """The anaphoric frame names only people acting for states that take part in `loc`, for
        none of which `loc` names a person yet: the delegations' leaders of the encounter told
        ("US and Ukrainian officials met in Geneva. The talks, led by A and B, ..."). Not when
        the encounter already names someone for one of those states: "Rubio and Lavrov's
        talks" after "Witkoff met Putin" may be other talks."""
        named = f.slot_parties
        if not named or any(e not in self._people(f) for e in named):
            return False
        sides = self.sides(named)
        whole = self.sides(loc.parties - loc.hosts, strict=False)  # the host takes no side
        told = self.sides(loc.people, strict=False)
        return len(sides) >= 2 and sides <= whole and not sides & told

    def sides(self, eids: Iterable[str], strict: bool = True) -> set[str]:
        """The states the parties act for (a person: their country, see
        ArticleContext.state_of). Strict: empty when one of them has none (an organisation, a
        person of unknown country)."""
        out: set[str] = set()
        for eid in eids:
            state = self.ctx.state_of(eid)  # a discovered person: the country of their title
            if state is None and strict:
                return set()
            if state is not None:
                out.add(state)
        return out

    def _compatible(self, f: Frame, loc: Local) -> bool:
        """Nothing in `f` contradicts `loc`: no other city, no date outside its dates."""
        place = f.place.entity_id if f.place else None
        if place and loc.place_id and place != loc.place_id:
            return False
        rng = self._range(f)
        return not (rng and loc.range and (rng.start > loc.range.end or loc.range.start > rng.end))

    def _hosts(self, f: Frame, loc: Local) -> bool:
        """The frame names only people of the country `loc` is held in, as hosts or by a noun
        ("Qatar's prime minister opened the talks on Monday"): its hosts, not other parties."""
        parties = {e for e, role in f.roles.items() if role != "absent"}
        if not parties or (_is_verb(f) and any(f.roles[e] != "host" for e in parties)):
            return False
        place = self.ctx.entity(loc.place_id) if loc.place_id else None
        home = self.ctx.country_by_iso.get(place.country or "") if place else None
        return home is not None and self.sides(parties) == {home}

    def _home(self, f: Frame, cls: str | None) -> Local | None:
        """The in-person encounter held in the country of the parties an anaphoric frame names,
        told within HOME_REACH sentences, when the encounter told last does not have them: who
        acts for the country the talks are held in hosts or chairs them ("Talks were held in
        Riyadh on Tuesday. [...] Saudi Arabia's foreign minister hosted the talks"), it is no
        encounter of its own. None for a caption, a sequel ("after", "ahead of"), a cue, a frame
        naming parties of two states or a party the latest encounter already has, a verb's
        party other than its host ("He met X": whom someone met)."""
        if self.caption or f.temporal or cls != "in_person" or _is_cue(f):
            return None
        parties = {e for e, role in f.roles.items() if role != "absent"}
        states = self.sides(parties)
        if len(states) != 1 or not parties:
            return None
        if _is_verb(f) and any(f.roles[e] != "host" for e in parties):
            return None  # "He met Hakan Fidan": whom someone met, not who hosted
        latest = self.latest.get(cls)
        if latest is not None and parties & latest.parties:
            return None
        (state,) = states
        told = sorted(self.seen.items(), key=lambda item: -item[1])
        for loc, seen in told:
            if self.count - seen > HOME_REACH or loc.scope != "main" or loc.caption:
                continue
            if loc.format != "in_person" or not loc.place_id or not self._compatible(f, loc):
                continue
            place = self.ctx.entity(loc.place_id)
            if place is not None and self.ctx.country_by_iso.get(place.country or "") == state:
                return loc if state not in self.sides(loc.parties - loc.hosts) else None
        return None

    def _received(self, f: Frame) -> Local | None:
        """The in-person encounter told last, when a dated frame names only its host country's
        people receiving "the delegations" on one of its days or the day before ("Talks in
        Riyadh ended on Tuesday. [...] The Saudi foreign minister welcomed the delegations on
        Monday"): its host, no encounter of its own. Not with a place of its own, nor a
        delegation it names ("welcomed a Russian delegation": whom it received)."""
        loc = self.latest.get("in_person")
        if loc is None or loc.range is None or f.place is not None or self.caption:
            return None
        if not any(self.ctx.vocab.receive_verbs.fullmatch(t.text) for t in f.triggers):
            return None
        if not _RECEIVED_ALL.match(self.ctx.text, f.end) or not self._hosts(f, loc):
            return None
        rng = self._range(f)
        if rng is None or rng.precision != "day" or rng.start != rng.end:
            return None
        before = loc.range.start - timedelta(days=1)
        return loc if before <= rng.start <= loc.range.end else None

    def _side_of(self, f: Frame) -> Local | None:
        """The side meeting just told, when an attendance cue names one of its people ("On the
        sidelines, A met B. A was accompanied by C."): C was at the side meeting."""
        side = self.side
        if side is None or self.caption or not self._people(f) & side.people:
            return None
        return side if self.count - self.seen[side] <= CUE_REACH else None

    def _within_reach(self, f: Frame, loc: Local) -> bool:
        """An attendance cue speaks of an encounter of the last CUE_REACH sentences, or of the
        last ANCHORED_REACH when it names one of its people ("Putin was flanked by A and B"
        under a section heading after the summit was told)."""
        reach = ANCHORED_REACH if self._people(f) & loc.people else CUE_REACH
        return self.count - self.seen[loc] <= reach

    def _margin(self, f: Frame, start: int) -> Local | None:
        """The multilateral encounter being told, when `f` is a bilateral on its margins (see
        the module policy), else None."""
        loc = self.latest.get("in_person")
        if loc is None or loc.scope != "main" or f.bilateral or f.other or f.temporal or f.series:
            return None
        if self.caption:
            return None
        if _is_cue(f) or frame_format(f) != "in_person" or not f.slot_parties:
            return None
        if self.count - self.seen.get(loc, -MARGIN_REACH) >= MARGIN_REACH:
            return None
        narrated = _is_verb(f) or has_support_verb(self.ctx.text, start, f.start)
        if not narrated or not self._people(f):
            return None
        sides = self.sides(e for e, role in f.roles.items() if role != "absent")
        whole = self.sides(loc.parties - loc.hosts, strict=False)  # the host takes no side
        place = self.ctx.entity(loc.place_id) if loc.place_id else None
        host = self.ctx.country_by_iso.get(place.country or "") if place else None
        if len(sides) != 2 or len(whole) < 3 or not sides <= whole | {host}:
            return None  # the host country may meet a guest, but makes no party of its own
        if f.place and loc.place_id and f.place.entity_id != loc.place_id:
            return None
        rng = self._range(f)
        if rng and (loc.range is None or rng.start > loc.range.end or loc.range.start > rng.end):
            return None  # a date of its own must fall within the encounter's
        return loc

    def sentence(self, s: Sentence, caption: bool = False) -> None:
        self.caption = caption
        if not s.frames and self.ctx.text[s.start : s.end].rstrip().endswith("?"):
            return  # an explainer's question ("Who took part?") heads its answer: no distance
        for f in s.frames:
            if not caption and (clock := self.narrated_after(f)) is not None:
                self.after[f] = clock.start
        margins = {f: loc for f in s.frames if (loc := self._margin(f, s.start)) is not None}
        for f in s.frames:
            f.bilateral = f.bilateral or f in margins
        keyed = [f for f in s.frames if f.keyed and not f.bilateral]
        for f in list(s.frames):  # "travel to Moscow this week for his fourth meeting with Putin"
            cls = _format_class(frame_format(f))
            earlier = [
                g for g in keyed if g.start < f.start and _format_class(frame_format(g)) == cls
            ]
            if earlier and not f.keyed and not f.bilateral and not _names_others_of(f, earlier[-1]):
                absorb(earlier[-1], f)
                s.frames.remove(f)
        self.count += 1
        for f in s.frames:
            if (host := visit_host(self.ctx, f)) is not None:
                self.visit_hosts[f] = host
            self._inherit(f)
        for f in keyed:
            # "they will meet again in C", "the next round in C": not the encounter told last
            told = self.latest.get(_format_class(frame_format(f)) or "") if f.other else None
            scored = [
                (sc, -self._distance(loc), i)
                for i, loc in enumerate(self.locals)
                if loc is not told and (sc := self._fits(loc, f)) is not None
            ]
            if scored:  # equal fits: the encounter nearest the article's "now"
                self._join(self.locals[max(scored)[2]], f)
            elif (prev := self._continued(f)) is not None:
                self._join(prev, f)
            elif (home := self._received(f)) is not None:
                self._join(home, f)
            else:
                self._new(f)
        for f in s.frames:
            if f in keyed:
                continue
            cls = _format_class(frame_format(f))
            if (_is_cue(f) or _remote(f)) and self.told_cls is not None:
                cls = self.told_cls  # "A joined by video link": of the encounter told, any form
            if f.bilateral:
                parent = margins.get(f) or (
                    self.of[keyed[0]] if keyed else self.latest.get("in_person")
                )
                if parent is not None and _same_pair(f, parent) and self._compatible(f, parent):
                    self._join(parent, f)  # "A meets B at the UN" then "... on the sidelines"
                    continue
                self._new(f, "bilateral" if parent else "main", parent)
                if parent is not None:
                    self._attend_larger(f, parent)
            elif f.other:  # "a further round is due shortly": not the one told
                if f.roles:
                    self._new(f)
            elif (home := self._home(f, cls)) is not None:
                self._join(home, f)  # "Turkey's foreign minister chaired the session"
            elif f.series and f.slot_parties:
                # "X, who took part in earlier talks with Y and Z": a round of its own
                self._new(f)
            elif _is_cue(f) and (side := self._side_of(f)) is not None:
                self._join(side, f)  # "On the sidelines, A met B. A was accompanied by C."
            elif (
                cls in self.latest
                and not caption
                and (
                    not _names_others(f, self._antecedent(f, cls))
                    or self._delegates_of(f, self._antecedent(f, cls))
                )
                and not self._new_pair(f, self._antecedent(f, cls))
                and (not _is_cue(f) or self._within_reach(f, self._antecedent(f, cls)))
            ):
                self._join(self._antecedent(f, cls), f)
            elif not _is_cue(f) and (
                len(self._people(f)) >= 2 or len(f.slot_parties) >= (1 if _is_verb(f) else 2)
            ):
                # attendance ("X and Y participate") needs an encounter to attend; a verb with
                # its own party ("Saudi Arabia hosted ...") opens one that later sentences may
                # complete ("Beijing sent its envoy, Li Hui, to the talks")
                self._new(f)
        placed = [f for f in s.frames if f in self.of]
        main = [f for f in placed if f.clause.kind not in ("sub", "rel")] or placed
        if main and not caption:  # a caption is no antecedent of the prose around it
            loc = self.of[main[0]]
            self.side = loc if loc.parent is not None else None
            loc = loc.parent or loc
            cls = _format_class(loc.format)
            if cls:
                if main[0].other and is_future(main[0]) and loc not in self.ahead.values():
                    # "the next round would be held soon": the encounter told before it
                    # stays the antecedent of what is said to have happened (`_antecedent`)
                    told = self.latest.get(cls)
                    self.before[cls] = self.before.get(cls) if told in self.ahead.values() else told
                    self.ahead[cls] = loc
                self.latest[cls] = loc
                self.told_cls = cls
        for f in s.frames:
            if f in self.of:
                self.seen[self.of[f]] = self.count
        if not caption:
            told = [(f, r) for f in s.frames if not is_future(f) and (r := self._range(f))]
            if told and self._aside(told[-1][0], told[-1][1]):
                self.contested = True  # which encounter a sequel counts from is open
            elif told:
                self.clock, self.contested = told[-1][1], False

    def _aside(self, f: Frame, rng: DateRange) -> bool:
        """An encounter recalled in a relative or subordinate clause, before the story's time
        ("Russia sent X, who led its team at the round in C on 10 March"): it does not move
        the story's time back, and a sequel told after it ("the day before", "two days
        later") may count from either: it dates nothing."""
        return (
            f.clause.kind in ("sub", "rel")
            and self.clock is not None
            and rng.end < self.clock.start
        )

    def moved(self, s: Sentence, years: dict[int, DateExpr]) -> None:
        """A sentence that tells no encounter but opens with a date ("In February, A berated
        B in the Oval Office.", "The next day, drones hit Kyiv.") moves the story's time there,
        unless a speech verb makes that date the day something was said: a sequel after it
        counts from it, and an anaphor after it ("That meeting ended ...") no longer refers to
        an encounter told before whose date that time excludes."""
        text = self.ctx.text
        if not _opening_lead(self.ctx.vocab).match(text, s.start, s.end):
            return  # no time expression can open the sentence (a cheap test before reading it)
        head = min(s.end, s.start + OPENING_CHARS)  # an opening date lies in the first words
        opening = next(
            (d for d in find_dates(text, s.start, head, self.ctx.vocab)
             if _OPENING_DATE.fullmatch(text, s.start, d.start)),
            None,
        )  # fmt: skip
        if opening is not None and head < s.end and opening.end >= head - 1:
            opening = next(  # cut at the head: read it whole
                (d for d in find_dates(text, s.start, s.end, self.ctx.vocab)
                 if d.start == opening.start),
                None,
            )  # fmt: skip
        if opening is None or inside(opening.start, s.quotes):
            return
        words = {w.lower() for w in _WORDS.findall(text, s.start, s.end)}
        if words & self.ctx.speech_verbs:
            return
        expr = years.get(opening.start, opening)
        expr = from_story(expr, self.clock)
        rng = resolve(expr, self.anchor) if expr else None
        if rng is None or (self.anchor is not None and rng.start > self.anchor.hi):
            return  # what is still to come is no time the story has reached
        for cls, loc in list(self.latest.items()):
            told = loc.range
            if (
                told is not None
                and min(abs((rng.start - told.end).days), abs((told.start - rng.end).days))
                > MOVED_DAYS
                and (rng.end < told.start or rng.start > told.end)
            ):
                del self.latest[cls]  # a flashback or a leap, not the same days' news
        self.clock, self.contested = rng, False

    def sequels(self, s: Sentence) -> None:
        """ "later in the month", "the following day": dated from the encounter told before, or
        not at all (nor when an aside made that encounter open: `_aside`)."""
        for f in s.frames:
            if f.date is not None and self.contested and counts_from_story(f.date):
                f.date = None
            elif f.date is not None:
                f.date = from_story(f.date, self.clock)


MARGIN_REACH = 3  # a bilateral on the margins is told within three sentences of its encounter
HOME_REACH = 4  # the host country's people are named within four sentences of its talks
CUE_REACH = 2  # "X was in attendance" speaks of an encounter of the last two sentences
ANCHORED_REACH = 8  # "Putin was flanked by A": further when it names one of its people


def _is_cue(f: Frame) -> bool:
    return all(t.kind == "cue" for t in f.triggers)


def _remote(f: Frame) -> bool:
    """Who joins the encounter told by video or phone ("A joined the talks by video link"):
    an attendance of that encounter, whatever its form; the remote form is A's, not its own."""
    return (
        f.attending
        and not f.keyed
        and all(t.kind == "noun" for t in f.triggers)
        and frame_format(f) in ("video", "phone")
    )


def _is_verb(f: Frame) -> bool:
    return any(t.kind in ("verb", "conversation") for t in f.triggers)


def _same_pair(f: Frame, loc: Local) -> bool:
    """A bilateral whose "larger" encounter names nobody but its own two people: that is the
    bilateral itself told before (a headline, a lead), not an encounter it is part of."""
    people = {e for e, role in f.roles.items() if role != "absent"}
    return len(people) == 2 and loc.scope == "main" and bool(loc.parties) and loc.parties <= people


def _names_others_of(f: Frame, g: Frame) -> bool:
    """`f` names parties of its own that frame `g` of its sentence does not have."""
    parties = {e for e, role in g.roles.items() if role != "absent"}
    return _names_others(f, Local("", "main", parties=parties))


def _names_others(f: Frame, loc: Local) -> bool:
    """An anaphoric frame whose trigger's slots name parties of whom the encounter has none is
    another encounter: two parties ("ahead of the Trump-Putin summit" after a visit to London,
    "the first talks between Russia and Ukraine" after the Geneva talks), or one as the subject
    or object of a verb ("Saudi Arabia hosted representatives ..."), unless the slots name only
    hosts whose guests are the encounter's parties ("C hosted Ukrainian and American officials"
    after US-Ukrainian talks). Who attended ("X was still in attendance, as was Y") speaks of
    the latest one."""
    if any(t.kind == "cue" for t in f.triggers) or f.slot_parties & loc.parties:
        return False
    if f.attending:  # "Ushakov, who attended the meeting, said": who was there
        return False
    hosts = {e for e in f.slot_parties if f.roles.get(e) == "host"}
    guests = {e for e, role in f.roles.items() if role == "participant"}
    if hosts == f.slot_parties and guests and guests <= loc.parties:
        return False  # "C hosted Ukrainian and American officials": the host of their talks
    verb = any(t.kind in ("verb", "conversation") for t in f.triggers)
    aside = f.clause.kind in ("rel", "sub")  # "..., which returned to Miami for a meeting with X"
    return len(f.slot_parties) >= (1 if verb or aside else 2)


def _grouping_date(f: Frame) -> DateExpr | None:
    """The date that places the frame's encounter; the date of a plan that was cancelled or
    postponed ("was to start on Sunday, but was postponed") is not when it took place."""
    if f.statuses & {"cancelled", "postponed"} and not f.downgraded:
        return None
    return f.date


# "welcomed the delegations", "received both delegations": the delegations already told
_RECEIVED_ALL = re.compile(
    r"\s+(?:the\s+(?:two\s+|three\s+)?|both\s+|all\s+(?:the\s+)?(?:three\s+)?)"
    r"(?:delegations|teams|negotiators)\b",
    re.I,
)


def _finer(a: DateRange, b: DateRange) -> bool:
    order = ("day", "week", "month")
    return order.index(a.precision) < order.index(b.precision)


def _format_class(fmt: str | None) -> str | None:
    return {"in_person": "in_person", "phone": "call", "video": "call"}.get(fmt or "")


def detect(article: Article, kb: KnowledgeBase, found: MentionResult) -> list[MeetingMention]:
    ctx = ArticleContext(article, kb, found, load_vocab())
    anchor = article_anchor(ctx)
    grouper = _Grouper(ctx, anchor)
    read: list[Sentence] = []
    years = narrative_years(ctx, anchor) if anchor is not None else story_years(ctx)
    years.update(opening_years(ctx))
    days = entry_days(ctx, anchor)
    for kind, start, end in paragraphs(article):
        entry = entry_anchor(days, start) if days else None
        if (
            entry is not None
            and anchor is not None
            and (entry.lo, entry.hi) == (anchor.lo, anchor.hi)
        ):
            entry = None  # the entry of the publication day: the article's own anchor
        # an embedded post is the poster's speech as a whole: its "today" is not the article's
        embed = kind == SegmentKind.EMBED
        quotes = [(start, end)] if embed else quote_spans(ctx.text, start, end)
        label: DateExpr | None = None  # "Monday. A met B." (a diary's entry): the paragraph's day
        for i, (a, b) in enumerate(sentences(ctx.text, start, end, ctx.vocab)):
            if _LINK_LINE.match(ctx.text, a):
                continue  # a line of links (related stories, navigation), not a report
            if i == 0 and not embed and (label := date_label(ctx, a, b)) is not None:
                continue
            s = read_sentence(ctx, a, b, quotes)
            if kind == SegmentKind.HEADLINE:
                headline_plans(ctx.text, s)
            for f in s.frames:
                if f.date is None and label is not None and not f.in_quote:
                    f.date = label
                if f.date is not None and f.date.start in years:
                    f.date = years[f.date.start]
                if f.date is not None and entry is not None:  # a live blog's dated entry
                    f.date = in_entry(f.date, entry, is_future(f), told_held(f))
            s.frames[:] = enumerated(ctx.text, b, s.frames, ctx.vocab)
            grouper.sequels(s)
            if not s.frames and kind != SegmentKind.CAPTION and not embed:
                grouper.moved(s, years)
            grouper.sentence(s, kind == SegmentKind.CAPTION)
            read.append(s)
    grouper.settle_hosts()
    marks = sketch(ctx.text, ((s.start, s.end) for s in read))
    out: list[MeetingMention] = []
    for s in read:
        for f in s.frames:
            loc = grouper.of.get(f)
            if loc is not None:
                for eid, of in f.companions.items():
                    if not of & loc.people:  # the one they came with is not there
                        f.roles.pop(eid, None)
                sides = grouper.sides(e for e, role in f.roles.items() if role != "absent")
                m = _mention(ctx, s, f, loc, anchor, tuple(sorted(sides)))
                visited = grouper.visit_hosts.get(f)
                visited = visited if visited in f.roles else None
                out.append(replace(m, after=grouper.after.get(f), visited=visited, sketch=marks))
    return out


_LABEL_REST = re.compile(r"[\W_]*")  # what a date label may hold besides its date
_HEADLINE_TO = re.compile(r"(?<![\w-])to\s+$")


def headline_plans(text: str, s: Sentence) -> None:
    """A headline's bare infinitive is its future ("Witkoff to meet Putin in Moscow on
    Thursday", "Leaders to hold talks"): the encounter is planned, and its day the next such
    day, unless a cue of its own says it took place ("flew to Moscow to meet Putin")."""
    for f in s.frames:
        verb = f.triggers[0]
        if verb.kind not in ("verb", "conversation") or "held" in f.statuses:
            continue
        if _HEADLINE_TO.search(text, max(s.start, verb.start - 8), verb.start):
            f.statuses.add("planned")


def date_label(ctx: ArticleContext, start: int, end: int) -> DateExpr | None:
    """A paragraph's first sentence that is a date and nothing else ("Monday.", "Tuesday, 19
    May:", "On Wednesday —"): the day of the entry it opens, as diaries, newsletters and
    timelines label theirs. The paragraph's frames that state no date of their own took place
    that day (detect); a recalled event states its own ("... last met in May")."""
    found = find_dates(ctx.text, start, end, ctx.vocab)
    if len(found) != 1:
        return None
    d = found[0]
    head = _OPENING_DATE.fullmatch(ctx.text, start, d.start)
    if head is None or _LABEL_REST.fullmatch(ctx.text, d.end, end) is None:
        return None
    return d if d.kind in _LABEL_KINDS else None


_LABEL_KINDS = ("date", "month_day", "day_of_month", "weekday")


def _mention(
    ctx: ArticleContext,
    s: Sentence,
    f: Frame,
    loc: Local,
    anchor: Anchor | None,
    sides: tuple[str, ...],
) -> MeetingMention:
    status = frame_status(f)
    rng = resolve(f.date, anchor, is_future(f), told_held(f)) if f.date else None
    rng = stretched(rng, f.days)
    place = ctx.entity(f.place.entity_id) if f.place else None
    venue_entity = ctx.entity(f.venue_entity) if f.venue_entity else None
    country = (place or venue_entity).country if (place or venue_entity) else None
    first = f.triggers[0]
    return MeetingMention(
        article_id=ctx.article.article_id,
        local_id=loc.local_id,
        start=s.start,
        end=s.end,
        text=ctx.text[s.start : s.end],
        trigger_start=first.start,
        trigger_end=f.end,
        trigger=ctx.text[first.start : f.end],
        lemma=first.lemma(ctx.vocab),
        scope=loc.scope,
        parent_local_id=loc.parent.local_id if loc.parent else None,
        place_id=place.entity_id if place else None,
        region_id=ctx.region_of(place) if place else None,
        city=place.name if place else None,
        country=country,
        venue=f.venue[2] if f.venue else None,
        date_expr=f.date,
        date=rng,
        date_anchor=anchor_label(f.date, anchor) if f.date and rng else None,
        anchor=anchor,
        future=is_future(f),
        held=told_held(f),
        format=None if _is_cue(f) or _remote(f) else frame_format(f),  # "A joined by video"
        status=status,
        downgraded=f.downgraded,
        levels=tuple(sorted(f.levels)),
        participants=tuple(sorted(f.roles.items())),
        apart=tuple(sorted(e for e in f.third_parties if f.roles.get(e) not in (None, "absent"))),
        people=tuple(e for e in f.roles if (x := ctx.entity(e)) and x.entity_type == "person"),
        sides=sides,
        caption=loc.caption,
        narrated=_is_verb(f) or has_support_verb(ctx.text, s.start, f.start),
    )
