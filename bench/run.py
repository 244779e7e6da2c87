"""The performance benchmark: one command, every figure of issue 5, JSON plus a table.

    bash scripts/setup.sh --browser && .venv/bin/python -m bench.run      # ~15 minutes
    .venv/bin/python -m bench.run --runs 3 --sizes 1 10 --skip-browser   # a quick look

Sections (each measured side by side in one run; medians over `--runs` alternating runs):

- scale: synthetic fact bases of 1, 10, 100 and 1,000 articles (bench/generate.py):
  cold load with full validation (fresh process, empty cache), warm load (fresh process,
  nothing changed), selection (filter → frames), the dashboard's chart builds and figure
  sizes, a filter change in the kernel, and the RSS of a process holding the dashboard;
- browser: Chromium against the project's Voilà server: time from navigation start to
  `data-briefing-ready` for the dashboard and for a bare page (one ipywidgets Label)
  served the same way, with and without preheated kernels; bytes per page view (HTTP
  and websocket); interaction latency (filter change, chart click → charts redrawn in
  the DOM) on the article and on 1,000 articles; RSS of the dashboard kernel.

Results: `bench/results/<time>.json` and `bench/results/latest.json`; the table is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"
PY = sys.executable

# Issue 18's targets where it set them (time to interactive, filter change → settled,
# kernel memory per viewer); the earlier issues' for the rest
TARGETS = {
    "tti_ratio": 1.2, "interaction_p95_article_ms": 100, "interaction_p95_1000_ms": 300,
    "load_cold_1000_s": 10, "load_warm_1000_s": 1, "select_1000_ms": 20,
    "rss_1_mb": 100, "rss_1000_mb": 600,
}


def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def p95(xs: list[float]) -> float:
    if not xs:
        return float("nan")
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, round(0.95 * len(s) + 0.5) - 1))]


def load_average() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


# --------------------------------------------------------------------------- scale
# Each probe runs in a fresh interpreter so that imports, caches and heap start clean.
_PROBE = r"""
import json, os, sys, time, resource, gc
t0 = time.perf_counter()
import briefing
t_import = time.perf_counter() - t0
what, path = sys.argv[1], sys.argv[2]
out = {"import_s": t_import}
t = time.perf_counter(); b = briefing.load(path); out["load_s"] = time.perf_counter() - t
if what == "full":
    import psutil
    from briefing.select import Selection, select
    from briefing.charts import CHARTS
    from briefing.dashboard import Dashboard
    from briefing.widgets import figure_to_dict
    iss = b.issues["issue_id"].iloc[0]
    actors = list(b.participants["actor_id"].value_counts().index[:2])
    sels = [Selection(actors={actors[0]}, issue=iss),
            Selection(event_types={"CONSULT", "REQUEST"}, statuses={"occurred"}, issue=iss),
            Selection(min_reliability="C", issue=iss),
            Selection(actors=set(actors), min_reliability="D", issue=iss)]
    select(b, sels[0])
    times = []
    for _ in range(7):
        for s in sels:
            t = time.perf_counter(); select(b, s); times.append(time.perf_counter() - t)
    out["select_ms"] = [x * 1000 for x in times]
    sel = Selection(issue=iss)
    sub = select(b, sel)
    charts = {}
    for name, chart in CHARTS.items():
        t = time.perf_counter(); fig = chart.figure(sub, sel); tb = time.perf_counter() - t
        t = time.perf_counter(); d = figure_to_dict(fig); ts = time.perf_counter() - t
        charts[name] = {"build_ms": tb * 1000, "serialise_ms": ts * 1000,
                        "kb": len(json.dumps(d)) / 1024}
    out["charts"] = charts
    t = time.perf_counter(); dash = Dashboard(b); out["dashboard_s"] = time.perf_counter() - t
    flips = [Selection(statuses={"occurred"}, issue=iss), Selection(issue=iss),
             Selection(min_reliability="B", issue=iss), Selection(issue=iss)]
    lat = []
    for _ in range(4):
        for s in flips:
            t = time.perf_counter(); dash.set_selection(s); lat.append(time.perf_counter() - t)
    out["kernel_filter_ms"] = [x * 1000 for x in lat[2:]]
    gc.collect()
    out["rss_mb"] = psutil.Process().memory_info().rss / 2**20
    out["counts"] = b.counts()
print("BENCH" + json.dumps(out))
"""


def probe(what: str, facts: Path, cache: Path) -> dict[str, Any]:
    env = dict(os.environ, BRIEFING_CACHE=str(cache), PYTHONPATH=str(REPO))
    r = subprocess.run([PY, "-c", _PROBE, what, str(facts)], env=env, cwd=REPO,
                       capture_output=True, text=True, timeout=900)
    for line in r.stdout.splitlines():
        if line.startswith("BENCH"):
            return json.loads(line[5:])
    raise RuntimeError(f"probe failed:\n{r.stdout[-2000:]}\n{r.stderr[-4000:]}")


def bench_scale(sizes: list[int], runs: int, work: Path) -> dict[str, Any]:
    from bench.generate import generate

    out: dict[str, Any] = {}
    for n in sizes:
        facts = generate(n, work / f"facts-{n}")
        cold, warm, full = [], [], []
        print(f"  scale n={n}: ", end="", flush=True)
        for i in range(runs):  # cold and warm alternate: each cold run starts empty
            cache = work / f"cache-{n}-{i}"
            cold.append(probe("load", facts, cache)["load_s"])
            warm.append(probe("load", facts, cache)["load_s"])
            print(".", end="", flush=True)
        for _ in range(max(1, runs // 3)):
            full.append(probe("full", facts, work / f"cache-{n}-0"))
        print()
        last = full[-1]
        out[str(n)] = {
            "counts": last["counts"],
            "load_cold_s": median(cold), "load_cold_runs": cold,
            "load_warm_s": median(warm), "load_warm_runs": warm,
            "import_s": median([f["import_s"] for f in full]),
            "select_ms_median": median([x for f in full for x in f["select_ms"]]),
            "select_ms_p95": p95([x for f in full for x in f["select_ms"]]),
            "kernel_filter_ms_median": median([x for f in full for x in f["kernel_filter_ms"]]),
            "kernel_filter_ms_p95": p95([x for f in full for x in f["kernel_filter_ms"]]),
            "dashboard_build_s": median([f["dashboard_s"] for f in full]),
            "rss_mb": median([f["rss_mb"] for f in full]),
            "charts": {name: {k: median([f["charts"][name][k] for f in full])
                              for k in ("build_ms", "serialise_ms", "kb")}
                       for name in last["charts"]},
        }
    return out


# --------------------------------------------------------------------------- browser
BARE_NOTEBOOK = {
    "cells": [{"cell_type": "code", "execution_count": None, "id": "bare-1", "metadata": {},
               "outputs": [], "source": ["import ipywidgets\n",
                                         "ipywidgets.Label('bench-ready')"]}],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                "name": "python3"}, "language_info": {"name": "python"}},
    "nbformat": 4, "nbformat_minor": 5,
}

# The page an experienced Jupyter user compares us with: one ipywidgets.HTML, served by
# stock Voilà (lab template, no project settings, preheated kernels).
STOCK_NOTEBOOK = {**BARE_NOTEBOOK, "cells": [{
    **BARE_NOTEBOOK["cells"][0], "id": "stock-1",
    "source": ["import ipywidgets\n", "ipywidgets.HTML('bench-ready')"]}]}

# Runs before any page script: notes when the page is interactive (our marker, or the bare
# pages' label / HTML widget), and the first user input after `window.__armed` is set.
# Phases: when the widget state arrived over the kernel websocket (Voilà's preheated page
# asks for every model's state at once: "update_states"), the first widget view, plotly.js
# parsed, the first chart drawn; the last chart drawn is the time to interactive.
_INIT = r"""
(() => {
  const label = () => [...document.querySelectorAll('.widget-label, .widget-html-content')]
    .some(e => e.textContent.includes('bench-ready'));
  const done = () => document.body &&
    (document.body.hasAttribute('data-briefing-ready') || label());
  // first time each phase of the page was seen: where the time to interactive goes
  const phases = window.__phases = {};
  const seen = (name, yes) => {
    if (phases[name] === undefined && yes) phases[name] = performance.now();
  };
  const check = () => {
    seen('plotly_js', !!window.Plotly);
    seen('first_widget', !!document.querySelector('.jupyter-widgets'));
    seen('first_chart_view', !!document.querySelector('.briefing-plotly-view'));
    seen('first_chart_drawn', !!document.querySelector('[data-briefing-drawn]'));
    if (window.__tti === undefined && done()) window.__tti = performance.now();
  };
  const Native = window.WebSocket;
  const decoder = new TextDecoder('utf-8', {fatal: false});
  window.WebSocket = function (url, protocols) {
    const ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
    ws.addEventListener('message', (event) => {
      const d = event.data;
      const text = typeof d === 'string' ? d : (d instanceof ArrayBuffer
        ? decoder.decode(new Uint8Array(d, 0, Math.min(d.byteLength, 65536))) : '');
      if (text.includes('update_states')) seen('widget_state', true);
    });
    return ws;
  };
  window.WebSocket.prototype = Native.prototype;
  for (const k of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) window.WebSocket[k] = Native[k];
  // Each Plotly.react after an input (window.__t0): [chart, start after the input, ms],
  // where a filter change's time goes chart by chart. plotly.js defines window.Plotly
  // once; the setter wraps its react then.
  let plotly;
  Object.defineProperty(window, 'Plotly', {configurable: true, get: () => plotly, set: (v) => {
    if (v && !v.__benchTimed) {
      const react = v.react;
      v.react = async function (gd, ...rest) {
        const s = performance.now();
        try { return await react.call(this, gd, ...rest); } finally {
          const view = gd && gd.closest && gd.closest('.briefing-plotly-view');
          if (window.__t0 !== undefined && window.__reacts) {
            window.__reacts.push([view ? view.dataset.chart : '?', s - window.__t0,
                                  performance.now() - s]);
          }
        }
      };
      v.__benchTimed = true;
    }
    plotly = v;
  }});
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true,
    attributeFilter: ['data-briefing-ready', 'data-briefing-drawn']});
  for (const kind of ['mousedown', 'change', 'input']) {
    document.addEventListener(kind, () => {
      if (window.__armed && window.__t0 === undefined) window.__t0 = performance.now();
    }, true);
  }
})();
"""

# Arms a watcher: window.__lat is set once the page answered the next input: the widget
# that the kernel updates last (`signal`: the status line or the detail panel) changed,
# and no chart has a redraw queued or running (plotly_view.js: data-briefing-drawing).
_ARM = r"""
(signal) => {
  const text = () => [...document.querySelectorAll(signal)].map(e => e.innerHTML).join('|');
  const was = text();
  window.__t0 = undefined; window.__lat = undefined; window.__armed = true;
  window.__redrawn = 0; window.__answer = undefined; window.__live = undefined;
  window.__reacts = [];
  // the charts drawn in the browser (live.js): when every one has redrawn
  const live = document.querySelectorAll('[data-live]').length;
  const seen = new Set();
  const obs = new MutationObserver((records) => {
    for (const r of records) {
      if (r.attributeName !== 'data-briefing-rev') continue;
      window.__redrawn += 1;
      if (r.target.dataset && r.target.dataset.live) seen.add(r.target);
    }
    if (window.__t0 !== undefined && window.__live === undefined && live
        && seen.size >= live) window.__live = performance.now() - window.__t0;
    if (window.__t0 === undefined || window.__lat !== undefined) return;
    if (text() === was) return;
    if (window.__answer === undefined) window.__answer = performance.now() - window.__t0;
    if (document.body.hasAttribute('data-briefing-drawing')) return;
    window.__lat = performance.now() - window.__t0;
    // charts out of view are redrawn when they come near it (plotly_view.js)
    window.__stale = document.querySelectorAll('[data-briefing-stale]').length;
    window.__armed = false;
    obs.disconnect();
  });
  obs.observe(document.body, {subtree: true, childList: true, attributes: true,
                              characterData: true});
}
"""


class Servers:
    """Voilà servers started like tests/browser/conftest.py's `start_voila`, through
    bench/serve.py (the product's server, plus a switch for preheating)."""

    def __init__(self, log_dir: Path) -> None:
        sys.path.insert(0, str(REPO))
        self.log_dir = log_dir
        self.running: list[Any] = []

    def start(self, notebook: Path, *, facts: Path | None = None, preheat: bool = True,
              cache: Path | None = None, extra: list[str] | None = None) -> Any:
        import re

        from tests.browser.conftest import (
            SERVER_START_TIMEOUT,
            VoilaServer,
            answers,
            free_port,
            spawn,
        )

        self.log_dir.mkdir(parents=True, exist_ok=True)
        port = free_port()
        log_path = self.log_dir / f"voila-{notebook.stem}-{port}.log"
        env = dict(os.environ, PYTHONPATH=str(REPO))
        env.pop("BROWSER", None)
        if facts is not None:
            env["BRIEFING_FACTS"] = str(facts)
        if cache is not None:
            env["BRIEFING_CACHE"] = str(cache)
        argv = [PY, "-m", "bench.serve", "--notebook", str(notebook), "--port", str(port)]
        proc, output = spawn(argv + ([] if preheat else ["--no-preheat"]) + (extra or []),
                             log_path, cwd=REPO, env=env)
        server = VoilaServer(notebook=notebook, port=port, process=proc, log_path=log_path,
                             output=output)
        self.running.append(server)
        if not server.wait_for_log(r"briefing: serving .* at http://", SERVER_START_TIMEOUT):
            raise RuntimeError(f"Voilà did not start:\n{server.log()[-4000:]}")
        found = re.search(r"briefing: serving .* at http://[^:]+:(\d+)/", server.log())
        server.port = int(found.group(1)) if found else port
        answers(server.url + "voila/static/briefing.css")   # announced after binding
        if preheat:
            server.wait_for_log(r"Kernel pool of .* is filled", 300)
        return server

    def start_stock(self, notebook: Path, extra: list[str] | None = None) -> Any:
        """Stock Voilà as a user types it, `voila NOTEBOOK`, plus preheated kernels: the lab
        template, none of the project's settings (no voila.json is read, even one installed
        into the environment), no briefing code on the page."""
        from tests.browser.conftest import (
            SERVER_START_TIMEOUT,
            VoilaServer,
            answers,
            free_port,
            spawn,
        )

        self.log_dir.mkdir(parents=True, exist_ok=True)
        port = free_port()
        log_path = self.log_dir / f"stock-voila-{notebook.stem}-{port}.log"
        no_config = notebook.parent / "no-config"
        no_config.mkdir(exist_ok=True)
        env = {k: v for k, v in os.environ.items() if k not in ("BROWSER", "JUPYTER_PATH")}
        argv = [PY, "-m", "voila", str(notebook), f"--port={port}", "--no-browser",
                "--Voila.ip=127.0.0.1", f"--Voila.config_file_paths={no_config}",
                "--template=lab", "--VoilaConfiguration.preheat_kernel=True",
                "--VoilaConfiguration.default_pool_size=2", *(extra or [])]
        proc, output = spawn(argv, log_path, cwd=notebook.parent, env=env)
        server = VoilaServer(notebook=notebook, port=port, process=proc, log_path=log_path,
                             output=output)
        self.running.append(server)
        if not server.wait_for_log(r"Voilà is running at", SERVER_START_TIMEOUT):
            raise RuntimeError(f"stock Voilà did not start:\n{server.log()[-4000:]}")
        answers(server.url + "voila/static/voila.js")
        server.wait_for_log(r"Kernel pool of .* is filled", 300)
        return server

    def stop_all(self) -> None:
        for s in self.running:
            s.stop()
        self.running.clear()


def _tree(pid: int) -> list[Any]:
    import psutil

    try:
        p = psutil.Process(pid)
        return [p, *p.children(recursive=True)]
    except psutil.Error:
        return []


def settle(servers: list[Any], timeout: float = 60.0) -> None:
    """Wait until the servers and their kernels are idle (pool refilled, kernels gone)."""
    import psutil

    deadline = time.monotonic() + timeout
    time.sleep(0.3)
    while time.monotonic() < deadline:
        procs = [p for s in servers for p in _tree(s.process.pid)]
        try:
            for p in procs:
                p.cpu_percent(None)
            time.sleep(0.5)
            busy = sum(p.cpu_percent(None) for p in procs if p.is_running())
        except psutil.Error:
            continue
        if busy < 8:
            return


def kernel_rss_mb(server: Any) -> float:
    """The largest RSS among the server's kernels (each holds one dashboard)."""
    rss = [p.memory_info().rss for p in _tree(server.process.pid)[1:]
           if "ipykernel" in " ".join(p.cmdline())]
    return max(rss) / 2**20 if rss else float("nan")


def page_view(browser: Any, url: str, *, timeout_ms: float = 180_000) -> dict[str, Any]:
    """One page view in a fresh context: time to interactive and bytes transferred."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.add_init_script(_INIT)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    counts = {"http": 0, "ws_in": 0, "ws_out": 0, "requests": 0}

    def finished(e: dict) -> None:
        counts["http"] += int(e.get("encodedDataLength", 0))
        counts["requests"] += 1

    cdp.on("Network.loadingFinished", finished)
    cdp.on("Network.webSocketFrameReceived",
           lambda e: counts.__setitem__("ws_in", counts["ws_in"]
                                        + len(e["response"]["payloadData"])))
    cdp.on("Network.webSocketFrameSent",
           lambda e: counts.__setitem__("ws_out", counts["ws_out"]
                                        + len(e["response"]["payloadData"])))
    page.goto(url, wait_until="commit", timeout=timeout_ms)
    page.wait_for_function("() => window.__tti !== undefined", timeout=timeout_ms, polling=50)
    tti = page.evaluate("() => window.__tti")
    phases = page.evaluate("() => window.__phases")
    # charts drawn when the page was ready, of all charts (the others wait out of view)
    drawn = page.evaluate("() => [document.querySelectorAll("
                          "'.briefing-plotly-view[data-briefing-drawn]').length,"
                          " document.querySelectorAll('.briefing-plotly-view').length]")
    nav = page.evaluate("() => { const n = performance.getEntriesByType('navigation')[0];"
                        " return n ? {html_done: n.responseEnd, dom_content_loaded:"
                        " n.domContentLoadedEventEnd} : {}; }")
    page.wait_for_timeout(1000)  # late messages (e.g. comm acks) count as the view's bytes
    return {"tti_ms": tti, "page": page, "context": context, "drawn_at_ready": drawn,
            "phases": {**nav, **phases, "interactive": tti}, **counts}


def measure_interactions(page: Any, n: int, *, status_select: Any = None,
                         grade_select: Any = None) -> dict[str, list[float]]:
    """Filter changes and chart clicks in one open dashboard; ms until charts redrew.
    The Status and Sources controls: the Voilà page's ipywidgets unless given (the static
    page's own elements)."""
    out: dict[str, list[float]] = {"status": [], "sources": [], "click": []}
    redrawn: dict[str, list[int]] = {k: [] for k in out}
    stale: dict[str, list[int]] = {k: [] for k in out}  # out of view: redrawn when near it
    # until the kernel's last update reached the page (the rest is drawing)
    answer: dict[str, list[float]] = {k: [] for k in out}
    # where the time goes: when the first chart's redraw starts, and each chart's redraw
    reacts: dict[str, dict[str, list[float]]] = {k: {} for k in out}
    status = status_select or page.locator(".widget-select-multiple select").nth(2)
    status_values = status.evaluate("s => [...s.options].map(o => o.value)")
    dropdown = grade_select or page.locator(".widget-dropdown select").first
    grade_values = dropdown.evaluate("s => [...s.options].map(o => o.value)")

    def run(kind: str, signal: str, act: Any) -> None:
        # what an earlier step set off ends first: a scroll to a node draws the charts it
        # brought near view (measured on its own: "jump to a chart out of view")
        page.evaluate(_IDLE)
        page.evaluate(_ARM, signal)
        act()
        try:
            page.wait_for_function("() => window.__lat !== undefined", timeout=20_000, polling=20)
            out[kind].append(page.evaluate("() => window.__lat"))
            live = page.evaluate("() => window.__live")
            if live is not None and kind != "click":
                out.setdefault(f"{kind}, live charts", []).append(live)
            redrawn[kind].append(page.evaluate("() => window.__redrawn"))
            stale[kind].append(page.evaluate("() => window.__stale"))
            answer[kind].append(page.evaluate("() => window.__answer"))
            drawn = page.evaluate("() => window.__reacts || []")
            if drawn:
                reacts[kind].setdefault("first redraw starts", []).append(
                    min(start for _, start, _ in drawn))
            for chart, _, ms in drawn:
                reacts[kind].setdefault(chart, []).append(ms)
        except Exception:  # noqa: BLE001 - a lost update counts as a timeout
            out[kind].append(20_000.0)
        page.wait_for_timeout(150)

    for i in range(n):
        pick = [status_values[i % len(status_values)]] if i % 2 == 0 else []
        run("status", ".briefing-status", lambda pick=pick: status.select_option(pick))
        grade = grade_values[(i + 1) % len(grade_values)]
        run("sources", ".briefing-status", lambda g=grade: dropdown.select_option(g))
        xy = page.evaluate(_NODE_XY, i)
        if xy:
            run("click", ".briefing-detail", lambda xy=xy: (page.mouse.move(*xy),
                                                            page.mouse.click(*xy)))
    dropdown.select_option(grade_values[0])
    # a chart left out of view, as the reader jumps to it: ms until it is drawn
    # (charts beside it or just below it are drawn with it: the next jump is to the first
    # chart still waiting)
    page.evaluate("() => window.scrollTo(0, 0)")
    jumps: dict[str, Any] = {}
    for _ in range(12):
        chart = page.evaluate("() => { const v = [...document.querySelectorAll("
                              "'.briefing-plotly-view[data-briefing-stale]')]"
                              ".find((e) => e.getBoundingClientRect().width > 0);"
                              " return v ? v.dataset.chartId : null; }")
        if chart is None or chart in jumps:
            break
        jumps[chart] = page.evaluate(_JUMP, chart)
    out["jump to a chart out of view → drawn"] = jumps  # type: ignore
    out["charts_redrawn_median"] = {k: median(v) for k, v in redrawn.items()}  # type: ignore
    out["charts_left_out_of_view_median"] = {  # type: ignore
        k: median(v) for k, v in stale.items() if v}
    out["kernel_answer_median_ms"] = {k: median(v) for k, v in answer.items()}  # type: ignore
    out["redraw_phases_median_ms"] = {  # type: ignore
        k: {c: median(v) for c, v in per.items()} for k, per in reacts.items() if per}
    return out


def drawn_rows(views: list[dict[str, Any]], name: str) -> list[tuple[str, str, str, str]]:
    """How many charts the page had drawn when it was ready, of how many (median)."""
    drawn = [v["drawn_at_ready"] for v in views if v.get("drawn_at_ready")]
    if not drawn:
        return []
    return [(name, f"{median([d for d, _ in drawn]):g} of {drawn[0][1]} (the others are"
             " drawn as the reader scrolls near them)", "", "")]


def redraw_rows(interactions: dict[str, Any], label: str) -> list[tuple[str, str, str, str]]:
    """Where an interaction's time goes, chart by chart (medians): when the first redraw
    starts after the input, then each chart's Plotly.react; how many charts out of view
    were left to redraw as they come near it; and, jumping to each, when it was drawn."""
    left = interactions.get("charts_left_out_of_view_median", {})
    rows = [(f"  redraw phases ms, {label} {kind}",
             ", ".join(f"{c} {ms:.0f}" for c, ms in per.items())
             + (f"; {left[kind]:g} out of view left for later" if left.get(kind) else ""),
             "", "")
            for kind, per in interactions.get("redraw_phases_median_ms", {}).items()]
    jumps = interactions.get("jump to a chart out of view → drawn", {})
    if jumps:
        rows.append((f"  jump to a chart out of view → drawn, ms, {label}",
                     ", ".join(f"{c} {'never' if ms is None else f'{ms:.0f}'}"
                               for c, ms in jumps.items()), "", ""))
    return rows


# Resolves once two frames have passed (a scroll's IntersectionObserver has run) and no
# chart is drawing.
_IDLE = r"""
() => new Promise((resolve) => {
  const idle = () => (document.body.hasAttribute('data-briefing-drawing')
    ? setTimeout(idle, 10) : resolve());
  requestAnimationFrame(() => requestAnimationFrame(idle));
})
"""


# Scrolls a chart that waits out of view into view at once (a jump, not a smooth scroll,
# which would draw it before it shows); ms until it is drawn and nothing draws.
_JUMP = r"""
(chart) => new Promise((resolve) => {
  const v = document.querySelector(`.briefing-plotly-view[data-chart-id='${chart}']`);
  const done = () => !v.hasAttribute('data-briefing-stale')
    && !document.body.hasAttribute('data-briefing-drawing');
  const t0 = performance.now();
  const obs = new MutationObserver(() => {
    if (done()) { obs.disconnect(); resolve(performance.now() - t0); }
  });
  obs.observe(document.body, {subtree: true, attributes: true,
                              attributeFilter: ['data-briefing-stale', 'data-briefing-drawing']});
  v.scrollIntoView({block: 'start'});
  setTimeout(() => { obs.disconnect(); resolve(null); }, 20000);
})
"""


# The centre of the i-th node (cycled) of the network chart's "actors" trace, on screen.
_NODE_XY = r"""
(i) => {
  const view = document.querySelector('[data-chart-id="network"]');
  const gd = view && view.querySelector('.js-plotly-plot');
  if (!gd || !gd.data) return null;
  const idx = gd.data.findIndex(t => t.name === 'actors');
  const traces = gd.querySelectorAll('.scatterlayer .trace');
  const pts = traces[idx] ? traces[idx].querySelectorAll('.point') : [];
  if (!pts.length) return null;
  const p = pts[(i * 7) % Math.min(pts.length, 12)];
  p.scrollIntoView({block: 'center'});
  const r = p.getBoundingClientRect();
  return [r.x + r.width / 2, r.y + r.height / 2];
}
"""


def bench_browser(runs: int, work: Path, facts_1000: Path | None, clicks: int,
                  cold: bool = True) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(REPO))
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    bare = work / "bare.ipynb"
    bare.write_text(json.dumps(BARE_NOTEBOOK))
    (work / "stock").mkdir(exist_ok=True)
    stock = work / "stock" / "stock.ipynb"  # a folder of its own: no voila.json next to it
    stock.write_text(json.dumps(STOCK_NOTEBOOK))
    dash_nb = REPO / "briefing.ipynb"
    servers = Servers(work / "logs")
    out: dict[str, Any] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for preheat in (True, False) if cold else (True,):
                label = "preheated" if preheat else "cold_kernel"
                load_before = load_average()
                print(f"  browser: time to interactive, {label} ", end="", flush=True)
                s_dash = servers.start(dash_nb, preheat=preheat, cache=work / "cache-srv")
                s_bare = servers.start(bare, preheat=preheat, cache=work / "cache-srv")
                # the stock page is served (preheated) alongside, in the preheated round
                s_stock = servers.start_stock(stock) if preheat else None
                pages = [("bare", s_bare), ("dashboard", s_dash)]
                if s_stock is not None:
                    pages.append(("stock", s_stock))
                running = [s for _, s in pages]
                settle(running)
                views: dict[str, list[dict]] = {name: [] for name, _ in pages}
                for i in range(runs):
                    # loads alternate: each page goes first, second, third in turn
                    order = pages[i % len(pages):] + pages[:i % len(pages)]
                    for name, server in order:
                        v = page_view(browser, server.url)
                        if name == "dashboard" and preheat and i == 0:
                            out["kernel_rss_article_mb"] = kernel_rss_mb(server)
                        if name == "dashboard" and preheat and i == runs - 1 and clicks:
                            print(" interactions", end="", flush=True)
                            out["interactions_article"] = measure_interactions(v["page"],
                                                                               clicks)
                        v["context"].close()
                        views[name].append({k: v[k] for k in ("tti_ms", "http", "ws_in", "ws_out",
                                                              "requests", "phases",
                                                              "drawn_at_ready")})
                        settle(running)
                        print(".", end="", flush=True)
                print()
                out[label] = views
                out[f"{label}_load"] = [load_before, load_average()]
                servers.stop_all()
            if facts_1000 is not None:
                print("  browser: 1,000 articles ", end="", flush=True)
                cache = work / "cache-srv-1000"
                subprocess.run([PY, "-c", "import briefing,sys; briefing.load(sys.argv[1])",
                                str(facts_1000)], env=dict(os.environ, BRIEFING_CACHE=str(
                                    cache), PYTHONPATH=str(REPO)), check=True)
                s_big = servers.start(dash_nb, facts=facts_1000, cache=cache)
                s_bare = servers.start(bare, cache=cache)
                settle([s_big, s_bare], timeout=180)
                views = {"dashboard": [], "bare": []}
                for i in range(max(3, runs // 2)):
                    order = [("bare", s_bare), ("dashboard", s_big)]
                    for name, server in order if i % 2 == 0 else order[::-1]:
                        v = page_view(browser, server.url)
                        if name == "dashboard" and i == 0:
                            out["kernel_rss_1000_mb"] = kernel_rss_mb(server)
                            print(" interactions", end="", flush=True)
                            out["interactions_1000"] = measure_interactions(v["page"],
                                                                            clicks)
                        v["context"].close()
                        views[name].append({k: v[k] for k in ("tti_ms", "http", "ws_in", "ws_out",
                                                              "requests", "phases",
                                                              "drawn_at_ready")})
                        settle([s_big, s_bare], timeout=180)
                        print(".", end="", flush=True)
                print()
                out["preheated_1000"] = views
        finally:
            servers.stop_all()
            browser.close()
    return out


# --------------------------------------------------------------------------- report
def summarise(res: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(figure, measured, target, verdict) rows."""
    rows: list[tuple[str, str, str, str]] = []

    def row(name: str, value: float, target: float | None, unit: str, fmt: str = ".0f"
            ) -> None:
        ok = "" if target is None else ("met" if value <= target else "MISSED")
        rows.append((name, f"{value:{fmt}} {unit}",
                     "" if target is None else f"≤ {target:g} {unit}", ok))

    br = res.get("browser", {})
    for label in ("preheated", "cold_kernel", "preheated_1000"):
        if label not in br:
            continue
        if f"{label}_load" in br:
            before, after = br[f"{label}_load"]
            rows.append((f"load average during {label} (1, 5, 15 min)", f"{before} → {after}",
                         "", ""))
        d = median([v["tti_ms"] for v in br[label]["dashboard"]])
        b = median([v["tti_ms"] for v in br[label]["bare"]])
        n = len(br[label]["dashboard"])
        row(f"TTI dashboard, {label} (median of {n})", d, None, "ms")
        row(f"TTI bare page, {label} (median of {n})", b, None, "ms")
        stock = [v["tti_ms"] for v in br[label].get("stock", [])]
        if stock:
            st = median(stock)
            row(f"TTI stock bare Voilà page, {label} (median of {len(stock)})", st, None, "ms")
            row(f"TTI ratio dashboard/stock bare page, {label}", d / st,
                TARGETS["tti_ratio"], "×", ".2f")
        row(f"TTI ratio dashboard/our bare page (same template), {label}", d / b,
            None if stock or label == "preheated_1000" else TARGETS["tti_ratio"], "×", ".2f")
        rows += drawn_rows(br[label]["dashboard"], f"  charts drawn when ready, {label}")
        for who in [w for w in ("dashboard", "bare", "stock") if br[label].get(w)]:
            names = sorted({k for v in br[label][who] for k in v.get("phases", {})},
                           key=lambda k: median([v["phases"].get(k, 0)
                                                 for v in br[label][who]]))
            views = br[label][who]
            text = ", ".join(
                f"{k} {median([v['phases'][k] for v in views if k in v['phases']]):.0f}"
                for k in names)
            rows.append((f"  phases ms, {who}, {label}", text, "", ""))
        for kind in ("http", "ws_in", "ws_out"):
            dk = median([v[kind] for v in br[label]["dashboard"]]) / 1024
            bk = median([v[kind] for v in br[label]["bare"]]) / 1024
            rows.append((f"bytes {kind}, {label}: dashboard / bare", f"{dk:,.0f} / {bk:,.0f} KB",
                         "", f"{dk / bk:.2f}×" if bk else ""))
            if stock:
                sk = median([v[kind] for v in br[label]["stock"]]) / 1024
                rows.append((f"bytes {kind}, {label}: stock bare page", f"{sk:,.0f} KB", "",
                             ""))
    for key, target in (("interactions_article", TARGETS["interaction_p95_article_ms"]),
                        ("interactions_1000", TARGETS["interaction_p95_1000_ms"])):
        for kind, xs in br.get(key, {}).items():
            if xs and isinstance(xs, list):
                row(f"{key.replace('interactions_', 'interaction ')}: {kind} p95 "
                    f"(median {median(xs):.0f}, n={len(xs)})", p95(xs), target, "ms")
        rows += redraw_rows(br.get(key, {}), key.replace("interactions_", ""))
    if "kernel_rss_article_mb" in br:
        row("RSS of the dashboard kernel, article", br["kernel_rss_article_mb"],
            TARGETS["rss_1_mb"], "MB")
    if "kernel_rss_1000_mb" in br:
        row("RSS of the dashboard kernel, 1,000 articles", br["kernel_rss_1000_mb"],
            TARGETS["rss_1000_mb"], "MB")
    sc = res.get("scale", {})
    for n, s in sc.items():
        big = n == "1000"
        row(f"n={n}: load cold (validated, empty cache)", s["load_cold_s"],
            TARGETS["load_cold_1000_s"] if big else None, "s", ".2f")
        row(f"n={n}: load warm (nothing changed)", s["load_warm_s"],
            TARGETS["load_warm_1000_s"] if big else None, "s", ".2f")
        row(f"n={n}: select p95 (median {s['select_ms_median']:.1f})", s["select_ms_p95"],
            TARGETS["select_1000_ms"] if big else None, "ms", ".1f")
        row(f"n={n}: filter change in the kernel p95 (median "
            f"{s['kernel_filter_ms_median']:.0f})", s["kernel_filter_ms_p95"], None, "ms")
        row(f"n={n}: Dashboard() build", s["dashboard_build_s"], None, "s", ".2f")
        row(f"n={n}: RSS of a process holding the dashboard", s["rss_mb"],
            TARGETS["rss_1000_mb"] if big else TARGETS["rss_1_mb"] if n == "1" else None,
            "MB")
        sizes = ", ".join(f"{k} {v['kb']:.0f}" for k, v in s["charts"].items())
        builds = ", ".join(f"{k} {v['build_ms']:.0f}" for k, v in s["charts"].items())
        rows.append((f"n={n}: figure KB", sizes, "", ""))
        rows.append((f"n={n}: figure build ms", builds, "", ""))
    return rows


def print_table(rows: list[tuple[str, str, str, str]]) -> None:
    # long free-text rows (phases, per-chart lists) do not widen the columns of the others
    fits = [r for r in rows if len(r[1]) <= 40] or rows
    w = [max(len(r[i]) for r in fits) for i in range(4)]
    for r in rows:
        if len(r[1]) > 40:
            print(f"{r[0].ljust(w[0])}  {r[1]}")
        else:
            print("  ".join(c.ljust(w[i]) for i, c in enumerate(r)).rstrip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the briefing performance benchmark.")
    parser.add_argument("--runs", type=int, default=7, help="alternating runs (default 7)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100, 1000])
    parser.add_argument("--clicks", type=int, default=12,
                        help="interaction rounds per page (each: 2 filters + 1 click)")
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--skip-cold", action="store_true",
                        help="no round without preheated kernels")
    args = parser.parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    res: dict[str, Any] = {
        "started": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version(), "load_before": load_average()},
        "runs": args.runs,
    }
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        work = Path(tmp)
        t = time.monotonic()
        if not args.skip_scale:
            res["scale"] = bench_scale(args.sizes, args.runs, work)
        if not args.skip_browser:
            from bench.generate import generate

            big = generate(1000, work / "facts-1000", fresh=False) if 1000 in args.sizes \
                else None
            res["browser"] = bench_browser(args.runs, work, big, args.clicks,
                                           cold=not args.skip_cold)
        res["seconds"] = time.monotonic() - t
    res["machine"]["load_after"] = load_average()
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for name in (f"{stamp}.json", "latest.json"):
        (RESULTS / name).write_text(json.dumps(res, indent=1, default=str))
    print(f"\nbriefing benchmark — {res['machine']['cpus']} CPUs, load average "
          f"{res['machine']['load_before']} → {res['machine']['load_after']}, "
          f"{res['seconds'] / 60:.1f} min; medians of {args.runs} alternating runs\n")
    print_table([("figure", "measured", "target", ""), *summarise(res)])
    print(f"\nJSON: {RESULTS / (stamp + '.json')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
