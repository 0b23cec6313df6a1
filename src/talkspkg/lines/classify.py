"""The line walk: the kind of every non-blank line of an article, and what its header states.

Layouts handled (generic patterns only; no rule names a particular article):

* A header before the first paragraph, in any order: a site's section label above the
  headline ("Russia-Ukraine war", layout.yaml `section_labels`, or a breadcrumb trail "Home /
  World / Europe": never the title), a headline
  (plain or markdown `#`), a standfirst (also a full sentence, when a byline or publication
  line follows it), bylines (`lines.bylines`; also a line of author profile links), publication
  lines (`lines.pubdates`, also a stamp on the byline's line), photo captions and credits
  (`lines.photos`).
* A strict "By A and B" line right under the first paragraph (`by_names`), and the
  publication line under it.
* A dateline opening the first paragraph (`lines.datelines`), also after a reposting blog's
  lead-in ("Here’s what you need to know: KYIV (AP) — ...").
* A "By" line closing the body ("By Jane Doe, Reuters"): a CREDIT, the byline when the header
  has none; so is an author's box closing it (a name line over a role line), and a name line
  over a role line anywhere in the body (a section's author: "Jane Doe" / "Russia editor").
* Anywhere: a line of markup alone (an empty quote line ">", a rule "___") is no text;
  captions, READ MORE lines, embedded posts (`lines.embeds`), credits
  (`lines.credits`), URL lines (`lines.urls`), section heads in the body; and what is not the
  article (`lines.boilerplate`).

Policy: the headline is the first header line that is no byline, date, caption, credit or
dateline paragraph, has at most 20 words, does not end in . , ; : , is no list item, is not
continued in lower case on the line below (a wrapped paragraph), comes
before any photo caption (a title-like line under a caption is a standfirst) and is followed
by more text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from talkspkg.document import SegmentKind as K
from talkspkg.lines.boilerplate import is_boilerplate, is_read_more, split_lead_in, starts_trailer
from talkspkg.lines.bylines import (
    CREDIT_BYLINE_RE,
    PUB_BY_RE,
    author_box,
    by_names,
    byline,
    byline_before_credit,
    closing_byline,
    profile_byline,
)
from talkspkg.lines.credits import BIO_RE, SOURCE_RE, is_credit
from talkspkg.lines.datelines import match_dateline
from talkspkg.lines.embeds import embed_kinds
from talkspkg.lines.knowledge import NO_URL_HOSTS, OUTLET_NAMES, SECTION_LABELS, name_key
from talkspkg.lines.photos import photo_kind
from talkspkg.lines.plain import plain_body_line
from talkspkg.lines.pubdates import PUB_LABEL_RE, is_published, stated_date
from talkspkg.lines.text import MD_HEADING_RE, nonblank_lines, nwords
from talkspkg.lines.urls import url_host, url_line


def _heading_text(s: str) -> str:
    return s.lstrip("#").strip().strip("*").strip()


def _headline_like(s: str) -> bool:
    if s.startswith(("* ", "- ", "• ")):  # a list item (standfirst bullets) is never a title
        return False
    t = _heading_text(s)
    if not 0 < nwords(t, 20) <= 20 or t[-1] in ".,;:":
        return False
    return t[0].isupper() or t[0] in "0123456789\"“‘'«"


def _subheading_like(s: str) -> bool:
    words = nwords(s, 16)
    if MD_HEADING_RE.match(s) or (words <= 12 and s.startswith("**") and s.endswith("**")):
        return True
    if words > 16 or not (s[0].isupper() or s[0] in "‘'“\""):
        return False
    if words <= 12 and len(s) >= 2 and s == s.upper() != s.lower():  # all caps: "HOPE"
        return True
    if s.endswith("?"):
        return not any(q in s for q in '"“”«»') and s[0] not in "‘'"
    return words <= 10 and s[-1] not in '.,;:!…’”")»' and s[0].isupper()


def _header_follows(lines: list[str], i: int) -> bool:
    """The line after line i is a byline, a publication line or a paragraph opening with a
    dateline: line i, a paragraph with no dateline, is a standfirst and the header goes on
    ("By Jane Doe" or "KYIV — ..." under the standfirst)."""
    nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
    after = lines[i + 2] if i + 2 < len(lines) else None
    return bool(nxt) and bool(
        is_published(nxt) or byline(nxt, after, False, True) or match_dateline(nxt, False)
    )


_CRUMB = r"[A-Z][\w'’&-]*(?: [\w'’&-]+){0,2}"
_BREADCRUMB_RE = re.compile(  # "Home / World / Europe", "News > Europe > Ukraine", "Home › World"
    rf"(?:{_CRUMB}(?:\s+[/>›»]\s+{_CRUMB}){{2,5}}|(?i:home)(?:\s+[/>›»]\s+{_CRUMB}){{1,5}})"
)


def _section_label(s: str) -> bool:
    """A site's section label above the headline ("Russia-Ukraine war", "World"), or its
    breadcrumb trail: three short items or more (or "Home" and one more) between " / ", " > ",
    " › " or " » "."""
    t = _heading_text(s)
    return len(s) <= 80 and (
        (len(s) <= 40 and " ".join(t.casefold().split()) in SECTION_LABELS)
        or bool(_BREADCRUMB_RE.fullmatch(t))
    )


@dataclass
class Found:
    """What the line walk collected; `parse_metadata` turns it into ArticleMeta."""

    title: str | None = None
    byline: str | None = None
    byline_line: str | None = None  # the line the byline was read from: it may name the outlet
    source: str | None = None
    dateline: re.Match[str] | None = None
    urls: list[tuple[bool, int, str]] = field(default_factory=list)  # (labelled, line, url)
    pub_lines: list[str] = field(default_factory=list)


def _walk(
    lines: list[str],
    preset: dict[int, K],
    wrapped: frozenset[int] = frozenset(),
    boilerplate: dict[str, bool] | None = None,
) -> tuple[list[K | None], Found]:
    """Classify lines in order. The header ends at the first paragraph that reads as text;
    the article ends at a trailer line (`TRAILER_LINES`). `preset` fixes some lines' kinds
    (a lead-in, as BOILERPLATE; the paragraph after it, as BODY); a line in `wrapped` goes on
    in the line below it (a paragraph wrapped mid-sentence), so it is no headline;
    `boilerplate` holds `is_boilerplate` of lines already tried (`split_lead_in`)."""
    seen = boilerplate or {}
    kinds, found = embed_kinds(lines), Found()
    in_header, headline_done, url_pending, trailer, pictured = True, False, False, False, False
    after_header = 0  # lines of prose since the header ended
    for i, s in enumerate(lines):
        if i in preset:
            kinds[i] = preset[i]
            if kinds[i] is K.BODY:  # the paragraph after a lead-in may open with a dateline
                if in_header and found.dateline is None:
                    found.dateline = match_dateline(s, False)
                in_header = False
            continue
        if kinds[i] is not None:
            continue
        s = s.lstrip(">").strip() or s  # a blockquoted line ("> Published 16 October 2025")
        if not s.strip(">*_#-=~ \t"):  # markup alone: an empty quote line (">"), a rule ("___")
            kinds[i] = K.BOILERPLATE
            continue
        next_line = lines[i + 1] if i + 1 < len(lines) else None
        if not (in_header or trailer) and plain_body_line(s):  # no rule below can take it
            url_pending = False
            kinds[i] = K.SUBHEADING if next_line and _subheading_like(s) else K.BODY
            after_header += 1
            continue
        if in_header and (who := profile_byline(s)):  # "[Jane Doe](https://site/author/jd)"
            kinds[i], found.byline = K.BYLINE, found.byline or who
            found.byline_line = found.byline_line or s
            continue
        if (url := url_line(s)) is not None:
            u, labelled, waits = url
            if u and url_host(u) not in NO_URL_HOSTS:
                found.urls.append((labelled or url_pending, -1 if in_header else i, u))
            kinds[i], url_pending = K.URL, waits
            continue
        url_pending = False
        trailer = trailer or starts_trailer(s, in_header)
        if trailer:
            kinds[i] = K.CREDIT if BIO_RE.match(s) else K.BOILERPLATE
        elif seen[s] if s in seen else is_boilerplate(s):
            kinds[i] = K.BOILERPLATE
        elif is_read_more(s):
            kinds[i] = K.READ_MORE
        elif len(s) <= 200 and (source := SOURCE_RE.fullmatch(s)):
            kinds[i], found.source = K.CREDIT, found.source or source["rest"]
        elif is_credit(s):
            kinds[i] = K.CREDIT
        elif in_header and not pictured and (who := byline_before_credit(s)):
            kinds[i], found.byline = K.BYLINE, found.byline or who  # "A | Reuters", "By A / AP"
            found.byline_line = found.byline_line or s
            if stated_date(s):  # "By Jane Doe | Feb 18, 2026"
                found.pub_lines.append(s)
        elif photo := photo_kind(s):
            kinds[i], pictured = photo, pictured or in_header
        elif is_published(s):
            kinds[i] = K.PUBLISHED
            if in_header or PUB_LABEL_RE.match(s):
                found.pub_lines.append(s)
                if by := PUB_BY_RE.search(s):  # "Posted 4 Feb 2026 by Jane Doe"
                    found.byline = found.byline or by["who"]
        elif in_header and (
            who := byline(s, next_line, i > 0 and kinds[i - 1] is K.BYLINE, headline_done)
        ):
            kinds[i], found.byline = K.BYLINE, found.byline or who
            found.byline_line = found.byline_line or s
            if stated_date(s):  # "Jane Doe — Thursday, 18 December 2025, 12:45"
                found.pub_lines.append(s)
        elif not in_header and after_header == 1 and next_line and (who := by_names(s)):
            kinds[i], found.byline = K.BYLINE, found.byline or who  # under the first paragraph
            found.byline_line = found.byline_line or s
            if next_line and is_published(next_line.strip()) and not found.pub_lines:
                found.pub_lines.append(next_line.strip())
        elif in_header and not headline_done and _section_label(s):
            kinds[i] = K.BOILERPLATE  # "Russia-Ukraine war" above the headline
        elif len(s) <= 40 and name_key(s.strip("*_ ")) in OUTLET_NAMES:
            kinds[i] = K.BYLINE if in_header else K.CREDIT
            found.byline = found.byline or (s.strip("*_ ") if in_header else None)
        elif not in_header:
            kinds[i] = K.SUBHEADING if next_line and _subheading_like(s) else K.BODY
            after_header += 1
        else:
            headline_like = next_line is not None and _headline_like(s) and i not in wrapped
            dateline = match_dateline(s, headline_like)
            # a headline comes before the photo: a title-like line under a caption is a standfirst
            if dateline is None and headline_like and not headline_done and not pictured:
                kinds[i], found.title = K.HEADLINE, _heading_text(s)
            elif dateline is None and (
                headline_like or s.startswith(("* ", "- ", "• ")) or _header_follows(lines, i)
            ):
                # standfirst, its bullets or a heading: the header goes on
                kinds[i] = K.SUBHEADING if MD_HEADING_RE.match(s) else K.BODY
            else:
                kinds[i], in_header, found.dateline = K.BODY, False, dateline
                after_header = 1
            headline_done = True
    return kinds, found


def _wrapped(text: str, spans: list[tuple[int, int]], lines: list[str]) -> frozenset[int]:
    """Lines that a paragraph's next line continues with no blank line between, in lower case
    ("... made during a phone" / "call with ..."); "by Jane Doe" under a headline is a byline."""
    return frozenset(
        i
        for i in range(min(len(lines) - 1, 12))  # the header's lines
        if lines[i + 1][:1].islower()
        and not lines[i + 1].startswith("by ")
        and text.count("\n", spans[i][1], spans[i + 1][0]) == 1
    )


def classify(text: str) -> tuple[list[tuple[int, int]], list[str], list[K | None], Found]:
    """Line spans, lines, the kind of each line, and what the header walk found."""
    spans, lines = nonblank_lines(text)
    seen: dict[str, bool] = {}  # is_boilerplate of the lines split_lead_in tried
    preset = split_lead_in(spans, lines, seen)
    kinds, found = _walk(lines, preset, _wrapped(text, spans, lines), seen)
    last = max((i for i, k in enumerate(kinds) if k in (K.BODY, K.SUBHEADING)), default=-1)
    if last > 0 and (who := closing_byline(lines[last])):  # "By Jane Doe, Reuters" closing
        kinds[last], found.byline = K.CREDIT, found.byline or who
    if found.byline is None:  # a wire credit names the authors: "Reporting by A; Editing by B"
        credits = (ln for k, ln in zip(kinds, lines, strict=True) if k is K.CREDIT)
        found.byline = next((m["who"] for c in credits if (m := CREDIT_BYLINE_RE.match(c))), None)
    last = max((i for i, k in enumerate(kinds) if k in (K.BODY, K.SUBHEADING)), default=-1)
    closing_pair = last > 1 and kinds[last - 1] in (K.BODY, K.SUBHEADING)
    if closing_pair and author_box(lines[last - 1], lines[last]):  # "Jane Doe" / "Senior editor"
        kinds[last - 1] = kinds[last] = K.CREDIT
        last -= 2
    prose = (K.BODY, K.SUBHEADING)
    for i in range(len(lines) - 1):  # a section's author: "Jane Doe" / "Russia editor"
        if kinds[i] in prose and kinds[i + 1] in prose and author_box(lines[i], lines[i + 1]):
            kinds[i] = kinds[i + 1] = K.CREDIT
    if last > 0 and BIO_RE.match(lines[last]) and nwords(lines[last], 40) <= 40:
        kinds[last] = K.CREDIT  # the author's bio closing the article
    return spans, lines, kinds, found
