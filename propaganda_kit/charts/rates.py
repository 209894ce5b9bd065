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
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.patheffects import withStroke
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
from propaganda_kit.charts.style import (
    DPI,
    FIGSIZE,
    HATCH_EDGE,
    NOTE_COLOUR,
    PERSPECTIVE_COLOURS,
    TEXT_SIZE,
    TITLE_SIZE,
    SideLook,
    few_words,
    few_words_handle,
    legend_below,
    legend_right,
    new_figure,
    side_marker,
    side_patch,
    style_axes,
    words_text,
)
from propaganda_kit.text.input_checks import as_ids, require_choice

RATE_LABEL = "Loaded-language cues per 1,000 words"
COUNT_LABEL = "Loaded-language cues (raw count)"
INTERVAL_NOTE = (
    "The line shows how much the rate could change if the text had been made of other "
    "sentences like its own; it does not cover errors in the word list."
)
LABEL_CHARS = 30
CHECK_CHARS = 40
MARK_COLOUR = "white"
MARK_NOTE = "white mark: the bar without its most frequent word"
MARK_OUTLINE = [withStroke(linewidth=5, foreground="#222222")]  # the mark shows on any bar


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


def _perspective_legend(shown: pd.DataFrame, looks: dict[str, SideLook], rates: bool) -> list:
    """Legend entries naming every perspective, with its words on show (or 'none selected');
    with ``rates``, few words get the few-words mark."""
    handles = []
    for perspective, look in looks.items():
        words = int(shown.loc[shown[PERSPECTIVE] == perspective, WORDS].sum())
        note = (words_text(words) if rates else f"{words:,} words") if words else ""
        handles.append(side_patch(look, f"{perspective} ({note or 'no words in this selection'})"))
    return handles


def one_word_note(term: str, uses: int, count: int, without: float, normalise: bool = True) -> str:
    """The one-word check in plain words: the rate (or the count) without the top term."""
    if not uses:
        return "no cues, so no most frequent word"
    what = f"the rate would be {without:.1f}" if normalise else f"the count would be {count - uses}"
    return f"without its most frequent word, '{term}' ({uses} use{'s' * (uses != 1)}), {what}"


def _label(row, key: str, normalise: bool) -> str:
    """A bar's label: its name (wrapped), the words and cues behind it, the one-word check."""
    name, words, count = getattr(row, key), getattr(row, WORDS), getattr(row, COUNT)
    wrapped = _wrap(name)
    if not words:
        return f"{wrapped}\nno words here: no rate"
    shown = words_text(words) if normalise else f"{words:,} words"
    said = f"{wrapped}\n{shown}, {count} cue{'s' * (count != 1)}"
    uses, without = getattr(row, TOP_COUNT), getattr(row, RATE_WITHOUT_TOP)
    if not uses:
        return said
    left = f"{without:.1f}" if normalise else f"{count - uses}"
    return f"{said}\n{_wrap(_short_check(getattr(row, TOP_TERM), uses, left), CHECK_CHARS)}"


def _wrap(text: str, width: int = LABEL_CHARS) -> str:
    """``text`` in lines of at most ``width`` characters (a long word keeps its own line)."""
    return "\n".join(textwrap.wrap(text, width, break_on_hyphens=False)) or text


def _short_check(term: str, uses: int, left: str) -> str:
    """The one-word check in a chart label: "without 'term' (n uses): what is left"."""
    return f"without '{term}' ({uses} use{'s' * (uses != 1)}): {left}"


def _any_few_words(words: Iterable[int]) -> bool:
    """Whether any of these word counts gets the few-words mark."""
    return any(few_words(w) for w in words)


LINE_IN = TEXT_SIZE * 1.2 / 72  # one line of label text, in inches
LOADED_MARGINS = {"left": 3.0, "right": 0.3, "top": 0.8, "axis": 0.65, "note": 0.45}


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
    Margins are fixed in inches (no layout engine), which keeps a redraw fast for the
    explorer; the figure grows with the number of bars.
    """
    documents, categories = as_ids(documents), as_ids(categories)
    rows = rates_table(table, by, voice, documents, categories)
    looks = PERSPECTIVE_COLOURS.looks(table[PERSPECTIVE])
    key = DOC if by == "document" else PERSPECTIVE
    labels = [_label(row, key, normalise) for row in rows.itertuples(index=False)]
    handles = _perspective_legend(rows, looks, rates=normalise)
    mark = Line2D([], [], ls="none", marker="|", ms=12, mew=3, color=MARK_COLOUR, label=MARK_NOTE)
    mark.set_path_effects(MARK_OUTLINE)
    handles.append(mark)
    if normalise and _any_few_words(rows[WORDS]):
        handles.append(few_words_handle(width=80))
    fig, ax = _fixed_figure(labels, legend_rows=-(-len(handles) // 2), note=normalise)
    y = np.arange(len(rows))
    lengths = rows[RATE] if normalise else rows[COUNT]
    bars = ax.barh(y, lengths, color=[looks[p].colour for p in rows[PERSPECTIVE]], height=0.6)
    for bar, perspective in zip(bars, rows[PERSPECTIVE], strict=True):
        bar.set(hatch=looks[perspective].hatch, edgecolor=HATCH_EDGE)
    if normalise:
        ax.hlines(y, rows["rate_low"], rows["rate_high"], color="#222222", linewidth=1.2)
    without = rows[RATE_WITHOUT_TOP] if normalise else rows[COUNT] - rows[TOP_COUNT]
    ax.plot(
        without,
        y,
        linestyle="none",
        marker="|",
        markersize=16,
        color=MARK_COLOUR,
        mew=3,
        path_effects=MARK_OUTLINE,
    )
    ax.set_yticks(y, labels, fontsize=TEXT_SIZE)
    ax.set_ylim(len(rows) - 0.5, -0.5)  # top to bottom, rows without a rate included
    ax.set_xlabel(RATE_LABEL if normalise else COUNT_LABEL, fontsize=TEXT_SIZE)
    ax.set_xlim(left=0)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 5, 10], integer=not normalise))
    unit = "per 1,000 words" if normalise else "raw counts (texts differ in length)"
    note = _selection_note(table, voice, categories)
    ax.set_title(f"Loaded-language cues by {by}, {unit}\n{note}", fontsize=TITLE_SIZE)
    height = fig.get_figheight()
    if normalise:
        fig.text(
            0.01,
            0.08 / height,
            textwrap.fill(INTERVAL_NOTE, 110),
            fontsize=TEXT_SIZE,
            color=NOTE_COLOUR,
        )
    bottom = LOADED_MARGINS["note"] if normalise else 0.1
    fig.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0.01, bottom / height),
        ncols=2,
        frameon=False,
        fontsize=TEXT_SIZE,
        borderaxespad=0,
    )
    return fig


def _fixed_figure(labels: list[str], legend_rows: int, note: bool) -> tuple[Figure, Axes]:
    """A figure for ``plot_loaded_rates``: a row per label tall enough for its lines, room
    for the title above and the axis label, legend and note below (margins in inches)."""
    lines = max((label.count("\n") + 1 for label in labels), default=1)
    row = LINE_IN * lines + 0.2
    margins = LOADED_MARGINS
    below = margins["axis"] + legend_rows * 0.25 + (margins["note"] if note else 0.1)
    plot = max(1.5, row * len(labels))
    width, height = FIGSIZE[0], margins["top"] + plot + below
    fig = Figure(figsize=(width, height), dpi=DPI)
    fig.subplots_adjust(
        left=margins["left"] / width,
        right=1 - margins["right"] / width,
        top=1 - margins["top"] / height,
        bottom=below / height,
    )
    return fig, style_axes(fig.add_subplot())


def plot_category_rates(
    table: pd.DataFrame,
    by: str = "perspective",
    voice: str = "all",
    documents: Iterable[str] | None = None,
    categories: Iterable[str] | None = None,
) -> Figure:
    """Horizontal bars: rate per 1,000 words per category, a bar per perspective or document.

    Each perspective has its colour and hatching; documents of one perspective are told
    apart by lighter shades of its colour, in the legend's order.
    """
    documents, categories = as_ids(documents), as_ids(categories)
    check_loaded_table(table)
    require_choice(by, GROUPINGS, "by")
    chosen = sorted(select_rows(table, documents, categories)[CATEGORY].unique())
    per_category = {c: rates_table(table, by, voice, documents, [c]) for c in chosen}
    groups = per_category[chosen[0]]
    key = DOC if by == "document" else PERSPECTIVE
    looks = PERSPECTIVE_COLOURS.looks(table[PERSPECTIVE])
    shades = _document_shades(groups) if by == "document" else {}
    bars = len(groups) * len(chosen)
    below = 0.25 * len(groups) / 2 if by == "document" else 0.0
    fig, ax = new_figure(figsize=(FIGSIZE[0], max(FIGSIZE[1], 1.8 + 0.12 * bars) + below))
    height = 0.8 / len(groups)
    for i, group in enumerate(groups.itertuples(index=False)):
        name = getattr(group, key)
        look, shade = looks[group.perspective], shades.get(name, 0.0)
        y = np.arange(len(chosen)) + (i - (len(groups) - 1) / 2) * height
        rates = [per_category[c].set_index(key).at[name, RATE] for c in chosen]
        ax.barh(
            y,
            rates,
            height=height,
            color=_lighter(look.colour, shade),
            hatch=look.hatch,
            edgecolor=HATCH_EDGE if shade < PALE else look.colour,
            label=f"{name} ({words_text(group.words)})",
        )
    ax.set_yticks(
        np.arange(len(chosen)),
        [category_names(table).get(c, c) for c in chosen],
        fontsize=TEXT_SIZE,
    )
    ax.set_ylim(len(chosen) - 0.5, -0.5)
    ax.set_xlabel(RATE_LABEL, fontsize=TEXT_SIZE)
    ax.set_title(
        f"Loaded-language cues per 1,000 words, by category and {by}\n"
        f"{_selection_note(table, voice, categories)}",
        fontsize=TITLE_SIZE,
    )
    handles = ax.get_legend_handles_labels()[0]
    if _any_few_words(groups[WORDS]):
        handles.append(few_words_handle(width=30 if by == "perspective" else 60))
    if by == "perspective":
        legend_right(ax, handles)
    else:  # document names are long: the legend goes below, the bars keep their width
        legend_below(fig, handles)
    return fig


def category_names(table: pd.DataFrame) -> dict[str, str]:
    """Category id → plain label, from the table's ``category_label`` column when it has one."""
    if "category_label" not in table.columns:
        return {}
    firsts = table.drop_duplicates(CATEGORY)
    return dict(zip(firsts[CATEGORY], firsts["category_label"], strict=True))


PALE = 0.3  # from this much lighter on, a bar's hatching is drawn in its colour, not white


def _document_shades(groups: pd.DataFrame) -> dict[str, float]:
    """How much lighter each document's bars are than its perspective's colour (0 for the
    first document of each perspective), so documents of one side can be told apart."""
    shades = {}
    for _, docs in groups.groupby(PERSPECTIVE, sort=True):
        steps = np.linspace(0.0, 0.7, len(docs)) if len(docs) > 1 else [0.0]
        shades.update(zip(docs[DOC], (float(s) for s in steps), strict=True))
    return shades


def _lighter(colour: str, amount: float) -> tuple[float, float, float]:
    """``colour`` mixed with white: 0 keeps it, 1 makes it white."""
    red, green, blue = to_rgb(colour)
    return tuple(c + (1.0 - c) * amount for c in (red, green, blue))


def plot_voice_rates(
    table: pd.DataFrame,
    documents: Iterable[str] | None = None,
    categories: Iterable[str] | None = None,
) -> Figure:
    """Per document: the rate in the author's own words (filled bar) beside the rate in
    quoted words (outlined bar), with the words in each voice above the bar."""
    documents, categories = as_ids(documents), as_ids(categories)
    author = rates_table(table, "document", "author", documents, categories)
    quoted = rates_table(table, "document", "quoted", documents, categories).set_index(DOC)
    looks = PERSPECTIVE_COLOURS.looks(table[PERSPECTIVE])
    fig, ax = new_figure()
    x = np.arange(len(author))
    sides = [looks[p] for p in author[PERSPECTIVE]]
    tallest = 0.0
    for offset, rows, filled in ((-0.2, author, True), (0.2, quoted.loc[author[DOC]], False)):
        bars = ax.bar(x + offset, rows[RATE].fillna(0.0), width=0.38)
        for bar, look, words in zip(bars, sides, rows[WORDS], strict=True):
            _voice_bar(bar, look, filled)
            ax.annotate(
                words_text(words, "w") if words else "no words",
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                va="bottom",
                rotation=90,
                fontsize=TEXT_SIZE,
            )
        tallest = max(tallest, float(rows[RATE].fillna(0.0).max()))
    ax.set_ylim(0, max(1.0, tallest) * 1.35)
    ax.set_xticks(x, author[DOC], rotation=20, ha="right", fontsize=TEXT_SIZE)
    ax.set_ylabel(RATE_LABEL, fontsize=TEXT_SIZE)
    ax.set_title(
        "Loaded-language cues per 1,000 words: the author's words vs quoted words\n"
        "Above each bar: the words in that voice (w); a few words make a shaky rate",
        fontsize=TITLE_SIZE,
    )
    grey = SideLook("#777777", "", "")
    handles = [
        _voice_handle(grey, True, "author's own words"),
        _voice_handle(grey, False, "quoted words"),
    ]
    handles += [side_patch(look, p) for p, look in looks.items()]
    if _any_few_words([*author[WORDS], *quoted[WORDS]]):
        handles.append(few_words_handle())
    legend_right(ax, handles)
    return fig


def _voice_bar(bar: Rectangle, look: SideLook, filled: bool) -> None:
    """A filled bar (the author's words) or an outlined one (quoted), hatched by side."""
    if filled:
        bar.set(facecolor=look.colour, edgecolor=HATCH_EDGE, hatch=look.hatch)
    else:
        bar.set(facecolor="white", edgecolor=look.colour, hatch=look.hatch, linewidth=1.5)


def _voice_handle(look: SideLook, filled: bool, label: str) -> Rectangle:
    handle = Rectangle((0, 0), 1, 1, label=label)
    _voice_bar(handle, look, filled)
    return handle


def plot_rate_uncertainty(
    table: pd.DataFrame,
    by: str = "document",
    voice: str = "all",
    documents: Iterable[str] | None = None,
    categories: Iterable[str] | None = None,
) -> Figure:
    """Each rate as a point with its 95% interval, labelled with the words and cues behind
    it; each perspective has its colour and its marker shape."""
    documents, categories = as_ids(documents), as_ids(categories)
    rows = rates_table(table, by, voice, documents, categories)
    key = DOC if by == "document" else PERSPECTIVE
    looks = PERSPECTIVE_COLOURS.looks(table[PERSPECTIVE])
    fig, ax = new_figure(figsize=(FIGSIZE[0] + 1.0, FIGSIZE[1]))
    y = np.arange(len(rows))
    said = []
    for yi, row in zip(y, rows.itertuples(index=False), strict=True):
        look = looks[row.perspective]
        ax.plot([row.rate_low, row.rate_high], [yi, yi], color=look.colour, linewidth=2)
        ax.plot([row.rate_per_1000], [yi], look.marker, color=look.colour, markersize=8)
        line = f"{row.count} cues in {words_text(row.words)}" if row.words else "no words: no rate"
        if row.top_term_count:
            left = f"{row.rate_without_top_term:.1f}"
            line += "\n" + _short_check(row.top_term, row.top_term_count, left)
        said.append(line)
    ax.set_yticks(y, rows[key], fontsize=TEXT_SIZE)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    behind = ax.secondary_yaxis("right")  # the words and cues behind each point, beside it
    behind.set_yticks(y, said, fontsize=TEXT_SIZE)
    behind.tick_params(length=0)
    ax.set_xlim(left=0, right=max(1.0, float(rows["rate_high"].max())) * 1.05)
    ax.set_xlabel(
        f"{RATE_LABEL} (point) with 95% interval (line)\n{textwrap.fill(INTERVAL_NOTE, 90)}",
        fontsize=TEXT_SIZE,
    )
    ax.set_title(
        f"How sure can we be? Rates per 1,000 words by {by}, with 95% intervals\n"
        f"{_selection_note(table, voice, categories)}",
        fontsize=TITLE_SIZE,
    )
    handles = [side_marker(look, p) for p, look in looks.items()]
    if _any_few_words(rows[WORDS]):
        handles.append(few_words_handle(width=80))
    legend_below(fig, handles, ncols=3)
    return fig
