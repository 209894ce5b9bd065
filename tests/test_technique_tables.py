"""Technique cue counts and rates use one finder and one word count for every document."""

from propaganda_kit import load_corpus
from propaganda_kit.analysis.techniques import find_techniques, technique_counts, technique_rates


def test_counts_match_the_finder_and_keep_zeros():
    corpus = load_corpus()
    counts = technique_counts(corpus)
    techniques = set(counts["technique"])
    assert len(counts) == len(corpus) * len(techniques)
    for doc in corpus:
        mine = counts[counts["document"] == doc.id]
        assert mine["count"].sum() == len(find_techniques(doc.text))
        assert (mine["words"] == doc.word_count).all()


def test_rates_are_per_thousand_words():
    corpus = load_corpus()
    counts = technique_counts(corpus)
    row = counts[counts["count"] > 0].iloc[0]
    assert row["rate_per_1000"] == round(1000 * row["count"] / row["words"], 1)
    wide = technique_rates(corpus)
    assert list(wide.index) == corpus.ids
    assert list(wide.columns[[0, -1]]) == ["perspective", "words"]
