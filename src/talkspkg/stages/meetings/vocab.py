"""The meetings vocabulary (`knowledge/meetings.yaml`), validated and compiled into patterns.

Word lists stay data; this module only turns each list into one case-insensitive, whole-word
alternation (longest phrase first, so "phone call" wins over "call") and fails loudly, naming
the key, when the file is malformed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from talkspkg import yamlio
from talkspkg.errors import KnowledgeError
from talkspkg.stages.leads import Gated

SOURCE = "knowledge/meetings.yaml"
LEVELS = ("officials", "ministers", "leaders")  # lowest first
STATUSES = ("held", "cancelled", "postponed", "planned")
FORMATS = ("in_person", "phone", "video")


def phrase_pattern(phrases: Iterable[str], flags: int = re.IGNORECASE) -> Gated:
    """One whole-word alternation of `phrases`; spaces inside a phrase match any whitespace.
    Gated: a sentence without the first letters of any phrase is not scanned at all."""
    parts = sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    if not parts:
        return Gated(re.compile(r"(?!x)x"))
    body = "|".join(r"\s+".join(map(re.escape, p.split())) for p in parts)
    return Gated(re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags))


class DatedEvent(NamedTuple):
    """An era-defining event other dates are counted from ("days after the invasion")."""

    day: date
    phrases: re.Pattern[str]  # the phrases naming it, case-insensitive, whole words
    holders: frozenset[str]  # one of these words must be in the sentence (empty: none needed)
    objects: frozenset[str]  # the names "of"/"in" may bring after the phrase (empty: any)


@dataclass(frozen=True, eq=False)  # hashed by identity: compiled patterns are cached per vocab
class Vocab:
    version: str
    nouns: Gated
    process_nouns: Gated
    round_nouns: Gated
    call_nouns: Gated
    meal_nouns: Gated
    call_objects: frozenset[str]
    verbs: Gated
    conversation_verbs: Gated
    facing_verbs: Gated
    spend_verbs: Gated
    weak: Gated
    attend_cues: Gated
    negators: frozenset[str]
    quantifiers: frozenset[str]
    generic_modifiers: frozenset[str]
    determiners: frozenset[str]
    not_before: frozenset[str]
    verb_nouns: frozenset[str]
    met_not_followed_by: Gated
    hypothetical_before: Gated
    hypothetical_after: Gated
    conditional_after: Gated
    unreal_if: Gated
    modals: frozenset[str]
    possibility_modals: frozenset[str]
    opinion_verbs: frozenset[str]
    happening_after_modal: Gated
    clause_conditions: Gated
    conditional_openers: Gated
    refusal_before: Gated
    refusal_gap: frozenset[str]
    proposal_verbs: Gated
    proposal_kept_after: Gated
    own_premodifiers: frozenset[str]
    shared_owners: frozenset[str]
    proposal_breaks: frozenset[str]
    perfect_plurals: frozenset[str]
    perfect_aux: frozenset[str]
    talk_words: frozenset[str]
    discourse_after: frozenset[str]
    subject_pronouns: frozenset[str]
    other_events: frozenset[str]
    process_after: frozenset[str]
    round_not_before: frozenset[str]
    round_other_senses: frozenset[str]
    spend_times: frozenset[str]
    earlier_adverbs: frozenset[str]
    ending_verbs: frozenset[str]
    opening_verbs: frozenset[str]
    receive_verbs: Gated
    greet_verbs: Gated
    gather_verbs: Gated
    pair_verbs: Gated
    temporal_prepositions: Gated
    own_bodies: tuple[str, ...]
    own_councils: tuple[str, ...]
    format_cues: Mapping[str, Gated]
    status_cues: Mapping[str, Gated]
    downgrade_cues: Gated
    levels: Mapping[str, Gated]
    absent_cues: Gated
    absent_nouns: Gated
    host_cues: Gated
    bilateral_cues: Gated
    delegation_nouns: frozenset[str]
    agent_nouns: Gated
    agent_verbs: Gated
    message_nouns: Gated
    speech_verbs: frozenset[str]
    city_roles: frozenset[str]
    venue_roles: frozenset[str]
    venue_nouns: tuple[str, ...]
    place_before: frozenset[str]
    place_words: int
    venue_cities: Mapping[str, str]
    subordinators: frozenset[str]
    coordinators: frozenset[str]
    relative_pronouns: frozenset[str]
    other_cues: frozenset[str]
    other_after: frozenset[str]
    reaction_nouns: frozenset[str]
    referring_offices: frozenset[str]
    visit_words: frozenset[str]
    series_cues: frozenset[str]
    series_nouns: frozenset[str]
    name_modified: frozenset[str]
    briefing_verbs: frozenset[str]
    decision_verbs: frozenset[str]
    schedule_words: frozenset[str]
    statement_verbs: frozenset[str]
    company_cues: Gated
    member_verbs: Gated
    presence_openers: Gated
    other_openers: Gated
    member_subjects: Gated
    presence_words: Gated
    held_later: Gated
    present_cues: Gated
    abbreviations: frozenset[str]
    weekdays: Mapping[str, int]
    months: Mapping[str, int]
    month_prepositions: tuple[str, ...]
    relative: Mapping[str, tuple[str, int]]
    sequel: Mapping[str, tuple[str, int, bool]]  # unit, offset, strictly after the one told
    weekday_modifiers: Mapping[str, int]
    count_words: Mapping[str, int]
    lemmas: tuple[tuple[str, str], ...]
    dated_events: tuple[DatedEvent, ...]


def _words(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise KnowledgeError(f"{SOURCE}: {key} must be a non-empty list of non-empty strings")
    return tuple(value)


def _lower(data: Mapping[str, Any], key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _words(data, key))


def _groups(data: Mapping[str, Any], key: str, allowed: tuple[str, ...]) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict) or not set(value) <= set(allowed):
        raise KnowledgeError(f"{SOURCE}: {key} must map some of {', '.join(allowed)} to lists")
    return {name: phrase_pattern(_words(value, name)) for name in value}


def _int_map(data: Mapping[str, Any], key: str) -> dict[str, int]:
    value = data.get(key)
    if not isinstance(value, dict) or not all(isinstance(v, int) for v in value.values()):
        raise KnowledgeError(f"{SOURCE}: {key} must map words to integers")
    return {str(k).lower(): v for k, v in value.items()}


def _positive(data: Mapping[str, Any], key: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or value <= 0:
        raise KnowledgeError(f"{SOURCE}: {key} must be a positive integer")
    return value


def _str_map(data: Mapping[str, Any], key: str) -> dict[str, str]:
    value = data.get(key)
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise KnowledgeError(f"{SOURCE}: {key} must map names to ids")
    return dict(value)


def _relative(
    data: Mapping[str, Any],
    key: str = "relative",
    units: tuple[str, ...] = ("day", "week", "month", "weekend"),
) -> dict[str, tuple[str, int]]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise KnowledgeError(f"{SOURCE}: {key} must be a mapping")
    out: dict[str, tuple[str, int]] = {}
    for phrase, spec in value.items():
        ok = isinstance(spec, dict) and spec.get("unit") in units
        if not ok or not isinstance(spec.get("offset"), int):
            raise KnowledgeError(f"{SOURCE}: {key} {phrase!r} needs unit {'|'.join(units)}, offset")
        out[str(phrase).lower()] = (spec["unit"], spec["offset"])
    return out


def _dated_events(data: Mapping[str, Any]) -> tuple[DatedEvent, ...]:
    value = data.get("dated_events", [])
    if not isinstance(value, list):
        raise KnowledgeError(f"{SOURCE}: dated_events must be a list")
    out: list[DatedEvent] = []
    for spec in value:
        day = spec.get("day") if isinstance(spec, dict) else None
        if isinstance(day, str):
            day = date.fromisoformat(day)
        if not isinstance(day, date):
            raise KnowledgeError(f"{SOURCE}: dated_events entries need a day (YYYY-MM-DD)")
        phrases = _words(spec, "phrases")
        holders = frozenset(spec.get("holders") or ())
        objects = frozenset(spec.get("objects") or ())
        body = "|".join(
            r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True)
        )
        pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.I)
        out.append(DatedEvent(day, pattern, holders, objects))
    return tuple(out)


def _sequel(data: Mapping[str, Any]) -> dict[str, tuple[str, int, bool]]:
    checked = _relative(data, "sequel", ("day", "week", "month"))
    after = {str(k).lower() for k, v in data["sequel"].items() if v.get("after") is True}
    return {k: (unit, offset, k in after) for k, (unit, offset) in checked.items()}


# Lists compiled into one whole-word pattern each, and lists kept as lower-case word sets.
PATTERN_KEYS = (
    "nouns", "process_nouns", "round_nouns", "call_nouns", "meal_nouns", "verbs",
    "conversation_verbs", "facing_verbs", "spend_verbs", "weak", "attend_cues",
    "met_not_followed_by", "downgrade_cues", "absent_cues", "absent_nouns", "host_cues",
    "bilateral_cues", "agent_nouns", "agent_verbs", "message_nouns", "hypothetical_before",
    "hypothetical_after",
    "temporal_prepositions", "conditional_after", "receive_verbs", "greet_verbs", "company_cues",
    "gather_verbs", "pair_verbs",
    "held_later", "present_cues", "refusal_before", "proposal_verbs",
    "proposal_kept_after", "unreal_if", "conditional_openers", "member_verbs",
    "happening_after_modal", "clause_conditions",
    "presence_openers", "member_subjects", "presence_words", "other_openers",
)  # fmt: skip
WORD_KEYS = (
    "call_objects", "negators", "quantifiers", "generic_modifiers", "determiners", "not_before",
    "verb_nouns", "delegation_nouns", "speech_verbs", "city_roles", "venue_roles", "subordinators",
    "coordinators", "relative_pronouns", "other_cues", "other_after", "reaction_nouns",
    "referring_offices", "visit_words", "series_cues", "series_nouns", "name_modified",
    "briefing_verbs", "decision_verbs",
    "schedule_words", "statement_verbs", "modals", "possibility_modals", "opinion_verbs",
    "refusal_gap", "shared_owners",
    "proposal_breaks", "perfect_plurals", "perfect_aux",
    "own_premodifiers", "talk_words", "discourse_after", "subject_pronouns",
    "other_events", "process_after", "round_not_before", "round_other_senses",
    "spend_times", "earlier_adverbs", "ending_verbs", "opening_verbs",
)  # fmt: skip


def parse_vocab(data: Any) -> Vocab:
    if not isinstance(data, dict) or not data.get("version"):
        raise KnowledgeError(f"{SOURCE}: expected a mapping with a 'version'")
    p = {k: phrase_pattern(_words(data, k)) for k in PATTERN_KEYS}
    lo = {k: _lower(data, k) for k in WORD_KEYS}
    lemmas = data.get("lemmas")
    if not isinstance(lemmas, dict) or not all(isinstance(v, str) for v in lemmas.values()):
        raise KnowledgeError(f"{SOURCE}: lemmas must map word stems to label nouns")
    return Vocab(
        lemmas=tuple((str(k).lower(), v) for k, v in lemmas.items()),
        version=str(data["version"]),
        format_cues=_groups(data, "format_cues", ("phone", "video")),
        status_cues=_groups(data, "status_cues", STATUSES),
        levels=_groups(data, "levels", LEVELS),
        venue_nouns=_words(data, "venue_nouns"),
        own_bodies=tuple(w.lower() for w in _words(data, "own_bodies")),
        own_councils=tuple(w.lower() for w in _words(data, "own_councils")),
        place_before=_lower(data, "place_before"),
        place_words=_positive(data, "place_words"),
        venue_cities=_str_map(data, "venue_cities"),
        abbreviations=frozenset(_words(data, "abbreviations")),
        weekdays=_int_map(data, "weekdays"),
        months=_int_map(data, "months"),
        month_prepositions=tuple(w.lower() for w in _words(data, "month_prepositions")),
        relative=_relative(data),
        sequel=_sequel(data),
        weekday_modifiers=_int_map(data, "weekday_modifiers"),
        count_words=_int_map(data, "count_words"),
        dated_events=_dated_events(data),
        **p,
        **lo,
    )


@cache
def load_vocab(path: str | None = None) -> Vocab:
    """The vocabulary shipped in the package (or the file at `path`, for tests)."""
    source = Path(path) if path else files("talkspkg") / "knowledge" / "meetings.yaml"
    try:
        data = yamlio.safe_load(source.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"{SOURCE}: not valid YAML: {exc}") from None
    return parse_vocab(data)
