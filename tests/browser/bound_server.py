"""Run a Jupyter server module (`python bound_server.py jupyterlab ARGS...`) as
`python -m jupyterlab ARGS...` would, and print BOUND once its port listens.

Jupyter binds its port in its event loop, after it has logged that it runs, and logs
nothing once it listens; this line is the readiness a test can wait on instead of asking
the port again and again. The server itself is unchanged: the real one, real files.
"""

from __future__ import annotations

import runpy
import sys

BOUND = "bound_server: listening"


def main() -> None:
    from jupyter_server.serverapp import ServerApp

    bind = ServerApp._bind_http_server

    def bind_and_say(self: ServerApp) -> None:
        bind(self)   # (on failure it exits the process: the test sees it end)
        print(BOUND, flush=True)

    ServerApp._bind_http_server = bind_and_say
    del sys.path[0]   # (this folder: its jupyterlab.py is not the jupyterlab package)
    module = sys.argv.pop(1)
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
