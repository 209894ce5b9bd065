"""Finding loaded language: lexicon terms and scare quotes, as character spans."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

import pandas as pd

from propaganda_kit.analysis.rates import poisson_interval
from propaganda_kit.data.corpus import Corpus, Document
from propaganda_kit.data.lexicon import LEXICON_CATEGORIES, default_compiled_lexicon, normalise
from propaganda_kit.text.input_checks import as_ids, require_choice, require_table, require_text
from propaganda_kit.text.spans import Span
from propaganda_kit.text.words import per_thousand_words

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
SPEECH_WORDS = frozenset(
    {
        "said",
        "says",
        "say",
        "told",
        "asked",
        "replied",
        "answered",
        "wrote",
        "shouted",
        "added",
        "chant",
        "chants",
        "chanted",
        "chanting",
        "slogan",
        "slogans",
        "channel",
        "titled",
        "entitled",
        "named",
        "hashtag",
        "headlined",
    }
)
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
            if is_scare_quote(match.group(1), text[max(0, start - 20) : start]):
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
    return [
        Span(start, end, text[start:end], category, TECHNIQUE, cue)
        for start, end, cue, category in hits
    ]


# Column names of the tables below.
DOC, TITLE, PERSPECTIVE, CATEGORY, VOICE = "document", "title", "perspective", "category", "voice"
COUNT, WORDS, RATE = "count", "words", "rate_per_1000"
SEGMENT_VOICES = ("author", "quoted")

RATE_COLUMNS = [
    "document",
    "title",
    "perspective",
    "category",
    "category_label",
    "voice",
    "count",
    "words",
    "rate_per_1000",
]

TERM_COLUMNS = ["document", "title", "perspective", "category", "term", "forms", "voice", "count"]


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
        words = {voice: doc.words_in_voice(voice) for voice in SEGMENT_VOICES}
        for category, info in LEXICON_CATEGORIES.items():
            for voice in SEGMENT_VOICES:
                count = counts[(category, voice)]
                rows.append(
                    {
                        "document": doc.id,
                        "title": doc.title,
                        "perspective": doc.perspective,
                        "category": category,
                        "category_label": info.label,
                        "voice": voice,
                        "count": count,
                        "words": words[voice],
                        "rate_per_1000": per_thousand_words(count, words[voice]),
                    }
                )
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
            rows.append(
                {
                    "document": doc.id,
                    "title": doc.title,
                    "perspective": doc.perspective,
                    "category": category,
                    "term": term,
                    "forms": " | ".join(sorted(set(texts))),
                    "voice": voice,
                    "count": len(texts),
                }
            )
    frame = pd.DataFrame(rows, columns=TERM_COLUMNS)
    return frame.sort_values(["document", "category", "term", "voice"], ignore_index=True)


REQUIRED_COLUMNS = (DOC, PERSPECTIVE, CATEGORY, VOICE, COUNT, WORDS)

VOICE_CHOICES = ("all", "author", "quoted")

GROUPINGS = ("document", "perspective")


def check_loaded_table(table: object) -> pd.DataFrame:
    """``table`` if it is a non-empty table from ``loaded_language_table``; else ValueError."""
    return require_table(table, REQUIRED_COLUMNS, "loaded_language_table(corpus)", False)


def select_rows(
    table: pd.DataFrame, documents: Iterable[str] | None, categories: Iterable[str] | None
) -> pd.DataFrame:
    """Rows for the chosen documents and categories (None means all)."""
    rows = table
    for column, chosen in ((DOC, documents), (CATEGORY, categories)):
        if chosen is None:
            continue
        chosen = list(chosen)
        unknown = sorted(set(chosen) - set(table[column]))
        if unknown:
            raise ValueError(f"Unknown {column}(s): {', '.join(map(str, unknown))}.")
        rows = rows[rows[column].isin(chosen)]
    if rows.empty:
        raise ValueError("Nothing is selected: choose at least one document and one category.")
    return rows


def _per_document(
    table: pd.DataFrame, voice: str, categories: Iterable[str] | None
) -> pd.DataFrame:
    """Cues (in ``categories``) and words per document in one voice ('all' adds both voices).

    Words come from every category's rows, so choosing categories keeps them whole.
    """
    rows = table if voice == "all" else table[table[VOICE] == voice]
    keys = [DOC, PERSPECTIVE]
    # Each document and voice repeats its word count on every category's row: take it once.
    words = rows.drop_duplicates([DOC, VOICE]).groupby(keys, sort=True)[WORDS].sum()
    hits = rows if categories is None else rows[rows[CATEGORY].isin(list(categories))]
    counts = hits.groupby(keys, sort=True)[COUNT].sum().reindex(words.index, fill_value=0)
    return pd.DataFrame({COUNT: counts, WORDS: words}).reset_index()


def rates_table(
    table: pd.DataFrame,
    by: str = "document",
    voice: str = "all",
    documents: Iterable[str] | None = None,
    categories: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Cues, words, rate per 1,000 words and its 95% interval, per document or perspective.

    A row with no words (say, a document that quotes nobody, in quoted voice) has no
    rate: NaN, never a misleading 0. Every perspective in ``table`` gets a row when
    ``by="perspective"``, even one with no selected documents, so both sides are on show.
    """
    documents, categories = as_ids(documents), as_ids(categories)
    check_loaded_table(table)
    require_choice(by, GROUPINGS, "by")
    require_choice(voice, VOICE_CHOICES, "voice")
    select_rows(table, documents, categories)
    scope = table if documents is None else table[table[DOC].isin(list(documents))]
    rows = _per_document(scope, voice, categories)
    if by == "perspective":
        rows = rows.groupby(PERSPECTIVE, sort=True).agg(
            documents=(DOC, "count"), count=(COUNT, "sum"), words=(WORDS, "sum")
        )
        everyone = sorted(table[PERSPECTIVE].unique())
        rows = rows.reindex(everyone, fill_value=0).reset_index()
    else:
        rows = rows.sort_values([PERSPECTIVE, DOC]).reset_index(drop=True)
    rows[COUNT] = rows[COUNT].astype(int)
    rows[WORDS] = rows[WORDS].astype(int)
    bounds = [poisson_interval(c) for c in rows[COUNT]]
    for column, counts in (
        (RATE, rows[COUNT]),
        ("rate_low", [lo for lo, _ in bounds]),
        ("rate_high", [hi for _, hi in bounds]),
    ):
        rows[column] = [
            round(per_thousand_words(c, w), 2) if w else math.nan
            for c, w in zip(counts, rows[WORDS], strict=True)
        ]
    return rows
