"""A briefing to take into a meeting: the current view as a PDF (A4 or Letter), and each
chart as a PNG, made offline by the machine's own Chromium.

    html = printout_html(b, selection, figures)              # a print page, self-contained
    result = render(html, paper="a4", png=True)              # Chromium: PDF bytes, PNGs
    result.save("out/")                                      # briefing.pdf, chart-*.png

The print page holds the header (title, date, outlet, counts, the selection in words), the
key points each with the article's own words behind them, every chart (drawn by the
vendored plotly.js, as vectors), and the sources with their Admiralty grades. Everything
the page needs is inlined (plotly.js, the map's topojson), and the browser is told to
refuse any request, so nothing is fetched.

Only the data and chart layers are imported: the caller hands in the figures (the page
and the CLI build them from the same chart table).
"""

from __future__ import annotations

import asyncio
import html
import json
import os
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from briefing.charts.geo_map import geo_assets_script
from briefing.describe import KEY_POINT_ARTICLES, ArticlePoints, key_points, story_title
from briefing.model import Briefing
from briefing.select import Selection

__all__ = ["KEY_POINT_ARTICLES", "PAPERS", "ArticlePoints", "PrintError", "Printout",
           "key_points", "printout_html", "render", "story_title"]

STATIC_DIR = Path(__file__).resolve().parent / "static"
CHROMIUM = Path(os.environ.get("BRIEFING_CHROMIUM", "/usr/bin/chromium"))
#: paper → (Chromium's format name, printable width in CSS px at 15 mm side margins)
PAPERS: dict[str, tuple[str, int]] = {"a4": ("A4", 680), "letter": ("Letter", 703)}
RENDER_TIMEOUT_MS = 60_000


class PrintError(RuntimeError):
    """The printout could not be made (no Chromium, no Playwright, a chart that failed)."""


@dataclass
class Printout:
    pdf: bytes
    paper: str
    pngs: dict[str, bytes] = field(default_factory=dict)  # file name → PNG bytes

    def save(self, out_dir: str | os.PathLike[str], *, name: str = "briefing") -> list[Path]:
        """Write ``<name>-<paper>.pdf`` and the PNGs into ``out_dir``; returns the paths."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        written = [out / f"{name}-{self.paper}.pdf"]
        written[0].write_bytes(self.pdf)
        for file_name, data in self.pngs.items():
            path = out / file_name
            path.write_bytes(data)
            written.append(path)
        return written


def _e(value: Any) -> str:
    return html.escape("" if value is None or (isinstance(value, float) and pd.isna(value))
                       else str(value), quote=True)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "chart"


def _header(b: Briefing, selection_text: str) -> str:
    title, sub = story_title(b)
    counts = (f"{len(b.actors)} actors · {len(b.events)} events · {len(b.statements)} "
              f"statements · {len(b.sources)} sources · {len(b.positions)} assessed positions")
    return (f"<header><h1>{_e(title)}</h1><p class='sub'>{_e(sub)} · {_e(counts)}</p>"
            f"<p class='sub'>View: {_e(selection_text)}</p></header>")


def _key_points_html(b: Briefing, chosen: frozenset[str]) -> str:
    groups = key_points(b, chosen)
    many = len(b.articles) > 1
    parts = []
    for g in groups:
        items = []
        for text, ids in g.points:
            quotes = b.evidence[b.evidence["fact_id"].isin(ids)]["quote"].drop_duplicates()
            q = "".join(f"<blockquote>“{_e(x)}”</blockquote>" for x in quotes.head(3))
            items.append(f"<li><p>{_e(text)}</p>{q}</li>")
        if not items:
            continue
        head = (f"<h3>{_e(g.title)} <span class='sub'>{g.published:%-d %b %Y}</span></h3>"
                if many else "")
        parts.append(head + "<ol>" + "".join(items) + "</ol>")
    if not parts:
        return ""
    more = (len(chosen) if chosen else len(b.articles)) - len(groups)
    note = (f"<p class='sub'>The key points of the {len(groups)} newest articles; the "
            f"other {more}'s are in the CSV export.</p>" if more > 0 else "")
    return "<section class='points'><h2>Key points</h2>" + note + "".join(parts) + "</section>"


def _sources_html(b: Briefing, shown: Briefing) -> str:
    rel = b.admiralty.query("axis == 'reliability'") if len(b.admiralty) else b.admiralty
    meaning = dict(zip(rel["grade"], rel["meaning"], strict=False)) if len(rel) else {}
    per_source = shown.events["source_id"].value_counts()
    rows = "".join(
        f"<tr><td>{_e(s.name)}</td><td class='grade'>{_e(s.reliability)}</td>"
        f"<td>{_e(meaning.get(s.reliability, ''))}</td>"
        f"<td class='n'>{int(per_source.get(s.source_id, 0))}</td></tr>"
        for s in b.sources.sort_values(["reliability", "name"]).itertuples(index=False))
    return ("<section class='sources'><h2>Sources and their grades</h2>"
            "<table><thead><tr><th>source</th><th>grade</th><th>Admiralty reliability</th>"
            "<th>events in view</th></tr></thead><tbody>" + rows + "</tbody></table></section>")


_CSS = """
@page { margin: 14mm 15mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.4 system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: #1d2433;
       margin: 0; }
h1 { font-size: 18pt; margin: 0 0 2pt; line-height: 1.2; }
h2 { font-size: 12.5pt; margin: 14pt 0 4pt; }
.sub { color: #5b6478; margin: 0 0 2pt; font-size: 9.5pt; }
ol { padding-left: 16pt; margin: 0; }
li { margin: 0 0 6pt; break-inside: avoid; }
li p { margin: 0 0 2pt; }
blockquote { margin: 2pt 0 2pt 6pt; padding: 2pt 8pt; border-left: 2.5pt solid #2457c5;
             background: #f6f8fc; font-family: Georgia, "Times New Roman", serif;
             font-size: 9.5pt; }
section.chart { break-inside: avoid; margin-top: 10pt; }
section.chart .note { color: #5b6478; font-size: 9pt; margin: 0 0 4pt; }
.plot { width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { text-align: left; padding: 3pt 6pt; border-bottom: 0.5pt solid #d5d9e0;
         vertical-align: top; }
td.grade { font-weight: 700; }
td.n { text-align: right; }
tr { break-inside: avoid; }
footer { margin-top: 12pt; color: #5b6478; font-size: 8.5pt; }
"""

def label_rules() -> str:
    """The page's label placement (plotly_view.js, between `// <labels>` and
    `// </labels>`: plain functions, no module syntax), for the print page to run after
    drawing, so paper follows the same rule as the screen."""
    text = (STATIC_DIR / "plotly_view.js").read_text(encoding="utf-8")
    start, end = text.index("// <labels>"), text.index("// </labels>")
    return text[start:end].replace("</", "<\\/")


# Draws every figure statically; sets window.__printReady (or __printError) when done.
_DRAW = """
(function () {
  var figs = JSON.parse(document.getElementById('figures').textContent);
  var jobs = figs.map(function (f, i) {
    var layout = Object.assign({}, f.layout, {width: WIDTH, height: f.layout.height || 420,
                                             title: {text: ''}});
    // the page's own label rule: what would collide or run out is moved or hidden
    return Plotly.newPlot('chart-' + i, f.data, layout,
                          {staticPlot: true, displayModeBar: false, responsive: false})
      .then(function (gd) { return growToFit(Plotly, gd).then(function () { declutter(gd); }); });
  });
  Promise.all(jobs).then(function () { window.__printReady = true; },
                         function (e) { window.__printError = String(e); });
})();
"""


def printout_html(
    b: Briefing,
    selection: Selection,
    figures: Mapping[str, Any],
    *,
    notes: Mapping[str, str] | None = None,
    shown: Briefing | None = None,
    paper: str = "a4",
) -> str:
    """The print page for `selection`: header, key points with quotes, each of `figures`
    (heading → go.Figure or figure dict) under its heading, the sources with grades.
    `shown` is the selection's frames when the caller has them already."""
    if paper not in PAPERS:
        raise PrintError(f"paper must be one of {', '.join(PAPERS)}, not {paper!r}")
    from briefing.select import select

    shown = shown if shown is not None else select(b, selection)
    notes = notes or {}
    figs = []
    charts = []
    for i, (heading, fig) in enumerate(figures.items()):
        d = json.loads(fig.to_json()) if hasattr(fig, "to_json") else dict(fig)
        figs.append({"data": d.get("data", []), "layout": d.get("layout", {})})
        note = notes.get(heading, "")
        charts.append(f"<section class='chart'><h2>{_e(heading)}</h2>"
                      + (f"<p class='note'>{_e(note)}</p>" if note else "")
                      + f"<div class='plot' id='chart-{i}' data-heading='{_e(heading)}'></div>"
                      "</section>")
    has_geo = any(t.get("type") in ("scattergeo", "choropleth") for f in figs for t in f["data"])
    # Fact text reaches the page only escaped, or inside this JSON script with "</" broken up.
    payload = json.dumps(figs, separators=(",", ":")).replace("</", "<\\/")
    plotly_js = (STATIC_DIR / "plotly.min.js").read_text(encoding="utf-8")
    plotly_js = plotly_js.replace("</script", "<\\/script")
    title = str(b.articles["title"].iloc[0]) if len(b.articles) == 1 else "Briefing"
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; "
        "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
        "font-src data:\">",
        f"<title>{_e(title)}</title><style>{_CSS}</style>",
        f"<script>{plotly_js}</script>",
        geo_assets_script() if has_geo else "",
        "</head><body>",
        _header(b, selection.describe(b)),
        _key_points_html(b, selection.articles),
        *charts,
        _sources_html(b, shown),
        "<footer>Coding: PLOVER event types, CAMEO codes with Goldstein scores, Admiralty "
        "grades (A–F reliability, 1–6 credibility). Positions are analyst judgments, not "
        "statements of the article.</footer>",
        f"<script type='application/json' id='figures'>{payload}</script>",
        f"<script>{label_rules()}</script>",
        f"<script>{_DRAW.replace('WIDTH', str(PAPERS[paper][1]))}</script>",
        "</body></html>",
    ])


def _render_sync(page_html: str, paper: str, png: bool) -> Printout:
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as e:
        raise PrintError("the PDF export needs the 'playwright' package "
                         "(pip install playwright; no browser download is needed)") from e
    if not CHROMIUM.exists():
        raise PrintError(f"the PDF export needs Chromium at {CHROMIUM} (Debian: apt-get "
                         "install chromium; or set BRIEFING_CHROMIUM)")
    fmt, width = PAPERS[paper]
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"])
            try:
                context = browser.new_context(viewport={"width": width, "height": 1000},
                                              device_scale_factor=2, offline=True)
                # Nothing may be fetched: every request is refused before it leaves.
                context.route("**/*", lambda route: route.abort())
                page = context.new_page()
                page.set_content(page_html, wait_until="load")
                page.wait_for_function("() => window.__printReady || window.__printError",
                                       timeout=RENDER_TIMEOUT_MS)
                error = page.evaluate("() => window.__printError || null")
                if error:
                    raise PrintError(f"a chart could not be drawn for the printout: {error}")
                pngs = {}
                if png:
                    for el in page.locator(".plot").all():
                        name = f"chart-{slug(el.get_attribute('data-heading') or '')}.png"
                        pngs[name] = el.screenshot(type="png")
                page.emulate_media(media="print")
                pdf = page.pdf(format=fmt, print_background=True,
                               margin={"top": "14mm", "bottom": "14mm", "left": "15mm",
                                       "right": "15mm"})
            finally:
                browser.close()
    except PlaywrightError as e:
        raise PrintError(f"Chromium could not make the printout: {e}") from e
    return Printout(pdf=pdf, paper=paper, pngs=pngs)


def render(page_html: str, *, paper: str = "a4", png: bool = False) -> Printout:
    """Print `page_html` (from `printout_html`) to PDF with Chromium; with `png`, also each
    chart as a PNG (2× pixels). Works inside a running event loop (a Jupyter kernel) too:
    Playwright's sync API then runs in a thread of its own."""
    if paper not in PAPERS:
        raise PrintError(f"paper must be one of {', '.join(PAPERS)}, not {paper!r}")
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return _render_sync(page_html, paper, png)
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["out"] = _render_sync(page_html, paper, png)
        except BaseException as e:  # handed back to the caller's thread
            box["err"] = e

    t = threading.Thread(target=work, name="briefing-printout")
    t.start()
    t.join()
    if "err" in box:
        raise box["err"]
    return box["out"]
