"""Participants attested by what the text says they did at the encounter, not by a name near it:
sentences written for this test (invented wording, well-known officials and states), each class
with the variants it must cover and the negatives it must not take.

Classes (actors.py, people.py, detect.py, patterns.py):
* a scene opener: "At / During / Throughout the talks, A did ..." (A took part);
* a first-person meeting clause in a quotation: "I will meet A," B said (B), "We held talks
  with A," B said (B's state);
* a delegation that is the antecedent of a relative clause telling an encounter ("the French
  team, which went on to Rome for talks with A");
* the people of a side meeting attend the larger encounter that names nobody;
* a mediator named in an attribute of the talks ("Qatar-mediated talks") takes part, and
  mediates the next round of the series unless it mediated at home.
"""

from __future__ import annotations

import pytest
from test_meeting_participants import parties_of, rows_of

GENEVA = "Ukrainian and US negotiators met in Geneva on Sunday. "
ISTANBUL = "Ukrainian and Russian delegations met in Istanbul on Monday. "

# ================================================================ scene opener

SCENES = [
    (GENEVA + "At the talks, Marco Rubio handed over a revised draft.", {"marco-rubio"}),
    (
        GENEVA + "During Sunday's meeting in Geneva, Marco Rubio and Andriy Yermak agreed on a "
        "new text.",
        {"marco-rubio", "andriy-yermak"},
    ),
    (
        ISTANBUL + "At the meeting, Vladimir Medinsky read out a list of demands.",
        {"vladimir-medinsky"},
    ),
    (
        ISTANBUL + "During the talks, Ukrainian Defence Minister Rustem Umerov pressed for a "
        "prisoner exchange.",
        {"rustem-umerov"},
    ),
    (
        "Finnish President Alexander Stubb hosted talks with Ukrainian officials in Helsinki on "
        "Tuesday. At the talks, Polish Prime Minister Donald Tusk told the delegations that "
        "Europe would pay its share.",
        {"donald-tusk"},
    ),
]


@pytest.mark.parametrize(("body", "people"), SCENES)
def test_who_acted_at_the_encounter_took_part(body: str, people: set[str]) -> None:
    rows = rows_of(body)
    assert people <= parties_of(rows, body.split(". ")[0].split()[-3])


SCENE_NEGATIVES = [
    (GENEVA + "After the talks, Marco Rubio said progress had been made.", "marco-rubio"),
    (GENEVA + "In the run-up to the talks, Keir Starmer urged restraint.", "keir-starmer"),
    (
        GENEVA + "In an interview after the meeting, Keir Starmer praised both sides.",
        "keir-starmer",
    ),
    (GENEVA + "At the talks, Marco Rubio's deputy presented the draft.", "marco-rubio"),
    (GENEVA + "At the talks, Dmitry Peskov was not present.", "dmitry-peskov"),
    (GENEVA + "During the talks, Dmitry Peskov said Moscow was watching.", "dmitry-peskov"),
    (
        GENEVA + "During the talks, Dmitry Peskov told reporters Moscow was watching.",
        "dmitry-peskov",
    ),
    (GENEVA + "At the talks, Keir Starmer did not take the floor.", "keir-starmer"),
]


@pytest.mark.parametrize(("body", "person"), SCENE_NEGATIVES)
def test_who_commented_or_was_absent_is_no_actor(body: str, person: str) -> None:
    rows = rows_of(body)
    assert person not in parties_of(rows, "met")


def test_an_indefinite_call_naming_nobody_lends_its_actor_to_no_earlier_call() -> None:
    rows = rows_of(
        "Donald Trump spoke with Vladimir Putin by phone on Monday. In a later call with European "
        "leaders, Emmanuel Macron urged more sanctions."
    )
    assert "emmanuel-macron" not in parties_of(rows, "spoke with")


def test_the_named_pair_keeps_the_commentator_out() -> None:
    rows = rows_of(
        "During the talks between Marco Rubio and Sergei Lavrov in Riyadh on Tuesday, Keir Starmer "
        "announced new aid."
    )
    assert "keir-starmer" not in parties_of(rows, "talks")


# ================================================================ first person in a quotation

SPEAKERS = [
    (
        '"I will meet Vladimir Putin in Budapest next month," Donald Trump told reporters.',
        "meet",
        {"donald-trump", "vladimir-putin"},
    ),
    (
        '"I spoke with Recep Tayyip Erdogan by phone on Monday," said Volodymyr Zelensky.',
        "spoke",
        {"volodymyr-zelensky"},
    ),
    (
        '"We held talks with the Russian delegation in Riyadh on Monday," Ukrainian Foreign '
        "Minister Andrii Sybiha said.",
        "talks",
        {"ukraine", "russia"},
    ),
    (
        '"We are going to meet the Ukrainian side in Geneva on Sunday," Marco Rubio said.',
        "meet",
        {"united-states"},
    ),
]


@pytest.mark.parametrize(("body", "trigger", "parties"), SPEAKERS)
def test_the_first_person_of_a_quotation_is_its_speaker(
    body: str, trigger: str, parties: set[str]
) -> None:
    assert parties <= parties_of(rows_of(body), trigger)


SPEAKER_NEGATIVES = [
    ('"I hope Donald Trump and Vladimir Putin meet in Budapest soon," Viktor Orban said.', "meet"),
    ('"They met in Riyadh on Monday," Viktor Orban said of Rubio and Lavrov.', "met"),
]


@pytest.mark.parametrize(("body", "trigger"), SPEAKER_NEGATIVES)
def test_a_speaker_who_is_not_the_subject_is_no_party(body: str, trigger: str) -> None:
    rows = rows_of(body)
    ids = {r["meeting_id"] for r in rows["meeting_mentions"] if trigger in r["trigger"]}
    got = {r["entity_id"] for r in rows["meeting_participants"] if r["meeting_id"] in ids}
    assert "viktor-orban" not in got and "hungary" not in got


def test_a_refused_or_conditional_meeting_gives_its_speaker_no_row() -> None:
    for body in (
        '"We will not meet the Russians in Minsk," Andrii Sybiha said on Tuesday.',
        '"I would meet him in Istanbul if he came," Volodymyr Zelensky said.',
    ):
        rows = rows_of(body)
        assert not {
            r["entity_id"]
            for r in rows["meeting_participants"]
            if r["entity_id"] in ("ukraine", "volodymyr-zelensky")
        }


# ================================================================ a delegation's relative clause

RELATIVES = [
    (
        ISTANBUL + "The talks carry on into Thursday without the American delegation, which flew "
        "to Rome for talks with Kirill Dmitriev.",
        "Rome",
        {"united-states", "kirill-dmitriev"},
    ),
    (
        "The Ukrainian delegation, which flew to Berlin for talks with Friedrich Merz, left Geneva "
        "on Monday.",
        "Berlin",
        {"ukraine", "friedrich-merz"},
    ),
]


@pytest.mark.parametrize(("body", "phrase", "parties"), RELATIVES)
def test_a_delegation_does_what_its_relative_clause_tells(
    body: str, phrase: str, parties: set[str]
) -> None:
    rows = rows_of(body)
    ids = {r["meeting_id"] for r in rows["meeting_mentions"] if phrase in r["text"]}
    ids = {i for i in ids if "rome" in i or "berlin" in i}
    assert len(ids) == 1
    got = {
        r["entity_id"]
        for r in rows["meeting_participants"]
        if r["meeting_id"] in ids and r["role"] != "absent"
    }
    assert parties <= got


def test_the_antecedent_keeps_its_place_in_its_own_clause() -> None:
    rows = rows_of(
        "Russian and Ukrainian negotiators met in Istanbul on Monday with the Turkish "
        "delegation, which later visited Kyiv."
    )
    assert {"russia", "ukraine", "turkey"} <= parties_of(rows, "met")
    assert "turkey" in parties_of(rows, "visited")


def test_an_absent_team_is_absent_only_where_its_own_clause_says() -> None:
    rows = rows_of(
        ISTANBUL + "The talks carry on into Thursday without the American delegation, which "
        "flew to Rome for talks with Kirill Dmitriev."
    )
    assert "united-states" not in parties_of(rows, "met")


# ================================================================ side meeting -> larger one


def test_who_met_on_the_sidelines_attended_the_summit_naming_nobody() -> None:
    rows = rows_of(
        "Leaders of the Group of Seven met in Kananaskis on Monday. On the sidelines of the "
        "summit, Keir Starmer held a bilateral meeting with Mark Carney."
    )
    larger = {r["meeting_id"] for r in rows["meeting_mentions"] if r["trigger"] == "met"}
    (mid,) = larger
    got = {r["entity_id"] for r in rows["meeting_participants"] if r["meeting_id"] == mid}
    assert got == {"keir-starmer", "mark-carney"}


def test_a_summit_with_its_own_parties_keeps_them_only() -> None:
    rows = rows_of(
        "Leaders from about 30 countries met in Paris on Thursday, in talks hosted by Emmanuel "
        "Macron. On the sidelines of the summit, Keir Starmer held a bilateral meeting with "
        "Volodymyr Zelensky."
    )
    (mid,) = {r["meeting_id"] for r in rows["meeting_mentions"] if r["trigger"] == "met"}
    got = {r["entity_id"] for r in rows["meeting_participants"] if r["meeting_id"] == mid}
    assert "keir-starmer" not in got and "volodymyr-zelensky" not in got


# ================================================================ mediators


def test_a_mediator_in_an_attribute_takes_part() -> None:
    for body, state in (
        ("Qatar-mediated talks between Russia and Ukraine opened in Doha on Monday.", "qatar"),
        ("Russia and Ukraine began U.S.-brokered talks in Riyadh on Tuesday.", "united-states"),
    ):
        assert state in parties_of(rows_of(body), "talks")


def test_a_backer_is_no_mediator() -> None:
    got = parties_of(
        rows_of("Russia and Ukraine held US-backed talks in Geneva on Monday."), "talks"
    )
    assert "united-states" not in got


def test_the_mediator_of_the_series_mediates_its_next_round() -> None:
    rows = rows_of(
        "Kyiv and Moscow wrapped up a third round of U.S.-brokered talks in Jeddah on "
        "Wednesday. Andrii Sybiha said the next round of talks would take place in Vienna."
    )
    assert {"russia", "ukraine", "united-states"} <= parties_of(rows, "in Vienna")


def test_a_mediator_at_home_mediates_no_round_elsewhere() -> None:
    rows = rows_of(
        "Russian and Ukrainian delegations met in Doha on Monday. The talks were mediated by "
        "Qatar. The next round of talks will be held in Istanbul next month."
    )
    assert "qatar" not in parties_of(rows, "in Istanbul")


# ================================================================ speaking at, addressing

PARIS = "European leaders met in Paris on Thursday. "

ADDRESSES = [
    PARIS + "Speaking at the summit, Keir Starmer said Europe must spend more.",
    PARIS + "Addressing the meeting, Keir Starmer warned that time was short.",
    PARIS + "Keir Starmer told the summit that Europe must spend more.",
    PARIS + "Keir Starmer told the emergency summit that Europe must spend more.",
    PARIS + "Keir Starmer also addressed the gathering on Thursday evening.",
]


@pytest.mark.parametrize("body", ADDRESSES)
def test_who_spoke_at_or_addressed_the_encounter_took_part(body: str) -> None:
    assert "keir-starmer" in parties_of(rows_of(body), "met")


ADDRESS_NEGATIVES = [
    PARIS + "Speaking after the summit, Keir Starmer said Europe must spend more.",
    PARIS + "Keir Starmer told the BBC the summit had been useful.",
    PARIS + "Keir Starmer told reporters after the summit that Europe must spend more.",
]


@pytest.mark.parametrize("body", ADDRESS_NEGATIVES)
def test_who_spoke_about_it_elsewhere_did_not_take_part(body: str) -> None:
    assert "keir-starmer" not in parties_of(rows_of(body), "met")


# ================================================================ remote attendance, a side's head

LONDON = "Keir Starmer met Volodymyr Zelensky in London on Tuesday. "


@pytest.mark.parametrize(
    "body",
    [
        LONDON + "Mark Rutte joined the talks by video link.",
        LONDON + "Mark Rutte took part in the meeting by phone.",
        LONDON + "Mark Rutte joined the meeting via video.",
    ],
)
def test_who_joined_remotely_took_part_in_the_encounter_told(body: str) -> None:
    rows = rows_of(body)
    assert len({r["meeting_id"] for r in rows["meetings"]}) == 1
    assert "mark-rutte" in parties_of(rows, "met")


def test_who_did_not_join_remotely_is_no_participant() -> None:
    rows = rows_of(LONDON + "Donald Trump did not join the talks by phone.")
    assert "donald-trump" not in parties_of(rows, "met")


@pytest.mark.parametrize("verb", ["headed", "led"])
def test_who_headed_a_side_took_part(verb: str) -> None:
    rows = rows_of(
        f"US and Ukrainian officials met in Geneva on Sunday. Marco Rubio, who {verb} the US "
        "side, called the talks productive."
    )
    assert "marco-rubio" in parties_of(rows, "met")


# ================================================================ a topic meeting's people

TOPICS = [
    (
        "Russian and Ukrainian envoys will sit down in Ankara on Thursday. The Ankara "
        "talks may center on swapping prisoners and a possible meeting between Volodymyr "
        "Zelensky and Vladimir Putin, a diplomat said.",
        "Ankara talks",
        {"volodymyr-zelensky", "vladimir-putin"},
    ),
    (
        "Donald Trump met Volodymyr Zelensky in Washington on Monday to discuss a possible summit "
        "with Vladimir Putin.",
        "met",
        {"vladimir-putin"},
    ),
]


@pytest.mark.parametrize(("body", "phrase", "absent"), TOPICS)
def test_the_people_of_a_meeting_discussed_are_not_the_talks_people(
    body: str, phrase: str, absent: set[str]
) -> None:
    assert not absent & parties_of(rows_of(body), phrase)


def test_earlier_talks_of_two_of_its_states_are_no_side_meeting_of_the_round() -> None:
    rows = rows_of(
        "Ukraine and Russia ended a round of U.S.-brokered talks in Riyadh on Thursday. Steve "
        "Witkoff said all three teams had settled on an exchange of captives. "
        "Marco Rubio, who joined earlier talks with Russian envoys and Steve Witkoff, "
        "said any easing of sanctions would hinge on the outcome."
    )
    ids = {r["meeting_id"] for r in rows["meeting_mentions"] if "earlier talks" in r["text"]}
    earlier = [
        r for r in rows["meetings"] if r["meeting_id"] in ids and "riyadh" not in r["meeting_id"]
    ]
    assert earlier and all(r["part_of"] is None for r in earlier)


# ================================================================ greeting verbs

GREETINGS = [
    (
        "Donald Trump greeted Vladimir Putin on the tarmac in Anchorage on Friday.",
        {"donald-trump", "vladimir-putin"},
    ),
    (
        "Emmanuel Macron embraced Volodymyr Zelensky at the Elysee Palace on Monday.",
        {"emmanuel-macron", "volodymyr-zelensky"},
    ),
    ("Keir Starmer hugged Volodymyr Zelensky in London on Tuesday.", {"keir-starmer"}),
]


@pytest.mark.parametrize(("body", "people"), GREETINGS)
def test_who_greeted_a_person_in_a_place_met_them(body: str, people: set[str]) -> None:
    rows = rows_of(body)
    assert len(rows["meetings"]) == 1
    got = {r["entity_id"]: r["role"] for r in rows["meeting_participants"]}
    assert people <= set(got)
    assert "host" not in got.values()  # a greeting makes no host


@pytest.mark.parametrize(
    "body",
    [
        "Donald Trump greeted the news from Geneva on Friday.",
        "Volodymyr Zelensky embraced the plan in Kyiv on Monday.",
        "Emmanuel Macron greeted Volodymyr Zelensky's proposal in Paris on Monday.",
    ],
)
def test_greeting_a_thing_is_no_encounter(body: str) -> None:
    assert not rows_of(body)["meetings"]


def test_who_led_the_two_sides_took_part_and_hosted_nothing() -> None:
    rows = rows_of(
        "US and Russian delegations met in Riyadh on Tuesday. Marco Rubio and Sergei Lavrov led "
        "the two sides."
    )
    got = {r["entity_id"]: r["role"] for r in rows["meeting_participants"]}
    assert got.get("marco-rubio") == "participant"
    assert got.get("sergei-lavrov") == "participant"


# ================================================================ a mediator is no side


def test_the_two_sides_of_mediated_talks_are_not_the_mediator() -> None:
    from test_proposals import collective_claims

    for talks in ("U.S.-brokered talks", "talks mediated by Qatar"):
        text = (
            f"Russian and Ukrainian delegations held {talks} in Istanbul on Monday. The two "
            "sides agreed to swap 500 prisoners of war."
        )
        holders = {entity for _, _, entity, _, _ in collective_claims(text)}
        assert holders == {"russia", "ukraine"}, talks
