"""Evaluate the `quotes` stage against the hand-checked gold of tests/data/quotes_gold.yaml.

    python bench/eval_quotes.py [--verbose]

Reports, per set of the gold file: `seed` (raw/*.txt), and three batches of unseen articles
(tests/data/quotes_unseen/*.txt) in other outlets' styles: `unseen` (used to find general
weaknesses after its first run, so optimistic), `holdout` (one vocabulary fix after its first run)
and `fresh` (run once, nothing tuned on it: the honest measure). Figures: detection precision and
recall (a quotation counts when its
text is exactly the gold text: span policy included), and speaker accuracy on the quotations
found (speaker_id equal to the gold id; for an unnamed speaker, also speaker_text equal to the
gold phrase). `--verbose` lists every miss, spurious quotation and wrong speaker.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from talkspkg.document import Article
from talkspkg.kb import load_knowledge
from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile, read_raw
from talkspkg.stages.mentions import mentions
from talkspkg.stages.quotes import Quote, quotes

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "quotes_gold.yaml"
UNSEEN = ROOT / "tests" / "data" / "quotes_unseen"


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    found: int = 0
    speaker_right: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.found / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.found if self.found else 1.0


def load_gold(path: Path = GOLD) -> dict[str, dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["articles"]


def load_articles() -> dict[str, Article]:
    """Seed and unseen articles by id."""
    articles = {r.article_id: make_article(r) for r in read_raw(ROOT / "raw")}
    for path in sorted(UNSEEN.glob("*.txt")):
        raw = RawFile(
            Path("raw") / path.name, path.stem, path.read_text(encoding="utf-8"), "0" * 64
        )
        articles[path.stem] = make_article(raw)
    return articles


def speaker_right(q: Quote, gold: dict[str, Any]) -> bool:
    if q.speaker_id != gold.get("speaker"):
        return False
    return gold.get("speaker") is not None or q.speaker_text == gold.get("speaker_text")


def score(article_id: str, predicted: list[Quote], gold: list[dict[str, Any]], into: Score) -> None:
    into.gold += len(gold)
    into.predicted += len(predicted)
    unmatched = list(gold)
    for q in predicted:
        match = next((g for g in unmatched if g["text"] == q.text), None)
        if match is None:
            into.problems.append(f"{article_id}: spurious {q.text!r} ({q.speaker_id}, {q.rule})")
            continue
        unmatched.remove(match)
        into.found += 1
        if speaker_right(q, match):
            into.speaker_right += 1
        else:
            want = match.get("speaker") or f"None/{match.get('speaker_text')!r}"
            into.problems.append(
                f"{article_id}: {q.text[:50]!r} speaker {q.speaker_id}/{q.speaker_text!r} "
                f"({q.rule}), want {want}"
            )
    for g in unmatched:
        into.problems.append(f"{article_id}: missed {g['text']!r}")


def evaluate() -> dict[str, Score]:
    kb = load_knowledge()
    articles = load_articles()
    scores: dict[str, Score] = {}
    for article_id, entry in load_gold().items():
        article = articles[article_id]
        found = quotes(article, kb, mentions(article, kb))
        score(article_id, found, entry["quotes"], scores.setdefault(entry["set"], Score()))
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every error")
    args = parser.parse_args()
    print(
        f"{'set':<8} {'gold':>5} {'pred':>5} {'found':>6} {'precision':>10} {'recall':>7} "
        f"{'speaker':>8}"
    )
    for name, s in evaluate().items():
        print(
            f"{name:<8} {s.gold:>5} {s.predicted:>5} {s.found:>6} {s.precision:>10.3f} "
            f"{s.recall:>7.3f} {s.speaker_accuracy:>8.3f}"
        )
        if args.verbose:
            for problem in s.problems:
                print(f"  - {problem}")


if __name__ == "__main__":
    main()
