"""What the pickers offer: codebook rows, value sets and the actors already known.

Sent to the browser once when the workbench opens (a few tens of KB), so that choosing a
PLOVER type, a mode, a CAMEO code or a grade never waits for the kernel.
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
    cameo = [{"code": r.cameo_code, "name": r.name, "goldstein": r.goldstein,
              "quad": r.quad_class} for r in cb.cameo.itertuples(index=False)]
    admiralty = {axis: [[g, m] for a, g, m in cb.admiralty.itertuples(index=False) if a == axis]
                 for axis in ("reliability", "credibility")}
    return {
        "plover": [plover[t] for t in cb.plover_types],
        "cameo": cameo,
        "cameo_plover": cameo_to_plover(),
        "admiralty": admiralty,
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
