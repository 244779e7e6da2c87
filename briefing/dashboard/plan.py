"""What the page shows when it opens, as plain data: the page plan.

`page_plan(b)` computes everything the dashboard's widgets are built from — the title and
key points, every control's options, the charts' first figures, the live selection's
index and rules, the first status line and article — from the frames, once. The plan holds
only plain Python values (strings, numbers, lists, dicts, bytes, datetimes), so it can be
stored in the page cache and read back by a viewer's kernel that imports neither pandas
nor plotly (`Dashboard.from_plan`, `page`).
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from briefing.charts import CHARTS
from briefing.contract import RELIABILITY
from briefing.dashboard import detail
from briefing.dashboard.article import article_html
from briefing.dashboard.detail import _e
from briefing.dashboard.live import live_state
from briefing.dashboard.live_widget import PAGE_KEY
from briefing.dashboard.reading import (
    PAGE_READING_MAX_BYTES,
    PAGE_READING_MAX_FACTS,
    fact_count,
    reading_data,
)
from briefing.describe import key_points, story_title
from briefing.model import Briefing
from briefing.select import Selection, select
from briefing.widgets import figure_to_dict
from briefing.words import ACTOR_KIND_WORDS, PLOVER_WORDS, STATUS_WORDS, date_words

# Newest articles listed in the header; the rest are one click away (a <details> list).
NEWEST_ARTICLES = 3


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
    title, sub = story_title(b)
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


def _header(b: Briefing) -> list[list[Any]]:
    """The header's items in order: ["html", html], or ["point", text, ids, article_id,
    its number in the article]."""
    items: list[list[Any]] = [["html", title_html(b)]]
    groups = key_points(b)
    for g in groups:
        heads = key_point_heads(b, g, groups)
        if heads:
            items.append(["html", heads])
        items += [["point", text, list(ids), str(g.article_id), i + 1]
                  for i, (text, ids) in enumerate(g.points)]
    return items


def _controls(b: Briefing, issue: str | None) -> dict[str, Any]:
    """Every control's options as (label, value) lists, and its rows or value."""
    names = b.actors.sort_values(["kind", "name"])
    newest = b.articles.sort_values("published", ascending=False)
    types = sorted(b.events["plover_type"].astype(str).unique())
    statuses = [s for s in STATUS_WORDS if s in set(b.events["status"].astype(str))]
    rel = b.admiralty.query("axis == 'reliability'")
    meanings = dict(zip(rel["grade"], rel["meaning"], strict=False))
    return {
        "articles": {"options": [[f"{pd.Timestamp(d):%-d %b %Y}: {t}", a] for d, t, a in
                                 zip(newest["published"], newest["title"],
                                     newest["article_id"], strict=True)],
                     "rows": min(6, max(2, len(newest)))},
        "actors": {"options": [[f"{n} ({ACTOR_KIND_WORDS.get(k, k)})", a] for n, k, a in
                               zip(names["name"], names["kind"], names["actor_id"],
                                   strict=True)], "rows": 6},
        "types": {"options": [[PLOVER_WORDS.get(t, t.title()), t] for t in types], "rows": 6},
        "statuses": {"options": [[STATUS_WORDS[s], s] for s in statuses], "rows": 6},
        "reliability": {"options": [["Any source (A–F)", "F"]] + [
            [f"{g} – {meanings.get(g, '')} or better", g] for g in RELIABILITY[:-1]],
            "value": "F"},
        "issue": {"options": [list(x) for x in zip(b.issues["label"], b.issues["issue_id"],
                                                   strict=True)], "value": issue},
        "read": {"options": [[t if len(t) < 70 else t[:69] + "…", a] for t, a in
                             zip(newest["title"], newest["article_id"], strict=True)]},
    }


def _dates(b: Briefing) -> list[list[Any]]:
    """The date slider's options: [label, datetime] per distinct event date."""
    dates = sorted(pd.to_datetime(b.events["date"]).dropna().unique())
    prec = (b.events.assign(date=pd.to_datetime(b.events["date"]))
            .drop_duplicates("date").set_index("date")["date_precision"])
    labels = date_words(pd.Series(dates), pd.Series([prec.get(d, "day") for d in dates]))
    return [[label, pd.Timestamp(d).to_pydatetime()] for label, d in
            zip(labels, dates, strict=True)]


def reading_bytes(b: Briefing) -> bytes:
    """Details and the article's data for the browser (`reading.py`, as JSON), or nothing
    when the base is too large to send it (clicks then go to the kernel)."""
    if fact_count(b) > PAGE_READING_MAX_FACTS:
        return b""
    data = json.dumps(reading_data(b), ensure_ascii=False).encode("utf-8")
    return data if len(data) <= PAGE_READING_MAX_BYTES else b""


def status_html(b: Briefing, sub: Briefing, sel: Selection) -> str:
    """The status line: how many of the base's events the selection (`sub`) shows, and the
    selection in words (live.js writes the same line in the browser)."""
    return (f"<span class='briefing-showing'>Showing {len(sub.events)} of {len(b.events)}"
            f" events — {_e(sel.describe(b))}</span>")


def page_plan(b: Briefing, selection: Selection | None = None, *,
              with_reading: bool = False) -> dict[str, Any]:
    """The page plan of `b` for `selection` (default: everything, the first issue). With
    `with_reading`, Details and the article's data are in it (for the page cache);
    otherwise the page computes them when the browser asks."""
    issues = [str(i) for i in b.issues["issue_id"]]
    sel = selection or Selection(issue=issues[0] if issues else None)
    controls = _controls(b, sel.issue)
    dates = _dates(b)
    header = _header(b)
    live = {n for n, c in CHARTS.items() if c.rules is not None}
    sub = select(b, sel)
    figures = {n: figure_to_dict(c.spec(sub, sel, b)) for n, c in CHARTS.items()
               if n not in live}
    newest = [a for _, a in controls["read"]["options"]]
    article_id = newest[0] if newest else None
    if sel.articles and article_id not in sel.articles:
        article_id = sorted(sel.articles)[0]
    highlight = sorted(sub.evidence["evidence_id"]) if sel.filters_facts else []
    options = {k: [v for _, v in controls[k]["options"]]
               for k in ("articles", "actors", "types", "statuses", "reliability", "issue")}
    options["dates"] = [d for _, d in dates]
    # a key point's "evidence" button carries class briefing-kp-<page>-<n> (live.js)
    points = [[item[2], item[3]] for item in header if item[0] == "point"]
    # a chart drawn per issue has one set of rules per issue (the browser takes the one
    # of the chosen issue); the others one, for any issue
    charts = {(n, i if c.by_issue else None): c.live_rules(b, i) for n, c in CHARTS.items()
              if n in live for i in ((issues or [None]) if c.by_issue else [None])}
    meta, blob = live_state(b, options=options, charts=charts, page_key=PAGE_KEY,
                            key_points=points)
    return {
        "issue": sel.issue, "many": len(b.articles) > 1, "header": header,
        "controls": controls, "dates": dates,
        "charts": {n: {"heading": c.heading, "note": c.note, "flex": list(c.flex),
                       "reads": list(c.reads), "live": n in live}
                   for n, c in CHARTS.items()},
        "figures": figures, "live": {"meta": meta, "blob": blob},
        "reading": reading_bytes(b) if with_reading else None,
        "article_id": article_id, "highlight": highlight,
        "article": article_html(b, article_id=article_id, highlight=frozenset(highlight)),
        "status": status_html(b, sub, sel),
        "detail": detail.placeholder(),
    }

