"""The dev/fresh split of the real-article corpus (../shared/corpus/dev), by a fixed rule.

    python bench/split.py            # print the split the rule gives
    python bench/split.py --write    # write tests/data/gold/split.yaml

Rule (written down before any rule of the annotator was drawn from these texts): the articles
are grouped by outlet family (BBC, every other outlet), each group is ordered by the SHA-256 of
the file name, and the articles at positions 1, 4, 7, ... (index % 3 == 1) of each group form the
`fresh` split; all others are `dev`. Grouping keeps BBC, which is more than half of the corpus,
from filling `fresh` alone; the hash keeps the choice out of anyone's hands.

`fresh` articles are read only to write their gold and scored only to report: no rule,
vocabulary entry or test may be written from what a fresh article shows. An article whose failure
led to a fix moves to `dev` (listed under `moved_to_dev` with the reason) and stays there.
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
SPLIT = ROOT / "tests" / "data" / "gold" / "split.yaml"


def family(outlet: str | None) -> str:
    return "bbc" if (outlet or "").startswith("BBC") else "other"


def split_by_rule(sources: dict[str, dict[str, object]]) -> dict[str, str]:
    """File name -> 'dev' or 'fresh'."""
    groups: dict[str, list[str]] = {}
    for name, entry in sources.items():
        groups.setdefault(family(str(entry.get("outlet") or "")), []).append(name)
    result: dict[str, str] = {}
    for names in groups.values():
        ordered = sorted(names, key=lambda n: hashlib.sha256(n.encode("utf-8")).hexdigest())
        for i, name in enumerate(ordered):
            result[name] = "fresh" if i % 3 == 1 else "dev"
    return dict(sorted(result.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write tests/data/gold/split.yaml")
    args = parser.parse_args()
    sources = yaml.safe_load((CORPUS / "sources.yaml").read_text(encoding="utf-8"))
    split = split_by_rule(sources)
    if args.write:
        header = (
            "# The dev/fresh split of ../shared/corpus/dev, made by bench/split.py (rule in its\n"
            "# docstring): per outlet family (BBC, other), ordered by sha256 of the file name,\n"
            "# index % 3 == 1 -> fresh. Fresh articles are read only to write their gold and\n"
            "# scored only to report; no rule is drawn from them. An article moved to dev after a\n"
            "# fix made because of it is listed under moved_to_dev with the reason.\n"
        )
        body = {
            "rule": "outlet family, sha256(file name) order, index % 3 == 1 -> fresh",
            "moved_to_dev": {},
            "articles": split,
        }
        SPLIT.write_text(header + yaml.safe_dump(body, sort_keys=False), encoding="utf-8")
    for name, part in split.items():
        print(f"{part:5}  {name}")


if __name__ == "__main__":
    main()
