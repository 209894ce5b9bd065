"""Tidy tables of loaded language per document, category and voice (author / quoted)."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from .corpus import Corpus, Document
from .lexicon import LEXICON_CATEGORIES
from .loaded_language import find_loaded_language
from .spans import Span
from .words import per_thousand_words

VOICES = ("author", "quoted")
RATE_COLUMNS = ["document", "title", "perspective", "category", "category_label", "voice",
                "count", "words", "rate_per_1000"]
TERM_COLUMNS = ["document", "title", "perspective", "category", "term", "forms", "voice",
                "count"]


def _spans_by_voice(doc: Document) -> list[tuple[Span, str]]:
    """Each loaded-language span of ``doc`` with the voice it starts in."""
    return [(span, doc.voice_at(span.start)) for span in find_loaded_language(doc.text)]


def loaded_language_table(corpus: Corpus) -> pd.DataFrame:
    """One row per document × category × voice, zero counts included.

    Columns: document, title, perspective, category, category_label, voice, count,
    words (the words of that document in that voice) and rate_per_1000 (count per
    1,000 of those words). Sorted by document id, category id and voice.
    """
    rows = []
    for doc in corpus:
        counts = Counter((span.category, voice) for span, voice in _spans_by_voice(doc))
        words = {voice: doc.words_in_voice(voice) for voice in VOICES}
        for category, info in LEXICON_CATEGORIES.items():
            for voice in VOICES:
                count = counts[(category, voice)]
                rows.append({"document": doc.id, "title": doc.title,
                             "perspective": doc.perspective, "category": category,
                             "category_label": info.label, "voice": voice, "count": count,
                             "words": words[voice],
                             "rate_per_1000": per_thousand_words(count, words[voice])})
    frame = pd.DataFrame(rows, columns=RATE_COLUMNS)
    return frame.sort_values(["document", "category", "voice"], ignore_index=True)


def loaded_terms_table(corpus: Corpus) -> pd.DataFrame:
    """One row per document × lexicon term × category × voice that occurs, with its count.

    ``term`` is the lexicon term (or "scare quotes"); ``forms`` lists the matched texts,
    lower-cased, joined by " | ". Sorted by document, category, term and voice.
    """
    rows = []
    for doc in corpus:
        groups: dict[tuple[str, str, str], list[str]] = {}
        for span, voice in _spans_by_voice(doc):
            groups.setdefault((span.category, span.cue, voice), []).append(span.text.lower())
        for (category, term, voice), texts in groups.items():
            rows.append({"document": doc.id, "title": doc.title,
                         "perspective": doc.perspective, "category": category, "term": term,
                         "forms": " | ".join(sorted(set(texts))), "voice": voice,
                         "count": len(texts)})
    frame = pd.DataFrame(rows, columns=TERM_COLUMNS)
    return frame.sort_values(["document", "category", "term", "voice"], ignore_index=True)
