"""Hand-ins made the way a student makes them: answers given in the exercise widgets.

``answered_copy`` runs a student notebook in a fresh kernel, giving each widget the solution's
answer through its ``.answer`` setter in a cell inserted after the widget's cell, then removes
those cells and saves the notebook with its outputs. The answers survive only in the answer
records the widgets wrote into the outputs: the kernel's saved-work folder is a throwaway one.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from propaganda_kit.checks import MIME_TYPE
from propaganda_kit.data.notebook_answers import ANSWER_MIME, SESSION_VARIABLE
from propaganda_kit.data.saved_work import WORK_VARIABLE

WIDGET_CALL_RE = re.compile(r"""^(\w+)\s*=\s*exercise_widget\(\s*["']([^"'\n]+)["']""", re.M)
SOLUTION_RE = re.compile(r"### BEGIN SOLUTION[^\n]*\n(.*?)\n[ \t]*### END SOLUTION", re.S)
INSERTED = "inserted-answer"


def widget_cells(nb) -> dict[str, int]:
    """Exercise id -> index of the code cell that creates its widget."""
    return {
        match.group(2): index
        for index, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
        for match in WIDGET_CALL_RE.finditer(cell.source)
    }


def solution_answers(solution) -> dict[str, str]:
    """Exercise id -> the code of the solution region in its widget cell."""
    answers = {}
    for ex_id, index in widget_cells(solution).items():
        match = SOLUTION_RE.search(solution.cells[index].source)
        assert match, f"no solution region in the widget cell of {ex_id}"
        answers[ex_id] = match.group(1)
    return answers


def run_fresh(nb, folder: Path) -> None:
    """Execute ``nb`` in a new kernel in ``folder``, with a throwaway saved-work folder."""
    with tempfile.TemporaryDirectory(prefix="kit-student-work-") as work:
        env = {k: v for k, v in os.environ.items() if k != SESSION_VARIABLE}
        env[WORK_VARIABLE] = work
        NotebookClient(
            nb,
            timeout=300,
            kernel_name="python3",
            record_timing=False,
            resources={"metadata": {"path": str(folder)}},
        ).execute(env=env)


def answered_copy(student_notebook: Path, solution_notebook: Path, target: Path) -> None:
    """Save at ``target`` the student notebook answered in its widgets with the solution's
    answers (the answers kept only in the record outputs)."""
    nb = nbformat.read(student_notebook, as_version=4)
    answers = solution_answers(nbformat.read(solution_notebook, as_version=4))
    cells = widget_cells(nb)
    assert set(cells) == set(answers), (student_notebook.name, cells, answers)
    for ex_id, index in sorted(cells.items(), key=lambda item: -item[1]):
        cell = nbformat.v4.new_code_cell(answers[ex_id])
        cell.metadata[INSERTED] = True
        nb.cells.insert(index + 1, cell)
    target.parent.mkdir(parents=True, exist_ok=True)
    run_fresh(nb, target.parent)
    nb.cells = [cell for cell in nb.cells if not cell.metadata.get(INSERTED)]
    nbformat.write(nb, target)


def record_outputs(nb) -> dict[str, tuple[dict, dict]]:
    """Exercise id -> (answer record, check bundle) of the outputs saved in ``nb``."""
    found = {}
    for cell in nb.cells:
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            data = output.get("data", {})
            if ANSWER_MIME in data:
                found[data[ANSWER_MIME]["exercise"]] = (data[ANSWER_MIME], data.get(MIME_TYPE))
    return found
