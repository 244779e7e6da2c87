"""pytest imports test files by basename (tests/ and tests/browser/ are not packages):
two test files with one name would stop the whole run at collection."""

from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def test_test_modules_have_unique_basenames():
    names = Counter(p.name for p in TESTS.rglob("test_*.py")
                    if not (p.parent / "__init__.py").exists())
    assert [n for n, k in names.items() if k > 1] == []


# ---- the analyst's API: no public function is shadowed by its own subpackage ----------

ROOT = TESTS.parent
TINY = TESTS / "data" / "articles" / "tiny-valid"


def _calls(tmp: Path) -> dict:
    import briefing

    facts = briefing.load(TINY, cache=False)
    text = (TINY / "article.txt").read_text(encoding="utf-8")
    return {
        "load": lambda: briefing.load(TINY, cache=False),
        "select": lambda: briefing.select(facts, briefing.Selection()),
        "channels": lambda: briefing.channels(facts),
        "draft": lambda: briefing.draft(text, published="2025-01-02", known=None),
        "dashboard": lambda: briefing.dashboard(facts),
        "page": lambda: briefing.page(TINY),
        "workbench": lambda: briefing.workbench(base=tmp),
    }


def test_every_public_function_works_twice_in_one_session(tmp_path):
    import inspect

    import briefing

    public = {n for n in briefing.__all__ if inspect.isfunction(getattr(briefing, n))}
    calls = _calls(tmp_path)
    assert public == set(calls), "a public function without a call here: add it"
    for name, call in calls.items():
        first = call()
        # What an analyst's notebook does between two runs of a cell: the subpackages
        # named like the functions get imported (the workbench's preview imports
        # briefing.dashboard), which binds them on `briefing` the first time.
        import briefing.dashboard.page  # noqa: F401
        import briefing.workbench.widget  # noqa: F401

        assert inspect.isfunction(getattr(briefing, name)), name
        second = call()
        assert type(first).__name__ == type(second).__name__, name


def test_both_notebooks_run_twice_in_one_kernel():
    import nbformat
    from nbclient import NotebookClient

    cells = []
    for name in ("briefing.ipynb", "coding.ipynb"):
        nb = nbformat.read(ROOT / name, as_version=4)
        cells += [c for c in nb.cells if c.cell_type == "code"]
    # "Run All" twice: the same cells, in order, in the same kernel.
    run = nbformat.v4.new_notebook(cells=[nbformat.from_dict(dict(c)) for c in cells * 2])
    NotebookClient(run, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT)}}).execute()
    errors = [o for c in run.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, errors
    assert len(run.cells) == 2 * len(cells)
