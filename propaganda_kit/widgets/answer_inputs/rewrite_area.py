"""A text area for ``rewrite`` exercises: the original shown once, a word counter below.

The area starts empty (the original is above it, to read, not to edit); the answer is
the text written.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from propaganda_kit.analysis.rewrite import MAX_REWRITE_CHARS
from propaganda_kit.checks import Exercise
from propaganda_kit.text.words import word_count
from propaganda_kit.widgets.answer_inputs.parts import answer_box, passage_html
from propaganda_kit.widgets.base import safe_callback

PROMPT = "Rewrite the paragraph so that it reports the same facts in neutral words."


class RewriteArea:
    """The original paragraph, a text area and a count of the words written."""

    def __init__(self, exercise: Exercise) -> None:
        self.exercise = exercise
        self.original_words = word_count(exercise.passage)
        self.hint = widgets.HTML()
        self.hint.add_class("kit-answer-hint")
        self.text = widgets.Textarea(
            value="",
            placeholder="Your neutral version of the paragraph",
            rows=7,
            layout=widgets.Layout(width="auto"),
        )
        self.text.add_class("kit-answer-rewrite-text")
        self.counter = widgets.HTML()
        self.counter.add_class("kit-answer-word-count")
        self.text.observe(safe_callback(self._count_words, self.hint), names="value")
        self.widget = answer_box(
            exercise.kind,
            [
                widgets.HTML(passage_html(exercise.passage, "Original")),
                widgets.HTML(f"<p>{html.escape(PROMPT)}</p>"),
                self.text,
                self.counter,
                self.hint,
            ],
        )
        self._count_words()

    def _count_words(self, _change: object = None) -> None:
        self.counter.value = (
            f"<small>Your version: {word_count(self.text.value):,} words "
            f"(the original has {self.original_words:,}).</small>"
        )

    @property
    def value(self) -> str:
        """The text written so far ('' when nothing yet)."""
        return self.text.value

    def show(self, value: Any) -> None:
        """Put a saved text back; anything but a string (of a sane length) leaves it empty."""
        keep = isinstance(value, str) and len(value) <= MAX_REWRITE_CHARS
        self.text.value = value if keep else ""

    def static_html(self) -> str:
        """The original paragraph and the task, for a notebook not yet run."""
        return (
            f'<div class="kit-answer kit-answer-static">'
            f"{passage_html(self.exercise.passage, 'Original')}<p>{html.escape(PROMPT)}</p></div>"
        )


def rewrite_input(exercise: Exercise) -> RewriteArea:
    """The answer input of a ``rewrite`` exercise."""
    return RewriteArea(exercise)
