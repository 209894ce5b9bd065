"""Scoring predicted spans against expert annotation, with partial credit for overlap.

The span measure of SemEval-2020 Task 11 (Da San Martino et al. 2019, 2020). With S the
predicted spans, T the gold spans and C(s, t, h) = |s ∩ t| / h · δ(label_s, label_t):

    precision = (1/|S|) Σ_s Σ_t C(s, t, |s|)      recall = (1/|T|) Σ_s Σ_t C(s, t, |t|)

and F1 their harmonic mean. Conventions: no predictions gives precision 0, no gold spans
gives recall 0, and F1 is 0 when both are 0. When spans of one side overlap each other
with the same label, a span's credit is its overlap with their union, so no span earns
more than full credit (for non-overlapping spans this is the formula above exactly).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from pathlib import Path

from propaganda_kit.data.semeval import read_semeval
from propaganda_kit.data.taxonomy import semeval_label_map
from propaganda_kit.text.spans import Span

SpanLike = Span | tuple[int, int, str]


def _triples(
    spans: Iterable[SpanLike], what: str, technique: str | None
) -> list[tuple[int, int, str]]:
    """(start, end, label) for each span; a Span's label is its technique."""
    if spans is None or isinstance(spans, (str, bytes)) or not isinstance(spans, Iterable):
        raise ValueError(
            f"The {what} spans should be a list of Spans or (start, end, label) "
            f"tuples, not {type(spans).__name__}."
        )
    triples = []
    for item in spans:
        triple = (
            (item.start, item.end, item.technique)
            if isinstance(item, Span)
            else tuple(item)
            if isinstance(item, (tuple, list))
            else None
        )
        if (
            triple is None
            or len(triple) != 3
            or not all(isinstance(v, int) for v in triple[:2])
            or not 0 <= triple[0] < triple[1]
        ):
            raise ValueError(
                f"Each {what} span should be a Span or (start, end, label) with "
                f"0 <= start < end; got {item!r}."
            )
        if technique is None or triple[2] == technique:
            triples.append(triple)
    return triples


def _union_by_label(spans: list[tuple[int, int, str]]) -> dict[str, list[tuple[int, int]]]:
    """Per label, the spans merged into sorted, disjoint intervals."""
    merged: dict[str, list[list[int]]] = {}
    for start, end, label in sorted(spans):
        intervals = merged.setdefault(label, [])
        if intervals and start <= intervals[-1][1]:
            intervals[-1][1] = max(intervals[-1][1], end)
        else:
            intervals.append([start, end])
    return {label: [(a, b) for a, b in iv] for label, iv in merged.items()}


def _credit(spans: list[tuple[int, int, str]], other: list[tuple[int, int, str]]) -> float:
    """Σ over ``spans`` of the share of each span covered by same-label spans of ``other``."""
    union = _union_by_label(other)
    ends = {label: [b for _, b in iv] for label, iv in union.items()}
    total = 0.0
    for start, end, label in spans:
        intervals = union.get(label, [])
        covered, i = 0, bisect_left(ends.get(label, []), start + 1)
        while i < len(intervals) and intervals[i][0] < end:
            covered += min(end, intervals[i][1]) - max(start, intervals[i][0])
            i += 1
        total += covered / (end - start)
    return total


def span_credits(
    predicted: Iterable[SpanLike], gold: Iterable[SpanLike], technique: str | None = None
) -> dict[str, float]:
    """The sums behind the scores, so several documents can be pooled before dividing."""
    pred = _triples(predicted, "predicted", technique)
    true = _triples(gold, "gold", technique)
    return {
        "precision_credit": _credit(pred, true),
        "predicted": len(pred),
        "recall_credit": _credit(true, pred),
        "gold": len(true),
    }


def scores(credits: dict[str, float]) -> dict[str, float]:
    """Precision, recall and F1 from (pooled) credits, with the conventions for empty sides."""
    precision = credits["precision_credit"] / credits["predicted"] if credits["predicted"] else 0.0
    recall = credits["recall_credit"] / credits["gold"] if credits["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, **credits}


def evaluate_spans(
    predicted: Iterable[SpanLike], gold: Iterable[SpanLike], technique: str | None = None
) -> dict[str, float]:
    """Precision, recall and F1 of ``predicted`` against ``gold`` for one text.

    Spans are Spans (label = technique) or (start, end, label) tuples; ``technique``
    keeps only spans with that label. Also returns the counts and credit sums.
    """
    return scores(span_credits(predicted, gold, technique))


def evaluate_on_semeval(
    folder: str | Path, technique: str = "Loaded_Language"
) -> dict[str, float | str]:
    """Run the kit's finder for ``technique`` on every article and score it on the gold spans.

    ``technique`` is a SemEval label (``Loaded_Language``) or our id (``loaded_language``).
    Credits are pooled over all articles before dividing, as the task's scorer does.
    """
    from propaganda_kit.analysis.techniques import find_techniques

    labels = semeval_label_map()
    tech_id = labels.get(technique, technique)
    if tech_id not in labels.values():
        raise ValueError(
            f"'{technique}' is not a SemEval-2020 technique; use one of "
            f"{', '.join(sorted(labels))}."
        )
    totals = {"precision_credit": 0.0, "predicted": 0, "recall_credit": 0.0, "gold": 0}
    articles = read_semeval(folder)
    for article in articles:
        predicted = find_techniques(article.text, [tech_id])
        credits = span_credits(predicted, article.spans, technique=tech_id)
        totals = {key: totals[key] + credits[key] for key in totals}
    return {"technique": tech_id, "articles": len(articles), **scores(totals)}
