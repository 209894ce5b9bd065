"""In a notebook, the kit's own errors read as a plain message, slips (a bare word, a missing
bracket, quote mark or comma) as a one-sentence hint; students' other bugs keep tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

from propaganda_kit import load_corpus
from propaganda_kit.html.errors import message_bundle, raised_in_kit
from propaganda_kit.html.slips import name_hint, syntax_hint


def run_cells(tmp_path: Path, *sources: str) -> list:
    nb = new_notebook(
        cells=[new_code_cell(s) for s in sources],
        metadata={
            "kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}
        },
    )
    NotebookClient(
        nb,
        timeout=60,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    return [cell.outputs for cell in nb.cells]


def test_kit_errors_show_a_message_not_a_traceback(tmp_path: Path):
    outputs = run_cells(
        tmp_path,
        "import propaganda_kit as kit\nkit.enable_friendly_errors()",
        "kit.load_corpus('no-such-folder')",
        "kit.find_loaded_language(b'caf\\xe9')",
        "kit.load_corpus(42)",
        "1 / 0",
    )
    for cell in outputs[1:4]:
        assert [o.output_type for o in cell] == ["display_data"]
        assert cell[0].data["text/plain"].startswith("The kit could not do that: ")
        assert "Traceback" not in str(cell)
    assert "no-such-folder: is not a folder" in outputs[1][0].data["text/plain"]
    assert "not of the kind this function expects" in outputs[3][0].data["text/plain"]
    assert outputs[4][0].output_type == "error" and outputs[4][0].ename == "ZeroDivisionError"


def test_only_errors_raised_inside_the_kit_are_softened():
    def student_code():
        raise ValueError("mine")

    try:
        student_code()
    except ValueError as err:
        assert not raised_in_kit(err.__traceback__)
    try:
        load_corpus("no-such-folder")
    except ValueError as err:
        assert raised_in_kit(err.__traceback__)


def test_message_is_escaped():
    bundle = message_bundle(ValueError("<script>alert(1)</script>"))
    assert "<script>" not in bundle["text/html"]
    assert bundle["text/plain"].endswith("<script>alert(1)</script>")


def hints(cell: list) -> list[str]:
    """The hint sentences in a cell's outputs (each alone, with no traceback)."""
    assert [o.output_type for o in cell] == ["display_data"], cell
    assert "Traceback" not in str(cell) and 'class="kit-hint"' in cell[0].data["text/html"]
    return [cell[0].data["text/plain"].removeprefix("Hint: ")]


def test_slips_in_a_cell_get_one_sentence_not_a_traceback(tmp_path: Path):
    outputs = run_cells(
        tmp_path,
        "import propaganda_kit as kit\nkit.enable_friendly_errors()\ncorpus = kit.load_corpus()",
        "[name_calling, exaggeration]",
        "answer = loaded_language",
        "print(get_ipython().last_execution_succeeded)",
        "corpis.ids",
        "print(not_run_yet)",
        "def count():\n    return len(docs)\n\ncount()",
        'answer = ["name_calling", "exaggeration"',
        'answer = ["doubt" loaded_language]',
        'x = 1\nanswer = "loaded_language',
        'pair = ("doubt", "slogans"]',
        "print(get_ipython().last_execution_succeeded)",
        "def f(:\n    pass",
        "exec('x = [1,')",
        "1 / 0",
        "for doc in corpus:\nprint(doc)",
        "def total():\n    n = n + 1\n\ntotal()",
    )
    assert hints(outputs[1]) == [
        'Put quotes around each technique id: ["name_calling", "exaggeration"]'
    ]
    assert hints(outputs[2]) == ['Put quotes around the technique id: answer = "loaded_language"']
    assert outputs[3][0].text == "False\n"  # the cell with a slip still counts as failed
    assert hints(outputs[4]) == [
        "Python does not know the name corpis: check the spelling (did you mean corpus?), "
        "or run the cells above this one first."
    ]
    assert hints(outputs[5]) == [
        "Python does not know the name not_run_yet: run the cells above this one first, "
        'or, if you meant it as text, put it in quotes: "not_run_yet".'
    ]
    assert "docs" in hints(outputs[6])[0]
    assert hints(outputs[7]) == ["Add the closing ] that matches the [ on line 1."]
    assert hints(outputs[8]) == ['Add a comma between "doubt" and loaded_language on line 1.']
    assert hints(outputs[9]) == [
        'Add a closing quote mark " at the end of the text "loaded_language on line 2.'
    ]
    assert hints(outputs[10]) == ["Add the closing ) for the ( before the ] on line 1."]
    assert outputs[11][0].text == "False\n"
    for cell, ename in [(outputs[12], "SyntaxError"), (outputs[13], "SyntaxError")]:
        assert [o.output_type for o in cell] == ["error"] and cell[0].ename == ename
    assert outputs[14][0].output_type == "error" and outputs[14][0].ename == "ZeroDivisionError"
    assert hints(outputs[15]) == [
        "Add four spaces at the start of line 2, to put it inside the line above."
    ]
    assert outputs[16][0].output_type == "error"  # a bug, not a slip: the usual traceback
    assert outputs[16][0].ename == "UnboundLocalError"


@pytest.mark.parametrize(
    "source, hint",
    [
        ("x = (1, 2", "Add the closing ) that matches the ( on line 1."),
        ('x = [1, 2]\ny = {"a": 1', "Add the closing } that matches the { on line 2."),
        ("x = 'abc", "Add a closing quote mark ' at the end of the text 'abc on line 1."),
        ('x = """abc\n', 'Add the closing """ to end the text that starts on line 1.'),
        ('check("ex01", ["a", "b")', "Add the closing ] for the [ before the ) on line 1."),
        ("x = 1)", "Remove the ) on line 1, or add an opening ( before it."),
        ("x = [1, 2 3]", "Add a comma between 2 and 3 on line 1."),
        ('f(["a"] "b")', 'Add a comma between ] and "b" on line 1.'),
        ("if x\n    pass", "Add a colon : at the end of line 1."),
        ("if x:\npass", "Add four spaces at the start of line 2, to put it inside the line above."),
        ("x = 1\n  y = 2", "Remove the spaces at the start of line 2."),
        ("if x:\n    a = 1\n  b = 2", "Line up the start of line 3 with the lines above it."),
        ("def f(:\n    pass", None),
        ("x = = 1", None),
    ],
)
def test_syntax_hints_say_what_to_add_where(source: str, hint: str | None):
    with pytest.raises(SyntaxError) as caught:
        compile(source, "cell", "exec")
    assert syntax_hint(caught.value) == hint


def test_name_hints_quote_only_bare_ids():
    assert name_hint("doubt", "check(x.doubt, [doubt, 'slogans'])") == (
        "Put quotes around the technique id: check(x.doubt, [\"doubt\", 'slogans'])"
    )
    assert (
        name_hint("none", "answer = none") == 'Put quotes around the technique id: answer = "none"'
    )
    long_line = "answer = [" + ", ".join(["name_calling"] * 10) + "]"
    assert name_hint("name_calling", long_line) == (
        'Put quotes around the technique id: "name_calling"'
    )
