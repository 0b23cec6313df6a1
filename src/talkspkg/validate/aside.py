"""Running some checks in a second process while the others run here.

Recomputing every article's word count from its raw text is the one check whose cost grows
with the corpus in pure Python (a third of validate's time at 10,000 articles). On a machine
with two cores it runs in a forked child beside the other checks: the child inherits the opened
package (copy on write), reads what it needs itself, and sends back only its findings, which
the report then lists in the usual check order. Where the platform cannot fork safely (fork is
Linux's default start method; macOS and Windows spawn), on one core, or on a small package,
the checks run here in turn, with the same result.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from talkspkg.validate.report import Finding

if TYPE_CHECKING:
    from talkspkg.validate.context import PackageContext

    Check = Callable[[PackageContext], Iterator[Finding]]
    Runner = Callable[[Check, PackageContext], list[Finding]]

# Below this many resources (about as many articles) a fork costs more than it saves.
MIN_RESOURCES = 1000


def worth_aside(ctx: PackageContext, wanted: bool | None) -> bool:
    """Whether to run the aside checks in a second process: `wanted` if given (False, or True
    where the platform can fork), else on Linux with two cores or more for a large package."""
    can = sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
    if wanted is not None or not can:
        return bool(wanted) and can
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) >= 2 and len(ctx.resources()) >= MIN_RESOURCES


def run_aside(
    checks: Sequence[Check], ctx: PackageContext, run: Runner
) -> Callable[[], dict[str, list[Finding]]]:
    """Start `checks` in a forked child; the returned function waits for their findings (by
    check name). A child that dies is reported as a check-error of each of its checks."""
    fork = multiprocessing.get_context("fork")
    receive, send = fork.Pipe(duplex=False)

    def work() -> None:
        send.send({check.__name__: run(check, ctx) for check in checks})
        send.close()

    child = fork.Process(target=work, name="talkspkg-validate-aside", daemon=True)
    child.start()
    send.close()

    def wait() -> dict[str, list[Finding]]:
        try:
            found: dict[str, list[Finding]] = receive.recv()
        except EOFError:
            died = "could not run: its process died"
            found = {
                c.__name__: [Finding("check-error", f"check {c.__name__} {died}")] for c in checks
            }
        finally:
            receive.close()
            child.join()
        return found

    return wait
