"""What the real server exposes: the dashboard and its own static assets, nothing else.

Against ``briefing.serve`` with the project's settings (the ``hostile_server`` fixture):
source, config and fact files, Voilà's other routes and Jupyter's APIs are refused, plain
or percent-encoded; no response carries a traceback or a server path; the server listens
on 127.0.0.1 only; a page from another origin cannot open the kernel websocket. (The
filter that keeps ``execute_request`` from the kernel is tested in ``tests/test_serve.py``.)
"""

from __future__ import annotations

import asyncio
import http.client
import re
import uuid
from pathlib import Path
from typing import Any

import psutil
import pytest

from briefing import serve

REPO_ROOT = Path(__file__).resolve().parent.parent.parent

SERVED = ["/", "/voila/static/plotly.min.js", "/voila/static/briefing.css",
          "/voila/static/plotly_view.js", "/voila/static/world_110m.json",
          "/voila/templates/briefing/static/briefing.css"]

REFUSED = [
    # Voilà's file route, for every kind of file in the repository
    "/voila/files/briefing.ipynb", "/voila/files/voila.json", "/voila/files/README.md",
    "/voila/files/briefing/load.py", "/voila/files/assets/articles/iran-russia-2025-06-23/"
    "facts.yaml", "/voila/files/tests/security/data/script-injection/article.txt",
    "/voila/files/.git/config",
    # source and config by name, anywhere
    "/briefing.ipynb", "/hostile.ipynb", "/voila.json", "/briefing/serve.py", "/facts.yaml",
    "/voila/static/serve.py", "/voila/static/plotly_view.py", "/pyproject.toml",
    "/.git/config", "/.git/HEAD", "/.venv/pyvenv.cfg", "/.env",
    # traversal, plain and encoded once, twice, with backslashes
    "/voila/static/../serve.py", "/voila/static/%2e%2e/serve.py",
    "/voila/static/%2E%2E%2Fserve.py", "/voila/static/%252e%252e%252fserve.py",
    "/voila/static/..%5cserve.py", "/voila/static/%5c..%5cserve.py",
    "/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd", "/voila/static//etc/passwd",
    "/voila/static/%00.css",
    # template sources and config (conf.json used to answer 500)
    "/voila/templates/briefing/conf.json", "/voila/templates/briefing/index.html.j2",
    "/voila/templates/briefing/static/../index.html.j2",
    # Voilà's directory mode and Jupyter server's APIs: not mounted, not redirected
    "/voila/render/hostile.ipynb", "/voila/tree", "/voila/tree/", "/voila/api/contents",
    "/api/kernels", "/api/kernels/", "/api/sessions", "/api/contents", "/api/terminals",
    "/api/kernelspecs", "/api/status", "/api/config/x", "/api/me", "/lab", "/tree",
    "/notebooks/hostile.ipynb", "/terminals/1", "/logout", "/anything", "/static/",
    # listings
    "/voila/static/", "/voila/labextensions/", "/voila/api/themes/",
]

# Never in any response: how Python reports an error, or where the server lives on disk.
LEAKS = re.compile(r"Traceback|File \"|line \d+, in |" + re.escape(str(REPO_ROOT))
                   + r"|/site-packages/|\bnbformat\b|\[core\]")


def fetch(server: Any, path: str, method: str = "GET", body: bytes | None = None,
          headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, data


@pytest.fixture(scope="module")
def server(hostile_server: Any) -> Any:
    return hostile_server


@pytest.mark.parametrize("path", SERVED)
def test_the_dashboard_and_its_assets_are_served(server: Any, path: str) -> None:
    status, headers, body = fetch(server, path)
    assert status == 200 and body
    if path in ("/", "/voila/static/plotly.min.js"):  # ours; Voilà's static files have none
        assert headers.get("x-content-type-options") == "nosniff"
    assert not LEAKS.search(body[:200_000].decode("utf-8", "replace")) or path.endswith(".js")


def test_the_page_carries_no_source_and_a_strict_policy(server: Any) -> None:
    _, headers, body = fetch(server, "/")
    page = body.decode()
    assert "briefing.load(" not in page and "data/script-injection" not in page
    assert "Traceback" not in page and str(REPO_ROOT) not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp and "default-src 'self'" in csp.group(1) and "object-src 'none'" in csp.group(1)
    assert headers.get("referrer-policy") == "no-referrer"
    assert headers.get("x-frame-options") == "SAMEORIGIN"


@pytest.mark.parametrize("path", REFUSED)
def test_everything_else_is_refused(server: Any, path: str) -> None:
    status, headers, body = fetch(server, path)
    assert status in (403, 404), (status, headers.get("location"))
    assert "location" not in headers
    assert not LEAKS.search(body.decode("utf-8", "replace")), body[:300]


@pytest.mark.parametrize("method,path", [("POST", "/"), ("PUT", "/voila/static/x.css"),
                                         ("DELETE", "/"), ("PATCH", "/api/kernels"),
                                         ("POST", "/voila/files/x"), ("OPTIONS", "/"),
                                         ("POST", f"/api/kernels/{uuid.UUID(int=1)}/restart"),
                                         ("POST", f"/voila/api/shutdown/{uuid.UUID(int=2)}")])
def test_other_methods_fail_quietly(server: Any, method: str, path: str) -> None:
    status, _, body = fetch(server, path, method, body=b"{}")
    assert 400 <= status < 500
    assert not LEAKS.search(body.decode("utf-8", "replace")), body[:300]


def test_the_server_listens_on_loopback_only(server: Any) -> None:
    proc = psutil.Process(server.process.pid)
    listening = [c.laddr for c in proc.net_connections(kind="inet")
                 if c.status == psutil.CONN_LISTEN]
    assert listening and all(addr.ip == "127.0.0.1" for addr in listening), listening
    assert serve.DEFAULT_HOST == "127.0.0.1"
    args = serve._parse([])
    assert args.host == "127.0.0.1"
    assert "--Voila.ip=127.0.0.1" in serve.build_argv("x.ipynb")


async def _ws_status(server: Any, origin: str) -> int:
    from tornado.httpclient import HTTPClientError, HTTPRequest
    from tornado.websocket import websocket_connect

    html = fetch(server, "/")[2].decode()
    kernel = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', html)
    assert kernel
    url = (f"ws://127.0.0.1:{server.port}/api/kernels/{kernel.group(1)}/channels"
           f"?session_id={uuid.uuid4()}")
    try:
        ws = await websocket_connect(HTTPRequest(url, headers={"Origin": origin}))
    except HTTPClientError as e:
        return e.code
    ws.close()
    return 101


def test_another_origin_cannot_open_the_kernel_websocket(server: Any) -> None:
    assert asyncio.run(_ws_status(server, "http://127.0.0.2:9")) == 403
    assert asyncio.run(_ws_status(server, server.url.rstrip("/"))) == 101


def test_the_server_log_names_refusals_without_contents(server: Any) -> None:
    start = len(server.log())
    fetch(server, "/voila/files/voila.json")
    assert server.wait_for_log(r"refused request for /voila/files/voila\.json", since=start)
