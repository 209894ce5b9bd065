"""Card stacking: words and labels that one perspective uses and the others never do.

A word missing from one side of a small corpus is a question to ask ("does this side
leave that out?"), never an answer: the side may discuss it elsewhere, in other words,
or in texts that are not in the corpus.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from propaganda_kit.analysis.log_odds import word_counts
from propaganda_kit.analysis.rates import naming_totals, perspective_totals
from propaganda_kit.data.corpus import Corpus
from propaganda_kit.text.input_checks import require_table
from propaganda_kit.text.words import per_thousand_words

TERM_COLUMNS = [
    "Perspective",
    "Term",
    "Count",
    "Per 1,000 words",
    "Documents using it",
    "Words in this perspective",
]
LABEL_COLUMNS = [
    "Perspective",
    "Actor",
    "Label",
    "Count",
    "Per 1,000 words",
    "Documents using it",
    "Words in this perspective",
    "Of which in quotations",
]
NAMING_NEEDS = ("document", "perspective", "actor", "alias", "count", "quoted_count", "words")


def _check(min_count: int, top: int | None) -> None:
    if not isinstance(min_count, int) or min_count < 1:
        raise ValueError(f"min_count should be a whole number of 1 or more (got {min_count!r}).")
    if top is not None and (not isinstance(top, int) or top < 1):
        raise ValueError(
            f"top should be a whole number of 1 or more, or None for all (got {top!r})."
        )


def term_counts(corpus: Corpus) -> pd.DataFrame:
    """One row per perspective and term (words as ``log_odds.word_counts`` counts them):
    its count and how many of that perspective's documents use it."""
    counts: Counter[tuple[str, str]] = Counter()
    documents: Counter[tuple[str, str]] = Counter()
    for doc in corpus:
        for term, n in word_counts(doc.text).items():
            counts[doc.perspective, term] += n
            documents[doc.perspective, term] += 1
    rows = [(p, t, n, documents[p, t]) for (p, t), n in sorted(counts.items())]
    return pd.DataFrame(rows, columns=["perspective", "term", "count", "documents"])


def _one_sided(
    counts: pd.DataFrame,
    key: list[str],
    min_count: int,
    top: int | None,
    words: dict[str, int],
    docs: Counter,
) -> list[list]:
    """Rows of ``counts`` (perspective, *key, count, documents) used by one perspective only."""
    keys = pd.Series(list(counts[key].itertuples(index=False, name=None)), index=counts.index)
    sides = counts["perspective"].where(counts["count"] > 0).groupby(keys).nunique()
    one_sided = keys.map(sides).eq(1)
    rows = []
    for perspective in sorted(words):
        mine = counts[
            one_sided & (counts["perspective"] == perspective) & (counts["count"] >= min_count)
        ]
        mine = mine.sort_values(["count", *key], ascending=[False] + [True] * len(key))
        if top is not None:
            mine = mine.head(top)
        rows += [
            [
                perspective,
                *(getattr(r, k) for k in key),
                int(r.count),
                round(per_thousand_words(r.count, words[perspective]), 1),
                f"{r.documents} of {docs[perspective]}",
                words[perspective],
            ]
            for r in mine.itertuples(index=False)
        ]
    return rows


def one_sided_terms(corpus: Corpus, min_count: int = 2, top: int | None = 15) -> pd.DataFrame:
    """Terms used at least ``min_count`` times by one perspective and never by any other.

    Per perspective, the ``top`` most frequent (ties alphabetical), with the rate per
    1,000 of that perspective's words, its documents using the term, and its words.
    """
    _check(min_count, top)
    words, docs = perspective_totals((d.perspective, d.word_count) for d in corpus)
    rows = _one_sided(term_counts(corpus), ["term"], min_count, top, words, docs)
    return pd.DataFrame(rows, columns=TERM_COLUMNS)


def one_sided_labels(
    naming: pd.DataFrame, min_count: int = 1, top: int | None = None
) -> pd.DataFrame:
    """Labels from the naming map (``naming_map(corpus)``) that only one perspective uses."""
    _check(min_count, top)
    require_table(naming, NAMING_NEEDS, "naming_map(corpus)")
    used = naming[naming["count"] > 0]
    counts = (
        used.groupby(["perspective", "actor", "alias"], sort=True)
        .agg(
            count=("count", "sum"),
            documents=("document", "nunique"),
            quoted=("quoted_count", "sum"),
        )
        .reset_index()
    )
    words, docs = naming_totals(naming)
    rows = _one_sided(counts, ["actor", "alias"], min_count, top, words, docs)
    quoted = counts.set_index(["perspective", "actor", "alias"])["quoted"]
    for row in rows:
        row.append(int(quoted[row[0], row[1], row[2]]))
    return pd.DataFrame(rows, columns=LABEL_COLUMNS)


def actor_mentions(naming: pd.DataFrame) -> pd.DataFrame:
    """One row per actor: uses of any of its labels per perspective, raw and per 1,000
    words (column headings give the words behind each perspective)."""
    require_table(naming, NAMING_NEEDS, "naming_map(corpus)")
    words, _ = naming_totals(naming)
    counts = naming.pivot_table(
        index="actor", columns="perspective", values="count", aggfunc="sum", sort=False
    ).reindex(columns=sorted(words))
    table = pd.DataFrame(index=counts.index)
    for perspective in sorted(words):
        head = f"{perspective} ({words[perspective]:,} words)"
        table[f"{head}: uses"] = counts[perspective].astype(int)
        table[f"{head}: per 1,000 words"] = [
            round(per_thousand_words(c, words[perspective]), 1) for c in counts[perspective]
        ]
    table.index.name = "Actor"
    return table
