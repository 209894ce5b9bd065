"""Answer inputs in JupyterLab: every label fits (nothing cut or overlapping), clicks count."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from lab_page import LabPage, expect, new_notebook

pytestmark = pytest.mark.browser

# One exercise of each kind with an input of this package (spans has its own browser test).
EXERCISE_IDS = ["spot-techniques-1", "rate-1", "rate-table-1", "naming-map-2", "audit-claim-1",
                "neutral-rewrite-1"]  # fmt: skip
SETUP = (
    "from IPython.display import display\n"
    "from propaganda_kit.checks import EXERCISES\n"
    "from propaganda_kit.widgets.answer_inputs import INPUTS\n\n"
    "inputs = {i: INPUTS[EXERCISES[i].kind](EXERCISES[i]) for i in "
    f"{EXERCISE_IDS!r}}}\n"
    "for answer_input in inputs.values():\n"
    "    display(answer_input.widget)"
)
SHOW_VALUES = "print({i: inputs[i].value for i in ['spot-techniques-1', 'audit-claim-1']})"
LABELS = (
    ".kit-answer .widget-checkbox .widget-label-basic, "
    ".kit-answer .widget-toggle-buttons button, .kit-answer .kit-answer-cell, "
    ".kit-answer input[type=text], .kit-answer textarea"
)
# Every label whose text is cut (wider inside than its box), or that leaves the output area.
JS_CUT_LABELS = """selector => {
  const cut = [];
  for (const el of document.querySelectorAll(selector)) {
    const area = el.closest('.jp-OutputArea-output').getBoundingClientRect();
    const box = el.getBoundingClientRect();
    if (el.scrollWidth > el.clientWidth + 1 || box.right > area.right + 1)
      cut.push(el.textContent.trim() || el.outerHTML.slice(0, 80));
  }
  return cut;
}"""
# Pairs of options or fields in one input whose boxes overlap.
JS_OVERLAPS = """() => {
  const found = [];
  const groups = document.querySelectorAll(
    '.kit-answer-options, .kit-answer-names, .kit-answer-rate-grid, .kit-answer');
  for (const group of groups) {
    const items = [...group.children].filter(e => e.offsetParent !== null)
      .map(e => [e, e.getBoundingClientRect()]);
    for (let i = 0; i < items.length; i++)
      for (let j = i + 1; j < items.length; j++) {
        const [a, ra] = items[i], [b, rb] = items[j];
        if (ra.width && rb.width && ra.left < rb.right - 1 && rb.left < ra.right - 1
            && ra.top < rb.bottom - 1 && rb.top < ra.bottom - 1)
          found.push(a.textContent.trim().slice(0, 40) + ' / ' + b.textContent.trim().slice(0, 40));
      }
  }
  return found;
}"""


def fits(lab: LabPage) -> None:
    labels = lab.page.locator(LABELS)
    assert labels.count() > 40
    assert lab.page.evaluate(JS_CUT_LABELS, LABELS) == []
    assert lab.page.evaluate(JS_OVERLAPS) == []


def values(lab: LabPage) -> dict[str, Any]:
    return ast.literal_eval(lab.run_cell(1, SHOW_VALUES).inner_text().strip())


@pytest.mark.parametrize("width", [1400, 1024])
def test_labels_fit_and_clicks_reach_the_kernel(lab: LabPage, scratch_dir: Path, width: int):
    lab.open(new_notebook(scratch_dir / "answer_inputs.ipynb", [SETUP, SHOW_VALUES]))
    lab.page.set_viewport_size({"width": width, "height": 1000})
    lab.clear_and_run_all()
    lab.wait_for_widgets()
    expect(lab.page.locator(".kit-answer")).to_have_count(len(EXERCISE_IDS))
    fits(lab)

    choice = lab.page.locator(".kit-answer-choice")
    choice.locator(".kit-answer-option-doubt .widget-label-basic").click()
    choice.locator(".kit-answer-option-exaggeration .widget-label-basic").click()
    choice.locator(".kit-answer-option-none .widget-label-basic").click()
    expect(choice.locator(".kit-answer-option-doubt input")).not_to_be_checked()
    choice.locator(".kit-answer-option-name_calling .widget-label-basic").click()
    expect(choice.locator(".kit-answer-option-none input")).not_to_be_checked()
    audit = lab.page.locator(".kit-answer-checklist")
    audit.locator(".kit-answer-field-claim_type button", has_text="A prediction").click()
    audit.locator(".kit-answer-field-support textarea").fill("The author gives no source.")
    expect(audit.locator(".kit-answer-word-count")).to_contain_text("5 words")
    shown = values(lab)
    assert shown["spot-techniques-1"] == ["name_calling"]
    assert shown["audit-claim-1"]["claim_type"] == "prediction"
    assert shown["audit-claim-1"]["support"] == "The author gives no source."

    report = lab.report()
    assert not report.problems, "\n".join(report.problems)
