"""Chart of a class's discernment before and after the lessons, per side."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from propaganda_kit.analysis.discernment import ALL_SIDES
from propaganda_kit.charts.style import (
    DPI,
    HATCH_EDGE,
    HATCHES,
    NOTE_COLOUR,
    PALETTE,
    TEXT_SIZE,
    TITLE_SIZE,
    SideLook,
    legend_below,
    side_marker,
    side_patch,
    style_axes,
)
from propaganda_kit.data.discernment import SIDE_LABELS

STAGE_LOOKS = {
    "pre": SideLook(PALETTE[2], HATCHES[2], "o"),
    "post": SideLook(PALETTE[3], HATCHES[3], "D"),
}
STAGE_NAMES = {"pre": "before the lessons", "post": "after the lessons"}
CHANGE_LOOK = SideLook("#333333", "", "o")


def _side_label(side: str) -> str:
    """A side's name in a chart: 'supportive of the MEK', 'all items', ..."""
    return "all items" if side == ALL_SIDES else SIDE_LABELS.get(side, side)


def plot_discernment_change(
    change: pd.DataFrame, measure: str = "discernment", title: str = ""
) -> Figure:
    """Two panels per side: the class mean before and after, and the change with its interval.

    ``change`` is ``analysis.discernment.discernment_change``; ``measure`` names what it
    measured (for the axis labels).
    """
    fig = Figure(figsize=(11, 4.8), dpi=DPI, layout="constrained")
    means, changes = (style_axes(ax) for ax in fig.subplots(1, 2, width_ratios=[3, 2]))
    labels = [_side_label(s) for s in change["side"]]
    y = np.arange(len(change))[::-1]
    height = 0.38
    for offset, stage in ((height / 2, "pre"), (-height / 2, "post")):
        look = STAGE_LOOKS[stage]
        values = change[stage].fillna(0)
        means.barh(
            y + offset, values, height=height, color=look.colour, hatch=look.hatch,
            edgecolor=HATCH_EDGE,
        )  # fmt: skip
        for value, place in zip(values, y + offset, strict=True):
            means.annotate(
                f"{value:.2f}",
                (value, place),
                xytext=(4 if value >= 0 else -4, 0),
                textcoords="offset points",
                ha="left" if value >= 0 else "right",
                va="center",
                fontsize=TEXT_SIZE,
            )
    means.margins(x=0.15)
    means.set_yticks(y, labels)
    means.axvline(0, color=NOTE_COLOUR, linewidth=0.8)
    means.set_xlabel(f"class mean {measure}", fontsize=TEXT_SIZE)
    low = change["change"] - change["change_low"]
    high = change["change_high"] - change["change"]
    changes.errorbar(
        change["change"],
        y,
        xerr=[low.fillna(0), high.fillna(0)],
        fmt=CHANGE_LOOK.marker,
        color=CHANGE_LOOK.colour,
        capsize=4,
        markersize=7,
    )
    changes.axvline(0, color=NOTE_COLOUR, linewidth=0.8, linestyle="--")
    changes.set_yticks(y, [""] * len(y))
    changes.set_ylim(means.get_ylim())
    changes.set_xlabel(f"change in {measure} (after − before)", fontsize=TEXT_SIZE)
    students = int(change["students"].max()) if len(change) else 0
    handles = [side_patch(STAGE_LOOKS[s], STAGE_NAMES[s]) for s in ("pre", "post")]
    handles.append(side_marker(CHANGE_LOOK, f"change, with its 95% interval ({students} students)"))
    legend_below(fig, handles, ncols=3)
    if title:
        fig.suptitle(title, fontsize=TITLE_SIZE)
    return fig
