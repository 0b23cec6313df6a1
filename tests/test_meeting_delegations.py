"""Delegation members and companions as participants, written for this test (invented officials
next to well-known ones, well-known states and cities), with negatives.

Classes: a membership list ("the delegation included A, B and C", "Kyiv's team comprised ...",
"A was joined by B", "alongside", "A and B represented Ukraine", "on the Russian side were A
and B", "the US side was represented by A", "also present were", "attended by", "A's team,
which also includes B"); roles in a delegation ("headed by A, with B, the chief of staff, and
C"); companions of a visit ("A travelled to Moscow with B", "A and his son-in-law B flew to
..."). Negatives: who briefed or commented, a topic of the talks, the excluded, someone
elsewhere, a journalist, someone joining next time; a list attaches only to the encounter it is
told about."""

from __future__ import annotations

import pytest
from test_meeting_participants import Rows, parties_of, rows_of


def everyone(rows: Rows) -> set[str]:
    return {r["entity_id"] for r in rows["meeting_participants"] if r["role"] != "absent"}


# ============================================================ membership lists

MEMBERS = [
    (
        "Russian and Ukrainian negotiators met in Istanbul on Monday. The Ukrainian delegation "
        "included Defence Minister Oleh Marchenko, Taras Bondarenko and Ihor Savchuk.",
        "met in Istanbul",
        {"oleh-marchenko", "taras-bondarenko", "ihor-savchuk"},
    ),
    (
        "American and Ukrainian officials held talks in Geneva on Sunday. Kyiv's team comprised "
        "Rustem Umerov, Andriy Hnatov and Kyrylo Budanov.",
        "talks in Geneva",
        {"rustem-umerov", "andriy-hnatov", "kyrylo-budanov"},
    ),
    (
        "Steve Witkoff met Vladimir Putin at the Kremlin on Thursday. Witkoff was joined by "
        "Jared Kushner and Dan Driscoll.",
        "met Vladimir Putin",
        {"steve-witkoff", "vladimir-putin", "jared-kushner", "dan-driscoll"},
    ),
    (
        "Marco Rubio held talks with Sergei Lavrov in Riyadh on Tuesday, alongside Mike Waltz "
        "and Steve Witkoff.",
        "talks with Sergei",
        {"marco-rubio", "sergei-lavrov", "mike-waltz", "steve-witkoff"},
    ),
    (
        "Delegations from Russia and Ukraine met in Abu Dhabi on Friday. Rustem Umerov, Kyrylo "
        "Budanov and Andriy Hnatov represented Ukraine.",
        "met in Abu Dhabi",
        {"rustem-umerov", "kyrylo-budanov", "andriy-hnatov"},
    ),
    (
        "Russian and American officials met in Riyadh on Tuesday. On the Russian side were "
        "Sergei Lavrov and Yuri Ushakov.",
        "met in Riyadh",
        {"sergei-lavrov", "yuri-ushakov"},
    ),
    (
        "Russian and American officials met in Riyadh on Tuesday. The US side was represented "
        "by Marco Rubio and Mike Waltz.",
        "met in Riyadh",
        {"marco-rubio", "mike-waltz"},
    ),
    (
        "Ukrainian and European officials met in Berlin on Monday. Also present were deputy "
        "minister Ihor Savchuk and Kaja Kallas.",
        "met in Berlin",
        {"ihor-savchuk", "kaja-kallas"},
    ),
    (
        "The talks in Geneva on Sunday were attended by Rustem Umerov and Andriy Hnatov.",
        "talks in Geneva",
        {"rustem-umerov", "andriy-hnatov"},
    ),
    (
        "Rustem Umerov's team, which also includes Andriy Hnatov, met US officials in Miami on "
        "Saturday.",
        "in Miami",
        {"andriy-hnatov"},  # the team's owner need not be at the table ("Trump's team")
    ),
    (
        "Ukrainian and Russian negotiators met in Istanbul on Monday. Ukraine's delegation is "
        "headed by Rustem Umerov, with Andriy Hnatov, the chief of staff, and Kyrylo Budanov.",
        "met in Istanbul",
        {"rustem-umerov", "andriy-hnatov", "kyrylo-budanov"},
    ),
    (
        "Ukrainian and Russian negotiators met in Istanbul on Monday. Vladimir Medinsky, who "
        "led the Russian team, called the talks useful.",
        "met in Istanbul",
        {"vladimir-medinsky"},
    ),
    (
        "Steve Witkoff travelled to Moscow with Jared Kushner on Tuesday to meet Vladimir Putin.",
        "Moscow",
        {"steve-witkoff", "jared-kushner"},
    ),
    (
        "Steve Witkoff and his son-in-law Jared Kushner flew to Moscow on Tuesday for talks with "
        "Vladimir Putin.",
        "Moscow",
        {"steve-witkoff", "jared-kushner", "vladimir-putin"},
    ),
    (
        "The American and Ukrainian teams met in Miami on Saturday. The Ukrainian delegation, "
        "which included Rustem Umerov and Andriy Hnatov, arrived on Friday.",
        "met in Miami",
        {"rustem-umerov", "andriy-hnatov"},
    ),
    (
        "American and Ukrainian officials met in Geneva on Sunday. The Ukrainian team consisted "
        "of Rustem Umerov, Andriy Hnatov and Kyrylo Budanov.",
        "met in Geneva",
        {"rustem-umerov", "andriy-hnatov", "kyrylo-budanov"},
    ),
]


@pytest.mark.parametrize(("body", "phrase", "want"), MEMBERS)
def test_delegation_members_take_part(body: str, phrase: str, want: set[str]) -> None:
    rows = rows_of(body)
    assert want <= parties_of(rows, phrase)
    assert len(rows["meetings"]) == 1


# ============================================================ negatives

NOT_MEMBERS = [
    (
        "Russian and Ukrainian negotiators met in Istanbul on Monday. Dmitry Peskov briefed "
        "reporters about the talks on Tuesday.",
        "dmitry-peskov",
    ),
    (
        "Russian and Ukrainian negotiators met in Istanbul on Monday. Kaja Kallas commented on "
        "the talks, which she called a first step.",
        "kaja-kallas",
    ),
    (
        "Russian and Ukrainian negotiators met in Istanbul on Monday. They discussed the fate of "
        "Ihor Savchuk, a prisoner of war.",
        "ihor-savchuk",
    ),
    (
        "Russian and Ukrainian negotiators met in Istanbul on Monday. Taras Bondarenko was not "
        "invited.",
        "taras-bondarenko",
    ),
    (
        "Russian and Ukrainian negotiators met in Istanbul on Monday, without Taras Bondarenko.",
        "taras-bondarenko",
    ),
    (
        "Russian and Ukrainian negotiators met in Istanbul on Monday. Ihor Savchuk stayed in Kyiv.",
        "ihor-savchuk",
    ),
    (
        "Russian and Ukrainian negotiators met in Istanbul on Monday. The talks were covered by "
        "correspondent Petra Lindqvist.",
        "petra-lindqvist",
    ),
    (
        "Russian and Ukrainian negotiators met in Istanbul on Monday. Taras Bondarenko will join "
        "the delegation next time.",
        "taras-bondarenko",
    ),
    (
        "Russian and Ukrainian negotiators met in Istanbul on Monday. The delegation that "
        "included Taras Bondarenko in May was disbanded.",
        "taras-bondarenko",
    ),
    (
        "Russian and Ukrainian negotiators met in Istanbul on Monday. The plan included a "
        "proposal by Taras Bondarenko.",
        "taras-bondarenko",
    ),
]


@pytest.mark.parametrize(("body", "person"), NOT_MEMBERS)
def test_who_did_not_sit_at_the_table_takes_no_part(body: str, person: str) -> None:
    assert person not in everyone(rows_of(body))


def test_a_list_attaches_only_to_its_own_encounter() -> None:
    rows = rows_of(
        "Steve Witkoff met Vladimir Putin in Moscow on Tuesday. On Friday, Russian and Ukrainian "
        "delegations met in Istanbul. The Ukrainian delegation included Defence Minister Oleh "
        "Marchenko and "
        "Taras Bondarenko."
    )
    moscow = parties_of(rows, "in Moscow")
    istanbul = parties_of(rows, "in Istanbul")
    assert {"oleh-marchenko", "taras-bondarenko"} <= istanbul
    assert not {"oleh-marchenko", "taras-bondarenko"} & moscow


def test_a_companion_of_one_visit_is_not_in_another() -> None:
    rows = rows_of(
        "Marco Rubio met Sergei Lavrov in Riyadh on Tuesday. On Thursday, Steve Witkoff "
        "travelled to Moscow with Jared Kushner to meet Vladimir Putin."
    )
    assert "jared-kushner" not in parties_of(rows, "in Riyadh")


# ============================================================ more wordings

MORE = [
    (
        "Steve Witkoff met Vladimir Putin at the Kremlin on Thursday. Joining Witkoff were Jared "
        "Kushner and Dan Driscoll.",
        "met Vladimir Putin",
        {"jared-kushner", "dan-driscoll"},
    ),
    (
        "Steve Witkoff met Vladimir Putin at the Kremlin on Thursday. Witkoff was accompanied "
        "by Jared Kushner.",
        "met Vladimir Putin",
        {"jared-kushner"},
    ),
    (
        "Ukrainian and Russian negotiators met in Istanbul on Monday. Andriy Hnatov and Kyrylo "
        "Budanov were also part of the Ukrainian delegation.",
        "met in Istanbul",
        {"andriy-hnatov", "kyrylo-budanov"},
    ),
    (
        "Ukrainian and Russian negotiators met in Istanbul on Monday. Andriy Hnatov, a member of "
        "the Ukrainian delegation, said the atmosphere was tense.",
        "met in Istanbul",
        {"andriy-hnatov"},
    ),
    (
        "Ukrainian and Russian negotiators met in Istanbul on Monday. Among the Ukrainian "
        "negotiators were Andriy Hnatov and Kyrylo Budanov.",
        "met in Istanbul",
        {"andriy-hnatov", "kyrylo-budanov"},
    ),
    (
        "American and Russian officials met in Riyadh on Tuesday. The US team, Marco Rubio and "
        "Mike Waltz, arrived on Monday.",
        "met in Riyadh",
        {"marco-rubio", "mike-waltz"},
    ),
]


@pytest.mark.parametrize(("body", "phrase", "want"), MORE)
def test_more_ways_of_naming_members(body: str, phrase: str, want: set[str]) -> None:
    rows = rows_of(body)
    assert want <= parties_of(rows, phrase)
    assert len(rows["meetings"]) == 1


MORE_NEGATIVES = [
    (
        "Steve Witkoff met Vladimir Putin at the Kremlin on Thursday. Witkoff had flown to "
        "Moscow with a message from Donald Trump.",
        "donald-trump",
    ),
    (
        "Russian and Ukrainian negotiators met in Istanbul on Monday. The Ukrainian delegation "
        "included representatives of the military, Kaja Kallas said.",
        "kaja-kallas",
    ),
    (
        "Russian and Ukrainian negotiators met in Istanbul on Monday. Speaking alongside Donald "
        "Tusk, Volodymyr Zelensky said the talks were useful.",
        "donald-tusk",
    ),
    (
        "Russian and Ukrainian negotiators met in Istanbul on Monday. Dmitry Peskov said the "
        "Russian delegation included Vladimir Medinsky.",
        "dmitry-peskov",
    ),
]


@pytest.mark.parametrize(("body", "person"), MORE_NEGATIVES)
def test_more_people_who_took_no_part(body: str, person: str) -> None:
    assert person not in everyone(rows_of(body))


def test_members_of_an_earlier_round_are_not_this_ones() -> None:
    rows = rows_of(
        "Russian and Ukrainian negotiators met in Istanbul on Monday. Taras Bondarenko, a "
        "lawmaker who led the Ukrainian delegation at the first round of talks in May, was "
        "replaced."
    )
    assert "taras-bondarenko" not in parties_of(rows, "met in Istanbul")


MULTIPARTY = [
    (
        "Russian, Ukrainian and American officials met in Abu Dhabi on Friday. The Ukrainian "
        "delegation was led by Rustem Umerov and included Kyrylo Budanov and Andriy Hnatov.",
        "met in Abu Dhabi",
        {"rustem-umerov", "kyrylo-budanov", "andriy-hnatov"},
    ),
    (
        "Russian, Ukrainian and American officials met in Abu Dhabi on Friday. Russia sent a "
        "delegation headed by Igor Kostyukov.",
        "met in Abu Dhabi",
        {"igor-kostyukov"},
    ),
    (
        "The talks in Abu Dhabi on Friday brought together Steve Witkoff, Rustem Umerov and "
        "Igor Kostyukov.",
        "talks in Abu Dhabi",
        {"steve-witkoff", "rustem-umerov", "igor-kostyukov"},
    ),
    (
        "Steve Witkoff met Vladimir Putin at the Kremlin on Thursday. Dan Driscoll, who "
        "travelled with Witkoff, stayed for the dinner.",
        "met Vladimir Putin",
        {"dan-driscoll"},
    ),
    (
        "Russian, Ukrainian and American officials met in Abu Dhabi on Friday. Washington was "
        "represented by Dan Driscoll and Steve Witkoff.",
        "met in Abu Dhabi",
        {"dan-driscoll", "steve-witkoff"},
    ),
]


@pytest.mark.parametrize(("body", "phrase", "want"), MULTIPARTY)
def test_members_of_a_multiparty_round(body: str, phrase: str, want: set[str]) -> None:
    rows = rows_of(body)
    assert want <= parties_of(rows, phrase)
    assert len(rows["meetings"]) == 1


def test_a_companion_of_someone_absent_from_the_meeting_takes_no_part() -> None:
    rows = rows_of(
        "Steve Witkoff met Vladimir Putin at the Kremlin on Thursday. Dan Driscoll, who "
        "travelled with Kaja Kallas, spoke to reporters on Friday."
    )
    assert "dan-driscoll" not in parties_of(rows, "met Vladimir Putin")


LONG_LISTS = [
    (
        "Russian, Ukrainian and American officials met in Abu Dhabi on Friday. Ukraine's team "
        "included Kyrylo Budanov, the former spy chief who now runs the presidential office, "
        "and Rustem Umerov.",
        "met in Abu Dhabi",
        {"kyrylo-budanov", "rustem-umerov"},
    ),
    (
        "Russian, Ukrainian and American officials met in Abu Dhabi on Friday. The Ukrainian "
        "delegation comprised Rustem Umerov, secretary of the security council; Kyrylo Budanov, "
        "head of the presidential office; and Andriy Hnatov, the chief of the general staff.",
        "met in Abu Dhabi",
        {"rustem-umerov", "kyrylo-budanov", "andriy-hnatov"},
    ),
    (
        "Russian, Ukrainian and American officials met in Abu Dhabi on Friday. A delegation "
        "including Rustem Umerov and Andriy Hnatov flew in on Thursday.",
        "met in Abu Dhabi",
        {"rustem-umerov", "andriy-hnatov"},
    ),
]


@pytest.mark.parametrize(("body", "phrase", "want"), LONG_LISTS)
def test_members_listed_with_long_appositives(body: str, phrase: str, want: set[str]) -> None:
    rows = rows_of(body)
    assert want <= parties_of(rows, phrase)
    assert len(rows["meetings"]) == 1


LIST_ENDS = [
    (
        "Russian and Ukrainian negotiators met in Istanbul on Monday. The Ukrainian delegation "
        "included Rustem Umerov, but Volodymyr Zelensky stayed in Kyiv.",
        "volodymyr-zelensky",
    ),
    (
        "Russian and Ukrainian negotiators met in Istanbul on Monday. The Ukrainian delegation "
        "included Rustem Umerov, who discussed the fate of Ihor Savchuk, a jailed mayor.",
        "ihor-savchuk",
    ),
    (
        "Russian and Ukrainian negotiators met in Istanbul on Monday. The Ukrainian delegation "
        "included Rustem Umerov and Andriy Hnatov, Dmitry Peskov said.",
        "dmitry-peskov",
    ),
    (
        "Russian and Ukrainian negotiators met in Istanbul on Monday. The Russian team included "
        "Vladimir Medinsky, an aide to Vladimir Putin.",
        "vladimir-putin",
    ),
]


@pytest.mark.parametrize(("body", "person"), LIST_ENDS)
def test_a_membership_list_ends_where_its_items_do(body: str, person: str) -> None:
    assert person not in everyone(rows_of(body))


def test_the_principal_of_an_aide_in_the_object_takes_no_part() -> None:
    rows = rows_of(
        "Steve Witkoff met Vladimir Medinsky, an aide to Vladimir Putin, in Moscow on Tuesday."
    )
    got = parties_of(rows, "met Vladimir")
    assert {"steve-witkoff", "vladimir-medinsky"} <= got
    assert "vladimir-putin" not in got


KREMLIN = "Steve Witkoff met Vladimir Putin at the Kremlin on Thursday. "
PRESENT = [
    "Yuri Ushakov and Kirill Dmitriev were also present.",
    "Yuri Ushakov, the president's foreign policy aide, was also at the meeting.",
    "Yuri Ushakov and Kirill Dmitriev sat in on the talks.",
    "Yuri Ushakov and Kirill Dmitriev were also in the room.",
    "Also on hand were Yuri Ushakov and Kirill Dmitriev.",
    "Participants also included Yuri Ushakov.",
    "Others in the room included Yuri Ushakov and Kirill Dmitriev.",
]


@pytest.mark.parametrize("tail", PRESENT)
def test_who_was_present_takes_part(tail: str) -> None:
    rows = rows_of(KREMLIN + tail)
    assert "yuri-ushakov" in parties_of(rows, "met Vladimir Putin")
    assert len(rows["meetings"]) == 1


def test_who_was_in_attendance_after_with_takes_part() -> None:
    rows = rows_of(
        "Steve Witkoff met Vladimir Putin at the Kremlin on Thursday, with Yuri Ushakov and "
        "Kirill Dmitriev also in attendance."
    )
    assert {"yuri-ushakov", "kirill-dmitriev"} <= parties_of(rows, "met Vladimir Putin")


NOT_PRESENT = [
    ("Yuri Ushakov was not present.", "yuri-ushakov"),
    (
        "Kaja Kallas, who was present at a ceremony in Kyiv last year, criticised the visit.",
        "kaja-kallas",
    ),
    ("Jared Kushner will sit in on the next round.", "jared-kushner"),
]


@pytest.mark.parametrize(("tail", "person"), NOT_PRESENT)
def test_who_was_not_present_takes_no_part(tail: str, person: str) -> None:
    assert person not in parties_of(rows_of(KREMLIN + tail), "met Vladimir Putin")


ABU_DHABI = "Russian, Ukrainian and American officials met in Abu Dhabi on Friday. "
LEADERS = [
    ("Rustem Umerov led the Ukrainian delegation.", {"rustem-umerov"}),
    (
        "Rustem Umerov led the Ukrainian delegation, which also included Kyrylo Budanov.",
        {"rustem-umerov", "kyrylo-budanov"},
    ),
    ("Kyiv sent Rustem Umerov and Kyrylo Budanov.", {"rustem-umerov", "kyrylo-budanov"}),
    ("Russia dispatched Igor Kostyukov.", {"igor-kostyukov"}),
]


@pytest.mark.parametrize(("tail", "want"), LEADERS)
def test_who_led_or_was_sent_takes_part_not_as_host(tail: str, want: set[str]) -> None:
    rows = rows_of(ABU_DHABI + tail)
    got = {
        r["entity_id"]: r["role"] for r in rows["meeting_participants"] if r["entity_id"] in want
    }
    assert got == dict.fromkeys(want, "participant")


def test_who_sits_on_a_side_after_with_takes_part() -> None:
    rows = rows_of(
        "Vladimir Putin met Steve Witkoff and Jared Kushner at the Kremlin on Tuesday, with Yuri "
        "Ushakov and Kirill Dmitriev on the Russian side."
    )
    assert {"yuri-ushakov", "kirill-dmitriev"} <= parties_of(rows, "met Steve")


SENT_NEGATIVES = [
    ("Donald Trump sent Steve Witkoff a letter.", "steve-witkoff"),  # a person sends: no state
    ("Kyiv sent a letter to Kaja Kallas.", "kaja-kallas"),
]


@pytest.mark.parametrize(("tail", "person"), SENT_NEGATIVES)
def test_what_was_sent_is_no_member(tail: str, person: str) -> None:
    assert person not in everyone(rows_of(ABU_DHABI + tail))
