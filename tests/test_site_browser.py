"""The site in a real browser (headless Chromium from the system, driven by Playwright), opened
from file:// with every http(s) request aborted and recorded: charts render, highlights hold the
exact text, and nothing tries to leave the machine.

Screenshots go to the test's tmp_path; to refresh the README's, run
`TALKSPKG_SCREENSHOTS=docs python -m pytest tests/test_site_browser.py`.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from talkspkg.cli import main

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not Path(CHROMIUM).is_file():
    if os.environ.get("CI"):
        raise RuntimeError(f"CI must run the browser test: {CHROMIUM} is missing")
    pytest.skip(
        f"no system Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True
    )


def _rows(table: str) -> list[dict]:
    return pq.read_table(ROOT / "data" / f"{table}.parquet").to_pylist()


def test_site_in_headless_chromium(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["site", str(ROOT), "--out", str(out)])
    assert result.exit_code == 0, result.output
    shots = [tmp_path]
    if os.environ.get("TALKSPKG_SCREENSHOTS"):
        shots.append(Path(os.environ["TALKSPKG_SCREENSHOTS"]))
    left: list[str] = []
    errors: list[str] = []

    def guard(route: sync_api.Route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            left.append(route.request.url)
            route.abort()

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        context.route("**/*", guard)
        page = context.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))

        page.goto((out / "index.html").as_uri())
        page.wait_for_selector("#chart-outlets svg .mark-rect path")
        page.screenshot(path=str(tmp_path / "site-overview.png"))

        meetings = _rows("meetings")
        page.goto((out / "meetings.html").as_uri())
        page.wait_for_selector("#chart-meetings svg .mark-rect path")
        assert page.locator("#meetings-table tbody tr").count() == len(meetings)
        bars = page.locator("#chart-meetings svg .mark-rect path").count()
        assert bars == sum(m["date_start"] is not None for m in meetings)
        for folder in shots:
            page.screenshot(path=str(folder / "site-meetings.png"), full_page=False)
        # a click on a bar of the timeline opens its meeting, which links to its evidence
        page.locator("#chart-meetings svg .mark-rect path").first.click()
        page.wait_for_url("**/meetings/*.html")
        assert page.locator('a[href^="../articles/"][href*=".html#"]').count() >= 1

        quote = max(_rows("quotes"), key=lambda q: (q["confidence"], q["quote_id"]))
        raw = (ROOT / "raw" / f"{quote['article_id']}.txt").read_bytes().decode("utf-8")
        page.goto((out / "quotes.html").as_uri())
        total = len(_rows("quotes"))
        assert page.locator("#quotes-table-count").text_content() == f"{total} shown"
        page.fill("#filter", quote["text"][:40])
        page.wait_for_function(
            f"document.getElementById('quotes-table-count').textContent !== '{total} shown'"
        )
        assert page.locator("#quotes-table tbody tr:not([hidden]):not(:has(th))").count() >= 1
        page.locator(f'a[href$="#{quote["start"]}-{quote["end"]}"]').first.click()
        page.wait_for_load_state()
        assert page.url.endswith(
            f"articles/{quote['article_id']}.html#{quote['start']}-{quote['end']}"
        )
        mark = page.locator(f'[data-quote="{quote["quote_id"]}"]')
        assert mark.text_content() == raw[quote["start"] : quote["end"]]
        assert page.locator("#text").evaluate("e => e.textContent") == raw
        assert page.locator(":target").get_attribute("id") == f"{quote['start']}-{quote['end']}"
        page.evaluate("window.scrollBy(0, -450)")  # the text above the quotation too
        for folder in shots:
            page.screenshot(path=str(folder / "site-article.png"), full_page=False)

        phone = browser.new_context(viewport={"width": 375, "height": 800})
        phone.route("**/*", guard)
        small = phone.new_page()
        small.goto((out / "articles" / f"{quote['article_id']}.html").as_uri())
        width = small.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, "the article page scrolls sideways at phone width"
        small.screenshot(path=str(tmp_path / "site-article-phone.png"))
        browser.close()

    assert left == [], f"requests tried to leave the machine: {left}"
    assert errors == []
    assert (tmp_path / "site-meetings.png").stat().st_size > 10_000
    shutil.rmtree(out)
