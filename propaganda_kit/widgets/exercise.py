"""``ExerciseWidget``: an exercise answered in a widget, checked at once, kept in the notebook.

The widget shows the kind's answer input (tick boxes, span marker, ...), a 'Check my answer'
button and the feedback. Below it a ``KeptOutput`` holds the answer record and its check
result, updated at every check, so saving the notebook saves the answer. When the cell runs
again, in this kernel, after reopening the notebook, or in a grader's fresh kernel, the
widget restores the newest kept answer and shows its feedback again.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from propaganda_kit.checks import EXERCISES, CheckResult, evaluate
from propaganda_kit.checks.autograde import UNANSWERED_WIDGET
from propaganda_kit.checks.kept_answers import checker_answer
from propaganda_kit.checks.result import MIME_TYPE
from propaganda_kit.html.errors import error_html
from propaganda_kit.html.highlight import css_key
from propaganda_kit.html.page import style_html
from propaganda_kit.widgets.answer_inputs import INPUTS
from propaganda_kit.widgets.base import KitWidget, run_safely, safe_callback, style_widget
from propaganda_kit.widgets.kept_output import KeptOutput

SAVED_NOTE = "Your answer is kept in this notebook: save it (Ctrl+S) before you hand it in."
EMPTY_HINTS = {  # what to do when 'Check my answer' is pressed with nothing given
    "choice": "Tick at least one box (or the box that says there is none), then check again.",
    "names": "Tick at least one name (or write one under 'Other names'), then check again.",
    "number": "Write a number in the box, then check again.",
    "rate_table": "Fill in at least one row of the table, then check again.",
    "checklist": "Answer each question above, then check again.",
    "rewrite": "Write your rewrite in the box, then check again.",
}  # an empty answer is a real answer for the span marker: "nothing to mark"


def is_empty(value: Any) -> bool:
    """True for an answer with nothing in it: None, '', [], {} or a dict of empty fields."""
    if isinstance(value, dict):
        return all(is_empty(v) for v in value.values())
    return value is None or (
        isinstance(value, (str, list)) and not "".join(map(str, value)).strip()
    )


class ExerciseWidget(KitWidget):
    """One exercise: the answer input, a check button, feedback, and the kept answer."""

    def __init__(self, exercise_id: str) -> None:
        self.exercise_id = str(exercise_id)
        self.exercise = EXERCISES.get(self.exercise_id) if isinstance(exercise_id, str) else None
        self.feedback = widgets.HTML()
        self.feedback.add_class("kit-exercise-feedback")
        self.kept = KeptOutput(self.exercise_id, self.exercise.notebook if self.exercise else "")
        self.result: CheckResult | None = None
        if self.exercise is None or self.exercise.kind not in INPUTS:
            self.input = None
            self.result = evaluate(self.exercise_id, None) if self.exercise is None else None
            self.feedback.value = error_html(LookupError(self._missing()))
            self.widget = widgets.VBox([style_widget(), self.feedback])
            if self.result is not None:  # a grader reports the misspelt id as an error
                self.kept.show(self._summary(), {MIME_TYPE: self.result.as_dict()})
            return
        self.input = INPUTS[self.exercise.kind](self.exercise)
        self.button = widgets.Button(
            description="Check my answer", icon="check", layout=widgets.Layout(width="auto")
        )
        self.button.add_class("kit-check-button")
        self.button.on_click(safe_callback(lambda _: self.check(), self.feedback))
        title = widgets.HTML(f"<strong>{html.escape(self.exercise.title)}</strong>")
        self.widget = widgets.VBox(
            [style_widget(), title, self.input.widget, self.button, self.feedback]
        )
        self.widget.add_class("kit-exercise")
        self.widget.add_class(f"kit-exercise-{css_key(self.exercise_id)}")
        self._judge_unanswered()
        run_safely(self._restore, self.feedback)

    def _missing(self) -> str:
        if self.exercise is None:
            return self.result.feedback if self.result else f"No exercise '{self.exercise_id}'."
        return f"The exercise '{self.exercise_id}' has no widget for answers of its kind."

    def _judge_unanswered(self) -> None:
        top = self.exercise.max_points
        self.result = CheckResult(self.exercise_id, "unanswered", 0.0, top, UNANSWERED_WIDGET)
        self.kept.show(self._summary(), {MIME_TYPE: self.result.as_dict()})

    def _restore(self) -> None:
        record = self.kept.restore()
        if record is not None:
            self.input.show(record["answer"])
            self._judge()

    def _summary(self) -> str:
        if self.result is None:
            return "Not answered yet."
        return self.result.plain_text().splitlines()[0].split("] ", 1)[-1]  # without the id

    def _judge(self) -> None:
        """Check the kept answer, show the feedback and update the kept output."""
        answer = checker_answer(self.exercise.kind, self.kept.record["answer"])
        self.result = evaluate(self.exercise_id, answer)
        self.feedback.value = self.result.html() + f"<p class='kit-note'>{SAVED_NOTE}</p>"
        self.kept.show(self._summary(), {MIME_TYPE: self.result.as_dict()})

    @property
    def record(self) -> dict[str, Any]:
        """The kept answer record."""
        return self.kept.record

    @property
    def answer(self) -> Any:
        """The answer on screen now (JSON-able)."""
        return self.input.value if self.input is not None else None

    @answer.setter
    def answer(self, value: Any) -> None:
        """Give an answer in code (the advanced path): shown, checked and kept like a click."""
        if self.input is None:
            return
        self.input.show(value)
        self.check()

    def check(self) -> CheckResult | None:
        """Check the answer on screen, keep it, and return the result."""
        if self.input is None:
            return self.result
        hint = EMPTY_HINTS.get(self.exercise.kind)
        if hint and is_empty(self.input.value):
            self.feedback.value = f"<p class='kit-note'>{html.escape(hint)}</p>"
            return self.result
        note = self.kept.keep(self.input.value)
        self._judge()
        if note:
            self.feedback.value += f"<p class='kit-note'>{html.escape(note)}</p>"
        return self.result

    def record_bundle(self) -> dict[str, Any]:
        """The output that keeps the answer in the notebook: the record and its check result."""
        return self.kept.bundle()

    def static_html(self) -> str:
        """The task as HTML for a notebook that has not run yet."""
        if self.input is None:
            return self.feedback.value
        title = f"<p><strong>{html.escape(self.exercise.title)}</strong></p>"
        return style_html() + title + self.input.static_html()

    def _ipython_display_(self) -> None:
        super()._ipython_display_()
        if self.input is not None or self.result is not None:
            self.kept.display()


def exercise_widget(exercise_id: str) -> ExerciseWidget:
    """The widget for one exercise of the kit's answer keys (see ``data/answer_keys``)."""
    return ExerciseWidget(exercise_id)
