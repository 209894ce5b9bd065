"""A student's turn with each kit widget, through the stable CSS classes of the widget contract.

Each ``use_*`` function takes the widget's container (a Playwright locator),
acts as a student would and asserts, with auto-waiting ``expect``, that the widget answered.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lab_page import expect

from propaganda_kit import load_corpus

# Widget class -> CSS class of its container.
CONTAINERS = {
    "DocumentReader": "kit-reader",
    "LoadedLanguageExplorer": "kit-explorer",
    "SpottingQuiz": "kit-quiz",
    "RewriteBox": "kit-rewrite",
}
NEUTRAL_REWRITE = "The town council has published a new parking plan for the high street."
# Student text that would become an element if the widget forgot to escape it.
MARKUP_PROBE = "<kit-probe>not a tag</kit-probe>"


def no_friendly_errors(container: Any) -> None:
    """The widget shows no error box (the kit's friendly messages use ``.kit-error``)."""
    expect(container.locator(".kit-error")).to_have_count(0)


def set_toggle(button: Any, on: bool) -> None:
    """Click an ipywidgets ToggleButton until it is in the wanted state."""
    if ("mod-active" in (button.get_attribute("class") or "").split()) != on:
        button.click()
    if on:
        expect(button).to_have_class(_class_pattern("mod-active"))
    else:
        expect(button).not_to_have_class(_class_pattern("mod-active"))


def _class_pattern(name: str) -> re.Pattern:
    return re.compile(rf"(^|\s){re.escape(name)}(\s|$)")


def document_with_quotes(labels: list[str], current: str) -> str:
    """A dropdown label, other than ``current``, of a document that quotes someone."""
    others = [label for label in labels if label != current]
    quoting = {f"[{doc.id}]" for doc in load_corpus() if doc.quotes}
    return next((label for label in others if any(label.endswith(i) for i in quoting)), others[0])


def use_reader(reader: Any) -> None:
    """Pick another document, then switch each highlight toggle on and off."""
    text = reader.locator(".kit-reader-text")
    provenance = reader.locator(".kit-reader-provenance")
    picker = reader.locator(".kit-reader-doc-picker select")
    labels = picker.locator("option").all_inner_texts()
    assert len(labels) > 1, "the document reader offers fewer than two documents"
    current = picker.evaluate("s => s.options[s.selectedIndex].textContent")
    before_text, before_provenance = text.inner_text(), provenance.inner_text()
    picker.select_option(label=document_with_quotes(labels, current))
    expect(text).not_to_have_text(before_text)
    expect(provenance).not_to_have_text(before_provenance)

    marks, quoted = text.locator("mark.kit-hl"), text.locator(".kit-quoted")
    loaded = reader.locator(".kit-reader-toggle-loaded")
    techniques = reader.locator(".kit-reader-toggle-techniques")
    quotes = reader.locator(".kit-reader-toggle-quotes")
    for toggle in (loaded, techniques, quotes):
        set_toggle(toggle, False)
    expect(marks).to_have_count(0)
    expect(quoted).to_have_count(0)
    set_toggle(loaded, True)
    expect(marks.first).to_be_attached()
    set_toggle(loaded, False)
    expect(marks).to_have_count(0)
    set_toggle(quotes, True)
    expect(quoted.first).to_be_attached()
    set_toggle(quotes, False)
    expect(quoted).to_have_count(0)
    set_toggle(techniques, True)  # cues may or may not occur in this document
    set_toggle(techniques, False)
    expect(marks).to_have_count(0)
    no_friendly_errors(reader)


def use_quiz(quiz: Any) -> None:
    """Answer the first passage (a hint, then the key), see the score change, go on."""
    passage = quiz.locator(".kit-quiz-passage")
    feedback, score = quiz.locator(".kit-quiz-feedback"), quiz.locator(".kit-quiz-score")
    options = quiz.locator(".kit-quiz-options .kit-quiz-option")
    assert options.count() > 1, "the quiz offers fewer than two answers"
    before_passage, before_feedback = passage.inner_text(), feedback.inner_text()
    before_score = " ".join(score.inner_text().split())  # as to_have_text compares it
    options.first.locator("input[type=checkbox]").check()
    quiz.locator(".kit-quiz-submit").click()
    expect(feedback).not_to_have_text(before_feedback)
    reveal = quiz.locator(".kit-quiz-reveal")
    if quiz.locator(".kit-quiz-hint").count() and reveal.is_enabled():  # a first wrong try
        reveal.click()
    expect(score).not_to_have_text(before_score)
    expect(feedback).not_to_be_empty()
    quiz.locator(".kit-quiz-next").click()
    expect(passage).not_to_have_text(before_passage)
    no_friendly_errors(quiz)


def use_rewrite(box: Any) -> None:
    """Type a neutral rewrite, press the button and read the feedback; markup stays text."""
    area = box.locator(".kit-rewrite-input textarea")
    feedback = box.locator(".kit-rewrite-feedback")
    button = box.locator(".kit-rewrite-button")
    area.fill(f"{NEUTRAL_REWRITE} {MARKUP_PROBE}")
    expect(area).to_have_value(f"{NEUTRAL_REWRITE} {MARKUP_PROBE}")
    button.click()
    expect(feedback).to_contain_text("per 1,000 words")
    expect(feedback).to_contain_text(MARKUP_PROBE)
    expect(feedback.locator("kit-probe")).to_have_count(0)
    expect(feedback.locator("mark.kit-hl")).to_have_count(0)
    no_friendly_errors(box)


def use_explorer(explorer: Any) -> None:
    """Change the voice and the scale; the chart is redrawn each time."""
    chart = explorer.locator(".kit-explorer-chart img")
    expect(chart).to_have_count(1)
    for control, value in (
        (".kit-explorer-voice select", "quoted words"),
        (".kit-explorer-norm select", "raw counts"),
    ):
        before = chart.get_attribute("src")
        explorer.locator(control).select_option(label=value)
        expect(chart).not_to_have_attribute("src", before)
    no_friendly_errors(explorer)


# Container CSS class -> what a student does with it.
INTERACTIONS: dict[str, Callable[[Any], None]] = {
    "kit-reader": use_reader,
    "kit-explorer": use_explorer,
    "kit-quiz": use_quiz,
    "kit-rewrite": use_rewrite,
}
