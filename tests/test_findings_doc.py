"""The findings catalogue cannot drift: every reported type is registered and documented."""

from __future__ import annotations

import re

from conftest import ROOT

from talkspkg.validate.findings import BY_ID, FINDINGS, render_findings_doc, reported_types

DOC = ROOT / "docs" / "findings.md"
KEBAB = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


def test_docs_findings_md_is_generated_from_the_registry() -> None:
    assert DOC.read_text("utf-8") == render_findings_doc(), (
        "run: python -m talkspkg.validate.findings"
    )


def test_every_type_a_check_reports_is_registered() -> None:
    unregistered = sorted(set(reported_types()) - set(BY_ID))
    assert unregistered == [], f"add these to talkspkg/validate/findings.py: {unregistered}"


def test_every_registered_type_is_reported_by_some_check() -> None:
    stale = sorted(set(BY_ID) - set(reported_types()))
    assert stale == [], f"no check reports {stale}: remove them from the registry"


def test_registry_ids_are_unique_kebab_case_with_meaning_and_fix() -> None:
    assert len(BY_ID) == len(FINDINGS)
    for f in FINDINGS:
        assert KEBAB.match(f.id), f.id
        assert f.title and f.meaning and f.fix, f.id


def test_reporters_are_read_from_check_sources() -> None:
    reporters = reported_types()
    assert reporters["span-mismatch"] == ("span_integrity",)
    assert set(reporters["path-error"]) >= {"resource_paths", "schema_matches_model"}
    assert reporters["check-error"] == ("validate_package",)
