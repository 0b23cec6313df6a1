"""How much the annotator relies on April 2025 and on the cities it knows: two more axes.

    python bench/generality.py [--split seeds|dev] [--shift-days N ...] [--rename-places]
                               [--keep-metonyms] [--relayout [--relayout-rounds N]]
                               [--no-published-date] [--verbose] [--json]
    python bench/generality.py --write-doc      # regenerate docs/GENERALITY.md (seeds and dev)

Other months (`--shift-days N`, default 364; multiples of 7 only, so that every weekday the
text writes stays right): every date of the text, of the gold and of the staged provenance
(`sources.yaml`'s `published_date`, which the build reads) moves by N days (bench/shift.py
says how and when an article is not shiftable: it is then reported and left out of both
columns). Other places (`--rename-places`): every city and venue the seeds' and dev gold name
as a meeting place is replaced, consistently through every article (possessives and capitals
too), by an invented name of the same shape that neither the knowledge base nor the articles
contain; the gold's place ids become the slug of the invented name (bench/score.py matches a
predicted place by its id or the slug of its city). `--keep-metonyms` keeps the cities the
knowledge base reads as a state or an organisation ("Moscow" -> Russia), which later months
keep knowing.

Other layouts (`--relayout`, N rounds, default 4): each article's metadata lines re-rendered
as other outlets print them (bench/relayout.py: byline, publication line, dateline and site
furniture forms, one of each per article and round, chosen from its id), every round built
together; besides the whole, the figures of the articles of each form (journalists, metadata
fields, persons: a journalist must not become a person or a speaker).

No publication date (`--no-published-date`): several real pages state no publication date
(undated web pages, a blog's lost metadata), so "on Friday" or "last week" cannot count from
it. Every article's staged provenance loses `published_date` and `retrieved`, and its `url`
and `origin` when they hold a date ("/2025/11/24/", "2025-11-24-...", "2025_10_17"); the text
is unchanged, so the gold stays valid, except the articles table's `published_date`, which is
null where the text's own metadata (talkspkg.metadata) states none.

The axes reuse bench/robust.py: its edits and offset map carry every gold span through the
changes (an edit straddling a span's boundary is refused), and its build runs the real
`talkspkg build`; the unchanged column is built from the same articles. Only the seeds and the
dev split are ever read: the fresh split is neither transformed nor scored.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gold import ROOT, GoldArticle
from quality_doc import _fmt
from relayout import DIMENSIONS, NotRelayoutable, relayout_article
from robust import (
    LABELS,
    SHOWN,
    SPLITS,
    Edit,
    _hash,
    build,
    carry_gold,
    fold,
    forbidden_words,
    load_split,
    write_article,
)
from score import score_split
from shift import (
    NotShiftable,
    _as_date,
    check_consistent,
    first_full_date,
    shift_meeting,
    shift_text,
)

from talkspkg.kb import load_knowledge
from talkspkg.textutil import slug

GENERALITY_DOC = ROOT / "docs" / "GENERALITY.md"
FINDINGS = ROOT / "bench" / "generality_findings.md"
DOC_SHIFTS = (364, 3 * 364 + 7, -364)

# -- other months -------------------------------------------------------------------------------


@dataclass
class Shifted:
    gold: GoldArticle
    edits: int


def shift_article(gold: GoldArticle, days: int, folder: Path, published: Any = None) -> Shifted:
    """The article with every date moved by `days` (text and gold), written to `folder`.
    `published` is the provenance's published date; raises NotShiftable."""
    data = copy.deepcopy(gold.data)
    stated = _as_date((data.get("articles") or {}).get("published_date"))
    published_date = stated or _as_date(published)
    reference = published_date or first_full_date(gold.text)
    shift = shift_text(gold.text, days, reference)
    dated = list(shift.day_dates)
    month_meeting = False
    for meeting in data.get("meetings") or []:
        month_meeting |= meeting.get("precision") == "month"
        dated += shift_meeting(meeting, days)
    if published_date is not None:
        dated.append(published_date)
    check_consistent(
        days, dated, shift.month_alone or month_meeting, shift.year_alone, published_date
    )
    new_text, carried = carry_gold(
        GoldArticle(gold.article_id, gold.split, gold.path, gold.text, data),
        shift.edits,
        strict=True,
    )
    if stated is not None:
        carried["articles"]["published_date"] = stated + _days(days)
    return Shifted(write_article(gold, new_text, carried, folder), len(shift.edits))


def _days(days: int) -> Any:
    from datetime import timedelta

    return timedelta(days=days)


def shift_sources(days: int) -> Any:
    def hook(entries: dict[str, dict[str, Any]]) -> None:
        for entry in entries.values():
            when = _as_date(entry.get("published_date"))
            if when is not None:
                entry["published_date"] = (when + _days(days)).isoformat()

    return hook


# -- no publication date ------------------------------------------------------------------------

# a date in a URL or a path: "/2025/11/24/", "2025-11-24-slug", "2025_10_17", "/2026/feb/04/"
_DATE_IN_NAME = re.compile(
    r"(?<!\d)(?:19|20)\d\d[-/_.](?:[01]?\d|[a-z]{3})(?:[-/_.][0-3]?\d)?(?![\d])", re.I
)
UNDATED_DROPPED = ("published_date", "retrieved")
UNDATED_IF_DATED = ("url", "origin")


def drop_published_dates(entries: dict[str, dict[str, Any]]) -> None:
    """Provenance that states no publication date: `published_date` and `retrieved` dropped,
    `url` and `origin` too when they write a date."""
    for entry in entries.values():
        for key in UNDATED_DROPPED:
            entry.pop(key, None)
        for key in UNDATED_IF_DATED:
            if _DATE_IN_NAME.search(str(entry.get(key) or "")):
                entry.pop(key)


def undate_article(gold: GoldArticle, folder: Path) -> GoldArticle:
    """The article as it is, its gold's `published_date` null unless the text states one."""
    from talkspkg.metadata import parse_metadata

    data = copy.deepcopy(gold.data)
    articles = data.get("articles") or {}
    if articles.get("published_date") and parse_metadata(gold.text).published_date is None:
        articles["published_date"] = None
    return write_article(gold, gold.text, data, folder)


# -- other places -------------------------------------------------------------------------------

_PLACE_PARTS = (
    [
        "Vel",
        "Tor",
        "Brel",
        "Kav",
        "Dun",
        "Sar",
        "Lom",
        "Ved",
        "Gral",
        "Pel",
        "Nor",
        "Zav",
        "Ost",
        "Kel",
        "Mir",
        "Ters",
        "Halm",
        "Quen",
        "Riv",
        "Sov",
    ],
    [
        "ova",
        "ingen",
        "heim",
        "grad",
        "mora",
        "vik",
        "enza",
        "brück",
        "stein",
        "dorf",
        "ania",
        "ovo",
    ],
)
GENERIC_VENUE_WORDS = frozenset(
    [
        "House",
        "Office",
        "Palace",
        "Street",
        "Resort",
        "Base",
        "Hotel",
        "Centre",
        "Center",
        "Hall",
        "Castle",
        "Joint",
        "St",
        "Saint",
        "No",
        "Number",
    ]
)


def meeting_places(golds: list[GoldArticle]) -> dict[str, set[str]]:
    """Place and venue ids the gold gives meetings -> the forms the texts or the knowledge
    base write them in (a form is written when its slug, diacritics dropped, is the id)."""
    kb = load_knowledge()
    ids = {
        m[key]
        for g in golds
        for m in g.data.get("meetings") or []
        for key in ("place", "venue")
        if m.get(key)
    }
    forms: dict[str, set[str]] = {pid: set() for pid in ids}
    for pid in list(ids):
        entity = kb.entities.get(pid)
        if entity is not None and entity.entity_type != "location":
            del forms[pid]  # an institution ("White House", "Elysee"), no place to invent
        elif entity is not None:
            forms[pid].update(entity.surfaces)
    word = r"[A-ZÀ-Þ][\w’'.-]*"
    phrase = re.compile(rf"(?<!\w)(?={word})")
    for g in golds:
        for m in phrase.finditer(g.text):
            words = re.findall(r"\S+", g.text[m.start() : m.start() + 60])[:4]
            for n in range(1, len(words) + 1):
                candidate = re.sub(r"\W+$", "", " ".join(words[:n]))
                key = slug(fold(candidate))
                if key in forms and candidate[:1].isupper():
                    forms[key].add(candidate)
    return {pid: f for pid, f in forms.items() if f}


def invent_places(place_forms: dict[str, set[str]], forbidden: set[str]) -> dict[str, str]:
    """form -> invented form: per place id one invented word per distinctive word (generic
    venue words and numbers kept), deterministic per id and distinct across ids."""
    pool = [a + b for a in _PLACE_PARTS[0] for b in _PLACE_PARTS[1]]
    pool = [w for w in pool if fold(w) not in forbidden]
    taken: set[str] = set()
    result: dict[str, str] = {}
    for pid in sorted(place_forms):
        words_by_form = {f: re.split(r"(\W+)", f) for f in place_forms[pid]}
        invented: dict[str, str] = {}  # a distinctive word -> its invention, within the id
        for form, parts in sorted(words_by_form.items()):
            out = []
            for part in parts:
                if len(part) < 2 or part in GENERIC_VENUE_WORDS or not part[0].isupper():
                    out.append(part)
                    continue
                key = fold(part).lower()
                if key not in invented:
                    i = _hash(pid, key) % len(pool)
                    while pool[i] in taken:
                        i = (i + 1) % len(pool)
                    taken.add(pool[i])
                    invented[key] = pool[i]
                out.append(invented[key])
            result[form] = "".join(out)
    return result


def rename_places_in(
    gold: GoldArticle, forms: dict[str, str], folder: Path
) -> tuple[GoldArticle, int]:
    """The article with every form replaced (and its upper-case form), place ids remapped."""
    table = dict(forms)
    for form, new in forms.items():
        if len(form) > 2:
            table.setdefault(form.upper(), new.upper())
    edits: list[Edit] = []
    if table:
        pattern = re.compile(
            r"(?<![^\W_])(?:"
            + "|".join(re.escape(f) for f in sorted(table, key=len, reverse=True))
            + r")(?![^\W_])"
        )
        edits = [(m.start(), m.end(), table[m.group()]) for m in pattern.finditer(gold.text)]
    new_text, data = carry_gold(gold, edits, strict=True)
    ids = {slug(fold(f)): slug(new) for f, new in forms.items()}
    for meeting in data.get("meetings") or []:
        for key in ("place", "venue"):
            if meeting.get(key) in ids:
                meeting[key] = ids[meeting[key]]
    return write_article(gold, new_text, data, folder), len(edits)


def place_forms_for(golds: list[GoldArticle], keep_metonyms: bool) -> dict[str, set[str]]:
    found = meeting_places(golds)
    if keep_metonyms:
        kb = load_knowledge()
        metonyms = {fold(m) for e in kb.entities.values() for m in e.metonyms}
        found = {pid: f for pid, f in found.items() if not {fold(x) for x in f} & metonyms}
    return found


# -- the runs -----------------------------------------------------------------------------------


def _sources_published(golds: list[GoldArticle], work: Path) -> dict[str, Any]:
    """Each article's provenance published date, as the build will read it."""
    import yaml
    from quality import stage_raw

    stage_raw(golds, work)
    entries = yaml.safe_load((work / "sources.yaml").read_text(encoding="utf-8")) or {}
    return {g.article_id: (entries.get(g.path.name) or {}).get("published_date") for g in golds}


def run(
    split: str,
    shifts: list[int],
    places: bool,
    keep_metonyms: bool,
    relayout_rounds: int = 0,
    undated: bool = False,
) -> dict[str, Any]:
    golds = load_split(split)
    result: dict[str, Any] = {"variants": {}}
    with tempfile.TemporaryDirectory(prefix="talkspkg-generality-") as tmp:
        work = Path(tmp)
        published = _sources_published(golds, work / "sources")
        baselines: dict[tuple[str, ...], dict[str, Any]] = {}

        def baseline(kept: list[GoldArticle]) -> dict[str, Any]:
            key = tuple(g.article_id for g in kept)
            if key not in baselines:
                folder = work / f"a{len(baselines)}"
                folder.mkdir()
                package, _invalid = build(kept, folder)
                baselines[key] = score_split(kept, package)
            return baselines[key]

        for days in shifts:
            name = f"shift {days:+d} d"
            folder = work / f"shift{days}"
            folder.mkdir()
            shifted, skipped, edits = [], {}, 0
            for g in golds:
                try:
                    s = shift_article(g, days, folder, published[g.article_id])
                except NotShiftable as exc:
                    skipped[g.article_id] = str(exc)
                    continue
                shifted.append(s.gold)
                edits += s.edits
            kept = [g for g in golds if g.article_id not in skipped]
            (work / f"b{days}").mkdir()
            package, invalid = build(shifted, work / f"b{days}", shift_sources(days))
            result["variants"][name] = {
                "unchanged": baseline(kept),
                "changed": score_split(shifted, package),
                "articles": len(kept),
                "edits": edits,
                "skipped": skipped,
                "invalid": invalid,
            }
        if places:
            name = "places renamed" + (" (capitals kept)" if keep_metonyms else "")
            everyone = [g for s in SPLITS for g in load_split(s)]  # one name per place, always
            found = place_forms_for(everyone, keep_metonyms)
            forbidden = forbidden_words(g.text for g in everyone)
            forms = invent_places(found, forbidden)
            folder = work / "places"
            folder.mkdir()
            renamed, edits = [], 0
            for g in golds:
                new, n = rename_places_in(g, forms, folder)
                renamed.append(new)
                edits += n
            (work / "bp").mkdir()
            package, invalid = build(renamed, work / "bp")
            result["variants"][name] = {
                "unchanged": baseline(golds),
                "changed": score_split(renamed, package),
                "articles": len(golds),
                "edits": edits,
                "skipped": {},
                "invalid": invalid,
                "legend": dict(sorted(forms.items())),
            }
        if undated:
            folder = work / "undated"
            folder.mkdir()
            stripped = [undate_article(g, folder) for g in golds]
            (work / "bu").mkdir()
            package, invalid = build(stripped, work / "bu", drop_published_dates)
            result["variants"]["no published date"] = {
                "unchanged": baseline(golds),
                "changed": score_split(stripped, package),
                "articles": len(golds),
                "edits": sum(
                    1
                    for a, b in zip(golds, stripped, strict=True)
                    if _published(a) != _published(b)
                ),
                "skipped": {},
                "invalid": invalid,
            }
        if relayout_rounds:
            result["variants"]["other layouts"] = run_relayout(
                golds, relayout_rounds, work, baseline(golds)
            )
    return result


def _published(gold: GoldArticle) -> Any:
    return (gold.data.get("articles") or {}).get("published_date")


# -- other layouts ------------------------------------------------------------------------------

FORM_FIGURES = (
    ("articles.field_accuracy", "fields right"),
    ("journalists.precision", "journalists P"),
    ("journalists.recall", "journalists R"),
    ("persons.precision", "persons P"),
    ("persons.recall", "persons R"),
    ("quotes.speaker_accuracy", "speaker right"),
)
DIMENSION_FIELD = {
    "byline": "byline",
    "date": "published_date",
    "dateline": "dateline",
    "furniture": "title",
}


def run_relayout(
    golds: list[GoldArticle], rounds: int, work: Path, unchanged: dict[str, Any]
) -> dict[str, Any]:
    """Every article in `rounds` layouts (bench/relayout.py), built together; the figures of
    the whole and of the articles of each form of each dimension."""
    import yaml

    everyone = [g for s in SPLITS for g in load_split(s)]
    forbidden = forbidden_words(g.text for g in everyone)
    folder = work / "layouts"
    folder.mkdir()
    staged = work / "layout-sources"
    from quality import stage_raw

    stage_raw(golds, staged)
    original = yaml.safe_load((staged / "sources.yaml").read_text(encoding="utf-8")) or {}
    relaid, forms, skipped, origin = [], {}, {}, {}
    for round_ in range(rounds):
        for g in golds:
            when = _as_date((original.get(g.path.name) or {}).get("published_date"))
            try:
                new, layout = relayout_article(g, round_, folder, forbidden, when)
            except NotRelayoutable as exc:
                skipped[f"{g.article_id} round {round_}"] = str(exc)
                continue
            relaid.append(new)
            forms[new.article_id] = layout.forms()
            origin[new.path.name] = g.path.name

    def sources(entries: dict[str, dict[str, Any]]) -> None:
        for name, was in origin.items():
            if was in original:
                entries[name] = dict(original[was])

    (work / "bl").mkdir()
    package, invalid = build(relaid, work / "bl", sources)
    per_form: dict[str, dict[str, dict[str, Any]]] = {}
    for dim in DIMENSIONS:
        groups: dict[str, list[GoldArticle]] = {}
        for g in relaid:
            groups.setdefault(forms[g.article_id][dim], []).append(g)
        per_form[dim] = {}
        for form, members in sorted(groups.items()):
            scored = score_split(members, package)
            field = DIMENSION_FIELD[dim]
            wrong = sum(
                1
                for p in scored["problems"]
                if p.startswith("[articles]") and f": {field} wrong:" in p
            )
            per_form[dim][form] = {
                "articles": len(members),
                "figures": {k: scored["figures"].get(k) for k, _label in FORM_FIGURES},
                "field_right": (len(members) - wrong) / len(members),
                "problems": [
                    p
                    for p in scored["problems"]
                    if p.startswith(("[articles]", "[journalists]", "[persons]", "[quotes]"))
                ],
            }
    return {
        "unchanged": unchanged,
        "changed": score_split(relaid, package),
        "articles": len(golds),
        "edits": len(relaid),  # the articles re-rendered (each round's copies)
        "skipped": skipped,
        "invalid": invalid,
        "forms": per_form,
    }


def form_tables(split: str, variant: dict[str, Any]) -> list[str]:
    """Per dimension, one row per form: its articles' figures."""
    lines: list[str] = []
    for dim, by_form in variant["forms"].items():
        field = DIMENSION_FIELD[dim]
        head = f"| {split}: {dim} form | articles | {field} right |"
        head += "".join(f" {label} |" for _k, label in FORM_FIGURES)
        lines += ["", head, "|---|---:|---:|" + "---:|" * len(FORM_FIGURES)]
        for form, v in by_form.items():
            row = f"| {form} | {v['articles']} | {_fmt(v['field_right'])} |"
            row += "".join(f" {_fmt(v['figures'][k])} |" for k, _label in FORM_FIGURES)
            lines.append(row)
    return lines


# -- output -------------------------------------------------------------------------------------


def table(split: str, result: dict[str, Any]) -> list[str]:
    """One row per figure: the unchanged articles, then each variant with its change."""
    variants = result["variants"]
    head, rule = f"| figure ({split}) |", "|---|"
    for name, v in variants.items():
        head += f" unchanged ({v['articles']}) | {name} | change |"
        rule += "---:|---:|---:|"
    lines = [head, rule]
    for figure in ("articles.field_accuracy", "meetings.date_accuracy", *SHOWN):
        row = f"| {LABELS[figure]} |"
        for v in variants.values():
            a = v["unchanged"]["figures"].get(figure)
            b = v["changed"]["figures"].get(figure)
            change = "—" if a is None or b is None else f"{b - a:+.2f}"
            row += f" {_fmt(a)} | {_fmt(b)} | {change} |"
        lines.append(row)
        if figure == "meetings.date_accuracy":
            lines.append(_count_row(variants, "meetings", "date missing"))
    return lines


def _count_row(variants: dict[str, Any], table_name: str, kind: str) -> str:
    """An error class's count (bench/score.py's), unchanged and changed."""
    row = f"| {table_name}: {kind} (rows) |"
    for v in variants.values():
        a, b = (
            error_count(v["unchanged"], table_name, kind),
            error_count(v["changed"], table_name, kind),
        )
        row += f" {a} | {b} | {b - a:+d} |"
    return row


def error_count(scored: dict[str, Any], table_name: str, kind: str) -> int:
    return int(scored["error_classes"].get(table_name, {}).get(kind, 0))


def class_changes(split: str, result: dict[str, Any]) -> list[str]:
    lines = ["| split | variant | table | error class | unchanged | changed |"]
    lines.append("|---|---|---|---|---:|---:|")
    for name, v in result["variants"].items():
        before, after = v["unchanged"]["error_classes"], v["changed"]["error_classes"]
        rows = []
        for t in sorted(set(before) | set(after)):
            for kind in set(before.get(t, {})) | set(after.get(t, {})):
                a, b = before.get(t, {}).get(kind, 0), after.get(t, {}).get(kind, 0)
                if a != b:
                    rows.append((-(b - a), t, kind, a, b))
        for _d, t, kind, a, b in sorted(rows):
            lines.append(f"| {split} | {name} | {t} | {kind} | {a} | {b} |")
    return lines


def summary(split: str, result: dict[str, Any]) -> list[str]:
    lines = []
    for name, v in result["variants"].items():
        line = f"{split}, {name}: {v['articles']} articles, {v['edits']} edits"
        if v["skipped"]:
            line += f"; {len(v['skipped'])} not shiftable: " + "; ".join(
                f"{a} ({why})" for a, why in sorted(v["skipped"].items())
            )
        if v["invalid"]:
            line += "; the build fails validation (scored unvalidated)"
        lines.append(line)
    return lines


def write_doc(results: dict[str, dict[str, Any]]) -> None:
    findings = FINDINGS.read_text(encoding="utf-8").strip() if FINDINGS.is_file() else ""
    lines = [
        "# Generality: other months, other places, no publication date",
        "",
        "<!-- generated by `python bench/generality.py --write-doc`; do not edit -->",
        "",
        "The annotator meets articles from later months and from cities its knowledge base",
        "does not list. `bench/generality.py` moves every date of the seeds and the dev",
        "articles (text, gold, provenance) by N days, a multiple of 7 so that weekdays stay",
        "right, and, apart, renames every city and venue the gold gives a meeting to an",
        "invented one; it carries the gold through the edits with bench/robust.py's offset map,",
        "builds both versions with the real `talkspkg build` and scores them with",
        "`bench/score.py`. The unchanged column holds the same articles (an article whose dates",
        "cannot move consistently is left out of both, listed below). The fresh split is never",
        "transformed nor scored.",
        "",
        "No publication date (`--no-published-date`): several real pages state none (undated",
        "web pages, a blog's lost metadata). The staged provenance loses `published_date` and",
        "`retrieved`, and its `url` and `origin` when they write a date; the text is unchanged,",
        "so the gold stays valid (its `published_date` null where the text states none). Dates",
        "must then come from what the text itself states; the row `meetings: date missing`",
        "counts matched meetings left undated.",
        "",
    ]
    for split, result in results.items():
        lines += [*table(split, result), ""]
    lines += ["", *(x for s, r in results.items() for x in (f"- {y}" for y in summary(s, r))), ""]
    lines += ["## Error classes that change (bench/score.py's classes)", ""]
    for split, result in results.items():
        lines += class_changes(split, result)[(0 if split == SPLITS[0] else 2) :]
    lines.append("")
    if findings:
        lines += [findings, ""]
    lines += [
        "Reproduce with `python bench/generality.py --split dev --shift-days 364 --verbose`",
        "or `--rename-places --verbose` (every error of the changed build).",
    ]
    GENERALITY_DOC.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description="Score the gold in other months and places.")
    parser.add_argument("--split", choices=(*SPLITS, "both"), default="both")
    parser.add_argument("--shift-days", type=int, nargs="*", metavar="N")
    parser.add_argument("--rename-places", action="store_true")
    parser.add_argument("--relayout", action="store_true", help="other outlets' layouts")
    parser.add_argument("--relayout-rounds", type=int, default=4, metavar="N")
    parser.add_argument(
        "--no-published-date", action="store_true", help="provenance without publication dates"
    )
    parser.add_argument("--keep-metonyms", action="store_true", help="keep capitals read as states")
    parser.add_argument("--verbose", action="store_true", help="every error of the changed runs")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--write-doc", action="store_true", help="write docs/GENERALITY.md")
    args = parser.parse_args()
    shifts = list(DOC_SHIFTS) if args.write_doc else args.shift_days
    if shifts is None:
        others = args.rename_places or args.relayout or args.no_published_date
        shifts = [] if others else [DOC_SHIFTS[0]]
    if any(n % 7 or n == 0 for n in shifts):
        parser.error("--shift-days takes non-zero multiples of 7 (weekdays must stay right)")
    started = time.perf_counter()
    splits = SPLITS if args.split == "both" or args.write_doc else (args.split,)
    places = args.rename_places or args.write_doc
    rounds = args.relayout_rounds if args.relayout else 0
    undated = args.no_published_date or args.write_doc
    results = {s: run(s, shifts, places, args.keep_metonyms, rounds, undated) for s in splits}
    if args.write_doc:
        for split in splits:
            extra = run(split, [], True, True)["variants"]
            results[split]["variants"].update(extra)
        write_doc(results)
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False, default=str))
        return
    for split, result in results.items():
        print("\n".join(table(split, result)) + "\n")
    for split, result in results.items():
        print("\n".join(class_changes(split, result)))
    for split, result in results.items():
        print("\n".join(summary(split, result)))
    for split, result in results.items():
        if "other layouts" in result["variants"]:
            print("\n".join(form_tables(split, result["variants"]["other layouts"])))
    if args.verbose:
        for split, result in results.items():
            for name, v in result["variants"].items():
                if "legend" in v:
                    print(f"\n## {split}: {name}: invented places")
                    for form, new in v["legend"].items():
                        print(f"{form} -> {new}")
                print(f"\n## {split}: {name}: every error of the changed build")
                before = Counter(json.dumps(p, sort_keys=True) for p in v["unchanged"]["problems"])
                for problem in v["changed"]["problems"]:
                    key = json.dumps(problem, sort_keys=True)
                    mark = "  " if before[key] > 0 else "+ "
                    before[key] -= 1
                    print(mark + str(problem))
    print(f"\n({time.perf_counter() - started:.1f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
