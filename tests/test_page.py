"""The page's parts from Python (the browser tests drive the same page in Chromium):
several articles, their key points and texts, clicks that open a fact's own article, and
a base with a broken article that still shows the rest and says what was left out."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import ipywidgets as w
import pytest

import briefing
from briefing.dashboard import Dashboard, set_name
from briefing.dashboard.plan import NEWEST_ARTICLES
from briefing.printout import key_points
from briefing.select import Selection
from tests.story_gen import write_story
from tests.tiny import FIXTURES, check

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def b():
    return check(briefing.load(FIXTURES))


def _texts(widget: w.Widget) -> list[str]:
    out = []
    if isinstance(widget, w.HTML):
        out.append(widget.value)
    for child in getattr(widget, "children", ()):
        out += _texts(child)
    return out


def test_the_header_names_the_set_and_every_articles_key_points(b):
    title, sub = set_name(b)
    assert title == "2 articles, 23 Jun 2025"  # both published that day
    newest = b.articles.sort_values("published", ascending=False)["title"].iloc[0]
    assert sub == f"newest: {newest}"
    dash = Dashboard(b)
    head = " ".join(_texts(dash.header))
    for text in b.key_points["text"]:
        assert text in head
    for t in b.articles["title"]:
        assert t in head  # each article's points under its own title


def test_a_key_points_evidence_opens_its_own_article(b):
    dash = Dashboard(b)
    first = dash._article_id
    other = next(a for a in b.articles["article_id"] if a != first)
    kp = b.key_points[b.key_points["article_id"] == other].iloc[0]
    dash._show(tuple(kp["fact_ids"].split()), other)
    assert dash._article_id == other and dash.w_read.value == other
    assert "<mark" in dash.article.value
    title = b.articles.set_index("article_id").loc[other, "title"]
    assert title in dash.article.value
    assert "briefing-fact" in dash.detail.value


def test_clicking_a_fact_opens_the_article_it_comes_from(b):
    dash = Dashboard(b)
    dash._show(("ev-powell",))
    assert dash._article_id == "a2-council"
    dash._show(("ev-envoy",))
    assert dash._article_id == "a1-envoy"


def test_the_article_filter_narrows_every_view(b):
    dash = Dashboard(b)
    dash.w_articles.value = ("a2-council",)
    sub = dash.frames()
    assert set(sub.events["article_id"]) == {"a2-council"}
    assert set(sub.key_points["article_id"]) == {"a2-council"}
    assert dash._article_id == "a2-council"
    assert dash.selection.articles == frozenset({"a2-council"})
    assert "articles: Ceasefire resolution at the UN" in dash.status.value


def _shown(root: w.Widget) -> list[w.Widget]:
    """Every widget on the page, the root and all it holds."""
    out = [root]
    for child in getattr(root, "children", ()):
        out += _shown(child)
    return out


def test_one_article_has_no_article_list(tmp_path):
    dash = Dashboard(briefing.load(FIXTURES / "a1-envoy"))
    shown = _shown(dash.root)
    assert dash.w_articles not in shown and dash.w_read not in shown


def test_a_broken_article_is_left_out_and_the_page_says_so(tmp_path):
    shutil.copytree(FIXTURES, tmp_path / "base")
    broken = tmp_path / "base" / "a0-broken"
    shutil.copytree(FIXTURES / "a2-council", broken)
    facts = broken / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("id: a2-council",
                                                               "id: a0-broken")
                     .replace("recipient:\n    - unsc", "recipient:\n    - nobody"))
    b = briefing.load(tmp_path / "base", errors="skip")
    assert sorted(b.articles["article_id"]) == ["a1-envoy", "a2-council"]
    assert any("a0-broken" in p.file and "nobody" in p.message for p in b.problems)
    head = " ".join(_texts(Dashboard(b).header))
    assert "1 article left out" in head and "a0-broken" in head
    assert "python -m briefing validate" in head


def test_selection_describes_articles_by_title(b):
    assert Selection(articles={"a1-envoy"}).describe(b) == \
        "articles: Khamenei sends Araqchi to Moscow"


def test_a_long_story_has_a_short_header_with_the_analysts_key_points(tmp_path):
    """25 articles: the title names the story, three newest articles are listed and the rest
    folded; the key points are exactly `printout.key_points` (the PDF's rule), and only
    what analysts wrote."""
    b = briefing.load(write_story(tmp_path / "story", 25))
    title, _ = set_name(b)
    assert re.fullmatch(r"25 articles, \d+ [A-Z][a-z]{2} – \d+ [A-Z][a-z]{2} 2025", title), title
    head = " ".join(_texts(Dashboard(b).header))
    arts = b.articles.sort_values("published", ascending=False)
    listed = head.split("<summary>")[0]
    assert all(html.escape(t) in listed for t in arts["title"].head(NEWEST_ARTICLES))
    assert html.escape(arts["title"].iloc[-1]) not in listed
    assert "All 25 articles</summary>" in head
    shown = re.findall(r"class='briefing-kp'>\d+\. (.*?)</span>", head)
    groups = key_points(b)
    assert shown == [html.escape(t) for g in groups for t, _ in g.points]
    assert set(html.unescape(t) for t in shown) <= set(b.key_points["text"])
    assert len(groups) == 3 and [g.published for g in groups] == sorted(
        (g.published for g in groups), reverse=True)
    # Choosing older articles shows theirs: the rule takes the selection's articles.
    old = tuple(arts["article_id"].iloc[-2:])
    assert [g.article_id for g in key_points(b, frozenset(old))] == list(old)


def test_a_story_with_no_issue_has_no_issue_list(tmp_path):
    import yaml

    root = write_story(tmp_path / "story", 2)
    registry = yaml.safe_load((root / "registry.yaml").read_text(encoding="utf-8"))
    registry.pop("issues", None)
    (root / "registry.yaml").write_text(yaml.safe_dump(registry, sort_keys=False,
                                                       allow_unicode=True), encoding="utf-8")
    for facts_file in root.glob("*/facts.yaml"):
        facts = yaml.safe_load(facts_file.read_text(encoding="utf-8"))
        facts.pop("positions", None)
        for point in facts["article"].get("key_points", []):
            point["facts"] = [f for f in point["facts"] if not f.startswith("pos-")]
        facts_file.write_text(yaml.safe_dump(facts, sort_keys=False, allow_unicode=True),
                              encoding="utf-8")
    dash = Dashboard(briefing.load(root, cache=False))
    assert not dash.w_issue.options
    shown = _shown(dash.root)
    assert dash.w_issue not in shown and dash.w_reliability in shown
