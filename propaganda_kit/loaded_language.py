"""Finding loaded language: lexicon terms and scare quotes, as character spans."""

from __future__ import annotations

import re

from .lexicon import default_compiled_lexicon, normalise
from .spans import Span
from .text_input import require_text

TECHNIQUE = "loaded_language"
SCARE_QUOTES = "scare quotes"
SCARE_QUOTE_CATEGORY = "doubt_marker"
MAX_SCARE_WORDS = 3
MAX_SCARE_CHARS = 60
# A short stretch inside “ ” or " " with no line break and no space just inside either
# mark; a straight pair must also open after a non-word character and close before one.
# (Two patterns: each starts with a literal character, which the regex engine finds fast.)
QUOTED_RES = (
    re.compile(rf"“(?=\S)([^“”\n\r]{{1,{MAX_SCARE_CHARS}}}?)(?<=\S)”"),
    re.compile(rf"(?<![\w\"])\"(?=\S)([^\"\n\r]{{1,{MAX_SCARE_CHARS}}}?)(?<=\S)\"(?!\w)"),
)
# What just before a quotation marks it as speech, a slogan or a name, not scare quotes.
SPEECH_MARKS = (":", ",")
SPEECH_WORDS = frozenset({
    "said", "says", "say", "told", "asked", "replied", "answered", "wrote", "shouted", "added",
    "chant", "chants", "chanted", "chanting", "slogan", "slogans", "channel", "titled",
    "entitled", "named", "hashtag", "headlined"})
SENTENCE_END = (".", "!", "?", ",", ";", ":", "…")
LETTER_RE = re.compile(r"[^\W\d_]")


def _lexicon_candidates(text: str) -> list[tuple[int, int, str, str]]:
    """Every lexicon hit as (start, end, term, category); hits may overlap."""
    automaton = default_compiled_lexicon().automaton
    padded = f" {normalise(text)} "
    hits = []
    for last, (length, term, category) in automaton.iter(padded):
        start = last - length - 1  # ``last`` indexes the boundary after the form
        hits.append((start, start + length, term, category))
    return hits


def is_scare_quote(inner: str, before: str) -> bool:
    """True when quoted ``inner`` text reads as scare quotes rather than a quotation.

    Scare quotes hold one to three words, with at least one letter, that do not end a
    sentence, and are not introduced as speech, a slogan or a name (after ':' or ',' or
    words such as 'said', 'chanting', 'slogan', 'channel', 'titled').
    """
    if inner.endswith(SENTENCE_END) or len(inner.split()) > MAX_SCARE_WORDS:
        return False
    if LETTER_RE.search(inner) is None:
        return False
    before = before.rstrip()
    if before.endswith(SPEECH_MARKS):
        return False
    last_word = before.rsplit(None, 1)[-1].lower() if before else ""
    return last_word not in SPEECH_WORDS


def scare_quote_candidates(text: str) -> list[tuple[int, int, str, str]]:
    """Every scare-quoted stretch as (start, end, cue, category), quote marks included."""
    hits = []
    for pattern in QUOTED_RES:
        for match in pattern.finditer(text):
            start = match.start()
            if is_scare_quote(match.group(1), text[max(0, start - 20):start]):
                hits.append((start, match.end(), SCARE_QUOTES, SCARE_QUOTE_CATEGORY))
    return hits


def _longest_first(cluster: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Non-overlapping hits of one cluster: longest first, then earliest."""
    chosen: list[tuple[int, int, str, str]] = []
    for hit in sorted(cluster, key=lambda h: (h[0] - h[1], h[0], h[3], h[2])):
        if all(hit[1] <= c[0] or c[1] <= hit[0] for c in chosen):
            chosen.append(hit)
    return chosen


def resolve_overlaps(hits: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Keep non-overlapping hits, sorted by start: where hits overlap the longest wins."""
    kept: list[tuple[int, int, str, str]] = []
    cluster: list[tuple[int, int, str, str]] = []
    cluster_end = -1
    for hit in sorted(hits):
        if hit[0] >= cluster_end and cluster:
            kept += _longest_first(cluster) if len(cluster) > 1 else cluster
            cluster = []
        cluster.append(hit)
        cluster_end = max(cluster_end, hit[1])
    kept += _longest_first(cluster) if len(cluster) > 1 else cluster
    return sorted(kept)


def find_loaded_language(text: str) -> list[Span]:
    """Loaded-language spans in ``text``, sorted by start, never overlapping.

    A span is a lexicon term (any listed or regular inflection; case ignored; whole words
    only; a phrase wins over a word inside it) or one to three words in scare quotes.
    ``category`` is the lexicon category, ``cue`` the lexicon term (or "scare quotes"),
    and offsets index ``text`` as given. Empty or whitespace-only text gives [].
    Raises ValueError for text that is not usable (see ``require_text``).
    """
    text = require_text(text, "text")
    if not text.strip():
        return []
    hits = resolve_overlaps(_lexicon_candidates(text) + scare_quote_candidates(text))
    return [Span(start, end, text[start:end], category, TECHNIQUE, cue)
            for start, end, cue, category in hits]
