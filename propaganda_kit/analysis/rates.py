"""Rates per 1,000 words, words behind each perspective, and intervals on rates (exact
Poisson and a bootstrap over sentences)."""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import pandas as pd

from propaganda_kit.data.corpus import Corpus
from propaganda_kit.text.words import per_thousand_words


def rates(counts: Iterable[int], words: Iterable[int]) -> list[float]:
    """``per_thousand_words`` for each pair of count and words."""
    return [per_thousand_words(c, w) for c, w in zip(counts, words, strict=True)]


def perspective_totals(documents: Iterable[tuple[str, int]]) -> tuple[dict[str, int], Counter]:
    """Words and documents per perspective, from one (perspective, words) pair per document.

    The one place the kit adds up how much text stands behind each side; perspectives sorted.
    """
    words: Counter = Counter()
    docs: Counter = Counter()
    for perspective, count in documents:
        words[perspective] += int(count)
        docs[perspective] += 1
    return {p: words[p] for p in sorted(words)}, docs


def words_by_perspective(corpus: Corpus) -> pd.DataFrame:
    """Documents and words per perspective: how much text stands behind each side."""
    words, docs = perspective_totals((d.perspective, d.word_count) for d in corpus)
    frame = pd.DataFrame(
        {"Documents": [docs[p] for p in words], "Words": list(words.values())},
        index=pd.Index(list(words), name="Perspective"),
    )
    return frame


def perspective_words(naming: pd.DataFrame) -> dict[str, int]:
    """Words per perspective in a naming map (each document counted once)."""
    return naming_totals(naming)[0]


def naming_totals(naming: pd.DataFrame) -> tuple[dict[str, int], Counter]:
    """Words and documents per perspective in a naming map (each document counted once)."""
    docs = naming.drop_duplicates("document")
    return perspective_totals(zip(docs["perspective"], docs["words"], strict=True))


CONFIDENCE = 0.95


def _poisson_cdf(k: int, lam: float) -> float:
    """P(X <= k) for X ~ Poisson(lam)."""
    if lam <= 0:
        return 1.0
    i = np.arange(k + 1)
    logs = i * math.log(lam) - lam - np.array([math.lgamma(j + 1) for j in i])
    return float(np.exp(logs).sum())


def _solve(target: float, k: int, low: float, high: float) -> float:
    """The lam in [low, high] where P(X <= k) equals ``target`` (it falls as lam grows)."""
    for _ in range(80):
        mid = (low + high) / 2
        if _poisson_cdf(k, mid) > target:
            low = mid
        else:
            high = mid
    return (low + high) / 2


@lru_cache(maxsize=4096)
def poisson_interval(count: int, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """Exact (Garwood) interval for the expected count behind an observed ``count``."""
    if count < 0:
        raise ValueError(f"A count cannot be negative (got {count}).")
    alpha = 1 - confidence
    upper_bound = count + 10 * math.sqrt(count + 1) + 10
    upper = _solve(alpha / 2, count, 0.0, upper_bound)
    lower = 0.0 if count == 0 else _solve(1 - alpha / 2, count - 1, 0.0, upper_bound)
    return lower, upper


RESAMPLES = 2000


def selection_seed(*parts: str) -> int:
    """A seed for the bootstrap drawn from what is measured (ids, voice, categories), not time."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def bootstrap_rate_interval(
    documents: Iterable[tuple[np.ndarray, np.ndarray]],
    seed: int,
    resamples: int = RESAMPLES,
    confidence: float = CONFIDENCE,
) -> tuple[float, float]:
    """Percentile interval on cues per 1,000 words, resampling each document's sentences.

    ``documents`` holds one (cues per sentence, words per sentence) pair per document. Each
    resample draws, within every document, as many sentences as it has, with replacement;
    its rate is the resample's cues per 1,000 of its words. A term repeated in many
    sentences moves the rate more than cues spread evenly, so the interval widens. NaN
    when there are no words.
    """
    rng = np.random.default_rng(seed)
    cues_total = np.zeros(resamples)
    words_total = np.zeros(resamples)
    for cues, words in documents:
        if len(words) == 0:
            continue
        picks = rng.integers(0, len(words), size=(resamples, len(words)))
        cues_total += np.asarray(cues)[picks].sum(axis=1)
        words_total += np.asarray(words)[picks].sum(axis=1)
    has_words = words_total > 0
    if not has_words.any():
        return math.nan, math.nan
    rates_drawn = 1000.0 * cues_total[has_words] / words_total[has_words]
    alpha = 1 - confidence
    low, high = np.quantile(rates_drawn, [alpha / 2, 1 - alpha / 2])
    return float(low), float(high)
