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


def test_a_check_queued_behind_a_stuck_one_is_shown_too(monkeypatch, tmp_path: Path):
    # Three checks wait behind a stuck worker: killing it breaks or cancels the later ones'
    # turns, and they are then done here as well (the page shows the latest, never none).
    check.reset_pool()
    monkeypatch.setattr(check, "WAIT_S", 1.0)
    check.pool().submit(time.sleep, 3600)
    text = article_copy(tmp_path).read_text(encoding="utf-8")
    got: dict[str, list] = {}
    both = threading.Event()

    def show_as(name: str):
        def show(found: list) -> None:
            got.setdefault(name, []).append(found)
            if len(got) == 3:
                both.set()
        return show

    check.validate_soon(text, _facts(), tmp_path / "a", show_as("first"))
    monkeypatch.setattr(check, "WAIT_S", 600.0)   # the second's own watchdog comes too late
    check.validate_soon(text, _facts(), tmp_path / "b", show_as("second"))
    check.validate_soon(text, _facts(), tmp_path / "c", show_as("third"))
    assert both.wait(60), got
    assert got == {"first": [[]], "second": [[]], "third": [[]]}, got
    check.reset_pool()
