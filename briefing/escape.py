"""Fact text made safe for HTML and plotly labels, and cut to fit.

Every piece of fact text reaches the browser through `esc` (or `esc_series`): charts put it
only in `hovertext` / `customdata` / `text`, never in a `hovertemplate`, where plotly would
read `%{...}` as a placeholder; the dashboard's HTML panels use the same function.
"""

from __future__ import annotations

import html
import textwrap

import numpy as np
import pandas as pd


def esc(value: object) -> str:
    """Text from the facts, safe to show in plotly labels and HTML."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    # Numeric entities for quotes: plotly's label renderer decodes &#34; but shows &quot;
    # literally; browsers read both.
    return html.escape(str(value), quote=False).replace('"', "&#34;").replace("'", "&#39;")


def esc_series(values: pd.Series) -> pd.Series:
    """`esc` over a column, vectorised."""
    s = values.astype("string").fillna("")
    return (s.str.replace("&", "&amp;", regex=False).str.replace("<", "&lt;", regex=False)
            .str.replace(">", "&gt;", regex=False).str.replace('"', "&#34;", regex=False)
            .str.replace("'", "&#39;", regex=False)).astype(object)


def wrap_lines(text: object, width: int) -> list[str]:
    """Raw text broken into lines of at most `width` characters (escape each line after)."""
    return textwrap.wrap(str(text), width, break_long_words=False) or [""]


def short(text: object, width: int) -> str:
    """Raw text cut to `width` characters with an ellipsis (escape it after)."""
    t = str(text)
    return t if len(t) <= width else t[: width - 1].rstrip() + "…"
