"""``LateralReadingLog``: a log of the searches a student makes about who is behind a document.

Lateral reading means leaving the page to find out who is behind it. The kit fetches
nothing: the student searches in their own browser and writes down, for each search, what
they searched for, what they found, which source said it, whether that source is
independent of the document, how sure they are and what is still unknown. "Add this search"
adds a row to the log shown below (newest first). Each document's log is kept in the
notebook file through its own ``KeptOutput`` (``lateral-reading-<document>``) and restored
when the cell runs again.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from typing import Any

import ipywidgets as widgets
import pandas as pd

from propaganda_kit.data.corpus import Corpus, load_corpus
from propaganda_kit.html.errors import error_html
from propaganda_kit.html.page import provenance_card, style_html
from propaganda_kit.html.tables import table_html
from propaganda_kit.widgets.base import KitWidget, run_safely, safe_callback, style_widget
from propaganda_kit.widgets.kept_output import KeptOutput
from propaganda_kit.widgets.reader import document_label

NOTEBOOK = "07_lateral_reading.ipynb"
RECORD_PREFIX = "lateral-reading-"
WARM_UP_ID = "festival-flyer"  # the invented flyer of lesson 7's warm-up
WARM_UP_LABEL = "Warm-up: the festival flyer (invented for this kit)"
WARM_UP_CARD = (
    "<p><b>The festival flyer</b> (invented for this kit; not a real text). What it states "
    "about its origin: nothing. It names no sender, no organiser and no printer, and gives "
    "no year. It names the festival's day, place and a web address.</p>"
)
TITLE = "Lateral reading log"
NO_FETCH_NOTE = (
    "The kit does not search the web and opens no page. Do your searches in your own "
    "browser, then write down here what you searched for and what you found."
)
SAVED_NOTE = "Save the notebook (Ctrl+S) so that your log is kept in the file."
INDEPENDENCE = {
    "independent": "yes, independent of the document",
    "linked": "no, linked to the document or its side",
    "unclear": "I can't tell yet",
}
CONFIDENCES = ("low", "medium", "high")
INDEPENDENCE_QUESTION = (
    "Is that source independent of the document (not its author, its publisher or the "
    "group it speaks for)?"
)
CONFIDENCE_QUESTION = "How sure are you of what you found?"
TEXT_FIELDS = {  # the answer's key: the question above its text box
    "searched": "What did you search for, and where?",
    "found": "What did you find?",
    "source": "Which source said it (a site, an account, a newspaper…)?",
    "unknown": "What is still unknown?",
}
COLUMNS = {  # the log table's headings
    "number": "#",
    "added": "added",
    "searched": "searched for",
    "found": "found",
    "source": "source",
    "independent": "independent of the document?",
    "confidence": "how sure",
    "unknown": "still unknown",
}
NOT_WRITTEN = "(not written)"


def record_name(document_id: str) -> str:
    """The name of a document's kept log: ``lateral-reading-<document>``."""
    return RECORD_PREFIX + document_id


def clean_entries(answer: Any) -> list[dict[str, str]]:
    """The well-formed entries of a kept answer, every field as a string (others dropped)."""
    entries = answer.get("entries") if isinstance(answer, dict) else None
    fields = (*TEXT_FIELDS, "independent", "confidence", "added_at")
    return [
        {field: str(entry.get(field) or "") for field in fields}
        for entry in (entries if isinstance(entries, list) else [])
        if isinstance(entry, dict) and str(entry.get("searched") or "").strip()
    ]


def newest_first(entries: list[dict[str, str]]) -> list[tuple[int, dict[str, str]]]:
    """(number, entry) pairs, numbered in the order they were added, the newest first."""
    numbered = list(enumerate(entries, 1))
    return sorted(numbered, key=lambda pair: (pair[1]["added_at"], pair[0]), reverse=True)


def shown_time(iso: str) -> str:
    """'2026-12-02 14:05 UTC' from an ISO time (the text itself if it is not one)."""
    try:
        return datetime.fromisoformat(iso).astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        return iso


def log_html(entries: list[dict[str, str]]) -> str:
    """The log as one escaped table, the newest search first."""
    if not entries:
        return "<p class='kit-note'>No searches logged for this document yet.</p>"
    rows = [
        {
            "number": number,
            "added": shown_time(entry["added_at"]),
            **{field: entry[field].strip() or NOT_WRITTEN for field in TEXT_FIELDS},
            "independent": INDEPENDENCE.get(entry["independent"], NOT_WRITTEN),
            "confidence": entry["confidence"] or NOT_WRITTEN,
        }
        for number, entry in newest_first(entries)
    ]
    return table_html(pd.DataFrame(rows, columns=list(COLUMNS)).rename(columns=COLUMNS))


def _label(text: str) -> widgets.HTML:
    """A question shown in full above its control (never cut at the notebook's width)."""
    return widgets.HTML(f"<b>{html.escape(text)}</b>")


def _toggles(options: list[tuple[str, str]]) -> widgets.ToggleButtons:
    return widgets.ToggleButtons(
        options=options,
        value=None,
        style={"button_width": "auto"},
        layout=widgets.Layout(width="auto"),
    )


class LateralReadingLog(KitWidget):
    """The search log of one document (chosen in a menu), kept in the notebook file.

    ``document_id`` picks the document shown first; ``WARM_UP_ID`` gives the log of the
    invented warm-up flyer alone. The menu lists the corpus's documents.
    """

    def __init__(
        self,
        document_id: str | None = None,
        corpus: Corpus | None = None,
        notebook: str = NOTEBOOK,
    ) -> None:
        self.message = widgets.HTML()
        self.message.add_class("kit-lateral-message")
        self.documents: dict[str, Any] = {}  # id -> Document, or None for the warm-up
        document_id = self._choose_documents(document_id, corpus)
        self.kept = {doc_id: KeptOutput(record_name(doc_id), notebook) for doc_id in self.documents}
        self.entries: dict[str, list[dict[str, str]]] = {doc_id: [] for doc_id in self.documents}
        self.picker = widgets.Dropdown(
            options=[(self._option(doc_id), doc_id) for doc_id in self.documents],
            value=document_id or next(iter(self.documents), None),
            description="Document:",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="auto", max_width="100%"),
        )
        self.picker.add_class("kit-lateral-doc-picker")
        if len(self.documents) < 2:
            self.picker.layout.display = "none"
        self.card = widgets.HTML()
        self.card.add_class("kit-lateral-card")
        self.texts = {
            field: widgets.Textarea(rows=2, layout=widgets.Layout(width="100%"))
            for field in TEXT_FIELDS
        }
        for field, box in self.texts.items():
            box.add_class(f"kit-lateral-{field}")
        self.independent = _toggles([(label, key) for key, label in INDEPENDENCE.items()])
        self.independent.add_class("kit-lateral-independent")
        self.confidence = _toggles([(c, c) for c in CONFIDENCES])
        self.confidence.add_class("kit-lateral-confidence")
        self.button = widgets.Button(
            description="Add this search",
            icon="plus",
            layout=widgets.Layout(width="auto", align_self="flex-start"),
        )
        self.button.add_class("kit-lateral-add")
        self.button.on_click(safe_callback(lambda _: self.add(), self.message))
        self.log = widgets.HTML()
        self.log.add_class("kit-lateral-log")
        self.picker.observe(safe_callback(self._show_document, self.message), names="value")
        form = [
            _label(TEXT_FIELDS["searched"]),
            self.texts["searched"],
            _label(TEXT_FIELDS["found"]),
            self.texts["found"],
            _label(TEXT_FIELDS["source"]),
            self.texts["source"],
            _label(INDEPENDENCE_QUESTION),
            self.independent,
            _label(CONFIDENCE_QUESTION),
            self.confidence,
            _label(TEXT_FIELDS["unknown"]),
            self.texts["unknown"],
        ]
        note = f"<p class='kit-note'>{html.escape(NO_FETCH_NOTE)}</p>"
        intro = widgets.HTML(f"<p><b>{html.escape(TITLE)}</b></p>{note}")
        self.widget = widgets.VBox(
            [style_widget(), intro, self.picker, self.card, *form, self.button, self.message,
             self.log]
        )  # fmt: skip
        self.widget.add_class("kit-lateral")
        self.widget.add_class("kit-fit")
        for doc_id in self.documents:
            run_safely(self._restore, self.message, doc_id)
        self._show_document()

    def _choose_documents(self, document_id: str | None, corpus: Corpus | None) -> str | None:
        """Fill ``self.documents``; return ``document_id`` if it is one of them, else None."""
        if document_id == WARM_UP_ID:
            self.documents = {WARM_UP_ID: None}
            return document_id
        try:
            loaded = corpus if isinstance(corpus, Corpus) else load_corpus()
            self.documents = {doc.id: doc for doc in loaded}
        except Exception as err:  # a broken data folder is shown, not raised
            self.message.value = error_html(err)
        if document_id is None or document_id in self.documents:
            return document_id
        known = ", ".join(self.documents) or "none"
        self.message.value = error_html(
            LookupError(f"No document with id '{document_id}'. Known ids: {known}.")
        )
        return None

    def _option(self, doc_id: str) -> str:
        document = self.documents[doc_id]
        return WARM_UP_LABEL if document is None else document_label(document)

    @property
    def document_id(self) -> str | None:
        """The id of the document chosen in the menu."""
        return self.picker.value

    def _restore(self, doc_id: str) -> None:
        record = self.kept[doc_id].restore()
        if record is not None:
            self.entries[doc_id] = clean_entries(record["answer"])
        self._show_summary(doc_id)

    def _show_summary(self, doc_id: str) -> None:
        count = len(self.entries[doc_id])
        searches = "no searches" if not count else f"{count} search{'es' if count > 1 else ''}"
        self.kept[doc_id].show(f"lateral reading about {doc_id}: {searches} logged.")

    def card_html(self, doc_id: str | None) -> str:
        """What the document states about its origin (the warm-up: the flyer's own card)."""
        if doc_id is None:
            return ""
        document = self.documents[doc_id]
        if document is None:
            return WARM_UP_CARD
        return "<p><b>What the document states about itself</b></p>" + provenance_card(document)

    def _show_document(self, _change: Any = None) -> None:
        self.card.value = self.card_html(self.document_id)
        self.log.value = log_html(self.entries.get(self.document_id, []))

    def entry(self) -> dict[str, str]:
        """The search on screen now, as one entry of the log (without its time)."""
        return {
            **{field: box.value for field, box in self.texts.items()},
            "independent": self.independent.value or "",
            "confidence": self.confidence.value or "",
        }

    def add(self) -> None:
        """Add the search on screen to the chosen document's log, keep the log, clear the form."""
        doc_id = self.document_id
        if doc_id is None:
            self.message.value = "<p class='kit-note'>There is no document to log searches for.</p>"
            return
        entry = self.entry()
        missing = [
            what
            for what, given in (
                ("what you searched for", entry["searched"].strip()),
                ("how sure you are", entry["confidence"]),
            )
            if not given
        ]
        if missing:
            hint = f"Write or choose {' and '.join(missing)}, then add the search again."
            self.message.value = f"<p class='kit-note'>{html.escape(hint)}</p>"
            return
        entry["added_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        self.entries[doc_id] = [*self.entries[doc_id], entry]
        note = self.kept[doc_id].keep({"document": doc_id, "entries": self.entries[doc_id]})
        self._show_summary(doc_id)
        for box in self.texts.values():
            box.value = ""
        self.independent.value = self.confidence.value = None
        count = len(self.entries[doc_id])
        done = f"Search {count} added to the log for {doc_id}. {SAVED_NOTE}"
        self.message.value = f"<p class='kit-note'>{html.escape(done)}</p>" + (
            f"<p class='kit-note'>{html.escape(note)}</p>" if note else ""
        )
        self._show_document()

    def static_html(self) -> str:
        """The chosen document's card and its log as they stand, for a notebook not yet run."""
        asked = [*TEXT_FIELDS.values(), INDEPENDENCE_QUESTION, CONFIDENCE_QUESTION]
        questions = "".join(f"<li>{html.escape(q)}</li>" for q in asked)
        return (
            style_html()
            + f"<p><b>{html.escape(TITLE)}</b></p><p>{html.escape(NO_FETCH_NOTE)}</p>"
            + self.card.value
            + f"<p>For each search, write down:</p><ul>{questions}</ul>"
            + self.log.value
        )

    def _ipython_display_(self) -> None:
        super()._ipython_display_()
        for kept in self.kept.values():
            kept.display()
