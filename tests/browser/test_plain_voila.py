"""Plain ``voila briefing.ipynb`` (no ``briefing serve``) gives the same page.

The project installs its Voilà template and settings into the environment's prefix
(``[tool.setuptools.data-files]`` in pyproject.toml). Here those files are laid out in a
temporary prefix exactly as that table says -- the way pip installs them -- and stock Voilà
is started from the repo root with that prefix on the Jupyter data and config paths. In
Chromium the page must draw every chart with our template, request nothing off the
server and log no console error.
"""

from __future__ import annotations

import glob
import os
import re
import secrets
import shutil
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import (
    REPO_ROOT,
    SERVER_START_TIMEOUT,
    VoilaServer,
    answers,
    free_port,
    spawn,
)
from tests.browser.jupyterlab import launch, wait_bound
from tests.browser.plotly_events import WAIT_MS, look_at_every_chart

pytestmark = pytest.mark.browser

READY = "body[data-briefing-ready]"
CHARTS = 6


def install_data_files(prefix: Path) -> list[Path]:
    """Copy the files pyproject's data-files table names to where pip puts them."""
    table = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "data-files"]
    placed = []
    for target, sources in table.items():
        for pattern in sources:
            for src in sorted(glob.glob(str(REPO_ROOT / pattern))):
                dest = prefix / target / Path(src).name
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dest)
                placed.append(dest)
    return placed


def test_data_files_cover_the_template_and_settings(tmp_path: Path) -> None:
    placed = {p.relative_to(tmp_path).as_posix() for p in install_data_files(tmp_path)}
    template = REPO_ROOT / "share" / "jupyter" / "voila" / "templates" / "briefing"
    for f in template.rglob("*"):
        if f.is_file():
            assert f.relative_to(REPO_ROOT).as_posix() in placed, f"not installed: {f}"
    for name in ("plotly.min.js", "world_110m.json", "plotly.js.LICENSE.txt"):
        assert f"share/jupyter/voila/templates/briefing/static/{name}" in placed, name
    assert "etc/jupyter/voila.json" in placed
    assert "etc/jupyter/jupyter_server_config.d/briefing.json" in placed


@pytest.fixture(scope="module")
def plain_voila(tmp_path_factory: pytest.TempPathFactory, artifacts: Path) -> Any:
    prefix = tmp_path_factory.mktemp("prefix")
    install_data_files(prefix)
    port = free_port()
    log_path = artifacts / "logs" / f"plain-voila-{port}.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, JUPYTER_PATH=str(prefix / "share" / "jupyter"),
               JUPYTER_CONFIG_PATH=str(prefix / "etc" / "jupyter"),
               PYTHONPATH=os.pathsep.join([str(REPO_ROOT), os.environ.get("PYTHONPATH", "")]))
    env.pop("BROWSER", None)
    process, output = spawn([sys.executable, "-m", "voila", "briefing.ipynb",
                             f"--port={port}", "--no-browser"], log_path, cwd=REPO_ROOT,
                            env=env)
    server = VoilaServer(notebook=REPO_ROOT / "briefing.ipynb", port=port, process=process,
                         log_path=log_path, output=output)
    try:
        # Voilà logs that it runs once its port is bound.
        if not server.wait_for_log(r"Voilà is running at", SERVER_START_TIMEOUT):
            raise RuntimeError(f"Voilà did not start:\n{server.log()[-4000:]}")
        answers(server.url + "voila/static/briefing.css")
        server.wait_for_log(r"Kernel pool of .* is filled")
        yield server
    finally:
        server.stop()


MAP_DRAWN = "[data-chart-id='geo_map'] .geolayer .layer.land path"


@pytest.fixture(scope="module")
def page(plain_voila: VoilaServer, open_page: Any) -> Any:
    rec = open_page(plain_voila.url, viewport={"width": 1366, "height": 768})
    rec.page.wait_for_selector(READY, state="attached", timeout=WAIT_MS)
    look_at_every_chart(rec.page)  # charts out of view are drawn as the reader comes to them
    # the map's topojson is the last file a page fetches: its land shapes drawn, it came
    rec.page.wait_for_selector(MAP_DRAWN, state="attached", timeout=WAIT_MS)
    return rec


def test_plain_voila_uses_our_template(page: Any) -> None:
    html = page.response_text or ""
    assert "Content-Security-Policy" in html
    assert "briefing.css" in html
    assert page.page.locator("#briefing-plotly").count() == 1
    # the stock lab template's CDN stylesheets (Font Awesome) are gone
    assert re.findall(r"<link[^>]+href=[\"']https?:", html) == []


def test_plain_voila_draws_every_chart(page: Any) -> None:
    drawn = page.page.evaluate(
        "() => [...document.querySelectorAll('.briefing-plotly-view[data-briefing-rev]')]"
        ".filter(v => v.querySelector('.js-plotly-plot .main-svg')).map(v => v.dataset.chartId)")
    assert len(set(drawn)) == CHARTS, drawn
    # the map's countries come from our server, not a CDN
    assert page.page.locator("[data-chart-id='geo_map'] .geo path.countries, "
                             "[data-chart-id='geo_map'] .countries path").count() > 0


def test_plain_voila_requests_nothing_off_the_server(page: Any, plain_voila: Any) -> None:
    assert page.requests, "no request recorded"
    assert page.foreign_requests(plain_voila.origin) == []
    assert any(u.endswith("/voila/static/plotly.min.js") for u in page.requests)


def test_plain_voila_has_no_console_errors(page: Any) -> None:
    assert page.console_errors == []


def test_plain_voila_reads_the_project_settings(page: Any) -> None:
    # voila.json's settings apply: no notebook source on the page.
    html = page.response_text or ""
    assert "briefing.load()" not in html and "briefing.dashboard(facts)" not in html


# ---- the Voilà preview inside JupyterLab: the same page from Voilà's server extension ----


@pytest.fixture(scope="module")
def lab_preview(tmp_path_factory: pytest.TempPathFactory, artifacts: Path) -> Any:
    """A Jupyter server (as `jupyter lab` starts it, with a token) with the installed files;
    JupyterLab's "Render with Voilà" opens `voila/render/<notebook>` on it."""
    prefix = tmp_path_factory.mktemp("prefix-lab")
    install_data_files(prefix)
    port = free_port()
    token = secrets.token_hex(16)
    log_path = artifacts / "logs" / f"lab-preview-{port}.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, JUPYTER_PATH=str(prefix / "share" / "jupyter"),
               JUPYTER_CONFIG_PATH=str(prefix / "etc" / "jupyter"),
               PYTHONPATH=os.pathsep.join([str(REPO_ROOT), os.environ.get("PYTHONPATH", "")]))
    env.pop("BROWSER", None)
    process, bound = launch("jupyter_server", [
        f"--port={port}", "--no-browser", "--ServerApp.ip=127.0.0.1",
        f"--IdentityProvider.token={token}", "--allow-root"], log_path, env=env, cwd=REPO_ROOT)
    server = VoilaServer(notebook=REPO_ROOT / "briefing.ipynb", port=port, process=process,
                         log_path=log_path)
    try:
        wait_bound(f"{server.url}api/status?token={token}", process, bound,
                   SERVER_START_TIMEOUT)
        yield server, f"{server.url}voila/render/briefing.ipynb?token={token}"
    finally:
        server.stop()


def test_lab_preview_gives_the_same_page(lab_preview: Any, open_page: Any) -> None:
    server, url = lab_preview
    rec = open_page(url, viewport={"width": 1366, "height": 768})
    rec.page.wait_for_selector(READY, state="attached", timeout=WAIT_MS)
    look_at_every_chart(rec.page)
    rec.page.wait_for_selector(MAP_DRAWN, state="attached", timeout=WAIT_MS)
    assert "Content-Security-Policy" in (rec.response_text or "")
    drawn = rec.page.evaluate(
        "() => new Set([...document.querySelectorAll('.briefing-plotly-view[data-briefing-rev]')]"
        ".filter(v => v.querySelector('.js-plotly-plot .main-svg')).map(v => v.dataset.chartId))"
        ".size")
    assert drawn == CHARTS
    assert rec.foreign_requests(server.origin) == []  # no MathJax or Font Awesome CDN
    assert rec.console_errors == []
