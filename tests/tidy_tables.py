"""The per-sentence and per-term columns of a hand-made table shaped like
``loaded_language_table``'s, for tests of rates and charts."""

from __future__ import annotations

SENTENCES = 20


def spread(total: int, parts: int) -> tuple[int, ...]:
    """``total`` shared out as evenly as it goes over ``parts`` (the first parts get more)."""
    base, extra = divmod(total, parts)
    return tuple(base + (i < extra) for i in range(parts))


def evidence(
    count: int, words: int, term: str, clustered: bool = False, sentences: int = SENTENCES
) -> dict:
    """terms, sentence_counts and sentence_words for one row: ``count`` uses of ``term``
    either one per sentence (spread) or all in the first sentence (clustered)."""
    cues = (count,) + (0,) * (sentences - 1) if clustered else spread(count, sentences)
    return {
        "terms": ((term, count),) if count else (),
        "sentence_counts": cues,
        "sentence_words": spread(words, sentences),
    }
