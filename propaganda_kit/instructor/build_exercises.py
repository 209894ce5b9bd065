"""Student exercise notebooks from the solution notebooks (the one source).

Solutions mark answers nbgrader-style: in code cells the lines from ``### BEGIN SOLUTION`` to
``### END SOLUTION`` become one comment line, ``# YOUR ANSWER HERE: replace NOT_ANSWERED with
<hint>`` (the hint is the text after ``BEGIN SOLUTION`` on the marker line, or a generic one);
in markdown cells the region becomes ``YOUR ANSWER HERE``. The student notebooks are then run
unfilled, so their committed outputs show every check as "not answered yet".

nbgrader users can take ``solutions/`` as their source as it is: the solution cells carry
nbgrader metadata and the same markers (nbgrader's ClearSolutions inserts its own stubs).
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from propaganda_kit.data.paths import CHECKOUT

SOLUTIONS_DIR = CHECKOUT / "solutions"
EXERCISES_DIR = CHECKOUT / "exercises"
BEGIN, END = "BEGIN SOLUTION", "END SOLUTION"
GENERIC_HINT = "your answer"
MARKDOWN_STUB = "YOUR ANSWER HERE"
VOLATILE_CELL_METADATA = ("execution", "collapsed", "scrolled")
HINT_TRIM_RE = re.compile(r"^[\s#:\-–]+|\s+$")
TIMEOUT_SECONDS = 300
EXERCISE_GLOB = "ex[0-9]*.ipynb"  # other notebooks in solutions/ (instructors' own) are left alone


def code_stub(marker_line: str) -> str:
    """The student's line for a code region, indented like the marker."""
    indent = marker_line[: len(marker_line) - len(marker_line.lstrip())]
    hint = HINT_TRIM_RE.sub("", marker_line.split(BEGIN, 1)[1]) or GENERIC_HINT
    return f"{indent}# YOUR ANSWER HERE: replace NOT_ANSWERED with {hint}"


def clear_source(source: str, cell_type: str, where: str) -> tuple[str, int]:
    """``source`` with each solution region replaced; also the number of regions."""
    lines, inside, regions = [], False, 0
    for line in source.split("\n"):
        if BEGIN in line:
            if inside:
                raise ValueError(f"{where}: a BEGIN SOLUTION inside another solution region")
            inside, regions = True, regions + 1
            lines.append(code_stub(line) if cell_type == "code" else MARKDOWN_STUB)
        elif END in line:
            if not inside:
                raise ValueError(f"{where}: END SOLUTION without a BEGIN SOLUTION before it")
            inside = False
        elif not inside:
            lines.append(line)
    if inside:
        raise ValueError(f"{where}: BEGIN SOLUTION without an END SOLUTION")
    return "\n".join(lines), regions


def student_version(
    solution: nbformat.NotebookNode, name: str = "notebook"
) -> nbformat.NotebookNode:
    """A copy of ``solution`` with every solution region cleared and every output removed."""
    nb = copy.deepcopy(solution)
    for number, cell in enumerate(nb.cells, start=1):
        if cell.cell_type in ("code", "markdown"):
            cell.source, _ = clear_source(cell.source, cell.cell_type, f"{name}, cell {number}")
        for field in VOLATILE_CELL_METADATA:
            cell.metadata.pop(field, None)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


def execute(nb: nbformat.NotebookNode, folder: Path) -> nbformat.NotebookNode:
    """Run ``nb`` in a python3 kernel whose working directory is ``folder``."""
    NotebookClient(
        nb,
        timeout=TIMEOUT_SECONDS,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(folder)}},
    ).execute()
    return nb


def build_notebook(
    solution_path: Path, exercises_dir: Path = EXERCISES_DIR, run: bool = True
) -> str:
    """The student notebook for ``solution_path`` as the exact text to write."""
    solution = nbformat.read(solution_path, as_version=4)
    nb = student_version(solution, solution_path.name)
    if run:
        exercises_dir.mkdir(parents=True, exist_ok=True)
        execute(nb, exercises_dir)
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
        text = build_notebook(path, exercises_dir, run=run)
        target = exercises_dir / path.name
        if not target.exists() or target.read_bytes() != text.encode("utf-8"):
            stale.append(path.name)
            if not check_only:
                exercises_dir.mkdir(parents=True, exist_ok=True)
                target.write_bytes(text.encode("utf-8"))
    return stale
