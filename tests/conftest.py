"""Shared fixtures: one package built from raw/ per session, and fresh copies to corrupt."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from talkspkg.build import build_package

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"


def raw_text(name: str) -> str:
    return (RAW / name).read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A package built from the repository's raw/ into a scratch folder (do not modify)."""
    out = tmp_path_factory.mktemp("built")
    build_package(RAW, out)
    return out


@pytest.fixture
def pkg(built: Path, tmp_path: Path) -> Path:
    """A fresh, modifiable copy of the built package."""
    target = tmp_path / "pkg"
    shutil.copytree(built, target)
    return target
