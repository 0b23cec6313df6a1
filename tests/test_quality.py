"""The quality harness: gold that fits its sources, a split that follows its rule, a scorer that
matches as documented, and committed figures that no change may silently lower."""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import gold as gold_mod  # noqa: E402
import quality  # noqa: E402
import quality_doc  # noqa: E402
import score  # noqa: E402
from split import split_by_rule  # noqa: E402

HAVE_CORPUS = (gold_mod.CORPUS_DIR / "sources.yaml").is_file()
needs_corpus = pytest.mark.skipif(
    not HAVE_CORPUS and not os.environ.get("CI"),
    reason="../shared/corpus/dev is not beside this checkout (CI has it)",
)


@needs_corpus
def test_every_article_has_gold_in_its_split_and_every_span_fits_its_source() -> None:
    golds = {g.article_id: g for g in gold_mod.load_gold()}  # raises on any misfit span
    split = yaml.safe_load((gold_mod.GOLD_DIR / "split.yaml").read_text(encoding="utf-8"))
    for name, part in split["articles"].items():
        assert golds[name.removesuffix(".txt")].split == part, name
    seeds = {p.stem for p in (ROOT / "raw").glob("*.txt")}
    assert {a for a, g in golds.items() if g.split == "seed"} == seeds
    assert len(golds) == len(seeds) + len(split["articles"])


@needs_corpus
def test_split_follows_its_rule() -> None:
    sources = yaml.safe_load((gold_mod.CORPUS_DIR / "sources.yaml").read_text(encoding="utf-8"))
    committed = yaml.safe_load((gold_mod.GOLD_DIR / "split.yaml").read_text(encoding="utf-8"))
    by_rule = split_by_rule(sources)
    for name in committed["moved_to_dev"] or {}:
        by_rule[name] = "dev"
    assert committed["articles"] == by_rule


def test_anchor_turns_text_into_offsets_and_refuses_ambiguity() -> None:
    text = "Alpha said “yes”. Beta said “yes, but”."
    draft: dict[str, Any] = {"quotes": [{"text": "yes, but", "speaker": "beta"}]}
    assert gold_mod.anchor(draft, text)["quotes"][0] == {
        "start": 29,
        "end": 37,
        "sha": gold_mod.sha("yes, but"),
        "speaker": "beta",
    }
    with pytest.raises(gold_mod.GoldError, match="occurs 2 times"):
        gold_mod.anchor({"q": [{"text": "yes"}]}, text)
    second = gold_mod.anchor({"q": [{"text": "yes", "occurrence": 2}]}, text)
    assert second["q"][0]["start"] == 29
    spanned = gold_mod.anchor({"e": {"from": "Beta", "to": "but"}}, text)
    assert text[spanned["e"]["start"] : spanned["e"]["end"]] == "Beta said “yes, but"


def test_verify_names_a_span_whose_text_changed() -> None:
    text = "Alpha met Beta."
    data = {"sha256": "x", "q": [{"start": 0, "end": 5, "sha": gold_mod.sha("Alpha")}]}
    assert gold_mod.verify(data, text) == [
        "the source file's sha256 differs from the gold's: re-check the gold"
    ]
    data["q"][0]["sha"] = gold_mod.sha("Beta")
    assert gold_mod.verify(data, text)[-1] == "q[0]: text at 0-5 does not match its sha"


# -- the scorer's matching rules, on a tiny package ----------------------------------------------

TEXT = "Ann Lee met Bo Chan in Paris on Monday. “We agreed,” Lee said."


def _gold(**tables: Any) -> gold_mod.GoldArticle:
    data = {"article": "a", "split": "dev", "articles": {}, "persons": [], "quotes": []}
    data |= {"meetings": [], "proposals": {"terms": [], "positions": []}} | tables
    return gold_mod.GoldArticle("a", "dev", Path("a.txt"), TEXT, data)


def _package(**tables: list[dict[str, Any]]) -> score.Package:
    base: dict[str, list[dict[str, Any]]] = {
        "articles": [
            {
                "article_id": "a",
                "title": None,
                "byline": None,
                "dateline": None,
                "published_date": date(2025, 6, 4),
            }
        ],
        "entities": [
            {"entity_id": "ann-lee", "name": "Ann Lee", "entity_type": "person", "country": "US"},
            {"entity_id": "lee", "name": "Lee", "entity_type": "person", "country": None},
            {"entity_id": "bo-chan", "name": "Bo Chan", "entity_type": "person", "country": "CN"},
            {
                "entity_id": "united-states",
                "name": "United States",
                "entity_type": "country",
                "country": "US",
            },
            {"entity_id": "paris", "name": "Paris", "entity_type": "location", "country": "FR"},
        ],
        "mentions": [],
        "quotes": [],
        "meetings": [],
        "meeting_participants": [],
        "meeting_mentions": [],
        "proposals": [],
        "proposal_terms": [],
        "term_positions": [],
    }
    return score.Package(base | tables)


def _mention(entity_id: str) -> dict[str, Any]:
    return {"article_id": "a", "entity_id": entity_id}


def test_persons_second_id_for_one_person_is_a_false_row() -> None:
    package = _package(mentions=[_mention("ann-lee"), _mention("a-lee"), _mention("bo-chan")])
    package.tables["entities"].append(
        {"entity_id": "a-lee", "name": "Ann Lee", "entity_type": "person", "country": None}
    )
    persons = [
        {"id": "ann-lee", "name": "Ann Lee", "type": "person"},
        {"id": "cy-park", "name": "Cy Park", "type": "person"},
    ]
    result = score.score_split([_gold(persons=persons)], package)
    figures = result["figures"]
    assert (figures["persons.precision"], figures["persons.recall"]) == (1 / 3, 1 / 2)
    assert result["error_classes"]["persons"] == {"false": 1, "missed": 1, "second id": 1}


def _quote(start: int, end: int, speaker: str | None, confidence: float = 0.9) -> dict[str, Any]:
    return {
        "article_id": "a",
        "start": start,
        "end": end,
        "text": TEXT[start:end],
        "speaker_id": speaker,
        "speaker_text": "Lee",
        "rule": "quote-then-speaker-verb",
        "resolution": "name",
        "confidence": confidence,
    }


def test_quotes_match_on_trimmed_span_and_score_speakers_on_found_ones() -> None:
    start = TEXT.index("We agreed")
    gold_quotes = [{"start": start, "end": start + len("We agreed"), "speaker": "ann-lee"}]
    persons = [{"id": "ann-lee", "name": "Ann Lee", "type": "person"}]
    # the prediction keeps the comma: still the same span after trimming
    package = _package(quotes=[_quote(start, start + len("We agreed,"), "bo-chan", 0.95)])
    result = score.score_split([_gold(quotes=gold_quotes, persons=persons)], package)
    assert result["figures"]["quotes.f1"] == 1.0
    assert result["figures"]["quotes.speaker_accuracy"] == 0.0
    assert result["figures"]["quotes.confident_accuracy"] == 0.0
    assert result["error_classes"]["quotes"] == {"speaker wrong (name)": 1}
    # a null speaker is classed by the resolution the stage gave it
    package = _package(quotes=[{**_quote(start, start + 9, None, 0.3), "resolution": "unresolved"}])
    result = score.score_split([_gold(quotes=gold_quotes, persons=persons)], package)
    assert result["error_classes"]["quotes"] == {"speaker null (unresolved, other phrase)": 1}


def _meeting(
    meeting_id: str, day: date | None, place: str | None, confidence: float = 0.75
) -> dict[str, Any]:
    return {
        "meeting_id": meeting_id,
        "label": meeting_id,
        "date_start": day,
        "date_end": day,
        "date_precision": "day" if day else None,
        "place_id": place,
        "city": None,
        "confidence": confidence,
    }


def test_meetings_match_within_an_article_and_count_splits_apart() -> None:
    monday = date(2025, 6, 2)
    encounter = {
        "id": "g1",
        "label": "Lee–Chan talks",
        "date_start": monday,
        "date_end": monday,
        "precision": "day",
        "place": "paris",
        "participants": ["ann-lee", "bo-chan"],
    }
    package = _package(
        meetings=[
            _meeting("m1", monday, "paris", 0.95),
            _meeting("m2", None, "paris", 0.55),
            _meeting("m3", date(2025, 5, 1), "paris", 0.75),
        ],
        meeting_participants=[
            {"meeting_id": "m1", "entity_id": "ann-lee", "role": "host"},
            {"meeting_id": "m1", "entity_id": "united-states", "role": "participant"},
        ],
        meeting_mentions=[
            {"meeting_id": m, "article_id": "a", "start": 0, "end": 38} for m in ("m1", "m2", "m3")
        ],
    )
    result = score.score_split([_gold(meetings=[encounter])], package)
    figures = result["figures"]
    # m1 and m2 (undated agrees with any date) match the encounter; m3's date disagrees
    assert (figures["meetings.precision"], figures["meetings.recall"]) == (2 / 3, 1.0)
    assert figures["meetings.splits"] == 1
    assert figures["meetings.date_accuracy"] == 0.5  # m2 is undated
    # each row counts once in the band of its confidence: m1 right, m2 right, m3 false
    bands = result["row_calibration"]["meetings"]
    assert (bands[">= 0.9"], bands["0.5-0.8"], bands["0.8-0.9"]) == ([1, 1], [1, 2], [0, 0])
    # the United States counts as right only through a person acting for it: Ann Lee (US)
    persons = [{"id": "ann-lee", "name": "Ann Lee", "type": "person", "country": "US"}]
    again = score.score_split([_gold(meetings=[encounter], persons=persons)], package)
    assert again["figures"]["meetings.participant_precision"] == 1.0


def test_positions_count_for_the_state_a_person_acts_for() -> None:
    package = _package(
        proposals=[{"proposal_id": "united-states.plan", "proposer_id": "united-states"}],
        proposal_terms=[
            {"term_id": "t", "proposal_id": "united-states.plan", "code": "ceasefire.full"}
        ],
        term_positions=[
            {
                "term_id": "t",
                "entity_id": "ann-lee",
                "stance": "proposes",
                "article_id": "a",
                "text": "…",
                "confidence": 0.85,
            },
            {  # the same claim again, surer: the claim counts once, in the surer row's band
                "term_id": "t",
                "entity_id": "united-states",
                "stance": "proposes",
                "article_id": "a",
                "text": "…",
                "confidence": 0.95,
            },
            {  # a claim the gold does not state
                "term_id": "t",
                "entity_id": "russia",
                "stance": "rejects",
                "article_id": "a",
                "text": "…",
                "confidence": 0.6,
            },
        ],
    )
    proposals = {
        "terms": [{"proposer": "united-states", "code": "ceasefire.full"}],
        "positions": [{"entity": "united-states", "stance": "proposes", "code": "ceasefire.full"}],
    }
    result = score.score_split([_gold(proposals=proposals)], package)
    figures = result["figures"]
    assert figures["terms.f1"] == 1.0
    assert (figures["positions.precision"], figures["positions.recall"]) == (0.5, 1.0)
    bands = result["row_calibration"]["positions"]
    assert (bands[">= 0.9"], bands["0.8-0.9"], bands["0.5-0.8"]) == ([1, 1], [0, 0], [0, 1])
    assert figures["proposals.proposer_accuracy"] == 1.0


def test_missed_and_false_proposal_rows_are_classed_by_what_the_other_side_has() -> None:
    package = _package(
        proposals=[{"proposal_id": "russia.position", "proposer_id": "russia"}],
        proposal_terms=[
            {"term_id": "t", "proposal_id": "russia.position", "code": "ceasefire.full"}
        ],
        term_positions=[
            {
                "term_id": "t",
                "entity_id": "russia",
                "stance": "rejects",
                "article_id": "a",
                "text": "…",
                "confidence": 0.85,
            }
        ],
    )
    proposals = {
        "terms": [
            {"proposer": "ukraine", "code": "ceasefire.full"},
            {"proposer": "ukraine", "code": "prisoners.exchange"},
        ],
        "positions": [
            {"entity": "russia", "stance": "supports", "code": "ceasefire.full"},
            {"entity": "ukraine", "stance": "proposes", "code": "ceasefire.full"},
            {"entity": "ukraine", "stance": "proposes", "code": "prisoners.exchange"},
        ],
    }
    classes = score.score_split([_gold(proposals=proposals)], package)["error_classes"]
    assert classes["terms"] == {
        "false: code, another proposer": 1,
        "missed: code, another proposer": 1,
        "missed: neither": 1,
    }
    assert classes["positions"] == {
        "false": 1,
        "missed: another stance": 1,
        "missed: code, another entity": 1,
        "missed: code not claimed": 1,
    }


def test_a_drop_beyond_the_tolerance_is_a_regression_and_a_rise_is_not() -> None:
    old = {"dev": {"quotes.f1": 0.90, "meetings.splits": 1}}
    assert quality_doc.drops(old, {"dev": {"quotes.f1": 0.895, "meetings.splits": 1}}) == []
    assert quality_doc.drops(old, {"dev": {"quotes.f1": 0.88, "meetings.splits": 1}}) == [
        "dev quotes.f1: 0.90 -> 0.88"
    ]
    assert quality_doc.drops(old, {"dev": {"quotes.f1": 0.95, "meetings.splits": 3}}) == [
        "dev meetings.splits: 1.00 -> 3.00"
    ]


def test_a_changed_held_out_figure_is_named_but_its_value_never_shown() -> None:
    data = json.loads(quality.QUALITY_DOC.with_name("quality.json").read_text(encoding="utf-8"))
    results = {s: {"figures": dict(f)} for s, f in data["current"]["splits"].items()}
    assert quality_doc.check(quality.QUALITY_DOC, results) == []
    results["fresh"]["figures"]["quotes.f1"] = 0.123456
    results["dev"]["figures"]["quotes.f1"] = 0.987654
    problems = quality_doc.check(quality.QUALITY_DOC, results)
    assert not any("0.123456" in p for p in problems)
    assert any(p.startswith("stale: fresh figures changed") for p in problems)
    assert any("dev quotes.f1" in p and "0.987654" in p for p in problems)


def test_confidence_bands_and_their_table_add_dev_and_fresh() -> None:
    assert [score.band_of(c) for c in (0.0, 0.49, 0.5, 0.79, 0.8, 0.9, 1.0)] == [
        "< 0.5", "< 0.5", "0.5-0.8", "0.5-0.8", "0.8-0.9", ">= 0.9", ">= 0.9"
    ]  # fmt: skip
    empty = {label: [0, 0] for _, label in score.CONFIDENCE_BANDS}
    calibration = {
        "seeds": dict(empty),
        "dev": {**empty, ">= 0.9": [9, 10]},
        "fresh": {**empty, ">= 0.9": [3, 5], "< 0.5": [0, 4]},
    }
    lines = quality_doc.calibration_table({"current": {"calibration": calibration}})
    assert lines[2] == "| confidence | seeds | dev | fresh | dev+fresh |"
    assert lines[4] == "| < 0.5 | — | — | 0/4 (0.00) | 0/4 (0.00) |"
    assert lines[-1] == "| >= 0.9 | — | 9/10 (0.90) | 3/5 (0.60) | 12/15 (0.80) |"


# -- the committed figures -----------------------------------------------------------------------


@needs_corpus
def test_committed_quality_figures_equal_a_fresh_run_and_none_dropped() -> None:
    results = {split: quality.run(split) for split in quality.SPLITS}
    problems = quality_doc.check(quality.QUALITY_DOC, results)
    assert not problems, (
        "docs/QUALITY.md disagrees with a fresh run of bench/quality.py; a regression must be "
        "fixed, a stale figure refreshed with `python bench/quality.py --write-doc`:\n  "
        + "\n  ".join(problems)
    )


def test_coverage_counts_the_evidence_the_vocabulary_can_see() -> None:
    import vocabulary

    text = (
        "Kyiv proposed a 30-day ceasefire on Monday. "
        "Moscow wants the peninsula's status settled first. "
        "The weather was mild."
    )
    first, second = (0, text.index(".") + 1), (text.index("Moscow"), text.index(" The"))
    third = (text.index("The weather"), len(text))
    data = {
        "proposals": {
            "terms": [
                {
                    "proposer": "ukraine",
                    "code": "ceasefire.temporary",
                    "evidence": [{"start": first[0], "end": first[1]}],
                },
                {
                    "proposer": "russia",
                    "code": "territory.crimea_recognition",
                    "evidence": [{"start": second[0], "end": second[1]}],
                },
            ],
            "positions": [
                {
                    "start": third[0],
                    "end": third[1],
                    "entity": "russia",
                    "stance": "rejects",
                    "code": "ceasefire.temporary",
                },
            ],
        }
    }
    article = gold_mod.GoldArticle("a", "dev", Path("a.txt"), text, data)
    got = vocabulary.coverage([article])
    # the 30-day ceasefire is worded and cued; the peninsula is cued ("wants") but worded in a
    # way no pattern of the code reads; the weather sentence holds neither
    assert got["terms"] == {"rows": 2, "wording": 1, "cue": 2, "both": 1}
    assert got["positions"] == {"rows": 1, "wording": 0, "cue": 0, "both": 0}


FOLDER_TEXT = (
    "Envoys meet in Oslo as truce talks resume\n\n"
    "OSLO — Ukraine's foreign minister Andrii Sybiha met U.S. Secretary of State Marco Rubio "
    "in Oslo on Monday, officials said.\n\n"
    '"We talked for three hours," Sybiha told reporters after the meeting.\n'
)


def test_a_folder_of_own_articles_is_anchored_and_scored_like_a_split(tmp_path: Path) -> None:
    """`--folder`: articles written by someone else than the rule's author, scored the same way.
    The draft gives Rubio the quotation (wrong on purpose) so the speaker figure must fall."""
    (tmp_path / "own-oslo.txt").write_text(FOLDER_TEXT, encoding="utf-8")
    draft = {
        "article": "own-oslo",
        "file": "own-oslo.txt",
        "split": "own",
        "articles": {"title": {"text": "Envoys meet in Oslo as truce talks resume"}},
        "quotes": [{"text": "We talked for three hours", "speaker": "marco-rubio"}],
    }
    anchored = gold_mod.anchor(dict(draft), FOLDER_TEXT)
    anchored["sha256"] = gold_mod.hashlib.sha256(FOLDER_TEXT.encode("utf-8")).hexdigest()
    (tmp_path / "own-oslo.yaml").write_text(yaml.safe_dump(anchored), encoding="utf-8")
    (tmp_path / "notes.yaml").write_text("[a draft, not gold]\n", encoding="utf-8")
    (golden,) = gold_mod.load_gold(None, tmp_path)
    assert golden.path == tmp_path / "own-oslo.txt"
    assert golden.span_text(golden.data["quotes"][0]) == "We talked for three hours"
    result = quality.run("", tmp_path)
    assert result["counts"]["quotes"] == 1
    assert result["figures"]["quotes.recall"] == 1.0
    assert result["figures"]["quotes.speaker_accuracy"] == 0.0
    assert any("marco-rubio" in p and "andrii-sybiha" in p for p in result["problems"])


@pytest.mark.parametrize("name", ["meetings", "quotes", "proposers", "stances"])
def test_every_crosswritten_gold_fits_its_article(name: str, tmp_path: Path) -> None:
    """The cross-written sets (tests/data/crosswritten/, README there): ten articles each, every
    gold span fitting the article beside it; an edited article fails, naming its gold file."""
    folder = ROOT / "tests" / "data" / "crosswritten" / name
    golds = gold_mod.load_gold(None, folder)  # raises GoldError on any misfit
    assert len(golds) == 10
    assert {g.path.name for g in golds} == {p.name for p in folder.glob("*.txt")}
    first = golds[0]
    (tmp_path / first.path.name).write_text("Edited. " + first.text, encoding="utf-8")
    (tmp_path / f"{first.article_id}.yaml").write_text(yaml.safe_dump(first.data), "utf-8")
    with pytest.raises(gold_mod.GoldError, match=first.article_id):
        gold_mod.load_gold(None, tmp_path)


def test_intervals_resample_articles_and_are_reproducible() -> None:
    import intervals

    persons = [{"id": "ann-lee", "name": "Ann Lee", "type": "person"}]
    right = _gold(persons=persons)
    wrong = gold_mod.GoldArticle("b", "dev", Path("b.txt"), TEXT, {**right.data, "article": "b"})
    package = _package(mentions=[_mention("ann-lee"), {"article_id": "b", "entity_id": "bo-chan"}])
    package.tables["articles"].append({**package.tables["articles"][0], "article_id": "b"})
    both = intervals.intervals([right, wrong], package, resamples=200)
    assert score.score_split([right, wrong], package)["figures"]["persons.precision"] == 0.5
    low, high = both["persons.precision"]
    assert low < 0.5 < high  # draws of two articles: both right, both wrong, or one of each
    assert (low, high) == (0.0, 1.0)
    assert intervals.intervals([right, wrong], package, resamples=200) == both  # seeded
    # one article: every draw is that article, the interval is its figure
    assert intervals.intervals([right], package, resamples=50)["persons.precision"] == [1.0, 1.0]
    # a figure no draw can compute (no gold quotation) has no interval
    assert both["quotes.f1"] is None
    current = {"splits": {"dev": {"persons.precision": 0.5}}, "intervals": {"dev": both}}
    table = intervals.interval_table(current, ["dev"], ("persons.precision",))
    assert table[-1] == "| persons per article: precision | 0.50 (0.00–1.00) |"
