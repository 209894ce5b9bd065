"""What the lesson-item tests share: the lessons' feedback items and the cells that show them."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from propaganda_kit.checks import EXERCISES, Exercise
from propaganda_kit.data.corpus import load_corpus

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
WIDGET_RE = re.compile(r'exercise_widget\("([^"]+)"\)')
SUPPORTIVE, HOSTILE = "supportive of the MEK", "hostile to the MEK"


def perspectives() -> dict[str, str]:
    """Document id -> perspective, as the corpus metadata states it."""
    return {doc.id: doc.perspective for doc in load_corpus()}


def items(lesson: str) -> list[Exercise]:
    """The feedback items of one lesson notebook."""
    return [e for e in EXERCISES.values() if e.notebook == lesson]


def lesson_number(lesson: str) -> str:
    """'03_loaded_language.ipynb' -> '3'."""
    return str(int(lesson[:2]))


def item(lesson: str, part: str) -> Exercise:
    """A lesson's item by its part: 'warmup', 'mirror-for', 'mirror-against', 'control'."""
    return EXERCISES[f"lesson{lesson_number(lesson)}-{part}"]


def widget_cells(lesson: str) -> dict[str, list[int]]:
    """Exercise id -> indexes of the code cells showing its widget."""
    nb = nbformat.read(NOTEBOOKS / lesson, as_version=4)
    found: dict[str, list[int]] = {}
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            for ex_id in WIDGET_RE.findall(cell.source):
                found.setdefault(ex_id, []).append(index)
    return found
