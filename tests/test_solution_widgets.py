"""Solution notebooks: every task is answered in an exercise widget, none asks for Python."""

from __future__ import annotations

import re

import nbformat
import pytest

from propaganda_kit.checks import EXERCISES, MIME_TYPE
from propaganda_kit.instructor.build_exercises import solution_paths

SOLUTIONS = solution_paths()
SOLVED = {  # the exercises of the solution notebooks (lessons have answer keys too)
    ex_id: exercise
    for ex_id, exercise in EXERCISES.items()
    if exercise.notebook in {p.name for p in SOLUTIONS}
}
WIDGET_RE = re.compile(r'^answer_(\d+) = exercise_widget\("([^"]+)"\)$', re.MULTILINE)
POINTS_RE = re.compile(r'^points_for\("([^"]+)"\)$', re.MULTILINE)
CODE_ANSWER_HINTS = ("NOT_ANSWERED", "Replace ", "```python", "as a string", "triple quotes")


def notebooks() -> dict[str, nbformat.NotebookNode]:
    return {p.name: nbformat.read(p, as_version=4) for p in SOLUTIONS}


def grade_info(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


def test_no_solution_cell_asks_for_a_python_answer():
    for name, nb in notebooks().items():
        for number, cell in enumerate(nb.cells):
            for hint in CODE_ANSWER_HINTS:
                assert hint not in cell.source, (name, number, hint)
            if cell.cell_type == "code":
                assert not re.search(r"^check\(", cell.source, re.MULTILINE), (name, number)


def test_every_exercise_has_one_widget_cell_and_one_points_cell_in_its_notebook():
    widget_cells: dict[str, list[tuple[str, dict]]] = {}
    points_cells: dict[str, list[tuple[str, dict]]] = {}
    for name, nb in notebooks().items():
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            for _, ex_id in WIDGET_RE.findall(cell.source):
                widget_cells.setdefault(ex_id, []).append((name, cell))
            for ex_id in POINTS_RE.findall(cell.source):
                points_cells.setdefault(ex_id, []).append((name, cell))
    assert set(widget_cells) == set(points_cells) == set(SOLVED)
    assert {e.notebook for e in SOLVED.values()} == {p.name for p in SOLUTIONS}
    for ex_id, exercise in SOLVED.items():
        [(name, widget)] = widget_cells[ex_id]
        [(points_name, points)] = points_cells[ex_id]
        assert name == points_name == exercise.notebook
        assert widget.metadata["tags"] == ["nbval-ignore-output"]
        assert grade_info(widget) == {
            "grade": False,
            "grade_id": f"{ex_id}-answer",
            "locked": False,
            "schema_version": 3,
            "solution": True,
            "task": False,
        }
        assert grade_info(points) == {
            "grade": True,
            "grade_id": f"{ex_id}-points",
            "locked": True,
            "points": exercise.max_points,
            "schema_version": 3,
            "solution": False,
            "task": False,
        }
        number = WIDGET_RE.search(widget.source).group(1)
        lines = widget.source.splitlines()
        assert lines[0] == f'answer_{number} = exercise_widget("{ex_id}")'
        assert lines[1] == "### BEGIN SOLUTION" and lines[-2:] == [
            "### END SOLUTION",
            f"answer_{number}",
        ]
        assert lines[2].startswith(f"answer_{number}.answer = ")
        assert "### BEGIN HIDDEN TESTS" in points.source


def test_imports_markdown_and_the_score_cell():
    for name, nb in notebooks().items():
        code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        imports = nb.cells[1].source
        assert re.search(
            r"^from propaganda_kit.widgets import .*\bexercise_widget\b", imports, re.M
        )
        assert re.search(r"^from propaganda_kit.checks import .*\bpoints_for\b", imports, re.M)
        assert "score_widget" in imports and "NOT_ANSWERED" not in code, name
        assert "Check my answer" in nb.cells[0].source, name
        assert nb.cells[-1].source == f'score_widget("{name}")', name
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                assert "nbgrader" not in cell.metadata, (name, cell.source[:40])
        back = [c for c in nb.cells if c.source.startswith("## Looking back")]
        assert len(back) == 1 and "BEGIN SOLUTION" not in back[0].source, name


@pytest.mark.slow
@pytest.mark.parametrize("path", SOLUTIONS, ids=[p.name for p in SOLUTIONS])
def test_every_widget_answer_in_a_solution_is_correct(path, notebook_outputs):
    outputs = [out for cell in notebook_outputs(path).values() for out in cell]
    errors = [out for out in outputs if out.get("output_type") == "error"]
    assert errors == []
    bundles = [out["data"][MIME_TYPE] for out in outputs if MIME_TYPE in out.get("data", {})]
    expected = [e.id for e in EXERCISES.values() if e.notebook == path.name]
    assert sorted({b["exercise"] for b in bundles}) == sorted(expected)
    for bundle in bundles:
        assert bundle["status"] == "correct", bundle
        assert bundle["points"] == EXERCISES[bundle["exercise"]].max_points
