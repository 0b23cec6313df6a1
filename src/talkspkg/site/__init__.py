"""A static, self-contained explorer of a built package: plain files that work from file://.

`build_site(package_root, out_dir)` writes index.html, quotes.html, meetings.html,
proposals.html, met.html, one articles/<article_id>.html per article, one
meetings/<meeting_id>.html per meeting, the vendored chart
libraries under assets/, and a copy of the package files the pages link to. Output is a pure
function of the package: everything is sorted and nothing records when it was built.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from talkspkg.errors import PackageError
from talkspkg.site.article import ArticleIndex, article_page
from talkspkg.site.load import Package, load_package
from talkspkg.site.meetings import meeting_pages, meetings_page, met_page
from talkspkg.site.overview import overview_page
from talkspkg.site.proposals import proposals_page
from talkspkg.site.quotes import quotes_page

ASSETS = Path(__file__).parent / "assets"
SHIPPED_ASSETS = (
    "LICENSE-vega",
    "LICENSE-vega-embed",
    "LICENSE-vega-lite",
    "site.css",
    "site.js",
    "vega-embed.min.js",
    "vega-lite.min.js",
    "vega.min.js",
)

__all__ = ["SiteResult", "build_site", "render_pages"]


@dataclass(frozen=True)
class SiteResult:
    out_dir: Path
    pages: int
    files: int


def render_pages(package: Package) -> dict[str, str]:
    """Every page of the site by its relative path."""
    pages = {
        "index.html": overview_page(package),
        "quotes.html": quotes_page(package),
        "meetings.html": meetings_page(package),
        "proposals.html": proposals_page(package),
        "met.html": met_page(package),
    }
    pages |= meeting_pages(package)
    index = ArticleIndex(package)
    for article in package.rows("articles"):
        pages[f"articles/{article['article_id']}.html"] = article_page(package, index, article)
    return pages


def build_site(package_root: Path, out_dir: Path) -> SiteResult:
    package = load_package(package_root)
    pages = render_pages(package)
    try:
        (out_dir / "articles").mkdir(parents=True, exist_ok=True)
        (out_dir / "meetings").mkdir(exist_ok=True)
        (out_dir / "assets").mkdir(exist_ok=True)
        for name, html in sorted(pages.items()):
            (out_dir / name).write_bytes(html.encode("utf-8"))
        for name in SHIPPED_ASSETS:
            shutil.copyfile(ASSETS / name, out_dir / "assets" / name)
        copied = ["datapackage.json", *package.files()]
        for rel in copied:
            target = out_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(package_root / rel, target)
    except OSError as exc:
        raise PackageError(f"{out_dir}: cannot write the site: {exc}") from exc
    return SiteResult(out_dir, len(pages), len(pages) + len(SHIPPED_ASSETS) + len(copied))
