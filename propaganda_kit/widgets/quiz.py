"""The spotting quiz: tick the techniques a passage uses, get instant feedback and a score.

Scoring treats "No technique" as one more option: for each passage, hits are ticks that
match the key, misses are key items left unticked, false alarms are ticks not in the key
(ticking a technique for a passage whose key is "none" is a false alarm).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import ipywidgets as widgets
from IPython.display import HTML

from propaganda_kit.data.passages import NONE, QUIZ_FRAMEWORK, QuizPassage, load_quiz_passages
from propaganda_kit.data.saved_work import read_answers, save_answers
from propaganda_kit.data.taxonomy import load_taxonomy
from propaganda_kit.html.errors import error_html
from propaganda_kit.html.page import style_html
from propaganda_kit.widgets.base import KitWidget, safe_callback, style_widget

SAVE_AS = "spotting_quiz"
NONE_LABEL = "No technique"


@dataclass(frozen=True)
class Score:
    """Hits, misses and false alarms, over a number of answered passages."""

    hits: int = 0
    misses: int = 0
    false_alarms: int = 0
    answered: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.hits + other.hits,
            self.misses + other.misses,
            self.false_alarms + other.false_alarms,
            self.answered + other.answered,
        )


def score_choice(key: tuple[str, ...], chosen: set[str]) -> Score:
    """Score one answer: ``key`` is the passage's techniques (empty for none)."""
    expected = set(key) or {NONE}
    return Score(len(chosen & expected), len(expected - chosen), len(chosen - expected), 1)


def _plural(n: int, word: str, plural: str = "") -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


class SpottingQuiz(KitWidget):
    """Passages to read; tick every technique you spot, or "No technique".

    ``passages`` is a list of QuizPassage, a CSV path, or None for the kit's own.
    Answers are saved to ``my_work/spotting_quiz.json`` on Submit and restored here.
    """

    def __init__(
        self,
        passages: list[QuizPassage] | str | Path | None = None,
        folder: str | Path | None = None,
    ) -> None:
        self.folder = folder
        self.message = ""
        try:
            loaded = (
                list(passages)
                if isinstance(passages, (list, tuple))
                else load_quiz_passages(passages)
            )
            taxonomy = load_taxonomy()
        except Exception as err:  # a broken passages file is shown, not raised
            loaded, taxonomy, self.message = [], None, error_html(err)
        self.passages: list[QuizPassage] = loaded
        self.labels = {NONE: NONE_LABEL}
        self.definitions: dict[str, str] = {}
        if taxonomy is not None:
            semeval = taxonomy[taxonomy["framework"] == QUIZ_FRAMEWORK]
            self.labels = {**semeval["label"].to_dict(), NONE: NONE_LABEL}
            self.definitions = semeval["definition"].to_dict()
        self.answers: dict[str, list[str]] = {}
        try:
            self._restore()
        except Exception as err:  # saved work that cannot be reached is shown, not raised
            self.message += error_html(err)
        self.index = next((i for i, p in enumerate(self.passages) if p.id not in self.answers), 0)
        self._build()
        self._show_passage()

    def _restore(self) -> None:
        """Load saved answers for the passages we know; note an unreadable file."""
        found = read_answers(SAVE_AS, self.folder)
        if found.unreadable:
            self.message += f'<div class="kit-note">{html.escape(found.note)}</div>'
        saved = found.answers.get("answers", {})
        known = {p.id for p in self.passages}
        if isinstance(saved, dict):
            for pid, chosen in sorted(saved.items()):
                if pid in known and isinstance(chosen, list):
                    self.answers[pid] = sorted(c for c in chosen if c in self.labels)

    def _build(self) -> None:
        self.passage_html = widgets.HTML()
        self.passage_html.add_class("kit-quiz-passage")
        self.options: dict[str, widgets.Checkbox] = {}
        for option_id, label in self.labels.items():
            box = widgets.Checkbox(
                value=False,
                description=label,
                indent=False,
                tooltip=self.definitions.get(option_id, ""),
            )
            box.add_class("kit-quiz-option")
            box.add_class(f"kit-quiz-option-{option_id}")
            self.options[option_id] = box
        self.options_box = widgets.GridBox(
            list(self.options.values()),
            layout=widgets.Layout(grid_template_columns="repeat(2, 22em)"),
        )
        self.options_box.add_class("kit-quiz-options")
        self.submit_button = widgets.Button(description="Check my answer", button_style="primary")
        self.submit_button.add_class("kit-quiz-submit")
        self.next_button = widgets.Button(description="Next passage")
        self.next_button.add_class("kit-quiz-next")
        self.feedback = widgets.HTML(self.message)
        self.feedback.add_class("kit-quiz-feedback")
        self.score_html = widgets.HTML()
        self.score_html.add_class("kit-quiz-score")
        self.submit_button.on_click(safe_callback(self.submit, self.feedback))
        self.next_button.on_click(safe_callback(self.next, self.feedback))
        self.widget = widgets.VBox(
            [
                style_widget(),
                self.passage_html,
                self.options_box,
                widgets.HBox([self.submit_button, self.next_button]),
                self.feedback,
                self.score_html,
            ]
        )
        self.widget.add_class("kit-quiz")

    @property
    def passage(self) -> QuizPassage | None:
        """The passage on screen (None when there are no passages)."""
        return self.passages[self.index] if self.passages else None

    def chosen(self) -> set[str]:
        """The option ids ticked now."""
        return {option_id for option_id, box in self.options.items() if box.value}

    def score(self) -> Score:
        """The running score over every answered passage."""
        total = Score()
        for passage in self.passages:
            if passage.id in self.answers:
                total += score_choice(passage.techniques, set(self.answers[passage.id]))
        return total

    def _show_passage(self) -> None:
        passage = self.passage
        if passage is None:
            self.passage_html.value = '<div class="kit-note">No passages to show.</div>'
            self.submit_button.disabled = self.next_button.disabled = True
        else:
            self.passage_html.value = (
                f"<b>Passage {self.index + 1} of {len(self.passages)}</b>"
                f'<blockquote dir="auto">{html.escape(passage.text)}</blockquote>'
                "Tick every technique you spot, or “No technique”."
            )
            previous = set(self.answers.get(passage.id, []))
            for option_id, box in self.options.items():
                box.value = option_id in previous
            if previous:
                self.feedback.value = self._feedback_html(passage, previous)
        self._show_score()

    def _show_score(self) -> None:
        s = self.score()
        self.score_html.value = (
            f"<b>Your score:</b> {_plural(s.hits, 'hit')}, "
            f"{_plural(s.misses, 'miss', 'misses')}, {_plural(s.false_alarms, 'false alarm')} over "
            f"{_plural(s.answered, 'passage')} answered (of {len(self.passages)})."
        )

    def _feedback_html(self, passage: QuizPassage, chosen: set[str]) -> str:
        s = score_choice(passage.techniques, chosen)
        key = ", ".join(self.labels.get(t, t) for t in passage.techniques) or NONE_LABEL
        if passage.source == "document":
            origin = f"From the document <code>{html.escape(passage.document_id)}</code>."
        else:
            origin = "Invented for practice."
        verdict = (
            "Matches our key."
            if not (s.misses or s.false_alarms)
            else f"{_plural(s.hits, 'hit')}, {s.misses} missed, "
            f"{_plural(s.false_alarms, 'false alarm')}."
        )
        return (
            f'<div class="kit-note"><b>{html.escape(verdict)}</b> Our key: '
            f"{html.escape(key)}.<br>{html.escape(passage.reason)}<br><small>{origin} "
            "A technique in a passage does not make it false, and its absence does not "
            "make it true.</small></div>"
        )

    def submit(self, _button: object = None) -> None:
        """Score the ticked options for this passage, show feedback, and save."""
        passage, chosen = self.passage, self.chosen()
        if passage is None:
            return
        if not chosen:
            self.feedback.value = (
                '<div class="kit-note">Tick at least one box (or “No technique”), then check.</div>'
            )
            return
        if NONE in chosen and len(chosen) > 1:
            self.feedback.value = (
                '<div class="kit-note">You ticked “No technique” and a '
                "technique too: untick one of them, then check.</div>"
            )
            return
        self.answers[passage.id] = sorted(chosen)
        self.feedback.value = self._feedback_html(passage, chosen)
        self._show_score()
        try:
            save_answers(SAVE_AS, {"answers": self.answers}, self.folder)
        except (OSError, TypeError, ValueError) as err:
            self.feedback.value += error_html(
                OSError(f"Your answer counts, but it could not be saved to disk ({err}).")
            )

    def next(self, _button: object = None) -> None:
        """Move to the next passage (after the last, back to the first)."""
        if not self.passages:
            return
        self.index = (self.index + 1) % len(self.passages)
        self.feedback.value = ""
        self._show_passage()

    def static_view(self) -> HTML:
        """The passages and the options as an HTML table, without the answers."""
        if not self.passages:
            return HTML(self.message or "No passages.")
        rows = "".join(
            f'<tr><td>{i}</td><td dir="auto">{html.escape(p.text)}</td></tr>'
            for i, p in enumerate(self.passages, start=1)
        )
        options = ", ".join(html.escape(label) for label in self.labels.values())
        return HTML(
            f"{style_html()}<p>Options for each passage: {options}.</p>"
            f'<table class="kit-table kit-quiz-static"><thead><tr><th>#</th>'
            f"<th>Passage</th></tr></thead><tbody>{rows}</tbody></table>"
        )
