"""The Data Package profile check (validate/checks/profile.py) agrees with frictionless.

`package_errors` (the official v2 JSON Schema, vendored, plus the rules it cannot express)
replaces frictionless's `Package.validate_descriptor`: on each mutation of the
committed descriptor below, both must agree on whether it is valid (an exception in frictionless
counts as invalid). Where they differ, the Data Package v2 specification decides: a difference
where package_errors follows the specification is listed in KNOWN_DIFFERENCES with both outcomes
spelt out.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import frictionless
import pytest
from conftest import ROOT

from talkspkg.validate.checks.descriptor import profile_errors
from talkspkg.validate.checks.profile import PROFILE_FILE, package_errors
from talkspkg.validate.context import DESCRIPTOR

Descriptor = dict[str, Any]
BASE: Descriptor = json.loads((ROOT / "datapackage.json").read_text("utf-8"))
R = 3  # the resource the resource-level mutations edit
NAME = BASE["resources"][R]["name"]
DELETE = object()


def ours_invalid(desc: Descriptor) -> bool:
    before = copy.deepcopy(desc)
    invalid = bool(list(package_errors(desc)))
    assert desc == before, "package_errors changed its input"
    return invalid


def frictionless_invalid(desc: Descriptor) -> bool:
    try:
        return not frictionless.Package.validate_descriptor(copy.deepcopy(desc)).valid
    except Exception:  # frictionless crashing on a descriptor is a rejection
        return True


@dataclass(frozen=True)
class Mutation:
    name: str
    edit: Callable[[Descriptor], None]
    where: tuple[str, ...] = ()  # some message must contain each of these (where the problem is)

    def apply(self) -> Descriptor:
        desc = copy.deepcopy(BASE)
        self.edit(desc)
        return desc


def _update(target: dict[str, Any], props: dict[str, Any]) -> None:
    for key, value in props.items():
        if value is DELETE:
            target.pop(key, None)
        else:
            target[key] = value


def pkg(**props: Any) -> Callable[[Descriptor], None]:
    return lambda d: _update(d, props)


def res(**props: Any) -> Callable[[Descriptor], None]:
    return lambda d: _update(d["resources"][R], props)


def contributor(**props: Any) -> Callable[[Descriptor], None]:
    return pkg(contributors=[{"title": "x", **props}])


def all_resources(**props: Any) -> Callable[[Descriptor], None]:
    def edit(d: Descriptor) -> None:
        for r in d["resources"]:
            _update(r, props)

    return edit


def no_schema_and(edit: Callable[[Descriptor], None]) -> Callable[[Descriptor], None]:
    """Without `$schema` the descriptor is Data Package v1 (its name pattern applies)."""

    def both(d: Descriptor) -> None:
        d.pop("$schema")
        edit(d)

    return both


AT = (f"resources/{R}", repr(NAME))  # a problem of resource R names its index and its name
SCHEMA_OK = {"fields": [{"name": "a", "type": "string"}]}
OUTSIDE = ("../x.csv", "/etc/passwd", "~/x.csv", "$HOME/x.csv", "%APPDATA%/x", "data/../../x")

# Mutations on which package_errors and frictionless must agree (valid or not).
AGREED = [
    # package: standard properties of the wrong type
    Mutation("name-int", pkg(name=3), ("'name'",)),
    Mutation("name-null", pkg(name=None), ("'name'",)),
    Mutation("title-list", pkg(title=["x"]), ("'title'",)),
    Mutation("description-int", pkg(description=1), ("'description'",)),
    Mutation("version-int", pkg(version=1), ("'version'",)),
    Mutation("homepage-int", pkg(homepage=1), ("'homepage'",)),
    Mutation("licenses-string", pkg(licenses="CC-BY-4.0"), ("'licenses'",)),
    Mutation("licenses-object", pkg(licenses={"name": "CC-BY-4.0"}), ("'licenses'",)),
    Mutation("licence-string", pkg(licenses=["CC-BY-4.0"]), ("'licenses/0'",)),
    Mutation("licence-without-name-or-path", pkg(licenses=[{"title": "x"}]), ("'licenses/0'",)),
    Mutation("licence-empty", pkg(licenses=[{}]), ("'licenses/0'",)),
    Mutation("sources-string", pkg(sources="Reuters"), ("'sources'",)),
    Mutation("source-string", pkg(sources=["Reuters"]), ("'sources/0'",)),
    Mutation("source-bad-email", pkg(sources=[{"title": "x", "email": "nope"}]), ("sources/0",)),
    Mutation("contributors-object", pkg(contributors={"title": "x"}), ("'contributors'",)),
    Mutation("contributor-string", pkg(contributors=["x"]), ("'contributors/0'",)),
    Mutation("contributor-email-no-tld", contributor(email="a@example"), ("contributors/0",)),
    Mutation("contributor-email-space", contributor(email="a b@example.com"), ("email",)),
    Mutation("contributor-email-quoted", contributor(email='"a b"@example.com'), ("email",)),
    Mutation("contributor-email-ok", contributor(email="first.last+tag@example.org")),
    Mutation("contributor-email-unicode", contributor(email="ü@exämple.de")),
    Mutation("keywords-string", pkg(keywords="peace"), ("'keywords'",)),
    Mutation("keyword-int", pkg(keywords=["peace", 1]), ("'keywords/1'",)),
    Mutation("created-int", pkg(created=2025), ("'created'",)),
    Mutation("created-words", pkg(created="yesterday"), ("'created'",)),
    Mutation("created-date-only", pkg(created="2025-04-24"), ("'created'",)),
    Mutation("created-no-seconds", pkg(created="2025-04-24T10:00Z"), ("'created'",)),
    Mutation("created-february-30", pkg(created="2025-02-30T00:00:00Z"), ("'created'",)),
    Mutation("created-offset-25h", pkg(created="2025-04-24T00:00:00+25:00"), ("'created'",)),
    Mutation("created-trailing-junk", pkg(created="2025-04-24T00:00:00Zjunk"), ("'created'",)),
    Mutation("created-offset", pkg(created="2025-04-24T10:30:00.5+02:00")),
    Mutation("type-bad-pattern", pkg(type="Bad Type"), ("'type'",)),
    Mutation("profile-unsafe", pkg(profile="../profile.json"), ("'profile'",)),
    Mutation("missing-values-in-package", pkg(missingValues=[""]), ("'missingValues'",)),
    Mutation("fields-in-package", pkg(fields=[]), ("'fields'",)),
    Mutation("name-v1-pattern", no_schema_and(pkg(name="Bad Name")), ("'name'",)),
    Mutation("name-v2-any-string", pkg(name="Bad Name")),  # v2 dropped the pattern
    # resources
    Mutation("resources-object", pkg(resources={}), ("'resources'",)),
    Mutation("resources-string", pkg(resources="data/articles.csv"), ("'resources'",)),
    Mutation("resource-string", lambda d: d["resources"].append("x"), ("resources/",)),
    Mutation("resource-null", lambda d: d["resources"].append(None), ("resources/",)),
    Mutation("resource-empty-object", lambda d: d["resources"].append({}), ("resources/",)),
    Mutation("resource-without-name", res(name=DELETE), (f"resources/{R}", "'name'")),
    Mutation("resource-name-int", res(name=5), (f"resources/{R}", "'name'")),
    Mutation("resource-name-v1", no_schema_and(res(name="Bad Name")), (f"resources/{R}",)),
    Mutation("resource-path-and-data", res(data=[{"a": 1}]), (*AT, "'data'")),
    Mutation("resource-neither-path-nor-data", res(path=DELETE), (*AT, "'path'")),
    Mutation("resource-path-null", res(path=None), (*AT, "'path'")),
    Mutation("resource-data-instead-of-path", res(path=DELETE, data=[{"a": 1}])),
    *(Mutation(f"resource-path-{p}", res(path=p), (*AT, p)) for p in OUTSIDE),
    Mutation("resource-path-file-url", res(path="file:///etc/passwd"), AT),
    Mutation("resource-path-url", res(path="https://example.org/data/x.csv")),
    Mutation("resource-path-list", res(path=["data/a.csv", "data/b.csv"])),
    Mutation("resource-path-list-unsafe", res(path=["data/a.csv", "../b.csv"]), (*AT, "../b")),
    Mutation("resource-path-list-int", res(path=["data/a.csv", 1]), (*AT, "'path/1'")),
    Mutation("resource-schema-unsafe", res(schema="/etc/schema.json"), (*AT, "schema")),
    Mutation("resource-dialect-unsafe", res(dialect="../dialect.json"), (*AT, "dialect")),
    Mutation("resource-profile-unsafe", res(profile="/etc/p.json"), (*AT, "profile")),
    Mutation(
        "resource-names-duplicated",
        res(name=BASE["resources"][0]["name"]),
        ("already used by resources/0",),
    ),
    Mutation("resource-type-unknown", res(type="spreadsheet"), (*AT, "spreadsheet")),
    Mutation("resource-type-int", res(type=1), (*AT, "type")),
    Mutation("resource-type-json", res(type="json")),
    Mutation("resource-bytes-string", res(bytes="1618"), (*AT, "'bytes'")),
    Mutation("resource-bytes-bool", res(bytes=True), (*AT, "'bytes'")),
    Mutation("resource-format-int", res(format=1), (*AT, "'format'")),
    Mutation("resource-encoding-int", res(encoding=1), (*AT, "'encoding'")),
    Mutation("resource-hash-int", res(hash=1), (*AT, "'hash'")),  # frictionless crashes
    Mutation("resource-missing-values", res(missingValues=[""]), (*AT, "missingValues")),
    Mutation("resource-licence-without-name", res(licenses=[{"title": "x"}]), (*AT, "licenses/0")),
    Mutation("resource-source-bad-email", res(sources=[{"email": "x"}]), (*AT, "sources/0")),
    # inline schema and dialect
    Mutation("schema-fields-object", res(schema={"fields": {}}), (*AT, "'schema/fields'")),
    Mutation("schema-without-fields", res(schema={}), (*AT, "'fields'")),
    Mutation("schema-field-without-name", res(schema={"fields": [{"type": "string"}]}), AT),
    Mutation("schema-field-type-int", res(schema={"fields": [{"name": "a", "type": 1}]}), AT),
    Mutation("schema-primary-key-int", res(schema={**SCHEMA_OK, "primaryKey": 1}), AT),
    Mutation("schema-foreign-keys-object", res(schema={**SCHEMA_OK, "foreignKeys": {}}), AT),
    Mutation("schema-missing-values-string", res(schema={**SCHEMA_OK, "missingValues": ""}), AT),
    Mutation("schema-inline", res(schema=SCHEMA_OK)),
    Mutation("dialect-delimiter-int", res(dialect={"delimiter": 1}), (*AT, "delimiter")),
    Mutation("dialect-header-string", res(dialect={"header": "yes"}), (*AT, "header")),
    # profiles
    Mutation("tabular-package-of-data-resources", pkg(profile="tabular-data-package"), AT),
    Mutation(
        "tabular-resources-without-schema",
        all_resources(profile="tabular-data-resource"),
        ("resources/", "schema"),
    ),
    Mutation("tabular-resource-with-schema", res(profile="tabular-data-resource")),
    Mutation("tabular-resource-no-schema", res(profile="tabular-data-resource", schema=DELETE), AT),
    # RFC 3339 / RFC 5321-5322, checked by both
    Mutation("resources-missing", pkg(resources=DELETE), ("'resources'",)),
    Mutation("resource-path-empty-list", res(path=[]), (*AT, "'path'")),
    Mutation("created-lowercase-z", pkg(created="2025-04-24T10:00:00z")),
    Mutation("created-offset-seconds", pkg(created="2025-04-24T10:00:00+00:00:30"), ("'created'",)),
    Mutation("email-double-dot", contributor(email="a..b@example.com"), ("email",)),
    Mutation("email-leading-dot", contributor(email=".a@example.com"), ("email",)),
    Mutation("email-domain-double-dot", contributor(email="a@example..com"), ("email",)),
    Mutation("email-angle-brackets", contributor(email="<a>@example.com"), ("email",)),
    Mutation("email-domain-underscore", contributor(email="a@exa_mple.com"), ("email",)),
    Mutation("email-domain-leading-hyphen", contributor(email="a@-example.com"), ("email",)),
    Mutation("email-local-part-65", contributor(email="x" * 65 + "@example.com"), ("email",)),
]

# Where package_errors follows the Data Package v2 specification and frictionless does not:
# (mutation, package_errors invalid, frictionless invalid).
KNOWN_DIFFERENCES = [
    # v2 profile: "id" is a string; frictionless's own profile has no "id"
    (Mutation("id-int", pkg(id=1), ("'id'",)), True, False),
    # v2 profile: a contributor's "roles" is an array of strings, "givenName",
    # "organization" strings; frictionless's profile knows only v1's "role" and "organisation"
    (
        Mutation(
            "contributor-roles-string", contributor(roles="creator"), ("contributors/0/roles",)
        ),
        True,
        False,
    ),
    (
        Mutation(
            "contributor-given-name-int", contributor(givenName=1), ("contributors/0/givenName",)
        ),
        True,
        False,
    ),
    (
        Mutation(
            "contributor-organization-int",
            contributor(organization=1),
            ("contributors/0/organization",),
        ),
        True,
        False,
    ),
    # v2 profile: a source's "version" is a string; frictionless does not check it
    (
        Mutation("source-version-int", pkg(sources=[{"version": 1}]), ("sources/0/version",)),
        True,
        False,
    ),
    # v2 allows properties it does not define: a package "type" frictionless has no class
    # for ("package type ... is not supported") is still a valid Data Package
    (Mutation("package-type-unregistered", pkg(type="package")), False, True),
    # RFC 3339 (the format of "created"): hours are 00-23; dateutil accepts 24:00:00
    (Mutation("created-hour-24", pkg(created="2025-04-24T24:00:00Z"), ("'created'",)), True, False),
    # an e-mail address (RFC 5322) holds no newline; the `validators` package lets it pass
    (
        Mutation("contributor-email-newline", contributor(email="a\n@example.com"), ("email",)),
        True,
        False,
    ),
    # RFC 3339 requires an offset ("Z" or +HH:MM); frictionless accepts a local time
    (
        Mutation("created-no-offset", pkg(created="2025-04-24T10:00:00"), ("'created'",)),
        True,
        False,
    ),
    # RFC 5321 address literals are valid mailboxes; `validators` rejects them
    (
        Mutation("contributor-email-address-literal", contributor(email="a@[127.0.0.1]")),
        False,
        True,
    ),
    # v2: inline `data` may be a string when `format` or `mediatype` says what it is (the
    # resource has format "parquet"); frictionless wants an array or object
    (Mutation("resource-data-string", res(path=DELETE, data="a,b")), False, True),
    # v2 defines no resource `rows` (a frictionless property); the profile lets it be
    (Mutation("resource-rows-float", res(rows=1.5)), False, True),
]


def test_committed_descriptor_is_valid() -> None:
    assert list(package_errors(BASE)) == []
    assert not frictionless_invalid(BASE)


def test_mutations_change_the_descriptor() -> None:
    names = [m.name for m in AGREED] + [m.name for m, _, _ in KNOWN_DIFFERENCES]
    assert len(names) == len(set(names))
    for m in AGREED:
        assert m.apply() != BASE, f"{m.name} changes nothing"


@pytest.mark.parametrize("mutation", AGREED, ids=lambda m: m.name)
def test_agrees_with_frictionless(mutation: Mutation) -> None:
    desc = mutation.apply()
    expected = frictionless_invalid(desc)
    assert ours_invalid(desc) == expected, list(package_errors(desc))
    # a mutation with a location is one that both reject
    assert expected == bool(mutation.where), f"{mutation.name}: set `where` iff invalid"


@pytest.mark.parametrize(
    ("mutation", "ours", "theirs"), KNOWN_DIFFERENCES, ids=[m.name for m, _, _ in KNOWN_DIFFERENCES]
)
def test_known_differences_with_frictionless(mutation: Mutation, ours: bool, theirs: bool) -> None:
    desc = mutation.apply()
    assert ours != theirs
    assert ours_invalid(desc) == ours, list(package_errors(desc))
    assert frictionless_invalid(desc) == theirs, "frictionless changed: review this difference"


LOCATED = [m for m in AGREED if m.where] + [m for m, ours, _ in KNOWN_DIFFERENCES if ours]


@pytest.mark.parametrize("mutation", LOCATED, ids=lambda m: m.name)
def test_messages_say_where_the_problem_is(mutation: Mutation) -> None:
    desc = mutation.apply()
    messages = list(package_errors(desc))
    assert messages and mutation.where
    wanted = mutation.where
    assert any(all(w in m for w in wanted) for m in messages), (wanted, messages)
    resources = desc.get("resources")
    for message in messages:
        at = re.match(r"resources/(\d+)\b", message)
        if at and isinstance(resources, list):
            resource = resources[int(at.group(1))]
            name = resource.get("name") if isinstance(resource, dict) else None
            if isinstance(name, str):
                assert message.startswith(f"resources/{at.group(1)} ({name!r}): "), message


def test_duplicate_resource_names_are_named() -> None:
    desc = copy.deepcopy(BASE)
    desc["resources"][R]["name"] = BASE["resources"][0]["name"]
    messages = [m for m in package_errors(desc) if "already used" in m]
    assert messages
    assert all(repr(BASE["resources"][0]["name"]) in m and "resources/" in m for m in messages)


def test_every_resource_problem_is_reported() -> None:
    """One message per problem: each unsafe path of several resources is reported."""
    desc = copy.deepcopy(BASE)
    for i, path in zip((1, 4, 7), OUTSIDE, strict=False):
        desc["resources"][i]["path"] = path
    messages = list(package_errors(desc))
    for i, path in zip((1, 4, 7), OUTSIDE, strict=False):
        name = desc["resources"][i]["name"]
        assert any(m.startswith(f"resources/{i} ({name!r})") and path in m for m in messages)
    assert len(messages) == 3, messages


def test_vendored_profile_is_the_published_file() -> None:
    """Copied byte for byte from check-datapackage 0.37.0 (profiles/README.md); never edited."""
    digest = hashlib.sha256(PROFILE_FILE.read_bytes()).hexdigest()
    assert digest == "34cf87616814215bc57b66d3cbabc4fc4f453de90710a0236d4924992f69623b"
    assert json.loads(PROFILE_FILE.read_text("utf-8"))["$schema"].startswith(
        "http://json-schema.org/draft-07/"
    )


def findings(edit: Callable[[Descriptor], None]) -> list[tuple[str, str, str | None]]:
    desc = copy.deepcopy(BASE)
    edit(desc)
    ctx = type("Ctx", (), {"descriptor": desc})()
    return [(f.type, f.message, f.file) for f in profile_errors(ctx)]  # type: ignore[arg-type]


def test_missing_required_property_names_the_resource_and_the_property() -> None:
    assert findings(res(name=DELETE)) == [
        (
            "descriptor-profile-error",
            f"resources/{R}: lacks the required property 'name': add it",
            DESCRIPTOR,
        )
    ]


def test_wrong_type_names_the_json_path_and_the_type_wanted() -> None:
    schema = {"fields": [{"name": "a", "type": "string"}], "primaryKey": 1}
    assert findings(res(schema=schema)) == [
        (
            "descriptor-profile-error",
            f"resources/{R} ({NAME!r}): property 'schema/primaryKey' must be an array or a "
            "string, not 1",
            DESCRIPTOR,
        )
    ]


def test_bad_name_pattern_names_the_property_and_the_pattern() -> None:
    assert findings(pkg(licenses=[{"name": "CC BY 4.0"}])) == [
        (
            "descriptor-profile-error",
            "property 'licenses/0/name' 'CC BY 4.0' does not match '^([-a-zA-Z0-9._])+$'",
            DESCRIPTOR,
        )
    ]
    assert findings(no_schema_and(pkg(name="Bad Name"))) == [
        (
            "descriptor-profile-error",
            "property 'name' 'Bad Name' does not match '^([-a-z0-9._/])+$' (v1, no $schema)",
            DESCRIPTOR,
        )
    ]


@pytest.mark.parametrize("path", ["../x.csv", "$HOME/x.csv"])  # the profile's rule; ours
def test_bad_path_names_the_resource_and_says_what_a_path_may_be(path: str) -> None:
    [(kind, message, file)] = findings(res(path=path))
    assert (kind, file) == ("descriptor-profile-error", DESCRIPTOR)
    assert message.startswith(f"resources/{R} ({NAME!r}): property 'path' {path!r} is not a safe")
    assert "relative path inside the package" in message


def test_frictionless_resource_types_are_tolerated_and_no_other() -> None:
    assert findings(res(type="file")) == findings(res(type="text")) == []
    [(_, message, _)] = findings(res(type="sheet"))
    assert message == (
        f"resources/{R} ({NAME!r}): property 'type' 'sheet' must be one of 'table', 'file', "
        "'json', 'text'"
    )
