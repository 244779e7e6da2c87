"""The selection computed in the browser: one hidden widget per page (`LiveSelection`),
and the controls made to show a selection set from code (`show_in_controls`).

`LiveSelection` carries the fact base's selection index and the rules of every live chart
(built by `briefing.dashboard.live.live_state`) once, as one binary buffer, and reads the
filter controls from their models in the browser. A control change recomputes the masks
and the live charts there (`static/live.js`), with no kernel message between the input
and the redrawn chart; the kernel hears of the change afterwards. Widgets only: a viewer's
kernel builds it from the page plan without the frame libraries.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import anywidget
import ipywidgets as w
import traitlets

from briefing.selection import Selection
from briefing.widgets import STATIC_DIR


def _module() -> str:
    # one ES module: the selection rules, the mark rules, the article and Details, then
    # the widget
    return "\n".join((STATIC_DIR / name).read_text(encoding="utf-8")
                     for name in ("select.js", "marks.js", "article.js", "reading.js",
                                  "live.js"))


class LiveSelection(anywidget.AnyWidget):
    """Hidden; computes the selection and the live charts in the browser."""

    _esm = _module()

    meta = traitlets.Dict().tag(sync=True)
    blob = traitlets.Bytes(b"").tag(sync=True)
    controls = traitlets.Dict().tag(sync=True, **w.widget_serialization)
    # a clicked edge's events (the kernel sets them; a control change clears them)
    focus_events = traitlets.List(traitlets.Unicode()).tag(sync=True)
    # the actor a click on the network focused (None: no focus)
    focus_actor = traitlets.Unicode(None, allow_none=True).tag(sync=True)
    # Details and the article's data (reading.py, as JSON), sent when the page asks for it
    # once it is drawn; empty when too large to send (clicks then go to the kernel)
    reading = traitlets.Bytes(b"").tag(sync=True)

    def __init__(self, *, meta: Mapping[str, Any], blob: bytes,
                 controls: Mapping[str, w.Widget], reading: Callable[[], bytes]) -> None:
        # All at once, in the comm's opening state: set one by one, JupyterLab's front end
        # would see the rules before the bytes they point into.
        super().__init__(meta=dict(meta), blob=bytes(blob), controls=dict(controls))
        self._reading = reading
        self.on_msg(self._on_msg)

    def _on_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("type") == "need-reading" \
                and not self.reading:
            self.reading = self._reading()


# The live meta of a plan names its charts `<PAGE_KEY>-<chart>`; each page puts its own key
# there.
PAGE_KEY = "page"


def with_page_key(meta: Mapping[str, Any], placeholder: str, page_key: str) -> dict[str, Any]:
    """A plan's live meta for one page: its charts' keys and key points' classes carry
    the page's own key (a notebook may show two pages of one plan)."""
    charts = [{**c, "key": page_key + c["key"][len(placeholder):]}
              for c in meta.get("charts", [])]
    return {**meta, "charts": charts, "page_key": page_key}


def show_in_controls(dash: Any, sel: Selection) -> None:
    """A Dashboard's controls show `sel` (set from code, or a click's focus): the live
    charts follow the controls, so the controls must say what the page shows."""
    dash._updating = True
    try:
        for ctl, chosen in ((dash.w_articles, sel.articles), (dash.w_actors, sel.actors),
                            (dash.w_types, sel.event_types), (dash.w_status, sel.statuses)):
            known = [v for _, v in ctl.options if v in chosen]
            if set(known) != set(ctl.value):
                ctl.value = tuple(known)
        days = [d for _, d in dash._date_options]
        if days:
            lo = 0 if sel.date_from is None else next(
                (i for i, d in enumerate(days) if d >= sel.date_from), len(days) - 1)
            hi = len(days) - 1 if sel.date_to is None else max(
                [i for i, d in enumerate(days) if d <= sel.date_to] or [0])
            if tuple(dash.w_dates.index) != (lo, max(lo, hi)):
                dash.w_dates.index = (lo, max(lo, hi))
        if dash.w_reliability.value != sel.min_reliability:
            dash.w_reliability.value = sel.min_reliability
        if sel.issue is not None and dash.w_issue.value != sel.issue:
            dash.w_issue.value = sel.issue
    finally:
        dash._updating = False
    focus = sorted(sel.focus_events)
    if list(dash.live.focus_events) != focus:
        dash.live.focus_events = focus
    if dash.live.focus_actor != sel.focus_actor:
        dash.live.focus_actor = sel.focus_actor
