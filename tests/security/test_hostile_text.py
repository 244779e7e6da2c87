"""Hostile fact text: HTML, script and plotly template syntax show as literal text.

The fact base in ``data/script-injection/`` puts a payload in every free-text field
(title, outlet, names, roles, summaries, notes, statements, issue labels and scale ends,
rationales, key points) and in the article text the quotes come from. Here every place that
turns fact text into markup is checked from Python: the chart JSON (hover text, labels,
axis ticks, annotations), the article HTML, the page's HTML widgets (header, key points,
detail panel, sources), and the HTML export. ``test_hostile_page.py`` then proves in
Chromium that nothing runs.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import ipywidgets as w
import pytest

import briefing
from briefing import charts
from briefing.dashboard import Dashboard, export
from briefing.dashboard.article import article_html

HOSTILE_TEXT = Path(__file__).resolve().parent / "data" / "script-injection"

# Markup that must never reach a browser from fact text (a literal "<" opening it).
LIVE_MARKUP = re.compile(r"<\s*(script|img|svg|iframe|object|embed|a\s|[a-z]+\s[^>]*\bon[a-z]+\s*=)"
                         r"|javascript:\s*[a-z_.]+\s*=\s*['\"]|\bon(error|load|mouseover)\s*=\s*['\"]?window",
                         re.IGNORECASE)
# Every payload that would run does one of these; each must be present, escaped.
PAYLOAD_WORDS = ("window.__pwned", "alert(")


@pytest.fixture(scope="module")
def b() -> briefing.Briefing:
    return briefing.load(HOSTILE_TEXT)


def strings(obj: Any) -> list[str]:
    """Every string inside a nested JSON-like value."""
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in strings(v)]
    if isinstance(obj, list | tuple):
        return [s for v in obj for s in strings(v)]
    if hasattr(obj, "tolist"):
        return strings(obj.tolist())
    return []


def assert_inert(texts: list[str], where: str) -> None:
    live = [t for t in texts if LIVE_MARKUP.search(t)]
    assert not live, f"{where}: live markup from fact text: {live[:3]}"


def test_the_fixture_carries_payloads_everywhere(b: briefing.Briefing) -> None:
    fields = [b.articles["title"], b.articles["outlet"], b.sources["name"], b.sources["note"],
              b.actors["name"], b.events["summary"], b.statements["text"], b.issues["label"],
              b.issues["scale_0"], b.positions["rationale"], b.key_points["text"]]
    for column in fields:
        assert column.astype(str).str.contains("<|%{|{{", regex=True).any(), column.name
    assert "<script>" in b.articles["text"].iloc[0]
    assert b.evidence["quote"].str.contains("<").sum() >= 3  # payloads in quoted words too


@pytest.mark.parametrize("name", sorted(charts.CHARTS))
def test_chart_json_carries_no_live_markup(b: briefing.Briefing, name: str) -> None:
    fig = charts.CHARTS[name].draw(b)
    data = fig.to_plotly_json()
    assert_inert(strings(data), name)
    text = " ".join(strings(data))
    # the payloads are there, as text: escaped markup, literal template syntax
    if any(t.type != "scattergeo" for t in fig.data) and len(fig.data):
        assert "&lt;" in text, f"{name}: no fact text reached the chart at all?"
    for trace in data["data"]:
        # fact text goes into hovertext, never into a template plotly would expand
        template = trace.get("hovertemplate")
        if template is not None:
            assert strings(template) and set(strings(template)) == {charts.theme.HOVER}, name
        assert "%{" not in str(trace.get("texttemplate", "%{text}")).replace("%{text}", "")


def test_template_syntax_stays_literal_in_hover_text(b: briefing.Briefing) -> None:
    hover = " ".join(s for chart in charts.CHARTS.values() for t in chart.draw(b).data
                     for s in strings(t.hovertext))
    assert "%{x}" in hover and "{{7*7}}" in hover  # shown as written, not expanded


def test_article_html_is_inert(b: briefing.Briefing) -> None:
    page = article_html(b, highlight=frozenset(b.evidence["evidence_id"]))
    assert_inert([page], "article_html")
    assert "&lt;script&gt;window.__pwned" in page
    assert "&lt;img src=x onerror=" in page


def _html_values(widget: w.Widget) -> list[str]:
    out = []
    if isinstance(widget, w.HTML | w.HTMLMath):
        out.append(widget.value)
    for child in getattr(widget, "children", ()):
        out += _html_values(child)
    return out


def _all_widgets(widget: w.Widget) -> list[w.Widget]:
    return [widget] + [x for c in getattr(widget, "children", ()) for x in _all_widgets(c)]


def test_page_widgets_are_inert(b: briefing.Briefing) -> None:
    dash = Dashboard(b)
    html = _html_values(dash.root)
    assert_inert(html, "page")
    for name, view in dash.views.items():  # the figure JSON the widgets send
        assert_inert(strings(view.figure), f"widget {name}")
    head = " ".join(html)
    assert "&lt;script&gt;window.__pwned=&#x27;title&#x27;" in head  # the title, as text
    assert "&lt;img src=x onerror=&quot;window.__pwned=&#x27;keypoint&#x27;" in head
    for widget in _all_widgets(dash.root):
        # labels, options and tooltips are plain text unless a widget opts in to HTML
        style = getattr(widget, "style", None)
        assert not getattr(widget, "description_allow_html", False), widget
        assert not getattr(style, "description_allow_html", False), widget


def test_detail_panel_is_inert(b: briefing.Briefing) -> None:
    dash = Dashboard(b)
    ids = [*b.actors["actor_id"], *b.events["event_id"], *b.statements["statement_id"],
           *b.positions["position_id"]]
    panels = []
    for fact in ids:
        dash._show([fact])
        panels.append(dash.detail.value)
    dash._show(ids)
    panels.append(dash.detail.value)
    for source in b.sources["source_id"]:
        dash._show_source(source)
        panels.append(dash.detail.value)
    # what a click on each chart shows
    for name, view in dash.views.items():
        for trace in view.figure["data"] if isinstance(view.figure, dict) else []:
            for custom in (trace.get("customdata") or [])[:5]:
                dash._clicked(name, [{"customdata": custom}])
                panels.append(dash.detail.value)
    assert_inert(panels, "detail panel")
    text = " ".join(panels)
    assert "&lt;script&gt;alert(&#x27;quote&#x27;)&lt;/script&gt;" in text  # the quote
    assert "&lt;img src=x onerror=&quot;window.__pwned=&#x27;rationale&#x27;" in text
    assert "%{x}" in text


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_html_export_is_inert(b: briefing.Briefing) -> None:
    dash = Dashboard(b)
    figures = {n: c.draw(b) for n, c in charts.CHARTS.items()}
    page = export.export_html(figures, title=str(b.articles["title"].iloc[0]),
                              selection_text="<script>window.__pwned='selection'</script>")
    parser = _Tags()
    parser.feed(page)
    tags = parser.tags
    assert {t for t, _ in tags} <= {"html", "head", "meta", "title", "style", "script", "body",
                                    "h1", "h2", "p", "section", "div"}
    handlers = [(t, a) for t, a in tags for k in a if k.lower().startswith("on")]
    assert not handlers
    # Scripts: plotly.js, the map's topojson, one per figure -- no more.
    # plotly.js, the map's topojson and the label placer, then one script per figure
    assert sum(t == "script" for t, _ in tags) <= 3 + len(figures)
    body = page[page.index("</head>"):]
    assert "&lt;script&gt;window.__pwned=&#x27;selection&#x27;" in body
    assert "<title>&lt;script&gt;window.__pwned=&#x27;title&#x27;" in page
    dash._export_html()  # the page's own export button makes the same, offered as a link
    assert dash.downloads.value.startswith("<a class='briefing-download'")
