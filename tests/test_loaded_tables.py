"""Loaded-language tables: one row per document × category × voice, and per term."""

from __future__ import annotations

import pandas as pd
import pytest

from propaganda_kit import (
    LEXICON_CATEGORIES,
    find_loaded_language,
    load_corpus,
    loaded_language_table,
    loaded_terms_table,
)
from propaganda_kit.text.words import per_thousand_words


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def rates(corpus) -> pd.DataFrame:
    return loaded_language_table(corpus)


@pytest.fixture(scope="module")
def terms(corpus) -> pd.DataFrame:
    return loaded_terms_table(corpus)


def test_every_document_category_and_voice_has_a_row(corpus, rates) -> None:
    assert len(rates) == len(corpus) * len(LEXICON_CATEGORIES) * 2
    keys = set(zip(rates["document"], rates["category"], rates["voice"], strict=True))
    assert keys == {
        (d, c, v) for d in corpus.ids for c in LEXICON_CATEGORIES for v in ("author", "quoted")
    }
    assert (rates["count"] == 0).any()


def test_columns_words_and_rates(corpus, rates) -> None:
    assert list(rates.columns[:3]) == ["document", "title", "perspective"]
    for row in rates.itertuples():
        doc = corpus[row.document]
        assert row.title == doc.title and row.perspective == doc.perspective
        assert row.words == doc.words_in_voice(row.voice)
        assert row.rate_per_1000 == per_thousand_words(row.count, row.words)
        assert row.category_label == LEXICON_CATEGORIES[row.category].label
    zero = rates[rates["count"] == 0]
    assert (zero["rate_per_1000"] == 0.0).all()


def test_counts_add_up_to_the_spans(corpus, rates, terms) -> None:
    for doc in corpus:
        spans = find_loaded_language(doc.text)
        assert rates.loc[rates["document"] == doc.id, "count"].sum() == len(spans)
        assert terms.loc[terms["document"] == doc.id, "count"].sum() == len(spans)
        quoted = sum(doc.voice_at(s.start) == "quoted" for s in spans)
        mask = (rates["document"] == doc.id) & (rates["voice"] == "quoted")
        assert rates.loc[mask, "count"].sum() == quoted


def test_terms_table_rows_are_unique_and_positive(terms) -> None:
    key = ["document", "term", "category", "voice"]
    assert not terms.duplicated(key).any()
    assert (terms["count"] > 0).all()
    assert terms["forms"].str.lower().equals(terms["forms"])


def test_tables_are_sorted_and_deterministic(corpus, rates, terms) -> None:
    assert rates.equals(rates.sort_values(["document", "category", "voice"], ignore_index=True))
    assert terms.equals(
        terms.sort_values(["document", "category", "term", "voice"], ignore_index=True)
    )
    assert loaded_language_table(corpus).equals(rates)
    assert loaded_terms_table(corpus).equals(terms)


def test_sentence_columns_add_up_to_the_counts_and_words(corpus, rates, terms) -> None:
    for row in rates.itertuples():
        assert sum(row.sentence_counts) == row.count
        assert sum(row.sentence_words) == row.words
        assert sum(count for _, count in row.terms) == row.count
        assert len(row.sentence_counts) == len(row.sentence_words)
    for (doc, category, voice), group in terms.groupby(["document", "category", "voice"]):
        mask = (rates["document"] == doc) & (rates["category"] == category)
        (pairs,) = rates.loc[mask & (rates["voice"] == voice), "terms"]
        assert dict(pairs) == dict(zip(group["term"], group["count"], strict=True))
