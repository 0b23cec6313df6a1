"""Who took part, read from the syntax around the trigger rather than from the whole sentence.

Policy (precision first). The parties of an encounter are the names that fill one of these
slots of its trigger, each slot a list of names ("A, B and C"; titles, demonyms and
possessives between names are skipped: "Russian President Vladimir Putin"):

* the subject of a verb trigger, or of a support verb before a noun trigger ("A and B met",
  "A has held talks", "A travelled to Moscow to meet", "A and B held meetings", "A and B sat
  down for talks"), separated
  from it only by auxiliaries, adverbs, support verbs and small words, never by a speech verb
  or a comma (an appositive ", the US envoy," is skipped);
* the object of a verb trigger ("met Putin", "hosted Zelensky and ...");
* "with" / "alongside" after the trigger ("talks with A", "a phone call with A");
* in the subject, object or "with" slot, a party named only by a role ("with the Russian
  president", "met his Finnish counterpart", "The Turkish foreign minister met ...",
  "Turkey's foreign minister"): the one person of the article who acts for that country with
  that role (a discovered person acts for the country of their title); else the one person
  whose knowledge-base title the phrase is on the article's date (the dated title resolver,
  talkspkg/titles.py: nobody outside the spans the knowledge base vouches for); else the
  country; a bare office ("The envoy met Putin", "Zelensky met the chancellor", "the special
  envoy held talks with ...") is the one person named earlier in the article whose
  knowledge-base office it is (nobody when two are: "the president" after Trump and Putin);
* "between A and B" after the trigger;
* a possessive before a noun trigger ("Witkoff's meeting with Putin") and a pair joined by a
  dash ("the Trump-Putin summit"); not before a verb or a role ("Ukraine's allies will meet",
  "Trump's envoy met X": the allies, the envoy);
* who came with the subject: "X, accompanied by Y, met Z", "Flanked by Y, X met Z", "X met Z
  on Tuesday, joined by Y" (the cues of `company_cues`; after the trigger only within its own
  phrase, never past "where", "before", a speech verb ...);
* "<trigger> (were) hosted / chaired / received by A" and a verb trigger's passive "by A"
  ("Y was received by A") (hosts), and "(were) led / headed / mediated /
  brokered / attended / joined by A" (participants: a mediator takes part); so does the state
  of an attribute of the trigger: "U.S.-brokered talks", "Qatar-mediated negotiations"
  ("Turkey-hosted": its host; not "US-backed": support is no part).

A sentence opening with the encounter ("At a meeting with Y in C, X said ...", "During talks
with Y, ...") gives Y's counterpart as the subject after the opening phrase; "X said after a
meeting with Y" gives X, and so do "X said after speaking with Y and Z" and "“...,” X said
after meeting Y and Z" (not "X said after Y's talks with Z" nor "after talks between Y and
Z"); "He"/"She" opening a sentence (or a paragraph) with no person before it, or after a short
time opener without its comma ("On Tuesday he met Y", "Hours later she ..."), is the one person
the sentence before names (nobody when it names two); "him"/"her" as the object of a verb
trigger ("Erdogan welcomed him", "C, where B received him") is the one person told before it
(pronouns.py); "The two men / leaders held
talks" are the two persons the sentence before names (nobody when it names one or three);
"his/her summit with B" adds the subject of the clause "his" stands in ("A met C, days after
his summit with B": A; "D said that A would ... at his summit": A), when no possessor or
subject of its own is named; "their summit" with no party of its own takes the pair the clause
opens with ("A and B have not met since their summit in C", "Z said A and B had described
their talks as useful": A and B; never one name or none). States joined by a dash right before
the noun ("Russian-Ukrainian talks", "Kyiv-Moscow talks") are its parties; a verb of gathering
after it lists them ("The talks in C brought together / involved A and B"; not "also": more
people at an encounter whose pair is told elsewhere). "A meeting with B followed on Sunday",
opening its sentence with no name before it, takes the one person whose trip the sentence
before tells ("A flew to C on Saturday."), nobody when it names two.

A state that is the subject of "hosted" hosts; when its object is the encounter told ("hosted
the talks", "hosted the delegations"), the host is a third party: the frame names no other
encounter.

The clause's subject is no counterpart when a speech verb stands between it and the encounter
and it is a spokesperson by title or knowledge-base role ("Kremlin spokesman Peskov told
reporters the talks with Witkoff were useful": Witkoff only; "Umerov said talks with Witkoff
were productive": both).

A name right after a verb of briefing ("would brief the chancellor on the talks") is told
of the talks, it is no subject of them.

A person named elsewhere in the sentence (the correspondent, the speaker, a leader mentioned in
passing) fills no slot. `slots` returns the parties found, or an empty dict when the sentence
states none this way; people.py then keeps only these persons for the frame.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from talkspkg.stages.meetings.context import ArticleContext
from talkspkg.stages.meetings.pronouns import object_referent, spokesperson, traveller_before
from talkspkg.stages.meetings.pronouns import one_person_before as _one_person_before
from talkspkg.stages.meetings.pronouns import persons_before as _persons_before
from talkspkg.stages.meetings.roles import is_principal
from talkspkg.stages.meetings.sentence import Frame, add_role
from talkspkg.stages.mentions import Mention
from talkspkg.titles import title_holder

PARTY_TYPES = ("person", "country")  # organisations: often the press or a ministry
_TOKEN = re.compile(r"[\w.’'-]+|[,;:–—()\"“”]")
SEPARATORS = {",", "and", "as", "well", "alongside", "along", "with", "including", "plus"}
WIDE = {"alongside", "including"}  # a group may be described before its members are named
SMALL = {"his", "her", "their", "its", "the", "a", "an", "of", "to", "for", "'s", "’s"}
FILLERS = {
    "also", "has", "have", "had", "will", "would", "could", "then", "later", "again", "already",
    "reportedly", "earlier", "previously", "is", "are", "was", "were", "be", "been", "due",
    "set", "expected", "scheduled", "planning", "plans", "plan", "going", "to", "in", "on",
    "person", "face", "finally", "formally", "jointly", "briefly", "first", "last", "just",
    "held", "hold", "holds", "holding", "began", "begin", "begins", "started", "start",
    "concluded", "conclude", "attended", "attend", "joined", "join", "resumed", "a", "an",
    "ended", "completed", "finished", "opened", "wrapped", "kicked", "up", "off", "continued",
    "the", "their", "his", "her", "new", "another", "round", "rounds", "of", "two-day",
    "high-level", "direct", "trilateral", "bilateral", "productive", "fresh", "further",
    "travelled", "traveled", "travel", "travels", "flew", "fly", "went", "go", "arrived",
    "sat", "down", "conduct", "conducts", "conducted", "conducting", "host", "hosts", "hosted",
    "chaired", "co-chaired",
    "long", "lengthy", "brief", "short", "rare", "hour-long", "two-hour", "surprise", "secret",
    "private", "closed-door", "face-to-face", "in-person", "virtual", "extended", "phone",
    "telephone", "video", "separate", "first-ever", "historic", "landmark", "key", "sending",
    "sent", "send", "team", "delegation", "second", "third", "fourth", "fifth", "latest",
    "final", "initial", "for", "sit", "sits", "sitting",  # "A and B sat down for talks"
    "took", "take", "takes", "taking", "part",  # "A and B took part in the talks"
    # what the talks are about ("A and B are to hold another round of peace talks")
    "peace", "ceasefire", "truce", "security", "three-way", "four-way", "two-way",
}  # fmt: skip
# small words between a subject and its trigger ("A and B are to hold another round of peace talks")
MAX_FILLERS = 8
_BROKERED = re.compile(r"-(?:mediated|brokered|led|backed|hosted|sponsored)$", re.I)  # "US-led"
_GLUE = {"and", "the", "of", "to", "for", "on"}  # role modifiers that also join lists
_AUX = r"(?:(?:which\s+)?(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:being\s+)?)?"
HOST_BY = re.compile(rf"\s*,?\s*{_AUX}(?:hosted|chaired|convened|received|welcomed)\s+by\s+", re.I)
PASSIVE_BY = re.compile(r"\s+by\s+(?:the\s+)?", re.I)  # "Y was received by X": X hosts
PART_BY = re.compile(
    rf"\s*,?\s*{_AUX}(?:led|headed|mediated|attended|joined|brokered|facilitated)\s+by\s+",
    re.I,
)
WITH = re.compile(
    r"(?:\s+(?:[a-z][\w’'-]*|in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*|on\s+[A-Z]\w+)){0,4}?\s+"
    r"(?:with|alongside|between)\s+",
)
DASH_PAIR = re.compile(r"\s*[-–]\s*")
VERB_KINDS = ("verb", "conversation", "call", "weak")


_PLACE_NOUNS = frozenset({"border", "borders", "frontier"})  # "the Belarus border"


@dataclass
class Names:
    """The party mentions of one sentence, in order, with how to skip between them."""

    ctx: ArticleContext
    mentions: list[Mention]

    def at(self, pos: int) -> Mention | None:
        return next((m for m in self.mentions if m.start == pos), None)

    def ending_at(self, pos: int) -> Mention | None:
        return next((m for m in self.mentions if m.end == pos), None)

    def attributive(self, m: Mention) -> bool:
        """A country or organisation in a title ("US Secretary of State Marco Rubio", "Kremlin
        aide Yuri Ushakov") or naming a place ("on the Belarus border"), or a person's
        possessive before a title ("Zelensky's chief of staff"), is not a party of its own."""
        entity = self.ctx.entity(m.entity_id)
        possessive = self.ctx.text.startswith(("'s", "’s"), m.end)
        if entity is None or (entity.entity_type == "person" and not possessive):
            return False  # "Zelensky's chief of staff, Andriy Yermak": Yermak is the party
        pos = m.end + (2 if possessive else 0)
        nxt = _TOKEN.match(self.ctx.text, _skip_space(self.ctx.text, pos))
        if nxt is None:
            return False
        word = nxt.group().lower()
        if word in _PLACE_NOUNS and entity.entity_type != "person":
            return True  # "met on the Belarus border": a place, not a party
        lex = self.ctx.kb.lexicon
        return word.removesuffix("s") in lex.role_words or (
            word in lex.role_modifiers and word not in _GLUE
        )

    def skippable(self, word: str) -> bool:
        w = word.lower()
        lex = self.ctx.kb.lexicon
        return (
            w in SMALL
            or w in self.ctx.role_words
            or (w.endswith("s") and w[:-1] in lex.role_words)  # "US envoys Witkoff and ..."
            or word in lex.demonyms
            or (word[:1].isupper() and w.rstrip(".") in lex.role_words)
        )


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


def list_after(names: Names, pos: int, end: int) -> list[Mention]:
    """The names of a list starting at `pos` ("Russian President Vladimir Putin and ...")."""
    text = names.ctx.text
    out: list[Mention] = []
    skipped = 0
    titled = False  # only title words since the last name: it qualifies the next one
    while pos < end:
        pos = _skip_space(text, pos)
        m = names.at(pos)
        if m is not None:
            possessive = text.startswith(("'s", "’s"), m.end)
            if names.attributive(m) or (possessive and out):
                # part of the next name's title, or the owner of a thing ("with Putin, as well
                # as Ukraine's post-war future")
                pos = m.end + (2 if possessive else 0)
                continue
            if out and titled:
                out.pop()  # "Trump envoy Steve Witkoff": Trump only qualifies Witkoff
            out.append(m)
            pos, skipped, titled = m.end, 0, True
            if text.startswith(("'s", "’s"), pos):
                pos += 2
            continue
        tok = _TOKEN.match(text, pos)
        if tok is None:
            break
        word = tok.group()
        if _given_name(names, word, tok.end()):
            pos = tok.end()  # "Ambrose Ashecki" resolved by the surname only: one name
            continue
        if (title_org := _title_organisation(names, pos)) is not None:
            pos = title_org  # "Nato Secretary-General Mark Rutte": the body names the title
            continue
        if out and (word.lower() in SEPARATORS or word == ","):
            # a comma after title words is an appositive's ("his counterpart, Sergei Lavrov")
            titled = titled and skipped > 0
            pos = tok.end()
            if word.lower() in WIDE:  # "alongside a group of European leaders, including X"
                skipped = -6
            continue
        unknown = out and word[:1].isupper() and not titled_word(names, word)
        loose = skipped < 0 and word[:1].islower()  # the words of a group after "alongside"
        if (names.skippable(word) or word == "," or unknown or loose) and skipped < 6:
            pos, skipped = tok.end(), skipped + 1  # a name the knowledge base lacks
            if word == "," or unknown or loose or word.lower() in _GLUE:
                titled = False  # "with Trump on Saturday, Zelensky ...": no title between
            continue
        break
    return out


def _title_organisation(names: Names, pos: int) -> int | None:
    """The end of an organisation's name (and its "'s") starting at `pos` when a role word or a
    name follows ("Nato Secretary-General A", "IAEA chief B", "Nato's C"): part of the next
    person's title, no party."""
    ctx = names.ctx
    orgs = ctx.mentions_in(pos, pos + 80, "organization")
    org = next((m for m in orgs if m.start == pos), None)
    if org is None:
        return None
    end = org.end + (2 if ctx.text.startswith(("'s", "’s"), org.end) else 0)
    if end > org.end and names.at(_skip_space(ctx.text, end)) is not None:
        return end  # "Nato's Mark Rutte"
    nxt = _TOKEN.match(ctx.text, _skip_space(ctx.text, end))
    if nxt is None or nxt.group().lower().removesuffix("s") not in ctx.kb.lexicon.role_words:
        return None
    return end


def _given_name(names: Names, word: str, end: int) -> bool:
    """A capitalised word right before a person's mention that covers only the surname (a
    person discovered later in the article, or known by the surname): their given name."""
    if not word[:1].isupper() or not word.isalpha() or titled_word(names, word):
        return False
    if names.skippable(word):
        return False  # a title or demonym: the usual rules
    nxt = names.at(end + 1) if names.ctx.text[end : end + 1] == " " else None
    return (
        nxt is not None
        and " " not in nxt.text
        and _person(names.ctx, nxt.entity_id)
        and names.ctx.etype(nxt) == "person"
    )


def titled_word(names: Names, word: str) -> bool:
    """A capitalised word that starts a new phrase rather than naming someone."""
    return word.lower() in SMALL or word in ("The", "A", "An", "In", "On", "At", "For")


_LAST_WORD_OR_COMMA = re.compile(r"([\w.’'-]+|,)$")


def list_before(names: Names, pos: int, start: int) -> list[Mention]:
    """The names of a list ending at `pos` ("A and B" before "met")."""
    text = names.ctx.text
    out: list[Mention] = []
    separated = False
    while pos > start:
        while pos > start and text[pos - 1] in " \t\n":
            pos -= 1
        m = names.ending_at(pos)
        if m is None:
            break
        if not names.attributive(m) and (separated or not out):
            out.insert(0, m)
        elif out and not separated:
            return out  # "Trump envoy Steve Witkoff": Trump only qualifies Witkoff
        pos = m.start
        separated = False
        # titles before the name, then a separator, then another name
        while True:
            j = pos
            while j > start and text[j - 1] in " \t\n":
                j -= 1
            word = _LAST_WORD_OR_COMMA.search(text[start:j])
            if word is None:
                return out
            w = word.group()
            if names.ending_at(j) is not None:
                pos = j
                break
            if w.lower() in ("and", ","):
                pos, separated = j - len(w), True
                continue
            if names.skippable(w):
                pos = j - len(w)
                continue
            return out
    return out


_LAST_WORD = re.compile(r"([\w’'-]+)\s*$")
_INCLUDING = re.compile(r",\s*(?:including|among them)\s+")
_PRONOUN_END = re.compile(r"\b(?:he|she|it)$", re.I)
_WORD_END = re.compile(r"[\w’'-]+$")
_WHO_END = re.compile(r",\s*who\s*$")


def _subject(names: Names, f: Frame, start: int, at: int | None = None) -> list[Mention]:
    """Names before the trigger (or the position `at`) separated from it only by FILLERS (or
    an appositive)."""
    text = names.ctx.text
    lo = start  # "On May 2, delegations ..., including A and B, met": across the aside
    pos = f.start if at is None else at
    fillers = 0
    places = names.ctx.mentions_in(lo, f.start, "location")
    while pos > lo and fillers <= MAX_FILLERS:
        while pos > lo and text[pos - 1] in " \t\n":
            pos -= 1
        if names.ending_at(pos) is not None:
            found = list_before(names, pos, lo)
            verb = _LAST_WORD.search(text[lo : found[0].start] if found else "")
            if verb and verb.group(1).lower() in names.ctx.vocab.briefing_verbs:
                return []  # "would brief the chancellor on the talks": told of them
            return found
        if text[pos - 1 : pos] == ",":  # ", the US envoy," appositive
            comma = text.rfind(",", lo, pos - 1)
            if comma < 0 or pos - comma > 90:
                return []
            including = _INCLUDING.match(text[comma:pos])
            if including:  # "delegations ..., including A and B, met": A and B
                return list_after(names, comma + including.end(), pos)
            named = names.ending_at(pos - 1)
            listed = list_after(names, _skip_space(text, comma + 1), pos - 1)
            bare = bool(listed) and not text[comma + 1 : listed[0].start].strip()
            if named is not None and bare and listed[-1] is named:
                # "Beijing sent its envoy, Li Hui, to the talks", "the ministers of A and B,
                # X and Y, met": the names the appositive gives
                return listed
            pos = comma
            continue
        pronoun = _PRONOUN_END.search(text[lo:pos])
        if pronoun:  # "Trump posted that he held a call with Putin": the last person before
            at = lo + pronoun.start()
            if pronoun.group().lower() == "it":  # "Moscow confirmed it was sending a team"
                return _last_country(names, lo, at)
            before = [m for m in names.mentions if m.end <= at]
            fits = [m for m in before if _person(names.ctx, m.entity_id)]
            if not fits and _OPENS.fullmatch(text, lo, at):
                # "X arrived in C. He met Y.", "... During the visit, he met Y."
                return _one_person_before(names.ctx, lo)
            if fits and _ADDRESSEE.search(text, max(lo, fits[-1].start - 30), fits[-1].start):
                return []  # "X told Y that he would meet Z": X or Y, the text does not say
            return fits[-1:] if fits else []
        place = next((m for m in places if m.end == pos), None)
        if place is not None:  # "travelled to Moscow to meet"
            pos, fillers = place.start, fillers + 1
            continue
        word = _WORD_END.search(text[lo:pos])
        if word is None:
            return []
        w = word.group()
        rel = _WHO_END.search(text[lo:pos])
        if rel is not None and names.ending_at(lo + rel.start()) is not None:
            # "Ushakov, who attended the meeting, said": the relative's antecedent
            return list_before(names, lo + rel.start(), lo)
        if rel is not None and (named := _before_appositive(names, lo, lo + rel.start())):
            return named  # "Fidan, Turkey's foreign minister, who chaired the meeting,"
        if (
            w.lower() not in FILLERS
            and not names.ctx.vocab.nouns.fullmatch(w)
            and not _BROKERED.search(w)
        ):
            return []
        pos -= len(w)
        fillers += 1
        if _BROKERED.search(w) and (mediator := names.ending_at(pos)) is not None:
            pos = mediator.start  # "A and B held US-brokered talks": the mediator is no subject
    return []


# a sentence opening with the encounter as a frame for what its subject did there
_OPENING_PHRASE = re.compile(
    r"[\W_]*(?:at|during|in|over|on\s+the\s+(?:sidelines|margins)\s+of)\s+"
    r"(?:(?:a|an|the|his|her|their)\s+)?(?:[\w-]+\s+){0,2}?$",
    re.I,
)
# what may stand before a pronoun opening its sentence: nothing, or an opening phrase and a comma
_OPENS = re.compile(
    r"[\s\"“]*(?:[A-Z][^,;:]{0,60},\s*"
    # a short time opener without its comma: "On Tuesday he met Y", "Hours later she met Y"
    r"|(?:(?:On|By|Later|Earlier|Then|Afterwards|Subsequently|Next|Hours|Days|The\s+next|"
    r"The\s+following|The\s+same)\b(?:\s+[\w-]+){0,3}?\s+))?"
)


def _before_appositive(names: Names, lo: int, pos: int) -> list[Mention]:
    """The person right before an appositive ending at `pos` ("A, Turkey's foreign minister"):
    a short phrase of title words between two commas."""
    text = names.ctx.text
    comma = text.rfind(",", lo, pos)
    phrase = text[comma + 1 : pos] if comma >= 0 else ""
    if not phrase.strip() or len(phrase) > 60 or not _APPOSITIVE.fullmatch(phrase):
        return []
    named = names.ending_at(comma)
    return [named] if named is not None and _person(names.ctx, named.entity_id) else []


_APPOSITIVE = re.compile(r"\s*(?:the\s+|a\s+)?(?:[\w.’'-]+\s+){0,6}?[a-z][\w-]*\s*")


def _says(ctx: ArticleContext, lo: int, pos: int) -> bool:
    """A speech verb between a clause's subject and the encounter: what follows is reported."""
    return any(w.lower() in ctx.speech_verbs for w in re.findall(r"[\w’'-]+", ctx.text[lo:pos]))


# between an encounter noun and a verb of gathering: its complements, or ", which (also)"
_GATHER_GAP = re.compile(r"[^,.;:!?\"“”]{0,50}?(?:,\s*which\s+|\s+)")


def gathered(names: Names, pos: int, end: int) -> list[Mention]:
    """The parties a verb of gathering lists after the encounter ending at `pos` ("The talks in
    C brought together A and B", "the meeting, which involved A and B"); not an owner ("the
    talks included Ukraine's demands"); not after "also", which adds people to parties told
    elsewhere, not the encounter's own pair."""
    ctx = names.ctx
    text = ctx.text
    for v in ctx.vocab.gather_verbs.finditer(text, pos, min(end, pos + 80)):
        if _GATHER_GAP.fullmatch(text, pos, v.start()) is None:
            continue
        listed = list_after(names, _skip_space(text, v.end()), end)
        return [m for m in listed if not text.startswith(("'s", "’s"), m.end)]
    return []


# states joined by dashes right before an encounter noun, up to two modifiers between
# ("Russian-Ukrainian talks", "the US-Ukrainian consultations", "Kyiv-Moscow prisoner talks")
_PAIRED = re.compile(
    r"(?<![\w-])([A-Z][\w.]*(?:\s*[-–/]\s*[A-Z][\w.]*)+)\s+(?:[a-z][\w-]*\s+){0,2}$"
)


def paired_states(ctx: ArticleContext, lo: int, pos: int) -> list[str]:
    """The states a dash-joined pair of demonyms, names or capitals before the encounter noun
    at `pos` names, when every part names a state and they are two or more."""
    m = _PAIRED.search(ctx.text, max(lo, pos - 80), pos)
    if m is None:
        return []
    states = [ctx.state_named(w) for w in re.split(r"\s*[-–/]\s*", m.group(1))]
    if None in states or len(set(states)) < 2:
        return []
    return list(dict.fromkeys(s for s in states if s is not None))


# an encounter noun opening its sentence with no name before it ("The talks with B", "His
# meeting with B", "Talks with B")
_BARE_OPENING = re.compile(r"[\s\"“]*(?:(?:[A-Z]?[a-z][\w-]*|A)\s+)?(?:[a-z][\w-]*\s+){0,2}")


# "The two men held talks", "Both leaders met": the two persons of the sentence before
_THE_TWO = re.compile(
    r"[\s\"“]*(?:the\s+two|both)\s+(?:men|women|leaders|presidents|ministers|envoys|diplomats|"
    r"heads\s+of\s+state|foreign\s+ministers|negotiators)\s+(?:[\w’'-]+\s+){0,3}$",
    re.I,
)


_REPORTED = re.compile(r"\b(?:that|said|says|told\s+[\w’'-]+|added|adds)\b\s*", re.I)
_HIS = re.compile(r"\b(?:his|her)\s+(?:[\w-]+\s+){0,2}$", re.I)
_THEIR_OWN = re.compile(r"\btheir\s+(?:[\w-]+\s+){0,2}$", re.I)
_HOST_VERB = re.compile(r"hosted|hosts|hosting|host", re.I)
_DEFINITE = re.compile(
    r"\s+(?:the|this|that|these|those|their|both)\s+(?:[\w’'-]+\s+){0,2}?([\w’'-]+)", re.I
)


def _hosts_the_told(ctx: ArticleContext, f: Frame, end: int) -> bool:
    """A host verb whose object is a definite meeting or delegation noun ("hosted the talks",
    "hosted the two delegations"): an encounter already told."""
    last = f.triggers[-1]
    if len(f.triggers) > 1:
        return last.kind == "noun" and _DEFINITE.fullmatch(ctx.text, f.triggers[0].end, last.end)
    m = _DEFINITE.match(ctx.text, last.end, end)
    return m is not None and m.group(1).lower() in ctx.vocab.delegation_nouns


_POSS_BEFORE = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}$")
_WITH_END = re.compile(r"\b(?:with|to)$")


def slots(ctx: ArticleContext, start: int, end: int, f: Frame) -> dict[str, str]:
    """Parties of frame `f` of the sentence text[start:end] found in its slots."""
    text = ctx.text
    names = Names(ctx, ctx.mentions_in(start, end, *PARTY_TYPES))
    found: dict[str, str] = {}
    lo = max(start, f.clause.start)

    def add(ms: list[Mention], role: str = "participant") -> None:
        for m in ms:
            if not is_principal(ctx, m):  # "met A, an aide to B": B is not at the table
                add_role(found, m.entity_id, role)

    kinds = {t.kind for t in f.triggers}
    verb = bool(kinds & set(VERB_KINDS))
    last = f.triggers[-1]
    subject = _subject(names, f, start)
    later = [t for t in f.triggers[1:] if t.kind in ("verb", "conversation")]
    if not subject and later:  # "During the visit, he met Y": the verb's own subject
        subject = _subject(names, f, start, later[0].start)
    if not subject and _THE_TWO.fullmatch(text, start, f.start):
        pair = _persons_before(ctx, start)  # "A arrived ... at the invitation of B. The two
        subject = pair if len(pair) == 2 else []  # men held talks in C": A and B
    if verb and not subject:  # "The Turkish foreign minister met Wang Yi"
        subject = _role_subject(ctx, lo, f.start)
    elif not subject and (sv := _SUPPORT.search(text, max(lo, f.start - 60), f.start)):
        subject = _role_subject(ctx, lo, sv.start())  # "the envoy held talks with X"
    if verb or has_support_verb(text, lo, f.start):
        # "The United Arab Emirates hosted the talks": a state that hosts is their host
        hosting = verb and _HOST_VERB.fullmatch(f.triggers[0].text) is not None
        add(subject)
        if hosting:
            add([m for m in subject if ctx.etype(m) == "country"], "host")
            if _hosts_the_told(ctx, f, end):
                # "... hosted the talks", "A hosted the delegations": the host of an encounter
                # already told, no other party
                f.third_parties |= {m.entity_id for m in subject}
    if verb:  # the object may run past "including" ("to meet A and B, including C")
        obj = _skip_space(text, last.end)
        # "Erdogan welcomed him": the one person the text before names (pronouns.py)
        add(
            list_after(names, obj, end)
            or role_party(ctx, obj, end)
            or object_referent(ctx, start, last.end)
        )
    elif _GERUND.search(text, max(start, f.start - 20), f.start) and last.text.lower() == "meeting":
        obj = _skip_space(text, last.end)  # "after meeting Wang Yi": a verb with its object
        if names.at(obj) is not None:
            add(list_after(names, obj, end))
    # the slots right after the trigger may run past a relative clause's comma
    if (w := WITH.match(text, last.end, end)) and len(re.findall(r"\w+", w.group())) <= 6:
        add(list_after(names, w.end(), end) or role_party(ctx, w.end(), end))
    add(gathered(names, last.end, end))  # "The talks, which brought together A and B, ..."
    for state in paired_states(ctx, lo, f.start):  # "Russian-Ukrainian talks"
        add_role(found, state, "participant")
    # "Witkoff's meeting with Putin", "the Trump-Putin summit"
    before = text[lo : f.start]
    poss = _POSS_BEFORE.search(before)
    if poss and (kinds <= {"verb", "conversation"} or _names_role(ctx, before[poss.start() + 2 :])):
        # "Trump's envoy met X", "Ukraine's allies will meet", "Trump's envoy's meeting": the
        # possessive qualifies the subject of a verb, or a role: not a party
        poss = None
    if poss:
        owner = names.ending_at(lo + poss.start())
        if owner is not None:
            add([owner])
            pair = DASH_PAIR.fullmatch(text, _prev_end(names, owner), owner.start)
            if pair:
                add([m for m in names.mentions if m.end == _prev_end(names, owner)])
    his = _HIS.search(before)
    if his and poss is None and not subject and WITH.match(text, last.end, end):
        # "Trump met Zelensky, three days after his summit with Putin": the sentence's subject
        # ... of the clause "his" stands in: "A said (that) B would meet C at his summit" is B's
        said = [m.end() for m in _REPORTED.finditer(text, start, lo + his.start())]
        owner = _clause_subject(names, said[-1] if said else start, lo + his.start())
        if len(owner) == 1 and _person(ctx, owner[0].entity_id):
            add(owner)
    their = _THEIR_OWN.search(before)
    if their and poss is None and not subject and not found:
        # "A and B have not met since their summit in C": the pair the clause opens with
        said = [m.end() for m in _REPORTED.finditer(text, start, lo + their.start())]
        owners = _clause_subject(names, said[-1] if said else start, lo + their.start())
        if len(owners) >= 2:
            add(owners)
    for second in names.mentions:
        if lo <= second.end <= f.start and len(re.findall(r"\w+", before[second.end - lo :])) <= 1:
            first = next(
                (m for m in names.mentions if DASH_PAIR.fullmatch(text, m.end, second.start)),
                None,
            )
            if first is not None:
                add([first, second])
    persons = [e for e in found if _person(ctx, e)]
    if len(persons) == 1 and not subject:
        # "Putin offered ... during a meeting with Witkoff", "Trump ... made a call to Putin":
        # the clause's subject is the other party
        opens = start if f.clause.kind in ("main", "coord") else lo  # quotes cut clauses too
        owners = _clause_subject(names, opens, f.start)
        if owners and not f.temporal and _says(ctx, owners[-1].end, f.start):
            # "Peskov told reporters the talks with Witkoff were useful": a spokesperson
            # speaks of talks others held ("He said the call with Putin ..." is his own)
            owners = [m for m in owners if not spokesperson(ctx, m)]
        add([m for m in owners if _person(ctx, m.entity_id)])
        if f.temporal and len([e for e in found if _person(ctx, e)]) == 1:
            # "After a call with Macron on Friday, Tusk urged ...": the subject
            # of the main clause after the opening phrase
            main = _clause_subject(names, f.clause.end, end)
            add([m for m in main if _person(ctx, m.entity_id)])
        w = WITH.match(text, last.end, end)
        if (
            len([e for e in found if _person(ctx, e)]) == 1
            and not kinds & set(VERB_KINDS)
            and _BARE_OPENING.fullmatch(text, start, f.start)
            and not any(start <= m.start < f.start for m in names.mentions)
            and w is not None
            and w.group().split()[-1].lower() == "with"
        ):
            # "A flew to Miami on Saturday. A meeting with B followed on Sunday.": the
            # traveller the sentence before tells is B's counterpart
            add(traveller_before(ctx, start))
    if verb or has_support_verb(text, lo, f.start):
        for c in ctx.vocab.company_cues.finditer(text, start, end):
            if _in_company(ctx, f, subject, start, c.start(), c.end()):
                add(list_after(names, c.end(), end))
    opening = _OPENING_PHRASE.match(text, start, f.start)
    if opening and len([e for e in found if _person(ctx, e)]) == 1:
        # "At a meeting with Y in C, X said ...": the subject after the opening phrase met Y
        comma = text.find(",", f.end, end)
        if comma > 0 and not ctx.vocab.verbs.search(text, f.end, comma):
            main = _clause_subject(names, comma + 1, end)
            add([m for m in main if _person(ctx, m.entity_id)])
    n_persons = len([e for e in found if _person(ctx, e)])
    # "after Y's meeting with Z", "after talks between Y and Z": theirs, not the speaker's
    w = WITH.match(text, last.end, end)
    with_slot = _WITH_END.search(last.text.lower()) is not None or (
        w is not None and w.group().split()[-1].lower() != "between"
    )
    gerund = f.triggers[0].text.lower().split()[0].endswith("ing") and bool(
        _GERUND.search(text, max(start, f.start - 20), f.start)
    )  # "after meeting A and B": a verb with its object
    own = bool(subject) or poss is not None or not (with_slot or gerund)
    if f.temporal and f.clause.kind == "sub" and (n_persons == 1 or (n_persons and not own)):
        # "X said after a meeting with Y", "X told reporters after meeting Y", "X said after
        # speaking with Y and Z": the subject of the clause the temporal phrase hangs on met
        # them, when the trigger has no subject or owner of its own ("X said after Y spoke
        # with Z": Y)
        add([m for m in _speaker_before(names, start, f.clause.start) if _person(ctx, m.entity_id)])
    their = _THEIR.search(text, max(start, f.start - 40), f.start)
    if their is not None:  # "X told Y during their meeting in C": X and Y met
        add([m for m in _told(names, start, their.start()) if _person(ctx, m.entity_id)])
    passive = PASSIVE_BY if last.kind == "verb" else None
    for pattern, role in ((HOST_BY, "host"), (PART_BY, "participant"), (passive, "host")):
        if pattern is not None and (m := pattern.match(text, last.end, end)):
            by = list_after(names, m.end(), end)
            if not m.group().strip(" ,").lower().startswith(("led", "headed")):
                f.third_parties |= {x.entity_id for x in by if x.entity_id not in found}
            add(by, role)
    _mediator_before(names, f, lo, add)
    return found


# "US-brokered talks", "Turkish-hosted negotiations", "Qatar-mediated trilateral talks": the
# state the attribute names takes part (it mediates, leads or hosts); not "US-backed" (support)
_ATTRIBUTE_BEFORE = re.compile(
    r"-(?P<how>mediated|brokered|led|hosted|facilitated|chaired)\s+(?:[\w’'-]+\s+){0,2}$", re.I
)


def _mediator_before(
    names: Names, f: Frame, lo: int, add: Callable[[list[Mention], str], None]
) -> None:
    """The party named in an attribute of the trigger ("U.S.-brokered talks in C"): a
    mediator, leader or host of the encounter, counted apart from its delegations
    (`third_parties`), so a later reference naming it is still about these talks."""
    text = names.ctx.text
    trigger = f.triggers[0]
    if trigger.kind not in ("noun", "process"):
        return
    hit = _ATTRIBUTE_BEFORE.search(text, max(lo, trigger.start - 40), trigger.start)
    if hit is None or hit.end() != trigger.start:
        return
    party = names.ending_at(hit.start())
    if party is None:
        return
    if party.entity_id not in f.roles:
        f.third_parties.add(party.entity_id)
    add([party], "host" if hit.group("how").lower() == "hosted" else "participant")


# a gerund has no determiner: "after meeting X", "before meeting X", "since meeting X"
_GERUND = re.compile(r"(?:^|\b(?:after|before|since|while|following|when|by|on))\s+$", re.I)
_SPOKE_TO = re.compile(r"\s+([\w’'-]+)(?:\s+[\w’'-]+){0,2}\s*$")


# a quotation opening the sentence, up to its closing mark and comma ("“...,” X said after")
_OPENING_QUOTE = re.compile(r"\s*[“\"][^”\"]{1,600}[”\"]\s*")


def _speaker_before(names: Names, start: int, pos: int) -> list[Mention]:
    """The names opening the sentence when only a speech verb and at most two words (its
    audience: "told reporters") follow them before `pos`: "X said | after a meeting with Y";
    after a quotation that opens it: "“...,” X said | after speaking with Y"."""
    if (q := _OPENING_QUOTE.match(names.ctx.text, start, pos)) is not None:
        start = q.end()
    found = _clause_subject(names, start, pos)
    if not found:
        return []
    verb = _SPOKE_TO.fullmatch(names.ctx.text, found[-1].end, pos)
    return found if verb and verb.group(1).lower() in names.ctx.speech_verbs else []


_ADDRESSEE = re.compile(r"\b(?:told|tells|telling|assured|assures|informed|informs|warned)\s+$")
_THEIR = re.compile(r"\b(?:during|at|in|after|before|following)\s+their\s+(?:[\w-]+\s+)?$", re.I)


def _told(names: Names, start: int, pos: int) -> list[Mention]:
    """ "X told Y | during their meeting": the speaker opening the sentence and the person
    told, when only the speech verb stands between them and nothing after the person."""
    speakers = _clause_subject(names, start, pos)
    if not speakers:
        return []
    text = names.ctx.text
    verb = re.match(r"\s+([\w’'-]+)\s+", text[speakers[-1].end : pos])
    if verb is None or verb.group(1).lower() not in names.ctx.speech_verbs:
        return []
    told = list_after(names, speakers[-1].end + verb.end(), pos)
    if len(told) != 1 or text[told[-1].end : pos].strip():
        return []
    return [*speakers, *told]


# what ends the trigger's own phrase before a cue after it ("..., where he was joined by")
_OTHER_CLAUSE = re.compile(
    r"[;:]|\b(?:where|when|while|before|after|then|later|who|which|whom|but|said|says|told)\b",
    re.I,
)
_COMPANY_GAP = 12  # words between the trigger and a company cue after it


def _in_company(
    ctx: ArticleContext, f: Frame, subject: list[Mention], start: int, a: int, b: int
) -> bool:
    """The cue text[a:b] ("accompanied by", "joined by", "flanked by") tells who came with the
    trigger's subject: after the trigger in its own phrase ("X met Z on Tuesday, joined by Y"),
    as the subject's appositive ("X, accompanied by Y, met Z") or as the phrase opening the
    sentence right before the subject ("Flanked by Y, X met Z")."""
    text = ctx.text
    if a >= f.end:
        gap = text[f.end : a]
        return len(re.findall(r"\w+", gap)) <= _COMPANY_GAP and not _OTHER_CLAUSE.search(gap)
    if not subject or a < start:
        return False
    first, last = subject[0], subject[-1]
    if last.end <= a and b <= f.start:  # the subject's appositive, closed before the trigger
        return re.match(r"\s*,", text[last.end : a]) is not None
    if b <= first.start:  # "Flanked by Y, X met Z": the sentence opens with the cue
        opening = text[start:a].strip(" \t\n\"“‘'*")
        return not opening and "," in text[b : first.start]
    return False


_ROLE_PARTY = re.compile(
    r"(?:(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?P<demonym>[A-Z][\w.]*)|(?P<owner>[A-Z][\w.]*)['’]s)"
    r"\s+(?P<role>[A-Za-z]+(?:\s+[A-Za-z]+)?)\b(?!\s*,?\s*[A-Z])"
)


# the offices a "counterpart" holds (not a spokesperson's or an adviser's)
_OFFICES = frozenset({"president", "minister", "secretary", "chancellor", "premier", "leader"})


def _words(role: str | None) -> list[str]:
    return re.findall(r"[a-z]+", (role or "").lower())


def role_party(ctx: ArticleContext, pos: int, end: int) -> list[Mention]:
    """A party named only by a role ("with the Russian president", "met his Finnish
    counterpart", "the Turkish foreign minister", "Turkey's foreign minister"; no name follows):
    the one person of the article who acts for that country and holds that role (a head of
    state or government or a minister for "counterpart"); else the one person whose title in the
    knowledge base holds it on the article's date (talkspkg/titles.py); else the country itself."""
    m = _ROLE_PARTY.match(ctx.text, pos, end)
    if m is None:
        return _named_before(ctx, pos, end)
    lex = ctx.kb.lexicon
    if m.group("demonym"):
        iso = lex.demonyms.get(m.group("demonym"))
    else:
        owner = m.group("owner")
        iso = lex.demonyms.get(f"{owner}'s") or lex.demonyms.get(owner)
    country = ctx.country_by_iso.get(iso or "")
    role = m.group("role").lower().split()
    if role[-1] not in lex.role_words and role[-1] != "counterpart":
        role = role[:1]  # "the Russian president said": one role word
    stop = m.start("role") + len(" ".join(role))
    if country is None or (role[-1] != "counterpart" and role[-1] not in lex.role_words):
        return []
    wanted = _OFFICES if role == ["counterpart"] else set(role)
    holders = {
        x.entity_id
        for x in ctx.mentions
        if (e := ctx.entity(x.entity_id)) is not None
        and e.entity_type == "person"
        and ctx.state_of(x.entity_id) == country
        and (
            bool(wanted & set(_words(e.role)))
            if role == ["counterpart"]
            else wanted <= set(_words(e.role))
        )
    }
    phrase = ctx.text[m.start() : stop]
    eid = holders.pop() if len(holders) == 1 else _titled(ctx, phrase) or country
    return [Mention(ctx.article.article_id, m.start(), stop, phrase, eid, "role")]


# auxiliaries and adverbs between a subject and its verb ("The envoy had last hosted B")
_AUX_GAP = re.compile(
    r"(?:\s+(?:has|had|have|also|will|would|was|is|then|later|reportedly|last|previously"
    r"|already|once|first|just|recently|briefly|twice))*\s+$"
)


def _names_role(ctx: ArticleContext, words: str) -> bool:
    """Whether the words hold a role word of the lexicon ("envoy", "adviser", "minister")."""
    return any(w in ctx.kb.lexicon.role_words for w in re.findall(r"[a-z]+", words.lower()))


def _role_subject(ctx: ArticleContext, lo: int, pos: int) -> list[Mention]:
    """A role phrase right before a verb trigger (auxiliaries aside) as its subject."""
    for m in _ROLE_PARTY.finditer(ctx.text, lo, pos):
        found = role_party(ctx, m.start(), pos)
        if found and _AUX_GAP.fullmatch(ctx.text, found[0].end, pos):
            return found
    for m in _BARE_ROLE.finditer(ctx.text, lo, pos):
        found = _named_before(ctx, m.start(), pos)
        if found and _AUX_GAP.fullmatch(ctx.text, found[0].end, pos):
            return found
    return []


# "the envoy", "the chancellor", "the special envoy": an office with no country or name
_BARE_ROLE = re.compile(r"\b[Tt]he\s+(?:(?:special|top|chief|presidential)\s+)?(?P<role>[a-z]+)\b")


def _named_before(ctx: ArticleContext, pos: int, end: int) -> list[Mention]:
    """ "The envoy met Putin", "Putin received the chancellor": the one person the article
    named before `pos` whose knowledge-base office is that one (role and titles); nobody when
    two such people were named (precision first: "the president" after Trump and Putin)."""
    m = _BARE_ROLE.match(ctx.text, pos, end)
    if m is None or m.group("role") not in ctx.vocab.referring_offices:
        return []
    word = m.group("role")
    holders = set()
    for x in ctx.mentions:
        e = ctx.entity(x.entity_id)
        if x.end > pos or e is None or e.entity_type != "person":
            continue
        offices = " ".join([e.role or "", *getattr(e, "titles", ())]).lower()
        if word in re.findall(r"[a-z]+", offices):
            holders.add(x.entity_id)
    if len(holders) != 1:
        return []
    eid = holders.pop()
    return [Mention(ctx.article.article_id, m.start(), m.end(), m.group(), eid, "role")]


def _titled(ctx: ArticleContext, phrase: str) -> str | None:
    """The one person whose knowledge-base title the phrase is ("the Turkish foreign minister")
    on the article's date: the dated resolver (talkspkg/titles.py) decides."""
    named = {m.entity_id for m in ctx.mentions}
    return title_holder(ctx.kb, phrase, ctx.article.meta.published_date, named)


def _last_country(names: Names, lo: int, at: int) -> list[Mention]:
    """The last country named before `at`, a capital standing for its country."""
    ctx = names.ctx
    found: list[Mention] = []
    for m in ctx.mentions_in(lo, at, "country", "location"):
        country = m.entity_id if ctx.etype(m) == "country" else ctx.capital_of(m.text)
        if country is not None:
            found.append(Mention(m.article_id, m.start, m.end, m.text, country, m.rule))
    return found[-1:]


def _person(ctx: ArticleContext, entity_id: str) -> bool:
    entity = ctx.entity(entity_id)
    return entity is not None and entity.entity_type == "person"


_OPENER = re.compile(r"[\s,*_>#\"“]*(?:(?:since|after|when|while|as|and|but|then)\s+)?", re.I)


def _clause_subject(names: Names, lo: int, pos: int) -> list[Mention]:
    """The names opening the clause text[lo:pos] (after a subordinator), if it opens with one;
    not a possessor ("Donald Trump's envoy met X": the envoy is the subject, not Trump)."""
    opener = _OPENER.match(names.ctx.text, lo, pos)
    start = opener.end() if opener else lo
    found = list_after(names, start, pos)
    if not found or re.match(r"['’]s\b", names.ctx.text[found[-1].end : found[-1].end + 3]):
        return []
    words = _TOKEN.findall(names.ctx.text, start, found[0].start)
    return found if len(words) <= 6 and not any(w in ",;" for w in words) else []


def _prev_end(names: Names, m: Mention) -> int:
    prev = [x.end for x in names.mentions if x.end <= m.start]
    return max(prev) if prev else -1


_SUPPORT = re.compile(
    r"\b(?:held|hold|holds|holding|had|have|has|began|begin|begins|started|concluded|"
    r"ended|completed|finished|opened|continued|(?:wrapped|kicked)\s+(?:up|off)|"
    r"attended|attend|joined|join|resumed|conduct|conducts|conducted|conducting|"
    r"send|sends|sending|sent|dispatched|(?:sat|sit|sits|sitting)\s+(?:down|in\s+on)|"
    r"(?:took|take|takes|taking)\s+part|chaired|co-chaired)\b[^,;]{0,40}$",
    re.I,
)


def has_support_verb(text: str, lo: int, pos: int) -> bool:
    return bool(_SUPPORT.search(text, max(lo, pos - 60), pos))
