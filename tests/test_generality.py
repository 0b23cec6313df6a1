"""bench/generality.py: an invented article moved to other months and other places keeps its
gold spans on the right words, its dates moved right and its weekdays."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import generality  # noqa: E402
import shift  # noqa: E402
from gold import GoldArticle, sha, verify  # noqa: E402

ARTICLE = (
    "Envoys meet in Lisbon on Tuesday\n"
    "\n"
    "LISBON, May 6, 2025 - Foreign ministers met in Lisbon on Tuesday, 6 May 2025, and will "
    "meet again on 19-20 May, officials said. Talks in March and in 2024 failed; "
    "see example.org/2025/05/06/talks and 2025-05-06.\n"
    "\n"
    "\u201cWe made progress,\u201d a minister said in Lisbon's old town.\n"
)


def _span(needle: str, **extra: object) -> dict[str, object]:
    start = ARTICLE.index(needle)
    return {"start": start, "end": start + len(needle), "sha": sha(needle), **extra}


def _gold(tmp_path: Path) -> GoldArticle:
    path = tmp_path / "test-lisbon.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    import hashlib

    data = {
        "article": "test-lisbon",
        "file": path.name,
        "split": "seed",
        "sha256": hashlib.sha256(ARTICLE.encode()).hexdigest(),
        "articles": {"dateline": _span("LISBON"), "published_date": date(2025, 5, 6)},
        "quotes": [_span("We made progress")],
        "meetings": [
            {
                "id": "m1",
                "date_start": date(2025, 5, 6),
                "date_end": date(2025, 5, 6),
                "precision": "day",
                "place": "lisbon",
                "evidence": [_span("Foreign ministers met in Lisbon on Tuesday, 6 May 2025")],
            },
            {
                "id": "m2",
                "date_start": date(2025, 3, 1),
                "date_end": date(2025, 3, 31),
                "precision": "month",
                "place": None,
                "evidence": [_span("Talks in March and in 2024 failed")],
            },
        ],
    }
    return GoldArticle("test-lisbon", "seed", path, ARTICLE, data)


def test_every_date_moves_a_year_and_keeps_its_weekday(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    moved = generality.shift_article(_gold(tmp_path), 364, out)
    text = moved.gold.text
    assert "LISBON, May 5, 2026 - " in text
    assert "on Tuesday, 5 May 2026" in text
    assert date(2026, 5, 5).strftime("%A") == "Tuesday"
    assert "again on 18-19 May" in text
    assert "Talks in March and in 2025 failed" in text
    assert "example.org/2026/05/05/talks and 2026-05-05." in text
    assert verify(moved.gold.data, text) == []
    data = moved.gold.data
    assert data["articles"]["published_date"] == date(2026, 5, 5)
    assert data["meetings"][0]["date_start"] == date(2026, 5, 5)
    assert data["meetings"][1]["date_start"] == date(2026, 3, 1)
    assert data["meetings"][1]["date_end"] == date(2026, 3, 31)
    evidence = data["meetings"][0]["evidence"][0]
    assert text[evidence["start"] : evidence["end"]] == (
        "Foreign ministers met in Lisbon on Tuesday, 5 May 2026"
    )
    quote = data["quotes"][0]
    assert text[quote["start"] : quote["end"]] == "We made progress"


def test_a_date_leaving_its_month_beside_a_month_alone_is_not_shiftable(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    # 19 May + 14 days is in June while May (its 15th + 14 days) stays May: "in March" and
    # the month-precision meeting cannot move consistently
    with pytest.raises(shift.NotShiftable):
        generality.shift_article(_gold(tmp_path), 14, out)


def test_forms_of_months_days_and_years_are_kept() -> None:
    s = shift.shift_text(
        "On Feb. 8 and May 8th, in mid-May 2025 and 2025's talks.", -7, date(2025, 3, 1)
    )
    from robust import apply_edits

    new, _ = apply_edits("On Feb. 8 and May 8th, in mid-May 2025 and 2025's talks.", s.edits)
    assert new == "On Feb. 1 and May 1st, in mid-May 2025 and 2025's talks."
    assert shift.month_after(2025, 3, 364) == (2026, 3)
    assert shift.year_after(2025, -364) == 2024


def test_the_modal_may_is_no_month() -> None:
    s = shift.shift_text("Talks May resume. They began in May.", 35, date(2025, 3, 1))
    assert [(a, b) for a, b, _ in s.edits] == [(32, 36)]  # "May." -> "June."


def test_places_are_renamed_with_their_gold(tmp_path: Path) -> None:
    gold = _gold(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    forms = generality.invent_places({"lisbon": {"Lisbon", "LISBON"}}, set())
    new, edits = generality.rename_places_in(gold, forms, out)
    invented = forms["Lisbon"]
    assert forms["LISBON"] == invented.upper() or forms["LISBON"] != "LISBON"
    assert "Lisbon" not in new.text and "LISBON" not in new.text
    assert f"a minister said in {invented}'s old town" in new.text
    assert verify(new.data, new.text) == []
    assert new.data["meetings"][0]["place"] == invented.lower()
    dateline = new.data["articles"]["dateline"]
    assert new.text[dateline["start"] : dateline["end"]].lower() == invented.lower()
    assert edits == 4  # headline, dateline, body twice


def test_every_layout_keeps_the_gold_on_its_words(tmp_path: Path) -> None:
    import relayout

    gold = _gold(tmp_path)
    gold.data["persons"] = []
    seen: set[str] = set()
    for round_ in range(len(relayout.BYLINE_FORMS)):
        out = tmp_path / f"r{round_}"
        out.mkdir()
        try:
            new, layout = relayout.relayout_article(gold, round_, out, set())
        except relayout.NotRelayoutable:
            continue
        seen.add(layout.byline.name)
        text, arts = new.text, new.data["articles"]
        assert verify(new.data, text) == []
        assert text.count("We made progress") == 1
        if layout.dateline == "no dateline":
            assert arts["dateline"] is None
        else:
            dl = arts["dateline"]
            assert text[dl["start"] : dl["end"]].upper() == "LISBON"
        journalists = [p["name"] for p in new.data["persons"] if p["type"] == "journalist"]
        assert all(n in text or n.upper() in text for n in journalists)
        by = arts["byline"]
        if by is not None:  # the byline names the first author(s) and nothing outside them
            written = text[by["start"] : by["end"]]
            assert any(written.startswith((n, n.upper())) for n in journalists)
            assert not written.startswith(("By ", "BY "))
    assert len(seen) >= len(relayout.BYLINE_FORMS) // 2


def test_without_a_publication_date_the_provenance_states_no_date() -> None:
    entries = {
        "a.txt": {
            "outlet": "Example News",
            "published_date": "2025-11-24",
            "retrieved": "2025-11-30",
            "url": "https://example.org/world/2025/11/24/talks-end",
            "origin": "github:someone/blog@abc:_posts/2025-11-24-talks-end.md",
        },
        "b.txt": {"url": "https://example.org/comments/1857", "origin": "archive, file 12"},
        "c.txt": {"url": "https://example.org/world/2026/feb/04/talks", "note": "kept"},
    }
    generality.drop_published_dates(entries)
    assert entries == {
        "a.txt": {"outlet": "Example News"},
        "b.txt": {"url": "https://example.org/comments/1857", "origin": "archive, file 12"},
        "c.txt": {"note": "kept"},
    }


def test_without_a_publication_date_the_gold_keeps_only_a_date_the_text_states(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    stated = generality.undate_article(_gold(tmp_path), out)  # "LISBON, May 6, 2025 - "
    assert stated.data["articles"]["published_date"] == date(2025, 5, 6)
    undated_text = ARTICLE.replace("LISBON, May 6, 2025 - ", "")
    path = tmp_path / "test-undated.txt"
    path.write_text(undated_text, encoding="utf-8")
    import hashlib

    data = {
        "sha256": hashlib.sha256(undated_text.encode()).hexdigest(),
        "articles": {"published_date": date(2025, 5, 6)},
        "meetings": [],
    }
    gold = GoldArticle("test-undated", "seed", path, undated_text, data)
    undated = generality.undate_article(gold, out)
    assert undated.data["articles"]["published_date"] is None
    assert gold.data["articles"]["published_date"] == date(2025, 5, 6)  # the original kept
    assert undated.text == undated_text
