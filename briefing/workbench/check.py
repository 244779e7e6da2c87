"""Live validation: the loader's own problems for the facts as they would be saved.

The facts are written to a private temporary folder with the article text and loaded
with `briefing.load(errors="raise")`, so the analyst reads exactly what
`python -m briefing validate` will say — file, line, fact id and field, and "awaits the
analyst" for a drafter's TODO — with the file named as the facts.yaml Save will write.
"""

from __future__ import annotations

import multiprocessing
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from briefing.load import REGISTRY
from briefing.model import FactError, Problem
from briefing.workbench.store import FACTS, TEXT, dump_facts


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


def reset_pool() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
    _pool = None
