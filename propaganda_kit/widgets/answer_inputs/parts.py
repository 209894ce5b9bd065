"""Pieces every answer input uses: its container and CSS, the passage, a number field."""

from __future__ import annotations

import html
import math
import numbers
import re

import ipywidgets as widgets

from propaganda_kit.html.highlight import css_key

# Labels wrap instead of being cut off with "…" (ipywidgets keeps them on one line).
ANSWER_CSS = """<style>
.kit-answer .widget-checkbox { height: auto; min-height: var(--jp-widgets-inline-height); }
.kit-answer .widget-checkbox .widget-label-basic { white-space: normal; overflow: visible;
  text-overflow: clip; line-height: 1.35; display: flex; align-items: flex-start; gap: 4px; }
.kit-answer .widget-toggle-buttons { height: auto; max-width: 100%; }
.kit-answer .widget-toggle-buttons .btn-group { display: flex; flex-wrap: wrap; gap: 4px 0; }
.kit-answer .widget-toggle-button { white-space: normal; height: auto; max-width: 100%;
  min-height: var(--jp-widgets-inline-height); }
.kit-answer .widget-label { white-space: normal; overflow: visible; }
.kit-answer-passage { white-space: pre-wrap; line-height: 1.6; max-width: 52em; }
.kit-answer-hint { color: #8a4b00; }
.kit-answer-cell { white-space: normal; overflow-wrap: anywhere; line-height: 1.4; }
</style>"""
NUMBER_PLACEHOLDER = "e.g. 12.5"
THOUSANDS_RE = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")


def auto_width() -> widgets.Layout:
    """A layout as wide as the control's label (ipywidgets' fixed width cuts long labels)."""
    return widgets.Layout(width="auto")


def answer_box(kind: str, children: list[widgets.Widget]) -> widgets.VBox:
    """The input's container: the answer CSS, then ``children`` (the exercise widget
    around it brings the kit's CSS)."""
    css = widgets.HTML(ANSWER_CSS, layout=widgets.Layout(display="none"))
    css.add_class("kit-answer-style")
    box = widgets.VBox([css, *children])
    box.add_class("kit-answer")
    box.add_class(f"kit-answer-{css_key(kind)}")
    return box


def passage_html(passage: str, heading: str = "") -> str:
    """The passage, escaped, in a quote block ('' when there is none)."""
    if not passage:
        return ""
    title = f"<p><b>{html.escape(heading)}</b></p>" if heading else ""
    return (
        f'{title}<blockquote class="kit-answer-passage" dir="auto">'
        f"{html.escape(passage)}</blockquote>"
    )


def passage_widget(passage: str, heading: str = "") -> widgets.HTML:
    """The passage as an HTML widget (empty when there is none)."""
    shown = widgets.HTML(passage_html(passage, heading))
    shown.add_class("kit-answer-passage-box")
    return shown


def parse_number(text: str) -> float | None:
    """The number written in ``text`` ('1,000' and '12.5' work); None if empty or not one."""
    cleaned = text.strip().replace(" ", "")
    if THOUSANDS_RE.fullmatch(cleaned):
        cleaned = cleaned.replace(",", "")
    try:
        number = float(cleaned)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def number_problem(text: str) -> str:
    """A hint when ``text`` is filled in but is not a number ('' otherwise)."""
    if not text.strip() or parse_number(text) is not None:
        return ""
    if re.fullmatch(r"\s*\d+,\d+\s*", text):
        return f"“{text.strip()}” is not read as a number: use a point for decimals (12.5)."
    return f"“{text.strip()}” is not a number: write digits only, like 12.5."


def number_field(
    css_class: str, width: str = "9em", placeholder: str = NUMBER_PLACEHOLDER
) -> widgets.Text:
    """A text field for a number (it may be left empty, unlike ipywidgets' number fields)."""
    field = widgets.Text(placeholder=placeholder, layout=widgets.Layout(width=width))
    field.add_class("kit-answer-number-field")
    field.add_class(css_class)
    return field


def number_text(value: object) -> str | None:
    """A saved number as field text ('' for None); None when the value is not a number."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    number = float(value)
    if not math.isfinite(number):
        return None
    return str(int(number)) if number.is_integer() else repr(number)
