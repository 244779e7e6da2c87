"""The selection computed in the browser: one hidden widget per page.

`LiveSelection` carries the fact base's selection index (`briefing.select.page_arrays`)
and the rules of every live chart (`briefing.marks`) once, as one binary buffer, and
reads the filter controls from their models in the browser. A control change recomputes
the masks and the live charts there (`static/live.js`), with no kernel message between the
input and the redrawn chart; the kernel hears of the change afterwards, as before.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import anywidget
import ipywidgets as w
import traitlets

from briefing.channels import events_behind
from briefing.marks import Blob, Rules, pack
from briefing.model import Briefing
from briefing.select import Selection, day_number, page_arrays
from briefing.widgets import STATIC_DIR, figure_to_dict
from briefing.words import PLOVER_WORDS, names

from .reading import PAGE_READING_MAX_BYTES, PAGE_READING_MAX_FACTS, fact_count, reading_data


def _module() -> str:
    # one ES module: the selection rules, the mark rules, the article and Details, then
    # the widget
    return "\n".join((STATIC_DIR / name).read_text(encoding="utf-8")
                     for name in ("select.js", "marks.js", "article.js", "reading.js",
                                  "live.js"))


def behind(b: Briefing, figures: Sequence[Mapping[str, Any]]) -> dict[str, dict[str, list[str]]]:
    """The events behind each aggregated link the live charts carry as a key (a click on it
    selects those the selection shows: `events_behind`, in the browser)."""
    out: dict[str, dict[str, list[str]]] = {"edge": {}, "channel": {}}
    for fig in figures:
        for t in fig.get("data", []):
            for cd in t.get("customdata") or []:
                if isinstance(cd, list | tuple) and len(cd) >= 2 and cd[0] in out:
                    key = str(cd[1])
                    out[cd[0]][key] = list(events_behind(b, cd[0], tuple(key.split())))
    return out


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

    def __init__(self, b: Briefing, *, controls: Mapping[str, w.Widget],
                 options: Mapping[str, Sequence[Any]],
                 charts: Mapping[tuple[str, str | None], Rules],
                 extra: Mapping[str, Any] | None = None) -> None:
        blob = Blob()
        index, arrays = page_arrays(b)
        meta = {
            "index": index,
            # the status line's words (Selection.describe): names, titles, event types
            "words": {"actors": names(b),
                      "articles": dict(zip(b.articles["article_id"], b.articles["title"],
                                           strict=False)),
                      "types": dict(PLOVER_WORDS)},
            "arrays": {k: blob.put(v) for k, v in arrays.items()},
            "options": {k: [day_number(x) if k == "dates" else x for x in v]
                        for k, v in options.items()},
            "charts": [{"key": key, "issue": issue, "figure": figure_to_dict(dict(r.figure)),
                        "rules": pack(r, blob)} for (key, issue), r in charts.items()],
        }
        meta["behind"] = behind(b, [c["figure"] for c in meta["charts"]])
        meta.update(extra or {})
        # All at once, in the comm's opening state: set one by one, JupyterLab's front end
        # would see the rules before the bytes they point into.
        super().__init__(meta=meta, blob=bytes(blob.data), controls=dict(controls))
        self._facts = b
        self.on_msg(self._on_msg)

    def _on_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("type") == "need-reading" \
                and not self.reading and fact_count(self._facts) <= PAGE_READING_MAX_FACTS:
            data = json.dumps(reading_data(self._facts), ensure_ascii=False).encode("utf-8")
            if len(data) <= PAGE_READING_MAX_BYTES:
                self.reading = data


def live_selection(dash: Any) -> LiveSelection:
    """The LiveSelection of a Dashboard: its controls, their values in widget order, and
    the rules of every live chart, whose views it marks live. Keys are unique per
    dashboard: a notebook can show two."""
    from briefing.charts import CHARTS

    page_key = dash._page_key
    live = {name: c for name, c in CHARTS.items() if c.rules is not None}
    for name in live:
        dash.views[name].live = f"{page_key}-{name}"
    controls = {"articles": dash.w_articles, "actors": dash.w_actors, "types": dash.w_types,
                "statuses": dash.w_status, "dates": dash.w_dates,
                "reliability": dash.w_reliability, "issue": dash.w_issue,
                "status": dash.status, "detail": dash.detail, "article": dash.article,
                "read": dash.w_read}
    options = {k: [v for _, v in c.options] for k, c in controls.items()
               if k not in ("dates", "status", "detail", "article", "read")}
    options["dates"] = [d for _, d in dash._date_options]
    # a chart drawn per issue has one set of rules per issue (the browser takes the one
    # of the chosen issue); the others one, for any issue
    issues = [str(i) for i in dash.b.issues["issue_id"]] or [None]
    charts = {(f"{page_key}-{n}", i if c.by_issue else None): c.live_rules(dash.b, i)
              for n, c in live.items() for i in (issues if c.by_issue else [None])}
    # a key point's "evidence" button carries class briefing-kp-<page>-<n>
    return LiveSelection(dash.b, controls=controls, options=options, charts=charts,
                         extra={"page_key": page_key, "key_points": [
                             [list(ids), a] for ids, a in dash.key_point_facts]})


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
