"""``points_for(exercise_id)``: the points of the kept answer, for a grader's hidden test cell.

nbgrader counts a number that an autograder cell ends with as partial credit, so a test
cell holding ``points_for("spot-techniques-1")`` scores the answer the student's widget
kept in the notebook, with the same checker the student saw. It prints the feedback.
"""

from __future__ import annotations

from propaganda_kit.checks.core import evaluate
from propaganda_kit.checks.kept_answers import checker_answer, kept_record
from propaganda_kit.checks.registry import EXERCISES
from propaganda_kit.checks.result import CheckResult

UNANSWERED_WIDGET = (
    "Not answered yet: give your answer in the widget, then press 'Check my answer'."
)


def kept_result(exercise_id: str) -> CheckResult:
    """The check result of the newest kept answer (``unanswered`` when there is none)."""
    exercise = EXERCISES.get(exercise_id)
    record = kept_record(exercise_id, exercise.notebook if exercise else "")
    if exercise is not None and (record is None or record.get("answer") is None):
        return CheckResult(exercise.id, "unanswered", 0.0, exercise.max_points, UNANSWERED_WIDGET)
    answer = checker_answer(exercise.kind, record["answer"]) if exercise else None
    return evaluate(exercise_id, answer)


def points_for(exercise_id: str) -> float:
    """Print the feedback on the kept answer and return its points."""
    result = kept_result(exercise_id)
    print(result.plain_text())
    return result.points
