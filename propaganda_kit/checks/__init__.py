"""Instant checks for the exercise notebooks.

Students answer in exercise widgets (``propaganda_kit.widgets.exercise_widget``), which judge
with ``evaluate`` and keep the answer in the notebook; ``points_for(exercise_id)`` scores the
kept answer for a grader's hidden test cell. For classes that answer in code,
``check(exercise_id, answer)`` displays one feedback bundle (HTML, plain text and
``application/vnd.propaganda-kit.check+json`` with exercise, status, points, max_points and
feedback) and returns a CheckResult that displays nothing (so a cell ending in ``check(...)``
shows the feedback once). ``NOT_ANSWERED`` is the placeholder such a cell starts with.
``EXERCISES`` maps each exercise id to its Exercise (with ``max_points``).
``score_summary(notebook)`` tabulates the kept answers' points, hits, misses and false
alarms, per exercise and per side.
"""

from propaganda_kit.checks.answers import NOT_ANSWERED
from propaganda_kit.checks.autograde import points_for
from propaganda_kit.checks.core import check, evaluate
from propaganda_kit.checks.passages import show_passage
from propaganda_kit.checks.registry import EXERCISES, Exercise, load_exercises
from propaganda_kit.checks.result import MIME_TYPE, CheckResult, Counts
from propaganda_kit.checks.scores import ScoreSummary, score_summary

__all__ = [
    "EXERCISES",
    "MIME_TYPE",
    "NOT_ANSWERED",
    "CheckResult",
    "Counts",
    "Exercise",
    "ScoreSummary",
    "check",
    "evaluate",
    "load_exercises",
    "points_for",
    "score_summary",
    "show_passage",
]
