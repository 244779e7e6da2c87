"""Charts: pure functions from a Briefing to a plotly Figure, one theme for all.

Every chart takes the Briefing first and its options by keyword, ends with `title`,
`height`, `width`, and returns `go.Figure`. Clickable points carry
`customdata = [kind, ids]` (see `theme.parse_click`). Chart modules import the theme and
the data modules, never each other.

`CHARTS` is the one registry: a chart's name is its module, its function and its key on
the page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go

from briefing.charts.geo_map import TOPOJSON_PATH, geo_assets_script, geo_map, geo_map_rules
from briefing.charts.network import network, network_layout, network_rules
from briefing.charts.positions import positions, positions_rules
from briefing.charts.positions_overview import positions_overview, positions_overview_rules
from briefing.charts.sources import sources, sources_rules
from briefing.charts.theme import parse_click
from briefing.charts.timeline import timeline, timeline_rules
from briefing.marks import Rules, apply
from briefing.model import Briefing
from briefing.select import FACT_FILTERS, POSITION_FILTERS, Selection, masks


def stored_rules(whole: Briefing, key: tuple[str, str | None],
                 build: Callable[[], Rules]) -> Rules:
    """A live chart's rules for the fact base `whole`, from the disk cache when the same
    facts were drawn by the same code before (`briefing.cache`): a viewer's kernel that
    opens a briefing others opened does not build them again."""
    from briefing import cache as disk

    if disk.disabled_by_env():
        return build()
    try:
        entry = disk.key("chart-rules", fingerprint(whole), *map(str, key))
    except Exception:  # noqa: BLE001 - facts that cannot be hashed are drawn, not cached
        return build()
    store = disk.Cache()
    check = _code_version()
    found = store.get("rules", entry, check)
    if isinstance(found, Rules):
        return found
    rules = build()
    store.put("rules", entry, check, rules, keep=MAX_STORED_RULES)
    return rules


MAX_STORED_RULES = 64  # rules of a few fact bases (the positions chart: one per issue)


def fingerprint(b: Briefing) -> str:
    """A hash of every fact frame's content (built once per Briefing value)."""
    import hashlib

    import pandas as pd

    def build() -> str:
        h = hashlib.sha256()
        for name, frame in b.frames().items():
            h.update(name.encode() + b"\0" + ",".join(map(str, frame.columns)).encode())
            h.update(pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes())
        return h.hexdigest()

    from briefing.model import memo

    return memo(b, "_fingerprint", build)


def _code_version() -> str:
    """The loader's code version, the codebooks and every module and script of the
    package: a change to any of them draws the rules again."""
    from briefing import cache as disk

    return disk.code_version() + disk.package_sources()


@dataclass(frozen=True)
class Chart:
    """A chart as the page shows it: its function, heading and note, the selection fields
    it reads (it is redrawn only when one changes), its card's flex (grow, basis px), and
    `context`: options computed from the whole fact base rather than the selection (the
    network's node positions, so nodes stay put when filters change)."""

    draw: Callable[..., go.Figure]
    heading: str
    note: str
    reads: tuple[str, ...]
    options: Callable[[Selection], dict[str, Any]] = lambda sel: {}
    flex: tuple[int, int] = (1, 520)
    context: Callable[[Briefing], dict[str, Any]] = lambda whole: {}
    # A live chart is drawn once for the whole fact base with the rules that make it
    # follow a selection (briefing.marks): the browser applies them at every change, and
    # `spec` applies the same rules in Python.
    rules: Callable[..., Rules] | None = None

    # The rules depend on the issue (one set per issue: the positions chart)
    by_issue: bool = False

    def live_rules(self, whole: Briefing, issue: str | None = None) -> Rules:
        """The rules of this live chart for the fact base `whole` (and `issue`, for a
        chart drawn per issue), built once per base."""
        assert self.rules is not None
        memo = whole.__dict__.setdefault("_chart_rules", {})
        key = (self.rules.__name__, issue if self.by_issue else None)
        if key not in memo:
            rules = self.rules
            memo[key] = stored_rules(whole, key, lambda: (
                rules(whole, title="", issue=issue) if self.by_issue
                else rules(whole, title="")))
        return memo[key]

    def figure(self, b: Briefing, sel: Selection, whole: Briefing | None = None) -> go.Figure:
        """The chart of `b` (already selected from `whole`) as the page draws it: no title
        of its own."""
        return go.Figure(self.spec(b, sel, whole), _validate=False)

    def spec(self, b: Briefing, sel: Selection, whole: Briefing | None = None) -> dict:
        """`figure` as the plain dict (`data`, `layout`) the page sends: no plotly object
        is built, so a viewer's kernel never loads plotly's property tables."""
        if self.rules is not None:
            base = b if whole is None else whole
            return apply(self.live_rules(base, sel.issue),
                         masks(base, Selection() if whole is None else sel), sel.focus_actor)
        return self.draw.spec(b, title="", **self.context(b if whole is None else whole),
                              **self.options(sel))


CHARTS: dict[str, Chart] = {
    "network": Chart(
        network, "Diplomatic channels",
        "Who acts toward whom; a plain line is a joint act (a call, talks). Click a "
        "country or person to focus on it; click the dot on a link to see its events.",
        (*FACT_FILTERS, "focus_actor"), lambda sel: {"focus_actor": sel.focus_actor},
        (3, 700), lambda whole: {"layout": network_layout(whole)}, rules=network_rules),
    "positions": Chart(
        positions, "Actor positions",
        "Analyst judgment, not reported fact. Dot size: how much the issue matters to the "
        "actor; hollow: low confidence; rings: earlier articles' judgments.",
        (*POSITION_FILTERS, "issue"), lambda sel: {"issue": sel.issue},
        rules=positions_rules, by_issue=True),
    "positions_overview": Chart(
        positions_overview, "Positions across issues",
        "Each cell: where an actor stands on an issue's own 0–100 scale (hover for its two "
        "ends); the newest judgment. Grey: no position recorded.", POSITION_FILTERS,
        rules=positions_overview_rules),
    "timeline": Chart(
        timeline, "Timeline",
        "Background years on the left, then the days around each article's publication; "
        "bars are spans of days, undated events sit in their own lane.", FACT_FILTERS,
        rules=timeline_rules),
    "geo_map": Chart(
        geo_map, "Map", "States involved and the channels between their capitals.",
        FACT_FILTERS, rules=geo_map_rules),
    "sources": Chart(
        sources, "Sources and their grades",
        "Bar length: facts resting on the source. Admiralty grades: A completely reliable "
        "… F cannot be judged.", FACT_FILTERS, rules=sources_rules),
}

__all__ = ["CHARTS", "FACT_FILTERS", "TOPOJSON_PATH", "Chart", "geo_assets_script", "geo_map",
           "network", "network_layout", "parse_click", "positions", "positions_overview",
           "sources", "timeline"]
