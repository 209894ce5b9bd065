"""exercises/ is generated from solutions/: markers, stubs, determinism, and staleness."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from propaganda_kit.checks import EXERCISES, MIME_TYPE
from propaganda_kit.data.notebook_answers import ANSWER_MIME
from propaganda_kit.instructor.build_exercises import (
    CODE_STUB,
    EXERCISES_DIR,
    build_notebook,
    clear_source,
    solution_paths,
    student_version,
)
from propaganda_kit.instructor.cli import main

SOLUTIONS = solution_paths()
WIDGET_CALL_RE = re.compile(r'^(\w+) = exercise_widget\("([^"]+)"\)\n', re.MULTILINE)

CODE = """answer_1 = exercise_widget("x")
### BEGIN SOLUTION
answer_1.answer = ["doubt"]
### END SOLUTION
answer_1"""
POINTS = """# Your instructor's grader checks the answer above here.
### BEGIN HIDDEN TESTS
points_for("x")
### END HIDDEN TESTS"""


def test_code_region_becomes_the_widget_line():
    source, regions = clear_source(CODE, "code", "t")
    assert regions == 1
    assert source == f'answer_1 = exercise_widget("x")\n{CODE_STUB}\nanswer_1'


def test_hidden_tests_go_and_count_as_no_solution():
    source, regions = clear_source(POINTS, "code", "t")
    assert (source, regions) == ("# Your instructor's grader checks the answer above here.", 0)


def test_code_region_keeps_its_indentation():
    source, _ = clear_source(
        "if True:\n    ### BEGIN SOLUTION\n    x = 1\n    ### END SOLUTION", "code", "t"
    )
    assert source == f"if True:\n    {CODE_STUB}"


def test_markdown_region_becomes_your_answer_here():
    source, regions = clear_source(
        "Why?\n\n### BEGIN SOLUTION\nBecause.\n### END SOLUTION\n", "markdown", "t"
    )
    assert (source, regions) == ("Why?\n\nYOUR ANSWER HERE\n", 1)


@pytest.mark.parametrize(
    "source, problem",
    [
        ("### BEGIN SOLUTION\nx", "without an END"),
        ("x\n### END SOLUTION", "without a BEGIN"),
        ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION", "inside another"),
        ("### BEGIN HIDDEN TESTS\nx", "without an END HIDDEN TESTS"),
    ],
)
def test_unbalanced_markers_are_refused(source, problem):
    with pytest.raises(ValueError, match=problem):
        clear_source(source, "code", "nb.ipynb, cell 3")


def test_student_version_clears_outputs_widget_state_and_keeps_ids():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell(CODE)
    cell.id, cell.outputs, cell.execution_count = (
        "c1",
        [nbformat.v4.new_output("stream", text="secret")],
        3,
    )
    cell.metadata["execution"] = {"iopub.status.busy": "2024-01-01"}
    nb.cells = [cell]
    nb.metadata["widgets"] = {"state": "the solution's ticks"}
    student = student_version(nb)
    assert "widgets" not in student.metadata and "widgets" in nb.metadata
    assert student.cells[0].outputs == [] and student.cells[0].execution_count is None
    assert student.cells[0].id == "c1" and "execution" not in student.cells[0].metadata
    assert nb.cells[0].source == CODE  # the solution is left alone


def test_there_are_six_exercise_notebooks_with_matching_names():
    names = [p.name for p in SOLUTIONS]
    assert len(names) >= 6
    assert names == sorted(p.name for p in EXERCISES_DIR.glob("*.ipynb"))


def nbgrader(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


@pytest.mark.parametrize("path", SOLUTIONS, ids=[p.name for p in SOLUTIONS])
def test_each_widget_cell_is_a_solution_cell_followed_by_its_points_cell(path):
    """nbgrader's metadata: the answer cell, then the locked hidden test worth the key's points."""
    nb = nbformat.read(path, as_version=4)
    seen = []
    for index, cell in enumerate(nb.cells):
        match = WIDGET_CALL_RE.match(cell.source) if cell.cell_type == "code" else None
        if match is None:
            continue
        variable, ex_id = match.groups()
        seen.append(ex_id)
        assert cell.source.split("### END SOLUTION\n")[1] == variable
        assert "nbval-ignore-output" in cell.metadata.get("tags", [])
        assert nbgrader(cell) == {
            "grade": False,
            "grade_id": f"{ex_id}-answer",
            "locked": False,
            "schema_version": 3,
            "solution": True,
            "task": False,
        }
        points = nb.cells[index + 1]
        assert (
            f'### BEGIN HIDDEN TESTS\npoints_for("{ex_id}")\n### END HIDDEN TESTS' in points.source
        )
        assert nbgrader(points) == {
            "grade": True,
            "grade_id": f"{ex_id}-points",
            "locked": True,
            "points": EXERCISES[ex_id].max_points,
            "schema_version": 3,
            "solution": False,
            "task": False,
        }
    assert seen == [i for i, ex in EXERCISES.items() if ex.notebook == path.name]


@pytest.mark.parametrize("path", SOLUTIONS, ids=[p.name for p in SOLUTIONS])
def test_every_region_is_in_a_cell_nbgrader_accepts(path):
    """Solution regions only in solution cells, a written answer in a graded one (nbgrader
    refuses a markdown solution cell without points), hidden tests only in grade cells."""
    for cell in nbformat.read(path, as_version=4).cells:
        meta = nbgrader(cell)
        if "BEGIN SOLUTION" in cell.source:
            assert meta.get("solution") is True, cell.source
            if cell.cell_type == "markdown":
                assert meta.get("grade") is True and meta.get("points", 0) > 0, cell.source
        if "BEGIN HIDDEN TESTS" in cell.source:
            assert meta.get("grade") is True and meta.get("locked") is True, cell.source


def without_run(text: str) -> dict:
    """The notebook JSON without what a run writes: outputs, counts, widget state, timings."""
    nb = json.loads(text)
    nb["metadata"].pop("widgets", None)
    for cell in nb["cells"]:
        cell["metadata"].pop("execution", None)
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
    return nb


@pytest.mark.parametrize("path", SOLUTIONS, ids=[p.name for p in SOLUTIONS])
def test_committed_exercise_is_not_stale(path):
    """Cells, sources and metadata match a fresh build; nbval's strict run of exercises/
    proves the committed outputs are what those cells give, so nothing runs here."""
    committed = (EXERCISES_DIR / path.name).read_text(encoding="utf-8")
    rebuilt = build_notebook(path, run=False)
    assert without_run(rebuilt) == without_run(committed), (
        f"exercises/{path.name} is stale: run python -m propaganda_kit build-exercises"
    )


@pytest.mark.parametrize("path", SOLUTIONS, ids=[p.name for p in SOLUTIONS])
def test_committed_exercise_keeps_every_answer_as_not_answered_yet(path):
    nb = nbformat.read(EXERCISES_DIR / path.name, as_version=4)
    widgets, records = 0, 0
    for cell in nb.cells:
        assert "SOLUTION" not in cell.source and "HIDDEN TESTS" not in cell.source
        if cell.cell_type != "code":
            continue
        widgets += len(WIDGET_CALL_RE.findall(cell.source))
        for output in cell.outputs:
            assert output.output_type != "error" and output.get("name") != "stderr"
            data = output.get("data", {})
            if ANSWER_MIME in data:
                records += 1
                assert data[ANSWER_MIME]["answer"] is None, data
                assert data[MIME_TYPE]["status"] == "unanswered", data
                assert "Not answered yet" in data["text/plain"], data
    assert widgets and records == widgets


def test_cli_builds_checks_and_is_deterministic(tmp_path: Path, capsys):
    out = tmp_path / "out"
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(CODE),
        nbformat.v4.new_code_cell(POINTS),
        nbformat.v4.new_markdown_cell("### BEGIN SOLUTION\nx\n### END SOLUTION"),
    ]
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i}"
    solutions = tmp_path / "solutions"
    solutions.mkdir()
    nbformat.write(nb, solutions / "ex01_demo.ipynb")
    args = [
        "build-exercises",
        "--solutions",
        str(solutions),
        "--exercises",
        str(out),
        "--no-execute",
    ]
    assert main(args + ["--check"]) == 1
    assert main(args) == 0
    first = (out / "ex01_demo.ipynb").read_bytes()
    assert main(args + ["--check"]) == 0
    assert main(args) == 0 and (out / "ex01_demo.ipynb").read_bytes() == first
    assert b"YOUR ANSWER HERE" in first and b'["doubt"]' not in first
    assert json.dumps(CODE_STUB).strip('"').encode() in first and b"points_for" not in first
    assert "Up to date." in capsys.readouterr().out


@pytest.mark.slow
def test_the_run_restores_no_answer_kept_on_this_machine(tmp_path: Path, monkeypatch):
    """Saved work (my_work/) and a Jupyter session path never reach the built outputs."""
    from propaganda_kit.checks.kept_answers import new_record
    from propaganda_kit.data.saved_work import save_answers

    ex_id = next(iter(EXERCISES))
    work = tmp_path / "work"
    save_answers(ex_id, new_record(ex_id, ["doubt"]), work)
    answered = nbformat.v4.new_notebook()
    answered.cells = [nbformat.v4.new_code_cell("x")]
    answered.cells[0].outputs = [
        nbformat.v4.new_output(
            "display_data", data={ANSWER_MIME: new_record(ex_id, ["doubt"]), "text/plain": ""}
        )
    ]
    nbformat.write(answered, tmp_path / "session.ipynb")
    monkeypatch.setenv("PROPAGANDA_KIT_WORK", str(work))
    monkeypatch.setenv("JPY_SESSION_NAME", str(tmp_path / "session.ipynb"))
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            f"from propaganda_kit.widgets import exercise_widget\nexercise_widget({ex_id!r})"
        )
    ]
    nb.cells[0].id = "c"
    nbformat.write(nb, tmp_path / "ex01_demo.ipynb")
    built = nbformat.reads(build_notebook(tmp_path / "ex01_demo.ipynb"), as_version=4)
    records = [o.data for o in built.cells[0].outputs if ANSWER_MIME in o.get("data", {})]
    assert [(r[ANSWER_MIME]["answer"], r[MIME_TYPE]["status"]) for r in records] == [
        (None, "unanswered")
    ]


def test_cli_reports_a_bad_solution_without_traceback(tmp_path: Path, capsys):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("### BEGIN SOLUTION\nx = 1")]
    nb.cells[0].id = "c"
    nbformat.write(nb, tmp_path / "ex02_bad.ipynb")
    assert (
        main(
            [
                "build-exercises",
                "--solutions",
                str(tmp_path),
                "--exercises",
                str(tmp_path / "out"),
                "--no-execute",
            ]
        )
        == 1
    )
    assert (
        "Problem found: ex02_bad.ipynb, cell 1: BEGIN SOLUTION without an END"
        in capsys.readouterr().out
    )
    assert main(["build-exercises", "--solutions", str(tmp_path / "none")]) == 1
