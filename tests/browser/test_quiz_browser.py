"""The spotting quiz in JupyterLab: labels that fit, a hint after a first wrong check, the key
after the second."""

from __future__ import annotations

from pathlib import Path

import pytest
from lab_page import LabPage, expect, new_notebook

pytestmark = pytest.mark.browser

# Each option's label: cut off (it scrolls), or overlapping the next option.
JS_LABEL_PROBLEMS = """() => {
  const boxes = [...document.querySelectorAll('.kit-quiz-options .kit-quiz-option')];
  const problems = [];
  const rects = boxes.map(b => b.getBoundingClientRect());
  boxes.forEach((box, i) => {
    const label = box.querySelector('label.widget-label-basic');
    const words = label && label.querySelector('span');
    const text = box.innerText.trim();
    const r = rects[i];
    if (!words || label.scrollWidth > label.clientWidth + 1
        || words.getBoundingClientRect().right > r.right + 1) {
      problems.push(`cut off: ${text}`);
    }
    rects.forEach((other, j) => {
      if (j > i && r.left < other.right - 1 && other.left < r.right - 1
          && r.top < other.bottom - 1 && other.top < r.bottom - 1) {
        problems.push(`overlaps the next option: ${text}`);
      }
    });
  });
  return problems;
}"""


def test_labels_fit_and_the_key_comes_after_a_hint(lab: LabPage, scratch_dir: Path):
    code = "from propaganda_kit.widgets import SpottingQuiz\n\nSpottingQuiz()"
    lab.open(new_notebook(scratch_dir / "quiz.ipynb", [code]))
    lab.clear_and_run_all()
    lab.wait_for_widgets()
    quiz = lab.page.locator(".kit-quiz")
    expect(quiz).to_have_count(1)
    assert quiz.locator(".kit-quiz-option").count() == 15
    assert lab.page.evaluate(JS_LABEL_PROBLEMS) == []
    feedback = quiz.locator(".kit-quiz-feedback")
    quiz.locator(".kit-quiz-option-loaded_language input[type=checkbox]").check()
    quiz.locator(".kit-quiz-submit").click()
    expect(feedback.locator(".kit-quiz-hint")).to_have_count(1)
    expect(quiz.locator(".kit-quiz-passage mark.kit-hl-look_again").first).to_be_visible()
    expect(quiz.locator(".kit-quiz-submit")).to_have_text("Check again")
    quiz.locator(".kit-quiz-option-repetition input[type=checkbox]").check()
    quiz.locator(".kit-quiz-submit").click()
    expect(feedback.locator(".kit-quiz-key")).to_contain_text("Matches our key")
    expect(quiz.locator(".kit-quiz-passage mark.kit-hl-repetition").first).to_be_visible()
    expect(quiz.locator(".kit-quiz-score")).to_contain_text("2 hits, 0 misses, 0 false alarms")
    report = lab.report()
    assert not report.problems, "\n".join(report.problems)
