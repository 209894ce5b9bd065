"""Who speaks in each document: the author's own words and the voices the author quotes."""

from __future__ import annotations

import pandas as pd

from propaganda_kit.data.corpus import Corpus

EXCERPT_CHARS = 90


def voice_table(corpus: Corpus) -> pd.DataFrame:
    """Per document: words in the author's voice, words quoted, and the quoted share."""
    frame = corpus.frame[["perspective", "word_count", "author_words", "quoted_words"]].copy()
    frame["quoted_share_%"] = (100 * frame["quoted_words"] / frame["word_count"]).round(1)
    frame.columns = ["Perspective", "Words", "Author's words", "Quoted words", "Quoted share (%)"]
    frame.index.name = "Document"
    return frame


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """``text`` on one line, cut at ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def quotes_table(corpus: Corpus) -> pd.DataFrame:
    """One row per quoted passage: document, speaker as named, kind, and an excerpt.

    A quotation split around the author's [bracketed] insertions is shown once.
    """
    rows = []
    for doc in corpus:
        merged: list[list] = []  # [start, end, segment] per quotation
        for seg in doc.quotes:
            if merged and merged[-1][2].speaker == seg.speaker and seg.start - merged[-1][1] < 12:
                merged[-1][1] = seg.end
            else:
                merged.append([seg.start, seg.end, seg])
        rows += [
            {
                "Document": doc.id,
                "Speaker (as named)": seg.speaker,
                "Kind": seg.kind.replace("_", " "),
                "Excerpt": excerpt(doc.text[start:end]),
            }
            for start, end, seg in merged
        ]
    return pd.DataFrame(rows, columns=["Document", "Speaker (as named)", "Kind", "Excerpt"])
