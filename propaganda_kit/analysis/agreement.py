"""How far a class agrees when its students mark techniques in one passage.

Every character of the passage is a unit and every student a coder: the student's label for a
character is the technique of the span covering it, or ``""`` (none) when no span covers it;
a character inside spans of several techniques gets them joined with ``+``. Krippendorff's
alpha (nominal) measures the agreement beyond chance over the whole passage, and a
per-character pairwise agreement shows where the class disagrees.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import krippendorff
import numpy as np
import pandas as pd

from propaganda_kit.data.annotations import NONE, Annotation
from propaganda_kit.text.input_checks import require_text


def annotations_to_matrix(annotations: Iterable[Annotation], text: str) -> pd.DataFrame:
    """One row per student (sorted), one column per character offset, the label as value."""
    text = require_text(text, "the passage")
    labels: dict[str, list[set[str]]] = {}
    for a in annotations:
        if not (0 <= a.start <= a.end <= len(text)):
            raise ValueError(
                f"{a.student}'s span {a.start}-{a.end} lies outside the passage "
                f"(which has {len(text)} characters)."
            )
        marks = labels.setdefault(a.student, [set() for _ in text])
        for offset in range(a.start, a.end):
            marks[offset].add(a.technique)
    if not labels:
        raise ValueError("There are no annotations: no student is listed.")
    students = sorted(labels)
    values = [["+".join(sorted(m)) for m in labels[s]] for s in students]
    return pd.DataFrame(
        values,
        index=pd.Index(students, name="student"),
        columns=pd.RangeIndex(len(text), name="offset"),
        dtype=object,
    )


def class_alpha(matrix: pd.DataFrame) -> float:
    """Krippendorff's alpha (nominal) over all characters; 1.0 is perfect agreement.

    Raises ValueError when it is undefined: fewer than two students, or every student gives
    every character the same label (for example, nobody marked anything).
    """
    if len(matrix.index) < 2:
        raise ValueError("Agreement needs at least two students' annotations.")
    codes, domain = pd.factorize(pd.Series(matrix.to_numpy().ravel()), sort=True)
    if len(domain) < 2:
        raise ValueError(
            "Alpha is undefined here: every student gave every character the "
            "same label, so there is no variation to agree on."
        )
    data = codes.reshape(matrix.shape).astype(float)
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def disagreement_by_char(matrix: pd.DataFrame, text: str | None = None) -> pd.DataFrame:
    """Per character: the most given label, how many students marked it, and agreement.

    ``agreement`` is the share of pairs of students giving the character the same label
    (1.0 when all agree); ``disagreement`` is 1 − agreement. Ties for the most given
    label go to the alphabetically first (none, ``""``, sorts first).
    """
    students = len(matrix.index)
    if students < 2:
        raise ValueError("Agreement needs at least two students' annotations.")
    rows = []
    for offset in matrix.columns:
        counts = Counter(matrix[offset])
        same_pairs = sum(n * (n - 1) for n in counts.values())
        majority = min(counts, key=lambda label: (-counts[label], label))
        rows.append(
            {
                "offset": offset,
                "char": text[offset] if text is not None else "",
                "majority": majority,
                "marked": students - counts.get(NONE, 0),
                "agreement": same_pairs / (students * (students - 1)),
            }
        )
    table = pd.DataFrame(rows).set_index("offset")
    table["disagreement"] = 1.0 - table["agreement"]
    return table if text is not None else table.drop(columns="char")


def disagreement_regions(table: pd.DataFrame, text: str, below: float = 1.0) -> pd.DataFrame:
    """Runs of characters whose agreement is under ``below``: where, what text, how much."""
    regions = []
    for start, end in runs_of_true(table["agreement"].to_numpy() < below):
        part = table.iloc[start:end]
        regions.append(
            {
                "start": start,
                "end": end,
                "text": text[start:end],
                "lowest_agreement": round(float(part["agreement"].min()), 3),
                "most_students_marking": int(part["marked"].max()),
            }
        )
    return pd.DataFrame(
        regions, columns=["start", "end", "text", "lowest_agreement", "most_students_marking"]
    )


def runs_of_true(flags: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of each run of True values."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], flags.astype(int), [0]))))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]
