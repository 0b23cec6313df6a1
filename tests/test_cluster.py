"""The Dask path (talkspkg.cluster): the per-article map on the workers of a scheduler, the
corpus stages on the client, and a package byte-for-byte the same as a local build's."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import RAW, ROOT

from talkspkg.build import BuildOptions, build_package
from talkspkg.cache import fingerprint
from talkspkg.cli import main
from talkspkg.errors import BuildError, RawInputError

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a 2-worker cluster on loopback (one thread per worker process)."""
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        yield cluster.scheduler_address


def files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def assert_same_bytes(one: Path, other: Path) -> None:
    assert files(one) == files(other)
    different = [f for f in files(one) if not filecmp.cmp(one / f, other / f, shallow=False)]
    assert different == []


def test_the_seeds_built_on_a_cluster_are_byte_identical_to_a_local_build(
    scheduler: str, built: Path, tmp_path: Path
) -> None:
    build_package(RAW, tmp_path / "pkg", BuildOptions(scheduler=scheduler))
    assert_same_bytes(tmp_path / "pkg", built)


@pytest.mark.parametrize("n", [200, pytest.param(1000, marks=pytest.mark.slow)])
def test_a_synthetic_corpus_built_on_a_cluster_is_byte_identical_to_a_local_build(
    scheduler: str, tmp_path: Path, n: int
) -> None:
    raw = tmp_path / "raw"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "corpus.py"), str(n), str(raw)], check=True
    )
    build_package(raw, tmp_path / "local", BuildOptions(jobs=2, validate=False))
    build_package(raw, tmp_path / "dask", BuildOptions(scheduler=scheduler, validate=False))
    assert len(list((tmp_path / "dask" / "raw").glob("*.txt"))) == n
    assert_same_bytes(tmp_path / "dask", tmp_path / "local")


def test_the_workers_fill_the_cache_that_a_local_build_then_reads(
    scheduler: str, built: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    options = BuildOptions(scheduler=scheduler, cache_dir=cache, validate=False)
    build_package(RAW, tmp_path / "cold", options)
    assert len(list((cache / fingerprint()).glob("*.pickle"))) == 5
    build_package(RAW, tmp_path / "warm", options)
    build_package(RAW, tmp_path / "local", BuildOptions(cache_dir=cache, validate=False))
    for name in ("cold", "warm", "local"):
        assert_same_bytes(tmp_path / name, built)


def test_a_bad_article_fails_the_cluster_build_as_it_fails_a_local_one(
    scheduler: str, tmp_path: Path
) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "zz-broken.txt").write_bytes(b"Headline\n\nA caf\xe9 in Kyiv.\n")
    with pytest.raises(RawInputError) as local:
        build_package(raw, tmp_path / "local")
    with pytest.raises(RawInputError) as remote:
        build_package(raw, tmp_path / "dask", BuildOptions(scheduler=scheduler))
    assert str(remote.value) == str(local.value)
    assert "not valid UTF-8 at byte 15 (line 3)" in str(remote.value)
    assert not (tmp_path / "dask").exists()


def test_the_cli_builds_on_the_scheduler_it_is_given(
    scheduler: str, built: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pkg"
    args = ["build", "--raw", str(RAW), "--out", str(out), "--no-cache"]
    result = CliRunner().invoke(main, [*args, "--scheduler", scheduler])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Built {out / 'datapackage.json'}: articles 5, ")
    assert_same_bytes(out, built)
    check = CliRunner().invoke(main, [*args, "--check", "--scheduler", scheduler])
    assert (check.exit_code, check.output) == (0, f"Package in {out} is up to date.\n")


def test_without_dask_the_build_names_the_extra_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` fails
    with pytest.raises(BuildError, match=r"pip install 'talkspkg\[dask\]'"):
        build_package(RAW, tmp_path / "pkg", BuildOptions(scheduler="tcp://127.0.0.1:1"))
    assert not (tmp_path / "pkg").exists()
    args = ["build", "--raw", str(RAW), "--out", str(tmp_path / "pkg"), "--no-cache"]
    result = CliRunner().invoke(main, [*args, "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2
    assert result.output == (
        "Error: building on a Dask scheduler needs the distributed package: "
        "pip install 'talkspkg[dask]'\n"
    )


def test_an_unreachable_scheduler_is_a_build_error(tmp_path: Path) -> None:
    import dask

    with (
        dask.config.set({"distributed.comm.timeouts.connect": "2s"}),
        pytest.raises(BuildError, match=r"cannot reach the Dask scheduler at tcp://127"),
    ):
        build_package(RAW, tmp_path / "pkg", BuildOptions(scheduler="tcp://127.0.0.1:1"))
    assert not (tmp_path / "pkg").exists()


def test_workers_running_other_code_are_refused() -> None:
    from talkspkg.cluster import _check_workers

    class Client:
        def run(self, function: object) -> dict[str, str]:
            return {"tcp://10.0.0.2:4000": fingerprint(), "tcp://10.0.0.3:4000": "0" * 64}

    with pytest.raises(BuildError, match=r"1 worker\(s\) of tcp://s:1 run another talkspkg"):
        _check_workers(Client(), "tcp://s:1")
