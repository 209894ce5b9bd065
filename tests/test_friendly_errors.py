"""In a notebook, the kit's own errors read as a plain message; students' bugs keep tracebacks."""

from __future__ import annotations

from pathlib import Path

from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

from propaganda_kit import load_corpus
from propaganda_kit.html.errors import message_bundle, raised_in_kit


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
