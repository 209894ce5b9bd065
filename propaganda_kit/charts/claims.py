"""Chart of which claims name a source, per 1,000 words."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from propaganda_kit.analysis.rates import rates
from propaganda_kit.charts.style import PERSPECTIVE_COLOURS
from propaganda_kit.text.input_checks import require_table


def plot_sourced_claims(table: pd.DataFrame) -> Figure:
    """Stacked bars per row of ``sourced_claims_table``: claims per 1,000 words with a named
    source (solid) and without (hatched), coloured by perspective, words under each bar."""
    require_table(table, ("Words",), "sourced_claims_table(ledger, corpus)", allow_empty=False)
    rows = table.copy()
    if "Perspective" not in rows:  # the table by perspective
        rows = rows.rename_axis("Group")
        rows.insert(0, "Perspective", rows.index)
    colours = PERSPECTIVE_COLOURS.mapping(rows["Perspective"])
    rows = rows.sort_values(["Perspective", "Words"], kind="stable")
    named = rates(rows["Source named"], rows["Words"])
    unnamed = rates(rows["No source named"], rows["Words"])
    tops = np.add(named, unnamed)
    fig = Figure(figsize=(9.0, 4.8), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    x = np.arange(len(rows))
    bar_colours = [colours[p] for p in rows["Perspective"]]
    ax.bar(x, named, width=0.6, color=bar_colours)
    ax.bar(
        x,
        unnamed,
        width=0.6,
        bottom=named,
        color=bar_colours,
        alpha=0.45,
        hatch="//",
        edgecolor="white",
    )
    for xi, top, n, c in zip(x, tops, rows["Source named"], rows["Claims"], strict=True):
        ax.annotate(
            f"{n} of {c} named",
            (xi, top),
            xytext=(0, 2),
            textcoords="offset points",
            ha="center",
            fontsize=8,
        )
    ticks = [f"{name}\n({w:,} words)" for name, w in zip(rows.index, rows["Words"], strict=True)]
    ax.set_xticks(x, ticks, rotation=20, ha="right", fontsize=8)
    ax.set_ylabel(RATE_LABEL)
    ax.set_ylim(0, max(1.0, float(tops.max())) * 1.15)
    ax.set_title(
        "Claims per 1,000 words: with a named source (solid) and without (hatched)", fontsize=10
    )
    words = rows.groupby("Perspective")["Words"].sum()
    handles = [
        Patch(facecolor=c, label=f"{p} ({int(words[p]):,} words)") for p, c in colours.items()
    ]
    handles += [
        Patch(facecolor="#999999", label="source named"),
        Patch(facecolor="#cccccc", hatch="//", edgecolor="#666666", label="no source named"),
    ]
    ax.legend(
        handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8
    )
    return fig


RATE_LABEL = "Claims per 1,000 words"
