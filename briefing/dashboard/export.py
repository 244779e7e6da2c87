"""Take the briefing away: the frames as CSV in a zip, the figures as one HTML file that
opens with no server (plotly.js and the map's topojson inlined)."""

from __future__ import annotations

import html
import io
import zipfile
from datetime import UTC, datetime

import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from briefing.charts.geo_map import geo_assets_script
from briefing.model import Briefing
from briefing.printout import label_rules


def export_csv_zip(b: Briefing, *, selection_text: str = "all facts") -> bytes:
    """Every frame as `<frame>.csv` (UTF-8, ISO dates), zipped, with a README.txt naming
    the selection the frames came from."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, frame in b.frames().items():
            zf.writestr(f"{name}.csv", frame.to_csv(index=False, date_format="%Y-%m-%d"))
        counts = "\n".join(f"  {name}.csv: {n} rows" for name, n in b.counts().items())
        zf.writestr("README.txt", (
            "Briefing fact base export\n"
            f"Exported: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}\n"
            f"Selection: {selection_text}\n\n"
            f"Files:\n{counts}\n\n"
            "Coding: PLOVER event types and modes; CAMEO codes with Goldstein scores "
            "(-10 conflict ... +10 cooperation); Admiralty grades (source reliability A-F, "
            "information credibility 1-6). Positions are analyst judgments (ICD 203), not "
            "statements of the article. Evidence offsets are character offsets into the "
            "article text in articles.csv.\n"))
    return buf.getvalue()


_LABELS_AFTER_PLOT = ("var gd = document.getElementById('{plot_id}');"
                      "gd.on('plotly_afterplot', function () { declutter(gd); });"
                      "growToFit(Plotly, gd).then(function () { declutter(gd); });")


def export_html(
    figures: dict[str, go.Figure],
    *,
    title: str,
    selection_text: str,
) -> str:
    """One self-contained HTML page: heading, the selection in words, each figure under
    its name. plotly.js is inlined, and the world topojson too when a figure has a map,
    so the file opens from disk with no network."""
    has_geo = any(any(t.type == "scattergeo" for t in f.data) for f in figures.values())
    parts = []
    for i, (name, fig) in enumerate(figures.items()):
        # to_html escapes "</" inside the figure JSON, so fact text cannot end the script.
        # After drawing (and each redraw), the page's own label rule: what would collide
        # or run out of the figure is moved or hidden, as on the live page and on paper.
        div = fig.to_html(full_html=False, include_plotlyjs=False, div_id=f"figure-{i}",
                          config={"displaylogo": False, "responsive": True},
                          post_script=_LABELS_AFTER_PLOT)
        parts.append(f"<section><h2>{html.escape(name)}</h2>\n{div}\n</section>")
    plotly_js = get_plotlyjs().replace("</script", "<\\/script")
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        "<style>body{font-family:Inter,'Segoe UI',Arial,sans-serif;margin:2em auto;"
        "max-width:1200px;color:#222}h2{font-size:1.1em;margin-top:2em}"
        ".selection{color:#555}</style>",
        f"<script>{plotly_js}</script>",
        f"<script>{label_rules()}</script>",
        geo_assets_script() if has_geo else "",
        "</head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f'<p class="selection">Selection: {html.escape(selection_text)}</p>',
        *parts,
        "</body></html>",
    ])
