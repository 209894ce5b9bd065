"""Provenance as the texts state it: a readable table, and what is unknown about each document."""

from __future__ import annotations

import pandas as pd

from propaganda_kit.data.corpus import UNKNOWN, Corpus, Document

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


PROVENANCE_LABELS = (
    ("title", "Title"),
    ("date_as_stated", "Date as stated"),
    ("date_iso", "Date (ISO)"),
    ("date_note", "Date note"),
    ("origin_as_stated", "Origin as stated"),
    ("origin_note", "Origin note"),
    ("perspective", "Perspective"),
    ("word_count", "Words"),
    ("raw_file", "Raw file"),
)


def provenance_rows(document: Document) -> list[tuple[str, str]]:
    """(label, value) pairs of a document's provenance, as its metadata states them."""
    return [
        (label, document.metadata.get(field, UNKNOWN) or UNKNOWN)
        for field, label in PROVENANCE_LABELS
    ]
