"""Student exercise notebooks from the solution notebooks (the one source).

Solutions mark what students must not see nbgrader-style. In code cells the lines from
``### BEGIN SOLUTION`` to ``### END SOLUTION`` become one comment line, ``CODE_STUB``
(students answer in the exercise widget the cell displays), and the lines from
``### BEGIN HIDDEN TESTS`` to ``### END HIDDEN TESTS`` go; in markdown cells a solution
region becomes ``YOUR ANSWER HERE``. Outputs and the solution run's widget state (it holds the
answers) go too. The student notebooks are then run unfilled, in an empty
folder with an empty saved-work folder, so their committed outputs (the answer records
included) show every exercise as not answered yet.

nbgrader gives the same student version: ``course_template/nbgrader_config.py`` sets its
ClearSolutions stubs to these.
"""

from __future__ import annotations

import copy
import os
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from propaganda_kit.data.notebook_answers import SESSION_VARIABLE
from propaganda_kit.data.paths import CHECKOUT
from propaganda_kit.data.saved_work import WORK_VARIABLE

SOLUTIONS_DIR = CHECKOUT / "solutions"
EXERCISES_DIR = CHECKOUT / "exercises"
SOLUTION = ("BEGIN SOLUTION", "END SOLUTION")
HIDDEN_TESTS = ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
CODE_STUB = "# Give your answer in the widget below, then press 'Check my answer'."
MARKDOWN_STUB = "YOUR ANSWER HERE"
VOLATILE_CELL_METADATA = ("execution", "collapsed", "scrolled")
TIMEOUT_SECONDS = 300
EXERCISE_GLOB = "ex[0-9]*.ipynb"  # other notebooks in solutions/ (instructors' own) are left alone


def replace_regions(
    source: str, markers: tuple[str, str], stub: str | None, where: str
) -> tuple[str, int]:
    """``source`` with each region between ``markers`` replaced by ``stub`` (indented like the
    first marker) or, when ``stub`` is None, removed; also the number of regions."""
    begin, end = markers
    lines, inside, regions = [], False, 0
    for line in source.split("\n"):
        if begin in line:
            if inside:
                raise ValueError(f"{where}: a {begin} inside another {begin[6:]} region")
            inside, regions = True, regions + 1
            if stub is not None:
                lines.append(line[: len(line) - len(line.lstrip())] + stub)
        elif end in line:
            if not inside:
                raise ValueError(f"{where}: {end} without a {begin} before it")
            inside = False
        elif not inside:
            lines.append(line)
    if inside:
        raise ValueError(f"{where}: {begin} without an {end}")
    return "\n".join(lines), regions


def clear_source(source: str, cell_type: str, where: str) -> tuple[str, int]:
    """``source`` as students get it; also the number of solution regions it had."""
    stub = CODE_STUB if cell_type == "code" else MARKDOWN_STUB
    source, regions = replace_regions(source, SOLUTION, stub, where)
    if cell_type == "code":
        source, _ = replace_regions(source, HIDDEN_TESTS, None, where)
    return source, regions


def student_version(
    solution: nbformat.NotebookNode, name: str = "notebook"
) -> nbformat.NotebookNode:
    """A copy of ``solution`` with every solution and hidden-test region cleared, every output
    removed, and no widget state (a run of the solution saves its answers there)."""
    nb = copy.deepcopy(solution)
    nb.metadata.pop("widgets", None)
    for number, cell in enumerate(nb.cells, start=1):
        if cell.cell_type in ("code", "markdown"):
            cell.source, _ = clear_source(cell.source, cell.cell_type, f"{name}, cell {number}")
        for field in VOLATILE_CELL_METADATA:
            cell.metadata.pop(field, None)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


def execute(nb: nbformat.NotebookNode, folder: Path | None = None) -> nbformat.NotebookNode:
    """Run ``nb`` in a fresh python3 kernel in ``folder`` (default: a new empty one).

    The kernel has an empty saved-work folder and no Jupyter session path, so no answer
    kept on this machine reaches the outputs (only a notebook file in ``folder`` can).
    """
    with tempfile.TemporaryDirectory(prefix="kit-build-") as empty:
        env = {k: v for k, v in os.environ.items() if k != SESSION_VARIABLE}
        env[WORK_VARIABLE] = str(Path(empty) / "no_saved_work")
        NotebookClient(
            nb,
            timeout=TIMEOUT_SECONDS,
            kernel_name="python3",
            record_timing=False,
            resources={"metadata": {"path": str(folder or empty)}},
        ).execute(env=env)
    return nb


def build_notebook(solution_path: Path, run: bool = True) -> str:
    """The student notebook for ``solution_path`` as the exact text to write."""
    solution = nbformat.read(solution_path, as_version=4)
    nb = student_version(solution, solution_path.name)
    if run:
        execute(nb)
    return nbformat.writes(nb) + "\n"


def solution_paths(solutions_dir: Path = SOLUTIONS_DIR) -> list[Path]:
    """The exercise solution notebooks (``exNN_*.ipynb``), in name order."""
    return sorted(solutions_dir.glob(EXERCISE_GLOB))


def build_all(
    solutions_dir: Path = SOLUTIONS_DIR,
    exercises_dir: Path = EXERCISES_DIR,
    run: bool = True,
    check_only: bool = False,
) -> list[str]:
    """Write (or, with ``check_only``, compare) every student notebook; return stale names."""
    stale = []
    for path in solution_paths(solutions_dir):
        text = build_notebook(path, run=run)
        target = exercises_dir / path.name
        if not target.exists() or target.read_bytes() != text.encode("utf-8"):
            stale.append(path.name)
            if not check_only:
                exercises_dir.mkdir(parents=True, exist_ok=True)
                target.write_bytes(text.encode("utf-8"))
    return stale
