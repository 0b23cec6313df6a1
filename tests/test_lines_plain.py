"""The walk's pre-check for a plain body paragraph (`lines.plain`) is a necessary condition:
on every line of the seeds, the dev articles and synthetic corpora, a line it calls plain is
one that every rule of the walk's body turns down, and the walk's kinds, spans and metadata
are the same with and without it (and without the walk's memo of `is_boilerplate`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from talkspkg.document import SegmentKind as K
from talkspkg.lines import classify as classify_mod
from talkspkg.lines.boilerplate import (
    is_boilerplate,
    is_read_more,
    split_lead_in,
    starts_trailer,
)
from talkspkg.lines.bylines import by_names
from talkspkg.lines.credits import SOURCE_RE, is_credit
from talkspkg.lines.knowledge import OUTLET_NAMES, name_key
from talkspkg.lines.photos import photo_kind
from talkspkg.lines.plain import plain_body_line
from talkspkg.lines.pubdates import is_published
from talkspkg.lines.text import nonblank_lines
from talkspkg.lines.urls import url_line

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"


def _texts(tmp: Path) -> list[str]:
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import generate

    paths = sorted((ROOT / "raw").glob("*.txt"))
    split = yaml.safe_load((ROOT / "tests/data/gold/split.yaml").read_text(encoding="utf-8"))
    dev = sorted(name for name, part in split["articles"].items() if part == "dev")
    paths += [DEV / name for name in dev if (DEV / name).is_file()]
    for seed in (1, 2, 3):
        generate(60, tmp / str(seed), seed=seed)
        paths += sorted((tmp / str(seed)).glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def _any_rule_says_yes(s: str) -> bool:
    return bool(
        url_line(s) is not None
        or starts_trailer(s, False)
        or is_boilerplate(s)
        or is_read_more(s)
        or (len(s) <= 200 and SOURCE_RE.fullmatch(s))
        or is_credit(s)
        or photo_kind(s)
        or is_published(s)
        or by_names(s)
        or (len(s) <= 40 and name_key(s.strip("*_ ")) in OUTLET_NAMES)
    )


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return _texts(tmp_path_factory.mktemp("plain"))


def test_a_line_called_plain_is_turned_down_by_every_rule(texts: list[str]) -> None:
    plain = 0
    for text in texts:
        for line in nonblank_lines(text)[1]:
            for s in {line, line.lstrip(">").strip() or line}:
                if plain_body_line(s):
                    plain += 1
                    assert not _any_rule_says_yes(s), s
    assert plain > 1000  # the pre-check does take most paragraphs


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by Jane Doe in Kyiv; Editing by John Roe"
        " and a long tail of words to pass ninety",
        "Here is a long paragraph that was published 2 hours ago and says very little else at all.",
        "Sign up for our newsletter to get the latest on the talks,"
        " every morning in your inbox now",
        "A handout photo shows the delegations at the table in Geneva"
        " before the talks on Sunday...",
    ],
)
def test_lines_with_a_rule_s_cue_are_not_plain(line: str) -> None:
    assert not plain_body_line(line)


def test_a_paragraph_of_prose_is_plain() -> None:
    assert plain_body_line(
        "The delegations met in Geneva on Sunday for talks that lasted"
        " well into the night, aides said"
    )


def test_the_walk_is_the_same_without_the_pre_check(
    texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = [classify_mod.classify(t) for t in texts]
    monkeypatch.setattr(classify_mod, "plain_body_line", lambda s: False)
    # and without the memo of is_boilerplate that split_lead_in hands the walk
    monkeypatch.setattr(
        classify_mod, "split_lead_in", lambda spans, lines, seen=None: split_lead_in(spans, lines)
    )
    slow = [classify_mod.classify(t) for t in texts]
    for f, s in zip(fast, slow, strict=True):
        assert f[:3] == s[:3]
        assert f[3].__dict__.keys() == s[3].__dict__.keys()
        for key, value in f[3].__dict__.items():
            other = s[3].__dict__[key]
            if key == "dateline":
                assert (value and (value.span(), value.groupdict())) == (
                    other and (other.span(), other.groupdict())
                )
            else:
                assert value == other, key
    assert sum(k is K.BODY for f in fast for k in f[2]) > 1000
