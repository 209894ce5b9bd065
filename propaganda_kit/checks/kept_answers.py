"""Where an exercise's answer is kept: this kernel's memory, the notebook file, ``my_work/``.

``kept_record`` gives the newest of the three, so re-running a cell, reopening the
notebook or grading it in a fresh kernel restores the latest answer, and an older copy
never overwrites a newer one. ``keep`` records a new answer in memory and in ``my_work/``
(the widget also writes it into the notebook's outputs).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from propaganda_kit.data.notebook_answers import is_record, newer, saved_record
from propaganda_kit.data.saved_work import read_answers, save_answers

MEMORY: dict[str, dict] = {}


def new_record(exercise_id: str, answer: Any) -> dict[str, Any]:
    """A record of ``answer`` saved now."""
    return {
        "exercise": exercise_id,
        "answer": answer,
        "saved_at": datetime.now(UTC).isoformat(timespec="microseconds"),
    }


def checker_answer(kind: str, value: Any) -> Any:
    """A stored (JSON) answer in the shape the kind's checker takes."""
    if kind == "spans" and isinstance(value, list):
        return [tuple(item) if isinstance(item, list) else item for item in value]
    if kind == "rate_table" and isinstance(value, list):
        import pandas as pd  # only this kind needs it

        return pd.DataFrame(value)
    return value


def work_record(exercise_id: str) -> dict | None:
    """The record kept in ``my_work/`` (None when there is none or it is unreadable)."""
    record = read_answers(exercise_id).answers
    return record if is_record(record) and record["exercise"] == exercise_id else None


def kept_record(exercise_id: str, notebook: str = "") -> dict | None:
    """The newest record of this exercise in memory, in the notebook file or in ``my_work/``."""
    found = MEMORY.get(exercise_id)
    for record in (saved_record(exercise_id, notebook), work_record(exercise_id)):
        found = newer(found, record)
    return found


def keep(record: dict) -> str:
    """Remember ``record`` in memory and in ``my_work/``; '' or a plain note if the copy failed."""
    MEMORY[record["exercise"]] = record
    try:
        save_answers(record["exercise"], record)
    except (OSError, ValueError) as err:
        return f"(The backup copy in my_work/ could not be written: {err}.)"
    return ""
