"""The Data Package (v2) profile, checked by hand: no network, no JSON Schema engine.

What the profile requires of a package and of each resource, as the reference implementation
(frictionless) enforces it: the type of every standard property, objects where objects are due,
a string `name` for every resource, `path` or `data` (not both), safe paths, known resource
types and profiles, a `path` or `name` for each licence, valid `created` and e-mail addresses,
unique resource names, and the Table Schema or CSV dialect of a resource given inline. Each
problem is one message naming where it is (`resources/3 ('mentions')`) and what is wrong.

The name pattern `^[-a-z0-9._/]+$` is a Data Package v1 rule, dropped by v2: it applies only to
a descriptor without `$schema` (which is v1 by the specification).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any
from urllib.parse import urlparse

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
RESOURCE_TYPES = ("file", "json", "table", "text")
PACKAGE_PROFILES = ("data-package", "tabular-data-package")
RESOURCE_PROFILES = ("data-resource", "tabular-data-resource")

# A spec checks a value found at a property path and yields problems as "<path>: <problem>".
Spec = Callable[[Any, str], Iterator[str]]


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _is(kind: str, value: Any) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "array":
        return isinstance(value, list)
    return isinstance(value, dict)  # object


def _at(path: str) -> str:
    return f"property {path!r}" if path else "the descriptor"


def typed(*kinds: str, pattern: re.Pattern[str] | None = None) -> Spec:
    """A value of one of `kinds` (JSON Schema type names); a string must match `pattern`."""

    def check(value: Any, path: str) -> Iterator[str]:
        if not any(_is(k, value) for k in kinds):
            yield f"{_at(path)} must be {' or '.join(kinds)}, not {_show(value)}"
        elif pattern is not None and isinstance(value, str) and not pattern.match(value):
            yield f"{_at(path)} {_show(value)} does not match {pattern.pattern!r}"

    return check


def array_of(item: Spec) -> Spec:
    def check(value: Any, path: str) -> Iterator[str]:
        if not isinstance(value, list):
            yield f"{_at(path)} must be array, not {_show(value)}"
            return
        for i, element in enumerate(value):
            yield from item(element, f"{path}/{i}")

    return check


def object_of(properties: dict[str, Spec], required: tuple[str, ...] = ()) -> Spec:
    def check(value: Any, path: str) -> Iterator[str]:
        if not isinstance(value, dict):
            yield f"{_at(path)} must be object, not {_show(value)}"
            return
        for key in required:
            if key not in value:
                yield f"{_at(path)} lacks the required property {key!r}"
        for key, spec in properties.items():
            if key in value:
                yield from spec(value[key], f"{path}/{key}" if path else key)

    return check


STRING = typed("string")
LICENSE = object_of({"name": STRING, "path": STRING, "title": STRING})
SOURCE = object_of({"title": STRING, "path": STRING, "email": STRING, "version": STRING})
CONTRIBUTOR = object_of(
    {
        "title": STRING,
        "givenName": STRING,
        "familyName": STRING,
        "path": STRING,
        "email": STRING,
        "organization": STRING,
        "organisation": STRING,
        "role": STRING,
        "roles": array_of(STRING),
    }
)
DESCRIBED: dict[str, Spec] = {  # what every descriptor of the specification may carry
    "$schema": STRING,
    "name": STRING,
    "title": STRING,
    "description": STRING,
}
COMMON: dict[str, Spec] = {
    **DESCRIBED,
    "homepage": STRING,
    "profile": STRING,
    "licenses": array_of(LICENSE),
    "sources": array_of(SOURCE),
}
PACKAGE = object_of(
    {
        **COMMON,
        "id": STRING,
        "type": typed("string", pattern=TYPE_PATTERN),
        "contributors": array_of(CONTRIBUTOR),
        "keywords": array_of(STRING),
        "image": STRING,
        "version": STRING,
        "created": STRING,
        "resources": array_of(typed("object")),
    }
)
RESOURCE = object_of(
    {
        **COMMON,
        "type": typed("string", pattern=TYPE_PATTERN),
        "path": typed("string", "array"),
        "data": typed("object", "array"),
        "scheme": STRING,
        "format": STRING,
        "mediatype": STRING,
        "compression": STRING,
        "innerpath": STRING,
        "encoding": STRING,
        "hash": STRING,
        "bytes": typed("integer"),
        "fields": typed("integer"),
        "rows": typed("integer"),
        "dialect": typed("object", "string"),
        "schema": typed("object", "string"),
    },
    required=("name",),
)
TABLE_SCHEMA = object_of(
    {
        **DESCRIBED,
        "fields": array_of(
            object_of(
                {"name": STRING, "type": STRING, "format": STRING, "constraints": typed("object")},
                required=("name",),
            )
        ),
        "missingValues": typed("array"),
        "primaryKey": typed("array", "string"),
        "foreignKeys": array_of(typed("object")),
    },
    required=("fields",),
)
DIALECT = object_of(
    {
        **DESCRIBED,
        "header": typed("boolean"),
        "headerRows": typed("array"),
        "headerJoin": STRING,
        "headerCase": typed("boolean"),
        "commentChar": STRING,
        "commentRows": typed("array"),
        "skipBlankRows": typed("boolean"),
        "delimiter": STRING,
        "lineTerminator": STRING,
        "quoteChar": STRING,
        "doubleQuote": typed("boolean"),
        "escapeChar": STRING,
        "nullSequence": STRING,
        "skipInitialSpace": typed("boolean"),
    }
)


def is_safe_path(path: str) -> bool:
    """The reference implementation's rule for a path it may open (frictionless is_safe_path)."""
    return not (
        os.path.isabs(path)
        or f"..{os.path.sep}" in path
        or path.startswith("~")
        or os.path.expandvars(path) != path
        or re.match(r"%.+%", path)
        or re.match(r"\$.+", path)
        or urlparse(path).scheme == "file"
    )


def _valid_datetime(value: str) -> bool:
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


def _people(value: dict[str, Any], where: str) -> Iterator[str]:
    """Licences need a path or a name; contributors and sources a valid e-mail if any."""
    licenses = value.get("licenses")
    for i, item in enumerate(licenses if isinstance(licenses, list) else []):
        if isinstance(item, dict) and not item.get("path") and not item.get("name"):
            yield f"{where}property 'licenses/{i}' needs a 'path' or a 'name'"
    for key in ("contributors", "sources"):
        items = value.get(key)
        for i, item in enumerate(items if isinstance(items, list) else []):
            email = item.get("email") if isinstance(item, dict) else None
            if email and not (isinstance(email, str) and EMAIL.match(email)):
                yield f"{where}property '{key}/{i}/email' {_show(email)} is not an e-mail address"


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


def package_errors(desc: dict[str, Any], *, unique_names: bool = True) -> Iterator[str]:
    """Every way `desc` breaks the Data Package profile, as messages; none when it conforms.
    `unique_names=False` leaves out duplicate resource names, for a caller reporting them."""
    v1 = "$schema" not in desc  # a descriptor without $schema is Data Package v1
    yield from PACKAGE(desc, "")
    name = desc.get("name")
    if v1 and isinstance(name, str) and not V1_NAME.match(name):
        yield f"property 'name' {_show(name)} does not match {V1_NAME.pattern!r} (v1)"
    profile = desc.get("profile")
    if isinstance(profile, str) and profile:
        if not is_safe_path(profile):
            yield f"property 'profile' {_show(profile)} is not a safe path"
        elif profile not in PACKAGE_PROFILES:
            yield f"property 'profile' {_show(profile)} is a profile that cannot be checked offline"
    created = desc.get("created")
    if isinstance(created, str) and created and not _valid_datetime(created):
        yield f"property 'created' {_show(created)} is not an ISO 8601 date-time"
    yield from _people(desc, "")
    for key in ("missingValues", "fields"):
        if key in desc:
            yield f"property {key!r} belongs in a resource's schema, not in the package"
    resources = desc.get("resources")
    if "resources" not in desc:
        yield "the descriptor lacks the required property 'resources'"
    if not isinstance(resources, list):
        return
    if not resources:
        yield "property 'resources' must hold at least one resource"
    if unique_names:
        yield from duplicate_names(resources)
    for i, res in enumerate(resources):
        if isinstance(res, dict):
            yield from resource_errors(res, i, v1=v1, tabular=profile == "tabular-data-package")


def resource_errors(res: dict[str, Any], i: int, *, v1: bool, tabular: bool) -> Iterator[str]:
    """Problems of resource number `i`, each prefixed with where it is: `resources/3 ('x'): `."""
    name = res.get("name")
    where = f"resources/{i}" + (f" ({name!r})" if isinstance(name, str) else "") + ": "
    kind = res.get("type")
    if kind and kind not in RESOURCE_TYPES:
        yield f"{where}type {_show(kind)} is not one of {', '.join(RESOURCE_TYPES)}"
    for message in RESOURCE(res, ""):
        yield where + message
    if v1 and isinstance(name, str) and not V1_NAME.match(name):
        yield f"{where}property 'name' does not match {V1_NAME.pattern!r} (v1)"
    for key in ("path", "extrapaths", "profile", "dialect", "schema"):
        value = res.get(key)
        for item in value if isinstance(value, list) else [value]:
            if item and isinstance(item, str) and not is_safe_path(item):
                yield f"{where}{key} {_show(item)} is not a safe path"
    path, data = res.get("path"), res.get("data")
    if isinstance(path, list) and not all(isinstance(p, str) for p in path):
        yield f"{where}property 'path' must be a string or an array of strings"
    if path == []:
        yield f"{where}property 'path' must not be an empty array"
    if path is None and data is None:
        yield f"{where}one of the properties 'path' or 'data' is required"
    if path is not None and data is not None:
        yield f"{where}properties 'path' and 'data' exclude each other"
    yield from _people(res, where)
    profile = res.get("profile")
    if isinstance(profile, str) and profile and profile not in RESOURCE_PROFILES:
        yield f"{where}profile {_show(profile)} is a profile that cannot be checked offline"
    if tabular and profile != "tabular-data-resource":
        yield f"{where}a tabular-data-package requires tabular-data-resource resources"
    if profile == "tabular-data-resource" and not res.get("schema"):
        yield f"{where}profile tabular-data-resource requires a schema"
    if "missingValues" in res:
        yield f"{where}property 'missingValues' belongs in the schema"
    if isinstance(res.get("schema"), dict):
        for message in TABLE_SCHEMA(res["schema"], "schema"):
            yield where + message
    if isinstance(res.get("dialect"), dict):
        for message in DIALECT(res["dialect"], "dialect"):
            yield where + message
