"""The knowledge base: curated entities (with aliases, titles, metonyms) loaded from YAML data.

The data lives in `talkspkg/knowledge/*.yaml|txt` and is versioned; `load_knowledge()` validates
it and raises KnowledgeError naming the file and the entry for anything malformed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from talkspkg import yamlio
from talkspkg.errors import KnowledgeError
from talkspkg.raw import yaml_problem

ENTITY_TYPES = ("person", "organization", "country", "location", "journalist")
CURATED_TYPES = ("person", "organization", "country", "location")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True, slots=True)
class Tenure:
    """Titles of one office and the dates the knowledge base vouches that its entity held it:
    `start`/`until` when the office was taken/left (None: not stated), `known_until` the last
    date the holding is vouched for when `until` is unknown (see entities.yaml's header)."""

    names: tuple[str, ...]
    start: date | None = None
    until: date | None = None
    known_until: date | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    entity_id: str
    name: str
    entity_type: str
    country: str | None = None
    role: str | None = None
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    tenures: tuple[Tenure, ...] = ()  # the titles grouped by office, with their dates
    curated: bool = True
    source: str = "knowledge-base"

    @property
    def surfaces(self) -> tuple[str, ...]:
        """Name and aliases: every string that designates this entity wherever it stands."""
        return (self.name, *self.aliases)


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Word lists of `knowledge/lexicon.yaml` (see the comments there)."""

    version: str = ""
    role_words: frozenset[str] = frozenset()
    role_modifiers: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    not_name_words: frozenset[str] = frozenset()
    demonyms: Mapping[str, str] = field(default_factory=dict)
    locative_before: frozenset[str] = frozenset()
    locative_after: frozenset[str] = frozenset()
    name_speech_verbs: frozenset[str] = frozenset()
    closing_speech_verbs: frozenset[str] = frozenset()
    possessive_place_nouns: frozenset[str] = frozenset()
    named_after_place: frozenset[str] = frozenset()
    press_words: frozenset[str] = frozenset()
    outlet_roles: frozenset[str] = frozenset()


@dataclass(frozen=True, eq=False)  # hashed by identity: stages cache indexes per instance
class KnowledgeBase:
    version: str
    entities: Mapping[str, Entity]
    lexicon: Lexicon = field(default_factory=Lexicon)
    speech_verbs: tuple[str, ...] = ()
    # the span an undated title is vouched for (entities.yaml `titles_vouched`); None: never
    titles_vouched: tuple[date, date] | None = None

    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)


def _str_list(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise KnowledgeError(f"{where}: {key} must be a list of non-empty strings")
    return tuple(value)


def _date(value: Any, where: str, key: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    raise KnowledgeError(f"{where}: {key} must be an ISO date (YYYY-MM-DD)")


def _tenures(value: Any, where: str) -> tuple[Tenure, ...]:
    """`titles`: plain strings (one undated tenure) and mappings {names, from, until,
    known_until} (a dated tenure each)."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise KnowledgeError(f"{where}: titles must be a list")
    plain = [v for v in value if not isinstance(v, dict)]
    found = [Tenure(_str_list(plain, where, "titles"))] if plain else []
    for item in (v for v in value if isinstance(v, dict)):
        unknown = sorted(set(item) - {"names", "from", "until", "known_until"})
        if unknown:
            raise KnowledgeError(f"{where}: unknown title field(s) {', '.join(unknown)}")
        tenure = Tenure(
            _str_list(item.get("names"), where, "titles.names"),
            _date(item.get("from"), where, "from"),
            _date(item.get("until"), where, "until"),
            _date(item.get("known_until"), where, "known_until"),
        )
        if not tenure.names:
            raise KnowledgeError(f"{where}: a dated title needs names")
        if tenure.until is not None and tenure.known_until is not None:
            raise KnowledgeError(f"{where}: a title has until or known_until, not both")
        end = tenure.until or tenure.known_until
        if tenure.start is not None and end is not None and end < tenure.start:
            raise KnowledgeError(f"{where}: a title ends before it starts")
        found.append(tenure)
    return tuple(found)


def parse_entities(data: Any, source: str) -> tuple[str, dict[str, Entity]]:
    """Validate the loaded `entities.yaml` document; return (version, entities by id)."""
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        raise KnowledgeError(f"{source}: expected a mapping with 'version' and a list 'entities'")
    version = str(data.get("version") or "")
    if not version:
        raise KnowledgeError(f"{source}: missing 'version'")
    entities: dict[str, Entity] = {}
    owner: dict[str, str] = {}
    for n, raw in enumerate(data["entities"], start=1):
        where = f"{source}: entity #{n}"
        if not isinstance(raw, dict):
            raise KnowledgeError(f"{where}: must be a mapping")
        eid = raw.get("id")
        if not isinstance(eid, str) or not ID_RE.match(eid):
            raise KnowledgeError(f"{where}: id {eid!r} must be a lowercase slug (a-z, 0-9, -)")
        where = f"{source}: entity {eid!r}"
        if eid in entities:
            raise KnowledgeError(f"{where}: duplicate id")
        etype = raw.get("type")
        if etype not in CURATED_TYPES:
            raise KnowledgeError(
                f"{where}: type {etype!r} must be one of {', '.join(CURATED_TYPES)}"
            )
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            raise KnowledgeError(f"{where}: name must be a non-empty string")
        country = raw.get("country")
        if country is not None and (not isinstance(country, str) or not COUNTRY_RE.match(country)):
            raise KnowledgeError(f"{where}: country {country!r} must be ISO 3166-1 alpha-2 or null")
        role = raw.get("role")
        if role is not None and not isinstance(role, str):
            raise KnowledgeError(f"{where}: role must be a string or null")
        unknown = sorted(
            set(raw) - {"id", "name", "type", "country", "role", "aliases", "titles", "metonyms"}
        )
        if unknown:
            raise KnowledgeError(f"{where}: unknown field(s) {', '.join(unknown)}")
        tenures = _tenures(raw.get("titles"), where)
        entity = Entity(
            entity_id=eid,
            name=name,
            entity_type=etype,
            country=country,
            role=role,
            aliases=_str_list(raw.get("aliases"), where, "aliases"),
            titles=tuple(t for tenure in tenures for t in tenure.names),
            metonyms=_str_list(raw.get("metonyms"), where, "metonyms"),
            tenures=tenures,
        )
        for surface in entity.surfaces:
            if surface in owner and owner[surface] != eid:
                raise KnowledgeError(f"{where}: alias {surface!r} already names {owner[surface]!r}")
            owner[surface] = eid
        entities[eid] = entity
    return version, entities


_LOWERCASED = (
    "role_words",
    "role_modifiers",
    "locative_before",
    "locative_after",
    "name_speech_verbs",
    "closing_speech_verbs",
    "possessive_place_nouns",
    "named_after_place",
    "outlet_roles",
)
_AS_WRITTEN = ("honorifics", "not_name_words", "press_words")


def parse_lexicon(data: Any, source: str) -> Lexicon:
    if not isinstance(data, dict) or not data.get("version"):
        raise KnowledgeError(f"{source}: expected a mapping with a 'version'")
    lists: dict[str, frozenset[str]] = {}
    for key in (*_LOWERCASED, *_AS_WRITTEN):
        values = _str_list(data.get(key), f"{source}: {key}", key)
        lists[key] = (
            frozenset(v.lower() for v in values) if key in _LOWERCASED else frozenset(values)
        )
    demonyms = data.get("demonyms") or {}
    if not isinstance(demonyms, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and COUNTRY_RE.match(v)
        for k, v in demonyms.items()
    ):
        raise KnowledgeError(f"{source}: demonyms must map words to ISO alpha-2 codes")
    unknown = sorted(set(data) - {"version", "demonyms", *_LOWERCASED, *_AS_WRITTEN})
    if unknown:
        raise KnowledgeError(f"{source}: unknown key(s) {', '.join(unknown)}")
    return Lexicon(version=str(data["version"]), demonyms=dict(demonyms), **lists)


def _load_yaml(path: Path | Any) -> Any:
    try:
        return yamlio.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path}: not valid YAML{yaml_problem(exc)}") from None
    except UnicodeDecodeError as exc:
        raise KnowledgeError(f"{path}: not valid UTF-8 at byte {exc.start}") from None


def _load_lines(path: Path | Any) -> tuple[str, ...]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(
        line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")
    )


@cache
def load_knowledge(directory: str | None = None) -> KnowledgeBase:
    """The knowledge base shipped in the package (or in `directory`, for tests)."""
    root = Path(directory) if directory else files("talkspkg") / "knowledge"
    entities_file = root / "entities.yaml"
    data = _load_yaml(entities_file)
    version, entities = parse_entities(data, "knowledge/entities.yaml")
    vouched = _vouched(data, "knowledge/entities.yaml")
    verbs_file = root / "speech_verbs.txt"
    verbs = _load_lines(verbs_file) if verbs_file.is_file() else ()
    lexicon = parse_lexicon(_load_yaml(root / "lexicon.yaml"), "knowledge/lexicon.yaml")
    return KnowledgeBase(
        version=version,
        entities=entities,
        lexicon=lexicon,
        speech_verbs=verbs,
        titles_vouched=vouched,
    )


def _vouched(data: Mapping[str, Any], source: str) -> tuple[date, date] | None:
    """`titles_vouched: [first, last]`: the span undated titles hold for (absent: none)."""
    span = data.get("titles_vouched")
    if span is None:
        return None
    if not (isinstance(span, list) and len(span) == 2 and all(isinstance(d, date) for d in span)):
        raise KnowledgeError(f"{source}: titles_vouched must be [first date, last date]")
    if span[1] < span[0]:
        raise KnowledgeError(f"{source}: titles_vouched ends before it starts")
    return span[0], span[1]
