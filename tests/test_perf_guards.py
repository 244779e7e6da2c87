"""Structure behind the speed work: the load cache, parallel parsing, unvalidated figures.

Nothing here is timed (the targets live in `bench/`); these tests make sure the shortcuts
taken for speed give the same results as the slow path.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

import briefing
from bench.generate import generate
from briefing.charts import CHARTS
from briefing.select import Selection, select
from tests.tiny import scaled, tiny_briefing

# the module (`briefing.load` is the function); imported here, not by `import briefing`
L = importlib.import_module("briefing.load")
DATA = Path(__file__).resolve().parent / "data" / "articles"


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRIEFING_CACHE", str(folder))
    return folder


def _same(a: briefing.Briefing, b: briefing.Briefing) -> None:
    for name in briefing.FRAMES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), check_like=False)
    assert a.problems == b.problems


# ------------------------------------------------------------------------ cache
def test_cache_hit_equals_fresh_load(cache_dir):
    fresh = briefing.load(DATA, cache=False)
    assert not cache_dir.exists() or not any(cache_dir.rglob("*.pickle"))
    first = briefing.load(DATA)
    assert list((cache_dir / "bases").glob("*.pickle"))
    assert len(list((cache_dir / "articles").glob("*.pickle"))) == 2
    again = briefing.load(DATA)
    _same(fresh, first)
    _same(fresh, again)


def test_cache_writes_nothing_next_to_the_facts(cache_dir, tmp_path):
    facts = generate(3, tmp_path / "facts")
    before = sorted(p.relative_to(facts) for p in facts.rglob("*"))
    briefing.load(facts)
    briefing.load(facts)
    assert sorted(p.relative_to(facts) for p in facts.rglob("*")) == before


def test_changed_article_is_parsed_again(cache_dir, tmp_path):
    facts = generate(3, tmp_path / "facts")
    first = briefing.load(facts)
    yaml = facts / "art-00002" / "facts.yaml"
    yaml.write_text(yaml.read_text().replace('"Synthetic report 2"', '"Renamed report"'))
    second = briefing.load(facts)
    assert "Renamed report" in set(second.articles["title"])
    assert "Renamed report" not in set(first.articles["title"])
    assert len(second.events) == len(first.events)


def test_a_broken_edit_is_reported_not_served_from_cache(cache_dir, tmp_path):
    facts = generate(2, tmp_path / "facts")
    briefing.load(facts)
    yaml = facts / "art-00001" / "facts.yaml"
    yaml.write_text(yaml.read_text().replace("status: occurred", "status: happened", 1))
    with pytest.raises(briefing.FactError, match="happened"):
        briefing.load(facts)
    skipped = briefing.load(facts, errors="skip")
    assert list(skipped.articles["article_id"]) == ["art-00002"]


def test_corrupt_cache_files_fall_back_to_a_fresh_load(cache_dir):
    fresh = briefing.load(DATA, cache=False)
    briefing.load(DATA)
    for p in cache_dir.rglob("*.pickle"):
        p.write_bytes(b"not a pickle at all")
    _same(fresh, briefing.load(DATA))
    for p in cache_dir.rglob("*.pickle"):
        p.write_bytes(p.read_bytes()[:20])  # truncated
    _same(fresh, briefing.load(DATA))


def test_cache_false_and_env_off_write_nothing(cache_dir, monkeypatch):
    briefing.load(DATA, cache=False)
    assert not any(cache_dir.rglob("*.pickle"))
    monkeypatch.setenv("BRIEFING_CACHE", "off")
    briefing.load(DATA)
    assert not any(cache_dir.rglob("*.pickle"))


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_cache_folder_writable_by_others_is_not_used(cache_dir):
    cache_dir.mkdir(mode=0o777)
    os.chmod(cache_dir, 0o777)
    briefing.load(DATA)
    assert not any(cache_dir.rglob("*.pickle"))


# ------------------------------------------------------------------------ parallel
def test_parallel_parse_equals_serial_parse(tmp_path, monkeypatch):
    facts = generate(6, tmp_path / "facts")
    serial = briefing.load(facts, cache=False)
    monkeypatch.setattr(L, "PARALLEL_FROM", 2)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    parallel = briefing.load(facts, cache=False)
    _same(serial, parallel)


def test_generated_fact_base_is_valid(tmp_path):
    facts = generate(4, tmp_path / "facts")
    b = briefing.load(facts, cache=False)
    assert len(b.articles) == 4
    assert 45 <= len(b.events) / 4 + len(b.statements) / 4 + len(b.positions) / 4 <= 60
    assert b.events["event_id"].is_unique


# ------------------------------------------------------------------------ figures
def _fully_validated(fig: go.Figure) -> None:
    """Charts skip plotly's validation at run time; here every property is checked."""
    d = fig.to_dict()
    checked = go.Figure(d).to_dict()  # raises ValueError on an unknown property or value
    # A magic-underscore key ("marker_color") passes validation by being expanded into a
    # path, but plotly.js would ignore it in JSON: the key trees must be the same.
    assert _key_tree(d) == _key_tree(checked)


def _key_tree(x: object) -> object:
    if isinstance(x, dict):
        return {k: _key_tree(v) for k, v in x.items() if k != "template"}
    if isinstance(x, list | tuple) and x and isinstance(x[0], dict):
        return [_key_tree(v) for v in x]
    return None


@pytest.mark.parametrize("name", list(CHARTS))
def test_every_chart_passes_full_validation(name):
    for b in (tiny_briefing(), scaled(15)):
        fig = CHARTS[name].draw(b)
        assert isinstance(fig, go.Figure)
        _fully_validated(fig)
        empty = select(b, Selection(actors={"no-such-actor"}))
        _fully_validated(CHARTS[name].draw(empty))


def test_real_article_dashboard_figures_pass_full_validation():

    b = briefing.load()
    sel = Selection(issue=b.issues["issue_id"].iloc[0], focus_actor="iran")
    sub = select(b, sel)
    for chart in CHARTS.values():
        _fully_validated(chart.figure(sub, sel))


# ------------------------------------------------------------------------ widget JSON
def _decoded(x: object) -> object:
    """Typed arrays unpacked, NaN as None, whole floats as ints, midnight dates as days."""
    import base64
    import math

    import numpy as np

    if isinstance(x, dict):
        if set(x) >= {"dtype", "bdata"}:
            values = np.frombuffer(base64.b64decode(x["bdata"]), dtype=np.dtype(x["dtype"]))
            shape = x.get("shape")
            if shape:
                values = values.reshape([int(n) for n in str(shape).split(",")])
            return _decoded(values.tolist())
        return {k: _decoded(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_decoded(v) for v in x]
    if isinstance(x, float):
        return None if math.isnan(x) else int(x) if x == int(x) else x
    if isinstance(x, str) and len(x) >= 19 and x[10] == "T" and x[11:19] == "00:00:00":
        return x[:10]
    return x


def test_widget_json_matches_plotly_json():
    import json

    from briefing.widgets import figure_to_dict

    b = briefing.load()
    for sel in (Selection(issue=b.issues["issue_id"].iloc[0]),
                Selection(statuses={"occurred"}, focus_actor="iran")):
        sub = select(b, sel)
        for chart in CHARTS.values():
            fig = chart.figure(sub, sel)
            fast = figure_to_dict(fig)
            json.dumps(fast, allow_nan=False)  # what the kernel's message packer demands
            assert _decoded(fast) == _decoded(json.loads(fig.to_json()))
            # What the page sends: the chart's plain dict, with no go.Figure built.
            assert figure_to_dict(chart.spec(sub, sel)) == fast


# ------------------------------------------------------------------------ chart limits
def test_edge_table_limit_keeps_the_busiest_edges_unchanged():
    from briefing.channels import edge_table, legs

    b = scaled(6)
    lg = legs(b)
    full = edge_table(lg, ["src", "tgt", "leg"])
    top = edge_table(lg, ["src", "tgt", "leg"], limit=5)
    assert top.attrs["total"] == full.attrs["total"] == len(full) > 5
    expected = full.nlargest(5, "n", keep="first").set_index(["src", "tgt", "leg"])
    got = top.set_index(["src", "tgt", "leg"]).loc[expected.index]
    pd.testing.assert_frame_equal(got[["n", "ids", "top_type"]],
                                  expected[["n", "ids", "top_type"]])
    assert got["score"].round(9).tolist() == expected["score"].round(9).tolist()


def test_big_network_and_map_say_what_they_leave_out(tmp_path):
    from briefing.charts import geo_map, network
    from briefing.charts.network import MAX_NODES

    b = scaled(20)
    few = network(b, node_limit=4)
    nodes = [t for t in few.data if t.name == "actors"][0]
    assert len(nodes.x) <= 4 + len(b.actors[b.actors["kind"] == "state"])
    assert "most active" in few.layout.annotations[0].text
    assert MAX_NODES >= 100
    geo_map(b)  # fewer channels than the cap: no note needed, and no error


def test_cache_keeps_a_bounded_number_of_articles(cache_dir, tmp_path, monkeypatch):
    from briefing import cache as C

    monkeypatch.setattr(C, "MAX_ARTICLES", 2)
    for k in range(3):
        briefing.load(generate(1, tmp_path / f"facts-{k}"))
    assert len(list((cache_dir / "articles").glob("*.pickle"))) == 2
    three = generate(3, tmp_path / "three")
    briefing.load(three)  # a base bigger than the limit keeps all of its own
    assert len(list((cache_dir / "articles").glob("*.pickle"))) == 3
