"""Many viewers on this 2-core machine: everyone gets the page, nothing is left behind.

Servers here run with a short idle cull (45 s for ten viewers at once, whose pages take a
while to connect on two cores; 15 s for one viewer at a time) so that what a production
server does after 30 minutes happens within the test. Kernels are counted as
``ipykernel`` processes under the server; memory is the server process's RSS.

* 10 viewers open the real dashboard at once (one Chromium, ten contexts); all reach
  ``data-briefing-ready``; after they leave, the culler brings the kernels back to the
  preheated pool.
* A viewer whose kernel is killed sees the notice in words; the next viewer gets a
  working page.
* 50 page views in a row (open, wait ready, close) leave the kernel count at the pool
  size and the server's memory growth bounded.

The figures go to ``security-figures.json``.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import psutil
import pytest

from .conftest import REPO_ROOT, artifacts_dir, launcher, start_server

pytestmark = [pytest.mark.slow, pytest.mark.browser]

READY = "body[data-briefing-ready]"
CULL_CROWD = ["--MappingKernelManager.cull_idle_timeout=45",
              "--MappingKernelManager.cull_interval=3"]
CULL_ONE = ["--MappingKernelManager.cull_idle_timeout=15",
            "--MappingKernelManager.cull_interval=2"]
POOL = 2  # voila.json: default_pool_size
VIEWERS = 10
VIEWS = 50
# Records when the page became ready, in ms since navigation start.
READY_CLOCK = """
window.addEventListener('briefing-ready', () => { window.__readyAt = performance.now(); });
"""
# ms since navigation start when the page became ready (an upper bound if the event was missed)
READY_AT = "() => window.__readyAt === undefined ? performance.now() : window.__readyAt"


def kernels(server: Any) -> list[psutil.Process]:
    try:
        children = psutil.Process(server.process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    out = []
    for child in children:
        try:
            if "ipykernel" in " ".join(child.cmdline()):
                out.append(child)
        except psutil.NoSuchProcess:
            pass
    return out


def rss_mb(server: Any) -> float:
    return psutil.Process(server.process.pid).memory_info().rss / 2**20


def wait_kernels(server: Any, at_most: int, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        n = len(kernels(server))
        if n <= at_most:
            return n
        time.sleep(0.5)
    return len(kernels(server))


@pytest.fixture(scope="module")
def dashboard_server() -> Any:
    srv = start_server(REPO_ROOT / "briefing.ipynb", artifacts_dir() / "logs", CULL_CROWD)
    yield srv
    srv.stop()


@pytest.mark.timeout(360)
def test_ten_viewers_at_once_then_culled(dashboard_server: Any, browser: Any,
                                         figures: dict) -> None:
    srv = dashboard_server
    contexts = [browser.new_context(viewport={"width": 1366, "height": 768})
                for _ in range(VIEWERS)]
    try:
        pages = []
        for context in contexts:
            page = context.new_page()
            page.add_init_script(READY_CLOCK)
            page.goto(srv.url, wait_until="commit")
            pages.append(page)
        for page in pages:
            page.wait_for_selector(READY, state="attached", timeout=180_000)
        ready_s = sorted(round(p.evaluate(READY_AT) / 1000, 1) for p in pages)
        held = len(kernels(srv))
        assert held >= VIEWERS  # one kernel per viewer (the pool refills behind them)
        assert all(p.locator("#briefing-kernel-lost").count() == 0 for p in pages)
    finally:
        for context in contexts:
            context.close()
    left = wait_kernels(srv, POOL, 100)
    figures["viewers_at_once"] = {"viewers": VIEWERS, "ready_seconds": ready_s,
                                  "kernels_while_held": held,
                                  "kernels_after_leaving": left}
    assert left == POOL, "kernels of viewers who left were not culled"


@pytest.mark.timeout(180)
def test_a_dead_kernel_is_told_and_the_next_viewer_is_fine(dashboard_server: Any,
                                                           browser: Any,
                                                           figures: dict) -> None:
    srv = dashboard_server
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        page = context.new_page()
        page.goto(srv.url)
        page.wait_for_selector(READY, state="attached", timeout=120_000)
        kernel_id = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', page.content()).group(1)
        [victim] = [k for k in kernels(srv) if kernel_id in " ".join(k.cmdline())]
        victim.kill()
        notice = page.locator("#briefing-kernel-lost")
        notice.wait_for(timeout=30_000)
        assert "Reload the page" in notice.inner_text()
        assert page.get_attribute("body", "data-briefing-kernel") == "lost"
        page.screenshot(path=str(artifacts_dir() / "kernel-lost-notice.png"))
        nxt = context.new_page()
        nxt.goto(srv.url)
        nxt.wait_for_selector(READY, state="attached", timeout=120_000)
        assert nxt.locator("#briefing-kernel-lost").count() == 0
        # the next viewer's page works: a filter change redraws a chart
        before = nxt.get_attribute(".briefing-plotly-view[data-chart-id='timeline']",
                                   "data-briefing-rev")
        nxt.locator("button.widget-button", has_text="Reset").click()
        nxt.locator("select").first.select_option(index=0)
        nxt.wait_for_function(
            "(rev) => document.querySelector(\".briefing-plotly-view[data-chart-id='timeline']\")"
            ".getAttribute('data-briefing-rev') !== rev", arg=before, timeout=60_000)
        figures["kernel_death"] = {"notice": notice.inner_text().split("Reload")[0].strip()}
    finally:
        context.close()


@pytest.mark.timeout(420)
def test_fifty_views_in_a_row_leave_nothing_behind(browser: Any, figures: dict) -> None:
    srv = start_server(Path(launcher.DEFAULT_NOTEBOOK), artifacts_dir() / "logs", CULL_ONE)
    try:
        context = browser.new_context()
        warm = context.new_page()  # one view first: imports and caches are not leaks
        warm.goto(srv.url)
        warm.wait_for_selector(READY, state="attached", timeout=120_000)
        warm.close()
        wait_kernels(srv, POOL, 45)
        kernels_before, rss_before = len(kernels(srv)), rss_mb(srv)
        started = time.monotonic()
        for _ in range(VIEWS):
            page = context.new_page()
            page.goto(srv.url)
            page.wait_for_selector(READY, state="attached", timeout=120_000)
            page.close()
        took = time.monotonic() - started
        context.close()
        kernels_after = wait_kernels(srv, POOL, 45)
        rss_after = rss_mb(srv)
        figures["fifty_views"] = {
            "views": VIEWS, "seconds": round(took, 1),
            "kernels_before": kernels_before, "kernels_after": kernels_after,
            "server_rss_mb_before": round(rss_before, 1),
            "server_rss_mb_after": round(rss_after, 1),
            "kernel_processes_left": kernels_after,
        }
        assert kernels_after == POOL
        # bounded: a leak of the page's state (a few MB per view) would show as 100+ MB
        assert rss_after - rss_before < 60, (rss_before, rss_after)
    finally:
        srv.stop()
