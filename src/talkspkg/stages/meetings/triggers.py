"""Words that announce an encounter, and the ones that only seem to.

Policy:

* nouns ("talks", "meeting", "summit"), verbs ("met", "gathered", "spoke by phone"; "meeting"
  after a form of "be": "X was also meeting Y"), verbs of a pair (`pair_verbs`) only after
  "A and B" or "the two leaders" ("A and B sat down in C"; not "A sat down in the Oval Office"),
  receiving and meeting verbs with "him"/"her" for object when it names one person told before
  ("Erdogan welcomed him": pronouns.py),
  conversation verbs followed by a name ("spoke to Lammy"; facing verbs also by a delegation:
  "sat across the table from a Russian team"; not a participle opening the
  sentence: "Speaking to parliament, X said" is a speech; not the press: "spoke to reporters
  at the White House", `met_not_followed_by`), "call"/"conversation" next to a
  phone word, or followed (a date between allowed) by with/to/between and a name, or "to call"
  and a name, receiving verbs with a person's name right after them or after "by" ("Fidan
  received Lavrov", "was welcomed by Fidan", "received a Russian delegation"; never "received
  Lavrov's letter"), a time spent with a name ("spent Wednesday in Warsaw with A"), and travel
  words ("visit", "arrived in"), which count only once a city is attached to them (frames.py).
* "round" bare (not "a round of sanctions", "round table"), in a sentence with no word of
  another kind of round (`round_other_senses`: an election's, a war's), counts only once a date
  is attached to it ("a round in Geneva in May", "a fourth round is expected in June"; frames.py);
  it is a round of the series the article tells (frames.is_series).
* Not an encounter: a noun after "news"/"press"/"to" ("news conference", "to talk"), a trigger
  with a negator or a count within the three words before it ("no discussions", "three rounds of
  talks": several meetings are not one, unless a number is followed by as many months, each
  round told: "two rounds in Geneva in March and April"), a plural after a perfect ("have had
  discussions with"), "met with criticism", and hypothetical, conditional,
  refused or general talks: a `hypothetical_before` phrase within four words before the trigger
  ("ready to meet", "urged both sides to resume talks", "could then begin talks"), a
  `hypothetical_after` word within three words after it ("such talks only if"), a
  `conditional_after` modal, condition or denial within ten words after it with no other
  trigger or semicolon between ("a meeting ... would only happen once", "is not on the
  agenda", "would meet B once a ceasefire holds"), an "if" after a modal ("could take place
  if"), a sentence opening with a condition ("If the talks go well, the leaders could meet"),
  a question (a sentence ending with "?", not with a quoted question: "Could A and B ever
  meet?"), a possibility modal governing the trigger in its own clause with no date in that
  clause ("could meet Trump in Rome", "should fly to Moscow to meet Putin"; "could meet at the
  White House in January" is a plan floated and stays), a conditional conjunction opening the
  trigger's clause anywhere in the sentence ("Even if the two men met in Geneva, ..."), a noun
  after a verb of hope or opinion followed by a possibility modal and a verb of happening
  ("hoped a summit between A and B could be held in C"), a trigger in a relative clause
  ("where", "at which") on a noun that is no encounter ("Imagine a summit where A and B sit
  down"),
  a refusal or a wish right before it ("refused to meet", "declined to hold talks", "wants
  to meet"), a proposal or
  invitation not taken up in its clause ("offered to host talks", "proposed Budapest as the
  venue for a summit"; "proposed holding talks next week" stays a plan, and "proposed a truce
  at the talks" names where it was proposed), and a meeting of one
  side's own body ("the opening session of the National People's Congress", "a meeting of his
  Security Council", "convened his war cabinet", "met his commanders", "a cabinet meeting",
  "the cabinet met").
* Not a trigger at all: "meeting expectations" (`met_not_followed_by` after the noun too),
  "talk of a summit", "she talks about the war", "talks tough" (speech about something), "the
  talks track" (the process).
* Triggers within three words of each other in one clause are one encounter ("hosted the high
  level talk", "Peace Talks meeting"), and overlapping matches are resolved by the shared
  longest-leftmost policy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from talkspkg.stages.meetings.context import ArticleContext
from talkspkg.stages.meetings.dates import find_dates
from talkspkg.stages.meetings.pronouns import object_referent
from talkspkg.stages.meetings.text import Clause, clause_at, words_between
from talkspkg.stages.meetings.vocab import Vocab
from talkspkg.stages.spans import resolve_overlaps

_WORD = re.compile(r"[\w’'-]+")
KIND_PRIORITY = {"noun": 0, "verb": 1, "call": 2, "conversation": 3, "process": 4, "weak": 5}


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    kind: str  # noun | verb | call | conversation | process | weak | cue
    text: str

    @property
    def priority(self) -> int:
        return KIND_PRIORITY.get(self.kind, 9)

    def lemma(self, vocab: Vocab) -> str:
        """The word a label uses for the encounter ("talks", "meeting", "call", "visit")."""
        word = " ".join(self.text.lower().split())
        return next((lemma for stem, lemma in vocab.lemmas if stem in word), "meeting")


_PROGRESSIVE = re.compile(
    r"\b(?:is|are|was|were|been|be)\s+(?:(?:also|still|now|already|reportedly)\s+)?$", re.I
)
_CALL_OBJECT = re.compile(
    r"(?:\s+(?:on|in|last|this|late|early|[\w’'-]+day|\d+\w*|[A-Z][a-z]+)){0,3}\s+(?P<prep>\w+)"
)


_DAY_POSSESSIVE = re.compile(r"\b([A-Z][a-z]+day)['’]s\s+$")


def _words_before(text: str, start: int, limit: int, n: int) -> list[str]:
    return [w.lower() for w in _WORD.findall(text[max(limit, start - 60) : start])][-n:]


def find_triggers(ctx: ArticleContext, start: int, end: int) -> tuple[list[Trigger], list[Trigger]]:
    """The triggers of the sentence text[start:end], and those blocked (negated, counted).

    Blocked triggers are no encounter but still absorb the cues next to them ("held three rounds
    of talks" must not make the next encounter "held").
    """
    text, vocab = ctx.text, ctx.vocab
    names = [
        (m.start, m.end) for m in ctx.mentions_in(start, end, "person", "country", "organization")
    ]
    found: list[Trigger] = []

    def name_within(pos: int, n_words: int) -> bool:
        return any(a >= pos and words_between(text, pos, a, names) <= n_words for a, _ in names)

    for m in vocab.nouns.finditer(text, start, end):
        if _not_an_encounter_noun(ctx, m, start, names):
            continue
        # "Healey was also meeting Kellogg": a progressive is the verb, with its subject and
        # object, not the noun
        verb = m.group().lower() == "meeting" and _PROGRESSIVE.search(text, start, m.start())
        found.append(Trigger(m.start(), m.end(), "verb" if verb else "noun", m.group()))
    for m in vocab.process_nouns.finditer(text, start, end):
        found.append(Trigger(m.start(), m.end(), "process", m.group()))
    if vocab.round_nouns.search(text, start, end) and not _round_senses(text, start, end, vocab):
        for m in vocab.round_nouns.finditer(text, start, end):
            following = _WORD.match(text, _skip_space(text, m.end()))
            if following is None or following.group().lower() not in vocab.round_not_before:
                found.append(Trigger(m.start(), m.end(), "process", m.group()))
    for m in vocab.call_nouns.finditer(text, start, end):
        before = _words_before(text, m.start(), start, 2)
        phone = {"phone", "telephone", "video"} & set(before)
        # "a call with Lammy", "a call on 14 October between A and B", "to call Putin"
        obj = _CALL_OBJECT.match(text, m.end(), end)
        objected = obj is not None and obj.group("prep").lower() in vocab.call_objects
        verb = bool(before) and before[-1] == "to" and m.group().lower() == "call"
        # "In Sunday's call, A and B agreed ...": a call the day names is one call
        day = _DAY_POSSESSIVE.search(text, max(start, m.start() - 16), m.start())
        if (
            phone
            or (day is not None and day.group(1).lower() in vocab.weekdays)
            or (objected and name_within(obj.end("prep"), 5))
            or (verb and name_within(m.end(), 2))
        ):
            found.append(Trigger(m.start(), m.end(), "call", m.group()))
    for m in vocab.meal_nouns.finditer(text, start, end):
        obj = _CALL_OBJECT.match(text, m.end(), end)  # "a private breakfast with Vance"
        guest = obj is not None and obj.group("prep").lower() == "with"
        if guest and name_within(obj.end("prep"), 5):
            found.append(Trigger(m.start(), m.end(), "noun", m.group()))
    for m in vocab.verbs.finditer(text, start, end):
        if not vocab.met_not_followed_by.match(text, _skip_space(text, m.end())):
            found.append(Trigger(m.start(), m.end(), "verb", m.group()))
    for m in vocab.pair_verbs.finditer(text, start, end):
        if _PAIR_SUBJECT.search(text, start, m.start()) and (
            _THE_TWO.search(text, start, m.start()) or _named_pair(names, text, start, m.start())
        ):
            found.append(Trigger(m.start(), m.end(), "verb", m.group()))
    for m in vocab.conversation_verbs.finditer(text, start, end):
        opener = not text[start : m.start()].strip(" \"“‘'*")
        if (
            opener
            and m.group()[:1].isupper()
            and m.group().lower().startswith(("speaking", "talking"))
        ):
            continue  # "Speaking to reporters, X said": a speech, not a conversation
        if vocab.met_not_followed_by.match(text, _skip_space(text, m.end())):
            continue  # "spoke to reporters at the White House": the press is no party
        if name_within(m.end(), 3):
            found.append(Trigger(m.start(), m.end(), "conversation", m.group()))
    for m in vocab.facing_verbs.finditer(text, start, end):
        group = _RECEIVED_GROUP.match(text, m.end(), end)  # "... from a Russian team"
        if name_within(m.end(), 3) or (
            group is not None and group.group(1) in vocab.delegation_nouns
        ):
            found.append(Trigger(m.start(), m.end(), "conversation", m.group()))
    for m in vocab.spend_verbs.finditer(text, start, end):
        company = _spent_with(text, m.end(), end, vocab)
        if company is not None and name_within(company, 4):
            found.append(Trigger(m.start(), m.end(), "verb", m.group()))
    for pattern in (vocab.receive_verbs, vocab.greet_verbs):
        for m in pattern.finditer(text, start, end):
            if _receives_a_person(ctx, m.end(), end) or object_referent(ctx, start, m.end()):
                found.append(Trigger(m.start(), m.end(), "verb", m.group()))
    for m in vocab.weak.finditer(text, start, end):
        found.append(Trigger(m.start(), m.end(), "weak", m.group()))
    kept, blocked = [], []
    for t in resolve_overlaps(found):
        before = _words_before(text, t.start, start, 3)
        last = before[-1] if before else ""
        nounish = t.kind in ("noun", "process", "call")
        if nounish and (
            last in vocab.not_before or (last == "to" and t.text.lower() in vocab.verb_nouns)
        ):
            continue
        counted = nounish and _counts(before, vocab.quantifiers)
        if counted and _told_each(text, t.end, end, before, vocab):
            counted = False  # "two rounds in Geneva in March and April": each round told
        several = " ".join(t.text.lower().split()) in vocab.perfect_plurals and (
            " ".join(before[-2:]) in vocab.perfect_aux
        )  # "have had discussions with A and B": several encounters
        if ((set(before) & vocab.negators or counted) and t.kind != "weak") or several:
            blocked.append(t)
            continue
        if hypothetical(ctx, t, start, end) or _describes_blocked(text, t, blocked):
            blocked.append(t)
            continue
        kept.append(t)
    return kept, blocked


_RELATIVE_LINK = re.compile(r"^\W*(?:[\w’'-]+\s+){0,3}?(?:where|at which|in which|during which)\b")
RELATIVE_REACH = 4  # words between a blocked noun and a relative clause describing it


def _describes_blocked(text: str, t: Trigger, blocked: list[Trigger]) -> bool:
    """A trigger in a relative clause ("where", "at which") on an encounter noun that is no
    encounter: "Imagine a summit where A and B finally sit down" pictures the scene it
    imagines."""
    for b in blocked:
        if b.end <= t.start and b.end >= t.start - 160:
            gap = text[b.end : t.start]
            if "." in gap or ";" in gap:
                continue
            m = _RELATIVE_LINK.match(gap)
            if m and len(_WORD.findall(gap, m.end())) <= RELATIVE_REACH:
                return True
    return False


def _not_an_encounter_noun(
    ctx: ArticleContext, m: re.Match[str], start: int, names: list[tuple[int, int]]
) -> bool:
    """ "meeting expectations" (an idiom), "talk of a summit", "she talks about the war" (speech
    about something): the noun names no encounter."""
    text, vocab = ctx.text, ctx.vocab
    word = m.group().lower()
    after = _skip_space(text, m.end())
    if word == "meeting" and vocab.met_not_followed_by.match(text, after):
        return True
    following = _WORD.match(text, after)
    if following is not None and following.group().lower() in vocab.process_after:
        return True  # "the talks track", "the talks format": the process
    if word not in vocab.talk_words:
        return False
    nxt = _WORD.match(text, after)
    if nxt is None or nxt.group().lower() not in vocab.discourse_after:
        return False
    if word == "talk":
        return True
    before = _words_before(text, m.start(), start, 1)
    if before and before[-1] in vocab.subject_pronouns:
        return True
    gap_end = start + len(text[start : m.start()].rstrip())
    if any(e == gap_end for _, e in names):
        return True
    # a capitalised word no entity covers, not opening the sentence: a person the article
    # does not list ("Kovalenko talks about"); "the Geneva talks about" has a place there
    word = _LAST_WORD.search(text, start, gap_end)
    return (
        word is not None
        and word.end() == gap_end
        and word.start() > start
        and word.group()[:1].isupper()
        and not any(x.start <= word.start() < x.end for x in ctx.mentions_in(start, gap_end))
    )


_LAST_WORD = re.compile(r"[\w’'-]+$")


HYPOTHETICAL_BEFORE = 4  # words between the phrase and the trigger
HYPOTHETICAL_AFTER = 3
CONDITIONAL_AFTER = 10
_RECEIVED = re.compile(r"\s+(?:by\s+)?(?:the\s+)?")
_POSSESSIVE = re.compile(r"['’]s?(?!\w)")


# "received a Russian delegation", "welcomed the visiting Chinese team": a delegation noun after
# an article and at most two words
_RECEIVED_GROUP = re.compile(r"\s+(?:a|an|the)\s+(?:[\w.’'-]+\s+){0,2}?([a-z]+)\b(?![’'-])")


# the end of a subject right before a verb: "A and B (finally) sat down", "The two men sat down"
_PAIR_SUBJECT = re.compile(r"\S\s+(?:(?:finally|then|later|first|have|had|has|will)\s+)?$")
_THE_TWO = re.compile(
    r"\b(?:the\s+two|both)\s+(?:men|women|leaders|presidents|ministers|envoys|sides|"
    r"delegations)\s+(?:(?:finally|then|later|first|have|had|will)\s+)?$",
    re.I,
)
_AND = re.compile(r"\s*(?:and|&)\s*")


def _named_pair(names: list[tuple[int, int]], text: str, start: int, pos: int) -> bool:
    """Two names joined by "and" end the text before `pos` (an adverb or auxiliary between)."""
    gap = _PAIR_SUBJECT.search(text, start, pos)
    end = gap.start() + 1 if gap else pos
    last = next((n for n in names if n[1] == end), None)
    if last is None:
        return False
    return any(_AND.fullmatch(text, b, last[0]) for a, b in names if b <= last[0])


def _receives_a_person(ctx: ArticleContext, pos: int, end: int) -> bool:
    """ "received Y", "was welcomed by Y", "received US envoy Y": a person's name after title
    words at most (not "Y's letter"); or a delegation ("received a Russian delegation headed
    by Y"); or a role naming one person of the article ("received the US envoy"), never a
    thing."""
    gap = _RECEIVED.match(ctx.text, pos, end)
    if gap is None:
        return False
    group = _RECEIVED_GROUP.match(ctx.text, pos, end)
    if group is not None and group.group(1) in ctx.vocab.delegation_nouns:
        return True
    if any(
        _titles_only(ctx, gap.end(), m.start) and not _POSSESSIVE.match(ctx.text, m.end)
        for m in ctx.mentions_in(gap.end(), min(end, gap.end() + 120), "person")
    ):
        return True
    # "Putin received the US envoy": the one person the article names holding that office
    from talkspkg.stages.meetings.patterns import role_party  # (patterns imports this module)

    held = role_party(ctx, _skip_space(ctx.text, pos), end)
    return any(ctx.etype(m) == "person" for m in held)


# a verb between a count and the noun: the count is the subject's ("the two men held talks")
_SUBJECT_VERBS = frozenset({
    "held", "had", "hold", "holds", "have", "has", "began", "begin", "opened", "concluded",
    "ended", "resumed", "started", "attended", "joined", "met",
})  # fmt: skip


def _counts(before: list[str], quantifiers: frozenset[str]) -> bool:
    """A count among the words before a meeting noun that counts it ("three rounds of talks"),
    not the subject of a verb before the noun ("the two men held talks"), nor a duration ("two
    days of talks" is one round that lasted two days)."""
    hits = [i for i, w in enumerate(before) if w in quantifiers]
    if hits and before[hits[-1] + 1 : hits[-1] + 3] in (["days", "of"], ["hours", "of"]):
        return False
    return bool(hits) and not any(w in _SUBJECT_VERBS for w in before[hits[-1] + 1 :])


def _round_senses(text: str, start: int, end: int, vocab: Vocab) -> bool:
    """A word of another kind of round in the sentence ("the first round of the election")."""
    return any(w.lower() in vocab.round_other_senses for w in _WORD.findall(text[start:end]))


@cache
def _month_list(vocab: Vocab) -> re.Pattern[str]:
    names = "|".join(sorted(map(re.escape, vocab.months), key=len, reverse=True))
    one = rf"(?:{names})\b"
    joint = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:in\s+)?"
    return re.compile(rf"(?:\s+[\w’'-]+){{0,6}}?\s+in\s+(?P<list>{one}(?:{joint}{one})*)", re.I)


MONTH_LIST_CHARS = 80  # from the counted noun to the list of its months


def _told_each(text: str, pos: int, end: int, before: list[str], vocab: Vocab) -> bool:
    """ "two rounds in Geneva in March and April": the count before the noun is a number word
    and as many capitalised months follow in one list, each round told (enumeration.py makes
    one encounter of each)."""
    counts = [vocab.count_words[w] for w in before if w in vocab.count_words]
    if not counts:
        return False
    m = _month_list(vocab).match(text, pos, min(end, pos + MONTH_LIST_CHARS))
    if m is None or re.search(r"[,;:]", text[pos : m.start("list")]):
        return False
    months = [
        w for w in _WORD.findall(m.group("list")) if w.lower() in vocab.months and w[0].isupper()
    ]
    return len(months) == counts[-1]


_SPENT = re.compile(r"((?:\s+[\w’'-]+){1,3}?)((?:\s+[\w’'-]+){0,6}?)\s+with\b")


def _spent_with(text: str, pos: int, end: int, vocab: Vocab) -> int | None:
    """ "spent Wednesday in Warsaw with", "spent three days with": the end of "with" after a
    time of the verb's own (a weekday or a `spend_times` word within its first three words),
    with no clause break between; None otherwise."""
    m = _SPENT.match(text, pos, end)
    if m is None:
        return None
    times = [w.lower() for w in _WORD.findall(m.group(1))]
    timed = any(w in vocab.spend_times or w in vocab.weekdays for w in times)
    return m.end() if timed else None


TITLE_WORDS = 4  # title words between a receiving verb and the name ("U.S. special envoy A")


def _titles_only(ctx: ArticleContext, a: int, b: int) -> bool:
    """Nothing but a few title words between a and b: capitalised words ("U.S.", "President")
    and the lexicon's role words and modifiers ("envoy", "special")."""
    words = re.findall(r"[\w.’'-]+|[^\w\s]", ctx.text[a:b])
    lex = ctx.kb.lexicon
    return len(words) <= TITLE_WORDS and all(
        w[:1].isupper() or w.lower() in lex.role_words or w.lower() in lex.role_modifiers
        for w in words
    )


# the sentence itself ends with a question mark (a quoted question, '... asked: "Why?"', is the
# speaker's: the sentence around it still reports)
_QUESTION = re.compile(r"\?\s*$")


PROPOSAL_REACH = 8  # words between a proposing verb and the trigger it proposes
REFUSAL_GAP = 1  # words (of `refusal_gap`) between a refusal and the trigger
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[–—-]\s")
_GAP_BREAK = re.compile(r"[;()]|\s[–—-]\s")


def hypothetical(ctx: ArticleContext, t: Trigger, start: int, end: int) -> bool:
    """The trigger names conditional, refused, proposed or general talks, not an encounter."""
    text, vocab = ctx.text, ctx.vocab
    if _QUESTION.search(text, start, end):
        return True  # "Could A and B ever meet?": a question reports nothing
    lo = max(start, t.start - 90)
    for m in vocab.hypothetical_before.finditer(text, lo, t.start):
        if len(_WORD.findall(text, m.end(), t.start)) <= HYPOTHETICAL_BEFORE:
            return True
    hi = min(end, t.end + 40)
    if any(
        len(_WORD.findall(text, t.end, m.start())) <= HYPOTHETICAL_AFTER
        for m in vocab.hypothetical_after.finditer(text, t.end, hi)
    ):
        return True
    if _conditioned_after(ctx, t, end):
        return True
    if _opens_with_condition(vocab, text[start : t.start]):
        return True
    if _possible_only(ctx, t, start, end) or _clause_condition(ctx, t, start):
        return True
    if _refused(vocab, text, lo, t.start) or _proposed(vocab, text, start, t.start):
        return True
    return own_body(vocab, text[t.end : min(end, t.end + 80)]) or _own_premodifier(
        vocab, text, start, t
    )


def _conditioned_after(ctx: ArticleContext, t: Trigger, end: int) -> bool:
    """A condition or a denial within CONDITIONAL_AFTER words after the trigger ("would only
    happen once", "is not on the agenda"; "could take place if"), with no other trigger or
    clause break (semicolon, dash) between: that one would be the encounter it bears on."""
    text, vocab = ctx.text, ctx.vocab
    hi = min(end, t.end + 120)
    for m in vocab.conditional_after.finditer(text, t.end, hi):
        if _plain_gap(vocab, text, t.end, m.start(), CONDITIONAL_AFTER):
            return True
    for w in vocab.unreal_if.finditer(text, t.end, hi):
        gap = [x.lower() for x in _WORD.findall(text, t.end, w.start())]
        if set(gap) & vocab.modals and _plain_gap(vocab, text, t.end, w.start(), CONDITIONAL_AFTER):
            return True
    return False


MODAL_REACH = 6  # words between a possibility modal and the trigger it governs
_LOWER_WORD = re.compile(r"[a-z’'-]+|[A-Z][\w’'-]*")


def _clause_start(text: str, start: int, pos: int) -> int:
    """Where the clause holding `pos` begins: after the last clause break before it."""
    last = start
    for m in _CLAUSE_BREAK.finditer(text, start, pos):
        last = m.end()
    return last


def _possible_only(ctx: ArticleContext, t: Trigger, start: int, end: int) -> bool:
    """A possibility modal governs the trigger in its own clause: "could meet Trump in Rome",
    "should fly to Moscow to meet Putin", "might then host talks" (up to MODAL_REACH words
    before, none of them a clause cut: a subordinator, a relative pronoun, "that", "but"), or
    a noun trigger after a verb of hope or opinion in its clause, followed by one and a verb of
    happening ("hoped a summit between A and B could be held in C", "think talks might take
    place"; "and" may join its parties). The modal is matched in lower case only ("in May").
    A verb under such a modal with a date in its clause is a plan floated, as the gold
    guideline reads it ("X suggested the two envoys could meet in Lisbon in October"):
    kept, with the status of a plan."""
    text, vocab = ctx.text, ctx.vocab
    cuts = (
        vocab.subordinators | vocab.coordinators | vocab.relative_pronouns | {"that", "and", "as"}
    )
    lo = _clause_start(text, start, t.start)
    words = _LOWER_WORD.findall(text, lo, t.start)
    for i in range(len(words) - 1, max(-1, len(words) - 1 - MODAL_REACH - 1), -1):
        w = words[i]
        if w in vocab.possibility_modals:
            if i > 0 and words[i - 1].lower() in cuts:
                return False  # "officials who could not attend met in C": its own clause
            if _dated_in_clause(ctx, t.end, end):
                return False  # "could meet in Lisbon in October": a plan floated
            return not _other_trigger(vocab, text, lo, t.start, w)
        if w.lower() in cuts:
            break
    if t.kind not in ("noun", "process") or not set(w.lower() for w in words) & (
        vocab.opinion_verbs
    ):
        return False  # "the next round could take place in Miami, X said": a plan
    hi = min(end, t.end + 80)
    after = _LOWER_WORD.findall(text, t.end, hi)
    for i, w in enumerate(after[: MODAL_REACH + 1]):
        if (w.lower() in cuts and w.lower() != "and") or (
            w in vocab.modals and w not in vocab.possibility_modals
        ):
            return False
        if w in vocab.possibility_modals:
            rest = " ".join(after[i + 1 : i + 4]).lower()
            rest = re.sub(r"^(?:(?:not|still|also|then|even|soon|only|now)\s+)+", "", rest)
            return vocab.happening_after_modal.match(rest) is not None and _plain_gap(
                vocab, text, t.end, t.end + text[t.end : hi].find(w), MODAL_REACH
            )
    return False


def _dated_in_clause(ctx: ArticleContext, pos: int, end: int) -> bool:
    """A date in the trigger's clause after it (up to the next clause break)."""
    brk = _CLAUSE_BREAK.search(ctx.text, pos, end)
    hi = brk.start() if brk else end
    return bool(find_dates(ctx.text, pos, hi, ctx.vocab))


def _other_trigger(vocab: Vocab, text: str, lo: int, pos: int, modal: str) -> bool:
    """Another trigger between the modal and this one: the modal is that one's."""
    at = text.rfind(f" {modal} ", lo, pos)
    a = at + len(modal) + 2 if at >= 0 else lo
    return any(p.search(text, a, pos) for p in (vocab.nouns, vocab.verbs, vocab.process_nouns))


def _clause_condition(ctx: ArticleContext, t: Trigger, start: int) -> bool:
    """ "Even if the two men met in Geneva, ...": a conditional conjunction in the trigger's own
    clause before it, with no other trigger between (that one would bear the condition)."""
    text, vocab = ctx.text, ctx.vocab
    lo = _clause_start(text, start, t.start)
    found = list(vocab.clause_conditions.finditer(text, lo, t.start))
    if not found:
        return False
    a = found[-1].end()
    if len(_WORD.findall(text, a, t.start)) > MODAL_REACH + 4:
        return False
    return not any(
        p.search(text, a, t.start) for p in (vocab.nouns, vocab.verbs, vocab.process_nouns)
    )


def _plain_gap(vocab: Vocab, text: str, a: int, b: int, limit: int) -> bool:
    if len(_WORD.findall(text, a, b)) > limit or _GAP_BREAK.search(text, a, b):
        return False
    return not any(p.search(text, a, b) for p in (vocab.nouns, vocab.verbs, vocab.process_nouns))


def _opens_with_condition(vocab: Vocab, before: str) -> bool:
    """ "If the talks go well, the leaders could meet": a sentence opening a condition."""
    return vocab.conditional_openers.match(before.lstrip(" \"“‘'*")) is not None


def _refused(vocab: Vocab, text: str, lo: int, pos: int) -> bool:
    """ "refused to meet", "declined to hold talks with": a refusal right before the trigger."""
    for m in vocab.refusal_before.finditer(text, lo, pos):
        gap = [w.lower() for w in _WORD.findall(text, m.end(), pos)]
        if len(gap) <= REFUSAL_GAP and set(gap) <= vocab.refusal_gap:
            return True
    return False


def _proposed(vocab: Vocab, text: str, start: int, pos: int) -> bool:
    """ "Turkey offered to host talks", "proposed Budapest as the venue for a summit": a
    proposing verb before the trigger in its clause (not "the proposed summit")."""
    for m in vocab.proposal_verbs.finditer(text, max(start, pos - 120), pos):
        if _CLAUSE_BREAK.search(text, m.end(), pos):
            continue
        gap = [w.lower() for w in _WORD.findall(text, m.end(), pos)]
        if len(gap) > PROPOSAL_REACH or set(gap) & vocab.proposal_breaks:
            continue  # "proposed a truce at the talks": the talks are where, not what
        if vocab.proposal_kept_after.match(text, _skip_space(text, m.end())):
            continue  # "has proposed holding the next round next week": a plan stated as fact
        before = _words_before(text, m.start(), start, 1)
        if before and before[-1] in vocab.determiners:
            continue  # "the proposed summit": an adjective, the summit is announced
        return True
    return False


def _own_premodifier(vocab: Vocab, text: str, start: int, t: Trigger) -> bool:
    """ "a cabinet meeting", "a war cabinet session", "the Russian cabinet met": one side's own
    body meeting (not "the government met with the IMF": another party)."""
    before = _words_before(text, t.start, start, 2)
    if not before:
        return False
    if t.kind in ("noun", "process"):
        three = _words_before(text, t.start, start, 3)
        if len(three) == 3 and three[0] in vocab.shared_owners:
            return False  # "a UN Security Council meeting": a shared body
        return before[-1] in vocab.own_premodifiers or (
            " ".join(before[-2:]) in vocab.own_premodifiers
        )
    if t.kind != "verb" or before[-1] not in (set(vocab.own_bodies) | vocab.own_premodifiers):
        return False
    # not "the government met with the IMF", "officials of the government met US envoys"
    nxt = _WORD.match(text, _skip_space(text, t.end))
    return nxt is None or (nxt.group().lower() not in ("with", "to") and nxt.group()[:1].islower())


@cache
def _own_body_pattern(vocab: Vocab) -> re.Pattern[str]:
    def alt(words: tuple[str, ...]) -> str:
        return "|".join(
            r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len)[::-1]
        )

    bodies, councils = alt(vocab.own_bodies), alt(vocab.own_councils)
    own = rf"(?:his|her|its|their)\s+(?:[\w’'.-]+\s+){{0,2}}?(?:{bodies}|{councils})"
    return re.compile(
        rf"^(?:(?:\s+[\w’'-]+){{0,2}}?\s+of\s+(?:the\s+(?:[\w’'.-]+\s+){{0,2}}?(?:{bodies})"
        rf"|{own})|\s+(?:with\s+)?{own})\b",
        re.I,
    )


def own_body(vocab: Vocab, after: str) -> bool:
    """A meeting of one side's own body ("session of the National People's Congress"), or a
    verb whose object is one ("convened his war cabinet", "met with his security team")."""
    return _own_body_pattern(vocab).match(after) is not None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def group_triggers(
    ctx: ArticleContext,
    triggers: list[Trigger],
    parts: list[Clause],
    protected: list[tuple[int, int]],
) -> list[list[Trigger]]:
    """Triggers within three words of each other, in one clause, name one encounter; so does a
    noun that is the purpose of a verb of its clause ("met X in C on Wednesday for talks on
    Y", "arrived in C on Monday for two days of talks": `_purpose`)."""
    groups: list[list[Trigger]] = []
    for t in triggers:
        if groups:
            last = groups[-1][-1]
            same = clause_at(last.start, parts).index == clause_at(t.start, parts).index
            near = same and words_between(ctx.text, last.end, t.start, protected) <= 3
            if near or (same and _purpose(ctx.text, groups[-1], t, protected)):
                groups[-1].append(t)
                continue
        groups.append([t])
    return groups


PURPOSE_WORDS = 12  # the verb's complements before "for talks": object, place, date
# "for talks", "for further talks", "for two days of talks"; not "for a summit", "for the
# talks": a determiner names an event of its own (which may be another: "the next round")
_FOR = re.compile(r"(?<![\w-])for\s+(?:(?!(?:a|an|the|his|her|their|its)\s)[a-z][\w-]*\s+){0,3}$")


def _purpose(
    ctx_text: str, group: list[Trigger], t: Trigger, protected: list[tuple[int, int]]
) -> bool:
    """A meeting noun after "for" and no determiner ("for talks", "for further talks", "for
    two days of talks") is what the verb before it in its clause was for: one encounter."""
    verb = group[-1]
    if verb.kind not in ("verb", "conversation") or t.kind != "noun":
        return False
    if _FOR.search(ctx_text, max(verb.end, t.start - 40), t.start) is None:
        return False
    if any(c in ctx_text[verb.end : t.start] for c in ",;:–—("):
        return False  # "hosted X on Thursday, pressing him for talks on Y": another matter
    return words_between(ctx_text, verb.end, t.start, protected) <= PURPOSE_WORDS


def is_generic(ctx: ArticleContext, first: Trigger, sentence_start: int) -> bool:
    """A bare noun after a process word ("revive peace talks"): the process, not an encounter."""
    before = _words_before(ctx.text, first.start, sentence_start, 3)
    if not before or first.kind not in ("noun", "process"):
        return False
    has_modifier = before[-1] in ctx.vocab.generic_modifiers
    has_determiner = any(w in ctx.vocab.determiners or w.endswith(("'s", "’s")) for w in before)
    return has_modifier and not has_determiner
