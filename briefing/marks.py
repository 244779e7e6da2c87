"""What each mark of a chart aggregates, declared once as data, and its Python executor.

A chart that follows the selection in the browser is drawn once for the whole fact base
(every mark it can ever show, at fixed places) together with `Rules`: for each mark the
fact rows that feed it, how they are aggregated (count, distinct, sum, mean, newest) and
which of the mark's attributes the result sets (a value, a band of thresholds, a text
template; hidden when nothing feeds it). The browser executes the rules
(`briefing/static/marks.js`) on the masks of `briefing/static/select.js` at every
selection change; `apply` here executes the same rules with numpy for the exports, the PDF
and the tests, and a parity test holds the two together.

Row spaces are the frames `briefing.select.masks` returns, plus `facts`: events, then
statements, then positions (the fact vector evidence points into).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from briefing.select import Masks

SPACES = ("events", "statements", "positions", "participants", "evidence", "facts")
AGGREGATES = ("count", "distinct", "sum", "mean", "newest", "wmedian")
# Which selection fields can change a space's mask (the page derives a chart's redraws
# from the spaces its rules read).
_FACT_FIELDS = ("actors", "articles", "event_types", "statuses", "date_from", "date_to",
                "min_reliability", "focus_events")
SPACE_READS = {"events": _FACT_FIELDS, "statements": _FACT_FIELDS,
               "participants": _FACT_FIELDS, "evidence": _FACT_FIELDS,
               "facts": _FACT_FIELDS, "positions": ("actors", "articles", "focus_events")}
# In a template, {name} is a value's slot and {{ }} are literal braces (fact text may hold
# braces: `template` doubles them).
_SLOT = re.compile(r"\{\{|\}\}|\{(\w+)\}")
_SENTINEL = re.compile("\x00(\\w+)\x00")


def slot(name: str) -> str:
    """A value's place in text that `template` turns into a template."""
    return f"\x00{name}\x00"


def template(text: str) -> str:
    """Text with `slot`s → a template: its own braces doubled, the slots made {name}."""
    text = text.replace("{", "{{").replace("}", "}}")
    return _SENTINEL.sub(lambda g: "{" + g.group(1) + "}", text)


@dataclass(frozen=True)
class Value:
    """One number per mark: `agg` over the selected rows of `space` that feed the mark.

    `rows[m]` lists the rows (positions in the space) feeding mark m. `field` names the
    per-row numbers summed, averaged or taken from the newest row (by `order`); `key` the
    per-row codes counted once each (`distinct`). Field names are keys of `Rules.fields`.
    `newest` without a field is the newest row itself (its position in the space), for a
    `pick`. `wmedian`: of each `group`'s newest row (by `order`), the `field` where half
    the total `weight` lies on either side (`weighted_median`). A mark fed by no selected
    row is 0 (count, distinct, sum) or NaN (mean, newest, wmedian)."""

    space: str
    rows: Sequence[Sequence[int]]
    agg: str = "count"
    field: str | None = None
    key: str | None = None
    order: str | None = None
    # Relative to a focused actor (`Rules.focus`): "focus" keeps only rows of the events
    # the focused actor takes part in (a row's event: the row itself, or `event_of`'s
    # field); "focus_rows" keeps only the focused actor's own rows (none without a focus).
    within: str | None = None
    event_of: str | None = None
    weight: str | None = None
    group: str | None = None

    def __post_init__(self) -> None:
        if self.space not in SPACES:
            raise ValueError(f"unknown row space {self.space!r}; one of {SPACES}")
        if self.agg not in AGGREGATES:
            raise ValueError(f"unknown aggregate {self.agg!r}; one of {AGGREGATES}")


@dataclass(frozen=True)
class Binding:
    """The marks of one trace: `marks` of them, each `points` consecutive points of the
    trace (3 for a line segment drawn as x0, x1, None). `sets` lists what the values
    write: {"attr": "marker.size", "value": "n"} (the number itself),
    + "bands": [t1, t2, …], "choices": [c0, c1, c2, …] (c_i when i thresholds are ≤ n),
    {"attr": "hovertext", "template": [one text per mark with {name} slots], "nan": ""}
    (a slot whose value is NaN reads "nan", else "–"; with "picks": {name: pick} the
    slot's value is a row and reads that row's text in `Rules.picks[pick]`),
    {"attr": "customdata", "value": "r", "pick": "name", "else": x} (the entry of
    `Rules.picks[name]` for row r of the space; x when r is NaN),
    {"attr": "marker.size", "value": "n", "scale": [base, k, "sqrt" | "linear", shift]}.
    A hide may add "band": {"value": "s", "bands": [...], "equals": i} (or a list of
    them): the mark shows only while s falls in band i (one trace per colour band, each
    holding every mark).

    `hide` = {"value": "n", "attrs": ["x", "y"]}: those attributes are None where the
    value is 0 or NaN, so plotly draws nothing there; with "unfed": "show", a mark that
    no row feeds at all (a source no fact cites) stays."""

    trace: int
    marks: int
    values: Mapping[str, Value]
    sets: Sequence[Mapping[str, Any]] = ()
    hide: Mapping[str, Any] | None = None
    points: int = 1
    # a grid of marks (a heatmap's cells, row after row): what the values write is a list
    # of rows of this many marks (0: a flat list)
    columns: int = 0

    def __post_init__(self) -> None:
        if self.columns and (self.hide or self.points != 1):
            raise ValueError("a grid of marks has one point per mark and hides nothing")


@dataclass(frozen=True)
class Rules:
    """A chart for the whole fact base with the rules that make it follow a selection."""

    figure: Mapping[str, Any]
    bindings: Sequence[Binding]
    fields: Mapping[str, np.ndarray] = field(default_factory=dict)
    picks: Mapping[str, Sequence[Any]] = field(default_factory=dict)
    # actor id → (the events it takes part in, the participant rows that stand for it)
    # when it is focused (a click)
    focus: Mapping[str, tuple[Sequence[int], Sequence[int]]] = field(default_factory=dict)
    # an actor focused through another key of `focus` (an actor folded into a node: the
    # node's events and rows)
    focus_alias: Mapping[str, str] = field(default_factory=dict)
    # selection fields that choose which rules apply (the positions chart has one set of
    # rules per issue)
    keyed_by: tuple[str, ...] = ()

    def reads(self) -> tuple[str, ...]:
        """The selection fields whose change can change this chart."""
        out: dict[str, None] = dict.fromkeys(self.keyed_by)
        for bnd in self.bindings:
            for v in bnd.values.values():
                out.update(dict.fromkeys(SPACE_READS[v.space]))
                if v.within:
                    out["focus_actor"] = None
        return tuple(out)


# ------------------------------------------------------------------------ executing
def _space(m: Masks, space: str) -> np.ndarray:
    if space == "facts":
        return np.concatenate([m.events, m.statements, m.positions])
    return getattr(m, space)


def _csr(rows: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
    sizes = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
    ptr = np.zeros(len(rows) + 1, dtype=np.int32)
    np.cumsum(sizes, out=ptr[1:])
    idx = (np.concatenate([np.asarray(r, dtype=np.int32) for r in rows]) if len(rows)
           else np.zeros(0, dtype=np.int32))
    return ptr, idx.astype(np.int32)


@dataclass(frozen=True)
class Focus:
    """A focused actor's events (selected ones) and its own participant rows."""

    events: frozenset[int]
    rows: frozenset[int]


def focus_of(rules: Rules, m: Masks, actor: str | None) -> Focus | None:
    found = rules.focus.get(rules.focus_alias.get(actor, actor)) if actor else None
    if found is None:
        return None
    events, rows = found
    return Focus(frozenset(int(e) for e in events if m.events[e]),
                 frozenset(int(r) for r in rows))


def weighted_median(values: Sequence[float], weights: Sequence[float]) -> float:
    """The value where half the total weight lies on either side (the first, in value
    order, at which the running weight reaches half); the plain median when no weight."""
    order = np.argsort(np.asarray(values, float), kind="stable")
    v, w = np.asarray(values, float)[order], np.asarray(weights, float)[order]
    if not len(v):
        return float("nan")
    cum = np.cumsum(w)
    if cum[-1] <= 0:
        return float(np.median(v))
    return float(v[np.searchsorted(cum, cum[-1] / 2)])


def value_of(v: Value, keep: np.ndarray, fields: Mapping[str, np.ndarray],
             focus: Focus | None = None) -> np.ndarray:
    """The value of every mark (float64) for the rows `keep` flags in `v.space`."""
    ptr, idx = _csr(v.rows)
    out = np.full(len(v.rows), np.nan if v.agg in ("mean", "newest", "wmedian") else 0.0)
    for m in range(len(v.rows)):
        rows = idx[ptr[m]:ptr[m + 1]]
        rows = rows[keep[rows].astype(bool)]
        if v.within == "focus_rows":
            rows = rows[[int(r) in focus.rows for r in rows]] if focus else rows[:0]
        elif v.within == "focus" and focus:
            events = rows if v.event_of is None else fields[v.event_of][rows]
            rows = rows[[int(e) in focus.events for e in events]]
        if v.agg == "count":
            out[m] = len(rows)
        elif v.agg == "distinct":
            out[m] = len(np.unique(fields[v.key][rows]))
        elif not len(rows):
            continue
        elif v.agg == "sum":
            out[m] = float(np.sum(fields[v.field][rows]))
        elif v.agg == "wmedian":  # each group's newest row (the last of greatest order)
            newest: dict[float, int] = {}
            for r in rows.tolist():
                g = float(fields[v.group][r])
                if g not in newest or fields[v.order][r] >= fields[v.order][newest[g]]:
                    newest[g] = r
            chosen = list(newest.values())
            out[m] = weighted_median(fields[v.field][chosen], fields[v.weight][chosen])
        elif v.agg == "mean":  # NaN numbers are left out, as pandas does
            x = fields[v.field][rows]
            x = x[~np.isnan(x)]
            # summed in row order, as the browser does (np.mean sums pairwise)
            out[m] = float(sum(x.tolist()) / len(x)) if len(x) else np.nan
        else:  # newest: the last row of the greatest order
            order = fields[v.order][rows]
            best = rows[len(order) - 1 - int(np.argmax(order[::-1]))]
            out[m] = float(best if v.field is None else fields[v.field][best])
    return out


def _written(spec: Mapping[str, Any], values: Mapping[str, np.ndarray],
             picks: Mapping[str, Sequence[Any]]) -> list[Any]:
    if "template" in spec:
        chosen = spec.get("picks", {})

        def slot_text(name: str, x: float) -> str:
            if name in chosen:  # the value is a row: its text from Rules.picks
                return "" if np.isnan(x) else str(picks[chosen[name]][int(x)])
            return spec["nan"] if np.isnan(x) and "nan" in spec else _number(x)

        def fill(text: str, m: int) -> str:
            return _SLOT.sub(lambda g: g.group(0)[0] if g.group(1) is None
                             else slot_text(g.group(1), values[g.group(1)][m]), text)
        return [fill(t, m) for m, t in enumerate(spec["template"])]
    n = values[spec["value"]]
    if "scale" in spec:  # base + k·(n + shift), or base + k·√(n + shift)
        base, k, how, *shift = spec["scale"]
        y = n + (shift[0] if shift else 0)
        return [None if np.isnan(x) or (how == "sqrt" and x < 0)
                else float(base + k * (np.sqrt(x) if how == "sqrt" else x)) for x in y]
    if "pick" in spec:
        chosen = picks[spec["pick"]]
        return [spec.get("else") if np.isnan(x) else chosen[int(x)] for x in n]
    if "bands" in spec:
        # how many thresholds are ≤ n (none for NaN)
        at = (np.asarray(spec["bands"], dtype=float)[None, :] <= n[:, None]).sum(axis=1)
        return [spec["choices"][int(i)] for i in at]
    return [None if np.isnan(x) else (int(x) if float(x).is_integer() else float(x))
            for x in n]


def _number(x: float) -> str:
    # the same text the browser writes (marks.js `number`)
    if np.isnan(x):
        return "–"
    if float(x).is_integer():
        return str(int(x))
    return f"{np.floor(x * 10 + 0.5) / 10:.1f}"  # halves up, as Math.round does


def _set_path(trace: dict, path: str, marks: list[Any], points: int, columns: int = 0
              ) -> None:
    *parents, last = path.split(".")
    node = trace
    for p in parents:
        node = node.setdefault(p, {})
    flat = [x for x in marks for _ in range(points)]
    node[last] = ([flat[i:i + columns] for i in range(0, len(flat), columns)] if columns
                  else flat)


def _hide(trace: dict, attrs: Iterable[str], gone: np.ndarray, points: int) -> None:
    for attr in attrs:
        *parents, last = attr.split(".")
        node = trace
        for p in parents:
            node = node.setdefault(p, {})
        data = list(node[last])
        for m in np.flatnonzero(gone):
            data[m * points:(m + 1) * points] = [None] * points
        node[last] = data


def apply(rules: Rules, m: Masks, focus_actor: str | None = None) -> dict[str, Any]:
    """The chart for the selection whose masks are `m` (and the actor focused by a click):
    the whole-base figure with every bound attribute recomputed (plain dicts and lists,
    as the page sends a figure)."""
    fig = copy.deepcopy(dict(rules.figure))
    data = fig.setdefault("data", [])
    focus = focus_of(rules, m, focus_actor)
    for bnd in rules.bindings:
        values = {name: value_of(v, _space(m, v.space), rules.fields, focus)
                  for name, v in bnd.values.items()}
        trace = data[bnd.trace]
        for spec in bnd.sets:
            _set_path(trace, spec["attr"], _written(spec, values, rules.picks), bnd.points,
                      bnd.columns)
        if bnd.hide:
            n = values[bnd.hide["value"]]
            gone = np.isnan(n) | (n == 0)
            if bnd.hide.get("unfed") == "show":
                gone &= np.array([len(r) > 0 for r in bnd.values[bnd.hide["value"]].rows],
                                 dtype=bool)
            bands = bnd.hide.get("band") or []
            for band in [bands] if isinstance(bands, Mapping) else bands:
                at = (np.asarray(band["bands"], dtype=float)[None, :]
                      <= values[band["value"]][:, None]).sum(axis=1)
                gone |= at != band["equals"]
            _hide(trace, bnd.hide["attrs"], gone, bnd.points)
    return fig


# ------------------------------------------------------------------------ shipping
class Blob:
    """Arrays for the browser, end to end in one bytes value (one binary buffer on the
    widget comm): `put` returns the reference the browser reads it back by,
    {"buffer": [offset, length, dtype]}."""

    KINDS = {("i", 1): "int8", ("i", 4): "int32", ("i", 8): "int32", ("f", 8): "float64",
             ("b", 1): "int8"}

    def __init__(self) -> None:
        self.data = bytearray()

    def put(self, a: Any) -> dict[str, Any]:
        a = np.ascontiguousarray(a)
        code = self.KINDS[(a.dtype.kind, a.dtype.itemsize)]
        a = a.astype(code)
        self.data.extend(b"\0" * (-len(self.data) % 8))  # typed arrays need aligned offsets
        ref = {"buffer": [len(self.data), len(a), code]}
        self.data.extend(a.tobytes())
        return ref


def pack(rules: Rules, blob: Blob) -> dict[str, Any]:
    """The rules as the browser takes them: JSON whose arrays are references into `blob`.
    The whole-base figure travels apart (it is what the page draws from)."""
    bindings = []
    for bnd in rules.bindings:
        values = {}
        for name, v in bnd.values.items():
            ptr, idx = _csr(v.rows)
            values[name] = {"space": v.space, "agg": v.agg, "field": v.field, "key": v.key,
                            "order": v.order, "within": v.within, "event_of": v.event_of,
                            "weight": v.weight, "group": v.group,
                            "ptr": blob.put(ptr), "idx": blob.put(idx)}
        bindings.append({"trace": bnd.trace, "marks": bnd.marks, "points": bnd.points,
                         "columns": bnd.columns, "values": values, "sets": list(bnd.sets),
                         "hide": bnd.hide})
        trace = rules.figure["data"][bnd.trace]
        for attr in (bnd.hide or {}).get("attrs", ()):
            node = trace
            for part in attr.split("."):
                node = node[part]
            if not isinstance(node, list):  # marks.js edits a list, not an encoded array
                raise TypeError(f"trace {bnd.trace}'s {attr} must be a list to be hidden")
    fields = {k: blob.put(np.asarray(v)) for k, v in rules.fields.items()}
    # a focus per actor: its events and rows as CSR arrays in the blob (as JSON lists they
    # came to ~100 MB at 1,000 articles)
    actors = list(rules.focus)
    focus: dict[str, Any] = {"actors": actors, "alias": dict(rules.focus_alias)}
    for k, part in (("events", 0), ("rows", 1)):
        ptr, idx = _csr([[int(x) for x in rules.focus[a][part]] for a in actors])
        focus[k] = {"ptr": blob.put(ptr), "idx": blob.put(idx)}
    meta = {"bindings": bindings, "fields": fields, "reads": list(rules.reads()),
            "picks": {k: list(v) for k, v in rules.picks.items()}, "focus": focus}
    json.dumps(meta)  # fail here, in Python, on anything the browser could not read
    return meta
