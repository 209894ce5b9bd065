"""The SemEval-2020 span measure against hand-computed examples."""

from __future__ import annotations

import pytest

from propaganda_kit import Span
from propaganda_kit.analysis.evaluation import evaluate_spans


def _prf(result):
    return result["precision"], result["recall"], result["f1"]


def test_half_overlap():
    # |s ∩ t| = 5; |s| = |t| = 10 -> P = R = F1 = 0.5
    assert _prf(evaluate_spans([(0, 10, "A")], [(5, 15, "A")])) == (0.5, 0.5, 0.5)


def test_two_predictions_one_gold_span():
    # s1=(0,4): 2/4; s2=(10,20): 2/10 -> P = 0.7/2 = 0.35
    # t=(2,12): (2+2)/10 -> R = 0.4; F1 = 2*0.35*0.4/0.75
    result = evaluate_spans([(0, 4, "A"), (10, 20, "A")], [(2, 12, "A")])
    assert result["precision"] == pytest.approx(0.35)
    assert result["recall"] == pytest.approx(0.4)
    assert result["f1"] == pytest.approx(0.28 / 0.75)
    assert (result["predicted"], result["gold"]) == (2, 1)
    assert result["precision_credit"] == pytest.approx(0.7)


def test_labels_must_agree():
    assert _prf(evaluate_spans([(0, 10, "A")], [(0, 10, "B")])) == (0.0, 0.0, 0.0)


def test_technique_filter():
    predicted, gold = [(0, 10, "A"), (0, 10, "B")], [(0, 10, "A")]
    assert _prf(evaluate_spans(predicted, gold)) == (0.5, 1.0, pytest.approx(2 / 3))
    assert _prf(evaluate_spans(predicted, gold, technique="A")) == (1.0, 1.0, 1.0)


def test_empty_sides_follow_the_stated_conventions():
    assert _prf(evaluate_spans([], [(0, 5, "A")])) == (0.0, 0.0, 0.0)
    assert _prf(evaluate_spans([(0, 5, "A")], [])) == (0.0, 0.0, 0.0)
    assert _prf(evaluate_spans([], [])) == (0.0, 0.0, 0.0)


def test_overlapping_gold_spans_never_give_more_than_full_credit():
    result = evaluate_spans([(0, 15, "A")], [(0, 10, "A"), (5, 15, "A")])
    assert _prf(result) == (1.0, 1.0, 1.0)


def test_spans_and_tuples_mix():
    text = "a loaded word"
    predicted = [Span(2, 8, text[2:8], technique="loaded_language")]
    assert _prf(evaluate_spans(predicted, [(2, 13, "loaded_language")])) == (
        1.0,
        pytest.approx(6 / 11),
        pytest.approx(2 * (6 / 11) / (1 + 6 / 11)),
    )


@pytest.mark.parametrize("bad", [(5, 3, "A"), (-1, 3, "A"), (0, 3), "abc", (0.0, 3, "A")])
def test_bad_spans_are_refused(bad):
    with pytest.raises(ValueError, match="start < end"):
        evaluate_spans([bad], [])


@pytest.mark.parametrize("bad", [None, 3, "abc"])
def test_span_lists_that_are_not_lists_are_refused(bad):
    with pytest.raises(ValueError, match="gold spans should be a list"):
        evaluate_spans([], bad)
