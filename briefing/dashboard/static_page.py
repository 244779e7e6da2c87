"""The briefing as a static page: files any static web server can serve to any number of
readers, with no kernel behind them.

The page runs the same browser code as the Voilà page — the selection (`select.js`), the
mark rules (`marks.js`), the live selection (`live.js`) and the chart view
(`plotly_view.js`) — on the same data: the fact base's selection index and every live
chart's rules (`LiveSelection`), in one binary file. What the Voilà page asks its kernel
for is written out beforehand: each fact's Details card, each source's card with the
events that rest on it, every article's text with
its sentences and evidence (the browser marks them, `article.js`). `static_page.js` builds
the controls as plain HTML elements and gives each piece a model with the widget models'
interface.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from briefing.charts import CHARTS, TOPOJSON_PATH
from briefing.describe import key_points
from briefing.model import Briefing
from briefing.select import Selection
from briefing.widgets import STATIC_DIR, figure_to_dict, plotly_js_path

from .live_widget import _module as live_module
from .page import Dashboard, _e, set_name
from .plan import key_point_heads, title_html
from .reading import PAGE_READING_MAX_FACTS, fact_count, reading_data

ASSETS = "static"  # the folder beside index.html that holds code and data


def _json(value: Any) -> str:
    # inside <script> and attributes: no "</" that could end the element
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


def _controls(dash: Dashboard) -> list[dict[str, Any]]:
    """The filter controls as the page builds them: name, label, kind, option labels
    (in the order of the live selection's option values), rows, and the chosen index."""
    many = len(dash.b.articles) > 1
    out = []
    for name, ctl, kind in (("articles", dash.w_articles, "many"),
                            ("actors", dash.w_actors, "many"), ("types", dash.w_types, "many"),
                            ("statuses", dash.w_status, "many"),
                            ("dates", dash.w_dates, "range"),
                            ("reliability", dash.w_reliability, "one"),
                            ("issue", dash.w_issue, "one")):
        if name == "articles" and not many or name == "issue" and not ctl.options:
            continue   # one article, or no issue declared: nothing to choose
        if name == "dates":
            labels = [label for label, _ in dash._date_options]
            if not labels:
                continue
        else:
            labels = [label for label, _ in ctl.options]
        index = ctl.index
        out.append({"name": name, "label": ctl.description, "kind": kind, "options": labels,
                    "rows": getattr(ctl, "rows", None),
                    "index": list(index) if isinstance(index, tuple) else index})
    return out


def _key_points_html(b: Briefing) -> str:
    groups = key_points(b)
    parts = []
    for g in groups:
        parts.append(key_point_heads(b, g, groups))
        for i, (text, ids) in enumerate(g.points):
            parts.append(
                f"<div class='briefing-kp-line'><span class='briefing-kp'>{i + 1}. {_e(text)}"
                f"</span><button type='button' class='briefing-kp-button' "
                f"data-ids='{_e(json.dumps(list(ids)))}' data-article='{_e(g.article_id)}' "
                "title=\"Show the facts and the article's words behind this point\">"
                "evidence</button></div>")
    return "".join(parts)


CARDS_PER_FILE = 400


def _split(reading: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Reading data for a large base: the cards and the article texts in files beside
    the page, fetched when first shown (reading.js). Returns (reading, files)."""
    files: dict[str, Any] = {}
    ids = list(reading["cards"])
    chunks = {}
    for k in range(0, len(ids), CARDS_PER_FILE):
        part = ids[k:k + CARDS_PER_FILE]
        files[f"cards-{k // CARDS_PER_FILE}.json"] = {i: reading["cards"][i] for i in part}
        chunks.update(dict.fromkeys(part, k // CARDS_PER_FILE))
    stubs = []
    for n, a in enumerate(reading["articles"]):
        files[f"article-{n}.json"] = {"text": a["text"], "sentences": a["sentences"]}
        stubs.append({k: v for k, v in a.items() if k not in ("text", "sentences")}
                     | {"file": n})
    return {**reading, "cards": {}, "card_chunks": chunks, "articles": stubs,
            "files": f"{ASSETS}/"}, files


def page_data(dash: Dashboard, *, split_over: int = PAGE_READING_MAX_FACTS
              ) -> tuple[dict[str, Any], bytes, dict[str, Any]]:
    """What the static page loads: its data as JSON, the live selection's bytes, and, for
    a base of more than `split_over` facts, the files its cards and article texts are
    split into (name → JSON)."""
    b = dash.b
    live = dash.live
    views = []
    for name, c in CHARTS.items():
        view: dict[str, Any] = {"name": name, "heading": c.heading, "note": c.note,
                                "live": dash.views[name].live or ""}
        if not view["live"]:
            view["figure"] = figure_to_dict(c.spec(b, Selection(issue=dash.selection.issue), b))
        views.append(view)
    reading, files = reading_data(b), {}
    if fact_count(b) > split_over:
        reading, files = _split(reading)
    data = {
        "meta": live.meta,
        "controls": _controls(dash),
        "views": views,
        "reading": reading,
    }
    return data, bytes(live.blob), files


def _layout_html(b: Briefing) -> str:
    def slot(name: str) -> str:
        grow, basis = CHARTS[name].flex
        return (f"<div class='briefing-slot' data-view='{name}' "
                f"style='flex: {grow} 1 {basis}px'></div>")

    many = len(b.articles) > 1
    details = ("<div class='briefing-card' style='flex: 2 1 380px'><h2>Details</h2>"
               "<div class='briefing-detail' id='briefing-detail'></div></div>")
    reader = ("<div class='briefing-card' style='flex: 1 1 520px'>"
              f"<h2>{'The articles' if many else 'The article'}</h2>"
              "<p class='briefing-note'>Highlighted: the sentences behind what the charts "
              "show.</p>"
              + ("<label class='briefing-read'>Read <select id='briefing-read'></select>"
                 "</label>" if many else "")
              + "<div id='briefing-article'></div></div>")
    rows = [[slot("network"), details], [slot("positions"), slot("positions_overview")],
            [slot("timeline"), slot("geo_map")], [reader, slot("sources")]]
    return "".join(f"<div class='briefing-row-wide{' briefing-first' if i == 0 else ''}'>"
                   f"{''.join(r)}</div>" for i, r in enumerate(rows))


def index_html(b: Briefing) -> str:
    title, _ = set_name(b)
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        '<link rel="icon" href="data:,">',  # no request for a favicon
        f'<link rel="stylesheet" href="{ASSETS}/dashboard.css">',
        f'<link rel="stylesheet" href="{ASSETS}/static_page.css">',
        f'<script id="briefing-plotly" src="{ASSETS}/plotly.min.js"></script>',
        f'<script type="module" src="{ASSETS}/static_page.mjs"></script>',
        # plotly_view.js fetches the map's topojson from <base>static/, as under Voilà
        '</head><body data-base-url="./">',
        "<div class='briefing-root briefing-static'>",
        title_html(b),
        f"<div class='briefing-key-points'>{_key_points_html(b)}</div>",
        "<div class='briefing-filters briefing-card'><h2>Filter the briefing</h2>"
        "<div class='briefing-controls' id='briefing-controls'></div>"
        "<div class='briefing-buttons'><button type='button' id='briefing-reset'>Reset"
        "</button><button type='button' id='briefing-print' title='The page as it is now, "
        "every chart drawn; choose Save as PDF in the print dialog'>Print or save as PDF"
        "</button></div>"
        "<div class='briefing-status' id='briefing-status'>"
        "<span class='briefing-showing'>Loading the briefing…</span></div></div>",
        _layout_html(b),
        "<noscript><p class='briefing-error'>This briefing needs JavaScript to draw its "
        "charts.</p></noscript>",
        "</div></body></html>",
    ])


def export_static(b: Briefing, out: Path, *,
                  split_over: int = PAGE_READING_MAX_FACTS) -> list[Path]:
    """Write the static briefing of `b` into the folder `out`: `index.html` and the
    `static/` folder beside it (cards and article texts in files of their own for more
    than `split_over` facts). Returns the files written."""
    dash = Dashboard(b)
    data, blob, files = page_data(dash, split_over=split_over)
    assets = out / ASSETS
    assets.mkdir(parents=True, exist_ok=True)
    written = []

    def put(path: Path, text: str | bytes) -> None:
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        written.append(path)

    put(assets / "live.mjs", live_module())
    for name in ("plotly_view", "static_page"):
        put(assets / f"{name}.mjs", (STATIC_DIR / f"{name}.js").read_text(encoding="utf-8"))
    for src, name in ((STATIC_DIR / "dashboard.css", "dashboard.css"),
                      (STATIC_DIR / "static_page.css", "static_page.css"),
                      (plotly_js_path(), "plotly.min.js"),
                      (STATIC_DIR / "plotly.js.LICENSE.txt", "plotly.js.LICENSE.txt"),
                      (TOPOJSON_PATH, TOPOJSON_PATH.name)):
        shutil.copyfile(src, assets / name)
        written.append(assets / name)
    for old in [*assets.glob("cards-*.json"), *assets.glob("article-*.json")]:
        old.unlink()  # a previous export's
    for name, part in files.items():
        put(assets / name, _json(part))
    put(assets / "briefing.json", _json(data))
    put(assets / "briefing.bin", blob)
    put(out / "index.html", index_html(b))
    return written
