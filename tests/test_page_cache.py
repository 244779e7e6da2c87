"""`briefing.page()`: the page plan is stored in the page cache and read back by the next
kernel, which then holds no frames until something needs them; a changed fact file, or
the cache turned off, builds the page from the facts again."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import briefing
from briefing.dashboard import Dashboard
from tests.tiny import FIXTURES


@pytest.fixture()
def base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEFING_CACHE", str(tmp_path / "cache"))
    return Path(shutil.copytree(FIXTURES, tmp_path / "base"))


def _shown(dash: Dashboard) -> tuple:
    return (dash.status.value, dash.article.value, dash.live.meta["charts"][0]["figure"],
            [v.figure for v in dash.views.values()], [w.value for w in dash.header.children
                                                      if hasattr(w, "value")])


def test_the_second_page_comes_from_the_cache_without_frames(base: Path) -> None:
    first = briefing.page(base)
    assert first._b is not None  # built from the facts, and its plan stored
    second = briefing.page(base)
    assert second._b is None  # read back: no frames held
    assert _shown(second) == _shown(first)
    assert second.live.meta["page_key"] != first.live.meta["page_key"]
    # the frames are read when asked for, and are the same facts
    assert len(second.facts.events) == len(first.facts.events) > 0
    assert len(second.frames().events) == len(first.frames().events)
    # ... and a page from the cache is the page `Dashboard` builds from the facts
    assert _shown(Dashboard(second.facts))[0] == _shown(second)[0]


def test_a_changed_fact_file_builds_the_page_again(base: Path) -> None:
    briefing.page(base)
    facts = next(base.rglob("facts.yaml"))
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text + "\n", encoding="utf-8")
    stat = facts.stat()
    os.utime(facts, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    again = briefing.page(base)
    assert again._b is not None  # the stamp changed: built from the facts


def test_with_the_cache_off_every_page_is_built_from_the_facts(base: Path,
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    monkeypatch.setenv("BRIEFING_CACHE", "off")
    assert briefing.page(base)._b is not None
    assert briefing.page(base)._b is not None


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(briefing.FactError, match="no such file or folder"):
        briefing.page(tmp_path / "nowhere")
