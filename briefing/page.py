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
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

import ipywidgets as w
import pandas as pd

from briefing import charts, export
from briefing.charts.theme import PLOVER_WORDS, STATUS_WORDS, date_words, parse_click
from briefing.model import Briefing
from briefing.select import Selection, facts_for, select
from briefing.widgets import PlotlyView

log = logging.getLogger(__name__)

GRADES = "ABCDEF"
_CSS = (Path(__file__).parent / "static" / "dashboard.css").read_text(encoding="utf-8")

# Which selection fields each chart reads: a chart is redrawn only when one of them changes.
_FACT_FILTERS = ("actors", "event_types", "statuses", "date_from", "date_to",
                 "min_reliability", "focus_events")
class Chart(NamedTuple):
    heading: str
    build: Callable[[Briefing, Selection], Any]  # (frames, selection) → go.Figure
    depends_on: tuple[str, ...]  # the selection fields it reads
    note: str = ""
    flex: tuple[int, int] = (1, 520)  # its card: (grow, basis in px)


CHARTS: dict[str, Chart] = {
    "network": Chart(
        "Diplomatic channels",
        lambda b, sel: charts.network(b, focus_actor=sel.focus_actor, title=""),
        (*_FACT_FILTERS, "focus_actor"),
        "Who acts toward whom. Click a country or person to focus on it; click the dot on "
        "a link to see its events.", (3, 700)),
    "positions": Chart(
        "Actor positions", lambda b, sel: charts.positions(b, issue=sel.issue, title=""),
        ("actors", "issue"),
        "Analyst judgment, not reported fact. Dot size: how much the issue matters to the "
        "actor; hollow: low confidence."),
    "overview": Chart(
        "Positions across issues", lambda b, sel: charts.positions_overview(b, title=""),
        ("actors",),
        "Each cell: where an actor stands on an issue's own 0–100 scale (hover for its two "
        "ends). Grey: no position recorded."),
    "timeline": Chart(
        "Timeline", lambda b, sel: charts.timeline(b, title=""), _FACT_FILTERS,
        "Background years on the left, the days of the story on the right."),
    "map": Chart(
        "Map", lambda b, sel: charts.geo_map(b, title=""), _FACT_FILTERS,
        "States involved and the channels between their capitals."),
    "sources": Chart(
        "Sources and their grades", lambda b, sel: charts.sources(b, title=""), _FACT_FILTERS,
        "Admiralty grades: A completely reliable … F cannot be judged."),
}


def _e(value: Any) -> str:
    """Every piece of fact text goes through here before it reaches HTML."""
    return html.escape("" if value is None else str(value), quote=True)


class Dashboard:
    """The briefing page for one fact base. Display it, or use its parts from code.

    >>> dash = Dashboard(briefing.load())      # doctest: +SKIP
    >>> dash.set_selection(Selection(actors={"russia"}))   # doctest: +SKIP
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
        self.detail = w.HTML(self._detail_placeholder(),
                             layout=w.Layout(max_height="640px", overflow="auto"))
        self.detail.add_class("briefing-detail")
        self.article = w.HTML()
        self.article.add_class("briefing-article")
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
        self.root = self._layout()
        self._render(initial=True)

    # ------------------------------------------------------------------ public surface
    def set_selection(self, sel: Selection) -> None:
        """Make `sel` the page's selection and update every view that depends on it."""
        if sel == self.selection:
            return
        self.selection = sel
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
        kind_words = {"state": "state", "person": "person", "organization": "organisation",
                      "facility": "facility"}
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
                            strict=False)) if len(b.admiralty) else {}
        self.w_reliability = w.Dropdown(
            options=[("Any source (A–F)", "F")] + [
                (f"{g} – {meanings.get(g, '')} or better", g) for g in "ABCDE"],
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
        for ctl in (self.w_actors, self.w_types, self.w_status, self.w_dates,
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
        if len(b.articles) == 1:
            a = b.articles.iloc[0]
            title = a["title"]
            outlet = a["outlet"] or "outlet not named"
            sub = f"{pd.Timestamp(a['published']):%-d %B %Y} · {outlet}"
        else:
            title = f"Briefing on {len(b.articles)} articles"
            sub = (f"{pd.Timestamp(b.articles['published'].min()):%-d %b %Y} – "
                   f"{pd.Timestamp(b.articles['published'].max()):%-d %b %Y}")
        counts = (f"{len(b.actors)} actors · {len(b.events)} events · "
                  f"{len(b.statements)} statements · {len(b.sources)} sources · "
                  f"{len(b.positions)} assessed positions")
        head = w.HTML(f"<style>{_CSS}</style><div class='briefing-title'><h1>{_e(title)}</h1>"
                      f"<p class='briefing-sub'>{_e(sub)} · <span>{_e(counts)}</span></p></div>")
        points = [head]
        for i, kp in enumerate(self._key_points()):
            btn = w.Button(description="evidence", icon="search",
                           tooltip="Show the facts and the article's words behind this point",
                           layout=w.Layout(width="110px", flex="0 0 auto"))
            btn.add_class("briefing-kp-button")
            btn.on_click(lambda _b, ids=tuple(kp["facts"]): self._guard(self._show, ids))
            text = w.HTML(f"<span class='briefing-kp'>{i + 1}. {_e(kp['text'])}</span>",
                          layout=w.Layout(flex="1 1 auto"))
            points.append(w.HBox([text, btn], layout=w.Layout(align_items="center",
                                                               width="100%")))
        return w.VBox(points)

    def _key_points(self) -> list[dict[str, Any]]:
        """Key points from the facts (an article may list them); else the strongest events."""
        kp = self.b.key_points
        if len(self.b.articles) == 1 and len(kp):
            return [{"text": t, "facts": f.split()} for t, f in
                    zip(kp["text"], kp["fact_ids"], strict=True)]
        ev = self.b.events.assign(weight=self.b.events["goldstein"].abs())
        ev = ev[ev["status"].isin(["occurred", "proposed", "announced"])]
        top = ev.sort_values(["weight", "date"], ascending=False).head(4)
        return [{"text": s, "facts": [e]} for s, e in zip(top["summary"], top["event_id"],
                                                          strict=True)]

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

    def _layout(self) -> w.Widget:
        filters = w.VBox([
            w.HTML("<h2>Filter the briefing</h2>"),
            self._row([self.w_actors, self.w_types, self.w_status]),
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
            [v["positions"], v["overview"]],
            [v["timeline"], v["map"]],
            [self._card("The article", self.article,
                        note="Highlighted: the sentences behind what the charts show."),
             v["sources"]],
        ]
        # The first row stretches, so the detail panel runs the network's full height.
        boxes = [self._row(row, wide=True, align_items="stretch" if i == 0 else "flex-start")
                 for i, row in enumerate(rows)]
        root = w.VBox([self._header(), filters, *boxes], layout=w.Layout(width="100%"))
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
            key = tuple(getattr(sel, f) for f in chart.depends_on)
            if not initial and self._keys.get(name) == key:
                continue
            self._keys[name] = key
            self.views[name].update(chart.build(sub, sel))
        highlight = frozenset(sub.evidence["evidence_id"]) if sel.filters_facts else frozenset()
        self.article.value = charts.article_html(self.b, highlight=highlight)
        n = len(sub.events)
        self.status.value = (f"<span class='briefing-showing'>Showing {n} of {len(self.b.events)}"
                             f" events — {_e(sel.describe(self.b))}</span>")

    def _on_control(self, _change: dict[str, Any]) -> None:
        if self._updating:
            return
        lo, hi = self.w_dates.value if self._date_options else (None, None)
        full = (not self._date_options or (lo == self._date_options[0][1]
                                           and hi == self._date_options[-1][1]))
        sel = replace(self.selection, actors=frozenset(self.w_actors.value),
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
            self.w_actors.value = ()
            self.w_types.value = ()
            self.w_status.value = ()
            if self._date_options:
                self.w_dates.index = (0, len(self._date_options) - 1)
            self.w_reliability.value = "F"
        finally:
            self._updating = False
        self.downloads.value = ""
        self.detail.value = self._detail_placeholder()
        self.set_selection(Selection(issue=self.w_issue.value))

    # ------------------------------------------------------------------ clicks and details
    def _on_click(self, view: PlotlyView, points: list[dict[str, Any]]) -> None:
        self._guard(self._clicked, view.chart_id, points)

    def _clicked(self, chart_id: str, points: list[dict[str, Any]]) -> None:
        # Aggregated edges carry a key, resolved against the frames the chart was drawn from.
        shown = self.frames()
        for point in points[:1]:
            kind, ids = parse_click(point.get("customdata"), shown)
            if kind == "actor" and chart_id == "network":
                focus = None if self.selection.focus_actor == ids[0] else ids[0]
                self.set_selection(replace(self.selection, focus_actor=focus))
            elif kind == "events" and chart_id in ("network", "map"):
                self.set_selection(replace(self.selection, focus_events=frozenset(ids)))
            if kind == "source":
                self._show_source(ids[0])
            elif kind == "state":
                self.detail.value = self._detail_placeholder()
            elif ids:
                self._show(ids)

    def _show_source(self, source_id: str) -> None:
        src = self.b.sources[self.b.sources["source_id"] == source_id]
        if src.empty:
            return
        s = src.iloc[0]
        shown = self.frames()
        ev = shown.events[shown.events["source_id"] == source_id]
        items = "".join(f"<li>{_e(x)}</li>" for x in ev["summary"].head(15))
        grade = self.b.admiralty.query("axis == 'reliability' and grade == @s.reliability")
        meaning = grade["meaning"].iloc[0] if len(grade) else ""
        self.detail.value = (f"<div class='briefing-fact'><h3>{_e(s['name'])}</h3>"
                             f"<p>Reliability {_e(s['reliability'])}: {_e(meaning)} "
                             f"(Admiralty grade)</p><p>{len(ev)} events in view rest on it:</p>"
                             f"<ul>{items}</ul></div>")

    def _show(self, ids: tuple[str, ...] | list[str]) -> None:
        """Open the detail panel on these facts (any mix of kinds, known by their ids)."""
        cards = []
        for kind in ("actor", "event", "statement", "position"):
            chosen = [i for i in dict.fromkeys(ids) if self._id_kind.get(i) == kind]
            cards += [self._detail_html(d) for d in facts_for(self.b, kind, chosen[:12])]
        more = len(ids) - 12
        tail = f"<p class='briefing-note'>and {more} more</p>" if more > 0 else ""
        self.detail.value = "".join(cards) + tail or self._detail_placeholder()

    @staticmethod
    def _detail_placeholder() -> str:
        # briefing-detail-empty: the CSS keeps the card short until there is something to show
        return ("<p class='briefing-note briefing-detail-empty'>Click a country, person, link, "
                "dot or bar in any "
                "chart — or “evidence” next to a key point — to see the fact, how it is coded, "
                "and the article's own words.</p>")

    def _detail_html(self, d: dict[str, Any]) -> str:
        kind = d["kind"]
        if kind == "actor":
            lines = [f"<h3>{_e(d['name'])}</h3>",
                     f"<p>{_e(d['role'] or d['type'])}"
                     + (f" — part of {_e(d['belongs_to'])}" if d["belongs_to"] else "") + "</p>"]
            items = "".join(f"<li>{_e(e['date'])}: {_e(e['summary'])} "
                            f"<span class='briefing-note'>({_e(e['role'])})</span></li>"
                            for e in d["events"][:10])
            lines.append(f"<ul>{items}</ul>" if items else "<p>No events in view.</p>")
            return "<div class='briefing-fact'>" + "".join(lines) + "</div>"
        head = d.get("summary") or d.get("sentence") or ""
        out = [f"<div class='briefing-fact'><h3>{_e(head)}</h3>"]
        if kind == "event":
            out.append(f"<p>{_e(d['sentence'])}</p>")
            out.append("<dl>" + "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>"
                                        for k, v in d["coding"].items()) + "</dl>")
        elif kind == "statement":
            out.append(f"<dl><dt>source</dt><dd>{_e(d['source'])}</dd></dl>")
        elif kind == "position":
            out.append(f"<p>{_e(d['sentence'])}</p><dl>"
                       f"<dt>scale</dt><dd>0 = {_e(d['scale_0'])}; 100 = {_e(d['scale_100'])}</dd>"
                       f"<dt>salience</dt><dd>{d['salience']:g} of 100</dd>"
                       f"<dt>confidence</dt><dd>{_e(d['confidence'])}</dd>"
                       f"<dt>rationale</dt><dd>{_e(d['rationale'])}</dd>"
                       f"<dt>basis</dt><dd>{_e(d['basis'])}</dd></dl>")
        for ev in d.get("evidence", []):
            s, a, z = ev["sentence"], ev["quote_start"], ev["quote_end"]
            out.append(f"<blockquote class='briefing-evidence'>{_e(s[:a])}<mark>{_e(s[a:z])}"
                       f"</mark>{_e(s[z:])}</blockquote>")
        out.append("</div>")
        return "".join(out)

    # ------------------------------------------------------------------ exports
    def _export_csv(self) -> None:
        data = export.export_csv_zip(self.frames())
        self._offer(data, "briefing-selection.zip", "application/zip", "CSV files (zip)")

    def _export_html(self) -> None:
        sel, sub = self.selection, self.frames()
        figures = {c.heading: c.build(sub, sel) for c in CHARTS.values()}
        page = export.export_html(figures, title=str(self.b.articles["title"].iloc[0]),
                                  selection_text=sel.describe(self.b))
        self._offer(page.encode("utf-8"), "briefing.html", "text/html", "charts (HTML)")

    def _export_pdf(self) -> None:
        # Chromium prints the page in a few seconds; say so, since the kernel is busy meanwhile.
        from briefing import printout

        self.downloads.value = "<span class='briefing-note'>Preparing the PDF…</span>"
        sel, sub = self.selection, self.frames()
        figures = {c.heading: c.build(sub, sel) for c in CHARTS.values()}
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
