"""``FactSheetViewer``: pick a document from a menu and read its fact sheet (lesson 6)."""

from __future__ import annotations

import html

import ipywidgets as widgets

from propaganda_kit.analysis.checklist import fact_sheet
from propaganda_kit.data.corpus import Corpus
from propaganda_kit.widgets.base import KitWidget, safe_callback, style_widget


def sheet_html(text: str) -> str:
    """A fact sheet's text as escaped, wrapping preformatted HTML."""
    return f'<pre class="kit-fact-sheet" style="white-space: pre-wrap">{html.escape(text)}</pre>'


class FactSheetViewer(KitWidget):
    """A document menu and the chosen document's fact sheet."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.sheet = widgets.HTML()
        self.sheet.add_class("kit-fact-sheet-view")
        ids = list(corpus.ids)
        self.picker = widgets.Dropdown(
            options=ids,
            value=ids[0] if ids else None,
            description="Document:",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="auto"),
        )
        self.picker.add_class("kit-fact-sheet-picker")
        self.picker.observe(safe_callback(lambda _: self.show(), self.sheet), names="value")
        self.widget = widgets.VBox([style_widget(), self.picker, self.sheet])
        self.show()

    def show(self) -> None:
        """Show the fact sheet of the document picked in the menu."""
        self.sheet.value = (
            sheet_html(fact_sheet(self.corpus, self.picker.value))
            if (self.picker.value)
            else "<p>This corpus has no documents.</p>"
        )

    def static_html(self) -> str:
        """The first document's fact sheet."""
        return self.sheet.value
