"""The answer input for ``spans`` exercises: the span marker on the exercise's passage."""

from __future__ import annotations

from typing import Any

import traitlets

from propaganda_kit.checks import Exercise
from propaganda_kit.html.highlight import highlight_html
from propaganda_kit.widgets.answer_inputs.base import AnswerInput
from propaganda_kit.widgets.span_marker import SpanMarker

RUN_NOTE = '<p class="kit-span-static-note"><em>Run this notebook to mark words.</em></p>'


class SpanInput:
    """A student marks the loaded words of the passage; the answer is the marked offsets."""

    def __init__(self, exercise: Exercise) -> None:
        self.passage = exercise.passage
        self.widget = SpanMarker(self.passage)

    @property
    def value(self) -> list[list[int]]:
        """The marked stretches as ``[[start, end], ...]`` (``[]`` when nothing is marked)."""
        return [list(span) for span in self.widget.spans]

    def show(self, value: Any) -> None:
        """Mark a saved answer's stretches; a value of the wrong shape marks nothing."""
        try:
            self.widget.spans = value
        except (traitlets.TraitError, TypeError, ValueError):
            self.widget.spans = []

    def static_html(self) -> str:
        """The passage as escaped HTML, with a note to run the notebook."""
        return highlight_html(self.passage, []) + RUN_NOTE


def span_input(exercise: Exercise) -> AnswerInput:
    """The span marker for a ``spans`` exercise."""
    return SpanInput(exercise)
