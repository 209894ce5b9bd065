"""The harness itself: a broken notebook must be reported, or a green run would mean nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from lab_page import LabPage, new_notebook

pytestmark = pytest.mark.browser

MISSING_WIDGET = (
    "from IPython.display import display\n"
    "display({'application/vnd.jupyter.widget-view+json': {'model_id': 'f' * 32,"
    " 'version_major': 2, 'version_minor': 0}, 'text/plain': 'a widget'}, raw=True)"
)


def test_errors_unrun_cells_and_broken_widgets_are_reported(lab: LabPage, scratch_dir: Path):
    lab.open(
        new_notebook(
            scratch_dir / "broken.ipynb",
            ["print('fine')", MISSING_WIDGET, "1 / 0", "print('never runs')"],
        )
    )
    lab.clear_and_run_all()
    lab.wait_for_widgets()
    problems = "\n".join(lab.report().problems)
    assert "code cell 3 shows an error" in problems and "ZeroDivisionError" in problems
    assert "code cell 4 did not run" in problems
    assert "a widget failed to display" in problems
    assert "code cell 1" not in problems and "code cell 2 shows" not in problems


def test_a_clean_notebook_reports_nothing(lab: LabPage, scratch_dir: Path):
    lab.open(
        new_notebook(
            scratch_dir / "clean.ipynb",
            [
                "import ipywidgets\nipywidgets.IntSlider(3)",
                "",
                "import sys\nprint('to stderr', file=sys.stderr)",
            ],
        )
    )
    lab.clear_and_run_all()
    lab.wait_for_widgets()
    report = lab.report()
    assert report.problems == []
    assert report.widget_count > 0
