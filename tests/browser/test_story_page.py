"""The served page on a story of three articles (``tests/data/story``) in Chromium.

One real Voilà server serves ``briefing.ipynb`` with ``BRIEFING_FACTS`` set to the story:
every article's key points, grouped by article, newest first; the article reader follows a
key point of an older article; the network links the two ministers of a phone call; the map
places every state. Assertions are on the DOM and on the data plotly drew.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import briefing
from tests.browser.conftest import shared_voila
from tests.browser.plotly_events import WAIT_MS, click_point, look_at
from tests.browser.test_dashboard import (
    READY,
    REDRAW_MS,
    control,
    view,
    wait_status,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent.parent
NOTEBOOK = ROOT / "briefing.ipynb"
STORY = ROOT / "tests" / "data" / "story"
MARCH, JUNE, NOVEMBER = ("fisheries-call-2025-03-12", "praia-accra-2025-06-11",
                         "norway-envoy-2025-11-19")
CALL = f"{MARCH}/ev-call"


def serve(facts: Path, artifacts: Path) -> Any:
    """The project's shared server with BRIEFING_FACTS pointing at `facts` (kernels
    inherit it)."""
    return shared_voila(NOTEBOOK, artifacts / "logs", facts)


@pytest.fixture(scope="module")
def voila_server(artifacts: Path) -> Any:
    return serve(STORY, artifacts)


@pytest.fixture(scope="module")
def facts() -> briefing.Briefing:
    return briefing.load(STORY)


@pytest.fixture(scope="module")
def page(voila_server: Any, open_page: Any) -> Any:
    rec = open_page(voila_server.url, viewport={"width": 1366, "height": 900})
    rec.page.wait_for_selector(READY, state="attached", timeout=WAIT_MS)
    return rec.page


# Header items in document order: ("article", heading) or ("point", text).
HEADER_JS = """() => [...document.querySelectorAll('.briefing-kp-article, .briefing-kp')]
  .map(e => [e.classList.contains('briefing-kp-article') ? 'article' : 'point',
             e.innerText.replace(/\\s+/g, ' ').trim()])"""

# The data a chart was drawn with: [trace name, mode, text, customdata] per trace.
TRACES_JS = """(chart) => {
  const gd = document.querySelector(
      `.briefing-plotly-view[data-chart-id='${chart}'] .js-plotly-plot`);
  return gd.data.map(t => [t.name || '', t.mode || '', t.text || null, t.customdata || null]);
}"""


def _traces(page: Any, chart: str) -> list[list[Any]]:
    """What ``chart`` draws, looked at (scrolled to when it waits out of view)."""
    look_at(page, chart)
    return page.evaluate(TRACES_JS, chart)


def test_key_points_of_every_article_grouped_newest_first(page: Any, facts: Any) -> None:
    items = page.evaluate(HEADER_JS)
    arts = facts.articles.sort_values("published", ascending=False)
    expected: list[tuple[str, str]] = []
    for a in arts.itertuples():
        expected.append(("article", a.title))
        expected += [("point", t) for t in
                     facts.key_points.loc[facts.key_points["article_id"] == a.article_id,
                                          "text"]]
    assert [kind for kind, _ in items] == [kind for kind, _ in expected]
    for (kind, shown), (_, want) in zip(items, expected, strict=True):
        want = " ".join(want.split())
        assert shown.startswith(want) if kind == "article" else want in shown, (shown, want)
    assert [t for k, t in items if k == "article"][0].startswith(arts["title"].iloc[0])
    assert page.locator(".briefing-kp-button").count() == len(facts.key_points)
    # Nothing was left out; the re-declared minister is mentioned, in words.
    notice = " ".join(page.locator(".briefing-left-out").inner_text().split())
    assert "left out" not in notice
    assert "1 actor, source or issue declaration differs" in notice


def test_the_reader_follows_a_key_point_of_an_older_article(page: Any, facts: Any) -> None:
    titles = facts.articles.set_index("article_id")["title"]
    heading = page.locator(".briefing-article h2")
    assert heading.inner_text().strip() == titles[NOVEMBER]  # the newest article first
    # Every article can be read, newest first.
    newest = facts.articles.sort_values("published", ascending=False)["title"].tolist()
    options = control(page, "Read").locator("option").all_inner_texts()
    assert [" ".join(o.split()) for o in options] == newest  # ipywidgets uses &nbsp;
    # The March article's first key point rests on its phone call.
    point = facts.key_points[facts.key_points["article_id"] == MARCH].iloc[0]
    assert point["fact_ids"].split() == [CALL]
    row = page.locator(".widget-hbox").filter(
        has=page.locator(".briefing-kp", has_text=point["text"][:40]))
    button = row.locator(".briefing-kp-button")
    assert button.count() == 1
    button.scroll_into_view_if_needed()
    button.click()
    page.wait_for_function(
        "(t) => { const h = document.querySelector('.briefing-article h2');"
        " return h && h.innerText.trim() === t; }", arg=titles[MARCH], timeout=REDRAW_MS)
    marked = " ".join(page.locator(".briefing-article mark").all_inner_texts())
    for quote in facts.evidence.loc[facts.evidence["fact_id"] == CALL, "quote"]:
        assert " ".join(quote.split()) in " ".join(marked.split()), quote
    summary = facts.events.set_index("event_id").at[CALL, "summary"]
    page.locator(".briefing-detail h3", has_text=summary).wait_for(timeout=REDRAW_MS)


def test_the_map_has_a_point_for_every_state(page: Any, facts: Any) -> None:
    traces = _traces(page, "geo_map")
    capitals = [t for t in traces if t[1] == "markers+text"]
    assert len(capitals) == 1
    states = sorted(facts.actors.loc[facts.actors["kind"] == "state", "name"])
    assert sorted(capitals[0][2]) == states == ["Cabo Verde", "Ghana", "Norway", "Senegal"]
    drawn = view(page, "geo_map").locator(".scattergeo text").all_text_contents()
    assert set(states) <= {" ".join(t.split()) for t in drawn}


def test_the_network_links_the_two_ministers_of_the_call(page: Any, facts: Any) -> None:
    traces = _traces(page, "network")
    mids = [t for t in traces if t[0] == "acts (click for events)"]
    assert len(mids) == 1
    with_call = [c for c in mids[0][3] if CALL in str(c[1]).split()]
    assert with_call == [["events", CALL]]
    # A click on that link's midpoint opens the call in the detail panel.
    customdata = click_point(page, "network", "events", CALL)
    assert customdata == ["events", CALL]
    wait_status(page, 1)  # the selection is now that one event
    summary = facts.events.set_index("event_id").at[CALL, "summary"]
    page.locator(".briefing-detail h3", has_text=summary).wait_for(timeout=REDRAW_MS)
    text = page.locator(".briefing-detail").inner_text()
    assert "Efua Ansah-Mireku and Sigrun Vatnedal" in text


def test_a_click_on_a_map_channel_chooses_its_events(page: Any, facts: Any) -> None:
    page.locator("button.widget-button", has_text="Reset").click()
    wait_status(page, len(facts.events))
    customdata = click_point(page, "geo_map", "events", "ev-letter")
    ids = customdata[1].split()
    assert sorted(ids) == ["ev-envoy", "ev-letter"]
    # As on the network: the selection is now that channel's events.
    wait_status(page, len(ids))
    summary = facts.events.set_index("event_id").at["ev-letter", "summary"]
    page.locator(".briefing-detail h3", has_text=summary).wait_for(timeout=REDRAW_MS)
