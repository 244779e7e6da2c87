"""The dashboard: widgets ↔ one Selection value → frames → figures, updated in place.

Data flows one way. Widget callbacks only turn widget values into a new `Selection`
(`Dashboard.set_selection`); `_render` turns the selection into frames with
`briefing.select.select` and hands the frames to the pure chart functions. A chart is
redrawn only when the part of the selection it depends on changed, which keeps a filter
change to a few small websocket messages.

The widgets are built from the page plan (`plan.page_plan`): plain data computed from the
frames once. `page()` reads the plan from the page cache when the same facts were shown by
the same code before; such a page holds no frames and imports neither pandas nor plotly
until something needs the frames (an export, `dash.facts`, or a selection its browser
cannot draw by itself: `_browser_draws`).
"""

from __future__ import annotations

import html
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from briefing.dashboard.live_widget import (
    PAGE_KEY,
    LiveSelection,
    show_in_controls,
    with_page_key,
)
from briefing.selection import Selection
from briefing.widgets import PlotlyView

if TYPE_CHECKING:
    from briefing.model import Briefing

log = logging.getLogger(__name__)

_CSS = (Path(__file__).resolve().parent.parent / "static" / "dashboard.css").read_text(
    encoding="utf-8")

def _e(value: Any) -> str:
    """Every piece of fact text goes through here before it reaches HTML."""
    return html.escape("" if value is None else str(value), quote=True)


def set_name(b: Briefing) -> tuple[str, str]:
    """The title and subtitle that name a set of articles (page header, exports): the one
    rule of `describe.story_title`, which the PDF follows too."""
    from briefing.describe import story_title

    return story_title(b)


class Dashboard:
    """The briefing page for one fact base. Display it, or use its parts from code.

    >>> dash = Dashboard(briefing.load())      # doctest: +SKIP
    >>> dash.set_selection(Selection(actors={"an-actor-id"}))   # doctest: +SKIP
    """

    def __init__(self, b: Briefing, *, selection: Selection | None = None) -> None:
        from briefing.dashboard.plan import page_plan

        self._build(page_plan(b, selection), lambda: b, selection)
        self._b: Briefing | None = b

    @classmethod
    def from_plan(cls, plan: dict[str, Any], facts: Callable[[], Briefing], *,
                  loaded: Briefing | None = None) -> Dashboard:
        """The page of a stored plan; `facts()` gives the frames when something needs
        them (they are read once, on first use), unless they are `loaded` already."""
        dash = cls.__new__(cls)
        dash._build(plan, facts, None)
        dash._b = loaded
        return dash

    def _build(self, plan: dict[str, Any], facts: Callable[[], Briefing],
               selection: Selection | None) -> None:
        self._plan = plan
        self._facts = facts
        self._b = None
        self._kinds: dict[str, str] | None = None
        self.selection = selection or Selection(issue=plan["issue"])
        self._keys: dict[str, tuple] = {}
        self._shown: tuple[Selection, Briefing] | None = None
        self._updating = False
        self.status = w.HTML(plan["status"], layout=w.Layout(min_height="1.5em"))
        self.status.add_class("briefing-status")
        self.detail = w.HTML(plan["detail"], layout=w.Layout(max_height="640px", overflow="auto"))
        self.detail.add_class("briefing-detail")
        self.article = w.HTML(plan["article"])
        self.article.add_class("briefing-article")
        self._article_id = plan["article_id"]
        self._highlight: frozenset[str] = frozenset(plan["highlight"])
        self.w_read = w.Dropdown(options=_pairs(plan["controls"]["read"]["options"]),
                                 value=self._article_id, description="Read",
                                 layout=w.Layout(width="auto"))
        self.w_read.observe(lambda c: self._guard(self._read, c["new"]), names="value")
        self.downloads = w.HTML()
        # Each chart is its own card: the view draws its heading and note (as text).
        charts = plan["charts"]
        self.views = {
            name: PlotlyView(chart_id=name, group_size=len(charts), heading=c["heading"],
                             note=c["note"], config={"displaylogo": False},
                             layout=w.Layout(flex=f"{c['flex'][0]} 1 {c['flex'][1]}px",
                                             min_width="0"))
            for name, c in charts.items()
        }
        for view in self.views.values():
            view.add_class("briefing-card")
            view.on_click(self._on_click)
        self._page_key = uuid.uuid4().hex[:12]
        self._build_controls(plan)
        # the key points' facts and articles, in the order of their buttons
        self.key_point_facts: list[tuple[tuple[str, ...], str]] = []
        self.header = self._header(plan["header"])
        for name, c in charts.items():
            if c["live"]:
                self.views[name].live = f"{self._page_key}-{name}"
            else:
                self._keys[name] = tuple(getattr(self.selection, f) for f in c["reads"])
                self.views[name].update(plan["figures"][name])
        controls = {"articles": self.w_articles, "actors": self.w_actors,
                    "types": self.w_types, "statuses": self.w_status, "dates": self.w_dates,
                    "reliability": self.w_reliability, "issue": self.w_issue,
                    "status": self.status, "detail": self.detail, "article": self.article,
                    "read": self.w_read}
        self.live = LiveSelection(
            meta=with_page_key(plan["live"]["meta"], PAGE_KEY, self._page_key),
            blob=plan["live"]["blob"], controls=controls, reading=self._reading)
        self.live.observe(self._on_focus, names=["focus_actor", "focus_events"])
        self.root = self._layout(self.header)

    # ------------------------------------------------------------------ public surface
    @property
    def facts(self) -> Briefing:
        """The fact base the page shows (read on first use when the page came from the
        page cache)."""
        if self._b is None:
            self._b = self._facts()
        return self._b

    b = facts  # the name the rest of the package uses

    def set_selection(self, sel: Selection) -> None:
        """Make `sel` the page's selection and update every view that depends on it."""
        if sel == self.selection:
            return
        self.selection = sel
        self._guard(show_in_controls, self, sel)
        self._guard(self._render)

    def frames(self) -> Briefing:
        """The frames behind what the page shows now (computed once per selection)."""
        from briefing.select import select

        if self._shown is None or self._shown[0] != self.selection:
            self._shown = (self.selection, select(self.b, self.selection))
        return self._shown[1]

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.root._repr_mimebundle_(**kwargs)

    # ------------------------------------------------------------------ building
    def _reading(self) -> bytes:
        # Details and the article's data, for the browser: the plan's, else computed now
        if self._plan["reading"] is None:
            from briefing.dashboard.plan import reading_bytes

            self._plan["reading"] = reading_bytes(self.b)
        return self._plan["reading"]

    def _build_controls(self, plan: dict[str, Any]) -> None:
        c = plan["controls"]

        def many(name: str, description: str) -> w.SelectMultiple:
            return w.SelectMultiple(options=_pairs(c[name]["options"]), rows=c[name]["rows"],
                                    description=description, layout=w.Layout(width="auto"))

        self.w_articles = many("articles", "Articles")
        self.w_actors = many("actors", "Actors")
        self.w_types = many("types", "Event types")
        self.w_status = many("statuses", "Status")
        self._date_options = _pairs(plan["dates"])
        self.w_dates = w.SelectionRangeSlider(
            options=self._date_options or [("—", None)],
            index=(0, max(len(self._date_options) - 1, 0)), description="Dates",
            continuous_update=False, readout=False, layout=w.Layout(width="60%"))
        self.w_dates_label = w.HTML()
        self._date_readout()
        self.w_dates.observe(lambda _c: self._date_readout(), names="value")
        self.w_reliability = w.Dropdown(options=_pairs(c["reliability"]["options"]),
                                        value=c["reliability"]["value"], description="Sources")
        self.w_issue = w.Dropdown(options=_pairs(c["issue"]["options"]),
                                  value=self.selection.issue, description="Issue",
                                  layout=w.Layout(width="auto"))
        self.w_reset = w.Button(description="Reset", icon="undo", tooltip="Show everything again")
        # the browser empties Details from this class at once (live.js), as `reset` does
        self.w_reset.add_class(f"briefing-reset-{self._page_key}")
        self.w_csv = w.Button(description="Export CSV", icon="download",
                              tooltip="Every frame of the current selection, zipped")
        self.w_html = w.Button(description="Export HTML", icon="download",
                               tooltip="The charts as one file that opens without a server")
        self.w_pdf = w.Button(description="Export PDF", icon="file-pdf-o",
                              tooltip="This view as a printable A4 briefing: key points, "
                                      "evidence, every chart, sources")
        for ctl in (self.w_articles, self.w_actors, self.w_types, self.w_status, self.w_dates,
                    self.w_reliability, self.w_issue):
            ctl.style.description_width = "initial"
            ctl.observe(self._on_control, names="value")
        self.w_reset.on_click(lambda _b: self._guard(self.reset))
        self.w_csv.on_click(lambda _b: self._guard(self._export_csv))
        self.w_html.on_click(lambda _b: self._guard(self._export_html))
        self.w_pdf.on_click(lambda _b: self._guard(self._export_pdf))

    def _header(self, items: Sequence[Sequence[Any]]) -> w.Widget:
        points: list[w.Widget] = [w.HTML(f"<style>{_CSS}</style>{items[0][1]}")]
        for item in items[1:]:
            if item[0] == "html":
                points.append(w.HTML(item[1]))
                continue
            _, text_, ids, article_id, number = item
            btn = w.Button(description="evidence", icon="search",
                           tooltip="Show the facts and the article's words behind this point",
                           layout=w.Layout(width="110px", flex="0 0 auto"))
            btn.add_class("briefing-kp-button")
            # the browser opens Details from this class (live.js), as the kernel does
            btn.add_class(f"briefing-kp-{self._page_key}-{len(self.key_point_facts)}")
            self.key_point_facts.append((tuple(ids), str(article_id)))
            btn.on_click(lambda _b, ids=tuple(ids), a=article_id: self._on_key_point(ids, a))
            text = w.HTML(f"<span class='briefing-kp'>{number}. {_e(text_)}</span>",
                          layout=w.Layout(flex="1 1 auto"))
            points.append(w.HBox([text, btn], layout=w.Layout(align_items="center",
                                                               width="100%")))
        return w.VBox(points)

    def _date_readout(self) -> None:
        # Voilà's slider readout is a fixed-width box that cuts long dates; say it in full.
        if not self._date_options:
            self.w_dates_label.value = ""
            return
        lo, hi = self.w_dates.index
        self.w_dates_label.value = (f"<span class='briefing-note'>{_e(self._date_options[lo][0])}"
                                    f" – {_e(self._date_options[hi][0])}</span>")

    @staticmethod
    def _card(title: str, body: w.Widget, *, note: str = "",
              flex: tuple[int, int] = (1, 520)) -> w.Widget:
        # `flex` = (grow, basis in px): cards share a row and wrap below `basis`.
        head = w.HTML(f"<h2>{_e(title)}</h2>" + (f"<p class='briefing-note'>{_e(note)}</p>"
                                                 if note else ""))
        box = w.VBox([head, body], layout=w.Layout(flex=f"{flex[0]} 1 {flex[1]}px",
                                                   min_width="0"))
        box.add_class("briefing-card")
        return box

    @staticmethod
    def _row(children: list[w.Widget], *, wide: bool = False, **layout: str) -> w.HBox:
        # ipywidgets' Layout has no `gap`: spacing comes from the dashboard's CSS classes.
        row = w.HBox(children, layout=w.Layout(flex_flow="row wrap", width="100%", **layout))
        row.add_class("briefing-row-wide" if wide else "briefing-row")
        return row

    def _layout(self, header: w.Widget) -> w.Widget:
        many = self._plan["many"]
        filters = w.VBox([
            w.HTML("<h2>Filter the briefing</h2>"),
            # With one article there is nothing to choose between: no article list.
            self._row([*([self.w_articles] if many else []), self.w_actors, self.w_types,
                       self.w_status]),
            w.HBox([self.w_dates, self.w_dates_label],
                   layout=w.Layout(width="100%", align_items="center")),
            # A story that declares no issue has none to choose: no empty Issue list.
            self._row([self.w_reliability, *([self.w_issue] if self.w_issue.options else []),
                       self.w_reset, self.w_csv, self.w_html, self.w_pdf],
                      align_items="center"),
            self.downloads, self.status,
        ])
        filters.add_class("briefing-filters")
        v = self.views
        rows = [
            # Each row wraps to one column on narrow screens.
            [v["network"], self._card("Details", self.detail, flex=(2, 380))],
            [v["positions"], v["positions_overview"]],
            [v["timeline"], v["geo_map"]],
            [self._card("The article" if not many else "The articles",
                        w.VBox([*([self.w_read] if many else []), self.article]),
                        note="Highlighted: the sentences behind what the charts show."),
             v["sources"]],
        ]
        # The first row stretches, so the detail panel runs the network's full height.
        boxes = [self._row(row, wide=True, align_items="stretch" if i == 0 else "flex-start")
                 for i, row in enumerate(rows)]
        root = w.VBox([header, filters, *boxes, self.live],
                      layout=w.Layout(width="100%"))
        root.add_class("briefing-root")
        return root

    # ------------------------------------------------------------------ updating
    def _guard(self, fn: Callable[..., Any], *args: Any) -> None:
        """Run a callback; a failure is logged for us and shown to the viewer in words."""
        try:
            fn(*args)
        except Exception:
            log.exception("dashboard callback failed")
            self.status.value = ("<span class='briefing-error'>Something went wrong while "
                                 "updating the page. Press Reset to start again.</span>")

    def _browser_draws(self) -> bool:
        """Whether a browser shows this page with all it needs to draw any selection
        itself — the live charts, the status line, Details and the article (it asked for
        the reading data and has it) — and writes what it drew back into the widgets.
        The kernel then only keeps the selection, and reads no frames for it."""
        return bool(self.live.reading)

    def _render(self) -> None:
        sel = self.selection
        # charts the kernel draws (none is, when every chart is live), whose fields changed
        stale = {n: tuple(getattr(sel, f) for f in c["reads"])
                 for n, c in self._plan["charts"].items() if not c["live"]}
        stale = {n: key for n, key in stale.items() if self._keys.get(n) != key}
        if not stale and self._browser_draws():
            return
        from briefing.charts import CHARTS
        from briefing.dashboard.plan import status_html

        sub = self.frames()
        for name, key in stale.items():
            self._keys[name] = key
            self.views[name].update(CHARTS[name].spec(sub, sel, self.b))
        self._highlight = (frozenset(sub.evidence["evidence_id"]) if sel.filters_facts
                           else frozenset())
        if sel.articles and self._article_id not in sel.articles:
            self._read(sorted(sel.articles)[0])
        else:
            self._draw_article()
        self.status.value = status_html(self.b, sub, sel)

    def _on_control(self, _change: dict[str, Any]) -> None:
        if self._updating:
            return
        lo, hi = self.w_dates.value if self._date_options else (None, None)
        full = (not self._date_options or (lo == self._date_options[0][1]
                                           and hi == self._date_options[-1][1]))
        sel = replace(self.selection, articles=frozenset(self.w_articles.value),
                      actors=frozenset(self.w_actors.value),
                      event_types=frozenset(self.w_types.value),
                      statuses=frozenset(self.w_status.value),
                      date_from=None if full else lo, date_to=None if full else hi,
                      min_reliability=self.w_reliability.value, issue=self.w_issue.value,
                      focus_events=frozenset())
        self.set_selection(sel)

    def reset(self) -> None:
        """Back to everything: controls cleared, focus dropped, detail panel emptied."""
        self._updating = True
        try:
            self.w_articles.value = ()
            self.w_actors.value = ()
            self.w_types.value = ()
            self.w_status.value = ()
            if self._date_options:
                self.w_dates.index = (0, len(self._date_options) - 1)
            self.w_reliability.value = "F"
        finally:
            self._updating = False
        self.downloads.value = ""
        self.detail.value = self._plan["detail"]
        self.set_selection(Selection(issue=self.w_issue.value))

    # ------------------------------------------------------------------ clicks and details
    def _on_click(self, view: PlotlyView, points: list[dict[str, Any]]) -> None:
        # a browser that draws the page opened Details and the article itself, and set
        # the focus on the live widget (`_on_focus`)
        if not self._browser_draws():
            self._guard(self._clicked, view.chart_id, points)

    def _on_focus(self, _change: dict[str, Any]) -> None:
        """The focus a click set in a browser that draws the page: the kernel keeps it."""
        if not self._browser_draws():
            return  # the kernel hears of the click and sets the focus itself (`_clicked`)
        sel = replace(self.selection, focus_actor=self.live.focus_actor,
                      focus_events=frozenset(self.live.focus_events))
        if sel != self.selection:
            self.selection = sel
            self._guard(self._render)

    def _on_key_point(self, ids: tuple[str, ...], article_id: str) -> None:
        if not self._browser_draws():  # else the browser opened them (live.js)
            self._guard(self._show, ids, article_id)

    def _clicked(self, chart_id: str, points: list[dict[str, Any]]) -> None:
        from briefing.channels import events_behind
        from briefing.charts import parse_click

        # Aggregated edges carry a key, resolved against the frames the chart was drawn from.
        shown = self.frames()
        for point in points[:1]:
            kind, ids = parse_click(point.get("customdata"))
            if kind in ("edge", "channel"):
                kind, ids = "events", events_behind(shown, kind, ids)
            if kind == "actor" and chart_id == "network":
                focus = None if self.selection.focus_actor == ids[0] else ids[0]
                self.set_selection(replace(self.selection, focus_actor=focus))
            elif kind == "events" and chart_id in ("network", "geo_map"):
                self.set_selection(replace(self.selection, focus_events=frozenset(ids)))
            if kind == "source":
                self._show_source(ids[0])
            elif kind == "state":
                self.detail.value = self._plan["detail"]
            elif ids:
                self._show(ids)

    def _show_source(self, source_id: str) -> None:
        from briefing.dashboard import detail

        self.detail.value = detail.source_html(self.b, self.frames(), source_id)

    def _show(self, ids: tuple[str, ...] | list[str], article_id: str | None = None) -> None:
        """Open the detail panel on these facts (any mix of kinds, known by their ids), and
        the article they come from, with their evidence marked."""
        from briefing.dashboard import detail
        from briefing.describe import facts_for

        if self._kinds is None:
            self._kinds = _kinds(self.b)
        cards = []
        for kind in ("actor", "event", "statement", "position"):
            chosen = [i for i in dict.fromkeys(ids) if self._kinds.get(i) == kind]
            cards += [detail.fact_html(d) for d in facts_for(self.b, kind, chosen[:12])]
        more = len(ids) - 12
        tail = f"<p class='briefing-note'>and {more} more</p>" if more > 0 else ""
        self.detail.value = "".join(cards) + tail or self._plan["detail"]
        evidence = self.b.evidence[self.b.evidence["fact_id"].isin(list(ids))]
        if article_id is None and len(evidence):
            article_id = str(evidence["article_id"].iloc[0])
        if article_id is not None:
            self._highlight = frozenset(evidence["evidence_id"])
            self._read(article_id)

    def _read(self, article_id: str | None) -> None:
        """Show this article's text (the highlight stays what the selection or click set)."""
        if article_id is None:
            return
        self._article_id = article_id
        if self.w_read.value != article_id:
            self.w_read.value = article_id  # its observer calls back here, and draws
            return
        if not self._browser_draws():  # else the browser drew the article it shows
            self._draw_article()

    def _draw_article(self) -> None:
        from briefing.dashboard.article import article_html

        self.article.value = article_html(self.b, article_id=self._article_id,
                                          highlight=self._highlight)

    # ------------------------------------------------------------------ exports
    # The export and PDF modules (plotly's own figure classes and JSON, plotly.js as text,
    # Chromium) are imported on the first export, not when a viewer opens the page.
    def _export_csv(self) -> None:
        from briefing.dashboard import offers

        offers.offer_csv(self)

    def _export_html(self) -> None:
        from briefing.dashboard import offers

        offers.offer_html(self)

    def _export_pdf(self) -> None:
        from briefing.dashboard import offers

        offers.offer_pdf(self)


def dashboard(b: Briefing, *, selection: Selection | None = None) -> Dashboard:
    """Build the dashboard for a fact base; display the result in a notebook or Voilà."""
    return Dashboard(b, selection=selection)


def _pairs(options: Sequence[Sequence[Any]]) -> list[tuple[Any, Any]]:
    """A plan's [label, value] lists as the (label, value) pairs widgets take."""
    return [(label, value) for label, value in options]


def _kinds(b: Briefing) -> dict[str, str]:
    """Each fact id's kind (actor, event, statement, position): clicks and key points."""
    kinds = {}
    for kind, frame, col in (("actor", b.actors, "actor_id"), ("event", b.events, "event_id"),
                             ("statement", b.statements, "statement_id"),
                             ("position", b.positions, "position_id")):
        kinds.update(dict.fromkeys(frame[col].astype(str), kind))
    return kinds
