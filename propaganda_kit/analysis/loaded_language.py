"""Loaded language: finding it (lexicon terms and scare quotes, as character spans) and
counting it per document, category and voice, with rates per 1,000 words."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from propaganda_kit.analysis.claims import split_sentences
from propaganda_kit.analysis.rates import (
    bootstrap_rate_interval,
    poisson_interval,
    selection_seed,
)
from propaganda_kit.data.corpus import Corpus, Document
from propaganda_kit.data.lexicon import (
    CHARGED_TOPIC,
    LEXICON_CATEGORIES,
    default_compiled_lexicon,
    normalise,
)
from propaganda_kit.text.input_checks import as_ids, require_choice, require_table, require_text
from propaganda_kit.text.spans import Span
from propaganda_kit.text.words import WORD_RE, per_thousand_words

TECHNIQUE = "loaded_language"
SCARE_QUOTES = "scare quotes"
SCARE_QUOTE_CATEGORY = "scare quotes"
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


def is_quoted_name(inner: str) -> bool:
    """True when every word of ``inner`` starts with a capital: a name, not doubt."""
    words = [w for w in re.split(r"[\s-]+", inner) if LETTER_RE.search(w)]
    return bool(words) and all(w.lstrip("\"'“‘(")[:1].isupper() for w in words)


def is_scare_quote(inner: str, before: str) -> bool:
    """True when quoted ``inner`` text reads as scare quotes rather than a quotation.

    Scare quotes hold one to three words, with at least one letter, that do not end a
    sentence, are not a name (every word capitalised, such as a group's own name), and are
    not introduced as speech, a slogan or a name (after ':' or ',' or words such as
    'said', 'chanting', 'slogan', 'channel', 'titled').
    """
    if inner.endswith(SENTENCE_END) or len(inner.split()) > MAX_SCARE_WORDS:
        return False
    if LETTER_RE.search(inner) is None or is_quoted_name(inner):
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


def _lexicon_spans(text: str, wanted: frozenset[str]) -> list[Span]:
    """Lexicon spans of ``text`` whose category is in ``wanted``; overlaps are settled
    over all categories first, so a loaded phrase hides a topic word inside it."""
    text = require_text(text, "text")
    if not text.strip():
        return []
    hits = [h for h in resolve_overlaps(_lexicon_candidates(text)) if h[3] in wanted]
    return [
        Span(start, end, text[start:end], category, TECHNIQUE, cue)
        for start, end, cue, category in hits
    ]


def find_loaded_language(text: str) -> list[Span]:
    """Loaded-language spans in ``text``, sorted by start, never overlapping.

    A span is a lexicon term of a loaded-language category (``LEXICON_CATEGORIES``; any
    listed or regular inflection; case ignored; whole words only; a phrase wins over a word
    inside it). Charged topic words and scare quotes are not loaded language: see
    ``find_charged_topic_words`` and the doubt technique of ``find_techniques``.
    ``category`` is the lexicon category, ``cue`` the lexicon term, and offsets index
    ``text`` as given. Empty or whitespace-only text gives [].
    Raises ValueError for text that is not usable (see ``require_text``).
    """
    return _lexicon_spans(text, frozenset(LEXICON_CATEGORIES))


def find_charged_topic_words(text: str) -> list[Span]:
    """Words naming violent or grave facts (``charged_topic``), shown on request only."""
    return _lexicon_spans(text, frozenset({CHARGED_TOPIC}))


# Column names of the tables below.
DOC, TITLE, PERSPECTIVE, CATEGORY, VOICE = "document", "title", "perspective", "category", "voice"
COUNT, WORDS, RATE = "count", "words", "rate_per_1000"
TERMS, SENTENCE_COUNTS, SENTENCE_WORDS = "terms", "sentence_counts", "sentence_words"
TOP_TERM, TOP_COUNT, RATE_WITHOUT_TOP = "top_term", "top_term_count", "rate_without_top_term"
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
    "terms",
    "sentence_counts",
    "sentence_words",
]

TERM_COLUMNS = ["document", "title", "perspective", "category", "term", "forms", "voice", "count"]


def _spans_by_voice(doc: Document) -> list[tuple[Span, str]]:
    """Each loaded-language span of ``doc`` with the voice it starts in."""
    return [(span, doc.voice_at(span.start)) for span in find_loaded_language(doc.text)]


def _sentence_starts(doc: Document) -> list[int]:
    """Where each sentence of ``doc`` starts (the kit's one sentence rule, ``split_sentences``)."""
    return [start for start, _ in split_sentences(doc.text)] or [0]


def _sentence_index(starts: list[int], offset: int) -> int:
    """The sentence an offset falls in (text before the first sentence joins the first)."""
    return max(0, bisect_right(starts, offset) - 1)


def _sentence_words(doc: Document, starts: list[int]) -> dict[str, tuple[int, ...]]:
    """Per voice, the words of that voice in each sentence (they add up to ``words_in_voice``)."""
    per_voice = {voice: [0] * len(starts) for voice in SEGMENT_VOICES}
    for seg in doc.segments:
        for match in WORD_RE.finditer(doc.text, seg.start, seg.end):
            per_voice[seg.voice][_sentence_index(starts, match.start())] += 1
    return {voice: tuple(words) for voice, words in per_voice.items()}


def loaded_language_table(corpus: Corpus) -> pd.DataFrame:
    """One row per document × category × voice, zero counts included.

    Columns: document, title, perspective, category, category_label, voice, count,
    words (the words of that document in that voice), rate_per_1000 (count per 1,000 of
    those words), and what ``rates_table`` needs for its one-word check and its interval:
    terms (a tuple of (lexicon term, count) pairs, sorted by term), sentence_counts (the
    row's cues in each sentence of the document) and sentence_words (the words of that
    voice in each sentence; the same on every category's row). Sentences are those of
    ``split_sentences``. Sorted by document id, category id and voice.
    """
    rows = []
    for doc in corpus:
        starts = _sentence_starts(doc)
        words = _sentence_words(doc, starts)
        terms: dict[tuple[str, str], Counter] = {}
        per_sentence: dict[tuple[str, str], list[int]] = {}
        for span, voice in _spans_by_voice(doc):
            terms.setdefault((span.category, voice), Counter())[span.cue] += 1
            counts = per_sentence.setdefault((span.category, voice), [0] * len(starts))
            counts[_sentence_index(starts, span.start)] += 1
        for category, info in LEXICON_CATEGORIES.items():
            for voice in SEGMENT_VOICES:
                row_terms = terms.get((category, voice), Counter())
                count, total = sum(row_terms.values()), sum(words[voice])
                rows.append(
                    {
                        "document": doc.id,
                        "title": doc.title,
                        "perspective": doc.perspective,
                        "category": category,
                        "category_label": info.label,
                        "voice": voice,
                        "count": count,
                        "words": total,
                        "rate_per_1000": per_thousand_words(count, total),
                        "terms": tuple(sorted(row_terms.items())),
                        "sentence_counts": tuple(
                            per_sentence.get((category, voice), [0] * len(starts))
                        ),
                        "sentence_words": words[voice],
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


REQUIRED_COLUMNS = (
    DOC,
    PERSPECTIVE,
    CATEGORY,
    VOICE,
    COUNT,
    WORDS,
    TERMS,
    SENTENCE_COUNTS,
    SENTENCE_WORDS,
)

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


@dataclass
class DocumentEvidence:
    """What one document contributes to a rate: cues, words, terms, and both per sentence."""

    document: str
    perspective: str
    count: int = 0
    words: int = 0
    terms: Counter = field(default_factory=Counter)
    sentence_counts: np.ndarray | None = None
    sentence_words: np.ndarray | None = None


def _add(total: np.ndarray | None, more: Iterable[int]) -> np.ndarray:
    """``total`` plus ``more``, element by element (``None`` counts as zeros)."""
    more = np.asarray(more, dtype=int)
    return more if total is None else total + more


def document_evidence(
    table: pd.DataFrame, voice: str, categories: Iterable[str] | None
) -> list[DocumentEvidence]:
    """Per document, sorted by id (one voice, or 'all' for both): cues in ``categories``,
    words, term counts, cues per sentence and words per sentence.

    Words come from every category's rows, so choosing categories keeps them whole.
    """
    rows = table if voice == "all" else table[table[VOICE] == voice]
    chosen = None if categories is None else set(categories)
    found: dict[str, DocumentEvidence] = {}
    voices_seen: set[tuple[str, str]] = set()
    columns = (DOC, PERSPECTIVE, CATEGORY, VOICE, COUNT, WORDS, *EVIDENCE)
    for doc, perspective, category, row_voice, count, words, terms, cues, per_sentence in zip(
        *(rows[c] for c in columns), strict=True
    ):
        entry = found.setdefault(doc, DocumentEvidence(doc, perspective))
        # Each document and voice repeats its words on every category's row: take them once.
        if (doc, row_voice) not in voices_seen:
            voices_seen.add((doc, row_voice))
            entry.words += int(words)
            entry.sentence_words = _add(entry.sentence_words, per_sentence)
        if chosen is None or category in chosen:
            entry.count += int(count)
            entry.terms.update(dict(terms))
            entry.sentence_counts = _add(entry.sentence_counts, cues)
    for entry in found.values():
        if entry.sentence_counts is None:
            entry.sentence_counts = np.zeros_like(entry.sentence_words)
    return [found[doc] for doc in sorted(found)]


EVIDENCE = (TERMS, SENTENCE_COUNTS, SENTENCE_WORDS)


def top_term(terms: Counter) -> tuple[str, int]:
    """The most frequent term and its count (ties: alphabetical first); ("", 0) if none."""
    if not terms:
        return "", 0
    term, count = min(terms.items(), key=lambda item: (-item[1], item[0]))
    return term, int(count)


def rate_interval(evidence: list[DocumentEvidence], seed: int) -> tuple[float, float]:
    """95% interval on the pooled rate per 1,000 words of ``evidence``: the bootstrap over
    sentences, never narrower than the exact Poisson interval (which alone would assume
    words occur independently). NaN when there are no words.
    """
    count, words = sum(e.count for e in evidence), sum(e.words for e in evidence)
    if not words:
        return math.nan, math.nan
    pairs = ((e.sentence_counts, e.sentence_words) for e in evidence)
    low, high = bootstrap_rate_interval(pairs, seed)
    chance_low, chance_high = poisson_interval(count)
    return (
        min(low, per_thousand_words(chance_low, words)),
        max(high, per_thousand_words(chance_high, words)),
    )


def _rate_row(
    evidence: list[DocumentEvidence], voice: str, categories: Iterable[str] | None
) -> dict:
    """Cues, words, rate, interval and one-word check of a group of documents, rounded."""
    count, words = sum(e.count for e in evidence), sum(e.words for e in evidence)
    chosen = "all" if categories is None else ",".join(sorted(categories))
    seed = selection_seed(voice, chosen, *(e.document for e in evidence))
    low, high = rate_interval(evidence, seed)
    term, uses = top_term(sum((e.terms for e in evidence), Counter()))
    rate, without = (
        (per_thousand_words(count, words), per_thousand_words(count - uses, words))
        if words
        else (math.nan, math.nan)
    )
    return {
        COUNT: count,
        WORDS: words,
        RATE: round(rate, 2),
        "rate_low": round(low, 2),
        "rate_high": round(high, 2),
        TOP_TERM: term,
        TOP_COUNT: uses,
        RATE_WITHOUT_TOP: round(without, 2),
    }


def rates_table(
    table: pd.DataFrame,
    by: str = "document",
    voice: str = "all",
    documents: Iterable[str] | None = None,
    categories: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Cues, words, rate per 1,000 words, its 95% interval and the one-word check, per
    document or perspective.

    rate_low and rate_high: a bootstrap over sentences (see ``rate_interval``), seeded from
    the documents and the selection, so the same choice always gives the same interval.
    top_term, top_term_count and rate_without_top_term: the row's most frequent lexicon
    term, its uses, and the rate if it were left out (so one can see when one word carries
    a bar; "" and 0 when there are no cues). A row with no words (say, a document that
    quotes nobody, in quoted voice) has no rate: NaN, never a misleading 0. Every
    perspective in ``table`` gets a row when ``by="perspective"``, even one with no
    selected documents, so both sides are on show.
    """
    documents, categories = as_ids(documents), as_ids(categories)
    check_loaded_table(table)
    require_choice(by, GROUPINGS, "by")
    require_choice(voice, VOICE_CHOICES, "voice")
    select_rows(table, documents, categories)
    if categories is not None and set(categories) >= set(table[CATEGORY]):
        categories = None  # every category chosen is the same selection as none: same interval
    scope = table if documents is None else table[table[DOC].isin(list(documents))]
    per_doc = document_evidence(scope, voice, categories)
    if by == "perspective":
        rows = []
        for perspective in sorted(table[PERSPECTIVE].unique()):
            group = [e for e in per_doc if e.perspective == perspective]
            head = {PERSPECTIVE: perspective, "documents": len(group)}
            rows.append(head | _rate_row(group, voice, categories))
    else:
        per_doc.sort(key=lambda e: (e.perspective, e.document))
        rows = [
            {DOC: e.document, PERSPECTIVE: e.perspective} | _rate_row([e], voice, categories)
            for e in per_doc
        ]
    return pd.DataFrame(rows)
