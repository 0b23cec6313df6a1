"""Bylines: who wrote the article, as its header (or, failing that, a wire credit) states it.

Layouts handled, in the header: "By A, B and C", "BY A and B", "Author: A", "Written by A", "by
[Name](#)", a name line over a role line such as "Diplomatic correspondent" (a handle glued to
it ignored), over a handle line "@jdoe", or after the headline over a publication line,
"Guardian staff and agencies", a bare known outlet; names then an outlet or role: "A | Nordic
Wire", "A — Nordic Times", "A, Chief correspondent"; a name over an "Outlet, Place" line; "A
and B" or "A in Kyiv and B in Moscow" over a publication line; never when a "name" is itself
outlet-like or all capitals; a copy's glued "ByJANE DOE Associated Press", "Analysis by A,
CNN"; "A in Kyiv and B" (some names with a place) over a publication line only; "A — Thursday,
18 December 2025, 12:45" (a publication stamp after the names). `by_names` reads a strict "By
A and B" line under the first paragraph too; a live page's "A (now) and B (earlier)"; a site's
"Follow" button after a name ("By A Follow" / "and B Follow": B is a byline line too); a name in
capitals after the headline over a publication line ("JANE DOE" / "3 March 2026"); a reading
time after the names ("A · 4 min read", names only); a date after a comma ("By A, 5 March 2026").

Policy: the byline is a header byline ("By Jane Doe, a fellow at X" -> "Jane Doe"; "By Jane Doe,
Reuters" and "By JANE DOE Associated Press" -> the name, the outlet read from the line; a
handle, a "| Updated ..." stamp, "with AP, Reuters", and the place of a single author ("in
Kyiv", ", Warsaw") are no part of it; a bare "Name, Place" line is no byline: the place cannot
be told from a title), a publication line's "by Name", else the names (in capitals) after
"Reporting by"/"Written by"/"Writing by"/"This story was written by" in a credit line (up to
";", "in <Place>", "Editing by" or "Additional"), else a "By" line closing the body ("By Jane
Doe, Reuters").
A role glued after a header name ("Jane Doe Senior Reporter") is no part of the byline.
Editors and "with reporting by" contributors are journalists, not the byline.
"""

from __future__ import annotations

import re

from talkspkg.lines.knowledge import (
    BYLINE_NOT_NAMES,
    BYLINE_ROLE_QUALIFIERS,
    DATELINE_STOPWORDS,
    NOT_NAME_WORDS,
    OUTLET_NAMES,
    PLACE_WORDS,
    SECTION_LABELS,
    name_key,
)
from talkspkg.lines.outlets import outlet_like
from talkspkg.lines.pubdates import UPDATED_RE, is_published
from talkspkg.lines.text import MD_LINK_RE

_BYLINE_RE = re.compile(  # "By A", "Author: A", "Written by A", "Posted by A", "Interview by A"
    r"[*_]*+(?:(?:By|BY|by|(?:Written|Words|Story|Text|Posted|Interview|Interviewed|Analysis)"
    r"\s+by)\b|By(?=[A-Z][A-Z'’-]+\s|The\s)"  # "ByJANE DOE Associated Press": a glued "By""
    r"|(?i:authors?)[*_]*\s*:)[*_]*\s*:?\s*"
    r"(?P<who>\S.*)"
)
_HANDLE_RE = re.compile(r"\s*\(?@\w{1,30}\)?")  # "(@jdoe)", "@jdoe" beside a name
_HANDLE_LINE_RE = re.compile(r"[*_]*@\w{1,30}[*_]*")
READ_TIME_RE = re.compile(r"(?i)\d{1,2}\s*-?\s*min(?:ute)?s?\.?\s+read")  # "4 min read"
_BYLINE_TAIL_RE = re.compile(  # what may follow the names on a "By" line and is not the byline
    r"\s+(?:[|·•]|[—–]|-)\s+(?P<stamp>.+)$"  # "| Updated March 3, 2025"
    r"|\s+with\s+(?P<with>[A-Z][\w ,&]{1,40}|agencies)$"  # "with AP, Reuters"
)
ONE_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|al|bin)){1,3}"
_NAME_LINE_RE = re.compile(ONE_NAME)
_NAMES_THEN_RE = re.compile(  # "A, B and C" then an optional "| Outlet", "— Outlet", ", Role"
    rf"(?P<names>{ONE_NAME}(?:\s*,\s*{ONE_NAME})*(?:,?\s+(?:and|&)\s+{ONE_NAME})?)"
    r"(?:\s*(?:\||—|–|\s-|,|\s/|\s·)\s*(?P<rest>[^|—–·]{1,60}))?"
)
_ONE_PLACE = r"[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,2}"
_NAMES_AT_RE = re.compile(  # a byline without "By": "A in Kyiv", "A in Kyiv and B in Moscow"
    rf"(?P<name>{ONE_NAME})\s+in\s+{_ONE_PLACE}"
    rf"|{ONE_NAME}\s+in\s+{_ONE_PLACE}(?:(?:,\s*|,?\s+and\s+){ONE_NAME}\s+in\s+{_ONE_PLACE})+"
    rf"|(?P<some>{ONE_NAME}(?:\s+in\s+{_ONE_PLACE})?"  # "A in Kyiv and B": some places
    rf"(?:(?:,\s*|,?\s+and\s+){ONE_NAME}(?:\s+in\s+{_ONE_PLACE})?)+)"
)
_IN_PLACE_SPLIT_RE = re.compile(r"\s+in\s+|,\s*|\s+and\s+")
_NAME_SPLIT_RE = re.compile(r",\s*|,?\s+and\s+")
_NAME_AT_RE = re.compile(  # one author and where they write from: "A in Kyiv", "A, Warsaw"
    rf"(?P<name>{ONE_NAME})(?:\s+in\s+{_ONE_PLACE}(?:,\s*{_ONE_PLACE})?|,\s*[A-Z][\w'’-]+)"
)
_ROLE_LINE_RE = re.compile(
    r"(?i)(?:[\w'’.-]+\s+){0,4}(?:correspondent|editor|reporter|writer|journalist|columnist|staff"
    r"|agencies)s?(?:\s*,\s*[^,]{1,40})?"
)
_STAFF_LINE_RE = re.compile(
    r"(?:[A-Z][\w'’.-]*\s+){0,3}(?:[Ss]taff(?:\s+and\s+agencies)?|[Aa]gencies)"
)
CREDIT_BYLINE_RE = re.compile(  # "Reporting by A in Kyiv; Editing by B" -> "A"
    r"[*_(]*(?:Reporting|Written|Writing|Story|Text|Words"
    r"|(?:This|The)\s+(?:story|article|report)\s+was\s+written)"
    r"\s+by\s+(?P<who>[A-Z].+?)\s*"
    r"(?:;|\bin\s+[A-Z]|\b(?:Editing|Additional)\s+|\)|(?<=\w\w)\.\s|\.?$)"
)
ROLE_NOUNS = frozenset(
    {"correspondent", "editor", "reporter", "writer", "journalist", "columnist", "producer"}
)
_CLOSING_BY_RE = re.compile(  # a byline closing the body: "By Jane Doe, Reuters"
    rf"[*_]*By\s+(?P<who>{ONE_NAME}(?:\s*,\s*{ONE_NAME})*(?:,?\s+and\s+{ONE_NAME})?)"
    r"(?:\s*[,|]\s*(?P<outlet>[^,|]{1,40}))?[.*_]*"
)
_CAPITAL_FUNCTION_WORD_RE = re.compile(r"\b(?:And|Or|Of|The|To|For|In|On|At|With|From|By)\b")
PUB_BY_RE = re.compile(r"\bby\s+(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,4})\s*$")
_LIVE_SHIFT_RE = re.compile(r"\s*\((?:now|earlier|later)\)")
_AND_MORE_RE = re.compile(rf"(?:,|and|&)\s+(?P<names>{ONE_NAME})")
_FOLLOW_RE = re.compile(r"\s+Follow(?=\s|$)")
_PAREN_TAIL_RE = re.compile(r"(?<=\w)\s*\([^()]{1,60}\)$")
_BYLINE_APPOSITIVE_RE = re.compile(r",\s+(?:a|an|the)\s.*$")
_DIGIT_RE = re.compile(r"\d")
_AUTHOR_LINK_RE = re.compile(  # "[Jane Doe](https://site/author/jane-doe/)": a profile link
    r"\[(?P<name>[^\[\]]{3,60})\]\([^()\s\]]*?/(?:authors?|profiles?|people|staff|contributors?"
    r"|journalists?|writers?|reporters?)/[^()\s\]]*\)"
)
_WORD_START_RE = re.compile(r"(?<=\s)\S")
_STAMP_JOIN_RE = re.compile(r"(?:[\s,]+(?:on|at))?[\s,]*$")  # "Jane Doe on", "Jane Doe, Brussels,"


def byline(s: str, next_line: str | None, after_byline: bool, after_title: bool) -> str | None:
    """Author(s) of a byline: "By ...", a name over a role line, a role line under a byline,
    or, after the headline, a staff line ("Guardian staff and agencies")."""
    if len(s) > 300:
        return None
    m = _BYLINE_RE.fullmatch(s)
    who = " ".join(MD_LINK_RE.sub(r"\1", m["who"] if m else s).replace("*", "").split())
    if m:
        who = _byline_names(who)
        words = who.split()
        if not who or not who[0].isupper() or len(words) > 12 or who[-1] in "!?;:":
            return None
        return None if who.endswith(".") and len(words[-1]) > 3 else who.strip(" |,")
    if after_byline and (more := _AND_MORE_RE.fullmatch(_FOLLOW_RE.sub("", who))):
        return more["names"]  # "By Jane Doe Follow" / "and John Roe Follow": the names go on
    if len(who) > 80 or not who[:1].isupper():
        return None
    if (after_title and _STAFF_LINE_RE.fullmatch(who)) or (
        after_byline
        and (_ROLE_LINE_RE.fullmatch(_HANDLE_RE.sub("", who)) or _HANDLE_LINE_RE.fullmatch(who))
    ):
        return who
    raw_next = (next_line or "").strip("*_ ")
    nxt = _HANDLE_RE.sub("", raw_next)  # "Defence correspondent@jdoe"
    if (at := after_title and _NAMES_AT_RE.fullmatch(who)) and at["some"]:
        # "A in Kyiv and B": a byline over a publication line only, each a name
        names = [n.split(" in ")[0] for n in _NAME_SPLIT_RE.split(who)]
        if " in " in who and is_published(nxt) and not _odd_names(names):
            return who
    elif at:
        if is_published(nxt):  # "A in Kyiv and B in Moscow" over "Mon 3 Mar 2025 12.00 GMT"
            return at["name"] or who
        names = _IN_PLACE_SPLIT_RE.split(who)[::2]  # the names, without their places
        if at["name"] is None and not _odd_names(names):
            return who  # two names or more, each where they write from: a byline on its own
    if names := _credited_names(who, next_line):
        return names
    if _LIVE_SHIFT_RE.search(who) and _credited_names(_LIVE_SHIFT_RE.sub("", who), next_line):
        return who  # a live page's "A (now) and B (earlier)" over its publication line
    if after_title and (glued := name_before_role(who)):
        return glued  # "Jane Doe Senior Reporter"
    # a name over a role line ("James Landale" / "Diplomatic correspondent"), over a handle
    # ("@jlandale"), or, after the headline, over a publication line ("Published 3 March 2025")
    over = len(nxt) <= 80 and bool(
        _ROLE_LINE_RE.fullmatch(nxt)
        or _HANDLE_LINE_RE.fullmatch(raw_next)
        or (after_title and is_published(nxt))
    )
    name = _HANDLE_RE.sub("", who)
    plain = _NAME_LINE_RE.fullmatch(name) and not name.isupper() and not outlet_like(name)
    if over and name.isupper() and after_title and is_published(nxt):
        return name if _capitals_name(name) else None  # "JANE DOE" over "3 March 2026"
    return name if over and plain else None


def _capitals_name(name: str) -> bool:
    """A name written in capitals: two or three words that, written as names, are no label,
    outlet or place ("JANE DOE"; not "BREAKING NEWS", "NORDIC WIRE", "KYIV UKRAINE")."""
    words = [w[:1] + w[1:].lower() for w in name.split()]
    cased = " ".join(words)
    return (
        2 <= len(words) <= 3
        and bool(_NAME_LINE_RE.fullmatch(cased))
        and not outlet_like(cased)
        and not any(
            w in NOT_NAME_WORDS or w in PLACE_WORDS or w.upper() in DATELINE_STOPWORDS
            for w in words
        )
        and name_key(cased) not in SECTION_LABELS
    )


def by_names(s: str) -> str | None:
    """A "By" line naming only people or an outlet ("By Jane Doe and John Roe", "By Nordic
    News with AP"): the byline it states. Stricter than `byline`: it is read after the
    header's end too (a byline printed under the first paragraph)."""
    if len(s) > 160 or not _BYLINE_RE.fullmatch(s) or not (who := byline(s, None, False, False)):
        return None
    if outlet_like(who) or name_key(who) in OUTLET_NAMES:
        return who
    split = _names_then(who)
    names = _NAME_SPLIT_RE.split(who)
    if split is None or split[1] or _CAPITAL_FUNCTION_WORD_RE.search(who) or _odd_names(names):
        return None
    return None if any(n.isupper() and len(n.split()) < 2 for n in names) else who


def _odd_names(names: list[str]) -> bool:
    """Some "name" is an outlet or holds a word that starts no name."""
    return any(outlet_like(n) or any(w in NOT_NAME_WORDS for w in n.split()) for n in names)


def profile_byline(s: str) -> str | None:
    """A header line of author profile links and nothing else but "and"/",":
    "[Jane Doe](https://site/author/jane-doe/)", "By [A](…/authors/a) and [B](…/authors/b)"
    -> the names (a line the URL rule would otherwise take as the article's address)."""
    links = _AUTHOR_LINK_RE.findall(s) if "](" in s else []
    if not links or len(links) != s.count("]("):
        return None
    m = _BYLINE_RE.fullmatch(s)
    who = " ".join(MD_LINK_RE.sub(r"\1", m["who"] if m else s).replace("*", "").split())
    if _names_then(who) != (who, None) or outlet_like(who) or who.isupper():
        return None
    return who


def author_box(name_line: str, role_line: str) -> bool:
    """The author's box closing a page: a name line over a role line ("Jane Doe" / "Senior
    correspondent", "Jane Doe" / "Europe editor, Nordic News")."""
    name = name_line.strip("*_ ")
    # the name first: it fails within a few words of a paragraph, where the role's handle
    # removal would scan the whole line (this runs on every pair of prose lines)
    if not _NAME_LINE_RE.fullmatch(name) or name.isupper():
        return False
    role = _HANDLE_RE.sub("", role_line.strip("*_ "))  # "Security correspondent@jdoe"
    return (
        len(role) <= 60
        and bool(_ROLE_LINE_RE.fullmatch(role))
        and not outlet_like(name)
        and not any(w in NOT_NAME_WORDS for w in name.split())
    )


def role_words(words: list[str]) -> bool:
    """A journalist's role written in capitals: qualifiers, then a role noun ("Senior
    Diplomatic Correspondent", "Reporter")."""
    return (
        bool(words)
        and words[-1].lower() in ROLE_NOUNS
        and all(w in BYLINE_ROLE_QUALIFIERS for w in words[:-1])
    )


def name_before_role(line: str) -> str | None:
    """The name of a byline line that glues a role after it: "Jane Doe Senior Reporter" ->
    "Jane Doe"; none when the rest is no name ("White House Correspondent")."""
    words = line.split()
    for k in range(1, min(4, len(words) - 1)):
        if not role_words(words[-k:]):
            continue
        name = " ".join(words[:-k])
        if (
            _NAME_LINE_RE.fullmatch(name)
            and not name.isupper()
            and not outlet_like(name)
            and not any(w in BYLINE_NOT_NAMES or w in BYLINE_ROLE_QUALIFIERS for w in words[:-k])
        ):
            return name
    return None


def closing_byline(s: str) -> str | None:
    """A "By" line closing the body: "By Jane Doe, Reuters", "By A and B" -> the names (an
    outlet after them must read as one)."""
    if len(s) > 160 or not (m := _CLOSING_BY_RE.fullmatch(s)):
        return None
    if m["outlet"] and not outlet_like(m["outlet"].strip(" .")):
        return None
    if _CAPITAL_FUNCTION_WORD_RE.search(m["who"]):
        return None  # "By Land And Sea": a heading, not names
    names = re.split(r"\s*,\s*|\s+and\s+", m["who"])
    if any(outlet_like(n) or n.isupper() or name_before_role(n) for n in names):
        return None
    return m["who"]


def byline_before_credit(s: str) -> str | None:
    """A header byline that reads like a photo credit ("A | Reuters", "By A / AP"): before any
    photo caption, it is the byline."""
    if "|" not in s and "/" not in s:
        return None
    if m := _BYLINE_RE.fullmatch(s):
        who = _byline_names(" ".join(m["who"].replace("*", "").split()))
        return who if _names_then(who) == (who, None) else None
    return _credited_names(s, None) if " | " in s else None


def _byline_names(who: str) -> str:
    """The names of a "By" line without what follows them: an appositive ("By A, a fellow at
    X"), an outlet ("By A, Nordic News", "By A Associated Press"), a handle ("By A (@a)"), a
    stamp ("By A | Updated ..."), the agencies it draws on ("By A with AP"), the place of a
    single author ("By A in Kyiv", "By A, Warsaw")."""
    who = _HANDLE_RE.sub("", _BYLINE_APPOSITIVE_RE.sub("", who)).strip()
    who = _PAREN_TAIL_RE.sub("", who)  # "By Jane Doe (Kyiv, special correspondent)"
    who = _FOLLOW_RE.sub("", who)  # a site's "Follow" button after the name
    who = _without_stamp(who)
    if (t := _BYLINE_TAIL_RE.search(who)) and (
        t["with"]
        or is_published(t["stamp"])
        or UPDATED_RE.match(t["stamp"])
        or READ_TIME_RE.fullmatch(t["stamp"])
    ):
        who = who[: t.start()]
    if (n := _names_then(who)) and n[1] and (outlet_like(n[1]) or _ROLE_LINE_RE.fullmatch(n[1])):
        who = n[0]  # "By Jane Doe, Nordic News", "By Jane Doe, Senior Correspondent" -> Jane Doe
    words = who.split()
    for k in range(min(4, len(words) - 2), 0, -1):  # "By JANE DOE Associated Press"
        if name_key(" ".join(words[-k:])) in OUTLET_NAMES:
            who = " ".join(words[:-k])
            break
    if m := _NAME_AT_RE.fullmatch(who):
        who = m["name"]
    return who


def _without_stamp(who: str) -> str:
    """A "By" line's names without a publication stamp glued after them, with no separator:
    "Jane Doe March 3, 2025 10:12 AM EST", "Jane Doe, Brussels, 3 Mar 2025, 07:21", "Jane Doe
    on 3 March 2025" (a "Posted by" line) -> what comes before the stamp."""
    if not _DIGIT_RE.search(who):
        return who
    for m in _WORD_START_RE.finditer(who):
        if m.start() and is_published(who[m.start() :]):
            head = _STAMP_JOIN_RE.sub("", who[: m.start()])
            if len(head.split()) >= 2:  # "Jane Doe, 5 March 2026" (not "Jane" / "Doe, 5 ...")
                return head
    return who


def _names_then(who: str) -> tuple[str, str | None] | None:
    """("A, B and C", what follows them) for a line of names, an outlet or role after the last
    separator ("Jane Doe, Nordic News" -> ("Jane Doe", "Nordic News"))."""
    m = _NAMES_THEN_RE.fullmatch(who)
    if m is None:
        return None
    names, rest = m["names"], m["rest"]
    head, sep, tail = names.rpartition(",")
    if rest is None and sep and (outlet_like(tail) or _ROLE_LINE_RE.fullmatch(tail.strip())):
        return head.strip(), tail.strip()
    return names, rest


def header_outlet(line: str | None) -> str | None:
    """The outlet part of a byline line: "By Jane Doe, Reuters" -> "Reuters"."""
    m = line and _BYLINE_RE.fullmatch(line)
    who = " ".join(MD_LINK_RE.sub(r"\1", m["who"] if m else line or "").replace("*", "").split())
    split = _names_then(who)
    return split[1].strip(" .") if split and split[1] and outlet_like(split[1]) else None


def _credited_names(who: str, next_line: str | None) -> str | None:
    """Names of a header byline without "By": "A | Outlet", "A — Outlet", "A, Outlet",
    "A, Chief correspondent", "A" over "Outlet, Place", "A and B" over a publication line."""
    if (split := _names_then(who)) is None:
        return None
    names, rest = split
    if names.isupper() or any(outlet_like(n) for n in re.split(r",|\band\b|&", names)):
        return None  # a dateline's place or an outlet is no author
    if rest:
        if rest.endswith(".") and len(rest.split()[-1]) > 4:
            return None  # a sentence: "A, a correspondent, asked the minister about it."
        if is_published(rest.strip()):
            return names  # "Jane Doe — Thursday, 18 December 2025, 12:45"
        if READ_TIME_RE.fullmatch(rest.strip()):  # "Jane Doe · 4 min read": names only
            return None if _odd_names(_NAME_SPLIT_RE.split(names)) else names
        return names if outlet_like(rest) or _ROLE_LINE_RE.fullmatch(rest) else None
    nxt = (next_line or "").strip("*_ ")
    if not nxt or len(nxt) > 80:
        return None
    if " and " in names or "," in names:  # "A and B" over "Published ..." or "Updated ..."
        over = is_published(nxt) or _ROLE_LINE_RE.fullmatch(nxt) or outlet_like(nxt)
        return names if over else None  # "A and B" over "BBC News"
    return names if outlet_like(nxt.split(",")[0]) else None  # "A" over "Outlet, Kyiv"
