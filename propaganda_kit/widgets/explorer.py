"""The loaded-language explorer: choose documents, categories, voice and scale; see the chart."""

from __future__ import annotations

import base64
import html
import io

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure

from propaganda_kit.analysis.loaded_language import loaded_language_table, rates_table
from propaganda_kit.charts.rates import (
    INTERVAL_NOTE,
    category_names,
    one_word_note,
    plot_loaded_rates,
)
from propaganda_kit.data.corpus import Corpus, load_corpus
from propaganda_kit.data.lexicon import LEXICON_CATEGORIES
from propaganda_kit.html.errors import error_html
from propaganda_kit.widgets.base import KitWidget, style_widget

VOICE_OPTIONS = [
    ("all words", "all"),
    ("the author's own words", "author"),
    ("quoted words", "quoted"),
]
NORM_OPTIONS = [("per 1,000 words", "per_1000"), ("raw counts", "raw")]
NOTHING_SELECTED = (
    "Nothing to draw: choose at least one document and one category "
    "(hold Ctrl or Cmd to choose several)."
)
TABLE_COLUMNS = {
    "count": "Cues",
    "words": "Words",
    "rate_per_1000": "Per 1,000 words",
    "rate_low": "95% interval from",
    "rate_high": "to",
    "one_word_check": "One-word check",
}


def figure_png(fig: Figure) -> bytes:
    """The figure as PNG bytes (no date or software stamp, so the bytes are reproducible)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def png_output(png: bytes, description: str) -> dict:
    """A display_data output holding a PNG, as an Output widget stores it."""
    return {
        "output_type": "display_data",
        "metadata": {},
        "data": {"image/png": base64.b64encode(png).decode("ascii"), "text/plain": description},
    }


def html_output(markup: str) -> dict:
    """A display_data output holding HTML (with a plain-text twin)."""
    return {
        "output_type": "display_data",
        "metadata": {},
        "data": {"text/html": markup, "text/plain": "(see the message above)"},
    }


def rates_html(rates: pd.DataFrame, key: str) -> str:
    """The numbers behind the chart as an escaped HTML table, with the one-word check."""
    checks = [
        one_word_note(row.top_term, row.top_term_count, row.count, row.rate_without_top_term)
        if row.words
        else "no words: no rate"
        for row in rates.itertuples(index=False)
    ]
    shown = rates.assign(one_word_check=checks)[[key, "perspective", *TABLE_COLUMNS]].rename(
        columns={key: key.capitalize(), "perspective": "Perspective", **TABLE_COLUMNS}
    )
    return shown.to_html(
        index=False,
        classes="kit-table",
        border=0,
        escape=True,
        na_rep="no words",
        float_format="{:.2f}".format,
    )


class LoadedLanguageExplorer(KitWidget):
    """Compare loaded-language rates across documents, categories and voices.

    The table is computed once; each change only redraws the chart. Pass ``table`` (from
    ``loaded_language_table``) to explore a table made elsewhere.
    """

    def __init__(self, corpus: Corpus | None = None, table: pd.DataFrame | None = None) -> None:
        if table is None:
            table = loaded_language_table(corpus if corpus is not None else load_corpus())
        rates_table(table)  # a friendly ValueError now for an unusable table
        self.table = table
        self.docs = widgets.SelectMultiple(
            options=self._doc_options(),
            description="Documents",
            rows=min(8, table["document"].nunique()),
        )
        self.docs.value = tuple(v for _, v in self.docs.options)
        self.categories = widgets.SelectMultiple(
            options=self._category_options(), description="Categories", rows=8
        )
        self.categories.value = tuple(v for _, v in self.categories.options)
        self.voice = widgets.Dropdown(options=VOICE_OPTIONS, value="all", description="Voice")
        self.norm = widgets.Dropdown(options=NORM_OPTIONS, value="per_1000", description="Scale")
        self.chart = widgets.Output()
        self.numbers = widgets.HTML()
        for part, css in (
            (self.docs, "kit-explorer-docs"),
            (self.categories, "kit-explorer-categories"),
            (self.voice, "kit-explorer-voice"),
            (self.norm, "kit-explorer-norm"),
            (self.chart, "kit-explorer-chart"),
            (self.numbers, "kit-explorer-numbers"),
        ):
            part.add_class(css)
            part.layout.width = "auto" if part is not self.chart else "100%"
        controls = widgets.HBox([self.docs, self.categories, widgets.VBox([self.voice, self.norm])])
        self.widget = widgets.VBox([style_widget(), controls, self.chart, self.numbers])
        self.widget.add_class("kit-explorer")
        for part in (self.docs, self.categories, self.voice, self.norm):
            part.observe(self._on_change, names="value")
        self.redraw()

    def _doc_options(self) -> list[tuple[str, str]]:
        """(label, id) per document, grouped by perspective, with its word count."""
        rates = rates_table(self.table)
        return [
            (f"{row.document} ({row.perspective}, {row.words:,} words)", row.document)
            for row in rates.itertuples(index=False)
        ]

    def _category_options(self) -> list[tuple[str, str]]:
        present = set(self.table["category"])
        order = [c for c in LEXICON_CATEGORIES if c in present] + sorted(
            present - set(LEXICON_CATEGORIES)
        )
        names = category_names(self.table)
        return [(names.get(c, c.replace("_", " ")), c) for c in order]

    def _on_change(self, _change: dict) -> None:
        self.redraw()

    def figure(self) -> Figure:
        """The chart for the current choices (raises ValueError when nothing is chosen)."""
        if not self.docs.value or not self.categories.value:
            raise ValueError(NOTHING_SELECTED)
        return plot_loaded_rates(
            self.table,
            voice=self.voice.value,
            documents=self.docs.value,
            categories=self.categories.value,
            normalise=self.norm.value == "per_1000",
        )

    def redraw(self) -> None:
        """Redraw the chart and the numbers; a friendly message replaces them on a problem."""
        try:
            png = figure_png(self.figure())
            rates = rates_table(
                self.table,
                voice=self.voice.value,
                documents=self.docs.value,
                categories=self.categories.value,
            )
        except Exception as err:  # a student must never see a traceback
            self.chart.outputs = (html_output(error_html(err)),)
            self.numbers.value = ""
            return
        self.chart.outputs = (png_output(png, self._description()),)
        self.numbers.value = rates_html(rates, "document") + f"<p>{html.escape(INTERVAL_NOTE)}</p>"

    def _description(self) -> str:
        voice = dict((v, k) for k, v in VOICE_OPTIONS)[self.voice.value]
        scale = dict((v, k) for k, v in NORM_OPTIONS)[self.norm.value]
        return (
            f"Chart: loaded-language cues in {voice}, {scale}; documents: "
            f"{len(self.docs.value)} of {len(self.docs.options)}; categories: "
            f"{len(self.categories.value)} of {len(self.categories.options)}."
        )

    def static_view(self) -> HTML:
        """The rates behind the default chart, per document and per perspective, as HTML."""
        by_doc = rates_table(self.table)
        by_side = rates_table(self.table, by="perspective")
        return HTML(
            "<p><b>Loaded-language cues per 1,000 words, all categories, all words"
            "</b></p>"
            + rates_html(by_doc, "document")
            + rates_html(by_side, "perspective")
            + f"<p>{html.escape(INTERVAL_NOTE)}</p>"
        )
