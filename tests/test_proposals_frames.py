"""Stage `proposals`: the frame a stance stands in (frames.py), on sentences of our own.

Families: belief and fear verbs of another party over a modal clause (predictions), reports by
the other side with a modal (predictions) or without (reported acts), a plan's content ("Under
the deal, X would ..."), claims called denied, pushes into an act ("pressured X into accepting"),
a verb with no object agreeing with a stance just stated, and the directness weights (a stance
stated by its holder weighs more than one reported, hedged or believed). Each case asserts the
positions (state, stance, code) that must be found AND those that must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_proposals_wording import KB, claims

from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.mentions import mentions
from talkspkg.stages.proposals import term_evidence
from talkspkg.stages.proposals.frames import BELIEVED, HEDGED, INTENT, REPORTED

US, RU, UA = "united-states", "russia", "ukraine"
TEMP, FULL, PART = "ceasefire.temporary", "ceasefire.full", "ceasefire.partial"
FREEZE, CESSION = "territory.freeze_front_line", "territory.cession"
TROOPS, POW, ELECTIONS = (
    "security.foreign_contingent",
    "humanitarian.prisoner_exchange",
    "political.elections",
)
PRESSURE, RELIEF, GUARANTEES = "sanctions.pressure", "sanctions.relief", "security.guarantees"

Positions = set[tuple[str, str, str]]

# (text, positions that must be found, positions that must not be)
CASES: list[tuple[str, Positions, Positions]] = [
    # ------------------------------------------------ predictions under a belief verb
    (
        "Diplomats in Vienna believe Russia will accept a 30-day truce.",
        set(),
        {(RU, "supports", TEMP)},
    ),
    (
        "Analysts think Moscow would reject any deployment of European troops in Ukraine.",
        set(),
        {(RU, "rejects", TROOPS)},
    ),
    (
        "Warsaw suspects that Moscow will turn down a full ceasefire.",
        set(),
        {(RU, "rejects", FULL)},
    ),
    (
        "Few in Kyiv reckon the Kremlin is going to accept a freeze of the front line.",
        set(),
        {(RU, "supports", FREEZE)},
    ),
    (
        "European capitals fear Washington could endorse a freeze of the front line.",
        set(),
        {(US, "supports", FREEZE)},
    ),
    # the believer's own side: its stance, not a prediction of another's
    (
        "Ukrainian officials believe Kyiv would reject any cession of territory.",
        {(UA, "rejects", CESSION)},
        set(),
    ),
    # ------------------------------------------------ reports by the other side
    (
        "Erdogan said Putin would accept a 30-day truce.",
        set(),
        {(RU, "supports", TEMP)},
    ),
    (
        "Moscow will never agree to a full ceasefire, Sybiha told reporters.",
        set(),
        {(RU, "rejects", FULL), (RU, "supports", FULL)},
    ),
    (
        "According to Witkoff, Moscow would accept a 30-day truce.",
        set(),
        {(RU, "supports", TEMP)},
    ),
    (
        "Moscow would accept a 30-day truce, according to Peskov.",
        {(RU, "supports", TEMP)},
        set(),
    ),
    # a past act the other side reports stays a stance (weighed REPORTED)
    (
        "Macron said Putin had agreed to a halt on strikes against energy facilities.",
        {(RU, "supports", PART)},
        set(),
    ),
    # its own side reporting: the holder's stance
    (
        "Peskov said Moscow would not accept European troops in Ukraine.",
        {(RU, "rejects", TROOPS)},
        set(),
    ),
    (
        "Kyiv will not accept a freeze of the front line, Umerov said on Monday.",
        {(UA, "rejects", FREEZE)},
        set(),
    ),
    # ------------------------------------------------ a plan's content
    (
        "Under the draft agreement, Ukraine would accept a freeze of the front line.",
        set(),
        {(UA, "supports", FREEZE)},
    ),
    (
        "According to the leaked memorandum, Kyiv would agree to hold elections within 100 days.",
        set(),
        {(UA, "supports", ELECTIONS)},
    ),
    # ------------------------------------------------ claims called denied, denied reports
    (
        "Vance said Moscow had accepted a 30-day truce, a claim the Kremlin disputed.",
        set(),
        {(RU, "supports", TEMP)},
    ),
    (
        "Kyiv dismissed reports that it had agreed to a freeze of the front line.",
        set(),
        {(UA, "supports", FREEZE)},
    ),
    # ------------------------------------------------ pushed into an act
    (
        "Washington pressured Kyiv into accepting a freeze of the front line.",
        set(),
        {(UA, "supports", FREEZE), (US, "supports", FREEZE)},
    ),
    # ------------------------------------------------ a verb with no object after a stance
    (
        "Kyiv would reject any cession of territory, its envoy insists, and most Ukrainians agree.",
        {(UA, "rejects", CESSION)},
        {(UA, "supports", CESSION)},
    ),
    # ------------------------------------------------ a negated speech verb over the clause
    (
        "Moscow never said it would accept a 30-day truce.",
        set(),
        {(RU, "supports", TEMP)},
    ),
    (
        "Ankara has not said it will back tougher sanctions on Russia.",
        set(),
        {("turkey", "supports", PRESSURE)},
    ),
    # ------------------------------------------------ whose stance: the clause's subject
    # a reporting participle opening a clause with a subject of its own
    (
        '"We reject any freeze of the front line," Sybiha said, adding that Moscow had accepted '
        "a prisoner swap.",
        {(UA, "rejects", FREEZE), (RU, "supports", POW)},
        {(UA, "supports", POW)},
    ),
    # an actor in a fronted prepositional phrase, set apart by a bare comma, holds nothing
    (
        "In a call with Erdogan, Macron backed a 30-day truce.",
        {("france", "supports", TEMP)},
        {("turkey", "supports", TEMP)},
    ),
    (
        "After talks with Kremlin envoy Kirill Dmitriev, Witkoff welcomed the prisoner exchange.",
        {(US, "supports", POW)},
        {(RU, "supports", POW)},
    ),
    # but a list ending in "and", or a headline's list opening its clause, holds it together
    (
        "Envoys from Turkey, Ukraine, and Russia agreed to a prisoner exchange.",
        {("turkey", "supports", POW), (UA, "supports", POW), (RU, "supports", POW)},
        set(),
    ),
    # a ", who" clause: the actor it describes, whatever governs it
    (
        "Zelensky met Finnish President Alexander Stubb, who backed sending European troops to "
        "Ukraine.",
        {("finland", "supports", TROOPS)},
        {(UA, "supports", TROOPS)},
    ),
    # someone the text makes no actor: nobody, not the sentence's subject
    (
        "Zelensky met a retired general, who backed sending European troops to Ukraine.",
        set(),
        {(UA, "supports", TROOPS)},
    ),
    # ------------------------------------------------ commentators, publics, asides
    (
        "Moscow will never give up Crimea, a Russian political scientist said.",
        set(),
        {(RU, "rejects", "territory.crimea_recognition")},
    ),
    (
        "Experts say Washington would back security guarantees.",
        set(),
        {(US, "supports", GUARANTEES)},
    ),
    # an official reporting: the stance stays
    (
        "Kyiv would never accept a freeze of the front line, a Ukrainian official said.",
        {(UA, "rejects", FREEZE)},
        set(),
    ),
    # a state's opposition or public is not the state
    ("Georgia's opposition rejected the 30-day truce.", set(), {("georgia", "rejects", TEMP)}),
    ("Russia's public welcomed the prisoner exchange.", set(), {(RU, "supports", POW)}),
    # a "whom" aside closed before the cue holds nothing
    (
        "Putin, whom Erdogan urged to accept a ceasefire, rejected the 30-day truce.",
        {(RU, "rejects", TEMP)},
        {("turkey", "rejects", TEMP)},
    ),
    # ------------------------------------------------ negation and condition scope
    (
        "Moscow rejected the 30-day truce but not the prisoner exchange.",
        {(RU, "rejects", TEMP)},
        {(RU, "rejects", POW)},
    ),
    (
        "Warsaw backed tougher sanctions rather than a freeze of the front line.",
        {("poland", "supports", PRESSURE)},
        {("poland", "supports", FREEZE)},
    ),
    (
        "Kyiv will not accept a freeze of the front line unless it gets security guarantees.",
        {(UA, "conditional", FREEZE)},
        {(UA, "rejects", FREEZE), (UA, "supports", FREEZE)},
    ),
    # an "unless" in another actor's clause conditions nothing of the refusal before it
    (
        "Chisinau refuses any cession of territory, and Moscow vows to keep fighting unless "
        "Kyiv withdraws.",
        {("moldova", "rejects", CESSION)},
        {("moldova", "conditional", CESSION)},
    ),
    (
        "Budapest has no intention of backing tougher sanctions on Russia.",
        set(),
        {("hungary", "supports", PRESSURE)},
    ),
    # but a pronoun object still takes up the terms before it
    (
        "Kyiv accepted a 30-day truce on Sunday; Moscow turned it down.",
        {(UA, "supports", TEMP), (RU, "rejects", TEMP)},
        set(),
    ),
]


@pytest.mark.parametrize(("text", "want", "unwanted"), CASES, ids=[c[0][:40] for c in CASES])
def test_frames(text: str, want: Positions, unwanted: Positions) -> None:
    _, positions = claims(text)
    assert want <= positions, positions
    assert not (unwanted & positions), positions


def confidences(text: str) -> dict[tuple[str, str, str], float]:
    """The surest confidence of each position (state, stance, code) of an article of `text`."""
    article = make_article(RawFile(Path("raw/x.txt"), "x", "\n" + text + "\n", "0" * 64))
    found: dict[tuple[str, str, str], float] = {}
    for e in term_evidence(article, KB, mentions(article, KB)):
        key = (e.holder_side, e.stance, e.code)
        found[key] = max(found.get(key, 0.0), e.confidence)
    return found


# a 30-day truce of Washington's, so that each stance below hangs on a proposal of its article
_PROPOSAL = "Washington proposed a 30-day truce on Monday. "


@pytest.mark.parametrize(
    ("sentence", "key", "weight"),
    [
        ("Moscow rejected the 30-day truce.", (RU, "rejects", TEMP), 1.0),
        ("Moscow would never accept the 30-day truce.", (RU, "rejects", TEMP), INTENT),
        ("Zelensky said Moscow had rejected the 30-day truce.", (RU, "rejects", TEMP), REPORTED),
        ("Moscow reportedly rejected the 30-day truce.", (RU, "rejects", TEMP), HEDGED),
        ("Kyiv believes Moscow has rejected the 30-day truce.", (RU, "rejects", TEMP), BELIEVED),
    ],
)
def test_directness_weighs_the_confidence(
    sentence: str, key: tuple[str, str, str], weight: float
) -> None:
    direct = confidences(_PROPOSAL + "Moscow rejected the 30-day truce.")[key]
    found = confidences(_PROPOSAL + sentence)
    assert key in found
    assert found[key] == pytest.approx(round(direct * weight, 3), abs=0.002)


def test_a_less_direct_stance_is_never_surer() -> None:
    ranked = [
        confidences(_PROPOSAL + s)[(RU, "rejects", TEMP)]
        for s in (
            "Moscow rejected the 30-day truce.",
            "Zelensky said Moscow had rejected the 30-day truce.",
            "Moscow reportedly rejected the 30-day truce.",
            "Kyiv believes Moscow has rejected the 30-day truce.",
        )
    ]
    assert ranked == sorted(ranked, reverse=True)
    assert ranked[0] > ranked[-1]
