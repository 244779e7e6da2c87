"""The static briefing (`python -m briefing export --html`) from a plain static server:
time to interactive, bytes, and filter change / click → page settled, on the shipped
article, a generated 25-article story and 1,000 generated articles; and N viewers opening
the shipped article's page at the same moment (`bench.viewers`' clock: navigation start →
readiness marker, each in its own browser context).

    .venv/bin/python -m bench.static [--runs 5] [--clicks 12] [--sizes 1 25 1000]
                                     [--viewers 10]

Same measures as `bench.run` (its page view and interaction harness): an input event →
the status line (or Details) changed and no chart is drawing. Printed with the machine's
load; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.run import (
    PY,
    REPO,
    RESULTS,
    drawn_rows,
    load_average,
    measure_interactions,
    median,
    p95,
    page_view,
    print_table,
    redraw_rows,
)

TARGETS = {1: 100, 25: 150, 1000: 300}  # filter change → settled p95, ms (issue 18)


def export(facts: Path | None, out: Path) -> Path:
    subprocess.run([PY, "-m", "briefing", "export", "--html", "--out", str(out),
                    *([str(facts)] if facts else [])], cwd=REPO, check=True,
                   stdout=subprocess.DEVNULL)
    return out


def serve(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    sys.path.insert(0, str(REPO))
    from tests.browser.test_static_page import serve_folder

    return serve_folder(folder, folder.parent / f"{folder.name}-http.log")


class _Site:
    """A static server as `bench.viewers.at_once` sees a Voilà server: no kernels."""

    def __init__(self, url: str) -> None:
        self.url = url

    def kernels(self) -> list[Any]:
        return []

    def wait_kernels(self, at_most: int, timeout: float) -> int:
        return 0


def at_once(browser: Any, url: str, viewers: int) -> dict[str, Any]:
    """N readers opening the static page at the same moment (`bench.viewers`' clock)."""
    from bench.viewers import DASHBOARD_READY
    from bench.viewers import at_once as viewers_at_once

    return viewers_at_once(browser, _Site(url), viewers, DASHBOARD_READY)


def bench(sizes: list[int], runs: int, clicks: int, work: Path,
          viewers: int = 0) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    from bench.generate import generate
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    out: dict[str, Any] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for n in sizes:
                facts = None if n == 1 else generate(n, work / f"facts-{n}")
                site = export(facts, work / f"site-{n}")
                size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
                proc, url = serve(site)
                print(f"  static page, {n} article(s) ", end="", flush=True)
                before = load_average()
                try:
                    views = []
                    for i in range(runs):
                        v = page_view(browser, url)
                        if i == runs - 1 and clicks:
                            page = v["page"]
                            out[f"interactions_{n}"] = measure_interactions(
                                page, clicks,
                                status_select=page.locator("#briefing-control-statuses"),
                                grade_select=page.locator("#briefing-control-reliability"))
                        v["context"].close()
                        views.append({k: v[k] for k in ("tti_ms", "http", "requests",
                                                        "drawn_at_ready")})
                        print(".", end="", flush=True)
                    if n == 1 and viewers:
                        print(f" {viewers} at once", end="", flush=True)
                        out["at_once"] = at_once(browser, url, viewers)
                finally:
                    proc.terminate()
                    proc.wait(timeout=30)
                print()
                out[f"views_{n}"] = views
                out[f"site_kb_{n}"] = size / 1024
                out[f"load_{n}"] = [before, load_average()]
        finally:
            browser.close()
    return out


def summarise(res: dict[str, Any], sizes: list[int]) -> list[tuple[str, str, str, str]]:
    rows = []
    if "at_once" in res:
        a = res["at_once"]
        rows.append((f"{a['viewers']} viewers at once (1 article): last ready",
                     f"{a['last_ready_s']} s", "", f"never ready: {a['never_ready']}"))
        rows.append(("  each ready after (s)", ", ".join(f"{x:g}" for x in a["ready_s"]),
                     "", ""))
    for n in sizes:
        if f"views_{n}" not in res:
            continue
        before, after = res[f"load_{n}"]
        rows.append((f"{n} article(s): load average (1, 5, 15 min)", f"{before} → {after}",
                     "", ""))
        views = res[f"views_{n}"]
        rows.append((f"{n} article(s): time to interactive (median of {len(views)})",
                     f"{median([v['tti_ms'] for v in views]):.0f} ms", "", ""))
        rows += drawn_rows(views, f"  {n} article(s): charts drawn when ready")
        rows.append((f"{n} article(s): bytes over HTTP / files written",
                     f"{median([v['http'] for v in views]) / 1024:,.0f} / "
                     f"{res[f'site_kb_{n}']:,.0f} KB", "", ""))
        for kind, xs in res.get(f"interactions_{n}", {}).items():
            if not (xs and isinstance(xs, list)):
                continue
            target = TARGETS.get(n) if kind in ("status", "sources") else None
            value = p95(xs)
            rows.append((f"{n} article(s): {kind} p95 (median {median(xs):.0f}, n={len(xs)})",
                         f"{value:.0f} ms", "" if target is None else f"≤ {target} ms",
                         "" if target is None else ("met" if value <= target else "MISSED")))
        rows += redraw_rows(res.get(f"interactions_{n}", {}), f"{n} article(s)")
    return rows


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--clicks", type=int, default=12)
    p.add_argument("--sizes", type=int, nargs="+", default=[1, 25, 1000])
    p.add_argument("--viewers", type=int, default=10, help="at once on the article's page")
    args = p.parse_args(argv)
    res: dict[str, Any] = {"started": time.strftime("%Y-%m-%dT%H:%M:%S"),
                           "load_before": load_average()}
    with tempfile.TemporaryDirectory(prefix="briefing-static-") as tmp:
        res.update(bench(args.sizes, args.runs, args.clicks, Path(tmp), args.viewers))
    res["load_after"] = load_average()
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"static-{stamp}.json").write_text(json.dumps(res, indent=1, default=str))
    print(f"\nstatic briefing — load average {res['load_before']} → {res['load_after']}\n")
    print_table([("figure", "measured", "target", ""), *summarise(res, args.sizes)])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
