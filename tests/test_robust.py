"""bench/robust.py: the offset map of a text's edits, and one invented article renamed, built
and scored end to end."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import robust  # noqa: E402
from gold import GoldArticle, sha, verify  # noqa: E402
from score import score_split  # noqa: E402

from talkspkg.textutil import slug  # noqa: E402

# -- the offset map -----------------------------------------------------------------------------

TEXT = "Ann Lee met Bo Chan in Paris."


def _mapped(edits: list[robust.Edit], start: int, end: int) -> str:
    new, offsets = robust.apply_edits(TEXT, edits)
    s, e = offsets.span(start, end)
    return new[s:e]


def test_a_longer_replacement_shifts_what_follows() -> None:
    edits = [(4, 7, "Halwickson")]  # Lee -> Halwickson
    new, offsets = robust.apply_edits(TEXT, edits)
    assert new == "Ann Halwickson met Bo Chan in Paris."
    assert _mapped(edits, 23, 28) == "Paris"  # after the edit
    assert _mapped(edits, 0, 3) == "Ann"  # before it
    assert _mapped(edits, 4, 7) == "Halwickson"  # the edit itself
    assert offsets.start(len(TEXT)) == len(new)


def test_a_shorter_replacement_shifts_back() -> None:
    edits = [(12, 19, "Vo")]  # Bo Chan -> Vo
    new, _ = robust.apply_edits(TEXT, edits)
    assert new == "Ann Lee met Vo in Paris."
    assert _mapped(edits, 23, 28) == "Paris"
    assert _mapped(edits, 8, 11) == "met"


def test_adjacent_edits_each_keep_their_replacement() -> None:
    edits = [(0, 3, "Arvid"), (3, 4, "_"), (4, 7, "Dalton")]
    new, _ = robust.apply_edits(TEXT, edits)
    assert new == "Arvid_Dalton met Bo Chan in Paris."
    assert _mapped(edits, 0, 3) == "Arvid"
    assert _mapped(edits, 3, 4) == "_"
    assert _mapped(edits, 4, 7) == "Dalton"
    assert _mapped(edits, 0, 7) == "Arvid_Dalton"


def test_a_span_covering_edits_holds_their_replacements() -> None:
    edits = [(0, 7, "Arvid Halwick"), (12, 19, "Kes")]
    assert _mapped(edits, 0, 28) == "Arvid Halwick met Kes in Paris"
    assert _mapped(edits, 8, 22) == "met Kes in"


def test_a_boundary_inside_an_edit_widens_to_its_replacement() -> None:
    edits = [(4, 7, "Halwick")]
    assert _mapped(edits, 5, 11) == "Halwick met"  # starts inside "Lee"
    assert _mapped(edits, 0, 5) == "Ann Halwick"  # ends inside it


def test_an_insertion_at_a_boundary_stays_outside_the_span() -> None:
    edits = [(4, 4, "Dr "), (7, 7, " Jr")]
    new, _ = robust.apply_edits(TEXT, edits)
    assert new == "Ann Dr Lee Jr met Bo Chan in Paris."
    assert _mapped(edits, 4, 7) == "Lee"
    assert _mapped(edits, 0, 11) == "Ann Dr Lee Jr met"  # inside: kept


def test_overlapping_edits_are_refused() -> None:
    with pytest.raises(ValueError):
        robust.apply_edits(TEXT, [(0, 5, "x"), (4, 7, "y")])


# -- name forms ---------------------------------------------------------------------------------


def test_name_forms_keep_the_shape_of_the_name() -> None:
    assert robust.name_forms("Ursula von der Leyen", "Ilse", "Halwick") == {
        "Ursula von der Leyen": "Ilse Halwick",
        "von der Leyen": "Halwick",
        "Leyen": "Halwick",
    }
    assert robust.name_forms("Zelensky", "Ilse", "Halwick") == {"Zelensky": "Halwick"}


def test_invented_names_are_deterministic_distinct_and_avoid_forbidden_words() -> None:
    ids = [f"person-{i}" for i in range(40)]
    first = robust.invent_names(ids, {"Halwick"})
    assert first == robust.invent_names(reversed(ids), {"Halwick"})
    assert len({f for _g, f in first.values()}) == len(ids)
    assert len({g for g, _f in first.values()}) == len(ids)
    assert "Halwick" not in {f for _g, f in first.values()}
    # the first id in sorted order takes its own hash's pick, whoever else is named
    assert robust.invent_names(["person-0"], {"Halwick"})["person-0"] == first["person-0"]


# -- one invented article end to end ------------------------------------------------------------

ARTICLE = (
    "Rubio meets Lavrov in Vienna\n"
    "\n"
    "VIENNA, 3 March 2025 - US Secretary of State Marco Rubio met Russian Foreign Minister "
    "Sergei Lavrov in Vienna on Monday.\n"
    "\n"
    "\u201cWe had a frank exchange,\u201d Rubio told reporters after the meeting.\n"
)


def _span(text: str, needle: str, **extra: object) -> dict[str, object]:
    start = text.index(needle)
    return {"start": start, "end": start + len(needle), "sha": sha(needle), **extra}


def test_an_invented_article_renamed_built_and_scored(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    path = src / "test-vienna-meeting.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    data = {
        "article": "test-vienna-meeting",
        "file": path.name,
        "split": "seed",
        "persons": [
            {"id": "marco-rubio", "name": "Marco Rubio", "type": "person", "country": "US"},
            {"id": "sergey-lavrov", "name": "Sergei Lavrov", "type": "person", "country": "RU"},
        ],
        "quotes": [_span(ARTICLE, "We had a frank exchange", speaker="marco-rubio")],
        "meetings": [
            {
                "id": "2025-03-03-vienna-us-russia",
                "date_start": "2025-03-03",
                "date_end": "2025-03-03",
                "precision": "day",
                "place": "vienna",
                "participants": ["marco-rubio", "sergey-lavrov"],
                "evidence": [_span(ARTICLE, "US Secretary of State Marco Rubio met")],
            }
        ],
    }
    gold = GoldArticle("test-vienna-meeting", "seed", path, ARTICLE, data)
    names = {"marco-rubio": ("Arvid", "Halwick"), "sergey-lavrov": ("Maren", "Dalecki")}
    kb_forms = robust.kb_person_forms()
    out = tmp_path / "renamed"
    out.mkdir()
    renamed = robust.rename_article(gold, names, kb_forms, out)
    text = renamed.gold.text
    assert (out / path.name).read_text(encoding="utf-8") == text
    assert "Rubio" not in text and "Lavrov" not in text
    assert "Secretary of State Arvid Halwick met" in text and "Halwick told" in text
    assert "Halwick meets Dalecki" in text  # the headline's surnames too
    assert verify(renamed.gold.data, text) == []  # every span carried through the edits
    evidence = renamed.gold.data["meetings"][0]["evidence"][0]
    assert text[evidence["start"] : evidence["end"]] == "US Secretary of State Arvid Halwick met"
    persons = [p["id"] for p in renamed.gold.data["persons"]]
    assert persons == [slug("Arvid Halwick"), slug("Maren Dalecki")]
    assert renamed.gold.data["quotes"][0]["speaker"] == "arvid-halwick"
    assert renamed.gold.data["meetings"][0]["participants"] == persons
    assert renamed.leftover == []

    (tmp_path / "b").mkdir()
    package, invalid = robust.build([renamed.gold], tmp_path / "b")
    assert invalid == ""
    result = score_split([renamed.gold], package)
    figures = result["figures"]
    # the unknown people are discovered from their role phrases, under their invented ids
    assert figures["persons.recall"] == 1.0, result["problems"]
    assert figures["quotes.recall"] == 1.0
    assert figures["quotes.speaker_accuracy"] == 1.0, result["problems"]
