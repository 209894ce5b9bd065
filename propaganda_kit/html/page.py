"""Pieces of the kit's HTML pages: its CSS, colours, legends, unknown values, provenance cards."""

from __future__ import annotations

import html
from collections.abc import Iterable

from propaganda_kit.analysis.provenance import provenance_rows
from propaganda_kit.data.corpus import UNKNOWN, Document
from propaganda_kit.html.highlight import css_key

PALETTE = (  # light backgrounds
    "#ffe08a",
    "#a8d8ff",
    "#ffb3b3",
    "#b8f0b0",
    "#e0c3ff",
    "#ffcf9e",
    "#9ee8e0",
    "#f7b8e4",
    "#d9e89e",
    "#c9c9ff",
    "#f0d0b0",
    "#b0e0c8",
)

UNDERLINE_PALETTE = (  # strong colours for underlines
    "#e69f00",
    "#0072b2",
    "#d55e00",
    "#009e73",
    "#cc79a7",
    "#56b4e9",
    "#8c564b",
    "#7f3fbf",
    "#b8860b",
    "#1f9e89",
    "#c0392b",
    "#2c3e50",
    "#6b8e23",
    "#ff1493",
)

KIT_CSS = """
.kit-doc { white-space: pre-wrap; line-height: 1.6; font-size: 14px; max-width: 52em;
  unicode-bidi: plaintext; }
mark.kit-hl { background: #ffe08a; color: inherit; border-radius: 2px; padding: 0 1px; }
mark.kit-hl mark.kit-hl { padding-bottom: 3px; }
.kit-unknown { font-style: italic; color: #8a4b00; border: 1px dashed #8a4b00;
  border-radius: 3px; padding: 0 4px; }
.kit-error { color: #8a1f11; background: #fdecea; border-left: 4px solid #c0392b;
  padding: 6px 10px; }
.kit-note { color: #34495e; background: #eef3f7; border-left: 4px solid #5d7c99;
  padding: 6px 10px; }
.kit-legend-item { display: inline-block; margin: 2px 10px 2px 0; }
.kit-counts { font-weight: 600; margin: 4px 0; }
table.kit-table { border-collapse: collapse; font-size: 13px; }
table.kit-table th, table.kit-table td { border: 1px solid #ccc; padding: 3px 8px;
  text-align: left; vertical-align: top; }
table.kit-table th { background: #f3f3f3; }
"""


def colour_map(keys: Iterable[str], palette: tuple[str, ...] = PALETTE) -> dict[str, str]:
    """A colour per label (technique id or category), assigned in sorted order.

    Pass every label the widget can show, so colours stay put between documents.
    """
    ordered = sorted({css_key(k) for k in keys})
    return {key: palette[i % len(palette)] for i, key in enumerate(ordered)}


def highlight_css(colours: dict[str, str], underlined: Iterable[str] = ()) -> str:
    """CSS rules colouring each ``kit-hl-<key>`` mark: a background, or for the keys in
    ``underlined`` a thick coloured underline (so two kinds of highlight can overlap)."""
    underlined = {css_key(k) for k in underlined}
    rules = []
    for key, colour in sorted(colours.items()):
        key = css_key(key)
        if key in underlined:
            rules.append(
                f"mark.kit-hl-{key} {{ background: transparent; "
                f"border-bottom: 3px solid {colour}; padding-bottom: 1px; }}\n"
            )
        else:
            rules.append(f"mark.kit-hl-{key} {{ background: {colour}; }}\n")
    return "".join(rules)


def style_html(colours: dict[str, str] | None = None, underlined: Iterable[str] = ()) -> str:
    """The kit's CSS as a ``<style>`` element, with rules for ``colours`` if given."""
    return f"<style>{KIT_CSS}{highlight_css(colours or {}, underlined)}</style>"


def legend_html(colours: dict[str, str], labels: dict[str, str] | None = None) -> str:
    """A legend: one coloured swatch per key, labelled by ``labels`` or the key itself."""
    labels = labels or {}
    items = [
        f'<span class="kit-legend-item"><mark class="kit-hl kit-hl-{css_key(k)}">'
        f"{html.escape(labels.get(k, k.replace('_', ' ')))}</mark></span>"
        for k in sorted(colours)
    ]
    return "".join(items) or '<span class="kit-legend-item">nothing highlighted</span>'


def unknown_html(value: str) -> str:
    """``value`` escaped; 'unknown' and 'untitled' are shown visibly as such."""
    if value.strip().lower() in (UNKNOWN, "untitled", ""):
        return f'<span class="kit-unknown">{html.escape(value.strip() or UNKNOWN)}</span>'
    return html.escape(value)


def provenance_card(document: Document) -> str:
    """An HTML card of one document's provenance; unknowns are shown as 'unknown'."""
    rows = "".join(
        f"<tr><th>{html.escape(label)}</th><td>{unknown_html(value)}</td></tr>"
        for label, value in provenance_rows(document)
    )
    return (
        f'<table class="kit-table kit-provenance-card" dir="auto">'
        f"<caption>Document <code>{html.escape(document.id)}</code></caption>"
        f"{rows}</table>"
    )
