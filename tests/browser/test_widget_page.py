"""The demo notebook under a real Voilà server (project settings) in Chromium.

One server and one loaded page for the whole module; tests run in file order.
"""

from __future__ import annotations

import http.client
from pathlib import Path
from typing import Any

import pytest

from tests.browser.plotly_events import WAIT_MS, click_at

pytestmark = pytest.mark.browser

READY = "body[data-briefing-ready]"
NOTEBOOK_SNIPPETS = ["import ipywidgets", "def bar_figure", "PlotlyView(", "on_click("]


@pytest.fixture(scope="module")
def demo(voila_server: Any, open_page: Any) -> Any:
    rec = open_page(voila_server.url)
    rec.page.wait_for_selector(READY, state="attached", timeout=WAIT_MS)
    return rec


def view(rec: Any, chart_id: str) -> Any:
    return rec.page.locator(f".briefing-plotly-view[data-chart-id='{chart_id}']")


def test_both_charts_draw_and_page_is_ready(demo: Any, artifacts: Path) -> None:
    page = demo.page
    for chart_id in ("bars", "trend"):
        chart = view(demo, chart_id)
        assert chart.count() == 1
        assert chart.locator(".main-svg").count() >= 1
        assert chart.get_attribute("data-briefing-rev") is not None
        assert chart.get_attribute("data-briefing-ready") is not None
    assert page.locator(READY).count() == 1
    page.screenshot(path=str(artifacts / "demo-ready.png"), full_page=True)


def test_control_updates_chart(demo: Any, artifacts: Path) -> None:
    page = demo.page
    bars = view(demo, "bars")
    before = bars.get_attribute("data-briefing-rev")
    page.locator("button.widget-toggle-button", has_text="month").click()
    page.wait_for_function(
        "([el, rev]) => el.getAttribute('data-briefing-rev') !== rev",
        arg=[bars.element_handle(), before],
        timeout=WAIT_MS,
    )
    assert "month" in bars.locator(".gtitle").text_content()
    assert int(bars.get_attribute("data-briefing-rev")) > int(before)
    assert page.locator(READY).count() == 1  # still ready after a redraw
    page.screenshot(path=str(artifacts / "demo-month.png"), full_page=True)


def test_click_on_point_reaches_python(demo: Any, artifacts: Path) -> None:
    page = demo.page
    assert click_at(page, "trend", 0, 2) == "d3"  # plotly's click on the third point
    page.locator(".clicked", has_text="Clicked trend: d3").wait_for(timeout=WAIT_MS)
    page.screenshot(path=str(artifacts / "demo-clicked.png"), full_page=True)


def test_no_request_leaves_the_server(demo: Any, voila_server: Any) -> None:
    assert demo.requests, "request log is empty"
    assert any(url.startswith("ws://") for url in demo.requests), "kernel websocket not seen"
    assert any("plotly.min.js" in url for url in demo.requests)
    assert demo.foreign_requests(voila_server.origin) == []


def test_no_console_errors(demo: Any) -> None:
    assert demo.console_errors == []


def test_page_source_has_no_code_or_traceback(demo: Any) -> None:
    html = demo.response_text
    assert html and "data-base-url" in html
    for snippet in NOTEBOOK_SNIPPETS:
        assert snippet not in html
    assert "Traceback" not in html
    assert "cdn." not in html.lower()
    assert "Content-Security-Policy" in html


# ---- what the server refuses ----------------------------------------------------------------

REFUSED = [
    "/voila/files/demo.ipynb",
    "/voila/files/conftest.py",
    "/voila/static/../app.py",
    "/voila/static/%2e%2e/app.py",
    "/voila/static/..%2f..%2fvoila.json",
    "/voila/static/%252e%252e/app.py",
    "/voila/templates/briefing/static/../index.html.j2",
    "/voila/templates/briefing/static/../conf.json",
    "/demo.ipynb",
    "/tests/browser/demo.ipynb",
    "/briefing/serve.py",
    "/briefing/widgets.py",
    "/pyproject.toml",
    "/assets/anything.yaml",
    "/assets/anything.yml",
    "/.git/config",
    "/voila/labextensions/../../../../etc/passwd",
]


def _raw_get(port: int, path: str) -> tuple[int, bytes]:
    """GET with the path sent verbatim (no client-side normalisation of ``..``)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@pytest.mark.parametrize("path", REFUSED)
def test_sensitive_paths_are_refused(voila_server: Any, path: str) -> None:
    status, body = _raw_get(voila_server.port, path)
    assert status in (400, 403, 404), (path, status)
    for secret in (b"VoilaConfiguration", b"import ", b"root:", b"nbformat", b"[core]"):
        assert secret not in body, (path, secret)


def test_static_assets_are_served(voila_server: Any) -> None:
    status, body = _raw_get(voila_server.port, "/voila/static/plotly.min.js")
    assert status == 200 and b"Plotly" in body[:2000]
    status, _ = _raw_get(voila_server.port, "/voila/static/briefing.css")
    assert status == 200


def test_modebar_offers_no_cloud_upload(demo: Any) -> None:
    titles = demo.page.eval_on_selector_all(
        ".modebar-btn", "els => els.map(e => e.getAttribute('data-title'))"
    )
    assert titles, "no modebar rendered"
    assert not [t for t in titles if t and ("share" in t.lower() or "cloud" in t.lower())]
