"""Hand-checked gold of the quality harness: where it lives, how it is read, how it is anchored.

    python bench/gold.py anchor DRAFT.yaml [--out tests/data/gold/ID.yaml]
    python bench/gold.py check                     # every gold file against its source text
    python bench/gold.py show ID [--table quotes]  # gold with the text of every span (local use)
    python bench/gold.py anchor DIR/DRAFT.yaml --folder DIR   # a folder of your own articles

A *folder* (`--folder DIR`, here and in quality.py) holds articles of your own with their gold
side by side (`DIR/<id>.txt`, `DIR/<id>.yaml`, optional `DIR/sources.yaml`): a maintainer's
check of a new outlet, or a test set written by someone other than the rule's author.

Gold files (`tests/data/gold/<article_id>.yaml`, guideline in tests/data/gold/README.md) store
spans as offsets plus `sha`, the first 8 hex digits of the SHA-256 of raw_text[start:end], never
long copies of the publishers' text. Drafts, written outside the repository, give each span as
`text:` (plus `occurrence: N`, 1-based, when the string occurs more than once), or for a long
span as `from:` its first words and `to:` its last words; `anchor` turns them into offsets and
refuses a string that is absent or ambiguous.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "data" / "gold"
CORPUS_DIR = ROOT.parent / "shared" / "corpus" / "dev"
SEEDS_DIR = ROOT / "raw"
SPAN_KEYS = ("start", "end", "sha")


class GoldError(Exception):
    """A gold file that does not fit its source text."""


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def source_path(gold: dict[str, Any], folder: Path | None = None) -> Path:
    """The gold's source text: in `folder` when the gold lives in one, else seeds or corpus."""
    if folder is None:
        folder = SEEDS_DIR if gold["split"] == "seed" else CORPUS_DIR
    return folder / gold["file"]


def read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def spans(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every mapping in a gold tree that carries a span (`start`/`end` or a draft's `text`)."""
    if isinstance(node, dict):
        if ("start" in node and "end" in node) or "text" in node or "from" in node:
            yield where, node
        for key, value in node.items():
            yield from spans(value, f"{where}.{key}" if where else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from spans(value, f"{where}[{i}]")


def anchor(draft: dict[str, Any], text: str) -> dict[str, Any]:
    """Replace each `text` (+ `occurrence`) of a draft by `start`, `end`, `sha`, in place."""
    problems: list[str] = []
    for where, node in list(spans(draft)):
        if "from" in node:
            try:
                node["text"] = _from_to(text, node.pop("from"), node.pop("to"), node)
            except (KeyError, ValueError) as exc:
                problems.append(f"{where}: {exc}")
                continue
        if "text" not in node:
            continue
        needle = node["text"]
        if not isinstance(needle, str) or not needle:
            problems.append(f"{where}: text must be a non-empty string")
            continue
        found = [i for i in _occurrences(text, needle)]
        occurrence = node.get("occurrence")
        if not found:
            problems.append(f"{where}: not in the article: {needle[:60]!r}")
            continue
        if occurrence is None and len(found) > 1:
            problems.append(
                f"{where}: occurs {len(found)} times, add `occurrence: N`: {needle[:60]!r}"
            )
            continue
        index = (occurrence or 1) - 1
        if not 0 <= index < len(found):
            problems.append(f"{where}: occurrence {occurrence} of {len(found)}: {needle[:60]!r}")
            continue
        start = found[index]
        rest = {k: v for k, v in node.items() if k not in ("text", "occurrence")}
        node.clear()
        node.update({"start": start, "end": start + len(needle), "sha": sha(needle)}, **rest)
    if problems:
        raise GoldError("\n".join(problems))
    return draft


def _from_to(text: str, first: str, last: str, node: dict[str, Any]) -> str:
    """The text from the `occurrence`-th `first` to the end of the next `last` after it."""
    found = list(_occurrences(text, first))
    occurrence = node.pop("occurrence", None)
    if not found:
        raise ValueError(f"`from` not in the article: {first[:60]!r}")
    if occurrence is None and len(found) > 1:
        raise ValueError(f"`from` occurs {len(found)} times, add `occurrence: N`: {first[:60]!r}")
    begin = found[(occurrence or 1) - 1]
    stop = text.find(last, begin)
    if stop < 0:
        raise ValueError(f"`to` not after `from`: {last[:60]!r}")
    result = text[begin : stop + len(last)]
    node["occurrence"] = list(_occurrences(text, result)).index(begin) + 1
    return result


def _occurrences(text: str, needle: str) -> Iterator[int]:
    i = text.find(needle)
    while i >= 0:
        yield i
        i = text.find(needle, i + 1)


def verify(gold: dict[str, Any], text: str) -> list[str]:
    """Problems of one gold file: spans out of range or whose text changed."""
    problems = []
    if gold.get("sha256") != hashlib.sha256(text.encode("utf-8")).hexdigest():
        problems.append("the source file's sha256 differs from the gold's: re-check the gold")
    for where, node in spans(gold):
        if "text" in node:
            problems.append(f"{where}: unanchored draft span")
            continue
        start, end = node["start"], node["end"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            problems.append(f"{where}: bad offsets {start}-{end}")
        elif sha(text[start:end]) != node.get("sha"):
            problems.append(f"{where}: text at {start}-{end} does not match its sha")
    return problems


@dataclass(frozen=True)
class GoldArticle:
    article_id: str
    split: str
    path: Path
    text: str
    data: dict[str, Any]

    def span_text(self, node: dict[str, Any]) -> str:
        return self.text[node["start"] : node["end"]]


def load_gold(splits: set[str] | None = None, folder: Path | None = None) -> list[GoldArticle]:
    """Every gold article (optionally of some splits), verified against its source; with
    `folder`, the gold files of that folder, whose sources lie beside them."""
    result = []
    for path in sorted((folder or GOLD_DIR).glob("*.yaml")):
        if path.name in ("split.yaml", "sources.yaml"):
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "sha256" not in data:
            continue  # a folder may hold other YAML, such as the drafts anchored into it
        if splits is not None and data["split"] not in splits:
            continue
        src = source_path(data, folder)
        text = read_text(src)
        problems = verify(data, text)
        if problems:
            raise GoldError(f"{path.name}:\n  " + "\n  ".join(problems))
        result.append(GoldArticle(data["article"], data["split"], src, text, data))
    return result


def _show(article_id: str, table: str | None) -> None:
    for gold in load_gold():
        if gold.article_id != article_id:
            continue
        for where, node in spans(gold.data):
            if table is None or where.startswith(table):
                print(f"{where}: {gold.span_text(node)!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description="Anchor, check or show the gold files.")
    sub = parser.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("anchor")
    a.add_argument("draft", type=Path)
    a.add_argument("--out", type=Path)
    a.add_argument("--folder", type=Path, help="the draft's source lies in this folder")
    sub.add_parser("check")
    s = sub.add_parser("show")
    s.add_argument("article_id")
    s.add_argument("--table")
    args = parser.parse_args()
    try:
        if args.cmd == "anchor":
            draft = yaml.safe_load(args.draft.read_text(encoding="utf-8"))
            text = read_text(source_path(draft, args.folder))
            head = {k: draft.pop(k) for k in ("article", "file", "split") if k in draft}
            head["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
            draft.pop("sha256", None)
            ordered = head | anchor(draft, text)
            out = yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True, width=100)
            header = "# Gold annotation: guideline and format in tests/data/gold/README.md\n"
            if args.out:
                args.out.write_text(header + out, encoding="utf-8")
            else:
                sys.stdout.write(header + out)
        elif args.cmd == "check":
            golds = load_gold()
            print(f"{len(golds)} gold files match their sources")
        else:
            _show(args.article_id, args.table)
    except GoldError as exc:
        sys.exit(f"error: {exc}")


if __name__ == "__main__":
    main()
