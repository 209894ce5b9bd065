"""Charts for naming and framing: labels per actor, and distinctive words per perspective.

Like ``charts``, every function returns a matplotlib ``Figure`` built without pyplot, with
fixed sizes, order and colours (``PERSPECTIVE_COLOURS``), rates per 1,000 words and the
word counts behind them.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from propaganda_kit.analysis.rates import perspective_words
from propaganda_kit.charts.style import (
    DPI,
    HATCH_EDGE,
    PERSPECTIVE_COLOURS,
    TEXT_SIZE,
    TITLE_SIZE,
    few_words,
    few_words_handle,
    legend_below,
    side_patch,
    style_axes,
    words_text,
)
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
    looks = PERSPECTIVE_COLOURS.looks(words)
    labels = list(dict.fromkeys(mine["alias"]))
    fig = Figure(
        figsize=(WIDTH, 2.2 + 0.5 * max(1, len(labels)) * len(words) ** 0.5),
        dpi=DPI,
        layout="constrained",
    )
    ax = style_axes(fig.add_subplot())
    if not labels:
        ax.text(
            0.5,
            0.5,
            f"No document uses any of the listed names for {actor}.",
            ha="center",
            va="center",
            transform=ax.transAxes,
            fontsize=TEXT_SIZE,
        )
        ax.set_axis_off()
        return fig
    height = 0.8 / len(words)
    y = np.arange(len(labels))
    handles = []
    for i, (perspective, look) in enumerate(looks.items()):
        theirs = mine[mine["perspective"] == perspective].set_index("alias")
        values = [float(theirs.at[a, "per_1000_words"]) for a in labels]
        counts = [int(theirs.at[a, "count"]) for a in labels]
        offset = y + (i - (len(words) - 1) / 2) * height
        ax.barh(
            offset, values, height=height, color=look.colour, hatch=look.hatch, edgecolor=HATCH_EDGE
        )
        handles.append(side_patch(look, f"{perspective} ({words_text(words[perspective])})"))
        for yi, value, count in zip(offset, values, counts, strict=True):
            ax.annotate(
                f"{count}×",
                (value, yi),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=TEXT_SIZE,
                color="#333333",
            )
    ax.set_yticks(y, labels, fontsize=TEXT_SIZE)
    ax.invert_yaxis()
    ax.set_xlabel(
        "Uses per 1,000 words of that perspective (number of uses at the bar's end)",
        fontsize=TEXT_SIZE,
    )
    ax.set_xlim(0, max(1.0, float(mine["per_1000_words"].max())) * 1.2)
    ax.set_title(f"Names used for: {actor}", fontsize=TITLE_SIZE)
    if any(few_words(w) for w in words.values()):
        handles.append(few_words_handle(width=60))
    legend_below(fig, handles)
    return fig


def plot_distinctive_words(distinctive: pd.DataFrame) -> Figure:
    """One panel per group: its most distinctive words by z-score, with the counts behind
    each bar and a dashed guide line at z = 2."""
    table = require_table(
        distinctive, DISTINCTIVE_NEEDS, "distinctive_words(corpus)", allow_empty=False
    )
    groups = list(dict.fromkeys(table["group"]))
    looks = PERSPECTIVE_COLOURS.looks(groups)
    longest = int(table.groupby("group").size().max())
    fig = Figure(figsize=(WIDTH + 2, 1.8 + 0.3 * longest), dpi=DPI, layout="constrained")
    axes = fig.subplots(1, len(groups), sharex=True, squeeze=False)[0]
    right = max(Z_GUIDE, float(table["z"].max())) * 1.45
    for ax, group in zip(axes, groups, strict=True):
        rows = table[table["group"] == group]
        y = np.arange(len(rows))
        style_axes(ax)
        look = looks[group]
        ax.barh(y, rows["z"], color=look.colour, hatch=look.hatch, edgecolor=HATCH_EDGE)
        counts = zip(y, rows["z"], rows["count_group"], rows["count_rest"], strict=True)
        for yi, z, mine, rest in counts:
            ax.annotate(
                f"{mine} vs {rest}",
                (z, yi),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=TEXT_SIZE,
                color="#333333",
            )
        ax.axvline(Z_GUIDE, color="#555555", linestyle="--", linewidth=1)
        ax.set_yticks(y, rows["word"], fontsize=TEXT_SIZE)
        ax.invert_yaxis()
        ax.set_xlim(0, right)
        ax.set_xlabel("z-score (dashed line: z = 2)", fontsize=TEXT_SIZE)
        first = rows.iloc[0]
        ax.set_title(
            f"{textwrap.fill(group, 34)}\n{int(first['words_group']):,} words vs "
            f"{int(first['words_rest']):,} words\nin the other documents",
            fontsize=TEXT_SIZE,
        )
    fig.suptitle(
        "Most distinctive words per perspective (weighted log-odds); "
        "at each bar: uses in this group vs the others",
        fontsize=TITLE_SIZE,
    )
    legend_below(fig, [side_patch(look, g) for g, look in looks.items()], ncols=len(groups))
    return fig
