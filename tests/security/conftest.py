"""Shared pieces of the security tests: the figures they report, a real server, Chromium.

* ``figures`` (session): a dict the tests fill with what they measured (inputs tried, the
  slowest problem list, viewers held, kernels and memory); written at the end of the
  session to ``$BRIEFING_ARTIFACTS/security-figures.json`` (default ``test-artifacts/``).
* ``launcher``: the browser tests' ``start_voila`` and Chromium settings, reused as is.
* ``hostile_server`` (session): the real server (``briefing.serve``, project settings)
  serving ``hostile.ipynb``, the dashboard on the hostile-text fact base.
* ``browser`` (module): headless Debian Chromium; missing Chromium skips locally and fails
  in CI, as in ``tests/browser``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
HOSTILE = REPO_ROOT / "tests" / "data" / "hostile"


def _load_launcher() -> Any:
    name = "briefing_browser_conftest"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(
        name, REPO_ROOT / "tests" / "browser" / "conftest.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


launcher = _load_launcher()


def artifacts_dir() -> Path:
    path = Path(os.environ.get("BRIEFING_ARTIFACTS") or REPO_ROOT / "test-artifacts")
    path.mkdir(parents=True, exist_ok=True)
    return path


_FIGURES: dict[str, Any] = {}


@pytest.fixture(scope="session")
def figures() -> Any:
    yield _FIGURES
    if _FIGURES:
        out = artifacts_dir() / "security-figures.json"
        old = json.loads(out.read_text()) if out.exists() else {}
        out.write_text(json.dumps({**old, **_FIGURES}, indent=2, sort_keys=True) + "\n")


@pytest.fixture(scope="session")
def hostile_server() -> Any:
    return launcher.shared_voila(Path(__file__).resolve().parent / "hostile.ipynb",
                                 artifacts_dir() / "logs")


# Module scope: Playwright's sync API runs an event loop while a browser is open, and tests
# between browser modules (test_serve, test_exposure) use asyncio.run themselves.
@pytest.fixture(scope="module")
def browser() -> Any:
    if not launcher.CHROMIUM.exists():
        launcher._unavailable(f"{launcher.CHROMIUM} is missing")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        launcher._unavailable("playwright is not installed")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(launcher.CHROMIUM), args=launcher.CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()
