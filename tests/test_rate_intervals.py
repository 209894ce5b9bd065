"""Intervals on rates: a bootstrap over sentences that allows for repeated words, and the
one-word check (the rate without its most frequent term)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from tidy_tables import evidence

from propaganda_kit import load_corpus, loaded_language_table
from propaganda_kit.analysis.loaded_language import rates_table
from propaganda_kit.analysis.rates import bootstrap_rate_interval, poisson_interval


def one_document(count: int, words: int, clustered: bool, doc: str = "d1") -> pd.DataFrame:
    """A one-document, one-category table: ``count`` uses of 'regime' in ``words`` words."""
    common = {"document": doc, "title": doc, "perspective": "side A", "category": "label"}
    return pd.DataFrame(
        [
            {**common, "voice": "author", "count": count, "words": words}
            | evidence(count, words, "regime", clustered, sentences=40),
            {**common, "voice": "quoted", "count": 0, "words": 0} | evidence(0, 0, "", False, 40),
        ]
    )


def width(rates: pd.DataFrame) -> float:
    row = rates.iloc[0]
    return row["rate_high"] - row["rate_low"]


def test_a_term_repeated_in_one_sentence_widens_the_interval():
    spread = rates_table(one_document(11, 400, clustered=False))
    clustered = rates_table(one_document(11, 400, clustered=True))
    assert spread.loc[0, "rate_per_1000"] == clustered.loc[0, "rate_per_1000"] == 27.5
    assert width(clustered) > 2 * width(spread)
    chance = [1000 * bound / 400 for bound in poisson_interval(11)]
    assert width(clustered) > chance[1] - chance[0]  # wider than words-independent


def test_the_interval_is_never_narrower_than_chance_alone():
    rates = rates_table(one_document(11, 400, clustered=False)).iloc[0]
    low, high = (1000 * bound / 400 for bound in poisson_interval(11))
    assert rates["rate_low"] <= round(low, 2) and rates["rate_high"] >= round(high, 2)


def test_bootstrap_resamples_sentences_within_each_document():
    clustered = (np.array([5, 0, 0, 0]), np.array([10, 10, 10, 10]))
    low, high = bootstrap_rate_interval([clustered], seed=1)
    assert 0.0 <= low < 125.0 < high  # 5 cues in 40 words is 125 per 1,000
    assert high - low > 150  # one sentence in or out moves the rate a lot
    even = (np.array([1, 1, 1, 1, 1]), np.array([8, 8, 8, 8, 8]))
    assert bootstrap_rate_interval([even], seed=1) == (125.0, 125.0)
    assert all(math.isnan(x) for x in bootstrap_rate_interval([], seed=1))


def test_intervals_are_deterministic_across_calls():
    table = loaded_language_table(load_corpus())
    for by in ("document", "perspective"):
        first, second = rates_table(table, by=by), rates_table(table, by=by)
        assert first.equals(second)
    assert rates_table(one_document(11, 400, True)).equals(rates_table(one_document(11, 400, True)))


def test_documents_or_voices_without_words_have_no_interval():
    quoted = rates_table(one_document(3, 200, False), voice="quoted").iloc[0]
    assert quoted["words"] == 0
    assert quoted[["rate_per_1000", "rate_low", "rate_high", "rate_without_top_term"]].isna().all()
    both = pd.concat([one_document(3, 200, False), one_document(0, 0, False, "d2")])
    empty = rates_table(both).set_index("document").loc["d2"]
    assert empty[["rate_per_1000", "rate_low", "rate_high"]].isna().all()


def test_a_document_where_one_word_carries_the_bar_shows_it():
    table = one_document(11, 400, False)
    table.loc[0, "count"] = 12
    table.at[0, "terms"] = (("harsh", 1), ("regime", 11))
    row = rates_table(table).iloc[0]
    assert (row["top_term"], row["top_term_count"]) == ("regime", 11)
    assert row["rate_per_1000"] == 30.0 and row["rate_without_top_term"] == 2.5


def test_the_one_word_check_adds_terms_over_documents_and_categories():
    table = pd.concat([one_document(4, 200, False), one_document(6, 300, False, "d2")])
    side = rates_table(table, by="perspective").iloc[0]
    assert (side["top_term"], side["top_term_count"], side["count"]) == ("regime", 10, 10)
    assert side["rate_without_top_term"] == 0.0
    none = rates_table(one_document(0, 200, False)).iloc[0]
    assert (none["top_term"], none["top_term_count"]) == ("", 0)
    assert none["rate_without_top_term"] == 0.0


@pytest.mark.parametrize("by", ["document", "perspective"])
def test_the_first_corpus_rates_carry_the_check_and_contain_the_rate(by):
    rates = rates_table(loaded_language_table(load_corpus()), by=by)
    assert (rates["rate_low"] <= rates["rate_per_1000"]).all()
    assert (rates["rate_per_1000"] <= rates["rate_high"]).all()
    assert (rates["rate_without_top_term"] <= rates["rate_per_1000"]).all()
    assert (rates["top_term_count"] <= rates["count"]).all()


def test_choosing_every_category_gives_the_same_interval_as_choosing_none():
    corpus = load_corpus()
    table = loaded_language_table(corpus)
    every = sorted(table["category"].unique())
    assert rates_table(table).equals(rates_table(table, categories=every))
