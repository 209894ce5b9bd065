"""Provenance as the texts state it: a readable table, and what is unknown about each document."""

from __future__ import annotations

import pandas as pd

from .corpus import UNKNOWN, Corpus, Document

PROVENANCE_FIELDS = {
    "title": "Title",
    "date_as_stated": "Date as stated",
    "date_iso": "Date (ISO)",
    "origin_as_stated": "Origin as stated",
    "perspective": "Perspective",
    "word_count": "Words",
}
QUESTIONS = {
    "title": "What is it called?",
    "date_as_stated": "When was it written?",
    "date_iso": "On exactly which day?",
    "origin_as_stated": "Who wrote or published it?",
}


def provenance_table(corpus: Corpus) -> pd.DataFrame:
    """One row per document with the provenance fields, under readable headings."""
    frame = corpus.frame[list(PROVENANCE_FIELDS)].rename(columns=PROVENANCE_FIELDS)
    frame.index.name = "Document"
    return frame


def unknowns(document: Document) -> list[str]:
    """The provenance questions this document leaves open, in plain words."""
    open_questions = []
    for field, question in QUESTIONS.items():
        value = document.metadata[field]
        if value in (UNKNOWN, "untitled"):
            open_questions.append(question)
    return open_questions


def unknowns_table(corpus: Corpus) -> pd.DataFrame:
    """One row per document: the open provenance questions and the notes the kit keeps."""
    rows = [
        {
            "Document": doc.id,
            "Unknown": "; ".join(unknowns(doc)) or "nothing in these fields",
            "Date note": doc.metadata["date_note"],
            "Origin note": doc.metadata["origin_note"],
        }
        for doc in corpus
    ]
    return pd.DataFrame(rows).set_index("Document")


def words_by_perspective(corpus: Corpus) -> pd.DataFrame:
    """Documents and words per perspective: how much text stands behind each side."""
    frame = corpus.frame.groupby("perspective", sort=True)["word_count"].agg(["count", "sum"])
    frame.columns = ["Documents", "Words"]
    frame.index.name = "Perspective"
    return frame
