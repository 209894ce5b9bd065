"""Chart of where a class disagrees about one text."""

from __future__ import annotations

import re

import pandas as pd
from matplotlib.figure import Figure

from propaganda_kit.analysis.agreement import disagreement_regions
from propaganda_kit.charts.style import DPI, NOTE_COLOUR, TEXT_SIZE, TITLE_SIZE, style_axes

SENTENCE_START_RE = re.compile(r"(?:\A\s*|(?<=[.!?])\s+)(?=\S)")

DISPUTED_LABELS = 6


def plot_disagreement(table: pd.DataFrame, text: str, title: str = "") -> Figure:
    """Two panels along the passage: students marking each character, and their agreement.

    The x axis is the character offset; ticks show the first words of each sentence.
    """
    offsets = table.index.to_numpy()
    fig = Figure(figsize=(11, 6.2), dpi=DPI)
    top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [1, 1]})
    for ax in (top, bottom):
        style_axes(ax)
    top.fill_between(offsets, table["marked"], step="post", color="#5d7c99", alpha=0.8)
    top.set_ylabel("students\nmarking", fontsize=TEXT_SIZE)
    top.set_ylim(0, max(1, int(table["marked"].max())) + 0.5)
    bottom.fill_between(offsets, table["agreement"], step="post", color="#1b7837", alpha=0.7)
    bottom.set_ylabel("pairwise\nagreement", fontsize=TEXT_SIZE)
    bottom.set_ylim(0, 1.05)
    bottom.set_xlim(0, len(text))
    ticks = _sentence_starts(text)
    bottom.set_xticks(
        [t for t, _ in ticks],
        [label for _, label in ticks],
        rotation=30,
        ha="right",
        fontsize=TEXT_SIZE,
    )
    bottom.set_xlabel(
        "the passage, character by character (ticks: start of each sentence)", fontsize=TEXT_SIZE
    )
    disputed = disagreement_regions(table, text).nsmallest(DISPUTED_LABELS, "lowest_agreement")
    words = top.secondary_xaxis("top")
    words.set_xticks(
        [(r.start + r.end) / 2 for r in disputed.itertuples()],
        [_first_words(r.text) for r in disputed.itertuples()],
        rotation=30,
        ha="left",
        fontsize=TEXT_SIZE,
    )
    fig.suptitle(
        title or "Where the class agrees and disagrees", x=0.01, ha="left", fontsize=TITLE_SIZE
    )
    top.set_title(
        f"ticks above: the {DISPUTED_LABELS} stretches with the lowest agreement",
        loc="right",
        fontsize=TEXT_SIZE,
        color=NOTE_COLOUR,
    )
    fig.tight_layout()
    return fig


def _sentence_starts(text: str) -> list[tuple[int, str]]:
    """(offset, first three words …) of each sentence, for axis ticks."""
    return [
        (m.end(), _first_words(text[m.end() : m.end() + 60]))
        for m in SENTENCE_START_RE.finditer(text)
        if m.end() < len(text)
    ]


def _first_words(text: str, count: int = 3) -> str:
    """The first ``count`` words of ``text``, with '…' when there are more."""
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")
