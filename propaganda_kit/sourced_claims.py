"""Which claims name a source: counts and rates per 1,000 words, per document or perspective.

Built on the claims ledger (``claims_ledger``). A named source makes a claim checkable,
not true; an unnamed one does not make it false.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from .charts import PERSPECTIVE_COLOURS
from .corpus import Corpus
from .words import per_thousand_words

GROUPINGS = ("document", "perspective")
LEDGER_NEEDS = ("document", "named")
TABLE_COLUMNS = ["Documents", "Words", "Claims", "Source named", "No source named",
                 "Claims per 1,000 words", "Source named per 1,000 words", "Source named (%)"]
RATE_LABEL = "Claims per 1,000 words"


def rates(counts: pd.Series, words: pd.Series) -> list[float]:
    """``per_thousand_words`` for each pair of count and words."""
    return [per_thousand_words(c, w) for c, w in zip(counts, words, strict=True)]


def sourced_claims_table(ledger: pd.DataFrame, corpus: Corpus,
                         by: str = "document") -> pd.DataFrame:
    """Per document (or perspective): claims, how many name a source, and rates per 1,000 words.

    By document, the first column is the document's perspective; by perspective, the
    perspective is the index.

    Every document of ``corpus`` gets a row, including one with no claims at all.
    """
    if by not in GROUPINGS:
        raise ValueError(f"by should be one of {', '.join(GROUPINGS)} (got {by!r}).")
    if not isinstance(ledger, pd.DataFrame) or any(c not in ledger for c in LEDGER_NEEDS):
        raise ValueError("This needs the table from claims_ledger(corpus).")
    named = ledger.groupby("document")["named"].sum()
    total = ledger.groupby("document").size()
    rows = pd.DataFrame({
        "Perspective": [d.perspective for d in corpus],
        "Documents": 1,
        "Words": [d.word_count for d in corpus],
        "Claims": [int(total.get(d.id, 0)) for d in corpus],
        "Source named": [int(named.get(d.id, 0)) for d in corpus],
    }, index=pd.Index(corpus.ids, name="Document"))
    if by == "perspective":
        rows = rows.groupby("Perspective", sort=True).sum()
    rows["No source named"] = rows["Claims"] - rows["Source named"]
    rows["Claims per 1,000 words"] = [round(r, 1) for r in rates(rows["Claims"], rows["Words"])]
    rows["Source named per 1,000 words"] = [round(r, 1) for r in
                                            rates(rows["Source named"], rows["Words"])]
    shares = zip(rows["Source named"], rows["Claims"], strict=True)
    rows["Source named (%)"] = [round(100 * n / c) if c else 0 for n, c in shares]
    return rows[(["Perspective"] if by == "document" else []) + TABLE_COLUMNS]


def plot_sourced_claims(table: pd.DataFrame) -> Figure:
    """Stacked bars per row of ``sourced_claims_table``: claims per 1,000 words with a named
    source (solid) and without (hatched), coloured by perspective, words under each bar."""
    if not isinstance(table, pd.DataFrame) or table.empty or "Words" not in table:
        raise ValueError("This needs a non-empty table from sourced_claims_table(...).")
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
    ax.bar(x, unnamed, width=0.6, bottom=named, color=bar_colours, alpha=0.45, hatch="//",
           edgecolor="white")
    for xi, top, n, c in zip(x, tops, rows["Source named"], rows["Claims"], strict=True):
        ax.annotate(f"{n} of {c} named", (xi, top), xytext=(0, 2), textcoords="offset points",
                    ha="center", fontsize=8)
    ticks = [f"{name}\n({w:,} words)" for name, w in zip(rows.index, rows["Words"], strict=True)]
    ax.set_xticks(x, ticks, rotation=20, ha="right", fontsize=8)
    ax.set_ylabel(RATE_LABEL)
    ax.set_ylim(0, max(1.0, float(tops.max())) * 1.15)
    ax.set_title("Claims per 1,000 words: with a named source (solid) and without (hatched)",
                 fontsize=10)
    words = rows.groupby("Perspective")["Words"].sum()
    handles = [Patch(facecolor=c, label=f"{p} ({int(words[p]):,} words)")
               for p, c in colours.items()]
    handles += [Patch(facecolor="#999999", label="source named"),
                Patch(facecolor="#cccccc", hatch="//", edgecolor="#666666",
                      label="no source named")]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False,
              fontsize=8)
    return fig
