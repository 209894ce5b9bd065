"""``ScoreWidget``: a "Show my score" button for the last cell of an exercise notebook.

Pressing it checks every answer kept in the notebook (``checks.score_summary``) and shows
the points, hits, misses and false alarms per exercise, and the false alarms per side.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from propaganda_kit.checks import score_summary
from propaganda_kit.widgets.base import KitWidget, safe_callback, style_widget

STATIC_NOTE = (
    "Run this notebook, answer the exercises, then press “Show my score” to see your "
    "points, hits, misses and false alarms."
)


class ScoreWidget(KitWidget):
    """A button that shows the score summary of one exercise notebook."""

    def __init__(self, notebook: str) -> None:
        self.notebook = str(notebook)
        self.output = widgets.HTML()
        self.output.add_class("kit-score-output")
        self.button = widgets.Button(
            description="Show my score", icon="table", layout=widgets.Layout(width="auto")
        )
        self.button.add_class("kit-score-button")
        self.button.on_click(safe_callback(lambda _: self.show(), self.output))
        self.widget = widgets.VBox([style_widget(), self.button, self.output])
        self.widget.add_class("kit-score-widget")

    def show(self) -> None:
        """Check the kept answers now and show the summary."""
        self.output.value = score_summary(self.notebook).html()

    def static_html(self) -> str:
        """A note saying what the button does, for a notebook not yet run."""
        return f"<p><em>{html.escape(STATIC_NOTE)}</em></p>"


def score_widget(notebook: str) -> ScoreWidget:
    """The "Show my score" button for ``notebook`` (an exercise notebook's file name)."""
    return ScoreWidget(notebook)
