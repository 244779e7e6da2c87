"""Charts: structure of traces, layout and customdata; escaping of fact text."""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

import briefing.charts as charts
from briefing.channels import events_behind
from briefing.charts import CHARTS, parse_click
from briefing.charts.geo_map import TOPOJSON_PATH, geo_assets_script
from briefing.charts.theme import HOVER
from briefing.dashboard.article import article_html
from briefing.places import locations
from briefing.select import Selection, select
from tests.tiny import check, scaled, tiny_briefing

HOSTILE = "<script>alert(1)</script> %{x} <img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def b():
    return check(tiny_briefing())


@pytest.fixture(scope="module")
def hostile(b):
    ev = b.events.copy()
    ev.loc[ev["event_id"] == "ev-envoy", "summary"] = HOSTILE
    actors = b.actors.copy()
    actors.loc[actors["actor_id"] == "araqchi", "name"] = HOSTILE
    return b.with_frames(events=ev, actors=actors)


def hovers(fig: go.Figure) -> list[str]:
    out = []
    for t in fig.data:
        ht = getattr(t, "hovertext", None)
        if ht is None:
            continue
        for h in (ht if isinstance(ht, list | tuple) else list(ht)):
            out.extend(h if isinstance(h, list | tuple) else [h])
    return [h for h in out if isinstance(h, str)]


def fact_ids(b) -> set[str]:
    return (set(b.events["event_id"]) | set(b.statements["statement_id"])
            | set(b.positions["position_id"]) | set(b.sources["source_id"])
            | set(b.evidence["evidence_id"]) | set(b.actors["actor_id"]))


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_contract(b, name):
    fn = CHARTS[name].draw
    params = list(inspect.signature(fn).parameters.values())
    assert params[0].name == "b" and params[0].kind is params[0].POSITIONAL_OR_KEYWORD
    assert all(p.kind is p.KEYWORD_ONLY for p in params[1:])
    assert [p.name for p in params[-3:]] == ["title", "height", "width"]
    assert fn.__doc__
    fig = fn(b)
    assert isinstance(fig, go.Figure)
    assert fig.layout.title.text
    assert fn(b, title="Custom", height=333).layout.height == 333
    texts = hovers(fig)
    assert texts, f"{name} has no hover text"
    for h in texts:
        for i in fact_ids(b):  # ids are lower-case slugs; names are words
            assert not re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", h), (name, i, h)
    for t in fig.data:  # fact text never goes into a template
        assert t.hovertemplate in (None, HOVER)


def test_every_chart_function_is_listed():
    listed = {c.draw for c in CHARTS.values()}
    assert all(c.draw.__name__ == name for name, c in CHARTS.items())  # one name each
    for name in charts.__all__:
        obj = getattr(charts, name)
        if inspect.isfunction(obj) and inspect.signature(obj).return_annotation in (
                "go.Figure", go.Figure):
            assert obj in listed, name


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_hostile_text_is_escaped(hostile, name):
    fig = CHARTS[name].draw(hostile)
    raw = fig.to_json()
    assert "<script>" not in raw and "<img" not in raw
    for t in fig.data:
        assert t.hovertemplate in (None, HOVER)
    if name in ("network", "timeline", "geo_map"):
        assert any("&lt;script&gt;alert(1)&lt;/script&gt; %{x}" in h for h in hovers(fig))


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_empty_selection_gives_a_figure(b, name):
    empty = check(select(b, Selection(event_types={"SANCTION"}, actors={"nobody"})))
    fig = CHARTS[name].draw(empty.with_frames(positions=empty.positions.iloc[:0],
                                         sources=empty.sources.iloc[:0]))
    assert isinstance(fig, go.Figure) and fig.layout.title.text


def test_network_nodes_edges_and_envoy(b):
    fig = charts.network(b)
    nodes = next(t for t in fig.data if t.customdata is not None
                 and t.customdata[0][0] == "actor")
    assert {c[1] for c in nodes.customdata} == set(b.actors["actor_id"])
    # Araqchi sits next to Iran (nearer to it than to any other state).
    pos = {c[1]: (x, y) for c, x, y in zip(nodes.customdata, nodes.x, nodes.y, strict=True)}

    def dist(a, c):
        return ((pos[a][0] - pos[c][0]) ** 2 + (pos[a][1] - pos[c][1]) ** 2) ** 0.5
    states = b.actors.loc[b.actors["kind"] == "state", "actor_id"]
    assert min(states, key=lambda s: dist("araqchi", s)) == "iran"
    mids = next(t for t in fig.data if t.customdata is not None
                and t.customdata[0][0] == "events")
    assert mids.marker.colorbar.title.text.startswith("conflict")
    edge_events = {e for c in mids.customdata for e in c[1].split()}
    assert "ev-envoy" in edge_events and "ev-resolution" in edge_events
    assert "carries message" in list(mids.text)
    assert any(t.line.dash == "dash" and t.x[0] is not None for t in fig.data
               if t.mode == "lines+markers")
    # Arrowheads: markers oriented along the segment, drawn only at the end point.
    arrows = [t for t in fig.data if t.mode == "lines+markers"]
    assert all(t.marker.symbol == "arrow" and t.marker.angleref == "previous" for t in arrows)
    # The joint act: three actors, three edges into the Security Council.
    into_unsc = [c for c, txt in zip(mids.customdata, mids.hovertext, strict=True)
                 if "ev-resolution" in c[1].split()]
    assert len(into_unsc) == 3
    assert sum(len(t.x) for t in fig.data) < 400


def test_network_focus_fades_others(b):
    fig = charts.network(b, focus_actor="russia")
    nodes = next(t for t in fig.data if t.customdata is not None
                 and t.customdata[0][0] == "actor")
    op = dict(zip((c[1] for c in nodes.customdata), nodes.marker.opacity, strict=True))
    assert op["russia"] == 1.0 and op["china"] == 1.0 and op["khamenei"] < 1.0


def test_click_resolution(b):
    assert parse_click(["events", "ev-a ev-b"]) == ("events", ("ev-a", "ev-b"))
    assert parse_click(["edge", "khamenei araqchi hands"]) == ("edge", ("khamenei",
                                                                       "araqchi", "hands"))
    assert events_behind(b, "edge", ("khamenei", "araqchi", "hands")) == ("ev-envoy",)
    assert events_behind(b, "channel", ("USA", "IRN")) == ("ev-strikes", "ev-jcpoa-exit")
    assert parse_click(None) == ("", ())


def test_positions_scale_salience_and_median(b):
    fig = charts.positions(b, issue="iss-ceasefire")
    pts = fig.data[0]
    assert list(pts.x) == sorted(pts.x) and all(0 <= x <= 100 for x in pts.x)
    sizes = dict(zip(pts.y, pts.marker.size, strict=True))
    assert sizes["Russia"] > sizes["Pakistan"]  # salience 80 > 50
    texts = " ".join(a.text for a in fig.layout.annotations).replace("<br>", " ")
    assert "Continue the strikes" in texts and "Immediate unconditional ceasefire" in texts
    assert "median" in texts
    assert fig.layout.shapes[0].x0 == 90  # half the salience (190) lies at or below China
    assert {t.name for t in fig.data if t.name} >= {"high confidence", "low confidence"}
    assert [c[0] for c in pts.customdata] == ["position"] * 3


def test_positions_overview_grid(b):
    fig = charts.positions_overview(b)
    hm = fig.data[0]
    assert len(hm.x) == 2 and len(hm.y) == 5
    assert "Russia" in hm.y


def test_timeline_broken_axis_and_status(b):
    fig = charts.timeline(b)
    lay = fig.layout
    assert lay.xaxis.domain[1] < lay.xaxis2.domain[0]
    data = [t for t in fig.data if t.customdata is not None]
    plotted = {i for t in data for c in t.customdata for i in c[1].split()}
    assert plotted == set(b.events["event_id"])
    old = next(t for t in data if t.xaxis == "x")
    assert pd.Timestamp(min(old.x)).year == 1979
    symbols = {s for t in data for s in t.marker.symbol}
    assert {"square", "circle-open", "x-thin-open"} <= symbols
    legend = {t.name for t in fig.data if t.showlegend}
    assert "historical background" in legend and "negated: the text says it is not so" in legend


def test_geo_map_offline_assets(b):
    fig = charts.geo_map(b)
    assert fig.layout.geo.scope == "world" and fig.layout.geo.resolution == 110
    caps = next(t for t in fig.data if t.customdata is not None
                and t.customdata[0][0] in ("actor", "state"))
    assert {"iran", "russia", "usa", "china", "pakistan", "israel"} <= {
        c[1] for c in caps.customdata}
    topo = json.loads(TOPOJSON_PATH.read_text())
    assert {"countries", "land", "coastlines"} <= set(topo["objects"])
    assert "PlotlyGeoAssets" in geo_assets_script()
    assert len(locations()) >= 249 and locations().index.is_unique


def test_sources_counts(b):
    fig = charts.sources(b)
    bar = fig.data[0]
    counts = dict(zip((c[1] for c in bar.customdata), bar.x, strict=True))
    assert counts["src-tass"] == 2  # one event, one statement
    assert counts["src-article"] == 8  # seven events, one statement


def test_article_html_marks_and_escapes(b, hostile):
    html = article_html(b, article_id="a1-envoy", highlight={"ev-envoy"})
    assert html.count("<h3>") == 2  # "Khamenei sends envoy to Moscow", "Mediation"
    assert html.count("<mark") == 1
    assert "<b>Ali Khamenei dispatched his foreign minister to Moscow on Monday</b>" in html
    arts = b.articles.copy()
    arts.loc[0, "title"] = HOSTILE
    out = article_html(b.with_frames(articles=arts), article_id="a1-envoy")
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "<mark" not in out


def test_real_article_charts_are_small():
    import briefing

    real = briefing.load()
    for name, c in CHARTS.items():
        fig = c.draw(real)
        assert len(fig.to_json()) < 100_000, name
        assert len(fig.data) <= 40, name
    assert "<mark" in article_html(real, highlight=set(real.evidence["evidence_id"]))


@pytest.mark.slow
def test_charts_stay_small_at_scale():
    big = scaled(150)
    check(big)
    for name, c in CHARTS.items():
        fig = c.draw(big)
        assert len(fig.data) <= 40, name
        assert len(fig.to_json()) < 2_000_000, name


# ------------------------------------------------------------------ a story of 25 articles
@pytest.fixture(scope="module")
def story25(tmp_path_factory):
    import briefing
    from tests.story_gen import write_story

    return briefing.load(write_story(tmp_path_factory.mktemp("story25"), 25))


def _nodes(fig):
    return next(t for t in fig.data if t.name == "actors")


def test_network_layout_is_the_same_on_two_runs_and_under_a_filter(story25, tmp_path):
    import briefing
    from briefing.network_layout import network_layout
    from tests.story_gen import write_story

    again = briefing.load(write_story(tmp_path / "again", 25))
    assert network_layout(again) == network_layout(story25)
    full = _nodes(charts.network(story25, layout=network_layout(story25)))
    def key(c):  # the "others" node carries its events, which change with the selection
        return c[1] if c[0] == "actor" else "others"

    def drawn(t):  # a node hidden by the selection has no place (None)
        return [(key(c), (x, y)) for c, x, y in zip(t.customdata, t.x, t.y, strict=True)
                if x is not None]
    at = dict(drawn(full))
    # Filtered to one article: fewer nodes, each exactly where it was.
    one = story25.articles["article_id"].iloc[3]
    sub = select(story25, Selection(articles={one}))
    part = drawn(_nodes(charts.network(sub, layout=network_layout(story25))))
    assert 0 < len(part) < len(at)
    for k, xy in part:
        assert at[k] == xy, k
    # The page's way (the whole base's rules on the selection's masks): the same places.
    from briefing.charts import CHARTS

    sel = Selection(articles={one})
    live = _nodes(CHARTS["network"].figure(sub, sel, story25))
    assert dict(drawn(live)) == {k: at[k] for k, _ in drawn(live)} and len(drawn(live))


def test_network_folds_the_tail_and_names_the_busiest(story25):
    from briefing.charts.network import MUST_LABEL
    from briefing.network_layout import OTHERS, OVERVIEW_NODES

    fig = charts.network(story25)
    nodes = _nodes(fig)
    assert len(nodes.x) <= OVERVIEW_NODES
    kinds = [c[0] for c in nodes.customdata]
    assert kinds.count("events") == 1  # the "others" node, clickable for its events
    others = list(nodes.text)[kinds.index("events")]
    assert re.fullmatch(r"\d+ others", others) and int(others.split()[0]) > 10
    assert OTHERS not in {c[1] for c in nodes.customdata}
    # The busiest actors carry the lowest ranks and all of them must stay named.
    assert nodes.meta["label_keep"] == MUST_LABEL == 12
    counts = story25.participants.groupby("actor_id")["event_id"].nunique()
    ranked = {c[1]: r for c, r in zip(nodes.customdata, nodes.meta["label_rank"], strict=True)}
    top = counts.sort_values(ascending=False, kind="stable").index[:5]
    assert all(ranked[a] < MUST_LABEL for a in top)
    assert sorted(nodes.meta["label_rank"]) == list(range(len(nodes.x)))
    # Parallel acts are one channel: no two midpoints (click targets) in one place.
    mids = next(t for t in fig.data if t.name == "acts (click for events)")
    assert len(mids.x) == len({(x, y) for x, y in zip(mids.x, mids.y, strict=True)})


def test_a_handful_of_bloc_colours(story25):
    from briefing.charts.theme import BLOC_LIMIT, OTHER_GREY

    assert len(story25.blocs) > 2 * BLOC_LIMIT  # every state without a bloc has its own
    nodes = _nodes(charts.network(story25))
    colours = set(nodes.marker.color) - {OTHER_GREY}
    assert 1 < len(colours) <= BLOC_LIMIT and OTHER_GREY in set(nodes.marker.color)
    legend = [t.name for t in charts.network(story25).data if t.legendgroup == "bloc"]
    assert len(legend) <= BLOC_LIMIT + 1 and "other blocs" in legend


def test_issue_names_wrap_at_word_boundaries(story25):
    fig = charts.positions_overview(story25)
    words = {w for label in story25.issues["label"] for w in label.split()}
    for tick in fig.data[0].x:
        assert all(w in words for line in tick.split("<br>") for w in line.split()), tick


def test_sources_fold_the_long_tail_by_grade(story25):
    from briefing.charts.sources import MAX_SOURCE_BARS

    fig = charts.sources(story25)
    bar = fig.data[0]
    assert len(story25.sources) > 3 * MAX_SOURCE_BARS
    assert len(bar.y) <= MAX_SOURCE_BARS + 6
    folded = [y for y in bar.y if " more graded " in y]
    assert folded and sum(int(y.split()[0]) for y in folded) == \
        len(story25.sources) - MAX_SOURCE_BARS
    n_facts = len(story25.events) + len(story25.statements)
    assert sum(bar.x) == n_facts  # nothing lost in the fold


def test_a_crowded_map_labels_states_by_code_with_a_priority(story25):
    fig = charts.geo_map(story25)
    caps = next(t for t in fig.data if t.mode == "markers+text")
    assert all(re.fullmatch(r"[A-Z]{3}", t) for t in caps.text)
    assert sorted(caps.meta["label_rank"]) == list(range(len(caps.text)))


def test_a_click_on_a_folded_node_focuses_it(story25):
    """Focus on a node that folds others in: its node is ringed, what shares no event with
    it fades. (Its members are listed on hover and in Details; they are no longer drawn
    as nodes of their own: the page draws the network in the browser from fixed marks.)"""
    from briefing.network_layout import network_layout

    lay = network_layout(story25)
    host = next(n for a, n in lay.node.items() if n != a and n != "others")
    member = next(a for a, n in lay.node.items() if n == host and a != host)
    for focus in (host, member):
        nodes = _nodes(charts.network(story25, layout=lay, focus_actor=focus))
        by = {c[1]: i for i, c in enumerate(nodes.customdata)}
        i = by[host]
        assert nodes.marker.line.width[i] == 3 and nodes.marker.line.color[i] == "#111"
        assert nodes.marker.opacity[i] == 1.0
        assert 0.25 in list(nodes.marker.opacity), "nothing faded"
        assert sorted(nodes.marker.line.width).count(3) == 1


# ---- which selection fields each chart reads ------------------------------------------------

def _one_of_each(b) -> dict[str, object]:
    """For each selection field, a value that narrows or changes something in `b`."""
    dates = b.events["date"].dropna().sort_values()
    busiest = b.participants["actor_id"].value_counts().index[0]
    return {
        "actors": frozenset([busiest]),
        "articles": frozenset([b.articles["article_id"].iloc[-1]]),
        "event_types": frozenset([b.events["plover_type"].iloc[0]]),
        "statuses": frozenset([b.events["status"].iloc[-1]]),
        "date_from": dates.iloc[len(dates) // 2],
        "date_to": dates.iloc[len(dates) // 2],
        "min_reliability": "A",
        "issue": b.issues["issue_id"].iloc[-1] if len(b.issues) else None,
        "focus_actor": busiest,
        "focus_events": frozenset([b.events["event_id"].iloc[0]]),
    }


@pytest.mark.parametrize("story", ["assets/articles", "tests/data/story"])
def test_a_chart_is_redrawn_for_every_field_that_changes_it(story):
    """The page redraws a chart only when a field in its `reads` changes (page._render). A
    field missing there leaves a stale chart on screen (an edge click once left the
    positions chart showing positions the selection had dropped): changing any other
    field, from nothing chosen or from one other field chosen, must leave the figure as
    it was."""
    import briefing

    whole = briefing.load(Path(__file__).resolve().parent.parent / story)
    values = _one_of_each(whole)

    def fig(sel: Selection, chart) -> str:
        return chart.figure(select(whole, sel), sel, whole).to_json()

    bases = [Selection()] + [Selection(**{f: v}) for f, v in values.items()
                             if f in ("actors", "articles")]
    stale = []
    for name, chart in CHARTS.items():
        for base in bases:
            before = fig(base, chart)
            for f, v in values.items():
                if f in chart.reads or getattr(base, f) == v:
                    continue
                after = fig(Selection(**{**base.__dict__, f: v}), chart)
                if after != before:
                    stale.append((name, f, base.describe(whole)))
    assert not stale, f"charts that change with a field they do not read: {stale}"


def test_a_live_chart_reads_what_its_rules_read(b):
    """The browser redraws a live chart when a field its rules read changes (derived from
    the rows they aggregate); the exports' redraw list (`Chart.reads`) must be the same."""
    live = {n: c for n, c in CHARTS.items() if c.rules is not None}
    assert live
    for name, chart in live.items():
        assert set(chart.live_rules(b).reads()) == set(chart.reads), name


def test_live_rules_are_stored_for_the_same_facts_and_code(tmp_path, monkeypatch):
    """A viewer's kernel that opens facts another opened reads the live charts' rules from
    the disk cache instead of building them; other facts build their own."""
    import json
    from dataclasses import replace

    from briefing.marks import apply
    from briefing.select import masks

    monkeypatch.setenv("BRIEFING_CACHE", str(tmp_path))
    built = []
    real = CHARTS["sources"].rules

    def sources_rules(b, **kw):  # the same name: the same entry
        built.append(1)
        return real(b, **kw)

    chart = replace(CHARTS["sources"], rules=sources_rules)
    first, again = check(tiny_briefing()), check(tiny_briefing())
    drawn = json.dumps(apply(chart.live_rules(first), masks(first, Selection())))
    assert built == [1] and list((tmp_path / "rules").glob("*.pickle"))
    assert json.dumps(apply(chart.live_rules(again), masks(again, Selection()))) == drawn
    assert built == [1]  # read back, not built
    ev = again.events.copy()
    ev.loc[ev.index[0], "summary"] = "another summary"
    chart.live_rules(again.with_frames(events=ev))
    assert built == [1, 1]


def test_the_positions_overview_keeps_its_grid_and_says_when_a_selection_empties_it(b):
    """The overview follows the selection in the browser with fixed rows and columns: a
    selection with no judgment of the actors shown keeps the grid, grey, and says so."""
    from briefing.charts import CHARTS

    chart = CHARTS["positions_overview"]
    whole = chart.spec(b, Selection(), b)
    judged = set(b.positions["actor_id"])
    quiet = next(a for a in b.actors["actor_id"] if a not in judged)
    sel = Selection(actors={quiet})
    spec = chart.spec(select(b, sel), sel, b)
    heat, said = spec["data"][0], spec["data"][1]
    assert heat["y"] == whole["data"][0]["y"] and heat["x"] == whole["data"][0]["x"]
    assert all(z is None for row in heat["z"] for z in row)
    assert all(h == "no position recorded" for row in heat["hovertext"] for h in row)
    assert said["x"] == [0.5] and said["text"] == [
        "No position of these actors in this selection"]
    assert whole["data"][1]["x"] == [None]  # shown only when the grid is empty
    assert any(z is not None for row in whole["data"][0]["z"] for z in row)
