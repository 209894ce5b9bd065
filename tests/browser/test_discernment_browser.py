"""The discernment check in JupyterLab: rated by clicks, labels uncut, answers in the saved file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lab_page import LabPage, expect, new_notebook, wait_until
from test_widget_labels import clipped_labels

from propaganda_kit.data.notebook_answers import ANSWER_MIME

pytestmark = pytest.mark.browser

CODE = (
    'from propaganda_kit.widgets import DiscernmentCheck\n\nDiscernmentCheck("A", "pre", "amira")'
)


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
    checked, cut = clipped_labels(lab)
    assert checked > 20 and not cut, cut
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
