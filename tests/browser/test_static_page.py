"""The static briefing (`python -m briefing export --html`) from a plain static server.

The folder the command writes is served by Python's `http.server` — no kernel, no Voilà —
and opened in Chromium. The page must become ready, ask nothing of any other server,
draw the live charts as Python draws them for the same selection (`Chart.spec`) before and
after a filter and a click, write the status line in Python's words, open Details on a
click and on a key point's evidence, and mark the article as `article_html` marks it.
"""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import briefing
from briefing.charts import CHARTS
from briefing.dashboard.article import article_html
from briefing.select import Selection, select
from tests.browser.conftest import READY_SELECTOR, answers, free_port, spawn
from tests.browser.plotly_events import WAIT_MS, click_point, look_at_every_chart
from tests.browser.test_live_page import LIVE, _drawn, _wanted

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
STORY = ROOT / "tests" / "data" / "story"


class Site:
    def __init__(self, facts: Any, url: str) -> None:
        self.facts, self.url = facts, url


def serve_folder(folder: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Python's `http.server` on `folder` (a free loopback port); returns once it says it
    serves (it listens before it says so) and has answered once."""
    port = free_port()
    process, output = spawn([sys.executable, "-u", "-m", "http.server", str(port), "--bind",
                             "127.0.0.1", "--directory", str(folder)], log)
    url = f"http://127.0.0.1:{port}/"
    if not output.wait_for(r"Serving HTTP on", WAIT_MS / 1000):
        process.kill()
        raise RuntimeError(f"the static server did not start: {output.text[-500:]}")
    answers(url)
    return process, url


@pytest.fixture(scope="module", params=["shipped", "story", "story, split"])
def site(request: Any, tmp_path_factory: Any) -> Iterator[Site]:
    """The static briefing of the shipped article and of a story, from the command line;
    and the story's with its cards and article texts in files of their own (as a large
    base's are), fetched when first shown."""
    where = None if request.param == "shipped" else str(STORY)
    out = tmp_path_factory.mktemp("static")
    if request.param == "story, split":
        from briefing.dashboard.static_page import export_static

        export_static(briefing.load(where), out, split_over=0)
        assert list(out.glob("static/cards-*.json")) and list(out.glob("static/article-*"))
    else:
        done = subprocess.run([sys.executable, "-m", "briefing", "export", "--html", "--out",
                               str(out), *([where] if where else [])],
                              capture_output=True, text=True, cwd=ROOT, check=False)
        assert done.returncode == 0, done.stderr
        assert (out / "index.html").is_file(), done.stdout
    process, url = serve_folder(out, out.parent / f"{out.name}-http.log")
    try:
        yield Site(briefing.load(where) if where else briefing.load(), url)
    finally:
        process.terminate()
        process.wait(timeout=30)


def _ready(open_page: Any, site: Site, **kwargs: Any) -> Any:
    rec = open_page(site.url, **kwargs)
    rec.page.wait_for_selector(READY_SELECTOR, state="attached", timeout=WAIT_MS)
    return rec


def _status(page: Any) -> str:
    return page.inner_text("#briefing-status").strip()


def _wait_status(page: Any, line: str) -> None:
    page.wait_for_function("(t) => document.querySelector('#briefing-status')"
                           ".innerText.trim() === t", arg=line, timeout=WAIT_MS)
    page.wait_for_function("() => !document.body.hasAttribute('data-briefing-drawing')",
                           timeout=WAIT_MS)


def _line(facts: Any, sel: Selection) -> str:
    return (f"Showing {len(select(facts, sel).events)} of {len(facts.events)} events — "
            f"{sel.describe(facts)}")


def _same_html(page: Any, selector: str, html: str) -> bool:
    """The element's HTML is `html` as the browser parses it."""
    return page.evaluate("([sel, html]) => { const d = document.createElement('div');"
                         " d.innerHTML = html; return document.querySelector(sel).innerHTML"
                         " === d.innerHTML; }", [selector, html])


def test_the_static_page_filters_and_clicks_with_no_kernel(open_page: Any, site: Site) -> None:
    rec = _ready(open_page, site, viewport={"width": 1366, "height": 900})
    page, facts = rec.page, site.facts
    issue = str(facts.issues["issue_id"].iloc[0])
    everything = Selection(issue=issue)
    _wait_status(page, _line(facts, everything))
    look_at_every_chart(page)  # a chart out of view is drawn as the reader comes to it
    assert page.locator(".briefing-plotly-view[data-briefing-drawn]").count() == len(CHARTS)
    for chart in LIVE:
        assert _drawn(page, chart) == _wanted(facts, chart, everything), chart

    # a filter: the busiest state
    busiest = facts.participants["actor_id"].value_counts().index[0]
    name = str(facts.actors.set_index("actor_id").loc[busiest, "name"])
    options = page.locator("#briefing-control-actors option")
    labels = [t.strip() for t in options.all_text_contents()]
    label = next(t for t in labels if t.startswith(f"{name} ("))
    page.select_option("#briefing-control-actors", label=label)
    sel = Selection(actors={busiest}, issue=issue)
    _wait_status(page, _line(facts, sel))
    for chart in LIVE:
        assert _drawn(page, chart) == _wanted(facts, chart, sel), chart
    # the article shown is marked where the selection's evidence is
    shown = select(facts, sel)
    article = page.evaluate("() => document.querySelector('#briefing-article h2').textContent")
    aid = str(facts.articles.loc[facts.articles["title"] == article, "article_id"].iloc[0])
    want = article_html(facts, article_id=aid, highlight=frozenset(shown.evidence["evidence_id"]))
    assert "<mark" in want
    assert _same_html(page, "#briefing-article", want)

    # a click on a network node focuses it, as the kernel's click does, and opens its card
    click_point(page, "network", "actor", busiest)
    focused = Selection(actors={busiest}, issue=issue, focus_actor=busiest)
    page.wait_for_function("(n) => document.querySelector('#briefing-detail h3')"
                           " && document.querySelector('#briefing-detail h3').textContent === n",
                           arg=name, timeout=WAIT_MS)
    page.wait_for_function("() => !document.body.hasAttribute('data-briefing-drawing')",
                           timeout=WAIT_MS)
    # (the click redraws at once: the page is drawing until the focus is drawn)
    assert _drawn(page, "network") == _wanted(facts, "network", focused)
    assert _drawn(page, "network") != _wanted(facts, "network", sel)

    # a source's card lists the events in view that rest on it
    cd = click_point(page, "sources", "source")
    src = str(cd[1])
    n = int((shown.events["source_id"] == src).sum())
    page.wait_for_function("(t) => document.querySelector('#briefing-detail')"
                           ".innerText.includes(t)", arg=f"{n} events in view rest on it",
                           timeout=WAIT_MS)

    # Reset: everything again, no focus
    page.click("#briefing-reset")
    _wait_status(page, _line(facts, everything))
    for chart in LIVE:
        assert _drawn(page, chart) == _wanted(facts, chart, everything), chart

    # a key point's evidence: its facts' cards and its article marked
    buttons = page.locator(".briefing-kp-button")
    if buttons.count():
        ids = json.loads(buttons.first.get_attribute("data-ids"))
        aid = buttons.first.get_attribute("data-article")
        buttons.first.click()
        want = article_html(facts, article_id=aid, highlight=frozenset(
            facts.evidence.loc[facts.evidence["fact_id"].isin(ids), "evidence_id"]))
        page.wait_for_function("() => document.querySelector('#briefing-article mark')",
                               timeout=WAIT_MS)
        assert _same_html(page, "#briefing-article", want)
        assert page.locator("#briefing-detail .briefing-fact").count() >= 1

    origin = site.url.rstrip("/")
    assert rec.requests and all(u.startswith(origin + "/") or u.startswith("data:")
                                for u in rec.requests), rec.requests
    assert not rec.console_errors, rec.console_errors


def test_the_browser_marks_articles_as_python_does(open_page: Any, site: Site) -> None:
    """article.js against article_html: every article, seeded random sets of evidence and
    fact ids (and none), the very same HTML text (the Voilà page's kernel and browser both
    set the article: they must agree to the character)."""
    page = _ready(open_page, site).page
    facts = site.facts
    rng = random.Random(18)
    ev = facts.evidence
    cases = []
    for aid in facts.articles["article_id"]:
        mine = ev[ev["article_id"] == aid]
        pool = [*mine["evidence_id"], *mine["fact_id"]]
        for k in (0, 1, 3, 8):
            chosen = rng.sample(pool, min(k, len(pool)))
            cases.append([str(aid), chosen, article_html(facts, article_id=aid,
                                                         highlight=frozenset(chosen))])
    assert len(cases) >= 4
    differ = page.evaluate("""async (cases) => {
      const { articleHtml } = await import('./static/live.mjs');
      const data = await (await fetch('static/briefing.json')).json();
      for (const a of data.reading.articles) {  // texts in files of their own
        if (a.file !== undefined && a.text === undefined) {
          Object.assign(a, await (await fetch(`static/article-${a.file}.json`)).json());
        }
      }
      const byId = new Map(data.reading.articles.map((a) => [a.id, a]));
      return cases.filter(([aid, chosen, want]) =>
          articleHtml(byId.get(aid), new Set(chosen)) !== want)
        .map(([aid, chosen]) => [aid, chosen]);
    }""", cases)
    assert differ == [], differ


def test_a_page_printed_before_the_reader_scrolled_prints_every_chart(open_page: Any,
                                                                      site: Site) -> None:
    """The charts below the first screen wait to be drawn until the reader comes near
    them; printing draws them first: the printout says what it says after the reader
    went down the whole page."""
    pypdf = pytest.importorskip("pypdf")

    def printed(page: Any) -> str:
        reader = pypdf.PdfReader(io.BytesIO(page.pdf()))
        return " ".join(p.extract_text() for p in reader.pages)

    page = _ready(open_page, site, viewport={"width": 1366, "height": 900}).page
    waiting = ".briefing-plotly-view[data-briefing-stale]"
    assert page.locator(waiting).count() > 0
    # the map's country shapes are fetched while the page is idle
    page.wait_for_selector("[data-chart-id='geo_map'][data-briefing-shapes], "
                           "[data-chart-id='geo_map'][data-briefing-drawn]",
                           state="attached", timeout=WAIT_MS)
    first = printed(page)
    assert page.locator(waiting).count() == 0
    look_at_every_chart(page)
    page.evaluate("() => window.scrollTo(0, 0)")
    page.wait_for_function("() => !document.body.hasAttribute('data-briefing-drawing')",
                           timeout=WAIT_MS)
    assert printed(page) == first


def test_the_static_page_prints_from_its_own_button(open_page: Any, site: Site) -> None:
    """A reader with no notebook prints or saves the page as a PDF from a button; the
    button itself is not on the printout."""
    page = _ready(open_page, site, viewport={"width": 1366, "height": 900}).page
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed++; }; }")
    page.click("#briefing-print")
    page.wait_for_function("() => window.__printed === 1", timeout=WAIT_MS)
    page.emulate_media(media="print")
    assert not page.locator("#briefing-print").is_visible()
    page.emulate_media(media="screen")
    assert page.locator("#briefing-print").is_visible()
