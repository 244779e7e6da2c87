"""Pandera schemas for every frame, built from `briefing.contract`.

`load` checks each fact field by field while reading YAML (so a message can carry the
YAML line), then validates every assembled frame against these schemas as the contract
check. Both read the same declarations, so they cannot disagree. Use them in your own
code as `briefing.schema.MODELS["events"].validate(df)`.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from briefing.contract import FRAMES, Col, Frame

_TYPES = {"str": str, "int": "int64", "float": "float64", "bool": bool, "date": pa.DateTime}


def _column(frame: Frame, c: Col) -> pa.Column:
    checks = []
    if c.dtype == "cat":
        dtype = pd.CategoricalDtype(list(c.values), ordered=c.ordered)
    else:
        dtype = _TYPES[c.dtype]
        if c.values is not None:
            checks.append(pa.Check.isin(list(c.values)))
    if c.lo is not None:
        checks.append(pa.Check.ge(c.lo))
    if c.hi is not None:
        checks.append(pa.Check.le(c.hi))
    if c.pattern and c.dtype == "str":
        checks.append(pa.Check.str_matches(c.pattern))
    if c.nonempty and c.dtype == "str":
        checks.append(pa.Check.str_length(min_value=1))
    return pa.Column(dtype, checks=checks, nullable=c.nullable, unique=c.unique,
                     name=c.name)


# Rules that span columns: the only checks written here rather than in the contract.
_FRAME_CHECKS = {
    "events": [pa.Check(lambda df: df["date"].isna() == df["date_precision"].isna(),
                        name="date_and_precision_together"),
               pa.Check(lambda df: df["date_end"].isna() | (df["date_end"] >= df["date"]),
                        name="date_end_not_before_date")],
    "evidence": [pa.Check(lambda df: (df["end"] - df["start"]) == df["quote"].str.len(),
                          name="span_matches_quote")],
}


def _schema(frame: Frame) -> pa.DataFrameSchema:
    # Not strict: the loader keeps a few private `_`-columns (file, line) while
    # validating; `load` checks the final column list against the contract itself.
    return pa.DataFrameSchema({c.name: _column(frame, c) for c in frame.cols},
                              checks=_FRAME_CHECKS.get(frame.name, []),
                              unique=list(frame.unique_together) or None,
                              strict=False, coerce=False, name=frame.name)


MODELS: dict[str, pa.DataFrameSchema] = {name: _schema(f) for name, f in FRAMES.items()}
