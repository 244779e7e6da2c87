"""The drafter on odd text: pieces of real articles cut anywhere, shuffled lines, stray
quote marks. It must not fail, and every quote it gives must be in the text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from briefing.draft import draft
from briefing.text import locate

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(
    [*ROOT.glob("assets/articles/*/article.txt"), *ROOT.glob("tests/data/articles/*/article.txt"),
     ROOT / "tests/data/draft/article.txt"])]


def _variants(seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for text in TEXTS:
        a, b = sorted(rng.sample(range(len(text)), 2))
        out.append(text[a:b])                                   # cut anywhere
        lines = text.splitlines(keepends=True)
        rng.shuffle(lines)
        out.append("".join(lines))                              # paragraphs reordered
        out.append(text.replace("”", "", 1).replace(".", "", 3))  # an unclosed quote
        out.append(text.replace("\n", " "))                     # one long paragraph
    return out


@pytest.mark.parametrize("seed", range(5))
def test_every_quote_of_every_draft_is_in_its_text(seed):
    for text in _variants(seed):
        if not text.strip():
            continue
        d = draft(text, published="2025-06-23", known=None)
        for kind in ("sources", "events", "statements"):
            for fact in d[kind]:
                for q in fact.get("evidence", []):
                    quote, occ = (q, None) if isinstance(q, str) else (q["quote"],
                                                                       q["occurrence"])
                    assert not isinstance(locate(text, quote, occ), str), (fact["id"], quote)
        ids = [f["id"] for kind in ("sources", "actors", "events", "statements")
               for f in d[kind]]
        assert len(ids) == len(set(ids))
