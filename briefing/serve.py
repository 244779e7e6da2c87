"""Serve the briefing dashboard with Voilà, locked down and fast.

    python -m briefing serve [--port N] [--host H] [--open] [--notebook PATH]
    python -m briefing.serve  ...   (same, without the CLI table)

What this adds on top of ``voila briefing.ipynb``:

* reads the project's ``voila.json`` (repo root) wherever it is started from;
* finds the ``briefing`` template in ``share/jupyter/voila/templates/`` (JUPYTER_PATH);
* serves plotly.js (briefing/static's partial bundle) at ``/voila/static/plotly.min.js``
  (static, cacheable, never in widget state) and ``briefing/static/`` (topojson etc.) under
  ``/voila/static/``;
* refuses any URL naming source or config files (``.ipynb``, ``.py``, ``.yaml`` ...);
* kernel websocket only forwards widget comm traffic (``briefing.kernel_websocket``);
* builds the page plan before the kernels start (`briefing.page`'s page cache);
* binds 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from urllib.parse import unquote

from tornado import web
from tornado.routing import Matcher, PathMatches, Rule

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARE_JUPYTER = REPO_ROOT / "share" / "jupyter"
TEMPLATE = "briefing"
DEFAULT_NOTEBOOK = REPO_ROOT / "briefing.ipynb"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8866

#: Paths that must never be served, whatever handler would otherwise match.
DENIED_PATH = re.compile(
    r"(\.(ipynb|py|pyc|pyo|ya?ml|toml|cfg|ini|lock|sh|env|j2|sqlite|db|pem|key)$)"
    r"|(/\.)"  # dotfiles and dot-directories (.git, .venv, .env ...)
    r"|(\.\.)",  # any traversal attempt, encoded or not
    re.IGNORECASE,
)

#: What a dashboard page needs, relative to the server URL; every other path is refused
#: (Voilà would otherwise redirect it to ``/voila/files/`` or answer with a 500).
_KERNEL_ID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
SERVED_PATH = re.compile(
    r"^/(?:$"  # the dashboard
    r"|voila/static/[^/].*"  # Voilà's, ours (briefing/static) and plotly.min.js
    r"|voila/templates/[a-z0-9_-]+/static/[^/].*"  # a template's own static files
    r"|voila/labextensions/[^/].*"  # the widget front-ends
    r"|voila/api/themes/[^/].*"
    rf"|api/kernels/{_KERNEL_ID}(?:/channels)?"  # the page's own kernel (id is a secret)
    rf"|voila/(?:query|execution|api/shutdown)/{_KERNEL_ID}"
    r"|login"  # only used when a token is set
    r")$"
)

__all__ = ["base_config", "build_argv", "main", "make_app_class", "prepare_environment"]


def prepare_environment() -> None:
    """Our Voilà template on JUPYTER_PATH; the repo on PYTHONPATH (kernels import briefing)."""
    for var, entry in (("JUPYTER_PATH", SHARE_JUPYTER), ("PYTHONPATH", REPO_ROOT)):
        parts = [p for p in os.environ.get(var, "").split(os.pathsep) if p]
        if str(entry) not in parts:
            os.environ[var] = os.pathsep.join([str(entry), *parts])


def _assets_version() -> str:
    import plotly

    from briefing.widgets import plotly_js_path

    stamp = int(plotly_js_path().stat().st_mtime)
    return f"{plotly.__version__}-{stamp}"


def build_argv(
    notebook: str | os.PathLike[str],
    *,
    port: int = DEFAULT_PORT,
    host: str = DEFAULT_HOST,
    open_browser: bool = False,
    extra: list[str] | None = None,
) -> list[str]:
    """Voilà command-line arguments for serving ``notebook`` (see also ``base_config``).
    ``extra`` are further ``--Class.trait=value`` settings, after ours so they win."""
    return [
        str(notebook),
        f"--port={int(port)}",
        f"--Voila.ip={host}",
        f"--Voila.open_browser={open_browser}",
        f"--template={TEMPLATE}",
        *(extra or []),
    ]


def base_config():  # type: ignore[no-untyped-def]
    """Settings that are not plain options: where voila.json lives, template resources."""
    from traitlets.config import Config

    return Config(
        {
            "Voila": {"config_file_paths": [str(REPO_ROOT)]},
            "VoilaConfiguration": {
                "resources": {"briefing": {"assets_version": _assets_version()}}
            },
        }
    )


class _DeniedPathMatcher(Matcher):
    """Matches (so that `_DeniedHandler` answers 404) a request for a denied file, or
    for any path outside `SERVED_PATH` under `prefix` (the server URL)."""

    def __init__(self, prefix: str = "/") -> None:
        self.prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"

    def match(self, request):  # type: ignore[no-untyped-def]
        path = request.path or ""
        for _ in range(3):  # undo (double) percent-encoding before judging
            decoded = unquote(path)
            if decoded == path:
                break
            path = decoded
        if DENIED_PATH.search(path) or "\\" in path or "\x00" in path:
            return {}
        if not path.startswith(self.prefix):
            return {}
        return None if SERVED_PATH.match("/" + path[len(self.prefix):]) else {}


class _DeniedHandler(web.RequestHandler):
    def prepare(self) -> None:
        self.log_denied()
        raise web.HTTPError(404)

    def log_denied(self) -> None:
        import logging

        logging.getLogger("briefing.serve").warning("refused request for %s", self.request.path)


class _CachedStaticFileHandler(web.StaticFileHandler):
    """Static files that browsers may keep: long-lived when versioned (``?v=``), else a day."""

    def set_extra_headers(self, path: str) -> None:
        if not self.get_argument("v", None):
            self.set_header("Cache-Control", "public, max-age=86400")
        self.set_header("X-Content-Type-Options", "nosniff")


def _touch_kernels_when_handed_out(kernel_manager) -> None:  # type: ignore[no-untyped-def]
    """A preheated kernel keeps the time it was started as its last activity; handed to a
    viewer an hour later, the culler may shut it down before the page connects (the page
    then never works). Mark it active at hand-out, so culling counts from the viewer."""
    get = getattr(kernel_manager, "get_rendered_notebook", None)
    if get is None or getattr(get, "_briefing_touch", False):
        return
    from jupyter_server._tz import utcnow

    async def handed_out(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = await get(*args, **kwargs)
        try:
            kernel_manager.get_kernel(result[2]).last_activity = utcnow()
        except (KeyError, IndexError, TypeError):  # already gone: the page will say so
            pass
        return result

    handed_out._briefing_touch = True  # type: ignore[attr-defined]
    kernel_manager.get_rendered_notebook = handed_out


def make_app_class():  # type: ignore[no-untyped-def]
    """The Voilà application class with the briefing additions (imported lazily: voila is big)."""
    from jupyter_server.utils import url_path_join
    from voila.app import Voila

    from briefing.widgets import STATIC_DIR, plotly_js_path

    class BriefingVoila(Voila):
        name = "briefing-voila"

        def setup_template_dirs(self) -> None:
            super().setup_template_dirs()
            # /voila/static/<name> also finds briefing/static/* (topojson, ...)
            if str(STATIC_DIR) not in self.static_paths:
                self.static_paths.insert(0, str(STATIC_DIR))

        def init_handlers(self) -> list:
            handlers = super().init_handlers()
            _touch_kernels_when_handed_out(self.kernel_manager)
            plotly_dir = str(plotly_js_path().parent)
            ours = [
                Rule(_DeniedPathMatcher(self.server_url), _DeniedHandler),
                Rule(
                    PathMatches(url_path_join(self.server_url, r"/voila/static/(plotly\.min\.js)")),
                    _CachedStaticFileHandler,
                    {"path": plotly_dir},
                ),
            ]
            return ours + handlers

    return BriefingVoila


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default 8866)")
    parser.add_argument("--host", default=DEFAULT_HOST, help="bind address (default 127.0.0.1)")
    parser.add_argument("--open", action="store_true", help="also open a web browser")
    parser.add_argument(
        "--notebook",
        default=str(DEFAULT_NOTEBOOK),
        help="notebook to serve (default briefing.ipynb)",
    )


_SETTING = re.compile(r"^--[A-Za-z]\w*\.\w+=.*$")


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="briefing serve", description="Serve the briefing dashboard with Voilà.",
        epilog="Any --Class.trait=value argument is passed on to Voilà (for example "
               "--MappingKernelManager.cull_idle_timeout=600).",
    )
    add_arguments(parser)
    args, rest = parser.parse_known_args(argv)
    unknown = [a for a in rest if not _SETTING.match(a)]
    if unknown:
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    args.voila_settings = rest
    return args


def prepare_page() -> None:
    """Build the page plan once, before any kernel starts, in a process of its own: every
    viewer's kernel, the preheated ones too, then reads it from the page cache
    (`briefing.page`) and never imports the frame libraries to open the page."""
    import subprocess

    from briefing import cache as disk

    if disk.disabled_by_env():
        return  # no page cache: each kernel builds its page
    print("briefing: preparing the page (once per fact base)…", flush=True)
    done = subprocess.run([sys.executable, "-c", "import briefing; briefing.page()"],
                          capture_output=True, text=True, check=False)
    if done.returncode:
        said = (done.stderr.strip().splitlines() or ["(no message)"])[-1]
        print(f"briefing serve: the page could not be prepared ahead ({said}); each "
              "viewer's kernel builds it", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    """Start Voilà on the dashboard notebook; returns the exit status when the server stops."""
    return run(_parse(sys.argv[1:] if argv is None else argv))


def run(args: argparse.Namespace) -> int:
    """Serve with parsed arguments (see `add_arguments`)."""
    notebook = Path(args.notebook).resolve()
    if not notebook.is_file():
        print(f"briefing serve: notebook not found: {notebook}", file=sys.stderr)
        return 2
    prepare_environment()
    if notebook == DEFAULT_NOTEBOOK.resolve():
        prepare_page()
    app_class = make_app_class()
    app = app_class.instance(config=base_config())
    app.initialize(
        build_argv(notebook, port=args.port, host=args.host, open_browser=args.open,
                   extra=getattr(args, "voila_settings", None))
    )
    shown_host = f"[{args.host}]" if ":" in args.host else args.host

    def announce() -> None:  # runs once the loop starts, i.e. after the port is bound
        print(f"briefing: serving {notebook.name} at http://{shown_host}:{app.port}/", flush=True)

    from tornado.ioloop import IOLoop

    IOLoop.current().add_callback(announce)
    app.start()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
