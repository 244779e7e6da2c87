"""Live validation: the loader's own problems for the facts as they would be saved.

The facts are written to a private temporary folder with the article text and loaded
with `briefing.load(errors="raise")`, so the analyst reads exactly what
`python -m briefing validate` will say, with file, line, fact id and field (the file
named is the facts.yaml that Save will write). Ids already used elsewhere in the base are
checked here as well, because the temporary folder holds this article alone.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from briefing.model import FactError, Problem
from briefing.workbench.review import FACT_KINDS, KINDS, SINGULAR, TODO
from briefing.workbench.store import FACTS, TEXT, dump_facts


def validate(text: str, facts: dict[str, Any], *, target: Path,
             base_ids: dict[str, str] | None = None) -> list[Problem]:
    """Every problem the loader finds in `facts` (as Save would write them to `target`)."""
    import briefing

    problems = awaiting(facts, target)
    with tempfile.TemporaryDirectory(prefix="briefing-review-") as tmp:
        folder = Path(tmp) / (target.name or "article")
        folder.mkdir()
        (folder / TEXT).write_text(text, encoding="utf-8", newline="")
        (folder / FACTS).write_text(dump_facts(facts), encoding="utf-8", newline="")
        try:
            briefing.load(folder, errors="raise", cache=False)
        except FactError as e:
            problems += [_relocate(p, folder, target) for p in e.problems]
        except Exception as e:  # noqa: BLE001 - a loader bug must not break the workbench
            problems.append(Problem(str(target / FACTS), "", "",
                                    f"the loader failed: {type(e).__name__}: {e}"))
    for kind in FACT_KINDS:
        for f in facts.get(kind) or []:
            other = (base_ids or {}).get(f.get("id"))
            if other:
                problems.append(Problem(str(target / FACTS), str(f.get("id")), "id",
                                        f"id is already used in {other}: choose another"))
    # The loader reports the TODO values too ("'TODO' is not one of …"); ours say it
    # plainly, so drop the loader's duplicate for the same fact and field.
    ours = {(p.fact_id, p.field) for p in problems if p.message.startswith("awaiting")}
    seen: set[tuple[str, str, str]] = set()
    out = []
    for p in problems:
        key = (p.fact_id, p.field, p.message)
        if key in seen or ((p.fact_id, p.field) in ours and not p.message.startswith("awaiting")
                           and TODO in p.message):
            continue
        seen.add(key)
        out.append(p)
    return out


def awaiting(facts: dict[str, Any], target: Path) -> list[Problem]:
    """Fields still holding the drafter's `TODO`: the analyst's to fill."""
    out = []
    for kind in KINDS:
        for f in facts.get(kind) or []:
            for key, value in f.items():
                if value == TODO or (isinstance(value, list) and TODO in value) or (
                        isinstance(value, dict)
                        and any(v == TODO or (isinstance(v, list) and TODO in v)
                                for v in value.values())):
                    out.append(Problem(str(target / FACTS), str(f.get("id", "")), key,
                                       f"awaiting the analyst: fill in the {SINGULAR[kind]}'s "
                                       f"{key}"))
    return out


def _relocate(p: Problem, tmp: Path, target: Path) -> Problem:
    file = p.file.replace(str(tmp), str(target))
    return Problem(file, p.fact_id, p.field, p.message.replace(str(tmp), str(target)), p.line)
