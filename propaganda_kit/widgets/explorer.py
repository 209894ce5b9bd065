"""The loaded-language explorer: choose documents, categories, voice and scale; see the chart."""

from __future__ import annotations

import base64
import html
import io

import ipywidgets as widgets
import pandas as pd
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
    "(hold Ctrl, or Cmd on a Mac, and click to choose several)."
)
NOTHING_COUNTED = {
    "per_1000": "Nothing to draw: the chosen documents have no {voice}, so there is no rate.",
    "raw": "Nothing to draw: every count is 0 in the {voice} of the chosen documents.",
}
VOICE_WORDS = {"all": "words", "author": "author's own words", "quoted": "quoted words"}
PICK_HINT = (
    "To choose several documents or categories, hold Ctrl (Cmd on a Mac) and click each one; "
    "hold Shift and click to choose a run of them."
)
MAX_ROWS = 12  # a longer list scrolls, and says so
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


def choice_list(options: list[tuple[str, str]], description: str) -> widgets.SelectMultiple:
    """A multi-select with every option chosen, tall enough to show them all (up to
    ``MAX_ROWS``; a longer list scrolls, and the hint says so)."""
    return widgets.SelectMultiple(
        options=options,
        value=tuple(v for _, v in options),
        description=description,
        rows=max(1, min(MAX_ROWS, len(options))),
    )


def hint_html(*lists: widgets.SelectMultiple) -> str:
    """How to choose several options, and which lists scroll for more."""
    longer = [
        f"{s.description.lower()} ({len(s.options)}; scroll for more)"
        for s in lists
        if len(s.options) > s.rows
    ]
    more = f" Some lists are longer than they look: {', '.join(longer)}." if longer else ""
    return f'<div class="kit-hint">{html.escape(PICK_HINT + more)}</div>'


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
        self.docs = choice_list(self._doc_options(), "Documents")
        self.categories = choice_list(self._category_options(), "Categories")
        self.voice = widgets.Dropdown(options=VOICE_OPTIONS, value="all", description="Voice")
        self.norm = widgets.Dropdown(options=NORM_OPTIONS, value="per_1000", description="Scale")
        self.hint = widgets.HTML(hint_html(self.docs, self.categories))
        self.chart = widgets.Output()
        self.numbers = widgets.HTML()
        for part, css in (
            (self.docs, "kit-explorer-docs"),
            (self.categories, "kit-explorer-categories"),
            (self.voice, "kit-explorer-voice"),
            (self.norm, "kit-explorer-norm"),
            (self.hint, "kit-explorer-hint"),
            (self.chart, "kit-explorer-chart"),
            (self.numbers, "kit-explorer-numbers"),
        ):
            part.add_class(css)
            part.layout.width = "auto" if part is not self.chart else "100%"
        for control in (self.docs, self.categories, self.voice, self.norm):
            control.style.description_width = "initial"
            control.layout.flex = "0 0 auto"
            control.layout.margin = "2px 16px 2px 0"
        controls = widgets.HBox(
            [self.docs, self.categories, widgets.VBox([self.voice, self.norm])],
            layout=widgets.Layout(flex_flow="row wrap"),
        )
        self.widget = widgets.VBox([style_widget(), self.hint, controls, self.chart, self.numbers])
        self.widget.add_class("kit-explorer")
        self.widget.add_class("kit-fit")
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

    def nothing_to_draw(self, rates: pd.DataFrame | None) -> str:
        """Why the chart of ``rates`` (None: nothing chosen) would be empty, or ''."""
        if rates is None:
            return NOTHING_SELECTED
        per_1000 = self.norm.value == "per_1000"
        if (rates["words"] if per_1000 else rates["count"]).sum() == 0:
            voice = VOICE_WORDS[self.voice.value]
            return NOTHING_COUNTED[self.norm.value].format(voice=voice)
        return ""

    def rates(self) -> pd.DataFrame:
        """The rates behind the chart, per chosen document."""
        return rates_table(
            self.table,
            voice=self.voice.value,
            documents=self.docs.value,
            categories=self.categories.value,
        )

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
        """Redraw the chart and the numbers; a plain message replaces the chart when there is
        nothing to draw, a friendly one on a problem."""
        try:
            chosen = bool(self.docs.value and self.categories.value)
            rates = self.rates() if chosen else None
            empty = self.nothing_to_draw(rates)
            png = b"" if empty else figure_png(self.figure())
            numbers = rates_html(rates, "document") if chosen else ""
        except Exception as err:  # a student must never see a traceback
            self.chart.outputs = (html_output(error_html(err)),)
            self.numbers.value = ""
            return
        if empty:
            note = f'<div class="kit-note kit-explorer-empty">{html.escape(empty)}</div>'
            self.chart.outputs = (html_output(note),)
        else:
            self.chart.outputs = (png_output(png, self._description()),)
        self.numbers.value = numbers and numbers + f"<p>{html.escape(INTERVAL_NOTE)}</p>"

    def _description(self) -> str:
        voice = dict((v, k) for k, v in VOICE_OPTIONS)[self.voice.value]
        scale = dict((v, k) for k, v in NORM_OPTIONS)[self.norm.value]
        return (
            f"Chart: loaded-language cues in {voice}, {scale}; documents: "
            f"{len(self.docs.value)} of {len(self.docs.options)}; categories: "
            f"{len(self.categories.value)} of {len(self.categories.options)}."
        )

    def static_html(self) -> str:
        """The rates behind the default chart, per document and per perspective, as HTML."""
        by_doc = rates_table(self.table)
        by_side = rates_table(self.table, by="perspective")
        return (
            "<p><b>Loaded-language cues per 1,000 words, all categories, all words"
            "</b></p>"
            + rates_html(by_doc, "document")
            + rates_html(by_side, "perspective")
            + f"<p>{html.escape(INTERVAL_NOTE)}</p>"
        )
