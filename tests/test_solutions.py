"""Every solution notebook passes its own checks when run from the top."""

from __future__ import annotations

import re

import nbformat
import pytest

from propaganda_kit.checks import EXERCISES, MIME_TYPE
from propaganda_kit.instructor.build_exercises import solution_paths

SOLUTIONS = solution_paths()
CHECK_ID_RE = re.compile(r'^check\("([^"]+)"', re.MULTILINE)


def check_bundles(cell_outputs) -> list[dict]:
    """The check bundles among the outputs of each code cell, in order."""
    return [
        out["data"][MIME_TYPE]
        for outputs in cell_outputs
        for out in outputs
        if MIME_TYPE in out.get("data", {})
    ]


@pytest.mark.slow
@pytest.mark.parametrize("path", SOLUTIONS, ids=[p.name for p in SOLUTIONS])
def test_solution_runs_and_every_check_is_correct(path, notebook_outputs):
    nb = nbformat.read(path, as_version=4)
    called = [
        m for cell in nb.cells if cell.cell_type == "code" for m in CHECK_ID_RE.findall(cell.source)
    ]
    bundles = check_bundles(notebook_outputs(path).values())
    assert [b["exercise"] for b in bundles] == called
    for bundle in bundles:
        assert bundle["status"] == "correct", bundle
        assert bundle["points"] == bundle["max_points"] == EXERCISES[bundle["exercise"]].max_points


def test_every_exercise_in_the_keys_is_checked_in_its_notebook():
    checked = {}
    for path in SOLUTIONS:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            for ex_id in CHECK_ID_RE.findall(cell.source):
                checked[ex_id] = path.name
    assert {ex_id: ex.notebook for ex_id, ex in EXERCISES.items()} == checked
