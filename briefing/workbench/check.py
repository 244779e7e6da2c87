"""Live validation: the loader's own problems for the facts as they would be saved.

The facts are written to a private temporary folder with the article text and loaded
with `briefing.load(errors="raise")`, so the analyst reads exactly what
`python -m briefing validate` will say — file, line, fact id and field, and "awaits the
analyst" for a drafter's TODO — with the file named as the facts.yaml Save will write.
"""

from __future__ import annotations

import logging
import multiprocessing
import shutil
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from briefing.load import REGISTRY
from briefing.model import FactError, Problem
from briefing.workbench.store import FACTS, TEXT, dump_facts

log = logging.getLogger(__name__)


def validate(text: str, facts: dict[str, Any], *, target: Path) -> list[Problem]:
    """Every problem the loader finds in `facts` (as Save would write them to `target`)."""
    from briefing.load import load

    with tempfile.TemporaryDirectory(prefix="briefing-review-") as tmp:
        folder = Path(tmp) / (target.name or "article")
        folder.mkdir()
        (folder / TEXT).write_text(text, encoding="utf-8", newline="")
        (folder / FACTS).write_text(dump_facts(facts), encoding="utf-8", newline="")
        # The shared entities the article names may be declared in the registry beside it.
        registry = target.parent / REGISTRY
        if registry.is_file():
            shutil.copyfile(registry, Path(tmp) / REGISTRY)
        try:
            load(folder, errors="raise", cache=False)
        except FactError as e:
            return [_relocate(p, folder, target) for p in e.problems]
        except Exception as e:  # noqa: BLE001 - a loader bug must not break the workbench
            return [Problem(str(target / FACTS), "", "",
                            f"the loader failed: {type(e).__name__}: {e}")]
    return []


def _relocate(p: Problem, tmp: Path, target: Path) -> Problem:
    def real(text: str) -> str:
        return text.replace(str(tmp), str(target)).replace(
            str(tmp.parent / REGISTRY), str(target.parent / REGISTRY))
    return Problem(real(p.file), p.fact_id, p.field, real(p.message), p.line)


_pool: ProcessPoolExecutor | None = None


def pool() -> ProcessPoolExecutor:
    """One worker process per kernel for live validation, started on first use.

    `spawn`, not fork: the kernel has threads (its message loop) that a fork would copy
    in whatever state they are in.
    """
    global _pool
    if _pool is None:
        _pool = ProcessPoolExecutor(max_workers=1,
                                    mp_context=multiprocessing.get_context("spawn"))
    return _pool


def reset_pool(which: ProcessPoolExecutor | None = None) -> None:
    """Drop the worker (only if it is `which`, when given): a broken or stuck one is
    killed, and the next use starts anew."""
    global _pool
    if which is not None and _pool is not which:
        return   # (already replaced: the new one is not at fault)
    if _pool is not None:
        stuck = list((getattr(_pool, "_processes", None) or {}).values())
        _pool.shutdown(wait=False, cancel_futures=True)
        for process in stuck:   # (shutdown alone leaves a hung worker running)
            if process.is_alive():
                process.kill()
    _pool = None


# A check takes well under a second; a worker silent this long is stuck (its first start,
# under load, takes a few seconds), and the check is done in the calling process instead.
WAIT_S = 30.0


def validate_soon(text: str, facts: dict[str, Any], target: Path,
                  show: Callable[[list[Problem]], None]) -> None:
    """Validate in the worker process and `show` the problems; if the worker fails or
    stays silent WAIT_S, a fresh one is started next time and this check is done here,
    so the page never waits on "Checking with the loader…" for good."""
    shown = threading.Lock()
    worker: ProcessPoolExecutor | None = None

    def here() -> None:
        if shown.acquire(blocking=False):   # (once: a later failure of this check is moot)
            reset_pool(worker)   # (a no-op once that worker was replaced)
            show(validate(text, facts, target=target))

    try:
        worker = pool()
        future = worker.submit(validate, text, facts, target=target)
    except Exception:  # noqa: BLE001 - no worker (a broken pool): validate here
        log.exception("workbench: validation worker unavailable")
        here()
        return

    def done(f: Any) -> None:
        watchdog.cancel()
        if f.cancelled():   # its turn dropped with a stuck worker: done here
            here()
            return
        try:
            found = f.result()
        except Exception:  # noqa: BLE001 - logged; validated here instead
            log.exception("workbench: validation failed")
            here()
            return
        if shown.acquire(blocking=False):
            show(found)

    def overdue() -> None:
        if not future.done():
            log.warning("workbench: validation worker silent for %s s", WAIT_S)
            here()

    watchdog = threading.Timer(WAIT_S, overdue)
    watchdog.daemon = True
    watchdog.start()
    future.add_done_callback(done)
