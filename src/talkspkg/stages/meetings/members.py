"""Who a sentence lists as members or companions of a delegation: participants of its encounter.

Policy (precision first: only a list a membership phrase governs, only persons):

* A delegation noun (`delegation_nouns`, or "side") with a membership verb (`member_verbs`:
  "included", "comprised", "consisted of", also after ", which (also)"): the list after it ("The
  Ukrainian delegation included A, B and C", "A's team, which also includes B"). Not after
  "that" ("the delegation that included A in May was disbanded" tells of another time).
* A presence opener (`presence_openers`: "also present were", "on the Russian side were",
  "representing Ukraine were"; "Leading Kyiv's team was"): the list after it.
* "<side/delegation/team/a state> was represented by" and "attended by" after a form of "be":
  the list after it. "A, B and C represented Ukraine": the list before, when a state (or its
  capital, or "the <demonym> side") follows.
* "headed/led by A, with B, the chief of staff, and C": the list after "with" too.
* "A, who led the Russian team, ...": the antecedent, when a delegation noun follows the verb
  (or "side" after its modifier: "who headed the US side").
* "A and B sat beside / next to C": A and B, companions of C.
* "A travelled/flew to <City> with B": B (a companion of the visit); "B, who travelled with
  A,": B, in an encounter A takes part in only (detect.py drops B from any other).
* "a delegation headed/led by A": A.

Which encounter the members belong to is the sentence's own (the trigger nearest the cue), or,
when the sentence names none, the encounter told last (detect.py, as for attendance cues).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from talkspkg.stages.meetings.context import ArticleContext
from talkspkg.stages.meetings.patterns import PARTY_TYPES, Names, list_after, list_before
from talkspkg.stages.meetings.vocab import Vocab
from talkspkg.stages.mentions import Mention


@dataclass(frozen=True, slots=True)
class Members:
    cue: int  # where the membership phrase starts
    people: tuple[Mention, ...]
    companion_of: tuple[str, ...] = ()  # "A travelled to C with B": B goes where A goes


_BE = r"(?:was|were|is|are|will\s+be|had\s+been|has\s+been|have\s+been)"


@cache
def _patterns(vocab: Vocab) -> tuple[re.Pattern[str], ...]:
    """Phrases the list of members follows."""
    nouns = _nouns(vocab)
    verbs = rf"(?i:{vocab.member_verbs.pattern})"
    openers = rf"(?i:{vocab.presence_openers.pattern})"
    name = r"(?:[A-Z][\w.’'-]+\s+){1,3}"
    meeting = rf"(?:{vocab.nouns.pattern}|{vocab.call_nouns.pattern})"
    return (
        # "The Ukrainian delegation included", "Kyiv's team, which also includes"
        re.compile(
            rf"\b(?i:{nouns}|{vocab.member_subjects.pattern})\s*(?:,\s*which\s+)?"
            rf"(?:(?i:also)\s+)?{verbs}\s+"
        ),
        # "The US side was represented by", "Ukraine was represented by"
        re.compile(rf"\b(?:(?i:{nouns})\s+|{name}){_BE}\s+(?:also\s+)?represented\s+by\s+"),
        # "were attended by", "Witkoff was accompanied by"
        re.compile(rf"\b{_BE}\s+(?:also\s+)?(?:attended|accompanied|flanked)\s+by\s+"),
        # "Also present were", "On the Russian side were", "Joining Witkoff were"
        re.compile(rf"{openers}\s*,?\s+"),
        re.compile(r"(?i:\bon\s+the\s+)[A-Z][\w.-]+(?i:\s+side\s*(?:,|were|was|are|is|sat))\s+"),
        re.compile(rf"\b(?i:joining\s+){name}(?:were|was)\s+"),
        # "Also joining the call was", "Joining the talks were"
        re.compile(
            rf"\b(?i:(?:also\s+)?joining\s+(?:the|them|him|her)\s+(?:{meeting}\s+)?(?:were|was))\s+"
        ),
        # "Russia sent a delegation headed by", "Russia's team was headed by"
        re.compile(
            rf"\b(?i:{nouns})\s*,?\s*(?:(?:which\s+)?(?:was|is|were|are|will\s+be|has\s+been)\s+)?"
            r"(?:led|headed)\s+by\s+"
        ),
        # "Leading Kyiv's team was", "Heading the Russian delegation is"
        re.compile(
            rf"\b(?i:leading|heading)\s+{_OWNER}(?:[\w’'-]+\s+){{0,2}}?(?i:{nouns})"
            rf"\s+(?:was|were|is|are|will\s+be)\s+"
        ),
        # "Among the Ukrainian negotiators were"
        re.compile(
            rf"\b(?i:among\s+(?:the|its|their)\s+)(?:[\w’'-]+\s+){{0,2}}?(?i:{nouns}|delegates)"
            rf"\s+(?:were|was|are|is)\s+"
        ),
    )


@cache
def _part_of(vocab: Vocab) -> re.Pattern[str]:
    """ "A and B were also part of the Ukrainian delegation": the list before it."""
    return re.compile(
        rf"\s+{_BE}\s+(?:also\s+)?(?:part|members|a\s+member|among)\s+of\s+"
        rf"{_OWNER}(?:[\w’'-]+\s+){{0,2}}?(?:{_nouns(vocab)}|delegates)\b",
        re.I,
    )


@cache
def _present(vocab: Vocab) -> re.Pattern[str]:
    """ "A and B were also present", "with A also in attendance", "A was also at the meeting",
    "A sat in on the talks": the list before it."""
    words = vocab.presence_words.pattern
    meeting = rf"(?:the|that|this|their|its)\s+(?:[\w’'-]+\s+)?(?:{vocab.nouns.pattern})"
    return re.compile(
        rf"\s*,?\s+(?:{_BE}\s+)?(?:also\s+)?(?:{words}|sat\s+in)\b"
        rf"|\s+{_BE}\s+(?:also\s+)?at\s+{meeting}"
        r"|\s+on\s+the\s+[A-Z][\w.-]+\s+side\b",  # "with A and B on the Russian side"
        re.I,
    )


@cache
def _member_of(vocab: Vocab) -> re.Pattern[str]:
    """ "A, a member of the Ukrainian delegation,": the antecedent."""
    return re.compile(
        r"\s*,\s*(?:a|another|one|the|also\s+a)\s+(?:[\w-]+\s+)?member\s+of\s+"
        rf"{_OWNER}(?:[\w’'-]+\s+){{0,2}}?(?:{_nouns(vocab)})\b",
        re.I,
    )


_OWNER = r"(?:the\s+|its\s+|their\s+|his\s+|her\s+|[A-Z][\w.-]+['’]s\s+)"


@cache
def _gate(vocab: Vocab) -> re.Pattern[str]:
    """A word every membership phrase holds (a cheap test before reading the sentence): the
    longest word of each vocabulary phrase, and the fixed words of the patterns below."""
    words = {
        max(phrase.split(), key=len).lower()
        for g in (vocab.member_verbs, vocab.presence_openers, vocab.presence_words)
        for phrase in _phrases(g.pattern)
    } | {max(p.split(), key=len).lower() for p in _phrases(vocab.member_subjects.pattern)}
    words |= {max(p.split(), key=len).lower() for p in _phrases(vocab.nouns.pattern)}
    words |= vocab.delegation_nouns  # "The US team, A and B, ..."
    words |= {
        "represented", "attended", "accompanied", "flanked", "side", "joining", "among", "led",
        "headed", "part", "members", "member", "sat", "who", "with", "alongside", "sent",
        "sends", "dispatched", "dispatches", "fielded", "leads", "heads", "leading",
    }  # fmt: skip
    return re.compile(rf"\b(?:{'|'.join(sorted(words))})\b", re.I)


def _phrases(pattern: str) -> list[str]:
    """The phrases of a vocabulary alternation (vocab.phrase_pattern), as written."""
    inner = pattern[pattern.index("(?:") + 3 : pattern.rindex(")(?!")]
    return [re.sub(r"\\(.)", r"\1", p.replace(r"\s+", " ")) for p in inner.split("|")]


def _nouns(vocab: Vocab) -> str:
    return "|".join(sorted([*vocab.delegation_nouns, "side", "sides"], key=len, reverse=True))


@cache
def _team_appositive(vocab: Vocab) -> re.Pattern[str]:
    """ "The US team, A and B, arrived": the persons between the commas or dashes."""
    return re.compile(rf"\b(?i:{_nouns(vocab)})\s*(?:,|—|–|\s-)\s*")


_WITH = re.compile(r"\s*,?\s*(?:along\s+)?with\s+", re.I)
_LED_BY = re.compile(r"\b(?:led|headed)\s+by\s+", re.I)
_SENT = re.compile(r"\s+(?:also\s+)?(?:sent|sends|dispatched|dispatches|fielded)\s+", re.I)
_REPRESENTED = re.compile(r"\s+(?:also\s+)?represented\s+(?:the\s+)?", re.I)


@cache
def _who_led(vocab: Vocab) -> re.Pattern[str]:
    """ ", who led the Russian team", "A led the Ukrainian delegation", "A, secretary of the
    security council, led the delegation", ", who headed the US side": A led a delegation."""
    nouns = "|".join(sorted(vocab.delegation_nouns, key=len, reverse=True))
    return re.compile(
        r"(?:\s*,\s*who|\s*,\s*(?:the\s+)?[a-z][\w\s’'.-]{0,60}?,)?"  # "A, the secretary ...,"
        r"\s+(?:also\s+)?(?:led|leads|lead|headed|heads|head|was\s+leading|is\s+leading|"
        r"were\s+leading|are\s+leading)\s+"
        rf"(?:the\s+|its\s+|their\s+|his\s+|her\s+)?"
        # "the Ukrainian delegation", "the US side" (a side only with its modifier)
        rf"(?:(?:[\w’'.-]+\s+){{0,2}}?(?:{nouns})|(?:[\w’'.-]+\s+){{1,2}}?sides?)\b",
        re.I,
    )


_WHO_CAME = re.compile(
    r"\s*,\s*who\s+(?:also\s+|had\s+)*(?:travell?ed|flew|came|went|arrived)\s+"
    r"(?:(?:to|in)\s+[A-Z][\w-]+\s+)?(?:with|alongside)\s+"
)
_SAT_BESIDE = re.compile(
    r"\s+(?:also\s+)?(?:sat|sit|sits|were\s+seated|was\s+seated)\s+"
    r"(?:beside|next\s+to|alongside|either\s+side\s+of|on\s+either\s+side\s+of)\s+",
    re.I,
)
_TRAVEL = re.compile(
    r"\b(?:travell?ed|flew|went|came|arrived|headed)\s+(?:to|in)\s+(?P<city>[A-Z][\w-]+"
    r"(?:\s+[A-Z][\w-]+)?)\s+(?:with|alongside|together\s+with)\s+"
)


def members(ctx: ArticleContext, start: int, end: int) -> list[Members]:
    """The membership lists of text[start:end] (see the module policy)."""
    text, vocab = ctx.text, ctx.vocab
    mentions = ctx.mentions_in(start, end, *PARTY_TYPES)
    if not any(ctx.etype(m) == "person" for m in mentions):
        return []
    if not _gate(vocab).search(text, start, end):
        return []  # none of the phrases' words: nothing to read (speed)
    names = Names(ctx, mentions)
    out: list[Members] = []

    def people(ms: list[Mention]) -> tuple[Mention, ...]:
        return tuple(m for m in ms if ctx.etype(m) == "person")

    def add(cue: int, ms: list[Mention], of: tuple[str, ...] = ()) -> None:
        found = people(ms)
        if found:
            out.append(Members(cue, found, of))

    for pattern in _patterns(vocab):
        for m in pattern.finditer(text, start, end):
            if text[max(start, m.start() - 5) : m.start()].lower().endswith("that "):
                continue
            listed = list_after(names, m.end(), end)
            items = [x for x in _items(ctx, names, m.end(), end) if x not in listed]
            add(m.start(), listed + items)
    for m in _present(vocab).finditer(text, start, end):
        add(m.start(), _before(ctx, names, m.start(), start))
    for m in _part_of(vocab).finditer(text, start, end):
        add(m.start(), list_before(names, m.start(), start))
    for m in _team_appositive(vocab).finditer(text, start, end):
        listed = list_after(names, m.end(), end)
        closed = listed and re.match(r"\s*(?:,|—|–|\s-)", text[listed[-1].end : end])
        if closed and all(ctx.etype(x) == "person" for x in listed):
            add(m.start(), listed)
    for m in _LED_BY.finditer(text, start, end):
        first = list_after(names, m.end(), end)
        if first and (w := _WITH.match(text, _after_appositive(text, first[-1].end, end))):
            add(m.start(), list_after(names, w.end(), end))
    for m in _SENT.finditer(text, start, end):  # "Kyiv sent A and B"
        subject = [x for x in ctx.mentions_in(max(start, m.start() - 40), m.start())]
        if subject and subject[-1].end == m.start() and _a_state_at(ctx, names, subject[-1].start):
            add(m.start(), list_after(names, m.end(), end))
    for m in _REPRESENTED.finditer(text, start, end):
        if _a_state_at(ctx, names, m.end()):
            add(m.start(), list_before(names, m.start(), start))
    for p in names.mentions:
        if ctx.etype(p) != "person":
            continue
        if w := _who_led(vocab).match(text, p.end, end):
            # "A and B lead the American team": the list the verb follows
            plain = not w.group().lstrip().startswith(",")
            add(w.start(), list_before(names, p.end, start) if plain else [p])
        elif w := _member_of(vocab).match(text, p.end, end):
            add(w.start(), [p])
    for p in names.mentions:
        w = _WHO_CAME.match(text, p.end, end)
        if w and ctx.etype(p) == "person":
            of = [x for x in list_after(names, w.end(), end) if ctx.etype(x) == "person"]
            if of:
                add(w.start(), [p], tuple(x.entity_id for x in of))
    for m in _SAT_BESIDE.finditer(text, start, end):  # "A and B sat beside Trump"
        beside = [x for x in list_after(names, m.end(), end) if ctx.etype(x) == "person"]
        if beside:
            add(m.start(), list_before(names, m.start(), start), (beside[0].entity_id,))
    for m in _TRAVEL.finditer(text, start, end):
        if ctx.capital_of(m.group("city")) is not None or _a_city(ctx, m.start("city")):
            who = tuple(x.entity_id for x in people(list_before(names, m.start(), start)))
            add(m.start(), list_after(names, m.end(), end), who)
    return out


_ITEM_BREAK = re.compile(r"\s*(?:;|,)\s*(?:and\s+|or\s+)?|\s+(?:and|as\s+well\s+as)\s+")
_STOP = re.compile(
    r"(?:but|while|whereas|although|though|as|after|before|when|where|said|says|told|"
    r"according|adding|who|which|whose|in|at|on|for|to)\b|[\"“”(—–]",
    re.I,
)
_OF = re.compile(r"\b(?:to|of|for|by|with|from|about|on|at|in|than)\s", re.I)
_RELATIVE = re.compile(r"(?:who|whose)\b", re.I)
_LIST_WORDS = 60  # a membership list with its appositives rarely runs longer


def _items(ctx: ArticleContext, names: Names, pos: int, end: int) -> list[Mention]:
    """A membership list whose items carry long appositives ("A, the former head of military
    intelligence who now leads the presidential office, and B"; "A, secretary of the security
    council; B, ..."): the person opening each item separated by commas, semicolons or "and".
    An item opening with a clause word ("but", "who", "said") ends the list, except a
    relative clause right after a name, whose words are passed over."""
    text = ctx.text
    out: list[Mention] = []
    cap = min(end, _word_limit(text, pos, _LIST_WORDS))
    first = True
    while pos < cap:
        nxt = _ITEM_BREAK.search(text, pos, cap)
        stop = nxt.start() if nxt else cap
        head = list_after(names, pos, stop)
        if head and not _OF.search(text, pos, head[0].start):
            out.append(head[0])  # "Defence Minister A", not "an aide to A"
        elif first:
            break  # the list opens with a person
        elif _STOP.match(text, pos) and not _RELATIVE.match(text, pos):
            break  # "..., but B stayed home", "..., B said"; "A, who ..." is A's appositive
        first = False
        if nxt is None:
            break
        pos = nxt.end()
    return out


def _word_limit(text: str, pos: int, words: int) -> int:
    m = re.match(rf"(?:\W*[\w’'.-]+){{1,{words}}}", text[pos:])
    return pos + (m.end() if m else 0)


def _before(ctx: ArticleContext, names: Names, pos: int, start: int) -> list[Mention]:
    """The list ending at `pos`, or the person before an appositive ending there ("A, Putin's
    foreign policy aide, was also at the meeting")."""
    found = list_before(names, pos, start)
    if found:
        return found
    comma = ctx.text.rfind(",", start, pos)
    if comma < 0 or ctx.text[comma + 1 : pos].strip():
        return []
    opening = ctx.text.rfind(",", start, comma)
    if opening < 0 or comma - opening > 60:
        return []
    return list_before(names, opening, start)[-1:]


def _after_appositive(text: str, pos: int, end: int) -> int:
    """The end of ", the chief of staff," after a name (or `pos` when none follows)."""
    m = re.match(r"\s*,\s*(?:the\s+)?[a-z][\w\s’'-]{0,40}?(?=\s*,\s*with\b)", text[pos:end])
    return pos + m.end() if m else pos


def _a_state_at(ctx: ArticleContext, names: Names, pos: int) -> bool:
    """A state (its name, its capital) or "<demonym> side/delegation" begins at `pos`."""
    m = next((x for x in ctx.mentions_in(pos, pos + 80) if x.start == pos), None)
    if m is not None:
        return ctx.etype(m) == "country" or (
            ctx.etype(m) == "location" and ctx.capital_of(m.text) is not None
        )
    word = re.match(r"[A-Z][\w.-]*", ctx.text[pos : pos + 40])
    return word is not None and word.group() in ctx.kb.lexicon.demonyms


def _a_city(ctx: ArticleContext, pos: int) -> bool:
    return any(ctx.etype(m) == "location" for m in ctx.mentions_in(pos, pos + 1))
