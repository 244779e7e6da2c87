"""Where actors are: every ISO 3166-1 country at its capital, and each actor's country.

The table is data (`assets/gazetteer/countries.csv`, one row per ISO 3166-1 alpha-3 code
with its capital's coordinates, shared with the drafter's gazetteer). An actor is placed by
its own country, else its parent's (a minister → his state); a group by its members when
they all share one. What cannot be placed (organisations, unnamed speakers) is listed by
`unplaced`, so a chart can say so instead of dropping it silently.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from briefing.codebooks import assets_dir
from briefing.model import Briefing, blank, memo, plain


@lru_cache(maxsize=1)
def locations() -> pd.DataFrame:
    """iso3 (index), country, capital, lat, lon — every ISO 3166-1 country."""
    t = pd.read_csv(assets_dir() / "gazetteer" / "countries.csv", dtype=str,
                    keep_default_na=False)
    t = t.rename(columns={"name": "country"})[["iso3", "country", "capital", "lat", "lon"]]
    return t.astype({"lat": float, "lon": float}).set_index("iso3")


def actor_countries(b: Briefing) -> pd.Series:
    """actor_id → ISO-3 country: its own, else its parent's (a minister → his state)."""
    return memo(b, "_actor_countries", lambda: _countries(b))


def _countries(b: Briefing) -> pd.Series:
    a = plain(b.actors)
    own = a["country"].where(~blank(a["country"]), None)
    country = dict(zip(a["actor_id"], own, strict=False))
    parent = dict(zip(a["actor_id"], a["parent_id"].where(~blank(a["parent_id"]), None),
                      strict=False))
    out = {}
    for actor in a["actor_id"]:
        c, p, hops = country.get(actor), parent.get(actor), 0
        while c is None and p is not None and hops < 8:
            c, p, hops = country.get(p), parent.get(p), hops + 1
        out[actor] = c
    # A group whose members all sit in one country sits there too.
    for actor, members in zip(a["actor_id"], a["members"], strict=False):
        if out.get(actor) is None and isinstance(members, str) and members:
            homes = {out.get(m) for m in members.split()}
            if len(homes) == 1 and None not in homes:
                out[actor] = homes.pop()
    return pd.Series(out, dtype=object)


def unplaced(b: Briefing) -> pd.DataFrame:
    """The actors a map cannot place: no country, or a code the table lacks."""
    c = actor_countries(b)
    known = set(locations().index)
    where = b.actors["actor_id"].map(c)
    return b.actors[where.isna() | ~where.isin(known)]
