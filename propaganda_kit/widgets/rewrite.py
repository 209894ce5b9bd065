"""The rewrite box: a student rewrites a loaded paragraph neutrally and sees what is left."""

from __future__ import annotations

import hashlib
from pathlib import Path

import ipywidgets as widgets

from propaganda_kit.analysis.loaded_language import find_loaded_language
from propaganda_kit.analysis.rewrite import compare_rewrite
from propaganda_kit.data.saved_work import load_answers, save_answers
from propaganda_kit.html.errors import error_html
from propaganda_kit.html.highlight import highlight_html
from propaganda_kit.html.reports import report_html
from propaganda_kit.text.input_checks import require_text
from propaganda_kit.text.words import per_thousand_words, word_count
from propaganda_kit.widgets.base import KitWidget, safe_callback, style_widget

# Invented for the kit: a low-stakes dispute, loaded on purpose, about no real people.
DEFAULT_ORIGINAL = (
    "The so-called experts on the town council have unleashed a disastrous parking plan on "
    "our helpless neighbours. Everyone knows the plan is a total catastrophe, and sources say "
    "the council's cronies will profit. Brave shop owners are fighting back against this "
    "shameful attack on our beloved high street."
)
PROMPT = (
    "Rewrite the paragraph so that it reports the same facts in neutral words, then "
    "press the button."
)


def default_name(original: str) -> str:
    """The saved-work name for a paragraph: each paragraph keeps its own rewrite."""
    return "rewrite-" + hashlib.sha256(original.encode("utf-8")).hexdigest()[:12]


def original_html(original: str) -> str:
    """The original paragraph with its loaded language marked, and its rate."""
    spans = find_loaded_language(original)
    words = word_count(original)
    rate = per_thousand_words(len(spans), words)
    return (
        f"<p><b>Original</b> ({len(spans)} loaded-language cues in {words:,} words = "
        f"{rate:.1f} per 1,000 words)</p>{highlight_html(original, spans)}"
    )


class RewriteBox(KitWidget):
    """A textarea for a neutral rewrite, a check button and feedback on loaded terms left.

    The student's text is saved (in ``my_work/``, or ``folder``) only when they press the
    button, and restored when the box is created again for the same paragraph.
    """

    def __init__(
        self, original: str | None = None, name: str | None = None, folder: str | Path | None = None
    ) -> None:
        self.original = require_text(
            DEFAULT_ORIGINAL if original is None else original, "original paragraph"
        )
        if not word_count(self.original):
            raise ValueError(
                "The original paragraph has no words: give the box a paragraph to rewrite."
            )
        self.name = name or default_name(self.original)
        self.folder = folder
        self.feedback = widgets.HTML()
        saved = load_answers(self.name, folder).get("rewrite")
        restored = isinstance(saved, str) and saved.strip() != ""
        self.input = widgets.Textarea(
            value=saved if restored else self.original,
            placeholder=PROMPT,
            rows=7,
            layout=widgets.Layout(width="100%"),
        )
        self.button = widgets.Button(
            description="Check my rewrite",
            button_style="primary",
            icon="check",
            layout=widgets.Layout(width="auto", align_self="flex-start"),
        )
        self.button.on_click(safe_callback(self.check, self.feedback))
        for part, css in (
            (self.input, "kit-rewrite-input"),
            (self.button, "kit-rewrite-button"),
            (self.feedback, "kit-rewrite-feedback"),
        ):
            part.add_class(css)
        self.widget = widgets.VBox(
            [
                style_widget(),
                widgets.HTML(original_html(self.original)),
                widgets.HTML(f"<p>{PROMPT}</p>"),
                self.input,
                self.button,
                self.feedback,
            ]
        )
        self.widget.add_class("kit-rewrite")
        self.widget.add_class("kit-fit")
        if restored:
            self.show_feedback()

    def show_feedback(self) -> None:
        """Put the comparison of the current text in the feedback box (friendly on errors)."""
        try:
            self.feedback.value = report_html(compare_rewrite(self.original, self.input.value))
        except ValueError as err:
            self.feedback.value = error_html(err)

    def check(self, _button: widgets.Button | None = None) -> None:
        """The button's action: give feedback, then save the student's text."""
        self.show_feedback()
        try:
            save_answers(
                self.name, {"original": self.original, "rewrite": self.input.value}, self.folder
            )
        except (OSError, ValueError) as err:
            self.feedback.value += error_html(
                OSError(f"Your rewrite could not be saved ({err}); copy it somewhere safe.")
            )

    def static_html(self) -> str:
        """The original paragraph with its loaded language marked (works without a kernel)."""
        return original_html(self.original)
