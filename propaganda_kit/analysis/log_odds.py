"""Distinctive words per group: weighted log-odds with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words", section 3.5.1. For word w with counts
y_a, y_b in groups of n_a, n_b tokens and prior alpha_w (alpha_0 = sum of alpha over the
vocabulary compared):

    delta_w = log((y_a + alpha_w) / (n_a + alpha_0 - y_a - alpha_w))
            - log((y_b + alpha_w) / (n_b + alpha_0 - y_b - alpha_w))
    variance_w ~ 1 / (y_a + alpha_w) + 1 / (y_b + alpha_w)
    z_w = delta_w / sqrt(variance_w)

A positive z means the word is more typical of group a; a word's z says how distinctive
the word is in these texts, not whether what the texts say is true.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping

import pandas as pd

from propaganda_kit.data.corpus import Corpus
from propaganda_kit.text.words import WORD_RE, per_thousand_words

LOG_ODDS_COLUMNS = ["word", "count_a", "count_b", "delta", "variance", "z"]
DISTINCTIVE_COLUMNS = [
    "group",
    "rank",
    "word",
    "count_group",
    "count_rest",
    "words_group",
    "words_rest",
    "per_1000_group",
    "per_1000_rest",
    "z",
]
POSSESSIVE_RE = re.compile(r"['’]s\Z")
_STOP_WORDS_TEXT = """
a about after again against all also am an and any are as at be because been before being
between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me
more most my myself no nor not now of off on once only or other our ours ourselves out over own
same she should so some such than that the their theirs them themselves then there these they
this those through to too under until up very was we were what when where which while who whom
why will with would you your yours yourself s t
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())


def _check_counts(counts: Mapping[str, int], name: str) -> None:
    if not isinstance(counts, Mapping):
        raise ValueError(
            f"{name} should map each word to its count (a dict or a Counter, "
            f"e.g. from word_counts(text)), not {type(counts).__name__}."
        )
    for word, count in counts.items():
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise ValueError(
                f"{name}['{word}'] should be a whole number of 0 or more, not {count!r}."
            )
    if sum(counts.values()) == 0:
        raise ValueError(f"{name} has no words to compare.")


def log_odds(
    counts_a: Mapping[str, int],
    counts_b: Mapping[str, int],
    prior: Mapping[str, float] | float | None = None,
) -> pd.DataFrame:
    """Weighted log-odds of each word in group a against group b, sorted by z (highest first).

    ``prior``: None uses the pooled counts of both groups (alpha_w = y_a + y_b); a number
    gives every word that pseudo-count; a mapping gives each word its own (every word of
    either group must have a positive value). alpha_0 sums the prior over the words of
    the two groups.
    """
    _check_counts(counts_a, "counts_a")
    _check_counts(counts_b, "counts_b")
    vocabulary = sorted(set(counts_a) | set(counts_b))
    if prior is None:
        alpha = {w: counts_a.get(w, 0) + counts_b.get(w, 0) for w in vocabulary}
    elif isinstance(prior, Mapping):
        alpha = {w: prior.get(w, 0) for w in vocabulary}
    else:
        alpha = dict.fromkeys(vocabulary, prior)
    bad = [w for w in vocabulary if not isinstance(alpha[w], (int, float)) or alpha[w] <= 0]
    if bad:
        raise ValueError(
            f"The prior needs a positive value for every word; missing or not "
            f"positive for: {', '.join(bad[:5])}."
        )
    if len(vocabulary) < 2:  # with one word the odds against "the rest" divide by zero
        raise ValueError(
            "Log-odds compare words with each other: the two groups need at "
            "least two different words between them."
        )
    n_a, n_b, alpha_0 = sum(counts_a.values()), sum(counts_b.values()), sum(alpha.values())
    rows = []
    for word in vocabulary:
        y_a, y_b, a_w = counts_a.get(word, 0), counts_b.get(word, 0), alpha[word]
        delta = math.log((y_a + a_w) / (n_a + alpha_0 - y_a - a_w)) - math.log(
            (y_b + a_w) / (n_b + alpha_0 - y_b - a_w)
        )
        variance = 1 / (y_a + a_w) + 1 / (y_b + a_w)
        rows.append((word, y_a, y_b, delta, variance, delta / math.sqrt(variance)))
    frame = pd.DataFrame(rows, columns=LOG_ODDS_COLUMNS)
    return frame.sort_values(["z", "word"], ascending=[False, True], ignore_index=True)


def word_counts(text: str) -> Counter[str]:
    """Lower-cased words of ``text`` (the kit's WORD_RE), stop words and numbers left out.

    A possessive ending is dropped ("regime’s" counts as "regime").
    """
    words = (POSSESSIVE_RE.sub("", m.group().lower()) for m in WORD_RE.finditer(text))
    return Counter(w for w in words if w not in STOP_WORDS and any(c.isalpha() for c in w))


def distinctive_words(corpus: Corpus, group_by: str = "perspective", top: int = 15) -> pd.DataFrame:
    """The ``top`` most distinctive words of each group against all the other documents.

    Groups are the values of a metadata column (default: perspective), in corpus order.
    Every group gets its own rows, with raw counts, rates per 1,000 words and the word
    counts behind them, so a small group's thin evidence stays visible.
    """
    if not isinstance(top, int) or top < 1:
        raise ValueError(f"top should be a whole number of 1 or more, not {top!r}.")
    groups: dict[str, list] = {}
    for doc in corpus:
        if group_by not in doc.metadata:
            raise ValueError(
                f"No metadata column '{group_by}'. Columns: {', '.join(doc.metadata)}."
            )
        groups.setdefault(doc.metadata[group_by], []).append(doc)
    if len(groups) < 2:
        raise ValueError(
            f"'{group_by}' has only one value; distinctive words need two groups or more."
        )
    counts = {g: sum((word_counts(d.text) for d in docs), Counter()) for g, docs in groups.items()}
    sizes = {g: sum(d.word_count for d in docs) for g, docs in groups.items()}
    rows = []
    for group in groups:
        rest = sum((c for g, c in counts.items() if g != group), Counter())
        rest_words = sum(s for g, s in sizes.items() if g != group)
        scores = log_odds(counts[group], rest)
        best = scores[scores["z"] > 0].head(top)
        for rank, row in enumerate(best.itertuples(), start=1):
            rows.append(
                [
                    group,
                    rank,
                    row.word,
                    row.count_a,
                    row.count_b,
                    sizes[group],
                    rest_words,
                    round(per_thousand_words(row.count_a, sizes[group]), 2),
                    round(per_thousand_words(row.count_b, rest_words), 2),
                    round(row.z, 3),
                ]
            )
    return pd.DataFrame(rows, columns=DISTINCTIVE_COLUMNS)
