"""Stage `meetings`: who met whom, where, when, in what form, and what became of it.

Precision first: hypothetical, conditional, internal and general talks are no encounter
(triggers.py); a row needs a city or two identified parties (rows.py), and carries a
`confidence` computed from its evidence.

Per article, `meeting_mentions` reads each sentence (reading.py) for encounters (triggers.py,
frames.py),
takes their parties from the trigger's syntactic slots (patterns.py; people.py, roles.py),
resolves their dates (dates.py; a list of months after one verb is one round each:
enumeration.py) and groups the article's own reports of one encounter
(detect.py). Over the corpus, `assemble_meetings` anchors undated articles through dated
reports, merges the reports of one meeting across articles (merge.py) and writes the rows of
`meetings`, `meeting_participants` and `meeting_mentions` (rows.py). Vocabulary:
`knowledge/meetings.yaml` (its version is `RULESET_VERSION`).
"""

from __future__ import annotations

from typing import Any

from talkspkg.document import Article
from talkspkg.kb import KnowledgeBase
from talkspkg.stages.meetings.anchoring import anchor_articles
from talkspkg.stages.meetings.copies import CopyKeeper
from talkspkg.stages.meetings.detect import detect
from talkspkg.stages.meetings.merge import cluster
from talkspkg.stages.meetings.model import MeetingMention
from talkspkg.stages.meetings.rows import Columns, meeting_columns, meeting_rows
from talkspkg.stages.meetings.vocab import load_vocab
from talkspkg.stages.mentions import MentionResult

__all__ = [
    "RULESET_VERSION",
    "MeetingMention",
    "assemble_meeting_columns",
    "assemble_meetings",
    "meeting_mentions",
]

RULESET_VERSION = load_vocab().version


def meeting_mentions(
    article: Article, kb: KnowledgeBase, found: MentionResult
) -> list[MeetingMention]:
    """Every sentence of `article` that reports an encounter, with what it states. Pure."""
    return detect(article, kb, found)


def assemble_meetings(
    mentions: list[MeetingMention], kb: KnowledgeBase
) -> dict[str, list[dict[str, Any]]]:
    """Rows of "meetings", "meeting_participants" and "meeting_mentions" for the corpus. Pure."""
    return meeting_rows(cluster(anchor_articles(list(mentions))), kb)


def assemble_meeting_columns(
    mentions: list[MeetingMention], kb: KnowledgeBase, copies: CopyKeeper | None = None
) -> dict[str, Columns]:
    """The rows of `assemble_meetings` as columns (a list per column), in no set order: what
    the build turns into Arrow, without a dict per row. Pure: `copies`, where a build keeps
    the near-copies it found (copies.py), changes the work, not the rows."""
    return meeting_columns(cluster(anchor_articles(list(mentions)), copies), kb)
