"""The validator's recount of an article's prose words: `metadata.prose_word_count`, cheaper.

The line walk (`lines.classify`) is the annotator's, unchanged; what differs is the counting of
the words of the BODY and SUBHEADING lines it finds: the lines are joined by newlines and
counted once (`lines.text.count_words`) instead of one regex scan of each line. No word and no
link target (`MD_TARGET_RE`, which holds no whitespace) spans a newline, so the count is the
same; `tests/test_validate_words.py` checks it against `metadata.prose_word_count`.
"""

from __future__ import annotations

from talkspkg.document import SegmentKind as K
from talkspkg.lines.classify import classify
from talkspkg.lines.text import MD_TARGET_RE, count_words

PROSE = (K.BODY, K.SUBHEADING)


def prose_word_count(text: str) -> int:
    """Words of the article's body and subheadings (`ArticleMeta.word_count`)."""
    _, lines, kinds, _ = classify(text)
    prose = "\n".join([line for k, line in zip(kinds, lines, strict=True) if k in PROSE])
    if "](" in prose:
        prose = MD_TARGET_RE.sub("]", prose)
    return count_words(prose)
