"""Name tick boxes for ``names`` exercises, and a field for names not in the list.

The candidates are every alias of every actor in ``data/aliases.csv`` that occurs in the
documents of the exercise's perspective, sorted alphabetically: the list is the same for
every actor asked about, so it does not give the answer away. Names the student finds
elsewhere in the texts go in the field, one per line. The answer is the list of names.
"""

from __future__ import annotations

import html
from functools import lru_cache
from typing import Any

import ipywidgets as widgets

from propaganda_kit.checks import Exercise
from propaganda_kit.checks.choice import perspective_texts
from propaganda_kit.checks.matching import contains_phrase
from propaganda_kit.data.aliases import load_aliases
from propaganda_kit.html.errors import error_html
from propaganda_kit.widgets.answer_inputs.parts import answer_box, auto_width
from propaganda_kit.widgets.base import safe_callback


@lru_cache(maxsize=8)
def candidate_names(perspective: str) -> tuple[str, ...]:
    """Every alias that occurs in the documents of ``perspective``, alphabetically."""
    texts = perspective_texts(perspective)
    aliases = load_aliases()["alias"]
    found = {a for a in aliases if any(contains_phrase(t, a) for t in texts)}
    return tuple(sorted(found, key=lambda a: (a.casefold(), a)))


def prompt(exercise: Exercise) -> str:
    """What the student is asked to do."""
    key = exercise.key
    return (
        f"Which names do the documents {key['perspective']} use for {key['actor']}? "
        "Tick every name from the list that refers to them in those texts, and add names "
        "you find that are not in the list, one per line, copied exactly."
    )


class NamePicker:
    """A tick box per candidate name and a field for more names."""

    def __init__(self, exercise: Exercise) -> None:
        self.exercise = exercise
        self.hint = widgets.HTML()
        self.hint.add_class("kit-answer-hint")
        try:
            self.candidates = list(candidate_names(exercise.key["perspective"]))
        except Exception as err:  # a broken data folder is shown, not raised
            self.candidates = []
            self.hint.value = error_html(err)
        self.boxes: dict[str, widgets.Checkbox] = {}
        for number, name in enumerate(self.candidates):
            box = widgets.Checkbox(value=False, description=name, indent=False, layout=auto_width())
            box.add_class("kit-answer-name")
            box.add_class(f"kit-answer-name-{number}")
            self.boxes[name] = box
        names = widgets.GridBox(
            list(self.boxes.values()),
            layout=widgets.Layout(
                grid_template_columns="repeat(auto-fill, minmax(16em, 1fr))",
                grid_gap="2px 12px",
                width="100%",
            ),
        )
        names.add_class("kit-answer-names")
        self.others = widgets.Textarea(
            placeholder="More names from the texts, one per line",
            rows=3,
            layout=widgets.Layout(width="auto"),
        )
        self.others.add_class("kit-answer-other-names")
        self.others.observe(safe_callback(self._check_others, self.hint), names="value")
        self.widget = answer_box(
            exercise.kind,
            [
                widgets.HTML(f"<p>{html.escape(prompt(exercise))}</p>"),
                names,
                widgets.HTML("<b>Other names</b>"),
                self.others,
                self.hint,
            ],
        )

    def typed_names(self) -> list[str]:
        """The names written in the field, one per line, without blank lines."""
        return [line.strip() for line in self.others.value.splitlines() if line.strip()]

    def _check_others(self, _change: object = None) -> None:
        """Point out a typed name that is already in the list."""
        listed = [n for n in self.typed_names() if n in self.boxes]
        self.hint.value = (
            f"<span>Already in the list above: {html.escape(', '.join(listed))}. "
            "Tick it there instead.</span>"
            if listed
            else ""
        )

    @property
    def value(self) -> list[str]:
        """The ticked names, then the typed ones, each once."""
        ticked = [name for name, box in self.boxes.items() if box.value]
        return list(dict.fromkeys(ticked + self.typed_names()))

    def show(self, value: Any) -> None:
        """Tick the saved names in the list and write the others in the field."""
        names = value if isinstance(value, list) and all(isinstance(v, str) for v in value) else []
        for name, box in self.boxes.items():
            box.value = name in names
        self.others.value = "\n".join(n.strip() for n in names if n not in self.boxes)

    def static_html(self) -> str:
        """The task and the candidate names, for a notebook not yet run."""
        items = "".join(f"<li>{html.escape(name)}</li>" for name in self.candidates)
        return (
            f'<div class="kit-answer kit-answer-static"><p>{html.escape(prompt(self.exercise))}'
            f"</p><ul>{items}</ul></div>"
        )


def names_input(exercise: Exercise) -> NamePicker:
    """The answer input of a ``names`` exercise."""
    return NamePicker(exercise)
