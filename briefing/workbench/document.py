"""The facts document's rules, from the contract: its lists, their singular names, the
template of a fact the analyst adds, which entities a fact refers to, renaming an id with
its references, and the grades of an analyst judgment.

Everything here is read off `briefing.contract` (each frame's YAML list and singular,
each key's input kind, `refers`, `judgment` and `start`): nothing retypes the format.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from typing import Any

from briefing import contract as C

# The lists of a facts.yaml, in the documented order.
KINDS = tuple(f.list for f in C.LISTS if f.list)
SINGULAR = {f.list: f.singular for f in C.LISTS if f.list}
# Lists whose items are facts with evidence; the others are entities that facts refer to.
FACT_KINDS = C.FACT_LISTS
ENTITY_KINDS = C.REGISTRY_LISTS
STATUSES = C.REVIEW
ARTICLE = "article"
# Bookkeeping keys of a suggestion, never saved.
REVIEW_KEYS = tuple(c.key for c in C.FRAMES["events"].cols
                    if c.key in ("review", "reason"))
_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(words: str, *, prefix: str = "", limit: int = 40) -> str:
    """A readable id from words: lower-case ASCII, digits and '-', starting with a letter."""
    ascii_words = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode()
    slug = _SLUG.sub("-", ascii_words.lower()).strip("-")[:limit].strip("-")
    slug = f"{prefix}{slug}" if prefix else slug
    if not slug or not slug[0].isalpha():
        slug = f"x-{slug}".strip("-")
    return slug[:64]


# Id prefixes of the facts an analyst adds: "ev-…" reads as an event in any list.
_PREFIX = {"events": "ev-", "statements": "st-", "positions": "pos-"}


def singular(kind: str) -> str:
    return ARTICLE if kind == ARTICLE else SINGULAR[kind]


def new_fact(kind: str, quote: str, evidence: Any, taken: set[str]) -> dict[str, Any]:
    """A fact made by the analyst from selected words, from the contract: its label says
    the words, the keys it must have start as declared or as the placeholder."""
    frame = C.BY_LIST[kind]
    base = slugify(quote, prefix=_PREFIX.get(kind, ""), limit=32)
    fact_id, n = base, 2
    while fact_id in taken:
        fact_id, n = f"{base}-{n}", n + 1
    fact: dict[str, Any] = {"id": fact_id}
    for c in frame.yaml_cols:
        if c.edit in ("id", "none"):
            continue
        if c.key == "evidence":
            fact[c.key] = [evidence]
        elif c.key == frame.label and c.required:
            fact[c.key] = quote
        elif c.start is not None:
            fact[c.key] = copy.deepcopy(c.start)
        elif c.required or c.judgment:
            fact[c.key] = C.PLACEHOLDER
    return fact


def grade_col(kind: str) -> C.Col | None:
    if kind not in C.BY_LIST:
        return None
    return next((c for c in C.BY_LIST[kind].yaml_cols if c.edit == "grade"), None)


def grades(col: C.Col) -> tuple[Any, ...]:
    """A grade column's grades in rank order: its value set, else its integer range."""
    if col.values:
        return col.values
    return tuple(range(int(col.lo or 0), int(col.hi or 0) + 1))


def awaits_judgment(kind: str, fact: dict[str, Any]) -> bool:
    """Whether a fact (not rejected) still holds the placeholder in a judgment key."""
    if kind not in C.BY_LIST or fact.get("review") == C.REJECTED:
        return False
    return any(c.judgment and fact.get(c.key) == C.PLACEHOLDER
               for c in C.BY_LIST[kind].yaml_cols)


def keeps_empty(kind: str) -> set[str]:
    """Keys whose empty value is written as "" (an outlet not named, no PLOVER mode)."""
    frame = C.FRAMES["articles"] if kind == ARTICLE else C.BY_LIST[kind]
    return {c.key for c in frame.cols if c.key and c.start == ""}


def _named(value: Any) -> set[str]:
    """The ids a referring value names: one id, a list of them, or lists by role."""
    if isinstance(value, str):
        return {value} if value else set()
    if isinstance(value, list):
        return {v for v in value if isinstance(v, str)}
    if isinstance(value, dict):
        return set().union(*(_named(v) for v in value.values())) if value else set()
    return set()


def _refs(kind: str) -> list[C.Col]:
    return [c for c in C.BY_LIST[kind].yaml_cols if c.refers]


def references(keep: dict[str, Any], doc: dict[str, Any]) -> dict[str, set[str]]:
    """Ids of the entities that the kept facts name, and those these entities name in
    turn (a minister brings the state, a relay the source it relays), by the contract's
    `refers`."""
    used: dict[str, set[str]] = {k: set() for k in ENTITY_KINDS}
    for kind in FACT_KINDS:
        for f in keep.get(kind) or []:
            for c in _refs(kind):
                if c.refers in used:
                    used[c.refers] |= _named(f.get(c.key))
    index = {k: {f.get("id"): f for f in doc.get(k) or []} for k in ENTITY_KINDS}
    frontier = {k: used[k] | {f.get("id") for f in keep.get(k) or []} for k in ENTITY_KINDS}
    for k in ENTITY_KINDS:
        used[k] |= frontier[k]
    while any(frontier.values()):
        found: dict[str, set[str]] = {k: set() for k in ENTITY_KINDS}
        for kind, ids in frontier.items():
            for i in ids:
                f = index[kind].get(i)
                for c in _refs(kind) if f else ():
                    if c.refers in used:
                        found[c.refers] |= _named(f.get(c.key)) - used[c.refers]
        for k in ENTITY_KINDS:
            used[k] |= found[k]
        frontier = found
    return used


def rename(doc: dict[str, Any], kind: str, old: str, new: str) -> int:
    """Rename every reference to `kind` item `old` (the contract's `refers`); returns how
    many values changed."""
    def swap(value: Any) -> Any:
        if value == old:
            return new
        if isinstance(value, list):
            return [swap(v) for v in value]
        if isinstance(value, dict):
            return {k: swap(v) for k, v in value.items()}
        return value

    targets = {kind, "facts"} if kind in FACT_KINDS else {kind}
    changed = 0
    places = [(C.BY_LIST[k], f) for k in KINDS for f in doc.get(k) or []]
    article = doc.get(ARTICLE) or {}
    places += [(C.FRAMES["key_points"], p) for p in article.get("key_points") or []
               if isinstance(p, dict)]
    for frame, f in places:
        for c in frame.yaml_cols:
            if c.refers in targets and c.key in f:
                value = swap(f[c.key])
                if value != f[c.key]:
                    f[c.key] = value
                    changed += 1
    return changed
