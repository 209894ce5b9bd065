"""nbgrader with the kit's notebooks, through the real nbgrader command line.

A temporary course folder holds ``course_template/nbgrader_config.py`` and every exercise
solution as its own assignment (``source/exNN_name/exNN_name.ipynb``). ``generate_assignment``
releases them all; one student answers every exercise in the widgets of the released notebook
(the answers kept only in the record outputs of the saved file), another hands it in
untouched; ``autograde`` and ``export`` then give the first every point and the second none,
with "Not answered yet" feedback and no errors.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from widget_submissions import answered_copy, record_outputs, widget_cells

from propaganda_kit.checks import EXERCISES
from propaganda_kit.instructor.build_exercises import CHECKOUT, solution_paths, student_version

pytestmark = pytest.mark.slow

CONFIG = CHECKOUT / "course_template" / "nbgrader_config.py"
SOLUTIONS = solution_paths()
ASSIGNMENTS = [path.stem for path in SOLUTIONS]
VENV_BIN = Path(sys.executable).parent  # nbgrader runs `alembic` from PATH
SOLUTION_WIDGET_STATE = {"application/vnd.jupyter.widget-state+json": {"state": {"m": {}}}}


def nbgrader(course: Path, *args: str, work: Path) -> str:
    """Run the nbgrader command line in ``course``; its log; fail with it if nbgrader fails."""
    env = dict(os.environ, PATH=f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    env["PROPAGANDA_KIT_WORK"] = str(work)  # empty: no saved work on this machine leaks in
    done = subprocess.run(
        [str(VENV_BIN / "nbgrader"), *args],
        cwd=course,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    log = done.stdout + done.stderr
    assert done.returncode == 0 and "Exception while loading config" not in log, log
    return log


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    """A course folder with every exercise generated (one nbgrader call for all)."""
    root = tmp_path_factory.mktemp("course")
    shutil.copy(CONFIG, root / "nbgrader_config.py")
    for path in SOLUTIONS:
        nb = nbformat.read(path, as_version=4)
        nb.metadata["widgets"] = SOLUTION_WIDGET_STATE  # as a run of the solution leaves it
        (root / "source" / path.stem).mkdir(parents=True)
        nbformat.write(nb, root / "source" / path.stem / path.name)
    log = nbgrader(root, "generate_assignment", "ex*", "--create", work=root / "no_work")
    assert "ERROR" not in log, log
    return root


def released(course: Path, assignment: str) -> Path:
    return course / "release" / assignment / f"{assignment}.ipynb"


@pytest.mark.parametrize("path", SOLUTIONS, ids=ASSIGNMENTS)
def test_release_is_the_kits_student_version_without_answers(course, path):
    release = nbformat.read(released(course, path.stem), as_version=4)
    ours = student_version(nbformat.read(path, as_version=4), path.name)
    assert [(c.cell_type, c.source) for c in release.cells] == [
        (c.cell_type, c.source) for c in ours.cells
    ]
    assert "widgets" not in release.metadata
    for cell in release.cells:
        assert "SOLUTION" not in cell.source and "HIDDEN TESTS" not in cell.source
        assert cell.cell_type != "code" or cell.outputs == []
    markdown = [c.source for c in release.cells if c.cell_type == "markdown"]
    assert markdown == [c.source for c in ours.cells if c.cell_type == "markdown"]  # hints kept
    assert set(widget_cells(release)) == {
        i for i, ex in EXERCISES.items() if ex.notebook == path.name
    }


@pytest.fixture(scope="module")
def graded(course: Path) -> tuple[Path, dict[tuple[str, str], dict]]:
    """Two students' hand-ins autograded and exported: (course, grades.csv rows by key)."""

    def hand_in(path: Path) -> None:
        release = released(course, path.stem)
        answered_copy(release, path, course / "submitted" / "ada" / path.stem / path.name)
        untouched = course / "submitted" / "ben" / path.stem / path.name
        untouched.parent.mkdir(parents=True)
        shutil.copy(release, untouched)

    with ThreadPoolExecutor(2) as pool:
        list(pool.map(hand_in, SOLUTIONS))
    nbgrader(course, "autograde", "ex*", "--create", work=course / "no_work")
    nbgrader(course, "export", work=course / "no_work")
    with open(course / "grades.csv", newline="", encoding="utf-8") as fh:
        rows = {(r["student_id"], r["assignment"]): r for r in csv.DictReader(fh)}
    return course, rows


@pytest.mark.parametrize("path", SOLUTIONS, ids=ASSIGNMENTS)
def test_answers_are_kept_only_in_the_record_outputs(graded, path):
    course, _ = graded
    nb = nbformat.read(course / "submitted" / "ada" / path.stem / path.name, as_version=4)
    assert ".answer =" not in "".join(c.source for c in nb.cells)
    records = record_outputs(nb)
    assert set(records) == set(widget_cells(nb))
    for record, bundle in records.values():
        assert record["answer"] is not None and bundle["status"] == "correct", bundle
    assert not (course / "submitted" / "ada" / path.stem / "my_work").exists()


def key_points(notebook: str) -> float:
    return sum(ex.max_points for ex in EXERCISES.values() if ex.notebook == notebook)


@pytest.mark.parametrize("path", SOLUTIONS, ids=ASSIGNMENTS)
def test_answered_student_gets_every_point(graded, path):
    _, rows = graded
    row = rows[("ada", path.stem)]
    assert key_points(path.name) > 0
    assert float(row["score"]) == pytest.approx(key_points(path.name))


@pytest.mark.parametrize("path", SOLUTIONS, ids=ASSIGNMENTS)
def test_untouched_student_gets_none_with_not_answered_feedback(graded, path):
    course, rows = graded
    assert float(rows[("ben", path.stem)]["score"]) == 0
    nb = nbformat.read(course / "autograded" / "ben" / path.stem / path.name, as_version=4)
    points_cells = [c for c in nb.cells if "points_for(" in c.source]
    assert len(points_cells) == len(widget_cells(nb)) > 0
    for cell in points_cells:
        printed = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
        assert "Not answered yet" in printed, cell.outputs
        assert [o.data["text/plain"] for o in cell.outputs if "data" in o] == ["0.0"]


@pytest.mark.parametrize("student", ["ada", "ben"])
def test_autograded_notebooks_have_no_errors(graded, student):
    course, _ = graded
    for path in SOLUTIONS:
        nb = json.loads(
            (course / "autograded" / student / path.stem / path.name).read_text(encoding="utf-8")
        )
        for cell in nb["cells"]:
            for output in cell.get("outputs", []):
                assert output["output_type"] != "error", (path.name, cell["source"], output)
                assert output.get("name") != "stderr", (path.name, cell["source"], output)
