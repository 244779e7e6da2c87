"""Light-weight chart widget: a plotly figure drawn by plotly.js without ``go.FigureWidget``.

``PlotlyView`` only ships the figure JSON over the widget comm. plotly.js itself reaches the
browser as a static, cacheable file served by the dashboard server (see ``briefing.serve`` and
the ``briefing`` Voilà template). When no such file is on the page (e.g. in JupyterLab) the
view asks the kernel once for the library text (custom message ``need-plotly``) and injects it.

Typical use::

    view = PlotlyView(fig, chart_id="timeline", group_size=2)
    view.on_click(lambda view, points: ...)
    view.update(new_fig)            # or: view.figure = new_fig

Page readiness: every view knows how many charts the page holds (``group_size``); once that
many distinct ``chart_id`` have drawn, the browser sets ``data-briefing-ready`` on
``document.body``. After each (re)draw the view element carries
``data-briefing-rev="<revision>"``.
"""

from __future__ import annotations

import base64
import datetime as dt
import itertools
import json
import logging
import math
import re
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import anywidget
import traitlets

__all__ = ["PlotlyView", "STATIC_DIR", "plotly_js_path"]

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
_TOPOJSON_NAME = re.compile(r"^[a-z][a-z-]*_\d{2,3}m$")
_ids = itertools.count(1)

ClickCallback = Callable[["PlotlyView", list[dict[str, Any]]], Any]


def plotly_js_path() -> Path:
    """The page's plotly.js: a partial bundle with only the trace types the charts draw
    (``scripts/plotly-bundle/``), a third of the full library the ``plotly`` package ships."""
    return STATIC_DIR / "plotly.min.js"


@cache
def _plotly_js_text() -> str:
    return plotly_js_path().read_text(encoding="utf-8")


def figure_to_dict(figure: Any) -> dict[str, Any]:
    """Coerce a plotly figure, its JSON text, or a mapping into a plain JSON-able dict."""
    if figure is None:
        return {"data": [], "layout": {}}
    if isinstance(figure, str):
        out = json.loads(figure)
    elif hasattr(figure, "_data") and isinstance(getattr(figure, "_layout", None), dict):
        # A go.Figure keeps its data and layout as plain dicts and arrays; converting those
        # directly skips plotly's deep copy, JSON text and parse (a third of a redraw).
        out = _jsonable({"data": figure._data, "layout": figure._layout})
    elif hasattr(figure, "to_json") and callable(figure.to_json):
        out = json.loads(figure.to_json())
    elif hasattr(figure, "to_plotly_json") and callable(figure.to_plotly_json):
        out = json.loads(json.dumps(figure.to_plotly_json(), default=_json_default))
    elif isinstance(figure, Mapping):
        # A chart's spec (`Chart.spec`): the same plain dicts and arrays a go.Figure holds.
        out = _jsonable(dict(figure))
    else:
        raise TypeError(
            f"PlotlyView needs a plotly figure, JSON text or dict, not {type(figure)!r}"
        )
    if not isinstance(out, dict):
        raise TypeError("figure JSON must be an object with 'data' and 'layout'")
    out.setdefault("data", [])
    out.setdefault("layout", {})
    return out


# plotly.js reads numeric arrays as {"dtype", "bdata"} (base64 of the raw values), as
# plotly's own JSON encoder writes them: smaller than a list of numbers and faster to read.
_TYPED = {"f8": "f8", "f4": "f4", "i1": "i1", "i2": "i2", "i4": "i4", "u1": "u1", "u2": "u2",
          "u4": "u4"}


def _jsonable(x: Any) -> Any:
    """Plotly figure values → JSON values (NaN → null, arrays → typed arrays or lists)."""
    if x is None or type(x) in (str, bool, int):
        return x
    if isinstance(x, dict):
        return {k: _jsonable(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_jsonable(v) for v in x]
    # numpy's float64 and str_ are float and str: plain ones, so the page plan holds no
    # numpy value (a viewer's kernel reads it back without numpy)
    if isinstance(x, float):
        return float(x) if math.isfinite(x) else None
    if isinstance(x, str):
        return str(x)
    if isinstance(x, int):
        return int(x)
    try:
        import numpy as np
        import pandas as pd
    except ImportError:  # pragma: no cover - plotly figures come with numpy
        return json.loads(json.dumps(x, default=_json_default))
    if isinstance(x, pd.Series | pd.Index):
        x = x.to_numpy()
    if isinstance(x, np.ndarray):
        kind = x.dtype.kind
        if kind in "iu" and x.ndim == 1 and len(x) and -2**31 <= x.min() and x.max() < 2**31:
            x = x.astype(np.int32 if kind == "i" or x.max() >= 2**31 else np.uint32)
        code = f"{x.dtype.kind}{x.dtype.itemsize}"
        if x.ndim == 1 and code in _TYPED and x.dtype.byteorder in "=<|":
            return {"dtype": _TYPED[code],
                    "bdata": base64.b64encode(np.ascontiguousarray(x).tobytes()).decode()}
        if kind == "M":
            text = np.datetime_as_string(x, unit="s").astype(object)
            text[np.isnat(x)] = None
            return text.tolist()
        return _jsonable(x.tolist())
    if isinstance(x, np.generic):
        return _jsonable(x.item())
    if isinstance(x, pd.Timestamp | dt.datetime | dt.date):
        return None if pd.isna(x) else x.isoformat()
    if hasattr(x, "to_plotly_json"):
        return _jsonable(x.to_plotly_json())
    return json.loads(json.dumps(x, default=_json_default))


def _json_default(obj: Any) -> Any:
    # plotly's encoder knows numpy/pandas/datetime; use it for anything json cannot handle
    from plotly.utils import PlotlyJSONEncoder

    return json.loads(json.dumps(obj, cls=PlotlyJSONEncoder))


class FigureJSON(traitlets.TraitType):
    """Trait holding figure JSON as a plain dict; accepts go.Figure, JSON text or a mapping."""

    info_text = "a plotly figure, its JSON text, or a dict with 'data' and 'layout'"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(default_value={"data": [], "layout": {}}, **kwargs)

    def make_dynamic_default(self) -> dict[str, Any]:
        return {"data": [], "layout": {}}

    def validate(self, obj: Any, value: Any) -> dict[str, Any]:
        try:
            return figure_to_dict(value)
        except (TypeError, ValueError):
            self.error(obj, value)
            raise  # unreachable: error() raises


class PlotlyView(anywidget.AnyWidget):
    """A plotly chart as a small anywidget (no ``FigureWidget``, no plotly.js in widget state).

    Traits (all synced):
      figure      figure JSON as a dict (``fig.to_json()`` parsed); accepts a go.Figure,
                  JSON text or dict on assignment; each change bumps ``revision``
      config      plotly.js config (merged over ``displaylogo=False, responsive=False``: the view
                  resizes the plot itself when its box changes width)
      chart_id    page-unique id used for click messages and readiness counting
      revision    bumped on every figure update; mirrored as ``data-briefing-rev``
      group_size  how many charts the page expects before it is marked ready
    """

    _esm = STATIC_DIR / "plotly_view.js"
    _css = """
    .briefing-plotly-view { width: 100%; min-height: 120px; position: relative; }
    .briefing-plotly-plot { width: 100%; }
    .briefing-plotly-error { color: #8a3b12; font: 14px/1.4 system-ui, sans-serif; padding: 1em; }
    """

    figure = FigureJSON().tag(sync=True)
    config = traitlets.Dict().tag(sync=True)
    chart_id = traitlets.Unicode("").tag(sync=True)
    revision = traitlets.Int(0).tag(sync=True)
    group_size = traitlets.Int(1).tag(sync=True)
    # A heading and a note drawn above the chart as plain text (never as HTML), so a chart
    # can be its own card without two more widgets around it.
    heading = traitlets.Unicode("").tag(sync=True)
    note = traitlets.Unicode("").tag(sync=True)
    # A live view draws the figure the browser computes for the selection (the page's
    # LiveSelection posts it under this key) instead of `figure`.
    live = traitlets.Unicode("").tag(sync=True)

    def __init__(
        self,
        figure: Any = None,
        *,
        chart_id: str | None = None,
        config: Mapping[str, Any] | None = None,
        group_size: int = 1,
        **kwargs: Any,
    ) -> None:
        self._click_callbacks: list[ClickCallback] = []
        super().__init__(
            figure=figure_to_dict(figure),
            config=dict(config or {}),
            chart_id=chart_id or f"chart-{next(_ids)}",
            group_size=max(1, int(group_size)),
            **kwargs,
        )
        self.on_msg(self._on_custom_msg)

    # -- figure updates -------------------------------------------------------------------

    @traitlets.observe("figure")
    def _bump_revision(self, change: Any) -> None:
        self.revision += 1

    def update(self, figure: Any, config: Mapping[str, Any] | None = None) -> None:
        """Replace the figure (and optionally the config); the browser redraws once."""
        with self.hold_sync():
            if config is not None:
                self.config = dict(config)
            self.figure = figure  # observer bumps revision inside the same sync message

    # -- clicks ---------------------------------------------------------------------------

    def on_click(self, callback: ClickCallback, remove: bool = False) -> None:
        """Register ``callback(view, points)`` for plotly clicks.

        ``points`` is a list of dicts with ``curveNumber``, ``pointNumber``, ``customdata``,
        ``x``, ``y`` (plus ``pointIndex``, ``z``, ``lat``, ``lon``, ``location``, ``label``,
        ``value``, ``text`` when plotly.js reports them).
        """
        if remove:
            if callback in self._click_callbacks:
                self._click_callbacks.remove(callback)
        elif callback not in self._click_callbacks:
            self._click_callbacks.append(callback)

    def _on_custom_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if not isinstance(content, dict):
            return
        kind = content.get("type")
        if kind == "click":
            points = [p for p in content.get("points") or [] if isinstance(p, dict)]
            for callback in list(self._click_callbacks):
                try:
                    callback(self, points)
                except Exception:  # a broken callback must not kill the comm
                    log.exception("PlotlyView %s: click callback failed", self.chart_id)
        elif kind == "need-plotly":
            self.send({"type": "plotly-lib", "source": _plotly_js_text()})
        elif kind == "need-topojson":
            name = str(content.get("name") or "")
            text = None
            path = STATIC_DIR / f"{name}.json"
            if _TOPOJSON_NAME.match(name) and path.is_file():
                text = path.read_text(encoding="utf-8")
            self.send({"type": "topojson", "name": name, "source": text})
        elif kind == "error":
            log.warning("PlotlyView %s: browser error: %s", self.chart_id, content.get("message"))
