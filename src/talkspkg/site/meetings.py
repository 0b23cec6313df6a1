"""meetings.html (a timeline coloured by status and a table), one meetings/<meeting_id>.html per
meeting (participants, reporting articles, evidence), and met.html (who met whom: meetings shared
by each pair of participants). A page per meeting keeps the largest page small: a thousand
articles report thousands of meetings."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from itertools import combinations

from talkspkg.site.html import chart, esc, link, page, span_href, table
from talkspkg.site.load import Package, Row

STATUSES = ("held", "planned", "postponed", "cancelled")
COLOURS = ("#1b7837", "#2166ac", "#b35806", "#b2182b")
MATRIX_MAX = 30  # participants shown in the matrix (most meetings first)


def _when(m: Row) -> str:
    if m.get("date_start") is None:
        return "undated"
    start, end = str(m["date_start"]), str(m.get("date_end") or m["date_start"])
    span = start if start == end else f"{start} – {end}"
    return f"{span} ({m.get('date_precision')})"


def _sorted_meetings(package: Package) -> list[Row]:
    return sorted(
        package.rows("meetings"),
        key=lambda m: (m.get("date_start") is None, str(m.get("date_start")), m["meeting_id"]),
    )


def _timeline(meetings: list[Row]) -> str:
    values = []
    for m in meetings:
        if m.get("date_start") is None:
            continue
        end = (m.get("date_end") or m["date_start"]) + dt.timedelta(days=1)
        values.append(
            {
                "id": m["meeting_id"],
                "meeting": f"{m['label']} ({m['meeting_id']})",
                "start": str(m["date_start"]),
                "end": str(end),
                "when": _when(m),
                "status": m["status"],
                "href": meeting_href("", m["meeting_id"]),
            }
        )
    spec = {
        "data": {"values": values},
        "mark": {"type": "bar", "minExtent": 4, "cornerRadius": 2},
        "encoding": {
            "x": {"field": "start", "type": "temporal", "title": "Date", "scale": {"type": "utc"}},
            "x2": {"field": "end"},
            "y": {
                "field": "meeting",
                "type": "nominal",
                "sort": None,
                "title": None,
                "axis": {"labelLimit": 320},
            },
            "color": {
                "field": "status",
                "type": "nominal",
                "scale": {"domain": list(STATUSES), "range": list(COLOURS)},
                "title": "Status",
            },
            "href": {"field": "href"},
            "tooltip": [{"field": "meeting"}, {"field": "when"}, {"field": "status"}],
        },
        "width": "container",
        "height": {"step": 18},
    }
    return chart("chart-meetings", spec, f"Timeline of {len(values)} dated meetings by status")


def meeting_href(prefix: str, meeting_id: str) -> str:
    return f"{prefix}meetings/{meeting_id}.html"


def _section(m: Row, parts: list[Row], evidence: list[Row], names: dict[str, str]) -> str:
    who = "".join(
        f"<li>{esc(names.get(p['entity_id'], p['entity_id']))} ({esc(p['role'])})</li>"
        for p in parts
    )
    ev = "".join(
        f"<li>{link(span_href('../', e['article_id'], e['start'], e['end']), e['text'])} "
        f"<small>({esc(e['article_id'])})</small></li>"
        for e in evidence
    )
    reports = "".join(
        f"<li>{link(f'../articles/{a}.html', a)}</li>"
        for a in sorted({e["article_id"] for e in evidence})
    )
    place = ", ".join(str(x) for x in (m.get("venue"), m.get("city"), m.get("country")) if x)
    part_of = link(f"{m['part_of']}.html", m["part_of"]) if m.get("part_of") else "—"
    mid = esc(m["meeting_id"])
    return (
        f'<section class="meeting" id="{mid}" aria-labelledby="h-{mid}">'
        f'<h3 id="h-{mid}">{esc(m["label"])}</h3>'
        f'<dl class="facts"><dt>When</dt><dd>{esc(_when(m))}</dd>'
        f"<dt>Where</dt><dd>{esc(place or '—')}</dd>"
        f"<dt>Format</dt><dd>{esc(m.get('format'))}</dd><dt>Status</dt><dd>{esc(m['status'])}</dd>"
        f"<dt>Part of</dt><dd>{part_of}</dd></dl>"
        f"<h4>Participants</h4><ul>{who or '<li>none named</li>'}</ul>"
        f"<h4>Reported by</h4><ul>{reports}</ul>"
        f"<h4>Evidence ({len(evidence)})</h4><ul>{ev}</ul></section>\n"
    )


def _links(package: Package) -> tuple[dict[str, list[Row]], dict[str, list[Row]]]:
    """Participants and evidence sentences of each meeting, in a fixed order."""
    parts: dict[str, list[Row]] = defaultdict(list)
    for p in sorted(
        package.rows("meeting_participants"),
        key=lambda p: (p["meeting_id"], p["role"], p["entity_id"]),
    ):
        parts[p["meeting_id"]].append(p)
    evidence: dict[str, list[Row]] = defaultdict(list)
    for e in sorted(
        package.rows("meeting_mentions"),
        key=lambda e: (e["meeting_id"], e["article_id"], e["start"], e["end"]),
    ):
        evidence[e["meeting_id"]].append(e)
    return parts, evidence


def meetings_page(package: Package) -> str:
    meetings = _sorted_meetings(package)
    parts, _ = _links(package)
    rows = (
        (
            link(meeting_href("", m["meeting_id"]), m["label"]),
            esc(_when(m)),
            esc(m.get("city")),
            esc(m.get("format")),
            f'<span class="status s-{esc(m["status"])}">{esc(m["status"])}</span>',
            esc(len(parts[m["meeting_id"]])),
            esc(m.get("article_count")),
        )
        for m in meetings
    )
    body = _timeline(meetings) + table(
        ("Meeting", "When", "City", "Format", "Status", "Participants", "Articles"),
        rows,
        caption=f"{len(meetings)} meetings",
        attrs=' id="meetings-table"',
    )
    return page("Meetings", body, charts=True, current="meetings.html")


def meeting_pages(package: Package) -> dict[str, str]:
    """meetings/<meeting_id>.html for every meeting."""
    names = {e["entity_id"]: e["name"] for e in package.rows("entities")}
    parts, evidence = _links(package)
    return {
        meeting_href("", m["meeting_id"]): page(
            m["label"],
            _section(m, parts[m["meeting_id"]], evidence[m["meeting_id"]], names),
            prefix="../",
            current="meetings.html",
        )
        for m in _sorted_meetings(package)
    }


def met_page(package: Package) -> str:
    names = {e["entity_id"]: e["name"] for e in package.rows("entities")}
    labels = {m["meeting_id"]: m["label"] for m in package.rows("meetings")}
    members: dict[str, set[str]] = defaultdict(set)
    for p in package.rows("meeting_participants"):
        if p["role"] != "absent":
            members[p["meeting_id"]].add(p["entity_id"])
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    count: dict[str, int] = defaultdict(int)
    for meeting_id, who in sorted(members.items()):
        for e in who:
            count[e] += 1
        for a, b in combinations(sorted(who), 2):
            pairs[a, b].append(meeting_id)
            pairs[b, a].append(meeting_id)
    shown = sorted(count, key=lambda e: (-count[e], names.get(e, e)))[:MATRIX_MAX]
    head = "".join(
        f'<th scope="col"><span class="vert">{esc(names.get(e, e))}</span></th>' for e in shown
    )
    lines = []
    for a in shown:
        cells = []
        for b in shown:
            met = pairs.get((a, b), [])
            if a == b or not met:
                cells.append('<td class="empty"></td>')
                continue
            title = "; ".join(labels.get(m, m) for m in met)
            cells.append(
                f'<td class="hit">{link(meeting_href("", met[0]), len(met), title=title)}</td>'
            )
        lines.append(f'<tr><th scope="row">{esc(names.get(a, a))}</th>{"".join(cells)}</tr>\n')
    note = (
        f"<p>Meetings shared by each pair of participants (hosts included, absentees not); "
        f"the {len(shown)} of {len(count)} participants in most meetings. A number links to the "
        "first of their meetings; its tooltip names them all.</p>\n"
    )
    body = note + (
        f'<div class="scroll"><table class="matrix"><thead><tr><td></td>{head}</tr></thead>\n'
        f"<tbody>\n{''.join(lines)}</tbody></table></div>\n"
    )
    return page("Who met whom", body, current="met.html")
