"""Meetings between people the knowledge base has never heard of (invented names)."""

from __future__ import annotations

from test_meetings import KB, article

from talkspkg.stages.meetings import MeetingMention, meeting_mentions
from talkspkg.stages.mentions import mentions


def read(body: str) -> list[MeetingMention]:
    a = article("unknown-people", body, "Tuesday, 3 March 2026")
    return meeting_mentions(a, KB, mentions(a, KB))


def test_a_discovered_person_acts_for_the_country_their_title_names() -> None:
    (m,) = read(
        "U.S President Talbot Wrenfield held a phone call with Finnish President "
        "Aarno Kettilainen on Monday."
    )
    assert dict(m.participants) == {
        "talbot-wrenfield": "participant",
        "aarno-kettilainen": "participant",
    }
    assert m.sides == ("finland", "united-states")


def test_a_title_of_one_countrys_office_gives_that_country() -> None:
    found = read(
        "Secretary of State Orrin Vasquell met Ukraine Foreign Minister Dario Lentzko in "
        "Warsaw on Monday."
    )
    assert found[0].sides == ("ukraine", "united-states")


def test_a_title_after_a_demonym_is_not_another_countrys_office() -> None:
    # "Chancellor" alone is many countries' office: no evidence, the demonym decides
    (m,) = read("Austrian Chancellor Pavo Sterland met Polish President Tadeo Wirsk on Monday.")
    assert m.sides == ("austria", "poland")


def test_a_given_name_before_a_surname_only_mention_is_part_of_the_name() -> None:
    found = read(
        "Talks resumed in Geneva on Monday. The talks, which are being mediated by Orrin "
        "Vasquell, were productive.\n\nIn March, US envoy Orrin Vasquell said progress had "
        "been made."
    )
    assert ("orrin-vasquell", "participant") in [p for m in found for p in m.participants]


def test_the_subject_of_a_round_of_peace_talks_takes_part() -> None:
    (m,) = read("Poland and Hungary are to hold another round of peace talks in Geneva.")
    assert dict(m.participants) == {"poland": "participant", "hungary": "participant"}


def test_another_meeting_in_a_quotation_inherits_no_parties() -> None:
    found = read(
        "Poland and Hungary will hold a new round of talks in Geneva on Wednesday.\n\n"
        '"Today I discussed the preparations for another meeting with the Hungarian side," '
        "Tadeo Wirsk said on Monday.\n\nA source said the talks would last two days, "
        "Thursday and Friday."
    )
    # the speaker's "another meeting" is no new round between the article's parties: the
    # encounters other than the announced one name no two parties, so they make no row
    others = [m for m in found if m.local_id != "m1"]
    assert all(len(m.participants) < 2 for m in others)


def test_a_party_named_only_by_role_is_the_person_the_article_gives_that_role() -> None:
    found = read(
        "Russian President Dario Vlasko said peace was near. Finnish President Aarno "
        "Kettilainen agreed.\n\nKettilainen held a phone call with the Russian president on "
        "Tuesday."
    )
    call = next(m for m in found if m.format == "phone")
    assert {e for e, _ in call.participants} == {"aarno-kettilainen", "dario-vlasko"}


def test_a_party_named_only_by_role_is_its_country_when_the_article_names_nobody() -> None:
    (m,) = read("Finnish President Aarno Kettilainen held a phone call with the Russian president.")
    assert {e for e, _ in m.participants} == {"aarno-kettilainen", "russia"}


def test_a_counterpart_is_nobody_in_particular_when_two_could_be_meant() -> None:
    found = read(
        "Estonian President Mirko Talvik and Estonian Prime Minister Ilse Kaldma said peace "
        "was near.\n\nFinnish President Aarno Kettilainen spoke by phone with his Estonian "
        "counterpart on Tuesday."
    )
    call = next(m for m in found if m.format == "phone")
    assert {e for e, _ in call.participants} == {"aarno-kettilainen", "estonia"}
