"""refresh-notebooks re-runs lessons and solutions and rebuilds the exercises."""

from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from propaganda_kit.instructor.apps.refresh_notebooks import refresh_notebooks

KERNEL = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}


def write(path: Path, *sources: str) -> None:
    nb = new_notebook(cells=[new_code_cell(s) for s in sources], metadata=KERNEL)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)


@pytest.mark.slow
def test_refresh_runs_everything_and_builds_exercises(tmp_path: Path, capsys):
    write(tmp_path / "notebooks" / "lesson.ipynb", "print(6 * 7)")
    write(
        tmp_path / "solutions" / "ex01_demo.ipynb",
        "answer = None\n### BEGIN SOLUTION\nanswer = 42\n### END SOLUTION\nprint(answer)",
    )
    status = refresh_notebooks(
        tmp_path / "notebooks", tmp_path / "solutions", tmp_path / "exercises"
    )
    assert status == 0, capsys.readouterr().out
    lesson = nbformat.read(tmp_path / "notebooks" / "lesson.ipynb", as_version=4)
    assert lesson.cells[0].outputs[0]["text"] == "42\n"
    exercise = nbformat.read(tmp_path / "exercises" / "ex01_demo.ipynb", as_version=4)
    assert "BEGIN SOLUTION" not in exercise.cells[0].source
    assert exercise.cells[0].outputs[0]["text"] == "None\n"


def test_refresh_names_the_failing_notebook(tmp_path: Path, capsys):
    write(tmp_path / "notebooks" / "broken.ipynb", "1 / 0")
    before = (tmp_path / "notebooks" / "broken.ipynb").read_bytes()
    assert (
        refresh_notebooks(tmp_path / "notebooks", tmp_path / "solutions", tmp_path / "exercises")
        == 1
    )
    assert "Problem found in" in capsys.readouterr().out
    assert (tmp_path / "notebooks" / "broken.ipynb").read_bytes() == before
