"""The discernment check in JupyterLab: rated by clicks, labels uncut, answers in the saved file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lab_page import LabPage, expect, new_notebook, wait_until

from propaganda_kit.data.notebook_answers import ANSWER_MIME

pytestmark = pytest.mark.browser

CODE = (
    'from propaganda_kit.widgets import DiscernmentCheck\n\nDiscernmentCheck("A", "pre", "amira")'
)

# Buttons, toggles and labels that scroll are cut; a <select> narrower than an option is too.
JS_CUT_LABELS = """() => {
  const root = document.querySelector('.kit-discernment');
  const shown = e => e.getClientRects().length > 0;
  const canvas = document.createElement('canvas').getContext('2d');
  const cut = [];
  let checked = 0;
  for (const e of root.querySelectorAll('button, .widget-label, .widget-toggle-button')) {
    if (!shown(e)) continue;
    checked += 1;
    if (e.scrollWidth > e.clientWidth + 1) cut.push(e.textContent.trim());
  }
  for (const select of root.querySelectorAll('select')) {
    if (!shown(select)) continue;
    checked += 1;
    const style = getComputedStyle(select);
    canvas.font = style.font;
    const pad = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    const room = select.clientWidth - pad;
    for (const option of select.options) {
      if (canvas.measureText(option.textContent).width > room + 1) cut.push(option.textContent);
    }
  }
  return {checked, cut};
}"""


def kept_answer(path: Path) -> dict | None:
    """The discernment record's answer saved in the notebook file, if any."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        for output in cell.get("outputs", []):
            record = output.get("data", {}).get(ANSWER_MIME)
            if record and record["exercise"] == "discernment-a":
                return record["answer"]
    return None


def test_a_student_rates_hands_in_and_the_file_keeps_it(lab: LabPage, scratch_dir: Path):
    path = new_notebook(scratch_dir / "pre_check.ipynb", [CODE])
    lab.open(path)
    lab.clear_and_run_all()
    lab.wait_for_widgets()
    report = lab.report()
    assert not report.problems, "\n".join(report.problems)
    check = lab.page.locator(".kit-discernment")
    expect(check).to_have_count(1)
    first = check.locator(".kit-discernment-item").first
    expect(first.locator("select")).to_be_hidden()
    first.get_by_role("button", name="4 quite").click()
    expect(first.locator("select")).to_be_visible()
    first.locator("select").select_option(label="Loaded language")
    first.get_by_role("button", name="high").click()
    expect(check.locator(".kit-discernment-progress")).to_contain_text("1 of 16 answered")
    found = lab.page.evaluate(JS_CUT_LABELS)
    assert found["checked"] > 20 and not found["cut"], found["cut"]
    check.locator(".kit-discernment-hand-in").click()
    expect(check.locator(".kit-discernment-message")).to_contain_text("15 sentences are not rated")
    check.locator(".kit-discernment-hand-in").click()  # hand in as it is
    expect(check.locator(".kit-discernment-message")).to_contain_text("Handed in")
    lab.command("docmanager:save")
    wait_until(lambda: (kept_answer(path) or {}).get("handed_in"), "the answers in the file")
    answer = kept_answer(path)
    assert answer["ratings"] == {
        "a01": {"rating": 4, "technique": "loaded_language", "confidence": "high"}
    }
