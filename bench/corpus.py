"""Synthetic corpus: N realistic articles recombined and varied from the paragraphs of raw/.

Each article takes the header layout of one seed (headline, byline, date lines) and a random
sample of body paragraphs from all seeds, then varies them so every stage has real work: people
swapped for other curated people, weekdays and dates shifted, straight and curly quotes
exchanged, and an unknown person with a role phrase added. Deterministic for a given seed.

    python bench/corpus.py N OUT_DIR [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from talkspkg.document import SegmentKind
from talkspkg.kb import load_knowledge
from talkspkg.pipeline import make_article
from talkspkg.raw import read_raw

ROOT = Path(__file__).resolve().parent.parent
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["March", "April", "May", "June"]
GIVEN = ["Olena", "Marta", "Jonas", "Pekka", "Ines", "Tomasz", "Aiko", "Rafael", "Leyla", "Nils"]
FAMILY = ["Koval", "Lindqvist", "Moreau", "Nowak", "Haddad", "Brandt", "Sato", "Okafor", "Rossi"]
ROLES = [
    "Finnish Foreign Minister",
    "Polish Deputy Prime Minister",
    "Turkish envoy",
    "Estonian President",
    "Norwegian State Secretary",
    "Swiss mediator",
]


def seed_parts() -> tuple[list[list[str]], list[str]]:
    headers, body = [], []
    for raw in read_raw(ROOT / "raw"):
        article = make_article(raw)
        head = []
        for seg in article.meta.segments:
            line = raw.text[seg.start : seg.end]
            if seg.kind in (SegmentKind.BODY, SegmentKind.SUBHEADING):
                body.append(line)
            elif seg.kind in (SegmentKind.HEADLINE, SegmentKind.BYLINE, SegmentKind.PUBLISHED):
                head.append(line)
        headers.append(head)
    return headers, body


def vary(paragraph: str, rng: random.Random, people: list[tuple[str, str]]) -> str:
    for name, _ in rng.sample(people, k=2):
        victim = rng.choice(people)[0]
        paragraph = paragraph.replace(victim, name)
    paragraph = re.sub(
        r"\b(" + "|".join(WEEKDAYS) + r")\b", lambda _: rng.choice(WEEKDAYS), paragraph
    )
    paragraph = re.sub(
        r"\b(April) (\d{1,2})\b", lambda m: f"{rng.choice(MONTHS)} {rng.randint(1, 28)}", paragraph
    )
    if rng.random() < 0.5:
        paragraph = paragraph.replace("“", '"').replace("”", '"')
    return paragraph


def generate(n: int, out: Path, seed: int = 0) -> None:
    rng = random.Random(seed)
    headers, body = seed_parts()
    kb = load_knowledge()
    people = sorted(
        (e.name, e.entity_id) for e in kb.entities.values() if e.entity_type == "person"
    )
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        lines = list(rng.choice(headers))
        paragraphs = [
            vary(p, rng, people) for p in rng.sample(body, k=min(len(body), rng.randint(8, 20)))
        ]
        unknown = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        paragraphs.insert(
            1,
            f"{rng.choice(ROLES)} {unknown} said on {rng.choice(WEEKDAYS)} that "
            f'"the talks must go on", adding that peace was possible.',
        )
        text = "\n".join(lines) + "\n\n" + "\n\n".join(paragraphs) + "\n"
        (out / f"synthetic-{i:06d}.txt").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    generate(args.n, args.out, args.seed)


if __name__ == "__main__":
    main()
