"""The notebook is a thin, output-free face over the package."""

import ast
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "briefing.ipynb"


def _code_cells() -> list[str]:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def test_notebook_is_committed_without_outputs():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    dirty = [i for i, c in enumerate(nb["cells"])
             if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count"))]
    assert not dirty, f"cells with outputs or execution counts: {dirty}"


def test_notebook_cells_define_nothing_and_loop_nowhere():
    offenders = []
    for i, src in enumerate(_code_cells()):
        tree = ast.parse("\n".join(line for line in src.splitlines()
                                   if not line.lstrip().startswith(("%", "!"))))
        kinds = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda,
                 ast.For, ast.While, ast.ListComp, ast.DictComp, ast.SetComp)
        if any(isinstance(node, kinds) for node in ast.walk(tree)):
            offenders.append(i)
    assert not offenders, f"cells with definitions or loops (move them into briefing/): {offenders}"


def test_notebook_cells_are_thin():
    assert len(_code_cells()) <= 6
    assert all(len(src.splitlines()) <= 12 for src in _code_cells())
