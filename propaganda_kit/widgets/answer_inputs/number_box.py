"""A number field for ``number`` exercises: the answer is a float, or None while empty."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from propaganda_kit.checks import Exercise
from propaganda_kit.widgets.answer_inputs.parts import (
    answer_box,
    number_field,
    number_problem,
    number_text,
    parse_number,
    passage_html,
    passage_widget,
)
from propaganda_kit.widgets.base import safe_callback


class NumberBox:
    """One labelled number field; a hint appears when the text is not a number."""

    def __init__(self, exercise: Exercise) -> None:
        self.exercise = exercise
        self.label = f"{exercise.title}:"
        self.field = number_field("kit-answer-number")
        self.hint = widgets.HTML()
        self.hint.add_class("kit-answer-hint")
        self.field.observe(safe_callback(self._check_text, self.hint), names="value")
        label = widgets.HTML(f"<b>{html.escape(self.label)}</b>")
        label.add_class("kit-answer-label")
        self.widget = answer_box(
            exercise.kind,
            [
                passage_widget(exercise.passage),
                widgets.HBox(
                    [label, self.field],
                    layout=widgets.Layout(flex_flow="row wrap", align_items="center"),
                ),
                self.hint,
            ],
        )

    def _check_text(self, _change: object = None) -> None:
        problem = number_problem(self.field.value)
        self.hint.value = f"<span>{html.escape(problem)}</span>" if problem else ""

    @property
    def value(self) -> float | None:
        """The number written, or None when the field is empty or holds no number."""
        return parse_number(self.field.value)

    def show(self, value: Any) -> None:
        """Write a saved number in the field; anything else leaves it empty."""
        self.field.value = number_text(value) or ""

    def static_html(self) -> str:
        """The task and an empty answer line, for a notebook not yet run."""
        return (
            f'<div class="kit-answer kit-answer-static">{passage_html(self.exercise.passage)}'
            f"<p><b>{html.escape(self.label)}</b> ______</p></div>"
        )


def number_input(exercise: Exercise) -> NumberBox:
    """The answer input of a ``number`` exercise."""
    return NumberBox(exercise)
