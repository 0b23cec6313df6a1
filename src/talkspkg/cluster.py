"""The per-article map on a Dask cluster: `talkspkg build --scheduler tcp://HOST:PORT`.

Only the map moves: each batch of articles is one task, `annotate_batch`, run by a worker; the
corpus stages (entity merge, meetings, proposals), writing and validating stay on the client,
which consumes the batches in file-name order exactly as a local build does, so the package is
byte-for-byte the same.

- The client reads every raw file and sends its bytes (and its `sources.yaml` entry) with the
  task: the workers need not share the client's filesystem.
- At most `IN_FLIGHT_PER_THREAD` batches per worker thread are submitted and not yet consumed,
  so the client's memory stays bounded however large the corpus is. Results are awaited in
  submission order: a finished batch waits on its worker, not in the client, until its turn.
- Workers must run the same talkspkg (and Python minor version) as the client: the build
  compares the code fingerprint of every worker with its own and refuses a mismatch, which
  would silently change the output.
- The annotation cache, when enabled, is read and written by the workers at the (absolute)
  cache path: it serves a cluster only when that path is on a filesystem the workers share.

Dask (`distributed`) is imported here only: `pip install 'talkspkg[dask]'`.
"""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import CancelledError
from typing import TYPE_CHECKING, Any

from talkspkg.cache import ArticleCache, fingerprint
from talkspkg.errors import BuildError, RawInputError

if TYPE_CHECKING:
    from talkspkg.pipeline import Batch, WorkItem

IN_FLIGHT_PER_THREAD = 2
WORKER_WAIT = 60.0  # seconds to wait for a first worker to join the scheduler
INSTALL_HINT = "pip install 'talkspkg[dask]'"


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise BuildError(
            f"building on a Dask scheduler needs the distributed package: {INSTALL_HINT}"
        ) from None
    return distributed


def _connect(distributed: Any, address: str) -> Any:
    try:
        client = distributed.Client(address, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise BuildError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT)
    except TimeoutError:
        client.close()
        raise BuildError(
            f"the Dask scheduler at {address} has no worker after {WORKER_WAIT:.0f} s"
        ) from None
    return client


def _check_workers(client: Any, address: str) -> None:
    """Refuse workers that run other code: their rows could differ from a local build's."""
    try:
        theirs = client.run(fingerprint)
    except ImportError as exc:
        raise BuildError(
            f"the workers of {address} cannot import talkspkg ({exc}): install the same "
            "talkspkg on every worker"
        ) from None
    ours = fingerprint()
    others = sorted(worker for worker, value in theirs.items() if value != ours)
    if others:
        raise BuildError(
            f"{len(others)} worker(s) of {address} run another talkspkg or Python version than "
            f"this client ({', '.join(others[:3])}): install the same one everywhere"
        )


def _contents(chunk: Sequence[WorkItem]) -> list[bytes]:
    contents = []
    for path, _, _ in chunk:
        try:
            contents.append(path.read_bytes())
        except OSError as exc:
            raise RawInputError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    return contents


def run_on_cluster(
    chunks: Sequence[Sequence[WorkItem]], address: str, store: ArticleCache | None
) -> Iterator[Batch]:
    """Annotate `chunks` on the workers of the scheduler at `address`, yielding their batches
    in order."""
    distributed = _distributed()
    from talkspkg.pipeline import annotate_batch

    if store is not None:  # the workers' working folder is not the client's
        store = ArticleCache(store.root.resolve(), store.ruleset)
    build = uuid.uuid4().hex[:12]
    with _connect(distributed, address) as client:
        _check_workers(client, address)
        threads = sum(client.nthreads().values())
        window = max(2, IN_FLIGHT_PER_THREAD * threads)
        pending: deque[Any] = deque()
        submitted = 0

        def submit() -> None:
            nonlocal submitted
            chunk = chunks[submitted]
            pending.append(
                client.submit(
                    annotate_batch,
                    chunk,
                    store,
                    _contents(chunk),
                    key=f"talkspkg-batch-{build}-{submitted}",
                    pure=False,
                )
            )
            submitted += 1

        while submitted < len(chunks) and len(pending) < window:
            submit()
        while pending:
            future = pending.popleft()
            try:
                batch = future.result()
            except (distributed.KilledWorker, CancelledError, OSError) as exc:
                # a worker died, or the scheduler went away: not the articles' fault (their
                # own errors, RawInputError, come through unchanged)
                reason = " ".join(str(exc).split())
                raise BuildError(
                    f"the Dask cluster at {address} failed: {type(exc).__name__}: {reason}"
                ) from None
            future.release()
            if submitted < len(chunks):
                submit()
            yield batch
