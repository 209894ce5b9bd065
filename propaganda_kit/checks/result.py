"""What a check reports: a verdict from a checker, and the result bundle shown in a notebook.

The bundle follows the check output contract that the grader reads::

    {"text/html": '<div class="kit-check kit-check-<status>">…</div>',
     "text/plain": "<plain feedback>",
     "application/vnd.propaganda-kit.check+json": {"exercise", "status", "points",
                                                   "max_points", "feedback"}}

The choice, spans and names checkers also count hits, misses and false alarms; the JSON
then carries ``hits``, ``misses`` and ``false_alarms`` too (other kinds leave them out).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

MIME_TYPE = "application/vnd.propaganda-kit.check+json"
HEADINGS = {
    "correct": "Correct",
    "incorrect": "Not yet",
    "unanswered": "Not answered yet",
    "error": "Check not run",
}
PARTLY_RIGHT = "Partly right"  # the heading of an incorrect answer that earns some points
COLOURS = {
    "correct": "#1b7837",
    "incorrect": "#b35806",
    "unanswered": "#5e5e5e",
    "error": "#5e5e5e",
}


COUNT_FIELDS = ("hits", "misses", "false_alarms")


@dataclass(frozen=True)
class Counts:
    """What a counting checker found: key items hit, key items missed, false alarms."""

    hits: int
    misses: int
    false_alarms: int

    def as_dict(self) -> dict[str, int]:
        """``{"hits": ..., "misses": ..., "false_alarms": ...}``."""
        return {name: getattr(self, name) for name in COUNT_FIELDS}


@dataclass(frozen=True)
class Verdict:
    """A checker's judgement: the share of the points earned (0..1), plain feedback and,
    for the kinds that count them, hits, misses and false alarms."""

    correct: bool
    fraction: float
    feedback: str
    counts: Counts | None = None


@dataclass(frozen=True)
class CheckResult:
    """The outcome of ``check(exercise_id, answer)``.

    ``check`` has already displayed the bundle, so a CheckResult displays nothing in a
    notebook (no second echo when ``check(...)`` ends a cell); ``repr()`` is plain text.
    """

    exercise: str
    status: str
    points: float
    max_points: float
    feedback: str
    counts: Counts | None = None

    def _ipython_display_(self) -> None:
        """Shown once already by ``check``: display nothing."""

    def as_dict(self) -> dict[str, object]:
        """The JSON part of the bundle (with the counts when the checker made them)."""
        data: dict[str, object] = {
            "exercise": self.exercise,
            "status": self.status,
            "points": self.points,
            "max_points": self.max_points,
            "feedback": self.feedback,
        }
        if self.counts is not None:
            data.update(self.counts.as_dict())
        return data

    def heading(self) -> str:
        """'Partly right' for an incorrect answer with some points, else the status heading.

        The status itself stays 'incorrect' (graders read it); only the words change.
        """
        if self.status == "incorrect" and 0 < self.points < self.max_points:
            return PARTLY_RIGHT
        return HEADINGS[self.status]

    def points_text(self) -> str:
        """'2 of 3 points' (or '1 of 1 point')."""
        unit = "point" if self.max_points == 1 else "points"
        return f"{self.points:g} of {self.max_points:g} {unit}"

    def plain_text(self) -> str:
        """Plain-text feedback: heading, points, then the feedback lines."""
        head = f"[{self.exercise}] {self.heading()}"
        if self.max_points:
            head += f" ({self.points_text()})"
        return f"{head}\n{self.feedback}"

    def html(self) -> str:
        """The feedback as an HTML div; every piece of text is escaped."""
        lines = "<br>".join(html.escape(line) for line in self.feedback.splitlines())
        points = (
            f' <span class="kit-check-points">{self.points_text()}</span>'
            if self.max_points
            else ""
        )
        colour = COLOURS[self.status]
        return (
            f'<div class="kit-check kit-check-{self.status}" style="border-left: 4px solid '
            f'{colour}; padding: 4px 10px; margin: 4px 0">'
            f'<strong style="color: {colour}">{self.heading()}</strong> '
            f"<code>{html.escape(self.exercise)}</code>{points}"
            f'<div class="kit-check-feedback">{lines}</div></div>'
        )

    def bundle(self) -> dict[str, object]:
        """The display bundle of the check output contract."""
        return {
            "text/html": self.html(),
            "text/plain": self.plain_text(),
            MIME_TYPE: self.as_dict(),
        }
