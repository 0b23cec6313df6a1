"""Meetings: who met whom, where, when, in what form, and what became of it."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from conftest import RAW

from talkspkg.document import Article
from talkspkg.kb import load_knowledge
from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile, read_raw
from talkspkg.schema.meetings import MEETING_MODELS
from talkspkg.stages.meetings import MeetingMention, assemble_meetings, meeting_mentions
from talkspkg.stages.mentions import MentionResult, mentions

KB = load_knowledge()
ARTICLES = {r.article_id: make_article(r) for r in read_raw(RAW)}
FOUND = {aid: mentions(a, KB) for aid, a in ARTICLES.items()}
SEED_MENTIONS = [m for aid, a in ARTICLES.items() for m in meeting_mentions(a, KB, FOUND[aid])]
ROWS = assemble_meetings(SEED_MENTIONS, KB)

EB = "europe-brief-news-lammy-to-host-london-talks"
MT = "moscow-times-why-london-talks-downgraded"
RT = "reuters-london-talks-downgraded-after-rubio-cancels"
SA = "staff-agencies-london-talks-seek-path-to-ceasefire"
XH = "xinhua-london-talks-significant-progress"

LONDON = "2025-04-23-london-in_person"
PARIS = "2025-04-17-paris-in_person"
# a photo caption of Rubio meeting the Ukrainian ministers at the Elysee: a side meeting
PARIS_PHOTO = "2025-04-17-paris-in_person-bilateral"
RUBIO_LAVROV = "2025-04-17-unknown-phone"
RUBIO_LAMMY = "2025-04-22-unknown-phone"
ST_PETERSBURG = "2025-04-st-petersburg-in_person"
MOSCOW = "2025-w17-moscow-in_person"
# bilaterals on the margins of the London talks (ids that collide take a hash suffix)
KELLOGG_UKRAINE = "2025-04-23-london-in_person-bilateral-2574cf"
UK_UKRAINE = "2025-04-23-london-in_person-bilateral-ddf45d"
HEALEY_KELLOGG = "2025-04-23-london-in_person-bilateral-7e0539"


def article(article_id: str, body: str, published: str | None = None) -> Article:
    header = f"Published: 09:00, {published}\n" if published else ""
    text = f"{header}Diplomacy roundup\n\n{body}\n"
    return make_article(RawFile(Path(f"raw/{article_id}.txt"), article_id, text, "0" * 64))


def run(*articles: Article) -> dict[str, list[dict[str, Any]]]:
    found = [m for a in articles for m in meeting_mentions(a, KB, mentions(a, KB))]
    return assemble_meetings(found, KB)


def meeting(rows: dict[str, list[dict[str, Any]]], meeting_id: str) -> dict[str, Any]:
    (row,) = [r for r in rows["meetings"] if r["meeting_id"] == meeting_id]
    return row


def roles(rows: dict[str, list[dict[str, Any]]], meeting_id: str) -> dict[str, str]:
    return {
        r["entity_id"]: r["role"]
        for r in rows["meeting_participants"]
        if r["meeting_id"] == meeting_id
    }


def reported_by(rows: dict[str, list[dict[str, Any]]], meeting_id: str) -> set[str]:
    return {r["article_id"] for r in rows["meeting_mentions"] if r["meeting_id"] == meeting_id}


def when(row: dict[str, Any]) -> tuple[date | None, date | None, str | None]:
    return row["date_start"], row["date_end"], row["date_precision"]


# ================================================================ the five seed articles
def test_seeds_give_these_meetings() -> None:
    assert [r["meeting_id"] for r in ROWS["meetings"]] == [
        "2025-02-unknown-phone",
        PARIS,
        PARIS_PHOTO,
        RUBIO_LAVROV,
        RUBIO_LAMMY,
        LONDON,
        KELLOGG_UKRAINE,
        HEALEY_KELLOGG,
        UK_UKRAINE,
        ST_PETERSBURG,
        MOSCOW,
    ]


def test_london_talks_are_one_meeting_reported_by_all_five_articles() -> None:
    assert reported_by(ROWS, LONDON) == {EB, MT, RT, SA, XH}
    assert meeting(ROWS, LONDON)["article_count"] == 5


def test_london_talks_date_place_and_form() -> None:
    row = meeting(ROWS, LONDON)
    assert when(row) == (date(2025, 4, 23), date(2025, 4, 23), "day")
    assert (row["city"], row["country"], row["place_id"]) == ("London", "GB", "london")
    assert (row["format"], row["status"], row["label"]) == ("in_person", "held", "London talks")
    # the day is fixed by Europe Brief's "on Wednesday" in the week of "April 17, 2025" (the
    # Xinhua caption's full date dates the photographed bilateral, not the talks)
    assert (row["date_anchor"], row["date_article_id"]) == ("stated", EB)


def test_london_talks_were_downgraded_from_ministers_to_officials() -> None:
    row = meeting(ROWS, LONDON)
    assert (row["planned_level"], row["held_level"]) == ("ministers", "officials")
    assert row["note"] == "downgraded from ministers level to officials level"


def test_london_participants_and_absentees() -> None:
    london = roles(ROWS, LONDON)
    for eid in ("keith-kellogg", "andriy-yermak", "rustem-umerov", "andrii-sybiha"):
        assert london[eid] == "participant", eid
    assert london["david-lammy"] == "host"  # "Lammy will facilitate discussions in London"
    assert london["marco-rubio"] == london["steve-witkoff"] == "absent"
    assert london["united-kingdom"] == "host"  # "The meeting, hosted by British officials"
    assert london["emmanuel-bonne"] == "participant"
    # named in the articles but not at the table
    for eid in ("volodymyr-zelensky", "donald-trump", "keir-starmer", "yuri-ushakov", "jd-vance"):
        assert eid not in london, eid
    # Healey is in the photo of the UK–Ukraine side meeting, not named at the talks' table
    assert "john-healey" not in london


def test_paris_talks_on_17_april_hosted_by_macron_at_the_elysee() -> None:
    row = meeting(ROWS, PARIS)
    assert when(row) == (date(2025, 4, 17), date(2025, 4, 17), "day")
    assert (row["city"], row["country"]) == ("Paris", "FR")
    assert (row["format"], row["status"]) == ("in_person", "held")
    assert reported_by(ROWS, PARIS) == {EB, MT, RT, SA}
    paris = roles(ROWS, PARIS)
    assert paris["emmanuel-macron"] == "host"
    for eid in ("marco-rubio", "steve-witkoff", "keith-kellogg"):
        assert paris[eid] == "participant", eid


def test_a_photo_of_two_delegations_at_a_multilateral_meeting_is_a_side_meeting() -> None:
    # "Rubio meets with Sybiha, Umerov and Yermak at the Elysee Palace in Paris, April 17"
    row = meeting(ROWS, PARIS_PHOTO)
    assert (row["part_of"], row["venue"], row["city"]) == (PARIS, "Elysee Palace", "Paris")
    assert reported_by(ROWS, PARIS_PHOTO) == {MT}
    assert set(roles(ROWS, PARIS_PHOTO)) == {
        "marco-rubio",
        "andrii-sybiha",
        "rustem-umerov",
        "andriy-yermak",
    }


def test_rubio_lavrov_call_on_thursday_17_april() -> None:
    row = meeting(ROWS, RUBIO_LAVROV)
    assert when(row) == (date(2025, 4, 17), date(2025, 4, 17), "day")
    assert (row["format"], row["city"], row["label"]) == ("phone", None, "Rubio–Lavrov call")
    assert roles(ROWS, RUBIO_LAVROV) == {
        "marco-rubio": "participant",
        "sergei-lavrov": "participant",
        "russia": "participant",  # "his Russian counterpart"
    }
    assert "tammy-bruce" not in roles(ROWS, RUBIO_LAVROV)  # "Bruce said ..." reports it
    assert reported_by(ROWS, RUBIO_LAVROV) == {EB}


def test_rubio_lammy_call_is_late_on_tuesday_22_april() -> None:
    row = meeting(ROWS, RUBIO_LAMMY)
    assert when(row) == (date(2025, 4, 22), date(2025, 4, 22), "day")
    assert (row["format"], row["label"]) == ("phone", "Rubio–Lammy call")
    # Reuters states no date: its "Wednesday" talks are the 23rd the Moscow Times dates
    assert (row["date_anchor"], row["date_article_id"]) == (f"relative-to-{MT}", RT)
    # the Moscow Times ("had a phone call with Lammy") states the form, Reuters the day
    assert reported_by(ROWS, RUBIO_LAMMY) == {MT, RT}
    assert roles(ROWS, RUBIO_LAMMY) == {"marco-rubio": "participant", "david-lammy": "participant"}


def test_witkoff_putin_meeting_in_st_petersburg_earlier_this_month() -> None:
    row = meeting(ROWS, ST_PETERSBURG)
    assert when(row) == (date(2025, 4, 1), date(2025, 4, 30), "month")
    assert (row["city"], row["country"], row["status"]) == ("St Petersburg", "RU", "held")
    assert roles(ROWS, ST_PETERSBURG) == {
        "steve-witkoff": "participant",
        "vladimir-putin": "participant",
    }
    assert reported_by(ROWS, ST_PETERSBURG) == {MT}


def test_planned_witkoff_visit_to_moscow_this_week() -> None:
    row = meeting(ROWS, MOSCOW)
    assert when(row) == (date(2025, 4, 21), date(2025, 4, 27), "week")
    assert (row["city"], row["status"], row["date_anchor"]) == ("Moscow", "planned", "stated")
    assert roles(ROWS, MOSCOW) == {"steve-witkoff": "participant", "vladimir-putin": "participant"}
    # "Witkoff was expected to visit Moscow again soon" (no date) is the same visit
    assert reported_by(ROWS, MOSCOW) == {EB, SA}


def test_trump_putin_call_in_february() -> None:
    row = meeting(ROWS, "2025-02-unknown-phone")
    assert when(row) == (date(2025, 2, 1), date(2025, 2, 28), "month")
    assert set(roles(ROWS, "2025-02-unknown-phone")) == {"donald-trump", "vladimir-putin"}


def test_lammy_bilateral_is_part_of_the_london_talks() -> None:
    # announced as a bilateral by one article, reported as held by another
    row = meeting(ROWS, UK_UKRAINE)
    assert (row["part_of"], row["status"], row["city"]) == (LONDON, "held", "London")
    assert row["label"] == "Ukraine–UK bilateral in London"
    assert reported_by(ROWS, UK_UKRAINE) == {EB, RT, XH}  # XH: the photo of the two pairs
    assert roles(ROWS, row["meeting_id"]) == {
        "david-lammy": "participant",
        "john-healey": "participant",
        "andrii-sybiha": "participant",  # named by the photo caption
        "rustem-umerov": "participant",
        "ukraine": "participant",
    }


def test_side_meetings_of_the_london_talks_are_apart_from_each_other() -> None:
    assert meeting(ROWS, HEALEY_KELLOGG)["part_of"] == LONDON
    assert roles(ROWS, HEALEY_KELLOGG) == {
        "john-healey": "participant",
        "keith-kellogg": "participant",
    }
    assert meeting(ROWS, KELLOGG_UKRAINE)["part_of"] == LONDON
    assert reported_by(ROWS, KELLOGG_UKRAINE) == {XH}
    assert {"keith-kellogg", "ukraine"} <= set(roles(ROWS, KELLOGG_UKRAINE))


def test_each_article_dates_the_london_talks_its_own_way() -> None:
    stated = {
        (r["article_id"], r["date_text"], r["date_anchor"])
        for r in ROWS["meeting_mentions"]
        if r["meeting_id"] == LONDON and r["date_text"]
    }
    assert stated == {
        (EB, "on Wednesday", "stated"),  # its week from "the previous week, on April 17, 2025"
        (MT, "Wednesday", "published_date"),
        (MT, "on Wednesday", "published_date"),
        (XH, "on Wednesday", "published_date"),
        (RT, "on Wednesday", f"relative-to-{MT}"),
        (RT, "Wednesday’s", f"relative-to-{MT}"),
        (SA, "on Wednesday", f"relative-to-{MT}"),
        (SA, "Wednesday’s", f"relative-to-{MT}"),
    }
    dated = [r for r in ROWS["meeting_mentions"] if r["meeting_id"] == LONDON and r["date_start"]]
    assert {r["date_start"] for r in dated} == {date(2025, 4, 23)}


def test_evidence_spans_slice_the_article_text() -> None:
    for r in ROWS["meeting_mentions"]:
        text = ARTICLES[r["article_id"]].text
        assert text[r["start"] : r["end"]] == r["text"]
        assert text[r["trigger_start"] : r["trigger_end"]] == r["trigger"]
        assert r["start"] <= r["trigger_start"] < r["trigger_end"] <= r["end"]


def test_lead_sentences_are_evidence_of_the_london_talks() -> None:
    leads = {
        (r["article_id"], r["start"]) for r in ROWS["meeting_mentions"] if r["meeting_id"] == LONDON
    }
    for aid, opening in (
        (RT, "LONDON/PARIS (Reuters) – U.S., Ukrainian and European officials held"),
        (SA, "Officials from Ukraine, the US, the UK and several European countries gathered"),
        (XH, "LONDON - Talks between a Ukrainian delegation"),
        (EB, "London (Europe Brief News): British Foreign Secretary David Lammy will facilitate"),
        (MT, "Planned talks in London aimed at ending the war"),
    ):
        assert (aid, ARTICLES[aid].text.index(opening)) in leads, aid


def _typed(table: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    schema = MEETING_MODELS[table].to_schema()
    df = pd.DataFrame(rows, columns=list(schema.columns))
    for name, column in schema.columns.items():
        if str(column.dtype).startswith("string"):
            df[name] = df[name].astype("string")
        elif str(column.dtype) == "Int64":
            df[name] = df[name].astype("Int64")
    return df


@pytest.mark.parametrize("table", sorted(MEETING_MODELS))
def test_rows_conform_to_their_model(table: str) -> None:
    rows = ROWS[table]
    assert rows and all(set(r) == set(MEETING_MODELS[table].to_schema().columns) for r in rows)
    MEETING_MODELS[table].validate(_typed(table, rows), lazy=True)
    key = MEETING_MODELS[table].Config.metadata["primary_key"]
    assert len({tuple(r[k] for k in key) for r in rows}) == len(rows)


def test_foreign_keys_of_the_meeting_tables_resolve() -> None:
    ids = {r["meeting_id"] for r in ROWS["meetings"]}
    assert {r["meeting_id"] for r in ROWS["meeting_participants"]} <= ids
    assert {r["meeting_id"] for r in ROWS["meeting_mentions"]} == ids
    assert {r["part_of"] for r in ROWS["meetings"] if r["part_of"]} <= ids
    assert {r["date_article_id"] for r in ROWS["meetings"] if r["date_article_id"]} <= set(ARTICLES)


def test_emitted_entities_are_known_or_mentioned() -> None:
    mentioned = {m.entity_id for f in FOUND.values() for m in f.mentions}
    discovered = {e for f in FOUND.values() for e in f.discovered}
    for r in ROWS["meeting_participants"]:
        assert r["entity_id"] in KB.entities or r["entity_id"] in discovered | mentioned
    for r in ROWS["meetings"]:
        assert r["place_id"] is None or r["place_id"] in KB.entities


def test_meeting_mentions_is_pure() -> None:
    a = ARTICLES[RT]
    assert meeting_mentions(a, KB, FOUND[RT]) == meeting_mentions(a, KB, FOUND[RT])


def test_meeting_ids_do_not_depend_on_the_order_of_reports() -> None:
    shuffled = list(SEED_MENTIONS)
    random.Random(7).shuffle(shuffled)
    assert assemble_meetings(shuffled, KB) == ROWS


def test_reuters_alone_cannot_date_its_relative_expressions() -> None:
    rows = assemble_meetings([m for m in SEED_MENTIONS if m.article_id == RT], KB)
    london = [r for r in rows["meetings"] if r["city"] == "London" and r["part_of"] is None]
    assert [r["meeting_id"] for r in london] == ["undated-london-in_person"]
    assert when(london[0]) == (None, None, None) and london[0]["date_anchor"] is None


# ================================================================ sentences of our own
def test_delegations_met_in_jeddah_on_tuesday() -> None:
    rows = run(
        article("t1", "US and Ukrainian delegations met in Jeddah on Tuesday.", "March 12, 2025")
    )
    (row,) = rows["meetings"]
    assert row["meeting_id"] == "2025-03-11-jeddah-in_person"
    assert (row["city"], row["country"], row["status"]) == ("Jeddah", "SA", "held")
    assert (row["date_anchor"], row["date_article_id"]) == ("published_date", "t1")
    assert roles(rows, row["meeting_id"]) == {
        "united-states": "participant",
        "ukraine": "participant",
    }


def test_video_call_has_video_format_and_no_city() -> None:
    rows = run(
        article(
            "t2",
            "Volodymyr Zelensky held a video call with Emmanuel Macron on Monday.",
            "March 12, 2025",
        )
    )
    (row,) = rows["meetings"]
    assert (row["meeting_id"], row["format"], row["city"]) == (
        "2025-03-10-unknown-video",
        "video",
        None,
    )
    assert row["label"] == "Zelensky–Macron video call"


def test_summit_planned_for_thursday_was_postponed() -> None:
    body = "The summit in Istanbul, planned for Thursday, was postponed."
    (row,) = run(article("t3", body, "March 12, 2025"))["meetings"]
    assert (row["status"], row["city"], row["date_start"]) == (
        "postponed",
        "Istanbul",
        date(2025, 3, 13),
    )


def test_talks_that_will_be_held_on_thursday_are_planned_for_the_next_thursday() -> None:
    body = "Talks will be held in Istanbul on Thursday between Russian and Ukrainian delegations."
    rows = run(article("t3b", body, "May 13, 2025"))
    (row,) = rows["meetings"]
    assert (row["status"], row["date_start"]) == ("planned", date(2025, 5, 15))
    assert roles(rows, row["meeting_id"]) == {"russia": "participant", "ukraine": "participant"}


def test_two_pairs_meeting_in_one_city_on_one_day_stay_distinct() -> None:
    body = (
        "Marco Rubio met Andrii Sybiha in Riyadh on Tuesday. "
        "Separately, Steve Witkoff met Kirill Dmitriev in Riyadh on Tuesday."
    )
    rows = run(article("t4", body, "February 19, 2025"))
    assert sorted(r["label"] for r in rows["meetings"]) == [
        "Rubio–Sybiha meeting in Riyadh",
        "Witkoff–Dmitriev meeting in Riyadh",
    ]
    ids = [r["meeting_id"] for r in rows["meetings"]]
    assert all(i.startswith("2025-02-18-riyadh-in_person-") for i in ids) and len(set(ids)) == 2


def test_meeting_and_call_on_one_day_stay_distinct() -> None:
    body = (
        "Recep Tayyip Erdogan hosted Zelensky in Ankara on Wednesday. "
        "Sergei Lavrov spoke by phone with Wang Yi on Wednesday."
    )
    rows = run(article("t5", body, "May 15, 2025"))
    assert [(r["meeting_id"], r["label"]) for r in rows["meetings"]] == [
        ("2025-05-14-ankara-in_person", "Erdoğan–Zelensky meeting in Ankara"),
        ("2025-05-14-unknown-phone", "Lavrov–Yi call"),
    ]
    assert roles(rows, "2025-05-14-ankara-in_person") == {
        "recep-tayyip-erdogan": "host",
        "volodymyr-zelensky": "participant",
    }


def test_the_source_of_a_report_is_not_a_participant() -> None:
    body = "Dmitry Peskov said Vladimir Putin met Steve Witkoff in Moscow on Friday."
    (row,) = run(article("t6", body, "May 16, 2025"))["meetings"]
    assert roles(run(article("t6", body, "May 16, 2025")), row["meeting_id"]) == {
        "vladimir-putin": "participant",
        "steve-witkoff": "participant",
    }


def test_a_speaker_who_reports_his_own_meeting_is_a_participant() -> None:
    body = "Kirill Dmitriev said he had met Steve Witkoff in Riyadh on Tuesday."
    rows = run(article("t6b", body, "May 16, 2025"))
    (row,) = rows["meetings"]
    assert roles(rows, row["meeting_id"]) == {
        "kirill-dmitriev": "participant",
        "steve-witkoff": "participant",
    }


def test_who_pulled_out_is_absent() -> None:
    body = (
        "Vladimir Putin pulled out of the talks in Istanbul on Thursday, sending an aide instead."
    )
    rows = run(article("t7", body, "May 16, 2025"))
    (row,) = rows["meetings"]
    assert roles(rows, row["meeting_id"]) == {"vladimir-putin": "absent"}
    assert row["date_start"] == date(2025, 5, 15)


def test_bilateral_on_the_sidelines_is_part_of_the_summit() -> None:
    body = (
        "Leaders gathered in Kyiv on Saturday. "
        "Zelensky held a bilateral meeting with Emmanuel Macron on the sidelines."
    )
    rows = run(article("t8", body, "May 11, 2025"))
    by_id = {r["meeting_id"]: r for r in rows["meetings"]}
    assert set(by_id) == {"2025-05-10-kyiv-in_person", "2025-05-10-kyiv-in_person-bilateral"}
    assert by_id["2025-05-10-kyiv-in_person-bilateral"]["part_of"] == "2025-05-10-kyiv-in_person"
    assert set(roles(rows, "2025-05-10-kyiv-in_person-bilateral")) == {
        "volodymyr-zelensky",
        "emmanuel-macron",
    }


def test_two_sides_of_a_multilateral_meeting_talking_apart_is_a_side_meeting() -> None:
    body = (
        "Envoys from Poland, Italy and Turkey gathered in Geneva on Tuesday. "
        "Radoslaw Sikorski held talks with Italian counterparts, and Sikorski was also "
        "meeting Hakan Fidan."
    )
    rows = run(article("t8m", body, "June 5, 2025"))
    by_id = {r["meeting_id"]: r for r in rows["meetings"]}
    main = "2025-06-03-geneva-in_person"
    assert main in by_id
    sides = [r for r in rows["meetings"] if r["part_of"] == main]
    assert len(sides) == 2
    assert all(r["city"] == "Geneva" and r["date_start"] == date(2025, 6, 3) for r in sides)
    assert sorted(r["label"] for r in sides) == [
        "Italy–Sikorski bilateral in Geneva",
        "Sikorski–Fidan bilateral in Geneva",
    ]


def test_two_parties_of_a_bilateral_meeting_are_no_side_meeting() -> None:
    body = (
        "Delegations from Poland and Italy gathered in Geneva on Tuesday. "
        "Radoslaw Sikorski held talks with Italian counterparts."
    )
    rows = run(article("t8n", body, "June 5, 2025"))
    assert all(r["part_of"] is None for r in rows["meetings"])


def test_a_meeting_on_other_dates_is_not_on_the_margins() -> None:
    body = (
        "Envoys from Poland, Italy and Turkey gathered in Geneva on Tuesday. "
        "Radoslaw Sikorski will meet Italian counterparts next month."
    )
    rows = run(article("t8o", body, "June 5, 2025"))
    assert all(r["part_of"] is None for r in rows["meetings"])


def test_downgraded_talks_keep_both_levels() -> None:
    body = (
        "Talks in Geneva on Monday were downgraded to senior officials "
        "after a meeting of foreign ministers was cancelled."
    )
    (row,) = run(article("t9", body, "June 3, 2025"))["meetings"]
    assert (row["status"], row["planned_level"], row["held_level"]) == (
        "held",
        "ministers",
        "officials",
    )


def test_unknown_publication_date_leaves_relative_dates_null() -> None:
    (row,) = run(article("t10", "Envoys met in Doha on Tuesday."))["meetings"]
    assert row["meeting_id"] == "undated-doha-in_person"
    assert (row["date_start"], row["date_anchor"], row["city"]) == (None, None, "Doha")


def test_date_given_only_in_sources_yaml_dates_a_relative_reference() -> None:
    text = "Diplomacy roundup\n\nEnvoys met in Doha on Tuesday.\n"
    raw = RawFile(Path("raw/s1.txt"), "s1", text, "0" * 64)
    art = make_article(raw, {"published_date": "2025-06-05"})  # a Thursday
    assert (art.meta.published_date, art.meta.published_date_source) == (
        date(2025, 6, 5),
        "sources",
    )
    (row,) = run(art)["meetings"]
    assert row["meeting_id"] == "2025-06-03-doha-in_person"
    assert (row["date_anchor"], row["date_article_id"]) == ("published_date_sources", "s1")


def test_date_stated_in_the_text_wins_over_sources_yaml() -> None:
    text = "Published: 09:00, June 12, 2025\nDiplomacy roundup\n\nEnvoys met in Doha on Tuesday.\n"
    art = make_article(
        RawFile(Path("raw/s2.txt"), "s2", text, "0" * 64), {"published_date": "2025-06-05"}
    )
    assert (art.meta.published_date, art.meta.published_date_source) == (date(2025, 6, 12), "text")
    (row,) = run(art)["meetings"]
    assert (row["meeting_id"], row["date_anchor"]) == (
        "2025-06-10-doha-in_person",
        "published_date",
    )


def test_undated_article_learns_its_anchor_from_a_dated_report() -> None:
    dated = article("d1", "Rustem Umerov met Steve Witkoff in Doha on Sunday.", "June 3, 2025")
    undated = article(
        "u1",
        "Rustem Umerov and Steve Witkoff met in Doha on Sunday. "
        "On Saturday, Umerov had spoken to Andrii Sybiha by phone.",
    )
    rows = run(dated, undated)
    assert when(meeting(rows, "2025-06-01-doha-in_person"))[0] == date(2025, 6, 1)
    assert reported_by(rows, "2025-06-01-doha-in_person") == {"d1", "u1"}
    call = meeting(rows, "2025-05-31-unknown-phone")
    assert (call["date_anchor"], call["date_article_id"]) == ("relative-to-d1", "u1")


def test_two_candidate_days_leave_an_undated_article_unanchored() -> None:
    first = article("d2", "Envoys met in Geneva on Sunday.", "June 3, 2025")
    second = article("d3", "Envoys met in Geneva on Sunday.", "June 10, 2025")
    undated = article("u2", "Envoys met in Geneva on Sunday. On Friday, Umerov spoke to Sybiha.")
    rows = run(first, second, undated)
    undated_dates = {r["date_start"] for r in rows["meeting_mentions"] if r["article_id"] == "u2"}
    assert undated_dates == {None}


def test_an_undated_plan_never_joins_a_meeting_over_before_it_was_written() -> None:
    past = article(
        "p1", "Marco Rubio and Sergei Lavrov held talks in Vienna on 12 March 2024.", "May 3, 2024"
    )
    plan = article("p2", "Rubio said he expected to meet Sergei Lavrov soon.", "June 3, 2025")
    rows = run(past, plan)
    (vienna,) = [r for r in rows["meetings"] if r["city"] == "Vienna"]
    assert reported_by(rows, vienna["meeting_id"]) == {"p1"}
    assert {r["article_id"] for r in rows["meeting_mentions"]} == {"p1", "p2"}
    # told as held, the undated report may still be that past meeting
    held = article("p3", "Rubio had held talks with Sergei Lavrov in Vienna.", "June 3, 2025")
    rows = run(past, held)
    (vienna,) = [r for r in rows["meetings"] if r["city"] == "Vienna"]
    assert reported_by(rows, vienna["meeting_id"]) == {"p1", "p3"}


def test_undated_call_joins_the_dated_call_naming_the_same_two_people() -> None:
    dated = article("d4", "Marco Rubio spoke to Sergei Lavrov by phone on Monday.", "June 3, 2025")
    undated = article("u4", "Rubio had a phone call with Sergei Lavrov.", "June 3, 2025")
    other = article(
        "d5", "Marco Rubio spoke by phone with Andrii Sybiha on Monday.", "June 3, 2025"
    )
    rows = run(dated, undated, other)
    calls = {r["label"]: r["meeting_id"] for r in rows["meetings"]}
    assert reported_by(rows, calls["Rubio–Lavrov call"]) == {"d4", "u4"}
    assert reported_by(rows, calls["Rubio–Sybiha call"]) == {"d5"}


@pytest.mark.parametrize(
    "body",
    [
        "JD Vance said during a visit to India that a deal was close.",  # travel to a country
        "Witkoff has already held three rounds of talks with Putin.",  # several meetings
        "Kyiv said there would be no discussions on territory.",  # negated
        "Both sides want to revive peace talks.",  # the process, not an encounter
        "Zakharova gave a news conference in Moscow on Monday.",  # not a meeting
    ],
)
def test_sentences_that_report_no_single_encounter(body: str) -> None:
    assert run(article("t11", body, "May 16, 2025"))["meetings"] == []


@pytest.mark.parametrize(
    "body",
    [
        "Sybiha said Kyiv was ready to meet Russian negotiators in Ankara if a truce held.",
        "The Kremlin would agree to such talks in Riyadh only if sanctions were eased.",
        "Erdogan urged both sides to resume talks in Ankara.",
        "Putin chaired a meeting of his Security Council in Moscow on Friday.",
        "Speaking to reporters in Warsaw on Monday, Andrii Sybiha said nothing had changed.",
        "The Foreign Office said talks were planned.",  # no city, no parties: which talks?
    ],
)
def test_hypothetical_internal_and_unidentified_talks_are_no_meeting(body: str) -> None:
    assert run(article("h1", body, "May 16, 2025"))["meetings"] == []


def test_participants_fill_the_slots_of_the_trigger_not_the_whole_sentence() -> None:
    body = (
        "Correspondent Anna Petrova reported that Marco Rubio held talks with Andrii Sybiha "
        "in Warsaw on Monday, a week after Sergei Lavrov had warned against it."
    )
    rows = run(article("s1", body, "May 14, 2025"))
    (row,) = rows["meetings"]
    assert (row["city"], row["date_start"]) == ("Warsaw", date(2025, 5, 12))
    assert set(roles(rows, row["meeting_id"])) == {"marco-rubio", "andrii-sybiha"}


def test_between_and_titles_give_the_parties() -> None:
    body = "Officials said talks in Geneva between Russia and Ukraine ended on Tuesday."
    rows = run(article("s2", body, "May 14, 2025"))
    (row,) = rows["meetings"]
    assert set(roles(rows, row["meeting_id"])) == {"russia", "ukraine"}
    body = "Trump envoy Steve Witkoff met Vladimir Putin in St Petersburg on Friday."
    rows = run(article("s3", body, "May 14, 2025"))
    (row,) = rows["meetings"]
    assert set(roles(rows, row["meeting_id"])) == {"steve-witkoff", "vladimir-putin"}


def test_a_team_from_a_capital_is_not_the_venue_and_a_venue_gives_its_city() -> None:
    body = "A team from Kyiv met US officials at the White House on Thursday."
    rows = run(article("v1", body, "May 16, 2025"))
    (row,) = rows["meetings"]
    assert (row["city"], row["venue"]) == ("Washington", "White House")


def test_a_summit_named_in_passing_does_not_join_the_visit_told_before() -> None:
    body = (
        "On Friday, Volodymyr Zelensky visited Keir Starmer in London.\n\n"
        "It came days before the Trump-Putin summit, which both men watched closely."
    )
    rows = run(article("p1", body, "May 17, 2025"))
    london = [r for r in rows["meetings"] if r["city"] == "London"]
    (row,) = london
    assert set(roles(rows, row["meeting_id"])) == {"volodymyr-zelensky", "keir-starmer"}


def test_one_shared_leader_does_not_merge_two_undated_reports() -> None:
    a = article("l1", "Donald Trump met Volodymyr Zelensky in the Oval Office.", None)
    b = article("l2", "Donald Trump held a phone call with Vladimir Putin.", None)
    rows = run(a, b)
    assert {tuple(sorted(reported_by(rows, r["meeting_id"]))) for r in rows["meetings"]} == {
        ("l1",),
        ("l2",),
    }


def test_a_day_of_a_past_event_lies_before_the_publication_date() -> None:
    body = "Steve Witkoff met Vladimir Putin in Moscow on August 6."
    (row,) = run(article("y1", body, "February 18, 2026"))["meetings"]
    assert row["date_start"] == date(2025, 8, 6)


def test_the_date_of_a_postponed_plan_does_not_date_the_held_talks() -> None:
    body = (
        "Russian and Ukrainian negotiators held talks in Istanbul on Wednesday.\n\n"
        "The talks were initially supposed to start on Sunday, but were postponed."
    )
    (row,) = run(article("d1", body, "May 15, 2025"))["meetings"]
    assert row["date_start"] == date(2025, 5, 14)


def test_confidence_grows_with_the_evidence() -> None:
    full = run(article("c1", "Rubio met Sergei Lavrov in Riyadh on Tuesday.", "May 15, 2025"))
    bare = run(article("c2", "Rubio met Sergei Lavrov.", "May 15, 2025"))
    assert full["meetings"][0]["confidence"] > bare["meetings"][0]["confidence"] >= 0.5


def test_a_city_and_the_region_it_lies_in_are_one_place() -> None:
    region = article("r1", "Donald Trump met Xi Jinping in Florida on Friday.", "May 17, 2025")
    city = article("r2", "Xi and Trump held a summit in Miami on Friday.", "May 17, 2025")
    rows = run(region, city)
    (row,) = rows["meetings"]
    assert reported_by(rows, row["meeting_id"]) == {"r1", "r2"}


def test_a_subject_pronoun_and_an_opening_phrase_give_the_other_party() -> None:
    body = "Donald Trump wrote that he held a long phone call with Vladimir Putin on Monday."
    rows = run(article("q1", body, "May 14, 2025"))
    (row,) = rows["meetings"]
    assert set(roles(rows, row["meeting_id"])) == {"donald-trump", "vladimir-putin"}
    body = "Following a call with Donald Trump on Saturday, Volodymyr Zelensky urged a truce."
    rows = run(article("q2", body, "May 14, 2025"))
    (row,) = rows["meetings"]
    assert set(roles(rows, row["meeting_id"])) == {"donald-trump", "volodymyr-zelensky"}


def test_a_story_told_in_an_earlier_year_dates_its_days_in_that_year() -> None:
    body = (
        "The war began in February 2022.\n\n"
        "On March 10, Sergei Lavrov met Andrii Sybiha in Ankara for the first time."
    )
    (row,) = run(article("y2", body, "February 18, 2026"))["meetings"]
    assert row["date_start"] == date(2022, 3, 10)


def test_the_next_round_is_held_between_the_parties_of_the_round_before() -> None:
    body = (
        "Delegations from the US, Russia and Ukraine held talks in Istanbul on Monday.\n\n"
        "A further round of talks would follow shortly, officials said."
    )
    rows = run(article("n2", body, "May 14, 2025"))
    later = [r for r in rows["meetings"] if r["city"] is None]
    (row,) = later
    assert set(roles(rows, row["meeting_id"])) == {"united-states", "russia", "ukraine"}


def test_a_label_names_the_parties_and_the_place() -> None:
    body = "Delegations from the US, Russia and Ukraine held talks in Istanbul on Monday."
    (row,) = run(article("b1", body, "May 14, 2025"))["meetings"]
    assert row["label"] == "Russia–Ukraine–US talks in Istanbul"


def test_the_next_round_does_not_continue_the_talks_just_told() -> None:
    body = (
        "Russian and Ukrainian negotiators held talks in Istanbul on Monday.\n\n"
        "Officials proposed holding the next round of talks next week."
    )
    rows = run(article("n1", body, "May 14, 2025"))
    istanbul = [r for r in rows["meetings"] if r["city"] == "Istanbul"]
    assert [r["date_precision"] for r in istanbul] == ["day"]


def test_a_quoted_today_is_not_the_publication_day() -> None:
    a = article(
        "t12", '"The talks in Paris today were productive," Lammy said on Friday.', "June 3, 2025"
    )
    (m,) = meeting_mentions(a, KB, mentions(a, KB))
    assert m.date_expr is None and m.city == "Paris"


def test_meeting_mention_carries_what_its_sentence_states() -> None:
    a = article(
        "t13",
        "Marco Rubio will travel to Riyadh next week for talks with Kirill Dmitriev.",
        "June 3, 2025",
    )
    found: MentionResult = mentions(a, KB)
    (m,) = [x for x in meeting_mentions(a, KB, found) if x.city]
    assert isinstance(m, MeetingMention)
    assert (m.city, m.country, m.status, m.format) == ("Riyadh", "SA", "planned", "in_person")
    assert m.date is not None and (m.date.start, m.date.precision) == (date(2025, 6, 9), "week")
    assert dict(m.participants) == {"marco-rubio": "participant", "kirill-dmitriev": "participant"}


def test_rows_become_typed_arrow_tables_once_the_models_are_registered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from talkspkg.schema import models, tableschema
    from talkspkg.tables import to_arrow

    for table, model in MEETING_MODELS.items():
        monkeypatch.setitem(models.MODELS, table, model)
    tableschema.columns.cache_clear()
    try:
        for table in MEETING_MODELS:
            arrow = to_arrow(table, ROWS[table])
            assert arrow.num_rows == len(ROWS[table])
        fields = {f["name"]: f for f in tableschema.table_schema("meetings")["fields"]}
        assert fields["date_start"]["type"] == "date"
        assert fields["status"]["constraints"]["enum"] == [
            "cancelled",
            "held",
            "planned",
            "postponed",
        ]
    finally:
        tableschema.columns.cache_clear()


def test_an_undated_meeting_told_as_held_does_not_join_a_round_only_announced() -> None:
    plan = article(
        "plan",
        "A third round of talks between Russia and Ukraine will be held next week in Miami, "
        "officials said.",
        "2 March 2026",
    )
    held = article(
        "held",
        "Steve Witkoff met Kirill Dmitriev in Miami to discuss joint economic projects.",
        "3 March 2026",
    )
    rows = run(plan, held)
    assert len(rows["meetings"]) == 2
    assert {frozenset(reported_by(rows, r["meeting_id"])) for r in rows["meetings"]} == {
        frozenset({"plan"}),
        frozenset({"held"}),
    }


def test_a_city_after_held_in_is_the_place_of_talks_named_far_before_it() -> None:
    rows = run(
        article(
            "far",
            "Talks between a Ukrainian delegation and officials from the United States, "
            "Poland and Germany held in Geneva on Monday were constructive.",
            "10 March 2026",
        )
    )
    (row,) = rows["meetings"]
    assert (row["city"], row["date_start"]) == ("Geneva", date(2026, 3, 9))


def test_a_dated_sentence_naming_other_parties_does_not_continue_the_talks_before() -> None:
    rows = run(
        article(
            "two",
            "Steve Witkoff and Jared Kushner hosted a session of talks in Miami. On March 3, "
            "delegations from Russia, Ukraine and Belarus held talks for the first time.",
            "10 March 2026",
        )
    )
    assert len(rows["meetings"]) == 2
    miami = next(r for r in rows["meetings"] if r["city"] == "Miami")
    assert miami["date_start"] is None


# ================================================================ story time and sequels
def test_later_in_the_month_is_dated_from_the_encounter_told_before() -> None:
    rows = run(
        article(
            "sequel-month",
            "On October 8, 2024, Sergei Lavrov met Marco Rubio in Vienna. "
            "Later in the month, Steve Witkoff and Jared Kushner hosted another session of "
            "talks in Miami.",
            "2026-01-20",
        )
    )
    miami = [r for r in rows["meetings"] if r["city"] == "Miami"]
    assert [when(r) for r in miami] == [(date(2024, 10, 1), date(2024, 10, 31), "month")]


def test_a_sequel_without_a_dated_encounter_before_dates_nothing() -> None:
    rows = run(
        article(
            "sequel-undated",
            "The following day, Steve Witkoff and Jared Kushner hosted talks in Miami.",
            "2026-01-20",
        )
    )
    assert [when(r) for r in rows["meetings"]] == [(None, None, None)]


def test_a_date_opening_the_sentence_dates_its_main_encounter() -> None:
    rows = run(
        article(
            "opening-date",
            "On 3 March, envoys of both governments, among them US Secretary of State Marco "
            "Rubio and the Russian foreign minister, Sergei Lavrov, met in Riyadh.",
            "2025-03-20",
        )
    )
    assert [when(r) for r in rows["meetings"]] == [(date(2025, 3, 3), date(2025, 3, 3), "day")]


def test_an_event_narrated_after_a_later_encounter_is_not_the_earlier_one_again() -> None:
    rows = run(
        article(
            "story-time",
            "On March 3, 2025, Donald Trump and JD Vance clashed with Volodymyr Zelensky in a "
            "meeting at the White House. On August 15, 2025, Trump met Vladimir Putin in "
            "Anchorage. Trump then hosted Zelensky and European leaders in Washington.",
            "2026-01-20",
        )
    )
    washington = [r for r in rows["meetings"] if r["city"] == "Washington"]
    assert [when(r) for r in washington] == [
        (date(2025, 3, 3), date(2025, 3, 3), "day"),
        (None, None, None),
    ]


def test_held_talks_are_the_announced_ones_once_their_day_has_passed() -> None:
    plan = article(
        "plan",
        "Volodymyr Zelensky will travel to Washington on Monday to meet Donald Trump.",
        "2025-06-05",
    )
    later = article("later", "Donald Trump hosted Volodymyr Zelensky in Washington.", "2025-09-01")
    early = article("early", "Donald Trump hosted Volodymyr Zelensky in Washington.", "2025-06-06")
    assert len(run(plan, later)["meetings"]) == 1  # the Monday had passed by September
    assert len(run(plan, early)["meetings"]) == 2  # the day before it: another encounter


def test_a_mediator_named_by_a_passive_takes_part_without_splitting_the_talks() -> None:
    rows = run(
        article(
            "mediated",
            "On 9 March, delegations of Russia and Ukraine held talks in Doha. "
            "Held at a palace in Doha, the talks were mediated by Qatar.",
            "2025-03-20",
        )
    )
    (row,) = rows["meetings"]
    assert roles(rows, row["meeting_id"]).get("qatar") == "participant"


def test_a_person_briefed_on_talks_is_no_party_of_them() -> None:
    rows = run(
        article(
            "briefed",
            "Donald Trump said he would brief Keir Starmer on his talks with Vladimir Putin "
            "in Anchorage on Friday.",
            "2025-08-12",
        )
    )
    assert all("keir-starmer" not in roles(rows, r["meeting_id"]) for r in rows["meetings"])


def test_the_confidence_description_states_the_caps_the_stage_applies() -> None:
    from talkspkg.schema.meetings import Meetings
    from talkspkg.stages.meetings.rows import NOUN_ONLY_CAP, PLAN_CAP

    text = Meetings.to_schema().columns["confidence"].description
    assert f"at most {NOUN_ONLY_CAP}" in text and f"at most {PLAN_CAP}" in text
