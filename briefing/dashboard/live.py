"""The live selection's state: the fact base's selection index
(`briefing.select.page_arrays`) and the rules of every live chart (`briefing.marks`), one
binary buffer and the JSON that points into it. The widget that carries them to the
browser is `live_widget.LiveSelection`, built from this state as the page plan stores it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from briefing.channels import events_behind
from briefing.marks import Blob, Rules, pack
from briefing.model import Briefing
from briefing.select import day_number, page_arrays
from briefing.widgets import figure_to_dict
from briefing.words import PLOVER_WORDS, names


def behind(b: Briefing, figures: Sequence[Mapping[str, Any]]) -> dict[str, dict[str, list[str]]]:
    """The events behind each aggregated link the live charts carry as a key (a click on it
    selects those the selection shows: `events_behind`, in the browser)."""
    out: dict[str, dict[str, list[str]]] = {"edge": {}, "channel": {}}
    for fig in figures:
        for t in fig.get("data", []):
            for cd in t.get("customdata") or []:
                if isinstance(cd, list | tuple) and len(cd) >= 2 and isinstance(cd[0], str) \
                        and cd[0] in out:
                    key = str(cd[1])
                    out[cd[0]][key] = list(events_behind(b, cd[0], tuple(key.split())))
    return out


def live_state(b: Briefing, *, options: Mapping[str, Sequence[Any]],
               charts: Mapping[tuple[str, str | None], Rules], page_key: str,
               key_points: Sequence[Sequence[Any]]) -> tuple[dict[str, Any], bytes]:
    """The live selection's state for `b`: (meta, blob). `options` are the controls' values
    in widget order; `charts` each live chart's rules by (name, issue); a chart's key on the
    page is `<page_key>-<name>`; `key_points` are [ids, article_id] in button order."""
    blob = Blob()
    index, arrays = page_arrays(b)
    meta = {
        "index": index,
        # the status line's words (Selection.describe): names, titles, event types
        "words": {"actors": names(b),
                  "articles": dict(zip(b.articles["article_id"], b.articles["title"],
                                       strict=False)),
                  "types": dict(PLOVER_WORDS)},
        "arrays": {k: blob.put(v) for k, v in arrays.items()},
        "options": {k: [day_number(x) if k == "dates" else x for x in v]
                    for k, v in options.items()},
        "charts": [{"key": f"{page_key}-{name}", "issue": issue,
                    "figure": figure_to_dict(dict(r.figure)), "rules": pack(r, blob)}
                   for (name, issue), r in charts.items()],
    }
    meta["behind"] = behind(b, [c["figure"] for c in meta["charts"]])
    meta.update({"page_key": page_key, "key_points": [list(p) for p in key_points]})
    return meta, bytes(blob.data)
