"""A plain sentence in place of an empty table, so a lesson says what is missing."""

from __future__ import annotations

import html

import pandas as pd


class Note:
    """A sentence a notebook shows as a paragraph (HTML-escaped) or as plain text."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(self.text)}</p>"


def table_or_note(table: pd.DataFrame, note: str) -> pd.DataFrame | Note:
    """``table`` when it has rows; otherwise ``note`` ("No document in this corpus ...")."""
    return table if len(table) else Note(note)
