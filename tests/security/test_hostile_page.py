"""In Chromium: the dashboard on hostile fact text runs none of it.

``hostile.ipynb`` serves the dashboard on ``data/script-injection`` (every text field a
payload that would set ``window.__pwned`` or call ``alert``) through the real server. The
page is loaded, every chart point is hovered, the key points' evidence and the network's
nodes are clicked into the detail panel, and the HTML export is opened from disk: no
dialog opens, ``window.__pwned`` stays unset, no element carries an injected event handler
or ``javascript:`` link, and the payloads are on screen as the literal text they are.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.plotly_events import WAIT_MS, click_at, hover_labels

pytestmark = pytest.mark.browser

HERE = Path(__file__).resolve().parent
NOTEBOOK = HERE / "hostile.ipynb"
READY = "body[data-briefing-ready]"

# Where injected markup would show itself: handlers and script links outside our own
# template (its plotly.js <script> carries onload/onerror of its own, by id).
INJECTED_JS = """() => {
  const own = (el) => el.id === 'briefing-plotly';
  const handlers = [...document.querySelectorAll('*')].filter(el => !own(el) &&
      [...el.attributes].some(a => /^on/i.test(a.name)));
  const links = [...document.querySelectorAll('a[href], [href], [src]')].filter(el =>
      /^\\s*javascript:/i.test(el.getAttribute('href') || el.getAttribute('src') || ''));
  const images = [...document.querySelectorAll('.briefing-root img')];
  return {handlers: handlers.map(el => el.outerHTML.slice(0, 120)),
          links: links.map(el => el.outerHTML.slice(0, 120)),
          images: images.length, pwned: window.__pwned === undefined ? null : window.__pwned};
}"""

# [trace, point, customdata as JSON] of every network point a click opens (has customdata).
NETWORK_POINTS_JS = """() => {
  const gd = document.querySelector(
      ".briefing-plotly-view[data-chart-id='network'] .js-plotly-plot");
  const out = [];
  for (const t of gd._fullData) {
    if (t.visible !== true || !Array.isArray(t.customdata)) continue;
    t.customdata.forEach((c, j) => {
      if (Array.isArray(c)) out.push([t.index, j, JSON.stringify(c)]);
    });
  }
  return out;
}"""


@pytest.fixture(scope="module")
def server(hostile_server: Any) -> Any:
    assert hostile_server.notebook == NOTEBOOK
    return hostile_server


class Watched:
    """A page whose dialogs (alert, confirm, prompt) are recorded and dismissed."""

    def __init__(self, context: Any) -> None:
        self.page = context.new_page()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def injected(self) -> dict[str, Any]:
        return self.page.evaluate(INJECTED_JS)


@pytest.fixture(scope="module")
def page(server: Any, browser: Any) -> Any:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    watched = Watched(context)
    watched.page.goto(server.url)
    watched.page.wait_for_selector(READY, state="attached", timeout=WAIT_MS)
    yield watched
    context.close()


def _hover_everything(page: Any) -> list[str]:
    """Plotly's own hover on every hoverable point; the hover labels it drew."""
    labels = hover_labels(page)
    assert labels, "plotly drew no hover label"
    return labels


def test_the_page_draws_and_nothing_ran(page: Watched) -> None:
    found = page.injected()
    assert found == {"handlers": [], "links": [], "images": 0, "pwned": None}, found
    assert not page.dialogs
    # the title and key points are on screen as the literal text they are
    text = page.page.locator(".briefing-root").inner_text()
    assert "<script>window.__pwned='title'</script>" in text
    assert "<img src=x onerror=\"window.__pwned='keypoint'\">" in text


def test_hover_labels_show_payloads_as_text(page: Watched) -> None:
    labels = " ".join(_hover_everything(page.page))
    assert "<img src=x onerror=" in labels or "<script>" in labels, labels[:500]
    assert "%{" in labels  # template syntax shown, not expanded
    assert page.injected()["pwned"] is None and not page.dialogs


def test_detail_panel_shows_payloads_as_text(page: Watched, artifacts_dir: Path) -> None:
    p = page.page
    detail = p.locator(".briefing-detail")
    shown = ""
    for button in p.locator(".briefing-kp-button").all():
        before = detail.inner_text()
        button.click()
        p.wait_for_function("(before) => document.querySelector('.briefing-detail')"
                            ".innerText !== before", arg=before, timeout=WAIT_MS)
        shown += detail.inner_text()
    assert "<script>alert('quote')</script>" in shown
    assert "<img src=x onerror=\"window.__pwned='rationale'\">" in shown
    # plotly's click on each network point (actors and links) opens it in the panel too
    clicked: set[str] = set()
    for _ in range(8):  # the chart redraws after each click: its points are read again
        fresh = [q for q in p.evaluate(NETWORK_POINTS_JS) if q[2] not in clicked]
        if not fresh:
            break
        curve, index, key = fresh[0]
        clicked.add(key)
        before = detail.inner_text()
        click_at(p, "network", curve, index)
        p.wait_for_function("(before) => document.querySelector('.briefing-detail')"
                            ".innerText !== before", arg=before, timeout=WAIT_MS)
    assert len(clicked) >= 3, clicked
    p.screenshot(path=str(artifacts_dir / "hostile-text-page.png"), full_page=True)
    found = page.injected()
    assert found == {"handlers": [], "links": [], "images": 0, "pwned": None}, found
    assert not page.dialogs, page.dialogs


def test_html_export_runs_nothing(page: Watched, browser: Any, tmp_path: Path) -> None:
    p = page.page
    p.locator("button.widget-button", has_text="Export HTML").click()
    link = p.locator("a.briefing-download")
    link.wait_for(timeout=WAIT_MS)
    href = link.get_attribute("href") or ""
    assert href.startswith("data:text/html;base64,")
    exported = tmp_path / "briefing.html"
    exported.write_bytes(base64.b64decode(href.split(",", 1)[1]))
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        opened = Watched(context)
        opened.page.goto(exported.as_uri())
        opened.page.wait_for_function(
            "() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 5",
            timeout=WAIT_MS)
        labels = " ".join(_hover_everything(opened.page))
        assert "<" in labels and "%{" in labels
        title = opened.page.title()
        assert re.search(r"<script>window\.__pwned='title'</script>", title)
        found = opened.injected()
        assert found["pwned"] is None and not found["handlers"] and not found["links"], found
        assert not opened.dialogs
    finally:
        context.close()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    from .conftest import artifacts_dir as where

    path = where() / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path
