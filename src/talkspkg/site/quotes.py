"""quotes.html: who said what, grouped by speaker, filtered by a search box."""

from __future__ import annotations

from collections import defaultdict

from talkspkg.site.article import speaker_name
from talkspkg.site.html import esc, link, page, span_href
from talkspkg.site.load import Package, Row


def quotes_page(package: Package) -> str:
    entities = package.entities
    groups: dict[str, list[Row]] = defaultdict(list)
    for q in package.rows("quotes"):
        groups[speaker_name(q, entities)].append(q)
    # named speakers first (by number of quotes, then name), unresolved ones after
    order = sorted(
        groups, key=lambda s: (s.startswith(("unresolved", "unattributed")), -len(groups[s]), s)
    )
    bodies = []
    for speaker in order:
        rows = sorted(groups[speaker], key=lambda q: (q["article_id"], q["start"], q["quote_id"]))
        lines = "".join(
            "<tr>"
            f"<td>{link(span_href('', q['article_id'], q['start'], q['end']), q['text'])}</td>"
            f"<td>{esc(q['cue'])}</td><td>{esc(q['channel'])}</td>"
            f"<td>{esc(q['confidence'])}</td><td>{esc(q['article_id'])}</td></tr>\n"
            for q in rows
        )
        bodies.append(
            f'<tbody class="group"><tr><th colspan="5" scope="rowgroup">{esc(speaker)} '
            f"({len(rows)})</th></tr>\n{lines}</tbody>\n"
        )
    body = (
        '<p><label for="filter">Filter quotes (speaker, words, cue, channel, article)</label> '
        '<input id="filter" type="search" data-filter="quotes-table" autocomplete="off"></p>\n'
        '<p class="count" aria-live="polite" id="quotes-table-count"></p>\n'
        '<div class="scroll"><table id="quotes-table"><thead><tr>'
        '<th scope="col">Quote</th><th scope="col">Cue</th><th scope="col">Channel</th>'
        '<th scope="col">Confidence</th><th scope="col">Article</th></tr></thead>\n'
        + "".join(bodies)
        + "</table></div>\n"
    )
    return page("Who said what", body, current="quotes.html")
