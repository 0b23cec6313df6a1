"""Read the metadata a news article states about itself and classify each non-blank line.

Layouts handled (generic patterns only; no rule names a particular article):

* A header before the first paragraph, in any order: a headline (plain or markdown `#`), a
  standfirst, bylines ("By A, B and C", "BY A and B", "Author: A", "Written by A", "by
  [Name](#)", a name line over a role line such as "Diplomatic correspondent" (a handle glued
  to it ignored), over a handle line "@jdoe", or after the headline over a publication line,
  "Guardian staff and agencies", a bare known outlet; names then an outlet or role: "A |
  Nordic Wire", "A — Nordic Times", "A, Chief correspondent"; a name over an "Outlet, Place"
  line; "A and B" or "A in Kyiv and B in Moscow" over a publication line; never when a "name"
  is itself outlet-like or all capitals), publication
  lines ("Published: 13:35, April 24, 2025", a date and/or time alone, ISO or unambiguous
  numeric dates, "2 hours ago", "Updated ..."), photo captions and credits.
* A dateline opening the first paragraph: "LONDON - ", "LONDON/PARIS (Reuters) – ",
  "KYIV, Ukraine (AP) — ", "KYIV, April 23 (Reuters) -", "London (Europe Brief News): ",
  "MOSCOW, April 23. /TASS/. ", "(Reuters) - ". A title-case place needs the outlet credit; an
  all-caps place needs a dash, or a colon on a line that cannot be a headline ("UK: ..." can).
* Anywhere: captions, READ MORE lines, embedded posts (a marker such as "### **Embed:**"
  through the "— Name (@handle) Date" signature if it comes within EMBED_MAX_LINES lines),
  credits, "Original url:"/"Source:"/"URL:" and bare URL lines, section heads in the body.
  A bare URL line gives `url` only in the header or after the last line of prose.
* Not the article (BOILERPLATE): site boilerplate lines (`BOILERPLATE_LINES`: cookie banners,
  "Skip to content", newsletter promos, "list 1 of 3" and audio-player lines, empty-text link
  lists); every line from a trailer line on (`TRAILER_LINES`: "Our Standards:", "Read More
  On", comment sections; an author's bio there is a CREDIT); a reposting blog's lead-in
  (`LEAD_INS`, "Here’s what you need to know:") at the start of one of the first lines, split
  off its line, the rest of which is the first paragraph. "<headline>Read more" is READ_MORE.
* Photo captions and credits also: "[File: Name/Agency]", "REUTERS/Name/File Photo" (a trailing
  "Purchase Licensing Rights" ignored); wire credits "Reporting by A Writing by B Editing by
  C", "<Agency> writers A and B contributed (from Kyiv).", "— With assistance from A",
  "Contributing: A and B", a line of its own "The
  BBC's A reports from Kyiv." or "A reported from Kyiv."; an author's bio ("Jane Doe is a
  reporter at ...") closing the article is a CREDIT; so is a signature line "— A, for the
  Nordic Post" or "— A, Associated Press" (an outlet-like name after the comma or "for").

Policy:

* A value the text does not state is None. "On Wednesday" is not a date; an "Updated" date is
  not the publication date; 04/05/2025 is ambiguous (23/04/2025 is not); a dateline month/day
  counts only with a year stated in a publication line.
* Outlet, first found wins: the dateline credit ("(Reuters)", "/TASS/"); the byline, then a
  "Source:" credit, naming a known outlet ("By Xinhua": outlet and byline "Xinhua") or reading
  "<Outlet> Reporter/Staff/Correspondent" where <Outlet> is known or contains an OUTLET_WORDS
  word ("Moscow Times"); the host of the stated URL (OUTLET_HOSTS). Known names are
  canonicalised ("AP" -> "The Associated Press"), others kept as written. "Staff, Agencies"
  names no outlet.
* The lists named in capitals (outlets, boilerplate, trailers, lead-ins, photo agencies, embed
  markers) are versioned data in `knowledge/layout.yaml`, recorded in the package's ruleset.
* Headline: the first header line that is no byline, date, caption, credit or dateline
  paragraph, has at most 20 words, does not end in . , ; : , is no list item, comes before any
  photo caption (a title-like line under a caption is a standfirst) and is followed by more
  text.
* Byline: a header byline ("By Jane Doe, a fellow at X" -> "Jane Doe"; "By Jane Doe, Reuters"
  and "By JANE DOE Associated Press" -> the name, the outlet read from the line; a handle, a
  "| Updated ..." stamp, "with AP, Reuters", and the place of a single author ("in Kyiv",
  ", Warsaw") are no part of it; a bare "Name, Place" line is no byline: the place cannot be
  told from a title), a publication line's "by Name", else the names
  after "Reporting by"/"Written by" in a credit line (up to ";", "in <Place>", "Editing by" or
  "Additional"). Editors and "with reporting by" contributors are journalists, not the byline.
  An outlet-like text is known or ends in an OUTLET_WORDS word ("Nordic Wire").
* published_date/time come from header publication lines or any "Published ..." line (also
  blockquoted: "> Published ..."); the time must share the date's line or stand alone on a
  header line.
* language is "en" when at least ENGLISH_MIN_RATIO of the first ~5000 body tokens (and at least
  3 tokens) are common English function words; otherwise None.
* word_count counts `\\w+(?:['’]\\w+)*` tokens of BODY and SUBHEADING lines (link targets
  excluded).
* Offsets index the text as given. Lines end at "\\n", "\\r\\n" or a lone "\\r"; whitespace, a
  BOM and zero-width spaces are trimmed from segment edges, never removed from the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any

from talkspkg import yamlio
from talkspkg.document import ArticleMeta, Segment
from talkspkg.document import SegmentKind as K

LAYOUT_FILE = Path(__file__).parent / "knowledge" / "layout.yaml"


def _load_layout(path: Path = LAYOUT_FILE) -> dict[str, Any]:
    """`knowledge/layout.yaml`, checked for the keys this module reads."""
    data = yamlio.safe_load(path.read_text(encoding="utf-8"))
    missing = sorted(LAYOUT_KEYS - set(data if isinstance(data, dict) else {}))
    if missing:
        raise ValueError(f"{path}: missing {', '.join(missing)}")
    return data  # type: ignore[no-any-return]


LAYOUT_KEYS = {
    "version", "outlet_hosts", "outlet_aliases", "outlet_words", "dateline_stopwords",
    "no_url_hosts", "photo_agencies", "wire_photo_credits", "embed_markers", "embed_max_lines",
    "english_function_words", "english_min_ratio", "boilerplate_lines", "boilerplate_keys",
    "trailer_lines", "trailer_after_body", "lead_ins",
}  # fmt: skip
LAYOUT = _load_layout()
LAYOUT_VERSION: str = str(LAYOUT["version"])
OUTLET_HOSTS: dict[str, str] = dict(LAYOUT["outlet_hosts"])
OUTLET_ALIASES: dict[str, str] = dict(LAYOUT["outlet_aliases"])
OUTLET_WORDS = frozenset(LAYOUT["outlet_words"])
DATELINE_STOPWORDS = frozenset(LAYOUT["dateline_stopwords"])
EMBED_MARKERS = frozenset(LAYOUT["embed_markers"])
EMBED_MAX_LINES = int(LAYOUT["embed_max_lines"])
NO_URL_HOSTS = frozenset(LAYOUT["no_url_hosts"])
PHOTO_AGENCIES = str(LAYOUT["photo_agencies"])
WIRE_PHOTO_CREDITS = str(LAYOUT["wire_photo_credits"])
ENGLISH_FUNCTION_WORDS = frozenset(LAYOUT["english_function_words"])
ENGLISH_MIN_RATIO = float(LAYOUT["english_min_ratio"])
BOILERPLATE_LINES = tuple(LAYOUT["boilerplate_lines"])
TRAILER_LINES = str(LAYOUT["trailer_lines"])
TRAILER_AFTER_BODY = str(LAYOUT["trailer_after_body"])
LEAD_INS = tuple(LAYOUT["lead_ins"])


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split()).removeprefix("the ")


OUTLET_NAMES = {_name_key(v): v for v in OUTLET_HOSTS.values()} | OUTLET_ALIASES

_MON = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
        r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")  # fmt: skip
_TZ = r"(?:gmt|bst|utc|cet|cest|eet|eest|msk|est|edt|et|pt|pst|pdt|ist|jst|kst|z)"
_DATE_RE = re.compile(
    rf"(?i)(?<!\d)(?:(?P<y1>\d{{4}})-(?P<m1>\d{{1,2}})-(?P<d1>\d{{1,2}})(?:T(?=\d)|(?!\d))"
    rf"|\b(?P<mon2>{_MON})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})(?!\d)"
    rf"|(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon3>{_MON})\b\.?,?\s+"
    rf"(?P<y3>\d{{4}})(?!\d)"
    r"|(?P<a4>\d{1,2})[/.](?P<b4>\d{1,2})[/.](?P<y4>\d{4})(?!\d))")  # fmt: skip
_AMPM = r"\s*(?P<{}>[ap])\.?m\b\.?"
_TIME_RE = re.compile(  # 13:35, 1:35 p.m., 01.04 BST, 1pm; never a bare number
    r"(?<![\d:.])(?P<h>\d{1,2})(?::(?P<mi>\d\d)(?::(?P<s>\d\d))?(?![\d:])(?:"
    + _AMPM.format("ap")
    + r")?|\.(?P<mi2>\d\d)(?:"
    + _AMPM.format("ap2")
    + rf"|(?=\s*{_TZ}\b))|{_AMPM.format('ap3')})",
    re.I,
)
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_DATE_FILLER_RE = re.compile(
    rf"(?i)\b(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|{_TZ}|published"
    r"|updated|posted|last|first|modified|on|at|date|time|local|\d+\s*min(?:ute)?s?\s+read)\b"
    r"|[+-]\d{1,2}(?::?\d\d)?|[\s,|/·•()\[\]*_:.\-–—]+"
)
_RELATIVE_TIME_RE = re.compile(
    r"(?i)[*_]*+(?:(?:published|updated|posted)\s+)?(?:\d{1,3}|an?|one)\s+"
    r"(?:sec(?:ond)?|min(?:ute)?|h(?:ou)?r|day|week)s?\s+ago\.?[*_]*"
)
_PUB_LABEL_RE = re.compile(  # the label must be followed by a number, month or weekday
    rf"(?i)[*_]*+(?:first\s+|last\s+)?(?:published|updated|posted|date)[*_]*(?:\s+(?:on|at))?"
    rf"\s*[:\-–—|]?[*_]*\s*(?=\d|{_MON}\b|(?:mon|tue|wed|thu|fri|sat|sun))"
)
_UPDATED_RE = re.compile(r"(?i)\b(?:last\s+)?(?:updated|modified)\b")
_BYLINE_RE = re.compile(  # "By A", "Author: A", "Written by A", "Words by A"
    r"[*_]*+(?:(?:By|BY|by|(?:Written|Words|Story|Text)\s+by)\b|(?i:authors?)[*_]*\s*:)[*_]*\s*:?\s*"
    r"(?P<who>\S.*)"
)
_HANDLE_RE = re.compile(r"\s*\(?@\w{1,30}\)?")  # "(@jdoe)", "@jdoe" beside a name
_HANDLE_LINE_RE = re.compile(r"[*_]*@\w{1,30}[*_]*")
_BYLINE_TAIL_RE = re.compile(  # what may follow the names on a "By" line and is not the byline
    r"\s+(?:[|·•]|[—–]|-)\s+(?P<stamp>.+)$"  # "| Updated March 3, 2025"
    r"|\s+with\s+(?P<with>[A-Z][\w ,&]{1,40}|agencies)$"  # "with AP, Reuters"
)
_NAME_LINE_RE = re.compile(r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|al|bin)){1,3}")
_ONE_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|al|bin)){1,3}"
_NAMES_THEN_RE = re.compile(  # "A, B and C" then an optional "| Outlet", "— Outlet", ", Role"
    rf"(?P<names>{_ONE_NAME}(?:\s*,\s*{_ONE_NAME})*(?:,?\s+(?:and|&)\s+{_ONE_NAME})?)"
    r"(?:\s*(?:\||—|–|\s-|,|\s/)\s*(?P<rest>[^|—–]{1,60}))?"
)
_SIGNED_FOR_RE = re.compile(  # a signature line: "— Jane Doe, for the Nordic Post", "— A, AP"
    rf"[*_]*[—–-]+\s*{_ONE_NAME}(?:\s+and\s+{_ONE_NAME})?\s*(?:,?\s+for\s+|,\s*)"
    r"(?P<outlet>[^,;]{1,50}?)\.?[*_]*"
)
_ONE_PLACE = r"[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,2}"
_NAMES_AT_RE = re.compile(  # a byline without "By": "A in Kyiv", "A in Kyiv and B in Moscow"
    rf"(?P<name>{_ONE_NAME})\s+in\s+{_ONE_PLACE}"
    rf"|{_ONE_NAME}\s+in\s+{_ONE_PLACE}(?:(?:,\s*|,?\s+and\s+){_ONE_NAME}\s+in\s+{_ONE_PLACE})+"
)
_NAME_AT_RE = re.compile(  # one author and where they write from: "A in Kyiv", "A, Warsaw"
    rf"(?P<name>{_ONE_NAME})(?:\s+in\s+{_ONE_PLACE}(?:,\s*{_ONE_PLACE})?|,\s*[A-Z][\w'’-]+)"
)
_ROLE_LINE_RE = re.compile(
    r"(?i)(?:[\w'’.-]+\s+){0,4}(?:correspondent|editor|reporter|writer|journalist|columnist|staff"
    r"|agencies)s?(?:\s*,\s*[^,]{1,40})?"
)
_STAFF_LINE_RE = re.compile(
    r"(?:[A-Z][\w'’.-]*\s+){0,3}(?:[Ss]taff(?:\s+and\s+agencies)?|[Aa]gencies)"
)
_MD_LINK_RE = re.compile(r"\[([^\[\]]*)\]\([^()\s\]]*\)")  # classes exclude openers: linear
_MD_TARGET_RE = re.compile(r"\]\([^()\s\]]*\)")
_CREDIT_SPLIT_RE = re.compile(r"\s*(?:,|;|\||/|&|\band\b|\bfor\b)\s*")
_REPORTER_RE = re.compile(
    r"(?P<x>.+?)\s+(?:staff(?:\s+writers?)?|reporters?|correspondents?|desk|newsroom|team)", re.I
)
_URL_LABEL_RE = re.compile(
    r"(?i)[*_]*+(?P<label>original\s+url|original\s+article|source\s+url|source|url|link|canonical"
    r"(?:\s+url)?)[*_]*\s*:[*_]*\s*(?P<rest>.*)"
)
_BARE_URL_RE = re.compile(
    r"<(?P<a>https?://[^\s<>]+)>|(?P<b>https?://\S+)|\[[^\]]*\]\((?P<c>https?://[^\s()]+)\)"
)
_HOST_RE = re.compile(r"(?i)https?://(?:[^@/\s]*@)?(?P<host>[^/:?#\s>]+)")
_READ_MORE_RE = re.compile(
    r"(?i)[*_#>\s\[]*+(?:read\s+more|read\s+also|also\s+read|see\s+also|related(?:\s+(?:"
    r"stories|story|articles?|coverage|content|news|reading|links?|topics?))?"
    r"|recommended(?:\s+(?:reading|stories))?|further\s+reading|more\s+on\s+this(?:\s+(?:story"
    r"|topic))?|you\s+may\s+also\s+like"
    r"|don['’]?t\s+miss)[*_\]\s]*(?:[:：|>»\-–—]|$)"
)
_SOURCE_RE = re.compile(r"(?i)[*_]*+source[*_]*\s*:[*_]*\s*(?P<rest>.+)")
_CREDIT_RE = re.compile(
    r"(?i)[*_]*+(?:\(\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|edited|written)"
    r"\s+by\b|(?:additional|with)\s+reporting\s+by\b|editing\s+by\b|©|\(c\)\s|copyright\b"
    r"|(?:[—–-]+\s*)?with\s+assistance\s+from\s+[A-Z])"  # Bloomberg: "— With assistance from A"
)
_CONTRIBUTED_RE = (
    re.compile(  # "... contributed (to this) report(ing) (from Kyiv)." ending the line
        r"(?i)(?:.{1,300}?\scontributed\s+(?:to\s+)?(?:this\s+)?(?:report(?:ing)?|story|article)"
        r"(?:\s+(?:from|in)\s+[A-Z][\w'’ ,.-]{0,60}?)?"
        r"|[*_]*[\w'’ .-]{0,60}\b(?:writers?|reporters?|correspondents?|journalists?|staff)\s"
        r".{1,200}?\scontributed(?:\s+(?:from|in)\s+[A-Z][\w'’ ,.-]{0,60}?)?)[.*_]*"
    )
)
_SHORT_CREDIT_RE = re.compile(r"(?i)[*_]*+(?:reporting|writing)\s+by\b")
_NAME_RUN = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}"
_REPORTS_FROM_RE = re.compile(  # "The BBC’s A reports from Kyiv.", "A reported from Kyiv."
    rf"[*_]*(?:(?:The\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}}['’]s?\s+)?"
    rf"{_NAME_RUN}(?:\s+and\s+{_NAME_RUN})?\s+report(?:s|ed)\s+from\s+"
    rf"[A-Z][\w'’.-]*(?:[ ,]+[A-Z][\w'’.-]*){{0,3}}\.?[*_]*"
)
_CONTRIBUTING_RE = re.compile(  # "Contributing: Jane Doe and John Roe"
    rf"[*_]*Contributing\s*:[*_]*\s*{_NAME_RUN}(?:\s*(?:,|and)\s*{_NAME_RUN})*"
    rf"(?:[ ,]+[^,]{{1,40}})?\.?[*_]*"
)
_CAPTION_START_RE = re.compile(
    r"(?i)(?:(?:this|a|an)\s+(?:(?:handout|file|undated|aerial|combination|pool)\s+)*"
    r"(?:photo(?:graph)?|picture|image|screenshot|screengrab|video\s+grab|still)\s+(?:taken"
    r"|released|shows?|showing|provided|made|obtained|posted|distributed|courtesy|from|shot"
    r"|issued|handed)"
    r"|file(?:\s+photo)?\s*[-–—:]|(?:photo|image|picture|caption|pictured)s?\s*:"
    r"|(?:photo(?:graph)?|image|picture)s?\s+by\s+[A-Z][^/]{1,60}/)"
)
_PHOTO_PAREN_RE = re.compile(
    r"\([^()]{0,60}?\b(?:photo|photograph|image|picture|credit|handout)s?\b[^()]{0,80}\)", re.I
)
_PHOTO_BOLD_RE = re.compile(r"\*\*[^*]{1,80}\s/\s[^*]{1,80}\*\*")
_PHOTO_LABEL_RE = re.compile(
    r"\b(?i:photo(?:graph)?|image|picture|credit)s?\s*:\s*[A-Z][^.()]{0,79}"
)
_PHOTO_AGENCY_LINE_RE = re.compile(
    rf"(?:[^/|]{{1,60}}(?:/|\||\s+via)\s*)?(?:{PHOTO_AGENCIES})"
    rf"|[^/|]{{1,60}}(?:/|\||\s+via)\s*(?:{WIRE_PHOTO_CREDITS})(?:\s+Photo)?"
)
_EMBED_SIGNATURE_RE = re.compile(
    r"(?:[—–-]{1,2}\s*[^()]{1,80}?|a post shared by\b[^()]{0,80}?)\s*\(@[\w.]{1,30}\)", re.I
)
_MONTH_TC = f"(?i:{_MON})"
_UP = r"[A-Z][A-Z'’.\-]*(?:[ /][A-Z][A-Z'’.\-]*){0,4}"
_TITLE = r"[A-Z][\w'’.\-]*(?:[ /][A-Z][\w'’.\-]*){0,3}"
_QUAL = rf"(?:,\s*(?!{_MONTH_TC}\.?\s+\d)[A-Z][\w'’.\-]*(?:\s[A-Z][\w'’.\-]*){{0,2}})?"
_DL_DATE = (rf"(?:,\s*(?:(?P<mon>{_MONTH_TC})\.?\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+"
            rf"(?P<mon2>{_MONTH_TC}))(?:,?\s+(?P<year>\d{{4}}))?)?")  # fmt: skip
_DASH = r"\s*(?:--?|–|—)\s*"
_PAREN = r"\s*\((?P<outlet>[A-Z][^()]{0,40})\)"
_DATELINES = (  # (pattern, only on a line that cannot be a headline)
    (re.compile(rf"(?P<place>{_UP}{_QUAL}){_DL_DATE}(?:{_PAREN})?{_DASH}\S"), False),
    (re.compile(rf"(?P<place>{_TITLE}{_QUAL}){_DL_DATE}(?:{_PAREN}\s*(?:--?|–|—|:)"
                rf"|\.?\s*/(?P<slash>[A-Z][\w .-]{{0,30}})/\.?)\s*\S"), False),
    (re.compile(rf"\((?P<outlet>[A-Z][^()]{{0,40}})\){_DASH}\S"), False),
    (re.compile(rf"(?P<place>{_UP}{_QUAL}){_DL_DATE}\s*:\s+\S"), True),
)  # fmt: skip
_BOILERPLATE_RE = re.compile("|".join(f"(?:{p})" for p in BOILERPLATE_LINES), re.I)
_BOILERPLATE_KEYS = tuple(LAYOUT["boilerplate_keys"])
_TRAILER_RE = re.compile(TRAILER_LINES, re.I)
_TRAILER_AFTER_BODY_RE = re.compile(TRAILER_AFTER_BODY)
_NAMES = r"[A-Z][\w'’.-]*(?:(?:\s+|\s*,\s*|\s+and\s+|\s+in\s+)[A-Z][\w'’.-]*)*"
_CREDIT_LINE_RE = re.compile(  # "Reporting by A Writing by B Editing by C, D and E"
    rf"[*_(]*(?:(?:additional\s+)?(?:reporting|writing|editing|compiled|edited|written|photos?)"
    rf"\s+by\s+{_NAMES}\s*[;,]?\s*)+[.)*_]*",
    re.I,
)
_CREDIT_BYLINE_RE = re.compile(  # "Reporting by A in Kyiv; Editing by B" -> "A"
    r"[*_(]*(?:Reporting|Written)\s+by\s+(?P<who>.+?)\s*"
    r"(?:;|\bin\s+[A-Z]|\b(?:Editing|Additional)\s+|\)|\.?$)"
)
_BIO_RE = re.compile(  # "**Jane Doe** is a reporter at ..." (an author's bio)
    r"[*_]*(?P<who>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})[*_]*\s+is\s+(?:a|an|the)\s+"
    r"(?:[\w'’-]+\s+){0,4}(?:reporter|correspondent|editor|writer|journalist|columnist|fellow"
    r"|contributor|photographer)s?\b"
)
_PUB_BY_RE = re.compile(r"\bby\s+(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,4})\s*$")
_BYLINE_APPOSITIVE_RE = re.compile(r",\s+(?:a|an|the)\s.*$")
_PHOTO_BRACKET_RE = re.compile(  # "[File: Jane Doe/AFP]", "[Jane Doe/Reuters]"
    r"\[(?:(?:file(?:\s+photo)?|photo(?:graph)?|image|picture)\s*:\s*)?[^\[\]/]{1,80}/[^\[\]]{1,80}\]"
    r"|\[(?:file(?:\s+photo)?|photo(?:graph)?)\s*:[^\[\]]{1,80}\]",
    re.I,
)
_WIRE_PHOTO_RE = re.compile(  # "REUTERS/Jane Doe/File Photo", "... Handout via REUTERS"
    rf"\b(?:{WIRE_PHOTO_CREDITS}|REUTERS)/[A-Z]|\svia\s+(?:{WIRE_PHOTO_CREDITS}|REUTERS)$"
)
_LICENSING_RE = re.compile(r"\s*Purchase Licensing Rights.*$")
_INITIALS_RE = re.compile(r"(?:[A-Z]\.)+")  # "U.S." opens a sentence, not a dateline
_MD_HEADING_RE = re.compile(r"#{1,6}\s")
_WORD_RE = re.compile(r"\w+(?:['’]\w+)*")
_LINE_RE = re.compile(r"[^\r\n]+")
# every str.isspace() character (none lies above U+3000) plus BOM and zero-width space
_TRIM = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + "\ufeff\u200b"


def _lines(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """(start, end) and text of every non-blank line, edges trimmed of whitespace/invisibles."""
    spans, lines = [], []
    if "\r" in text:
        pieces = ((m.start(), m.group()) for m in _LINE_RE.finditer(text))
    else:  # str.split is much faster than a regex scan
        pieces, pos = [], 0
        for raw in text.split("\n"):
            pieces.append((pos, raw))
            pos += len(raw) + 1
    for pos, raw in pieces:
        if left := raw.lstrip(_TRIM):
            line = left.rstrip(_TRIM)
            start = pos + len(raw) - len(left)
            spans.append((start, start + len(line)))
            lines.append(line)
    return spans, lines


def _nwords(s: str, cap: int) -> int:
    """Number of words in `s`, counted no further than cap + 1."""
    return len(s.split(None, cap))


def _month(name: str) -> int:
    return "janfebmaraprmayjunjulaugsepoctnovdec".index(name[:3].lower()) // 3 + 1


def _make_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _parse_date(s: str) -> date | None:
    m = _DATE_RE.search(s)
    if not m:
        return None
    if m["y1"]:
        return _make_date(int(m["y1"]), int(m["m1"]), int(m["d1"]))
    if m["y2"] or m["y3"]:
        day = int(m["d2"] or m["d3"])
        return _make_date(int(m["y2"] or m["y3"]), _month(m["mon2"] or m["mon3"]), day)
    a, b = int(m["a4"]), int(m["b4"])  # only a number above 12 settles the order
    if a <= 12 and b <= 12 and a != b:
        return None
    return _make_date(int(m["y4"]), *((b, a) if a > 12 or a == b else (a, b)))


def _parse_time(s: str) -> time | None:
    m = _TIME_RE.search(s)
    if not m:
        return None
    hour, minute, second = int(m["h"]), int(m["mi"] or m["mi2"] or 0), int(m["s"] or 0)
    if ampm := (m["ap"] or m["ap2"] or m["ap3"] or "").lower():
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    return time(hour, minute, second) if hour < 24 and minute < 60 and second < 60 else None


def _is_published(s: str) -> bool:
    """A labelled line ("Published: ...") with a date, time or year, or a date/time-only line."""
    if len(s) > 200:
        return False
    if _PUB_LABEL_RE.match(s) and (_DATE_RE.search(s) or _TIME_RE.search(s) or _YEAR_RE.search(s)):
        return True
    if _RELATIVE_TIME_RE.fullmatch(s):
        return True
    if len(s) > 100 or not (_DATE_RE.search(s) or _TIME_RE.search(s)):
        return False
    rest = _TIME_RE.sub("", _DATE_RE.sub("", _MD_TARGET_RE.sub("]", s)))
    return not _DATE_FILLER_RE.sub("", rest)


def _byline(s: str, next_line: str | None, after_byline: bool, after_title: bool) -> str | None:
    """Author(s) of a byline: "By ...", a name over a role line, a role line under a byline,
    or, after the headline, a staff line ("Guardian staff and agencies")."""
    if len(s) > 300:
        return None
    m = _BYLINE_RE.fullmatch(s)
    who = " ".join(_MD_LINK_RE.sub(r"\1", m["who"] if m else s).replace("*", "").split())
    if m:
        who = _byline_names(who)
        words = who.split()
        if not who or not who[0].isupper() or len(words) > 12 or who[-1] in "!?;:":
            return None
        return None if who.endswith(".") and len(words[-1]) > 3 else who.strip(" |,")
    if len(who) > 80 or not who[:1].isupper():
        return None
    if (after_title and _STAFF_LINE_RE.fullmatch(who)) or (
        after_byline
        and (_ROLE_LINE_RE.fullmatch(_HANDLE_RE.sub("", who)) or _HANDLE_LINE_RE.fullmatch(who))
    ):
        return who
    raw_next = (next_line or "").strip("*_ ")
    nxt = _HANDLE_RE.sub("", raw_next)  # "Defence correspondent@jdoe"
    if after_title and (at := _NAMES_AT_RE.fullmatch(who)) and _is_published(nxt):
        return at["name"] or who  # "A in Kyiv and B in Moscow" over "Mon 3 Mar 2025 12.00 GMT"
    if names := _credited_names(who, next_line):
        return names
    # a name over a role line ("James Landale" / "Diplomatic correspondent"), over a handle
    # ("@jlandale"), or, after the headline, over a publication line ("Published 3 March 2025")
    over = len(nxt) <= 80 and bool(
        _ROLE_LINE_RE.fullmatch(nxt)
        or _HANDLE_LINE_RE.fullmatch(raw_next)
        or (after_title and _is_published(nxt))
    )
    name = _HANDLE_RE.sub("", who)
    plain = _NAME_LINE_RE.fullmatch(name) and not name.isupper() and not _outlet_like(name)
    return name if over and plain else None


def _byline_before_credit(s: str) -> str | None:
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
    if (t := _BYLINE_TAIL_RE.search(who)) and (
        t["with"] or _is_published(t["stamp"]) or _UPDATED_RE.match(t["stamp"])
    ):
        who = who[: t.start()]
    if (n := _names_then(who)) and n[1] and (_outlet_like(n[1]) or _ROLE_LINE_RE.fullmatch(n[1])):
        who = n[0]  # "By Jane Doe, Nordic News", "By Jane Doe, Senior Correspondent" -> Jane Doe
    words = who.split()
    for k in range(min(4, len(words) - 2), 0, -1):  # "By JANE DOE Associated Press"
        if _name_key(" ".join(words[-k:])) in OUTLET_NAMES:
            who = " ".join(words[:-k])
            break
    if m := _NAME_AT_RE.fullmatch(who):
        who = m["name"]
    return who


def _outlet_like(s: str) -> bool:
    """A known outlet, or a capitalised name holding an OUTLET_WORDS word ("Nordic Wire")."""
    s = " ".join(s.strip("*_ .").split()).removeprefix("the ").removeprefix("The ")
    if _name_key(s) in OUTLET_NAMES:
        return True
    words = s.split()  # ends in the outlet word: "Nordic Wire", not "The Times reports"
    return 0 < len(words) <= 5 and s[0].isupper() and words[-1] in OUTLET_WORDS


def _names_then(who: str) -> tuple[str, str | None] | None:
    """("A, B and C", what follows them) for a line of names, an outlet or role after the last
    separator ("Jane Doe, Nordic News" -> ("Jane Doe", "Nordic News"))."""
    m = _NAMES_THEN_RE.fullmatch(who)
    if m is None:
        return None
    names, rest = m["names"], m["rest"]
    head, sep, tail = names.rpartition(",")
    if rest is None and sep and (_outlet_like(tail) or _ROLE_LINE_RE.fullmatch(tail.strip())):
        return head.strip(), tail.strip()
    return names, rest


def _header_outlet(line: str | None) -> str | None:
    """The outlet part of a byline line: "By Jane Doe, Reuters" -> "Reuters"."""
    m = line and _BYLINE_RE.fullmatch(line)
    who = " ".join(_MD_LINK_RE.sub(r"\1", m["who"] if m else line or "").replace("*", "").split())
    split = _names_then(who)
    return split[1].strip(" .") if split and split[1] and _outlet_like(split[1]) else None


def _credited_names(who: str, next_line: str | None) -> str | None:
    """Names of a header byline without "By": "A | Outlet", "A — Outlet", "A, Outlet",
    "A, Chief correspondent", "A" over "Outlet, Place", "A and B" over a publication line."""
    if (split := _names_then(who)) is None:
        return None
    names, rest = split
    if names.isupper() or any(_outlet_like(n) for n in re.split(r",|\band\b|&", names)):
        return None  # a dateline's place or an outlet is no author
    if rest:
        return names if _outlet_like(rest) or _ROLE_LINE_RE.fullmatch(rest) else None
    nxt = (next_line or "").strip("*_ ")
    if not nxt or len(nxt) > 80:
        return None
    if " and " in names or "," in names:  # "A and B" over "Published ..." or "Updated ..."
        over = _is_published(nxt) or _ROLE_LINE_RE.fullmatch(nxt) or _outlet_like(nxt)
        return names if over else None  # "A and B" over "BBC News"
    return names if _outlet_like(nxt.split(",")[0]) else None  # "A" over "Outlet, Kyiv"


def _named_outlet(credit: str | None) -> str | None:
    """Outlet named in a byline or source credit: a known outlet or "<Outlet> Reporter"."""
    for part in (credit, *_CREDIT_SPLIT_RE.split(credit)) if credit else ():
        if (key := _name_key(part)) in OUTLET_NAMES:
            return OUTLET_NAMES[key]
        if m := _REPORTER_RE.fullmatch(part):
            if (key := _name_key(m["x"])) in OUTLET_NAMES:
                return OUTLET_NAMES[key]
            if m["x"][0].isupper() and OUTLET_WORDS.intersection(m["x"].split()):
                return " ".join(m["x"].split())
    return None


def _bare_url(s: str) -> str | None:
    m = _BARE_URL_RE.fullmatch(s)
    return (m["a"] or m["b"] or m["c"]) if m else None


def _url_line(s: str) -> tuple[str | None, bool, bool] | None:
    """(URL stated, labelled?, label waits for the next line?) for a URL line, else None."""
    if ":" not in s:  # every URL line has one; spares two regexes on most lines
        return None
    if bare := _bare_url(s):
        return bare, False, False
    label = _URL_LABEL_RE.fullmatch(s)
    if label is None:
        return None
    rest_url = _bare_url(label["rest"])
    if label["rest"] and not rest_url and label["label"].lower() == "source":
        return None  # "Source: Reuters" is a credit
    return rest_url, True, not label["rest"]


def _host(url: str | None) -> str:
    m = _HOST_RE.match(url or "")
    return m["host"].lower().removeprefix("www.") if m else ""


def _host_outlet(url: str | None) -> str | None:
    host = _host(url)
    return next((v for k, v in OUTLET_HOSTS.items() if host == k or host.endswith("." + k)), None)


def _photo_credit_at(s: str) -> int:
    """Where a trailing photo credit starts: "(PHOTO / AFP)", "**Name / Agency**", "Photo: X",
    "[File: Name/Agency]"."""
    if s.endswith("]"):
        at = s.rfind("[")
        return at if at >= 0 and _PHOTO_BRACKET_RE.fullmatch(s, at) else -1
    if s.endswith(")"):
        at = s.rfind("(")
        return at if at >= 0 and _PHOTO_PAREN_RE.fullmatch(s, at) else -1
    if s.endswith("**") and len(s) > 4:
        at = s.rfind("**", 0, len(s) - 2)
        return at if at >= 0 and _PHOTO_BOLD_RE.fullmatch(s, at) else -1
    colon = s.rfind(":")
    m = _PHOTO_LABEL_RE.search(s, max(colon - 12, 0)) if len(s) - colon <= 82 else None
    return m.start() if m and m.end() == len(s) else -1


def _photo_kind(s: str) -> K | None:
    """CAPTION for a photo description, CREDIT for a bare photo credit, else None."""
    if "Licensing" in s:
        s = _LICENSING_RE.sub("", s)
    if len(s) <= 600 and ("/" in s or " via " in s) and _WIRE_PHOTO_RE.search(s):
        return K.CAPTION if _nwords(s, 8) > 8 else K.CREDIT
    at = _photo_credit_at(s)
    if at < 0 and len(s) <= 90 and _PHOTO_AGENCY_LINE_RE.fullmatch(s):
        return K.CREDIT
    if at < 0 and not _CAPTION_START_RE.match(s):
        return None
    return K.CREDIT if _nwords(s[: at if at >= 0 else len(s)], 4) < 4 else K.CAPTION


def _is_credit(s: str) -> bool:
    """Reporting/editing credits, "X contributed reporting", copyright lines."""
    if _CREDIT_RE.match(s) or ("contributed" in s and _CONTRIBUTED_RE.fullmatch(s)):
        return True
    if len(s) <= 400 and " by " in s and _CREDIT_LINE_RE.fullmatch(s):
        return True
    if len(s) <= 160 and (_REPORTS_FROM_RE.fullmatch(s) or _CONTRIBUTING_RE.fullmatch(s)):
        return True
    if len(s) <= 120 and (m := _SIGNED_FOR_RE.fullmatch(s)) and _outlet_like(m["outlet"]):
        return True  # "— Jane Doe, for the Nordic Post"
    return bool(_SHORT_CREDIT_RE.match(s)) and (";" in s or _nwords(s, 12) <= 12)


def _heading_text(s: str) -> str:
    return s.lstrip("#").strip().strip("*").strip()


def _headline_like(s: str) -> bool:
    if s.startswith(("* ", "- ", "• ")):  # a list item (standfirst bullets) is never a title
        return False
    t = _heading_text(s)
    if not 0 < _nwords(t, 20) <= 20 or t[-1] in ".,;:":
        return False
    return t[0].isupper() or t[0] in "0123456789\"“‘'«"


def _subheading_like(s: str) -> bool:
    words = _nwords(s, 16)
    if _MD_HEADING_RE.match(s) or (words <= 12 and s.startswith("**") and s.endswith("**")):
        return True
    if words > 16 or not (s[0].isupper() or s[0] in "‘'“\""):
        return False
    if words <= 12 and len(s) >= 2 and s == s.upper() != s.lower():  # all caps: "HOPE"
        return True
    if s.endswith("?"):
        return not any(q in s for q in '"“”«»') and s[0] not in "‘'"
    return words <= 10 and s[-1] not in '.,;:!…’”")' and s[0].isupper()


def _dateline(s: str, headline_like: bool) -> re.Match[str] | None:
    for pattern, only_if_not_headline in _DATELINES:
        m = pattern.match(s)
        if not m or (only_if_not_headline and headline_like):
            continue
        place = m.groupdict().get("place")
        first = place.split(",")[0].split()[0] if place else ""
        if first.upper() not in DATELINE_STOPWORDS and not _INITIALS_RE.fullmatch(first):
            return m
    return None


@dataclass
class _Found:
    """What the line walk collected; `parse_metadata` turns it into ArticleMeta."""

    title: str | None = None
    byline: str | None = None
    byline_line: str | None = None  # the line the byline was read from: it may name the outlet
    source: str | None = None
    dateline: re.Match[str] | None = None
    urls: list[tuple[bool, int, str]] = field(default_factory=list)  # (labelled, line, url)
    pub_lines: list[str] = field(default_factory=list)


def _embeds(lines: list[str]) -> list[K | None]:
    """EMBED for signature lines, and for marker lines through a signature close after them."""
    signed = [bool(_EMBED_SIGNATURE_RE.match(s)) for s in lines]
    kinds: list[K | None] = [K.EMBED if sig else None for sig in signed]
    next_signature = len(lines) + EMBED_MAX_LINES  # none
    for i in range(len(lines) - 1, -1, -1):
        if len(lines[i]) <= 40 and lines[i].strip("#*_>[] :").casefold() in EMBED_MARKERS:
            last = next_signature if next_signature - i <= EMBED_MAX_LINES else i
            kinds[i : last + 1] = [K.EMBED] * (last + 1 - i)
        if signed[i]:
            next_signature = i
    return kinds


def _boilerplate(s: str) -> bool:
    low = s[:400].lower()  # a cheap filter first: most lines name none of the cue words
    for key in _BOILERPLATE_KEYS:
        if key in low:
            return bool(_BOILERPLATE_RE.search(s))
    return False


def _read_more_suffix(s: str) -> bool:
    """A related-story link: "<headline>Read more" (the link text glued to the headline)."""
    return 10 <= len(s) <= 260 and s.endswith(("Read more", "READ MORE")) and not s[-10].isspace()


def _walk(lines: list[str], preset: dict[int, K]) -> tuple[list[K | None], _Found]:
    """Classify lines in order. The header ends at the first paragraph that reads as text;
    the article ends at a trailer line (`TRAILER_LINES`). `preset` fixes some lines' kinds
    (a lead-in, as BOILERPLATE; the paragraph after it, as BODY)."""
    kinds, found = _embeds(lines), _Found()
    in_header, headline_done, url_pending, trailer, pictured = True, False, False, False, False
    for i, s in enumerate(lines):
        if i in preset:
            kinds[i] = preset[i]
            if kinds[i] is K.BODY:
                in_header = False
            continue
        if kinds[i] is not None:
            continue
        s = s.lstrip(">").strip() or s  # a blockquoted line ("> Published 16 October 2025")
        next_line = lines[i + 1] if i + 1 < len(lines) else None
        if (url := _url_line(s)) is not None:
            u, labelled, waits = url
            if u and _host(u) not in NO_URL_HOSTS:
                found.urls.append((labelled or url_pending, -1 if in_header else i, u))
            kinds[i], url_pending = K.URL, waits
            continue
        url_pending = False
        trailer = trailer or bool(
            _TRAILER_RE.match(s) or (not in_header and _TRAILER_AFTER_BODY_RE.match(s))
        )
        if trailer:
            kinds[i] = K.CREDIT if _BIO_RE.match(s) else K.BOILERPLATE
        elif _boilerplate(s):
            kinds[i] = K.BOILERPLATE
        elif _READ_MORE_RE.match(s) or _read_more_suffix(s):
            kinds[i] = K.READ_MORE
        elif len(s) <= 200 and (source := _SOURCE_RE.fullmatch(s)):
            kinds[i], found.source = K.CREDIT, found.source or source["rest"]
        elif _is_credit(s):
            kinds[i] = K.CREDIT
        elif in_header and not pictured and (who := _byline_before_credit(s)):
            kinds[i], found.byline = K.BYLINE, found.byline or who  # "A | Reuters", "By A / AP"
            found.byline_line = found.byline_line or s
        elif photo := _photo_kind(s):
            kinds[i], pictured = photo, pictured or in_header
        elif _is_published(s):
            kinds[i] = K.PUBLISHED
            if in_header or _PUB_LABEL_RE.match(s):
                found.pub_lines.append(s)
                if by := _PUB_BY_RE.search(s):  # "Posted 4 Feb 2026 by Jane Doe"
                    found.byline = found.byline or by["who"]
        elif in_header and (
            who := _byline(s, next_line, i > 0 and kinds[i - 1] is K.BYLINE, headline_done)
        ):
            kinds[i], found.byline = K.BYLINE, found.byline or who
            found.byline_line = found.byline_line or s
        elif len(s) <= 40 and _name_key(s.strip("*_ ")) in OUTLET_NAMES:
            kinds[i] = K.BYLINE if in_header else K.CREDIT
            found.byline = found.byline or (s.strip("*_ ") if in_header else None)
        elif not in_header:
            kinds[i] = K.SUBHEADING if next_line and _subheading_like(s) else K.BODY
        else:
            headline_like = next_line is not None and _headline_like(s)
            dateline = _dateline(s, headline_like)
            # a headline comes before the photo: a title-like line under a caption is a standfirst
            if dateline is None and headline_like and not headline_done and not pictured:
                kinds[i], found.title = K.HEADLINE, _heading_text(s)
            elif dateline is None and (headline_like or s.startswith(("* ", "- ", "• "))):
                # standfirst, its bullets or a heading: the header goes on
                kinds[i] = K.SUBHEADING if _MD_HEADING_RE.match(s) else K.BODY
            else:
                kinds[i], in_header, found.dateline = K.BODY, False, dateline
            headline_done = True
    return kinds, found


def _published(found: _Found) -> tuple[date | None, time | None]:
    """Publication date/time; "Updated ..." parts of a line are ignored."""
    heads = [s[: u.start()] if (u := _UPDATED_RE.search(s)) else s for s in found.pub_lines]
    for head in heads:
        if day := _parse_date(head):
            times = (_parse_time(h) for h in [head, *heads] if h == head or not _DATE_RE.search(h))
            return day, next((t for t in times if t), None)
    m = found.dateline
    years = [y.group() for h in heads if (y := _YEAR_RE.search(h))]
    if m is None or not (m["mon"] or m["mon2"]) or not (m["year"] or years):
        return None, None
    year = int(m["year"] or years[0])
    return _make_date(year, _month(m["mon"] or m["mon2"]), int(m["day"] or m["day2"])), None


def _language(prose: list[str]) -> str | None:
    sample = "\n".join(prose[:2000])[:60_000]  # ~5000 tokens
    tokens = [w.casefold() for w in _WORD_RE.findall(sample)][:5000]
    hits = sum(w in ENGLISH_FUNCTION_WORDS for w in tokens)
    return "en" if hits >= 3 and hits >= ENGLISH_MIN_RATIO * len(tokens) else None


def _lead_in(spans: list[tuple[int, int]], lines: list[str]) -> dict[int, K]:
    """Split a reposting blog's lead-in (`LEAD_INS`) off the first lines that are not
    boilerplate; the lead-in is BOILERPLATE and the rest of its line BODY (spans/lines edited
    in place)."""
    checked = 0
    for i, s in enumerate(lines):
        if _boilerplate(s):
            continue
        lead = next((x for x in LEAD_INS if s.startswith(x)), None)
        rest = s[len(lead) :].lstrip(_TRIM) if lead else ""
        if lead and rest:
            a, b = spans[i]
            spans[i : i + 1] = [(a, a + len(lead)), (b - len(rest), b)]
            lines[i : i + 1] = [lead, rest]
            return {i: K.BOILERPLATE, i + 1: K.BODY}
        checked += 1
        if checked >= 3:
            break
    return {}


def _layout(text: str) -> tuple[list[tuple[int, int]], list[str], list[K | None], _Found]:
    """Line spans, lines, the kind of each line, and what the header walk found."""
    spans, lines = _lines(text)
    preset = _lead_in(spans, lines)
    kinds, found = _walk(lines, preset)
    if found.byline is None:  # a wire credit names the authors: "Reporting by A; Editing by B"
        credits = (ln for k, ln in zip(kinds, lines, strict=True) if k is K.CREDIT)
        found.byline = next((m["who"] for c in credits if (m := _CREDIT_BYLINE_RE.match(c))), None)
    last = max((i for i, k in enumerate(kinds) if k in (K.BODY, K.SUBHEADING)), default=-1)
    if last > 0 and _BIO_RE.match(lines[last]) and _nwords(lines[last], 40) <= 40:
        kinds[last] = K.CREDIT  # the author's bio closing the article
    return spans, lines, kinds, found


def _prose_words(prose: list[str]) -> int:
    return sum(len(_WORD_RE.findall(_MD_TARGET_RE.sub("]", p))) for p in prose)


def prose_word_count(text: str) -> int:
    """`ArticleMeta.word_count` alone, without the rest of the metadata (the validator's check)."""
    _, lines, kinds, _ = _layout(text)
    return _prose_words(
        [line for k, line in zip(kinds, lines, strict=True) if k in (K.BODY, K.SUBHEADING)]
    )


def parse_metadata(text: str) -> ArticleMeta:
    """Metadata stated by `text` and the kind of each of its non-blank lines (pure)."""
    spans, lines, kinds, found = _layout(text)
    segments = tuple(Segment(k, a, b) for k, (a, b) in zip(kinds, spans, strict=True) if k)
    prose = [line for k, line in zip(kinds, lines, strict=True) if k in (K.BODY, K.SUBHEADING)]
    # a bare URL line counts in the header or after the last line of prose, not amid the text
    last_prose = max((i for i, k in enumerate(kinds) if k in (K.BODY, K.SUBHEADING)), default=-1)
    urls = [u for labelled, i, u in found.urls if labelled] + [
        u for labelled, i, u in found.urls if not labelled and (i < 0 or i > last_prose)
    ]
    url = urls[0] if urls else None
    groups = found.dateline.groupdict() if found.dateline else {}
    credit = groups.get("outlet") or groups.get("slash")
    credit = credit and " ".join(credit.split())
    outlet = (
        (credit and OUTLET_NAMES.get(_name_key(credit), credit))
        or _named_outlet(found.byline)
        or _named_outlet(_header_outlet(found.byline_line))
        or _named_outlet(found.source)
        or _host_outlet(url)
    )
    published_date, published_time = _published(found)
    return ArticleMeta(
        title=found.title,
        outlet=outlet,
        byline=found.byline,
        published_date=published_date,
        published_time=published_time,
        dateline=" ".join(groups["place"].split()) if groups.get("place") else None,
        url=url,
        language=_language(prose),
        word_count=_prose_words(prose),
        segments=segments,
    )
