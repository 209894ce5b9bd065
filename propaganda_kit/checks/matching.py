"""Forgiving text matching for answers: case, punctuation, spacing and simple inflections."""

from __future__ import annotations

import re
import unicodedata

TOKEN_RE = re.compile(r"\w+(?:['’]\w+)*")  # hyphenated words split: tone-deaf = tone deaf
SUFFIXES = ("ies", "ied", "ing", "ed", "es", "s", "ly")
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def stem(word: str) -> str:
    """A crude stem so that 'fabricated', 'fabricates' and 'fabricate' compare equal."""
    word = unicodedata.normalize("NFKC", word).translate(APOSTROPHES).casefold()
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(stem, start, end) of every word in ``text``."""
    return [(stem(m.group()), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def normal_phrase(text: str) -> str:
    """A phrase as its word stems joined by spaces (for comparing names and terms)."""
    return " ".join(s for s, _, _ in tokens(text))


def find_phrase(phrase: str, text: str) -> list[tuple[int, int]]:
    """Every (start, end) in ``text`` where ``phrase`` occurs, forgivingly.

    Tries the exact words first (ignoring case, whole words only); then word by word on
    stems, so spacing, punctuation around the words and simple inflections do not matter.
    """
    stripped = phrase.strip().strip("\"'“”‘’.,;:!?()[]")
    if not stripped:
        return []
    pattern = rf"(?<!\w){re.escape(stripped)}(?!\w)"
    exact = [(m.start(), m.end()) for m in re.finditer(pattern, text, flags=re.IGNORECASE)]
    if exact:
        return exact
    wanted = [s for s, _, _ in tokens(stripped)]
    if not wanted:
        return []
    words = tokens(text)
    hits = []
    for i in range(len(words) - len(wanted) + 1):
        if all(words[i + j][0] == wanted[j] for j in range(len(wanted))):
            hits.append((words[i][1], words[i + len(wanted) - 1][2]))
    return hits


def contains_phrase(text: str, phrase: str) -> bool:
    """True when ``phrase`` occurs in ``text`` as whole words (stems compared)."""
    return bool(find_phrase(phrase, text))


def short(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters, in quotes (for feedback)."""
    line = " ".join(text.split())
    return f"'{line if len(line) <= limit else line[: limit - 1] + '…'}'"
