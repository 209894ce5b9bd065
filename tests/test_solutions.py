"""Every solution notebook answers each of its exercises correctly when run from the top."""

from __future__ import annotations

import re
from collections import Counter

import nbformat
import pytest

from propaganda_kit.checks import EXERCISES, MIME_TYPE
from propaganda_kit.data.notebook_answers import ANSWER_MIME
from propaganda_kit.instructor.build_exercises import solution_paths

SOLUTIONS = solution_paths()
WIDGET_ID_RE = re.compile(r'^\w+ = exercise_widget\("([^"]+)"\)', re.MULTILINE)


def widget_ids(path) -> list[str]:
    """The exercise ids of the widget calls in the notebook's code cells, in order."""
    nb = nbformat.read(path, as_version=4)
    return [i for c in nb.cells if c.cell_type == "code" for i in WIDGET_ID_RE.findall(c.source)]


def kept_outputs(cell_outputs) -> list[dict]:
    """The answer-record outputs among the outputs of each code cell, in order."""
    return [
        out["data"]
        for outputs in cell_outputs
        for out in outputs
        if ANSWER_MIME in out.get("data", {})
    ]


@pytest.mark.slow
@pytest.mark.parametrize("path", SOLUTIONS, ids=[p.name for p in SOLUTIONS])
def test_solution_runs_and_every_widget_answer_is_correct(path, notebook_outputs):
    kept = kept_outputs(notebook_outputs(path).values())
    assert [data[ANSWER_MIME]["exercise"] for data in kept] == widget_ids(path)
    for data in kept:
        record, bundle = data[ANSWER_MIME], data[MIME_TYPE]
        assert record["answer"] is not None and bundle["exercise"] == record["exercise"]
        assert bundle["status"] == "correct", bundle
        assert bundle["points"] == bundle["max_points"] == EXERCISES[bundle["exercise"]].max_points


def test_every_exercise_in_the_keys_has_one_widget_in_its_notebook():
    """Each exercise of the exercise notebooks' keys (lessons have keys too) appears once."""
    names = {path.name for path in SOLUTIONS}
    found = [(ex_id, path.name) for path in SOLUTIONS for ex_id in widget_ids(path)]
    counts = Counter(ex_id for ex_id, _ in found)
    assert all(n == 1 for n in counts.values()), counts
    keys = {ex_id: ex.notebook for ex_id, ex in EXERCISES.items() if ex.notebook in names}
    assert keys == dict(found)
