"""Charts for naming and framing: labels per actor, and distinctive words per perspective.

Like ``charts``, every function returns a matplotlib ``Figure`` built without pyplot, with
fixed sizes, order and colours (``PERSPECTIVE_COLOURS``), rates per 1,000 words and the
word counts behind them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from propaganda_kit.analysis.rates import perspective_words
from propaganda_kit.charts.style import PERSPECTIVE_COLOURS
from propaganda_kit.text.input_checks import require_table
from propaganda_kit.text.words import per_thousand_words

NAMING_NEEDS = ("document", "perspective", "actor", "alias", "count", "words")
DISTINCTIVE_NEEDS = ("group", "word", "count_group", "count_rest", "words_group", "words_rest", "z")
Z_GUIDE = 2.0
WIDTH = 9.0


def label_rates(naming: pd.DataFrame) -> pd.DataFrame:
    """One row per actor, label and perspective: uses, words and uses per 1,000 words.

    Labels that no document uses are left out; every perspective keeps a row for each
    label that remains (zeros included), so both sides are always shown.
    """
    naming = require_table(naming, NAMING_NEEDS, "naming_map(corpus)", allow_empty=False)
    words = perspective_words(naming)
    counts = naming.groupby(["actor", "alias", "perspective"], sort=False)["count"].sum()
    rows = counts.reset_index()
    used = rows.groupby(["actor", "alias"], sort=False)["count"].transform("sum") > 0
    rows = rows[used].reset_index(drop=True)
    rows["words"] = rows["perspective"].map(words)
    rows["per_1000_words"] = [
        round(per_thousand_words(c, w), 2)
        for c, w in zip(rows["count"], rows["words"], strict=True)
    ]
    return rows


def plot_actor_labels(naming: pd.DataFrame, actor: str) -> Figure:
    """Horizontal bars: how often each perspective uses each label for ``actor``, per
    1,000 of its words; the legend gives the words behind each perspective."""
    rates = label_rates(naming)
    actors = list(dict.fromkeys(naming["actor"]))
    if actor not in actors:
        raise ValueError(f"Unknown actor {actor!r}. Actors: {', '.join(actors)}.")
    mine = rates[rates["actor"] == actor]
    words = perspective_words(naming)
    colours = PERSPECTIVE_COLOURS.mapping(words)
    labels = list(dict.fromkeys(mine["alias"]))
    fig = Figure(
        figsize=(WIDTH, 1.6 + 0.45 * max(1, len(labels)) * len(words) ** 0.5),
        dpi=100,
        layout="constrained",
    )
    ax = fig.add_subplot()
    if not labels:
        ax.text(
            0.5,
            0.5,
            f"No document uses any of the listed names for {actor}.",
            ha="center",
            va="center",
            transform=ax.transAxes,
        )
        ax.set_axis_off()
        return fig
    height = 0.8 / len(words)
    y = np.arange(len(labels))
    for i, (perspective, colour) in enumerate(colours.items()):
        theirs = mine[mine["perspective"] == perspective].set_index("alias")
        values = [float(theirs.at[a, "per_1000_words"]) for a in labels]
        counts = [int(theirs.at[a, "count"]) for a in labels]
        offset = y + (i - (len(words) - 1) / 2) * height
        ax.barh(
            offset,
            values,
            height=height,
            color=colour,
            label=f"{perspective} ({words[perspective]:,} words)",
        )
        for yi, value, count in zip(offset, values, counts, strict=True):
            ax.annotate(
                f"{count}×",
                (value, yi),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=7,
                color="#333333",
            )
    ax.set_yticks(y, labels, fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel("Uses per 1,000 words of that perspective (number of uses at the bar's end)")
    ax.set_xlim(0, max(1.0, float(mine["per_1000_words"].max())) * 1.2)
    ax.set_title(f"Names used for: {actor}", fontsize=10)
    ax.legend(loc="lower right", frameon=False, fontsize=8)
    return fig


def plot_distinctive_words(distinctive: pd.DataFrame) -> Figure:
    """One panel per group: its most distinctive words by z-score, with the counts behind
    each bar and a dashed guide line at z = 2."""
    table = require_table(
        distinctive, DISTINCTIVE_NEEDS, "distinctive_words(corpus)", allow_empty=False
    )
    groups = list(dict.fromkeys(table["group"]))
    colours = PERSPECTIVE_COLOURS.mapping(groups)
    longest = int(table.groupby("group").size().max())
    fig = Figure(figsize=(WIDTH + 2, 1.5 + 0.3 * longest), dpi=100, layout="constrained")
    axes = fig.subplots(1, len(groups), sharex=True, squeeze=False)[0]
    right = max(Z_GUIDE, float(table["z"].max())) * 1.45
    for ax, group in zip(axes, groups, strict=True):
        rows = table[table["group"] == group]
        y = np.arange(len(rows))
        ax.barh(y, rows["z"], color=colours[group])
        counts = zip(y, rows["z"], rows["count_group"], rows["count_rest"], strict=True)
        for yi, z, mine, rest in counts:
            ax.annotate(
                f"{mine} vs {rest}",
                (z, yi),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=7,
                color="#333333",
            )
        ax.axvline(Z_GUIDE, color="#555555", linestyle="--", linewidth=1)
        ax.set_yticks(y, rows["word"], fontsize=8)
        ax.invert_yaxis()
        ax.set_xlim(0, right)
        ax.set_xlabel("z-score (dashed line: z = 2)")
        first = rows.iloc[0]
        ax.set_title(
            f"{group}\n{int(first['words_group']):,} words vs "
            f"{int(first['words_rest']):,} words in the other documents",
            fontsize=9,
        )
    fig.suptitle(
        "Most distinctive words per perspective (weighted log-odds); "
        "at each bar: uses in this group vs the others",
        fontsize=10,
    )
    fig.legend(
        handles=[Patch(facecolor=c, label=g) for g, c in colours.items()],
        loc="outside lower center",
        ncols=len(groups),
        frameon=False,
        fontsize=8,
    )
    return fig
