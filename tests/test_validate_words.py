"""The validator's word recount counts what the annotator counts (issue #18): the prose lines
joined and counted once, tokens of letters and digits alone taken as one word each."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from talkspkg import metadata
from talkspkg.lines.text import WORD_RE, count_words
from talkspkg.validate.words import prose_word_count

ROOT = Path(__file__).resolve().parents[1]

# word characters of several scripts and kinds, both apostrophes, "_", whitespace of several
# kinds (no-break space, ideographic space, line separator), markdown and punctuation
WORDY = st.text(alphabet="ab Zé9²①٣_'’-—.,“”[]()\n\t\u00a0\u3000\u2028\u200bß中x", max_size=80)


@given(WORDY)
def test_count_words_counts_the_word_pattern_s_matches(text: str) -> None:
    assert count_words(text) == len(WORD_RE.findall(text))


def test_a_whitespace_character_is_never_part_of_a_word() -> None:
    """What `count_words` relies on, for every code point: `\\w` is `str.isalnum` or "_",
    and no whitespace character is a word character or an apostrophe."""
    word = re.compile(r"\w")
    for c in map(chr, range(0x110000)):
        assert bool(word.fullmatch(c)) == (c.isalnum() or c == "_")
        assert not (c.isspace() and (c.isalnum() or c in "_'’"))


@given(st.lists(WORDY, max_size=6))
def test_prose_lines_count_as_the_annotator_counts_them(paragraphs: list[str]) -> None:
    text = "\n\n".join(
        ["Headline of the piece", "KYIV (Reuters) - The talks went on.", *paragraphs]
    )
    assert prose_word_count(text) == metadata.prose_word_count(text)


def test_the_seed_and_synthetic_articles_count_as_the_annotator_counts_them(
    tmp_path: Path,
) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import generate

    generate(60, tmp_path, seed=5)
    paths = [*sorted((ROOT / "raw").glob("*.txt")), *sorted(tmp_path.glob("*.txt"))]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    assert [prose_word_count(t) for t in texts] == [metadata.prose_word_count(t) for t in texts]
