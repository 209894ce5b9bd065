"""Charts of loaded-language rates: per 1,000 words, both perspectives, word counts shown.

Every function takes the tidy table from ``loaded_language_table`` and returns a
matplotlib ``Figure`` built without pyplot (no global state, nothing to close, safe
on any backend). Sizes, colours and order are fixed, so the same table always gives
the same picture.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from propaganda_kit.analysis.loaded_language import (
    CATEGORY,
    COUNT,
    DOC,
    GROUPINGS,
    PERSPECTIVE,
    RATE,
    RATE_WITHOUT_TOP,
    TOP_COUNT,
    TOP_TERM,
    WORDS,
    check_loaded_table,
    rates_table,
    select_rows,
)
from propaganda_kit.charts.style import DPI, FIGSIZE, PERSPECTIVE_COLOURS, new_figure
from propaganda_kit.text.input_checks import as_ids, require_choice

RATE_LABEL = "Loaded-language cues per 1,000 words"
COUNT_LABEL = "Loaded-language cues (raw count)"
INTERVAL_NOTE = (
    "The line shows how much the rate could change if the text had been made of other "
    "sentences like its own; it does not cover errors in the word list."
)
LABEL_CHARS = 30
MARK_COLOUR = "white"
MARK_NOTE = "white mark: the bar without its most frequent word"


def _selection_note(table: pd.DataFrame, voice: str, categories: Iterable[str] | None) -> str:
    """One line saying which voice and which categories a chart counts."""
    who = {"all": "all words", "author": "the author's own words", "quoted": "quoted words"}[voice]
    everyone = set(table[CATEGORY])
    chosen = everyone if categories is None else set(categories)
    if chosen == everyone:
        what = "all categories"
    elif len(chosen) <= 3:
        names = category_names(table)
        what = ", ".join(sorted(names.get(c, c) for c in chosen))
    else:
        what = f"{len(chosen)} of {len(everyone)} categories"
    return f"Voice: {who}. Categories: {what}."


def _perspective_legend(ax, shown: pd.DataFrame, colours: dict, *extra, **where) -> None:
    """A legend naming every perspective, with its words on show (or 'none selected'),
    then any ``extra`` handles."""
    handles = []
    for perspective, colour in colours.items():
        words = int(shown.loc[shown[PERSPECTIVE] == perspective, WORDS].sum())
        note = f"{words:,} words" if words else "no words in this selection"
        handles.append(Patch(facecolor=colour, label=f"{perspective} ({note})"))
    ax.legend(handles=[*handles, *extra], frameon=False, fontsize=8, **where)


def one_word_note(term: str, uses: int, count: int, without: float, normalise: bool = True) -> str:
    """The one-word check in plain words: the rate (or the count) without the top term."""
    if not uses:
        return "no cues, so no most frequent word"
    what = f"the rate would be {without:.1f}" if normalise else f"the count would be {count - uses}"
    return f"without its most frequent word, '{term}' ({uses} use{'s' * (uses != 1)}), {what}"


def _label(row, key: str, normalise: bool) -> str:
    """A bar's label: its name (wrapped), the words and cues behind it, the one-word check."""
    name, words, count = getattr(row, key), getattr(row, WORDS), getattr(row, COUNT)
    wrapped = "\n".join(textwrap.wrap(name, LABEL_CHARS, break_on_hyphens=False)) or name
    if not words:
        return f"{wrapped}\nno words here: no rate"
    said = f"{wrapped}\n{words:,} words, {count} cue{'s' * (count != 1)}"
    uses, without = getattr(row, TOP_COUNT), getattr(row, RATE_WITHOUT_TOP)
    if not uses:
        return said
    left = f"{without:.1f}" if normalise else f"{count - uses}"
    return f"{said}\n{_short_check(getattr(row, TOP_TERM), uses, left)}"


def _short_check(term: str, uses: int, left: str) -> str:
    """The one-word check in a chart label: "without 'term' (n uses): what is left"."""
    return f"without '{term}' ({uses} use{'s' * (uses != 1)}): {left}"


def plot_loaded_rates(
    table: pd.DataFrame,
    by: str = "document",
    voice: str = "all",
    documents: Iterable[str] | None = None,
    categories: Iterable[str] | None = None,
    normalise: bool = True,
) -> Figure:
    """Horizontal bars of loaded-language cues per document (or perspective), by perspective.

    Each bar's label gives the words and cues behind it and the one-word check (the bar
    without its most frequent term, also marked on the bar); with ``normalise`` (the
    default) bars are per 1,000 words with a 95% interval, otherwise they are raw counts.
    Margins are fixed (no layout engine), which keeps a redraw fast for the explorer.
    """
    documents, categories = as_ids(documents), as_ids(categories)
    rows = rates_table(table, by, voice, documents, categories)
    colours = PERSPECTIVE_COLOURS.mapping(table[PERSPECTIVE])
    fig = Figure(figsize=FIGSIZE, dpi=DPI)
    fig.subplots_adjust(left=0.3, right=0.97, top=0.86, bottom=0.2)
    ax = fig.add_subplot()
    key = DOC if by == "document" else PERSPECTIVE
    y = np.arange(len(rows))
    lengths = rows[RATE] if normalise else rows[COUNT]
    ax.barh(y, lengths, color=[colours[p] for p in rows[PERSPECTIVE]], height=0.6)
    if normalise:
        ax.hlines(y, rows["rate_low"], rows["rate_high"], color="#333333", linewidth=1.2)
    without = rows[RATE_WITHOUT_TOP] if normalise else rows[COUNT] - rows[TOP_COUNT]
    ax.plot(without, y, linestyle="none", marker="|", markersize=14, color=MARK_COLOUR, mew=2)
    labels = [_label(row, key, normalise) for row in rows.itertuples(index=False)]
    ax.set_yticks(y, labels, fontsize=7)
    ax.set_ylim(len(rows) - 0.5, -0.5)  # top to bottom, rows without a rate included
    ax.set_xlabel(RATE_LABEL if normalise else COUNT_LABEL)
    ax.set_xlim(left=0)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 5, 10], integer=not normalise))
    unit = "per 1,000 words" if normalise else "raw counts (texts differ in length)"
    note = _selection_note(table, voice, categories)
    ax.set_title(f"Loaded-language cues by {by}, {unit}\n{note}", fontsize=10)
    if normalise:
        fig.text(0.99, 0.01, INTERVAL_NOTE, ha="right", fontsize=7, color="#555555")
    mark = Line2D([], [], ls="none", marker="|", ms=10, mew=2, color="#999999", label=MARK_NOTE)
    _perspective_legend(
        ax,
        rows,
        colours,
        mark,
        loc="lower left",
        bbox_to_anchor=(0.01, 0.03),
        ncols=3,
        bbox_transform=fig.transFigure,
    )
    return fig


def plot_category_rates(
    table: pd.DataFrame,
    by: str = "perspective",
    voice: str = "all",
    documents: Iterable[str] | None = None,
    categories: Iterable[str] | None = None,
) -> Figure:
    """Horizontal bars: rate per 1,000 words per category, a bar per perspective or document."""
    documents, categories = as_ids(documents), as_ids(categories)
    check_loaded_table(table)
    require_choice(by, GROUPINGS, "by")
    chosen = sorted(select_rows(table, documents, categories)[CATEGORY].unique())
    per_category = {c: rates_table(table, by, voice, documents, [c]) for c in chosen}
    groups = per_category[chosen[0]]
    key = DOC if by == "document" else PERSPECTIVE
    colours = PERSPECTIVE_COLOURS.mapping(table[PERSPECTIVE])
    fig, ax = new_figure()
    height = 0.8 / len(groups)
    hatches = _document_hatches(groups) if by == "document" else {}
    for i, group in enumerate(groups.itertuples(index=False)):
        name = getattr(group, key)
        y = np.arange(len(chosen)) + (i - (len(groups) - 1) / 2) * height
        rates = [per_category[c].set_index(key).at[name, RATE] for c in chosen]
        ax.barh(
            y,
            rates,
            height=height,
            color=colours[group.perspective],
            hatch=hatches.get(name, ""),
            edgecolor="white",
            label=f"{name} ({group.words:,} words)",
        )
    ax.set_yticks(
        np.arange(len(chosen)), [category_names(table).get(c, c) for c in chosen], fontsize=8
    )
    ax.set_ylim(len(chosen) - 0.5, -0.5)
    ax.set_xlabel(RATE_LABEL)
    ax.set_title(
        f"Loaded-language cues per 1,000 words, by category and {by}\n"
        f"{_selection_note(table, voice, categories)}",
        fontsize=10,
    )
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8)
    return fig


def category_names(table: pd.DataFrame) -> dict[str, str]:
    """Category id → plain label, from the table's ``category_label`` column when it has one."""
    if "category_label" not in table.columns:
        return {}
    firsts = table.drop_duplicates(CATEGORY)
    return dict(zip(firsts[CATEGORY], firsts["category_label"], strict=True))


def _document_hatches(groups: pd.DataFrame) -> dict[str, str]:
    """Different hatching for documents that share a perspective's colour."""
    patterns = ("", "//", "..", "xx", "\\\\", "--", "++", "oo")
    hatches = {}
    for _, docs in groups.groupby(PERSPECTIVE, sort=True):
        for i, doc in enumerate(docs[DOC]):
            hatches[doc] = patterns[i % len(patterns)]
    return hatches


def plot_voice_rates(
    table: pd.DataFrame,
    documents: Iterable[str] | None = None,
    categories: Iterable[str] | None = None,
) -> Figure:
    """Per document: the rate in the author's own words beside the rate in quoted words."""
    documents, categories = as_ids(documents), as_ids(categories)
    author = rates_table(table, "document", "author", documents, categories)
    quoted = rates_table(table, "document", "quoted", documents, categories).set_index(DOC)
    colours = PERSPECTIVE_COLOURS.mapping(table[PERSPECTIVE])
    fig, ax = new_figure()
    x = np.arange(len(author))
    for offset, rows, hatch in ((-0.2, author, ""), (0.2, quoted.loc[author[DOC]], "//")):
        bars = ax.bar(
            x + offset,
            rows[RATE],
            width=0.38,
            hatch=hatch,
            edgecolor="white",
            color=[colours[p] for p in author[PERSPECTIVE]],
        )
        for bar, words in zip(bars, rows[WORDS], strict=True):
            label = f"{words:,} w" if words else "no words"
            height = bar.get_height() if words else 0.0
            ax.annotate(
                label,
                (bar.get_x() + bar.get_width() / 2, height),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                fontsize=7,
            )
    ax.set_xticks(x, author[DOC], rotation=20, ha="right", fontsize=8)
    ax.set_ylabel(RATE_LABEL)
    ax.set_title(
        "Loaded-language cues per 1,000 words: the author's words vs quoted words\n"
        "Above each bar: the words in that voice (w); a few words make a shaky rate",
        fontsize=10,
    )
    handles = [
        Patch(facecolor="#999999", label="author's own words"),
        Patch(facecolor="#999999", hatch="//", edgecolor="white", label="quoted words"),
    ]
    handles += [Patch(facecolor=c, label=p) for p, c in colours.items()]
    ax.legend(
        handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8
    )
    return fig


def plot_rate_uncertainty(
    table: pd.DataFrame,
    by: str = "document",
    voice: str = "all",
    documents: Iterable[str] | None = None,
    categories: Iterable[str] | None = None,
) -> Figure:
    """Each rate as a dot with its 95% interval, labelled with the words and cues behind it."""
    documents, categories = as_ids(documents), as_ids(categories)
    rows = rates_table(table, by, voice, documents, categories)
    key = DOC if by == "document" else PERSPECTIVE
    colours = PERSPECTIVE_COLOURS.mapping(table[PERSPECTIVE])
    fig, ax = new_figure()
    y = np.arange(len(rows))
    for yi, row in zip(y, rows.itertuples(index=False), strict=True):
        colour = colours[row.perspective]
        ax.plot([row.rate_low, row.rate_high], [yi, yi], color=colour, linewidth=2)
        ax.plot([row.rate_per_1000], [yi], "o", color=colour, markersize=7)
        said = f"{row.count} cues in {row.words:,} words" if row.words else "no words: no rate"
        if row.top_term_count:
            left = f"{row.rate_without_top_term:.1f}"
            said += "\n" + _short_check(row.top_term, row.top_term_count, left)
        ax.annotate(
            said,
            (row.rate_high if row.words else 0.0, yi),
            xytext=(6, -3),
            textcoords="offset points",
            fontsize=8,
        )
    ax.set_yticks(y, rows[key], fontsize=8)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(left=0, right=max(1.0, float(rows["rate_high"].max())) * 1.75)
    ax.set_xlabel(
        f"{RATE_LABEL} (dot) with 95% interval (line)\n{textwrap.fill(INTERVAL_NOTE, 90)}",
        fontsize=8,
    )
    ax.set_title(
        f"How sure can we be? Rates per 1,000 words by {by}, with 95% intervals\n"
        f"{_selection_note(table, voice, categories)}",
        fontsize=10,
    )
    ax.legend(
        handles=[Patch(facecolor=c, label=p) for p, c in colours.items()],
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        frameon=False,
        fontsize=8,
    )
    return fig
