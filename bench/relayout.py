"""Other outlets' layouts: each article's metadata lines re-rendered as other sites print them.

The dev and seed articles come from a handful of outlets, so the line readers (bylines, date
lines, datelines, credits, captions, site boilerplate) meet few layouts there. This module gives
every article, per round, one layout drawn deterministically from its id: a byline form ("By A
and B, Reuters", "A | Associated Press", "Reporting by A; Editing by B" closing the body, ...),
a publication-line form ("Published 12 March 2025, 10:14 GMT", "12.03.2025", ...), a dateline
form ("KYIV, Ukraine (AP) —", "MOSCOW, Mar 12 (Reuters) -", none) and a piece of site furniture
(share and newsletter lines, "Read more:" links, photo captions with a photographer's credit).
The forms are written from how real news sites and wires print them; the names in them are
invented (bench/robust.py's lists), the places are the article's own dateline or a capital.

How the gold follows: the article's own byline line (if any) is removed and its authors are
re-used first in the new byline (invented names fill the rest); a journalist whose name no longer
appears in the text leaves the gold. The byline, title and dateline spans are set on the new
text; every other span is carried through bench/robust.py's offset map (an edit straddling a
span is refused: the article is then left out of that round). An article without a headline gets
a plain invented one (else no header line could be told from the text around it). The published
date is the gold's (a publication line is written only when the gold has a date); the
layout's dateline place becomes the gold dateline (none when the form writes none).
Only the seeds and the dev split are ever read.
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from gold import GoldArticle, sha
from robust import FAMILY_NAMES, GIVEN_NAMES, _hash, carry_gold, write_article

from talkspkg.document import SegmentKind
from talkspkg.lines.bylines import PUB_BY_RE
from talkspkg.lines.pubdates import is_published
from talkspkg.metadata import parse_metadata
from talkspkg.raw import article_id_for
from talkspkg.textutil import slug

# a line is a list of parts (text, tag, person): tag "b" a byline author, "B" byline text that is
# no person (" and ", " in Kyiv"), "j" a journalist outside the byline, "u" a byline author in
# capitals (person is the name as the gold writes it), "" anything else
Part = tuple[str, str, str]
Line = list[Part]


def _p(text: str, tag: str = "", person: str = "") -> Part:
    return (text, tag, person or (text if tag in "bj" and tag else ""))


@dataclass(frozen=True)
class Who:
    """The names a layout may write: authors (the article's own first) and other journalists."""

    authors: tuple[str, ...]
    others: tuple[str, ...]

    def a(self, i: int) -> str:
        return self.authors[i]

    def o(self, i: int) -> str:
        return self.others[i]


@dataclass(frozen=True)
class BylineForm:
    name: str
    authors: int  # how many authors it writes
    head: Callable[[Who], list[Line]]  # lines under the headline
    end: Callable[[Who], list[Line]] = lambda w: []  # lines closing the body


def _by(*parts: Part) -> list[Line]:
    return [list(parts)]


BYLINE_FORMS: tuple[BylineForm, ...] = (
    BylineForm(
        "By A and B, Reuters",
        2,
        lambda w: _by(
            _p("By "), _p(w.a(0), "b"), _p(" and ", "B"), _p(w.a(1), "b"), _p(", Reuters")
        ),
    ),
    BylineForm(
        "A | Associated Press", 1, lambda w: _by(_p(w.a(0), "b"), _p(" | Associated Press"))
    ),
    BylineForm(
        "A, Kyiv correspondent", 1, lambda w: _by(_p(w.a(0), "b"), _p(", Kyiv correspondent"))
    ),
    BylineForm("Written by A", 1, lambda w: _by(_p("Written by "), _p(w.a(0), "b"))),
    BylineForm(
        "A in Kyiv and B in Moscow",
        2,
        lambda w: _by(
            _p(w.a(0), "b"), _p(" in Kyiv and ", "B"), _p(w.a(1), "b"), _p(" in Moscow", "B")
        ),
    ),
    BylineForm(
        "Reporting by A; Editing by B (closing)",
        1,
        lambda w: [],
        lambda w: _by(_p("Reporting by "), _p(w.a(0), "b"), _p("; Editing by "), _p(w.o(0), "j")),
    ),
    BylineForm("A Senior Reporter", 1, lambda w: _by(_p(w.a(0), "b"), _p(" Senior Reporter"))),
    BylineForm(
        "A / Senior Diplomatic Correspondent",
        1,
        lambda w: [[_p(w.a(0), "b")], [_p("Senior Diplomatic Correspondent")]],
    ),
    BylineForm("By A, CNN", 1, lambda w: _by(_p("By "), _p(w.a(0), "b"), _p(", CNN"))),
    BylineForm("BY A (capitals)", 1, lambda w: _by(_p("BY "), _p(w.a(0).upper(), "u", w.a(0)))),
    BylineForm(
        "By A, Reuters (closing)",
        1,
        lambda w: [],
        lambda w: _by(_p("By "), _p(w.a(0), "b"), _p(", Reuters")),
    ),
    BylineForm(
        "— B contributed reporting (no byline)",
        0,
        lambda w: [],
        lambda w: _by(_p("— "), _p(w.o(0), "j"), _p(" contributed reporting.")),
    ),
    BylineForm(
        "By A; Additional reporting by B and C",
        1,
        lambda w: _by(_p("By "), _p(w.a(0), "b")),
        lambda w: _by(
            _p("Additional reporting by "),
            _p(w.o(0), "j"),
            _p(" in Kyiv and "),
            _p(w.o(1), "j"),
            _p(" in Brussels"),
        ),
    ),
    BylineForm(
        "This story was written by A (closing)",
        1,
        lambda w: [],
        lambda w: _by(_p("This story was written by "), _p(w.a(0), "b"), _p(".")),
    ),
    BylineForm("A over BBC News, Kyiv", 1, lambda w: [[_p(w.a(0), "b")], [_p("BBC News, Kyiv")]]),
    BylineForm(
        "A · Senior correspondent", 1, lambda w: _by(_p(w.a(0), "b"), _p(" · Senior correspondent"))
    ),
    BylineForm(
        "[A](author profile link)",
        1,
        lambda w: _by(
            _p("["), _p(w.a(0), "b"), _p(f"](https://news.example/author/{slug(w.a(0))}/)")
        ),
    ),
    BylineForm(
        "— B reported from Kyiv (closing, no byline)",
        0,
        lambda w: [],
        lambda w: _by(_p("— "), _p(w.o(0), "j"), _p(" reported from Kyiv.")),
    ),
    BylineForm(
        "B / Senior correspondent (author box closing, no byline)",
        0,
        lambda w: [],
        lambda w: [[_p(w.o(0), "j")], [_p("Senior correspondent")]],
    ),
    BylineForm(
        "By A, B and C",
        3,
        lambda w: _by(
            _p("By "),
            _p(w.a(0), "b"),
            _p(", ", "B"),
            _p(w.a(1), "b"),
            _p(" and ", "B"),
            _p(w.a(2), "b"),
        ),
    ),
)

_MONTHS = [date(2025, m, 1).strftime("%B") for m in range(1, 13)]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _mon(d: date) -> str:
    return _MONTHS[d.month - 1][:3]


# (name, render, whether the line states the publication date): an "Updated" stamp does not,
# nor a numeric date whose day and month could be swapped (both 12 or under, not equal)
DATE_FORMS: tuple[tuple[str, Callable[[date], str], Callable[[date], bool]], ...] = (
    (
        "Published 12 March 2025, 10:14 GMT",
        lambda d: f"Published {d.day} {_MONTHS[d.month - 1]} {d.year}, 10:14 GMT",
        lambda d: True,
    ),
    (
        "Updated: Mar 12, 2025 10:14 a.m. ET",
        lambda d: f"Updated: {_mon(d)} {d.day}, {d.year} 10:14 a.m. ET",
        lambda d: False,
    ),
    (
        "3/12/2025",
        lambda d: f"{d.month}/{d.day}/{d.year}",
        lambda d: d.day > 12 or d.day == d.month,
    ),
    (
        "12.03.2025",
        lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
        lambda d: d.day > 12 or d.day == d.month,
    ),
    (
        "Wed 12 Mar 2025 10.14 GMT",
        lambda d: f"{_WEEKDAYS[d.weekday()][:3]} {d.day} {_mon(d)} {d.year} 10.14 GMT",
        lambda d: True,
    ),
    (
        "March 12, 2025 at 10:14 AM EST",
        lambda d: f"{_MONTHS[d.month - 1]} {d.day}, {d.year} at 10:14 AM EST",
        lambda d: True,
    ),
    (
        "Published On 12 Mar 2025",
        lambda d: f"Published On {d.day} {_mon(d)} {d.year}",
        lambda d: True,
    ),
    (
        "Last updated: 12 March 2025",
        lambda d: f"Last updated: {d.day} {_MONTHS[d.month - 1]} {d.year}",
        lambda d: False,
    ),
)

_QUALIFIERS = {"KYIV": "Ukraine", "GENEVA": "Switzerland", "ABU DHABI": "United Arab Emirates"}
_CAPITALS = ("KYIV", "MOSCOW", "WASHINGTON", "LONDON", "BRUSSELS")


def _title_place(place: str) -> str:
    return "/".join(" ".join(w.capitalize() for w in p.split()) for p in place.split("/"))


# (name, render(place, date or None) -> (prefix, place's offset in it, place as written))
DatelineRender = Callable[[str, date | None], tuple[str, str]]


def _ap(place: str, d: date | None) -> tuple[str, str]:
    q = _QUALIFIERS.get(place)
    return place, (f", {q}" if q else "") + " (AP) — "


def _reuters(place: str, d: date | None) -> tuple[str, str]:
    return place, (f", {_mon(d)} {d.day}" if d else "") + " (Reuters) - "


DATELINE_FORMS: tuple[tuple[str, DatelineRender | None], ...] = (
    ("KYIV, Ukraine (AP) —", _ap),
    ("MOSCOW, Mar 12 (Reuters) -", _reuters),
    ("KYIV —", lambda p, d: (p, " — ")),
    ("Kyiv (AFP) -", lambda p, d: (_title_place(p), " (AFP) - ")),
    (
        "MOSCOW, March 12. /TASS/.",
        lambda p, d: (p, (f", {_MONTHS[d.month - 1]} {d.day}." if d else "") + " /TASS/. "),
    ),
    ("no dateline", None),
)

# site furniture: (name, header lines, body lines); captions credit an invented photographer
FurnitureRender = Callable[[Who], tuple[list[Line], list[Line]]]
FURNITURE_FORMS: tuple[tuple[str, FurnitureRender], ...] = (
    (
        "share and listen lines",
        lambda w: (
            [[_p("Share this article")], [_p("Listen to this article · 5 min")]],
            [[_p("Advertisement")]],
        ),
    ),
    (
        "newsletter and live-coverage lines",
        lambda w: (
            [[_p("Follow our live coverage of the war here.")]],
            [
                [
                    _p(
                        "Subscribe to our daily briefing: the stories that matter, "
                        "in your inbox every morning."
                    )
                ]
            ],
        ),
    ),
    (
        "Read more: with a name",
        lambda w: ([], [[_p(f"Read more: {w.o(0)} on why the ceasefire keeps slipping")]]),
    ),
    (
        "related links",
        lambda w: (
            [],
            [
                [_p("Related")],
                [
                    _p(
                        f"* [{w.o(0)}: the sanctions question nobody can answer](https://example.com/news/2025/sanctions-question)"
                    )
                ],
                [_p("RELATED: How a ceasefire would be monitored")],
            ],
        ),
    ),
    (
        "caption, Photo: P/AFP via Getty Images",
        lambda w: (
            [
                [
                    _p("A view of the city centre on a winter morning. Photo: "),
                    _p(w.o(0), "j"),
                    _p("/AFP via Getty Images"),
                ]
            ],
            [],
        ),
    ),
    (
        "caption, (Photo by P/Getty Images)",
        lambda w: (
            [
                [
                    _p("Officials leave the building after the meeting ended (Photo by "),
                    _p(w.o(0), "j"),
                    _p("/Getty Images)"),
                ]
            ],
            [],
        ),
    ),
    (
        "caption, Credit: P / AP",
        lambda w: (
            [
                [
                    _p("Snow covers the square outside the ministry. Credit: "),
                    _p(w.o(0), "j"),
                    _p(" / AP"),
                ]
            ],
            [],
        ),
    ),
    ("no furniture", lambda w: ([], [])),
)

HEADLINES = (
    "Where the peace effort stands now",
    "What comes next for the negotiators",
    "The diplomacy explained in five points",
    "Why the pressure on both sides is growing",
)
DIMENSIONS = ("byline", "date", "dateline", "furniture")


@dataclass
class Layout:
    byline: BylineForm
    date: str  # the date form's name ("none" without a gold date)
    dateline: str
    furniture: str

    def forms(self) -> dict[str, str]:
        return {
            "byline": self.byline.name,
            "date": self.date,
            "dateline": self.dateline,
            "furniture": self.furniture,
        }


def choose_layout(article_id: str, round_: int) -> tuple[int, int, int, int]:
    """Each dimension's form: a hash of the id picks a start, the round steps on from it."""
    sizes = (len(BYLINE_FORMS), len(DATE_FORMS), len(DATELINE_FORMS), len(FURNITURE_FORMS))
    return tuple(  # type: ignore[return-value]
        (_hash(article_id, dim) + round_) % n for dim, n in zip(DIMENSIONS, sizes, strict=True)
    )


def invented(article_id: str, round_: int, count: int, forbidden: set[str]) -> list[str]:
    """`count` distinct invented full names, deterministic per article and round."""
    names: list[str] = []
    k = 0
    while len(names) < count:
        h = _hash(article_id, str(round_), "journalist", str(k))
        given = GIVEN_NAMES[h % len(GIVEN_NAMES)]
        family = FAMILY_NAMES[(h // 7919) % len(FAMILY_NAMES)]
        name = f"{given} {family}"
        k += 1
        if given in forbidden or family in forbidden or name in names:
            continue
        if any(n.split()[1] == family or n.split()[0] == given for n in names):
            continue
        names.append(name)
    return names


@dataclass
class Rendered:
    text: str
    spans: dict[str, tuple[int, int]]  # "byline" -> its span in `text` (relative)
    journalists: list[str]


def render(lines: list[Line]) -> Rendered:
    """The lines joined by blank lines; the byline's span and the journalists they name."""
    out, pos, spans, people = [], 0, {}, []
    lo, hi = None, None
    for n, line in enumerate(lines):
        if n:
            out.append("\n\n")
            pos += 2
        for text, tag, person in line:
            if tag in ("b", "B", "u"):
                lo = pos if lo is None else lo
                hi = pos + len(text)
            if tag in ("b", "j", "u"):
                people.append(person or text)
            out.append(text)
            pos += len(text)
    if lo is not None and hi is not None:
        spans["byline"] = (lo, hi)
    return Rendered("".join(out), spans, people)


_DATELINE_END = re.compile(r"[^\n]{0,80}?(?:\s(?:--?|–|—)\s|\):\s|/\.\s)")


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    return ls, len(text) if le < 0 else le


_CLOSES = '.!?"”’)'


def _paragraphs(text: str) -> tuple[list[int], list[int]]:
    """Where the body's paragraphs start and end, as the annotator reads the body: a start
    opens a line of 8 words or more (or follows a reposting blog's lead-in on its line; only
    the first is used, for a dateline), an end closes a sentence at a line end (a hard-wrapped
    sentence is never cut)."""
    starts, ends = [], []
    segments = parse_metadata(text).segments
    for n, seg in enumerate(segments):
        line = text[seg.start : seg.end]
        if seg.kind is not SegmentKind.BODY or line.startswith(("* ", "- ", ">", "[", "#")):
            continue
        prev = segments[n - 1] if n else None
        lead_in = prev is not None and prev.kind is SegmentKind.BOILERPLATE
        at_line = seg.start == 0 or text[seg.start - 1] == "\n"
        if len(line.split()) >= 8 and (at_line or lead_in):
            starts.append(seg.start)
        if line.rstrip()[-1] in _CLOSES and text[seg.end : seg.end + 1] in ("", "\n"):
            ends.append(seg.end)
    return starts, ends


class NotRelayoutable(ValueError):
    pass


Edit = tuple[int, int, str]


def relayout_article(
    gold: GoldArticle,
    round_: int,
    folder: Path,
    forbidden: set[str],
    sources_date: date | None = None,
) -> tuple[GoldArticle, Layout]:
    """The article in its round's layout, written to `folder` with its carried gold.
    `sources_date` is the provenance's published date (the build's fallback)."""
    ib, idate, idl, ifur = choose_layout(gold.article_id, round_)
    data = copy.deepcopy(gold.data)
    arts = data.setdefault("articles", {})
    text = gold.text
    published = arts.get("published_date")
    published = published if isinstance(published, date) else None
    form = BYLINE_FORMS[ib]
    # the article's own authors first
    own: list[str] = []
    edits: list[Edit] = []
    removed_date = False  # the removed byline line stated the publication date
    bnode = arts.get("byline")
    if isinstance(bnode, dict):
        bs, be = bnode["start"], bnode["end"]
        within = text[bs:be]
        journalists = [p for p in data.get("persons") or [] if p["type"] == "journalist"]
        own = sorted(
            (p["name"] for p in journalists if p["name"] in within), key=lambda n: within.find(n)
        )
        ls, le = _line_bounds(text, bs, be)
        edits.append((ls, min(le + 1, len(text)), ""))
        removed_date = is_published(text[ls:le]) or bool(PUB_BY_RE.search(text[ls:le]))
    fresh = invented(gold.article_id, round_, 6, forbidden | set(own))
    authors = (own + [n for n in fresh if n not in own])[: form.authors]
    others = [n for n in fresh if n not in authors]
    who = Who(tuple(authors), tuple(others))
    furniture_name, furniture = FURNITURE_FORMS[ifur]
    fhead, fbody = furniture(who)
    date_name = "none (no gold date)"
    head_lines = list(form.head(who))
    date_stated = True
    if published is not None:
        date_name, date_render, states = DATE_FORMS[idate]
        head_lines.append([_p(date_render(published))])
        date_stated = states(published)
    head_lines += fhead
    # where the header goes: after the headline, or a plain headline opening the text
    tnode = arts.get("title")
    title_new: str | None = None
    if isinstance(tnode, dict):
        _ls, hpos = _line_bounds(text, tnode["start"], tnode["end"])
        head = render(head_lines)
        head_prefix = "\n\n"
        head_text = head_prefix + head.text if head.text else ""
    else:
        hpos = 0
        title_new = HEADLINES[_hash(gold.article_id, str(round_)) % len(HEADLINES)]
        head = render([[_p(title_new)], *head_lines])
        head_prefix = ""
        head_text = head.text + "\n\n"
    if head_text:
        edits.append((hpos, hpos, head_text))
    starts, ends = _paragraphs(text)
    if not starts or len(ends) < 2:
        raise NotRelayoutable("no body paragraph")
    # the dateline
    dl_name, dl_render = DATELINE_FORMS[idl]
    dnode = arts.get("dateline")
    dateline_edit: Edit | None = None
    place_in_prefix: tuple[int, int] | None = None
    if isinstance(dnode, dict):
        ds = dnode["start"]
        m = _DATELINE_END.match(text, ds)
        if text.rfind("\n", 0, ds) + 1 != ds or m is None:
            raise NotRelayoutable("the dateline does not open its line")
        place, ps, pe = text[ds : dnode["end"]].upper(), ds, m.end()
    else:
        place = _CAPITALS[_hash(gold.article_id, "place") % len(_CAPITALS)]
        ps = pe = starts[0]
    if dl_render is not None:
        written, rest = dl_render(place, published)
        dateline_edit = (ps, pe, written + rest)
        place_in_prefix = (0, len(written))
    elif ps != pe:
        dateline_edit = (ps, pe, "")
    if dateline_edit is not None:
        if dateline_edit[0] == dateline_edit[1] == hpos:
            raise NotRelayoutable("the text opens with its first paragraph")
        edits.append(dateline_edit)
    # furniture in the body, after the second paragraph; the closing credits after the last
    spans_at = [(n["start"], n["end"]) for _w, n in _gold_spans(data)]

    def free(pos: int) -> bool:
        return not any(s < pos < e for s, e in spans_at)

    body = render(fbody)
    if body.text:
        after = [e for e in ends[1:] if free(e)]
        if not after:
            raise NotRelayoutable("no paragraph end outside a span")
        edits.append((after[0], after[0], "\n\n" + body.text))
    end = render(form.end(who))
    if end.text:
        last = [e for e in ends if free(e)][-1]
        if body.text and last == edits[-1][0]:
            raise NotRelayoutable("one paragraph for the furniture and the credits")
        edits.append((last, last, "\n\n" + end.text))
    # apply: the spans the layout writes are set anew, the others carried
    for key in ("byline", "dateline") + (("title",) if title_new else ()):
        arts[key] = None
    carrier = GoldArticle(gold.article_id, gold.split, gold.path, text, data)
    try:
        new_text, carried = carry_gold(carrier, edits, strict=True)
    except ValueError as exc:  # an edit straddling a span, or two edits overlapping
        raise NotRelayoutable(str(exc)) from None
    where = _new_starts(edits)
    new_arts = carried["articles"]
    if title_new:
        new_arts["title"] = _node(new_text, where[(hpos, hpos)], len(title_new))
    rendered_byline: tuple[int, int] | None = None
    if "byline" in head.spans:
        s, e = head.spans["byline"]
        base = where[(hpos, hpos)] + len(head_prefix)
        rendered_byline = (base + s, base + e)
    if "byline" in end.spans:
        s, e = end.spans["byline"]
        base = where[(last, last)] + 2
        rendered_byline = (base + s, base + e)
    if rendered_byline:
        new_arts["byline"] = _node(
            new_text, rendered_byline[0], rendered_byline[1] - rendered_byline[0]
        )
    if dateline_edit is not None and place_in_prefix is not None:
        base = where[dateline_edit[:2]]
        new_arts["dateline"] = _node(new_text, base, place_in_prefix[1])
    # the journalists: gone when no longer written, the layout's added
    persons = [
        p
        for p in carried.get("persons") or []
        if p["type"] != "journalist" or p["name"] in new_text or p["name"].upper() in new_text
    ]
    ids = {p["id"] for p in persons}
    for name in [*head.journalists, *body.journalists, *end.journalists]:
        if slug(name) not in ids:
            persons.append({"id": slug(name), "name": name, "type": "journalist", "country": None})
            ids.add(slug(name))
    carried["persons"] = persons
    if not date_stated and removed_date:  # the text no longer states it: the provenance's
        new_arts["published_date"] = sources_date
    stem = gold.path.name.removesuffix(".txt")
    name = f"{stem}-layout{round_}.txt"
    new_id = article_id_for(name)
    carried["article"], carried["file"] = new_id, name
    carried["sha256"] = hashlib.sha256(new_text.encode("utf-8")).hexdigest()
    renamed = GoldArticle(new_id, gold.split, folder / name, gold.text, carried)
    written = write_article(renamed, new_text, carried, folder)
    layout = Layout(
        form, date_name, dl_name if dateline_edit or dl_render else "no dateline", furniture_name
    )
    return written, layout


def _gold_spans(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    from gold import spans

    return [(w, n) for w, n in spans(data) if "start" in n and "end" in n]


def _node(text: str, start: int, length: int) -> dict[str, Any]:
    return {"start": start, "end": start + length, "sha": sha(text[start : start + length])}


def _new_starts(edits: list[Edit]) -> dict[tuple[int, int], int]:
    """Where each edit's replacement starts in the new text."""
    result, shift = {}, 0
    for s, e, new in sorted(edits, key=lambda x: (x[0], x[1])):
        result[(s, e)] = s + shift
        shift += len(new) - (e - s)
    return result
