"""What a viewer's kernel imports at page start: the notebook's own cells, run in a real
kernel, leave the drafter, the export and PDF modules, pandera and plotly's figure classes
unimported (each viewer's kernel pays for every module it imports; the figures are sent as
plain dicts). The gain is measured in `bench/README.md`; nothing here is timed."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent

# Needed only to draft, export, print, review or validate a fact base from scratch (a cache
# miss), never to show the page. `plotly.basedatatypes` is where go.Figure lives: building
# one loads plotly's table of every property (~15 MB).
NOT_AT_PAGE_START = ("briefing.draft", "briefing.dashboard.export", "briefing.printout",
                     "briefing.workbench", "briefing.schema", "pandera", "plotly.offline",
                     "plotly.basedatatypes", "plotly.validator_cache", "playwright")

PROBE = f"""
import gc, json, sys
views = [o for o in gc.get_objects() if type(o).__name__ == "PlotlyView"]
print(json.dumps({{"imported": [m for m in {NOT_AT_PAGE_START!r} if m in sys.modules],
                  "charts": sorted(v.chart_id for v in views if v.figure["data"] or v.live),
                  "live": sorted(v.chart_id for v in views if v.live)}}))
"""


def _run_page_cells() -> tuple[dict, list]:
    """The notebook's cells as Voilà runs them, then the probe; (probe's answer, outputs
    of the page's last cell)."""
    nb = nbformat.read(ROOT / "briefing.ipynb", as_version=4)
    page = len(nb.cells) - 1
    nb.cells.append(nbformat.v4.new_code_cell(PROBE))
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT)}}).execute()
    [out] = [o for o in nb.cells[-1]["outputs"] if o.get("name") == "stdout"]
    return json.loads(out["text"]), nb.cells[page]["outputs"]


def test_the_page_imports_no_export_pdf_draft_or_validation_module(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE", str(tmp_path / "cache"))
    # A cold cache validates the facts with pandera: the probe sees what the page imported.
    cold, _ = _run_page_cells()
    assert "pandera" in cold["imported"] and "briefing.schema" in cold["imported"], cold
    # Every later viewer's kernel reads the fact base from the cache.
    warm, outputs = _run_page_cells()
    assert warm["imported"] == [], warm
    # ... and still shows the whole page: every chart drawn (a live one in the browser,
    # from the rules the page sent), the dashboard displayed.
    from briefing.charts import CHARTS

    assert warm["charts"] == sorted(CHARTS), warm
    assert warm["live"] == sorted(n for n, c in CHARTS.items() if c.rules is not None), warm
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {})
               for o in outputs)
