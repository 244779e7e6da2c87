"""The dashboard: widgets ↔ one Selection value → frames → figures, updated in place.

Data flows one way. Widget callbacks only turn widget values into a new `Selection`
(`Dashboard.set_selection`); `_render` turns the selection into frames with
`briefing.select.select` and hands the frames to the pure chart functions. A chart is
redrawn only when the part of the selection it depends on changed, which keeps a filter
change to a few small websocket messages.
"""

from __future__ import annotations

import base64
import html
import logging
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import ipywidgets as w
import pandas as pd

from briefing.channels import events_behind
from briefing.charts import CHARTS, parse_click
from briefing.contract import RELIABILITY
from briefing.dashboard import detail
from briefing.dashboard.article import article_html
from briefing.dashboard.live import live_selection, show_in_controls
from briefing.describe import facts_for, key_points, story_title
from briefing.model import Briefing
from briefing.select import Selection, select
from briefing.widgets import PlotlyView
from briefing.words import ACTOR_KIND_WORDS, PLOVER_WORDS, STATUS_WORDS, date_words

log = logging.getLogger(__name__)

_CSS = (Path(__file__).resolve().parent.parent / "static" / "dashboard.css").read_text(
    encoding="utf-8")


# Newest articles listed in the header; the rest are one click away (a <details> list).
NEWEST_ARTICLES = 3


def _e(value: Any) -> str:
    """Every piece of fact text goes through here before it reaches HTML."""
    return html.escape("" if value is None else str(value), quote=True)


def set_name(b: Briefing) -> tuple[str, str]:
    """The title and subtitle that name a set of articles (page header, exports): the one
    rule of `describe.story_title`, which the PDF follows too."""
    return story_title(b)


def articles_html(b: Briefing, newest: int = NEWEST_ARTICLES) -> str:
    """The story's articles, compactly: the newest few on a line each, the rest folded."""
    arts = b.articles.sort_values("published", ascending=False)
    if len(arts) < 2:
        return ""

    def line(a: Any) -> str:
        return (f"<li><span class='briefing-note'>{pd.Timestamp(a.published):%-d %b %Y}"
                f"</span> {_e(a.title)}</li>")

    rows = list(arts.itertuples())
    head = "".join(line(a) for a in rows[:newest])
    rest = "".join(line(a) for a in rows[newest:])
    more = (f"<details><summary>All {len(rows):,} articles</summary><ul>{rest}</ul></details>"
            if rest else "")
    return (f"<div class='briefing-newest'><span class='briefing-note'>Newest articles</span>"
            f"<ul>{head}</ul>{more}</div>")


def title_html(b: Briefing) -> str:
    """The page's title block: the story's name, its counts, what was left out, the newest
    articles (the Voilà page and the static briefing)."""
    title, sub = set_name(b)
    counts = (f"{len(b.actors)} actors · {len(b.events)} events · "
              f"{len(b.statements)} statements · {len(b.sources)} sources · "
              f"{len(b.positions)} assessed positions")
    return (f"<div class='briefing-title'><h1>{_e(title)}</h1>"
            f"<p class='briefing-sub'>{_e(sub)} · <span>{_e(counts)}</span></p>"
            f"{detail.left_out_html(b)}{articles_html(b)}</div>")


def key_point_heads(b: Briefing, g: Any, groups: list[Any]) -> str:
    """What precedes an article's key points: a note that only the newest articles' are
    shown (before the first), the article's title when there are several, or a note that
    it has none."""
    out = ""
    if g is groups[0] and len(b.articles) > len(groups):
        out += (f"<p class='briefing-note'>Key points of the {len(groups)} newest of "
                f"{len(b.articles):,} articles; the others' are in the CSV export and in "
                "<code>facts.key_points</code>.</p>")
    if len(b.articles) > 1:
        out += (f"<h2 class='briefing-kp-article'>{_e(g.title)} "
                f"<span class='briefing-note'>{g.published:%-d %b %Y}</span></h2>")
    if not g.points:
        out += "<p class='briefing-note'>No key points written for this article yet.</p>"
    return out


class Dashboard:
    """The briefing page for one fact base. Display it, or use its parts from code.

    >>> dash = Dashboard(briefing.load())      # doctest: +SKIP
    >>> dash.set_selection(Selection(actors={"an-actor-id"}))   # doctest: +SKIP
    """

    def __init__(self, b: Briefing, *, selection: Selection | None = None) -> None:
        self.b = b
        issues = list(b.issues["issue_id"])
        self.selection = selection or Selection(issue=issues[0] if issues else None)
        self._id_kind = self._index_ids(b)
        self._keys: dict[str, tuple] = {}
        self._shown: tuple[Selection, Briefing] | None = None
        self._updating = False
        self.status = w.HTML(layout=w.Layout(min_height="1.5em"))
        self.status.add_class("briefing-status")
        self.detail = w.HTML(detail.placeholder(),
                             layout=w.Layout(max_height="640px", overflow="auto"))
        self.detail.add_class("briefing-detail")
        self.article = w.HTML()
        self.article.add_class("briefing-article")
        newest = b.articles.sort_values("published", ascending=False)
        self._article_id = str(newest["article_id"].iloc[0]) if len(newest) else None
        self._highlight: frozenset[str] = frozenset()
        self.w_read = w.Dropdown(
            options=list(zip(newest["title"].map(lambda t: t if len(t) < 70 else t[:69] + "…"),
                             newest["article_id"], strict=True)),
            value=self._article_id, description="Read", layout=w.Layout(width="auto"))
        self.w_read.observe(lambda c: self._guard(self._read, c["new"]), names="value")
        self.downloads = w.HTML()
        # Each chart is its own card: the view draws its heading and note (as text).
        self.views = {
            name: PlotlyView(chart_id=name, group_size=len(CHARTS), heading=c.heading,
                             note=c.note, config={"displaylogo": False},
                             layout=w.Layout(flex=f"{c.flex[0]} 1 {c.flex[1]}px",
                                             min_width="0"))
            for name, c in CHARTS.items()
        }
        for view in self.views.values():
            view.add_class("briefing-card")
        for view in self.views.values():
            view.on_click(self._on_click)
        self._build_controls()
        # the key points' facts and articles, in the order of their buttons
        self.key_point_facts: list[tuple[tuple[str, ...], str]] = []
        self._page_key = uuid.uuid4().hex[:12]
        header = self._header()
        self.live = live_selection(self)
        self.root = self._layout(header)
        self._render(initial=True)

    # ------------------------------------------------------------------ public surface
    def set_selection(self, sel: Selection) -> None:
        """Make `sel` the page's selection and update every view that depends on it."""
        if sel == self.selection:
            return
        self.selection = sel
        self._guard(show_in_controls, self, sel)
        self._guard(self._render)

    def frames(self) -> Briefing:
        """The frames behind what the page shows now (computed once per selection)."""
        if self._shown is None or self._shown[0] != self.selection:
            self._shown = (self.selection, select(self.b, self.selection))
        return self._shown[1]

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.root._repr_mimebundle_(**kwargs)

    # ------------------------------------------------------------------ building
    @staticmethod
    def _index_ids(b: Briefing) -> dict[str, str]:
        kinds = {}
        for kind, frame, col in (("actor", b.actors, "actor_id"), ("event", b.events, "event_id"),
                                 ("statement", b.statements, "statement_id"),
                                 ("position", b.positions, "position_id")):
            kinds.update(dict.fromkeys(frame[col].astype(str), kind))
        return kinds

    def _build_controls(self) -> None:
        b = self.b
        names = b.actors.sort_values(["kind", "name"])
        kind_words = ACTOR_KIND_WORDS
        newest = b.articles.sort_values("published", ascending=False)
        self.w_articles = w.SelectMultiple(
            options=[(f"{pd.Timestamp(d):%-d %b %Y}: {t}", a) for d, t, a in
                     zip(newest["published"], newest["title"], newest["article_id"],
                         strict=True)],
            rows=min(6, max(2, len(newest))), description="Articles",
            layout=w.Layout(width="auto"))
        self.w_actors = w.SelectMultiple(
            options=[(f"{n} ({kind_words.get(k, k)})", a) for n, k, a in
                     zip(names["name"], names["kind"], names["actor_id"], strict=True)],
            rows=6, description="Actors", layout=w.Layout(width="auto"))
        types = sorted(b.events["plover_type"].astype(str).unique())
        self.w_types = w.SelectMultiple(
            options=[(PLOVER_WORDS.get(t, t.title()), t) for t in types], rows=6,
            description="Event types", layout=w.Layout(width="auto"))
        statuses = [s for s in STATUS_WORDS if s in set(b.events["status"].astype(str))]
        self.w_status = w.SelectMultiple(
            options=[(STATUS_WORDS[s], s) for s in statuses], rows=6,
            description="Status", layout=w.Layout(width="auto"))
        dates = sorted(pd.to_datetime(b.events["date"]).dropna().unique())
        prec = (b.events.assign(date=pd.to_datetime(b.events["date"]))
                .drop_duplicates("date").set_index("date")["date_precision"])
        labels = date_words(pd.Series(dates), pd.Series([prec.get(d, "day") for d in dates]))
        self._date_options = list(zip(labels, [pd.Timestamp(d) for d in dates], strict=True))
        self.w_dates = w.SelectionRangeSlider(
            options=self._date_options or [("—", None)],
            index=(0, max(len(self._date_options) - 1, 0)), description="Dates",
            continuous_update=False, readout=False, layout=w.Layout(width="60%"))
        self.w_dates_label = w.HTML()
        self._date_readout()
        self.w_dates.observe(lambda _c: self._date_readout(), names="value")
        meanings = dict(zip(b.admiralty.query("axis == 'reliability'")["grade"],
                            b.admiralty.query("axis == 'reliability'")["meaning"],
                            strict=False))
        self.w_reliability = w.Dropdown(
            options=[("Any source (A–F)", "F")] + [
                (f"{g} – {meanings.get(g, '')} or better", g) for g in RELIABILITY[:-1]],
            value="F", description="Sources")
        self.w_issue = w.Dropdown(
            options=list(zip(b.issues["label"], b.issues["issue_id"], strict=True)),
            value=self.selection.issue, description="Issue", layout=w.Layout(width="auto"))
        self.w_reset = w.Button(description="Reset", icon="undo", tooltip="Show everything again")
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

    def _date_readout(self) -> None:
        # Voilà's slider readout is a fixed-width box that cuts long dates; say it in full.
        if not self._date_options:
            self.w_dates_label.value = ""
            return
        lo, hi = self.w_dates.index
        self.w_dates_label.value = (f"<span class='briefing-note'>{_e(self._date_options[lo][0])}"
                                    f" – {_e(self._date_options[hi][0])}</span>")

    def _header(self) -> w.Widget:
        b = self.b
        head = w.HTML(f"<style>{_CSS}</style>{title_html(b)}")
        points: list[w.Widget] = [head]
        groups = key_points(b)
        for g in groups:
            heads = key_point_heads(b, g, groups)
            if heads:
                points.append(w.HTML(heads))
            for i, (text_, ids) in enumerate(g.points):
                btn = w.Button(description="evidence", icon="search",
                               tooltip="Show the facts and the article's words behind this "
                                       "point", layout=w.Layout(width="110px", flex="0 0 auto"))
                btn.add_class("briefing-kp-button")
                # the browser opens Details from this class (live.js), as the kernel does
                btn.add_class(f"briefing-kp-{self._page_key}-{len(self.key_point_facts)}")
                self.key_point_facts.append((tuple(ids), str(g.article_id)))
                btn.on_click(lambda _b, ids=tuple(ids), a=g.article_id:
                             self._guard(self._show, ids, a))
                text = w.HTML(f"<span class='briefing-kp'>{i + 1}. {_e(text_)}</span>",
                              layout=w.Layout(flex="1 1 auto"))
                points.append(w.HBox([text, btn], layout=w.Layout(align_items="center",
                                                                   width="100%")))
        return w.VBox(points)

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
        many = len(self.b.articles) > 1
        filters = w.VBox([
            w.HTML("<h2>Filter the briefing</h2>"),
            # With one article there is nothing to choose between: no article list.
            self._row([*([self.w_articles] if many else []), self.w_actors, self.w_types,
                       self.w_status]),
            w.HBox([self.w_dates, self.w_dates_label],
                   layout=w.Layout(width="100%", align_items="center")),
            self._row([self.w_reliability, self.w_issue, self.w_reset, self.w_csv, self.w_html,
                       self.w_pdf], align_items="center"),
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

    def _render(self, initial: bool = False) -> None:
        sel = self.selection
        sub = self.frames()
        for name, chart in CHARTS.items():
            if chart.rules is not None:
                continue  # drawn in the browser (LiveSelection), from the controls
            key = tuple(getattr(sel, f) for f in chart.reads)
            if not initial and self._keys.get(name) == key:
                continue
            self._keys[name] = key
            self.views[name].update(chart.spec(sub, sel, self.b))
        self._highlight = (frozenset(sub.evidence["evidence_id"]) if sel.filters_facts
                           else frozenset())
        if sel.articles and self._article_id not in sel.articles:
            self._read(sorted(sel.articles)[0])
        else:
            self._draw_article()
        n = len(sub.events)
        self.status.value = (f"<span class='briefing-showing'>Showing {n} of {len(self.b.events)}"
                             f" events — {_e(sel.describe(self.b))}</span>")

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
        self.detail.value = detail.placeholder()
        self.set_selection(Selection(issue=self.w_issue.value))

    # ------------------------------------------------------------------ clicks and details
    def _on_click(self, view: PlotlyView, points: list[dict[str, Any]]) -> None:
        self._guard(self._clicked, view.chart_id, points)

    def _clicked(self, chart_id: str, points: list[dict[str, Any]]) -> None:
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
                self.detail.value = detail.placeholder()
            elif ids:
                self._show(ids)

    def _show_source(self, source_id: str) -> None:
        self.detail.value = detail.source_html(self.b, self.frames(), source_id)

    def _show(self, ids: tuple[str, ...] | list[str], article_id: str | None = None) -> None:
        """Open the detail panel on these facts (any mix of kinds, known by their ids), and
        the article they come from, with their evidence marked."""
        cards = []
        for kind in ("actor", "event", "statement", "position"):
            chosen = [i for i in dict.fromkeys(ids) if self._id_kind.get(i) == kind]
            cards += [detail.fact_html(d) for d in facts_for(self.b, kind, chosen[:12])]
        more = len(ids) - 12
        tail = f"<p class='briefing-note'>and {more} more</p>" if more > 0 else ""
        self.detail.value = "".join(cards) + tail or detail.placeholder()
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
        self._draw_article()

    def _draw_article(self) -> None:
        self.article.value = article_html(self.b, article_id=self._article_id,
                                          highlight=self._highlight)

    # ------------------------------------------------------------------ exports
    # The export and PDF modules (plotly's own figure classes and JSON, plotly.js as text,
    # Chromium) are imported on the first export, not when a viewer opens the page.
    def _export_csv(self) -> None:
        from briefing.dashboard import export

        data = export.export_csv_zip(self.frames())
        self._offer(data, "briefing-selection.zip", "application/zip", "CSV files (zip)")

    def _export_html(self) -> None:
        from briefing.dashboard import export

        sel, sub = self.selection, self.frames()
        figures = {c.heading: c.figure(sub, sel, self.b) for c in CHARTS.values()}
        title, sub_title = set_name(self.b)
        page = export.export_html(figures, title=title,
                                  selection_text=f"{sub_title}; {sel.describe(self.b)}")
        self._offer(page.encode("utf-8"), "briefing.html", "text/html", "charts (HTML)")

    def _export_pdf(self) -> None:
        # Chromium prints the page in a few seconds; say so, since the kernel is busy meanwhile.
        from briefing import printout

        self.downloads.value = "<span class='briefing-note'>Preparing the PDF…</span>"
        sel, sub = self.selection, self.frames()
        figures = {c.heading: c.figure(sub, sel, self.b) for c in CHARTS.values()}
        try:
            out = printout.render(printout.printout_html(
                self.b, sel, figures, notes={c.heading: c.note for c in CHARTS.values()},
                shown=sub), paper="a4")
        except printout.PrintError as e:
            log.warning("PDF export failed: %s", e)
            self.downloads.value = ("<span class='briefing-error'>The PDF could not be made "
                                    "on this server. Export HTML and print it instead.</span>")
            return
        self._offer(out.pdf, "briefing-a4.pdf", "application/pdf", "briefing (PDF, A4)")

    def _offer(self, data: bytes, filename: str, mime: str, what: str) -> None:
        # A data: link keeps the download inside the page: no file is written on the server
        # and no request leaves it.
        href = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
        self.downloads.value = (f"<a class='briefing-download' download='{_e(filename)}' "
                                f"href='{href}'>Save {_e(what)}: {_e(filename)} "
                                f"({len(data) / 1024:,.0f} KB)</a>")


def dashboard(b: Briefing, *, selection: Selection | None = None) -> Dashboard:
    """Build the dashboard for a fact base; display the result in a notebook or Voilà."""
    return Dashboard(b, selection=selection)
