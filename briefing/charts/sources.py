"""Where the facts come from: the sources with their Admiralty grades."""

from __future__ import annotations

import numpy as np
import pandas as pd

from briefing.charts.theme import (
    HOVER,
    RELIABILITY_COLOURS,
    base_spec,
    chart,
    click_data,
    legend_marker,
    trace,
)
from briefing.contract import RELIABILITY
from briefing.escape import esc, esc_series, short
from briefing.model import Briefing, plain
from briefing.words import SOURCE_KIND_WORDS, reliability_meanings

MAX_SOURCE_BARS = 12  # sources with a bar of their own


@chart
def sources(
    b: Briefing,
    *,
    bars: int = MAX_SOURCE_BARS,
    title: str | None = None,
    height: int | None = None,
    width: int | None = None,
) -> dict:
    """One bar per source: how many facts (events and statements) rest on it, coloured by
    its Admiralty reliability grade (A completely reliable … F cannot be judged), best
    grade at the top. Beyond `bars` sources, the least cited are folded into one bar per
    grade. Clicks: ["source", source_id]; a folded bar ["events", its facts' ids]."""
    title = "Sources and how far to trust them" if title is None else title
    src = plain(b.sources)
    if src.empty:
        return base_spec(title=title, height=height, width=width,
                         empty_message="No sources in this selection")
    n_ev = b.events["source_id"].value_counts()
    n_st = b.statements["source_id"].value_counts()
    src = src.assign(events=src["source_id"].map(n_ev).fillna(0).astype(int),
                     statements=src["source_id"].map(n_st).fillna(0).astype(int))
    src = src.assign(total=src["events"] + src["statements"])
    # A story cites dozens of sources, most of them once: the busiest `bars` keep a bar of
    # their own, the long tail is one bar per grade ("14 more graded C").
    src = src.sort_values(["total", "reliability", "name"], ascending=[False, True, True],
                          kind="stable")
    own, tail = src.head(bars), src.iloc[bars:]
    meaning_of = reliability_meanings(b)
    kind_words = own["kind"].map(SOURCE_KIND_WORDS).fillna(own["kind"]).astype(str)
    grade = own["reliability"].astype(str)
    hover = ("<b>" + esc_series(own["name"]) + "</b><br>" + kind_words + " · reliability "
             + grade + ": " + grade.map(meaning_of).fillna("").str.lower() + "<br>"
             + own["events"].astype(str) + " event(s) and " + own["statements"].astype(str)
             + " statement(s) rest on it")
    note = own["note"].fillna("") if "note" in own else pd.Series("", index=own.index)
    hover = hover + np.where(note != "", "<br>" + esc_series(note), "")
    # Names are shortened on the axis (whole on hover): a phone has ~350 px for the names
    # and the bars together. The bar carries only its grade.
    rows = pd.DataFrame({"name": [esc(short(n, 28)) for n in own["name"]], "grade": grade,
                         "total": own["total"], "hover": hover,
                         "custom": click_data("source", own["source_id"])})
    if len(tail):
        facts = pd.concat([b.events[["event_id", "source_id"]].set_axis(["id", "src"], axis=1),
                           b.statements[["statement_id", "source_id"]].set_axis(
                               ["id", "src"], axis=1)])
        folded = []
        for g, part in tail.groupby(tail["reliability"].astype(str), sort=True):
            ids = facts.loc[facts["src"].isin(part["source_id"]), "id"]
            listed = ", ".join(esc(short(x, 40)) for x in part["name"].head(8)) + (
                f" and {len(part) - 8} more" if len(part) > 8 else "")
            folded.append({"name": f"{len(part)} more graded {g}", "grade": g,
                           "total": int(part["total"].sum()),
                           "hover": f"<b>{len(part)} more sources graded {g}</b> "
                                    f"({esc(meaning_of.get(g, '').lower())}), "
                                    f"{int(part['total'].sum())} facts: {listed}",
                           "custom": ["events", " ".join(ids)]})
        rows = pd.concat([rows, pd.DataFrame(folded)], ignore_index=True)
    # Best grade at the top, busiest first within a grade (plotly draws y bottom-up).
    rows = rows.assign(_last=rows["name"].str.contains(" more graded ", regex=False))
    rows = rows.sort_values(["grade", "_last", "total"], ascending=[False, True, True],
                            kind="stable")
    grade = rows["grade"]
    bar = trace("bar",
        x=rows["total"], y=rows["name"], orientation="h", showlegend=False,
        marker={"color": [RELIABILITY_COLOURS.get(g, "#999") for g in grade]},
        text=grade.tolist(), textposition="outside", cliponaxis=False,
        textfont={"size": 12, "color": "#333"},
        hovertext=rows["hover"].tolist(), hovertemplate=HOVER,
        customdata=rows["custom"].tolist(),
    )
    present = [g for g in RELIABILITY if g in set(grade)]
    legend = [legend_marker(f"{g}: {reliability_meanings(b).get(g, '')}", symbol="square",
                            colour=RELIABILITY_COLOURS[g]) for g in present]
    return base_spec(
        [bar, *legend], title=title, height=height or 170 + 34 * len(rows), width=width,
        # the axis says what the bars count in the card's note: a title under a phone's
        # narrow plot ran out of the figure
        xaxis={"showgrid": True, "gridcolor": "#eee",
               "dtick": 1 if rows["total"].max() <= 10 else None, "fixedrange": True},
        yaxis={"automargin": True, "fixedrange": True},
        legend={"title": {"text": "Reliability (Admiralty): "}, "orientation": "h",
                "yref": "container", "y": 0, "yanchor": "bottom", "x": 0},
        margin={"l": 20, "r": 30, "t": 40 if title else 10, "b": 90},
        bargap=0.35,
    )
