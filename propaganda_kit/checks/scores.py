"""A score summary for an exercise notebook, from the answers kept in it.

``score_summary("ex01_spot_techniques.ipynb")`` checks each exercise's kept answer
(``kept_answers.kept_record``) with the same checker the student saw, and gives two small
tables: per exercise its side, points, hits, misses and false alarms; and the false alarms
per side. An exercise's side is the perspective of the key's ``document`` in the corpus (or
the key's ``perspective``); a control item is its own side, ``control``; a task about no
passage (arithmetic, a table) has ``no side``. Hits, misses and false alarms exist only for
the kinds that count them (choice, spans, names).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from propaganda_kit.checks.autograde import kept_result
from propaganda_kit.checks.registry import EXERCISES, Exercise
from propaganda_kit.checks.result import COUNT_FIELDS
from propaganda_kit.data.corpus import load_corpus
from propaganda_kit.html.tables import table_html

CONTROL_SIDE = "control"
NO_SIDE = "no side"
EXERCISE_COLUMNS = ["exercise", "side", "status", "points", "max_points", *COUNT_FIELDS]
SIDE_COLUMNS = ["side", "items", "false_alarms"]
NOT_COUNTED = "–"  # a kind that does not count hits, or an answer not given yet
SIDES_NOTE = (
    "A false alarm is something you ticked or marked that the key does not have. Compare "
    "the sides: do you find more in one side's texts than the key does? Control items are "
    "plain passages, where the key finds nothing."
)


def exercise_side(exercise: Exercise) -> str:
    """``control``, the perspective of the key's document (or key), or ``no side``."""
    if exercise.control:
        return CONTROL_SIDE
    document = exercise.key.get("document")
    if document:
        corpus = load_corpus()
        if document in corpus.ids:
            return corpus[document].perspective
    return str(exercise.key.get("perspective") or NO_SIDE)


def notebook_exercises(notebook: str | Path) -> list[Exercise]:
    """The exercises of one notebook (by file name), in key order; LookupError if none."""
    name = Path(notebook).name
    found = [e for e in EXERCISES.values() if e.notebook == name]
    if not found:
        known = sorted({e.notebook for e in EXERCISES.values()})
        raise LookupError(
            f"No exercises belong to a notebook called '{name}'. "
            f"The exercise notebooks are: {', '.join(known)}."
        )
    return found


def side_order(side: str) -> tuple[int, str]:
    """Perspectives first (alphabetically), then control items, then tasks with no side."""
    return ({CONTROL_SIDE: 1, NO_SIDE: 2}.get(side, 0), side)


@dataclass(frozen=True)
class ScoreSummary:
    """Points, hits, misses and false alarms per exercise, and false alarms per side."""

    notebook: str
    exercises: pd.DataFrame
    sides: pd.DataFrame

    @property
    def points(self) -> float:
        """The points earned in the whole notebook."""
        return float(self.exercises["points"].sum())

    @property
    def max_points(self) -> float:
        """The points the notebook's exercises are worth."""
        return float(self.exercises["max_points"].sum())

    def total_text(self) -> str:
        """'Your score: 7 of 12 points.'"""
        return f"Your score: {self.points:g} of {self.max_points:g} points."

    def shown_exercises(self) -> pd.DataFrame:
        """The exercise table as shown: '–' where nothing was counted."""
        shown = self.exercises.copy()
        for name in COUNT_FIELDS:
            shown[name] = [NOT_COUNTED if pd.isna(v) else str(int(v)) for v in shown[name]]
        return shown

    def html(self) -> str:
        """The two tables and the total as HTML; every cell is escaped."""
        sides = (
            f"<p><b>False alarms per side</b></p>{table_html(self.sides)}"
            f"<p><small>{html.escape(SIDES_NOTE)}</small></p>"
            if not self.sides.empty
            else ""
        )
        return (
            f'<div class="kit-score"><p><b>{html.escape(self.total_text())}</b> '
            f"<small>({html.escape(self.notebook)})</small></p>"
            f"{table_html(self.shown_exercises())}{sides}</div>"
        )

    def plain_text(self) -> str:
        """The total and both tables as plain text."""
        parts = [self.total_text(), self.shown_exercises().to_string(index=False)]
        if not self.sides.empty:
            parts += ["False alarms per side:", self.sides.to_string(index=False)]
        return "\n\n".join(parts)

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict:
        return {"text/html": self.html(), "text/plain": self.plain_text()}


def score_summary(notebook: str | Path) -> ScoreSummary:
    """Check every kept answer of ``notebook``'s exercises and tabulate the results."""
    rows = []
    for exercise in notebook_exercises(notebook):
        result = kept_result(exercise.id)
        counts = result.counts.as_dict() if result.counts is not None else {}
        rows.append(
            {
                "exercise": exercise.id,
                "side": exercise_side(exercise),
                "status": result.status,
                "points": result.points,
                "max_points": result.max_points,
                **{name: counts.get(name) for name in COUNT_FIELDS},
            }
        )
    table = pd.DataFrame(rows, columns=EXERCISE_COLUMNS)
    for name in COUNT_FIELDS:
        table[name] = table[name].astype("Int64")
    counted = table[table["false_alarms"].notna()]
    sides = (
        counted.groupby("side")
        .agg(items=("exercise", "size"), false_alarms=("false_alarms", "sum"))
        .reset_index()
    )
    sides = sides.sort_values("side", key=lambda s: s.map(side_order)).reset_index(drop=True)
    return ScoreSummary(Path(notebook).name, table, sides[SIDE_COLUMNS])
