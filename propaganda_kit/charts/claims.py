"""Chart of which claims name a source, per 1,000 words."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from propaganda_kit.analysis.rates import rates
from propaganda_kit.charts.style import (
    FIGSIZE,
    HATCH_EDGE,
    PERSPECTIVE_COLOURS,
    TEXT_SIZE,
    TITLE_SIZE,
    few_words,
    few_words_handle,
    few_words_mark,
    legend_right,
    new_figure,
    side_patch,
    words_text,
)
from propaganda_kit.text.input_checks import require_table


def plot_sourced_claims(table: pd.DataFrame) -> Figure:
    """Stacked bars per row of ``sourced_claims_table``: claims per 1,000 words with a named
    source (filled) and without (outlined), coloured and hatched by perspective, words under
    each bar."""
    require_table(table, ("Words",), "sourced_claims_table(ledger, corpus)", allow_empty=False)
    rows = table.copy()
    if "Perspective" not in rows:  # the table by perspective
        rows = rows.rename_axis("Group")
        rows.insert(0, "Perspective", rows.index)
    looks = PERSPECTIVE_COLOURS.looks(rows["Perspective"])
    rows = rows.sort_values(["Perspective", "Words"], kind="stable")
    named = rates(rows["Source named"], rows["Words"])
    unnamed = rates(rows["No source named"], rows["Words"])
    tops = np.add(named, unnamed)
    fig, ax = new_figure(figsize=(FIGSIZE[0] + 1.0, FIGSIZE[1] + 0.4))
    x = np.arange(len(rows))
    sides = [looks[p] for p in rows["Perspective"]]
    for xi, look, low, high in zip(x, sides, named, unnamed, strict=True):
        filled = ax.bar(xi, low, width=0.6)[0]
        filled.set(facecolor=look.colour, edgecolor=HATCH_EDGE, hatch=look.hatch)
        outlined = ax.bar(xi, high, width=0.6, bottom=low)[0]
        outlined.set(facecolor="white", edgecolor=look.colour, hatch=look.hatch, linewidth=1.5)
    for xi, top, n, c in zip(x, tops, rows["Source named"], rows["Claims"], strict=True):
        ax.annotate(
            f"{n} of {c}\nnamed",
            (xi, top),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=TEXT_SIZE,
        )
    ticks = [
        f"{name}\n({w:,} words){few_words_mark(w)}"
        for name, w in zip(rows.index, rows["Words"], strict=True)
    ]
    ax.set_xticks(x, ticks, rotation=20, ha="right", fontsize=TEXT_SIZE)
    ax.set_ylabel(RATE_LABEL, fontsize=TEXT_SIZE)
    ax.set_ylim(0, max(1.0, float(tops.max())) * 1.3)
    ax.set_title(
        "Claims per 1,000 words: with a named source (filled) and without (outlined)",
        fontsize=TITLE_SIZE,
    )
    words = rows.groupby("Perspective")["Words"].sum()
    handles = [side_patch(look, f"{p} ({words_text(words[p])})") for p, look in looks.items()]
    handles += [
        Patch(facecolor="#777777", edgecolor=HATCH_EDGE, label="source named"),
        Patch(facecolor="white", edgecolor="#777777", linewidth=1.5, label="no source named"),
    ]
    if any(few_words(w) for w in rows["Words"]):
        handles.append(few_words_handle())
    legend_right(ax, handles)
    return fig


RATE_LABEL = "Claims per 1,000 words"
