"""exercises/ is generated from solutions/: markers, stubs, determinism, and staleness."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from propaganda_kit.checks import MIME_TYPE
from propaganda_kit.instructor.build_exercises import (
    EXERCISES_DIR,
    build_notebook,
    clear_source,
    solution_paths,
    student_version,
)
from propaganda_kit.instructor.cli import main

SOLUTIONS = solution_paths()
CHECK_CALL_RE = re.compile(r"^check\(", re.MULTILINE)

CODE = """answer = NOT_ANSWERED
### BEGIN SOLUTION a list of ids
answer = ["doubt"]
### END SOLUTION
check("x", answer)"""


def test_code_region_becomes_one_hint_line():
    source, regions = clear_source(CODE, "code", "t")
    assert regions == 1
    assert source == (
        "answer = NOT_ANSWERED\n# YOUR ANSWER HERE: replace NOT_ANSWERED with a "
        'list of ids\ncheck("x", answer)'
    )


def test_code_region_without_hint_is_generic_and_keeps_indentation():
    source, _ = clear_source(
        "if True:\n    ### BEGIN SOLUTION\n    x = 1\n    ### END SOLUTION", "code", "t"
    )
    assert source == "if True:\n    # YOUR ANSWER HERE: replace NOT_ANSWERED with your answer"


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
    ],
)
def test_unbalanced_markers_are_refused(source, problem):
    with pytest.raises(ValueError, match=problem):
        clear_source(source, "code", "nb.ipynb, cell 3")


def test_student_version_clears_outputs_and_keeps_ids():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell(CODE)
    cell.id, cell.outputs, cell.execution_count = (
        "c1",
        [nbformat.v4.new_output("stream", text="secret")],
        3,
    )
    cell.metadata["execution"] = {"iopub.status.busy": "2024-01-01"}
    nb.cells = [cell]
    student = student_version(nb)
    assert student.cells[0].outputs == [] and student.cells[0].execution_count is None
    assert student.cells[0].id == "c1" and "execution" not in student.cells[0].metadata
    assert nb.cells[0].source == CODE  # the solution is left alone


def test_there_are_six_exercise_notebooks_with_matching_names():
    names = [p.name for p in SOLUTIONS]
    assert len(names) >= 6
    assert names == sorted(p.name for p in EXERCISES_DIR.glob("*.ipynb"))


@pytest.mark.parametrize("path", SOLUTIONS, ids=[p.name for p in SOLUTIONS])
def test_solution_cells_are_nbgrader_solution_cells(path):
    nb = nbformat.read(path, as_version=4)
    grade_ids = []
    for cell in nb.cells:
        if "BEGIN SOLUTION" in cell.source:
            meta = cell.metadata.get("nbgrader", {})
            assert meta.get("solution") is True and meta.get("grade") is False
            grade_ids.append(meta["grade_id"])
    assert grade_ids and len(set(grade_ids)) == len(grade_ids)


@pytest.mark.parametrize("path", SOLUTIONS, ids=[p.name for p in SOLUTIONS])
def test_every_code_region_follows_the_placeholder_convention(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and "BEGIN SOLUTION" in cell.source:
            before = cell.source.split("### BEGIN SOLUTION")[0]
            after = cell.source.split("### END SOLUTION")[1]
            assert "= NOT_ANSWERED" in before and CHECK_CALL_RE.search(after.strip())


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
    rebuilt = build_notebook(path, EXERCISES_DIR, run=False)
    assert without_run(rebuilt) == without_run(committed), (
        f"exercises/{path.name} is stale: run python -m propaganda_kit build-exercises"
    )


@pytest.mark.parametrize("path", SOLUTIONS, ids=[p.name for p in SOLUTIONS])
def test_committed_exercise_reports_every_check_unanswered(path):
    nb = nbformat.read(EXERCISES_DIR / path.name, as_version=4)
    calls = statuses = 0
    for cell in nb.cells:
        assert "SOLUTION" not in cell.source
        if cell.cell_type != "code":
            continue
        calls += len(CHECK_CALL_RE.findall(cell.source))
        for output in cell.outputs:
            assert output.output_type != "error" and output.get("name") != "stderr"
            bundle = output.get("data", {}).get(MIME_TYPE)
            if bundle:
                statuses += 1
                assert bundle["status"] == "unanswered", bundle
    assert calls and statuses == calls


def test_cli_builds_checks_and_is_deterministic(tmp_path: Path, capsys):
    out = tmp_path / "out"
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(CODE),
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
    assert "Up to date." in capsys.readouterr().out


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
