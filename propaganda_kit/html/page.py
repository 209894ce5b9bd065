"""Pieces of the kit's HTML pages: its CSS, colours, legends, unknown values, provenance cards."""

from __future__ import annotations

import html
from collections.abc import Iterable

from propaganda_kit.analysis.provenance import provenance_rows
from propaganda_kit.data.corpus import UNKNOWN, Document
from propaganda_kit.html.highlight import QUOTED_STYLE, css_key

# Colour-blind-friendly colours (Paul Tol's "light" scheme for backgrounds, Okabe and Ito's
# and then Tol's for lines). Colour is never the only cue: each kind also has a line style.
PALETTE = (  # light backgrounds, dark text stays readable on each
    "#77aadd",
    "#ee8866",
    "#eedd88",
    "#ffaabb",
    "#99ddff",
    "#44bb99",
    "#bbcc33",
    "#aaaa00",
)
NEUTRAL_BACKGROUND = "#dddddd"  # for marks that are shown but not counted (charged topic words)

UNDERLINE_PALETTE = (  # strong colours for underlines: Okabe and Ito's, then Tol's darker ones
    "#e69f00",
    "#0072b2",
    "#d55e00",
    "#009e73",
    "#cc79a7",
    "#56b4e9",
    "#000000",
    "#999933",
    "#332288",
    "#882255",
    "#117733",
    "#aa4499",
    "#44aa99",
    "#bb5566",
)
# A kind's n-th colour comes with its n-th line style, so the n-th and (n+7)-th colours
# (the most alike) never share a style, and no two of up to 42 kinds look the same.
# Quoted voices keep the dotted underline to themselves.
UNDERLINE_STYLES = ("solid", "dashed", "double")
EDGE_STYLES = ("solid", "dashed", "dotted")  # the top edge of background marks
EDGE_COLOUR = "#555555"

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
.kit-legend { display: flex; flex-wrap: wrap; gap: 4px 28px; margin: 4px 0; font-size: 13px; }
.kit-legend-heading { font-weight: 600; margin-bottom: 2px; }
.kit-legend-row { display: flex; align-items: center; gap: 8px; margin: 2px 0; }
mark.kit-swatch, span.kit-swatch { display: inline-block; box-sizing: border-box;
  width: 2.4em; height: 1.3em; padding: 0; border-radius: 2px; outline: 1px solid #999;
  flex: none; }
.kit-counts { font-weight: 600; margin: 4px 0; }
.kit-hint { color: #34495e; font-size: 12px; }
table.kit-table { border-collapse: collapse; font-size: 13px; }
table.kit-table th, table.kit-table td { border: 1px solid #ccc; padding: 3px 8px;
  text-align: left; vertical-align: top; }
table.kit-table th { background: #f3f3f3; }
.kit-fit select { flex: 0 0 auto; width: auto; max-width: 100%; }
"""


def colour_map(keys: Iterable[str], palette: tuple[str, ...] = PALETTE) -> dict[str, str]:
    """A colour per label (technique id or category), assigned in sorted order.

    Pass every label the widget can show, so colours stay put between documents.
    """
    ordered = sorted({css_key(k) for k in keys})
    return {key: palette[i % len(palette)] for i, key in enumerate(ordered)}


def highlight_css(colours: dict[str, str], underlined: Iterable[str] = ()) -> str:
    """CSS rules marking each ``kit-hl-<key>``: a background with a top edge, or for the keys
    in ``underlined`` a thick coloured underline (so two kinds of highlight can overlap).

    Each group's keys, in sorted order, take the line styles in turn, as ``colour_map``
    takes its colours: a kind differs from its neighbours in colour and in line style.
    """
    underlined = {css_key(k) for k in underlined}
    keys = sorted({css_key(k): colour for k, colour in colours.items()}.items())
    lines = [(k, c) for k, c in keys if k in underlined]
    backgrounds = [(k, c) for k, c in keys if k not in underlined]
    rules = [
        f"mark.kit-hl-{key} {{ background: {colour}; "
        f"border-top: 2px {EDGE_STYLES[i % len(EDGE_STYLES)]} {EDGE_COLOUR}; }}\n"
        for i, (key, colour) in enumerate(backgrounds)
    ]
    rules += [
        f"mark.kit-hl-{key} {{ background: transparent; "
        f"border-bottom: 4px {UNDERLINE_STYLES[i % len(UNDERLINE_STYLES)]} {colour}; "
        f"padding-bottom: 1px; }}\n"
        for i, (key, colour) in enumerate(lines)
    ]
    return "".join(sorted(rules))


def style_html(colours: dict[str, str] | None = None, underlined: Iterable[str] = ()) -> str:
    """The kit's CSS as a ``<style>`` element, with rules for ``colours`` if given."""
    return f"<style>{KIT_CSS}{highlight_css(colours or {}, underlined)}</style>"


NOTHING_HIGHLIGHTED = '<div class="kit-legend"><span>nothing highlighted</span></div>'
QUOTED_SWATCH = f'<span class="kit-quoted kit-swatch" style="{QUOTED_STYLE}"></span>'


def swatch_html(key: str) -> str:
    """A legend swatch: an empty box of the legend's one shape, marked as ``key``'s marks are."""
    return f'<mark class="kit-hl kit-hl-{css_key(key)} kit-swatch"></mark>'


def legend_group_html(heading: str, rows: Iterable[tuple[str, str]]) -> str:
    """One legend group: a short heading (if any), then a row per kind: swatch, then label.

    ``rows`` are (swatch HTML, plain label); labels are escaped here. Empty without rows.
    """
    body = "".join(
        f'<div class="kit-legend-row">{swatch}<span class="kit-legend-label">'
        f"{html.escape(label)}</span></div>"
        for swatch, label in rows
    )
    if not body:
        return ""
    title = f'<div class="kit-legend-heading">{html.escape(heading)}</div>' if heading else ""
    return f'<div class="kit-legend-group">{title}{body}</div>'


def legends_html(groups: Iterable[str]) -> str:
    """Legend groups (from ``legend_group_html``) side by side, or 'nothing highlighted'."""
    body = "".join(groups)
    return f'<div class="kit-legend">{body}</div>' if body else NOTHING_HIGHLIGHTED


def legend_html(
    colours: dict[str, str], labels: dict[str, str] | None = None, heading: str = ""
) -> str:
    """A legend of one group: a row per key of ``colours``, labelled by ``labels`` or the key."""
    labels = labels or {}
    rows = [(swatch_html(k), labels.get(k, k.replace("_", " "))) for k in sorted(colours)]
    return legends_html([legend_group_html(heading, rows)])


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
