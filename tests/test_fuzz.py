"""Fuzzing: validate survives any damage to a package, with a report and no traceback.

Each example copies the built package, then either edits random bytes of one or two random files
or puts an odd JSON value anywhere in the descriptor. Validate must exit 0 or 1 with a JSON
report, in bounded time, and no check may have crashed (`check-error`). CI runs 25 examples; run
more on demand with `TALKSPKG_FUZZ_EXAMPLES=5000 pytest tests/test_fuzz.py`.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from talkspkg.cli import main

EXAMPLES = int(os.environ.get("TALKSPKG_FUZZ_EXAMPLES", "25"))


@st.composite
def mutation(draw: st.DrawFn, data: bytes) -> bytes:
    """One random edit of `data`: flipped or overwritten bytes, a cut, an insertion, a repeat."""
    size = len(data)
    kind = draw(st.sampled_from(["flip", "overwrite", "truncate", "insert", "delete", "repeat"]))
    at = draw(st.integers(0, max(size - 1, 0)))
    if kind == "flip" and size:
        out = bytearray(data)
        for offset in draw(st.lists(st.integers(0, size - 1), min_size=1, max_size=8)):
            out[offset] ^= draw(st.integers(1, 255))
        return bytes(out)
    if kind == "overwrite":
        chunk = draw(st.binary(min_size=1, max_size=16))
        return data[:at] + chunk + data[at + len(chunk) :]
    if kind == "truncate":
        return data[:at]
    if kind == "insert":
        return data[:at] + draw(st.binary(min_size=1, max_size=64)) + data[at:]
    length = draw(st.integers(1, 256))
    if kind == "delete":
        return data[:at] + data[at + length :]
    return data[:at] + data[at : at + length] * draw(st.integers(2, 4)) + data[at:]


# Values that mean something to the validator, mixed into the random JSON of descriptor fuzzing.
MEANINGFUL = st.sampled_from(
    [
        "articles",
        "mentions-parquet",
        "csv",
        "parquet",
        "data/articles.csv",
        "schemas/entities.json",
        "../outside.csv",
        "/etc/passwd",
        "raw",
        ".",
        "",
        "sha256:" + "0" * 64,
        -1,
        0,
        2**63,
    ]
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text() | MEANINGFUL,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def json_paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path (keys and indices) to a node of a JSON document, the root excluded."""
    if isinstance(value, dict):
        items = list(value.items())
    elif isinstance(value, list):
        items = list(enumerate(value))
    else:
        return []
    paths = []
    for key, child in items:
        paths.append((*prefix, key))
        paths.extend(json_paths(child, (*prefix, key)))
    return paths


def package_files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def damage_bytes(pkg: Path, data: st.DataObject) -> None:
    """Random byte edits in one or two random files of the package."""
    files = package_files(pkg)
    for rel in data.draw(st.lists(st.sampled_from(files), min_size=1, max_size=2, unique=True)):
        path = pkg / rel
        path.write_bytes(data.draw(mutation(path.read_bytes()), label=rel))


def damage_descriptor_value(pkg: Path, data: st.DataObject) -> None:
    """Byte damage mostly breaks the JSON; this keeps it JSON and puts an odd value anywhere."""
    desc = json.loads((pkg / "datapackage.json").read_text("utf-8"))
    path = data.draw(st.sampled_from(json_paths(desc)), label="path")
    node = desc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = data.draw(JSON, label="value")
    (pkg / "datapackage.json").write_text(json.dumps(desc), "utf-8")


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_validate_never_crashes_on_a_damaged_package(built: Path, data: st.DataObject) -> None:
    damage = data.draw(st.sampled_from([damage_bytes, damage_descriptor_value]), label="damage")
    with tempfile.TemporaryDirectory() as scratch:
        pkg = Path(scratch) / "pkg"
        shutil.copytree(built, pkg)
        damage(pkg, data)
        result = CliRunner().invoke(main, ["validate", str(pkg), "--json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    assert report["valid"] is (result.exit_code == 0)
    assert "check-error" not in {f["type"] for f in report["findings"]}, report["findings"]
