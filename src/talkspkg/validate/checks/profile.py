"""The Data Package v2 profile: the official JSON Schema, plus what a JSON Schema cannot say.

The descriptor is checked against `validate/profiles/datapackage-2.0.json` (the standard's
compiled profile, vendored: see the README there) with jsonschema-rs, offline. Each schema
error becomes one message naming where it is (`resources/3 ('mentions'): property 'path'`) and
what to do. Around it, small rules the profile cannot express:

- resource names are unique (the specification's MUST; JSON Schema cannot compare items);
- a contributor is an object (the specification says so; the compiled profile omits the type);
- paths the reference implementation (frictionless) refuses to open: environment variables,
  `%VAR%`, a `schema`, `dialect` or `profile` given as an unsafe path;
- e-mail addresses (RFC 5321/5322) and `created` (RFC 3339), as the profile's `format`s;
- Data Package v1 compatibility: without `$schema` the name pattern `^[-a-z0-9._/]+$` applies,
  and a v1 `profile` (tabular-data-package, tabular-data-resource) keeps its meaning;
- properties frictionless refuses where they are: `missingValues` or `fields` outside a schema,
  a package `type` that is not `^[-a-z/]+$`.

One deliberate tolerance: v2 defines only `table` as a resource `type`; frictionless also reads
and writes `file`, `json` and `text`, and the packages talkspkg builds mark their raw articles
`file`. Those three are added to the profile's list when it is loaded (RESOURCE_TYPES_TOLERATED).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from datetime import datetime
from functools import cache
from importlib.resources import files
from typing import Any
from urllib.parse import urlparse

import jsonschema_rs

PROFILE_FILE = files("talkspkg.validate") / "profiles" / "datapackage-2.0.json"
RESOURCE_TYPES_TOLERATED = ("file", "json", "text")
V1_NAME = re.compile(r"^([-a-z0-9._/])+$")
TYPE_PATTERN = re.compile(r"^([-a-z/])+$")
_ALNUM = r"A-Za-z0-9\u0080-\U0010ffff"  # RFC 6531: UTF-8 beyond ASCII is allowed
_ATOM = rf"[{_ALNUM}!#$%&'*+/=?^_`{{|}}~-]+"
_LABEL = rf"[{_ALNUM}](?:[{_ALNUM}-]{{0,61}}[{_ALNUM}])?"
# RFC 5321/5322 mailbox: a dot-atom local part of at most 64 characters, then a domain of
# dot-separated labels (letters, digits, inner hyphens) or an address literal in brackets
EMAIL = re.compile(
    rf"^(?=[^@]{{1,64}}@){_ATOM}(?:\.{_ATOM})*@(?:{_LABEL}(?:\.{_LABEL})+|\[[0-9A-Fa-f:.]+\])\Z"
)
# RFC 3339 date-time (the JSON Schema "date-time" format of `created`): the offset is required
DATE_TIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})\Z"
)
PACKAGE_PROFILES = ("data-package", "tabular-data-package")
RESOURCE_PROFILES = ("data-resource", "tabular-data-resource")
SAFE_PATH = (
    "give a relative path inside the package (not starting with '/', '.' or '~', without '..' "
    "segments or backslashes) or an http(s) URL"
)

Path = tuple[str | int, ...]  # a JSON path in the descriptor: ("resources", 3, "path")


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def is_email(value: str) -> bool:
    return bool(EMAIL.match(value))


def is_datetime(value: str) -> bool:
    """RFC 3339: the shape (DATE_TIME), a real calendar date and time, an offset within a day."""
    if not DATE_TIME.match(value):
        return False
    try:
        stamp = datetime.fromisoformat(value[:19].replace("t", "T").replace(" ", "T"))
    except ValueError:
        return False
    offset = value[19:].lstrip(".0123456789")
    if offset[:1] in "+-" and (int(offset[1:3]) > 23 or int(offset[4:6]) > 59):
        return False
    return stamp.year >= 1


@cache
def profile_validator() -> jsonschema_rs.Draft7Validator:
    schema = json.loads(PROFILE_FILE.read_text("utf-8"))
    # the one amendment, in memory (the file stays as published): frictionless's resource types
    schema["properties"]["resources"]["items"]["properties"]["type"]["enum"].extend(
        RESOURCE_TYPES_TOLERATED
    )
    return jsonschema_rs.Draft7Validator(
        schema, formats={"email": is_email, "date-time": is_datetime}, validate_formats=True
    )


# what any path is_safe_path refuses contains (a separator and '..', a variable, a scheme...)
_MAYBE_UNSAFE = re.compile(r"[$%~:\\]|\.\.|^/")


def is_safe_path(path: str) -> bool:
    """The reference implementation's rule for a path it may open (frictionless is_safe_path)."""
    if not _MAYBE_UNSAFE.search(path):  # most paths, at a fraction of the cost
        return True
    return not (
        os.path.isabs(path)
        or f"..{os.path.sep}" in path
        or path.startswith("~")
        or os.path.expandvars(path) != path
        or re.match(r"%.+%", path)
        or re.match(r"\$.+", path)
        or urlparse(path).scheme == "file"
    )


# --- the official profile -------------------------------------------------------------------


def _at(error: Any) -> Path:
    return tuple(error.instance_path)


def _kind(error: Any) -> str:
    return type(error.kind).__name__


def _types(names: list[str]) -> str:
    article = {"array": "an array", "object": "an object", "integer": "an integer"}
    return " or ".join(article.get(n, f"a {n}") for n in names)


def _one_of(error: Any, branches: list[list[Any]]) -> Iterator[tuple[Path, str]]:
    """A value no branch accepts: say what the likeliest branch wants."""
    at = tuple(error.instance_path)
    required = [{e.kind.property for e in b if _kind(e) == "Required"} for b in branches]
    if all(r and len(r) == len(b) for r, b in zip(required, branches, strict=True)):
        missing = set.intersection(*required)  # every branch lacks it
        for name in sorted(missing):
            yield at, f"lacks the required property {name!r}: add it"
        rests = [r - missing for r in required]
        if all(rests):  # adding the missing ones satisfies no branch yet
            either = sorted(set().union(*rests))
            yield at, f"needs one of the properties {' or '.join(map(repr, either))}"
        return
    enums = [e for b in branches for e in b if _kind(e) == "Enum"]
    if len(enums) == len(branches) and len({tuple(e.instance_path) for e in enums}) == 1:
        options = [o for e in enums for o in e.kind.options]
        where = tuple(enums[0].instance_path)
        yield where, f"{_show(enums[0].instance)} must be one of {', '.join(map(repr, options))}"
        return
    # the branches that accept the value's type at this place, fewest errors first
    shaped = [b for b in branches if not any(_kind(e) == "Type" and _at(e) == at for e in b)]
    if shaped:
        for e in min(shaped, key=len):
            yield from _describe(e)
        return
    wanted = [t for b in branches for e in b if _kind(e) == "Type" for t in e.kind.types]
    yield at, f"must be {_types(list(dict.fromkeys(wanted)))}, not {_show(error.instance)}"


def _describe(error: Any) -> Iterator[tuple[Path, str]]:
    """One schema error as (where, what is wrong and what to do)."""
    at, kind, value = tuple(error.instance_path), _kind(error), error.kind
    if kind == "Required":
        yield at, f"lacks the required property {value.property!r}: add it"
    elif kind == "Type":
        yield at, f"must be {_types(value.types)}, not {_show(error.instance)}"
    elif kind == "Enum":
        options = ", ".join(repr(o) for o in value.options)
        yield at, f"{_show(error.instance)} must be one of {options}"
    elif kind == "Pattern" and "path" in at[-2:]:
        yield at, f"{_show(error.instance)} is not a safe path: {SAFE_PATH}"
    elif kind == "Pattern":
        yield at, f"{_show(error.instance)} does not match {value.pattern!r}"
    elif kind == "Format" and value.format == "email":
        yield at, f"{_show(error.instance)} is not an e-mail address"
    elif kind == "Format" and value.format == "date-time":
        yield (
            at,
            (f"{_show(error.instance)} is not an RFC 3339 date-time (e.g. 2025-04-24T00:00:00Z)"),
        )
    elif kind == "MinItems":
        yield at, f"must hold at least {value.limit} item(s), or be left out"
    elif kind == "MinProperties":
        yield at, f"must have at least {value.limit} propert(ies), or be left out"
    elif kind == "AnyOf" and all(all(_kind(e) == "Required" for e in b) for b in value.context):
        either = " or ".join(repr(e.kind.property) for b in value.context for e in b)
        yield at, f"needs a {either}"
    elif kind in ("OneOfNotValid", "AnyOf"):
        yield from _one_of(error, value.context)
    elif kind == "OneOfMultipleValid" and len(at) == 2 and at[0] == "resources":
        if isinstance(error.instance, dict):  # else the type error says it all
            yield at, "properties 'path' and 'data' exclude each other: keep one"
    else:
        yield at, error.message


def schema_problems(desc: Any) -> Iterator[tuple[Path, str]]:
    """The descriptor against the official v2 profile."""
    for error in profile_validator().iter_errors(desc):
        yield from _describe(error)


# --- what the profile cannot express --------------------------------------------------------


def duplicate_names(resources: list[Any]) -> Iterator[str]:
    """Each resource whose name an earlier resource already has."""
    seen: dict[str, int] = {}
    for i, res in enumerate(resources):
        name = res.get("name") if isinstance(res, dict) else None
        if not isinstance(name, str):
            continue
        if name in seen:
            yield f"resources/{i} ({name!r}): name already used by resources/{seen[name]}"
        else:
            seen[name] = i


def _contributors(desc: dict[str, Any]) -> Iterator[tuple[Path, str]]:
    items = desc.get("contributors")
    for i, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            yield ("contributors", i), f"must be an object, not {_show(item)}"


def _unsafe_paths(
    base: Path, node: dict[str, Any], keys: tuple[str, ...]
) -> Iterator[tuple[Path, str]]:
    for key in keys:
        value = node.get(key)
        items = enumerate(value) if isinstance(value, list) else [(None, value)]
        for i, item in items:
            if item and isinstance(item, str) and not is_safe_path(item):
                at = (*base, key) if i is None else (*base, key, i)
                yield at, f"{_show(item)} is not a safe path: {SAFE_PATH}"


def _package_rules(desc: dict[str, Any], v1: bool) -> Iterator[tuple[Path, str]]:
    name = desc.get("name")
    if v1 and isinstance(name, str) and not V1_NAME.match(name):
        yield ("name",), f"{_show(name)} does not match {V1_NAME.pattern!r} (v1, no $schema)"
    kind = desc.get("type")
    if isinstance(kind, str) and not TYPE_PATTERN.match(kind):
        yield ("type",), f"{_show(kind)} does not match {TYPE_PATTERN.pattern!r}"
    elif kind is not None and not isinstance(kind, str):
        yield ("type",), f"must be a string, not {_show(kind)}"
    profile = desc.get("profile")
    if isinstance(profile, str) and profile:
        if not is_safe_path(profile):
            yield ("profile",), f"{_show(profile)} is not a safe path: {SAFE_PATH}"
        elif profile not in PACKAGE_PROFILES:
            yield ("profile",), f"{_show(profile)} is a profile that cannot be checked offline"
    for key in ("missingValues", "fields"):
        if key in desc:
            yield (key,), "belongs in a resource's schema, not in the package: move it there"
    yield from _contributors(desc)


def _resource_rules(
    res: dict[str, Any], i: int, *, v1: bool, tabular: bool
) -> Iterator[tuple[Path, str]]:
    at: Path = ("resources", i)
    name = res.get("name")
    if v1 and isinstance(name, str) and not V1_NAME.match(name):
        yield (*at, "name"), f"{_show(name)} does not match {V1_NAME.pattern!r} (v1, no $schema)"
    yield from _unsafe_paths(at, res, ("path", "extrapaths", "profile", "dialect", "schema"))
    profile = res.get("profile")
    if isinstance(profile, str) and profile and profile not in RESOURCE_PROFILES:
        yield (*at, "profile"), f"{_show(profile)} is a profile that cannot be checked offline"
    if tabular and profile != "tabular-data-resource":
        yield at, "a tabular-data-package requires tabular-data-resource resources"
    if profile == "tabular-data-resource" and not res.get("schema"):
        yield at, "profile tabular-data-resource requires a schema: add one"
    if "missingValues" in res:
        yield (*at, "missingValues"), "belongs in the schema: move it there"


def own_problems(desc: dict[str, Any]) -> Iterator[tuple[Path, str]]:
    v1 = "$schema" not in desc  # a descriptor without $schema is Data Package v1
    yield from _package_rules(desc, v1)
    resources = desc.get("resources")
    tabular = desc.get("profile") == "tabular-data-package"
    for i, res in enumerate(resources if isinstance(resources, list) else []):
        if isinstance(res, dict):
            yield from _resource_rules(res, i, v1=v1, tabular=tabular)


# --- messages -------------------------------------------------------------------------------


def _message(desc: dict[str, Any], at: Path, problem: str) -> str:
    """`resources/3 ('mentions'): property 'schema/fields' ...`, `property 'licenses/0' ...`,
    or `the descriptor ...`: where the problem is, then what is wrong."""
    resources = desc.get("resources")
    if len(at) >= 2 and at[0] == "resources" and isinstance(at[1], int):
        res = resources[at[1]] if isinstance(resources, list) else None
        name = res.get("name") if isinstance(res, dict) else None
        where = f"resources/{at[1]}" + (f" ({name!r})" if isinstance(name, str) else "")
        rest = "/".join(map(str, at[2:]))
        return f"{where}: " + (f"property {rest!r} {problem}" if rest else problem)
    if at:
        return f"property {'/'.join(map(str, at))!r} {problem}"
    return f"the descriptor {problem}"


def package_errors(desc: Any, *, unique_names: bool = True) -> Iterator[str]:
    """Every way `desc` breaks the Data Package profile, as messages; none when it conforms.
    `unique_names=False` leaves out duplicate resource names, for a caller reporting them.
    One message per place: a rule of our own is silent where the profile already spoke."""
    if not isinstance(desc, dict):
        yield f"the descriptor must be an object, not {_show(desc)}"
        return
    reported: set[Path] = set()
    for at, problem in schema_problems(desc):
        reported.add(at)
        yield _message(desc, at, problem)
    for at, problem in own_problems(desc):
        if at not in reported:
            yield _message(desc, at, problem)
    resources = desc.get("resources")
    if unique_names and isinstance(resources, list):
        yield from duplicate_names(resources)
