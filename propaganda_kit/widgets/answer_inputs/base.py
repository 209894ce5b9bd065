"""What every answer input shares: the widget a student uses and the answer it holds.

An answer input is the kind-specific part of an exercise widget (tick boxes for ``choice``,
the span marker for ``spans``, ...). Its answer is JSON-able, so it can be kept in the
notebook file: ``value`` reads it and ``show(value)`` puts a saved answer back on screen.
``checks.kept_answers.checker_answer`` turns a stored answer into what the checker takes.
"""

from __future__ import annotations

from typing import Any, Protocol

import ipywidgets as widgets

from propaganda_kit.checks import Exercise


class AnswerInput(Protocol):
    """The part of an exercise widget where the student gives the answer."""

    widget: widgets.Widget

    @property
    def value(self) -> Any:
        """The answer on screen now, JSON-able (an empty answer is allowed: ``[]``, ``""``)."""

    def show(self, value: Any) -> None:
        """Put a saved answer on screen; a value of the wrong shape shows nothing entered."""

    def static_html(self) -> str:
        """An HTML view of the task (passage and options), for a notebook not yet run."""


class AnswerInputFactory(Protocol):
    """Builds the answer input for one exercise of its kind."""

    def __call__(self, exercise: Exercise) -> AnswerInput: ...
