"""Stage `proposals`: positions stated by reference rather than by a direct cue.

Three classes of sentences of our own (invented people, well-known states):
(a) positions stated inside QUOTATIONS whose speaker the quotes stage resolves ("'We will never
    accept foreign troops on our soil,' X said" is X's rejection), never those of a quotation
    with no confident speaker, nor the other side's demand a speaker reports ("'They want us to
    give up Donbas,' X said"), nor a question;
(b) sentences POINTING BACK to a term stated just before ("Kyiv had already signed up to that.",
    "Moscow did not.", "Moscow rejected the idea.", "Kyiv has accepted it, the Kremlin has
    not."), never with no term before, nor when two proposals of different codes could be meant;
(c) proposals stated with NO PROPOSING WORD ("X wants a 30-day truce", "X's condition is ...",
    "for X, any deal must include ...", "X's position is that ..."), never a frame that is no
    demand ("For Moscow, a 30-day ceasefire would be a trap") nor another subject's wish
    ("Russia's position is that the West wants ...").

Each case asserts what the scorer compares: terms by (proposer, code) and positions by (state,
stance, code). A last test checks that a claim resting on a quotation's speaker or an anaphor
is less confident than one resting on a direct cue.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from talkspkg.kb import load_knowledge
from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.mentions import mentions
from talkspkg.stages.proposals import TermEvidence, term_evidence

KB = load_knowledge()

Terms = set[tuple[str, str]]
Positions = set[tuple[str, str, str]]


def evidence(text: str) -> list[TermEvidence]:
    article = make_article(RawFile(Path("raw/x.txt"), "x", "\n" + text + "\n", "0" * 64))
    return term_evidence(article, KB, mentions(article, KB))


def claims(text: str) -> tuple[Terms, Positions]:
    """Terms (proposer, code) and positions (state, stance, code) of an article of `text`."""
    found = evidence(text)
    terms = {(e.proposer_id or "", e.code) for e in found if e.stance == "proposes"}
    positions = {(e.holder_side, e.stance, e.code) for e in found if e.stance != "proposes"}
    return terms, positions


US, RU, UA, UK, FR = "united-states", "russia", "ukraine", "united-kingdom", "france"
FULL, TEMP, PART = "ceasefire.full", "ceasefire.temporary", "ceasefire.partial"
CRIMEA, FREEZE, CESSION, OCCUPIED = (
    "territory.crimea_recognition",
    "territory.freeze_front_line",
    "territory.cession",
    "territory.occupied_control_recognition",
)
NATO, GUARANTEES, TROOPS = (
    "security.nato_membership",
    "security.guarantees",
    "security.foreign_contingent",
)
RELIEF, POW, CHILDREN = (
    "sanctions.relief",
    "humanitarian.prisoner_exchange",
    "humanitarian.children_return",
)
SEA, ELECTIONS = "infrastructure.black_sea_navigation", "political.elections"
MINERALS = "economy.minerals_deal"

# ------------------------------------------------------------------ (a) quoted positions
QUOTED: list = [
    (
        "'Russia will never agree to Western troops in Ukraine,' Peskov told reporters.",
        set(),
        {(RU, "rejects", TROOPS)},
    ),
    (
        "“We categorically reject any freeze of the front line,” said Russian Deputy Foreign "
        "Minister Pavel Antonov.",
        set(),
        {(RU, "rejects", FREEZE)},
    ),
    (
        "'We are ready to swap all prisoners for all prisoners,' Zelensky wrote on Telegram.",
        {(UA, POW)},
        set(),
    ),
    (
        "“We are not going to recognise Crimea as Russian,” Zelensky said.",
        set(),
        {(UA, "rejects", CRIMEA)},
    ),
    (
        "'Any settlement must include the return of every deported child,' said Ukrainian "
        "Deputy Foreign Minister Olena Hrytsenko.",
        {(UA, CHILDREN)},
        set(),
    ),
    (
        "Sybiha spoke in Kyiv on Monday. “We support a full and unconditional ceasefire,” he said.",
        set(),
        {(UA, "supports", FULL)},
    ),
    (
        "“The Russians demand that we withdraw from the Donbas,” Zelensky said.",
        {(RU, CESSION)},
        set(),
    ),
    (
        "“Moscow wants us to hand over Zaporizhzhia,” Zelensky told reporters. “We will not do "
        "that.”",
        {(RU, CESSION)},
        {(UA, "rejects", CESSION)},
    ),
    (
        "“We will not recognise any occupied territory as Russian,” the Ukrainian foreign "
        "minister, Andrii Sybiha, said.",
        set(),
        {(UA, "rejects", OCCUPIED)},
    ),
    ("“We want the return of all our children,” Zelensky said.", {(UA, CHILDREN)}, set()),
    ("“We would like to see sanctions lifted,” the Kremlin spokesman said.", {(RU, RELIEF)}, set()),
    # negatives: no confident speaker, the other side's demand, questions, hypotheticals
    ("“Nobody in Europe wants to send troops to Ukraine,” Peskov said.", set(), set()),
    ("'We will never accept foreign troops on our soil,' one official said.", set(), set()),
    ("'What they want is for us to surrender Donbas,' Zelensky said.", set(), set()),
    (
        "“We will never accept foreign troops on our soil.” The slogan was painted on a wall.",
        set(),
        set(),
    ),
    ("'They want us to give up Donbas,' Zelensky said.", set(), set()),
    ("'Why would we accept a 30-day truce?' Peskov asked.", set(), set()),
    ("“Should we really accept a freeze of the front line?” Antonov asked.", set(), set()),
    (
        "'If Moscow agreed to a full ceasefire, that would be a surprise,' Sybiha said.",
        set(),
        set(),
    ),
]

# ------------------------------------------------------------------ (b) pointing back
ANAPHORA: list = [
    (
        "The United States proposed a 30-day ceasefire on Tuesday. Kyiv had already signed up "
        "to that.",
        {(US, TEMP)},
        {(UA, "supports", TEMP)},
    ),
    (
        "Washington floated a 30-day truce last month. Kyiv accepted it. Moscow did not.",
        {(US, TEMP)},
        {(UA, "supports", TEMP), (RU, "rejects", TEMP)},
    ),
    (
        "Washington floated a 30-day truce last month. Kyiv has accepted it, the Kremlin has not.",
        {(US, TEMP)},
        {(UA, "supports", TEMP), (RU, "rejects", TEMP)},
    ),
    (
        "Britain and France floated the idea of a European reassurance force for Ukraine. "
        "Moscow rejected the idea.",
        {(UK, TROOPS), (FR, TROOPS)},
        {(RU, "rejects", TROOPS)},
    ),
    (
        "Turkey proposed a deal to ensure safe shipping in the Black Sea. The proposal was "
        "welcomed by Paris.",
        {("turkey", SEA)},
        {(FR, "supports", SEA)},
    ),
    (
        "The Kremlin put forward a plan to freeze the front line. Zelensky dismissed the plan "
        "as a trap.",
        {(RU, FREEZE)},
        {(UA, "rejects", FREEZE)},
    ),
    (
        "Trump offered Moscow sanctions relief. Putin welcomed the offer.",
        {(US, RELIEF)},
        {(RU, "supports", RELIEF)},
    ),
    (
        "Ukraine proposed an exchange of all prisoners. Russia agreed to it on Friday.",
        {(UA, POW)},
        {(RU, "supports", POW)},
    ),
    (
        "The US plan calls for elections in Ukraine. Moscow has welcomed it, Kyiv has not.",
        {(US, ELECTIONS)},
        {(RU, "supports", ELECTIONS), (UA, "rejects", ELECTIONS)},
    ),
    (
        "Ankara proposed a prisoner exchange. Both Kyiv and Moscow welcomed the offer.",
        {("turkey", POW)},
        {(UA, "supports", POW), (RU, "supports", POW)},
    ),
    (
        "Washington put forward a 30-day truce. The Kremlin turned it down on Saturday.",
        {(US, TEMP)},
        {(RU, "rejects", TEMP)},
    ),
    (
        "Trump proposed an energy truce. Putin agreed to it, Zelensky didn't.",
        {(US, PART)},
        {(RU, "supports", PART), (UA, "rejects", PART)},
    ),
    # negatives: nothing to point back to, two candidates, questions, hypotheticals, own side
    (
        "Washington tabled a plan for a full ceasefire. Kyiv welcomed the proposal. Moscow did "
        "not comment.",
        {(US, FULL)},
        {(UA, "supports", FULL)},
    ),
    (
        "Britain proposed a 30-day truce. Moscow has rejected that proposal, but Kyiv has not.",
        {(UK, TEMP)},
        {(RU, "rejects", TEMP)},
    ),
    # a bare refusal right after a proposal takes it up ("Kyiv refused."); the elliptical
    # negation after a rejection ("Washington did not.") still says nothing
    (
        "Moscow floated a ceasefire along the current front line. Kyiv refused. Washington did "
        "not.",
        {(RU, FREEZE)},
        {(UA, "rejects", FREEZE)},
    ),
    ("Moscow rejected the idea.", set(), set()),
    ("Moscow did not.", set(), set()),
    ("Russia launched 200 drones overnight. Kyiv condemned it.", set(), set()),
    (
        "Washington proposed a 30-day ceasefire and Kyiv proposed an exchange of all prisoners. "
        "Moscow rejected the idea.",
        {(US, TEMP), (UA, POW)},
        set(),
    ),
    (
        "Washington proposed a 30-day truce. Will Moscow accept it?",
        {(US, TEMP)},
        set(),
    ),
    (
        "Washington proposed a 30-day truce. Moscow could accept it, analysts said.",
        {(US, TEMP)},
        set(),
    ),
    ("Kyiv proposed a full ceasefire. Zelensky backed it.", {(UA, FULL)}, set()),
    (
        "Zelensky proposed a full ceasefire. Putin met Witkoff in Moscow on Thursday. "
        "Moscow did not.",
        {(UA, FULL)},
        set(),
    ),
    (
        "Zelensky proposed a full ceasefire. Trump did not say whether he supported it.",
        {(UA, FULL)},
        set(),
    ),
    # a rejection is no acceptance: "did not" after it takes up nothing
    (
        "Kyiv rejected a 30-day ceasefire. Moscow did not.",
        set(),
        {(UA, "rejects", TEMP)},
    ),
]

# ------------------------------------------------------------------ (c) no proposing word
UNCUED: list = [
    ("Russia wants a 30-day truce.", {(RU, TEMP)}, set()),
    ("Kyiv's condition is a full ceasefire before any talks.", {(UA, FULL)}, set()),
    (
        "For Moscow, any deal must include recognition of Crimea as Russian.",
        {(RU, CRIMEA)},
        set(),
    ),
    (
        "Ukraine's position is that security guarantees must come first.",
        {(UA, GUARANTEES)},
        set(),
    ),
    ("Zelensky's goal is a full and unconditional ceasefire.", {(UA, FULL)}, set()),
    ("Moscow would like Western sanctions lifted.", {(RU, RELIEF)}, set()),
    (
        "Ukraine's key demand remains security guarantees from its allies.",
        {(UA, GUARANTEES)},
        set(),
    ),
    (
        "Lavrov said Moscow's main condition was recognition of Crimea as Russian.",
        {(RU, CRIMEA)},
        set(),
    ),
    (
        "For the Kremlin, any settlement should bar Ukraine from joining NATO.",
        {(RU, NATO)},
        set(),
    ),
    ("Russia's chief demand is that Kyiv recognise Crimea as Russian.", {(RU, CRIMEA)}, set()),
    ("For Washington, a deal must include a minerals agreement.", {(US, MINERALS)}, set()),
    # negatives: a frame that is no demand, another subject's wish, questions, hypotheticals
    ("Russia's position remains unclear.", set(), set()),
    ("For Moscow, a 30-day ceasefire would be a trap.", set(), set()),
    ("For Ukraine, the war is about survival.", set(), set()),
    ("For the Kremlin, the talks were a success.", set(), set()),
    ("Kyiv's priority is to ensure that Russia does not get sanctions relief.", set(), set()),
    (
        "Russia's position is that the West wants a 30-day ceasefire only to rearm Ukraine.",
        set(),
        set(),
    ),
    ("Does Moscow want a 30-day truce?", set(), set()),
    (
        "If Kyiv wants a full ceasefire, it should talk to Moscow, Peskov said.",
        set(),
        set(),
    ),
    ("For the first time, a 30-day ceasefire seemed within reach.", set(), set()),
    ("The condition of the prisoners of war remains unclear.", set(), set()),
]


@pytest.mark.parametrize(("text", "terms", "positions"), QUOTED)
def test_quoted_positions(text: str, terms: Terms, positions: Positions) -> None:
    assert claims(text) == (terms, positions)


@pytest.mark.parametrize(("text", "terms", "positions"), ANAPHORA)
def test_positions_pointing_back(text: str, terms: Terms, positions: Positions) -> None:
    assert claims(text) == (terms, positions)


@pytest.mark.parametrize(("text", "terms", "positions"), UNCUED)
def test_proposals_without_proposing_word(text: str, terms: Terms, positions: Positions) -> None:
    assert claims(text) == (terms, positions)


def _rejection(text: str) -> float:
    return next(e.confidence for e in evidence(text) if e.stance == "rejects")


DIRECT = "Russia rejected the US proposal for a 30-day ceasefire."


def test_a_quoted_position_is_less_confident_than_a_direct_cue() -> None:
    quoted = "“We reject the US proposal for a 30-day ceasefire,” Peskov said."
    assert _rejection(quoted) < _rejection(DIRECT)


def test_a_position_pointing_back_is_less_confident_than_a_direct_cue() -> None:
    pointing = "The US proposed a 30-day ceasefire. Russia rejected the proposal."
    elliptic = "The US proposed a 30-day ceasefire. Kyiv accepted it, Moscow did not."
    assert _rejection(pointing) < _rejection(DIRECT)
    assert _rejection(elliptic) < _rejection(DIRECT)
