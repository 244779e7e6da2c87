"""Where the facts come from: the sources with their Admiralty grades."""

from __future__ import annotations

import numpy as np
import pandas as pd

from briefing.charts.theme import (
    HOVER,
    RELIABILITY_COLOURS,
    base_spec,
    chart,
    legend_marker,
    trace,
)
from briefing.contract import RELIABILITY
from briefing.escape import esc, short
from briefing.marks import Binding, Rules, Value, apply, slot, template
from briefing.model import Briefing, plain
from briefing.select import Selection, masks
from briefing.words import SOURCE_KIND_WORDS, reliability_meanings

MAX_SOURCE_BARS = 12  # sources with a bar of their own


def sources_rules(
    b: Briefing,
    *,
    bars: int = MAX_SOURCE_BARS,
    title: str | None = None,
    height: int | None = None,
    width: int | None = None,
) -> Rules:
    """The sources chart for the whole of `b` with the rules that make it follow a
    selection (`briefing.marks`): a bar's length and hover count the selected facts
    resting on it; a bar with none is hidden. Bars keep their places: the busiest `bars`
    sources of the whole base have a bar of their own, the rest one bar per grade."""
    title = "Sources and how far to trust them" if title is None else title
    src = plain(b.sources)
    if src.empty:
        return Rules(base_spec(title=title, height=height, width=width,
                               empty_message="No sources in this selection"), ())
    n_ev = len(b.events)
    # every fact's row in the fact vector (events, then statements), by source
    facts = pd.DataFrame({
        "row": np.arange(n_ev + len(b.statements)),
        "src": pd.concat([b.events["source_id"], b.statements["source_id"]],
                         ignore_index=True).astype(object),
        "id": pd.concat([b.events["event_id"], b.statements["statement_id"]],
                        ignore_index=True).astype(str)})
    rows_of = facts.groupby("src", sort=False)["row"].agg(list)
    ids_of = facts.groupby("src", sort=False)["id"].agg(list)
    src = src.assign(rows=src["source_id"].map(rows_of).map(lambda r: r if isinstance(
        r, list) else []))
    src = src.assign(total=src["rows"].map(len))
    # A story cites dozens of sources, most of them once: the busiest `bars` keep a bar of
    # their own, the long tail is one bar per grade ("14 more graded C").
    src = src.sort_values(["total", "reliability", "name"], ascending=[False, True, True],
                          kind="stable")
    own, tail = src.head(bars), src.iloc[bars:]
    meaning_of = reliability_meanings(b)
    marks = []
    for r in own.itertuples():
        kind = SOURCE_KIND_WORDS.get(r.kind, r.kind)
        grade = str(r.reliability)
        note = getattr(r, "note", None)
        hover = template(
            f"<b>{esc(r.name)}</b><br>{esc(kind)} · reliability {grade}: "
            f"{esc(meaning_of.get(grade, '').lower())}<br>{slot('ev')} event(s) and "
            f"{slot('st')} statement(s) rest on it"
            + (f"<br>{esc(note)}" if isinstance(note, str) and note else ""))
        marks.append({"name": esc(short(r.name, 28)), "grade": grade, "total": r.total,
                      "rows": r.rows, "hover": hover, "custom": ["source", r.source_id],
                      "last": False})
    for g, part in tail.groupby(tail["reliability"].astype(str), sort=True):
        listed = ", ".join(esc(short(x, 40)) for x in part["name"].head(8)) + (
            f" and {len(part) - 8} more" if len(part) > 8 else "")
        ids = [i for s_ in part["source_id"] for i in ids_of.get(s_, [])]
        marks.append({"name": f"{len(part)} more graded {g}", "grade": g,
                      "total": int(part["total"].sum()),
                      "rows": [x for r_ in part["rows"] for x in r_],
                      "hover": template(
                          f"<b>{len(part)} more sources graded {g}</b> "
                          f"({esc(meaning_of.get(g, '').lower())}), {slot('n')} facts: "
                          f"{listed}"),
                      "custom": ["events", " ".join(ids)], "last": True})
    # Best grade at the top, busiest first within a grade (plotly draws y bottom-up).
    marks.sort(key=lambda m: (m["last"], m["total"]))  # stable sorts: ties keep their order
    marks.sort(key=lambda m: m["grade"], reverse=True)
    grades = [m["grade"] for m in marks]
    ev_rows = [[x for x in m["rows"] if x < n_ev] for m in marks]
    st_rows = [[x - n_ev for x in m["rows"] if x >= n_ev] for m in marks]
    bar = trace("bar",
        x=[m["total"] for m in marks], y=[m["name"] for m in marks], orientation="h",
        showlegend=False,
        marker={"color": [RELIABILITY_COLOURS.get(g, "#999") for g in grades]},
        text=grades, textposition="outside", cliponaxis=False,
        textfont={"size": 12, "color": "#333"},
        hovertext=[m["hover"] for m in marks], hovertemplate=HOVER,
        customdata=[m["custom"] for m in marks],
    )
    present = [g for g in RELIABILITY if g in set(grades)]
    legend = [legend_marker(f"{g}: {meaning_of.get(g, '')}", symbol="square",
                            colour=RELIABILITY_COLOURS[g]) for g in present]
    figure = base_spec(
        [bar, *legend], title=title, height=height or 170 + 34 * len(marks), width=width,
        # the axis says what the bars count in the card's note: a title under a phone's
        # narrow plot ran out of the figure
        xaxis={"showgrid": True, "gridcolor": "#eee",
               "dtick": 1 if max(m["total"] for m in marks) <= 10 else None,
               "fixedrange": True},
        yaxis={"automargin": True, "fixedrange": True},
        legend={"title": {"text": "Reliability (Admiralty): "}, "orientation": "h",
                "yref": "container", "y": 0, "yanchor": "bottom", "x": 0},
        margin={"l": 20, "r": 30, "t": 40 if title else 10, "b": 90},
        bargap=0.35,
    )
    binding = Binding(
        trace=0, marks=len(marks),
        values={"n": Value("facts", [m["rows"] for m in marks]),
                "ev": Value("events", ev_rows), "st": Value("statements", st_rows)},
        sets=[{"attr": "x", "value": "n"},
              {"attr": "hovertext", "template": [m["hover"] for m in marks]}],
        # a source no fact cites keeps its bar of 0: it is declared, and a click opens it
        # (its row stays: bars keep their places and size, an empty row reads "none here")
        hide={"value": "n", "attrs": ["x", "text"], "unfed": "show"})
    return Rules(figure, [binding])


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
    grade. Clicks: ["source", source_id]; a folded bar ["events", its facts' ids].
    The chart of `sources_rules(b)` with every fact selected."""
    rules = sources_rules(b, bars=bars, title=title, height=height, width=width)
    return apply(rules, masks(b, Selection()))
