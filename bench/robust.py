"""How much the annotator relies on knowing names: the gold articles with their people renamed.

    python bench/robust.py [--split seeds|dev] [--keep-kb-names] [--verbose] [--json]
    python bench/robust.py --write-doc      # regenerate docs/ROBUSTNESS.md (seeds and dev)

Later months of the war bring envoys, ministers and negotiators the knowledge base has never
heard of. To measure how the annotator would do on them, every gold person of an article is
renamed: each of their name forms (full name, knowledge-base spellings, surname, given name
where it stands alone, possessives and upper-case forms with them) is replaced, consistently
through the article, by an invented given + family name drawn from fixed lists of plausible
names that neither the knowledge base nor any seed or dev article contains (deterministic per
person id, the same person keeps one invented name in every article). The transformed text goes
to a temporary raw folder; every gold span is carried through the replacement's offset map
(`apply_edits`), and every gold person id becomes the id the annotator gives a discovered
person: the slug of the name the renamed article writes (bench/score.py's EntityMap matches a
predicted person by id or by the slug of its name). Both the unchanged and the renamed split
are built with the real `talkspkg build` and scored by bench/score.py, side by side.

`--keep-kb-names` renames only the people the knowledge base does not list (a check of the
harness itself: their names were unknown anyway, so the figures should hardly move).
Only the seeds and the dev split are ever read: the fresh split is neither renamed nor scored.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gold import CORPUS_DIR, GOLD_DIR, ROOT, SEEDS_DIR, GoldArticle, read_text, sha, spans, verify
from quality_doc import _fmt
from score import FIGURES, Package, score_split

from talkspkg.kb import load_knowledge
from talkspkg.textutil import slug

SPLITS = ("seeds", "dev")
ROBUST_DOC = ROOT / "docs" / "ROBUSTNESS.md"
# the figures the comparison shows (the names-dependent ones of bench/quality.py's table)
SHOWN = (
    "persons.precision",
    "persons.recall",
    "quotes.precision",
    "quotes.recall",
    "quotes.speaker_accuracy",
    "quotes.confident_share",
    "quotes.confident_accuracy",
    "meetings.precision",
    "meetings.recall",
    "meetings.participant_precision",
    "meetings.participant_recall",
    "proposals.proposer_accuracy",
    "terms.f1",
    "positions.f1",
)
LABELS = dict(FIGURES)

# -- invented names -----------------------------------------------------------------------------


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split())


GIVEN_NAMES = _names(
    "Arvid Teodor Maren Oskar Lucian Milena Dorian Halvard Ilse Corin Anselm Beatrix "
    "Casimir Delphine Emeric Fenna Gideon Hester Ivo Jolanda Leopold Mirela Nikodem Orla "
    "Quirin Rosalind Severin Tamsin Ulrik Vesna Wendel Xaver Yolanda Zoltan Bogdana "
    "Cyprian Danica Edvard Florin Greta Horatio Ilona Jarek Kveta Laszlo Marit Nils Odile "
    "Piers Radka Stellan Tiberiu Ursin Valdis Wilhelmina Yaroslava Zdenek Ambrose Benedek "
    "Clement Dagny Elspeth Fabian Gunnar Henrike Isolde Jasper Kolya Linnea Matthias "
    "Nadira Osric Rune Sabine Tobias Ulla Viggo Yannick Zofia Aurel Bronislav Cosmin "
    "Dariusz Evander Filippa Gervase Hanne Ignatius Kornel Ludmila Mikkel Ottokar Rasmus "
    "Solveig Valeriu Wojciech Yevhenia Zenon Albin Brigida Crispin Dorota Eamon Fridtjof "
    "Gwendolyn Imre Jovana Magnus Nerea Ottavio Roald Svea Thorvald Vilja Anneliese Bertil "
    "Cosima Desmond Eskil Folke Gisela"
)
# family names: a prefix and a suffix (Halwick, Marenko, Dalecki, ...), 16 x 12 of them
_FAMILY_PREFIXES = _names("Hal Mar Bren Cor Dal Fen Gar Lind Ost Rav Tor Wel Ash Kes Vor Sel")
_FAMILY_SUFFIXES = _names("wick ridge ton berg ford ley mont ovic enko sson ecki ard")
FAMILY_NAMES = tuple(p + s for p in _FAMILY_PREFIXES for s in _FAMILY_SUFFIXES)
_PARTICLES = frozenset({"bin", "von", "van", "de", "der", "da", "di", "al", "el", "Al", "De"})
_TITLES = frozenset({"Pope", "King", "Queen", "Prince", "Sheikh", "Emir", "Sultan"})


def _hash(*parts: str) -> int:
    return int(hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest(), 16)


def fold(text: str) -> str:
    """Diacritics dropped ("Radosław" -> "Radoslaw"), other characters kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ł", "l")


_CAP_WORD = re.compile(r"[A-ZÀ-Þ][\w’'-]*")


def forbidden_words(texts: Iterable[str]) -> set[str]:
    """Words an invented name must not be: any word of a knowledge-base surface (name, alias,
    title, metonym) and any capitalised word of the given texts."""
    kb = load_knowledge()
    words: set[str] = set()
    for entity in kb.entities.values():
        for surface in (*entity.surfaces, *entity.titles, *entity.metonyms):
            words.update(fold(w) for w in re.split(r"[\s-]+", surface) if w)
    for text in texts:
        words.update(fold(w) for w in _CAP_WORD.findall(text))
    return words


def invent_names(person_ids: Iterable[str], forbidden: set[str]) -> dict[str, tuple[str, str]]:
    """person id -> (given, family), deterministic per id: a hash of the id picks a start in
    each list, the first name not forbidden and not yet taken (ids in sorted order) wins."""
    given_ok = [g for g in GIVEN_NAMES if g not in forbidden]
    family_ok = [f for f in FAMILY_NAMES if f not in forbidden]
    taken_given: set[str] = set()
    taken_family: set[str] = set()
    result: dict[str, tuple[str, str]] = {}
    for pid in sorted(set(person_ids)):
        picks = []
        for pool, taken, salt in ((given_ok, taken_given, "given"), (family_ok, taken_family, "f")):
            if len(taken) >= len(pool):
                raise SystemExit(f"out of invented {salt} names ({len(pool)})")
            i = _hash(pid, salt) % len(pool)
            while pool[i] in taken:
                i = (i + 1) % len(pool)
            taken.add(pool[i])
            picks.append(pool[i])
        result[pid] = (picks[0], picks[1])
    return result


# -- edits and their offset map -----------------------------------------------------------------

Edit = tuple[int, int, str]  # replace text[start:end] by the string


@dataclass(frozen=True)
class OffsetMap:
    """Old offsets -> new ones for a set of non-overlapping edits.

    A span [s, e) of the old text maps to the smallest span of the new text holding what its
    characters became: an edit wholly inside the span is inside the new one, a boundary that
    falls strictly inside an edited stretch widens to that edit's whole replacement, and a pure
    insertion at a boundary stays outside the span.
    """

    edits: tuple[Edit, ...]
    starts: tuple[int, ...] = field(init=False)
    ends: tuple[int, ...] = field(init=False)
    shift: tuple[int, ...] = field(init=False)  # total length change of edits[:i]

    def __post_init__(self) -> None:
        shift, total = [0], 0
        for start, end, new in self.edits:
            total += len(new) - (end - start)
            shift.append(total)
        object.__setattr__(self, "starts", tuple(s for s, _e, _n in self.edits))
        object.__setattr__(self, "ends", tuple(e for _s, e, _n in self.edits))
        object.__setattr__(self, "shift", tuple(shift))

    def _inside(self, offset: int) -> int | None:
        i = bisect_left(self.starts, offset) - 1  # the last edit starting before offset
        if i >= 0 and self.starts[i] < offset < self.ends[i]:
            return i
        return None

    def start(self, offset: int) -> int:
        """Where a span starting at `offset` starts in the new text."""
        i = self._inside(offset)
        if i is not None:  # inside an edit: the whole replacement
            return self.starts[i] + self.shift[i]
        return offset + self.shift[bisect_right(self.ends, offset)]

    def end(self, offset: int) -> int:
        """Where a span ending at `offset` (exclusive) ends in the new text."""
        i = self._inside(offset)
        if i is not None:
            return self.ends[i] + self.shift[i + 1]
        n = bisect_left(self.ends, offset)  # edits ending before offset ...
        while n < len(self.edits) and self.ends[n] == offset and self.starts[n] < offset:
            n += 1  # ... and non-empty ones ending at it; an insertion at it stays outside
        return offset + self.shift[n]

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.start(start), max(self.start(start), self.end(end))


def apply_edits(text: str, edits: Sequence[Edit]) -> tuple[str, OffsetMap]:
    """The text with the edits applied, and the map of old offsets to new ones."""
    ordered = tuple(sorted(edits, key=lambda e: (e[0], e[1])))
    for (s1, e1, _), (s2, e2, _) in pairwise(ordered):
        if s2 < e1 or (s1 == s2 == e1 == e2):
            raise ValueError(f"overlapping edits at {s1}-{e1} and {s2}-{e2}")
    for s, e, _ in ordered:
        if not 0 <= s <= e <= len(text):
            raise ValueError(f"edit {s}-{e} outside the text")
    parts, pos = [], 0
    for s, e, new in ordered:
        parts.append(text[pos:s])
        parts.append(new)
        pos = e
    parts.append(text[pos:])
    return "".join(parts), OffsetMap(ordered)


# -- renaming an article ------------------------------------------------------------------------

PERSON_KEYS = ("speaker", "issuers", "participants", "host", "absent", "entity", "proposer")


def name_forms(name: str, given: str, family: str) -> dict[str, str]:
    """Surface forms of one written name -> their invented replacement: the full name, the
    family part (with its particles: "von der Leyen", "bin Salman") and its last word, and the
    given name (first word) for `given_forms` to decide on."""
    words = name.split()
    forms: dict[str, str] = {}
    if words and words[0] in _TITLES and len(words) > 1:  # "Pope Leo XIV": Pope Given Family
        forms[name] = f"{words[0]} {given} {family}"
        forms[" ".join(words[1:])] = f"{given} {family}"
        words = words[1:]
        if len(words) == 1:
            forms[words[0]] = given
            return forms
    if len(words) == 1:
        forms[words[0]] = family
        return forms
    forms[" ".join(words)] = f"{given} {family}"
    last = len(words) - 1
    while last > 1 and words[last - 1] in _PARTICLES:
        last -= 1
    forms[" ".join(words[last:])] = family
    forms[words[-1]] = family
    return forms


@dataclass
class Renamed:
    """One gold article renamed: its new text and gold, and what was replaced."""

    gold: GoldArticle
    replaced: Counter[str]  # invented name -> occurrences written
    leftover: list[str]  # original family names still in the renamed text


def rename_article(
    gold: GoldArticle,
    names: dict[str, tuple[str, str]],
    kb_forms: dict[str, tuple[str, ...]],
    folder: Path,
    rename: set[str] | None = None,
) -> Renamed:
    """Rename the gold persons of one article (those in `rename`, default all) in its text and
    gold; the text is written to `folder` under the article's file name."""
    persons = [p for p in gold.data.get("persons") or [] if rename is None or p["id"] in rename]
    family_forms: dict[str, str] = {}
    given_forms: dict[str, set[str]] = {}
    for person in persons:
        given, family = names[person["id"]]
        written = [person["name"], *kb_forms.get(person["id"], ())]
        for name in written:
            for form, new in name_forms(name, given, family).items():
                family_forms.setdefault(form, new)
            words = name.split()
            if len(words) > 1 and words[0] not in _TITLES and "." not in words[0]:
                given_forms.setdefault(words[0], set()).add(given)
    # a given name stands for its person alone when no other person of the article has it
    # (as a given name or as any other form)
    forms = dict(family_forms)
    for word, new in given_forms.items():
        if len(new) == 1 and word not in forms and len(word) > 2:
            forms[word] = next(iter(new))
    for form, new in list(forms.items()):  # folded spellings and headline capitals
        forms.setdefault(fold(form), new)
    for form, new in list(forms.items()):
        if len(form) > 2:
            forms.setdefault(form.upper(), new.upper())
    text = gold.text
    edits: list[Edit] = []
    replaced: Counter[str] = Counter()
    pattern = None
    if forms:
        pattern = re.compile(
            r"(?<![^\W_])(?:"  # no letter or digit on either side ("_—Jane Doe_" is markdown)
            + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
            + r")(?![^\W_])"
        )
        for m in pattern.finditer(text):
            edits.append((m.start(), m.end(), forms[m.group()]))
            replaced[forms[m.group()]] += 1
    # the gold: spans through the map, person ids to the slug of their renamed name
    new_text, data = carry_gold(gold, edits)
    new_ids: dict[str, str] = {}
    for person in data.get("persons") or []:
        if rename is not None and person["id"] not in rename:
            continue
        new_name = person["name"]
        if pattern is not None:
            new_name = pattern.sub(lambda m: forms[m.group()], new_name)
        new_ids[person["id"]] = slug(new_name)
        person["id"], person["name"] = slug(new_name), new_name
    _remap_ids(data, new_ids)
    renamed = write_article(gold, new_text, data, folder)
    leftover = []
    for person in persons:
        last = person["name"].split()[-1]
        if len(last) > 3 and re.search(rf"(?<![^\W_]){re.escape(last)}(?![^\W_])", new_text):
            leftover.append(last)
    return Renamed(renamed, replaced, leftover)


def carry_gold(
    gold: GoldArticle, edits: Sequence[Edit], strict: bool = False
) -> tuple[str, dict[str, Any]]:
    """The article's text with the edits applied, and a copy of its gold whose every span is
    carried through them (offsets, `sha`, the file's `sha256`). `strict` refuses an edit that
    straddles a span's boundary, so that every span keeps exactly its own words."""
    new_text, offsets = apply_edits(gold.text, edits)
    data = copy.deepcopy(gold.data)
    for where, node in spans(data):
        if "start" in node and "end" in node:
            if strict:
                for s, e, _new in offsets.edits:
                    if s < node["start"] < e or s < node["end"] < e:
                        raise ValueError(
                            f"{gold.article_id} {where}: an edit at {s}-{e} "
                            f"straddles the span {node['start']}-{node['end']}"
                        )
            node["start"], node["end"] = offsets.span(node["start"], node["end"])
            node["sha"] = sha(new_text[node["start"] : node["end"]])
    data["sha256"] = hashlib.sha256(new_text.encode("utf-8")).hexdigest()
    return new_text, data


def write_article(
    gold: GoldArticle, new_text: str, data: dict[str, Any], folder: Path
) -> GoldArticle:
    """The transformed article written to `folder` under its file name, its gold checked."""
    problems = verify(data, new_text)
    if problems:
        raise SystemExit(f"{gold.article_id}: transformed gold does not fit: {problems[:3]}")
    path = folder / gold.path.name
    path.write_text(new_text, encoding="utf-8")
    return GoldArticle(gold.article_id, gold.split, path, new_text, data)


def _remap_ids(node: Any, new_ids: dict[str, str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in PERSON_KEYS:
                if isinstance(value, str):
                    node[key] = new_ids.get(value, value)
                elif isinstance(value, list):
                    node[key] = [new_ids.get(v, v) if isinstance(v, str) else v for v in value]
            else:
                _remap_ids(value, new_ids)
    elif isinstance(node, list):
        for value in node:
            _remap_ids(value, new_ids)


# -- the splits ---------------------------------------------------------------------------------


def gold_paths(split: str) -> list[Path]:
    """The gold files of the seeds or the dev split, chosen without opening any other."""
    if split == "seeds":
        stems = sorted(p.stem for p in SEEDS_DIR.glob("*.txt"))
    elif split == "dev":
        listing = yaml.safe_load((GOLD_DIR / "split.yaml").read_text(encoding="utf-8"))
        stems = sorted(n.removesuffix(".txt") for n, s in listing["articles"].items() if s == "dev")
    else:
        raise SystemExit(f"robust.py reads only the seeds and dev splits, not {split!r}")
    return [GOLD_DIR / f"{stem}.yaml" for stem in stems]


def load_split(split: str) -> list[GoldArticle]:
    result = []
    for path in gold_paths(split):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["split"] == ("seed" if split == "seeds" else "dev"), path
        src = (SEEDS_DIR if split == "seeds" else CORPUS_DIR) / data["file"]
        text = read_text(src)
        problems = verify(data, text)
        if problems:
            raise SystemExit(f"{path.name}: {problems[:3]}")
        result.append(GoldArticle(data["article"], data["split"], src, text, data))
    return result


def kb_person_forms() -> dict[str, tuple[str, ...]]:
    kb = load_knowledge()
    return {e.entity_id: e.surfaces for e in kb.entities.values() if e.entity_type == "person"}


def invented_for_all() -> dict[str, tuple[str, str]]:
    """One invented name per person of the seeds and dev gold (the same in every run)."""
    golds = [g for split in SPLITS for g in load_split(split)]
    forbidden = forbidden_words(g.text for g in golds)
    ids = {p["id"] for g in golds for p in g.data.get("persons") or []}
    return invent_names(ids, forbidden)


_UNVALIDATED = """
import sys
from pathlib import Path
from talkspkg.build import BuildOptions, write_into
from talkspkg.validate import validate_package
out = Path(sys.argv[2])
write_into(Path(sys.argv[1]), out, BuildOptions(validate=False, jobs=1))
report = validate_package(out)
print("" if report.valid else report.summary(limit=20))
"""


def build(
    golds: list[GoldArticle],
    workdir: Path,
    sources: Callable[[dict[str, dict[str, Any]]], None] | None = None,
) -> tuple[Package, str]:
    """The real `talkspkg build` of the articles (as bench/quality.py runs it); when the renamed
    articles make a package that fails validation, the same build without it (the annotator's
    own `write_into`), so that the tables can still be scored: the findings are returned.
    `sources` may change the staged provenance (raw/sources.yaml's entries) in place."""
    from quality import read_package, stage_raw, talkspkg_build

    raw, out = workdir / "raw", workdir / "pkg"
    stage_raw(golds, raw)
    if sources is not None:
        entries = yaml.safe_load((raw / "sources.yaml").read_text(encoding="utf-8")) or {}
        sources(entries)
        (raw / "sources.yaml").write_text(yaml.safe_dump(entries, sort_keys=True), "utf-8")
    done = talkspkg_build(raw, out)
    invalid = ""
    if done.returncode != 0:
        if "the built package is invalid" not in done.stdout + done.stderr:
            raise SystemExit(f"talkspkg build failed:\n{done.stdout}{done.stderr}")
        out = workdir / "unvalidated"
        cmd = [sys.executable, "-c", _UNVALIDATED, str(raw), str(out)]
        env = {**os.environ, "SOURCE_DATE_EPOCH": "0"}
        again = subprocess.run(cmd, capture_output=True, text=True, env=env)
        if again.returncode != 0:
            raise SystemExit(f"unvalidated build failed:\n{again.stdout}{again.stderr}")
        invalid = again.stdout.strip()
    return read_package(out), invalid


def run(split: str, keep_kb_names: bool = False) -> dict[str, Any]:
    """Score the split unchanged and renamed; both results and the renaming's bookkeeping."""
    golds = load_split(split)
    names = invented_for_all()
    kb_forms = kb_person_forms()
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="talkspkg-robust-") as tmp:
        work = Path(tmp)
        (work / "a").mkdir()
        package, invalid_before = build(golds, work / "a")
        results["unchanged"] = score_split(golds, package)
        renamed_dir = work / "renamed"
        renamed_dir.mkdir()
        rename = None
        if keep_kb_names:
            rename = {p["id"] for g in golds for p in g.data.get("persons") or []} - set(kb_forms)
        renamed = [rename_article(g, names, kb_forms, renamed_dir, rename) for g in golds]
        new_golds = [r.gold for r in renamed]
        (work / "b").mkdir()
        package, invalid_after = build(new_golds, work / "b")
        results["renamed"] = score_split(new_golds, package)
    legend = {}
    for g in golds:
        for p in g.data.get("persons") or []:
            if rename is None or p["id"] in rename:
                legend[p["id"]] = " ".join(names[p["id"]])
    results["renaming"] = {
        "persons": len(legend),
        "replacements": sum(sum(r.replaced.values()) for r in renamed),
        "leftover": {r.gold.article_id: r.leftover for r in renamed if r.leftover},
        "legend": dict(sorted(legend.items())),
        "invalid": {"unchanged": invalid_before, "renamed": invalid_after},
    }
    return results


# -- output -------------------------------------------------------------------------------------


def table(results: dict[str, dict[str, Any]]) -> list[str]:
    """One row per figure: per split, unchanged, renamed and the change."""
    head = "| figure |"
    rule = "|---|"
    for split in results:
        head += f" {split} | {split} renamed | change |"
        rule += "---:|---:|---:|"
    lines = [head, rule]
    for figure in SHOWN:
        row = f"| {LABELS[figure]} |"
        for result in results.values():
            a = result["unchanged"]["figures"].get(figure)
            b = result["renamed"]["figures"].get(figure)
            change = "—" if a is None or b is None else f"{b - a:+.2f}"
            row += f" {_fmt(a)} | {_fmt(b)} | {change} |"
        lines.append(row)
    return lines


def class_changes(results: dict[str, dict[str, Any]]) -> list[str]:
    """Error classes (bench/score.py's, per table) that grow when the names are unknown."""
    lines = ["| split | table | error class | unchanged | renamed |", "|---|---|---|---:|---:|"]
    for split, result in results.items():
        before = result["unchanged"]["error_classes"]
        after = result["renamed"]["error_classes"]
        rows = []
        for table_name in sorted(set(before) | set(after)):
            kinds = set(before.get(table_name, {})) | set(after.get(table_name, {}))
            for kind in kinds:
                a = before.get(table_name, {}).get(kind, 0)
                b = after.get(table_name, {}).get(kind, 0)
                if b != a:
                    rows.append((-(b - a), table_name, kind, a, b))
        for _d, table_name, kind, a, b in sorted(rows):
            lines.append(f"| {split} | {table_name} | {kind} | {a} | {b} |")
    return lines


FINDINGS = ROOT / "bench" / "robust_findings.md"


def write_doc(results: dict[str, dict[str, Any]]) -> None:
    renaming = ", ".join(
        f"{split}: {r['renaming']['persons']} persons, {r['renaming']['replacements']} name "
        f"forms replaced"
        for split, r in results.items()
    )
    findings = FINDINGS.read_text(encoding="utf-8").strip() if FINDINGS.is_file() else ""
    lines = [
        "# Robustness: articles about people the annotator has never heard of",
        "",
        "<!-- generated by `python bench/robust.py --write-doc`; do not edit -->",
        "",
        "Later months bring new envoys, ministers and negotiators. `bench/robust.py` renames every",
        "gold person of the seeds and the dev articles (full name, knowledge-base spellings,",
        "surname, given name standing alone, possessives) to an invented name of the same shape",
        "that neither the knowledge base nor the articles contain, carries the gold through the",
        "replacement, builds both versions with the real `talkspkg build` and scores them with",
        "`bench/score.py` (as `bench/quality.py` does). The fresh split is never renamed nor",
        "scored.",
        f"Renamed: {renaming}.",
        "",
        "Each pair of columns is the unchanged articles, then the renamed ones.",
        "",
        *table(results),
        "",
        "## Error classes that change (bench/score.py's classes)",
        "",
        *class_changes(results),
        "",
    ]
    if findings:
        lines += [findings, ""]
    lines += [
        "Reproduce with `python bench/robust.py --split dev --verbose` (every error of the",
        "renamed build, and the invented name of each person); `--keep-kb-names` renames only",
        "the people the knowledge base does not list, a check of the harness itself.",
    ]
    ROBUST_DOC.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description="Score the gold with its people renamed.")
    parser.add_argument("--split", choices=(*SPLITS, "both"), default="both")
    parser.add_argument("--keep-kb-names", action="store_true", help="rename only unknown people")
    parser.add_argument("--verbose", action="store_true", help="every error of the renamed run")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--write-doc", action="store_true", help="write docs/ROBUSTNESS.md")
    args = parser.parse_args()
    if args.write_doc and args.keep_kb_names:
        parser.error("--write-doc records the full renaming; drop --keep-kb-names")
    started = time.perf_counter()
    splits = SPLITS if args.split == "both" or args.write_doc else (args.split,)
    results = {split: run(split, args.keep_kb_names) for split in splits}
    if args.write_doc:
        write_doc(results)
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False, default=str))
        return
    print("\n".join(table(results)))
    print()
    print("\n".join(class_changes(results)))
    for split, result in results.items():
        r = result["renaming"]
        print(f"\n{split}: {r['persons']} persons renamed, {r['replacements']} forms replaced")
        for which, findings in r["invalid"].items():
            if findings:
                print(f"  the {which} build fails validation (scored unvalidated):\n{findings}")
        if r["leftover"]:
            print(f"  original family names left in the text: {r['leftover']}")
    if args.verbose:
        for split, result in results.items():
            print(f"\n## {split}: invented names")
            for pid, name in result["renaming"]["legend"].items():
                print(f"{pid} -> {name}")
            print(f"\n## {split}: every error of the renamed build")
            for problem in result["renamed"]["problems"]:
                print(problem)
    print(f"\n({time.perf_counter() - started:.1f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
