"""Stage `proposals`: stance families on sentences written apart from the code's dev articles.

Invented officials or well-known states; each case asserts the positions (state, stance, code)
a careful coder gives, and negatives (hopes, questions, negated stances, another side's words)
that must give no position. Families: passive stances coordinated ("rejected by A and welcomed
by B"), verbs of resistance and objection, a copula "against", praise, "stood behind", "threw
its weight behind", "gave its backing to", a readiness denied ("not prepared to accept"), "had
no objection to", a nominal "refusal of", a trailing reporter ("X is out of the question,
Lavrov said"), "would consider X if/once", "would back X only after a ceasefire", "such
concessions".
"""

from __future__ import annotations

import pytest
from test_proposals_wording import claims

US, RU, UA = "united-states", "russia", "ukraine"
TEMP, FULL = "ceasefire.temporary", "ceasefire.full"
NATO_TROOPS, ASSETS = "security.foreign_contingent", "economy.frozen_assets"
POW, ELECTIONS, CESSION = (
    "humanitarian.prisoner_exchange",
    "political.elections",
    "territory.cession",
)
GUARANTEES, PRESSURE = "security.guarantees", "sanctions.pressure"
MINERALS = "economy.minerals_deal"

Positions = set[tuple[str, str, str]]

# (text, positions that must be found, positions that must not be)
CASES: list[tuple[str, Positions, Positions]] = [
    (
        "A 30-day truce was turned down by the Kremlin and accepted by Kyiv within hours.",
        {(RU, "rejects", TEMP), (UA, "supports", TEMP)},
        {(UA, "rejects", TEMP)},
    ),
    (
        "The Danish plan for security guarantees was praised by Oslo but opposed by Budapest.",
        {("norway", "supports", GUARANTEES), ("hungary", "rejects", GUARANTEES)},
        {("norway", "rejects", GUARANTEES), ("hungary", "supports", GUARANTEES)},
    ),
    (
        "Germany has resisted calls to use the frozen Russian assets for loans to Kyiv.",
        {("germany", "rejects", ASSETS)},
        set(),
    ),
    (
        "Slovak officials say Bratislava objects to tougher sanctions on Russia's energy sector.",
        {("slovakia", "rejects", PRESSURE)},
        set(),
    ),
    (
        "Italy's defence minister, Paolo Ferrante, said Rome was firmly against sending "
        "foreign troops to Ukraine.",
        {("italy", "rejects", NATO_TROOPS)},
        {("italy", "supports", NATO_TROOPS)},
    ),
    (
        "Warsaw praised the prisoner exchange carried out on Friday.",
        {("poland", "supports", POW)},
        set(),
    ),
    (
        "Japan said it stood firmly behind new sanctions on Russia's oil trade.",
        {("japan", "supports", PRESSURE)},
        set(),
    ),
    (
        "Beijing said it had no objection to a minerals deal between the two countries.",
        {("china", "supports", MINERALS)},
        {("china", "rejects", MINERALS)},
    ),
    (
        "Moscow's refusal of a 30-day truce drew sharp criticism in Paris.",
        {(RU, "rejects", TEMP)},
        {("france", "rejects", TEMP)},
    ),
    (
        "Kyiv would consider holding elections if a durable ceasefire were agreed, an aide to "
        "Zelensky said.",
        {(UA, "conditional", ELECTIONS)},
        {(UA, "supports", ELECTIONS)},
    ),
    (
        "Washington urged Kyiv to cede land in the east; Ukrainian ministers rejected any such "
        "concessions, Kyiv said.",
        {(UA, "rejects", CESSION)},
        set(),
    ),
    (
        "Prime Minister Anna Lind said Sweden would throw its full weight behind a prisoner "
        "exchange.",
        {("sweden", "supports", POW)},
        set(),
    ),
    (
        "Paris gave its firm backing to security guarantees for Kyiv.",
        {("france", "supports", GUARANTEES)},
        set(),
    ),
    (
        "The Kremlin says it is not prepared to accept a 30-day truce.",
        {(RU, "rejects", TEMP)},
        {(RU, "supports", TEMP)},
    ),
    # an acceptance "only after" a step is conditional, even when the codebook reads the step
    (
        "Moldova's envoy said Chisinau would back a prisoner exchange only after a ceasefire.",
        {("moldova", "conditional", POW)},
        {("moldova", "supports", POW)},
    ),
    # a trailing speech clause: the verdict is the speaker's own
    (
        "A partial truce limited to energy sites is out of the question, Lavrov told reporters.",
        {(RU, "rejects", "ceasefire.partial")},
        set(),
    ),
    (
        "Any foreign troops in Ukraine would be unacceptable, Lavrov said, adding that "
        "talks would continue.",
        {(RU, "rejects", NATO_TROOPS)},
        set(),
    ),
    # ... but not a passive it reports, nor a verdict with its own subject named
    (
        "The 30-day truce was rejected, Lavrov said.",
        set(),
        {(RU, "rejects", TEMP)},
    ),
    (
        "Kyiv says a 30-day truce is unacceptable, Lavrov said.",
        set(),
        {(RU, "rejects", TEMP)},
    ),
    # negatives: hopes, questions, negated resistance, the war "against"
    (
        "Diplomats hope Moscow will not resist a prisoner exchange.",
        set(),
        {(RU, "rejects", POW), (RU, "supports", POW)},
    ),
    (
        "Is Berlin still against the use of frozen Russian assets?",
        set(),
        {("germany", "rejects", ASSETS)},
    ),
    (
        "Russia's war against Ukraine entered its fourth year as the talks on a 30-day "
        "ceasefire stalled.",
        set(),
        {(RU, "rejects", TEMP)},
    ),
    (
        "France did not object to the prisoner exchange.",
        set(),
        {("france", "rejects", POW)},
    ),
]


@pytest.mark.parametrize(("text", "want", "unwanted"), CASES, ids=[c[0][:40] for c in CASES])
def test_stance_families(text: str, want: Positions, unwanted: Positions) -> None:
    _, positions = claims(text)
    assert want <= positions
    assert not (unwanted & positions)
