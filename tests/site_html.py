"""Read the site's HTML with the standard library's parser: ids, links, and the text of elements."""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {"meta", "link", "br", "img", "input", "hr", "source", "wbr", "area", "col", "embed"}


class Page(HTMLParser):
    """Collects every id, every href/src, and the text content of the element of `want_id`
    and of elements whose `want_attr` attribute has `want_value` (concatenated)."""

    def __init__(self, want_id: str = "", want_attr: str = "", want_value: str = "") -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[str] = []
        self.want_id, self.want_attr, self.want_value = want_id, want_attr, want_value
        self.depth = 0  # open elements inside the element we collect
        self.collected: list[str] = []
        self.matched = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        for key in ("href", "src"):
            if a.get(key) is not None:
                self.refs.append(str(a[key]))
        if tag in VOID:
            return
        if self.depth:
            self.depth += 1
        elif (self.want_id and a.get("id") == self.want_id) or (
            self.want_attr and a.get(self.want_attr) == self.want_value
        ):
            self.depth = 1
            self.matched += 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.collected.append(data)

    @property
    def text(self) -> str:
        return "".join(self.collected)


def parse(html: str, **want: str) -> Page:
    page = Page(**want)
    page.feed(html)
    page.close()
    return page
