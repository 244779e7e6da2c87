"""Where the network draws its nodes, decided once per fact base.

Focus and context: the OVERVIEW_NODES busiest actors are nodes of their own, the others
are folded into their nearest drawn ancestor (a minister into her state) or into one
"others" node. The places come from the whole fact base, without randomness, so nodes
never jump when filters change.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from briefing.model import Briefing, blank, memo, plain

MAX_NODES = 120  # actors drawn at most (node_limit's default); see OVERVIEW_NODES
OVERVIEW_NODES = 28  # nodes of the overview: the busiest actors, the rest folded into them
OTHERS = "others"  # the node that stands for every folded actor with no node of its own
# Nodes sit on the two sides of an ellipse (angles within ±SIDE_ARC of the horizontal),
# names pointing outwards: a stack of horizontal names never runs into its neighbours,
# as names on the top and bottom of a circle do.
SIDE_ARC = math.radians(62)


@dataclass(frozen=True)
class Layout:
    """Where the network draws what, decided once per fact base: `node` maps every actor to
    the node it is drawn as (itself, its nearest drawn ancestor, or OTHERS), `pos` places
    each node, `side` says where its name goes ("left", "right" or "centre")."""

    node: dict[str, str]
    pos: dict[str, tuple[float, float]]
    side: dict[str, str]
    capped: str = ""


def _activity(b: Briefing) -> pd.Series:
    """Distinct events per actor, busiest first (ties: the actor table's order)."""
    p = b.participants
    counts = p.groupby("actor_id", sort=False)["event_id"].nunique() if len(p) else \
        pd.Series(dtype=int)
    order = [a for a in b.actors["actor_id"] if a in counts.index]
    return counts.reindex(order).sort_values(ascending=False, kind="stable")


def network_layout(b: Briefing, node_limit: int = MAX_NODES) -> Layout:
    """The network's nodes and their places for the fact base `b`, deterministic (no
    random state, no dependence on a selection): the page computes it once on the whole
    fact base so that nodes stay put when filters change. Memoised on `b`."""
    return memo(b, f"_network_layout_{node_limit}", lambda: _layout(b, node_limit))


def _layout(b: Briefing, node_limit: int) -> Layout:
    actors = plain(b.actors)
    parent = dict(zip(actors["actor_id"], actors["parent_id"].where(
        ~blank(actors["parent_id"]), ""), strict=True))
    busy = _activity(b)
    referenced = list(busy.index)
    limit = min(node_limit, OVERVIEW_NODES)
    capped = ""
    if len(referenced) <= limit:
        drawn = list(referenced)
        # people sit next to their states: a state with no act of its own is drawn too
        for a in referenced:
            p = parent.get(a, "")
            while p and p in parent and p not in drawn:
                drawn.append(p)
                p = parent.get(p, "")
        node = {a: a for a in drawn}
    else:
        drawn = referenced[:limit - 1]
        kept = set(drawn)
        node = {a: a for a in drawn}
        for a in referenced[limit - 1:]:
            p = parent.get(a, "")
            while p and p not in kept and p in parent:
                p = parent.get(p, "")
            node[a] = p if p in kept else OTHERS
        drawn.append(OTHERS)
        capped = (f"The {limit - 1} most active of {len(referenced):,} actors; the rest are "
                  "folded into their state or “others”.")
    # Order round the ellipse: by bloc, then by top-level actor (its people beside it).
    bloc = dict(zip(actors["actor_id"], actors["bloc"], strict=True))
    name = dict(zip(actors["actor_id"], actors["name"], strict=True))
    bloc_rank = {bl: i for i, bl in enumerate(b.blocs["bloc_id"])}

    def top(a: str) -> str:
        seen = set()
        while parent.get(a, "") in parent and a not in seen:
            seen.add(a)
            a = parent[a]
        return a

    weight = {a: int(busy.get(a, 0)) for a in drawn}
    group_weight: dict[str, int] = {}
    for a in drawn:
        group_weight[top(a)] = group_weight.get(top(a), 0) + weight[a]

    def key(a: str) -> tuple:
        if a == OTHERS:
            return (1, 0, 0, "", 0, 0, "")
        t = top(a)
        return (0, bloc_rank.get(bloc.get(t, ""), len(bloc_rank)), -group_weight[t],
                name.get(t, t), a != t, -weight[a], name.get(a, a))

    ordered = sorted(drawn, key=key)
    pos: dict[str, tuple[float, float]] = {}
    side: dict[str, str] = {}
    n = len(ordered)
    if n == 1:
        return Layout(node, {ordered[0]: (0.0, 0.0)}, {ordered[0]: "centre"}, capped)
    right = (n + 1) // 2
    for i, a in enumerate(ordered):
        if i < right:  # the right side, top to bottom
            f = (i + 0.5) / right
            angle = SIDE_ARC - 2 * SIDE_ARC * f if right > 1 else 0.0
            side[a] = "right"
        else:  # the left side, bottom to top: the sequence runs round the ellipse
            m = n - right
            f = (i - right + 0.5) / m
            angle = math.pi + SIDE_ARC - 2 * SIDE_ARC * (1 - f) if m > 1 else math.pi
            side[a] = "left"
        pos[a] = (round(math.cos(angle), 6), round(math.sin(angle), 6))
    return Layout(node, pos, side, capped)
