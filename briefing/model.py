"""The fact base as a value: frames, codebooks and the problems found while loading."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

import pandas as pd

# Frame names in the order the contract lists them (DATA_MODEL.md); `sentences` is ours.
FRAMES = (
    "articles",
    "sources",
    "actors",
    "events",
    "participants",
    "statements",
    "issues",
    "positions",
    "evidence",
    "sentences",
    "key_points",
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located as precisely as we can."""

    file: str
    fact_id: str
    field: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.fact_id or '-'}: {self.field or '-'}: {self.message}"


class FactError(ValueError):
    """Raised by `load` with every problem found, one per line."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in the fact base:"
        super().__init__("\n".join([head, *(str(p) for p in self.problems)]))


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
    cameo: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)
    plover: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)
    admiralty: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)
    problems: tuple[Problem, ...] = ()

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


def frame_names() -> list[str]:
    return [f.name for f in fields(Briefing) if f.name in FRAMES]


# Columns of every frame, in order. The contract's columns come first; ours follow.
COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("article_id", "title", "outlet", "published", "language", "text",
                 "published_basis", "folder"),
    "sources": ("source_id", "name", "kind", "reliability", "note"),
    "actors": ("actor_id", "name", "kind", "country", "parent_id", "role", "bloc"),
    "events": ("event_id", "article_id", "date", "date_precision", "date_basis",
               "plover_type", "plover_mode", "cameo_code", "goldstein", "status",
               "source_id", "credibility", "summary", "date_note", "cameo_name",
               "plover_score", "quad_class"),
    "participants": ("event_id", "actor_id", "role"),
    "statements": ("statement_id", "article_id", "speaker_id", "event_id", "source_id",
                   "attribution", "quote_type", "text"),
    "issues": ("issue_id", "label", "scale_0", "scale_100"),
    "positions": ("position_id", "article_id", "actor_id", "issue_id", "position",
                  "salience", "confidence", "rationale", "basis"),
    "evidence": ("evidence_id", "fact_id", "fact_kind", "article_id", "start", "end",
                 "quote", "sentence_id"),
    "sentences": ("sentence_id", "article_id", "index", "start", "end", "text",
                  "is_heading"),
    # The analyst's headline points for an article, each resting on facts (space-separated).
    "key_points": ("article_id", "point", "text", "fact_ids"),
}


def empty_frame(name: str) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS[name]})
