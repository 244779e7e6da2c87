"""Live charts follow the filters in the browser, with no kernel between input and redraw.

The page's kernel processes are suspended (SIGSTOP) before a filter changes: a live
chart must still redraw, and draw exactly what Python draws for the same selection
(`Chart.spec`, which the exports and the PDF use), and the status line must say the
selection in Python's words; the kernel's own charts cannot change meanwhile — proof that
nothing came from it. When the kernel resumes it catches up
(the controls synced their values), and Python can set the selection the page shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import briefing
from briefing.charts import CHARTS
from briefing.dashboard.article import article_html
from briefing.select import Selection, select
from tests.browser.plotly_events import WAIT_MS, click_point, look_at
from tests.browser.test_dashboard import (
    READY,
    control,
    revs,
    settle,
    shown_events,
    status,
    wait_redrawn,
    wait_status,
)

pytestmark = pytest.mark.browser
RANKED_ROWS = 15  # actors a phone's ranked list holds (plotly_view.js)

HERE = Path(__file__).resolve().parent
VOILA_NOTEBOOK = HERE.parent.parent / "briefing.ipynb"  # read by the voila_server fixture
LIVE = tuple(name for name, c in CHARTS.items() if c.rules is not None)
# what a selection changes in a trace (the attributes the charts' rules write)
DRAWN = ["x", "y", "z", "lat", "lon", "text", "hovertext", "marker.size", "marker.color"]
DRAWN_JS = """(chart) => {
  const gd = document.querySelector(
      `.briefing-plotly-view[data-chart-id='${chart}'] .js-plotly-plot`);
  const plain = (v) => (v == null ? null : JSON.parse(JSON.stringify(v)));
  return gd.data.map((t) => Object.fromEntries(DRAWN.map((k) => {
    const [a, b] = k.split(".");
    return [k, plain(b ? (t[a] || {})[b] : t[a])];
  })));
}""".replace("DRAWN", str(["x", "y", "z", "lat", "lon", "text", "hovertext",
                           "marker.size", "marker.color"]))


def _drawn(page: Any, chart: str) -> list[dict[str, Any]]:
    """What ``chart`` draws, looked at (scrolled to when it waits out of view)."""
    look_at(page, chart)
    return page.evaluate(DRAWN_JS, chart)


def _shows_article(page: Any, want: str) -> bool:
    """The page's article panel holds `want` (as the browser parses it)."""
    return page.evaluate("""(want) => {
      const d = document.createElement('div');
      d.innerHTML = want;
      return document.querySelector('.widget-html.briefing-article .widget-html-content')
        .innerHTML === d.innerHTML; }""", want)


def _newest(facts: Any) -> str:
    return str(facts.articles.sort_values("published", ascending=False)["article_id"].iloc[0])


def _wanted(facts: Any, chart: str, sel: Selection) -> list[dict[str, Any]]:
    import json

    from briefing.widgets import figure_to_dict

    spec = figure_to_dict(CHARTS[chart].spec(select(facts, sel), sel, facts))
    out = []
    for t in spec["data"]:
        out.append({k: (t.get(k.split(".")[0]) or {}).get(k.split(".")[1])
                    if "." in k else t.get(k) for k in DRAWN})
    return json.loads(json.dumps(out))


@pytest.fixture(scope="module")
def facts() -> Any:
    return briefing.load()


def test_live_charts_redraw_with_the_kernel_suspended(voila_server: Any, open_page: Any,
                                                      facts: Any) -> None:
    assert LIVE, "no chart is live"
    page = open_page(voila_server.url, viewport={"width": 1366, "height": 900}).page
    page.wait_for_selector(READY, state="attached", timeout=WAIT_MS)
    page.wait_for_selector("body[data-briefing-reading]", state="attached", timeout=WAIT_MS)
    settle(page)
    total = len(facts.events)
    issue = str(facts.issues["issue_id"].iloc[0])
    for chart in LIVE:  # what the page drew first is what Python draws for everything
        assert _drawn(page, chart) == _wanted(facts, chart, Selection(issue=issue))
    russia = str(facts.actors.loc[facts.actors["name"] == "Russia", "actor_id"].iloc[0])
    before, said = revs(page), status(page)
    kernels = voila_server.kernels()
    assert kernels
    for k in kernels:
        k.suspend()
    try:
        control(page, "Actors").select_option(label="Russia (state)")
        wait_redrawn(page, before, LIVE)
        sel = Selection(actors={russia}, issue=issue)
        for chart in LIVE:
            assert _drawn(page, chart) == _wanted(facts, chart, sel), chart
        assert any(_drawn(page, c) != _wanted(facts, c, Selection(issue=issue))
                   for c in LIVE)
        # the status line is the browser's, in Python's words; the kernel's charts are
        # as they were (it is stopped)
        line = (f"Showing {len(select(facts, sel).events)} of {total} events — "
                f"{sel.describe(facts)}")
        page.wait_for_function("(t) => document.querySelector('.briefing-status')"
                               ".innerText.trim() === t", arg=line, timeout=WAIT_MS)
        assert status(page).strip() == line != said
        after = revs(page)
        assert all(after[c] == before[c] for c in CHARTS if c not in LIVE), after
        # the article is marked where the selection's evidence is, as Python marks it
        want = article_html(facts, article_id=_newest(facts),
                            highlight=frozenset(select(facts, sel).evidence["evidence_id"]))
        assert "<mark" in want
        assert _shows_article(page, want)
    finally:
        for k in kernels:
            k.resume()
    wait_status(page, 1, total - 1)  # the kernel caught up with the synced control
    assert "Russia" in status(page)
    page.locator("button.widget-button", has_text="Reset").click()
    wait_status(page, total)
    settle(page)
    assert shown_events(page) == total
    for chart in LIVE:
        assert _drawn(page, chart) == _wanted(facts, chart, Selection(issue=issue))


def test_a_click_on_a_node_focuses_it_with_the_kernel_suspended(voila_server: Any,
                                                                 open_page: Any,
                                                                 facts: Any) -> None:
    """A click on a network node is drawn at once in the browser (the focus), as Python
    draws it; the kernel, resumed, hears of the click and agrees (a second click on the
    node drops the focus in both)."""
    page = open_page(voila_server.url, viewport={"width": 1366, "height": 900}).page
    page.wait_for_selector(READY, state="attached", timeout=WAIT_MS)
    settle(page)
    issue = str(facts.issues["issue_id"].iloc[0])
    busiest = str(facts.participants["actor_id"].value_counts().index[0])
    focused = Selection(issue=issue, focus_actor=busiest)
    kernels = voila_server.kernels()
    before = revs(page)
    for k in kernels:
        k.suspend()
    # the page has the reading data: Details opens here too
    page.wait_for_selector("body[data-briefing-reading]", state="attached", timeout=WAIT_MS)
    try:
        click_point(page, "network", "actor", busiest)
        wait_redrawn(page, before, ("network",))
        assert _drawn(page, "network") == _wanted(facts, "network", focused)
        name = str(facts.actors.set_index("actor_id").loc[busiest, "name"])
        page.wait_for_function("(n) => [...document.querySelectorAll('.briefing-detail h3')]"
                               ".some((h) => h.textContent === n)", arg=name, timeout=WAIT_MS)
    finally:
        for k in kernels:
            k.resume()
    settle(page)
    assert _drawn(page, "network") == _wanted(facts, "network", focused)
    before = revs(page)
    click_point(page, "network", "actor", busiest)
    wait_redrawn(page, before, ("network",))
    settle(page)
    assert _drawn(page, "network") == _wanted(facts, "network",
                                                         Selection(issue=issue))


def test_a_key_points_evidence_opens_with_the_kernel_suspended(voila_server: Any,
                                                                open_page: Any,
                                                                facts: Any) -> None:
    """A key point's "evidence" opens its facts in Details and marks its article in the
    browser, as the kernel does (`Dashboard._show`)."""
    page = open_page(voila_server.url, viewport={"width": 1366, "height": 900}).page
    page.wait_for_selector(READY, state="attached", timeout=WAIT_MS)
    page.wait_for_selector("body[data-briefing-reading]", state="attached", timeout=WAIT_MS)
    settle(page)
    kp = facts.key_points.iloc[0]
    ids = str(kp["fact_ids"]).split()
    kernels = voila_server.kernels()
    for k in kernels:
        k.suspend()
    try:
        page.locator("button.briefing-kp-button").first.click()
        page.wait_for_function("() => document.querySelector('.briefing-detail .briefing-fact')",
                               timeout=WAIT_MS)
        want = article_html(facts, article_id=str(kp["article_id"]), highlight=frozenset(
            facts.evidence.loc[facts.evidence["fact_id"].isin(ids), "evidence_id"]))
        assert "<mark" in want
        assert _shows_article(page, want)
    finally:
        for k in kernels:
            k.resume()


def _detail(page: Any) -> str:
    return str(page.evaluate("() => document.querySelector('.briefing-detail').innerHTML"))


def _wait_detail_changed(page: Any, was: str) -> None:
    page.wait_for_function("(was) => document.querySelector('.briefing-detail').innerHTML "
                           "!== was", arg=was, timeout=WAIT_MS)


def test_reset_empties_details_at_once_and_for_good(voila_server: Any, open_page: Any,
                                                     facts: Any) -> None:
    """Reset empties Details in the browser at once, as the kernel's reset does, and it
    stays empty once the kernel has caught up: a Details value that the widget's message
    throttle held back (the one before it not yet answered, the kernel being stopped) is
    not sent to the kernel after its reset."""
    page = open_page(voila_server.url, viewport={"width": 1366, "height": 900}).page
    page.wait_for_selector(READY, state="attached", timeout=WAIT_MS)
    page.wait_for_selector("body[data-briefing-reading]", state="attached", timeout=WAIT_MS)
    settle(page)
    total = len(facts.events)
    busiest = str(facts.participants["actor_id"].value_counts().index[0])
    empty = _detail(page)
    assert "briefing-fact" not in empty
    kernels = voila_server.kernels()
    for k in kernels:
        k.suspend()
    try:
        before = revs(page)
        click_point(page, "network", "actor", busiest)  # Details: the node (sent, unanswered)
        wait_redrawn(page, before, ("network",))
        _wait_detail_changed(page, empty)
        node = _detail(page)
        page.locator("button.briefing-kp-button").first.click()  # Details: held back
        _wait_detail_changed(page, node)
        assert "briefing-fact" in _detail(page)
        page.locator("button.widget-button", has_text="Reset").click()
        page.wait_for_function("(was) => document.querySelector('.briefing-detail')"
                               ".innerHTML === was", arg=empty, timeout=WAIT_MS)
    finally:
        for k in kernels:
            k.resume()
    wait_status(page, total)  # the kernel's reset dropped the node's focus
    # the export's link comes from the kernel once it has handled every message before it
    page.locator("button.widget-button", has_text="Export CSV").click()
    page.locator("a.briefing-download").wait_for(timeout=WAIT_MS)
    assert _detail(page) == empty


ORDER_JS = """() => {
  window.__briefingOrder = [];
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.attributeName === 'data-briefing-rev' && r.target.dataset.live) {
        window.__briefingOrder.push(r.target.dataset.chartId);
      }
    }
  }).observe(document.body, {subtree: true, attributes: true,
                             attributeFilter: ['data-briefing-rev']});
}"""


def test_a_chart_out_of_view_is_redrawn_as_it_comes_into_view(voila_server: Any,
                                                              open_page: Any,
                                                              facts: Any) -> None:
    """The sources chart, far below, is drawn only when the reader scrolls to it. With it in
    view and the network out of view, a filter change redraws the sources chart and leaves
    the network (marked stale) until the reader scrolls to it; then it is redrawn, and
    draws what Python draws for the selection."""
    page = open_page(voila_server.url, viewport={"width": 1366, "height": 700}).page
    page.wait_for_selector(READY, state="attached", timeout=WAIT_MS)
    settle(page)
    # the page is ready before the charts far below are drawn: they wait for the reader
    sources = page.locator("[data-chart-id='sources']")
    assert sources.get_attribute("data-briefing-stale") is not None
    assert sources.get_attribute("data-briefing-drawn") is None
    network = page.locator("[data-chart-id='network']")
    assert network.get_attribute("data-briefing-drawn") is not None
    sources.scroll_into_view_if_needed()
    page.wait_for_selector("[data-chart-id='sources'][data-briefing-drawn]", state="attached",
                           timeout=WAIT_MS)
    assert page.evaluate("() => { const r = document.querySelector("
                         "\"[data-chart-id='network']\").getBoundingClientRect();"
                         " return r.bottom < -window.innerHeight; }"), "the network is near view"
    before = revs(page)
    page.evaluate(ORDER_JS)
    # the Status control, changed where it is (no scrolling to it)
    page.evaluate("""() => {
      const select = [...document.querySelectorAll('.widget-select-multiple')]
        .find((w) => w.textContent.includes('Status')).querySelector('select');
      select.options[0].selected = true;
      select.dispatchEvent(new Event('change', {bubbles: true}));
    }""")
    page.wait_for_function("() => window.__briefingOrder.includes('sources')"
                           " && !document.body.hasAttribute('data-briefing-drawing')",
                           timeout=WAIT_MS)
    assert network.get_attribute("data-briefing-stale") is not None
    assert revs(page)["network"] == before["network"]
    assert "network" not in page.evaluate("() => window.__briefingOrder")
    status_value = page.evaluate("""() => [...document.querySelectorAll(
        '.widget-select-multiple')].find((w) => w.textContent.includes('Status'))
        .querySelector('select').options[0].value""")
    issue = str(facts.issues["issue_id"].iloc[0])
    sel = Selection(statuses={status_value}, issue=issue)
    network.scroll_into_view_if_needed()
    page.wait_for_function("() => window.__briefingOrder.includes('network')", timeout=WAIT_MS)
    settle(page)
    assert network.get_attribute("data-briefing-stale") is None
    assert _drawn(page, "network") == _wanted(facts, "network", sel)


def test_on_a_phone_the_ranked_actors_follow_the_filters(voila_server: Any, open_page: Any,
                                                          facts: Any) -> None:
    """A phone draws the network as a ranked list of its actors: under a filter it lists
    only the actors the selection shows, busiest first."""
    page = open_page(voila_server.url, viewport={"width": 390, "height": 844}).page
    page.wait_for_selector(READY, state="attached", timeout=WAIT_MS)
    settle(page)
    look_at(page, "network")
    bars = "[data-chart-id='network'] .barlayer .point"
    everyone = page.locator(bars).count()
    before = revs(page)
    control(page, "Actors").select_option(label="Israel (state)")
    wait_redrawn(page, before, ("network",))
    labels = page.locator("[data-chart-id='network'] .yaxislayer-above .ytick text")
    listed = [t.strip() for t in labels.all_text_contents()]
    israel = str(facts.actors.loc[facts.actors["name"] == "Israel", "actor_id"].iloc[0])
    sel = Selection(actors={israel}, issue=str(facts.issues["issue_id"].iloc[0]))
    nodes = next(t for t in CHARTS["network"].spec(select(facts, sel), sel, facts)["data"]
                 if t.get("name") == "actors")
    # the shown actors (an "others" node names no one), busiest now first, as many as fit
    shown = [(-d, r, t) for t, x, d, r, c in zip(
        nodes["text"], nodes["x"], nodes["meta"]["activity"], nodes["meta"]["label_rank"],
        nodes["customdata"], strict=True) if x is not None and c[0] == "actor"]
    want = {t for _, _, t in sorted(shown)[:RANKED_ROWS]}
    assert 0 < len(listed) < everyone, listed
    assert set(listed) == want, (listed, want)


def _maps_pandas(kernel: Any) -> bool:
    """Whether the kernel process has pandas' compiled modules mapped (it imported it)."""
    return any("/pandas/" in m.path for m in kernel.memory_maps())


def test_a_viewers_kernel_reads_no_frames_while_the_browser_draws(voila_server: Any,
                                                                  open_page: Any,
                                                                  facts: Any) -> None:
    """The page's kernel built the page from the stored plan; while its browser draws every
    selection (it has the reading data), the kernel only keeps the selection: after a
    filter, a node click, a key point's evidence and Reset it has still not imported
    pandas — and it does when an export needs the frames."""
    page = open_page(voila_server.url, viewport={"width": 1366, "height": 900}).page
    page.wait_for_selector(READY, state="attached", timeout=WAIT_MS)
    page.wait_for_selector("body[data-briefing-reading]", state="attached", timeout=WAIT_MS)
    settle(page)
    kernel_ids = page.evaluate("""() => [...performance.getEntriesByType('resource')]
        .map((e) => e.name).concat([document.body.innerHTML])
        .join(' ').match(/api\\/kernels\\/([0-9a-f-]{36})/g) || []""")
    wanted = {k.split("/")[-1] for k in kernel_ids}
    mine = [k for k in voila_server.kernels() if any(w in " ".join(k.cmdline()) for w in wanted)]
    assert len(mine) == 1, (wanted, [k.cmdline() for k in voila_server.kernels()])
    kernel = mine[0]
    assert not _maps_pandas(kernel)  # the page came from the page cache
    total = len(facts.events)
    control(page, "Status").select_option(index=0)
    page.wait_for_function("(t) => !document.querySelector('.briefing-status').innerText"
                           ".includes(t)", arg=f"Showing {total} of {total}", timeout=WAIT_MS)
    busiest = str(facts.participants["actor_id"].value_counts().index[0])
    before = revs(page)
    click_point(page, "network", "actor", busiest)
    wait_redrawn(page, before, ("network",))
    page.locator("button.briefing-kp-button").first.click()
    page.wait_for_function("() => document.querySelector('.briefing-detail .briefing-fact')",
                           timeout=WAIT_MS)
    # Reset is the kernel's: once the page shows everything again, the kernel has handled
    # every message before it
    page.locator("button.widget-button", has_text="Reset").click()
    page.wait_for_function("(t) => document.querySelector('.briefing-status').innerText"
                           ".includes(t)", arg=f"Showing {total} of {total}", timeout=WAIT_MS)
    page.wait_for_function("() => !document.querySelector('.briefing-detail .briefing-fact')",
                           timeout=WAIT_MS)
    assert not _maps_pandas(kernel)
    page.locator("button.widget-button", has_text="Export CSV").click()
    page.locator("a.briefing-download").wait_for(timeout=WAIT_MS)
    assert _maps_pandas(kernel)  # the check sees pandas once the kernel reads the frames


def test_a_key_point_clicked_before_the_reading_data_opens_when_it_comes(
        voila_server: Any, open_page: Any, facts: Any) -> None:
    """A click on "evidence" that comes before the kernel's reading data (sent once the
    page is drawn) is kept and done when the data comes, not lost. The test holds the
    kernel's message that carries the reading data until after the click (or lets it
    through after the click, if it comes later)."""
    import re

    page = open_page(None, viewport={"width": 1366, "height": 900}).page
    held: list[Any] = []
    sockets: list[Any] = []
    clicked = {"done": False}
    # the kernel's update that sets the live widget's `reading` bytes (a binary buffer)
    carries_reading = re.compile(rb'"method":\s*"update".*"reading"', re.S)

    def route(ws: Any) -> None:
        server = ws.connect_to_server()
        sockets.append(ws)

        def from_server(message: Any) -> None:
            raw = message if isinstance(message, bytes) else message.encode()
            if not clicked["done"] and b"buffer_paths" in raw and carries_reading.search(raw):
                held.append(message)
            else:
                ws.send(message)
        server.on_message(from_server)
        ws.on_message(lambda message: server.send(message))

    page.route_web_socket(re.compile(r".*/api/kernels/.*"), route)
    page.goto(voila_server.url)
    page.wait_for_selector(READY, state="attached", timeout=WAIT_MS)
    assert not page.evaluate("() => document.body.hasAttribute('data-briefing-reading')")
    page.locator("button.briefing-kp-button").first.click()
    page.evaluate("() => new Promise((r) => requestAnimationFrame(() => r(0)))")
    assert page.locator(".briefing-detail .briefing-fact").count() == 0
    clicked["done"] = True   # from now on the reading data goes through
    for message in held:
        sockets[-1].send(message)
    page.wait_for_selector("body[data-briefing-reading]", state="attached", timeout=WAIT_MS)
    kp = facts.key_points.iloc[0]
    ids = str(kp["fact_ids"]).split()
    page.wait_for_function("() => document.querySelector('.briefing-detail .briefing-fact')",
                           timeout=WAIT_MS)
    shown = page.locator(".briefing-detail").inner_text()
    summaries = facts.events.set_index("event_id")["summary"]
    assert any(str(summaries[i]) in shown for i in ids if i in summaries.index), shown[:300]
