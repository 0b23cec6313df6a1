"""Stage `proposals`: the error classes readers found on articles never tuned on (issue #15).

Each test covers one class with wordings of our own, in several word orders and spellings, and
asserts the exact (code, stance, entity) rows, including sentences that must give no row.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from talkspkg.kb import load_knowledge
from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.mentions import mentions
from talkspkg.stages.proposals import term_evidence

KB = load_knowledge()


def rows(text: str) -> set[tuple[str, str, str]]:
    """(code, stance, state or person) of every claim of an article of `text`."""
    article = make_article(RawFile(Path("raw/x.txt"), "x", "\n" + text + "\n", "0" * 64))
    found = term_evidence(article, KB, mentions(article, KB))
    return {(e.code, e.stance, e.entity_id) for e in found}


# ------------------------------------------------ the proposer is the actor of the clause


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the object of a call is no proposer
        (
            "Macron called for more sanctions on Russia.",
            {("sanctions.pressure", "proposes", "emmanuel-macron")},
        ),
        (
            "Starmer on Tuesday called for tougher sanctions against Moscow.",
            {("sanctions.pressure", "proposes", "keir-starmer")},
        ),
        # "X demanded that Y hold elections" is X's demand
        (
            "Trump demanded that Zelensky hold elections.",
            {("political.elections", "proposes", "donald-trump")},
        ),
        # a passive's agent
        (
            "A plan put forward by Washington would see Ukraine recognise Russian control of "
            "Crimea.",
            {("territory.crimea_recognition", "proposes", "united-states")},
        ),
        # what X hopes Y would agree to is no plan, and no stance, of Y's
        ("Zelensky hoped Russia would agree to the proposed truce.", set()),
        ("Macron said he hoped Moscow would accept a 30-day ceasefire.", set()),
        ("Washington hopes Moscow will accept the 30-day ceasefire.", set()),
        ("Trump said he expected Putin to agree to a full ceasefire.", set()),
        # a call rejected is the rejecting side's stance, not its proposal
        (
            "The Kremlin rejected calls for a 30-day ceasefire.",
            {("ceasefire.temporary", "rejects", "kremlin")},
        ),
        (
            "Moscow has dismissed renewed calls for a full ceasefire.",
            {("ceasefire.full", "rejects", "russia")},
        ),
    ],
)
def test_the_proposer_is_the_actor_of_the_proposing_clause(text, expected):
    assert rows(text) == expected


# ------------------------------------------------ negation, hedging and condition


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negated rejection is no rejection
        ("Zelensky did not reject the idea of a full ceasefire.", set()),
        ("Moscow has not ruled out a prisoner exchange.", set()),
        ("Kyiv has never rejected a full ceasefire.", set()),
        ("Zelensky didn't rule out territorial concessions.", set()),
        # a negated wish or proposal proposes nothing
        ("Zelensky doesn't want to give up the Donbas.", set()),
        ("Washington never proposed recognising Crimea as Russian.", set()),
        ("Trump denied that he had proposed recognising Crimea as Russian.", set()),
        # doubt, uncertainty and forecasts are no stance of the one they are about
        ("It is unclear whether Moscow will agree to a full ceasefire.", set()),
        ("Observers doubt that Russia will accept a full ceasefire.", set()),
        ("Russia is unlikely to accept a full ceasefire, analysts said.", set()),
        ("Starmer said Britain may support a 30-day ceasefire.", set()),
        # an event thrown into doubt, or a long road, is no rejection nor support
        ("Plans for a 30-day ceasefire were thrown into doubt on Monday.", set()),
        ("Peskov said the road to a complete ceasefire will be long.", set()),
        # the condition stays a condition
        (
            "Ukraine supports the 30-day ceasefire, but only if Russia does the same.",
            {("ceasefire.temporary", "conditional", "ukraine")},
        ),
        (
            "Kyiv would accept a ceasefire along the entire front line provided that Moscow "
            "stops shelling cities.",
            {("ceasefire.full", "conditional", "ukraine")},
        ),
        # plain stances still are stances
        ("Russia rejected a full ceasefire.", {("ceasefire.full", "rejects", "russia")}),
        (
            "Kyiv said it would not accept a 30-day ceasefire.",
            {("ceasefire.temporary", "rejects", "ukraine")},
        ),
    ],
)
def test_stances_need_an_assertion_by_their_holder(text, expected):
    assert rows(text) == expected


# ------------------------------------------------ a demand in exchange is no offer


@pytest.mark.parametrize(
    "text",
    [
        "Russia offered a pause in exchange for US recognition of Crimea as Russian.",
        "Putin said Russia was ready for a truce in return for Western recognition of Crimea "
        "as Russian.",
    ],
)
def test_what_a_side_asks_in_exchange_is_its_demand_not_its_offer(text):
    article = make_article(RawFile(Path("raw/x.txt"), "x", "\n" + text + "\n", "0" * 64))
    (claim,) = [
        e
        for e in term_evidence(article, KB, mentions(article, KB))
        if e.code == "territory.crimea_recognition"
    ]
    assert (claim.stance, claim.proposer_id, claim.proposal_kind) == (
        "proposes",
        "russia",
        "position",
    )


def test_what_a_side_concedes_before_in_exchange_stays_its_offer():
    text = (
        "Moscow may be prepared to freeze the front line in exchange for US recognition of "
        "Crimea as Russian."
    )
    article = make_article(RawFile(Path("raw/x.txt"), "x", "\n" + text + "\n", "0" * 64))
    found = {(e.code, e.proposal_id) for e in term_evidence(article, KB, mentions(article, KB))}
    assert found == {
        ("territory.freeze_front_line", "russia.offer"),
        ("territory.crimea_recognition", "russia.position"),
    }


def test_has_to_be_is_a_demand_of_whoever_reports_it():
    text = "Macron said Russia has to be dealt with through tougher sanctions."
    assert rows(text) == {("sanctions.pressure", "proposes", "emmanuel-macron")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'The US proposed a full ceasefire. Zelensky said: "We support it – but only if '
            'Russia stops its attacks."',
            ("ceasefire.full", "conditional", "volodymyr-zelensky"),
        ),
        (
            "The US proposed a 30-day ceasefire. Kyiv said it would back it, provided Moscow did "
            "the same.",
            ("ceasefire.temporary", "conditional", "ukraine"),
        ),
        (
            "Washington tabled a 30-day truce. Russia rejected it outright.",
            ("ceasefire.temporary", "rejects", "russia"),
        ),
    ],
)
def test_a_pronoun_object_points_back_to_the_proposal_just_reported(text, expected):
    assert rows(text) - {(expected[0], "proposes", "united-states")} == {expected}


def test_a_pronoun_that_opens_a_new_clause_points_back_to_nothing():
    text = "The US proposed a 30-day ceasefire. Russia rejected it because it wanted more talks."
    assert rows(text) == {("ceasefire.temporary", "proposes", "united-states")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Zelensky said Ukraine would never recognise Crimea as Russian.",
            {
                ("territory.crimea_recognition", "rejects", "ukraine"),
                ("territory.crimea_recognition", "rejects", "volodymyr-zelensky"),
            },
        ),
        (
            "Kyiv will never agree to cede territory.",
            {("territory.cession", "rejects", "ukraine")},
        ),
        (
            "Ukraine will not cede territory, Zelensky said.",
            {("territory.cession", "rejects", "ukraine")},
        ),
    ],
)
def test_would_never_is_a_refusal(text, expected):
    assert rows(text) == expected


# ------------------------------------------------ provisions in the words news prose uses

WORDINGS = [
    ("Ukraine proposed a prisoner swap with Russia.", "humanitarian.prisoner_exchange"),
    ("Kyiv pushed for a POW exchange.", "humanitarian.prisoner_exchange"),
    ("Ukraine proposed a swap of prisoners of war.", "humanitarian.prisoner_exchange"),
    ("Zelensky called for an exchange of prisoners.", "humanitarian.prisoner_exchange"),
    ("Kyiv demanded the return of deported children.", "humanitarian.children_return"),
    (
        "Kyiv insisted on the repatriation of children taken to Russia.",
        "humanitarian.children_return",
    ),
    (
        "The US offered to resume intelligence sharing with Ukraine.",
        "security.intelligence_sharing",
    ),
    ("Washington offered to restore military assistance to Kyiv.", "security.military_aid"),
    ("Trump pushed for a resources agreement with Kyiv.", "economy.minerals_deal"),
    ("The US proposed a natural resources deal with Ukraine.", "economy.minerals_deal"),
    ("Trump proposed a minerals deal with Ukraine.", "economy.minerals_deal"),
    (
        "Russia demanded freedom of navigation in the Black Sea.",
        "infrastructure.black_sea_navigation",
    ),
    (
        "Russia demanded safe passage for ships in the Black Sea.",
        "infrastructure.black_sea_navigation",
    ),
    ("Putin has demanded that Ukraine hold elections.", "political.elections"),
    ("Russia demanded a presidential election in Ukraine.", "political.elections"),
    ("Moscow demanded that Ukraine never join NATO.", "security.nato_membership"),
    ("Russia insists on Ukrainian neutrality.", "security.nato_membership"),
    ("The Kremlin demanded a bar on Ukraine's membership of NATO.", "security.nato_membership"),
    ("Ukraine demanded security assurances from the West.", "security.guarantees"),
    ("Britain and France proposed a reassurance force for Ukraine.", "security.foreign_contingent"),
    ("Britain proposed a stabilisation force for Ukraine.", "security.foreign_contingent"),
    ("Russia demanded territorial concessions from Ukraine.", "territory.cession"),
    ("Putin demanded that Ukraine cede the rest of Donetsk.", "territory.cession"),
    ("The US proposed freezing the fighting at current positions.", "territory.freeze_front_line"),
    ("Trump threatened tariffs on buyers of Russian oil.", "sanctions.pressure"),
    ("Russia demanded the easing of sanctions.", "sanctions.relief"),
    (
        "The plan proposed by the US would limit Ukraine's army to 600,000 troops.",
        "security.army_limits",
    ),
    ("Ukraine proposed a maritime ceasefire.", "ceasefire.partial"),
    ("Ukraine proposed a moratorium on attacks on energy facilities.", "ceasefire.partial"),
    ("Russia offered a halt on energy strikes.", "ceasefire.partial"),
    ("Zelensky called for a full ceasefire as a first step.", "ceasefire.full"),
    ("Russia proposed a ceasefire of thirty days.", "ceasefire.temporary"),
]


@pytest.mark.parametrize(("text", "code"), WORDINGS)
def test_a_provision_is_found_in_general_wordings(text, code):
    assert {c for c, stance, _ in rows(text) if stance == "proposes"} == {code}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an energy-and-sea truce is partial, the 30-day one temporary: never one for the other
        (
            "Ukraine agreed to a 30-day ceasefire, while Russia agreed only to a halt on energy "
            "strikes.",
            {
                ("ceasefire.temporary", "supports", "ukraine"),
                ("ceasefire.partial", "supports", "russia"),
            },
        ),
        (
            "Ukraine proposed a truce covering energy sites and the Black Sea.",
            {("ceasefire.partial", "proposes", "ukraine")},
        ),
        (
            "Zelensky called for an energy and Black Sea ceasefire as well as a 30-day truce.",
            {
                ("ceasefire.partial", "proposes", "volodymyr-zelensky"),
                ("ceasefire.temporary", "proposes", "volodymyr-zelensky"),
            },
        ),
        (
            "Zelensky ruled out Ukrainian territorial concessions.",
            {("territory.cession", "rejects", "volodymyr-zelensky")},
        ),
        # whose concessions, only the subject's side says: no code
        ("Putin rules out making any major territorial concessions.", set()),
        # a Russian concession is no Ukrainian cession
        ("Moscow's territorial concessions were welcomed by Washington.", set()),
    ],
)
def test_limited_and_30_day_ceasefires_and_concessions_stay_apart(text, expected):
    assert rows(text) == expected


# ------------------------------------------------ presented at a meeting


@pytest.mark.parametrize(
    ("text", "proposal_id", "city"),
    [
        (
            "Last week Rubio presented the American proposal to Ukrainian and European officials "
            "at a meeting in Paris. It includes a full ceasefire.",
            "united-states.plan",
            "paris",
        ),
        (
            "Ukrainian negotiators handed over their counter-proposal during talks with US "
            "officials in Geneva on Sunday. It calls for a full ceasefire.",
            "ukraine.plan",
            "geneva",
        ),
        (
            "At the talks in Riyadh on Tuesday, the US delegation tabled a plan for a 30-day "
            "ceasefire.",
            "united-states.ceasefire-temporary",
            "riyadh",
        ),
    ],
)
def test_a_proposal_presented_at_a_meeting_is_linked_to_it(text, proposal_id, city):
    from test_proposals import presented_rows

    meeting, _, _ = presented_rows(text)[proposal_id]
    assert meeting is not None and f"-{city}-" in meeting


def test_a_plan_reported_as_presented_with_no_meeting_is_linked_to_none():
    from test_proposals import presented_rows

    text = "The Kremlin said the US had presented a plan for a full ceasefire, but would study it."
    assert presented_rows(text) == {"united-states.ceasefire-full": (None, "None", None)}
