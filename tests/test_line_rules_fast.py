"""The line walk's fast paths decide what the plain rules they replaced decided (issue #18)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from talkspkg.lines.bylines import (
    _HANDLE_RE,
    _NAME_LINE_RE,
    _ROLE_LINE_RE,
    NOT_NAME_WORDS,
    author_box,
    outlet_like,
)
from talkspkg.lines.pubdates import (
    _DATE_FILLER_RE,
    _DATE_RE,
    _GLUED_RE,
    _PLACE_HEAD_RE,
    _RELATIVE_TIME_RE,
    _SECTION_TAIL_RE,
    _TIME_RE,
    _YEAR_RE,
    PUB_LABEL_RE,
    is_published,
    unglue,
)
from talkspkg.lines.text import MD_TARGET_RE

# digits of every kind (decimal, superscript, circled, Arabic-Indic), curly quotes, stamp words
STAMP_TEXT = st.text(alphabet="ab ²①٠19’—:,.PMGTUpdated@()*_", max_size=40)
BOX_TEXT = st.text(alphabet="Jane Do Senior correspondent editor,@jd()*_ ÉA", max_size=40)


@given(STAMP_TEXT)
def test_unglue_spaces_a_line_again_exactly_when_it_holds_a_digit(s: str) -> None:
    assert unglue(s) == (_GLUED_RE.sub(" ", s) if any(c.isdigit() for c in s) else s)


def _plain_is_published(s: str) -> bool:
    """`is_published` before its digit gate."""
    if len(s) > 200:
        return False
    s = unglue(s)
    if PUB_LABEL_RE.match(s) and (_DATE_RE.search(s) or _TIME_RE.search(s) or _YEAR_RE.search(s)):
        return True
    if _RELATIVE_TIME_RE.fullmatch(s):
        return True
    if len(s) > 100 or not (_DATE_RE.search(s) or _TIME_RE.search(s)):
        return False
    if _DATE_RE.search(s):
        s = _SECTION_TAIL_RE.sub("", _PLACE_HEAD_RE.sub("", s, count=1))
    rest = _TIME_RE.sub("", _DATE_RE.sub("", MD_TARGET_RE.sub("]", s)))
    return not _DATE_FILLER_RE.sub("", rest)


PUB_WORDS = ["Published", "Updated", "an", "hour", "2", "hours", "ago", "March", "3", "2025",
             "12:45", "GMT", "Kyiv,", "on", "²", "٣", "|", "-", "World"]  # fmt: skip


@given(st.lists(st.sampled_from(PUB_WORDS), max_size=8).map(" ".join) | STAMP_TEXT)
def test_is_published_decides_as_before_its_digit_gate(s: str) -> None:
    assert is_published(s) == _plain_is_published(s)


def test_a_line_without_digits_is_published_only_as_a_relative_time() -> None:
    assert is_published("Published an hour ago")
    assert not is_published("Published on Monday")


@given(BOX_TEXT, BOX_TEXT)
def test_author_box_is_the_plain_conjunction_of_its_rules(name_line: str, role: str) -> None:
    name = name_line.strip("*_ ")
    bare_role = _HANDLE_RE.sub("", role.strip("*_ "))
    plain = (
        len(bare_role) <= 60
        and bool(_ROLE_LINE_RE.fullmatch(bare_role))
        and bool(_NAME_LINE_RE.fullmatch(name))
        and not name.isupper()
        and not outlet_like(name)
        and not any(w in NOT_NAME_WORDS for w in name.split())
    )
    assert author_box(name_line, role) == plain


def test_author_box_reads_a_name_over_a_role() -> None:
    assert author_box("Jane Doe", "Senior correspondent @jdoe")
    assert not author_box("Kyiv said on Monday that talks would resume next week", "Editor")
