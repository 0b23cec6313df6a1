"""Stage `proposals`: recall classes of issue #15 with sentences of our own.

Agreements and events as positions (the parties of the sentence, or of the meeting it reports),
provisions stated with a clear holder but no proposing verb, and the state of a proposer the
knowledge base does not know. Each class has negatives that must give no row.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from talkspkg.kb import load_knowledge
from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.meetings import meeting_mentions
from talkspkg.stages.mentions import mentions
from talkspkg.stages.proposals import proposal_evidence

KB = load_knowledge()


def rows(text: str) -> set[tuple[str, str, str]]:
    """(code, stance, entity) of every claim of a text of our own, with the meetings stage's
    output as the pipeline passes it."""
    article = make_article(RawFile(Path("raw/x.txt"), "x", "\n" + text + "\n", "0" * 64))
    found = mentions(article, KB)
    result = proposal_evidence(article, KB, found, meeting_mentions(article, KB, found))
    return {(e.code, e.stance, e.entity_id) for e in result.evidence}


PE = "humanitarian.prisoner_exchange"
# classes not built yet: a holder in a "for X" phrase, a discovered person's state stated apart
NOT_YET = pytest.mark.xfail(strict=True, reason="not built yet (issue #15)")

# ------------------------------------------------ agreements and events as positions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian and Ukrainian negotiators met in Istanbul on Friday. The two sides agreed "
            "to exchange 1,000 prisoners each.",
            {(PE, "supports", "russia"), (PE, "supports", "ukraine")},
        ),
        (
            "Russia and Ukraine swapped 150 prisoners of war on Tuesday.",
            {(PE, "supports", "russia"), (PE, "supports", "ukraine")},
        ),
        (
            "Moscow and Kyiv exchanged 84 prisoners each, officials said.",
            {(PE, "supports", "russia"), (PE, "supports", "ukraine")},
        ),
        (
            "Ukraine and Russia carried out their largest prisoner exchange of the war.",
            {(PE, "supports", "russia"), (PE, "supports", "ukraine")},
        ),
        (
            "Russia swapped 250 captives with Ukraine in a deal brokered by the UAE.",
            {(PE, "supports", "russia"), (PE, "supports", "ukraine")},
        ),
        (
            "Kyiv and Moscow agreed to a ceasefire on energy infrastructure.",
            {
                ("ceasefire.partial", "supports", "ukraine"),
                ("ceasefire.partial", "supports", "russia"),
            },
        ),
        (
            "Talks between Russian and Ukrainian delegations in Istanbul on Monday ended without "
            "a breakthrough but led to a large prisoner swap.",
            {(PE, "supports", "russia"), (PE, "supports", "ukraine")},
        ),
        # negatives: a failure, a delay, a forecast, one side alone, no party
        ("Russia and Ukraine failed to agree on a prisoner exchange.", set()),
        ("A prisoner exchange between Russia and Ukraine was postponed.", set()),
        ("Russia accused Ukraine of delaying a prisoner swap.", set()),
        ("Russia and Ukraine could swap more prisoners next week, officials said.", set()),
        ("Ukraine swapped 90 prisoners on Sunday.", set()),
        ("Russia and Ukraine have not exchanged prisoners since March.", set()),
    ],
)
def test_an_agreement_or_an_event_is_a_position_of_each_party(text, expected):
    assert rows(text) == expected


# ------------------------------------------------ a provision stated with a clear holder

SG = "security.guarantees"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kyiv insists any deal must include security guarantees.",
            {(SG, "proposes", "ukraine")},
        ),
        ("Ukraine wants security guarantees from its allies.", {(SG, "proposes", "ukraine")}),
        (
            "Zelensky has long sought security guarantees from Washington.",
            {(SG, "proposes", "volodymyr-zelensky")},
        ),
        (
            "Moscow is seeking the lifting of sanctions.",
            {("sanctions.relief", "proposes", "russia")},
        ),
        pytest.param(
            "For Moscow, Ukraine's neutrality is non-negotiable.",
            {("security.nato_membership", "proposes", "russia")},
            marks=NOT_YET,
        ),
        pytest.param(
            "Ukraine's neutrality is non-negotiable for the Kremlin.",
            {("security.nato_membership", "proposes", "kremlin")},
            marks=NOT_YET,
        ),
        (
            "Russia's demands include a ban on Ukraine joining NATO and the lifting of sanctions.",
            {
                ("security.nato_membership", "proposes", "russia"),
                ("sanctions.relief", "proposes", "russia"),
            },
        ),
        (
            "Ukraine's position is that any settlement needs security guarantees.",
            {(SG, "proposes", "ukraine")},
        ),
        (
            "Kyiv has made security guarantees a precondition for any agreement.",
            {(SG, "proposes", "ukraine")},
        ),
        # negatives: described, hypothetical, someone else's uncertainty
        ("Security guarantees were discussed at length.", set()),
        ("It is unclear what security guarantees would look like.", set()),
        ("Whether Russia wants sanctions relief is unclear.", set()),
        ("If Ukraine sought security guarantees, it would need allies.", set()),
    ],
)
def test_a_provision_with_a_clear_holder_is_its_position(text, expected):
    assert rows(text) == expected


# ------------------------------------------------ a discovered proposer's state


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "President Arlo Vennick has proposed a 30-day ceasefire. The US president said "
            "the truce would save lives.",
            {("ceasefire.temporary", "proposes", "arlo-vennick")},
            marks=NOT_YET,
        ),
        pytest.param(
            "America's Arlo Vennick proposed a 30-day ceasefire.",
            {("ceasefire.temporary", "proposes", "arlo-vennick")},
            marks=NOT_YET,
        ),
        pytest.param(
            "Arlo Vennick's administration in Washington proposed a 30-day ceasefire.",
            {("ceasefire.temporary", "proposes", "arlo-vennick")},
            marks=NOT_YET,
        ),
        # no country stated anywhere: no proposer, no row
        ("President Arlo Vennick has proposed a 30-day ceasefire.", set()),
    ],
)
def test_a_discovered_proposer_takes_the_state_the_text_gives(text, expected):
    assert rows(text) == expected
