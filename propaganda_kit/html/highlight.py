"""Turning labelled spans into HTML: the one place in the kit where spans become markup.

Every character of the text appears exactly once in the output, HTML-escaped. Overlapping
spans are handled by a boundary sweep: the text is cut at every span edge, and each piece
is wrapped in the marks (and quotation wrapper) that cover it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Protocol

from propaganda_kit.text.input_checks import require_text

CLASS_SAFE_RE = re.compile(r"[^a-z0-9_-]+")
# Inline, so quoted voices stay visible where a notebook's <style> is not applied (untrusted).
QUOTED_STYLE = "border-bottom: 2px dotted #5a5a5a; font-style: italic"
DOC_OPEN = '<div class="kit-doc" dir="auto" style="white-space: pre-wrap; unicode-bidi: plaintext">'


class Marked(Protocol):
    """Anything with character offsets and labels, such as a Span."""

    start: int
    end: int
    technique: str
    category: str


def css_key(name: str) -> str:
    """``name`` made safe for a CSS class: lowercase letters, digits, '_' and '-'."""
    return CLASS_SAFE_RE.sub("-", name.strip().lower()).strip("-") or "span"


def span_key(span: Marked) -> str:
    """The label a span is coloured by: its technique, else its category."""
    return css_key(span.technique or span.category)


def span_title(span: Marked) -> str:
    """Plain-text tooltip for a span: its label and, when it has one, its cue."""
    label = (span.technique or span.category or "highlighted").replace("_", " ")
    if span.technique and span.category and span.category != span.technique:
        label += f" ({span.category.replace('_', ' ')})"
    cue = getattr(span, "cue", "")
    return f"{label}: {cue}" if cue else label


def _check_range(what: str, start: int, end: int, length: int) -> None:
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= length):
        raise ValueError(
            f"The {what} runs from {start!r} to {end!r}, outside the text "
            f"(which has {length} characters)."
        )


def _marked(spans: Iterable[Marked]) -> list[Marked]:
    """``spans`` as a list, or a ValueError saying what a span should be."""
    if spans is None or isinstance(spans, (str, bytes)) or not isinstance(spans, Iterable):
        raise ValueError(f"The spans should be a list of Span objects, not {spans!r:.60}.")
    items = list(spans)
    for s in items:
        if not all(hasattr(s, a) for a in ("start", "end", "technique", "category")):
            raise ValueError(
                f"Each span should be a Span (with start, end, technique and "
                f"category); got {s!r:.60}."
            )
    return items


def _quoted_ranges(quoted: Iterable[object] | None, length: int) -> list[tuple[int, int, str]]:
    """(start, end, speaker) of the quoted segments; author segments are skipped."""
    ranges = []
    for seg in quoted or ():
        if getattr(seg, "voice", "quoted") != "quoted":
            continue
        _check_range("quoted segment", seg.start, seg.end, length)
        if seg.start < seg.end:
            ranges.append((seg.start, seg.end, getattr(seg, "speaker", "") or "unknown"))
    return ranges


def _open_tags(active_quotes: list[tuple[int, int, str]], active: list[Marked]) -> str:
    tags = [
        f'<span class="kit-quoted" style="{QUOTED_STYLE}" '
        f'title="{html.escape("quoted: " + speaker, quote=True)}">'
        for _, _, speaker in active_quotes
    ]
    tags += [
        f'<mark class="kit-hl kit-hl-{span_key(s)}" '
        f'title="{html.escape(span_title(s), quote=True)}">'
        for s in active
    ]
    return "".join(tags)


def highlight_html(
    text: str, spans: Iterable[Marked], quoted: Iterable[object] | None = None
) -> str:
    """``text`` as escaped HTML with ``spans`` marked and ``quoted`` segments wrapped.

    Marks are ``<mark class="kit-hl kit-hl-<technique-or-category>" title="…">``; quoted
    segments (objects with ``start``, ``end`` and ``speaker``, e.g. ``Document.quotes``)
    are wrapped in ``<span class="kit-quoted" title="quoted: speaker">``. The whole is a
    ``<div class="kit-doc" dir="auto">`` that keeps newlines. Raises ValueError for
    spans outside the text.
    """
    text = require_text(text)
    spans = _marked(spans)
    for s in spans:
        _check_range("span", s.start, s.end, len(text))
    spans = [s for s in spans if s.start < s.end]
    quotes = _quoted_ranges(quoted, len(text))
    cuts = sorted(
        {0, len(text)}
        | {s.start for s in spans}
        | {s.end for s in spans}
        | {q[0] for q in quotes}
        | {q[1] for q in quotes}
    )
    order = sorted(range(len(spans)), key=lambda i: (spans[i].start, -spans[i].end, i))
    quotes.sort()
    parts = [DOC_OPEN]
    next_span = next_quote = 0
    active: list[Marked] = []
    active_quotes: list[tuple[int, int, str]] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        active = [s for s in active if s.end > start]
        while next_span < len(order) and spans[order[next_span]].start <= start:
            active.append(spans[order[next_span]])
            next_span += 1
        active_quotes = [q for q in active_quotes if q[1] > start]
        while next_quote < len(quotes) and quotes[next_quote][0] <= start:
            active_quotes.append(quotes[next_quote])
            next_quote += 1
        closing = "</mark>" * len(active) + "</span>" * len(active_quotes)
        parts.append(
            _open_tags(active_quotes, active) + html.escape(text[start:end], quote=True) + closing
        )
    parts.append("</div>")
    return "".join(parts)
