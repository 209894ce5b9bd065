"""Answers given in code (the advanced path) get the instant check's verdict."""

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


def widget_code(exercise_id: str, answer: str) -> str:
    """The advanced path in an exercise's own cell: the answer given to the widget in code."""
    return f"w = exercise_widget({exercise_id!r})\nw.answer = {answer}\nw"


@pytest.mark.parametrize("exercise", IN_NOTEBOOKS[:1], ids=lambda ex: ex.id)
def test_answer_in_code_in_its_exercise_notebook(lab: LabPage, exercise: object):
    """A class that answers in code: the widget's own cell, the same checker, the same verdict."""
    lab.open(f"exercises/{exercise.notebook}")
    lab.clear_and_run_all()
    index = next(
        i for i, c in enumerate(lab.cells()) if f'exercise_widget("{exercise.id}")' in c["code"]
    )
    feedback = ".kit-exercise-feedback"
    wrong = lab.run_cell(index, widget_code(exercise.id, repr(["none"])))
    expect(wrong.locator(feedback)).to_contain_text("Not yet")
    right = lab.run_cell(index, widget_code(exercise.id, repr(exercise.key["required"])))
    expect(right.locator(feedback)).to_contain_text("Correct")
    assert not lab.report().problems
