"""Untrusted input: validate never reads a file outside the package, YAML never builds objects.

A secret file with a unique sentinel sits beside the package. Every way of pointing at it (or at
/etc/passwd) is reported, and two spies prove it is never opened: a Python audit hook sees every
`open()` (descriptor, schemas, hashing, raw texts) and wrappers around the Arrow readers see the
CSV and Parquet files Arrow opens itself.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import uuid
from collections.abc import Callable, Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from corruption import edit_descriptor, file_of, rehash, resource, set_cell

import talkspkg
from talkspkg.cli import main
from talkspkg.errors import KnowledgeError
from talkspkg.kb import load_knowledge, parse_entities

SENTINEL = f"TALKSPKG-SENTINEL-{uuid.uuid4().hex}"
OPENED: list[str] | None = None  # paths opened while a spy is recording


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if OPENED is not None and event == "open" and isinstance(args[0], str | bytes | os.PathLike):
        OPENED.append(os.fsdecode(args[0]))


sys.addaudithook(_audit)  # cannot be removed; records nothing unless OPENED is a list


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every path opened by Python or by the Arrow readers while the test runs."""
    global OPENED
    seen: list[str] = []

    def spy(real: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(source: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(source, str | os.PathLike):
                seen.append(os.fsdecode(source))
            return real(source, *args, **kwargs)

        return wrapper

    monkeypatch.setattr(pq, "read_table", spy(pq.read_table))
    monkeypatch.setattr(pacsv, "read_csv", spy(pacsv.read_csv))
    OPENED = seen
    try:
        yield seen
    finally:
        OPENED = None


@pytest.fixture
def secret(pkg: Path) -> Path:
    """A folder beside the package holding files that contain the sentinel."""
    folder = pkg.parent / "outside"
    folder.mkdir()
    for name in ("secret.csv", "secret.json", "secret.txt", "secret.parquet"):
        (folder / name).write_text(f'"{SENTINEL}"\n', "utf-8")
    return folder


def point(name: str, key: str, value: str) -> Callable[[Path, Path], None]:
    def apply(pkg: Path, outside: Path) -> None:
        edit_descriptor(pkg, lambda d: resource(d, name).update({key: value}))

    return apply


def absolute(name: str, key: str, file: str) -> Callable[[Path, Path], None]:
    def apply(pkg: Path, outside: Path) -> None:
        point(name, key, str(outside / file))(pkg, outside)

    return apply


def symlink(table: str, fmt: str, file: str) -> Callable[[Path, Path], None]:
    def apply(pkg: Path, outside: Path) -> None:
        target = file_of(pkg, table, fmt)
        target.unlink()
        target.symlink_to(outside / file)

    return apply


def data_folder_symlink(pkg: Path, outside: Path) -> None:
    shutil.copytree(pkg / "data", outside / "data")
    for path in (outside / "data").iterdir():
        path.write_text(f'"{SENTINEL}"\n', "utf-8")
    shutil.rmtree(pkg / "data")
    (pkg / "data").symlink_to(outside / "data", target_is_directory=True)


def raw_path_outside(pkg: Path, outside: Path) -> None:
    set_cell(pkg, "articles", "raw_path", "raw/../../outside/secret.txt")


def raw_symlink(pkg: Path, outside: Path) -> None:
    raw = sorted((pkg / "raw").glob("*.txt"))[0]
    raw.unlink()
    raw.symlink_to(outside / "secret.txt")


def inline_schema_ref(pkg: Path, outside: Path) -> None:
    for name in ("entities", "entities-parquet"):
        edit_descriptor(
            pkg, lambda d, n=name: resource(d, n).update(schema={"$ref": "../outside/secret.json"})
        )


ATTACKS: dict[str, tuple[Callable[[Path, Path], None], str]] = {
    "csv-path-parent": (point("articles", "path", "../outside/secret.csv"), "path-error"),
    "parquet-path-parent": (
        point("mentions-parquet", "path", "../outside/secret.parquet"),
        "path-error",
    ),
    "csv-path-absolute": (absolute("entities", "path", "secret.csv"), "path-error"),
    "csv-path-etc-passwd": (point("entities", "path", "/etc/passwd"), "path-error"),
    "csv-symlink-outside": (symlink("articles", "csv", "secret.csv"), "path-error"),
    "parquet-symlink-outside": (symlink("entities", "parquet", "secret.parquet"), "path-error"),
    "data-folder-symlink-outside": (data_folder_symlink, "path-error"),
    "schema-path-parent": (point("entities", "schema", "../outside/secret.json"), "path-error"),
    "schema-path-absolute": (absolute("mentions", "schema", "secret.json"), "path-error"),
    "schema-inline-ref-outside": (inline_schema_ref, "schema-error"),
    "dialect-path-parent": (
        point("articles", "dialect", "../outside/secret.json"),
        "descriptor-profile-error",
    ),
    "raw-path-outside": (raw_path_outside, "path-error"),
    "raw-symlink-outside": (raw_symlink, "path-error"),
}


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_validate_reports_and_never_opens_a_path_outside_the_package(
    attack: str, pkg: Path, secret: Path, opened: list[str]
) -> None:
    apply, expected = ATTACKS[attack]
    apply(pkg, secret)
    rehash(pkg)  # the attacker makes the descriptor agree with the outside files
    opened.clear()
    result = CliRunner().invoke(main, ["validate", str(pkg), "--json"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert expected in {f["type"] for f in report["findings"]}, report["findings"]
    assert SENTINEL not in result.output
    root = pkg.resolve()
    # the interpreter's, the libraries' and talkspkg's own files (modules imported on first use
    # when this test runs alone) are fine; nothing else outside the package
    own = (sys.prefix, sys.base_prefix, str(Path(talkspkg.__file__).resolve().parent))
    strays = [
        p
        for p in opened
        if not Path(os.path.realpath(p)).is_relative_to(root) and not p.startswith(own)
    ]
    assert strays == []
    assert "/etc/passwd" not in opened


def test_spies_see_the_files_validate_reads(pkg: Path, opened: list[str]) -> None:
    """Without this, an empty `opened` list would prove nothing."""
    result = CliRunner().invoke(main, ["validate", str(pkg)])
    assert result.exit_code == 0, result.output
    seen = {
        Path(p).resolve().relative_to(pkg.resolve()).as_posix() for p in opened if str(pkg) in p
    }
    assert {
        "datapackage.json",
        "data/articles.csv",
        "data/mentions.parquet",
        "schemas/entities.json",
    } <= seen
    assert any(p.startswith("raw/") for p in seen)


# -- YAML knowledge files ----------------------------------------------------------------------
def knowledge_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "knowledge"
    folder.mkdir()
    for item in files("talkspkg").joinpath("knowledge").iterdir():
        if item.is_file():
            (folder / item.name).write_bytes(item.read_bytes())
    return folder


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system",
        "!!python/object/new:os.system",
        "!!python/name:os.system",
    ],
)
@pytest.mark.parametrize("target", ["entities.yaml", "lexicon.yaml"])
def test_knowledge_yaml_with_python_tag_is_refused_and_never_executed(
    tag: str, target: str, tmp_path: Path
) -> None:
    folder = knowledge_copy(tmp_path)
    sentinel = tmp_path / "executed"
    text = (folder / target).read_text("utf-8")
    attack = f'version: {tag} ["touch {sentinel}"]\n'
    (folder / target).write_text(
        attack
        + "\n".join(line for line in text.splitlines() if not line.startswith("version:"))
        + "\n",
        "utf-8",
    )
    with pytest.raises(KnowledgeError, match=r"could not determine a constructor for the tag"):
        load_knowledge(str(folder))
    assert not sentinel.exists()


def test_unmodified_knowledge_copy_loads(tmp_path: Path) -> None:
    """The copy the attacks start from is a valid knowledge base."""
    kb = load_knowledge(str(knowledge_copy(tmp_path)))
    assert kb.entities and kb.version == load_knowledge().version


def test_parse_entities_refuses_objects_that_plain_yaml_cannot_produce() -> None:
    class Payload:
        pass

    with pytest.raises(KnowledgeError, match=r"entity #1: must be a mapping"):
        parse_entities({"version": "1", "entities": [Payload()]}, "knowledge/entities.yaml")
    with pytest.raises(KnowledgeError, match=r"expected a mapping"):
        parse_entities(Payload(), "knowledge/entities.yaml")


def test_validate_reads_each_package_file_once(pkg: Path, opened: list[str]) -> None:
    """Each file is opened once: hashed as it is read, then parsed from the same bytes."""
    result = CliRunner().invoke(main, ["validate", str(pkg)])
    assert result.exit_code == 0, result.output
    inside = [
        Path(p).resolve().relative_to(pkg.resolve()).as_posix() for p in opened if str(pkg) in p
    ]
    declared = {r["path"] for r in json.loads((pkg / "datapackage.json").read_text())["resources"]}
    assert declared <= set(inside)
    twice = sorted({p for p in inside if inside.count(p) > 1})
    assert twice == [], f"opened more than once: {twice}"
