"""The spotting quiz: tick the techniques a passage uses, get a hint, a second try, the key.

A first wrong answer gets a hint (words to read again, never the answer) and a second
check; the key is shown after that check, after a right answer, or on "Show the answer".
Only the answer that reveals the key is scored (``analysis/quiz_scores.py``); the feedback
is built in ``html/quiz_feedback.py``.
"""

from __future__ import annotations

import html
import math
from pathlib import Path

import ipywidgets as widgets

from propaganda_kit.analysis.quiz_scores import INVENTED_SIDE, Score, score_choice, scores_by_side
from propaganda_kit.data.corpus import load_corpus
from propaganda_kit.data.passages import NONE, QUIZ_FRAMEWORK, QuizPassage, load_quiz_passages
from propaganda_kit.data.saved_work import read_answers, save_answers
from propaganda_kit.data.taxonomy import load_taxonomy
from propaganda_kit.html.errors import error_html
from propaganda_kit.html.page import colour_map, style_html
from propaganda_kit.html.quiz_feedback import (
    ARGUABLE,
    LOOK_AGAIN,
    answer_html,
    answer_spans,
    hint_html,
    passage_block,
    word_spans,
)
from propaganda_kit.widgets.base import KitWidget, safe_callback, style_widget

SAVE_AS = "spotting_quiz"
NONE_LABEL = "No technique"
UNKNOWN_SIDE = "side not known"


def _plural(n: int, word: str, plural: str = "") -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def option_columns(labels: list[str]) -> str:
    """CSS grid columns wide enough for the longest label (about 0.6em a character)."""
    longest = max((len(label) for label in labels), default=10)
    return f"repeat(auto-fill, minmax({math.ceil(0.6 * longest + 3)}em, 1fr))"


class SpottingQuiz(KitWidget):
    """Passages to read; tick every technique you spot, or "No technique".

    ``passages`` is a list of QuizPassage, a CSV path, or None for the kit's own.
    Answers are saved to ``my_work/spotting_quiz.json`` when the key is shown, and restored.
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
        self.perspectives = self._perspectives()
        self.answers: dict[str, list[str]] = {}
        self.first_checks: dict[str, list[str]] = {}  # ticks at a first, wrong check
        try:
            self._restore()
        except Exception as err:  # saved work that cannot be reached is shown, not raised
            self.message += error_html(err)
        self.index = next((i for i, p in enumerate(self.passages) if p.id not in self.answers), 0)
        self._build()
        self._show_passage()

    def _perspectives(self) -> dict[str, str]:
        """Each document's perspective, for false alarms per side ({} if unreadable)."""
        if not any(p.source == "document" for p in self.passages):
            return {}
        try:
            corpus = load_corpus()
        except Exception:  # the quiz still works; sides then read "side not known"
            return {}
        return {doc_id: corpus[doc_id].perspective for doc_id in corpus.ids}

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
                layout=widgets.Layout(width="auto"),
                style={"description_width": "initial"},
            )
            box.add_class("kit-quiz-option")
            box.add_class(f"kit-quiz-option-{option_id}")
            self.options[option_id] = box
        self.options_box = widgets.GridBox(
            list(self.options.values()),
            layout=widgets.Layout(
                grid_template_columns=option_columns(list(self.labels.values())),
                width="100%",
            ),
        )
        self.options_box.add_class("kit-quiz-options")
        self.submit_button = widgets.Button(description="Check my answer", button_style="primary")
        self.submit_button.add_class("kit-quiz-submit")
        self.reveal_button = widgets.Button(
            description="Show the answer",
            tooltip="Show our key; your answer at the last check is the one scored",
        )
        self.reveal_button.add_class("kit-quiz-reveal")
        self.next_button = widgets.Button(description="Next passage")
        self.next_button.add_class("kit-quiz-next")
        self.feedback = widgets.HTML(self.message)
        self.feedback.add_class("kit-quiz-feedback")
        self.score_html = widgets.HTML()
        self.score_html.add_class("kit-quiz-score")
        self.submit_button.on_click(safe_callback(self.submit, self.feedback))
        self.reveal_button.on_click(safe_callback(self.reveal, self.feedback))
        self.next_button.on_click(safe_callback(self.next, self.feedback))
        colours = colour_map([*self.labels, LOOK_AGAIN, ARGUABLE])
        self.widget = widgets.VBox(
            [
                style_widget(colours),
                self.passage_html,
                self.options_box,
                widgets.HBox([self.submit_button, self.reveal_button, self.next_button]),
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

    def side(self, passage: QuizPassage) -> str:
        """The perspective a passage comes from, or that it was invented."""
        if passage.source != "document":
            return INVENTED_SIDE
        return self.perspectives.get(passage.document_id, UNKNOWN_SIDE)

    def _scored(self) -> list[tuple[QuizPassage, Score]]:
        return [
            (p, score_choice(p.techniques, set(self.answers[p.id]), p.defensible))
            for p in self.passages
            if p.id in self.answers
        ]

    def score(self) -> Score:
        """The running score over every answered passage."""
        return sum((s for _, s in self._scored()), Score())

    def score_by_side(self) -> dict[str, Score]:
        """The running score per side (perspective), for every side the quiz draws on."""
        sides = scores_by_side([(self.side(p), Score()) for p in self.passages])
        found = scores_by_side([(self.side(p), s) for p, s in self._scored()])
        order = sorted(sides, key=lambda side: (side == INVENTED_SIDE, side))
        return {side: found.get(side, Score()) for side in order}

    def _show_text(self, passage: QuizPassage, spans: list | None = None) -> None:
        self.passage_html.value = (
            f"<b>Passage {self.index + 1} of {len(self.passages)}</b>"
            f"{passage_block(passage, spans or [])}"
            "Tick every technique you spot, or “No technique”."
        )

    def _set_ticks(self, ticks: set[str], locked: bool) -> None:
        for option_id, box in self.options.items():
            box.value = option_id in ticks
            box.disabled = locked

    def _show_passage(self) -> None:
        passage = self.passage
        self.reveal_button.disabled = True
        if passage is None:
            self.passage_html.value = '<div class="kit-note">No passages to show.</div>'
            self.submit_button.disabled = self.next_button.disabled = True
        elif passage.id in self.answers:
            self._show_key(passage, set(self.answers[passage.id]))
        elif passage.id in self.first_checks:
            self._show_hint(passage, set(self.first_checks[passage.id]))
        else:
            self._show_text(passage)
            self._set_ticks(set(), locked=False)
            self.submit_button.description = "Check my answer"
            self.submit_button.disabled = False
        self._show_score()

    def _show_hint(self, passage: QuizPassage, chosen: set[str]) -> None:
        self._show_text(passage, word_spans(passage, passage.techniques, LOOK_AGAIN))
        self._set_ticks(chosen, locked=False)
        self.feedback.value = hint_html(passage, chosen)
        self.submit_button.description = "Check again"
        self.submit_button.disabled = self.reveal_button.disabled = False

    def _show_key(self, passage: QuizPassage, chosen: set[str]) -> None:
        self._show_text(passage, answer_spans(passage))
        self._set_ticks(chosen, locked=True)
        self.feedback.value = answer_html(passage, chosen, self.labels)
        self.submit_button.description = "Check my answer"
        self.submit_button.disabled = self.reveal_button.disabled = True

    def _show_score(self) -> None:
        s = self.score()
        sides = "; ".join(
            f"{html.escape(side)}: {_plural(found.false_alarms, 'false alarm')} over "
            f"{_plural(found.answered, 'passage')}"
            for side, found in self.score_by_side().items()
        )
        self.score_html.value = (
            f"<b>Your score:</b> {_plural(s.hits, 'hit')}, "
            f"{_plural(s.misses, 'miss', 'misses')}, {_plural(s.false_alarms, 'false alarm')} over "
            f"{_plural(s.answered, 'passage')} answered (of {len(self.passages)})."
            + (f"<br><b>False alarms by side:</b> {sides}." if sides else "")
        )

    def submit(self, _button: object = None) -> None:
        """Check the ticks: a hint after a first wrong answer, else the key (scored, saved)."""
        passage, chosen = self.passage, self.chosen()
        if passage is None or passage.id in self.answers:
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
        first_try = passage.id not in self.first_checks
        if first_try and not score_choice(passage.techniques, chosen, passage.defensible).perfect:
            self.first_checks[passage.id] = sorted(chosen)
            self._show_hint(passage, chosen)
            return
        self._record(passage, chosen)

    def reveal(self, _button: object = None) -> None:
        """Show the key after a first wrong check, scoring the ticks of that check."""
        passage = self.passage
        if passage is None or passage.id not in self.first_checks:
            return
        self._record(passage, set(self.first_checks[passage.id]))

    def _record(self, passage: QuizPassage, chosen: set[str]) -> None:
        self.first_checks.pop(passage.id, None)
        self.answers[passage.id] = sorted(chosen)
        self._show_key(passage, chosen)
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

    def static_html(self) -> str:
        """The passages and the options as an HTML table, without the answers."""
        if not self.passages:
            return self.message or "No passages."
        rows = "".join(
            f'<tr><td>{i}</td><td dir="auto">{html.escape(p.text)}</td></tr>'
            for i, p in enumerate(self.passages, start=1)
        )
        options = ", ".join(html.escape(label) for label in self.labels.values())
        return (
            f"{style_html()}<p>Options for each passage: {options}.</p>"
            f'<table class="kit-table kit-quiz-static"><thead><tr><th>#</th>'
            f"<th>Passage</th></tr></thead><tbody>{rows}</tbody></table>"
        )
