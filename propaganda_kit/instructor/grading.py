"""Grading a class: run each submitted notebook, read its check results, write a gradebook.

Each notebook runs in its own fresh ``python3`` kernel, in a temporary folder holding a copy
of it, so nothing in the submissions folder is changed. The kernel's Jupyter session path is
the copy, so each exercise widget restores the answer kept in the handed-in file's outputs
(whatever the file is called), and its saved-work folder is an empty one, so no work saved on
the grading machine counts. The grader reads the check bundles the run displayed (by the
widgets, or by ``check(exercise_id, answer)``; the last one per exercise counts) and records
one row per student and expected exercise. A notebook that raises, runs too long or cannot
be read gets rows saying so, and grading goes on with the next one.
"""

from __future__ import annotations

import csv
import json
import math
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import astuple, dataclass, fields
from multiprocessing import get_context
from pathlib import Path
from typing import Protocol

from propaganda_kit.checks.result import MIME_TYPE
from propaganda_kit.data.notebook_answers import SESSION_VARIABLE
from propaganda_kit.data.saved_work import WORK_VARIABLE

CHECK_STATUSES = ("correct", "incorrect", "unanswered", "error")
EXERCISE_CALL_RE = re.compile(
    r"""\b(?:check|exercise_widget)\(\s*(?:exercise_id\s*=\s*)?["']([^"'\n]+)["']"""
)
NOT_RUN = "not run"
DEFAULT_TIMEOUT = 60.0
DEFAULT_NOTEBOOK_TIMEOUT = 600.0
SPREADSHEET_FORMULA_START = ("=", "+", "-", "@")


class ExerciseInfo(Protocol):
    """What the grader needs to know of an exercise (``propaganda_kit.checks.Exercise``)."""

    max_points: float
    notebook: str


@dataclass(frozen=True)
class Submission:
    """One notebook to grade: who handed it in and where it lies."""

    student: str
    notebook: str
    path: Path


@dataclass(frozen=True)
class GradeRow:
    """One line of the gradebook: a student's result on one exercise."""

    student: str
    notebook: str
    exercise: str
    status: str
    points: float
    max_points: float
    feedback: str


@dataclass(frozen=True)
class RunOutcome:
    """What happened when a notebook ran: its cells (with outputs) and how it stopped."""

    cells: list
    status: str = "ok"  # "ok", "timeout", "error" (kernel died) or "malformed"
    problem: str = ""
    stopped_cell: int | None = None  # index of the cell where the run stopped


GRADEBOOK_COLUMNS = [f.name for f in fields(GradeRow)]


def find_submissions(folder: str | Path) -> list[Submission]:
    """Every ``*.ipynb`` under ``folder`` (hidden folders and checkpoints skipped), sorted.

    The student is the name of the first subfolder the notebook lies in
    (``folder/alice/ex01.ipynb`` → ``alice``); a notebook directly in ``folder`` is named
    after its file (``folder/alice.ipynb`` → ``alice``). The notebook is its file name.
    """
    root = Path(folder)
    if not root.is_dir():
        raise ValueError(f"{root} is not a folder; give the folder that holds the submissions.")
    found = []
    for path in sorted(root.rglob("*.ipynb")):
        parts = path.relative_to(root).parts
        if any(p.startswith(".") for p in parts) or not path.is_file():
            continue
        student = parts[0] if len(parts) > 1 else path.stem
        found.append(Submission(student, path.name, path))
    return found


def exercise_ids_in_source(cells: Iterable) -> list[str]:
    """Exercise ids of the ``exercise_widget("…")`` and ``check("…", …)`` calls in the code
    cells, in order, once each."""
    ids: list[str] = []
    for cell in cells:
        if cell.get("cell_type") == "code":
            ids += [i for i in EXERCISE_CALL_RE.findall(_source(cell)) if i not in ids]
    return ids


def check_results(cells: Iterable) -> dict[str, dict]:
    """The check bundles displayed in the cells' outputs, by exercise; the last one counts."""
    results: dict[str, dict] = {}
    for cell in cells:
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            payload = output.get("data", {}).get(MIME_TYPE)
            if isinstance(payload, str):
                try:
                    payload = json.loads(payload)
                except json.JSONDecodeError:
                    continue
            if isinstance(payload, dict) and isinstance(payload.get("exercise"), str):
                results[payload["exercise"]] = payload
    return results


def run_notebook(
    path: Path, timeout: float = DEFAULT_TIMEOUT, notebook_timeout: float = DEFAULT_NOTEBOOK_TIMEOUT
) -> RunOutcome:
    """Execute a temporary copy of the notebook at ``path``; never change ``path``.

    The copy's saved outputs are cleared before the run, but the copy on disk keeps them: it
    is the kernel's session notebook, where the widgets find their kept answers. The kernel
    sees an empty saved-work folder. Errors in cells do not stop the run. A cell running
    longer than ``timeout`` seconds, or the whole notebook longer than ``notebook_timeout``,
    stops it and the kernel is killed.
    """
    import nbformat  # imported here: slow to load, and only grading needs them
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    try:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
    except Exception as err:  # any unreadable file: not UTF-8, not JSON, not a notebook
        return RunOutcome([], "malformed", _malformed_reason(err))
    for cell in nb.cells:  # only what runs now counts, never outputs saved in the file
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    state: dict = {"cell": None, "deadline": None, "limit": ""}

    def cell_timeout(cell: object) -> int:
        """Seconds this cell may run: the cell's limit, or what is left of the notebook's."""
        state["cell"] = next((i for i, c in enumerate(nb.cells) if c is cell), None)
        if state["deadline"] is None:  # the clock starts at the first cell, not the kernel
            state["deadline"] = time.monotonic() + notebook_timeout
        left = state["deadline"] - time.monotonic()
        state["limit"] = (
            f"{timeout:g} seconds"
            if timeout <= left
            else (f"the notebook's limit of {notebook_timeout:g} seconds")
        )
        return max(1, math.ceil(min(timeout, left)))

    with tempfile.TemporaryDirectory(prefix="kit-grade-") as workdir:
        copy = Path(workdir) / path.name
        shutil.copyfile(path, copy)
        env = dict(os.environ)
        env[SESSION_VARIABLE] = str(copy)
        env[WORK_VARIABLE] = str(Path(workdir) / "no_saved_work")
        client = NotebookClient(
            nb,
            timeout_func=cell_timeout,
            kernel_name="python3",
            allow_errors=True,
            shutdown_kernel="immediate",
            record_timing=False,
            resources={"metadata": {"path": workdir}},
        )
        try:
            client.execute(stderr=subprocess.DEVNULL, env=env)  # no kernel log lines
        except CellTimeoutError:
            return RunOutcome(nb.cells, "timeout", f"stopped after {state['limit']}", state["cell"])
        except DeadKernelError:
            return RunOutcome(
                nb.cells, "error", "stopped because its kernel crashed or exited", state["cell"]
            )
        except Exception as err:  # a kernel that would not start, or worse: grading goes on
            return RunOutcome(
                nb.cells, "error", f"stopped by a problem running it ({err})", state["cell"]
            )
    return RunOutcome(nb.cells, "ok")


def grade_submission(
    submission: Submission,
    exercises: Mapping[str, ExerciseInfo],
    timeout: float = DEFAULT_TIMEOUT,
    notebook_timeout: float = DEFAULT_NOTEBOOK_TIMEOUT,
) -> list[GradeRow]:
    """Run one submission and return its gradebook rows (one per expected exercise)."""
    outcome = run_notebook(submission.path, timeout, notebook_timeout)
    expected = expected_exercises(submission.notebook, outcome.cells, exercises)
    results = check_results(outcome.cells)
    expected += [i for i in results if i not in expected]

    def row(
        exercise: str, status: str, points: float, max_points: float, feedback: str
    ) -> GradeRow:
        return GradeRow(
            submission.student, submission.notebook, exercise, status, points, max_points, feedback
        )

    if not expected:
        if outcome.status == "malformed":
            return [row("", "malformed", 0.0, 0.0, outcome.problem)]
        return [row("", NOT_RUN, 0.0, 0.0, "no exercise check was found in this notebook")]
    rows = []
    for exercise in expected:
        known = exercises.get(exercise)
        max_points = float(known.max_points) if known is not None else 0.0
        bundle = results.get(exercise)
        if bundle is not None:
            rows.append(row(exercise, *_from_bundle(bundle, max_points)))
        else:
            status, points, feedback = _without_bundle(exercise, outcome)
            rows.append(row(exercise, status, points, max_points, feedback))
    return rows


def expected_exercises(
    notebook: str, cells: list, exercises: Mapping[str, ExerciseInfo]
) -> list[str]:
    """The exercises a notebook should answer: its registry entries plus its own exercise calls.

    The registry entries are those whose notebook has this file name; when none has, those of
    the notebook that shares the most exercise ids with it (for ``alice.ipynb``-style names).
    """
    found = exercise_ids_in_source(cells)
    by_notebook: dict[str, list[str]] = {}
    for ex_id, info in exercises.items():
        by_notebook.setdefault(info.notebook, []).append(ex_id)
    listed = by_notebook.get(notebook)
    if listed is None and found:
        best = max(
            by_notebook.items(), key=lambda kv: len(set(kv[1]) & set(found)), default=(None, [])
        )
        listed = best[1] if set(best[1]) & set(found) else []
    return list(listed or []) + [i for i in found if i not in (listed or [])]


def grade_folder(
    folder: str | Path,
    exercises: Mapping[str, ExerciseInfo] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    notebook_timeout: float = DEFAULT_NOTEBOOK_TIMEOUT,
    jobs: int = 1,
    progress: Callable[[Iterable], Iterable] | None = None,
) -> list[GradeRow]:
    """Grade every submission under ``folder``; rows sorted by student, notebook, then order.

    ``exercises`` defaults to the kit's registry (``propaganda_kit.checks.EXERCISES``).
    ``jobs`` > 1 runs that many notebooks at once, each in its own process. ``progress``
    wraps the stream of finished submissions (e.g. ``tqdm``).
    """
    if exercises is None:
        from propaganda_kit.checks import EXERCISES as exercises  # loaded late: it reads the keys
    submissions = find_submissions(folder)
    wrap = progress or (lambda items: items)
    graded: dict[Submission, list[GradeRow]] = {}
    if jobs <= 1:
        for sub in wrap(submissions):
            graded[sub] = grade_submission(sub, exercises, timeout, notebook_timeout)
    else:
        plain = {k: _Info(float(v.max_points), v.notebook) for k, v in exercises.items()}
        with ProcessPoolExecutor(jobs, mp_context=get_context("spawn")) as pool:
            futures = {
                pool.submit(grade_submission, sub, plain, timeout, notebook_timeout): sub
                for sub in submissions
            }
            for future in wrap(as_completed(futures)):
                graded[futures[future]] = future.result()
    return [row for sub in submissions for row in graded[sub]]


def write_gradebook(rows: Iterable[GradeRow], path: str | Path) -> None:
    """Write the rows as a UTF-8 CSV with the GRADEBOOK_COLUMNS header."""
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(GRADEBOOK_COLUMNS)
        for row in rows:
            writer.writerow([_csv_cell(value) for value in astuple(row)])


def summarise(rows: Iterable[GradeRow]) -> list[str]:
    """One plain line per student: points out of the maximum and the count of each status."""
    totals: dict[str, list] = {}
    for row in rows:
        points, most, statuses = totals.setdefault(row.student, [0.0, 0.0, {}])
        totals[row.student][0] = points + row.points
        totals[row.student][1] = most + row.max_points
        statuses[row.status] = statuses.get(row.status, 0) + 1
    lines = []
    for student, (points, most, statuses) in totals.items():
        counts = ", ".join(f"{n} {status}" for status, n in sorted(statuses.items()))
        lines.append(f"{student}: {points:g} of {most:g} points ({counts})")
    return lines


@dataclass(frozen=True)
class _Info:
    """A plain, picklable copy of an exercise's points and notebook (for worker processes)."""

    max_points: float
    notebook: str


def _source(cell: Mapping) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _malformed_reason(err: Exception) -> str:
    if isinstance(err, UnicodeDecodeError):
        return "this file is not a notebook (not UTF-8 text); nothing was run"
    if isinstance(err, json.JSONDecodeError) or "JSON" in type(err).__name__:
        return "this file is not a notebook (not valid JSON); nothing was run"
    return "this file is not a valid notebook (JSON, but not in notebook format); nothing was run"


def _from_bundle(bundle: dict, max_points: float) -> tuple[str, float, float, str]:
    """(status, points, max_points, feedback) from a check bundle, points kept in range."""
    status = bundle.get("status")
    if status not in CHECK_STATUSES:
        return "error", 0.0, max_points, "the check's output could not be read"
    if not max_points:
        max_points = _number(bundle.get("max_points"))
    points = min(max(_number(bundle.get("points")), 0.0), max_points)
    return status, points, max_points, _one_line(str(bundle.get("feedback", "")))


def _without_bundle(exercise: str, outcome: RunOutcome) -> tuple[str, float, str]:
    """(status, points, feedback) for an expected exercise whose check showed nothing."""
    if outcome.status == "malformed":
        return "malformed", 0.0, outcome.problem
    for number, cell in enumerate(outcome.cells):
        if cell.get("cell_type") == "code" and exercise in EXERCISE_CALL_RE.findall(_source(cell)):
            error = next(
                (o for o in cell.get("outputs", []) if o.get("output_type") == "error"), None
            )
            if error is not None:
                return (
                    "error",
                    0.0,
                    f"{_cell_name(outcome.cells, number)} raised "
                    f"{error.get('ename', 'an error')}: {_one_line(error.get('evalue', ''))}"
                    "; the check did not run",
                )
    if outcome.status in ("timeout", "error"):
        where = _cell_name(outcome.cells, outcome.stopped_cell)
        hint = " (is there an endless loop?)" if outcome.status == "timeout" else ""
        return (
            outcome.status,
            0.0,
            f"the notebook was {outcome.problem} in {where}{hint}; this check did not run",
        )
    return NOT_RUN, 0.0, NOT_RUN


def _cell_name(cells: list, index: int | None) -> str:
    """'code cell 3 (`first line`)' for the cell at ``index``."""
    if index is None:
        return "a cell"
    number = sum(1 for c in cells[: index + 1] if c.get("cell_type") == "code")
    first = next((ln.strip() for ln in _source(cells[index]).splitlines() if ln.strip()), "")
    first = first if len(first) <= 40 else first[:39] + "…"
    return f"code cell {number} (`{first}`)" if first else f"code cell {number}"


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return 0.0
    return float(value)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _csv_cell(value: object) -> str:
    """Numbers as '1' or '0.5'; text that a spreadsheet would run as a formula gets a "'"."""
    if isinstance(value, float):
        return f"{value:g}"
    text = str(value)
    return "'" + text if text.startswith(SPREADSHEET_FORMULA_START) else text
