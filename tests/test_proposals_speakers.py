"""Stage `proposals`: holders and proposers taken from the quotes stage's speakers (speakers.py).

Sentences, people and wordings are our own; each test states what the quotes stage says about
the quotation, then what the proposals stage makes of it.
"""

from __future__ import annotations

from pathlib import Path

from talkspkg.kb import load_knowledge
from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.mentions import mentions
from talkspkg.stages.proposals import TermEvidence, proposal_evidence
from talkspkg.stages.proposals.speakers import MIN_CONFIDENCE, Speakers
from talkspkg.stages.quotes import Quote, quotes

KB = load_knowledge()


def run(text: str) -> tuple[list[Quote], list[TermEvidence]]:
    """The quotations and claims of an article of `text` under a headline."""
    body = "Ministers meet again\n\n" + text + "\n"
    article = make_article(RawFile(Path("raw/x.txt"), "x", body, "0" * 64))
    found = mentions(article, KB)
    quoted = quotes(article, KB, found)
    return quoted, proposal_evidence(article, KB, found, (), quoted).evidence


def claims(evidence: list[TermEvidence]) -> set[tuple[str, str, str, str | None]]:
    return {(e.code, e.stance, e.entity_id, e.proposal_id) for e in evidence}


def test_a_speaker_phrase_resolved_by_the_quotes_stage_holds_its_clause():
    # the person is named a paragraph before; only the discourse model knows who "He" is
    quoted, evidence = run(
        "Turkish Foreign Minister Hakan Fidan hosted the two delegations in Ankara on Thursday."
        "\n\nHe insisted Kyiv should be included in future talks, and said he hoped the sides "
        'would "keep talking".'
    )
    (quote,) = quoted
    assert (quote.speaker_id, quote.speaker_text) == ("hakan-fidan", "He")
    (claim,) = evidence
    assert (claim.code, claim.stance, claim.entity_id, claim.proposal_id) == (
        "process.ukraine_participation",
        "proposes",
        "hakan-fidan",
        "turkey.position",
    )
    assert claim.confidence <= quote.confidence  # no surer than the quote's attribution


def test_a_modal_demand_in_a_quotation_is_its_speakers():
    # the heuristic "person named with a speech verb nearby" would take Fidan
    quoted, evidence = run(
        "Radoslaw Sikorski met Hakan Fidan in Ankara on Monday.\n\n"
        "“Any deal must include security guarantees for Kyiv,” the Polish minister said, "
        "after Fidan told reporters the talks had been useful."
    )
    assert quoted[0].speaker_id == "radoslaw-sikorski"
    assert claims(evidence) == {
        ("security.guarantees", "proposes", "radoslaw-sikorski", "poland.position")
    }
    assert all(e.confidence <= quoted[0].confidence for e in evidence)


def test_first_person_words_in_a_quotation_stand_for_its_speaker():
    quoted, evidence = run(
        "Polish Foreign Minister Radoslaw Sikorski arrived in Kyiv on Monday.\n\n"
        "“Our position has not changed,” he told reporters. “We reject any plan to cede "
        "territory.”"
    )
    assert {q.speaker_id for q in quoted} == {"radoslaw-sikorski"}
    assert ("territory.cession", "rejects", "radoslaw-sikorski", None) in claims(evidence)


def test_a_quotation_without_a_sure_speaker_gives_no_holder():
    # the quotes stage names nobody: no guess from the minister named a paragraph before
    quoted, evidence = run(
        "Hakan Fidan arrived in Kyiv on Monday for talks with Ukrainian officials.\n\n"
        "Radoslaw Sikorski said Warsaw would keep its border crossings open. Both ministers "
        "later visited a hospital.\n\n"
        "“We reject any plan to cede territory to Moscow,” a senior official said."
    )
    assert quoted[-1].speaker_id is None
    assert not [e for e in evidence if e.stance == "rejects"]


def test_a_cue_in_a_direct_quotation_finds_its_holder_inside_it():
    # the speaker reports what others agreed: not the speaker's own stance
    _, evidence = run(
        "Radoslaw Sikorski said on Friday: “The two sides agreed to a full ceasefire.”\n\n"
        "Hakan Fidan said: “Moscow will never accept a freeze along the current front line.”"
    )
    holders = {e.entity_id for e in evidence if e.stance != "proposes"}
    assert "radoslaw-sikorski" not in holders
    assert ("territory.freeze_front_line", "rejects", "russia", None) in claims(evidence)


def quote(start: int, end: int, speaker: str | None, confidence: float, phrase: int) -> Quote:
    return Quote(
        quote_id=f"x.q{start}-{end}",
        article_id="x",
        start=start,
        end=end,
        text="",
        kind="direct",
        speaker_id=speaker,
        speaker_text="he",
        speaker_start=phrase,
        speaker_end=phrase + 2,
        cue="said",
        cue_start=phrase + 3,
        cue_end=phrase + 7,
        channel="spoken",
        rule="quote-then-speaker-verb",
        resolution="pronoun",
        continues=None,
        confidence=confidence,
    )


def test_speakers_keep_only_sure_and_consistent_attributions():
    speakers = Speakers(
        "x",
        [
            quote(0, 10, "a", 0.9, 12),
            quote(20, 30, "b", 0.9, 12),  # the same phrase, another speaker: left out
            quote(40, 50, "c", MIN_CONFIDENCE - 0.01, 52),  # unsure: nobody
            quote(60, 70, "d", 0.7, 72),
        ],
    )
    assert speakers.phrases() == [(72, 74, "d", 0.7)]
    assert speakers.at(5).speaker_id == "a"  # type: ignore[union-attr]
    assert speakers.at(45).speaker_id is None  # type: ignore[union-attr]
    assert speakers.at(15) is None
    assert speakers.at(70) is None  # the end is outside
