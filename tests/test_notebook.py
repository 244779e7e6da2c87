"""briefing.ipynb runs headless, top to bottom, with no error."""

from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def test_notebook_executes_without_error():
    nb = nbformat.read(ROOT / "briefing.ipynb", as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT)}}).execute()
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, errors
    # The last cell shows the dashboard: a widget view, not a plain-text repr.
    last = nb.cells[-1]["outputs"]
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in last)
