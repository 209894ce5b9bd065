"""Charts of loaded-language rates: per 1,000 words, both perspectives, word counts shown.

Every function takes the tidy table from ``loaded_language_table`` and returns a
matplotlib ``Figure`` built without pyplot (no global state, nothing to close, safe
on any backend). Sizes, colours and order are fixed, so the same table always gives
the same picture.
"""

from __future__ import annotations

import hashlib
import math
import textwrap
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from .words import per_thousand_words

DOC, TITLE, PERSPECTIVE, CATEGORY, VOICE = "document", "title", "perspective", "category", "voice"
COUNT, WORDS, RATE = "count", "words", "rate_per_1000"
REQUIRED_COLUMNS = (DOC, PERSPECTIVE, CATEGORY, VOICE, COUNT, WORDS)
VOICES = ("all", "author", "quoted")
GROUPINGS = ("document", "perspective")

FIGSIZE = (9.0, 4.8)
DPI = 100
RATE_LABEL = "Loaded-language cues per 1,000 words"
COUNT_LABEL = "Loaded-language cues (raw count)"
INTERVAL_NOTE = "Lines: 95% interval (Poisson) on the rate; short texts give wide intervals."
# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
CONFIDENCE = 0.95
LABEL_CHARS = 30


class PerspectiveColours:
    """Colours for perspective strings, the same in every chart.

    A perspective's colour comes from a checksum of its text (not from the order of
    documents), so an instructor's new document keeps existing colours unchanged.
    """

    def __init__(self, palette: Sequence[str] = PALETTE) -> None:
        self.palette = tuple(palette)

    def slot(self, perspective: str) -> int:
        """The palette position a perspective asks for."""
        digest = hashlib.sha256(perspective.strip().casefold().encode("utf-8")).digest()
        return int.from_bytes(digest[:4], "big") % len(self.palette)

    def __getitem__(self, perspective: str) -> str:
        return self.palette[self.slot(perspective)]

    def mapping(self, perspectives: Iterable[str]) -> dict[str, str]:
        """Colours for a set of perspectives; a clash moves the later one (sorted) along."""
        taken: set[int] = set()
        colours = {}
        for perspective in sorted(set(perspectives)):
            slot = self.slot(perspective)
            while slot in taken and len(taken) < len(self.palette):
                slot = (slot + 1) % len(self.palette)
            taken.add(slot)
            colours[perspective] = self.palette[slot]
        return colours


PERSPECTIVE_COLOURS = PerspectiveColours()


def _poisson_cdf(k: int, lam: float) -> float:
    """P(X <= k) for X ~ Poisson(lam)."""
    if lam <= 0:
        return 1.0
    i = np.arange(k + 1)
    logs = i * math.log(lam) - lam - np.array([math.lgamma(j + 1) for j in i])
    return float(np.exp(logs).sum())


def _solve(target: float, k: int, low: float, high: float) -> float:
    """The lam in [low, high] where P(X <= k) equals ``target`` (it falls as lam grows)."""
    for _ in range(80):
        mid = (low + high) / 2
        if _poisson_cdf(k, mid) > target:
            low = mid
        else:
            high = mid
    return (low + high) / 2


@lru_cache(maxsize=4096)
def poisson_interval(count: int, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """Exact (Garwood) interval for the expected count behind an observed ``count``."""
    if count < 0:
        raise ValueError(f"A count cannot be negative (got {count}).")
    alpha = 1 - confidence
    upper_bound = count + 10 * math.sqrt(count + 1) + 10
    upper = _solve(alpha / 2, count, 0.0, upper_bound)
    lower = 0.0 if count == 0 else _solve(1 - alpha / 2, count - 1, 0.0, upper_bound)
    return lower, upper


def _check_table(table: pd.DataFrame) -> None:
    if not isinstance(table, pd.DataFrame):
        raise ValueError("Charts need the table from loaded_language_table(corpus).")
    missing = [c for c in REQUIRED_COLUMNS if c not in table.columns]
    if missing:
        raise ValueError(
            f"This table lacks the column(s) {', '.join(missing)}: "
            "make it with loaded_language_table(corpus)."
        )
    if table.empty:
        raise ValueError("The table is empty: there are no documents to chart.")


def _choose(value: str, allowed: Sequence[str], what: str) -> str:
    if value not in allowed:
        raise ValueError(f"{what} should be one of {', '.join(allowed)} (got {value!r}).")
    return value


def _as_ids(chosen: str | Iterable[str] | None) -> list[str] | None:
    """A selection as a list of ids: one id given as a string is one id, not its letters."""
    if chosen is None:
        return None
    return [chosen] if isinstance(chosen, str) else list(chosen)


def _select(table: pd.DataFrame, documents: Iterable[str] | None,
            categories: Iterable[str] | None) -> pd.DataFrame:
    """Rows for the chosen documents and categories (None means all)."""
    rows = table
    for column, chosen in ((DOC, documents), (CATEGORY, categories)):
        if chosen is None:
            continue
        chosen = list(chosen)
        unknown = sorted(set(chosen) - set(table[column]))
        if unknown:
            raise ValueError(f"Unknown {column}(s): {', '.join(map(str, unknown))}.")
        rows = rows[rows[column].isin(chosen)]
    if rows.empty:
        raise ValueError("Nothing is selected: choose at least one document and one category.")
    return rows


def _per_document(table: pd.DataFrame, voice: str,
                  categories: Iterable[str] | None) -> pd.DataFrame:
    """Cues (in ``categories``) and words per document in one voice ('all' adds both voices).

    Words come from every category's rows, so choosing categories keeps them whole.
    """
    rows = table if voice == "all" else table[table[VOICE] == voice]
    keys = [DOC, PERSPECTIVE]
    # Each document and voice repeats its word count on every category's row: take it once.
    words = rows.drop_duplicates([DOC, VOICE]).groupby(keys, sort=True)[WORDS].sum()
    hits = rows if categories is None else rows[rows[CATEGORY].isin(list(categories))]
    counts = hits.groupby(keys, sort=True)[COUNT].sum().reindex(words.index, fill_value=0)
    return pd.DataFrame({COUNT: counts, WORDS: words}).reset_index()


def rates_table(table: pd.DataFrame, by: str = "document", voice: str = "all",
                documents: Iterable[str] | None = None,
                categories: Iterable[str] | None = None) -> pd.DataFrame:
    """Cues, words, rate per 1,000 words and its 95% interval, per document or perspective.

    A row with no words (say, a document that quotes nobody, in quoted voice) has no
    rate: NaN, never a misleading 0. Every perspective in ``table`` gets a row when
    ``by="perspective"``, even one with no selected documents, so both sides are on show.
    """
    documents, categories = _as_ids(documents), _as_ids(categories)
    _check_table(table)
    _choose(by, GROUPINGS, "by")
    _choose(voice, VOICES, "voice")
    _select(table, documents, categories)
    scope = table if documents is None else table[table[DOC].isin(list(documents))]
    rows = _per_document(scope, voice, categories)
    if by == "perspective":
        rows = rows.groupby(PERSPECTIVE, sort=True).agg(
            documents=(DOC, "count"), count=(COUNT, "sum"), words=(WORDS, "sum"))
        everyone = sorted(table[PERSPECTIVE].unique())
        rows = rows.reindex(everyone, fill_value=0).reset_index()
    else:
        rows = rows.sort_values([PERSPECTIVE, DOC]).reset_index(drop=True)
    rows[COUNT] = rows[COUNT].astype(int)
    rows[WORDS] = rows[WORDS].astype(int)
    bounds = [poisson_interval(c) for c in rows[COUNT]]
    for column, counts in ((RATE, rows[COUNT]), ("rate_low", [lo for lo, _ in bounds]),
                           ("rate_high", [hi for _, hi in bounds])):
        rows[column] = [round(per_thousand_words(c, w), 2) if w else math.nan
                        for c, w in zip(counts, rows[WORDS], strict=True)]
    return rows


def _figure() -> tuple[Figure, object]:
    fig = Figure(figsize=FIGSIZE, dpi=DPI, layout="constrained")
    return fig, fig.add_subplot()


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


def _perspective_legend(ax, shown: pd.DataFrame, colours: dict, **where) -> None:
    """A legend naming every perspective, with its words on show (or 'none selected')."""
    handles = []
    for perspective, colour in colours.items():
        words = int(shown.loc[shown[PERSPECTIVE] == perspective, WORDS].sum())
        note = f"{words:,} words" if words else "no words in this selection"
        handles.append(Patch(facecolor=colour, label=f"{perspective} ({note})"))
    ax.legend(handles=handles, frameon=False, fontsize=8, **where)


def _label(name: str, words: int, count: int) -> str:
    """A bar's label: its name (wrapped) and the words and cues behind it."""
    wrapped = "\n".join(textwrap.wrap(name, LABEL_CHARS, break_on_hyphens=False)) or name
    if not words:
        return f"{wrapped}\nno words here: no rate"
    return f"{wrapped}\n{words:,} words, {count} cue{'s' * (count != 1)}"


def plot_loaded_rates(table: pd.DataFrame, by: str = "document", voice: str = "all",
                      documents: Iterable[str] | None = None,
                      categories: Iterable[str] | None = None,
                      normalise: bool = True) -> Figure:
    """Horizontal bars of loaded-language cues per document (or perspective), by perspective.

    Each bar's label gives the words and cues behind it; with ``normalise`` (the default)
    bars are per 1,000 words with a 95% interval, otherwise they are raw counts.
    Margins are fixed (no layout engine), which keeps a redraw fast for the explorer.
    """
    documents, categories = _as_ids(documents), _as_ids(categories)
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
    ax.set_yticks(y, [_label(name, words, count) for name, words, count
                      in zip(rows[key], rows[WORDS], rows[COUNT], strict=True)], fontsize=8)
    ax.set_ylim(len(rows) - 0.5, -0.5)  # top to bottom, rows without a rate included
    ax.set_xlabel(RATE_LABEL if normalise else COUNT_LABEL)
    ax.set_xlim(left=0)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 5, 10], integer=not normalise))
    unit = "per 1,000 words" if normalise else "raw counts (texts differ in length)"
    note = _selection_note(table, voice, categories)
    ax.set_title(f"Loaded-language cues by {by}, {unit}\n{note}", fontsize=10)
    if normalise:
        fig.text(0.99, 0.01, INTERVAL_NOTE, ha="right", fontsize=7, color="#555555")
    _perspective_legend(ax, rows, colours, loc="lower left", bbox_to_anchor=(0.01, 0.03),
                        ncols=2, bbox_transform=fig.transFigure)
    return fig


def plot_category_rates(table: pd.DataFrame, by: str = "perspective", voice: str = "all",
                        documents: Iterable[str] | None = None,
                        categories: Iterable[str] | None = None) -> Figure:
    """Horizontal bars: rate per 1,000 words per category, a bar per perspective or document."""
    documents, categories = _as_ids(documents), _as_ids(categories)
    _check_table(table)
    _choose(by, GROUPINGS, "by")
    chosen = sorted(_select(table, documents, categories)[CATEGORY].unique())
    per_category = {c: rates_table(table, by, voice, documents, [c]) for c in chosen}
    groups = per_category[chosen[0]]
    key = DOC if by == "document" else PERSPECTIVE
    colours = PERSPECTIVE_COLOURS.mapping(table[PERSPECTIVE])
    fig, ax = _figure()
    height = 0.8 / len(groups)
    hatches = _document_hatches(groups) if by == "document" else {}
    for i, group in enumerate(groups.itertuples(index=False)):
        name = getattr(group, key)
        y = np.arange(len(chosen)) + (i - (len(groups) - 1) / 2) * height
        rates = [per_category[c].set_index(key).at[name, RATE] for c in chosen]
        ax.barh(y, rates, height=height, color=colours[group.perspective],
                hatch=hatches.get(name, ""), edgecolor="white",
                label=f"{name} ({group.words:,} words)")
    ax.set_yticks(np.arange(len(chosen)), [category_names(table).get(c, c) for c in chosen],
                  fontsize=8)
    ax.set_ylim(len(chosen) - 0.5, -0.5)
    ax.set_xlabel(RATE_LABEL)
    ax.set_title(f"Loaded-language cues per 1,000 words, by category and {by}\n"
                 f"{_selection_note(table, voice, categories)}", fontsize=10)
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


def plot_voice_rates(table: pd.DataFrame, documents: Iterable[str] | None = None,
                     categories: Iterable[str] | None = None) -> Figure:
    """Per document: the rate in the author's own words beside the rate in quoted words."""
    documents, categories = _as_ids(documents), _as_ids(categories)
    author = rates_table(table, "document", "author", documents, categories)
    quoted = rates_table(table, "document", "quoted", documents, categories).set_index(DOC)
    colours = PERSPECTIVE_COLOURS.mapping(table[PERSPECTIVE])
    fig, ax = _figure()
    x = np.arange(len(author))
    for offset, rows, hatch in ((-0.2, author, ""), (0.2, quoted.loc[author[DOC]], "//")):
        bars = ax.bar(x + offset, rows[RATE], width=0.38, hatch=hatch, edgecolor="white",
                      color=[colours[p] for p in author[PERSPECTIVE]])
        for bar, words in zip(bars, rows[WORDS], strict=True):
            label = f"{words:,} w" if words else "no words"
            height = bar.get_height() if words else 0.0
            ax.annotate(label, (bar.get_x() + bar.get_width() / 2, height),
                        xytext=(0, 2), textcoords="offset points", ha="center", fontsize=7)
    ax.set_xticks(x, author[DOC], rotation=20, ha="right", fontsize=8)
    ax.set_ylabel(RATE_LABEL)
    ax.set_title("Loaded-language cues per 1,000 words: the author's words vs quoted words\n"
                 "Above each bar: the words in that voice (w); a few words make a shaky rate",
                 fontsize=10)
    handles = [Patch(facecolor="#999999", label="author's own words"),
               Patch(facecolor="#999999", hatch="//", edgecolor="white", label="quoted words")]
    handles += [Patch(facecolor=c, label=p) for p, c in colours.items()]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False,
              fontsize=8)
    return fig


def plot_rate_uncertainty(table: pd.DataFrame, by: str = "document", voice: str = "all",
                          documents: Iterable[str] | None = None,
                          categories: Iterable[str] | None = None) -> Figure:
    """Each rate as a dot with its 95% interval, labelled with the words and cues behind it."""
    documents, categories = _as_ids(documents), _as_ids(categories)
    rows = rates_table(table, by, voice, documents, categories)
    key = DOC if by == "document" else PERSPECTIVE
    colours = PERSPECTIVE_COLOURS.mapping(table[PERSPECTIVE])
    fig, ax = _figure()
    y = np.arange(len(rows))
    for yi, row in zip(y, rows.itertuples(index=False), strict=True):
        colour = colours[row.perspective]
        ax.plot([row.rate_low, row.rate_high], [yi, yi], color=colour, linewidth=2)
        ax.plot([row.rate_per_1000], [yi], "o", color=colour, markersize=7)
        said = f"{row.count} cues in {row.words:,} words" if row.words else "no words: no rate"
        ax.annotate(said, (row.rate_high if row.words else 0.0, yi), xytext=(6, -3),
                    textcoords="offset points", fontsize=8)
    ax.set_yticks(y, rows[key], fontsize=8)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(left=0, right=max(1.0, float(rows["rate_high"].max())) * 1.45)
    ax.set_xlabel(RATE_LABEL + " (dot) with 95% interval (line)")
    ax.set_title(f"How sure can we be? Rates per 1,000 words by {by}, with 95% intervals\n"
                 f"{_selection_note(table, voice, categories)}", fontsize=10)
    ax.legend(handles=[Patch(facecolor=c, label=p) for p, c in colours.items()],
              loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8)
    return fig
