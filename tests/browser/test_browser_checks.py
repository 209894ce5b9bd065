"""A student types an answer into a cell, runs it, and reads the instant check's verdict."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lab_page import LabPage, expect, new_notebook
from lab_server import ROOT

from propaganda_kit.checks import EXERCISES

pytestmark = pytest.mark.browser

# A choice exercise: its right answer is the key's required options, and "none" is wrong.
CHOICE_EXERCISES = [
    ex for ex in EXERCISES.values() if ex.kind == "choice" and ex.key["required"] != ["none"]
]
EXERCISE = CHOICE_EXERCISES[0] if CHOICE_EXERCISES else None
IN_NOTEBOOKS = [ex for ex in CHOICE_EXERCISES if (ROOT / "exercises" / ex.notebook).exists()]


def answer_code(exercise_id: str, answer: str) -> str:
    """What a student types: an answer (Python source), then the check."""
    return f"answer = {answer}\ncheck({exercise_id!r}, answer)"


def expect_verdict(output: object, status: str) -> None:
    """The cell's output shows exactly one check, with ``status``."""
    verdict = output.locator(".kit-check")
    expect(verdict).to_have_count(1)
    expect(verdict).to_have_class(re.compile(rf"(^|\s)kit-check-{status}(\s|$)"))


@pytest.mark.skipif(EXERCISE is None, reason="no choice exercise in data/answer_keys yet")
def test_check_in_a_new_notebook(lab: LabPage, scratch_dir: Path):
    lab.open(
        new_notebook(
            scratch_dir / "check.ipynb",
            ["from propaganda_kit.checks import NOT_ANSWERED, check", "", ""],
        )
    )
    lab.clear_and_run_all()
    ex_id = EXERCISE.id
    expect_verdict(lab.run_cell(1, answer_code(ex_id, "NOT_ANSWERED")), "unanswered")
    expect_verdict(lab.run_cell(1, answer_code(ex_id, repr(["none"]))), "incorrect")
    expect_verdict(lab.run_cell(2, answer_code(ex_id, repr(EXERCISE.key["required"]))), "correct")
    assert not lab.report().problems


@pytest.mark.parametrize("exercise", IN_NOTEBOOKS[:1], ids=lambda ex: ex.id)
def test_check_in_its_exercise_notebook(lab: LabPage, exercise: object):
    notebook = f"exercises/{exercise.notebook}"
    lab.open(notebook)
    lab.clear_and_run_all()
    cells = lab.cells()
    index = next(
        (
            i
            for i, c in enumerate(cells)
            if f'check("{exercise.id}"' in c["code"] or f"check('{exercise.id}'" in c["code"]
        ),
        None,
    )
    assert index is not None, f"{notebook} has no cell calling check({exercise.id!r}, ...)"
    expect_verdict(lab.page.locator(".jp-Notebook .jp-CodeCell").nth(index), "unanswered")
    expect_verdict(lab.run_cell(index, answer_code(exercise.id, repr(["none"]))), "incorrect")
    expect_verdict(
        lab.run_cell(index, answer_code(exercise.id, repr(exercise.key["required"]))), "correct"
    )
    assert not lab.report().problems
