"""Technique cues counted per document, per 1,000 words, with the same finder for every text."""

from __future__ import annotations

import pandas as pd

from .corpus import Corpus
from .techniques import find_techniques
from .words import per_thousand_words


def technique_counts(corpus: Corpus) -> pd.DataFrame:
    """Tidy table: one row per document × technique with the cue count and rate per 1,000 words.

    Every technique that fires anywhere in the corpus appears for every document (zeros kept).
    """
    found = {doc.id: [s.technique for s in find_techniques(doc.text)] for doc in corpus}
    techniques = sorted({t for cues in found.values() for t in cues})
    rows = [
        {"document": doc.id, "perspective": doc.perspective, "technique": technique,
         "count": found[doc.id].count(technique), "words": doc.word_count,
         "rate_per_1000": round(per_thousand_words(found[doc.id].count(technique),
                                                   doc.word_count), 1)}
        for doc in corpus for technique in techniques
    ]
    return pd.DataFrame(rows, columns=["document", "perspective", "technique", "count", "words",
                                       "rate_per_1000"])


def technique_rates(corpus: Corpus) -> pd.DataFrame:
    """Wide view: a row per document, a column per technique (cues per 1,000 words), then words."""
    counts = technique_counts(corpus)
    wide = counts.pivot(index="document", columns="technique", values="rate_per_1000")
    wide = wide.reindex(corpus.ids)
    wide.columns = [c.replace("_", " ") for c in wide.columns]
    wide.insert(0, "perspective", [corpus[i].perspective for i in wide.index])
    wide["words"] = [corpus[i].word_count for i in wide.index]
    wide.columns.name = "cues per 1,000 words"
    return wide
