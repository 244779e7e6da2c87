"""Kernel websocket lock-down (briefing.kernel_websocket) and the serve settings.

Unit tests check the filter itself; the integration test talks to a real Voilà server (started
with the browser fixtures' launcher) the way a hostile page could, and proves that an
``execute_request`` never runs while comm traffic still flows.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import re
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from jupyter_client.session import Session
from jupyter_server.services.kernels.connection.base import serialize_msg_to_ws_v1
from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection

from briefing import serve
from briefing.kernel_websocket import (
    ALLOWED_CLIENT_MESSAGES,
    V1_PROTOCOL,
    BriefingWebsocketConnection,
    client_msg_type,
)
from tests.browser.plotly_events import WAIT_MS

REPO_ROOT = Path(__file__).resolve().parent.parent
DEMO = REPO_ROOT / "tests" / "browser" / "demo.ipynb"


def _msg(msg_type: str, content: dict[str, Any] | None = None) -> dict[str, Any]:
    session = Session(key=b"", username="probe")
    return session.msg(msg_type, content or {})


def _legacy(msg: dict[str, Any], channel: str = "shell") -> str:
    return json.dumps({**msg, "channel": channel}, default=str)


def _v1(msg: dict[str, Any], channel: str = "shell") -> bytes:
    session = Session(key=b"", username="probe")
    return serialize_msg_to_ws_v1(msg, channel, pack=session.pack)


# ---- unit: the filter -------------------------------------------------------------------------


@pytest.mark.parametrize("encode,protocol", [(_legacy, None), (_v1, V1_PROTOCOL)])
@pytest.mark.parametrize(
    "msg_type", ["execute_request", "comm_msg", "kernel_info_request", "shutdown_request"]
)
def test_client_msg_type_reads_both_protocols(encode: Any, protocol: Any, msg_type: str) -> None:
    assert client_msg_type(encode(_msg(msg_type)), protocol) == msg_type


def test_client_msg_type_of_garbage_is_none() -> None:
    assert client_msg_type("not json", None) is None
    assert client_msg_type(b"\x00" * 3, V1_PROTOCOL) is None
    assert client_msg_type(json.dumps({"header": {}}), None) is None


@pytest.mark.parametrize("protocol", [None, V1_PROTOCOL])
def test_filter_forwards_only_comm_traffic(monkeypatch: pytest.MonkeyPatch, protocol: Any) -> None:
    forwarded: list[Any] = []
    monkeypatch.setattr(
        ZMQChannelsWebsocketConnection,
        "handle_incoming_message",
        lambda self, msg: forwarded.append(msg),
    )
    monkeypatch.setattr(BriefingWebsocketConnection, "subprotocol", property(lambda self: protocol))
    conn = BriefingWebsocketConnection.__new__(BriefingWebsocketConnection)
    logged: list[str] = []
    monkeypatch.setattr(
        BriefingWebsocketConnection,
        "log",
        property(
            lambda self: type("L", (), {"warning": lambda _s, *a: logged.append(a[0] % a[1:])})()
        ),
    )
    encode = _v1 if protocol else _legacy
    for msg_type in [
        "execute_request",
        "shutdown_request",
        "inspect_request",
        "complete_request",
        "history_request",
        "input_reply",
        *sorted(ALLOWED_CLIENT_MESSAGES),
    ]:
        conn.handle_incoming_message(encode(_msg(msg_type)))
    assert [client_msg_type(m, protocol) for m in forwarded] == sorted(ALLOWED_CLIENT_MESSAGES)
    assert any("execute_request" in line for line in logged)
    assert len(logged) == 6


def test_voila_json_settings() -> None:
    config = json.loads((REPO_ROOT / "voila.json").read_text())
    assert config["Voila"]["ip"] == "127.0.0.1"
    assert (
        config["Voila"]["kernel_websocket_connection_class"]
        == "briefing.kernel_websocket.BriefingWebsocketConnection"
    )
    vc = config["VoilaConfiguration"]
    assert vc["show_tracebacks"] is False
    assert vc["file_allowlist"] == []
    assert "jupyterlab-plotly" in vc["extension_denylist"]
    assert vc["preheat_kernel"] is True
    # Viewers beyond the pool: under load a cold kernel's page output reaches the server
    # seconds after its reply; Voilà's default 4 s wait dropped it (blank pages, 8 of 10).
    assert config["VoilaExecutor"]["iopub_timeout"] >= 60
    text = (REPO_ROOT / "voila.json").read_text() + "".join(
        p.read_text() for p in (REPO_ROOT / "share/jupyter/voila/templates/briefing").rglob("*.*")
    )
    assert not re.search(r"https?://(?!127\.0\.0\.1)", text), "no internet hosts in server files"


@pytest.mark.parametrize(
    "path",
    [
        "/briefing.ipynb",
        "/a/b.py",
        "/x.YAML",
        "/x.yml",
        "/voila/static/..%2fapp.py",
        "/.git/HEAD",
        "/voila/static/%252e%252e/x",
    ],
)
def test_denied_path_matcher(path: str) -> None:
    request = type("R", (), {"path": path})()
    assert serve._DeniedPathMatcher().match(request) == {}


KERNEL = "0b3c2f8e-6a1d-4c5e-9f7a-1234567890ab"


@pytest.mark.parametrize(
    "path",
    ["/", "/voila/static/plotly.min.js", "/voila/static/voila.js",
     f"/api/kernels/{KERNEL}/channels", f"/api/kernels/{KERNEL}", f"/voila/query/{KERNEL}",
     "/voila/templates/briefing/static/briefing.css",
     "/voila/labextensions/@jupyter-widgets/jupyterlab-manager/static/x.js"],
)
def test_allowed_path_matcher(path: str) -> None:
    request = type("R", (), {"path": path})()
    assert serve._DeniedPathMatcher().match(request) is None


@pytest.mark.parametrize(
    "path",
    ["/anything", "/api/kernels", "/api/kernels/x/channels", "/api/sessions", "/voila/files/x",
     "/voila/tree", "/voila/templates/briefing/conf.json", "/voila/static/", "/logout",
     "/voila/static/a\\b.css", "//etc/passwd"],
)
def test_paths_outside_the_dashboard_are_refused(path: str) -> None:
    request = type("R", (), {"path": path})()
    assert serve._DeniedPathMatcher().match(request) == {}


def test_path_rules_follow_the_server_url() -> None:
    under = serve._DeniedPathMatcher("/brief/")
    for path, refused in [("/brief/", False), ("/brief/voila/static/voila.js", False),
                          ("/", True), ("/voila/static/voila.js", True)]:
        assert (under.match(type("R", (), {"path": path})()) == {}) is refused, path


# ---- integration: a real server, a hostile websocket client -----------------------------------


def _load_browser_conftest() -> Any:
    spec = importlib.util.spec_from_file_location(
        "briefing_browser_conftest", REPO_ROOT / "tests" / "browser" / "conftest.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    launcher = _load_browser_conftest()
    srv = launcher.start_voila(DEMO, tmp_path_factory.mktemp("voila-logs"))
    yield srv
    srv.stop()


def _kernel_id(server: Any) -> str:
    import urllib.request

    with urllib.request.urlopen(server.url, timeout=60) as response:
        html = response.read().decode()
    found = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', html)
    assert found, "page carries no kernel id"
    return found.group(1)


async def _probe(server: Any, kernel_id: str, marker: Path, v1: bool) -> dict[str, bool]:
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    url = f"ws://127.0.0.1:{server.port}/api/kernels/{kernel_id}/channels?session_id={uuid.uuid4()}"
    request = HTTPRequest(url, headers={"Origin": server.url.rstrip("/")})
    ws = await websocket_connect(request, subprotocols=[V1_PROTOCOL] if v1 else None)
    encode = _v1 if v1 else _legacy
    code = f"open({str(marker)!r}, 'w').write('ran')"
    execute = _msg(
        "execute_request",
        {
            "code": code,
            "silent": False,
            "store_history": False,
            "user_expressions": {},
            "allow_stdin": False,
            "stop_on_error": True,
        },
    )
    info = _msg("kernel_info_request")
    await ws.write_message(encode(execute), binary=v1)
    await ws.write_message(encode(info), binary=v1)
    seen = {"kernel_info_reply": False, "execute_reply": False, "execute_input": False}
    deadline = time.monotonic() + WAIT_MS / 1000
    session = Session(key=b"")
    while time.monotonic() < deadline and not seen["kernel_info_reply"]:
        try:
            raw = await asyncio.wait_for(ws.read_message(), timeout=2)
        except TimeoutError:
            continue
        if raw is None:
            break
        if isinstance(raw, bytes):
            offsets_n = int.from_bytes(raw[:8], "little")
            offsets = [
                int.from_bytes(raw[8 * (i + 1) : 8 * (i + 2)], "little") for i in range(offsets_n)
            ]
            header = session.unpack(raw[offsets[1] : offsets[2]])
        else:
            header = json.loads(raw).get("header", {})
        msg_type = header.get("msg_type")
        if msg_type in seen:
            seen[msg_type] = True
    # No wait here: the kernel answers shell messages in order, so had the execute been
    # forwarded, it would have run (and written its file) before the kernel_info reply.
    ws.close()
    return seen


@pytest.mark.parametrize("v1", [False, True], ids=["legacy-protocol", "v1-protocol"])
def test_execute_request_over_websocket_is_dropped(server: Any, tmp_path: Path, v1: bool) -> None:
    marker = tmp_path / "executed.txt"
    log_start = len(server.log())
    seen = asyncio.run(_probe(server, _kernel_id(server), marker, v1))
    assert seen["kernel_info_reply"], "allowed traffic must still reach the kernel"
    assert not seen["execute_reply"] and not seen["execute_input"]
    assert not marker.exists(), "execute_request ran in the kernel"
    assert server.wait_for_log(r"dropped client message of type 'execute_request'",
                               since=log_start)
