"""Entity discovery and typing in news wordings of our own (invented names and sentences): titles
and sentence ends, outlets and think tanks, stated nationality, role phrases, capitals inside
names and idioms, one person one id, and the capitalised words that are nobody."""

from __future__ import annotations

from pathlib import Path

import pytest

from talkspkg.kb import load_knowledge
from talkspkg.pipeline import make_article
from talkspkg.raw import RawFile
from talkspkg.stages.mentions import MentionResult, mentions

KB = load_knowledge()


def _result(text: str, headline: str = "Test headline") -> MentionResult:
    raw = RawFile(Path("raw/t.txt"), "t", headline + "\n\n" + text + "\n", "0" * 64)
    return mentions(make_article(raw), KB)


def typed(text: str, headline: str = "Test headline") -> dict[str, tuple[str, str | None]]:
    """Every entity the article's mentions use (curated or discovered): type and country."""
    result = _result(text, headline)
    out = {}
    for m in result.mentions:
        entity = result.discovered.get(m.entity_id) or KB.entities[m.entity_id]
        out[m.entity_id] = (entity.entity_type, entity.country)
    return out


def people(text: str, headline: str = "Test headline") -> dict[str, str | None]:
    """Persons the article's mentions use, with their countries."""
    return {eid: c for eid, (t, c) in typed(text, headline).items() if t == "person"}


def role(text: str, eid: str) -> str | None:
    return _result(text).discovered[eid].role


def surfaces(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.entity_id) for m in _result(text).mentions]


# -- a name stops at a sentence end; a title is no part of it ------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The envoys spent an hour with Mr. Halvorsen. Monday's talks were then called off.",
            {"halvorsen": None},
        ),
        (
            "“We are ready,” said Gen. Arvid Solberg. Petra Lindqvist then left the room.",
            {"arvid-solberg": None},
        ),
        ("Lt. Gen. Marek Dobosz said the front line had held overnight.", {"marek-dobosz": None}),
        (
            "Adm. Ines Forsberg told reporters the fleet would stay in port.",
            {"ines-forsberg": None},
        ),
        ("Sen. Dale Whitcomb, a Republican, said the bill would pass.", {"dale-whitcomb": None}),
        ("Rep. Mara Quinlan said she would vote against the aid package.", {"mara-quinlan": None}),
        ("Amb. Teodor Halas said the embassy would reopen in spring.", {"teodor-halas": None}),
        (
            "Dr. Oskar Benning, who treated the wounded, said supplies were short.",
            {"oskar-benning": None},
        ),
        ("Prof. Ilse Marend said the ceasefire lines were unworkable.", {"ilse-marend": None}),
        (
            "The plan was drafted by Ms. Okafor. Tuesday brought a fresh wave of strikes.",
            {"okafor": None},
        ),
        (
            "The deal was signed by U.S. Amb. Teodor Halas. Kyiv welcomed it.",
            {"teodor-halas": "US"},
        ),
        (
            "The envoys met Lt. Gen. Marek Dobosz. Officials said he was upbeat.",
            {"marek-dobosz": None},
        ),
        ("“No,” said Maj. Gen. Ruslan Hordiy. The room fell silent.", {"ruslan-hordiy": None}),
        (
            "Brig. Gen. Tomasz Wilk, the base commander, said the drills were over.",
            {"tomasz-wilk": None},
        ),
        ("Lt Gen Marek Dobosz said the front line had held overnight.", {"marek-dobosz": None}),
        ("Vice Adm. Ines Forsberg told reporters the fleet would sail.", {"ines-forsberg": None}),
        ("Rev. Pavlo Demchuk said the church had been shelled twice.", {"pavlo-demchuk": None}),
        (
            "The talks were hosted by Gen. Arvid B. Solberg. Talks resumed on Monday.",
            {"arvid-b-solberg": None},
        ),
    ],
)
def test_a_name_stops_at_a_sentence_end_and_leaves_its_title(
    text: str, expected: dict[str, str | None]
) -> None:
    assert people(text) == expected


# -- outlets and think tanks are organisations, never people or places ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Der Spiegel said the draft ran to twenty points.",
        "Le Monde reported that the envoys had met twice.",
        "Die Welt said the chancellor had not been consulted.",
        "El País reported that Madrid would send observers.",
        "Interfax quoted a source as saying the talks would resume.",
        "The Financial Times said the fund would be managed from London.",
        "The Kyiv Independent reported that the shelling resumed at dawn.",
        "The Kremlin said on Monday that no date had been set.",
        "The White House said the call had been productive.",
        "Kremlin officials said the proposal was unacceptable.",
        "White House Press Secretary said the call was productive.",
        "On Thursday Officials said the talks would resume in March.",
        "Nordic Leaders said they backed the plan.",
        "Christmas Eve passed without a truce.",
        "She is the author of “The Long Winter of Elias Brandt,” a novel about the siege.",
        "His memoir, “Letters to Mira Kovac”, was published in 2019.",
        "The Carnegie Endowment said in a report that the front was static.",
        "Brookings Institution said the sanctions had bitten.",
        "Amnesty International said the strike had hit a school.",
        "Human Rights Watch said both sides had used cluster munitions.",
        "Harvard Kennedy School said the seminar was postponed.",
        "Ukraine's Air Force said it had downed 40 drones overnight.",
        "The Black Sea Fleet said two vessels had been damaged.",
        "Yomiuri Shimbun reported that Tokyo would send aid.",
        "Neue Zürcher Zeitung said the Swiss venue was ready.",
        "Al Arabiya said the prisoners had landed in Abu Dhabi.",
        "A delegation led by Defence Ministry officials arrived in Riga.",
        "A team led by Kyiv School researchers mapped the damage.",
        "The mediators, led by Abu Dhabi, proposed a swap.",
        "The talks led by Vatican City diplomats went on all day.",
        "Moskovsky Komsomolets said the general had been dismissed.",
        "Dzerkalo Tyzhnia said the draft had been rewritten.",
        "Magyar Nemzet said Budapest would block the package.",
        "Dagens Nyheter said Stockholm would send air defence.",
        "Deutsche Welle said the pipeline had been shut.",
        "Asharq Al-Awsat said the Saudi venue was ready.",
        "Nikkei Asia said Tokyo would join the sanctions.",
        "Capitol Hill said little about the deal.",
    ],
)
def test_no_person_is_discovered(text: str) -> None:
    assert people(text) == {}


def test_an_outlet_named_after_a_city_is_no_place() -> None:
    found = typed("The Kyiv Independent reported that the shelling resumed at dawn.")
    assert all(t != "location" and t != "country" for t, _ in found.values())


def test_a_think_tank_is_no_person_and_gives_no_country() -> None:
    text = (
        "Tatiana Morel, a senior fellow at the Carnegie Endowment for International Peace, said "
        "the offer was a bluff."
    )
    assert people(text) == {"tatiana-morel": None}


@pytest.mark.parametrize(
    "text",
    [
        "Lena Hartmann, a professor at the University of Geneva, said the talks would drag on.",
        "Lena Hartmann, a lecturer at the Kyiv School of Economics, said sanctions were working.",
        "Lena Hartmann, an analyst at the Warsaw Institute, said Poland was ready.",
    ],
)
def test_a_university_named_after_a_city_gives_its_scholar_no_country(text: str) -> None:
    assert people(text) == {"lena-hartmann": None}


# -- the nationality a role phrase states --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "eid", "country"),
    [
        (
            "The Turkish foreign minister, Kemal Aydemir, said Ankara would host.",
            "kemal-aydemir",
            "TR",
        ),
        ("Saudi crown prince Faisal bin Rashid received the envoys.", "faisal-bin-rashid", "SA"),
        (
            "An Emirati official, Omar Al Mansoori, said the prisoners had arrived.",
            "omar-al-mansoori",
            "AE",
        ),
        (
            "The Hungarian prime minister, Gabor Szalai, said he opposed the plan.",
            "gabor-szalai",
            "HU",
        ),
        (
            "Qatari mediator Hamad Al-Kuwari said the children would be returned.",
            "hamad-al-kuwari",
            "QA",
        ),
        ("Swiss president Ursula Keller offered to host the summit.", "ursula-keller", "CH"),
        ("Indian PM Ravi Menon called for restraint on both sides.", "ravi-menon", "IN"),
        (
            "Turkey's foreign minister Kemal Aydemir said talks would continue.",
            "kemal-aydemir",
            "TR",
        ),
        (
            "Türkiye's foreign minister Kemal Aydemir said talks would continue.",
            "kemal-aydemir",
            "TR",
        ),
        ("Norway's prime minister, Eirik Dahl, said Oslo stood ready.", "eirik-dahl", "NO"),
        ("The Japanese ambassador, Kenji Morita, attended the ceremony.", "kenji-morita", "JP"),
        (
            "The UAE's national security adviser, Khalid Al Zaabi, hosted the exchange.",
            "khalid-al-zaabi",
            "AE",
        ),
        ("Azeri President Ilham Gasimov said Baku was ready to help.", "ilham-gasimov", "AZ"),
        (
            "A senior Saudi official, Fahad Al Otaibi, said the venue was set.",
            "fahad-al-otaibi",
            "SA",
        ),
        (
            "Israel's ambassador to Ukraine, Dan Oren, said the embassy would stay open.",
            "dan-oren",
            "IL",
        ),
        (
            "Qatar’s minister of state, Mohammed bin Saleh, said the children were safe.",
            "mohammed-bin-saleh",
            "QA",
        ),
        ("Turkey's Kemal Aydemir said Ankara would host the next round.", "kemal-aydemir", "TR"),
        ("Hungary’s Gabor Szalai said he would veto the package.", "gabor-szalai", "HU"),
        (
            "Igor Pavlov, deputy head of the Russian delegation, said the talks were useful.",
            "igor-pavlov",
            "RU",
        ),
        ("Kremlin foreign policy aide Yuri Orlov said no summit was planned.", "yuri-orlov", "RU"),
        ("Beijing's special envoy Zhou Tianming toured the front.", "zhou-tianming", "CN"),
        ("Moscow's chief negotiator Pavel Sudakov said nothing was agreed.", "pavel-sudakov", "RU"),
        (
            "Kyiv’s ambassador to Washington, Oksana Melnyk, said aid was coming.",
            "oksana-melnyk",
            "UA",
        ),
        ("Ankara's top diplomat, Kemal Aydemir, said Turkey would host.", "kemal-aydemir", "TR"),
        (
            "Qatari mediators led by Hamad Al-Kuwari met both sides in Doha.",
            "hamad-al-kuwari",
            "QA",
        ),
    ],
)
def test_a_demonym_or_possessive_state_gives_the_country(text: str, eid: str, country: str) -> None:
    assert people(text).get(eid) == country


@pytest.mark.parametrize(
    "text",
    [
        "German Marshall Fund senior fellow Dana Pike said the deal was fragile.",
        "Russian Orthodox Church spokesman Vasily Orlov said the monastery was shelled.",
        "Dana Pike, a fellow at the German Marshall Fund, said the deal was fragile.",
    ],
)
def test_a_demonym_naming_an_institution_gives_no_country(text: str) -> None:
    assert set(people(text).values()) == {None}


# -- role phrases in full ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "eid", "wanted"),
    [
        (
            "Olena Marchuk, deputy chief of staff to the president, said the list was ready.",
            "olena-marchuk",
            "deputy chief of staff",
        ),
        (
            "US special envoy for Ukraine Dale Porter said a deal was close.",
            "dale-porter",
            "special envoy for Ukraine",
        ),
        (
            "National security adviser Lars Heim said the talks were useful.",
            "lars-heim",
            "National security adviser",
        ),
        (
            "Igor Lebedinsky, secretary of the Security Council, said the border was calm.",
            "igor-lebedinsky",
            "secretary of the Security Council",
        ),
        (
            "Deputy Chief of Staff Pavlo Kovalenko said the exchange was complete.",
            "pavlo-kovalenko",
            "Deputy Chief of Staff",
        ),
        (
            "Ukraine's first deputy foreign minister, Taras Melnyk, said the list was agreed.",
            "taras-melnyk",
            "first deputy foreign minister",
        ),
        (
            "Igor Pavlov, deputy head of the Russian delegation, said the talks were useful.",
            "igor-pavlov",
            "deputy head of the Russian delegation",
        ),
        (
            "Kremlin foreign policy aide Yuri Orlov said no summit was planned.",
            "yuri-orlov",
            "foreign policy aide",
        ),
        (
            "The US special envoy to the Middle East, Dan Stern, said the plan was ready.",
            "dan-stern",
            "special envoy to the Middle East",
        ),
    ],
)
def test_a_role_phrase_is_kept_whole(text: str, eid: str, wanted: str) -> None:
    assert wanted in (role(text, eid) or "")


# -- a capital inside a name or an idiom is neither the place nor the state ----------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Diplomats said the Minsk agreements had failed to hold.", "Minsk"),
        ("The Istanbul process stalled after the second round.", "Istanbul"),
        ("The Washington Post reported that the call lasted an hour.", "Washington"),
        ("Lena Hartmann, a lecturer at the Kyiv School of Economics, said so.", "Kyiv"),
        ("Kyiv gave up its arsenal under the Budapest Memorandum in 1994.", "Budapest"),
        ("Both sides accused each other of breaching the Geneva Conventions.", "Geneva"),
        ("Moscow State University professor Anna Orlova said the talks would fail.", "Moscow"),
        ("Hungary left the Warsaw Pact long ago.", "Warsaw"),
        ("The Kyiv Post reported that the shelling resumed at dawn.", "Kyiv"),
    ],
)
def test_a_capital_in_a_name_is_no_place_or_state(text: str, word: str) -> None:
    result = _result(text)
    for m in result.mentions:
        if m.text == word:
            entity = result.discovered.get(m.entity_id) or KB.entities[m.entity_id]
            assert entity.entity_type not in ("location", "country"), m


# -- one person, one id --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "eid", "short"),
    [
        (
            "Foreign Minister Andriy Kovalchuk arrived. Kovalchuk said he was hopeful.",
            "andriy-kovalchuk",
            "Kovalchuk",
        ),
        (
            "Negotiator Petra Lindqvist arrived late. Ms. Lindqvist said little.",
            "petra-lindqvist",
            "Lindqvist",
        ),
        (
            "Negotiator Tomas Brenner arrived late. Mr Brenner said little.",
            "tomas-brenner",
            "Brenner",
        ),
        (
            "Chinese special envoy Zhou Tianming met both sides. Zhou said Beijing was neutral.",
            "zhou-tianming",
            "Zhou",
        ),
        (
            "South Korean envoy Park Jin-woo arrived on Monday. Park said Seoul backed the talks.",
            "park-jin-woo",
            "Park",
        ),
    ],
)
def test_a_short_reference_is_the_named_person(text: str, eid: str, short: str) -> None:
    found = surfaces(text)
    assert (short, eid) in found
    assert len({e for _, e in found if e != eid and KB.entities.get(e) is None}) == 0


@pytest.mark.parametrize(
    "text",
    [
        "Vadym Sobolevskiy said the list was ready. Vadym Sobolevskyy said more would follow.",
        "Oleh Danyliak said the talks would go on. Oleh Danylyak said so again on Friday.",
        "Mykola Danyliuk said the talks would go on. Mykola Danylyuk said so again on Friday.",
        "Serhiy Lysenko said two were hurt. Serhii Lysenko said the toll had risen.",
        "Yuriy Hnatenko said the dam held. Yurii Gnatenko said repairs had begun.",
    ],
)
def test_transliteration_variants_are_one_person(text: str) -> None:
    ids = {eid for _, eid in surfaces(text)}
    assert len(ids) == 1, surfaces(text)


# -- capitalised words that are nobody -----------------------------------------------------------


def test_headline_words_are_nobody() -> None:
    assert (
        people("The envoys met for three hours.", headline="Peace Hopes Rise As Envoys Meet") == {}
    )


# -- more titles and sentence ends ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Vasily Orlov, who often criticises the Russian Orthodox Church, said the vote was rigged.",
        "A Kyiv-based analyst, Taras Bilyk, said the offensive had stalled.",
        "Ukrainian-born Canadian lawmaker Oksana Baran said the aid was overdue.",
        "Moscow State University professor Anna Orlova said the talks would fail.",
    ],
)
def test_no_country_from_a_place_or_body_beside_the_name(text: str) -> None:
    assert set(people(text).values()) <= {None, "CA"}


@pytest.mark.parametrize(
    "text",
    [
        "Lt. Gen. Marek Dobosz arrived on Monday. Gen. Dobosz said the front was stable.",
        "Dmytro Kovalskyy said the list was ready. Kovalskiy added that more would follow.",
        "North Korean envoy Kim Jong-chol met the delegation. Kim said Pyongyang backed Moscow.",
        "Dana J. Pike said the deal was fragile. Pike added that it could collapse.",
        "Olena Shuliak said the vote would be held. Shulyak later confirmed the date.",
        "Olha Bondarenko said the list was ready. Olga Bondarenko said more would follow.",
        "Yuliia Marchenko said the list was ready. Yulia Marchenko said more would follow.",
        "Natalya Hrytsenko said the list was ready. Natalia Grytsenko said more would follow.",
        "Oleksandr Tereshko said the list was ready. Olexandr Tereshko said more would follow.",
        "Bohdan Shmyhal said the list was ready. Bogdan Shmygal said more would follow.",
        "Tarvo Keskula attended the talks. Mr. Keskula said they had gone well.",
    ],
)
def test_spelling_variants_and_short_references_are_one_person(text: str) -> None:
    ids = {eid for _, eid in surfaces(text) if eid not in KB.entities}
    assert len(ids) == 1, surfaces(text)


# -- a capital's possessive, a mediating team, headlines -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv’s Podil district mayor said the lights were back.",
        "Analysts in Washington's think tanks, such as Dana Pike, doubt it.",
    ],
)
def test_a_capitals_possessive_elsewhere_gives_no_country(text: str) -> None:
    assert set(people(text).values()) <= {None}


@pytest.mark.parametrize(
    "headline",
    [
        "Peace Envoy Tells Kyiv To Accept Deal",
        "Kremlin Aide Says Talks Were Useful",
        "Nordic Leaders Back Plan As Talks Resume",
        "Black Sea Fleet Says Ships Were Hit",
    ],
)
def test_title_case_headline_words_are_nobody(headline: str) -> None:
    assert people("The envoys met for three hours on Monday.", headline=headline) == {}


@pytest.mark.parametrize(
    "text",
    [
        "Asked whether Lindqvist would attend, the minister said she would.",
        "Speaking Tuesday, Deputy Minister said nothing about the plan.",
        "Standing Firm, a campaign group, said the vote was rigged.",
        "Easter Sunday passed without the promised truce.",
        "Independence Day celebrations were cancelled in Kyiv.",
        "In her book, “Waiting for Elias Brandt,” Petra Lind describes the siege.",
    ],
)
def test_more_capitalised_words_that_are_nobody(text: str) -> None:
    assert set(people(text)) <= {"petra-lind"}


@pytest.mark.parametrize(
    "text",
    [
        "Olena Shevchuk said the list was ready. Olena Shevchenko said more would follow.",
        "Serhiy Marchenko said the list was ready. Serhiy Marchuk said more would follow.",
        "Ivan Marchuk said the list was ready. Ivan Marchak said more would follow.",
    ],
)
def test_different_people_stay_apart(text: str) -> None:
    ids = {eid for _, eid in surfaces(text) if eid not in KB.entities}
    assert len(ids) == 2, surfaces(text)


@pytest.mark.parametrize(
    ("text", "eid", "country"),
    [
        ("Ambassador-at-large Dana Pike said the talks were over.", "dana-pike", None),
        ("Commander-in-Chief Taras Vovk said the line had held.", "taras-vovk", None),
        ("President-elect Dana Pike said she would visit Kyiv.", "dana-pike", None),
        ("Ukrainian MEP Dana Pike told the chamber that aid was late.", "dana-pike", "UA"),
        ("U.S. Sen. Dale Whitcomb said the bill would pass.", "dale-whitcomb", "US"),
        ("Finnish Lt. Gen. Veli Marttila said the border was calm.", "veli-marttila", "FI"),
    ],
)
def test_a_hyphenated_or_abbreviated_title_is_no_part_of_the_name(
    text: str, eid: str, country: str | None
) -> None:
    assert people(text) == {eid: country}


@pytest.mark.parametrize(
    ("text", "eid", "country"),
    [
        (
            "A spokeswoman for the Polish foreign ministry, Anna Lis, said talks went well.",
            "anna-lis",
            "PL",
        ),
        (
            "Oleh Tkach, secretary of Ukraine's National Security Council, said so.",
            "oleh-tkach",
            "UA",
        ),
        ("Dana Pike, Hungary's foreign minister, said the veto would stand.", "dana-pike", "HU"),
        ("Russian-speaking soldier Dana Pike said the unit held.", "dana-pike", None),
        ("Russian-installed governor Pavel Saldov said the dam was shelled.", "pavel-saldov", "RU"),
    ],
)
def test_even_more_stated_countries(text: str, eid: str, country: str | None) -> None:
    assert people(text).get(eid, "missing") == country
