"""The servers shared by one test process, in one place.

`tests/browser/conftest.py` is imported under several module names (pytest's `conftest`,
`tests.browser.conftest` from test modules, the security tests' own copy), each with its own
globals; the registry lives here and is always imported as `tests.browser.registry`, so every
copy sees the same servers. They stop when the process exits.
"""

from __future__ import annotations

import atexit
from typing import Any

SHARED: dict[tuple[str, str], Any] = {}


@atexit.register
def _stop_shared() -> None:
    for server in SHARED.values():
        server.stop()
