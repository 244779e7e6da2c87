"""No overlapping and no cut labels, at three screen sizes, on 1, 3 and 25 articles (issue 19).

One Voilà server and one page per story (the shipped article, the three-article story in
``tests/data/story``, a generated fictional 25-article story), the window set in turn to
1366×900, 1920×1080 and 390×844 (the page redraws for a phone when it becomes one).
`labels.measure` reads every chart's rendered SVG; the test wants
zero overlapping pairs and zero cut labels, and on the network the most active actors
labelled. Measurements and screenshots go to the artifacts folder.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import briefing
from briefing.charts.network import LABEL_CHARS, MUST_LABEL
from briefing.escape import short
from tests.browser.labels import measure, totals
from tests.browser.plotly_events import WAIT_MS, look_at_every_chart
from tests.browser.test_story_page import serve
from tests.story_gen import write_story

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent.parent
READY = "body[data-briefing-ready]"
SIZES = {"1366": (1366, 900), "1920": (1920, 1080), "390": (390, 844)}


def _story(name: str, tmp: Path) -> Path:
    if name == "1":
        return ROOT / "assets" / "articles"
    if name == "3":
        return ROOT / "tests" / "data" / "story"
    return write_story(tmp / "story25", 25)


@pytest.fixture(scope="module", params=["1", "3", "25"])
def story(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
          artifacts: Path, open_page: Any) -> Any:
    """(name, facts, page): one server and one page per story; the tests resize it."""
    facts = _story(request.param, tmp_path_factory.mktemp("labels"))
    server = serve(facts, artifacts)
    width, height = SIZES["1366"]
    page = open_page(server.url, viewport={"width": width, "height": height}).page
    page.wait_for_selector(READY, state="attached", timeout=WAIT_MS)
    # the server is shared (stopped at exit): the 3-article story is test_story_page's too
    return request.param, briefing.load(facts), page


# Every chart fitted to the width it has now and drawn for the screen it is on (a phone or
# not: plotly_view.js marks both after a draw, the width after a resize too), none left
# stale out of view (scrolled to, as a reader would), and no draw pending.
FITTED_JS = """() => {
  const narrow = window.matchMedia('(max-width: 640px)').matches ? '1' : '0';
  const views = [...document.querySelectorAll('.briefing-plotly-view')];
  for (const v of views) {
    if (v.hasAttribute('data-briefing-stale')) v.scrollIntoView({block: 'nearest'});
  }
  return !document.body.hasAttribute('data-briefing-drawing') && views.every((v) =>
    !v.hasAttribute('data-briefing-stale')
    && v.getAttribute('data-briefing-narrow') === narrow
    && v.getAttribute('data-briefing-width')
         === String(Math.round(v.getBoundingClientRect().width)));
}"""


def most_active(b: briefing.Briefing, n: int) -> list[str]:
    """The names of the n actors taking part in most events (ties: first in the frame)."""
    counts = b.participants.groupby("actor_id")["event_id"].nunique()
    order = counts.sort_values(ascending=False, kind="stable").index[:n]
    return list(b.actors.set_index("actor_id").loc[order, "name"])


@pytest.mark.parametrize("size", list(SIZES))
def test_no_overlapping_or_cut_labels(story: Any, size: str, artifacts: Path) -> None:
    name, b, page = story
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    look_at_every_chart(page)  # a chart out of view is drawn for a new width as it is seen
    page.wait_for_function(FITTED_JS, timeout=WAIT_MS)
    m = measure(page)
    overlaps, cut = totals(m)
    tall = page.evaluate("() => Math.ceil(document.querySelector('.briefing-root')"
                         ".getBoundingClientRect().height)")
    record = {"story": name, "size": size, "overlaps": overlaps, "cut": cut, "page_px": tall,
              "charts": {c: {k: v for k, v in d.items() if k != "texts"}
                         for c, d in m["charts"].items()},
              "overlapping": m["overlaps"][:40], "cut_labels": m["cut"][:40],
              "controls": m["controls"]}
    (artifacts / f"labels-{name}-{size}.json").write_text(json.dumps(record, indent=1),
                                                          encoding="utf-8")
    # Voilà scrolls inside its own container: for the whole page in one shot the window
    # is made as tall as the page (same width: nothing is redrawn).
    shot = artifacts / f"labels-{name}-articles-{size}.png"
    if name == "25":
        page.set_viewport_size({"width": width, "height": min(tall + 40, 12_000)})
    page.screenshot(path=str(shot))
    assert set(m["charts"]) == {"network", "positions", "positions_overview", "timeline",
                                "geo_map", "sources"}
    assert (overlaps, cut) == (0, 0), json.dumps(record, indent=1)
    # Every state with an act keeps its label on the map (moved with a leader line if need
    # be), and the network hides none of its names.
    assert m["charts"]["geo_map"]["hidden"] == 0, json.dumps(record["charts"]["geo_map"])
    assert m["charts"]["network"]["hidden"] == 0, json.dumps(record["charts"]["network"])
    # On the network, or on a phone its ranked list, the busiest actors are named.
    shown = " | ".join(m["charts"]["network"]["texts"])
    wanted = [short(n, LABEL_CHARS) for n in most_active(b, MUST_LABEL)]
    missing = [n for n in wanted if n not in shown]
    assert not missing, (missing, shown)
    ranked = page.locator("[data-chart='network'] .barlayer .point").count()
    assert (ranked > 0) == (size == "390")
