"""Every notebook and exercise, run in a real JupyterLab: no errors, every widget rendered,
and each kit widget it shows answers a student's clicks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import kit_widgets
import pytest
from lab_page import LabPage
from lab_server import ROOT

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"  # git-ignored

NOTEBOOKS = sorted(
    path.relative_to(ROOT).as_posix()
    for folder in ("notebooks", "exercises")
    for path in (ROOT / folder).glob("*.ipynb")
)
# Anything in a code cell that puts an ipywidget on the page.
WIDGET_CODE = re.compile(
    r"\bipywidgets\b|\b(interact|interactive|" + "|".join(kit_widgets.CONTAINERS) + r")\s*\("
)


def code_of(path: Path) -> str:
    """All code cells of a notebook, joined."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_runs_clean_in_lab(lab: LabPage, notebook: str):
    code = code_of(ROOT / notebook)
    lab.open(notebook)
    lab.clear_and_run_all()
    lab.wait_for_widgets()
    lab.screenshot(SCREENSHOTS / (notebook.replace("/", "__") + ".png"))
    report = lab.report()
    assert not report.problems, f"{notebook}:\n" + "\n".join(report.problems)
    if WIDGET_CODE.search(code):
        assert report.widget_count > 0, f"{notebook} displays widgets but none rendered"
    for class_name, container in kit_widgets.CONTAINERS.items():
        if re.search(rf"\b{class_name}\s*\(", code):
            assert lab.page.locator(f".{container}").count() > 0, (
                f"{notebook} creates a {class_name} but no .{container} is on the page"
            )
    # A student's turn: each kit widget on the page reacts to clicks and typing.
    for container, interact in kit_widgets.INTERACTIONS.items():
        widget = lab.page.locator(f".{container}")
        if widget.count():
            interact(widget.first)
    assert not lab.report().problems, f"{notebook} shows errors after the widgets were used"
