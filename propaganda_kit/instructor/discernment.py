"""Reading a class's discernment checks: the answers kept in handed-in notebooks.

A class folder is read as the grader reads it (``grading.find_submissions``): the student
is the first subfolder's name (or the file's name). Each notebook's answer records
(``data/notebook_answers``) named ``discernment-a`` or ``discernment-b`` give the form; the
stage ('pre' or 'post') is the one the widget kept, else the notebook's name
(``pre_check.ipynb``, ``post_check.ipynb``). Nothing is run: the answers are in the file.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from propaganda_kit.analysis.discernment import RATED_COLUMNS, STAGES, rated_items
from propaganda_kit.data.discernment import form_items, load_discernment_items, record_form
from propaganda_kit.data.notebook_answers import read_answer_records
from propaganda_kit.data.paths import DEFAULT_DATA_DIR
from propaganda_kit.instructor.grading import find_submissions

CLASS_COLUMNS = ["student", "notebook", "stage", "handed_in"]
SAMPLE_CLASS = "sample_class_discernment"  # the kit's invented class, in the data folder


def _stage(answer: dict, notebook: str) -> str | None:
    if answer.get("stage") in STAGES:
        return answer["stage"]
    return next((stage for stage in STAGES if notebook.startswith(stage)), None)


def read_discernment_class(folder: str | Path | None = None) -> pd.DataFrame:
    """One row per student, stage and item of the discernment checks under ``folder``.

    Without ``folder``, the kit's invented class (``data/sample_class_discernment``).

    Columns: student, notebook, stage, handed_in, then those of ``rated_items``. A record
    without answers, or whose stage cannot be told, is left out; when a student has
    several notebooks for one stage, the last one (by file name) counts.
    """
    items = load_discernment_items()
    parts: dict[tuple[str, str], pd.DataFrame] = {}
    folder = folder if folder is not None else DEFAULT_DATA_DIR / SAMPLE_CLASS
    for submission in find_submissions(folder):
        for name, record in read_answer_records(submission.path).items():
            form, answer = record_form(name), record.get("answer")
            if form is None or not isinstance(answer, dict):
                continue
            stage = _stage(answer, submission.notebook)
            ratings = answer.get("ratings")
            if stage is None or not isinstance(ratings, dict):
                continue
            rows = rated_items(form_items(form, items), ratings)
            rows.insert(0, "handed_in", answer.get("handed_in") is True)
            rows.insert(0, "stage", stage)
            rows.insert(0, "notebook", submission.notebook)
            rows.insert(0, "student", submission.student)
            parts[(submission.student, stage)] = rows
    if not parts:
        return pd.DataFrame(columns=[*CLASS_COLUMNS, *RATED_COLUMNS])
    return pd.concat(parts.values(), ignore_index=True)
