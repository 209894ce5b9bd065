"""Provenance as the texts state it: a readable table, and what is unknown about each document."""

from __future__ import annotations

import pandas as pd

from propaganda_kit.data.corpus import UNKNOWN, Corpus, Document

PROVENANCE_FIELDS = {
    "title": "Title",
    "author": "Author",
    "outlet": "Outlet",
    "date_as_stated": "Date as stated",
    "date_iso": "Date (ISO)",
    "audience": "Audience",
    "self_description": "Calls itself",
    "perspective": "Perspective",
    "word_count": "Words",
}
QUESTIONS = {
    "title": "What is it called?",
    "author": "Who wrote it?",
    "outlet": "Where was it published?",
    "date_as_stated": "When was it written?",
    "date_iso": "On exactly which day?",
    "audience": "Who was it written for?",
    "self_description": "What kind of text does it say it is?",
}
NOT_STATED = (UNKNOWN, "untitled", "")


def provenance_table(corpus: Corpus) -> pd.DataFrame:
    """One row per document with the provenance fields, under readable headings."""
    frame = corpus.frame[list(PROVENANCE_FIELDS)].rename(columns=PROVENANCE_FIELDS)
    frame.index.name = "Document"
    return frame


def unknowns(document: Document) -> list[str]:
    """One plain question per provenance field the document leaves unknown, the same for all."""
    return [
        question
        for field, question in QUESTIONS.items()
        if document.metadata.get(field, UNKNOWN).strip() in NOT_STATED
    ]


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
    ("author", "Author"),
    ("outlet", "Outlet"),
    ("date_as_stated", "Date as stated"),
    ("date_iso", "Date (ISO)"),
    ("date_note", "Date note"),
    ("audience", "Audience"),
    ("self_description", "Calls itself"),
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
