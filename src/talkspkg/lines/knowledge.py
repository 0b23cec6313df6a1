"""`knowledge/layout.yaml`, loaded once and checked: the lists that tell an article's own prose
from the way news sites dress it.

Policy: the lists named in capitals (outlets, boilerplate, trailers, lead-ins, photo agencies,
embed markers) are versioned data in `knowledge/layout.yaml`, recorded in the package's ruleset
(`LAYOUT_VERSION`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from talkspkg import yamlio
from talkspkg.kb import load_knowledge

LAYOUT_FILE = Path(__file__).parents[1] / "knowledge" / "layout.yaml"


def _load_layout(path: Path = LAYOUT_FILE) -> dict[str, Any]:
    """`knowledge/layout.yaml`, checked for the keys the line rules read."""
    data = yamlio.safe_load(path.read_text(encoding="utf-8"))
    missing = sorted(LAYOUT_KEYS - set(data if isinstance(data, dict) else {}))
    if missing:
        raise ValueError(f"{path}: missing {', '.join(missing)}")
    return data  # type: ignore[no-any-return]


LAYOUT_KEYS = {
    "version", "outlet_hosts", "outlet_aliases", "outlet_words", "dateline_stopwords",
    "no_url_hosts", "photo_agencies", "wire_photo_credits", "embed_markers", "embed_max_lines",
    "english_function_words", "english_min_ratio", "boilerplate_lines", "boilerplate_keys",
    "trailer_lines", "trailer_after_body", "lead_ins", "byline_role_qualifiers", "byline_not_names",
    "section_labels",
}  # fmt: skip
LAYOUT = _load_layout()
# capitalised words that start no name ("Talks", "Peace", "Monday"): the lexicon's list, which
# the discovery of unknown people reads too (its version is recorded as `lexicon`)
NOT_NAME_WORDS: frozenset[str] = frozenset(
    yamlio.safe_load((LAYOUT_FILE.parent / "lexicon.yaml").read_text(encoding="utf-8"))[
        "not_name_words"
    ]
)
# the knowledge base's places (`entities.yaml`, type location: names and aliases): a title-case
# dateline without an outlet credit ("Geneva — ...") must name one
_ENTITIES = tuple(load_knowledge().entities.values())
KNOWN_PLACES: frozenset[str] = frozenset(
    n for e in _ENTITIES if e.entity_type == "location" for n in e.surfaces
)
# the words of its places and countries ("Kyiv", "Ukraine", "Abu", "Dhabi"): no name in capitals
PLACE_WORDS: frozenset[str] = frozenset(
    w
    for e in _ENTITIES
    if e.entity_type in ("location", "country")
    for n in e.surfaces
    for w in n.split()
    if w[:1].isupper()
)
LAYOUT_VERSION: str = str(LAYOUT["version"])
OUTLET_HOSTS: dict[str, str] = dict(LAYOUT["outlet_hosts"])
OUTLET_ALIASES: dict[str, str] = dict(LAYOUT["outlet_aliases"])
OUTLET_WORDS = frozenset(LAYOUT["outlet_words"])
DATELINE_STOPWORDS = frozenset(LAYOUT["dateline_stopwords"])
BYLINE_ROLE_QUALIFIERS = frozenset(LAYOUT["byline_role_qualifiers"])
BYLINE_NOT_NAMES = frozenset(LAYOUT["byline_not_names"])
EMBED_MARKERS = frozenset(LAYOUT["embed_markers"])
SECTION_LABELS = frozenset(str(w).casefold() for w in LAYOUT["section_labels"])
EMBED_MAX_LINES = int(LAYOUT["embed_max_lines"])
NO_URL_HOSTS = frozenset(LAYOUT["no_url_hosts"])
PHOTO_AGENCIES = str(LAYOUT["photo_agencies"])
WIRE_PHOTO_CREDITS = str(LAYOUT["wire_photo_credits"])
ENGLISH_FUNCTION_WORDS = frozenset(LAYOUT["english_function_words"])
ENGLISH_MIN_RATIO = float(LAYOUT["english_min_ratio"])
BOILERPLATE_LINES = tuple(LAYOUT["boilerplate_lines"])
TRAILER_LINES = str(LAYOUT["trailer_lines"])
TRAILER_AFTER_BODY = str(LAYOUT["trailer_after_body"])
LEAD_INS = tuple(LAYOUT["lead_ins"])


def name_key(name: str) -> str:
    return " ".join(name.casefold().split()).removeprefix("the ")


OUTLET_NAMES = {name_key(v): v for v in OUTLET_HOSTS.values()} | OUTLET_ALIASES
