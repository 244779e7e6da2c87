"""pytest imports test files by basename (tests/ and tests/browser/ are not packages):
two test files with one name would stop the whole run at collection."""

from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def test_test_modules_have_unique_basenames():
    names = Counter(p.name for p in TESTS.rglob("test_*.py")
                    if not (p.parent / "__init__.py").exists())
    assert [n for n, k in names.items() if k > 1] == []
