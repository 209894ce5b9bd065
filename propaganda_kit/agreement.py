"""How far a class agrees when its students mark techniques in one passage.

Every character of the passage is a unit and every student a coder: the student's label for a
character is the technique of the span covering it, or ``""`` (none) when no span covers it;
a character inside spans of several techniques gets them joined with ``+``. Krippendorff's
alpha (nominal) measures the agreement beyond chance over the whole passage, and a
per-character pairwise agreement shows where the class disagrees.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .corpus import DEFAULT_DATA_DIR, decode_text_file
from .csv_table import read_table
from .errors import CorpusError
from .highlight import highlight_html
from .spans import Span
from .text_input import require_text

NONE = ""
SAMPLE_DIR = DEFAULT_DATA_DIR / "sample_annotations"
SENTENCE_START_RE = re.compile(r"(?:\A\s*|(?<=[.!?])\s+)(?=\S)")
ANNOTATION_COLUMNS = ["student", "technique"]
ANNOTATION_LOCATORS = ("start", "end", "quote")
DISPUTED_LABELS = 6
LEVELS = (("some_disagreement", 0.5, 1.0), ("strong_disagreement", 0.0, 0.5))  # agreement from, to
LEVEL_COLOURS = {"some_disagreement": "#ffe08a", "strong_disagreement": "#ffb3b3"}


@dataclass(frozen=True)
class Annotation:
    """One student's span (``start``–``end``, end exclusive) labelled with a technique.

    A row with ``start == end`` and no technique records a student who marked nothing.
    """

    student: str
    start: int
    end: int
    technique: str


def load_annotations(path: str | Path, text: str) -> list[Annotation]:
    """Read a CSV ``student,start,end,technique`` (or ``student,quote,technique``).

    A row gives ``start`` and ``end`` (character offsets into ``text``), or a ``quote`` that
    occurs exactly once in ``text``, or both (then they must agree). A row with only a
    student name records a student who marked nothing. Raises CorpusError naming the file,
    row and field of any problem.
    """
    path = Path(path)
    text = require_text(text, "the passage")
    rows = read_table(path, path.name, ANNOTATION_COLUMNS, optional=ANNOTATION_LOCATORS)
    header = set(rows[0][1]) if rows else set()
    if rows and "quote" not in header and not {"start", "end"} <= header:
        raise CorpusError(path.name, "needs 'start' and 'end' columns, or a 'quote' column",
                          row=1)
    return [_annotation(path.name, number, row, text) for number, row in rows]


def load_sample_class(folder: str | Path | None = None) -> tuple[str, list[Annotation]]:
    """The passage (``passage.txt``) and the class's annotations (``annotations.csv``)."""
    root = Path(folder) if folder is not None else SAMPLE_DIR
    text = decode_text_file(root / "passage.txt", "passage.txt").rstrip("\n")
    return text, load_annotations(root / "annotations.csv", text)


def annotations_to_matrix(annotations: Iterable[Annotation], text: str) -> pd.DataFrame:
    """One row per student (sorted), one column per character offset, the label as value."""
    text = require_text(text, "the passage")
    labels: dict[str, list[set[str]]] = {}
    for a in annotations:
        if not (0 <= a.start <= a.end <= len(text)):
            raise ValueError(f"{a.student}'s span {a.start}-{a.end} lies outside the passage "
                             f"(which has {len(text)} characters).")
        marks = labels.setdefault(a.student, [set() for _ in text])
        for offset in range(a.start, a.end):
            marks[offset].add(a.technique)
    if not labels:
        raise ValueError("There are no annotations: no student is listed.")
    students = sorted(labels)
    values = [["+".join(sorted(m)) for m in labels[s]] for s in students]
    return pd.DataFrame(values, index=pd.Index(students, name="student"),
                        columns=pd.RangeIndex(len(text), name="offset"), dtype=object)


def class_alpha(matrix: pd.DataFrame) -> float:
    """Krippendorff's alpha (nominal) over all characters; 1.0 is perfect agreement.

    Raises ValueError when it is undefined: fewer than two students, or every student gives
    every character the same label (for example, nobody marked anything).
    """
    if len(matrix.index) < 2:
        raise ValueError("Agreement needs at least two students' annotations.")
    codes, domain = pd.factorize(pd.Series(matrix.to_numpy().ravel()), sort=True)
    if len(domain) < 2:
        raise ValueError("Alpha is undefined here: every student gave every character the "
                         "same label, so there is no variation to agree on.")
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
        rows.append({"offset": offset, "char": text[offset] if text is not None else "",
                     "majority": majority, "marked": students - counts.get(NONE, 0),
                     "agreement": same_pairs / (students * (students - 1))})
    table = pd.DataFrame(rows).set_index("offset")
    table["disagreement"] = 1.0 - table["agreement"]
    return table if text is not None else table.drop(columns="char")


def disagreement_regions(table: pd.DataFrame, text: str, below: float = 1.0) -> pd.DataFrame:
    """Runs of characters whose agreement is under ``below``: where, what text, how much."""
    regions = []
    for start, end in _runs(table["agreement"].to_numpy() < below):
        part = table.iloc[start:end]
        regions.append({"start": start, "end": end, "text": text[start:end],
                        "lowest_agreement": round(float(part["agreement"].min()), 3),
                        "most_students_marking": int(part["marked"].max())})
    return pd.DataFrame(regions, columns=["start", "end", "text", "lowest_agreement",
                                          "most_students_marking"])


def plot_disagreement(table: pd.DataFrame, text: str, title: str = "") -> Figure:
    """Two panels along the passage: students marking each character, and their agreement.

    The x axis is the character offset; ticks show the first words of each sentence.
    """
    offsets = table.index.to_numpy()
    fig = Figure(figsize=(11, 5.8))
    top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [1, 1]})
    top.fill_between(offsets, table["marked"], step="post", color="#5d7c99", alpha=0.8)
    top.set_ylabel("students\nmarking")
    top.set_ylim(0, max(1, int(table["marked"].max())) + 0.5)
    bottom.fill_between(offsets, table["agreement"], step="post", color="#1b7837", alpha=0.7)
    bottom.set_ylabel("pairwise\nagreement")
    bottom.set_ylim(0, 1.05)
    bottom.set_xlim(0, len(text))
    ticks = _sentence_starts(text)
    bottom.set_xticks([t for t, _ in ticks], [label for _, label in ticks], rotation=30,
                      ha="right", fontsize=8)
    bottom.set_xlabel("the passage, character by character (ticks: start of each sentence)")
    disputed = disagreement_regions(table, text).nsmallest(DISPUTED_LABELS, "lowest_agreement")
    words = top.secondary_xaxis("top")
    words.set_xticks([(r.start + r.end) / 2 for r in disputed.itertuples()],
                     [_first_words(r.text) for r in disputed.itertuples()], rotation=30,
                     ha="left", fontsize=8)
    fig.suptitle(title or "Where the class agrees and disagrees", x=0.01, ha="left")
    fig.text(0.99, 0.01, f"ticks above: the {DISPUTED_LABELS} stretches with the lowest "
             "agreement", ha="right", fontsize=8, color="#555555")
    fig.tight_layout()
    return fig


def disagreement_html(table: pd.DataFrame, text: str) -> str:
    """The passage as HTML, characters where students disagree highlighted (escaped)."""
    from .widgets.common import legend_html, style_html

    agreement = table["agreement"].to_numpy()
    spans = [Span(start, end, text[start:end], technique=name)
             for name, low, high in LEVELS
             for start, end in _runs((low <= agreement) & (agreement < high))]
    note = ("some disagreement: pairwise agreement from 0.5 to under 1; strong disagreement: "
            "under 0.5")
    return (style_html(LEVEL_COLOURS) + legend_html(LEVEL_COLOURS)
            + f'<div class="kit-note">{html.escape(note)}</div>'
            + highlight_html(text, sorted(spans)))


def _runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of each run of True values."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], flags.astype(int), [0]))))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def _sentence_starts(text: str) -> list[tuple[int, str]]:
    """(offset, first three words …) of each sentence, for axis ticks."""
    return [(m.end(), _first_words(text[m.end():m.end() + 60]))
            for m in SENTENCE_START_RE.finditer(text) if m.end() < len(text)]


def _first_words(text: str, count: int = 3) -> str:
    """The first ``count`` words of ``text``, with '…' when there are more."""
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def _annotation(label: str, number: int, row: dict[str, str], text: str) -> Annotation:
    student, technique = row["student"], row["technique"]
    start_s, end_s, quote = row.get("start", ""), row.get("end", ""), row.get("quote", "")
    if not student:
        raise CorpusError(label, "the student's name is empty", row=number, field="student")
    if not (start_s or end_s or quote or technique):
        return Annotation(student, 0, 0, NONE)
    if not technique:
        raise CorpusError(label, "the technique is empty", row=number, field="technique")
    if start_s or end_s:
        start = _offset(label, number, "start", start_s, len(text))
        end = _offset(label, number, "end", end_s, len(text))
        if end <= start:
            raise CorpusError(label, f"end ({end}) must be after start ({start})",
                              row=number, field="end")
        if quote and text[start:end] != quote:
            raise CorpusError(label, f"the passage has {text[start:end]!r} at {start}-{end}, "
                              "not the quote", row=number, field="quote")
        return Annotation(student, start, end, technique)
    if not quote:
        raise CorpusError(label, "says which technique but not where: give start and end, or "
                          "a quote", row=number, field="quote" if "quote" in row else "start")
    found = text.count(quote)
    if found != 1:
        problem = "does not occur in the passage" if not found else (
            f"occurs {found} times in the passage; give start and end instead")
        raise CorpusError(label, f"the quote {quote!r} {problem}", row=number, field="quote")
    start = text.index(quote)
    return Annotation(student, start, start + len(quote), technique)


def _offset(label: str, number: int, field: str, value: str, length: int) -> int:
    if not value.isdecimal():
        raise CorpusError(label, f"{value!r} is not a whole number", row=number, field=field)
    if int(value) > length:
        raise CorpusError(label, f"{value} is beyond the passage's end ({length} characters)",
                          row=number, field=field)
    return int(value)
