"""Discovery of people the knowledge base does not know, in wordings of our own (invented names)."""

from __future__ import annotations

from pathlib import Path

from talkspkg.kb import Entity, load_knowledge
from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.mentions import mentions
from talkspkg.stages.quotes import quotes

KB = load_knowledge()


def found(text: str) -> dict[str, Entity]:
    """The discovered entities the article's mentions use."""
    raw = RawFile(Path("raw/t.txt"), "t", "Test headline\n\n" + text + "\n", "0" * 64)
    result = mentions(make_article(raw), KB)
    used = {m.entity_id for m in result.mentions}
    return {eid: e for eid, e in result.discovered.items() if eid in used}


def people(text: str) -> dict[str, str | None]:
    """Discovered persons and their countries."""
    return {eid: e.country for eid, e in found(text).items() if e.entity_type == "person"}


# -- a full name with no evidence beside it, used alone elsewhere ---------------------------------


def test_full_name_is_a_person_when_its_surname_is_used_as_a_possessive() -> None:
    text = "Officials met Tarvo Keskula on Monday. Keskula's envoy then left for the talks."
    assert people(text) == {"tarvo-keskula": None}


def test_full_name_is_a_person_when_its_surname_is_coordinated_with_a_person() -> None:
    text = (
        "The mood soured after Dorin Vasile expressed frustration with Ilka Parviainen. "
        "Vasile said he was disappointed. A meeting between Vasile and Parviainen was mooted."
    )
    assert people(text) == {"dorin-vasile": None, "ilka-parviainen": None}


def test_a_place_possessive_makes_no_person_of_a_place() -> None:
    text = "Talks in Port Moresby went on for a week. Moresby's hotels were full."
    assert people(text) == {}


def test_a_coordinated_place_or_state_makes_no_person() -> None:
    text = "Officials met Tarvo Keskula on Monday. Moscow and Keskula both declined to comment."
    assert people(text) == {}


def test_a_one_word_possessive_alone_is_no_person() -> None:
    assert people("Keskula's envoy left for the talks on Tuesday.") == {}


# -- the role of a predecessor or successor ------------------------------------------------------


def test_predecessor_before_a_name_is_a_role() -> None:
    text = "The president was seen as closer to Moscow than his predecessor Oren Talvik, who left."
    entity = found(text)["oren-talvik"]
    assert (entity.entity_type, entity.role) == ("person", "predecessor")


# -- the country of a team or delegation ---------------------------------------------------------


def test_members_of_a_states_team_take_its_country() -> None:
    text = (
        "Finland’s team includes Aino Repo, the former head of the border guard who now leads "
        "the cabinet office, and Veli Marttila, the chief of the general staff. The Estonian "
        "delegation is led by Kalju Tamm, the head of the intelligence service."
    )
    assert people(text) == {"aino-repo": "FI", "veli-marttila": "FI", "kalju-tamm": "EE"}


def test_a_delegation_led_by_a_titled_name_takes_its_country() -> None:
    text = "The talks brought a Polish delegation led by Admiral Witold Marek, the navy chief."
    assert people(text) == {"witold-marek": "PL"}


def test_a_team_country_stops_at_a_new_clause() -> None:
    text = (
        "Norway's side was headed by the minister, while Washington sent Jonas Berg, a senior "
        "adviser to the envoy."
    )
    assert people(text) == {"jonas-berg": None}


def test_an_appositive_role_stops_at_the_sentence_end() -> None:
    text = "The team includes Veli Marttila, the chief of the general staff. The Estonians met."
    assert found(text)["veli-marttila"].role == "the chief of the general staff"


# -- a role before an honorific ------------------------------------------------------------------


def test_a_role_before_an_honorific_is_the_persons_role() -> None:
    entity = found("Prime Minister Sir Alaric Penhallow will join a call on Sunday.")
    assert {eid: (e.role, e.country) for eid, e in entity.items()} == {
        "alaric-penhallow": ("Prime Minister", None)
    }


def test_the_prime_minister_is_the_discovered_prime_minister() -> None:
    text = (
        "Test headline\n\nPrime Minister Sir Alaric Penhallow will join a call on Sunday.\n\n"
        "On Saturday, the prime minister said: “Peace is closer than ever before.”\n"
    )
    article = make_article(RawFile(Path("raw/t.txt"), "t", text, "0" * 64))
    rows = quotes(article, KB, mentions(article, KB))
    assert [(q.text, q.speaker_id) for q in rows] == [
        ("Peace is closer than ever before.", "alaric-penhallow")
    ]


# -- the country of a state body in the role phrase -------------------------------------------


def test_a_state_body_before_the_role_gives_its_state() -> None:
    assert people("The White House press secretary Orla Dalmont said the offer was noted.") == {
        "orla-dalmont": "US"
    }
    assert people("Rosatom chief Pavel Lisin said the plant was safe.") == {"pavel-lisin": "RU"}
    text = "A spokesperson for the Pentagon, Ivo Brandt, said no decision had been taken."
    assert people(text) == {"ivo-brandt": "US"}


def test_an_international_body_or_an_outlet_gives_no_state() -> None:
    assert people("Nato spokeswoman Elin Dahl said the alliance would meet.") == {"elin-dahl": None}
    assert people("BBC Russia editor Jane Roe said the Kremlin was pleased.") == {}


def test_the_state_of_a_body_of_a_body() -> None:
    text = (
        '"We will see," the deputy speaker of the upper chamber of the Russian parliament, Ludmila '
        "Vorridge, told reporters. The chair of the foreign affairs committee of the Ukrainian "
        "parliament, Oles Marchuk, said talks would resume."
    )
    assert people(text) == {"ludmila-vorridge": "RU", "oles-marchuk": "UA"}


def test_a_field_of_study_is_no_state_body() -> None:
    text = "The head of the department of Russian studies, Ana Birk, said the talks were doomed."
    assert people(text) == {"ana-birk": None}


# -- whom the role serves --------------------------------------------------------------------


def test_a_known_persons_possessive_gives_their_state() -> None:
    assert people("Oles Marchuk, Putin's envoy, said talks would resume.") == {"oles-marchuk": "RU"}
    assert people("Zelensky's chief of staff Oles Marchuk said talks would resume.") == {
        "oles-marchuk": "UA"
    }
    text = "Oles Marchuk, the Trump administration's envoy, said talks would resume."
    assert people(text) == {"oles-marchuk": "US"}


def test_a_counterpart_is_not_on_the_possessors_side() -> None:
    text = "Oles Marchuk, Witkoff's counterpart, said talks would resume."
    assert people(text) == {"oles-marchuk": None}
    text = "Oles Marchuk, Witkoff's Russian counterpart, said talks would resume."
    assert people(text) == {"oles-marchuk": "RU"}


def test_an_aide_to_a_leader_is_the_leaders_states() -> None:
    text = (
        "Oles Marchuk, an adviser to the Ukrainian president, met Ilya Sorin, an aide to Putin, "
        "and Dana Holt, a former adviser to Biden."
    )
    assert people(text) == {"oles-marchuk": "UA", "ilya-sorin": "RU", "dana-holt": "US"}


def test_an_envoy_to_a_state_or_leader_is_sent_to_it() -> None:
    assert people("Oles Marchuk, the UN envoy to Ukraine, said talks would resume.") == {
        "oles-marchuk": None
    }
    assert people("Oles Marchuk, an envoy to Putin, said talks would resume.") == {
        "oles-marchuk": None
    }
