"""Candidate positions: an actor's own words on an issue the fact base already declares.

A position is analyst judgment (ICD 203): where on the issue's 0–100 scale the actor
stands, how much it matters to it, how sure the analyst is. The drafter never guesses
those; it only points at a statement in which an actor speaks to a declared issue, and
proposes the pair (actor, issue) with that statement as evidence, every judgment left as
the placeholder for the analyst. Issues are never invented: an issue's label and the two
ends of its scale are the analyst's framing of the story.

A statement speaks to an issue when it uses at least two of the content words of the
issue's label (its stems: "Chilean" → "chilea", "quotas" → "quota"), at least one of them
not a place name: a state's name alone is in every statement of a story about it.
"""

from __future__ import annotations

import re
from typing import Any

from briefing.draft.actors import Registry, slug
from briefing.draft.sources import PENDING, TODO

_WORD = re.compile(r"[A-Za-z][A-Za-z’'\-]+")
_STOP = frozenset("""a an and are as at be by for from in into is its level of on or over
    the their to with without about against between than that this which who whether
    degree extent""".split())
_STEM = 6   # letters that make two forms one word: "supports"/"support", "negotiate"/"negotiations"


def _stems(text: str) -> dict[str, str]:
    """Content words of a text by stem: {stem: the word as written}."""
    out: dict[str, str] = {}
    for word in _WORD.findall(text):
        w = re.sub(r"[’']s$", "", word.lower()).replace("-", "")
        if len(w) >= 3 and w not in _STOP:
            out.setdefault(w[:_STEM], re.sub(r"[’']s$", "", word))
    return out


def known_issues(known: Any) -> list[dict[str, Any]]:
    """The declared issues of a Briefing (accepted ones), as facts.yaml writes them."""
    if known is None or not hasattr(known, "issues"):
        return []
    return [{"id": r["issue_id"], "label": r["label"], "scale_0": r["scale_0"],
             "scale_100": r["scale_100"]} for r in known.issues.to_dict("records")]


def _places(reg: Registry) -> set[str]:
    return {f.lower()[:_STEM] for f in reg.gazetteer.forms if " " not in f}


def candidate_positions(statements: list[dict[str, Any]], issues: list[dict[str, Any]],
                        reg: Registry) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(positions, the issues they refer to): one pending position per actor and issue,
    resting on the first statement in which that actor speaks to the issue."""
    if not issues:
        return [], []
    places = _places(reg)
    labels = [(i, _stems(i["label"])) for i in issues]
    out: list[dict[str, Any]] = []
    used: dict[str, dict[str, Any]] = {}
    seen: set[tuple[str, str]] = set()
    for st in statements:
        speaker = reg.actors.get(st["speaker"])
        # An anonymous voice has no stance of its own to place; nor has the outlet
        # reporting a silence.
        if speaker is None or st["attribution"] == "anonymous" or \
                st["reason"].startswith("no comment"):
            continue
        words = _stems(st["text"])
        for issue, label in labels:
            hits = label.keys() & words.keys()
            if len(hits) < 2 or not hits - places or (speaker["id"], issue["id"]) in seen:
                continue
            seen.add((speaker["id"], issue["id"]))
            used[issue["id"]] = issue
            said = ", ".join(sorted(label[h] for h in hits))
            out.append({
                "id": f"pos-{len(out) + 1}-{slug(speaker['id'])}-{issue['id']}"[:64]
                .rstrip("-"),
                "actor": speaker["id"], "issue": issue["id"],
                "position": TODO, "salience": TODO, "confidence": TODO,
                "evidence": list(st["evidence"]), "review": PENDING,
                "reason": f"{st['id']}: {speaker['name']} speaks to the declared issue "
                          f"'{issue['label']}' (words: {said}); where it stands is the analyst's "
                          "judgment",
            })
    return out, list(used.values())
