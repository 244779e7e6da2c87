"""What the pickers offer: the forms, codebook rows, value sets and the known entities.

Sent to the browser once when the workbench opens (a few tens of KB), so that choosing a
PLOVER type, a mode, a CAMEO code or a grade never waits for the kernel. The forms are
data made from the contract (`forms_payload`): the browser has one renderer per input
kind and no form of its own.
"""

from __future__ import annotations

import re
from typing import Any

from briefing import contract as S
from briefing.codebooks import assets_dir, load_codebooks

_C2P = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([a-z_ -]*?)\s*(?:,.*)?)?(?:#.*)?$")
DATE_BASES = {
    "article": "stated in the text",
    "resolved": "a relative date (“on Monday”) resolved against the publication date",
    "context": "from outside the article (say where in the date note); never evidence",
}


def cameo_to_plover() -> dict[str, list[str]]:
    """PLOVER's own CAMEO → [type, mode] table (assets/codebooks/cameo2plover-2021.txt)."""
    out: dict[str, list[str]] = {}
    path = assets_dir() / "codebooks" / "cameo2plover-2021.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _C2P.match(line.strip())
        if m:
            out[m.group(1)] = [m.group(2), (m.group(3) or "").strip()]
    return out


def codebook_payload() -> dict[str, Any]:
    cb = load_codebooks()
    plover: dict[str, dict[str, Any]] = {}
    for row in cb.plover.itertuples(index=False):
        entry = plover.setdefault(row.plover_type, {"type": row.plover_type, "modes": [],
                                                    "quad": row.quad_class, "score": None})
        if row.plover_mode:
            entry["modes"].append({"mode": row.plover_mode, "score": row.score})
        else:
            entry["score"] = row.score
    # `type`: the PLOVER type the loader holds the code to (its own row of PLOVER's table,
    # else its parent's); "" for codes the table leaves out (01x statements, 02x appeals),
    # which the loader accepts under any type.
    cameo = [{"code": r.cameo_code, "name": r.name, "goldstein": r.goldstein,
              "quad": r.quad_class, "type": cb.plover_type_of(r.cameo_code) or ""}
             for r in cb.cameo.itertuples(index=False)]
    admiralty = {axis: [[g, m] for a, g, m in cb.admiralty.itertuples(index=False) if a == axis]
                 for axis in ("reliability", "credibility")}
    return {
        "plover": [plover[t] for t in cb.plover_types],
        "cameo": cameo,
        "cameo_plover": cameo_to_plover(),
        "admiralty": admiralty,
        "placeholder": S.PLACEHOLDER,
        "review": list(S.REVIEW),
        "sets": {"status": S.STATUSES, "date_basis": list(DATE_BASES.items()),
                 "attribution": S.ATTRIBUTIONS, "quote_type": S.QUOTE_TYPES,
                 "confidence": S.CONFIDENCE, "source_kind": S.SOURCE_KINDS,
                 "actor_kind": S.ACTOR_KINDS, "roles": S.ROLES},
    }


def registry_payload(base: Any) -> dict[str, Any]:
    """Actors, sources and issues of the fact base (a Briefing or None), for search."""
    if base is None:
        return {"actors": [], "sources": [], "issues": []}
    actors = [{"id": r.actor_id, "name": r.name, "role": r.role or "", "kind": str(r.kind)}
              for r in base.actors.itertuples(index=False)]
    sources = [{"id": r.source_id, "name": r.name, "reliability": str(r.reliability)}
               for r in base.sources.itertuples(index=False)]
    issues = [{"id": r.issue_id, "label": r.label, "scale_0": r.scale_0,
               "scale_100": r.scale_100} for r in base.issues.itertuples(index=False)]
    return {"actors": actors, "sources": sources, "issues": issues}


def _label(key: str) -> str:
    return key.replace("_", " ")


def forms_payload() -> dict[str, list[dict[str, Any]]]:
    """The workbench's forms, one per kind of item (by its singular), from the contract:
    every YAML key that is edited, in the documented order, with its input kind."""
    cb = load_codebooks()
    grades = {axis: [[g, m] for a, g, m in cb.admiralty.itertuples(index=False) if a == axis]
              for axis in ("reliability", "credibility")}
    frames = [S.FRAMES["articles"], *S.LISTS, S.FRAMES["key_points"]]
    forms: dict[str, list[dict[str, Any]]] = {}
    for frame in frames:
        fields = []
        for c in frame.yaml_cols:
            if c.edit == "none":
                continue
            values: list[Any] = []
            if c.edit == "choice":
                values = [[v, DATE_BASES.get(v, "")] if c.values == S.DATE_BASES else [v, ""]
                          for v in c.values or ()]
            elif c.edit == "grade":
                values = grades.get(c.key, [])
            elif c.edit == "participants":
                values = [[r, ""] for r in S.ROLES]
            fields.append({"key": c.key, "label": _label(c.key), "input": c.edit,
                           "values": values, "hint": c.hint or S.INPUTS[c.edit],
                           "required": c.required, "judgment": c.judgment,
                           "refers": c.refers or ""})
        forms[frame.singular] = fields
    return forms
