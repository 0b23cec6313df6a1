"""Participants from the structural slots around an encounter, with sentences written for this
test (invented or well-known officials, other cities than the corpus tells): who a pronoun in a
slot names, whom a verb of receiving makes host, and the people it must not take (a leader who
approved of the meeting, the subject of another clause, an ambiguous "him")."""

from __future__ import annotations

import pytest
from test_meeting_participants import parties_of, rows_of
from test_meetings import article as meetings_article
from test_meetings import roles, run


def roles_of(body: str, phrase: str) -> dict[str, str]:
    rows = rows_of(body)
    ids = {r["meeting_id"] for r in rows["meeting_mentions"] if phrase in r["text"]}
    assert len(ids) == 1, (phrase, ids, rows["meeting_mentions"])
    return roles(rows, ids.pop())


# ================================================================ a pronoun in a slot

OBJECT_PRONOUN = [
    (
        "Zelensky arrived in Ankara on Wednesday. Erdogan welcomed him at the presidential palace.",
        "welcomed him",
        {"recep-tayyip-erdogan": "host", "volodymyr-zelensky": "participant"},
    ),
    (
        "Sybiha landed in Warsaw on Thursday, where Sikorski received him at the ministry.",
        "received him",
        {"radoslaw-sikorski": "host", "andrii-sybiha": "participant"},
    ),
    (
        "Witkoff arrived in Moscow on Tuesday morning. Hours later, Putin met him at the Kremlin.",
        "met him",
        {"vladimir-putin": "participant", "steve-witkoff": "participant"},
    ),
]


@pytest.mark.parametrize(("body", "phrase", "expected"), OBJECT_PRONOUN)
def test_him_after_a_verb_of_meeting_is_the_one_person_told_before(
    body: str, phrase: str, expected: dict[str, str]
) -> None:
    assert roles_of(body, phrase) == expected


def test_him_with_two_candidates_names_nobody() -> None:
    rows = rows_of(
        "Zelensky and Macron spoke by phone on Monday. Erdogan welcomed him in Ankara on Friday."
    )
    taken = {r["entity_id"] for r in rows["meeting_participants"]}
    assert "volodymyr-zelensky" not in {
        r["entity_id"]
        for r in rows["meeting_participants"]
        if any(
            m["meeting_id"] == r["meeting_id"] and "welcomed" in m["text"] and "Ankara" in m["text"]
            for m in rows["meeting_mentions"]
        )
    }
    assert "emmanuel-macron" in taken or not taken  # the call, not Erdogan's welcome


def test_her_before_a_noun_is_a_possessive() -> None:
    rows = rows_of("Valtonen flew to Oslo on Monday. Sybiha met her counterpart there on Tuesday.")
    for r in rows["meeting_mentions"]:
        if "Sybiha" in r["text"]:
            assert r["trigger"] != "met" or "elina-valtonen" not in parties_of(rows, "Sybiha met")


SHORT_OPENER = [
    (
        "Lavrov arrived in New York on Monday. On Tuesday he held talks with Rubio.",
        "held talks",
        {"sergei-lavrov", "marco-rubio"},
    ),
    (
        "Witkoff landed in Moscow on Tuesday. Later that day he met Putin at the Kremlin.",
        "he met",
        {"steve-witkoff", "vladimir-putin"},
    ),
    (
        "Umerov flew to Miami on Friday. The next day he sat down with Witkoff and Kushner.",
        "sat down",
        {"rustem-umerov", "steve-witkoff"},
    ),
]


@pytest.mark.parametrize(("body", "phrase", "expected"), SHORT_OPENER)
def test_he_after_a_time_opener_without_comma(body: str, phrase: str, expected: set[str]) -> None:
    assert expected <= parties_of(rows_of(body), phrase)


def test_he_after_a_time_opener_with_two_candidates_is_nobody() -> None:
    rows = rows_of("Lavrov and Rubio arrived in New York on Monday. On Tuesday he met Fidan.")
    for r in rows["meeting_participants"]:
        assert r["entity_id"] not in {"sergei-lavrov", "marco-rubio"} or any(
            m["meeting_id"] == r["meeting_id"] and "arrived" in m["text"]
            for m in rows["meeting_mentions"]
        )


# ================================================================ who hosts


def test_welcoming_the_meeting_is_approval_not_hosting() -> None:
    got = roles_of(
        "Macron met Merz in Berlin on Monday. Starmer, speaking in London, said he welcomed the "
        "meeting.",
        "Macron met",
    )
    assert got == {"emmanuel-macron": "participant", "friedrich-merz": "participant"}


def test_the_receiver_in_a_where_clause_hosts_the_traveller_does_not() -> None:
    got = roles_of(
        "Finnish President Alexander Stubb arrived in Ankara on Thursday, where Erdogan "
        "received him at the palace.",
        "received",
    )
    assert got == {"recep-tayyip-erdogan": "host", "alexander-stubb": "participant"}


def test_welcoming_the_delegations_still_hosts() -> None:
    got = roles_of(
        "Saudi Foreign Minister Faisal bin Farhan welcomed the delegations in Jeddah on Monday.",
        "welcomed",
    )
    assert set(got.values()) == {"host"}


def test_run_helper_is_the_meetings_one() -> None:  # keeps the import honest
    assert run(meetings_article("x", "Nothing happened.", "August 20, 2025"))["meetings"] == []


# ================================================================ the encounter as subject

GATHERED = [
    (
        "The Geneva talks on Sunday, which brought together Umerov and Witkoff, ended abruptly.",
        "talks",
        {"rustem-umerov", "steve-witkoff"},
    ),
    (
        "The talks in Jeddah on Tuesday involved Rubio, Lavrov and Dmitriev.",
        "talks",
        {"marco-rubio", "sergei-lavrov", "kirill-dmitriev"},
    ),
    (
        "The meeting in Rome on Thursday brought together Macron, Merz and Tusk.",
        "meeting",
        {"emmanuel-macron", "friedrich-merz", "donald-tusk"},
    ),
]


@pytest.mark.parametrize(("body", "phrase", "expected"), GATHERED)
def test_a_verb_of_gathering_lists_the_parties(body: str, phrase: str, expected: set[str]) -> None:
    assert parties_of(rows_of(body), phrase) == expected


def test_what_the_talks_included_is_no_party() -> None:
    rows = rows_of("The talks in Jeddah on Tuesday included Ukraine's demands for guarantees.")
    assert not rows["meeting_participants"]


def test_also_involved_adds_to_the_told_encounter_not_a_new_pair() -> None:
    rows = rows_of(
        "Lavrov and Fidan met in Sochi on Tuesday.\n\n"
        "Tuesday night's talks, which also included Kalin, ended after midnight."
    )
    assert len(rows["meetings"]) == 1
    assert {"sergei-lavrov", "hakan-fidan"} <= parties_of(rows, "Lavrov and Fidan met")


# ================================================================ the traveller told before

TRAVELLER = [
    (
        "Umerov flew to Miami on Saturday. A meeting with Witkoff followed on Sunday.",
        "A meeting with",
        {"rustem-umerov", "steve-witkoff"},
    ),
    (
        "Sybiha travelled to London on Monday. Talks with Lammy on Tuesday centred on air defence.",
        "Talks with",
        {"andrii-sybiha", "david-lammy"},
    ),
]


@pytest.mark.parametrize(("body", "phrase", "expected"), TRAVELLER)
def test_talks_with_y_after_a_trip_take_the_traveller(
    body: str, phrase: str, expected: set[str]
) -> None:
    assert expected <= parties_of(rows_of(body), phrase)


TRAVELLER_NEGATIVE = [
    # no trip told: the person before only spoke
    "Trump said on Friday that he was hopeful. Talks with Putin on Sunday in Doha were cancelled.",
    # two people before: which one is the text's to say
    "Umerov and Hnatov flew to Miami on Saturday. A meeting with Witkoff followed on Sunday.",
]


@pytest.mark.parametrize("body", TRAVELLER_NEGATIVE)
def test_talks_with_y_take_no_traveller_the_text_does_not_fix(body: str) -> None:
    rows = rows_of(body)
    taken = {
        r["entity_id"]
        for r in rows["meeting_participants"]
        if any(
            m["meeting_id"] == r["meeting_id"] and m["text"].startswith(("Talks", "A meeting"))
            for m in rows["meeting_mentions"]
        )
    }
    assert not taken & {"donald-trump", "rustem-umerov", "andriy-hnatov"}


def test_speaking_to_reporters_is_no_encounter() -> None:
    rows = rows_of("Trump spoke to reporters at the White House on Friday.")
    assert rows["meetings"] == []


# ================================================================ states paired by a dash

PAIRED = [
    ("Russian-Ukrainian talks in Baku on Wednesday lasted an hour.", {"russia", "ukraine"}),
    ("The US-Ukrainian consultations in Lisbon on Sunday ended.", {"united-states", "ukraine"}),
    ("Fresh Kyiv-Moscow prisoner talks in Baku on Monday were brief.", {"russia", "ukraine"}),
]


@pytest.mark.parametrize(("body", "expected"), PAIRED)
def test_states_joined_by_a_dash_before_the_noun_are_parties(body: str, expected: set[str]) -> None:
    rows = rows_of(body)
    assert {r["entity_id"] for r in rows["meeting_participants"]} == expected


def test_a_dashed_adjective_before_no_encounter_noun_is_no_party() -> None:
    rows = rows_of("Zelensky met Ukrainian-American businessmen in Chicago on Monday.")
    assert {r["entity_id"] for r in rows["meeting_participants"]} <= {"volodymyr-zelensky"}


# ================================================================ "their <encounter>"

THEIR = [
    (
        "Orban and Erdogan have not met since their summit in Baku in March.",
        "summit",
        {"viktor-orban", "recep-tayyip-erdogan"},
    ),
    ("Macron and Merz praised their meeting in Lyon on Monday.", "meeting", None),
    (
        "Zelensky said Umerov and Witkoff had described their talks in Doha on Saturday as "
        "productive.",
        "talks",
        {"rustem-umerov", "steve-witkoff"},
    ),
]


@pytest.mark.parametrize(("body", "phrase", "expected"), THEIR)
def test_their_encounter_is_the_pair_its_clause_opens_with(
    body: str, phrase: str, expected: set[str] | None
) -> None:
    expected = expected or {"emmanuel-macron", "friedrich-merz"}
    assert parties_of(rows_of(body), phrase) == expected


def test_their_with_one_person_or_nobody_named_takes_nobody() -> None:
    rows = rows_of("Officials said their talks in Doha on Saturday were productive.")
    assert not rows["meeting_participants"]


# ================================================================ who only spoke or judged


def test_a_spokesperson_telling_of_talks_with_y_is_no_party() -> None:
    rows = rows_of(
        "Kremlin spokesman Dmitry Peskov told reporters the talks with Witkoff in Sochi on "
        "Tuesday were useful."
    )
    assert parties_of(rows, "talks") == {"steve-witkoff"}


def test_a_negotiator_telling_of_talks_with_y_is_their_counterpart() -> None:
    rows = rows_of("Umerov said talks with Witkoff in Doha on Saturday were productive.")
    assert parties_of(rows, "talks") == {"rustem-umerov", "steve-witkoff"}


@pytest.mark.parametrize("verb", ["criticised", "described", "condemned", "dismissed as theatre"])
def test_the_agent_of_a_judgement_is_no_party(verb: str) -> None:
    rows = rows_of(f"The talks in Lisbon on Sunday were {verb} by Medvedev.")
    assert "dmitry-medvedev" not in {r["entity_id"] for r in rows["meeting_participants"]}


def test_the_agent_of_hosting_still_hosts() -> None:
    got = roles_of("The talks in Lisbon on Sunday were hosted by Erdogan.", "talks")
    assert got.get("recep-tayyip-erdogan") == "host"


# ================================================================ a summit held, a plan shelved


def test_a_summit_named_after_since_is_not_the_plan_shelved_elsewhere() -> None:
    first = meetings_article(
        "live",
        "Xi and Modi have not met in person since their summit in Kazan in October.",
    )
    second = meetings_article(
        "wire",
        "A planned Xi-Modi meeting in the Chinese capital was shelved in the spring.",
        "August 20, 2025",
    )
    rows = run(first, second)
    by_article: dict[str, set[str]] = {}
    for r in rows["meeting_mentions"]:
        by_article.setdefault(r["article_id"], set()).add(r["meeting_id"])
    assert not by_article.get("live", set()) & by_article.get("wire", set())


# ================================================================ a pair sitting down


@pytest.mark.parametrize(
    "body",
    [
        "Umerov and Medinsky sat down at the palace in Baku on Friday.",
        "Fidan and Lavrov finally sat down in Sochi on Tuesday.",
        "Lavrov and Fidan met in Sochi on Monday. The two ministers sat down again on Tuesday.",
    ],
)
def test_a_pair_sitting_down_is_an_encounter_of_the_pair(body: str) -> None:
    rows = rows_of(body)
    assert rows["meetings"]
    assert {r["entity_id"] for r in rows["meeting_participants"]} in (
        {"rustem-umerov", "vladimir-medinsky"},
        {"hakan-fidan", "sergei-lavrov"},
    )


def test_one_person_sitting_down_is_no_encounter() -> None:
    assert rows_of("Trump sat down in the Oval Office on Friday to sign orders.")["meetings"] == []


@pytest.mark.parametrize(
    "body",
    [
        "Sikorski spoke to our correspondent Tom Hale in Warsaw on Thursday.",
        "Fidan spoke to a reporter in Ankara on Monday.",
    ],
)
def test_speaking_to_the_outlets_journalist_is_no_encounter(body: str) -> None:
    assert rows_of(body)["meetings"] == []


# ================================================================ a role after a verb of receiving


def test_receiving_a_role_takes_its_one_holder_named_before() -> None:
    got = roles_of(
        "Witkoff flew to Minsk on Thursday. Lukashenko received the US envoy at his residence.",
        "received",
    )
    assert got == {"alexander-lukashenko": "host", "steve-witkoff": "participant"}


def test_receiving_a_thing_is_no_encounter() -> None:
    assert rows_of("Putin received the Ukrainian proposal on Thursday.")["meetings"] == []


def test_him_is_no_spokesperson_named_before() -> None:
    rows = rows_of(
        "Kremlin spokesman Dmitry Peskov said the visit mattered. Putin received him in Sochi "
        "on Friday."
    )
    assert "dmitry-peskov" not in {r["entity_id"] for r in rows["meeting_participants"]}
