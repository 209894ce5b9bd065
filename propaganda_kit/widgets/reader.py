"""The document reader: one document at a time, its provenance, and toggled highlights."""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import ipywidgets as widgets

from propaganda_kit.analysis.loaded_language import (
    find_charged_topic_words,
    find_loaded_language,
)
from propaganda_kit.analysis.provenance import PROVENANCE_LABELS, provenance_rows
from propaganda_kit.analysis.techniques import LOADED_LANGUAGE, TECHNIQUE_CUE_NOTE, find_techniques
from propaganda_kit.data.corpus import Corpus, Document, load_corpus
from propaganda_kit.data.lexicon import CHARGED_TOPIC, CHARGED_TOPIC_CATEGORY, LEXICON_CATEGORIES
from propaganda_kit.data.taxonomy import load_taxonomy
from propaganda_kit.html.errors import error_html
from propaganda_kit.html.highlight import highlight_html
from propaganda_kit.html.page import (
    NEUTRAL_BACKGROUND,
    QUOTED_SWATCH,
    UNDERLINE_PALETTE,
    colour_map,
    legend_group_html,
    legends_html,
    provenance_card,
    style_html,
    swatch_html,
    unknown_html,
)
from propaganda_kit.text.spans import Span
from propaganda_kit.text.words import per_thousand_words
from propaganda_kit.widgets.base import KitWidget, safe_callback, style_widget

TITLE_CHARS = 60
CHARGED_TOPIC_NOTE = (
    "Charged topic words name violent or grave facts (killed, war, prison, victim). "
    "A news report about violence has to use them, so they are not loaded language and "
    "are not in any loaded-language count. They are shown here so you can see how much of "
    "a text is about such events."
)


@dataclass(frozen=True)
class Analysis:
    """The cues found in one document: loaded language (by category), other techniques and
    charged topic words (shown on request, never counted as loaded)."""

    loaded: tuple[Span, ...]
    techniques: tuple[Span, ...]
    charged: tuple[Span, ...]


def analyse(document: Document) -> Analysis:
    """Find the loaded-language and technique cues of ``document`` (same yardstick for all)."""
    loaded = tuple(replace(s, technique="") for s in find_loaded_language(document.text))
    others = tuple(s for s in find_techniques(document.text) if s.technique != LOADED_LANGUAGE)
    charged = tuple(replace(s, technique="") for s in find_charged_topic_words(document.text))
    return Analysis(loaded, others, charged)


def document_label(document: Document) -> str:
    """Dropdown label: the title (shortened) or 'untitled', then the id."""
    title = document.title if document.title.strip() else "untitled"
    if len(title) > TITLE_CHARS:
        title = title[: TITLE_CHARS - 1].rstrip() + "…"
    return f"{title} [{document.id}]"


def count_line(count: int, what: str, document: Document, quoted: int) -> str:
    """'12 loaded-language cues in 746 words = 16.1 per 1,000 words (3 inside quotations)'."""
    rate = per_thousand_words(count, document.word_count)
    plural = "" if count == 1 else "s"
    line = f"{count} {what}{plural} in {document.word_count:,} words = {rate:.1f} per 1,000 words"
    return line + (f" ({quoted} inside quotations)" if quoted else "")


def provenance_table_html(corpus: Corpus) -> str:
    """All documents' provenance as one HTML table; unknowns shown as 'unknown'."""
    head = "".join(f"<th>{html.escape(label)}</th>" for _, label in PROVENANCE_LABELS)
    rows = "".join(
        f"<tr><td><code>{html.escape(doc.id)}</code></td>"
        + "".join(f"<td>{unknown_html(value)}</td>" for _, value in provenance_rows(doc))
        + "</tr>"
        for doc in corpus
    )
    return (
        f'<table class="kit-table kit-provenance-table" dir="auto"><thead><tr>'
        f"<th>Document</th>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )


# The legend's groups: a short heading per kind of mark.
LOADED_HEADING = "Loaded language (coloured background)"
CHARGED_HEADING = "Not counted as loaded"
TECHNIQUES_HEADING = "Technique cues (coloured underline)"
VOICES_HEADING = "Voices"
QUOTED_LABEL = "quoted voice (dotted underline, italics)"


def toggle_state(button: widgets.ToggleButton, name: str) -> None:
    """Say the toggle's state in words and with an icon: 'Loaded language: on' and a tick."""
    button.description = f"{name}: {'on' if button.value else 'off'}"
    button.icon = "check-square" if button.value else "square-o"


class DocumentReader(KitWidget):
    """Read one document with its provenance card and optional highlights.

    ``corpus`` is a Corpus, a data folder, or None for the kit's own data.
    """

    def __init__(self, corpus: Corpus | str | Path | None = None) -> None:
        self.corpus: Corpus | None = None
        self._analyses: dict[str, Analysis] = {}
        self._rendered: dict[tuple[str, bool, bool, bool, bool], tuple[str, str, str]] = {}
        self._switches: list[tuple[widgets.ToggleButton, str]] = []
        self.message = widgets.HTML()
        self.message.add_class("kit-reader-message")
        try:
            self.corpus = corpus if isinstance(corpus, Corpus) else load_corpus(corpus)
            taxonomy = load_taxonomy()
            technique_labels = taxonomy["label"].to_dict()
            cue_ids = taxonomy.index[taxonomy["framework"] == "semeval2020"]
        except Exception as err:  # a broken data folder is shown, not raised
            self.message.value = error_html(err)
            technique_labels, cue_ids = {}, []
        category_labels = {k: c.label for k, c in LEXICON_CATEGORIES.items()}
        category_labels[CHARGED_TOPIC] = CHARGED_TOPIC_CATEGORY.label
        self.labels = {**category_labels, **technique_labels}
        self.underlined = sorted(technique_labels)
        self.colours = {
            **colour_map(LEXICON_CATEGORIES),
            CHARGED_TOPIC: NEUTRAL_BACKGROUND,
            **colour_map(cue_ids, UNDERLINE_PALETTE),
        }
        documents = list(self.corpus) if self.corpus else []
        self.picker = widgets.Dropdown(
            options=[(document_label(d), d.id) for d in documents],
            value=documents[0].id if documents else None,
            description="Document:",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="auto", max_width="100%"),
        )
        self.picker.add_class("kit-reader-doc-picker")
        self.show_loaded = self._toggle(
            "Loaded language",
            True,
            "kit-reader-toggle-loaded",
            "Highlight loaded words, coloured by category",
        )
        self.show_techniques = self._toggle(
            "Technique cues",
            False,
            "kit-reader-toggle-techniques",
            "Highlight cues of persuasion techniques",
        )
        self.show_charged = self._toggle(
            "Charged topic words",
            False,
            "kit-reader-toggle-charged",
            "Show words that name violent or grave facts (not counted as loaded language)",
        )
        self.show_quotes = self._toggle(
            "Quoted voices",
            True,
            "kit-reader-toggle-quotes",
            "Underline words the author quotes from others",
        )
        self.provenance = widgets.HTML()
        self.provenance.add_class("kit-reader-provenance")
        self.counts = widgets.HTML()
        self.counts.add_class("kit-reader-counts")
        self.legend = widgets.HTML()
        self.legend.add_class("kit-reader-legend")
        self.text = widgets.HTML()
        self.text.add_class("kit-reader-text")
        update = safe_callback(self._update, self.message)
        toggles = (self.show_loaded, self.show_techniques, self.show_charged, self.show_quotes)
        for control in (self.picker, *toggles):
            control.observe(update, names="value")
        self.widget = widgets.VBox(
            [
                style_widget(self.colours, self.underlined),
                self.message,
                self.picker,
                widgets.HBox(list(toggles), layout=widgets.Layout(flex_flow="row wrap")),
                self.provenance,
                self.counts,
                self.legend,
                self.text,
            ]
        )
        self.widget.add_class("kit-reader")
        self.widget.add_class("kit-fit")
        update()

    def _toggle(self, name: str, value: bool, css_class: str, tooltip: str) -> widgets.ToggleButton:
        """A highlight switch that says its state in words and an icon, wide enough for both."""
        button = widgets.ToggleButton(
            value=value, tooltip=tooltip, layout=widgets.Layout(width="auto", flex="0 0 auto")
        )
        button.add_class(css_class)
        toggle_state(button, name)
        self._switches.append((button, name))
        return button

    def analysis(self, doc_id: str) -> Analysis:
        """The cached cues of one document."""
        if doc_id not in self._analyses:
            self._analyses[doc_id] = analyse(self.corpus[doc_id])
        return self._analyses[doc_id]

    def _render(
        self, doc_id: str, loaded: bool, techniques: bool, quotes: bool, charged: bool = False
    ) -> tuple[str, str, str]:
        """(text, counts, legend) HTML for one document and toggle state, cached."""
        key = (doc_id, loaded, techniques, quotes, charged)
        if key not in self._rendered:
            doc, found = self.corpus[doc_id], self.analysis(doc_id)
            spans = (
                (found.loaded if loaded else ())
                + (found.techniques if techniques else ())
                + (found.charged if charged else ())
            )
            text = highlight_html(doc.text, spans, quoted=doc.quotes if quotes else None)
            lines = [
                count_line(
                    len(found.loaded),
                    "loaded-language cue",
                    doc,
                    sum(doc.voice_at(s.start) == "quoted" for s in found.loaded),
                ),
                count_line(
                    len(found.techniques),
                    "technique cue",
                    doc,
                    sum(doc.voice_at(s.start) == "quoted" for s in found.techniques),
                ),
            ]
            counts = "".join(f'<div class="kit-counts">{html.escape(line)}</div>' for line in lines)
            counts += f'<div class="kit-note">{html.escape(TECHNIQUE_CUE_NOTE)}</div>'
            if charged:
                line = html.escape(count_line(len(found.charged), "charged topic word", doc, 0))
                note = html.escape(CHARGED_TOPIC_NOTE)
                counts += (
                    f'<div class="kit-counts kit-charged-count">{line}</div>'
                    f'<div class="kit-note kit-charged-note">{note}</div>'
                )
            legend = self._legend(spans, quotes)
            self._rendered[key] = (text, counts, legend)
        return self._rendered[key]

    def _legend(self, spans: tuple[Span, ...], quotes: bool) -> str:
        """The legend of what is marked: a group per kind of mark, a row per kind shown."""
        shown = {s.technique or s.category for s in spans}

        def rows(keys: Iterable[str]) -> list[tuple[str, str]]:
            return [(swatch_html(k), self.labels.get(k, k)) for k in sorted(shown & set(keys))]

        return legends_html(
            [
                legend_group_html(LOADED_HEADING, rows(LEXICON_CATEGORIES)),
                legend_group_html(CHARGED_HEADING, rows([CHARGED_TOPIC])),
                legend_group_html(TECHNIQUES_HEADING, rows(self.underlined)),
                legend_group_html(
                    VOICES_HEADING, [(QUOTED_SWATCH, QUOTED_LABEL)] if quotes else []
                ),
            ]
        )

    def _update(self, change: object = None) -> None:
        """Show the chosen document with the chosen highlights, and each switch's state."""
        for button, name in self._switches:
            toggle_state(button, name)
        if self.corpus is None or self.picker.value is None:
            self.text.value = '<div class="kit-note">No documents to show.</div>'
            return
        doc = self.corpus[self.picker.value]
        text, counts, legend = self._render(
            doc.id,
            self.show_loaded.value,
            self.show_techniques.value,
            self.show_quotes.value,
            self.show_charged.value,
        )
        self.provenance.value = provenance_card(doc)
        self.counts.value, self.legend.value, self.text.value = counts, legend, text
        self.message.value = ""

    def static_html(self) -> str:
        """The provenance of every document as an HTML table (works without a kernel)."""
        if self.corpus is None:
            return self.message.value
        return style_html() + provenance_table_html(self.corpus)
