"""Where the facts come from: the sources with their Admiralty grades, and the article
text with the sentences behind the current selection marked."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from briefing.charts.theme import (
    HOVER,
    RELIABILITY_COLOURS,
    SOURCE_KIND_WORDS,
    base_figure,
    click_data,
    esc,
    esc_series,
    legend_marker,
    plain,
    reliability_meanings,
    short,
    trace,
)
from briefing.model import Briefing

_FINAL = re.compile(r"[.!?][”\"’')\]]*\s*$")


def sources(
    b: Briefing,
    *,
    title: str | None = None,
    height: int | None = None,
    width: int | None = None,
) -> go.Figure:
    """One bar per source: how many facts (events and statements) rest on it, coloured by
    its Admiralty reliability grade (A completely reliable … F cannot be judged).
    Clicks: ["source", source_id]."""
    title = "Sources and how far to trust them" if title is None else title
    src = plain(b.sources)
    if src.empty:
        return base_figure(title=title, height=height, width=width,
                           empty_message="No sources in this selection")
    n_ev = b.events["source_id"].value_counts()
    n_st = b.statements["source_id"].value_counts()
    src = src.assign(events=src["source_id"].map(n_ev).fillna(0).astype(int),
                     statements=src["source_id"].map(n_st).fillna(0).astype(int))
    src = src.assign(total=src["events"] + src["statements"])
    src = src.sort_values(["reliability", "total"], ascending=[False, True])
    meaning = src["reliability"].map(reliability_meanings(b)).fillna("")
    grade = src["reliability"].astype(str)
    kind = src["kind"].map(SOURCE_KIND_WORDS).fillna(src["kind"]).astype(str)
    hover = ("<b>" + esc_series(src["name"]) + "</b><br>" + kind + " · reliability " + grade
             + ": " + meaning.str.lower() + "<br>" + src["events"].astype(str)
             + " event(s) and " + src["statements"].astype(str)
             + " statement(s) rest on it")
    note = src["note"].fillna("") if "note" in src else pd.Series("", index=src.index)
    hover = hover + np.where(note != "", "<br>" + esc_series(note), "")
    # Names are shortened on the axis (whole on hover); the bar carries only its grade,
    # so long names cannot squeeze the bars into slivers.
    y = [esc(short(n, 44)) for n in src["name"]]
    bars = trace("bar",
        x=src["total"], y=y, orientation="h", showlegend=False,
        marker={"color": [RELIABILITY_COLOURS.get(g, "#999") for g in grade]},
        text=grade.tolist(), textposition="outside", cliponaxis=False,
        textfont={"size": 12, "color": "#333"},
        hovertext=hover.tolist(), hovertemplate=HOVER,
        customdata=click_data("source", src["source_id"]),
    )
    present = [g for g in "ABCDEF" if g in set(grade)]
    legend = [legend_marker(f"{g}: {reliability_meanings(b).get(g, '')}", symbol="square",
                            colour=RELIABILITY_COLOURS[g]) for g in present]
    return base_figure(
        [bars, *legend], title=title, height=height or 170 + 34 * len(src), width=width,
        xaxis={"title": {"text": "facts resting on the source"}, "showgrid": True,
               "gridcolor": "#eee", "dtick": 1 if src["total"].max() <= 10 else None,
               "fixedrange": True},
        yaxis={"automargin": True, "fixedrange": True},
        legend={"title": {"text": "Reliability (Admiralty): "}, "orientation": "h",
                "yref": "container", "y": 0, "yanchor": "bottom", "x": 0},
        margin={"l": 20, "r": 30, "t": 40 if title else 10, "b": 90},
        bargap=0.35,
    )


def _intervals(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def article_html(
    b: Briefing,
    *,
    article_id: str | None = None,
    highlight: Iterable[str] = frozenset(),
) -> str:
    """The article as HTML: title, headings, paragraphs; the sentences behind the
    `highlight` ids (evidence ids or fact ids) in <mark>, their quoted words in bold.
    Every piece of article text is escaped."""
    arts = b.articles
    if arts.empty:
        return "<p><i>No article.</i></p>"
    row = arts[arts["article_id"] == article_id] if article_id else arts.iloc[:0]
    art = (row if len(row) else arts).iloc[0]
    aid, text = art["article_id"], str(art["text"])
    wanted = set(highlight)
    ev = b.evidence[(b.evidence["article_id"] == aid)
                    & (b.evidence["evidence_id"].isin(wanted) | b.evidence["fact_id"]
                       .isin(wanted))]
    sents = b.sentences[b.sentences["article_id"] == aid]
    quotes = _intervals(zip(ev["start"].astype(int), ev["end"].astype(int), strict=True))
    marked_ids = set(ev["sentence_id"].dropna())
    hit = sents[sents["sentence_id"].isin(marked_ids)]
    marks = _intervals(zip(hit["start"].astype(int), hit["end"].astype(int), strict=True))
    marks = _intervals([*marks, *quotes])
    heading_starts = set(sents.loc[sents["is_heading"].astype(bool), "start"].astype(int))

    meta = [x for x in (art.get("outlet") or "",) if x]
    if pd.notna(art.get("published")):
        meta.append(pd.Timestamp(art["published"]).strftime("%-d %B %Y"))
    out = ['<div class="briefing-article" style="font-family: Georgia, serif; '
           'line-height: 1.55; max-width: 46em">',
           f'<h2 style="margin-bottom: 0.2em">{html.escape(str(art["title"]))}</h2>']
    if meta:
        out.append(f'<p style="color: #666; margin-top: 0">{html.escape(" · ".join(meta))}'
                   "</p>")
    offset = 0
    for line in text.splitlines(keepends=True):
        start, body = offset, line.rstrip("\r\n")
        offset += len(line)
        if not body.strip():
            continue
        end = start + len(body)
        lead = len(body) - len(body.lstrip())
        is_heading = (start + lead) in heading_starts if len(sents) else (
            _FINAL.search(body) is None)
        cuts = sorted({start, end, *(p for s, e in [*marks, *quotes] for p in (s, e)
                                       if start < p < end)})
        pieces, marking = [], False
        for s, e in zip(cuts, cuts[1:], strict=False):
            chunk = html.escape(text[s:e])
            if _inside(s, quotes):
                chunk = f"<b>{chunk}</b>"
            if _inside(s, marks) != marking:  # quotes lie inside marks: tags nest
                marking = not marking
                pieces.append('<mark style="background: #ffe98a">' if marking else "</mark>")
            pieces.append(chunk)
        if marking:
            pieces.append("</mark>")
        tag = "h3" if is_heading else "p"
        out.append(f"<{tag}>{''.join(pieces)}</{tag}>")
    out.append("</div>")
    return "\n".join(out)


def highlight_ids(b: Briefing) -> frozenset[str]:
    """The evidence ids of a (selected) Briefing: what `article_html` should mark."""
    return frozenset(b.evidence["evidence_id"])


__all__ = ["article_html", "highlight_ids", "sources", "esc"]
