"""The descriptor: valid JSON, valid against the Data Package profile, our required shape."""

from __future__ import annotations

import re
from collections.abc import Iterator

from talkspkg.package import PROFILE
from talkspkg.validate.checks.profile import duplicate_names, package_errors
from talkspkg.validate.context import DESCRIPTOR, PackageContext
from talkspkg.validate.report import Finding

REQUIRED = ("$schema", "name", "licenses", "resources")  # `version` is optional: the data's own
SEMVER = r"^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$"


def descriptor_valid(ctx: PackageContext) -> Iterator[Finding]:
    if ctx.descriptor is None:
        yield Finding("descriptor-error", ctx.descriptor_error or "no descriptor", file=DESCRIPTOR)
        return
    desc = ctx.descriptor
    for key in REQUIRED:
        if key not in desc:
            yield Finding("descriptor-error", f"missing property {key!r}", file=DESCRIPTOR)
    if "$schema" in desc and desc["$schema"] != PROFILE:
        yield Finding(
            "descriptor-error", f"$schema {desc['$schema']!r} is not {PROFILE}", file=DESCRIPTOR
        )
    if "version" in desc and not re.fullmatch(SEMVER, str(desc["version"])):
        yield Finding(
            "descriptor-error", f"version {desc['version']!r} is not SemVer", file=DESCRIPTOR
        )
    if not isinstance(desc.get("resources"), list) or not desc.get("resources"):
        yield Finding("descriptor-error", "resources must be a non-empty list", file=DESCRIPTOR)
        return
    for message in duplicate_names(desc["resources"]):
        yield Finding("descriptor-error", message, file=DESCRIPTOR)
    yield from profile_errors(ctx)


def profile_errors(ctx: PackageContext) -> Iterator[Finding]:
    """The Data Package v2 profile (checks/profile.py), offline: one finding per problem."""
    for message in package_errors(ctx.descriptor or {}, unique_names=False):
        yield Finding("descriptor-profile-error", message, file=DESCRIPTOR)


def tables_present(ctx: PackageContext) -> Iterator[Finding]:
    """Every table of the models has its CSV and its Parquet resource."""
    if ctx.descriptor is None:
        return
    for table, files in ctx.tables().items():
        if files.csv is None:
            yield Finding("missing-resource", f"no CSV resource named {table!r}", table=table)
        if files.parquet is None:
            yield Finding(
                "missing-resource", f"no Parquet resource named '{table}-parquet'", table=table
            )
