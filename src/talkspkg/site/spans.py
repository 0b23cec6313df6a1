"""Highlight spans of a text without altering it.

Spans may nest or cross. The text is cut at every span boundary; over each piece the open
elements are the active spans in a fixed order (rank, then start, then longest), and an element
stays open across pieces while everything below it stays the same. So a span of the lowest rank
(quotes) is one element unless another span of that rank crosses it, a span inside another
nests, and a crossing span is split into pieces that carry the same classes. The first piece of
a span carries the anchor id `<start>-<end>` (once per distinct range).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from talkspkg.site.html import esc, text_esc


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    rank: int  # 0 outermost
    classes: str
    title: str = ""
    attrs: tuple[tuple[str, str], ...] = field(default=())

    def order(self) -> tuple[int, int, int, str, str]:
        return (self.rank, self.start, -self.end, self.classes, self.title)


def _open(span: Span, first: bool, ids: set[str]) -> str:
    anchor = f"{span.start}-{span.end}"
    parts = [f'class="{esc(span.classes)}{"" if first else " cont"}"']
    if first and anchor not in ids:
        ids.add(anchor)
        parts.insert(0, f'id="{anchor}"')
    if span.title:
        parts.append(f'title="{esc(span.title)}"')
    parts += [f'{name}="{esc(value)}"' for name, value in span.attrs]
    return f"<span {' '.join(parts)}>"


def highlight(text: str, spans: list[Span]) -> str:
    """`text` escaped, with every span wrapped; the element's text content is exactly `text`."""
    spans = sorted({s for s in spans if 0 <= s.start < s.end <= len(text)}, key=Span.order)
    starts: dict[int, list[Span]] = {}
    ends: dict[int, list[Span]] = {}
    for s in spans:
        starts.setdefault(s.start, []).append(s)
        ends.setdefault(s.end, []).append(s)
    bounds = sorted({0, len(text), *starts, *ends})
    out: list[str] = []
    stack: list[Span] = []
    active: set[Span] = set()
    opened: set[Span] = set()
    ids: set[str] = set()
    for i, here in enumerate(bounds[:-1]):
        active.difference_update(ends.get(here, ()))
        active.update(starts.get(here, ()))
        want = sorted(active, key=Span.order)
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep] is want[keep]:
            keep += 1
        out.append("</span>" * (len(stack) - keep))
        for s in want[keep:]:
            out.append(_open(s, s not in opened, ids))
            opened.add(s)
        stack = want
        out.append(text_esc(text[here : bounds[i + 1]]))
    out.append("</span>" * len(stack))
    return "".join(out)
