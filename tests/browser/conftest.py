"""Fixtures for browser tests: a real Voilà server (project settings) and Playwright Chromium.

* ``voila_server`` (module scope): ``briefing.serve`` on a free loopback port, serving the
  module's ``VOILA_NOTEBOOK`` (default ``demo.ipynb`` next to this file); waits until it
  answers and its pool of preheated kernels is filled.
* ``browser`` (module scope): headless Debian Chromium. Missing Chromium or Playwright skips
  the test locally and fails it when ``CI`` is set.
* ``open_page(url)``: a fresh page that records every request (``.requests``, including
  websockets) and console errors (``.console_errors``).
* ``artifacts``: screenshot folder, ``$BRIEFING_ARTIFACTS`` or ``test-artifacts/screenshots``.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.browser.plotly_events import WAIT_MS

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DEFAULT_NOTEBOOK = HERE / "demo.ipynb"
READY_SELECTOR = "body[data-briefing-ready]"
SERVER_START_TIMEOUT = WAIT_MS / 1000  # the one ceiling (plotly_events.py)


def _unavailable(reason: str) -> None:
    """Skip locally; in CI a browser test that cannot run is a failure."""
    if os.environ.get("CI"):
        pytest.fail(f"browser test cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


# ---- server --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Output:
    """A server's stdout and stderr, copied line by line to its log file as they come.
    Waiting for a line wakes on each new line or on the process's end: no polling."""

    def __init__(self, process: subprocess.Popen[bytes], log_path: Path) -> None:
        self.text = ""
        self.ended = False
        self._changed = threading.Condition()
        threading.Thread(target=self._copy, args=(process, log_path), daemon=True).start()

    def _copy(self, process: subprocess.Popen[bytes], log_path: Path) -> None:
        assert process.stdout is not None
        with open(log_path, "ab") as log:
            for line in iter(process.stdout.readline, b""):
                log.write(line)
                log.flush()
                with self._changed:
                    self.text += line.decode("utf-8", errors="replace")
                    self._changed.notify_all()
        with self._changed:
            self.ended = True
            self._changed.notify_all()

    def wait_for(self, pattern: str, timeout: float, since: int = 0) -> bool:
        """Whether a line matching ``pattern`` comes (after character ``since``) before the
        process ends or ``timeout`` seconds pass."""
        regex = re.compile(pattern)
        with self._changed:
            return self._changed.wait_for(
                lambda: bool(regex.search(self.text[since:])) or self.ended, timeout
            ) and bool(regex.search(self.text[since:]))


def spawn(argv: Sequence[str], log_path: Path, **popen: Any) -> tuple[subprocess.Popen[bytes],
                                                                       Output]:
    """Start a server process in its own process group, its output watched (``Output``)
    and copied to ``log_path``."""
    log_path.write_bytes(b"")
    process = subprocess.Popen(list(argv), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               start_new_session=True, **popen)
    return process, Output(process, log_path)


def answers(url: str) -> None:
    """One request that must succeed: the server said it is listening."""
    with urllib.request.urlopen(url, timeout=SERVER_START_TIMEOUT) as response:
        if response.status != 200:
            raise RuntimeError(f"{url} answered {response.status}")


class _Ended(Exception):
    pass


def _first_end(procs: list[Any], timeout: float) -> None:
    """Return when the first of ``procs`` ends, or after ``timeout`` seconds."""
    import psutil

    def stop(_: Any) -> None:
        raise _Ended

    try:
        psutil.wait_procs(procs, timeout=timeout, callback=stop)
    except _Ended:
        pass


@dataclass
class VoilaServer:
    notebook: Path
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path
    output: Output | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def origin(self) -> str:
        return f"127.0.0.1:{self.port}"

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_for_log(self, pattern: str, timeout: float = SERVER_START_TIMEOUT,
                     since: int = 0) -> bool:
        if self.output is None:
            raise RuntimeError("this server was not started with spawn(): no output watch")
        return self.output.wait_for(pattern, timeout, since)

    def kernels(self) -> list[Any]:
        """The server's live kernel processes (``ipykernel`` under it; one that exits while
        they are listed is not counted)."""
        import psutil

        try:
            children = psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []
        out = []
        for child in children:
            try:
                if "ipykernel" in " ".join(child.cmdline()):
                    out.append(child)
            except psutil.NoSuchProcess:  # a zombie too (psutil.ZombieProcess)
                pass
        return out

    def wait_kernels(self, at_most: int, timeout: float) -> int:
        """Wait until at most ``at_most`` kernels are left (the culler ran); their number.
        Wakes when a kernel process ends (psutil waits on the processes themselves)."""
        deadline = time.monotonic() + timeout
        while (left := self.kernels()) and len(left) > at_most:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            _first_end(left, remaining)
        return len(self.kernels())

    def stop(self) -> None:
        if self.process.poll() is None:
            try:  # the server runs in its own process group (kernels included)
                os.killpg(self.process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)


def start_voila(notebook: Path, log_dir: Path, *, wait_pool: bool = True,
                facts: Path | None = None, extra: Sequence[str] = ()) -> VoilaServer:
    """Start ``python -m briefing.serve`` for ``notebook`` on a free port (its kernels load
    ``facts`` when given: BRIEFING_FACTS; ``extra``: further Voilà settings,
    ``--Class.trait=value``); wait until it serves."""
    log_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log_path = log_dir / f"voila-{notebook.stem}-{port}.log"
    env = dict(os.environ)
    env.pop("BROWSER", None)
    if facts is not None:
        env["BRIEFING_FACTS"] = str(facts)
    process, output = spawn([sys.executable, "-m", "briefing.serve", "--notebook",
                             str(notebook), "--port", str(port), *extra],
                            log_path, cwd=REPO_ROOT, env=env)
    server = VoilaServer(notebook=notebook, port=port, process=process, log_path=log_path,
                         output=output)
    try:
        if not server.wait_for_log(r"briefing: serving .* at http://", SERVER_START_TIMEOUT):
            raise RuntimeError(f"Voilà did not start:\n{server.log()[-4000:]}")
        found = re.search(r"briefing: serving .* at http://[^:]+:(\d+)/", server.log())
        server.port = int(found.group(1)) if found else port
        answers(server.url + "voila/static/briefing.css")   # announced after binding
        if wait_pool:  # preheated kernels: the first page should not pay for a cold start
            server.wait_for_log(r"Kernel pool of .* is filled", SERVER_START_TIMEOUT)
    except BaseException:
        server.stop()
        raise
    return server


def shared_voila(notebook: Path, log_dir: Path, facts: Path | None = None) -> VoilaServer:
    """The test process's one server for ``notebook`` on ``facts``, for tests that only read
    from it: started on first use, shared by every module asking for the same pair, stopped
    when the process exits (tests/browser/registry.py).

    One preheated kernel instead of voila.json's two: the tests open their pages one after
    another, so the pool refills before the next page asks, and a second kernel that no page
    takes would only cost every shared server a notebook run on the suite's two cores. The
    pool itself (refill, culling back to its size) is tested on a server with the shipped
    settings (tests/security/test_viewers.py)."""
    from tests.browser.registry import SHARED

    key = (str(notebook.resolve()), str(facts.resolve()) if facts else "")
    server = SHARED.get(key)
    if server is None or server.process.poll() is not None:
        server = SHARED[key] = start_voila(
            notebook, log_dir, facts=facts, extra=["--VoilaConfiguration.default_pool_size=1"])
    return server



@pytest.fixture(scope="session")
def artifacts() -> Path:
    path = Path(
        os.environ.get("BRIEFING_ARTIFACTS") or REPO_ROOT / "test-artifacts" / "screenshots"
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def voila_server(request: pytest.FixtureRequest, artifacts: Path) -> Any:
    """The shared server for the module's ``VOILA_NOTEBOOK`` (and ``VOILA_FACTS``)."""
    notebook = Path(getattr(request.module, "VOILA_NOTEBOOK", DEFAULT_NOTEBOOK))
    facts = getattr(request.module, "VOILA_FACTS", None)
    return shared_voila(notebook, artifacts / "logs", Path(facts) if facts else None)


# ---- browser -------------------------------------------------------------------------------


# Module scope: Playwright's sync API runs an event loop while a browser is open, and tests
# between browser modules (test_serve, test_exposure) use asyncio.run themselves.
@pytest.fixture(scope="module")
def browser() -> Any:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class RecordedPage:
    page: Any
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    response_text: str | None = None

    def foreign_requests(self, origin: str) -> list[str]:
        """Requests that did not go to ``origin`` (host:port) -- blob: of that origin is fine."""
        allowed = re.compile(
            rf"^(https?|wss?)://{re.escape(origin)}(/|$)|^blob:https?://{re.escape(origin)}/|^data:"
        )
        return [url for url in self.requests if not allowed.match(url)]


@pytest.fixture(scope="module")
def open_page(browser: Any) -> Any:
    contexts: list[Any] = []

    def _open(url: str | None = None, *, viewport: dict[str, int] | None = None) -> RecordedPage:
        context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        rec = RecordedPage(page)
        page.on("request", lambda req: rec.requests.append(req.url))
        page.on("websocket", lambda ws: rec.requests.append(ws.url))
        page.on(
            "console",
            lambda msg: rec.console_errors.append(msg.text) if msg.type == "error" else None,
        )
        page.on("pageerror", lambda exc: rec.console_errors.append(f"pageerror: {exc}"))
        # the page's own warnings ("briefing: redraws never ended (live 1) ...") are shown
        # with a failing test's output
        page.on("console", lambda msg: print(f"browser console: {msg.text}")
                if msg.type == "warning" and msg.text.startswith("briefing:") else None)
        if url is not None:
            response = page.goto(url)
            rec.response_text = response.text() if response is not None else None
        return rec

    yield _open
    for context in contexts:
        context.close()
