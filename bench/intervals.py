"""How far a split's figures can be trusted: an interval per figure, by resampling articles.

A figure of nine articles moves a lot with which nine were chosen. Articles are the unit the
gold was sampled in, so the interval resamples them: `RESAMPLES` draws of as many articles as
the split has, with replacement (the same article may come twice), each scored on the same
build with bench/score.py's rules, and the central `LEVEL` share of the draws' values kept
(a percentile bootstrap). The draws are seeded: the same build gives the same intervals. A
figure a draw cannot compute (no gold row of its kind among the drawn articles) is left out of
that draw. Read an interval as "another sample of as many such articles would likely score
within it", not as the annotator's error bars on every text.
"""

from __future__ import annotations

import random
from typing import Any

from gold import GoldArticle
from score import FIGURES, Package, score_split

RESAMPLES = 400
LEVEL = 0.90
SEED = 2025


def intervals(
    golds: list[GoldArticle], package: Package, resamples: int = RESAMPLES, seed: int = SEED
) -> dict[str, list[float] | None]:
    """figure -> [low, high] (the central LEVEL of the resampled values), or None when fewer
    than half the draws could compute it."""
    rng = random.Random(seed)
    values: dict[str, list[float]] = {name: [] for name, _label in FIGURES}
    for _ in range(resamples):
        draw = [golds[rng.randrange(len(golds))] for _ in golds]
        figures = score_split(draw, package)["figures"]
        for name, value in figures.items():
            if value is not None:
                values[name].append(float(value))
    return {name: _central(found, resamples) for name, found in values.items()}


def _central(found: list[float], resamples: int) -> list[float] | None:
    if len(found) < resamples / 2:
        return None
    found.sort()
    tail = (1 - LEVEL) / 2
    low = found[int(tail * (len(found) - 1))]
    high = found[round((1 - tail) * (len(found) - 1))]
    return [round(low, 4), round(high, 4)]


def interval_table(current: dict[str, Any], splits: list[str], shown: tuple[str, ...]) -> list[str]:
    """The intervals of the `shown` figures, one column per split (markdown lines)."""
    stored = current.get("intervals") or {}
    labels = dict(FIGURES)
    lines = [
        "| figure | " + " | ".join(splits) + " |",
        "|---|" + "---:|" * len(splits),
    ]
    for name in shown:
        cells = []
        for split in splits:
            value = current["splits"][split].get(name)
            span = (stored.get(split) or {}).get(name)
            if value is None or span is None:
                cells.append("—")
            elif isinstance(value, int):
                cells.append(f"{value} ({span[0]:.0f}–{span[1]:.0f})")
            else:
                cells.append(f"{value:.2f} ({span[0]:.2f}–{span[1]:.2f})")
        lines.append(f"| {labels[name]} | " + " | ".join(cells) + " |")
    return lines
