"""The contract in code: value sets and one pandera model per frame.

`load` checks each fact field by field while reading YAML (so a message can carry the
YAML line), then validates every assembled frame against these models. The models are
what the rest of the package (and `@pa.check_types` users) may rely on.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

# The value sets are part of the contract; they live in a pandera-free module and are
# re-exported here.
from briefing.valuesets import (  # noqa: F401
    ACTOR_KINDS,
    ATTRIBUTIONS,
    BASIS,
    CATEGORIES,
    CONFIDENCE,
    CREDIBILITY,
    DATE_BASES,
    DATE_PRECISIONS,
    FACT_KINDS,
    ID_COLUMN,
    ID_PATTERN,
    ORDERED,
    PLOVER_TYPES,
    QUAD_CLASSES,
    QUOTE_TYPES,
    RELIABILITY,
    ROLES,
    SOURCE_KINDS,
    STATUSES,
)


def _cat(frame: str, column: str, **kwargs) -> object:
    """A Field for a categorical column holding exactly the value set's categories."""
    categories = list(CATEGORIES[frame][column])
    ordered = (frame, column) in ORDERED
    return pa.Field(dtype_kwargs={"categories": categories, "ordered": ordered}, **kwargs)


class _Model(pa.DataFrameModel):
    class Config:
        # The loader keeps a few private `_`-columns (file, line) while validating;
        # `load` checks the final column list against COLUMNS itself.
        strict = False
        coerce = False


Cat = Series[pd.CategoricalDtype]


class Articles(_Model):
    article_id: Series[str] = pa.Field(str_matches=ID_PATTERN, unique=True)
    title: Series[str] = pa.Field(str_length={"min_value": 1})
    outlet: Series[str]
    published: Series[pa.DateTime]
    language: Series[str] = pa.Field(str_matches=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")
    text: Series[str] = pa.Field(str_length={"min_value": 1})
    published_basis: Cat = _cat("articles", "published_basis")
    folder: Series[str]


class Sources(_Model):
    source_id: Series[str] = pa.Field(str_matches=ID_PATTERN, unique=True)
    name: Series[str] = pa.Field(str_length={"min_value": 1})
    kind: Cat = _cat("sources", "kind")
    reliability: Cat = _cat("sources", "reliability")
    note: Series[str]


class Actors(_Model):
    actor_id: Series[str] = pa.Field(str_matches=ID_PATTERN, unique=True)
    name: Series[str] = pa.Field(str_length={"min_value": 1})
    kind: Cat = _cat("actors", "kind")
    country: Series[str] = pa.Field(str_matches=r"^([A-Z]{3})?$")
    parent_id: Series[str] = pa.Field(str_matches=r"^([a-z][a-z0-9-]{0,63})?$")
    role: Series[str]
    bloc: Series[str] = pa.Field(str_length={"min_value": 1})


class Events(_Model):
    event_id: Series[str] = pa.Field(str_matches=ID_PATTERN, unique=True)
    article_id: Series[str]
    date: Series[pa.DateTime] = pa.Field(nullable=True)
    date_precision: Cat = _cat("events", "date_precision", nullable=True)
    date_basis: Cat = _cat("events", "date_basis", nullable=True)
    plover_type: Cat = _cat("events", "plover_type")
    plover_mode: Series[str]
    cameo_code: Series[str] = pa.Field(str_matches=r"^\d{2,4}$")
    goldstein: Series[float] = pa.Field(ge=-10, le=10)
    status: Cat = _cat("events", "status")
    source_id: Series[str]
    credibility: Series[int] = pa.Field(isin=list(CREDIBILITY))
    summary: Series[str] = pa.Field(str_length={"min_value": 1})
    date_note: Series[str]
    cameo_name: Series[str]
    plover_score: Series[float] = pa.Field(ge=-10, le=10)
    quad_class: Cat = _cat("events", "quad_class")

    @pa.dataframe_check
    @classmethod
    def date_and_precision_together(cls, df: pd.DataFrame) -> Series[bool]:
        return df["date"].isna() == df["date_precision"].isna()


class Participants(_Model):
    event_id: Series[str]
    actor_id: Series[str]
    role: Cat = _cat("participants", "role")

    class Config:
        unique = ["event_id", "actor_id", "role"]


class Statements(_Model):
    statement_id: Series[str] = pa.Field(str_matches=ID_PATTERN, unique=True)
    article_id: Series[str]
    speaker_id: Series[str]
    event_id: Series[str]  # "" when the statement belongs to no event
    source_id: Series[str]
    attribution: Cat = _cat("statements", "attribution")
    quote_type: Cat = _cat("statements", "quote_type")
    text: Series[str] = pa.Field(str_length={"min_value": 1})


class Issues(_Model):
    issue_id: Series[str] = pa.Field(str_matches=ID_PATTERN, unique=True)
    label: Series[str] = pa.Field(str_length={"min_value": 1})
    scale_0: Series[str] = pa.Field(str_length={"min_value": 1})
    scale_100: Series[str] = pa.Field(str_length={"min_value": 1})


class Positions(_Model):
    position_id: Series[str] = pa.Field(str_matches=ID_PATTERN, unique=True)
    article_id: Series[str]
    actor_id: Series[str]
    issue_id: Series[str]
    position: Series[float] = pa.Field(ge=0, le=100)
    salience: Series[float] = pa.Field(ge=0, le=100)
    confidence: Cat = _cat("positions", "confidence")
    rationale: Series[str]
    basis: Series[str] = pa.Field(isin=[BASIS])


class Evidence(_Model):
    evidence_id: Series[str] = pa.Field(str_matches=r"^[a-z][a-z0-9-]{0,63}#[1-9]\d*$",
                                        unique=True)
    fact_id: Series[str]
    fact_kind: Cat = _cat("evidence", "fact_kind")
    article_id: Series[str]
    start: Series[int] = pa.Field(ge=0)
    end: Series[int] = pa.Field(ge=1)
    quote: Series[str] = pa.Field(str_length={"min_value": 1})
    sentence_id: Series[str]

    @pa.dataframe_check
    @classmethod
    def span_matches_quote(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["end"] - df["start"]) == df["quote"].str.len()


class Sentences(_Model):
    sentence_id: Series[str] = pa.Field(unique=True)
    article_id: Series[str]
    index: Series[int] = pa.Field(ge=0)
    start: Series[int] = pa.Field(ge=0)
    end: Series[int] = pa.Field(ge=1)
    text: Series[str] = pa.Field(str_length={"min_value": 1})
    is_heading: Series[bool]


class KeyPoints(_Model):
    article_id: Series[str]
    point: Series[int] = pa.Field(ge=1)
    text: Series[str] = pa.Field(str_length={"min_value": 1})
    fact_ids: Series[str] = pa.Field(str_length={"min_value": 1})


MODELS: dict[str, type[pa.DataFrameModel]] = {
    "articles": Articles,
    "sources": Sources,
    "actors": Actors,
    "events": Events,
    "participants": Participants,
    "statements": Statements,
    "issues": Issues,
    "positions": Positions,
    "evidence": Evidence,
    "sentences": Sentences,
    "key_points": KeyPoints,
}

# The columns that name a row in problem messages.
