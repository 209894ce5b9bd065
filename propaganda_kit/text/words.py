"""Word counting: the one definition of a word that every rate in the kit uses."""

from __future__ import annotations

import re

WORD_RE = re.compile(r"\w+(?:['’\-]\w+)*")


def word_count(text: str) -> int:
    """Number of words in ``text`` (letters/digits joined by apostrophes or hyphens)."""
    return sum(1 for _ in WORD_RE.finditer(text))


def per_thousand_words(count: int, words: int) -> float:
    """``count`` per 1,000 words; 0.0 when there are no words."""
    return 1000.0 * count / words if words else 0.0


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of each word in ``text``, in order (the words counted)."""
    return [match.span() for match in WORD_RE.finditer(text)]
