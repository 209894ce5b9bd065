"""One display style for every table the kit shows: text wraps, nothing is cut with '…'.

A meaningless index (0, 1, 2, …) is hidden, a named index becomes the first column (so its
name is not printed as a second header row), and column names read as words
(``rate_per_1000`` → "rate per 1000"). Every cell is HTML-escaped.
"""

from __future__ import annotations

import pandas as pd

TABLE_CSS = (
    "<style>.kit-table{border-collapse:collapse;margin:4px 0;font-size:13px}"
    ".kit-table th,.kit-table td{white-space:normal;overflow-wrap:break-word;text-align:left;"
    "vertical-align:top;padding:3px 8px;border-bottom:1px solid #ddd;max-width:38em}"
    ".kit-table th{border-bottom:2px solid #888}</style>"
)
MISSING = "unknown"


def header_text(name: object) -> str:
    """A column name as words: underscores become spaces."""
    return str(name).replace("_", " ")


def display_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` as shown: a named index moved into the columns, names as words."""
    shown = frame
    if not isinstance(frame.index, pd.RangeIndex) and any(n is not None for n in frame.index.names):
        shown = frame.reset_index()
    if isinstance(shown.columns, pd.MultiIndex):
        return shown
    shown = shown.rename(columns=header_text)
    shown.columns.name = None
    text = shown.select_dtypes(include=["object", "string"]).columns
    return shown.assign(**{c: shown[c].where(shown[c].notna(), MISSING) for c in text})


def hides_index(frame: pd.DataFrame) -> bool:
    """True when the index says nothing a reader needs (0, 1, 2, … or a named index moved)."""
    return isinstance(frame.index, pd.RangeIndex)


def table_html(frame: pd.DataFrame) -> str:
    """``frame`` as an HTML table in the kit's one style (escaped, wrapping, nothing cut)."""
    shown = display_frame(frame)
    return TABLE_CSS + shown.to_html(
        index=not hides_index(shown),
        escape=True,
        classes="kit-table",
        border=0,
        na_rep=MISSING,
        max_rows=None,
        max_cols=None,
    )
