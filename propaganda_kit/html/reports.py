"""HTML reports: a rewrite compared with its original, and a class's disagreement over a text."""

from __future__ import annotations

import html

import pandas as pd

from propaganda_kit.analysis.agreement import runs_of_true
from propaganda_kit.analysis.rewrite import NEUTRAL_NOTE, RewriteReport
from propaganda_kit.data.lexicon import LEXICON_CATEGORIES
from propaganda_kit.html.highlight import highlight_html
from propaganda_kit.text.spans import Span

LEVELS = (("some_disagreement", 0.5, 1.0), ("strong_disagreement", 0.0, 0.5))  # agreement from, to

LEVEL_COLOURS = {"some_disagreement": "#ffe08a", "strong_disagreement": "#ffb3b3"}


def disagreement_html(table: pd.DataFrame, text: str) -> str:
    """The passage as HTML, characters where students disagree highlighted (escaped)."""
    from propaganda_kit.html.page import legend_html, style_html

    agreement = table["agreement"].to_numpy()
    spans = [
        Span(start, end, text[start:end], technique=name)
        for name, low, high in LEVELS
        for start, end in runs_of_true((low <= agreement) & (agreement < high))
    ]
    note = (
        "some disagreement: pairwise agreement from 0.5 to under 1; strong disagreement: under 0.5"
    )
    return (
        style_html(LEVEL_COLOURS)
        + legend_html(LEVEL_COLOURS)
        + f'<div class="kit-note">{html.escape(note)}</div>'
        + highlight_html(text, sorted(spans))
    )


def category_label(category: str) -> str:
    """The lexicon's plain label for a category id (the id itself if unknown)."""
    found = LEXICON_CATEGORIES.get(category)
    return found.label if found else category.replace("_", " ")


def _rate_line(what: str, cues: int, words: int, rate: float) -> str:
    return (
        f"<li>{what}: {cues} loaded-language cue{'s' * (cues != 1)} in {words:,} words "
        f"= <b>{rate:.1f} per 1,000 words</b></li>"
    )


def report_html(report: RewriteReport) -> str:
    """The report as escaped HTML: rates before and after, a term table, the marked rewrite."""
    rates = (
        "<ul class='kit-counts kit-rewrite-rates'>"
        + _rate_line(
            "Before", len(report.original_spans), report.original_words, report.rate_before
        )
        + _rate_line("After", len(report.rewrite_spans), report.rewrite_words, report.rate_after)
        + "</ul>"
    )
    if report.terms:
        rows = "".join(
            f"<tr class='kit-rewrite-term'><td>{html.escape(t.shown)}</td>"
            f"<td>{html.escape(category_label(t.category))}</td>"
            f"<td>{t.before}</td><td>{t.after}</td><td>{t.status}</td></tr>"
            for t in report.terms
        )
        table = (
            "<table class='kit-table kit-rewrite-terms'><tr><th>Loaded term</th>"
            "<th>Category</th><th>Before</th><th>After</th><th>Now</th></tr>"
            f"{rows}</table>"
        )
    else:
        table = "<p>Neither text contains a term from the kit's lexicon.</p>"
    left = len(report.remaining)
    summary = (
        f"{left} loaded term{'s' * (left != 1)} still in your rewrite "
        f"(highlighted below); {len(report.removed)} removed."
    )
    return (
        f"<div class='kit-rewrite-report'>{rates}<p>{summary}</p>{table}"
        f"<p><b>Your rewrite</b></p>{highlight_html(report.rewrite, report.rewrite_spans)}"
        f"<p class='kit-note'>{html.escape(NEUTRAL_NOTE)}</p></div>"
    )
