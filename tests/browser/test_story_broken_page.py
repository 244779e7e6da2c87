"""The served page when one article of the story is broken (``tests/data/story-broken``):
not blank, the valid articles all there, and the viewer told in words which article was
left out and which command lists its problems. Its own module: one server per module.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import briefing
from tests.browser.plotly_events import WAIT_MS, look_at_every_chart
from tests.browser.test_dashboard import READY
from tests.browser.test_story_page import NOTEBOOK, serve

pytestmark = pytest.mark.browser

BROKEN = Path(__file__).resolve().parent.parent / "data" / "story-broken"
LEFT_OUT = "2025-12-lome-talks"


@pytest.fixture(scope="module")
def voila_server(artifacts: Path) -> Any:
    return serve(BROKEN, artifacts)


def test_the_page_says_which_article_was_left_out(voila_server: Any, open_page: Any,
                                                  artifacts: Path) -> None:
    assert NOTEBOOK.name == "briefing.ipynb"
    facts = briefing.load(BROKEN, errors="skip")
    rec = open_page(voila_server.url, viewport={"width": 1366, "height": 900})
    page = rec.page
    page.wait_for_selector(READY, state="attached", timeout=WAIT_MS)
    page.screenshot(path=str(artifacts / "story-broken-1366.png"))
    # Not blank: every chart drawn (as the reader comes to it), every valid article's key
    # points shown.
    look_at_every_chart(page)
    assert page.locator(".briefing-plotly-view .main-svg").count() >= 6
    assert page.locator(".briefing-plotly-error").count() == 0
    assert page.locator(".briefing-kp").count() == len(facts.key_points) == 8
    assert page.locator(".briefing-kp-article").count() == 3
    # In words: which article, and the command that lists the problems.
    notice = " ".join(page.locator(".briefing-left-out").inner_text().split())
    assert "1 article left out" in notice
    assert LEFT_OUT in notice
    assert "python -m briefing validate" in notice
    assert "Togo joins talks" not in page.locator(".briefing-title").inner_text()
    assert "Traceback" not in page.content()
