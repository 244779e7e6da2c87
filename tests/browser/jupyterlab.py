"""A real JupyterLab server for browser tests (and the workbench bench).

`start_lab(root, log_dir)` runs `jupyter lab --no-browser` on a free loopback port with
a random token, serving `root`, with this checkout first on the kernel's path; it waits
until the server listens (`bound_server.py` says so) and answers. Update checks and news
are off so the server stays quiet.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.browser.bound_server import BOUND
from tests.browser.plotly_events import WAIT_MS

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
START_TIMEOUT = WAIT_MS / 1000  # the one ceiling (plotly_events.py)
BOUND_SERVER = Path(__file__).resolve().parent / "bound_server.py"


@dataclass
class LabServer:
    root: Path
    port: int
    token: str
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def origin(self) -> str:
        return f"127.0.0.1:{self.port}"

    def url(self, path: str = "lab") -> str:
        return f"http://127.0.0.1:{self.port}/{path}?token={self.token}"

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            try:  # own process group: the kernels go too
                os.killpg(self.process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)


def start_lab(root: Path, log_dir: Path, port: int) -> LabServer:
    log_dir.mkdir(parents=True, exist_ok=True)
    token = secrets.token_hex(16)
    log_path = log_dir / f"jupyterlab-{port}.log"
    env = dict(os.environ)
    env.pop("BROWSER", None)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO_ROOT), env.get("PYTHONPATH", "")]).rstrip(
        os.pathsep)
    env["JUPYTER_CONFIG_DIR"] = str(root.parent / "jupyter-config")  # no user settings
    args = ["--no-browser", f"--port={port}",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.token={token}",
            f"--ServerApp.root_dir={root}", "--ServerApp.open_browser=False",
            "--LabApp.news_url=", "--LabApp.check_for_updates_class="
            "jupyterlab.NeverCheckForUpdate", "--LabApp.extension_manager=readonly"]
    if os.geteuid() == 0:
        args.append("--allow-root")
    process, bound = launch("jupyterlab", args, log_path, env=env, cwd=root)
    server = LabServer(root, port, token, process, log_path)
    try:
        wait_bound(server.url("api/status"), process, bound, START_TIMEOUT)
    except RuntimeError:
        server.stop()
        raise RuntimeError(f"JupyterLab did not start:\n{server.log()[-4000:]}") from None
    return server


def launch(module: str, args: list[str], log_path: Path, *, env: dict[str, str],
           cwd: Path) -> tuple[subprocess.Popen[bytes], threading.Event]:
    """Start the Jupyter server `module` with `args` in its own process group, its output
    copied to `log_path`; the event is set once its port listens (or once it ends)."""
    process = subprocess.Popen([sys.executable, str(BOUND_SERVER), module, *args], cwd=cwd,
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               start_new_session=True)
    bound = threading.Event()

    def copy() -> None:
        assert process.stdout is not None
        with open(log_path, "wb") as log:
            for line in process.stdout:
                log.write(line)
                log.flush()
                if line.startswith(BOUND.encode()):
                    bound.set()
        process.wait()
        bound.set()   # (the process ended: the waiter sees it)

    threading.Thread(target=copy, daemon=True).start()
    return process, bound


def wait_bound(url: str, process: subprocess.Popen[bytes], bound: threading.Event,
               timeout: float) -> None:
    """Wait until the server started by `launch` listens, then check that it answers
    ``url``; RuntimeError if it ends or does not listen within ``timeout``."""
    if not bound.wait(timeout) or process.poll() is not None:
        raise RuntimeError(f"{url} did not answer: the server "
                           + ("ended" if process.poll() is not None else "never listened"))
    with urllib.request.urlopen(url, timeout=timeout) as r:
        if r.status != 200:
            raise RuntimeError(f"{url} answered {r.status}")


@contextmanager
def lab_page(lab: LabServer, notebook: str, shot: Path) -> Iterator[Any]:
    """Chromium on `notebook` in JupyterLab, its kernel idle; the page records its requests
    (`page.requests`) and console errors (`page.errors`); a screenshot at `shot` at the end."""
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, _unavailable

    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        context.set_default_timeout(WAIT_MS)   # clicks and fills wait as long as the rest
        page = context.new_page()
        page.requests, page.errors = [], []
        page.on("request", lambda r: page.requests.append(r.url))
        page.on("websocket", lambda ws: page.requests.append(ws.url))
        page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
        page.goto(lab.url(f"lab/tree/{notebook}"))
        page.wait_for_selector("text=/Python 3 \\(ipykernel\\) \\| Idle/", timeout=WAIT_MS)
        try:
            yield page
        finally:
            page.screenshot(path=str(shot))
            browser.close()
