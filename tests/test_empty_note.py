"""An empty table is shown as a plain, escaped sentence."""

from __future__ import annotations

import pandas as pd

from propaganda_kit import table_or_note


def test_a_table_with_rows_is_shown_as_it_is():
    table = pd.DataFrame({"a": [1]})
    assert table_or_note(table, "nothing") is table


def test_an_empty_table_becomes_its_note():
    note = table_or_note(pd.DataFrame({"a": []}), "No document in this corpus uses <b>.")
    assert repr(note) == "No document in this corpus uses <b>."
    assert note._repr_html_() == "<p>No document in this corpus uses &lt;b&gt;.</p>"
