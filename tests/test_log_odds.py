"""Weighted log-odds (Monroe, Colaresi & Quinn 2008) against hand-computed values."""

from __future__ import annotations

import math

import pytest

from propaganda_kit import load_corpus
from propaganda_kit.analysis.log_odds import distinctive_words, log_odds, word_counts


def test_uniform_prior_matches_hand_computation():
    # a: x=2, y=1 (n_a=3); b: x=1, y=3 (n_b=4); alpha_w=1, alpha_0=2.
    # x: log(3/(3+2-2-1)) - log(2/(4+2-1-1)) = log(1.5) - log(0.5) = log 3; var = 1/3 + 1/2
    # y: log(2/(3+2-1-1)) - log(4/(4+2-3-1)) = log(2/3) - log(2) = -log 3; var = 1/2 + 1/4
    frame = log_odds({"x": 2, "y": 1}, {"x": 1, "y": 3}, prior=1.0).set_index("word")
    assert frame.loc["x", "delta"] == pytest.approx(math.log(3))
    assert frame.loc["x", "variance"] == pytest.approx(5 / 6)
    assert frame.loc["x", "z"] == pytest.approx(math.log(3) / math.sqrt(5 / 6))
    assert frame.loc["y", "delta"] == pytest.approx(-math.log(3))
    assert frame.loc["y", "z"] == pytest.approx(-math.log(3) / math.sqrt(0.75))
    assert list(frame.columns) == ["count_a", "count_b", "delta", "variance", "z"]


def test_default_prior_is_the_pooled_counts():
    # alpha = pooled counts: x=3, y=4 (alpha_0=7); n_a=3, n_b=4.
    # x: log(5/(3+7-2-3)) - log(4/(4+7-1-3)) = log(1) - log(4/7); var = 1/5 + 1/4
    frame = log_odds({"x": 2, "y": 1}, {"x": 1, "y": 3}).set_index("word")
    assert frame.loc["x", "delta"] == pytest.approx(-math.log(4 / 7))
    assert frame.loc["x", "variance"] == pytest.approx(0.45)


def test_a_mapping_prior_and_the_sort_order():
    frame = log_odds({"x": 5, "y": 1}, {"x": 1, "y": 5}, prior={"x": 0.5, "y": 0.5})
    assert list(frame.word) == ["x", "y"]
    assert frame.z.iloc[0] == pytest.approx(-frame.z.iloc[1])


@pytest.mark.parametrize(
    ("a", "b", "prior", "message"),
    [
        ({"x": 0}, {"x": 1}, None, "counts_a has no words"),
        ({"x": -1}, {"x": 1}, None, "whole number"),
        ({"x": 1.5}, {"x": 1}, None, "whole number"),
        (
            {"x": 1},
            {"y": 1},
            {"x": 1.0},
            "positive value for every word; missing or not positive for: y",
        ),
        ({"x": 1}, {"x": 1}, 0.0, "positive value"),
        ({"x": 3}, {"x": 2}, None, "at least two different words"),
        (["x", "y"], {"x": 2}, None, "counts_a should map each word to its count"),
    ],
)
def test_bad_input_is_refused(a, b, prior, message):
    with pytest.raises(ValueError, match=message):
        log_odds(a, b, prior)


def test_word_counts_lowercase_drop_stop_words_numbers_and_possessives():
    assert word_counts("The Regime’s regime, and 20 regimes.") == {"regime": 2, "regimes": 1}


def test_distinctive_words_for_both_perspectives_with_their_word_counts():
    corpus = load_corpus()
    frame = distinctive_words(corpus, top=5)
    sizes = corpus.frame.groupby("perspective")["word_count"].sum()
    assert set(frame.group) == set(sizes.index)
    for group, rows in frame.groupby("group"):
        assert list(rows["rank"]) == [1, 2, 3, 4, 5]
        assert (rows.words_group == sizes[group]).all()
        assert (rows.words_rest == sizes.sum() - sizes[group]).all()
        assert (rows.z > 0).all() and rows.z.is_monotonic_decreasing
    assert frame.equals(distinctive_words(corpus, top=5))


def test_distinctive_words_refuses_bad_grouping():
    corpus = load_corpus()
    with pytest.raises(ValueError, match="No metadata column 'colour'"):
        distinctive_words(corpus, group_by="colour")
    with pytest.raises(ValueError, match="whole number"):
        distinctive_words(corpus, top=0)
