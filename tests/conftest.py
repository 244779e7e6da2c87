"""Suite-wide settings: which tests share one worker when the suite runs in parallel.

`scripts/test.sh` runs pytest with `-n 2 --dist loadgroup` (pytest-xdist). Tests that drive
servers, Chromium or JupyterLab go to one group, run by one worker in file order, so their
session-wide servers and browser are started once; every other test is spread over both
workers. Run alone (no `-n`), nothing changes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
# Modules that start a Voilà server or JupyterLab, or drive Chromium.
SERVER_MODULES = {"test_serve.py", "test_exposure.py", "test_hostile_page.py",
                  "test_viewers.py"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        path = Path(str(item.path))
        if (HERE / "browser") in path.parents or path.name in SERVER_MODULES \
                or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("servers"))
