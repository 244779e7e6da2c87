"""Charts: pure functions from a Briefing to a plotly Figure, one theme for all.

Every chart takes the Briefing first and its options by keyword, ends with `title`,
`height`, `width`, and returns `go.Figure`. Clickable points carry
`customdata = [kind, ids]` (see `theme.parse_click`).
"""

from briefing.charts.geo import TOPOJSON_PATH, geo_assets_script, geo_map
from briefing.charts.network import network
from briefing.charts.positions import positions, positions_overview
from briefing.charts.sources import article_html, highlight_ids, sources
from briefing.charts.theme import parse_click
from briefing.charts.timeline import timeline

# The chart functions (frames → go.Figure), by name; the contract test walks this.
CHARTS = {
    "network": network,
    "positions": positions,
    "positions_overview": positions_overview,
    "timeline": timeline,
    "geo_map": geo_map,
    "sources": sources,
}

__all__ = [
    "CHARTS", "TOPOJSON_PATH", "article_html", "geo_assets_script", "geo_map",
    "highlight_ids", "network", "parse_click", "positions", "positions_overview", "sources",
    "timeline",
]
