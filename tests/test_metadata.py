"""What `parse_metadata` promises: exact stated metadata, None when unstated, exact line offsets."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talkspkg.document import ArticleMeta, SegmentKind
from talkspkg.metadata import parse_metadata

RAW = Path(__file__).parent.parent / "raw"
K = SegmentKind


def load(name: str) -> str:
    return (RAW / name).read_bytes().decode("utf-8")


def kind_of(text: str, meta: ArticleMeta, line_start: str) -> SegmentKind:
    """Kind of the one segment whose text starts with `line_start`."""
    found = [s.kind for s in meta.segments if text[s.start : s.end].startswith(line_start)]
    assert len(found) == 1, (line_start, found)
    return found[0]


def stated(meta: ArticleMeta) -> dict[str, object]:
    keys = ("title", "outlet", "byline", "published_date", "published_time", "dateline", "url")
    return {k: getattr(meta, k) for k in keys} | {"language": meta.language}


NOTHING = dict.fromkeys(
    ("title", "outlet", "byline", "published_date", "published_time", "dateline", "url")
)

SEEDS = {
    "xinhua-london-talks-significant-progress.txt": {
        "title": "UK: Ukraine talks in London made ‘significant progress’",
        "outlet": "Xinhua",
        "byline": "Xinhua",
        "published_date": date(2025, 4, 24),
        "published_time": time(13, 35),
        "dateline": "LONDON",
        "url": None,
        "language": "en",
    },
    "europe-brief-news-lammy-to-host-london-talks.txt": {
        "title": None,
        "outlet": "Europe Brief News",
        "byline": None,
        "published_date": None,
        "published_time": None,
        "dateline": "London",
        "url": None,
        "language": "en",
    },
    "staff-agencies-london-talks-seek-path-to-ceasefire.txt": {
        "title": "London Talks Seek Path to Ceasefire in Ukraine Conflict",
        "outlet": None,
        "byline": "Staff, Agencies",
        "published_date": None,
        "published_time": None,
        "dateline": None,
        "url": None,
        "language": "en",
    },
    "moscow-times-why-london-talks-downgraded.txt": {
        "title": "Why Were the Ukraine Peace Talks in London Downgraded?",
        "outlet": "The Moscow Times",
        "byline": "Moscow Times Reporter",
        "published_date": date(2025, 4, 23),
        "published_time": None,
        "dateline": None,
        "url": "https://www.themoscowtimes.com/2025/04/23/"
        "why-were-the-ukraine-peace-talks-in-london-downgraded-a88848",
        "language": "en",
    },
    "reuters-london-talks-downgraded-after-rubio-cancels.txt": {
        "title": None,
        "outlet": "Reuters",
        "byline": "Elizabeth Piper, John Irish and Daphne Psaledakis",
        "published_date": None,
        "published_time": None,
        "dateline": "LONDON/PARIS",
        "url": None,
        "language": "en",
    },
}

# (file, start of a line, kind the line must have)
SEED_LINES = [
    ("xinhua-london-talks-significant-progress.txt", "Published: 13:35", K.PUBLISHED),
    ("xinhua-london-talks-significant-progress.txt", "UK: Ukraine talks", K.HEADLINE),
    ("xinhua-london-talks-significant-progress.txt", "By Xinhua", K.BYLINE),
    ("xinhua-london-talks-significant-progress.txt", "This handout photograph", K.CAPTION),
    ("xinhua-london-talks-significant-progress.txt", "LONDON - Talks", K.BODY),
    ("xinhua-london-talks-significant-progress.txt", "READ MORE: US to halt", K.READ_MORE),
    ("xinhua-london-talks-significant-progress.txt", "READ MORE: Kremlin", K.READ_MORE),
    ("xinhua-london-talks-significant-progress.txt", "The proposal called", K.BODY),
    ("europe-brief-news-lammy-to-host-london-talks.txt", "London (Europe Brief", K.BODY),
    ("europe-brief-news-lammy-to-host-london-talks.txt", "How did the high", K.SUBHEADING),
    ("europe-brief-news-lammy-to-host-london-talks.txt", "What Triggered", K.SUBHEADING),
    ("europe-brief-news-lammy-to-host-london-talks.txt", "The White House said", K.BODY),
    ("staff-agencies-london-talks-seek-path-to-ceasefire.txt", "London Talks", K.HEADLINE),
    ("staff-agencies-london-talks-seek-path-to-ceasefire.txt", "By Staff", K.BYLINE),
    ("staff-agencies-london-talks-seek-path-to-ceasefire.txt", "Officials from", K.BODY),
    ("moscow-times-why-london-talks-downgraded.txt", "# Why Were", K.HEADLINE),
    ("moscow-times-why-london-talks-downgraded.txt", "By [Moscow", K.BYLINE),
    ("moscow-times-why-london-talks-downgraded.txt", "April 23, 2025", K.PUBLISHED),
    ("moscow-times-why-london-talks-downgraded.txt", "Secretary Marco Rubio meets", K.CAPTION),
    ("moscow-times-why-london-talks-downgraded.txt", "Planned talks", K.BODY),
    ("moscow-times-why-london-talks-downgraded.txt", "### **Embed:**", K.EMBED),
    ("moscow-times-why-london-talks-downgraded.txt", "We are working at pace", K.EMBED),
    ("moscow-times-why-london-talks-downgraded.txt", "Valuable meeting", K.EMBED),
    ("moscow-times-why-london-talks-downgraded.txt", "— David Lammy", K.EMBED),
    ("moscow-times-why-london-talks-downgraded.txt", "Andriy Yermak, a top aide", K.BODY),
    ("moscow-times-why-london-talks-downgraded.txt", "*AFP contributed", K.CREDIT),
    ("moscow-times-why-london-talks-downgraded.txt", "Original url:", K.URL),
    ("moscow-times-why-london-talks-downgraded.txt", "<https://", K.URL),
    ("reuters-london-talks-downgraded-after-rubio-cancels.txt", "By Elizabeth", K.BYLINE),
    ("reuters-london-talks-downgraded-after-rubio-cancels.txt", "LONDON/PARIS", K.BODY),
    ("reuters-london-talks-downgraded-after-rubio-cancels.txt", "‘SAY YES", K.SUBHEADING),
    ("reuters-london-talks-downgraded-after-rubio-cancels.txt", "HOPE", K.SUBHEADING),
    ("reuters-london-talks-downgraded-after-rubio-cancels.txt", "(Reporting by", K.CREDIT),
    ("reuters-london-talks-downgraded-after-rubio-cancels.txt", "Beyond Crimea", K.BODY),
]


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_article_metadata_is_exactly_what_the_text_states(name: str) -> None:
    assert stated(parse_metadata(load(name))) == SEEDS[name]


def test_every_raw_article_has_expected_metadata() -> None:
    assert sorted(p.name for p in RAW.glob("*.txt")) == sorted(SEEDS)


@pytest.mark.parametrize(("name", "line_start", "kind"), SEED_LINES)
def test_seed_article_notable_lines_have_their_kind(
    name: str, line_start: str, kind: SegmentKind
) -> None:
    text = load(name)
    assert kind_of(text, parse_metadata(text), line_start) is kind


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_article_has_one_segment_per_non_blank_line(name: str) -> None:
    text = load(name)
    meta = parse_metadata(text)
    assert [text[s.start : s.end] for s in meta.segments] == [
        line.strip() for line in text.split("\n") if line.strip()
    ]


WORD_COUNTS = {  # words of BODY and SUBHEADING lines; pinned to catch silent changes
    "xinhua-london-talks-significant-progress.txt": 261,
    "europe-brief-news-lammy-to-host-london-talks.txt": 1113,
    "staff-agencies-london-talks-seek-path-to-ceasefire.txt": 582,
    "moscow-times-why-london-talks-downgraded.txt": 520,
    "reuters-london-talks-downgraded-after-rubio-cancels.txt": 810,
}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_article_word_count_is_pinned(name: str) -> None:
    assert parse_metadata(load(name)).word_count == WORD_COUNTS[name]


def test_word_count_ignores_lines_that_are_not_prose() -> None:
    text = (
        "# Talks in London\nBy Jane Doe\nApril 23, 2025\nPhoto: AFP\n"
        "LONDON - Officials met.\nREAD MORE: a b c\n(Reporting by Jane Doe)\nhttps://x.org/a\n"
    )
    assert parse_metadata(text).word_count == 3


def test_wire_dateline_outlet_in_parentheses_is_outlet() -> None:
    text = (
        "Russia strikes Kyiv as talks stall\n\nBy Jane Doe and John Roe\n\n"
        "KYIV, Ukraine (AP) — Russian drones struck the capital overnight, officials said.\n\n"
        "The attack came hours before talks in London.\n\n"
        "The Associated Press contributed to this report.\n"
    )
    meta = parse_metadata(text)
    assert stated(meta) == NOTHING | {
        "title": "Russia strikes Kyiv as talks stall",
        "byline": "Jane Doe and John Roe",
        "dateline": "KYIV",  # the gold guideline: the place alone, no state after it
        "outlet": "The Associated Press",
        "language": "en",
    }
    assert kind_of(text, meta, "The Associated Press contributed") is K.CREDIT


def test_unknown_outlet_in_dateline_is_kept_as_written() -> None:
    meta = parse_metadata("Kyiv (Ukraine Daily Wire): Officials met in the city on Monday.\nMore.")
    assert (meta.outlet, meta.dateline, meta.title) == ("Ukraine Daily Wire", "Kyiv", None)


def test_dateline_month_day_without_a_stated_year_is_not_a_publication_date() -> None:
    meta = parse_metadata("KYIV, April 23 (Reuters) - Talks resumed in the city on Wednesday.\n")
    assert (meta.dateline, meta.outlet, meta.published_date) == ("KYIV", "Reuters", None)


def test_dateline_month_day_takes_the_year_of_a_publication_line() -> None:
    text = "Published: April 2025\nKYIV, April 23 (Reuters) - Talks resumed in the city.\n"
    meta = parse_metadata(text)
    assert meta.published_date == date(2025, 4, 23)
    assert kind_of(text, meta, "Published") is K.PUBLISHED


def test_slash_credit_dateline_names_the_outlet() -> None:
    meta = parse_metadata("MOSCOW, April 23. /TASS/. The Kremlin said the talks were complex.\n")
    assert (meta.dateline, meta.outlet) == ("MOSCOW", "TASS")


def test_caps_place_with_dash_is_a_dateline_and_colon_headline_is_not() -> None:
    text = "UK: talks made progress\nLONDON -- The talks went well, officials said.\n"
    meta = parse_metadata(text)
    assert (meta.title, meta.dateline) == ("UK: talks made progress", "LONDON")


def test_byline_and_published_line_with_day_month_year_and_time() -> None:
    text = "By Jane Doe\nPublished 24 April 2025 10:02 BST\n\nOfficials said the talks were useful."
    meta = parse_metadata(text)
    assert stated(meta) == NOTHING | {
        "byline": "Jane Doe",
        "published_date": date(2025, 4, 24),
        "published_time": time(10, 2),
        "language": "en",
    }
    assert [s.kind for s in meta.segments] == [K.BYLINE, K.PUBLISHED, K.BODY]


@pytest.mark.parametrize(
    ("line", "day", "at"),
    [
        ("2025-04-24", date(2025, 4, 24), None),
        ("2025-04-24T10:02:00Z", date(2025, 4, 24), time(10, 2)),
        ("Wednesday, Apr. 23, 2025 | 1:35 p.m. GMT", date(2025, 4, 23), time(13, 35)),
        ("23rd April 2025", date(2025, 4, 23), None),
        ("Published April 23, 2025 Updated April 24, 2025 09:00", date(2025, 4, 23), None),
    ],
)
def test_publication_line_formats(line: str, day: date, at: time | None) -> None:
    meta = parse_metadata(f"{line}\nOfficials met in London on Wednesday.\n")
    assert (meta.published_date, meta.published_time) == (day, at)
    assert meta.segments[0].kind is K.PUBLISHED


def test_updated_date_is_not_a_publication_date() -> None:
    meta = parse_metadata("Updated: April 24, 2025\nOfficials met in London on Wednesday.\n")
    assert meta.published_date is None
    assert meta.segments[0].kind is K.PUBLISHED


def test_weekday_in_body_is_not_a_publication_date() -> None:
    meta = parse_metadata("Officials met in London on Wednesday.\nThey met again on Thursday.")
    assert meta.published_date is None


def test_text_without_metadata_states_nothing() -> None:
    text = "The talks continued on Wednesday.\nOfficials said progress was made in the city."
    meta = parse_metadata(text)
    assert stated(meta) == NOTHING | {"language": "en"}
    assert [s.kind for s in meta.segments] == [K.BODY, K.BODY]


def test_non_english_text_has_no_language() -> None:
    meta = parse_metadata("Les négociations se poursuivent à Londres.\nLa Russie a refusé.")
    assert meta.language is None


@pytest.mark.parametrize("text", ["", "   ", "\n\r\n\t \n", "\ufeff", "\ufeff\n \u200b\n"])
def test_empty_or_blank_text_gives_empty_metadata(text: str) -> None:
    assert parse_metadata(text) == ArticleMeta()


def test_crlf_offsets_exclude_the_carriage_return() -> None:
    text = "Talks in London\r\nBy Jane Doe\r\n\r\nLONDON - Officials met on Wednesday.\r\n"
    meta = parse_metadata(text)
    assert [text[s.start : s.end] for s in meta.segments] == [
        "Talks in London",
        "By Jane Doe",
        "LONDON - Officials met on Wednesday.",
    ]
    assert (meta.title, meta.byline, meta.dateline) == ("Talks in London", "Jane Doe", "LONDON")


def test_bom_stays_in_the_text_but_outside_segments() -> None:
    text = "\ufeffTalks in London\nOfficials met on Wednesday."
    meta = parse_metadata(text)
    assert (meta.segments[0].start, meta.segments[0].kind) == (1, K.HEADLINE)
    assert meta.title == "Talks in London"


def test_single_line_is_body_not_headline() -> None:
    meta = parse_metadata("Talks in London")
    assert meta.title is None
    assert [s.kind for s in meta.segments] == [K.BODY]


def test_first_line_ending_with_a_full_stop_is_not_a_headline() -> None:
    assert parse_metadata("Officials met in London.\nMore talks are planned.").title is None


def test_markdown_byline_link_and_outlet_reporter_byline() -> None:
    meta = parse_metadata("# Talks\n\nBy [Kyiv Post Staff](#)\n\nOfficials met on Wednesday.")
    assert (meta.title, meta.byline, meta.outlet) == ("Talks", "Kyiv Post Staff", "Kyiv Post")


@pytest.mark.parametrize("byline", ["By Staff Reporter", "By Our Foreign Staff", "By Agencies"])
def test_generic_bylines_name_no_outlet(byline: str) -> None:
    meta = parse_metadata(f"{byline}\nOfficials met in London on Wednesday.")
    assert meta.outlet is None
    assert meta.segments[0].kind is K.BYLINE


def test_wire_byline_names_the_outlet() -> None:
    meta = parse_metadata("By Reuters\nOfficials met in London on Wednesday.")
    assert (meta.byline, meta.outlet) == ("Reuters", "Reuters")


def test_sentence_starting_with_by_is_not_a_byline() -> None:
    meta = parse_metadata("By the time talks began, officials had left.\nMore text here.")
    assert (meta.byline, meta.segments[0].kind) == (None, K.BODY)


def test_url_host_of_a_labelled_url_names_a_known_outlet() -> None:
    text = "Officials met on Wednesday.\nSource: https://apnews.com/article/talks-123\n"
    meta = parse_metadata(text)
    assert (meta.url, meta.outlet) == (
        "https://apnews.com/article/talks-123",
        "The Associated Press",
    )
    assert meta.segments[1].kind is K.URL


def test_source_credit_without_url_is_a_credit_naming_the_outlet() -> None:
    meta = parse_metadata("Officials met on Wednesday.\nSource: Reuters and agencies\n")
    assert (meta.url, meta.outlet, meta.segments[1].kind) == (None, "Reuters", K.CREDIT)


def test_twitter_picture_links_and_markdown_placeholders_are_not_the_url() -> None:
    text = "Officials met on Wednesday.\npic.twitter.com/abc\nhttps://pic.twitter.com/abc\n[x](#)"
    assert parse_metadata(text).url is None


def test_embed_without_signature_marks_only_the_marker() -> None:
    text = "Officials met on Wednesday.\nEmbed:\nSome video title\nMore body text follows here."
    meta = parse_metadata(text)
    assert [s.kind for s in meta.segments][1:3] == [K.EMBED, K.SUBHEADING]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("FILE - Volodymyr Zelensky speaks in Kyiv. (AP Photo/Efrem Lukatsky, File)", K.CAPTION),
        ("Leaders meet in London on Wednesday. (Photo: Reuters)", K.CAPTION),
        ("Photo: AFP", K.CREDIT),
        ("(PHOTO / AFP)", K.CREDIT),
        ("Also read: Kremlin says talks are complex", K.READ_MORE),
        ("RELATED: Talks in Paris", K.READ_MORE),
        ("**Read more:** Talks in Paris", K.READ_MORE),
        ("Additional reporting by Jane Doe in Kyiv.", K.CREDIT),
        ("Reporting by Jane Doe; Editing by John Roe", K.CREDIT),
        ("© 2025 Reuters. All rights reserved.", K.CREDIT),
        ("## Security guarantees", K.SUBHEADING),
        ("What happens next?", K.SUBHEADING),
        ("THE ROAD AHEAD", K.SUBHEADING),
        ("— Volodymyr Zelensky (@ZelenskyyUa) April 23, 2025", K.EMBED),
        ("https://www.bbc.com/news/world-europe-1", K.URL),
        ("Reporting by Jane Doe Writing by John Roe Editing by Ann Poe and Tim Loe", K.CREDIT),
        ("Wire Service writers Jane Doe in Oslo and John Roe contributed.", K.CREDIT),
        ("A soldier walks in a field near Izium [File: Jane Doe/AFP]", K.CAPTION),
        (
            "Leaders shake hands in Oslo, 2019. REUTERS/Jane Doe/File Photo Purchase Licensing",
            K.CAPTION,
        ),
        ("* list 2 of 4Talks resume in Oslo", K.BOILERPLATE),
        ("Your browser does not support the audio element.", K.BOILERPLATE),
        ("The Daily Brief newsletter is your guide to the week. Sign up here.", K.BOILERPLATE),
        (
            "We use cookies to improve your experience; by continuing you accept them.",
            K.BOILERPLATE,
        ),
        ("Oslo talks: what each side wants?Read more", K.READ_MORE),
        ("Related talks in Paris ended without a deal, officials said.", K.BODY),
        ("Newsletter readers in Oslo were asked to sign the petition, he said.", K.BODY),
        ("“Will there be peace?” he asked reporters in London.", K.BODY),
    ],
)
def test_line_kinds_inside_the_body(line: str, kind: SegmentKind) -> None:
    text = f"LONDON - Officials met on Wednesday.\n{line}\nThe talks went on until late."
    assert parse_metadata(text).segments[1].kind is kind


def test_word_count_counts_contractions_once_and_skips_link_targets() -> None:
    meta = parse_metadata("Officials didn’t [meet](https://x.org/a) in London.\nREAD MORE: x y z")
    assert meta.word_count == 5


def test_name_line_over_a_role_line_is_a_byline() -> None:
    text = (
        "Ukraine talks in London downgraded\n\n2 hours ago\n\nJames Landale\n"
        "Diplomatic correspondent\n\nGetty Images\n\nTalks in London were downgraded today.\n"
    )
    meta = parse_metadata(text)
    assert (meta.title, meta.byline, meta.outlet, meta.published_date) == (
        "Ukraine talks in London downgraded",
        "James Landale",
        None,
        None,
    )
    assert [s.kind for s in meta.segments] == [
        K.HEADLINE, K.PUBLISHED, K.BYLINE, K.BYLINE, K.CREDIT, K.BODY
    ]  # fmt: skip


def test_standfirst_keeps_the_header_open_for_staff_byline_and_date() -> None:
    text = (
        "Ukraine war briefing: London talks downgraded\n"
        "Zelenskyy says Ukraine will not recognise the occupation of Crimea\n"
        "Guardian staff and agencies\nWed 23 Apr 2025 01.04 BST\n\n"
        "Talks in London were scaled back on Wednesday, officials said.\n"
    )
    meta = parse_metadata(text)
    assert stated(meta) == NOTHING | {
        "title": "Ukraine war briefing: London talks downgraded",
        "byline": "Guardian staff and agencies",
        "outlet": "The Guardian",
        "published_date": date(2025, 4, 23),
        "published_time": time(1, 4),
        "language": "en",
    }
    assert [s.kind for s in meta.segments] == [K.HEADLINE, K.BODY, K.BYLINE, K.PUBLISHED, K.BODY]


def test_title_case_headline_ending_in_staff_is_not_a_byline() -> None:
    meta = parse_metadata("Kremlin Cuts Embassy Staff\nThe Kremlin said it would cut staff.\n")
    assert (meta.title, meta.byline) == ("Kremlin Cuts Embassy Staff", None)


def test_bare_outlet_line_in_header_and_unambiguous_numeric_date() -> None:
    text = (
        "Ukraine talks in London scaled back\nAFP\nPublished on 23/04/2025 - 14:12\n\n"
        "London (AFP) - Talks in London were scaled back on Wednesday.\n\n© 2025 AFP\n"
    )
    meta = parse_metadata(text)
    assert (meta.byline, meta.outlet, meta.dateline) == ("AFP", "AFP", "London")
    assert (meta.published_date, meta.published_time) == (date(2025, 4, 23), time(14, 12))
    assert [s.kind for s in meta.segments] == [
        K.HEADLINE, K.BYLINE, K.PUBLISHED, K.BODY, K.CREDIT
    ]  # fmt: skip


def test_ambiguous_numeric_date_is_not_a_date() -> None:
    meta = parse_metadata("Published: 04/05/2025\nOfficials met in London on Wednesday.\n")
    assert meta.published_date is None
    assert meta.segments[0].kind is K.PUBLISHED


def test_lowercase_markdown_byline_and_reading_time_on_the_date_line() -> None:
    text = (
        "# London talks downgraded\n\nby [Martin Fornusek](#)\n\n"
        "April 23, 2025 4:21 PM 2 min read\n\nPeace talks in London were downgraded.\n"
    )
    meta = parse_metadata(text)
    assert (meta.byline, meta.published_date, meta.published_time) == (
        "Martin Fornusek",
        date(2025, 4, 23),
        time(16, 21),
    )


def test_source_credit_naming_a_known_outlet_gives_the_outlet() -> None:
    text = "Diplomats pulled out of a meeting in London.\nSource: Al Jazeera and news agencies\n"
    assert parse_metadata(text).outlet == "Al Jazeera"


def test_bare_url_amid_the_text_is_not_the_article_url_but_a_trailing_one_is() -> None:
    amid = "Officials met on Wednesday.\nhttps://www.gov.uk/statement\nMore text follows here."
    assert parse_metadata(amid).url is None
    trailing = "Officials met on Wednesday.\n\nhttps://www.reuters.com/world/talks-1\n"
    meta = parse_metadata(trailing)
    assert (meta.url, meta.outlet) == ("https://www.reuters.com/world/talks-1", "Reuters")


@pytest.mark.parametrize(
    "line",
    [
        "U.S. - Russia ties worsen, officials said on Wednesday in a statement.",
        "Updated figures released in 2024 show growth in the Russian economy.",
        "By the time talks began, officials had already left the building.",
        "The picture from Kyiv is grim, officials said on Wednesday.",
        "Analysts said sanctions contributed to this report's findings, and more.",
    ],
)
def test_ordinary_sentences_are_body(line: str) -> None:
    meta = parse_metadata(f"Talks in London\n{line}\nMore text follows here.")
    assert (meta.segments[1].kind, meta.dateline, meta.published_date) == (K.BODY, None, None)


def test_a_ten_megabyte_text_is_parsed() -> None:
    """The whole text goes through the line walk (its speed is measured by bench/, not here)."""
    article = "".join(load(name) + "\n" for name in sorted(SEEDS))
    copies = 10_000_000 // len(article) + 1
    meta = parse_metadata(article * copies)
    assert meta.word_count == copies * parse_metadata(article).word_count


LINE_PIECES = st.sampled_from(
    [
        "By Jane Doe", "# Title", "LONDON (Reuters) - Body.", "April 23, 2025", "Embed:",
        "— A (@b) April 1, 2025", "Original url:", "<https://x.org>", "READ MORE: x", "HOPE",
        "(Reporting by A)", "Photo: AFP", "What next?", " ", "\t", "\ufeff", "\u200b", "\u2028",
        "\x0c", "\r", "\n", "\r\n", "Published: 13:35, April 24, 2025", "x", "**", "(", "’",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(st.one_of(LINE_PIECES, st.text(max_size=8))).map("".join)))
def test_segments_always_slice_to_trimmed_single_lines_in_order(text: str) -> None:
    meta = parse_metadata(text)
    previous_end = 0
    for segment in meta.segments:
        assert previous_end <= segment.start < segment.end <= len(text)
        piece = text[segment.start : segment.end]
        assert piece == piece.strip()
        assert "\n" not in piece and "\r" not in piece
        previous_end = segment.end
    assert meta.word_count >= 0


def test_site_trailer_ends_the_article_but_an_author_bio_is_a_credit() -> None:
    text = (
        "OSLO - Officials met on Wednesday, a spokesman said.\n"
        "The talks went on until late.\n"
        "Reporting by Jane Doe; Editing by John Roe\n"
        "Our Standards: The Trust Principles.\n"
        "Jane Doe is a senior correspondent at the Nordic Wire.\n"
        "Minister Per Olsen resigns after scandal\n"
        "Storm hits the coast, governor says\n"
    )
    meta = parse_metadata(text)
    assert meta.byline == "Jane Doe"  # a wire credit names the author when no byline does
    assert kind_of(text, meta, "Reporting by") is K.CREDIT
    assert kind_of(text, meta, "Our Standards") is K.BOILERPLATE
    assert kind_of(text, meta, "Jane Doe is") is K.CREDIT
    assert kind_of(text, meta, "Minister Per Olsen") is K.BOILERPLATE
    assert kind_of(text, meta, "Storm hits") is K.BOILERPLATE


def test_reposting_lead_in_is_boilerplate_and_the_rest_of_its_line_is_body() -> None:
    text = "Let's dive into the details: Is a truce near? Nobody knows.\n\nThe envoy met them."
    meta = parse_metadata(text)
    first, second = meta.segments[:2]
    assert (first.kind, text[first.start : first.end]) == (
        K.BOILERPLATE,
        "Let's dive into the details:",
    )
    assert (second.kind, text[second.start : second.end]) == (
        K.BODY,
        "Is a truce near? Nobody knows.",
    )
    assert meta.title is None


def test_banner_and_caption_before_a_standfirst_give_no_title() -> None:
    text = (
        "Skip to main contentSkip to navigation\n"
        "Envoys meet in Oslo. Photograph: Jane Doe/Reuters\n"
        "Hopes of a deal fade as the envoys arrive in Oslo\n"
        "Officials met on Wednesday, a spokesman said.\n"
    )
    meta = parse_metadata(text)
    assert meta.title is None
    assert kind_of(text, meta, "Skip to") is K.BOILERPLATE


@pytest.mark.parametrize(
    ("header", "byline", "day"),
    [
        ("> Published 3 March 2026\n> \n", None, date(2026, 3, 3)),
        ("Posted Tuesday, 3 Mar 2026 by Jane Q. Doe\n", "Jane Q. Doe", date(2026, 3, 3)),
        ("By **Jane Doe**, a fellow at _Nordic Affairs_.\n", "Jane Doe", None),
    ],
)
def test_publication_and_byline_variants(header: str, byline: str | None, day: date | None) -> None:
    meta = parse_metadata(header + "Officials met in Oslo on Wednesday, a spokesman said.\nMore.")
    assert (meta.byline, meta.published_date) == (byline, day)


_HEAD = "Envoys meet in Geneva as ceasefire talks resume\n\n"
_BODY = (
    "GENEVA - Negotiators met on Monday to discuss a ceasefire, officials said. President Arvid "
    "Solberg said the talks were useful.\n\nThe next round is expected next week.\n"
)


@pytest.mark.parametrize(
    ("header", "closing", "byline"),
    [
        ("By Jane Dorsett, Nordic News\n", "", "Jane Dorsett"),
        ("Jane Dorsett\nNordic News, Kyiv\n", "", "Jane Dorsett"),
        ("Jane Dorsett | Nordic Wire\n", "", "Jane Dorsett"),
        ("Jane Dorsett — Nordic Times\n", "", "Jane Dorsett"),
        ("Jane Dorsett, Chief international correspondent\n", "", "Jane Dorsett"),
        ("Jane Dorsett\nEurope editor\n", "", "Jane Dorsett"),
        ("Jane Dorsett and Mia Holt\nMon 3 Mar 2026 12.00 GMT\n", "", "Jane Dorsett and Mia Holt"),
        ("Written by Jane Dorsett\n", "", "Jane Dorsett"),
        ("", "Reporting by Jane Dorsett in Kyiv; additional reporting by Mia Holt", "Jane Dorsett"),
        ("", "(Reporting by Jane Dorsett; Editing by Mia Holt)", "Jane Dorsett"),
        ("", "Edited by Jane Dorsett", None),
        ("", "With reporting by Jane Dorsett", None),
    ],
)
def test_byline_shapes_name_the_authors_only(header: str, closing: str, byline: str | None) -> None:
    text = _HEAD + header + "\n" + _BODY + ("\n" + closing + "\n" if closing else "")
    assert parse_metadata(text).byline == byline


@pytest.mark.parametrize(
    "header",
    [
        "Kyiv Independent | World News\n",  # an outlet is no author
        "Arvid Solberg, Foreign Minister\n",  # a politician with his office
        "Jane Dorsett and Mia Holt\n",  # two names over prose: could be anything
        "GENEVA — Nordic Wire\n",  # a dateline's place
    ],
)
def test_header_lines_that_are_no_byline(header: str) -> None:
    assert parse_metadata(_HEAD + header + "\n" + _BODY).byline is None


def test_the_byline_line_names_the_outlet_but_the_byline_is_the_name() -> None:
    meta = parse_metadata(_HEAD + "By Jane Dorsett, Reuters\n\n" + _BODY)
    assert (meta.byline, meta.outlet) == ("Jane Dorsett", "Reuters")


def test_a_signature_for_an_outlet_is_a_credit() -> None:
    text = _HEAD + _BODY + "\n— Jane Dorsett, for the Nordic Post\n"
    kinds = {text[s.start : s.end]: s.kind for s in parse_metadata(text).segments}
    assert kinds["— Jane Dorsett, for the Nordic Post"] is K.CREDIT


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("17-02-2026", date(2026, 2, 17)),  # day-month-year with hyphens
        ("2026/02/17", date(2026, 2, 17)),  # year first: always year/month/day
        ("03-04-2026", None),  # day and month can be swapped
        ("17-02/2026", None),  # mixed separators are no date
    ],
)
def test_a_numeric_date_line_with_hyphens_or_year_first_slashes_is_the_publication_date(
    line: str, expected: date | None
) -> None:
    text = f"Envoys meet again\n\n{line}\n\nThe envoys met in Bern on Tuesday, officials said.\n"
    assert parse_metadata(text).published_date == expected
