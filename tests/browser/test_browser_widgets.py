"""Each kit widget displayed on its own in a fresh notebook, used as a student would."""

from __future__ import annotations

from pathlib import Path

import kit_widgets
import pytest
from lab_page import LabPage, expect, new_notebook, wait_until

pytestmark = pytest.mark.browser


def show_widget(lab: LabPage, folder: Path, class_name: str) -> object:
    """Run a notebook that displays ``class_name()``; return the widget's container."""
    code = f"from propaganda_kit.widgets import {class_name}\n\n{class_name}()"
    lab.open(new_notebook(folder / f"{class_name}.ipynb", [code]))
    lab.clear_and_run_all()
    lab.wait_for_widgets()
    report = lab.report()
    assert not report.problems, "\n".join(report.problems)
    container = lab.page.locator(f".{kit_widgets.CONTAINERS[class_name]}")
    expect(container).to_have_count(1)
    return container


@pytest.mark.parametrize("class_name", sorted(kit_widgets.CONTAINERS))
def test_widget_answers_a_student(lab: LabPage, scratch_dir: Path, class_name: str):
    container = show_widget(lab, scratch_dir, class_name)
    kit_widgets.INTERACTIONS[kit_widgets.CONTAINERS[class_name]](container)
    report = lab.report()
    assert not report.problems, "\n".join(report.problems)


def test_rewrite_keeps_loaded_terms_marked_and_restores_saved_work(lab: LabPage, scratch_dir: Path):
    box = show_widget(lab, scratch_dir, "RewriteBox")
    area = box.locator(".kit-rewrite-input textarea")
    feedback = box.locator(".kit-rewrite-feedback")
    # The box starts with the loaded original: checking it unchanged leaves terms marked.
    box.locator(".kit-rewrite-button").click()
    expect(feedback.locator("mark.kit-hl").first).to_be_attached()
    # A neutral rewrite: nothing left to mark; the text is saved next to the notebook.
    area.fill(kit_widgets.NEUTRAL_REWRITE)
    box.locator(".kit-rewrite-button").click()
    expect(feedback.locator("mark.kit-hl")).to_have_count(0)
    wait_until(lambda: list((scratch_dir / "my_work").glob("*.json")), "the saved rewrite")
    # Running the notebook again creates a new box that restores the student's rewrite.
    lab.clear_and_run_all()
    lab.wait_for_widgets()
    expect(lab.page.locator(".kit-rewrite-input textarea")).to_have_value(
        kit_widgets.NEUTRAL_REWRITE
    )
