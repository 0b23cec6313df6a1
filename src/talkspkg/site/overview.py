"""index.html: version, ruleset, rows per table, articles per outlet and month, files, articles."""

from __future__ import annotations

from collections import Counter

from talkspkg.site.html import chart, esc, link, page, table
from talkspkg.site.load import TABLES, Package


def month(date: object) -> str:
    return str(date)[:7] if date is not None else "undated"


def overview_page(package: Package) -> str:
    d = package.descriptor
    meta = d.get("talkspkg", {})
    ruleset = meta.get("ruleset", {})
    facts = (
        f'<dl class="facts"><dt>Package</dt><dd>{esc(d.get("name"))}</dd>'
        f"<dt>Data version</dt><dd>{esc(d.get('version'))}</dd>"
        f"<dt>Built by</dt><dd>talkspkg {esc(meta.get('version'))}</dd></dl>\n"
        f"<p>{esc(d.get('description'))}</p>\n"
    )
    rules = table(("Rule set", "Version"), ((esc(k), esc(v)) for k, v in sorted(ruleset.items())))
    counts = table(
        ("Table", "Rows"),
        ((esc(t), esc(len(package.rows(t)))) for t in TABLES if t in package.tables),
    )
    articles = sorted(package.rows("articles"), key=lambda a: a["article_id"])
    per = Counter((a.get("outlet") or "unknown", month(a.get("published_date"))) for a in articles)
    values = [{"outlet": o, "month": m, "articles": n} for (o, m), n in sorted(per.items())]
    spec = {
        "data": {"values": values},
        "mark": "bar",
        "encoding": {
            "x": {"field": "month", "type": "ordinal", "title": "Month published"},
            "y": {"field": "articles", "type": "quantitative", "title": "Articles"},
            "color": {"field": "outlet", "type": "nominal", "title": "Outlet"},
            "tooltip": [{"field": "outlet"}, {"field": "month"}, {"field": "articles"}],
        },
        "width": "container",
        "height": 220,
    }
    per_table = table(
        ("Outlet", "Month", "Articles"),
        ((esc(v["outlet"]), esc(v["month"]), esc(v["articles"])) for v in values),
    )
    files = "".join(f"<li>{link(f, f)}</li>" for f in ["datapackage.json", *package.files()])
    article_rows = (
        (
            link(f"articles/{a['article_id']}.html", a.get("title") or a["article_id"]),
            esc(a.get("outlet")),
            esc(a.get("published_date")),
        )
        for a in articles
    )
    body = (
        facts
        + '<section aria-labelledby="tables"><h2 id="tables">Tables</h2>'
        + counts
        + rules
        + "</section>\n"
        + '<section aria-labelledby="outlets"><h2 id="outlets">Articles per outlet and month</h2>'
        + chart("chart-outlets", spec, "Articles per outlet and month")
        + per_table
        + "</section>\n"
        + '<section aria-labelledby="arts"><h2 id="arts">Articles</h2>'
        + table(("Article", "Outlet", "Published"), article_rows)
        + "</section>\n"
        + '<section aria-labelledby="files"><h2 id="files">Files</h2>'
        + f'<ul class="files">{files}</ul></section>\n'
    )
    return page(d.get("title") or "talkspkg", body, charts=True, current="index.html")
