"""Write the invented class of discernment checks in data/sample_class_discernment/.

Twelve invented students hand in a pre and a post check (``<student>/pre_check.ipynb``,
``<student>/post_check.ipynb``), each notebook holding the answer record the widget keeps.
Half take form A first (``assign_forms``). The ratings are drawn with a fixed seed:

- before: manipulative items 2-4, neutral items 1-3;
- after: manipulative items 3-5; neutral items on invented topics 1-2, but neutral items on
  the corpus's subject (both sides) 2-4: false alarms rise there, which is not learning.

Run from the checkout: ``.venv/bin/python scripts/make_discernment_sample.py``.
tests/test_discernment.py checks that the committed files are what this script writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import numpy as np

from propaganda_kit.analysis.discernment import (
    CONFIDENCES,
    HIT_RATING,
    NOT_SURE,
    assign_forms,
    form_for,
)
from propaganda_kit.data.discernment import FRAMEWORK, form_items, record_name
from propaganda_kit.data.notebook_answers import ANSWER_MIME
from propaganda_kit.data.paths import DEFAULT_DATA_DIR
from propaganda_kit.data.taxonomy import load_taxonomy

FOLDER = DEFAULT_DATA_DIR / "sample_class_discernment"
STUDENTS = (
    "amira", "ben", "chloe", "dev", "elif", "femi", "gus", "hana", "ines", "jon", "kai", "lena",
)  # fmt: skip
SEED = 13
SAVED_AT = {"pre": "2026-01-12T09:00:00+00:00", "post": "2026-01-26T09:00:00+00:00"}
UNRATED = {("kai", "pre"): 2}  # kai left the last two sentences of the pre check blank


def _rating(rng: np.random.Generator, stage: str, item) -> int:
    if item.manipulative:
        return int(rng.choice([2, 3, 3, 4] if stage == "pre" else [3, 4, 4, 5]))
    if stage == "pre":
        return int(rng.choice([1, 2, 2, 3]))
    return int(rng.choice([1, 1, 2, 2] if item.side == "invented" else [2, 3, 3, 4]))


def _answer(rng: np.random.Generator, student: str, stage: str, techniques: list[str]) -> dict:
    form = form_for(student, stage, FIRST[student])
    items = form_items(form)
    items = items[: len(items) - UNRATED.get((student, stage), 0)]
    ratings = {}
    for item in items:
        rating = _rating(rng, stage, item)
        entry = {"rating": rating, "technique": None, "confidence": None}
        if rating >= HIT_RATING:
            right = item.manipulative and rng.random() < (0.35 if stage == "pre" else 0.65)
            entry["technique"] = (
                item.technique if right else str(rng.choice([*techniques, NOT_SURE]))
            )
            entry["confidence"] = str(rng.choice(CONFIDENCES))
        ratings[item.item_id] = entry
    return {"form": form, "stage": stage, "student": student, "handed_in": True, "ratings": ratings}


def _notebook(stage: str, answer: dict) -> nbformat.NotebookNode:
    record = {
        "exercise": record_name(answer["form"]),
        "answer": answer,
        "saved_at": SAVED_AT[stage],
    }
    summary = f"{len(answer['ratings'])} of 16 answered, handed in"
    output = nbformat.v4.new_output(
        "display_data",
        data={"text/plain": f"Answer kept in this notebook: {summary}", ANSWER_MIME: record},
    )
    code = nbformat.v4.new_code_cell(
        f'from propaganda_kit.widgets import discernment_check\n\ndiscernment_check("{stage}")',
        outputs=[output],
        execution_count=1,
    )
    title = nbformat.v4.new_markdown_cell(f"# Discernment check ({stage}): an invented student")
    nb = nbformat.v4.new_notebook(cells=[title, code])
    for number, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{number}"
    return nb


FIRST = assign_forms(STUDENTS)


def write_sample_class(folder: Path = FOLDER) -> list[Path]:
    """Write every student's two notebooks under ``folder``; return their paths."""
    taxonomy = load_taxonomy()
    techniques = sorted(taxonomy.index[taxonomy["framework"] == FRAMEWORK])
    rng = np.random.default_rng(SEED)
    written = []
    for student in STUDENTS:
        for stage in ("pre", "post"):
            path = folder / student / f"{stage}_check.ipynb"
            path.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(_notebook(stage, _answer(rng, student, stage, techniques)), path)
            written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else FOLDER
    print(f"Wrote {len(write_sample_class(target))} notebooks in {target}")
