"""HTML building blocks: escaping, the page layout shared by every page, tables, links."""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Sequence
from typing import Any

NAV = (
    ("index.html", "Overview"),
    ("quotes.html", "Who said what"),
    ("meetings.html", "Meetings"),
    ("proposals.html", "Proposals"),
    ("met.html", "Who met whom"),
)
VEGA = ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js")


def esc(value: object) -> str:
    return "" if value is None else html.escape(str(value), quote=True)


def text_esc(text: str) -> str:
    """Escape raw text so a browser's DOM holds exactly `text`: CR and BOM survive as references
    (an HTML parser folds a literal CR LF into LF)."""
    return html.escape(text, quote=False).replace("\r", "&#13;").replace("\ufeff", "&#65279;")


def link(href: str, label: object, **attrs: str) -> str:
    extra = "".join(f' {k.rstrip("_")}="{esc(v)}"' for k, v in sorted(attrs.items()))
    return f'<a href="{esc(href)}"{extra}>{esc(label)}</a>'


def span_href(prefix: str, article_id: str, start: int, end: int) -> str:
    return f"{prefix}articles/{article_id}.html#{start}-{end}"


def table(
    headers: Sequence[str], rows: Iterable[Sequence[str]], caption: str = "", attrs: str = ""
) -> str:
    """A table of already-escaped cells."""
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>\n" for row in rows)
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    return (
        f'<div class="scroll"><table{attrs}>{cap}<thead><tr>{head}</tr></thead>\n'
        f"<tbody>\n{body}</tbody></table></div>\n"
    )


def chart(element_id: str, spec: dict[str, Any], label: str) -> str:
    """A Vega-Lite chart with inline data, rendered by the vendored vega-embed (no actions menu:
    its links would leave the machine)."""
    data = json.dumps(spec, sort_keys=True, ensure_ascii=False, default=str)
    data = data.replace("</", "<\\/")
    return (
        f'<figure class="chart"><div id="{esc(element_id)}" role="img" aria-label="{esc(label)}">'
        f"</div><figcaption>{esc(label)}</figcaption></figure>\n"
        f'<script>vegaEmbed("#{element_id}", {data}, {{"actions": false, "renderer": "svg"}});'
        "</script>\n"
    )


def page(title: str, body: str, prefix: str = "", charts: bool = False, current: str = "") -> str:
    """A whole page; `prefix` leads from the page's folder back to the site root."""
    here = ' aria-current="page"'
    nav = "".join(
        f'<li><a href="{prefix}{href}"{here if href == current else ""}>{esc(label)}</a></li>'
        for href, label in NAV
    )
    scripts = "".join(f'<script src="{prefix}assets/{name}"></script>' for name in VEGA)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)} · talkspkg</title>\n"
        f'<link rel="stylesheet" href="{prefix}assets/site.css">\n'
        f"{scripts if charts else ''}"
        "</head>\n<body>\n"
        '<a class="skip" href="#main">Skip to content</a>\n'
        f'<header><nav aria-label="Site"><ul>{nav}</ul></nav></header>\n'
        f'<main id="main">\n<h1>{esc(title)}</h1>\n{body}</main>\n'
        f'<script src="{prefix}assets/site.js"></script>\n'
        "</body>\n</html>\n"
    )
