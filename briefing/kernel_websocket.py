"""Server-side hardening for the dashboard's kernel websocket.

Voilà forwards every message a browser sends on ``/api/kernels/<id>/channels`` to the kernel.
A dashboard page only ever needs the widget comm traffic, so anything else -- above all
``execute_request`` -- is dropped here before it reaches ZMQ.

Enable with ``Voila.kernel_websocket_connection_class =
"briefing.kernel_websocket.BriefingWebsocketConnection"`` (``voila.json`` and
``briefing.serve`` do so).
"""

from __future__ import annotations

import json
from typing import Any

from jupyter_server.services.kernels.connection.base import (
    deserialize_binary_message,
    deserialize_msg_from_ws_v1,
)
from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection

__all__ = ["ALLOWED_CLIENT_MESSAGES", "BriefingWebsocketConnection", "client_msg_type"]

#: Client -> kernel message types a dashboard page may send.
ALLOWED_CLIENT_MESSAGES = frozenset(
    {"comm_open", "comm_msg", "comm_close", "comm_info_request", "kernel_info_request"}
)

V1_PROTOCOL = "v1.kernel.websocket.jupyter.org"


def client_msg_type(ws_msg: Any, subprotocol: str | None) -> str | None:
    """The ``header.msg_type`` of a websocket message from the browser, or None if unreadable."""
    try:
        if subprotocol == V1_PROTOCOL:
            _channel, parts = deserialize_msg_from_ws_v1(ws_msg)
            header = json.loads(parts[0])
        elif isinstance(ws_msg, bytes):
            header = deserialize_binary_message(ws_msg)["header"]
        else:
            header = json.loads(ws_msg)["header"]
        msg_type = header["msg_type"]
    except Exception:
        return None
    return msg_type if isinstance(msg_type, str) else None


class BriefingWebsocketConnection(ZMQChannelsWebsocketConnection):
    """Kernel websocket connection that lets only widget/comm traffic through to the kernel."""

    def handle_incoming_message(self, incoming_msg: Any) -> None:
        msg_type = client_msg_type(incoming_msg, self.subprotocol)
        if msg_type not in ALLOWED_CLIENT_MESSAGES:
            self.log.warning(
                "briefing: dropped client message of type %r on kernel %s",
                msg_type,
                getattr(self, "kernel_id", "?"),
            )
            return
        super().handle_incoming_message(incoming_msg)
