"""The codebook of proposal terms (`knowledge/codebook.yaml`): loaded, validated, compiled once.

A malformed file raises KnowledgeError naming the file and the entry, so that a bad edit to the
data stops the build with a message a coder can act on, not with a regex traceback mid-run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from talkspkg import yamlio
from talkspkg.errors import KnowledgeError

CODE_RE = re.compile(r"^[a-z]+\.[a-z0-9_]+$")
_FIELDS = {"code", "category", "label", "definition", "includes", "excludes", "patterns"}
_OPTIONAL = {"yields_to"}
CODEBOOK_FILE = "codebook.yaml"


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    category: str
    label: str
    definition: str
    includes: tuple[str, ...]
    excludes: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    yields_to: tuple[str, ...] = ()  # codes whose overlapping wording is the more specific

    @property
    def slug(self) -> str:
        """The code as an id fragment: `ceasefire.temporary` -> `ceasefire-temporary`."""
        return self.code.replace(".", "-").replace("_", "-")


@dataclass(frozen=True)
class Codebook:
    version: str
    categories: tuple[str, ...]
    codes: dict[str, Code]

    def __iter__(self):  # codes in file order
        return iter(self.codes.values())

    def patterns(self) -> list[re.Pattern[str]]:
        return [p for code in self for p in code.patterns]


def knowledge_root(directory: str | None = None) -> Any:
    return Path(directory) if directory else files("talkspkg") / "knowledge"


def read_yaml(path: Any, source: str) -> Any:
    try:
        return yamlio.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KnowledgeError(f"{source}: file not found") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"{source}: not valid YAML: {exc}") from None


def text_list(value: Any, where: str, key: str, *, required: bool) -> tuple[str, ...]:
    if value is None and not required:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise KnowledgeError(f"{where}: {key} must be a list of non-empty strings")
    if required and not value:
        raise KnowledgeError(f"{where}: {key} must not be empty")
    return tuple(v.strip() for v in value)


def compile_patterns(values: tuple[str, ...], where: str) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for n, value in enumerate(values, start=1):
        try:
            compiled.append(re.compile(value, re.IGNORECASE))
        except re.error as exc:
            raise KnowledgeError(
                f"{where}: pattern #{n} is not a valid regular expression: {exc}"
            ) from None
    return tuple(compiled)


def _text(raw: dict[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise KnowledgeError(f"{where}: {key} must be a non-empty string")
    return " ".join(value.split())


def parse_codebook(data: Any, source: str) -> Codebook:
    """Validate the loaded codebook document (`source` names it in messages)."""
    if not isinstance(data, dict) or not isinstance(data.get("codes"), list):
        raise KnowledgeError(f"{source}: expected a mapping with 'version', 'categories', 'codes'")
    version = str(data.get("version") or "")
    if not version:
        raise KnowledgeError(f"{source}: missing 'version'")
    categories = text_list(data.get("categories"), source, "categories", required=True)
    unknown = sorted(set(data) - {"version", "categories", "codes"})
    if unknown:
        raise KnowledgeError(f"{source}: unknown key(s) {', '.join(unknown)}")
    codes: dict[str, Code] = {}
    for n, raw in enumerate(data["codes"], start=1):
        where = f"{source}: code #{n}"
        if not isinstance(raw, dict):
            raise KnowledgeError(f"{where}: must be a mapping")
        code = raw.get("code")
        if not isinstance(code, str) or not CODE_RE.match(code):
            raise KnowledgeError(
                f"{where}: code {code!r} must look like 'category.name' (a-z, 0-9, _)"
            )
        where = f"{source}: code {code!r}"
        if code in codes:
            raise KnowledgeError(f"{where}: duplicate code")
        extra = sorted(set(raw) - _FIELDS - _OPTIONAL)
        if extra:
            raise KnowledgeError(f"{where}: unknown field(s) {', '.join(extra)}")
        category = raw.get("category")
        if category not in categories:
            raise KnowledgeError(f"{where}: category {category!r} is not one of the categories")
        if code.split(".", 1)[0] != category:
            raise KnowledgeError(f"{where}: category {category!r} must be the code's prefix")
        codes[code] = Code(
            code=code,
            category=category,
            label=_text(raw, "label", where),
            definition=_text(raw, "definition", where),
            includes=text_list(raw.get("includes"), where, "includes", required=True),
            excludes=tuple(
                " ".join(v.split())
                for v in text_list(raw.get("excludes"), where, "excludes", required=False)
            ),
            patterns=compile_patterns(
                text_list(raw.get("patterns"), where, "patterns", required=True), where
            ),
            yields_to=text_list(raw.get("yields_to"), where, "yields_to", required=False),
        )
    if not codes:
        raise KnowledgeError(f"{source}: no codes")
    for code in codes.values():
        unknown_codes = sorted(set(code.yields_to) - set(codes))
        if unknown_codes:
            raise KnowledgeError(
                f"{source}: code {code.code!r}: yields_to names unknown code(s) "
                f"{', '.join(unknown_codes)}"
            )
    return Codebook(version=version, categories=categories, codes=codes)


def load_codebook(directory: str | None = None) -> Codebook:
    """The codebook shipped in the package (or in `directory`, for tests). One object per
    directory however it is called (`load_codebook()` and `load_codebook(None)` alike): the
    lead index (detect.lead_index) knows patterns by identity, and `re`'s own cache of compiled
    patterns is too small to make two loads share them."""
    return _load_codebook(directory)


@cache
def _load_codebook(directory: str | None) -> Codebook:
    path = knowledge_root(directory) / CODEBOOK_FILE
    return parse_codebook(
        read_yaml(path, f"knowledge/{CODEBOOK_FILE}"), f"knowledge/{CODEBOOK_FILE}"
    )


def codebook_rows(codebook: Codebook | None = None) -> list[dict[str, Any]]:
    """Rows of the `codebook` table: one per code, in file order."""
    book = codebook or load_codebook()
    return [
        {
            "code": c.code,
            "category": c.category,
            "label": c.label,
            "definition": c.definition,
            "includes": "; ".join(c.includes),
            "excludes": "; ".join(c.excludes) or None,
        }
        for c in book
    ]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def codebook_markdown(codebook: Codebook | None = None) -> str:
    """The codebook as a Markdown table (code, label, definition) for the README."""
    book = codebook or load_codebook()
    lines = [
        f"Codebook version {book.version}.",
        "",
        "| code | label | definition |",
        "| --- | --- | --- |",
    ]
    lines += [f"| `{c.code}` | {_cell(c.label)} | {_cell(c.definition)} |" for c in book]
    return "\n".join(lines) + "\n"
