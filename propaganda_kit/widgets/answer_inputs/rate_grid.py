"""A table for ``rate_table`` exercises: one row per corpus document, two fields to fill in.

Each row shows the document, its perspective and its word count (given); the student
writes the number of loaded-language words they counted and the rate per 1,000 words.
The answer is a list of row dicts with the rate_table checker's columns; a row whose count
is left empty is left out.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
import pandas as pd

from propaganda_kit.checks import Exercise
from propaganda_kit.data.corpus import Document, load_corpus
from propaganda_kit.html.errors import error_html
from propaganda_kit.html.highlight import css_key
from propaganda_kit.widgets.answer_inputs.parts import (
    answer_box,
    number_field,
    number_problem,
    number_text,
    parse_number,
)
from propaganda_kit.widgets.base import safe_callback

HEADINGS = ("Document", "Perspective", "Words", "Loaded-language words", "Rate per 1,000 words")
COLUMNS = (
    "minmax(12em, 3fr) minmax(8em, 2fr) minmax(4em, 1fr) minmax(8em, 1.5fr) minmax(8em, 1.5fr)"
)
PROMPT = (
    "For each document you measured, write how many loaded-language words you counted and "
    "the rate per 1,000 words. Leave a row empty to leave it out."
)


def document_cell(document: Document) -> str:
    """The document's title (when it has one) and its id, escaped."""
    title = document.title.strip()
    named = f"{html.escape(title)}<br>" if title and title != "untitled" else ""
    return f"{named}<code>{html.escape(document.id)}</code>"


def cell(text: str, css_class: str = "kit-answer-cell") -> widgets.HTML:
    """One HTML cell of the grid (its text wraps)."""
    shown = widgets.HTML(f'<div class="kit-answer-cell">{text}</div>')
    shown.add_class(css_class)
    return shown


def whole(number: float) -> int | float:
    """A count as a whole number when it is one (the checker wants whole counts)."""
    return int(number) if number.is_integer() else number


class RateGrid:
    """The rate table to fill in; ``value`` is the filled rows."""

    def __init__(self, exercise: Exercise) -> None:
        self.exercise = exercise
        self.hint = widgets.HTML()
        self.hint.add_class("kit-answer-hint")
        try:
            self.documents = list(load_corpus())
        except Exception as err:  # a broken data folder is shown, not raised
            self.documents = []
            self.hint.value = error_html(err)
        self.counts: dict[str, widgets.Text] = {}
        self.rates: dict[str, widgets.Text] = {}
        cells: list[widgets.Widget] = [cell(f"<b>{html.escape(h)}</b>") for h in HEADINGS]
        check = safe_callback(self._check_text, self.hint)
        for doc in self.documents:
            key = css_key(doc.id)
            self.counts[doc.id] = number_field(f"kit-answer-rate-count-{key}", "auto", "e.g. 12")
            self.rates[doc.id] = number_field(f"kit-answer-rate-value-{key}", "auto")
            self.counts[doc.id].add_class("kit-answer-rate-count")
            self.rates[doc.id].add_class("kit-answer-rate-value")
            for field in (self.counts[doc.id], self.rates[doc.id]):
                field.observe(check, names="value")
            cells += [
                cell(document_cell(doc)),
                cell(html.escape(doc.perspective)),
                cell(f"{doc.word_count:,}"),
                self.counts[doc.id],
                self.rates[doc.id],
            ]
        grid = widgets.GridBox(
            cells,
            layout=widgets.Layout(grid_template_columns=COLUMNS, grid_gap="4px 10px", width="100%"),
        )
        grid.add_class("kit-answer-rate-grid")
        self.widget = answer_box(
            exercise.kind, [widgets.HTML(f"<p>{html.escape(PROMPT)}</p>"), grid, self.hint]
        )

    def _check_text(self, _change: object = None) -> None:
        """List the fields that hold no number and the rates without a count."""
        problems = []
        for doc in self.documents:
            count, rate = self.counts[doc.id].value, self.rates[doc.id].value
            for text in (count, rate):
                if number_problem(text):
                    problems.append(f"{doc.id}: {number_problem(text)}")
            if rate.strip() and not count.strip():
                problems.append(f"{doc.id}: write the count too, or this row is left out.")
        self.hint.value = "".join(f"<div>{html.escape(p)}</div>" for p in problems)

    @property
    def value(self) -> list[dict[str, Any]]:
        """One dict per row with a count: document, perspective, words, count, rate_per_1000."""
        rows = []
        for doc in self.documents:
            count = parse_number(self.counts[doc.id].value)
            if count is None:
                continue
            rows.append(
                {
                    "document": doc.id,
                    "perspective": doc.perspective,
                    "words": doc.word_count,
                    "count": whole(count),
                    "rate_per_1000": parse_number(self.rates[doc.id].value),
                }
            )
        return rows

    def show(self, value: Any) -> None:
        """Fill in saved rows (or a DataFrame's); rows of the wrong shape stay empty."""
        if isinstance(value, pd.DataFrame):
            value = value.reset_index().to_dict("records")
        saved: dict[str, dict[str, Any]] = {}
        if isinstance(value, list):
            saved = {
                str(row["document"]): row
                for row in value
                if isinstance(row, dict) and str(row.get("document")) in self.counts
            }
        for doc in self.documents:
            row = saved.get(doc.id, {})
            count, rate = number_text(row.get("count")), number_text(row.get("rate_per_1000"))
            if not count or rate is None:  # a saved row always has a count
                count = rate = ""
            self.counts[doc.id].value, self.rates[doc.id].value = count, rate

    def static_html(self) -> str:
        """The table with its given columns and empty fields, for a notebook not yet run."""
        head = "".join(f"<th>{html.escape(h)}</th>" for h in HEADINGS)
        rows = "".join(
            f"<tr><td>{document_cell(d)}</td><td>{html.escape(d.perspective)}</td>"
            f"<td>{d.word_count:,}</td><td></td><td></td></tr>"
            for d in self.documents
        )
        return (
            f'<div class="kit-answer kit-answer-static"><p>{html.escape(PROMPT)}</p>'
            f'<table class="kit-table kit-answer-rate-table"><thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table></div>"
        )


def rate_table_input(exercise: Exercise) -> RateGrid:
    """The answer input of a ``rate_table`` exercise."""
    return RateGrid(exercise)
