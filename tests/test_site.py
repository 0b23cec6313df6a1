"""`talkspkg site`: a static explorer that shows every raw text exactly, links every row to its
characters, and references nothing outside itself."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from site_html import parse

from talkspkg.cli import main
from talkspkg.site.spans import Span, highlight

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("index.html", "quotes.html", "meetings.html", "proposals.html", "met.html")


def _site(out: Path) -> Path:
    result = CliRunner().invoke(main, ["site", str(ROOT), "--out", str(out)])
    assert result.exit_code == 0, result.output
    pages = len(PAGES) + len(_rows("articles")) + len(_rows("meetings"))
    assert result.output.startswith(f"Wrote {pages} pages to ")
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _site(tmp_path_factory.mktemp("site"))


def _rows(table: str) -> list[dict]:
    return pq.read_table(ROOT / "data" / f"{table}.parquet").to_pylist()


def _raw(article_id: str) -> str:
    return (ROOT / "raw" / f"{article_id}.txt").read_bytes().decode("utf-8")


def test_site_writes_every_page_assets_and_package_files(site: Path) -> None:
    for name in PAGES:
        assert (site / name).is_file()
    for article in _rows("articles"):
        assert (site / "articles" / f"{article['article_id']}.html").is_file()
    for asset in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js", "site.css", "site.js"):
        assert (site / "assets" / asset).is_file()
    assert (site / "data" / "quotes.csv").read_bytes() == (ROOT / "data/quotes.csv").read_bytes()


def test_site_is_byte_identical_across_runs(site: Path, tmp_path: Path) -> None:
    again = _site(tmp_path / "again")
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first == second


@pytest.mark.parametrize("article_id", sorted(a["article_id"] for a in _rows("articles")))
def test_article_page_text_content_is_the_raw_text_exactly(site: Path, article_id: str) -> None:
    page = parse((site / "articles" / f"{article_id}.html").read_text("utf-8"), want_id="text")
    assert page.matched == 1
    assert page.text == _raw(article_id)


def test_every_quote_is_one_highlighted_element_holding_its_exact_text(site: Path) -> None:
    quotes = _rows("quotes")
    assert quotes
    for q in quotes:
        html = (site / "articles" / f"{q['article_id']}.html").read_text("utf-8")
        page = parse(html, want_attr="data-quote", want_value=q["quote_id"])
        assert page.matched == 1, q["quote_id"]
        assert page.text == _raw(q["article_id"])[q["start"] : q["end"]] == q["text"]
        assert f"{q['start']}-{q['end']}" in page.ids


def test_every_link_resolves_to_a_file_and_anchor(site: Path) -> None:
    checked = 0
    for path in sorted(site.rglob("*.html")):
        page = parse(path.read_text("utf-8"))
        for ref in page.refs:
            parts = urlsplit(ref)
            assert not parts.scheme and not parts.netloc, f"{path.name}: {ref}"
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            assert target.is_file(), f"{path.relative_to(site)}: {ref}"
            if parts.fragment and target.suffix == ".html":
                assert parts.fragment in parse(target.read_text("utf-8")).ids, f"{path}: {ref}"
            checked += 1
    assert checked > 100


def test_rows_link_to_their_span_in_the_article_view(site: Path) -> None:
    quotes_html = (site / "quotes.html").read_text("utf-8")
    for q in _rows("quotes"):
        assert f'href="articles/{q["article_id"]}.html#{q["start"]}-{q["end"]}"' in quotes_html
    for e in _rows("meeting_mentions"):
        meeting_html = (site / "meetings" / f"{e['meeting_id']}.html").read_text("utf-8")
        assert f'href="../articles/{e["article_id"]}.html#{e["start"]}-{e["end"]}"' in meeting_html
    proposals_html = (site / "proposals.html").read_text("utf-8")
    for p in _rows("term_positions"):
        assert f'href="articles/{p["article_id"]}.html#{p["start"]}-{p["end"]}"' in proposals_html


def test_meetings_table_has_one_row_per_meeting(site: Path) -> None:
    html = (site / "meetings.html").read_text("utf-8")
    table = html.split('id="meetings-table"', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr>") - 1 == len(_rows("meetings"))


def test_no_page_references_the_network(site: Path) -> None:
    for path in sorted(site.rglob("*.html")):
        html = path.read_text("utf-8")
        for ref in parse(html).refs:
            assert not re.match(r"(?i)\s*(https?:)?//", ref), f"{path.name}: {ref}"
        assert not re.search(r"(?i)url\(\s*['\"]?(https?:)?//", html)
        assert '"$schema"' not in html  # no schema URL, even one nothing would fetch


def test_missing_package_is_a_usage_error_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["site", str(tmp_path / "nope"), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "not a package folder (no such file or folder)" in result.output


def test_crossing_spans_are_split_and_the_text_is_unchanged() -> None:
    text = "\ufeffab\r\ncd <e> & f"
    spans = [Span(1, 6, 1, "meeting"), Span(3, 9, 0, "quote"), Span(4, 5, 2, "mention")]
    html = highlight(text, spans)
    page = parse(f'<div id="t">{html}</div>', want_id="t")
    assert page.text == text
    assert {"1-6", "3-9", "4-5"} <= page.ids
    quote = parse(html, want_attr="class", want_value="quote")
    assert quote.matched == 1 and quote.text == text[3:9]
    assert html.count('class="meeting') == 2  # the sentence crossing the quote is split


def test_site_of_a_release_zip_equals_the_site_of_its_folder(site: Path, tmp_path: Path) -> None:
    from talkspkg.pack import pack_package

    packed = pack_package(ROOT, tmp_path / "dist")
    result = CliRunner().invoke(main, ["site", str(packed.zip_path), "--out", str(tmp_path / "z")])
    assert result.exit_code == 0, result.output
    for name in PAGES:
        assert (tmp_path / "z" / name).read_bytes() == (site / name).read_bytes()


def test_each_meeting_section_lists_participants_with_roles_and_reporting_articles(
    site: Path,
) -> None:
    names = {e["entity_id"]: e["name"] for e in _rows("entities")}
    sections = {p.stem: p.read_text("utf-8") for p in sorted((site / "meetings").glob("*.html"))}
    assert sorted(sections) == sorted(m["meeting_id"] for m in _rows("meetings"))
    index = (site / "meetings.html").read_text("utf-8")
    for meeting_id in sections:  # the timeline's table links every meeting's page
        assert f'href="meetings/{meeting_id}.html"' in index
    for p in _rows("meeting_participants"):
        assert f"<li>{names[p['entity_id']]} ({p['role']})</li>" in sections[p["meeting_id"]]
    for e in _rows("meeting_mentions"):
        assert f'href="../articles/{e["article_id"]}.html">' in sections[e["meeting_id"]]
