"""Test fact bases, loaded through the front door.

The fixtures are small YAML articles under `tests/data/fixtures/` (two articles and the
registry of entities they share), read by `briefing.load` like any analyst's article, so
chart, selection and export tests run on frames the loader can produce. `scaled(n)` writes
n copies of them to disk (fact ids then collide across articles and are scoped to their
article, as the loader does for real archives) and loads those. `check(b)` validates every
frame of a Briefing against the contract.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import shutil
import tempfile
from pathlib import Path

import briefing
from briefing.model import COLUMNS, FRAMES, Briefing

FIXTURES = Path(__file__).resolve().parent / "data" / "fixtures"
_SCRATCH = Path(tempfile.mkdtemp(prefix="briefing-scaled-"))


def tiny_briefing() -> Briefing:
    """The two fixture articles with their registry."""
    return briefing.load(FIXTURES)


@functools.cache
def _written(copies: int) -> Path:
    root = _SCRATCH / f"x{copies}"
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    shutil.copy(FIXTURES / "registry.yaml", root / "registry.yaml")
    for folder in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        facts = (folder / "facts.yaml").read_text(encoding="utf-8")
        text = (folder / "article.txt").read_bytes()
        for i in range(copies):
            # Spread the copies over a year, as a real archive would be.
            day = dt.date(2025, 6, 23) - dt.timedelta(days=i % 365)
            mine = re.sub(r"(?m)^  id: (\S+)$", rf"  id: \g<1>-{i}", facts, count=1)
            mine = re.sub(r"(?m)^  published: \S+$", f"  published: {day.isoformat()}", mine,
                          count=1)
            out = root / f"{folder.name}-{i}"
            out.mkdir()
            (out / "facts.yaml").write_text(mine, encoding="utf-8")
            (out / "article.txt").write_bytes(text)
    return root


def scaled(copies: int) -> Briefing:
    """`copies` copies of each fixture article (2 × copies articles), loaded."""
    return briefing.load(_written(copies))


def check(b: Briefing) -> Briefing:
    """Every frame of `b` against the contract (columns in order, pandera schema); a
    failure names the frame and what broke. Returns `b`, so it wraps a fixture."""
    import pandera.pandas as pa

    from briefing.schema import MODELS

    for name in FRAMES:
        df = getattr(b, name)
        assert tuple(df.columns) == COLUMNS[name], (name, tuple(df.columns))
        try:
            MODELS[name].validate(df, lazy=True)
        except pa.errors.SchemaErrors as e:
            raise AssertionError(f"{name} breaks the contract:\n{e.failure_cases}") from None
    return b
