"""Answers kept in a notebook file: the answer records that exercise widgets display.

An exercise widget displays, below itself, one output holding its answer record::

    {"application/vnd.propaganda-kit.answer+json":
        {"exercise": "spot-techniques-1", "answer": [...] or null, "saved_at": ISO time or null},
     "application/vnd.propaganda-kit.check+json": {...the check result...},
     "text/plain": "..."}

The widget updates that output whenever the student checks an answer, so saving the
notebook saves the answer with it: the handed-in ``.ipynb`` is all a grader needs. When the
same exercise has several records, the newest ``saved_at`` wins.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

ANSWER_MIME = "application/vnd.propaganda-kit.answer+json"
SESSION_VARIABLE = "JPY_SESSION_NAME"  # the notebook's path, set by Jupyter for its kernel


def is_record(value: object) -> bool:
    """True for a well-formed answer record (any JSON answer, a string or null time)."""
    return (
        isinstance(value, dict)
        and isinstance(value.get("exercise"), str)
        and "answer" in value
        and (value.get("saved_at") is None or isinstance(value.get("saved_at"), str))
    )


def newer(record: dict | None, other: dict | None) -> dict | None:
    """The newer of two records (one saved at a later time; a saved one beats an unsaved one)."""
    if record is None or other is None:
        return record if other is None else other
    return other if (other.get("saved_at") or "") > (record.get("saved_at") or "") else record


def records_in_cells(cells: list) -> dict[str, dict]:
    """The newest answer record per exercise among the outputs of notebook cells (dicts)."""
    found: dict[str, dict] = {}
    for cell in cells:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        for output in cell.get("outputs") or []:
            data = output.get("data") if isinstance(output, dict) else None
            record = data.get(ANSWER_MIME) if isinstance(data, dict) else None
            if isinstance(record, str):
                try:
                    record = json.loads(record)
                except ValueError:
                    continue
            if is_record(record):
                found[record["exercise"]] = newer(found.get(record["exercise"]), record)
    return found


def read_answer_records(path: str | Path) -> dict[str, dict]:
    """The newest answer record per exercise in the notebook at ``path`` ({} if unreadable)."""
    try:
        notebook = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    return records_in_cells(cells) if isinstance(cells, list) else {}


def notebook_file(name: str = "") -> Path | None:
    """The notebook this kernel runs: Jupyter's session path, else ``name`` in the working folder.

    A grader runs a copy of the handed-in notebook in a folder of its own (nbgrader and the
    kit's ``grade`` both do), so ``name`` there is the student's file.
    """
    session = os.environ.get(SESSION_VARIABLE, "")
    for candidate in (Path(session) if session else None, Path.cwd() / name if name else None):
        if candidate is not None and candidate.suffix == ".ipynb" and candidate.is_file():
            return candidate
    return None


def saved_record(exercise_id: str, notebook: str = "") -> dict[str, Any] | None:
    """The newest record of ``exercise_id`` in this kernel's notebook file, or None."""
    path = notebook_file(notebook)
    return read_answer_records(path).get(exercise_id) if path is not None else None
