"""Many viewers: a meeting opening the link at once, and a long run of page views.

`python -m bench.viewers [--viewers 10 50] [--views 50] [--skip-stock]`

* **At once**: N viewers open the page at the same moment (one Chromium, N contexts); the
  time each was ready (navigation start → `data-briefing-ready`, or the bare page's widget
  shown), the kernels held while they stay, and the kernels left after they leave and the
  idle culler ran (the pool size when nothing is left behind). The same for the stock bare
  Voilà page (`voila bare.ipynb`, lab template, preheated kernels: what an experienced Jupyter
  user compares with), served beside ours and measured right after it.
* **Memory**: the RSS of each viewer kernel while N are held (median and largest), and its
  USS (what only that kernel holds: its RSS less the library pages all kernels share).
* **In a row**: V page views one after another (open, ready, close); the kernels left and the
  server's RSS growth, which a leak of the page's state would show.

The servers cull idle kernels after 120 s (30 minutes in production) so that what a server
does after a meeting happens within the run. Figures depend on the machine's load: the
table gives the load average before and after; raw numbers go to
`bench/results/viewers-<time>.json`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from bench.run import (
    BARE_NOTEBOOK,
    REPO,
    RESULTS,
    STOCK_NOTEBOOK,
    Servers,
    load_average,
    settle,
)

# Idle kernels are culled after 120 s here (30 minutes in production): at 45 s, with 50
# viewers at once on two cores, kernels were culled before their page had connected.
CULL = ["--MappingKernelManager.cull_idle_timeout=120",
        "--MappingKernelManager.cull_interval=3"]
POOL = 2  # voila.json: default_pool_size
# When each page was ready, in ms since navigation start: the first element matching READY
# (the dashboard: its readiness marker; a bare page: its widget's view). And when its first
# widget view appeared: the server's part (a kernel that ran the notebook, its widgets'
# state sent) is over by then; the rest is the browser drawing the page.
READY_CLOCK = r"""
(() => {
  const mark = () => { if (window.__readyAt === undefined) window.__readyAt = performance.now(); };
  new MutationObserver(() => {
    if (window.__widgetAt === undefined && document.querySelector('.jupyter-widgets')) {
      window.__widgetAt = performance.now();
    }
    if (document.querySelector(READY)) mark();
  }).observe(document, {subtree: true, childList: true, attributes: true});
})();
"""
DASHBOARD_READY = "body[data-briefing-ready]"
BARE_READY = ".widget-label, .widget-html"
TIMEOUT_MS = 300_000  # one ceiling for a page to be ready


def at_once(browser: Any, server: Any, viewers: int, ready: str) -> dict[str, Any]:
    contexts = [browser.new_context(viewport={"width": 1366, "height": 768})
                for _ in range(viewers)]
    try:
        pages = []
        for context in contexts:
            page = context.new_page()
            page.add_init_script(READY_CLOCK.replace("READY", json.dumps(ready)))
            page.goto(server.url, wait_until="commit", timeout=TIMEOUT_MS)
            pages.append(page)
        deadline = time.monotonic() + TIMEOUT_MS / 1000
        never = 0  # pages not ready within the ceiling (a blank page is a failure, not a wait)
        for page in pages:
            try:
                page.wait_for_function("() => window.__readyAt !== undefined", polling=100,
                                       timeout=max(1, deadline - time.monotonic()) * 1000)
            except PlaywrightTimeout:
                never += 1
        ready = sorted(round(t / 1000, 2) for t in
                       (p.evaluate("() => window.__readyAt") for p in pages) if t is not None)
        served = sorted(round(t / 1000, 2) for t in
                        (p.evaluate("() => window.__widgetAt") for p in pages) if t is not None)
        held = server.kernels()
        rss = sorted(round(k.memory_info().rss / 2**20, 1) for k in held)
        # USS: the memory only that kernel holds (its RSS less the pages of libraries and
        # files it shares with the others): what one more viewer costs the machine.
        uss = sorted(round(k.memory_full_info().uss / 2**20, 1) for k in held)
        lost = sum(p.locator("#briefing-kernel-lost").count() for p in pages)
    finally:
        for context in contexts:
            context.close()
    left = server.wait_kernels(POOL, 400)
    return {"viewers": viewers, "ready_s": ready, "never_ready": never,
            "first_widget_s": served,
            "last_first_widget_s": served[-1] if len(served) == len(pages) else None,
            "last_ready_s": ready[-1] if ready and not never else None,
            "median_ready_s": round(statistics.median(ready), 2) if ready else None,
            "kernels_held": len(held),
            "kernel_rss_mb": rss, "kernel_uss_mb": uss, "kernels_left": left,
            "kernel_lost_notices": lost}


def in_a_row(browser: Any, server: Any, views: int) -> dict[str, Any]:
    context = browser.new_context()
    warm = context.new_page()  # one view first: imports and caches are not leaks
    warm.goto(server.url)
    warm.wait_for_selector("body[data-briefing-ready]", state="attached", timeout=TIMEOUT_MS)
    warm.close()
    server.wait_kernels(POOL, 400)
    rss_before = server_rss(server)
    started = time.monotonic()
    for _ in range(views):
        page = context.new_page()
        page.goto(server.url)
        page.wait_for_selector("body[data-briefing-ready]", state="attached",
                               timeout=TIMEOUT_MS)
        page.close()
    took = time.monotonic() - started
    context.close()
    left = server.wait_kernels(POOL, 400)
    return {"views": views, "seconds": round(took, 1), "kernels_left": left,
            "server_rss_mb_before": rss_before, "server_rss_mb_after": server_rss(server)}


def server_rss(server: Any) -> float:
    import psutil

    return round(psutil.Process(server.process.pid).memory_info().rss / 2**20, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--viewers", type=int, nargs="+", default=[10, 50])
    parser.add_argument("--views", type=int, default=50, help="page views in a row (0: none)")
    parser.add_argument("--skip-stock", action="store_true")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    out: dict[str, Any] = {"load_before": load_average(), "at_once": [], "stock_at_once": []}
    work = Path(tempfile.mkdtemp(prefix="bench-viewers-"))
    stock_nb = work / "stock" / "bare.ipynb"
    stock_nb.parent.mkdir()
    stock_nb.write_text(json.dumps(STOCK_NOTEBOOK))
    (work / "bare.ipynb").write_text(json.dumps(BARE_NOTEBOOK))
    # A cache of our own, filled before the server starts (`briefing serve` does the same):
    # every kernel reads the page plan from it, as on a server that has shown the page once.
    # The shared ~/.cache keeps a few fact bases only, and tests running beside the bench
    # push ours out (a kernel that misses loads and validates the facts).
    cache = work / "cache"
    subprocess.run([sys.executable, "-c", "import briefing; briefing.page()"],
                   env=dict(os.environ, BRIEFING_CACHE=str(cache)), cwd=REPO, check=True)
    servers = Servers(work / "logs")
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            ours = servers.start(REPO / "briefing.ipynb", cache=cache, extra=CULL)
            stock = None if args.skip_stock else servers.start_stock(stock_nb, extra=CULL)
            for n in args.viewers:
                settle([s for s in (ours, stock) if s], timeout=180)
                out["at_once"].append(at_once(browser, ours, n, DASHBOARD_READY))
                print(f"viewers: {n} at once on the dashboard: last ready "
                      f"{out['at_once'][-1]['last_ready_s']} s", flush=True)
                if stock:
                    settle([ours, stock], timeout=180)
                    out["stock_at_once"].append(at_once(browser, stock, n, BARE_READY))
                    print(f"viewers: {n} at once on the stock bare page: last ready "
                          f"{out['stock_at_once'][-1]['last_ready_s']} s", flush=True)
            if args.views:
                settle([s for s in (ours, stock) if s], timeout=180)
                out["in_a_row"] = in_a_row(browser, ours, args.views)
            browser.close()
    finally:
        servers.stop_all()
    out["load_after"] = load_average()
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"viewers-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(
        json.dumps(out, indent=2))
    print_table(out)
    return 0


def print_table(out: dict[str, Any]) -> None:
    print(f"\nload average before {out['load_before']} → after {out['load_after']}")
    print(f"{'figure':58} {'dashboard':>12} {'stock bare':>12}")
    stock = {r["viewers"]: r for r in out["stock_at_once"]}
    for r in out["at_once"]:
        s = stock.get(r["viewers"])
        n = r["viewers"]
        rows = [
            (f"{n} at once: pages never ready within {TIMEOUT_MS // 1000} s", r["never_ready"],
             s and s["never_ready"]),
            (f"{n} at once: last ready (s)", r["last_ready_s"], s and s["last_ready_s"]),
            (f"{n} at once: median ready (s)", r["median_ready_s"], s and s["median_ready_s"]),
            (f"{n} at once: last first widget view (s): the server's part",
             r.get("last_first_widget_s"), s and s.get("last_first_widget_s")),
            (f"{n} at once: kernels held / left after culling (pool {POOL})",
             f"{r['kernels_held']}/{r['kernels_left']}",
             s and f"{s['kernels_held']}/{s['kernels_left']}"),
            (f"{n} at once: kernel RSS median / largest (MB)",
             _rss(r["kernel_rss_mb"]), s and _rss(s["kernel_rss_mb"])),
            (f"{n} at once: kernel USS median / largest (MB)",
             _rss(r.get("kernel_uss_mb", [])), s and _rss(s.get("kernel_uss_mb", []))),
        ]
        if s and r["last_ready_s"] and s["last_ready_s"]:
            rows.append((f"{n} at once: last ready, dashboard / stock (target ≤ 1.2×)",
                         f"{r['last_ready_s'] / s['last_ready_s']:.2f}×", ""))
        for label, a, b in rows:
            print(f"{label:58} {a!s:>12} {'' if b is None else b!s:>12}")
        print(f"{n} at once: each kernel's RSS (MB): {r['kernel_rss_mb']}"
              + (f"; stock {s['kernel_rss_mb']}" if s else ""))
    if "in_a_row" in out:
        r = out["in_a_row"]
        print(f"{r['views']} views in a row: {r['seconds']} s, kernels left {r['kernels_left']}"
              f", server RSS {r['server_rss_mb_before']} → {r['server_rss_mb_after']} MB")


def _rss(values: list[float]) -> str:
    return f"{statistics.median(values):.0f} / {max(values):.0f}" if values else "-"


if __name__ == "__main__":
    raise SystemExit(main())
