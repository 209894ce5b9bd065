"""A form for ``checklist`` exercises: one control per field of the key.

A field with ``accept`` values gets toggle buttons with the options the field allows
(``FIELD_OPTIONS``, written for the kit's claim audit; yes/no for a field that accepts
True/False); a field the kit has no options for gets a short text field, so the options
never give the answer away. A ``min_words`` field gets a text area. The answer is a dict
with every field (None for a choice not made yet).
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from propaganda_kit.checks import Exercise
from propaganda_kit.checks.freetext import comparable
from propaganda_kit.html.highlight import css_key
from propaganda_kit.text.words import word_count
from propaganda_kit.widgets.answer_inputs.parts import answer_box, passage_html
from propaganda_kit.widgets.base import safe_callback

YES_NO = (("Yes", "yes"), ("No", "no"))
FIELD_OPTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "who_says": (("The author", "author"), ("Someone the author quotes", "quoted")),
    "source_named": YES_NO,
    "claim_type": (
        ("Factual (could be checked against a record)", "factual"),
        ("A judgement", "judgement"),
        ("A prediction", "prediction"),
    ),
    "uses_loaded_words": YES_NO,
}
QUESTIONS = {
    "who_says": "Whose words is the claim in?",
    "source_named": "Does the text name where the claim comes from?",
    "claim_type": "What kind of claim is it?",
    "uses_loaded_words": "Do the claim's words carry a feeling or a judgement?",
    "support": "What does the text offer as support? Write it in your own words.",
}


def question(name: str) -> str:
    """The question shown for a field: the kit's wording, or the field name as words."""
    return QUESTIONS.get(name) or name.replace("_", " ").capitalize() + "?"


def field_options(name: str, rule: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """The (label, value) options of an ``accept`` field; () when it takes free text."""
    if name in FIELD_OPTIONS:
        return FIELD_OPTIONS[name]
    if all(isinstance(v, bool) for v in rule["accept"]):
        return YES_NO
    return ()


class ChecklistForm:
    """One control per checklist field; ``value`` is the dict of answers."""

    def __init__(self, exercise: Exercise) -> None:
        self.exercise = exercise
        self.fields: dict[str, dict[str, Any]] = exercise.key["fields"]
        self.hint = widgets.HTML()
        self.hint.add_class("kit-answer-hint")
        self.controls: dict[str, widgets.ValueWidget] = {}
        self.counters: dict[str, widgets.HTML] = {}
        rows: list[widgets.Widget] = [widgets.HTML(passage_html(exercise.passage, "The claim"))]
        for name, rule in self.fields.items():
            control = self._control(name, rule)
            control.add_class("kit-answer-field")
            control.add_class(f"kit-answer-field-{css_key(name)}")
            self.controls[name] = control
            label = widgets.HTML(f"<b>{html.escape(question(name))}</b>")
            label.add_class("kit-answer-label")
            rows += [label, control]
            if "min_words" in rule:
                counter = widgets.HTML()
                counter.add_class("kit-answer-word-count")
                self.counters[name] = counter
                update = safe_callback(self._count_words, self.hint)
                control.observe(update, names="value")
                rows.append(counter)
        self.widget = answer_box(exercise.kind, [*rows, self.hint])
        self._count_words()

    def _control(self, name: str, rule: dict[str, Any]) -> widgets.ValueWidget:
        if "min_words" in rule:
            return widgets.Textarea(
                placeholder="Your own words", rows=3, layout=widgets.Layout(width="auto")
            )
        options = field_options(name, rule)
        if not options:
            return widgets.Text(placeholder="Your answer", layout=widgets.Layout(width="24em"))
        return widgets.ToggleButtons(
            options=list(options),
            value=None,
            style={"button_width": "auto"},
            layout=widgets.Layout(width="auto"),
        )

    def _count_words(self, _change: object = None) -> None:
        for name, counter in self.counters.items():
            wanted = self.fields[name]["min_words"]
            counter.value = (
                f"<small>{word_count(self.controls[name].value)} words (at least {wanted})</small>"
            )

    @property
    def value(self) -> dict[str, Any]:
        """Every field's answer: the chosen option (None if none yet) or the text."""
        answers: dict[str, Any] = {}
        for name, control in self.controls.items():
            answers[name] = control.value
            if isinstance(control.value, str) and not control.value.strip():
                answers[name] = None
        return answers

    def _show_field(self, name: str, saved: Any) -> None:
        control = self.controls[name]
        if isinstance(control, widgets.ToggleButtons):
            values = {comparable(v): v for _, v in control.options}
            control.value = values.get(comparable(saved)) if isinstance(saved, str | bool) else None
        else:
            control.value = saved if isinstance(saved, str) else ""

    def show(self, value: Any) -> None:
        """Put saved answers back; a field of the wrong shape, or no dict, shows empty."""
        saved = value if isinstance(value, dict) else {}
        for name in self.controls:
            self._show_field(name, saved.get(name))

    def static_html(self) -> str:
        """The claim and the questions with their options, for a notebook not yet run."""
        items = []
        for name, rule in self.fields.items():
            shown = () if "min_words" in rule else field_options(name, rule)
            options = " / ".join(html.escape(label) for label, _ in shown)
            items.append(
                f"<li><b>{html.escape(question(name))}</b>"
                + (f"<br>{options}" if options else "")
                + "</li>"
            )
        return (
            f'<div class="kit-answer kit-answer-static">'
            f"{passage_html(self.exercise.passage, 'The claim')}<ol>{''.join(items)}</ol></div>"
        )


def checklist_input(exercise: Exercise) -> ChecklistForm:
    """The answer input of a ``checklist`` exercise."""
    return ChecklistForm(exercise)
