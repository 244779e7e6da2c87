"""The page reads cleanly (issue 13, deliverable 5), checked on the DOM of the real page:
no tall empty Details box before the first click, filter lists that take plain clicks,
visible keyboard focus, one column on a 390×844 phone. Screenshots at 1366×768,
1920×1080 and 390×844 land in the artifacts folder for a person to look at."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.plotly_events import WAIT_MS, look_at, wait_resized

pytestmark = pytest.mark.browser

VOILA_NOTEBOOK = Path(__file__).resolve().parent.parent.parent / "briefing.ipynb"
READY = "body[data-briefing-ready]"


def open_ready(open_page: Any, url: str, width: int, height: int) -> Any:
    rec = open_page(url, viewport={"width": width, "height": height})
    rec.page.wait_for_selector(READY, state="attached", timeout=WAIT_MS)
    return rec


def control(page: Any, label: str) -> Any:
    box = page.locator(".widget-inline-hbox").filter(
        has=page.locator("label.widget-label", has_text=re.compile(rf"^{re.escape(label)}$")))
    return box.locator("select")


def box_of(page: Any, selector: str) -> dict[str, float]:
    return page.locator(selector).first.evaluate(
        "e => { const r = e.getBoundingClientRect();"
        " return {x: r.x, y: r.y, w: r.width, h: r.height}; }")


def test_details_box_is_short_before_the_first_click(voila_server: Any, open_page: Any) -> None:
    page = open_ready(open_page, voila_server.url, 1366, 768).page
    details = box_of(page, ".briefing-card:has(.briefing-detail)")
    network = box_of(page, "[data-chart-id='network']")
    assert network["h"] > 400
    assert details["h"] < 0.5 * network["h"], (details, network)
    # once it shows facts, the card runs beside the network again
    page.get_by_role("button", name="evidence").first.click()
    page.wait_for_selector(".briefing-detail .briefing-fact", timeout=WAIT_MS)
    page.wait_for_function(
        "() => !document.querySelector('.briefing-detail-empty')", timeout=WAIT_MS)
    grown = box_of(page, ".briefing-card:has(.briefing-detail)")
    assert grown["h"] > details["h"]


def test_filter_lists_take_plain_clicks(voila_server: Any, open_page: Any) -> None:
    page = open_ready(open_page, voila_server.url, 1366, 768).page
    status = control(page, "Status")
    options = status.locator("option")
    assert options.count() >= 2
    for i in (0, 1):  # two plain clicks, no Ctrl: both stay picked
        options.nth(i).click()
    picked = status.evaluate("s => [...s.selectedOptions].map(o => o.value)")
    assert len(picked) == 2, picked
    page.wait_for_function(
        "n => /status: [^—]*,/.test(document.querySelector('.briefing-status').textContent)",
        arg=2, timeout=WAIT_MS)
    options.nth(0).click()  # a second click takes it back
    assert status.evaluate("s => s.selectedOptions.length") == 1
    assert "click to pick several" in page.locator(".briefing-filters h2").evaluate(
        "e => getComputedStyle(e, '::after').content")


def test_keyboard_focus_is_visible(voila_server: Any, open_page: Any) -> None:
    page = open_ready(open_page, voila_server.url, 1366, 768).page
    seen = []
    for _ in range(12):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(
            "() => { const e = document.activeElement; const s = getComputedStyle(e);"
            " return [e.tagName, s.outlineStyle, parseFloat(s.outlineWidth) || 0,"
            " !!e.closest('.briefing-root')]; }"))
    ours = [s for s in seen if s[3] and s[0] in ("BUTTON", "SELECT", "INPUT")]
    assert ours, seen
    for tag, style, width, _ in ours:
        assert style != "none" and width >= 2, (tag, style, width)


def test_phone_layout_is_one_column(voila_server: Any, open_page: Any,
                                    artifacts: Path) -> None:
    page = open_ready(open_page, voila_server.url, 390, 844).page
    wait_resized(page)  # charts are laid out again for the narrow width
    look_at(page, "network")  # below the filters: drawn as the reader comes to it
    boxes = page.evaluate(
        "() => [...document.querySelectorAll('.briefing-card, .briefing-filters')].map(e => {"
        " const r = e.getBoundingClientRect(); return [r.x, r.x + r.width, r.y, r.height]; })")
    assert len(boxes) >= 8
    for left, right, _top, _h in boxes:
        assert left >= 0 and right <= 390 + 0.5, boxes  # nothing wider than the phone
    # one column: no two cards share a row
    rows = sorted((top, top + h) for _l, _r, top, h in boxes)
    for (_t1, bottom), (t2, _b2) in zip(rows, rows[1:], strict=False):
        assert t2 >= bottom - 1, rows
    # on a phone the network is a ranked list of actors (names left, bars right) whose
    # figure takes the card's whole width; its legend went under the plot
    figure = box_of(page, "[data-chart-id='network'] .main-svg")
    assert figure["w"] > 330, figure
    plot = box_of(page, "[data-chart-id='network'] .cartesianlayer .bg, "
                        "[data-chart-id='network'] .nsewdrag")
    assert plot["w"] > 120, plot
    wide = page.evaluate("() => document.scrollingElement.scrollWidth")
    assert wide <= 390


@pytest.mark.parametrize("width,height", [(1366, 768), (1920, 1080), (390, 844)])
def test_screenshots_for_a_person(voila_server: Any, open_page: Any, artifacts: Path,
                                  width: int, height: int) -> None:
    page = open_ready(open_page, voila_server.url, width, height).page
    wait_resized(page)
    path = artifacts / f"stakeholder-{width}x{height}.png"
    page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000
