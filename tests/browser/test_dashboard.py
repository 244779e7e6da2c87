"""The real dashboard (``briefing.ipynb`` on the embedded article) in Chromium.

What a stakeholder does, in file order on one server and one page: the page loads with
every chart drawn and nothing fetched from outside; each filter changes the charts and
Reset brings everything back; clicks on the network and the key points open the evidence;
both exports download and read back; screenshots at two screen sizes. Assertions are on
the DOM (``data-briefing-rev``, point counts, the status line), never on pixels.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import briefing
from tests.browser.plotly_events import (
    WAIT_MS,
    click_point,
    look_at,
    look_at_every_chart,
    wait_redrawn,
    wait_resized,
)

pytestmark = pytest.mark.browser

HERE = Path(__file__).resolve().parent
VOILA_NOTEBOOK = HERE.parent.parent / "briefing.ipynb"  # read by the voila_server fixture
READY = "body[data-briefing-ready]"
CHARTS = ("network", "positions", "positions_overview", "timeline", "geo_map", "sources")
NOTEBOOK_SOURCE = ("import briefing", "briefing.load()", "briefing.dashboard(facts)", "facts = ")
REDRAW_MS = WAIT_MS  # the one ceiling of every wait (plotly_events.py)


@pytest.fixture(scope="module")
def facts() -> Any:
    return briefing.load()


@pytest.fixture(scope="module")
def dash(voila_server: Any, open_page: Any) -> Any:
    rec = open_page(voila_server.url, viewport={"width": 1366, "height": 768})
    rec.page.wait_for_selector(READY, state="attached", timeout=WAIT_MS)
    return rec


# ---- helpers ---------------------------------------------------------------------------------


def view(page: Any, chart: str) -> Any:
    return page.locator(f".briefing-plotly-view[data-chart-id='{chart}']")


def revs(page: Any) -> dict[str, int]:
    """Every chart's data-briefing-rev now."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('.briefing-plotly-view')]
              .map(v => [v.dataset.chartId, +(v.getAttribute('data-briefing-rev') || -1)]))"""
    )


def status(page: Any) -> str:
    return page.locator(".briefing-status").inner_text()


def shown_events(page: Any) -> int:
    found = re.search(r"Showing (\d+) of (\d+) events", status(page))
    assert found, status(page)
    return int(found.group(1))


def wait_status(page: Any, lo: int, hi: int | None = None, timeout: int = REDRAW_MS) -> None:
    """Wait until the status line shows between ``lo`` and ``hi`` events (just ``lo``: exactly)."""
    page.wait_for_function(
        """([lo, hi]) => {
              const el = document.querySelector('.briefing-status');
              const m = el && el.innerText.match(/Showing (\\d+) of (\\d+) events/);
              return !!m && +m[1] >= lo && +m[1] <= hi;
           }""",
        arg=[lo, lo if hi is None else hi],
        timeout=timeout,
    )


def timeline_points(page: Any) -> int:
    look_at(page, "timeline")
    return view(page, "timeline").locator(".scatterlayer .trace .points path").count()


def stale(page: Any, chart: str) -> bool:
    """``chart`` waits out of view to be redrawn (plotly_view.js)."""
    return view(page, chart).get_attribute("data-briefing-stale") is not None


CLIPPED_JS = """() => [...document.querySelectorAll('.briefing-plotly-view')].flatMap(v => {
  const gd = v.querySelector('.js-plotly-plot');
  const box = v.querySelector('.svg-container');
  const want = gd && gd._fullLayout ? gd._fullLayout.height : 0;
  const got = box ? box.getBoundingClientRect().height : 0;
  return got < want - 2 ? [`${v.dataset.chartId}: drawn ${Math.round(got)} px of ${want} px`] : [];
})"""


def clipped_charts(page: Any) -> list[str]:
    """Charts whose plot area is shorter on the page than the figure plotly laid out."""
    return page.evaluate(CLIPPED_JS)


def control(page: Any, label: str) -> Any:
    """The <select> of the ipywidget whose description is ``label``."""
    box = page.locator(".widget-inline-hbox").filter(
        has=page.locator("label.widget-label", has_text=re.compile(rf"^{re.escape(label)}$"))
    )
    return box.locator("select")


def settle(page: Any, quiet_ms: int = 300) -> None:
    """Wait until no chart has redrawn for ``quiet_ms``: updates that the kernel already sent
    are drawn (plotly draws asynchronously after the message arrives)."""
    page.evaluate("() => { window.__briefingSettle = null; }")
    page.wait_for_function(
        """(quiet) => {
              const now = JSON.stringify([...document.querySelectorAll('.briefing-plotly-view')]
                  .map(v => v.getAttribute('data-briefing-rev')));
              const s = window.__briefingSettle;
              if (!s || s.revs !== now) {
                window.__briefingSettle = {revs: now, since: performance.now()};
                return false;
              }
              return performance.now() - s.since >= quiet;
           }""",
        arg=quiet_ms,
        polling=50,
        timeout=REDRAW_MS,
    )


def reset(page: Any, total: int) -> None:
    page.locator("button.widget-button", has_text="Reset").click()
    wait_status(page, total)
    settle(page)


@pytest.fixture(autouse=True)
def _clean_page(request: pytest.FixtureRequest, facts: Any) -> Any:
    """A test that fails half-way must not leave its filters to the next one."""
    yield
    if "dash" in request.fixturenames:
        page = request.getfixturevalue("dash").page
        if not page.is_closed() and shown_events(page) != len(facts.events):
            reset(page, len(facts.events))


# ---- 1. the page -----------------------------------------------------------------------------


def test_page_source_has_no_code_or_traceback(dash: Any) -> None:
    html = dash.response_text
    assert html and "data-base-url" in html
    for snippet in NOTEBOOK_SOURCE:
        assert snippet not in html, snippet
    assert "Traceback" not in html
    assert "Error" not in re.sub(r"<script.*?</script>|<style.*?</style>", "", html, flags=re.S)


def test_every_chart_draws(dash: Any, artifacts: Path) -> None:
    page = dash.page
    page.screenshot(path=str(artifacts / "dashboard-1366x768-screen.png"))
    assert page.locator(READY).count() == 1
    assert page.locator(".briefing-plotly-view").count() == len(CHARTS)
    look_at_every_chart(page)  # a chart out of view is drawn as the reader comes to it
    for chart in CHARTS:
        v = view(page, chart)
        assert v.count() == 1, chart
        assert v.locator(".main-svg").count() >= 1, chart
        assert v.get_attribute("data-briefing-rev") is not None, chart
        assert v.locator(".briefing-plotly-error").count() == 0, chart
    # country shapes: the land fill and the country borders are drawn from the topojson
    geo = view(page, "geo_map").locator(".geolayer")
    for layer in ("land", "countries"):
        d = geo.locator(f".layer.{layer} path").first.get_attribute("d")
        assert d and len(d) > 1000, f"the map has no {layer} shapes"
    assert view(page, "geo_map").locator(".scattergeo .point, .scattergeo path").count() >= 3
    assert timeline_points(page) >= 10
    assert view(page, "network").locator(".scatterlayer .points path").count() >= 20
    assert page.locator(".briefing-error").count() == 0
    assert clipped_charts(page) == []


def test_header_shows_title_and_key_points(dash: Any, facts: Any) -> None:
    page = dash.page
    title = page.locator(".briefing-title h1")
    assert title.inner_text().strip() == str(facts.articles["title"].iloc[0]).strip()
    assert f"{len(facts.events)} events" in page.locator(".briefing-sub").inner_text()
    points = page.locator(".briefing-kp")
    assert points.count() == len(facts.key_points) >= 3
    for i, text in enumerate(facts.key_points["text"]):
        shown = " ".join(points.nth(i).inner_text().split())
        assert " ".join(str(text).split()) in shown
    assert page.locator(".briefing-kp-button").count() == len(facts.key_points)
    assert shown_events(page) == len(facts.events)


# ---- 2. filters ------------------------------------------------------------------------------

FACT_CHARTS = ("network", "timeline", "geo_map", "sources")


def test_actor_filter(dash: Any, facts: Any) -> None:
    page = dash.page
    total, points = len(facts.events), timeline_points(page)
    before = revs(page)
    control(page, "Actors").select_option(label="Ukraine (state)")
    wait_redrawn(page, before, (*FACT_CHARTS, "positions", "positions_overview"))
    wait_status(page, 1, total - 1)
    assert timeline_points(page) < points
    assert "Ukraine" in status(page)
    reset(page, total)


def test_event_type_filter(dash: Any, facts: Any) -> None:
    page = dash.page
    # nothing waits out of view from earlier tests (scrolling to a chart would redraw it)
    look_at_every_chart(page)
    total, points = len(facts.events), timeline_points(page)
    n_assault = int((facts.events["plover_type"] == "ASSAULT").sum())
    before = revs(page)
    control(page, "Event types").select_option(label="use force")
    wait_redrawn(page, before, FACT_CHARTS)
    wait_status(page, n_assault)
    assert timeline_points(page) < points
    # only one row of the timeline is left: every point shares its y position (± stacking)
    # positions do not read event types: neither redrawn nor waiting out of view to be
    assert revs(page)["positions"] == before["positions"]
    assert not stale(page, "positions")
    reset(page, total)


def test_status_filter(dash: Any, facts: Any) -> None:
    page = dash.page
    total = len(facts.events)
    n_hist = int((facts.events["status"] == "historical").sum())
    before = revs(page)
    control(page, "Status").select_option(label="historical background")
    wait_redrawn(page, before, FACT_CHARTS)
    wait_status(page, n_hist)
    assert timeline_points(page) == n_hist
    reset(page, total)


def test_reliability_filter(dash: Any, facts: Any) -> None:
    page = dash.page
    total = len(facts.events)
    before = revs(page)
    control(page, "Sources").select_option(value="A – Completely reliable or better")
    wait_redrawn(page, before, FACT_CHARTS)
    wait_status(page, 0, total - 1)
    reset(page, total)


def test_date_slider(dash: Any, facts: Any) -> None:
    page = dash.page
    total, points = len(facts.events), timeline_points(page)
    readout = page.locator(".widget-readout").first
    start = readout.inner_text()
    dates = sorted(pd.to_datetime(facts.events["date"]).dropna().unique())
    expected = int((pd.to_datetime(facts.events["date"]) >= dates[3]).sum())
    before = revs(page)
    low = page.locator(".noUi-handle-lower")
    low.scroll_into_view_if_needed()
    low.focus()
    for _ in range(3):  # the lower handle three dates later: the oldest background drops out
        page.keyboard.press("ArrowRight")
    wait_status(page, expected)
    wait_redrawn(page, before, FACT_CHARTS)
    settle(page)
    assert readout.inner_text() != start
    assert timeline_points(page) < points
    reset(page, total)
    assert readout.inner_text() == start
    assert timeline_points(page) == points


def test_issue_selector_changes_positions(dash: Any, facts: Any) -> None:
    page = dash.page
    positions = view(page, "positions")

    def words() -> str:  # every label the chart draws (axis ticks, scale notes, legend)
        return " ".join(positions.locator(".main-svg text").all_text_contents())

    # nothing waits out of view from earlier tests (scrolling to a chart would redraw it)
    look_at_every_chart(page)
    look_at(page, "positions")
    settle(page)
    drawn_before = words()
    before = revs(page)
    issue = facts.issues.iloc[2]
    control(page, "Issue").select_option(label=str(issue["label"]))
    wait_redrawn(page, before, ("positions",))
    after = revs(page)
    # only the positions chart depends on it: the timeline is neither redrawn nor waiting
    assert after["timeline"] == before["timeline"]
    assert not stale(page, "timeline")
    assert words() != drawn_before
    assert str(issue["scale_100"]).split()[0] in words()  # the new issue's scale is shown
    control(page, "Issue").select_option(label=str(facts.issues["label"].iloc[0]))
    wait_redrawn(page, after, ("positions",))
    assert words() == drawn_before


def test_reset_brings_everything_back(dash: Any, facts: Any) -> None:
    page = dash.page
    total, points = len(facts.events), timeline_points(page)
    before = revs(page)
    control(page, "Actors").select_option(label="Russia (state)")
    wait_status(page, 0, total - 1)
    control(page, "Status").select_option(label="occurred")
    wait_redrawn(page, before, FACT_CHARTS)
    control(page, "Sources").select_option(value="B – Usually reliable or better")
    wait_status(page, 0, total - 1)
    settle(page)
    filtered = revs(page)
    reset(page, total)
    wait_redrawn(page, filtered, FACT_CHARTS)
    assert timeline_points(page) == points
    for label in ("Actors", "Status", "Event types"):
        assert control(page, label).evaluate("s => [...s.selectedOptions].length") == 0, label
    assert control(page, "Sources").input_value().startswith("Any source")
    assert page.locator(".briefing-article mark").count() == 0
    assert page.locator(".briefing-error").count() == 0


# ---- 3. clicks -------------------------------------------------------------------------------


def test_click_network_node_shows_actor(dash: Any, facts: Any) -> None:
    page = dash.page
    detail = page.locator(".briefing-detail")
    before = revs(page)
    customdata = click_point(page, "network", "actor", "putin")
    assert customdata == ["actor", "putin"]
    name = facts.actors.set_index("actor_id").loc["putin", "name"]
    detail.locator("h3", has_text=name).wait_for(timeout=REDRAW_MS)
    assert detail.locator("li").count() >= 1  # his events
    wait_redrawn(page, before, ("network",))  # focus: the rest of the network fades


def test_click_network_edge_shows_evidence(dash: Any, facts: Any, artifacts: Path) -> None:
    page = dash.page
    detail = page.locator(".briefing-detail")
    before = revs(page)
    customdata = click_point(page, "network", "events", "ev-envoy-moscow")
    ids = customdata[1].split()
    assert "ev-envoy-moscow" in ids
    detail.locator("blockquote.briefing-evidence mark").first.wait_for(timeout=REDRAW_MS)
    quotes = set(facts.evidence.loc[facts.evidence["fact_id"].isin(ids), "quote"])
    marked = set(detail.locator("blockquote.briefing-evidence mark").all_inner_texts())
    assert marked & {" ".join(q.split()) for q in quotes}, (marked, quotes)
    summary = facts.events.set_index("event_id").loc["ev-envoy-moscow", "summary"]
    assert detail.locator("h3", has_text=summary).count() == 1
    # the selection is now these events: other charts follow (the positions charts too:
    # an edge's events carry no judgment), the article highlights them
    wait_redrawn(page, before, ("timeline", "geo_map", "sources", "positions",
                                "positions_overview"))
    wait_status(page, len(ids))
    article_marks = page.locator(".briefing-article mark")
    article_marks.first.wait_for(timeout=REDRAW_MS)
    assert article_marks.count() >= 1
    text = " ".join(page.locator(".briefing-article mark").all_inner_texts())
    assert any(q.split()[0] in text for q in quotes)
    page.screenshot(path=str(artifacts / "dashboard-edge-click-1366.png"))
    reset(page, len(facts.events))


def test_key_point_evidence_button(dash: Any, facts: Any) -> None:
    page = dash.page
    detail = page.locator(".briefing-detail")
    first_fact = str(facts.key_points["fact_ids"].iloc[0]).split()[0]
    summary = facts.events.set_index("event_id").loc[first_fact, "summary"]
    button = page.locator(".briefing-kp-button").first
    button.scroll_into_view_if_needed()
    button.click()
    detail.locator("h3", has_text=summary).wait_for(timeout=REDRAW_MS)
    assert detail.locator("blockquote.briefing-evidence mark").count() >= 1


# ---- 4. exports ------------------------------------------------------------------------------


def _download(page: Any, button: str, tmp: Path) -> Path:
    page.locator("button.widget-button", has_text=button).click()
    link = page.locator("a.briefing-download")
    link.filter(has_text=re.compile(r"\.zip" if "CSV" in button else r"\.html")).wait_for(
        timeout=REDRAW_MS
    )
    with page.expect_download(timeout=REDRAW_MS) as info:
        link.click()
    download = info.value
    path = tmp / download.suggested_filename
    download.save_as(path)
    return path


def test_export_csv_downloads_every_frame(
    dash: Any, facts: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    page = dash.page
    path = _download(page, "Export CSV", tmp_path_factory.mktemp("csv"))
    assert path.name == "briefing-selection.zip"
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        expected = {f"{name}.csv" for name in facts.frames()}
        assert expected <= names, expected - names
        for name, frame in facts.frames().items():
            back = pd.read_csv(io.BytesIO(zf.read(f"{name}.csv")))
            assert len(back) == len(frame), name
            assert list(back.columns) == list(frame.columns), name


def test_export_html_opens_offline(
    dash: Any, browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = _download(dash.page, "Export HTML", tmp_path_factory.mktemp("html"))
    assert path.suffix == ".html"
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    try:
        blocked: list[str] = []
        errors: list[str] = []

        def route(r: Any) -> None:
            if r.request.url.startswith("file://"):
                r.continue_()
            else:
                blocked.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
        page.goto(path.as_uri())
        page.wait_for_function(
            "() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 6",
            timeout=WAIT_MS,
        )
        assert page.locator(".js-plotly-plot").count() == len(CHARTS)
        assert page.locator(".geolayer .layer.land path").count() >= 1
        assert blocked == []
        assert errors == []
    finally:
        context.close()


# ---- 5. screenshots --------------------------------------------------------------------------

CONTENT_HEIGHT_JS = """() => {
  const root = document.querySelector('.briefing-root');
  return Math.ceil(root ? root.getBoundingClientRect().bottom + 24
                        : document.documentElement.scrollHeight);
}"""


@pytest.mark.parametrize("width,height", [(1366, 768), (1920, 1080)])
def test_screenshots(
    open_page: Any, voila_server: Any, artifacts: Path, width: int, height: int
) -> None:
    """A fresh page per size, opened tall (Voilà scrolls inside a panel, not the body, so a
    full-page capture needs a viewport as tall as the content; opening it tall avoids a
    resize): the whole page, and its first screen."""
    rec = open_page(voila_server.url, viewport={"width": width, "height": 4200})
    page = rec.page
    try:
        page.wait_for_selector(READY, state="attached", timeout=WAIT_MS)
        settle(page)
        assert clipped_charts(page) == []
        tall = min(int(page.evaluate(CONTENT_HEIGHT_JS)), 4200)
        page.screenshot(
            path=str(artifacts / f"dashboard-{width}x{height}.png"),
            clip={"x": 0, "y": 0, "width": width, "height": tall},
        )
        if width != 1366:  # the 1366 first screen comes from the main page
            page.screenshot(
                path=str(artifacts / f"dashboard-{width}x{height}-screen.png"),
                clip={"x": 0, "y": 0, "width": width, "height": height},
            )
        assert rec.console_errors == []
    finally:
        page.close()


# ---- regressions -------------------------------------------------------------------------------
# Charts once collapsed to a thin strip after a quick redraw or a window resize: the plot's box
# had no height under plotly's responsive sizing.


def test_charts_keep_their_height_after_quick_updates_and_resize(dash: Any, facts: Any) -> None:
    page = dash.page
    total = len(facts.events)
    low = page.locator(".noUi-handle-lower")
    low.scroll_into_view_if_needed()
    low.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    wait_status(page, 1, total - 1)
    reset(page, total)
    problems = clipped_charts(page)
    page.set_viewport_size({"width": 1920, "height": 1080})
    try:
        wait_resized(page)
        settle(page)
        problems += clipped_charts(page)
    finally:
        page.set_viewport_size({"width": 1366, "height": 768})
    assert problems == []


# ---- after everything ------------------------------------------------------------------------


def test_no_request_leaves_the_server(dash: Any, voila_server: Any) -> None:
    assert any(url.startswith("ws://") for url in dash.requests), "kernel websocket not seen"
    assert any("plotly.min.js" in url for url in dash.requests)
    assert dash.foreign_requests(voila_server.origin) == []


def test_no_console_errors(dash: Any) -> None:
    assert dash.console_errors == []
