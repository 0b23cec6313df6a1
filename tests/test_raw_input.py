"""Bad raw input for `talkspkg build`: a one-line error naming the file, or a documented behaviour.

Documented behaviours (see `talkspkg.raw`):
- the text is the file decoded as strict UTF-8 exactly as stored: a BOM stays as U+FEFF at
  offset 0, CRLF stays CRLF, and every offset indexes that decoded text;
- only `*.txt` files directly inside the raw folder are articles; hidden files, sub-folders and
  any other file (notes, images) are ignored and not copied into the package;
- a refused build leaves the package already in the out folder byte for byte as it was, even
  when the build process is killed part-way.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from conftest import RAW

from talkspkg.cli import main
from talkspkg.raw import ignored_files

SEED = "xinhua-london-talks-significant-progress.txt"
SEED_ID = "xinhua-london-talks-significant-progress"
TMP_PREFIX = ".talkspkg-tmp-"


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.fixture
def previous(built: Path, tmp_path: Path) -> Path:
    """An out folder already holding a valid package, which a refused build must not touch."""
    out = tmp_path / "out"
    shutil.copytree(built, out)
    return out


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    """A raw folder with one good seed article."""
    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copyfile(RAW / SEED, folder / SEED)
    return folder


def build(raw_dir: Path, out: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        main, ["build", "--raw", str(raw_dir), "--out", str(out), "-j", "1"]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def assert_refused(raw_dir: Path, out: Path, message: str) -> None:
    """Exit 2 (input error) with exactly `Error: <message>` on one line; the previous package
    is untouched."""
    before = snapshot(out)
    code, stdout, stderr = build(raw_dir, out)
    assert (code, stdout, stderr) == (2, "", f"Error: {message}\n")
    assert "\n" not in message
    assert snapshot(out) == before


def table(out: Path, name: str) -> list[dict[str, Any]]:
    return pq.read_table(out / "data" / f"{name}.parquet").to_pylist()


def assert_spans_exact(out: Path, article_id: str) -> list[dict[str, Any]]:
    """Every mention of the article slices its raw file, decoded as stored, to its text."""
    article = next(a for a in table(out, "articles") if a["article_id"] == article_id)
    text = (out / str(article["raw_path"])).read_bytes().decode("utf-8")
    assert article["char_count"] == len(text)
    found = [m for m in table(out, "mentions") if m["article_id"] == article_id]
    assert found
    for m in found:
        assert text[m["start"] : m["end"]] == m["text"]
    return found


# -- refused files ---------------------------------------------------------------------------
def test_file_that_is_not_utf8_is_refused_with_its_byte_offset(raw: Path, previous: Path) -> None:
    bad = raw / "kyiv-brief.txt"
    bad.write_bytes(b"KYIV, April 23\nOfficials met on Wednesday.\nThe caf\xe9 was shut.\n")
    assert_refused(
        raw, previous, f"{bad}: not valid UTF-8 at byte 50 (line 3): invalid continuation byte"
    )


def test_latin1_byte_at_start_of_line_is_reported_with_its_line(raw: Path, previous: Path) -> None:
    bad = raw / "paris-brief.txt"
    bad.write_bytes(b"PARIS\n\xabNo comment\xbb, the envoy said.\n")
    assert_refused(raw, previous, f"{bad}: not valid UTF-8 at byte 6 (line 2): invalid start byte")


def test_truncated_multibyte_character_at_end_is_refused(raw: Path, previous: Path) -> None:
    bad = raw / "cut.txt"
    bad.write_bytes("Talks resumed in Kyiv \u2014".encode()[:-1])
    assert_refused(
        raw, previous, f"{bad}: not valid UTF-8 at byte 22 (line 1): unexpected end of data"
    )


def test_empty_file_is_refused(raw: Path, previous: Path) -> None:
    (raw / "empty.txt").write_bytes(b"")
    assert_refused(raw, previous, f"{raw / 'empty.txt'}: empty article (the file has no text)")


def test_whitespace_only_file_is_refused_as_empty(raw: Path, previous: Path) -> None:
    (raw / "blank.txt").write_bytes(b" \r\n\t\n")
    assert_refused(raw, previous, f"{raw / 'blank.txt'}: empty article (the file has no text)")


def test_binary_file_is_refused_at_its_first_nul_byte(raw: Path, previous: Path) -> None:
    (raw / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    assert_refused(raw, previous, f"{raw / 'photo.txt'}: NUL byte at byte 8: not a text file")


def test_two_files_with_the_same_article_id_are_refused(raw: Path, previous: Path) -> None:
    (raw / "Geneva Talks.txt").write_text("GENEVA\nDelegations met.\n", "utf-8")
    (raw / "geneva-talks.txt").write_text("GENEVA\nDelegations met again.\n", "utf-8")
    assert_refused(
        raw,
        previous,
        f"{raw / 'geneva-talks.txt'}: article id 'geneva-talks' already taken by "
        "Geneva Talks.txt; rename one of the files",
    )


def test_file_name_without_letters_or_digits_is_refused(raw: Path, previous: Path) -> None:
    (raw / "---.txt").write_text("ANKARA\nTalks.\n", "utf-8")
    assert_refused(raw, previous, f"{raw / '---.txt'}: file name yields an empty article id")


def test_missing_raw_folder_is_refused(tmp_path: Path, previous: Path) -> None:
    missing = tmp_path / "nowhere"
    assert_refused(missing, previous, f"{missing}: raw folder not found")


def test_raw_folder_without_articles_is_refused(tmp_path: Path, previous: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "readme.md").write_text("# notes\n", "utf-8")
    assert_refused(folder, previous, f"{folder}: no .txt articles found")


# -- sources.yaml ----------------------------------------------------------------------------
def test_sources_entry_with_unknown_field_is_refused(raw: Path, previous: Path) -> None:
    (raw / "sources.yaml").write_text(f"{SEED}:\n  outlet: Xinhua\n  colour: red\n", "utf-8")
    assert_refused(
        raw,
        previous,
        f"{raw / 'sources.yaml'}: entry {SEED!r} has unknown field(s) colour; allowed: language, "
        "licence, note, origin, outlet, published_date, retrieved, url",
    )


def test_sources_that_is_not_yaml_is_refused_on_one_line(raw: Path, previous: Path) -> None:
    (raw / "sources.yaml").write_text(f"{SEED}:\n  outlet: [Xinhua\n", "utf-8")
    assert_refused(
        raw,
        previous,
        f"{raw / 'sources.yaml'}: not valid YAML at line 3, column 1: "
        "expected ',' or ']', but got '<stream end>'",
    )


def test_sources_with_python_tag_is_refused_and_never_executed(
    raw: Path, previous: Path, tmp_path: Path
) -> None:
    sentinel = tmp_path / "executed"
    (raw / "sources.yaml").write_text(
        f'{SEED}: !!python/object/apply:os.system ["touch {sentinel}"]\n', "utf-8"
    )
    assert_refused(
        raw,
        previous,
        f"{raw / 'sources.yaml'}: not valid YAML at line 1, column {len(SEED) + 3}: could not "
        "determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'",
    )
    assert not sentinel.exists()


def test_sources_entry_naming_no_article_is_refused(raw: Path, previous: Path) -> None:
    (raw / "sources.yaml").write_text("ghost.txt:\n  outlet: Nobody\n", "utf-8")
    assert_refused(
        raw, previous, f"{raw / 'sources.yaml'}: entry 'ghost.txt' names no .txt file in {raw}"
    )


def test_sources_that_is_not_utf8_is_refused(raw: Path, previous: Path) -> None:
    (raw / "sources.yaml").write_bytes(f"{SEED}:\n  outlet: Agence\xa0".encode() + b"\xff\n")
    assert_refused(
        raw,
        previous,
        f"{raw / 'sources.yaml'}: not valid UTF-8 at byte {len(SEED) + 20}: invalid start byte",
    )


# -- accepted input, documented behaviour ------------------------------------------------------
def reference_mentions(built: Path) -> list[dict[str, Any]]:
    return sorted(
        (m for m in table(built, "mentions") if m["article_id"] == SEED_ID),
        key=lambda m: (m["start"], m["end"]),
    )


def test_bom_stays_at_offset_zero_and_shifts_every_offset_by_one(
    built: Path, raw: Path, tmp_path: Path
) -> None:
    data = b"\xef\xbb\xbf" + (RAW / SEED).read_bytes()
    (raw / SEED).write_bytes(data)
    out = tmp_path / "bom"
    assert build(raw, out)[0] == 0
    assert (out / "raw" / SEED).read_bytes() == data
    found = sorted(assert_spans_exact(out, SEED_ID), key=lambda m: (m["start"], m["end"]))
    expected = reference_mentions(built)
    assert [(m["start"], m["end"], m["text"]) for m in found] == [
        (m["start"] + 1, m["end"] + 1, m["text"]) for m in expected
    ]


def test_windows_line_endings_build_with_offsets_into_the_crlf_text(
    built: Path, raw: Path, tmp_path: Path
) -> None:
    lf = (RAW / SEED).read_bytes().decode("utf-8")
    (raw / SEED).write_bytes(lf.replace("\n", "\r\n").encode("utf-8"))
    out = tmp_path / "crlf"
    assert build(raw, out)[0] == 0
    found = sorted(assert_spans_exact(out, SEED_ID), key=lambda m: (m["start"], m["end"]))
    # Each offset moves right by one per line break before it: the CR stays in the text.
    shifted = [
        (
            m["start"] + lf.count("\n", 0, m["start"]),
            m["end"] + lf.count("\n", 0, m["end"]),
            m["text"],
        )
        for m in reference_mentions(built)
    ]
    assert [(m["start"], m["end"], m["text"]) for m in found] == shifted


def test_files_other_than_txt_are_ignored_and_not_copied(raw: Path, tmp_path: Path) -> None:
    (raw / "notes.md").write_text("# editor's notes\n", "utf-8")
    (raw / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    (raw / "ARCHIVE.TXT").write_text("not an article: the suffix is case-sensitive\n", "utf-8")
    (raw / ".draft.txt").write_text("hidden draft\n", "utf-8")
    (raw / "folder.txt").mkdir()
    assert ignored_files(raw) == ["ARCHIVE.TXT", "notes.md", "photo.jpg"]
    out = tmp_path / "out"
    code, stdout, _ = build(raw, out)
    assert code == 0, stdout
    assert sorted(p.name for p in (out / "raw").iterdir()) == [SEED]
    assert [a["article_id"] for a in table(out, "articles")] == [SEED_ID]


def test_a_stray_file_in_the_packages_own_raw_folder_is_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    """A package lists every file it holds (validate's closed-package rule): a file in its own
    raw/ that is no article, sources.yaml or package.yaml is refused, not silently published."""
    pkg = tmp_path / "pkg"
    (pkg / "raw").mkdir(parents=True)
    shutil.copyfile(RAW / SEED, pkg / "raw" / SEED)
    (pkg / "raw" / "notes.md").write_text("# editor's notes\n", "utf-8")
    (pkg / "raw" / ".DS_Store").write_bytes(b"\0")
    code, stdout, stderr = build(pkg / "raw", pkg)
    assert (code, stdout) == (2, "")
    assert "2 file(s) that are not articles" in stderr and ".DS_Store, notes.md" in stderr
    assert sorted(p.name for p in pkg.iterdir()) == ["raw"]
    (pkg / "raw" / "notes.md").unlink()
    (pkg / "raw" / ".DS_Store").unlink()
    code, stdout, _ = build(pkg / "raw", pkg)
    assert code == 0, stdout


def test_other_files_in_a_raw_folder_outside_the_package_are_ignored(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copyfile(RAW / SEED, raw / SEED)
    (raw / "notes.md").write_text("# editor's notes\n", "utf-8")
    code, stdout, _ = build(raw, tmp_path / "pkg")
    assert code == 0, stdout
    assert not (tmp_path / "pkg" / "raw" / "notes.md").exists()


def ten_megabytes() -> str:
    """A seed article whose body paragraphs repeat until the file passes 10 MB."""
    lines = (
        (RAW / "reuters-london-talks-downgraded-after-rubio-cancels.txt")
        .read_text("utf-8")
        .split("\n")
    )
    head, body, tail = lines[:2], "\n".join(lines[2:-1]) + "\n", lines[-1]
    repeats = 10_000_000 // len(body.encode("utf-8")) + 1
    return "\n".join(head) + "\n" + body * repeats + tail


# Measured: 143 s and 640 MB peak RSS on a 2-core machine (every stage annotates ~50,000
# sentences); the bound only stops a regression from hanging CI.
TEN_MB_SECONDS = 900


@pytest.mark.slow
def test_ten_megabyte_article_builds_with_exact_offsets(tmp_path: Path) -> None:
    folder = tmp_path / "raw"
    folder.mkdir()
    text = ten_megabytes()
    (folder / "long-read.txt").write_text(text, "utf-8")
    assert len(text.encode("utf-8")) > 10_000_000
    out = tmp_path / "out"
    command = [*talkspkg_command(), "build", "--raw", str(folder), "--out", str(out), "-j", "1"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=TEN_MB_SECONDS)
    assert done.returncode == 0, done.stderr
    found = assert_spans_exact(out, "long-read")
    assert len(found) > 100_000


# -- a build killed part-way ---------------------------------------------------------------
def talkspkg_command() -> list[str]:
    script = Path(sys.executable).with_name("talkspkg")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "from talkspkg.cli import main; main()"]


def test_build_killed_part_way_leaves_previous_package_intact(
    previous: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "raw"
    shutil.copytree(RAW, folder)
    long_read = ten_megabytes()[:2_000_000]
    (folder / "long-read.txt").write_text(long_read[: long_read.rfind("\n")], "utf-8")
    before = snapshot(previous)
    proc = subprocess.Popen(
        [*talkspkg_command(), "build", "--raw", str(folder), "--out", str(previous)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: annotation workers die with it
    )
    try:
        deadline = time.monotonic() + 60
        while not list(previous.glob(f"{TMP_PREFIX}*")) and time.monotonic() < deadline:
            assert proc.poll() is None, "the build ended before it could be killed"
            time.sleep(0.01)
        time.sleep(0.5)
        assert proc.poll() is None, "the build ended before it could be killed"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    after = snapshot(previous)
    # A killed process cannot clean up: its staging folder stays, hidden, beside the package.
    leftovers = {k for k in after if re.match(re.escape(TMP_PREFIX), k)}
    assert {k: v for k, v in after.items() if k not in leftovers} == before
    result = CliRunner().invoke(main, ["validate", str(previous)])
    assert result.exit_code == 0, result.output
