"""proposals.html: codebook terms × actors, each cell the actor's stances linking to evidence."""

from __future__ import annotations

from collections import defaultdict

from talkspkg.site.html import esc, link, page, span_href
from talkspkg.site.load import Package, Row

ACTORS_MAX = 30


def proposals_page(package: Package) -> str:
    names = {e["entity_id"]: e["name"] for e in package.rows("entities")}
    labels = {c["code"]: c["label"] for c in package.rows("codebook")}
    code_of = {t["term_id"]: t["code"] for t in package.rows("proposal_terms")}
    cells: dict[tuple[str, str], list[Row]] = defaultdict(list)
    actors: dict[str, int] = defaultdict(int)
    for p in package.rows("term_positions"):
        code = code_of.get(p["term_id"], p["term_id"])
        cells[code, p["entity_id"]].append(p)
        actors[p["entity_id"]] += 1
    shown = sorted(actors, key=lambda e: (-actors[e], names.get(e, e)))[:ACTORS_MAX]
    codes = sorted({code for code, _ in cells})
    head = "".join(f'<th scope="col">{esc(names.get(e, e))}</th>' for e in shown)
    lines = []
    for code in codes:
        row = []
        for e in shown:
            here = sorted(
                cells.get((code, e), []),
                key=lambda p: (p["article_id"], p["start"], p["end"], p["term_id"]),
            )
            row.append(
                "<td>"
                + " ".join(
                    link(
                        span_href("", p["article_id"], p["start"], p["end"]),
                        p["stance"],
                        class_=f"stance st-{p['stance']}",
                        title=p["text"],
                    )
                    for p in here
                )
                + "</td>"
            )
        lines.append(
            f'<tr><th scope="row">{esc(labels.get(code, code))} <small>{esc(code)}</small></th>'
            f"{''.join(row)}</tr>\n"
        )
    body = (
        f"<p>{len(codes)} codebook terms with a stated position, by the {len(shown)} actors "
        "holding most positions. Each stance links to its evidence sentence.</p>\n"
        '<div class="scroll"><table class="matrix terms"><thead><tr>'
        f'<th scope="col">Term</th>{head}</tr></thead>\n'
        f"<tbody>\n{''.join(lines)}</tbody></table></div>\n"
    )
    return page("Proposals: terms and positions", body, current="proposals.html")
