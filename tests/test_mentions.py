"""Entity mentions: curated names in every spelling, metonyms, surnames, handles, discovery."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import RAW

from talkspkg.kb import Entity, load_knowledge
from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile, read_raw
from talkspkg.stages.mentions import MentionResult, mentions

KB = load_knowledge()
ARTICLES = {r.article_id: make_article(r) for r in read_raw(RAW)}


def annotate(text: str) -> MentionResult:
    return mentions(make_article(RawFile(Path("raw/t.txt"), "t", text, "0" * 64)), KB)


def entity(result: MentionResult, eid: str) -> Entity:
    return KB.entities.get(eid) or result.discovered[eid]


def persons(result: MentionResult) -> set[str]:
    return {
        m.entity_id for m in result.mentions if entity(result, m.entity_id).entity_type == "person"
    }


SEED_PERSONS = {
    "xinhua-london-talks-significant-progress": {
        "andrii-sybiha",
        "andriy-yermak",
        "david-lammy",
        "jd-vance",
        "john-healey",
        "keith-kellogg",
        "marco-rubio",
        "rustem-umerov",
        "volodymyr-zelensky",
    },
    "europe-brief-news-lammy-to-host-london-talks": {
        "andrii-sybiha",
        "andriy-yermak",
        "david-lammy",
        "donald-trump",
        "emmanuel-macron",
        "john-healey",
        "keith-kellogg",
        "marco-rubio",
        "sergei-lavrov",
        "steve-witkoff",
        "tammy-bruce",
        "vladimir-putin",
        "volodymyr-zelensky",
    },
    "staff-agencies-london-talks-seek-path-to-ceasefire": {
        "david-lammy",
        "dmitry-peskov",
        "donald-trump",
        "john-healey",
        "keith-kellogg",
        "marco-rubio",
        "steve-witkoff",
        "vladimir-putin",
        "volodymyr-zelensky",
        "yuri-ushakov",
    },
    "moscow-times-why-london-talks-downgraded": {
        "andrii-sybiha",
        "andriy-yermak",
        "david-lammy",
        "donald-trump",
        "emmanuel-bonne",
        "emmanuel-macron",
        "jd-vance",
        "john-healey",
        "keith-kellogg",
        "marco-rubio",
        "rustem-umerov",
        "steve-witkoff",
        "vladimir-putin",
        "volodymyr-zelensky",
    },
    "reuters-london-talks-downgraded-after-rubio-cancels": {
        "andriy-yermak",
        "david-lammy",
        "donald-trump",
        "jd-vance",
        "john-healey",
        "keir-starmer",
        "keith-kellogg",
        "marco-rubio",
        "steve-witkoff",
        "vladimir-putin",
        "volodymyr-zelensky",
        "yulia-svyrydenko",
    },
}


@pytest.mark.parametrize("article_id", sorted(SEED_PERSONS))
def test_seed_persons_are_exactly_the_actors(article_id: str) -> None:
    assert persons(mentions(ARTICLES[article_id], KB)) == SEED_PERSONS[article_id]


@pytest.mark.parametrize("article_id", sorted(SEED_PERSONS))
def test_every_mention_slices_exactly(article_id: str) -> None:
    article = ARTICLES[article_id]
    for m in mentions(article, KB).mentions:
        assert article.text[m.start : m.end] == m.text


def _resolved(article_id: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in mentions(ARTICLES[article_id], KB).mentions:
        out.setdefault(m.text, set()).add(m.entity_id)
    return out


@pytest.mark.parametrize(
    ("article_id", "surface", "entity_id"),
    [
        ("xinhua-london-talks-significant-progress", "Andriy Sybiga", "andrii-sybiha"),
        ("europe-brief-news-lammy-to-host-london-talks", "Keith Kelogg", "keith-kellogg"),
        ("europe-brief-news-lammy-to-host-london-talks", "Marco", "marco-rubio"),
        ("europe-brief-news-lammy-to-host-london-talks", "Bruce", "tammy-bruce"),
        (
            "staff-agencies-london-talks-seek-path-to-ceasefire",
            "Vladimir Zelensky",
            "volodymyr-zelensky",
        ),
        (
            "reuters-london-talks-downgraded-after-rubio-cancels",
            "Volodymyr Zelenskiy",
            "volodymyr-zelensky",
        ),
        ("moscow-times-why-london-talks-downgraded", "Emmanuel Bonne", "emmanuel-bonne"),
        ("moscow-times-why-london-talks-downgraded", "@JohnHealey\\\\_MP", "john-healey"),
        (
            "reuters-london-talks-downgraded-after-rubio-cancels",
            "Yulia Svyrydenko",
            "yulia-svyrydenko",
        ),
        ("reuters-london-talks-downgraded-after-rubio-cancels", "Svyrydenko", "yulia-svyrydenko"),
    ],
)
def test_spelling_variants_resolve_to_canonical_entity(
    article_id: str, surface: str, entity_id: str
) -> None:
    assert _resolved(article_id)[surface] == {entity_id}


def test_journalists_and_photographers_are_never_persons() -> None:
    reuters = mentions(ARTICLES["reuters-london-talks-downgraded-after-rubio-cancels"], KB)
    journalists = {eid for eid, e in reuters.discovered.items() if e.entity_type == "journalist"}
    assert {
        "elizabeth-piper",
        "john-irish",
        "daphne-psaledakis",
        "tom-balmforth",
        "humeyra-pamuk",
    } <= journalists
    mt = mentions(ARTICLES["moscow-times-why-london-talks-downgraded"], KB)
    assert mt.discovered["freddie-everett"].entity_type == "journalist"
    assert mt.discovered["freddie-everett"].role == "photographer"


def test_possessive_mention_excludes_apostrophe_s() -> None:
    result = annotate("Lawmakers studied Witkoff's proposals and Zelensky’s reply.")
    assert [(m.text, m.entity_id) for m in result.mentions] == [
        ("Witkoff", "steve-witkoff"),
        ("Zelensky", "volodymyr-zelensky"),
    ]


def test_capital_is_government_unless_locative() -> None:
    result = annotate("Washington wants a deal, officials in Washington said, and Kyiv refused.")
    assert [(m.text, m.entity_id, m.rule) for m in result.mentions] == [
        ("Washington", "united-states", "metonym"),
        ("Washington", "washington", "place"),
        ("Kyiv", "ukraine", "metonym"),
    ]


def test_meeting_noun_after_city_makes_it_a_place() -> None:
    result = annotate("The Moscow talks ended without a deal.")
    assert [(m.text, m.entity_id) for m in result.mentions] == [("Moscow", "moscow")]


def test_urls_and_link_targets_are_not_mentions() -> None:
    text = "See [the report](https://example.com/ukraine/kyiv) on https://kyiv.example/Ukraine now."
    assert [m.text for m in annotate(text).mentions] == []


def test_role_before_unknown_name_discovers_person_with_role_and_country() -> None:
    result = annotate("Finnish President Alexander Stubb told reporters the plan was fair.")
    stubb = result.discovered["alexander-stubb"]
    assert (stubb.name, stubb.entity_type, stubb.role, stubb.country, stubb.curated) == (
        "Alexander Stubb",
        "person",
        "Finnish President",
        "FI",
        False,
    )
    assert [(m.text, m.entity_id) for m in result.mentions if m.entity_id == "alexander-stubb"] == [
        ("Alexander Stubb", "alexander-stubb")
    ]


def test_later_surname_resolves_to_discovered_person() -> None:
    text = (
        "South African President Cyril Ramaphosa arrived in Kyiv on Thursday.\n"
        "Ramaphosa said Africa wanted peace."
    )
    result = annotate(text)
    assert [
        (m.text, m.entity_id, m.rule) for m in result.mentions if "ramaphosa" in m.entity_id
    ] == [
        ("Cyril Ramaphosa", "cyril-ramaphosa", "discovered:role-before-name"),
        ("Ramaphosa", "cyril-ramaphosa", "surname"),
    ]


def test_name_before_speech_verb_is_a_person() -> None:
    result = annotate("Halyna Kovalenko said the talks had stalled.")
    assert result.discovered["halyna-kovalenko"].entity_type == "person"
    assert result.discovered["halyna-kovalenko"].role is None


def test_appositive_role_discovers_person() -> None:
    result = annotate("Oleh Marchenko, a senior Ukrainian negotiator, left the room.")
    person = result.discovered["oleh-marchenko"]
    assert (person.role, person.country) == ("a senior Ukrainian negotiator", "UA")


def test_honorific_discovers_single_surname() -> None:
    result = annotate("Mr Haavisto met the delegation.")
    assert [(m.text, m.entity_id) for m in result.mentions] == [("Haavisto", "haavisto")]


def test_capitalised_non_names_are_not_discovered() -> None:
    text = "The European Council said on Monday that Western Analysts expect talks. READ MORE said."
    assert annotate(text).discovered == {}


def test_overlapping_candidates_resolve_longest_then_leftmost() -> None:
    from dataclasses import dataclass

    from talkspkg.stages.spans import resolve_overlaps

    @dataclass(frozen=True)
    class C:
        start: int
        end: int
        priority: int = 0

    kept = resolve_overlaps([C(0, 5), C(3, 10), C(10, 12), C(11, 13), C(20, 22, 1), C(20, 22, 0)])
    assert [(c.start, c.end, c.priority) for c in kept] == [(3, 10, 0), (10, 12, 0), (20, 22, 0)]


# ---------------------------------------------------------------- discovery on real layouts


def discovered(text: str) -> dict[str, Entity]:
    result = annotate("Test headline\n\n" + text + "\n")
    used = {m.entity_id for m in result.mentions}
    return {eid: e for eid, e in result.discovered.items() if eid in used}


def mentioned(text: str) -> list[tuple[str, str]]:
    result = annotate("Test headline\n\n" + text + "\n")
    return [(m.text, m.entity_id) for m in result.mentions]


def test_a_discovered_name_stops_at_a_sentence_end_and_leaves_out_a_title_abbreviation() -> None:
    found = discovered("Chilean President Pablo Rojas left. Marta Lind said Gov. Lena Holm agreed.")
    assert set(found) == {"pablo-rojas", "marta-lind", "lena-holm"}


def test_initials_regnal_numbers_and_al_particles_belong_to_the_name() -> None:
    found = discovered(
        "Costume designer Ruth Q. Marlow won. Emperor Frederick III ruled. "
        "President Ahmed al-Nuri said so."
    )
    assert set(found) == {"ruth-q-marlow", "frederick-iii", "ahmed-al-nuri"}


def test_role_comma_name_takes_the_country_before_the_role_not_the_host_country() -> None:
    found = discovered("Estonia's ambassador to Japan, Kadri Tamm, said the talks had ended.")
    assert found["kadri-tamm"].country == "EE"
    assert found["kadri-tamm"].role == "Estonia's ambassador to Japan"


def test_a_state_outside_the_seeds_world_gives_the_country() -> None:
    found = discovered("Ugandan army chief Musa Okello said troops would stay.")
    assert found["musa-okello"].country == "UG"


def test_an_institution_name_is_no_person_and_its_head_is_found() -> None:
    found = discovered(
        "Secretary of Chile's Supreme National Defence Council Pablo Rojas met the envoy."
    )
    assert set(found) == {"pablo-rojas"}
    assert found["pablo-rojas"].country == "CL"


def test_a_speech_verb_between_a_quotation_and_a_name_is_evidence() -> None:
    assert set(discovered("“We will not yield,” wrote Ana Ruiz in a column.")) == {"ana-ruiz"}


def test_an_appositive_with_an_institution_is_no_list_of_people() -> None:
    found = discovered("Tom Bell, a professor of law at Oslo Metropolitan College, told us.")
    assert set(found) == {"tom-bell"}
    assert found["tom-bell"].country is None


def test_wire_credits_photo_credits_and_signatures_are_journalists() -> None:
    text = (
        "OSLO, May 2 (Reuters) - Officials met.\n"
        "A soldier walks near Izium [File: Nina Berg/AFP]\n"
        "The board will meet again next week.—Ola Dahl\n"
        "Reporting by Ana Ruiz in New York Writing by Tom Bell Editing by Kim Lee and Joe Park\n"
    )
    result = annotate(text)
    kinds = {
        m.entity_id: (KB.entities.get(m.entity_id) or result.discovered[m.entity_id]).entity_type
        for m in result.mentions
    }
    journalists = {e for e, k in kinds.items() if k == "journalist"}
    assert journalists == {"nina-berg", "ola-dahl", "ana-ruiz", "tom-bell", "kim-lee", "joe-park"}


def test_a_correspondent_who_reports_is_a_journalist() -> None:
    found = discovered("Nordic Wire correspondent Lena Holm reports from Oslo that talks stalled.")
    assert found["lena-holm"].entity_type == "journalist"


def test_spellings_of_one_name_are_one_person_and_the_surname_folds_too() -> None:
    result = annotate(
        "Test headline\n\nDeputy Minister Oleksiy Kovalskyy said talks went on. "
        "Later Oleksiy Kovalskiy added more. Kovalsky declined to comment.\n"
    )
    assert {m.entity_id for m in result.mentions} == {"oleksiy-kovalskyy"}
    assert len(result.mentions) == 3


def test_family_name_first_and_honorific_given_name_refer_to_the_named_person() -> None:
    assert mentioned("Chinese envoy Wu Jiang arrived. Wu said little.") == [
        ("Wu Jiang", "wu-jiang"),
        ("Wu", "wu-jiang"),
    ]
    assert {e for _, e in mentioned("Keir Starmer spoke. Later Sir Keir said more.")} == {
        "keir-starmer"
    }


def test_people_named_only_in_site_boilerplate_are_not_mentioned() -> None:
    text = (
        "Finnish President Alexander Stubb met them on Monday, officials said.\n"
        "Our Standards: The Trust Principles.\n"
        "Chilean President Pablo Rojas resigns after vote\n"
    )
    assert {m.entity_id for m in annotate(text).mentions} == {"alexander-stubb"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ball is now in Moscow's court, he said.", [("Moscow", "russia")]),
        ("Strikes hit Kyiv's Podil district.", [("Kyiv", "kyiv")]),
        ("Russia wants the Minsk agreements revived.", [("Russia", "russia")]),
        (
            "He studied at Moscow State University.",
            [("Moscow State University", "moscow-state-university")],
        ),
        ("Washington needed to see results.", [("Washington", "united-states")]),
    ],
)
def test_a_capital_in_an_idiom_or_a_name(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert mentioned(sentence) == expected


def test_institutions_are_discovered_as_organisations_with_their_state() -> None:
    found = discovered(
        "The Center for Baltic and Arctic Studies, a think tank, said the Lithuanian Energy "
        "Agency had warned. The Foreign Ministry declined to comment."
    )
    assert {eid: (e.entity_type, e.country) for eid, e in found.items()} == {
        "center-for-baltic-and-arctic-studies": ("organization", None),
        "lithuanian-energy-agency": ("organization", "LT"),
    }


def test_a_newspaper_that_reports_is_no_person() -> None:
    found = discovered("Novaya Gazeta said the plan was dead, Nordic Daily Herald reported.")
    assert all(e.entity_type == "organization" for e in found.values())


def test_two_outlets_joined_by_and_and_a_sentence_opener_are_no_institution() -> None:
    assert mentioned("Despite Ministry warnings, Fox Daily News and Nordic Wire News ran it.") == [
        ("Fox Daily News", "fox-daily-news"),
        ("Nordic Wire News", "nordic-wire-news"),
    ]


def test_a_wire_credit_with_an_agency_possessive_or_a_place_names_the_journalists() -> None:
    text = (
        "Test headline\n\nTalks went on in Geneva on Monday, officials said.\n\n"
        "Agency’ Mira Kollat and Tomas Brede contributed reporting.\n\n"
        "Ilse Varga contributed reporting from Vienna.\n"
    )
    article = make_article(RawFile(Path("raw/t.txt"), "t", text, "0" * 64))
    found = mentions(article, KB).discovered
    assert {e for e, x in found.items() if x.entity_type == "journalist"} == {
        "mira-kollat",
        "tomas-brede",
        "ilse-varga",
    }


@pytest.mark.parametrize(
    ("closing", "journalists"),
    [
        ("The Nordic Herald’s Olga Marten reports from Kyiv.", {"olga-marten"}),
        ("Tove Ek reported from Moscow.", {"tove-ek"}),
        ("Contributing: Rosa Lind and Emil Strand", {"rosa-lind", "emil-strand"}),
        ("Baltic Wire writers Lena Sund and Oskar Berg contributed to this report.",
         {"lena-sund", "oskar-berg"}),
        ("Additional reporting by Ida Falk in Riga.", {"ida-falk"}),
        ("Photo by Arne Dahl/Nordpress", {"arne-dahl"}),
    ],
)  # fmt: skip
def test_body_credit_lines_name_journalists_and_never_the_outlet(
    closing: str, journalists: set[str]
) -> None:
    result = annotate(f"Test headline\n\nTalks went on in Geneva, officials said.\n\n{closing}\n")
    kinds = {m.entity_id: entity(result, m.entity_id).entity_type for m in result.mentions}
    assert {e for e, k in kinds.items() if k == "journalist"} == journalists
    assert not {e for e, k in kinds.items() if k == "person"}


def test_a_byline_ending_with_the_outlet_names_only_the_writers() -> None:
    result = annotate("By Hanna Vik, Jonas Lund and Mira Toft, Baltic Wire\n\nTalks went on.\n")
    assert {m.entity_id for m in result.mentions} == {"hanna-vik", "jonas-lund", "mira-toft"}
    assert {entity(result, m.entity_id).entity_type for m in result.mentions} == {"journalist"}


def test_a_correspondent_is_a_journalist_and_a_reporter_in_the_story_a_person() -> None:
    found = discovered(
        "The Courier’s Moscow correspondent, Nils Aas, said the mood was grim. "
        "Journalist Eva Moll, who was held in Minsk, said she was freed."
    )
    assert {e: x.entity_type for e, x in found.items()} == {
        "nils-aas": "journalist",
        "eva-moll": "person",
    }


def test_a_states_embassies_in_two_cities_are_two_organisations() -> None:
    found = discovered(
        "The Latvian embassy in Vienna said the move was overdue. "
        "Later the Latvian embassy in Rome said it had no comment."
    )
    assert {e for e, x in found.items() if x.entity_type == "organization"} == {
        "latvian-embassy-in-vienna",
        "latvian-embassy-in-rome",
    }


def test_a_full_name_whose_surname_speaks_elsewhere_is_a_person() -> None:
    result = annotate(
        "Talks between Tamsin Okoro and Moscow's envoys went on.\n\n"
        "The plan is unfinished, Okoro said on Friday.\n"
    )
    assert persons(result) == {"tamsin-okoro"}
    assert [m.text for m in result.mentions if m.entity_id == "tamsin-okoro"] == [
        "Tamsin Okoro",
        "Okoro",
    ]


def test_names_coordinated_with_a_person_are_people_and_places_are_not() -> None:
    result = annotate(
        "Tamsin Okoro and Bruno Feldkamp said the plan was unfinished.\n\n"
        "Later Edda Lindqvist, Ravi Anand and Mira Sol arrived in Abu Dhabi.\n"
    )
    assert persons(result) == {"tamsin-okoro", "bruno-feldkamp"}


def test_a_title_before_a_surname_alone_names_a_person_used_later_alone() -> None:
    result = annotate(
        "Talks went on. US President Okoro has said he wants a deal.\n\n"
        "The plan is unfinished, Okoro told reporters. The president of the board left.\n"
    )
    assert persons(result) == {"okoro"}
    assert [m.text for m in result.mentions if m.entity_id == "okoro"] == ["Okoro", "Okoro"]
    assert entity(result, "okoro").country == "US"


def test_a_title_before_a_given_name_names_the_person_of_that_given_name() -> None:
    result = annotate(
        "Tamsin Okoro, the Kenyan foreign minister, arrived.\n\n"
        "Aides said Foreign Minister Tamsin spoke to her counterpart.\n"
    )
    assert {m.text: m.entity_id for m in result.mentions if m.entity_id != "kenya"} == {
        "Tamsin Okoro": "tamsin-okoro",
        "Tamsin": "tamsin-okoro",
    }


def test_a_surname_alone_with_no_full_name_and_no_title_is_nobody() -> None:
    assert persons(annotate("The plan is unfinished, Okoro said on Friday.\n")) == set()


@pytest.mark.parametrize(
    ("header", "closing", "journalists"),
    [
        ("Jane Dorsett\nNordic News, Kyiv\n", "", {"jane-dorsett"}),
        ("Jane Dorsett | Nordic Wire\n", "", {"jane-dorsett"}),
        ("Jane Dorsett — Nordic Times\n", "", {"jane-dorsett"}),
        ("Jane Dorsett and Mia Holt\nMon 3 Mar 2026 12.00 GMT\n", "", {"jane-dorsett", "mia-holt"}),
        ("", "— Jane Dorsett, for the Nordic Post", {"jane-dorsett"}),
        ("Kyiv Independent | World News\n", "", set()),
        ("Arvid Solberg, Foreign Minister\n", "", set()),
    ],
)
def test_byline_shapes_type_the_authors_journalist_and_no_one_else(
    header: str, closing: str, journalists: set[str]
) -> None:
    text = (
        "Envoys meet in Geneva as ceasefire talks resume\n\n" + header + "\n"
        "GENEVA - Negotiators met on Monday, officials said. President Arvid Solberg said the "
        "talks were useful.\n" + ("\n" + closing + "\n" if closing else "")
    )
    result = annotate(text)
    found = {
        m.entity_id
        for m in result.mentions
        if entity(result, m.entity_id).entity_type == "journalist"
    }
    assert found == journalists
    assert entity(result, "arvid-solberg").entity_type == "person"


def test_a_title_heading_an_institution_s_name_is_no_part_of_it() -> None:
    result = annotate(
        "The Director of the Northern Logistics Directorate, Ivo Marn, said supplies were late."
    )
    orgs = {d.name for d in result.discovered.values() if d.entity_type == "organization"}
    assert orgs == {"Northern Logistics Directorate"}


def test_one_name_typed_with_either_apostrophe_is_one_id() -> None:
    from talkspkg.textutil import slug

    curly = annotate("Envoy Aoife O’Rourke said the talks had stalled.")
    straight = annotate("Envoy Aoife O'Rourke said the talks had stalled.")
    assert set(curly.discovered) == set(straight.discovered) == {"aoife-orourke"}
    assert (
        slug("India’s foreign ministry")
        == slug("India's foreign ministry")
        == ("indias-foreign-ministry")
    )


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("The White House's Ukraine envoy, Jovana Fenmont, will attend instead.", None),
        ("Russia special envoy Jovana Fenmont said the talks went well.", None),
        ("Ukrainian envoy Jovana Fenmont said the talks went well.", "UA"),
        ("Ukraine's envoy Jovana Fenmont said the talks went well.", "UA"),
        ("US envoy Jovana Fenmont said the talks went well.", "US"),
        ("Chinese special envoy Jovana Fenmont said the talks went well.", "CN"),
        ("Ukraine Foreign Minister Jovana Fenmont said the talks went well.", "UA"),
    ],
)
def test_a_state_s_bare_name_before_envoy_is_where_the_envoy_is_sent(
    sentence: str, country: str | None
) -> None:
    """ "the Ukraine envoy" is sent to Ukraine; "Ukrainian envoy", "Ukraine's envoy" and "US
    envoy" act for the state; other roles take the state before them either way."""
    assert annotate(sentence).discovered["jovana-fenmont"].country == country
