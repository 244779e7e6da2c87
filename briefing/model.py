"""The fact base as a value: frames, codebooks and the problems found while loading."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TypeVar

import pandas as pd

from briefing import contract
from briefing.problems import FactError as FactError  # re-exported: `briefing.FactError`
from briefing.problems import Problem

# Frame names in the contract's order.
FRAMES = tuple(contract.FRAMES)
COLUMNS = contract.COLUMNS


@dataclass(frozen=True)
class Briefing:
    """All frames of a fact base. Frames are pandas DataFrames; treat them as read-only."""

    articles: pd.DataFrame
    sources: pd.DataFrame
    actors: pd.DataFrame
    events: pd.DataFrame
    participants: pd.DataFrame
    statements: pd.DataFrame
    issues: pd.DataFrame
    positions: pd.DataFrame
    evidence: pd.DataFrame
    sentences: pd.DataFrame
    key_points: pd.DataFrame = field(default_factory=lambda: empty_frame("key_points"))
    blocs: pd.DataFrame = field(default_factory=lambda: empty_frame("blocs"))
    cameo: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)
    plover: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)
    admiralty: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)
    problems: tuple[Problem, ...] = ()
    # Things worth knowing that did not stop the load (an entity declared differently).
    warnings: tuple[Problem, ...] = ()

    def frames(self) -> dict[str, pd.DataFrame]:
        """The fact frames by name (codebooks excluded)."""
        return {name: getattr(self, name) for name in FRAMES}

    def counts(self) -> dict[str, int]:
        return {name: len(frame) for name, frame in self.frames().items()}

    def with_frames(self, **frames: pd.DataFrame) -> Briefing:
        """A copy with some frames replaced (used by selection)."""
        return replace(self, **frames)

    def __repr__(self) -> str:
        counts = ", ".join(f"{k}={v}" for k, v in self.counts().items())
        return f"Briefing({counts}, problems={len(self.problems)})"


def empty_frame(name: str) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS[name]})


T = TypeVar("T")


def memo(b: Briefing, name: str, build: Callable[[], T]) -> T:
    """A value derived from `b` alone, built once and kept on the Briefing value (frames
    are read-only; a selection is a new Briefing), the way `functools.cached_property`
    would: charts drawn from the same selection share work, with no module-level cache."""
    d = b.__dict__
    if name not in d:
        d[name] = build()
    return d[name]


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with categorical columns as plain objects, so text can be joined."""
    cats = [c for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)]
    return frame.astype(dict.fromkeys(cats, object)) if cats else frame


def blank(values: pd.Series) -> pd.Series:
    """True where an optional text field is empty (the loader may give "" or NA)."""
    return values.isna() | (values.astype("string").fillna("") == "")
