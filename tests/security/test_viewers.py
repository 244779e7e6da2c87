"""Several viewers on one server: everyone gets a working page, nothing is left behind.

A functional check, not a load test: how long ten or fifty viewers wait, and the memory per
viewer kernel, are figures of the benchmark (`python -m bench.viewers`), printed with the
machine's load. Here the server culls idle kernels after 15 s (30 minutes in production) so
that what a server does after a meeting happens within the test. Kernels are counted as
``ipykernel`` processes under the server.

* 3 viewers open the real dashboard at once (one Chromium, three contexts; the pool
  preheats 2, so one pays a cold kernel); all reach ``data-briefing-ready``; after they
  leave, the culler brings the kernels back to the preheated pool.
* A viewer whose kernel is killed sees the notice in words; the next viewer gets a
  working page.
* A page that arrives without its briefing (no cell sent a widget: the server dropped a
  late output, or the notebook failed) says so in words instead of staying blank.
"""

from __future__ import annotations

import re
from typing import Any

import psutil
import pytest

from tests.browser.plotly_events import WAIT_MS, look_at, look_at_every_chart, wait_redrawn

from .conftest import REPO_ROOT, artifacts_dir, launcher

pytestmark = [pytest.mark.slow, pytest.mark.browser]

READY = "body[data-briefing-ready]"
CULL = ["--MappingKernelManager.cull_idle_timeout=15",
        "--MappingKernelManager.cull_interval=2"]
POOL = 2  # voila.json: default_pool_size
VIEWERS = 3
# Culling runs every 2 s once a kernel has been idle for 15 s; a loaded machine may take
# much longer to notice and shut kernels down, so the wait for it is generous.
CULL_WAIT_S = 240


def rss_mb(server: Any) -> float:
    return psutil.Process(server.process.pid).memory_info().rss / 2**20


@pytest.fixture(scope="module")
def dashboard_server() -> Any:
    srv = launcher.start_voila(REPO_ROOT / "briefing.ipynb", artifacts_dir() / "logs", extra=CULL)
    yield srv
    srv.stop()


def test_three_viewers_at_once_then_culled(dashboard_server: Any, browser: Any) -> None:
    srv = dashboard_server
    contexts = [browser.new_context(viewport={"width": 1366, "height": 768})
                for _ in range(VIEWERS)]
    try:
        pages = []
        for context in contexts:
            page = context.new_page()
            page.goto(srv.url, wait_until="commit")
            pages.append(page)
        # three pages build at once on two cores (a third kernel starts cold): each may
        # wait its turn, so the bound is twice one page's
        for page in pages:
            page.wait_for_selector(READY, state="attached", timeout=2 * WAIT_MS)
        held = len(srv.kernels())
        assert held >= VIEWERS  # one kernel per viewer (the pool refills behind them)
        assert all(p.locator("#briefing-kernel-lost").count() == 0 for p in pages)
        assert all(p.locator("#briefing-not-loaded").count() == 0 for p in pages)
        # every viewer's page is whole: six charts drawn (those out of view as the reader
        # comes to them), no error box
        for p in pages:
            look_at_every_chart(p)
            assert p.locator(".briefing-plotly-view[data-briefing-rev]").count() == 6
            assert p.locator(".briefing-plotly-error, .briefing-error").count() == 0
    finally:
        for context in contexts:
            context.close()
    left = srv.wait_kernels(POOL, CULL_WAIT_S)
    assert left == POOL, "kernels of viewers who left were not culled"


def test_a_dead_kernel_is_told_and_the_next_viewer_is_fine(dashboard_server: Any,
                                                           browser: Any,
                                                           figures: dict) -> None:
    srv = dashboard_server
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        page = context.new_page()
        page.goto(srv.url)
        page.wait_for_selector(READY, state="attached", timeout=WAIT_MS)
        kernel_id = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', page.content()).group(1)
        [victim] = [k for k in srv.kernels() if kernel_id in " ".join(k.cmdline())]
        victim.kill()
        notice = page.locator("#briefing-kernel-lost")
        notice.wait_for(timeout=WAIT_MS)
        assert "Reload the page" in notice.inner_text()
        assert page.get_attribute("body", "data-briefing-kernel") == "lost"
        page.screenshot(path=str(artifacts_dir() / "kernel-lost-notice.png"))
        nxt = context.new_page()
        nxt.goto(srv.url)
        nxt.wait_for_selector(READY, state="attached", timeout=WAIT_MS)
        assert nxt.locator("#briefing-kernel-lost").count() == 0
        # the next viewer's page works: a filter change redraws a chart (out of view, as the
        # reader scrolls to it)
        look_at(nxt, "timeline")
        before = nxt.get_attribute(".briefing-plotly-view[data-chart-id='timeline']",
                                   "data-briefing-rev")
        nxt.locator("button.widget-button", has_text="Reset").click()
        nxt.locator("select").first.select_option(index=0)
        wait_redrawn(nxt, {"timeline": int(before or -1)}, ("timeline",))
        figures["kernel_death"] = {"notice": notice.inner_text().split("Reload")[0].strip()}
    finally:
        context.close()


def test_a_page_without_its_briefing_says_so(browser: Any) -> None:
    # A real server on a notebook whose cells send no widget: what a viewer gets when the
    # briefing's output never reaches the page.
    srv = launcher.start_voila(REPO_ROOT / "tests" / "data" / "notebooks" / "no-output.ipynb",
                               artifacts_dir() / "logs", extra=["--VoilaConfiguration."
                                                                "default_pool_size=0"],
                               wait_pool=False)
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        page = context.new_page()
        page.goto(srv.url)
        notice = page.locator("#briefing-not-loaded")
        notice.wait_for(timeout=WAIT_MS)
        assert "did not finish loading" in notice.inner_text()
        assert notice.locator("button", has_text="Reload").count() == 1
        assert page.get_attribute("body", "data-briefing-failed") == "no-output"
        assert page.locator("body[data-briefing-ready]").count() == 0
        page.screenshot(path=str(artifacts_dir() / "not-loaded-notice.png"))
    finally:
        context.close()
        srv.stop()
