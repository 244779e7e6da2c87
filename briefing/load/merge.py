"""Many articles, one fact base: what happens to records before they become frames.

- **Fact ids are scoped to their article.** An event, statement or position id used by
  two articles is a coincidence, not a clash: every copy becomes `<article>/<id>`, and the
  references inside its own article (participants, evidence, a statement's event, key
  points) follow it. An id used once keeps its plain form.
- **Entities are declared once, or agree to differ.** An actor, source, issue or bloc may be
  declared in the registry and again in articles. One declaration wins — the registry's,
  else the newest article's (by publication date) — and takes what it leaves out from the
  others, in that order; where two give different values, a warning names the entity,
  both files and each differing field with both values. Nothing is dropped, and no
  article is blamed for it.

Parses come from the cache and are shared: nothing here changes them in place.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from briefing.load.parse import HIDDEN, ArticleParse
from briefing.model import Problem

_FACTS = (("events", "event_id"), ("statements", "statement_id"),
          ("positions", "position_id"))
ENTITIES = (("sources", "source_id"), ("actors", "actor_id"), ("issues", "issue_id"),
            ("blocs", "bloc_id"))
# Fields that may differ between declarations without a warning.
_QUIET = {"reason"}


def order(parses: list[ArticleParse]) -> list[ArticleParse]:
    """The registry first, then articles oldest first (a later one is the newer)."""
    return sorted(parses, key=lambda p: (not p.registry, p.published or "9999-99-99",
                                         p.folder))


def scope_fact_ids(parses: list[ArticleParse]) -> list[ArticleParse]:
    """Copies of the parses in which a fact id used by several articles is qualified."""
    users: dict[str, set[str]] = defaultdict(set)
    for p in parses:
        for frame, col in _FACTS:
            for r in p.records[frame]:
                users[r[col]].add(p.folder)
    shared = {fid for fid, folders in users.items() if len(folders) > 1}
    if not shared:
        return parses
    return [_qualified(p, shared) if any(
        r[col] in shared for frame, col in _FACTS for r in p.records[frame]) else p
        for p in parses]


def _qualified(p: ArticleParse, shared: set[str]) -> ArticleParse:
    prefix = f"{p.article_id}/"

    def q(fid: Any) -> Any:
        return prefix + fid if isinstance(fid, str) and fid in shared else fid

    mine = {r[col] for frame, col in _FACTS for r in p.records[frame]}
    shared = shared & mine  # only this article's own facts are renamed
    records = dict(p.records)
    for frame, col in _FACTS:
        records[frame] = [{**r, col: q(r[col])} for r in p.records[frame]]
    records["statements"] = [{**r, "event_id": q(r["event_id"])}
                             for r in records["statements"]]
    records["participants"] = [{**r, "event_id": q(r["event_id"])}
                               for r in p.records["participants"]]
    records["evidence"] = [{**r, "fact_id": q(r["fact_id"])} if r["fact_kind"] != "source"
                           else r for r in p.records["evidence"]]
    records["key_points"] = [{**r, "fact_ids": " ".join(q(x) for x in r["fact_ids"].split())}
                             for r in p.records["key_points"]]
    return ArticleParse(p.folder, p.article_id, records, p.problems, p.published,
                        p.registry)


def merge_entities(parses: list[ArticleParse]
                   ) -> tuple[dict[str, list[dict[str, Any]]], list[Problem]]:
    """One record per entity id, chosen by precedence, and a warning per disagreement.

    `parses` must be in `order()`: the registry first, then oldest to newest.
    """
    chosen: dict[str, list[dict[str, Any]]] = {}
    warnings: list[Problem] = []
    for frame, col in ENTITIES:
        by_id: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for p in parses:
            seen_here: set[str] = set()
            for r in p.records[frame]:
                # A second declaration in the same file is a plain duplicate; the first
                # stays and the copy is reported by the assembly as a duplicate id.
                if r[col] in seen_here:
                    by_id[r[col]].append({**r, "_duplicate": True})
                    continue
                seen_here.add(r[col])
                by_id[r[col]].append({**r, "_registry": p.registry})
        rows = []
        for declarations in by_id.values():
            firsts = [r for r in declarations if not r.get("_duplicate")]
            dups = [r for r in declarations if r.get("_duplicate")]
            registry = [r for r in firsts if r["_registry"]]
            ranked = [*registry, *reversed([r for r in firsts if not r["_registry"]])]
            winner = ranked[0]
            why = "the registry's" if registry else "the newest article's"
            for other in firsts:
                if other is winner:
                    continue
                diff = _differences(winner, other)
                if diff:
                    warnings.append(Problem(
                        other["_file"], other[col], ", ".join(k for k, _, _ in diff),
                        f"declared differently here than in {winner['_file']} "
                        f"({why} declaration is used): "
                        + "; ".join(f"{k}: {b!r} here, {a!r} there" for k, a, b in diff),
                        other["_line"]))
            rows.append(_clean(_filled(winner, ranked[1:])))
            rows.extend(_clean(r) for r in dups)
        chosen[frame] = rows
    return chosen, warnings


def _differences(a: dict[str, Any], b: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    # A field one declaration leaves out is silence, not disagreement.
    return [(k, a.get(k), b.get(k)) for k in a
            if not k.startswith("_") and k not in _QUIET and k not in HIDDEN
            and _norm(a.get(k)) != "" and _norm(b.get(k)) != ""
            and _norm(a.get(k)) != _norm(b.get(k))]


def _filled(winner: dict[str, Any], others: list[dict[str, Any]]) -> dict[str, Any]:
    """The winning declaration, with the fields it leaves out taken from the next one that
    gives them (in the same order of precedence)."""
    out = dict(winner)
    for k, v in winner.items():
        if k.startswith("_") or k in HIDDEN or _norm(v) != "":
            continue
        for other in others:
            if _norm(other.get(k)) != "":
                out[k] = other[k]
                break
    return out


def _norm(v: Any) -> Any:
    return "" if v is None else v


def _clean(r: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in r.items() if k not in ("_registry", "_duplicate")}
