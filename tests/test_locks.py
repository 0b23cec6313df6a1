"""Two locks: what a user installs (runtime: what src/ imports) and what a developer adds."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s;]+)(?:\s*;\s*([^\\]+?))?\s*\\?$", re.M)
IMPORT_TO_PACKAGE = {"yaml": "pyyaml", "jsonschema_rs": "jsonschema-rs"}
# imported only on an optional path, by the extra that installs them (pyproject.toml)
OPTIONAL = {"distributed": "dask"}


def pins(name: str) -> dict[tuple[str, str], str]:
    text = (ROOT / name).read_text("utf-8")
    return {(m[1].lower(), (m[3] or "").strip()): m[2] for m in PIN.finditer(text)}


def third_party_imports() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "src" / "talkspkg").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m != "talkspkg"}


def test_runtime_lock_holds_what_src_imports_and_no_dev_tool() -> None:
    runtime = {name for name, _ in pins("requirements.lock")}
    for module in third_party_imports() - OPTIONAL.keys():
        assert IMPORT_TO_PACKAGE.get(module, module) in runtime, module
    assert not runtime & {"pytest", "hypothesis", "ruff", "frictionless", *OPTIONAL}


def test_optional_imports_come_with_their_extra_and_are_pinned_in_the_dev_lock() -> None:
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"][
        "optional-dependencies"
    ]
    dev = {name for name, _ in pins("requirements-dev.lock")}
    for module, extra in OPTIONAL.items():
        assert any(req.startswith(module) for req in extras[extra]), (module, extra)
        assert module in dev, module


def test_dev_lock_pins_the_runtime_packages_to_the_same_versions() -> None:
    runtime, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    assert runtime.items() <= dev.items()
    assert {"pytest", "frictionless"} <= {name for name, _ in dev}
