"""Test helper: a 'machine draft' made from a hand-coded facts.yaml.

Stands in for the drafter's output in tests only: every fact gets `review: pending` and a
`reason`, as the drafter marks its suggestions. Never used by the product.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from briefing import contract as C

HERE = Path(__file__).resolve().parent
RURITANIA = HERE / "data" / "articles" / "fictional-ruritania"
# The lists a drafter marks for review: those whose items carry a `review` key.
KINDS = tuple(f.list for f in C.LISTS if "review" in f.key_order)


def pending_draft(folder: Path = RURITANIA) -> dict[str, Any]:
    doc = yaml.safe_load((folder / "facts.yaml").read_text(encoding="utf-8"))
    for kind in KINDS:
        for fact in doc.get(kind) or []:
            fact["review"] = C.PENDING
            fact["reason"] = f"test draft: copied from the hand-coded {kind[:-1]}"
    return doc


def article_copy(tmp: Path, folder: Path = RURITANIA) -> Path:
    """A fresh copy of the article text alone (no facts.yaml): a new article to code."""
    out = tmp / "incoming"
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(folder / "article.txt", out / "ruritania.txt")
    return out / "ruritania.txt"


def write_draft(tmp: Path, folder: Path = RURITANIA) -> Path:
    path = tmp / "draft.yaml"
    path.write_text(yaml.safe_dump(pending_draft(folder), sort_keys=False, allow_unicode=True),
                    encoding="utf-8")
    return path
