"""Tick boxes for ``choice`` exercises: one box per option, plus "No technique".

For the taxonomy vocabulary the options are the SemEval-2020 techniques of
``data/taxonomy.csv``, each with its one-line definition as a tooltip and in a
"What do these mean?" list. Ticking "No technique" clears the other boxes, and the other
way round. The answer is the list of ticked option ids (``["none"]`` for no technique).
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from propaganda_kit.checks import Exercise
from propaganda_kit.checks.choice import NONE_OPTION
from propaganda_kit.data.taxonomy import load_taxonomy
from propaganda_kit.html.errors import error_html
from propaganda_kit.html.highlight import css_key
from propaganda_kit.widgets.answer_inputs.parts import answer_box, auto_width, passage_html
from propaganda_kit.widgets.base import safe_callback

NONE_LABELS = {"taxonomy": "No technique", "list": "None of these"}
PROMPTS = {
    "taxonomy": "Tick every technique you find in the passage, or “No technique”.",
    "list": "Tick every option that fits the passage, or “None of these”.",
}


def choice_options(exercise: Exercise) -> tuple[dict[str, str], dict[str, str]]:
    """(option id -> label, option id -> definition) for the exercise's vocabulary."""
    vocabulary = exercise.key["vocabulary"]
    if vocabulary != "taxonomy":
        return {str(o): str(o) for o in vocabulary}, {}
    table = load_taxonomy()
    semeval = table[table["framework"] == "semeval2020"]
    return semeval["label"].to_dict(), semeval["definition"].to_dict()


def definitions_html(labels: dict[str, str], definitions: dict[str, str]) -> str:
    """A folded list of what each option means ('' when there are no definitions)."""
    if not definitions:
        return ""
    items = "".join(
        f"<li><b>{html.escape(labels[o])}</b>: {html.escape(definitions[o])}</li>"
        for o in labels
        if o in definitions
    )
    return (
        '<details class="kit-answer-definitions"><summary>What do these mean?</summary>'
        f"<ul>{items}</ul></details>"
    )


class TickBoxes:
    """One checkbox per option and one for "none"; ``value`` is the ticked ids."""

    def __init__(self, exercise: Exercise) -> None:
        self.exercise = exercise
        self.hint = widgets.HTML()
        self.hint.add_class("kit-answer-hint")
        try:
            self.labels, self.definitions = choice_options(exercise)
        except Exception as err:  # a broken taxonomy file is shown, not raised
            self.labels, self.definitions = {}, {}
            self.hint.value = error_html(err)
        source = "taxonomy" if exercise.key["vocabulary"] == "taxonomy" else "list"
        self.none_label = NONE_LABELS[source]
        self.prompt = PROMPTS[source]
        self._syncing = False
        self.boxes: dict[str, widgets.Checkbox] = {}
        for option, label in {**self.labels, NONE_OPTION: self.none_label}.items():
            box = widgets.Checkbox(
                value=False,
                description=label,
                indent=False,
                tooltip=self.definitions.get(option, ""),
                layout=auto_width(),
            )
            box.add_class("kit-answer-option")
            box.add_class(f"kit-answer-option-{css_key(option)}")
            box.observe(safe_callback(self._exclusive, self.hint), names="value")
            self.boxes[option] = box
        options = widgets.GridBox(
            list(self.boxes.values()),
            layout=widgets.Layout(
                grid_template_columns="repeat(auto-fill, minmax(19em, 1fr))",
                grid_gap="2px 12px",
                width="100%",
            ),
        )
        options.add_class("kit-answer-options")
        self.widget = answer_box(
            exercise.kind,
            [
                widgets.HTML(passage_html(exercise.passage)),
                widgets.HTML(f"<p>{html.escape(self.prompt)}</p>"),
                options,
                widgets.HTML(definitions_html(self.labels, self.definitions)),
                self.hint,
            ],
        )

    def _exclusive(self, change: dict[str, Any]) -> None:
        """Ticking "none" clears the techniques; ticking a technique clears "none"."""
        if self._syncing or not change["new"]:
            return
        ticked_none = change["owner"] is self.boxes[NONE_OPTION]
        self._syncing = True
        try:
            for option, box in self.boxes.items():
                if (option == NONE_OPTION) != ticked_none:
                    box.value = False
        finally:
            self._syncing = False

    @property
    def value(self) -> list[str]:
        """The ticked option ids, in the order shown."""
        return [option for option, box in self.boxes.items() if box.value]

    def show(self, value: Any) -> None:
        """Tick the saved options; anything but a list of known ids ticks nothing."""
        wanted: set[str] = set()
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            wanted = set(value)
        if not wanted <= set(self.boxes) or (NONE_OPTION in wanted and len(wanted) > 1):
            wanted = set()
        self._syncing = True
        try:
            for option, box in self.boxes.items():
                box.value = option in wanted
        finally:
            self._syncing = False

    def static_html(self) -> str:
        """The passage and the options, for a notebook not yet run."""
        options = "".join(
            f"<li>{html.escape(label)}</li>" for label in [*self.labels.values(), self.none_label]
        )
        return (
            f'<div class="kit-answer kit-answer-static">{passage_html(self.exercise.passage)}'
            f"<p>{html.escape(self.prompt)}</p><ul>{options}</ul>"
            f"{definitions_html(self.labels, self.definitions)}</div>"
        )


def tick_boxes_input(exercise: Exercise) -> TickBoxes:
    """The answer input of a ``choice`` exercise."""
    return TickBoxes(exercise)
