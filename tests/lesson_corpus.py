"""A tiny invented corpus built in memory, for the lesson helpers' tests."""

from __future__ import annotations

from pathlib import Path

from propaganda_kit.data.corpus import Corpus, Document, Segment
from propaganda_kit.text.words import word_count

METADATA = {
    "title": "untitled",
    "date_as_stated": "unknown",
    "date_iso": "unknown",
    "date_note": "No date.",
    "author": "unknown",
    "outlet": "unknown",
    "audience": "unknown",
    "self_description": "unknown",
    "origin_note": "No origin.",
}


def make_doc(
    doc_id: str, perspective: str, text: str, quoted: tuple[int, int] | None = None
) -> Document:
    """A document; ``quoted`` marks one (start, end) stretch as a quoted voice."""
    segments = [Segment(0, len(text), "author")]
    if quoted:
        a, b = quoted
        segments = [
            Segment(0, a, "author"),
            Segment(a, b, "quoted", "a speaker", "speech"),
            Segment(b, len(text), "author"),
        ]
    metadata = dict(METADATA, id=doc_id, perspective=perspective, word_count=str(word_count(text)))
    return Document(doc_id, metadata, text, (text,), tuple(segments))


def make_corpus(*docs: Document) -> Corpus:
    return Corpus(tuple(docs), Path("."))
