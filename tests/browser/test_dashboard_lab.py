"""The dashboard in real JupyterLab: analysts set the selection from Python and read it back.

A notebook shows the dashboard, then sets a selection from code: the filter controls show
it and the live charts (drawn in the browser from the controls) follow, exactly as Python
draws that selection. An actor picked in the page is what `dash.selection` says next.
"""

from __future__ import annotations

import json
import re

import nbformat
import pytest

import briefing
from briefing.select import Selection
from tests.browser.conftest import free_port
from tests.browser.jupyterlab import lab_page, start_lab
from tests.browser.plotly_events import WAIT_MS, look_at, wait_redrawn
from tests.browser.test_dashboard import control
from tests.browser.test_live_page import DRAWN_JS, LIVE, _wanted

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def facts():
    return briefing.load()


def _actor(facts, name: str) -> str:
    return str(facts.actors.loc[facts.actors["name"] == name, "actor_id"].iloc[0])


@pytest.fixture(scope="module")
def lab(tmp_path_factory, artifacts, facts):
    root = tmp_path_factory.mktemp("lab-dashboard")
    russia = _actor(facts, "Russia")
    nb = nbformat.v4.new_notebook()
    # without a kernelspec JupyterLab would ask which kernel to start
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                 "language": "python"}
    nb.cells = [
        nbformat.v4.new_code_cell("import briefing\nfacts = briefing.load()\n"
                                  "dash = briefing.dashboard(facts)\ndash"),
        nbformat.v4.new_code_cell(
            f"dash.set_selection(briefing.Selection(actors={{{russia!r}}}, "
            "issue=dash.selection.issue))"),
        nbformat.v4.new_code_cell("print('ACTORS', sorted(dash.selection.actors))"),
    ]
    nbformat.write(nb, root / "dash.ipynb")
    server = start_lab(root, artifacts / "logs", free_port())
    yield server
    server.stop()


@pytest.fixture(scope="module")
def page(lab, artifacts):
    with lab_page(lab, "dash.ipynb", artifacts / "dashboard-lab-last.png") as page:
        yield page


def _rev(page, chart: str) -> int:
    return int(page.eval_on_selector(f".briefing-plotly-view[data-chart-id='{chart}']",
                                     "e => +(e.getAttribute('data-briefing-rev') || -1)"))


def _printed(page) -> list[str]:
    """The actor ids the last cell printed (it prints `dash.selection.actors`)."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jp-OutputArea-output')]"
        ".some(o => o.innerText.includes('ACTORS'))", timeout=WAIT_MS)
    text = page.locator(".jp-OutputArea-output", has_text="ACTORS").last.inner_text()
    return json.loads(re.search(r"ACTORS (\[.*\])", text).group(1).replace("'", '"'))


def test_python_sets_the_selection_and_reads_the_page_s(page, facts):
    chart = "sources"
    assert chart in LIVE
    page.click(".lm-MenuBar-itemLabel:text-is('Run')")
    page.click(".lm-Menu-itemLabel:text-is('Run All Cells')")
    # Set from code (the second cell): the controls show it and the live chart follows.
    russia, iran = _actor(facts, "Russia"), _actor(facts, "Iran")
    issue = str(facts.issues["issue_id"].iloc[0])
    assert _printed(page) == [russia]
    actors = control(page, "Actors")
    # (ipywidgets writes an option's spaces as no-break spaces)
    page.wait_for_function("(s) => [...s.selectedOptions].map(o => o.text.replace(/\\s/g, ' '))"
                           ".join() === 'Russia (state)'", arg=actors.element_handle(),
                           timeout=WAIT_MS)
    want = _wanted(facts, chart, Selection(actors={russia}, issue=issue))
    look_at(page, chart)  # drawn as the analyst scrolls to it
    page.wait_for_selector(f".briefing-plotly-view[data-chart-id='{chart}'] .js-plotly-plot",
                           state="attached", timeout=WAIT_MS)
    page.wait_for_function(f"([c, want]) => JSON.stringify(({DRAWN_JS})(c)) === "
                           "JSON.stringify(want)", arg=[chart, want], timeout=WAIT_MS)
    # Picked in the page: the chart follows at once, and Python reads it.
    before = _rev(page, chart)
    actors.select_option(label="Iran (state)")
    wait_redrawn(page, {chart: before}, (chart,))
    assert page.evaluate(DRAWN_JS, chart) == _wanted(facts, chart,
                                                     Selection(actors={iran}, issue=issue))
    page.locator(".jp-Cell").nth(2).click()
    page.keyboard.press("Shift+Enter")
    page.wait_for_function(
        "(id) => [...document.querySelectorAll('.jp-OutputArea-output')]"
        ".some(o => o.innerText.includes(id) && o.innerText.includes('ACTORS'))",
        arg=f"'{iran}'", timeout=WAIT_MS)
    assert _printed(page) == [iran]
    assert not [e for e in page.errors if "briefing" in e or "state" in e], page.errors
