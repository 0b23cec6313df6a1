"""Syndicated copies: near-copies of one story in a corpus tell their encounters once.

Mini-articles written for this test (invented wording, invented outlets and bylines): one
wire story printed in other layouts (a byline, a publication line, a dateline, a "Read more"
line), and stories that share a sentence but are not copies. The policy is in
talkspkg/stages/meetings/copies.py.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from test_meetings import KB, run

from talkspkg.document import Article
from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.meetings import copies, meeting_mentions
from talkspkg.stages.meetings.merge import reports_of
from talkspkg.stages.meetings.reading import paragraphs
from talkspkg.stages.meetings.text import sentences
from talkspkg.stages.meetings.vocab import load_vocab
from talkspkg.stages.mentions import mentions

HEADLINE = "Gulf channel stays open as grain corridor talks stall"

# the undated encounter names one person and a city: no date, and not two shared people,
# links it across articles
BODY = [
    "Kirill Dmitriev held talks in Doha, a person familiar with the contacts said.",
    "The Kremlin gave no details of the agenda and declined to say who else had taken part.",
    "Finnish and Estonian diplomats said a new round of grain corridor talks could open "
    "within weeks.",
    "Analysts said the contacts showed that Moscow wanted to keep its channels to the Gulf open.",
    "Shipping insurers have raised premiums for vessels calling at Black Sea ports since spring.",
]

LAYOUTS = [
    "{headline}\n\nBy Maren Oduya\n\nDOHA (Gulf Wire) - {body}\n",
    "{headline}\n\nAnna Berg | Gulf Wire\n\n{body}\n\nRead more: Black Sea shipping in figures\n",
    "{headline}\n\nWritten by Tomas Ek\n\n{body}\n\nThis story was written by Tomas Ek.\n",
]


def text_of(layout: str, body: list[str], headline: str = HEADLINE) -> str:
    return layout.format(headline=headline, body="\n\n".join(body))


def raw(article_id: str, text: str) -> Article:
    return make_article(RawFile(Path(f"raw/{article_id}.txt"), article_id, text, "0" * 64))


def dated(day: str, body: list[str]) -> str:
    return f"Published: 09:00, {day}\n{HEADLINE}\n\n" + "\n\n".join(body) + "\n"


def doha(rows: dict[str, list[dict[str, Any]]]) -> list[str]:
    return sorted(r["meeting_id"] for r in rows["meetings"] if r["place_id"] == "doha")


def reported_by(rows: dict[str, list[dict[str, Any]]], meeting_id: str) -> set[str]:
    return {r["article_id"] for r in rows["meeting_mentions"] if r["meeting_id"] == meeting_id}


def test_copies_of_one_story_give_its_undated_meeting_once() -> None:
    arts = [raw(f"copy-{i}", text_of(layout, BODY)) for i, layout in enumerate(LAYOUTS)]
    rows = run(*arts)
    (meeting,) = doha(rows)
    assert reported_by(rows, meeting) == {"copy-0", "copy-1", "copy-2"}


def test_the_order_of_the_articles_changes_nothing() -> None:
    arts = [raw(f"copy-{i}", text_of(layout, BODY)) for i, layout in enumerate(LAYOUTS)]
    first, second = run(*arts), run(*reversed(arts))
    assert first["meetings"] == second["meetings"]


def test_stories_sharing_the_sentence_but_not_the_story_stay_apart() -> None:
    other = [
        BODY[0],
        "Officials in Ankara said a prisoner exchange was being prepared for next month.",
        "Turkish mediators have held separate contacts with both delegations since January.",
        "A spokesperson for the Ukrainian navy said two more drones were shot down overnight.",
    ]
    rows = run(
        raw("story-a", text_of(LAYOUTS[0], BODY)),
        raw("story-b", text_of(LAYOUTS[1], other, "Ankara prepares another prisoner exchange")),
    )
    assert len(doha(rows)) == 2


def test_copies_dated_apart_keep_two_meetings_of_the_same_man_in_the_same_city() -> None:
    # the same wire text printed a week apart: "on Tuesday" is another Tuesday in each, so the
    # counterparts' dates contradict and each stays its own meeting
    body = [BODY[0].replace("held talks in Doha", "held talks in Doha on Tuesday"), *BODY[1:]]
    rows = run(
        raw("week-1", dated("June 4, 2025", body)), raw("week-2", dated("June 11, 2025", body))
    )
    days = sorted(r["date_start"].isoformat() for r in rows["meetings"] if r["place_id"] == "doha")
    assert days == ["2025-06-03", "2025-06-10"]


def test_an_undated_copy_joins_the_dated_meeting_its_story_tells() -> None:
    # one copy gives the day ("on Tuesday" from its publication line), the other has no date
    body = [BODY[0].replace("held talks in Doha", "held talks in Doha on Tuesday"), *BODY[1:]]
    rows = run(raw("dated", dated("June 4, 2025", body)), raw("undated", text_of(LAYOUTS[1], body)))
    (meeting,) = doha(rows)
    assert meeting.startswith("2025-06-03")
    assert reported_by(rows, meeting) == {"dated", "undated"}


# ---------------------------------------------------------------- the sketch itself
VOCAB = load_vocab()


def marks(text: str) -> tuple[int, ...]:
    a = raw("x", text)
    spans = [s for _, st, en in paragraphs(a) for s in sentences(a.text, st, en, VOCAB)]
    return copies.hashes_of(copies.sketch(a.text, spans))


def test_other_layouts_of_one_story_are_copies() -> None:
    sketches = [marks(text_of(layout, BODY)) for layout in LAYOUTS]
    assert all(copies.similar(sketches[0], other) for other in sketches[1:])


def test_a_story_sharing_two_sentences_is_no_copy() -> None:
    other = [
        *BODY[:2],
        "Officials in Ankara said a prisoner exchange was being prepared for next month.",
        "Turkish mediators have held separate contacts with both delegations since January.",
        "A spokesperson for the Ukrainian navy said two more drones were shot down overnight.",
    ]
    assert not copies.similar(marks(text_of(LAYOUTS[0], BODY)), marks(text_of(LAYOUTS[0], other)))


def test_short_sentences_and_case_do_not_count() -> None:
    assert marks("Headline\n\nRead more.\n\nShare this.\n") == ()
    upper = text_of(LAYOUTS[0], [s.upper() for s in BODY])
    assert marks(upper) == marks(text_of(LAYOUTS[0], BODY))


def test_copy_pairs_are_symmetric_and_skip_empty_sketches() -> None:
    whole = [marks(text_of(layout, BODY)) for layout in LAYOUTS]
    packed = {f"c{i}": b"".join(h.to_bytes(4, "big") for h in w) for i, w in enumerate(whole)}
    assert copies.copy_pairs({**packed, "empty": b""}) == {
        "c0": ["c1", "c2"],
        "c1": ["c0", "c2"],
        "c2": ["c0", "c1"],
    }


def test_counterparts_pair_reports_of_one_signature_in_their_order() -> None:
    # an article telling two encounters its reports cannot tell apart by their signature: the
    # first of one copy is the counterpart of the first of the other, the second of the second
    art = raw("pair-a", text_of(LAYOUTS[0], BODY))
    (first,) = [m for m in meeting_mentions(art, KB, mentions(art, KB)) if m.place_id == "doha"]
    second = replace(first, local_id=first.local_id + "-later", start=first.start + 500)
    theirs = [replace(m, article_id="pair-b") for m in (first, second)]
    reports = reports_of([first, second, *theirs])
    found = copies.Copies(reports)
    by = {(r.article_id, r.mentions[0].start): r for r in reports}
    for start in (first.start, second.start):
        (twin,) = found.counterparts(by[("pair-a", start)])
        assert (twin.article_id, twin.mentions[0].start) == ("pair-b", start)


def _sketch(hashes: set[int]) -> bytes:
    return b"".join(h.to_bytes(4, "big") for h in sorted(hashes)[: copies.SKETCH])


def test_copies_found_from_an_earlier_corpus_are_those_found_afresh(
    monkeypatch: Any,
) -> None:
    """A rebuild's near-copies, found from the memo of the corpus before (articles added,
    removed, edited; hashes crowded past COMMON and back), are exactly those found afresh."""
    import random

    monkeypatch.setattr(copies, "COMMON", 5)  # crowded hashes come and go with a few articles
    monkeypatch.setattr(copies, "CANDIDATES", 3)
    rng = random.Random(18)
    stories = [set(rng.sample(range(60), rng.randint(3, 14))) for _ in range(8)]

    def article() -> bytes:
        story = set(rng.choice(stories))
        edits = rng.sample(range(60), rng.randint(0, 3))
        return _sketch(story ^ set(edits)) if rng.random() > 0.05 else b""

    corpus = {f"a{n:03d}": article() for n in range(30)}
    memo = copies.find_copies(corpus)
    judged = 0
    for _ in range(150):
        changed = dict(corpus)
        for _ in range(rng.randint(1, 4)):
            roll, name = rng.random(), rng.choice(sorted(changed))
            if roll < 0.4:
                changed[f"a{rng.randint(0, 999):03d}"] = article()  # added (or edited)
            elif roll < 0.7 and len(changed) > 2:
                del changed[name]
            else:
                changed[name] = article()
        fresh = copies.find_copies(changed)
        kept = copies.find_copies(changed, memo)
        assert kept == fresh
        assert copies.copies_of(kept.pairs) == copies.copy_pairs(changed)
        judged += len(fresh.pairs)
        corpus, memo = changed, kept
    assert judged > 150  # copies were found all along
