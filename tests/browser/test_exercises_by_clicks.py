"""Issue 12's 'done when': every exercise done by clicks and typing in widgets, then graded.

For each student notebook in exercises/, in JupyterLab: run it, save it untouched, answer
every exercise in its widget (ticking, typing, dragging over words: never code), save it,
and grade both saved files with the kit's grader in a fresh kernel, from the files alone.
The answered file gets full marks; the untouched one is 'unanswered' everywhere.

What to click is worked out in this process: the answer input is built here, given the
solution's answer with ``show``, and each of its controls (tick box, text field, toggle
buttons) is replayed on the same control in the page, in document order.
"""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest
from lab_page import LabPage, expect

from propaganda_kit.checks import EXERCISES
from propaganda_kit.html.highlight import css_key
from propaganda_kit.instructor.grading import Submission, grade_submission
from propaganda_kit.text.words import word_spans
from propaganda_kit.widgets.answer_inputs import INPUTS

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(p.name for p in (ROOT / "exercises").glob("ex0*.ipynb"))
ANSWER_RE = re.compile(r"^\s*(\w+)\.answer = (.*?)^### END SOLUTION", re.M | re.S)
WIDGET_RE = re.compile(r'(\w+) = exercise_widget\("([^"]+)"\)')
CONTROLS = "input[type=checkbox], input[type=text], textarea, .widget-toggle-buttons"
SAVED_TIMEOUT_MS = 30_000


def solution_answers(name: str) -> dict[str, Any]:
    """Each exercise's right answer, as the solution notebook gives it to the widget."""
    import nbformat

    answers = {}
    for cell in nbformat.read(ROOT / "solutions" / name, as_version=4).cells:
        found, widget = ANSWER_RE.search(cell.source), WIDGET_RE.search(cell.source)
        if found and widget:
            answers[widget.group(2)] = ast.literal_eval(found.group(2).strip())
    return answers


def leaf_controls(widget: widgets.Widget) -> list[widgets.Widget]:
    """The controls a student can change, in the order the page shows them."""
    if isinstance(widget, widgets.Box):
        return [leaf for child in widget.children for leaf in leaf_controls(child)]
    kinds = (widgets.Checkbox, widgets.Text, widgets.Textarea, widgets.ToggleButtons)
    return [widget] if isinstance(widget, kinds) else []


def replay(page_widget: Any, exercise_id: str, answer: Any) -> None:
    """Set the page's controls as the in-process input looks after ``show(answer)``."""
    exercise = EXERCISES[exercise_id]
    answer_input = INPUTS[exercise.kind](exercise)
    answer_input.show(answer)
    controls = leaf_controls(answer_input.widget)
    shown = page_widget.locator(CONTROLS)
    assert shown.count() == len(controls), f"{exercise_id}: the page shows other controls"
    for number, control in enumerate(controls):
        target = shown.nth(number)
        if isinstance(control, widgets.Checkbox):
            target.set_checked(bool(control.value))
        elif isinstance(control, widgets.ToggleButtons):
            if control.index is not None:
                target.locator("button").nth(control.index).click()
        elif control.value:
            target.fill(control.value)


def mark_spans(page: Any, page_widget: Any, passage: str, spans: list[list[int]]) -> None:
    """Drag over the words of each span (a click for one word)."""
    words = word_spans(passage)
    for start, end in spans:
        inside = [i for i, (s, e) in enumerate(words) if s >= start and e <= end]
        first = page_widget.locator(f'.kit-span-word[data-index="{inside[0]}"]').bounding_box()
        last = page_widget.locator(f'.kit-span-word[data-index="{inside[-1]}"]').bounding_box()
        page.mouse.move(first["x"] + 3, first["y"] + first["height"] / 2)
        page.mouse.down()
        page.mouse.move(last["x"] + last["width"] - 3, last["y"] + last["height"] / 2, steps=6)
        page.mouse.up()
    expect(page_widget.locator(".kit-span-remove")).to_have_count(len(spans))


def save_copy(lab: LabPage, name: str, folder: Path) -> Path:
    """Save the open notebook (File > Save) and copy the saved file into ``folder``."""
    lab.command("docmanager:save")
    expect(lab.page.locator(".jp-mod-dirty")).to_have_count(0, timeout=SAVED_TIMEOUT_MS)
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copyfile(lab.root_dir / "exercises" / name, folder / name))


def grades(path: Path) -> dict[str, tuple[str, float, float]]:
    """The kit's grader on one saved file: status, points and maximum by exercise."""
    rows = grade_submission(Submission("student", path.name, path), EXERCISES)
    return {row.exercise: (row.status, row.points, row.max_points) for row in rows}


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_exercise_by_clicks_gets_full_marks_and_untouched_is_unanswered(
    lab: LabPage, tmp_path: Path, name: str
):
    work = lab.root_dir / "exercises" / "my_work"  # no answer from another test restores
    shutil.rmtree(work, ignore_errors=True)
    answers = solution_answers(name)
    ids = [e.id for e in EXERCISES.values() if e.notebook == name]
    assert sorted(answers) == sorted(ids), "the solution answers every exercise once"
    lab.open(lab.root_dir / "exercises" / name)
    lab.clear_and_run_all()
    lab.wait_for_widgets()
    untouched = save_copy(lab, name, tmp_path / "untouched")
    for exercise_id in ids:
        page_widget = lab.page.locator(f".kit-exercise-{css_key(exercise_id)}")
        page_widget.scroll_into_view_if_needed()
        if EXERCISES[exercise_id].kind == "spans":
            passage = EXERCISES[exercise_id].passage
            mark_spans(lab.page, page_widget, passage, answers[exercise_id])
        else:
            replay(page_widget, exercise_id, answers[exercise_id])
        page_widget.locator(".kit-check-button").click()
        expect(page_widget.locator(".kit-exercise-feedback")).to_contain_text("Correct")
    answered = save_copy(lab, name, tmp_path / "answered")
    shutil.rmtree(work, ignore_errors=True)  # the grader sees the files alone
    assert grades(answered) == {
        i: ("correct", EXERCISES[i].max_points, EXERCISES[i].max_points) for i in ids
    }
    assert {i: g[0] for i, g in grades(untouched).items()} == dict.fromkeys(ids, "unanswered")
