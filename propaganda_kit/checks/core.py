"""``check(exercise_id, answer)``: judge an answer and display the result bundle."""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from IPython.display import display

from propaganda_kit.checks.answers import NOT_ANSWERED, AnswerProblem
from propaganda_kit.checks.registry import EXERCISES, Exercise
from propaganda_kit.checks.result import CheckResult

UNANSWERED_FEEDBACK = (
    "Not answered yet: replace NOT_ANSWERED with your answer, then run this cell again."
)


def unknown_exercise(exercise_id: object, exercises: Mapping[str, Exercise]) -> CheckResult:
    """The friendly result for an id that names no exercise."""
    text = str(exercise_id)
    close = difflib.get_close_matches(text, list(exercises), n=1)
    hint = f" Did you mean '{close[0]}'?" if close else " Check the spelling in this cell."
    return CheckResult(text, "error", 0.0, 0.0, f"There is no exercise called '{text}'.{hint}")


def evaluate(
    exercise_id: str, answer: object, exercises: Mapping[str, Exercise] | None = None
) -> CheckResult:
    """Judge ``answer`` for ``exercise_id`` without displaying anything."""
    exercises = EXERCISES if exercises is None else exercises
    exercise = exercises.get(exercise_id) if isinstance(exercise_id, str) else None
    if exercise is None:
        return unknown_exercise(exercise_id, exercises)
    top = exercise.max_points
    if answer is NOT_ANSWERED:
        return CheckResult(exercise.id, "unanswered", 0.0, top, UNANSWERED_FEEDBACK)
    try:
        verdict = exercise.checker.grade(answer, exercise.key)
    except AnswerProblem as problem:
        return CheckResult(exercise.id, "incorrect", 0.0, top, str(problem))
    except Exception as err:  # a bug in a key or checker must not show a traceback
        return CheckResult(
            exercise.id,
            "error",
            0.0,
            top,
            f"The check itself hit a problem ({type(err).__name__}: {err}). "
            "Your answer was not scored; please tell your instructor.",
        )
    points = round(min(1.0, max(0.0, verdict.fraction)) * top, 2)
    if verdict.correct:
        return CheckResult(exercise.id, "correct", top, top, verdict.feedback, verdict.counts)
    return CheckResult(
        exercise.id, "incorrect", min(points, top), top, verdict.feedback, verdict.counts
    )


def check(exercise_id: str, answer: object) -> CheckResult:
    """Judge ``answer``, display the feedback bundle once, and return the result.

    The returned CheckResult displays nothing, so ending a cell with ``check(...)`` shows
    the feedback once; print it or use ``repr()`` to see its fields.
    """
    result = evaluate(exercise_id, answer)
    display(result.bundle(), raw=True)
    return result
