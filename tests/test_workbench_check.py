"""Live validation never waits on a stuck worker for good: after `check.WAIT_S` the check
is done in the calling process and the stuck worker is killed (real processes)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import yaml

from briefing.workbench import check
from tests.workbench_draft import RURITANIA, article_copy


def _facts() -> dict:
    return yaml.safe_load((RURITANIA / "facts.yaml").read_text(encoding="utf-8"))


def test_a_stuck_worker_is_killed_and_the_check_done_here(monkeypatch, tmp_path: Path):
    check.reset_pool()
    monkeypatch.setattr(check, "WAIT_S", 1.0)
    # the one worker is busy for good: the check queues behind it
    busy = check.pool().submit(time.sleep, 3600)
    worker = next(iter(check.pool()._processes.values()))
    text = article_copy(tmp_path).read_text(encoding="utf-8")
    facts = _facts()
    got: list[list] = []
    seen = threading.Event()

    def show(found: list) -> None:
        got.append(found)
        seen.set()

    check.validate_soon(text, facts, tmp_path / "out", show)
    assert seen.wait(60), "no check shown"
    assert got == [[]], got   # the loader's verdict (the coded article is valid), once
    worker.join(30)
    assert not worker.is_alive(), "the stuck worker was left running"
    assert busy.done()
    check.reset_pool()


def test_a_check_in_a_working_worker_is_shown_once(tmp_path: Path):
    check.reset_pool()
    text = article_copy(tmp_path).read_text(encoding="utf-8")
    got: list[list] = []
    seen = threading.Event()
    check.validate_soon(text, _facts(), tmp_path / "o",
                        lambda found: (got.append(found), seen.set()))
    assert seen.wait(120)
    assert got == [[]], got
    check.reset_pool()
