"""The page's export buttons: the current selection as CSV files, as the charts in one
HTML file, or as a printable PDF, each offered as a download link inside the page."""

from __future__ import annotations

import base64
import logging
from typing import Any

from briefing import printout
from briefing.charts import CHARTS
from briefing.dashboard import export
from briefing.dashboard.detail import _e
from briefing.describe import story_title

log = logging.getLogger(__name__)


def offer_csv(dash: Any) -> None:
    data = export.export_csv_zip(dash.frames())
    offer(dash, data, "briefing-selection.zip", "application/zip", "CSV files (zip)")


def offer_html(dash: Any) -> None:
    sel, sub = dash.selection, dash.frames()
    figures = {c.heading: c.figure(sub, sel, dash.b) for c in CHARTS.values()}
    title, sub_title = story_title(dash.b)
    page = export.export_html(figures, title=title,
                              selection_text=f"{sub_title}; {sel.describe(dash.b)}")
    offer(dash, page.encode("utf-8"), "briefing.html", "text/html", "charts (HTML)")


def offer_pdf(dash: Any) -> None:
    # Chromium prints the page in a few seconds; say so, since the kernel is busy meanwhile.
    dash.downloads.value = "<span class='briefing-note'>Preparing the PDF…</span>"
    sel, sub = dash.selection, dash.frames()
    figures = {c.heading: c.figure(sub, sel, dash.b) for c in CHARTS.values()}
    try:
        out = printout.render(printout.printout_html(
            dash.b, sel, figures, notes={c.heading: c.note for c in CHARTS.values()},
            shown=sub), paper="a4")
    except printout.PrintError as e:
        log.warning("PDF export failed: %s", e)
        dash.downloads.value = ("<span class='briefing-error'>The PDF could not be made "
                                "on this server. Export HTML and print it instead.</span>")
        return
    offer(dash, out.pdf, "briefing-a4.pdf", "application/pdf", "briefing (PDF, A4)")


def offer(dash: Any, data: bytes, filename: str, mime: str, what: str) -> None:
    """A download link in the page: a data: link keeps the download inside the page (no
    file is written on the server and no request leaves it)."""
    href = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    dash.downloads.value = (f"<a class='briefing-download' download='{_e(filename)}' "
                            f"href='{href}'>Save {_e(what)}: {_e(filename)} "
                            f"({len(data) / 1024:,.0f} KB)</a>")
