"""Per-article annotation is a function of the article alone: not of the process that runs it
(its hash seed, its memory layout, what it annotated before). A cluster worker, a forked
process and the build's own process must all give the same rows."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

import talkspkg
from talkspkg.kb import load_knowledge
from talkspkg.pipeline import annotate_cached
from talkspkg.raw import plan_raw, read_article

STAGES = ROOT / "src" / "talkspkg" / "stages"
SOURCES = str(Path(talkspkg.__file__).resolve().parents[1])
# leads.py knows compiled patterns by id() and keeps every one it knows alive
KEEPS_ITS_KEYS = {"leads.py"}

ANNOTATE = """
import pickle, sys
from pathlib import Path
from talkspkg.kb import load_knowledge
from talkspkg.pipeline import annotate_cached
from talkspkg.raw import plan_raw, read_article
kb = load_knowledge()
out = [annotate_cached(read_article(p, a), {}, kb, None) for p, a in plan_raw(Path(sys.argv[1]))]
sys.stdout.buffer.write(pickle.dumps(out))
"""


def test_no_stage_keys_a_map_by_the_id_of_a_short_lived_object() -> None:
    """`d[id(x)]` outlives `x`: once `x` is freed, a new object can get its id and silently
    inherit its entry, depending on the process's memory layout (this gave one meeting an
    `after` date it never had, on a cluster worker only). Key such maps by the object itself
    (the stages' frames, encounters, reports and clusters hash by identity)."""
    offenders = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in sorted(STAGES.rglob("*.py"))
        if path.name not in KEEPS_ITS_KEYS
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if re.search(r"(?<![\w.])id\(", line)
    ]
    assert offenders == []


@pytest.mark.slow
def test_annotation_in_a_fresh_process_with_another_hash_seed_is_the_same(tmp_path: Path) -> None:
    """300 synthetic articles annotated here, in a process that has run many tests, and in a
    new interpreter with another hash seed: the same rows, meetings, evidence and entities."""
    raw = tmp_path / "raw"
    subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), "300", str(raw)], check=True)
    kb = load_knowledge()
    here = [annotate_cached(read_article(p, a), {}, kb, None) for p, a in plan_raw(raw)]
    there = pickle.loads(
        subprocess.run(
            [sys.executable, "-c", ANNOTATE, str(raw)],
            check=True,
            capture_output=True,
            # the same sources as this process (a worktree's, not the installed copy's)
            env={"PYTHONHASHSEED": "12345", "PATH": "", "PYTHONPATH": SOURCES},
        ).stdout
    )
    assert len(there) == len(here) == 300
    differ = [i for i, (a, b) in enumerate(zip(here, there, strict=True)) if a != b]
    assert differ == []
