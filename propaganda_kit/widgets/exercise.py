"""``ExerciseWidget``: an exercise answered in a widget, checked at once, kept in the notebook.

The widget shows the kind's answer input (tick boxes, span marker, ...), a 'Check my answer'
button and the feedback. Below it, it displays the answer record (``data/notebook_answers``)
and updates it at every check, so saving the notebook saves the answer. When the cell runs
again, in this kernel, after reopening the notebook, or in a grader's fresh kernel, the
widget restores the newest kept answer and shows its feedback again.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
from IPython.display import display

from propaganda_kit.checks import EXERCISES, CheckResult, evaluate
from propaganda_kit.checks.autograde import UNANSWERED_WIDGET
from propaganda_kit.checks.kept_answers import checker_answer, keep, kept_record, new_record
from propaganda_kit.checks.result import MIME_TYPE
from propaganda_kit.data.notebook_answers import ANSWER_MIME
from propaganda_kit.html.errors import error_html
from propaganda_kit.widgets.answer_inputs import INPUTS
from propaganda_kit.widgets.base import KitWidget, run_safely, safe_callback, style_widget

SAVED_NOTE = "Your answer is kept in this notebook: save it (Ctrl+S) before you hand it in."


class ExerciseWidget(KitWidget):
    """One exercise: the answer input, a check button, feedback, and the kept answer."""

    def __init__(self, exercise_id: str) -> None:
        self.exercise_id = str(exercise_id)
        self.exercise = EXERCISES.get(self.exercise_id) if isinstance(exercise_id, str) else None
        self.feedback = widgets.HTML()
        self.feedback.add_class("kit-exercise-feedback")
        self.record: dict[str, Any] = {
            "exercise": self.exercise_id,
            "answer": None,
            "saved_at": None,
        }
        self.result = evaluate(self.exercise_id, None) if self.exercise is None else None
        self._handles: list = []
        if self.exercise is None or self.exercise.kind not in INPUTS:
            self.input = None
            self.feedback.value = error_html(LookupError(self._missing()))
            self.widget = widgets.VBox([style_widget(), self.feedback])
            return
        self.input = INPUTS[self.exercise.kind](self.exercise)
        button = widgets.Button(
            description="Check my answer", icon="check", layout=widgets.Layout(width="auto")
        )
        button.add_class("kit-check-button")
        button.on_click(safe_callback(lambda _: self.check(), self.feedback))
        self.button = button
        title = widgets.HTML(f"<strong>{html.escape(self.exercise.title)}</strong>")
        self.widget = widgets.VBox(
            [style_widget(), title, self.input.widget, button, self.feedback]
        )
        self.widget.add_class("kit-exercise")
        run_safely(self._restore, self.feedback)

    def _missing(self) -> str:
        if self.exercise is None:
            return self.result.feedback if self.result else f"No exercise '{self.exercise_id}'."
        return f"The exercise '{self.exercise_id}' has no widget for answers of its kind."

    def _restore(self) -> None:
        record = kept_record(self.exercise_id, self.exercise.notebook)
        if record is None or record.get("answer") is None:
            self.result = CheckResult(
                self.exercise_id, "unanswered", 0.0, self.exercise.max_points, UNANSWERED_WIDGET
            )
            return
        self.input.show(record["answer"])
        self._judge(record)

    def _judge(self, record: dict[str, Any]) -> None:
        """Check the record's answer, show the feedback and update the kept record."""
        answer = checker_answer(self.exercise.kind, record["answer"])
        self.result = evaluate(self.exercise_id, answer)
        self.record = record
        self.feedback.value = self.result.html() + f"<p class='kit-note'>{SAVED_NOTE}</p>"
        for handle in self._handles:
            handle.update(self.record_bundle(), raw=True)

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
        record = new_record(self.exercise_id, self.input.value)
        note = keep(record)
        self._judge(record)
        if note:
            self.feedback.value += f"<p class='kit-note'>{html.escape(note)}</p>"
        return self.result

    def record_bundle(self) -> dict[str, Any]:
        """The output that keeps the answer in the notebook: the record and its check result."""
        result = self.result
        status = "Not answered yet." if result is None else result.plain_text().splitlines()[0]
        note = f"Answer kept in this notebook: {status}"
        bundle: dict[str, Any] = {
            "text/plain": note,
            "text/html": f'<p class="kit-kept-answer" style="color:#555">{html.escape(note)}</p>',
            ANSWER_MIME: self.record,
        }
        if result is not None:
            bundle[MIME_TYPE] = result.as_dict()
        return bundle

    def static_html(self) -> str:
        """The task as HTML for a notebook that has not run yet."""
        return self.feedback.value if self.input is None else self.input.static_html()

    def static_view(self) -> widgets.HTML:
        """The static view as an HTML widget."""
        return widgets.HTML(self.static_html())

    def _ipython_display_(self) -> None:
        super()._ipython_display_()
        if self.input is not None:
            self._handles.append(display(self.record_bundle(), raw=True, display_id=True))


def exercise_widget(exercise_id: str) -> ExerciseWidget:
    """The widget for one exercise of the kit's answer keys (see ``data/answer_keys``)."""
    return ExerciseWidget(exercise_id)
