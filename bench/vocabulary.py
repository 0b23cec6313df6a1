"""How much of the gold's proposal evidence the knowledge files' vocabulary can see at all.

For every gold term (each of its evidence spans) and every gold position (its span): does the
span hold a wording of its code that the codebook's `patterns` match (the stage's own matcher,
`detect.codes_in`, with `yields_to`), and does it hold a proposal or stance cue of
`proposal_cues.yaml`? No prediction is read: this bounds what the proposals stage can find
from the vocabulary alone, per split. A share far below another split's says the vocabulary
was written from the articles it reads well (measured 2026-12-07: codebook wording in 0.94 of
dev's term evidence, 0.49 of the held-out split's).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from gold import GoldArticle

from talkspkg.stages.proposals.cues import load_cues
from talkspkg.stages.proposals.detect import codes_in


@cache
def _cues() -> tuple[Any, ...]:
    cues = load_cues()
    return tuple(p for c in (*cues.proposal_cues, *cues.stance_cues) for p in c.patterns)


def _cued(text: str, start: int, end: int) -> bool:
    return any(p.search(text, start, end) for p in _cues())


def coverage(golds: list[GoldArticle]) -> dict[str, dict[str, int]]:
    """Per table (terms, positions): rows, rows whose evidence holds the code's wording, a cue,
    both."""
    out = {t: {"rows": 0, "wording": 0, "cue": 0, "both": 0} for t in ("terms", "positions")}
    for gold in golds:
        text = gold.text
        proposals = gold.data.get("proposals") or {}
        rows = [
            ("terms", t["code"], [(e["start"], e["end"]) for e in t.get("evidence") or []])
            for t in proposals.get("terms") or []
        ] + [
            ("positions", p["code"], [(p["start"], p["end"])])
            for p in proposals.get("positions") or []
        ]
        for table, code, spans in rows:
            wording = any(code in codes_in(text, s, e) for s, e in spans)
            cue = any(_cued(text, s, e) for s, e in spans)
            tally = out[table]
            tally["rows"] += 1
            tally["wording"] += wording
            tally["cue"] += cue
            tally["both"] += wording and cue
    return out
