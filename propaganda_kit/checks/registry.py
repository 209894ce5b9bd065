"""The exercises: read from the instructor's answer keys in ``data/answer_keys/*.json``.

Each file holds ``{"notebook": "exNN_name.ipynb", "exercises": [...]}``; each exercise has
``id``, ``kind``, ``title``, ``max_points`` and the fields its kind needs (see
``data/answer_keys/README.md``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from propaganda_kit.checks.base import Checker, KeyProblem
from propaganda_kit.checks.choice import CHECKERS as CHOICE_CHECKERS
from propaganda_kit.checks.freetext import CHECKERS as FREETEXT_CHECKERS
from propaganda_kit.checks.numeric import CHECKERS as NUMERIC_CHECKERS
from propaganda_kit.checks.span_answers import CHECKERS as SPAN_CHECKERS
from propaganda_kit.data.paths import DEFAULT_DATA_DIR
from propaganda_kit.text.ids import id_problem, is_id

ANSWER_KEYS_DIR = DEFAULT_DATA_DIR / "answer_keys"
CHECKERS: dict[str, Checker] = {
    **CHOICE_CHECKERS,
    **SPAN_CHECKERS,
    **NUMERIC_CHECKERS,
    **FREETEXT_CHECKERS,
}


@dataclass(frozen=True)
class Exercise:
    """One checked task: its id, kind of answer, title, points and answer key."""

    id: str
    kind: str
    title: str
    max_points: float
    notebook: str
    key: dict[str, Any] = field(repr=False)

    @property
    def checker(self) -> Checker:
        """The validator and grader for this kind of answer."""
        return CHECKERS[self.kind]

    @property
    def control(self) -> bool:
        """True for a control item: a plain passage whose right answer is 'nothing'."""
        return bool(self.key.get("control"))

    @property
    def passage(self) -> str:
        """The text the task is about ('' when it has none)."""
        return self.key.get("passage") or self.key.get("original") or ""


def _exercise(entry: object, notebook: str, label: str) -> Exercise:
    if not isinstance(entry, dict):
        raise KeyProblem(f"{label}: each exercise is a JSON object")
    ex_id = entry.get("id")
    if not is_id(ex_id):
        raise KeyProblem(f"{label}: {id_problem(ex_id)}")
    if entry.get("kind") not in CHECKERS:
        raise KeyProblem(f"{label}, {ex_id}: 'kind' must be one of {', '.join(CHECKERS)}")
    if not isinstance(entry.get("control", False), bool):
        raise KeyProblem(f"{label}, {ex_id}: 'control' must be true or false")
    points = entry.get("max_points")
    if isinstance(points, bool) or not isinstance(points, (int, float)) or points <= 0:
        raise KeyProblem(f"{label}, {ex_id}: 'max_points' must be a positive number")
    try:
        CHECKERS[entry["kind"]].validate(entry)
    except KeyProblem as err:
        raise KeyProblem(f"{label}, {ex_id}: {err}") from None
    return Exercise(
        ex_id, entry["kind"], str(entry.get("title", ex_id)), float(points), notebook, entry
    )


def load_exercises(folder: str | Path | None = None) -> dict[str, Exercise]:
    """Every exercise of every key file in ``folder``, by id; KeyProblem for a bad key."""
    root = Path(folder) if folder is not None else ANSWER_KEYS_DIR
    exercises: dict[str, Exercise] = {}
    for path in sorted(root.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            raise KeyProblem(f"{path.name} is not valid UTF-8 JSON ({err})") from None
        if not isinstance(data, dict) or not isinstance(data.get("exercises"), list):
            raise KeyProblem(f'{path.name}: expected {{"notebook": ..., "exercises": [...]}}')
        for entry in data["exercises"]:
            exercise = _exercise(entry, str(data.get("notebook", "")), path.name)
            if exercise.id in exercises:
                raise KeyProblem(f"{path.name}: duplicate exercise id '{exercise.id}'")
            exercises[exercise.id] = exercise
    return exercises


class LazyExercises(Mapping[str, Exercise]):
    """The kit's exercises by id, read from the answer keys the first time one is asked for."""

    def __init__(self) -> None:
        self._exercises: dict[str, Exercise] | None = None

    @property
    def loaded(self) -> bool:
        """True once the answer keys have been read."""
        return self._exercises is not None

    def _all(self) -> dict[str, Exercise]:
        if self._exercises is None:
            self._exercises = load_exercises()
        return self._exercises

    def __getitem__(self, exercise_id: str) -> Exercise:
        return self._all()[exercise_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


EXERCISES: Mapping[str, Exercise] = LazyExercises()
