"""What a viewer's kernel imports at page start: the notebook's own cells, run in a real
kernel, leave the drafter, the export and PDF modules, pandera and plotly's figure classes
unimported (each viewer's kernel pays for every module it imports; the figures are sent as
plain dicts) — and, once the page plan is in the page cache, pandas, numpy and plotly too.
The gain is measured in `bench/README.md`; nothing here is timed."""

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
# ... nor, when the page plan comes from the page cache, the frame and chart libraries
FRAME_LIBRARIES = ("pandas", "numpy", "plotly")

PROBE = f"""
import gc, json, sys
views = [o for o in gc.get_objects() if type(o).__name__ == "PlotlyView"]
print(json.dumps({{"imported": [m for m in {NOT_AT_PAGE_START + FRAME_LIBRARIES!r}
                               if m in sys.modules],
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
    assert "pandas" in cold["imported"], cold  # it built the page plan from the frames
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


AFTER_A_FILTER = """
import json, sys
from dataclasses import replace
before = dash.status.value
actor = dash.w_actors.options[0][1]
dash.set_selection(replace(dash.selection, actors=frozenset([actor])))
print(json.dumps({"pandas": "pandas" in sys.modules, "before": before,
                  "after": dash.status.value, "shown": len(dash.frames().events),
                  "all": len(dash.facts.events)}))
"""


def test_a_page_from_the_cache_reads_the_facts_when_the_kernel_needs_them(tmp_path,
                                                                          monkeypatch):
    """The page built from a stored plan is the whole page: when the kernel hears of a
    selection it reads the facts (once) and computes what the selection shows."""
    monkeypatch.setenv("BRIEFING_CACHE", str(tmp_path / "cache"))
    _run_page_cells()  # fills the page cache
    nb = nbformat.read(ROOT / "briefing.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(AFTER_A_FILTER))
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT)}}).execute()
    [out] = [o for o in nb.cells[-1]["outputs"] if o.get("name") == "stdout"]
    got = json.loads(out["text"])
    assert got["pandas"] is True, got  # read when needed
    assert got["before"].startswith("<span class='briefing-showing'>Showing "), got
    assert f"Showing {got['shown']} of {got['all']} events — actors: " in got["after"], got
    assert 0 < got["shown"] <= got["all"], got
