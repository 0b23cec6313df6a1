"""One page per article: the raw text exactly as stored, every annotation highlighted at its
offsets, a legend, and lists of the annotations linking to their anchors."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from talkspkg.site.html import esc, link, page, table
from talkspkg.site.load import Package, Row
from talkspkg.site.spans import Span, highlight

ENTITY_TYPES = ("person", "organization", "country", "place", "journalist")
LEGEND = (
    ("quote", "Quotation (speaker in the tooltip)"),
    ("meeting", "Meeting evidence sentence"),
    ("position", "Term position evidence"),
    *((f"m-{t}", f"Mention: {t}") for t in ENTITY_TYPES),
)


def by_article(package: Package, table: str) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in package.rows(table):
        grouped[row["article_id"]].append(row)
    for rows in grouped.values():
        rows.sort(key=lambda r: (r["start"], r["end"], sorted(map(str, r.values()))))
    return grouped


def speaker_name(row: Row, entities: dict[str, Row]) -> str:
    entity = entities.get(row.get("speaker_id") or "")
    if entity:
        return str(entity["name"])
    return f"unresolved: {row['speaker_text']}" if row.get("speaker_text") else "unattributed"


class ArticleIndex:
    """The annotation rows of every article, grouped once."""

    def __init__(self, package: Package) -> None:
        self.entities = package.entities
        self.mentions = by_article(package, "mentions")
        self.quotes = by_article(package, "quotes")
        self.meetings = by_article(package, "meeting_mentions")
        self.positions = by_article(package, "term_positions")
        self.meeting_labels = {m["meeting_id"]: m["label"] for m in package.rows("meetings")}

    def spans(self, article_id: str) -> Iterator[Span]:
        for q in self.quotes.get(article_id, ()):
            who = speaker_name(q, self.entities)
            title = f"{who} ({q['cue'] or 'no cue'}, {q['channel'] or 'channel unknown'})"
            yield Span(q["start"], q["end"], 0, "quote", title, (("data-quote", q["quote_id"]),))
        for m in self.meetings.get(article_id, ()):
            label = self.meeting_labels.get(m["meeting_id"], m["meeting_id"])
            yield Span(m["start"], m["end"], 1, "meeting", f"Meeting: {label} ({m['status']})")
        for p in self.positions.get(article_id, ()):
            holder = self.entities.get(p["entity_id"], {}).get("name", p["entity_id"])
            title = f"{holder} {p['stance']} {p['term_id']}"
            yield Span(p["start"], p["end"], 1, "position", title)
        for m in self.mentions.get(article_id, ()):
            entity = self.entities.get(m["entity_id"], {})
            kind = entity.get("entity_type", "other")
            title = f"{entity.get('name', m['entity_id'])} ({kind}, {m['rule']})"
            yield Span(m["start"], m["end"], 2, f"mention m-{kind}", title)


def _legend() -> str:
    items = "".join(
        f'<li><span class="{"mention " if cls.startswith("m-") else ""}{cls}">'
        f"{esc(label)}</span></li>"
        for cls, label in LEGEND
    )
    return (
        '<section aria-labelledby="legend"><h2 id="legend">Legend</h2>'
        f'<ul class="legend">{items}</ul></section>\n'
    )


def _here(row: Row) -> str:
    return link(f"#{row['start']}-{row['end']}", f"{row['start']}–{row['end']}")


def _lists(index: ArticleIndex, article_id: str) -> str:
    out = []
    quotes = index.quotes.get(article_id, [])
    if quotes:
        rows = [
            (
                _here(q),
                esc(speaker_name(q, index.entities)),
                esc(q["cue"]),
                esc(q["channel"]),
                esc(q["confidence"]),
                esc(q["text"]),
            )
            for q in quotes
        ]
        out.append(
            "<h2>Quotes</h2>"
            + table(("Offsets", "Speaker", "Cue", "Channel", "Confidence", "Text"), rows)
        )
    meetings = index.meetings.get(article_id, [])
    if meetings:
        rows = [
            (
                _here(m),
                link(
                    f"../meetings/{m['meeting_id']}.html",
                    index.meeting_labels.get(m["meeting_id"], m["meeting_id"]),
                ),
                esc(m["status"]),
                esc(m["text"]),
            )
            for m in meetings
        ]
        out.append(
            "<h2>Meeting evidence</h2>" + table(("Offsets", "Meeting", "Status", "Sentence"), rows)
        )
    positions = index.positions.get(article_id, [])
    if positions:
        rows = [
            (
                _here(p),
                esc(index.entities.get(p["entity_id"], {}).get("name", p["entity_id"])),
                esc(p["stance"]),
                esc(p["term_id"]),
                esc(p["text"]),
            )
            for p in positions
        ]
        out.append(
            "<h2>Term positions</h2>"
            + table(("Offsets", "Actor", "Stance", "Term", "Sentence"), rows)
        )
    return "".join(out)


def article_page(package: Package, index: ArticleIndex, article: Row) -> str:
    article_id = article["article_id"]
    text = package.texts[article_id]
    facts = [
        ("Outlet", esc(article.get("outlet"))),
        ("Published", esc(article.get("published_date"))),
        ("Byline", esc(article.get("byline"))),
        ("Dateline", esc(article.get("dateline"))),
        ("Raw file", link("../" + article["raw_path"], article["raw_path"])),
    ]
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts if v)
    body = (
        f'<dl class="facts">{dl}</dl>\n{_legend()}'
        f'<section aria-labelledby="text-h"><h2 id="text-h">Text</h2>\n'
        f'<div class="text" id="text">{highlight(text, list(index.spans(article_id)))}</div>\n'
        f"</section>\n{_lists(index, article_id)}"
    )
    return page(article.get("title") or article_id, body, prefix="../")
