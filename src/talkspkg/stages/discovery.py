"""Discovery of people the knowledge base does not list, from evidence in the text.

Evidence rules (each names the `source` of the discovered entity):
- `role-before-name`: a role noun right before a capitalised name ("Finnish President Alexander
  Stubb", "Macron's diplomatic adviser Emmanuel Bonne"); the role phrase becomes the `role`.
- `honorific`: "Mr", "Dr", "Gen.", ... before a capitalised name; a role right before the
  honorific is the person's role ("Prime Minister Sir A B").
- `speech-verb`: a two-or-more-word name right before a speech verb ("Maria Lopez said"), or
  before the body they belong to and then one ("Maria Lopez of the Razumkov Centre said").
- `appositive-role`: "Name, the/a ... <role noun> ..." ("Maria Lopez, the Finnish envoy, ...").
- `role-comma-name`: "<role phrase>, Name," ("Ukraine's ambassador to the US, Olga
  Stefanishyna, said"); a plural role before a list ("the foreign ministers, A and B").
- `speech-verb` also inverted after a quotation (”Q,” wrote Jane Doe).
- `team-leader`: a two-or-more-word name right after "<team|delegation|mediators|...> led by"
  ("Qatari mediators led by A B").
A one-word name is discovered only after an honorific or a capitalised title ("President
Lopez", "US Foreign Minister Lopez"; not in a title-case headline).
Full names with no evidence beside them (two or three words, not after an article), once the
whole article is read:
- `short-reference`: the last word is used alone with evidence elsewhere ("Lopez said",
  "President Lopez", "Mr Lopez"), or alone as a possessive ("Lopez's envoy") or joined by
  "and" or a comma to a person ("between Garcia and Lopez"); these two weaker cues do not
  count for a name written where a place would stand ("talks in Port Moresby", "the Abu
  Dhabi talks");
- `coordination`: joined by "and" or a comma to a discovered person ("A B and C D said");
  a list grows one name at a time.
A name is a run of capitalised words joined by blanks (a full stop only after an initial);
honorifics, title abbreviations and hyphenated titles ("Ambassador-at-large", "President-elect")
are no part of it, nor are plural role words ("Nordic Leaders said") or the words of outlets'
names in other languages (lexicon `press_words`: "Der Spiegel", "Dagens Nyheter" are
organisations); a run going on into an institution word ("Supreme National Security Council")
is no person. A person's country is the state a demonym or state name before the role word
states ("Ugandan army chief"), or one right after "<role> of" with the role's words read on
("President of Finland", "deputy head of the Russian delegation"), or of a body that is one of a
state's ("deputy speaker of the upper chamber of the Russian parliament"), or whom a serving
role serves ("adviser to the Ukrainian president"), or a state body or person of the knowledge
base in place of the demonym ("White House press secretary", "Putin's envoy", "spokesperson for
the Pentagon", "an aide to Zelensky"; news outlets are no state's voice), or the capital whose
possessive opens the role phrase ("Beijing's special envoy"); never a state named elsewhere in
the phrase, a demonym of origin ("Ukrainian-born") or one naming a body that is no state's
("German Marshall Fund fellow", "head of the Russian Orthodox Church"). A person with no role
takes the state (or capital) whose possessive stands right before the name ("Turkey's A B
said"), or the country of the team or delegation their sentence lists them in ("Ukraine's team
includes A, ..., and B", "the Russian delegation, led by C"; not across a "while" or "but"
clause). A role phrase ends at a sentence end, and may end in a body's noun ("deputy head of the
Russian delegation").
Journalists (bylines, credit lines, publication lines "by X", photo credits "X/Agency" and
"Agency/X", paragraph signatures "—X", "with reporting from X", correspondents, other
reporters who "report", and in the story a journalism role naming a known outlet ("BBC Russia
editor X", "X, a Reuters reporter") or an outlet owning or following the name ("the BBC's X",
"X of Reuters", also in a credit: "Fox News' X contributed"); outlets are the knowledge
base's entities with a lexicon `outlet_roles` role) get type `journalist`, never `person`.
In credit lines a name may open with initials ("J. D. Vance-Smith") and stops
where an outlet's name starts ("JANE DOE Associated Press"); a byline in capitals is read as
names ("BY JANE DOE" -> Jane Doe) except known outlets and outlet words; a role glued after a
name ("Jane Doe Senior Reporter") is no part of it. A name's particles may
run to two ("Jean-Luc de la Cruz").
Organisations: see stages/organizations.py.
A discovered entity's id is the slug of its name, so the same name is one entity everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from talkspkg.document import Article, SegmentKind
from talkspkg.kb import KnowledgeBase, Lexicon
from talkspkg.lines.bylines import role_words
from talkspkg.lines.knowledge import OUTLET_NAMES, OUTLET_WORDS, WIRE_PHOTO_CREDITS
from talkspkg.stages.candidates import DISCOVERED, PROSE, Candidate
from talkspkg.stages.kbmatch import title_case
from talkspkg.stages.trie import trie_pattern
from talkspkg.textutil import slug


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w’'-]*")
_POSSESSIVE = ("’s", "'s")
_PARTICLES = frozenset({"bin", "von", "van", "de", "der", "da", "di", "al", "el", "la", "le", "du"})
_GAP = re.compile(r"^[ \t]+$|^\.[ \t]+$")  # between two tokens of one name ("Ruth E. Carter")
_BLANK = re.compile(r"^[ \t]+$")
_PREFIXED = re.compile(r"^(?:al|el|ad|as|ash|ibn|bin|abu|ben)-[A-Z]")  # "al-Sharaa"
_REGNAL = frozenset({"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIV", "XVI"})
_CALENDAR = _words(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December"
)
# capitalised non-name words that may follow a person's name: dates, credit words
_NOT_INSTITUTION = _CALENDAR | {"Reporting", "Writing", "Editing", "Additional", "Photo", "Follow"}
_FUNCTION_CAPS = _CALENDAR | _words(
    "The A An And But Or Of In On At To For From By With As After Before Since While When "
    "Where What Why How Who This That These Those It Its He She They We I His Her Their Our "
    "If Then Also Meanwhile However Earlier Later Now Today Yesterday Asked Speaking "
    "Reporting Despite During Under Among Although Because Though Unlike Like Following "
    "According Amid Without Within Across Against Between Through Over Into Upon Once Every "
    "Each Some Many Most All Both Any No Not Several Other Another Such Only Even Still Yet So "
    "Thus Instead Last Next Until Unless Whether Why Whose Which There Here Members Officials"
)
_PLACE_BEFORE = frozenset({"in", "from", "at", "near", "to"})  # "reporting by X in New York"
_JOURNALISM = frozenset(
    {"correspondent", "reporter", "journalist", "photographer", "writer", "editor", "columnist"}
)
_REPORTS = frozenset({"reports", "reported", "reporting", "writes", "contributed"})
_QUOTE_CLOSE = re.compile(r"[”\"’'][ \t]*,?[ \t]*$|,[ \t]*[”\"’'][ \t]*$")
_AFTER_INVERTED = re.compile(r"[,.;:)]|[ \t]+(?:in|on|of)\b|$")
_SIGNATURE = re.compile(  # a paragraph signed by its author: "... the board._—Jane Doe_"
    r"[.!?”\"’][*_]*[ \t]*[—–][ \t]*([A-Z](?:[^\W\d_]|[’'-])+(?:[ \t]+[A-Z](?:[^\W\d_]|[’'.-])*)"
    r"{1,2})[*_]*[ \t]*$"
)
_PUBLISHED_BY = re.compile(r"\bby[ \t]+([A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'.-]*){1,3})[ \t]*$")
_PHOTO_CREDIT = re.compile(r"([^\W\d_][\w’'-]+(?:[ \t]+[^\W\d_][\w’'-]+){1,3})[ \t]*/[ \t]*\S")
_AGENCY_PHOTO_CREDIT = re.compile(  # "REUTERS/Jane Doe", "AP Photo/Jane Doe/File"
    rf"\b(?:{WIRE_PHOTO_CREDITS}|REUTERS)(?:[ \t]+Photo)?[ \t]*/[ \t]*"
    r"([A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){1,2})(?=[ \t]*(?:/|$|[(),;.\]]))"
)


@dataclass(frozen=True, slots=True)
class Discovered:
    candidate: Candidate
    name: str
    entity_type: str
    role: str | None
    country: str | None
    source: str


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str


# the segments of the text last tokenised: [text, {(start, end): tokens}] (the people and the
# organisations discoverers read the same segments)
_memo: list[Any] = [None, {}]
MEMO_SEGMENTS = 1024


def _tokens(text: str, start: int, end: int) -> list[Token]:
    if _memo[0] is not text:
        _memo[:] = [text, {}]
    found = _memo[1].get((start, end))
    if found is None:
        if len(_memo[1]) >= MEMO_SEGMENTS:
            _memo[1].clear()
        found = _memo[1][(start, end)] = tuple(
            Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)
        )
    return list(found)


def _bare(tok: str) -> str:
    for suffix in _POSSESSIVE:
        if tok.endswith(suffix):
            return tok[: -len(suffix)]
    return tok


def _name_token(tok: str, lex: Lexicon, *, first: bool = True) -> bool:
    """A word that can be part of a person's name; a demonym can only continue one ("John
    Irish"), never start it ("Irish officials"); a regnal number only continues one ("Nicholas
    II"); "al-Sharaa" continues one; an honorific or title abbreviation ("Gov.") is none."""
    bare = _bare(tok)
    if not first and (
        bare in _REGNAL or _PREFIXED.match(bare) or (len(bare) == 1 and bare.isupper())
    ):
        return True  # "Nicholas II", "Ahmed al-Sharaa", "Ruth E. Carter"
    return (
        bool(bare)
        and bare[0].isupper()
        and not bare.isupper()
        and bare not in lex.not_name_words
        and bare not in lex.press_words
        and bare not in lex.honorifics
        and bare + "." not in lex.honorifics
        and (bare not in lex.demonyms or not first)
        and not _is_role_word(bare, lex)
        and not _is_plural_role(bare, lex)  # "Nordic Leaders said"
    )


def _initial(tok: Token) -> bool:
    return len(tok.text) == 1 and tok.text.isupper()


def _is_role_word(tok: str, lex: Lexicon) -> bool:
    """A role noun, also hyphenated with a qualifier ("Ambassador-at-large", "President-elect",
    "Commander-in-Chief"; not "King-Smith")."""
    word = _bare(tok)
    if word.lower() in lex.role_words:
        return True
    parts = word.split("-")
    return (
        len(parts) > 1
        and parts[0].lower() in lex.role_words
        and (parts[-1].islower() or parts[-1].lower() in lex.role_words)
    )


def _honorific(text: str, tok: Token, lex: Lexicon) -> bool:
    dotted = tok.text + "." if text[tok.end : tok.end + 1] == "." else tok.text
    return tok.text in lex.honorifics or dotted in lex.honorifics


def _particles_then_name(toks: list[Token], j: int, lex: Lexicon) -> int:
    """How many particles (one or two: "de", "de la") start at j before a name token; 0 if
    they are not followed by one."""
    for n in (1, 2):
        if j + n >= len(toks) or toks[j + n - 1].text not in _PARTICLES:
            return 0
        if _name_token(toks[j + n].text, lex):
            return n
    return 0


def _names(
    text: str, toks: list[Token], lex: Lexicon, *, initials: bool = False
) -> Iterator[tuple[int, int]]:
    """Runs [i, j) of name tokens joined by blanks (particles allowed inside, possessive ends).
    A full stop joins only after an initial ("Ruth E. Carter"): elsewhere it ends a sentence.
    With `initials` (credit lines), a name may open with initials ("J. D. Vance-Smith")."""
    i = 0
    while i < len(toks):
        opens = _name_token(toks[i].text, lex) or (
            initials
            and _initial(toks[i])
            and i + 1 < len(toks)
            and text[toks[i].end : toks[i].end + 1] == "."
            and _GAP.match(text[toks[i].end : toks[i + 1].start]) is not None
            and (_initial(toks[i + 1]) or _name_token(toks[i + 1].text, lex))
        )
        if not opens:
            i += 1
            continue
        j = i + 1
        while (
            j < len(toks)
            and (
                _BLANK.match(gap := text[toks[j - 1].end : toks[j].start])
                or (_initial(toks[j - 1]) and _GAP.match(gap))
            )
            and _bare(toks[j - 1].text) == toks[j - 1].text  # a possessive ends the name
        ):
            if _name_token(toks[j].text, lex, first=False):
                j += 1
            elif n := _particles_then_name(toks, j, lex):
                j += n + 1
            else:
                break
        yield i, j
        i = j


def _joined(text: str, a: Token, b: Token) -> bool:
    return bool(_GAP.match(text[a.end : b.start]))


def _role_token(tok: Token, lex: Lexicon) -> bool:
    """May stand inside a role phrase: role nouns and modifiers, demonyms, possessives."""
    low = _bare(tok.text).lower()
    return (
        _is_role_word(tok.text, lex)
        or (low in lex.role_modifiers and low not in _LINKS)
        or tok.text in lex.demonyms
        or tok.text.endswith(_POSSESSIVE)
    )


_LINKS = frozenset({"of", "for", "to", "and", "the", "on"})
# bodies a role phrase may end in ("deputy head of the Russian delegation")
_BODIES = _words(
    "delegation team ministry office council committee government administration commission "
    "mission agency service department parliament embassy party campaign"
)


def _role_before(text: str, toks: list[Token], i: int, lex: Lexicon) -> tuple[int, int] | None:
    """Span of the role phrase right before token i ("Ukraine's Minister of Foreign Affairs",
    "Secretary of the Army", "Secretary of Iran's Supreme National Security Council")."""
    if i == 0 or not _joined(text, toks[i - 1], toks[i]):
        return None
    if not _role_token(toks[i - 1], lex):
        return _role_of_institution(text, toks, i, lex)
    k = i - 1
    while k > 0 and _joined(text, toks[k - 1], toks[k]):
        prev = toks[k - 1]
        if _role_token(prev, lex) or (
            i - k < 6 and prev.text[0].isupper() and _bare(prev.text) not in _FUNCTION_CAPS
        ):  # "Ukrainian Air Force spokesperson", "NUP leader", "Trump envoy"
            k -= 1
        elif prev.text in ("of", "for") and k > 1 and _is_role_word(toks[k - 2].text, lex):
            k -= 2  # "Minister of Foreign Affairs", "Envoy for Ukraine"
        elif (
            prev.text == "the"
            and k > 2
            and toks[k - 2].text in ("of", "for")
            and _is_role_word(toks[k - 3].text, lex)
        ):
            k -= 3  # "Secretary of the Army"
        else:
            break
    phrase = toks[k:i]
    if not any(_is_role_word(t.text, lex) for t in phrase):
        return None
    end = phrase[-1].end + (text[phrase[-1].end : phrase[-1].end + 1] == ".")
    return phrase[0].start, end


def _role_of_institution(
    text: str, toks: list[Token], i: int, lex: Lexicon
) -> tuple[int, int] | None:
    """ "<Role> of|for [the] <Institution> <Name>": an institution's capitalised name between
    a role word and "of/for" and the person's name, at most eight words long."""
    k = i - 1
    while k > 0 and i - k <= 8 and _joined(text, toks[k - 1], toks[k]):
        word = toks[k].text
        if not (word[0].isupper() or word == "the"):
            return None
        prev = toks[k - 1]
        if prev.text in ("of", "for") and k > 1 and _joined(text, toks[k - 2], prev):
            head = toks[k - 2]
            named = any(t.text[0].isupper() for t in toks[k:i])
            if named and head.text[0].isupper() and _is_role_word(head.text, lex):
                return head.start, toks[i - 1].end
            return None
        k -= 1
    return None


def _within_phrase(text: str, a: Token, b: Token, lex: Lexicon) -> bool:
    """Two words of one phrase: a blank between them, or a full stop only after an initial or
    an abbreviation ("Lt. Gen."); elsewhere a full stop ends the sentence and the phrase."""
    gap = text[a.end : b.start]
    return bool(_BLANK.match(gap)) or (
        bool(_GAP.match(gap)) and (_initial(a) or _honorific(text, a, lex))
    )


def _appositive_role(text: str, toks: list[Token], j: int, lex: Lexicon) -> tuple[int, int] | None:
    """ ", the/a ... <role> ..." right after a name, up to the clause end, naming nobody else
    (a possessive name such as "Zelenskiy's chief of staff" is fine)."""
    if j >= len(toks) or not re.fullmatch(r",[ \t]*", text[toks[j - 1].end : toks[j].start]):
        return None
    k = j
    while k + 1 < len(toks) and k - j < 10 and _within_phrase(text, toks[k], toks[k + 1], lex):
        k += 1
    phrase = toks[j : k + 1]
    if not any(_is_role_word(t.text, lex) for t in phrase):
        return None
    for a, b in _names(text, phrase, lex):
        if a == 0 and b - a >= 2 and not phrase[b - 1].text.endswith(_POSSESSIVE):
            return None  # a list of people, not an appositive
        if a > 0 and b - a >= 2 and _role_token(phrase[a - 1], lex):
            return None  # ", Foreign Minister Lars Berg said": another person's role, no appositive
    last = max(
        n
        for n, t in enumerate(phrase)
        if t.text not in _LINKS
        and (_role_token(t, lex) or t.text[0].isupper() or _bare(t.text) in _BODIES)
    )
    return phrase[0].start, phrase[last].end


@cache
def _demonym_pattern(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{trie_pattern(sorted(lex.demonyms))})(?!\w)")


_PHRASE_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def _country(phrase: str, lex: Lexicon, patrons: dict[str, str] | None = None) -> str | None:
    """The country the role phrase states: a demonym or state name before its first role word
    ("Finnish President", "Uganda's army chief"), else one right after "<role> of"
    ("President of Finland"), or after a body of its ("deputy speaker of the upper chamber of the
    Russian parliament"), or after a serving role's "to" ("adviser to the Ukrainian president").
    `patrons` (the name of a state body or person the knowledge base knows -> its state, see
    `_patrons`) stand where a demonym would ("White House press secretary", "Putin's envoy",
    "spokesperson for the Pentagon", "an aide to Zelensky"). A state named elsewhere in the
    phrase ("a professor at a university's Japan campus", "ambassador to the US") is not the
    person's."""
    words = list(_PHRASE_WORD.finditer(phrase))
    first = next((n for n, w in enumerate(words) if _is_role_word(w.group(), lex)), None)
    if first is None:
        return None
    first_role = words[first]
    found = next(
        (
            m
            for m in _demonym_pattern(lex).finditer(phrase, 0, first_role.start())
            if not _ORIGIN.match(phrase, m.end())  # "Ukrainian-born Canadian lawmaker"
        ),
        None,
    )
    if found is None and patrons and _bare(first_role.group()).lower() not in _FACING_ROLES:
        state = _patron_state(phrase, 0, first_role.start(), patrons)
        if state is not None:
            return state
    if found is not None and (
        _envoy_to(phrase, found, first_role)
        or _NONSTATE_BODY.search(phrase, found.end(), first_role.start())
    ):
        return None  # "the Ukraine envoy"; "German Marshall Fund fellow": the body's, not theirs
    if found is None:
        # "<role> of [the] <state>", the role's words read on first ("deputy head of the ...")
        last = first
        while (
            last + 1 < len(words)
            and _bare(words[last + 1].group()).lower()
            in (lex.role_words | lex.role_modifiers) - _LINKS
        ):
            last += 1
        end = words[last].end()
        serves = _bare(first_role.group()).lower() in _SERVING_ROLES
        link = r"of|for|to" if serves else r"of|for"
        after = re.match(rf"[ \t]+(?:{link})[ \t]+(?:the[ \t]+)?", phrase[end:])
        if after and serves and after.group().split()[0] == "to":
            # "an adviser to the Ukrainian president", "an aide to Zelensky"
            at = end + after.end()
            whom = _demonym_pattern(lex).match(phrase, at)
            if whom is not None and _LEADER_AFTER.match(phrase, whom.end()):
                return lex.demonyms[whom.group()]
            return _patron_state(phrase, at, at + 60, patrons or {}, anchored=True)
        if after and (chain := _OF_A_BODY.match(phrase, end + after.end())):
            # "deputy speaker of the upper chamber of the Russian parliament": the body's state,
            # when the demonym names a body of the state or ends the phrase ("of Russian
            # studies" names none)
            inner = _demonym_pattern(lex).match(phrase, chain.end())
            if inner is not None and _STATE_BODY_AFTER.match(phrase, inner.end()):
                return lex.demonyms[inner.group()]
            return None
        at = end + after.end() if after else 0
        found = _demonym_pattern(lex).match(phrase, at) if after else None
        if found is not None and _NONSTATE_BODY.match(phrase, found.end()):
            return None  # "head of the Russian Orthodox Church": the body's country
        if found is None and after and patrons:
            return _patron_state(phrase, at, at + 60, patrons, anchored=True)
    return lex.demonyms[found.group()] if found else None


# "<role> of the <body> of the <demonym> <body>": lower-case words ending in a body's noun
_OF_A_BODY = re.compile(
    r"(?:[a-z][\w-]*[ \t]+){0,3}?(?:house|chamber|committee|council|commission|delegation|"
    r"assembly|presidium|office|administration|staff|service)[ \t]+of[ \t]+(?:the[ \t]+)?"
)
_STATE_BODY_AFTER = re.compile(
    r"[ \t,]*$|[ \t]+(?:parliament|government|delegation|army|armed[ \t]+forces|navy|senate|duma|"
    r"state[ \t]+duma|federation[ \t]+council|security[ \t]+council|presidency|presidential"
    r"[ \t]+administration|cabinet|congress)\b",
    re.I,
)


# roles facing their possessor: "Witkoff's counterpart" is not Witkoff's side
_FACING_ROLES = frozenset({"counterpart", "counterparts"})
# roles that serve someone: "<role> to X" is X's ("an aide to the president"); an envoy or an
# ambassador "to" a state is sent to it, not its own
_SERVING_ROLES = frozenset({"adviser", "advisor", "aide", "assistant", "counsellor", "counselor"})
_LEADER_AFTER = re.compile(
    r"[ \t]+(?:president|prime[ \t]+minister|leader|government|presidency|foreign[ \t]+minister|"
    r"defence[ \t]+minister|defense[ \t]+minister|chancellor|head[ \t]+of[ \t]+state)\b",
    re.I,
)


@cache
def _patrons(kb: KnowledgeBase) -> dict[str, str]:
    """The names and aliases of the knowledge base's people and organisations that act for a
    state (a country set; no news outlet) -> the state's ISO code: whom a role serves ("Putin's
    envoy", "White House press secretary")."""
    outlets = kb.lexicon.outlet_roles
    return {
        surface: e.country
        for e in kb.entities.values()
        if e.entity_type in ("organization", "person")
        and e.country
        and (e.role or "") not in outlets
        for surface in e.surfaces
    }


@cache
def _patron_pattern(names: frozenset[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{trie_pattern(sorted(names))})(?![\w-])")  # "Putin's"


def _patron_state(
    phrase: str, start: int, end: int, patrons: dict[str, str], anchored: bool = False
) -> str | None:
    """The state of the one patron named in phrase[start:end] (at `start` when `anchored`);
    none when patrons of two states are named."""
    if not patrons:
        return None
    pattern = _patron_pattern(frozenset(patrons))
    if anchored:
        m = pattern.match(phrase, start, min(end, len(phrase)))
        return patrons[m.group()] if m else None
    states = {patrons[m.group()] for m in pattern.finditer(phrase, start, end)}
    return states.pop() if len(states) == 1 else None


_ORIGIN = re.compile(r"-(?:born|based|raised|educated|trained|descended)\b")


# A demonym naming a body that is no state's ("the German Marshall Fund", "the Russian Orthodox
# Church", "the Polish Institute") says where the body is, not whom its fellow acts for.
_NONSTATE_BODY = re.compile(
    r"[ \t]*(?:[A-Z][\w’'-]*[ \t]+){0,3}?"
    r"(?:Fund|Foundation|Institute|Institution|University|College|School|Academy|Church|"
    r"Endowment|Company|Corporation|Holdings|Group|Airlines|Society|Association|Club|Centre|"
    r"Center|Council[ \t]+on)\b"
)


# "the Ukraine envoy" is an envoy *to* Ukraine ("Ukrainian envoy", "Ukraine's envoy", "the US
# envoy" are envoys *of* the state): before "envoy", a state's bare name gives no country. A
# word is read as a bare name unless it is possessive, an abbreviation or shaped like a
# demonym; an adjective misread as a name only loses the country, never gives a wrong one.
_ENVOY = re.compile(r"envoys?\b", re.I)
_ENVOY_MODIFIERS = re.compile(r"[ \t]*(?:(?:special|peace|presidential|top|chief)[ \t]+)*", re.I)
_DEMONYM_SHAPE = re.compile(r"(?:.*(?:an|ese|ish|ch|i|ss|ic)|[A-Z.]+|.*[’']s)")


def _envoy_to(phrase: str, found: re.Match[str], first_role: re.Match[str]) -> bool:
    return (
        _ENVOY.match(phrase, first_role.start()) is not None
        and _ENVOY_MODIFIERS.fullmatch(phrase, found.end(), first_role.start()) is not None
        and _DEMONYM_SHAPE.fullmatch(found.group()) is None
    )


_TEAM_VERB = re.compile(
    r"[ \t]+(?:negotiating[ \t]+)?(?:team|delegation|side|negotiators|mediators|envoys)\b"
    r"(?:[ \t]+(?:is|was|will[ \t]+be|has[ \t]+been))?[ \t]+"
    r"(?:includes|included|including|comprises|comprising|led[ \t]+by|headed[ \t]+by)[ \t]+"
)
_CLAUSE_BREAK = re.compile(r"[.;:!?()“”\"]|\b(?:while|whereas|but|and[ \t]+the)\b")


def _team_country(text: str, start: int, lex: Lexicon) -> str | None:
    """The country of the team or delegation a name is listed in ("Ukraine's team includes A,
    ..., and B", "the Russian delegation, led by Admiral C"): the nearest such phrase before the
    name in its sentence, with no clause break ("while", "but", a full stop) between."""
    window = text[max(0, start - 300) : start]
    best = None
    for demonym in _demonym_pattern(lex).finditer(window):
        after = re.match(r"(?:’s|'s)?", window[demonym.end() :])
        at = demonym.end() + (after.end() if after else 0)
        verb = _TEAM_VERB.match(window, at)
        if verb is None:
            continue
        gap = window[verb.end() :]
        if _CLAUSE_BREAK.search(gap) or len(gap) > 200:
            continue
        best = lex.demonyms[demonym.group()]
    return best


def _role_comma(text: str, toks: list[Token], i: int, lex: Lexicon) -> tuple[int, int] | None:
    """A role phrase closing right before ", <name>" ("Ukraine's ambassador to the US, Olga
    Stefanishyna,"): a role word among the last five tokens before the comma, after it only a
    "to/of/for (the) <Name>" complement; the phrase grown leftwards over role tokens, acronyms
    and "of/to/for the" links."""
    if i == 0 or not re.fullmatch(r",[ \t]*", text[toks[i - 1].end : toks[i].start]):
        return None
    last = None
    for k in range(i - 1, max(i - 11, -1), -1):
        word = toks[k].text
        if (_is_role_word(word, lex) or _is_plural_role(word, lex)) and not word.endswith(
            _POSSESSIVE
        ):
            last = k
            break
        if k > 0 and not _joined(text, toks[k - 1], toks[k]):
            return None
    if last is None:
        return None
    tail = toks[last + 1 : i]
    end = toks[i - 1].end
    if [t.text for t in tail] in (["there"], ["here"], ["now"]):
        end = toks[last].end  # "the region's head there, Jane Doe"
    elif tail and not (
        tail[0].text in ("to", "of", "for", "in", "at")
        and all(
            t.text[0].isupper() or not t.text.endswith(("ed", "ing", "ly", "’s", "'s"))
            for t in tail[1:]
        )
    ):
        return None  # "... a minister spoke about, Jane Doe" is no role phrase of the name
    k = last
    while k > 0 and _joined(text, toks[k - 1], toks[k]) and last - k < 9:
        prev = toks[k - 1]
        low = _bare(prev.text).lower()
        if _role_token(prev, lex) or (prev.text.isupper() and len(prev.text) <= 5):
            k -= 1
        elif low in _LINKS and low != "and" and k > 1 and _joined(text, toks[k - 2], prev):
            k -= 1  # "Secretary of the Army", "ambassador to the US"
        else:
            break
    while k < last and toks[k].text.lower() in _LINKS:
        k += 1
    return toks[k].start, end


def _is_plural_role(tok: str, lex: Lexicon) -> bool:
    """ "ministers", "envoys": a role word in the plural (before a list of names)."""
    low = tok.lower()
    return low.endswith("s") and low[:-1] in lex.role_words


def _closes_name(text: str, end: int, role: tuple[int, int] | None, lex: Lexicon) -> bool:
    """The name ends the appositive: punctuation, or " and" when the role is plural."""
    after = text[end : end + 5]
    if after[:1] in (",", ".", ")", ";", ""):
        return True
    if role is None or not after.startswith(" and "):
        return False
    words = text[role[0] : role[1]].split()
    return any(_is_plural_role(w, lex) for w in words)


def _inverted_speech(text: str, toks: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """”Q,” wrote Jane Doe in ...: a speech verb between a closing quotation mark and a name."""
    if i == 0 or toks[i - 1].text.lower() not in lex.name_speech_verbs:
        return False
    if not _BLANK.match(text[toks[i - 1].end : toks[i].start]):
        return False
    before = text[max(toks[i - 1].start - 4, 0) : toks[i - 1].start]
    after = text[toks[j - 1].end : toks[j - 1].end + 4]
    return bool(_QUOTE_CLOSE.search(before)) and bool(_AFTER_INVERTED.match(after))


_SENTENCE_END = re.compile(r"[ \t]*(?:[.!?;]|$)")


def _closing_verb(text: str, at: int, lex: Lexicon) -> int | None:
    """End of a closing-only speech verb ("continued", "went on") starting at `at`."""
    m = re.match(r"[a-z]+(?:[ \t]+[a-z]+)?", text[at : at + 30])
    if m is None:
        return None
    words = m.group(0).split()
    for n in (2, 1):
        if len(words) >= n and " ".join(words[:n]) in lex.closing_speech_verbs:
            return at + len(" ".join(words[:n])) if n == 1 else at + m.end()
    return None


def _closing_speech(text: str, toks: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """”Q,” Jane Doe continued. / ”Q,” continued Jane Doe.: a closing-only speech verb right
    after a quotation, the sentence ending with the name or the verb."""
    end = toks[j - 1].end
    before = text[max(toks[i].start - 4, 0) : toks[i].start]
    if _QUOTE_CLOSE.search(before) and j < len(toks) and _BLANK.match(text[end : toks[j].start]):
        verb_end = _closing_verb(text, toks[j].start, lex)
        return verb_end is not None and bool(_SENTENCE_END.match(text, verb_end))
    if i == 0 or not _BLANK.match(text[toks[i - 1].end : toks[i].start]):
        return False
    start = toks[i - 2].start if i > 1 and toks[i - 1].text == "on" else toks[i - 1].start
    verb_end = _closing_verb(text, start, lex)
    before = text[max(start - 4, 0) : start]
    return (
        verb_end == toks[i - 1].end
        and bool(_QUOTE_CLOSE.search(before))
        and bool(_SENTENCE_END.match(text, end))
    )


def _inside_larger_name(text: str, toks: list[Token], j: int, lex: Lexicon) -> bool:
    """The run goes on into a capitalised word that is no name ("Supreme National Security
    Council"): the run is part of an institution's name, not a person."""
    if j >= len(toks) or not _BLANK.match(text[toks[j - 1].end : toks[j].start]):
        return False
    nxt = _bare(toks[j].text)
    return nxt in lex.not_name_words and nxt not in _NOT_INSTITUTION


def _speaks(text: str, toks: list[Token], j: int, end: int, lex: Lexicon) -> bool:
    """A speech verb right after the name ending at token j ("Lopez said")."""
    return (
        j < len(toks)
        and toks[j].text.lower() in lex.name_speech_verbs
        and bool(_GAP.match(text[end : toks[j].start]))
    )


def _titled(text: str, role: tuple[int, int], seg_start: int, seg_end: int) -> bool:
    """A capitalised title right before a one-word name ("President Lopez", "US Foreign
    Minister Lopez"), outside a headline written in title case."""
    words = text[role[0] : role[1]].split()
    return bool(words) and words[-1][:1].isupper() and not title_case(text[seg_start:seg_end])


def _evidence(
    text: str,
    toks: list[Token],
    i: int,
    j: int,
    end: int,
    lex: Lexicon,
    outlets: frozenset[str] = frozenset(),
) -> tuple[str | None, tuple[int, int] | None]:
    """The source of the evidence beside the name run [i, j), and the role phrase it gives."""
    if role := _role_before(text, toks, i, lex):
        return "role-before-name", role
    if i > 0 and _honorific(text, toks[i - 1], lex):
        return "honorific", _role_before(text, toks, i - 1, lex)  # "Prime Minister Sir A B"
    if j - i < 2:
        return None, None
    if _speaks(text, toks, j, end, lex):
        return "speech-verb", None
    if role := _appositive_role(text, toks, j, lex):
        return "appositive-role", role
    if (role := _role_comma(text, toks, i, lex)) and _closes_name(text, end, role, lex):
        return "role-comma-name", role
    if _inverted_speech(text, toks, i, j, lex) or _closing_speech(text, toks, i, j, lex):
        return "speech-verb", None
    if _LED_BY.search(text, max(0, toks[i].start - 60), toks[i].start):
        return "team-leader", None
    if _outlet_owns(text, toks[i].start, outlets) or _of_outlet(text, end, outlets):
        return "outlet", None  # "the BBC's A B", "A B of Reuters": a journalist
    if _affiliated_speaks(text, end, lex):  # "A B of the Razumkov Centre said"
        return "speech-verb", None
    return None, None


# "A B of the Kyiv-based Razumkov Centre said", "A B, from the Carnegie Endowment, told ...": a
# capitalised body after "of/from/at (the)", then a speech verb
_AFFILIATION = re.compile(
    r",?[ \t]+(?:of|from|at)[ \t]+(?:the[ \t]+)?"
    r"[A-Z][\w.&'’-]*(?:[ \t]+(?:(?:of|for|on|and|the)[ \t]+)*[A-Z][\w.&'’-]*){0,7},?[ \t]+"
    r"([a-z]+)\b"
)


def _affiliated_speaks(text: str, end: int, lex: Lexicon) -> bool:
    """A speech verb after the body the name ending at `end` belongs to ("A B of the Razumkov
    Centre said")."""
    found = _AFFILIATION.match(text, end)
    return found is not None and found.group(1) in lex.name_speech_verbs


_OF_OUTLET = re.compile(
    r"[ \t]+(?:of|from|for)[ \t]+(?:the[ \t]+)?([A-Z][\w.&-]*(?:[ \t]+[A-Z][\w.&-]*){0,2})"
)


def _of_outlet(text: str, end: int, outlets: frozenset[str]) -> bool:
    """An outlet right after the name ("A B of the BBC", "A B from Reuters")."""
    m = _OF_OUTLET.match(text, end)
    if m is None:
        return False
    words = m.group(1).split()
    return any(" ".join(words[:k]) in outlets for k in range(1, len(words) + 1))


# "a delegation led by A B", "Qatari mediators, headed by A B": who leads a team is a person
_LED_BY = re.compile(
    r"\b(?:team|delegation|side|negotiators|mediators|envoys),?[ \t]+(?:led|headed)[ \t]+by"
    r"[ \t]+$"
)


_COORDINATED = re.compile(r"[ \t]+and[ \t]+|,[ \t]*(?:and[ \t]+)?")


@dataclass(frozen=True, slots=True)
class _Run:
    start: int
    end: int
    name: str
    last: str  # the last word, without a possessive


def _coordinated(a: _Run, b: _Run, text: str) -> bool:
    """ "A B and C D", "A B, C D": two names joined by "and" or a comma, a before b."""
    return a.end < b.start and bool(_COORDINATED.fullmatch(text, a.end, b.start))


def _without_evidence(
    text: str, pending: list[_Run], people: list[_Run], surnames: set[str]
) -> Iterator[tuple[_Run, str]]:
    """Full names with no evidence beside them that the article shows are people: the last word
    is used alone with evidence elsewhere ("Lopez said", "President Lopez"), or the name is
    coordinated with a person ("A B and C D said"; a list grows one name at a time)."""
    known = list(people)
    left = []
    for run in pending:
        if run.last in surnames:
            known.append(run)
            yield run, "short-reference"
        else:
            left.append(run)
    grown = True
    while grown:
        grown = False
        for run in list(left):
            if any(_coordinated(run, k, text) or _coordinated(k, run, text) for k in known):
                known.append(run)
                left.remove(run)
                grown = True
                yield run, "coordination"


def _person_like_singles(
    text: str,
    singles: list[tuple[_Run, bool]],
    people: list[_Run],
    surnames: set[str],
    wanted: set[str],
) -> set[str]:
    """Last words of full names lacking evidence (`wanted`) that the article uses alone as a
    person's: a possessive ("Lopez's war", "Lopez’s envoy"), or joined by "and" or a comma to a
    person ("between Garcia and Lopez"); a list grows one name at a time. Only a word that ends
    a full name written elsewhere in the article counts, so "Africa's" makes no person of a
    place, and a one-word name alone is never discovered this way."""
    found = {run.last for run, possessive in singles if possessive and run.last in wanted}
    persons = [*people, *(run for run, _ in singles if run.last in surnames | found)]
    grown = True
    while grown:
        grown = False
        for run, _ in singles:
            if run.last not in wanted or run.last in found:
                continue
            if any(_coordinated(run, p, text) or _coordinated(p, run, text) for p in persons):
                found.add(run.last)
                persons.append(run)
                grown = True
    return found


def _discovered(
    text: str,
    run: _Run,
    role: tuple[int, int] | None,
    source: str,
    said: str,
    lex: Lexicon,
    capitals: dict[str, str],
    outlets: frozenset[str] = frozenset(),
    patrons: dict[str, str] | None = None,
) -> Discovered:
    phrase = text[role[0] : role[1]] if role else None
    etype = "person"
    if phrase:
        roles = {_bare(w).lower().rstrip(",") for w in phrase.split()}
        if "correspondent" in roles or (
            roles & _JOURNALISM and said in _REPORTS and source != "appositive-role"
        ):
            etype = "journalist"  # "our correspondent Jane Doe reports from Kyiv"
        elif roles & _JOURNALISM and _names_outlet(phrase, outlets):
            etype = "journalist"  # "BBC Russia editor Jane Doe", "Jane Doe, a Reuters reporter"
    elif source == "outlet" or _outlet_owns(text, run.start, outlets):
        etype = "journalist"  # "told the BBC's Jane Doe", "Jane Doe of Reuters"
    cand = Candidate(run.start, run.end, slug(run.name), f"discovered:{source}", DISCOVERED)
    country = _country(phrase or "", lex, patrons) or (
        (
            _capital_country(phrase, capitals)
            if phrase
            else _possessive_state(text, run.start, lex, capitals)
        )
        or _team_country(text, run.start, lex)
        if etype == "person"
        else None
    )
    return Discovered(cand, run.name, etype, phrase, country, source)


_POSSESSIVE_BEFORE = re.compile(r"([A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)[’']s[ \t]+$")
_POSSESSIVE_OPENS = re.compile(r"(?:[Tt]he[ \t]+)?([A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)[’']s[ \t]")


@cache
def _capital_states(kb: KnowledgeBase) -> dict[str, str]:
    """A country's metonyms (its capital: "Kyiv", "Moscow") -> its ISO code."""
    return {
        metonym: e.country
        for e in kb.entities.values()
        if e.entity_type == "country" and e.country
        for metonym in e.metonyms
    }


def _possessor(text: str, start: int) -> str | None:
    """The one- or two-word name owning the name at `start` ("Turkey's A B", "the BBC's A B")."""
    m = _POSSESSIVE_BEFORE.search(text, max(0, start - 40), start)
    return m.group(1) if m else None


def _possessive_state(text: str, start: int, lex: Lexicon, capitals: dict[str, str]) -> str | None:
    """A state's or its capital's possessive right before a name with no role ("Turkey's A B
    said", "Moscow's A B")."""
    name = _possessor(text, start)
    if name is None:
        return None
    return lex.demonyms.get(name) or lex.demonyms.get(name.split()[-1]) or capitals.get(name)


def _capital_country(phrase: str, capitals: dict[str, str]) -> str | None:
    """A capital's possessive opening a role phrase ("Beijing's special envoy", "Kyiv's
    ambassador to Washington"): that capital's state."""
    m = _POSSESSIVE_OPENS.match(phrase)
    return capitals.get(m.group(1)) if m else None


@cache
def _outlets(kb: KnowledgeBase) -> frozenset[str]:
    """Names and aliases of the news outlets the knowledge base lists (lexicon `outlet_roles`)."""
    roles = kb.lexicon.outlet_roles
    return frozenset(
        name
        for e in kb.entities.values()
        if (e.role or "").lower() in roles
        for name in (e.name, *e.aliases)
    )


def _names_outlet(phrase: str, outlets: frozenset[str]) -> bool:
    words = [_bare(w).rstrip(",") for w in phrase.split()]
    words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]
    return any(
        " ".join(words[i:j]) in outlets for i in range(len(words)) for j in range(i + 1, i + 4)
    )


def _outlet_owns(text: str, start: int, outlets: frozenset[str]) -> bool:
    """An outlet's possessive right before the name ("the BBC's Jane Doe")."""
    name = _possessor(text, start)
    return name is not None and (name in outlets or name.split()[-1] in outlets)


def discover_people(article: Article, kb: KnowledgeBase) -> Iterator[Discovered]:
    lex, text = kb.lexicon, article.text
    capitals = _capital_states(kb)
    patrons = _patrons(kb)
    outlets = _outlets(kb)
    found: list[Discovered] = []
    pending: list[_Run] = []  # full names with no evidence of their own
    surnames: set[str] = set()  # one-word names with evidence: a speech verb, title, honorific
    singles: list[tuple[_Run, bool]] = []  # other one-word names, and whether possessive
    placed: set[str] = set()  # last words of full names written where a place would stand
    for seg in article.segments_of(*PROSE):
        toks = _tokens(text, seg.start, seg.end)
        for i, j in _names(text, toks, lex):
            first, last = toks[i], toks[j - 1]
            if _initial(last):  # a trailing initial is the next sentence's "A"
                j -= 1
                if j <= i:
                    continue
                last = toks[j - 1]
            if _inside_larger_name(text, toks, j, lex):
                continue
            end = last.start + len(_bare(last.text))
            run = _Run(first.start, end, text[first.start : end], _bare(last.text))
            source, role = _evidence(text, toks, i, j, end, lex, outlets)
            if j - i == 1:
                titled = source == "role-before-name" and _titled(text, role, seg.start, seg.end)
                if titled or source == "honorific" or _speaks(text, toks, j, end, lex):
                    surnames.add(run.last)
                elif i > 0 or not title_case(text[seg.start : seg.end]):
                    singles.append((run, last.text != run.last))
                if not titled and source != "honorific":
                    continue
            elif source is None:
                before = toks[i - 1].text.lower() if i > 0 else ""
                if j - i <= 3 and before not in ("the", "a", "an"):
                    pending.append(run)
                    after = toks[j].text.lower() if j < len(toks) else ""
                    if before in lex.locative_before or after in lex.locative_after:
                        placed.add(run.last)  # "talks in Port Moresby": maybe a place
                continue
            said = toks[j].text.lower() if j < len(toks) else ""
            found.append(
                _discovered(text, run, role, source, said, lex, capitals, outlets, patrons)
            )
    people = [
        _Run(d.candidate.start, d.candidate.end, d.name, d.name.split()[-1])
        for d in found
        if d.entity_type == "person" and " " in d.name
    ]
    wanted = {r.last for r in pending} - placed
    surnames |= _person_like_singles(text, singles, people, surnames, wanted)
    yield from found
    for run, source in _without_evidence(text, pending, people, surnames):
        yield _discovered(text, run, None, source, "", lex, capitals, outlets, patrons)


def _credit_name(text: str, toks: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """A name in a credit line, not a place or an outlet ("in New York", "at the Daily Wire");
    a role closing the line may follow it ("Jane Doe Senior Reporter")."""
    role = len(toks) - j <= 4 and role_words([t.text for t in toks[j:]])
    if j - i < 2 or (_inside_larger_name(text, toks, j, lex) and not role):
        return False
    before = toks[i - 1].text.lower() if i > 0 else ""
    if before == "from" and i > 1 and toks[i - 2].text.lower() in ("assistance", "reporting"):
        return True  # "With assistance from Jane Doe", "with reporting from Jane Doe"
    return before not in _PLACE_BEFORE | {"the", "of", "for"}


_OWNER_ENDS = ("'", "’", *_POSSESSIVE)
_CAPS_WORD = re.compile(r"(?<![\w’'])[A-Z][A-Z’'-]{2,}(?![\w’'])")  # not "PM", "ET"
_GLUED_BY = re.compile(r"^[*_]*By(?=[A-Z]{2})")  # a copy's "ByJANE DOE"


def _recased(text: str, start: int, end: int) -> str | None:
    """`text` with a byline's names in capitals written as names ("BY JANE DOE and JOHN ROE"
    -> "By Jane Doe and John Roe"), offsets kept; None when it has fewer than two words in
    capitals of three letters or more (a two-letter one stays: "PM", "ET"). Known outlets
    ("BBC") and outlet words ("PRESS") stay in capitals."""
    seg = _GLUED_BY.sub(lambda m: m.group()[:-2] + "  ", text[start:end])  # "ByJANE DOE"
    if len(_CAPS_WORD.findall(seg)) < 2:
        return None

    def name(m: re.Match[str]) -> str:
        word = m.group()
        key = word.lower()
        if key in OUTLET_NAMES or word.title() in OUTLET_WORDS:
            return word
        cased = word[0] + word[1:].lower()
        return cased if len(cased) == len(word) else word

    return " " * start + _CAPS_WORD.sub(name, seg)


def _outlet_at(toks: list[Token], k: int) -> bool:
    """An outlet's name starts at token k ("Associated Press", "Reuters")."""
    return any(" ".join(t.text for t in toks[k : k + n]).lower() in OUTLET_NAMES for n in (1, 2, 3))


def _journalist(start: int, end: int, name: str, role: str, source: str) -> Discovered:
    cand = Candidate(start, end, slug(name), f"discovered:{source}", DISCOVERED)
    return Discovered(cand, name, "journalist", role, None, source)


def discover_journalists(article: Article, kb: KnowledgeBase) -> Iterator[Discovered]:
    """Authors and photographers: names in bylines and credit lines (a bio's subject too), a
    publication line's "by Name", photo credits in captions ("Name/Agency"), and the signature
    closing a paragraph ("... the board.—Jane Doe")."""
    lex, text = kb.lexicon, article.text
    for seg in article.segments_of(SegmentKind.BYLINE, SegmentKind.CREDIT):
        cased = _recased(text, seg.start, seg.end) if seg.kind is SegmentKind.BYLINE else None
        line = cased or text
        toks = _tokens(line, seg.start, seg.end)
        for i, j in _names(line, toks, lex, initials=True):
            owner = next(
                (k for k in range(i, min(i + 3, j - 2)) if toks[k].text.endswith(_OWNER_ENDS)), -1
            )
            if owner >= 0:  # an agency's possessive: "Reuters' Jane Doe", "Fox News' Jane Doe"
                i = owner + 1
            j = next((k for k in range(i + 2, j) if _outlet_at(toks, k)), j)  # "A B Reuters"
            rest = [t.text for t in toks[i:]]  # "A B Senior Reporter": the role is no name
            j = next((i + k for k in range(2, j - i) if role_words(rest[k:])), j)
            if _credit_name(line, toks, i, j, lex):
                name = line[toks[i].start : toks[j - 1].end]
                yield _journalist(toks[i].start, toks[j - 1].end, name, "journalist", "credit")
    for seg in article.segments_of(SegmentKind.PUBLISHED):
        if m := _PUBLISHED_BY.search(text, seg.start, seg.end):
            yield _journalist(m.start(1), m.end(1), m.group(1), "journalist", "credit")
    for seg in article.segments_of(SegmentKind.CAPTION):
        for m in _PHOTO_CREDIT.finditer(text, seg.start, seg.end):
            words = m.group(1).split()
            while len(words) > 2 and not _name_token(words[0], lex):
                words = words[1:]  # "Photo by Jane Doe/Agency"
            if all(_name_token(w, lex, first=n > 0) for n, w in enumerate(words)):
                start = m.end(1) - len(" ".join(words))
                name = text[start : m.end(1)]
                if " ".join(name.split()) == " ".join(words):
                    yield _journalist(start, m.end(1), name, "photographer", "photo-credit")
        for m in _AGENCY_PHOTO_CREDIT.finditer(text, seg.start, seg.end):
            if all(_name_token(w, lex, first=n > 0) for n, w in enumerate(m.group(1).split())):
                yield _journalist(m.start(1), m.end(1), m.group(1), "photographer", "photo-credit")
    for seg in article.segments_of(SegmentKind.BODY, SegmentKind.SUBHEADING):
        m = _SIGNATURE.search(text, seg.start, seg.end)
        if m and all(_name_token(w, lex, first=n > 0) for n, w in enumerate(m.group(1).split())):
            yield _journalist(m.start(1), m.end(1), m.group(1), "journalist", "signature")
