"""The grader: a class of small notebooks that emit check bundles, graded into a CSV."""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import json
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from widget_submissions import answered_copy, record_outputs, widget_cells

from propaganda_kit.instructor.build_exercises import solution_paths, student_version
from propaganda_kit.instructor.cli import main
from propaganda_kit.instructor.grading import (
    GRADEBOOK_COLUMNS,
    MIME_TYPE,
    GradeRow,
    RunOutcome,
    check_results,
    exercise_ids_in_source,
    expected_exercises,
    find_submissions,
    grade_folder,
    grade_submission,
    summarise,
    write_gradebook,
)

FAKE_CHECK = '''
from IPython.display import display

def check(exercise_id, answer):
    """Stands in for propaganda_kit.checks.check: the right answer is 42, worth 2 points."""
    status = "unanswered" if answer is None else "correct" if answer == 42 else "incorrect"
    data = {"exercise": exercise_id, "status": status,
            "points": 2.0 if status == "correct" else 0.0, "max_points": 2.0,
            "feedback": "feedback for " + status}
    display({"text/html": f'<div class="kit-check kit-check-{status}">{status}</div>',
             "text/plain": status, "application/vnd.propaganda-kit.check+json": data}, raw=True)
'''


class Info:
    """An exercise as the grader sees it."""

    def __init__(self, max_points: float, notebook: str) -> None:
        self.max_points, self.notebook = max_points, notebook


EXERCISES = {name: Info(2.0, "ex09_fake.ipynb") for name in ("ex-a", "ex-b", "ex-c")}


def notebook(answers: dict[str, str], extra: dict[str, str] | None = None) -> str:
    """A fake exercise notebook: one answer cell and one check cell per exercise."""
    cells = [new_markdown_cell("# A fake exercise"), new_code_cell(FAKE_CHECK)]
    for name in ("ex-a", "ex-b", "ex-c"):
        if extra and name in extra:
            cells.append(new_code_cell(extra[name]))
        variable = "answer_" + name[-1]
        cells.append(new_code_cell(f"{variable} = {answers.get(name, 'None')}"))
        cells.append(new_code_cell(f'check("{name}", {variable})'))
    return nbformat.writes(new_notebook(cells=cells))


def make_class(folder: Path) -> None:
    """Seven submissions, flat (alice.ipynb) and in subfolders (bob/ex09_fake.ipynb)."""
    folder.mkdir()
    (folder / "perfect.ipynb").write_text(notebook({"ex-a": "42", "ex-b": "42", "ex-c": "42"}))
    (folder / "empty.ipynb").write_text(notebook({}))
    (folder / "half").mkdir()
    (folder / "half" / "ex09_fake.ipynb").write_text(notebook({"ex-a": "42", "ex-b": "7"}))
    (folder / "raises.ipynb").write_text(
        notebook({"ex-a": "42", "ex-b": "1/0", "ex-c": "undefined_name"})
    )
    loops = nbformat.reads(
        notebook(
            {"ex-a": "42", "ex-b": "42", "ex-c": "42"}, extra={"ex-b": "while True:\n    pass"}
        ),
        as_version=4,
    )
    loops.cells[-1].outputs = bundle_cell(
        {"exercise": "ex-c", "status": "correct", "points": 2, "max_points": 2, "feedback": "stale"}
    ).outputs
    (folder / "loops.ipynb").write_text(nbformat.writes(loops))  # saved outputs never count
    (folder / "garbage").mkdir()
    (folder / "garbage" / "ex09_fake.ipynb").write_bytes(b"\x89PNG not a notebook \xff")
    (folder / "=jsonish.ipynb").write_text(json.dumps({"cells": "no"}))
    (folder / ".ipynb_checkpoints").mkdir()
    (folder / ".ipynb_checkpoints" / "perfect-checkpoint.ipynb").write_text("ignored")


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


EXPECTED_ROWS = [
    # student, notebook, exercise, status, points, max_points, feedback (start)
    (
        "'=jsonish",
        "'=jsonish.ipynb",
        "",
        "malformed",
        "0",
        "0",
        "this file is not a valid notebook",
    ),
    ("empty", "empty.ipynb", "ex-a", "unanswered", "0", "2", "feedback for unanswered"),
    ("empty", "empty.ipynb", "ex-b", "unanswered", "0", "2", "feedback for unanswered"),
    ("empty", "empty.ipynb", "ex-c", "unanswered", "0", "2", "feedback for unanswered"),
    ("garbage", "ex09_fake.ipynb", "ex-a", "malformed", "0", "2", "this file is not a notebook"),
    ("garbage", "ex09_fake.ipynb", "ex-b", "malformed", "0", "2", "this file is not a notebook"),
    ("garbage", "ex09_fake.ipynb", "ex-c", "malformed", "0", "2", "this file is not a notebook"),
    ("half", "ex09_fake.ipynb", "ex-a", "correct", "2", "2", "feedback for correct"),
    ("half", "ex09_fake.ipynb", "ex-b", "incorrect", "0", "2", "feedback for incorrect"),
    ("half", "ex09_fake.ipynb", "ex-c", "unanswered", "0", "2", "feedback for unanswered"),
    ("loops", "loops.ipynb", "ex-a", "correct", "2", "2", "feedback for correct"),
    (
        "loops",
        "loops.ipynb",
        "ex-b",
        "timeout",
        "0",
        "2",
        "the notebook was stopped after 3 seconds in code cell 4 (`while True:`) (is there an "
        "endless loop?); this check did not run",
    ),
    ("loops", "loops.ipynb", "ex-c", "timeout", "0", "2", "the notebook was stopped after 3"),
    ("perfect", "perfect.ipynb", "ex-a", "correct", "2", "2", "feedback for correct"),
    ("perfect", "perfect.ipynb", "ex-b", "correct", "2", "2", "feedback for correct"),
    ("perfect", "perfect.ipynb", "ex-c", "correct", "2", "2", "feedback for correct"),
    ("raises", "raises.ipynb", "ex-a", "correct", "2", "2", "feedback for correct"),
    (
        "raises",
        "raises.ipynb",
        "ex-b",
        "error",
        "0",
        "2",
        'code cell 5 (`check("ex-b", answer_b)`) raised NameError',
    ),
    (
        "raises",
        "raises.ipynb",
        "ex-c",
        "error",
        "0",
        "2",
        'code cell 7 (`check("ex-c", answer_c)`) raised NameError',
    ),
]


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory) -> tuple[Path, Path, dict, str]:
    """The fake class graded once through the command line (two notebooks at a time)."""
    root = tmp_path_factory.mktemp("grading")
    folder = root / "submissions"
    make_class(folder)
    before = snapshot(folder)
    out = root / "grades.csv"
    printed = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(printed):
        patch.setattr(
            "propaganda_kit.instructor.apps.grade.grade_folder",
            functools.partial(grade_folder, exercises=EXERCISES),
        )
        status = main(["grade", str(folder), "--out", str(out), "--timeout", "3", "--jobs", "2"])
    assert status == 0
    return folder, out, before, printed.getvalue()


@pytest.mark.slow
def test_gradebook_rows_one_by_one(graded_class):
    _, out, _, _ = graded_class
    rows = read_csv(out)
    assert list(rows[0]) == GRADEBOOK_COLUMNS
    got = sorted(
        (
            r["student"],
            r["notebook"],
            r["exercise"],
            r["status"],
            r["points"],
            r["max_points"],
            r["feedback"],
        )
        for r in rows
    )
    assert len(got) == len(EXPECTED_ROWS)
    for row, expected in zip(got, EXPECTED_ROWS, strict=True):
        assert row[:6] == expected[:6]
        assert row[6].startswith(expected[6]), (row, expected)


@pytest.mark.slow
def test_grading_changes_nothing_in_the_submissions(graded_class):
    folder, _, before, _ = graded_class
    assert snapshot(folder) == before


@pytest.mark.slow
def test_summary_per_student(graded_class):
    _, _, _, printed = graded_class
    assert "perfect: 6 of 6 points (3 correct)" in printed
    assert "loops: 2 of 6 points (1 correct, 2 timeout)" in printed
    assert "half: 2 of 6 points (1 correct, 1 incorrect, 1 unanswered)" in printed
    assert "Gradebook written to" in printed


@pytest.mark.slow
def test_whole_notebook_time_limit(tmp_path: Path):
    folder = tmp_path / "subs"
    folder.mkdir()
    slow = notebook(
        {"ex-a": "42", "ex-b": "42", "ex-c": "42"},
        extra={name: "import time\ntime.sleep(1.5)" for name in ("ex-a", "ex-b")},
    )
    (folder / "slow.ipynb").write_text(slow)
    rows = grade_folder(folder, EXERCISES, timeout=30, notebook_timeout=2)
    assert [r.status for r in rows] == ["correct", "timeout", "timeout"]
    assert "stopped after the notebook's limit of 2 seconds" in rows[1].feedback


def test_kernel_that_exits_is_an_error_and_grading_goes_on(tmp_path: Path):
    folder = tmp_path / "subs"
    folder.mkdir()
    (folder / "exits.ipynb").write_text(
        notebook({"ex-a": "42"}, extra={"ex-b": "import os\nos._exit(1)"})
    )
    (folder / "fine.ipynb").write_text(notebook({"ex-a": "42", "ex-b": "42", "ex-c": "42"}))
    rows = grade_folder(folder, EXERCISES, timeout=20)
    assert [(r.student, r.status) for r in rows] == [
        ("exits", "correct"),
        ("exits", "error"),
        ("exits", "error"),
        ("fine", "correct"),
        ("fine", "correct"),
        ("fine", "correct"),
    ]
    assert "kernel crashed or exited" in rows[1].feedback


def test_find_submissions_naming_rule(tmp_path: Path):
    (tmp_path / "zoe.ipynb").write_text("{}")
    (tmp_path / "adam" / "week1").mkdir(parents=True)
    (tmp_path / "adam" / "week1" / "ex01.ipynb").write_text("{}")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.ipynb").write_text("{}")
    subs = find_submissions(tmp_path)
    assert [(s.student, s.notebook) for s in subs] == [("adam", "ex01.ipynb"), ("zoe", "zoe.ipynb")]
    with pytest.raises(ValueError, match="not a folder"):
        find_submissions(tmp_path / "missing")


def test_widget_and_check_calls_are_found_in_source():
    cells = [
        new_code_cell("check(\"ex-a\", x)\ncheck( 'ex-b', y)"),
        new_markdown_cell('check("in-markdown", 1)'),
        new_code_cell('answer_d = exercise_widget("ex-d")\nanswer_d'),
        new_code_cell('check(exercise_id="ex-c", answer=1)\ncheck("ex-a", z)'),
        new_code_cell("def check(exercise_id, answer): pass"),
    ]
    assert exercise_ids_in_source(cells) == ["ex-a", "ex-b", "ex-d", "ex-c"]


def bundle_cell(*payloads) -> dict:
    cell = new_code_cell("")
    cell.outputs = [
        nbformat.v4.new_output("display_data", data={MIME_TYPE: p, "text/plain": ""})
        for p in payloads
    ]
    return cell


def test_last_bundle_counts_and_json_strings_are_read():
    first = {
        "exercise": "ex-a",
        "status": "incorrect",
        "points": 0,
        "max_points": 2,
        "feedback": "",
    }
    last = dict(first, status="correct", points=2)
    cells = [bundle_cell(first), bundle_cell(json.dumps(last), "not json", {"no": "exercise"})]
    assert check_results(cells) == {"ex-a": last}


def test_points_are_kept_within_the_registry_maximum(monkeypatch, tmp_path: Path):
    path = tmp_path / "ex09_fake.ipynb"
    path.write_text("{}")
    forged = {
        "exercise": "ex-a",
        "status": "correct",
        "points": 1000,
        "max_points": 1000,
        "feedback": "line one\nline two",
    }
    odd = {"exercise": "ex-b", "status": "brilliant", "points": 5, "max_points": 5, "feedback": ""}
    unknown = {
        "exercise": "ex-z",
        "status": "incorrect",
        "points": -3,
        "max_points": 4,
        "feedback": "",
    }
    outcome = RunOutcome([bundle_cell(forged, odd, unknown)])
    monkeypatch.setattr("propaganda_kit.instructor.grading.run_notebook", lambda *a: outcome)
    from propaganda_kit.instructor.grading import Submission

    rows = grade_submission(Submission("amy", path.name, path), EXERCISES)
    assert [(r.exercise, r.status, r.points, r.max_points) for r in rows] == [
        ("ex-a", "correct", 2.0, 2.0),
        ("ex-b", "error", 0.0, 2.0),
        ("ex-c", "not run", 0.0, 2.0),
        ("ex-z", "incorrect", 0.0, 4.0),
    ]
    assert rows[0].feedback == "line one line two"
    assert rows[1].feedback == "the check's output could not be read"
    assert rows[2].feedback == "not run"


def test_expected_exercises_for_a_flat_name_come_from_the_closest_notebook():
    other = {"ex-x": Info(1.0, "ex08_other.ipynb")}
    registry = {**EXERCISES, **other}
    cells = [new_code_cell('check("ex-b", 1)')]
    assert expected_exercises("alice.ipynb", cells, registry) == ["ex-a", "ex-b", "ex-c"]
    assert expected_exercises("ex08_other.ipynb", cells, registry) == ["ex-x", "ex-b"]
    assert expected_exercises("alice.ipynb", [], registry) == []


def test_a_notebook_without_checks_gets_one_row(tmp_path: Path):
    folder = tmp_path / "subs"
    folder.mkdir()
    (folder / "essay.ipynb").write_text(
        nbformat.writes(new_notebook(cells=[new_code_cell("print('hello')")]))
    )
    rows = grade_folder(folder, {}, timeout=20)
    assert rows == [
        GradeRow(
            "essay",
            "essay.ipynb",
            "",
            "not run",
            0.0,
            0.0,
            "no exercise check was found in this notebook",
        )
    ]


def test_csv_and_summary_format(tmp_path: Path):
    rows = [
        GradeRow("a", "n.ipynb", "ex-a", "correct", 1.5, 2.0, "ok"),
        GradeRow("a", "n.ipynb", "ex-b", "incorrect", 0.0, 2.0, "-1 is wrong"),
        GradeRow("b", "n.ipynb", "ex-a", "error", 0.0, 2.0, "x"),
    ]
    write_gradebook(rows, tmp_path / "g.csv")
    assert (tmp_path / "g.csv").read_text(encoding="utf-8").splitlines() == [
        ",".join(GRADEBOOK_COLUMNS),
        "a,n.ipynb,ex-a,correct,1.5,2,ok",
        "a,n.ipynb,ex-b,incorrect,0,2,'-1 is wrong",
        "b,n.ipynb,ex-a,error,0,2,x",
    ]
    assert summarise(rows) == [
        "a: 1.5 of 4 points (1 correct, 1 incorrect)",
        "b: 0 of 2 points (1 error)",
    ]


def test_cli_refuses_a_missing_or_empty_folder(tmp_path: Path, capsys):
    assert main(["grade", str(tmp_path / "nope")]) == 1
    assert "not a folder" in capsys.readouterr().out
    assert main(["grade", str(tmp_path)]) == 1
    assert "no .ipynb files" in capsys.readouterr().out


FIRST_SOLUTION = solution_paths()[0]


@pytest.mark.slow
def test_widget_hand_ins_get_the_verdicts_their_students_saw(tmp_path: Path, monkeypatch):
    """The first real exercise handed in answered in its widgets (the answers only in the
    record outputs), untouched, renamed, half-kept, raising and looping; graded alone, each
    in a fresh kernel, with saved work on the grading machine that must not count."""
    from propaganda_kit.checks import EXERCISES as REGISTRY
    from propaganda_kit.checks.kept_answers import new_record
    from propaganda_kit.data.saved_work import save_answers

    name = FIRST_SOLUTION.name
    student = tmp_path / "release" / name
    student.parent.mkdir()
    nbformat.write(student_version(nbformat.read(FIRST_SOLUTION, as_version=4), name), student)
    answered_path = tmp_path / "answered" / name
    answered_copy(student, FIRST_SOLUTION, answered_path)
    answered = nbformat.read(answered_path, as_version=4)
    seen = {ex_id: bundle for ex_id, (_, bundle) in record_outputs(answered).items()}
    where = widget_cells(answered)
    ids = list(where)
    assert ids == [i for i, ex in REGISTRY.items() if ex.notebook == name] and len(ids) >= 3
    assert {bundle["status"] for bundle in seen.values()} == {"correct"}

    folder = tmp_path / "submissions"

    def hand_in(path: Path, nb) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, path)

    hand_in(folder / "ada" / name, answered)
    hand_in(folder / "ben" / name, nbformat.read(student, as_version=4))
    hand_in(folder / "cleo.ipynb", answered)  # renamed: the answers still come back
    half = nbformat.from_dict(answered)
    half_kept = len(ids) // 2
    for ex_id in ids[half_kept:]:
        half.cells[where[ex_id]].outputs = []
    hand_in(folder / "dan" / name, half)
    raises = nbformat.from_dict(answered)
    raises.cells[where[ids[1]]].source = "1/0\n" + raises.cells[where[ids[1]]].source
    hand_in(folder / "eve" / name, raises)
    loops = nbformat.from_dict(answered)
    loops.cells.insert(where[ids[2]], new_code_cell("while True:\n    pass"))
    hand_in(folder / "fay" / name, loops)

    work = tmp_path / "grader_work"  # saved work on the grading machine: right answers
    for ex_id in ids:
        save_answers(ex_id, new_record(ex_id, answered_answer(answered, ex_id)), work)
    monkeypatch.setenv("PROPAGANDA_KIT_WORK", str(work))

    out = tmp_path / "grades.csv"
    assert main(["grade", str(folder), "--out", str(out), "--timeout", "20", "--jobs", "2"]) == 0
    rows = read_csv(out)
    students = ("ada", "ben", "cleo", "dan", "eve", "fay")
    assert [(r["student"], r["exercise"]) for r in rows] == [(s, i) for s in students for i in ids]
    expected = {
        "ada": ["correct"] * len(ids),
        "ben": ["unanswered"] * len(ids),
        "cleo": ["correct"] * len(ids),
        "dan": ["correct"] * half_kept + ["unanswered"] * (len(ids) - half_kept),
        "eve": ["correct", "error"] + ["correct"] * (len(ids) - 2),
        "fay": ["correct", "correct"] + ["timeout"] * (len(ids) - 2),
    }
    for row in rows:
        status = expected[row["student"]].pop(0)
        most = REGISTRY[row["exercise"]].max_points
        assert row["status"] == status, row
        assert float(row["max_points"]) == most
        assert float(row["points"]) == (most if status == "correct" else 0.0)
        if status == "correct":
            assert row["feedback"] == " ".join(seen[row["exercise"]]["feedback"].split())
        if status == "unanswered":
            assert row["feedback"].startswith("Not answered yet")
        if status == "error":
            assert "raised ZeroDivisionError: division by zero" in row["feedback"]
        if status == "timeout":
            assert "stopped after 20 seconds" in row["feedback"]


def answered_answer(nb, ex_id: str):
    """The answer kept for ``ex_id`` in the record outputs of ``nb``."""
    return record_outputs(nb)[ex_id][0]["answer"]
