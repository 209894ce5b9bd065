"""Every table the kit shows has one style: nothing cut, no meaningless index, escaped."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd

from propaganda_kit import start_lesson, table_html


def test_a_plain_index_is_hidden_and_names_read_as_words():
    shown = table_html(pd.DataFrame({"rate_per_1000": [1.5, 2.0], "document": ["a", "b"]}))
    assert "rate per 1000" in shown and "rate_per_1000" not in shown
    assert "<th>0</th>" not in shown and "<tbody>\n    <tr>\n      <td>" in shown


def test_a_named_index_is_one_column_with_one_header_row():
    frame = pd.DataFrame(
        {"words": [10, 20]}, index=pd.Index(["for", "against"], name="perspective")
    )
    frame.columns.name = "perspective"
    shown = table_html(frame)
    assert shown.count("perspective") == 1
    assert shown.count("<tr") == 3  # one header row, two rows


def test_long_text_is_never_cut_and_is_escaped():
    long = "word " * 200 + "<script>alert(1)</script>"
    shown = table_html(pd.DataFrame({"definition": [long]}))
    assert "…" not in shown and "..." not in shown
    assert "&lt;script&gt;" in shown and "<script>" not in shown
    assert shown.count("word ") == 200


def test_missing_values_read_unknown():
    assert "unknown" in table_html(pd.DataFrame({"author": [None]}))


def test_start_lesson_changes_nothing_outside_a_notebook():
    assert start_lesson() is None  # and raises nothing


def test_start_lesson_shows_every_dataframe_in_the_kit_style():
    code = (
        "from IPython.core.interactiveshell import InteractiveShell\n"
        "shell = InteractiveShell.instance()\n"
        "from propaganda_kit import start_lesson\n"
        "import pandas as pd\n"
        "assert start_lesson() is None\n"
        "data, _ = shell.display_formatter.format(pd.DataFrame({'a_b': [1]}))\n"
        "print('kit-table' in data['text/html'], 'a b' in data['text/html'])\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.stdout.split() == ["True", "True"], run.stderr
