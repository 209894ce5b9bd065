"""The span marker in JupyterLab: a student clicks, drags and removes marks; the kernel sees."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
from lab_page import WIDGET_RENDER_TIMEOUT_MS, LabPage, expect, new_notebook

from propaganda_kit.widgets.span_marker import normalise_spans

pytestmark = pytest.mark.browser

PASSAGE = "The town council has published a new parking plan for the high street, it says."
PROBE = "<kit-probe>not a tag</kit-probe>"
TEXT = f"{PASSAGE} {PROBE}"
MARKED_BACKGROUND = "rgb(255, 224, 138)"  # #ffe08a in span_marker.css
SHOW_SPANS = "print(marker.spans)"


def at(phrase: str) -> list[int]:
    start = TEXT.index(phrase)
    return [start, start + len(phrase)]


def word(container: Any, text: str) -> Any:
    return container.locator(".kit-span-word").filter(has_text=re.compile(rf"^{text}$"))


def kernel_spans(lab: LabPage) -> list[list[int]]:
    """The marker's ``spans`` as the kernel holds them, printed by the second cell."""
    output = lab.run_cell(1, SHOW_SPANS)
    return ast.literal_eval(output.inner_text().strip())


def drag(lab: LabPage, start: Any, end: Any) -> None:
    """Press on ``start``, move across to ``end`` and let go there."""
    first, last = start.bounding_box(), end.bounding_box()
    lab.page.mouse.move(first["x"] + 3, first["y"] + first["height"] / 2)
    lab.page.mouse.down()
    lab.page.mouse.move(last["x"] + last["width"] - 3, last["y"] + last["height"] / 2, steps=8)
    lab.page.mouse.up()


def expect_marked(target: Any) -> None:
    """Marked words are shown yellow and underlined."""
    expect(target).to_have_class(re.compile(r"(^|\s)kit-span-marked(\s|$)"))
    expect(target).to_have_attribute("aria-pressed", "true")
    expect(target).to_have_css("background-color", MARKED_BACKGROUND)
    expect(target).to_have_css("text-decoration-line", "underline")


def test_student_marks_words_and_the_kernel_sees_the_spans(lab: LabPage, scratch_dir: Path):
    code = (
        "from propaganda_kit.widgets.span_marker import SpanMarker\n\n"
        f"marker = SpanMarker({TEXT!r})\nmarker"
    )
    lab.open(new_notebook(scratch_dir / "span_marker.ipynb", [code, SHOW_SPANS]))
    lab.clear_and_run_all()
    lab.wait_for_widgets()
    report = lab.report()
    assert not report.problems, "\n".join(report.problems)
    container = lab.page.locator(".kit-span-marker")
    expect(container).to_have_count(1, timeout=WIDGET_RENDER_TIMEOUT_MS)
    listing = container.locator(".kit-span-list")
    expect(listing).to_have_text("Nothing marked yet")
    # The passage is text: the probe's markup shows as words, never as an element.
    expect(container.locator("kit-probe")).to_have_count(0)
    expect(container.locator(".kit-span-passage")).to_contain_text(PROBE)

    word(container, "council").click()
    expect_marked(word(container, "council"))
    expect(listing).to_have_text("Marked: 'council' ×")

    drag(lab, word(container, "new"), word(container, "plan"))
    for text in ("new", "parking", "plan"):
        expect_marked(word(container, text))
    expect(word(container, "published")).not_to_have_class(re.compile("kit-span-marked"))
    expect(listing).to_have_text("Marked: 'council' ×, 'new parking plan' ×")
    assert kernel_spans(lab) == [at("council"), at("new parking plan")]

    container.locator(".kit-span-passage .kit-span-remove").first.click()
    expect(word(container, "council")).to_have_attribute("aria-pressed", "false")
    expect(listing).to_have_text("Marked: 'new parking plan' ×")
    assert kernel_spans(lab) == [at("new parking plan")]

    # Keyboard: Enter and Space on a focused word toggle it (not JupyterLab's shortcuts).
    word(container, "street").focus()
    lab.page.keyboard.press("Enter")
    expect_marked(word(container, "street"))
    expect(lab.page.locator(".jp-Notebook.jp-mod-editMode")).to_have_count(0)
    lab.page.keyboard.press("ArrowLeft")
    expect(word(container, "high")).to_be_focused()
    lab.page.keyboard.press(" ")
    expect(listing).to_have_text("Marked: 'new parking plan' ×, 'high street' ×")
    assert kernel_spans(lab) == normalise_spans([at("new parking plan"), at("high street")], TEXT)

    report = lab.report()
    assert not report.problems, "\n".join(report.problems)
