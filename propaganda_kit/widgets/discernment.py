"""``DiscernmentCheck``: the pre/post check, one form of 16 items rated for manipulation.

For each item the student picks a rating from 1 ("not at all") to 5 ("very"); from 3 up
they also name the technique (or "I'm not sure") and say how sure they are. It is a test:
nothing says whether an answer is right. A progress line counts the rated items and a
"Hand in" button marks the answers as handed in (it asks once more while some sentences
are unrated, and hands in nothing when none is rated). Every change is kept in the notebook
file through a ``KeptOutput`` (``discernment-a`` or ``discernment-b``) and restored when
the cell runs again.

``discernment_check(stage)`` picks the form for the student (see ``analysis.discernment``);
when it cannot tell who the student is, it first asks for their name or class id.
"""

from __future__ import annotations

import html
import os
from typing import Any

import ipywidgets as widgets

from propaganda_kit.analysis.discernment import (
    CONFIDENCES,
    HIT_RATING,
    NOT_SURE,
    RATINGS,
    STAGES,
    form_for,
    is_rating,
    other_form,
)
from propaganda_kit.checks.kept_answers import kept_record
from propaganda_kit.data.discernment import FORMS, FRAMEWORK, form_items, record_name
from propaganda_kit.data.taxonomy import load_taxonomy
from propaganda_kit.widgets.base import KitWidget, run_safely, safe_callback, style_widget
from propaganda_kit.widgets.kept_output import KeptOutput

USER_VARIABLE = "JUPYTERHUB_USER"  # set by the class server for each student's kernel
QUESTION = "How manipulative is the wording of each sentence?"
INTRO = (
    "Read each sentence and choose how manipulative its wording is, from 1 (not at all) to "
    "5 (very). Every sentence was written for this check; none is a quote from a real text. "
    "From 3 up, also choose the technique you see (or \u201cI'm not sure\u201d) and how sure "
    "you are. There are no marks for this check and no right answers are shown."
)
HANDED_IN = "Handed in. Save the notebook (Ctrl+S) so your answers are kept in the file."
NOTHING_RATED = "Nothing is rated yet, so nothing was handed in: rate the sentences first."
CONFIRM = "rate them, or press \u201cHand in my answers\u201d again to hand in as it is."
START_NOTE = "Run this cell, type your name or class id and click Start to see the sentences."


def _auto() -> widgets.Layout:
    """A layout as wide as its content, so labels are never cut at the notebook's width."""
    return widgets.Layout(width="auto")


def _unrated(count: int) -> str:
    """The start of a note about unrated sentences: "3 sentences are not rated yet: "."""
    return f"{count} sentence{'s are' if count != 1 else ' is'} not rated yet: "


def _labels() -> list[tuple[str, str]]:
    """The technique menu: the SemEval-2020 labels, then "I'm not sure"."""
    taxonomy = load_taxonomy()
    labels = taxonomy.loc[taxonomy["framework"] == FRAMEWORK, "label"]
    return [(label, tech) for tech, label in labels.items()] + [("I'm not sure", NOT_SURE)]


class _ItemRow:
    """One item: its text, the rating, and (from HIT_RATING up) technique and confidence."""

    def __init__(self, item, number: int, total: int, techniques: list[tuple[str, str]]) -> None:
        self.item = item
        self.text = widgets.HTML(
            f"<p><b>{number} of {total}.</b> <span dir='auto'>{html.escape(item.text)}</span></p>"
        )
        self.rating = widgets.ToggleButtons(
            options=[(f"{n} {word}", n) for n, word in RATINGS.items()],
            value=None,
            style={"button_width": "auto"},
            layout=_auto(),
        )
        self.technique = widgets.Dropdown(
            options=[("Choose one", ""), *techniques],
            value="",
            description="Which technique?",
            style={"description_width": "initial"},
            layout=_auto(),
        )
        self.confidence = widgets.ToggleButtons(
            options=[(c, c) for c in CONFIDENCES],
            value=None,
            description="How sure are you?",
            style={"description_width": "initial", "button_width": "auto"},
            layout=_auto(),
        )
        self.details = widgets.VBox(
            [self.technique, self.confidence],
            layout=widgets.Layout(display="none", align_items="flex-start"),
        )
        self.widget = widgets.VBox([self.text, self.rating, self.details])
        self.widget.add_class("kit-discernment-item")

    def controls(self) -> list[widgets.Widget]:
        return [self.rating, self.technique, self.confidence]

    @property
    def value(self) -> dict[str, Any] | None:
        """The answer to this item, or None when it has no rating."""
        if self.rating.value is None:
            return None
        asks = self.rating.value >= HIT_RATING
        return {
            "rating": self.rating.value,
            "technique": (self.technique.value or None) if asks else None,
            "confidence": self.confidence.value if asks else None,
        }

    def show(self, value: Any) -> None:
        """Put a kept answer back (anything malformed is left blank)."""
        value = value if isinstance(value, dict) else {}
        rating = value.get("rating")
        self.rating.value = rating if is_rating(rating) else None
        known = [v for _, v in self.technique.options]
        self.technique.value = value.get("technique") if value.get("technique") in known else ""
        confidence = value.get("confidence")
        self.confidence.value = confidence if confidence in CONFIDENCES else None
        self.update()

    def update(self) -> None:
        """Show the technique and confidence only for a rating of HIT_RATING or more."""
        asks = self.rating.value is not None and self.rating.value >= HIT_RATING
        self.details.layout.display = "" if asks else "none"


class DiscernmentCheck(KitWidget):
    """One form of the check; every change is kept in the notebook file."""

    def __init__(
        self,
        form: str = "A",
        stage: str = "",
        student: str = "",
        notebook: str = "",
        kept: KeptOutput | None = None,
    ) -> None:
        self.form, self.stage, self.student = form, stage, student
        self.items = form_items(form)
        self.handed_in = False
        self._restoring = False
        self._confirming = False  # the last press asked about unrated sentences
        self.kept = kept if kept is not None else KeptOutput(record_name(form), notebook)
        self.kept.name = record_name(form)
        self.kept.notebook = notebook or self.kept.notebook
        self.kept.record = {"exercise": self.kept.name, "answer": None, "saved_at": None}
        self.message = widgets.HTML()
        self.message.add_class("kit-discernment-message")
        self.progress = widgets.HTML()
        self.progress.add_class("kit-discernment-progress")
        techniques = _labels()
        self.rows = [
            _ItemRow(item, n, len(self.items), techniques) for n, item in enumerate(self.items, 1)
        ]
        for row in self.rows:
            for control in row.controls():
                control.observe(safe_callback(self._changed, self.message), names="value")
        self.button = widgets.Button(description="Hand in my answers", icon="check", layout=_auto())
        self.button.add_class("kit-discernment-hand-in")
        self.button.on_click(safe_callback(lambda _: self.hand_in(), self.message))
        intro = widgets.HTML(f"<p><b>{html.escape(QUESTION)}</b></p><p>{html.escape(INTRO)}</p>")
        self.widget = widgets.VBox(
            [style_widget(), intro, *[r.widget for r in self.rows], self.progress, self.button,
             self.message]
        )  # fmt: skip
        self.widget.add_class("kit-discernment")
        run_safely(self._restore, self.message)
        self._show_progress()

    @property
    def answered(self) -> int:
        """How many items have a rating."""
        return sum(row.value is not None for row in self.rows)

    @property
    def value(self) -> dict[str, Any]:
        """The answers on screen, as kept in the record."""
        return {
            "form": self.form,
            "stage": self.stage,
            "student": self.student,
            "handed_in": self.handed_in,
            "ratings": {r.item.item_id: r.value for r in self.rows if r.value is not None},
        }

    def show(self, answer: Any) -> None:
        """Put kept answers back on screen, without keeping them again."""
        answer = answer if isinstance(answer, dict) else {}
        ratings = answer.get("ratings") if isinstance(answer.get("ratings"), dict) else {}
        self._restoring = True
        try:
            for row in self.rows:
                row.show(ratings.get(row.item.item_id))
        finally:
            self._restoring = False
        # an empty form is never handed in, even if an older record says so
        self.handed_in = answer.get("handed_in") is True and self.answered > 0
        self.student = self.student or str(answer.get("student") or "")

    def _restore(self) -> None:
        record = self.kept.restore()
        if record is None:
            return
        kept_stage = record["answer"].get("stage") if isinstance(record["answer"], dict) else None
        if self.stage and kept_stage and kept_stage != self.stage:  # the other check's answers
            self.kept.record = {"exercise": self.kept.name, "answer": None, "saved_at": None}
            return
        self.show(record["answer"])
        if self.handed_in:
            self._note(HANDED_IN)

    def _changed(self, _change: Any = None) -> None:
        for row in self.rows:
            row.update()
        if not self._restoring:
            self._confirming = False  # a new count of unrated sentences: ask again
            self.keep()

    def keep(self) -> None:
        """Keep the answers on screen (memory, my_work/ and the notebook's output)."""
        note = self.kept.keep(self.value)
        self._show_progress()
        if note:
            self._note(note)

    def hand_in(self) -> None:
        """What "Hand in my answers" does: hand in, or first ask about unrated sentences.

        Nothing rated: nothing is handed in. Some sentences unrated: the first press says
        how many and asks to press again; the second press (with no answer changed in
        between) hands the form in as it is.
        """
        left = len(self.rows) - self.answered
        if left == len(self.rows):
            self._note(NOTHING_RATED)
            return
        if left and not self._confirming:
            self._confirming = True
            self._note(_unrated(left) + CONFIRM)
            return
        self._confirming = False
        self.handed_in = True
        self.keep()
        more = f" {_unrated(left)}you can still rate them, and your answers are kept again."
        self._note(HANDED_IN + (more if left else ""))

    def _note(self, text: str) -> None:
        self.message.value = f"<p class='kit-note'>{html.escape(text)}</p>"

    def _summary(self) -> str:
        done = f"{self.answered} of {len(self.rows)} answered"
        return done + (", handed in" if self.handed_in else "")

    def _show_progress(self) -> None:
        self.progress.value = f"<p><b>{html.escape(self._summary())}</b></p>"
        self.kept.show(self._summary())

    def static_html(self) -> str:
        """The items as a numbered list with the rating scale, for a notebook not yet run."""
        scale = ", ".join(f"{n} {word}" for n, word in RATINGS.items())
        items = "".join(f"<li dir='auto'>{html.escape(i.text)}</li>" for i in self.items)
        return (
            f"<div class='kit-discernment'><p><b>{html.escape(QUESTION)}</b> "
            f"({html.escape(scale)})</p><ol>{items}</ol></div>"
        )

    def _ipython_display_(self) -> None:
        super()._ipython_display_()
        self.kept.display()


class DiscernmentStart(KitWidget):
    """Asks for the student's name or class id, then shows the check for their form."""

    def __init__(self, stage: str, notebook: str = "") -> None:
        self.stage, self.notebook = stage, notebook
        self.check: DiscernmentCheck | None = None
        self.kept = KeptOutput(record_name(FORMS[0]), notebook)
        self.name = widgets.Text(
            description="Your name or class id:",
            style={"description_width": "initial"},
            layout=_auto(),
        )
        self.button = widgets.Button(description="Start", icon="play", layout=_auto())
        self.message = widgets.HTML()
        self.button.on_click(safe_callback(lambda _: self.start(), self.message))
        ask = widgets.HTML("<p>Type the name or id your teacher gave you, then click Start.</p>")
        self.box = widgets.VBox([ask, widgets.HBox([self.name, self.button]), self.message])
        self.widget = widgets.VBox([style_widget(), self.box])
        self.widget.add_class("kit-discernment-start")

    def start(self) -> DiscernmentCheck | None:
        """Choose the form from the name typed and show the check in place of the question."""
        student = self.name.value.strip()
        if not student:
            self.message.value = "<p class='kit-note'>Type your name or class id first.</p>"
            return None
        form = form_for(student, self.stage)
        self.check = DiscernmentCheck(form, self.stage, student, self.notebook, kept=self.kept)
        self.check.keep()
        self.widget.children = [self.check.widget]
        return self.check

    def static_html(self) -> str:
        """What the saved notebook shows before it runs: how to start (the form is not known)."""
        return f"<p>{html.escape(START_NOTE)}</p>"

    def _ipython_display_(self) -> None:
        super()._ipython_display_()
        self.kept.display()


def _kept_answer(stage: str, notebook: str) -> tuple[str, dict] | None:
    """The form and answer already kept for ``stage`` (memory, notebook file, my_work/)."""
    for form in FORMS:
        record = kept_record(record_name(form), notebook)
        answer = record.get("answer") if record else None
        if isinstance(answer, dict) and answer.get("stage") == stage:
            return form, answer
    return None


def discernment_check(
    stage: str, student: str | None = None, form: str | None = None, notebook: str | None = None
) -> DiscernmentCheck | DiscernmentStart:
    """The check for ``stage`` ('pre' or 'post'), in the student's form.

    The form is, in order: ``form`` if given (the instructor's override); the form of
    answers already kept for this stage; at 'post', the other form than the one kept from
    'pre' (with the name kept there); the rule of ``form_for`` applied to ``student`` or to
    the class server's user name. When none applies, the widget first asks for the
    student's name or class id.
    """
    if stage not in STAGES:
        raise ValueError(f"The stage is 'pre' or 'post', not {stage!r}.")
    notebook = notebook if notebook is not None else f"{stage}_check.ipynb"
    student = student or os.environ.get(USER_VARIABLE, "")
    kept = _kept_answer(stage, notebook)
    chosen = form or (kept[0] if kept else None)
    before = _kept_answer("pre", "") if stage == "post" and chosen is None else None
    if before is not None:
        chosen = other_form(before[0])
        student = student or str(before[1].get("student") or "")
    if chosen is None and student:
        chosen = form_for(student, stage)
    if chosen is None:
        return DiscernmentStart(stage, notebook)
    return DiscernmentCheck(chosen, stage, student, notebook)
