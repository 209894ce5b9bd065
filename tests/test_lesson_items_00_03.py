"""Lessons 0-3: instant-feedback items placed in the lesson, from both sides, with a control."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import nbformat
import pytest

from propaganda_kit.checks import EXERCISES, Exercise, evaluate
from propaganda_kit.data.corpus import load_corpus
from propaganda_kit.data.paths import DEFAULT_DATA_DIR

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
LESSONS = [
    "00_start_here.ipynb",
    "01_reading_competing_documents.ipynb",
    "02_persuasion_techniques.ipynb",
    "03_loaded_language.ipynb",
]
WIDGET_RE = re.compile(r'exercise_widget\("([^"]+)"\)')
SUPPORTIVE, HOSTILE = "supportive of the MEK", "hostile to the MEK"


def perspectives() -> dict[str, str]:
    """Document id -> perspective, as data/metadata.csv states it."""
    with open(DEFAULT_DATA_DIR / "metadata.csv", newline="", encoding="utf-8") as fh:
        return {row["id"]: row["perspective"] for row in csv.DictReader(fh)}


def items(lesson: str) -> list[Exercise]:
    return [e for e in EXERCISES.values() if e.notebook == lesson]


def widget_cells(lesson: str) -> dict[str, list[int]]:
    """Exercise id -> indexes of the code cells showing its widget."""
    nb = nbformat.read(NOTEBOOKS / lesson, as_version=4)
    found: dict[str, list[int]] = {}
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            for ex_id in WIDGET_RE.findall(cell.source):
                found.setdefault(ex_id, []).append(index)
    return found


def right_answer(exercise: Exercise) -> list:
    """The answer the key calls right: the required options, or the key spans."""
    if exercise.kind == "choice":
        return list(exercise.key["required"])
    return [span["text"] for span in exercise.key["spans"]]


def lesson_number(lesson: str) -> str:
    return str(int(lesson[:2]))


@pytest.mark.parametrize("lesson", LESSONS)
def test_a_lesson_has_a_warm_up_a_mirror_pair_and_a_control(lesson):
    number = lesson_number(lesson)
    ids = {e.id for e in items(lesson)}
    assert len(ids) >= 3
    expected = {f"lesson{number}-{part}" for part in ("warmup", "mirror-for", "mirror-against")}
    assert expected <= ids
    assert any(EXERCISES[i].control for i in ids)
    assert all(EXERCISES[i].max_points == 1 for i in ids)


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_mirror_pair_asks_one_question_of_both_sides(lesson):
    number = lesson_number(lesson)
    side = perspectives()
    pair = EXERCISES[f"lesson{number}-mirror-for"], EXERCISES[f"lesson{number}-mirror-against"]
    assert [side[e.key["document"]] for e in pair] == [SUPPORTIVE, HOSTILE]
    first, second = pair
    assert first.kind == second.kind
    assert first.key.get("vocabulary") == second.key.get("vocabulary")
    corpus = load_corpus()
    for exercise in pair:
        assert exercise.passage in corpus[exercise.key["document"]].text, exercise.id


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_warm_up_is_invented_and_comes_before_the_first_corpus_item(lesson):
    warmup = EXERCISES[f"lesson{lesson_number(lesson)}-warmup"]
    assert "document" not in warmup.key and not warmup.control
    assert not any(warmup.passage in d.text for d in load_corpus())
    cells = widget_cells(lesson)
    from_corpus = [cells[e.id][0] for e in items(lesson) if "document" in e.key]
    assert from_corpus and cells[warmup.id][0] < min(from_corpus)


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_item_has_exactly_one_widget_cell_tagged_to_ignore_its_output(lesson):
    nb = nbformat.read(NOTEBOOKS / lesson, as_version=4)
    cells = widget_cells(lesson)
    assert set(cells) == {e.id for e in items(lesson)}
    for ex_id, indexes in cells.items():
        assert len(indexes) == 1, ex_id
        cell = nb.cells[indexes[0]]
        assert cell.source.strip() == f'exercise_widget("{ex_id}")'
        assert "nbval-ignore-output" in cell.metadata.get("tags", [])
        assert nb.cells[indexes[0] - 1].cell_type == "markdown", ex_id


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_collapsed_set_up_cell_imports_the_widget_before_any_item(lesson):
    nb = nbformat.read(NOTEBOOKS / lesson, as_version=4)
    setup = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
    cell = nb.cells[setup]
    assert cell.metadata["jupyter"]["source_hidden"] is True
    assert re.search(
        r"^from propaganda_kit\.widgets import .*\bexercise_widget\b", cell.source, re.M
    )
    assert setup < min(i for found in widget_cells(lesson).values() for i in found)


ITEMS = [e for lesson in LESSONS for e in items(lesson)]
WITH_HINTS = [e for e in ITEMS if e.kind == "choice" and not e.control]
CONTROLS = [e for e in ITEMS if e.control]


@pytest.mark.parametrize("exercise", ITEMS, ids=lambda e: e.id)
def test_the_key_answer_of_every_item_is_correct(exercise):
    result = evaluate(exercise.id, right_answer(exercise))
    assert result.status == "correct" and result.points == exercise.max_points, result.feedback


@pytest.mark.parametrize("exercise", WITH_HINTS, ids=lambda e: e.id)
def test_a_wrong_choice_gets_a_hint_for_each_missing_option_without_naming_it(exercise):
    result = evaluate(exercise.id, ["none"])
    assert result.status == "incorrect"
    for option in exercise.key["required"]:
        hint = exercise.key["hints"][option]
        assert hint in result.feedback
        assert option.replace("_", " ").casefold() not in hint.casefold()


@pytest.mark.parametrize("control", CONTROLS, ids=lambda e: e.id)
def test_an_option_ticked_on_a_control_is_a_false_alarm(control):
    assert control.key["required"] == ["none"]
    vocabulary = control.key["vocabulary"]
    option = "loaded_language" if vocabulary == "taxonomy" else vocabulary[0]
    result = evaluate(control.id, [option])
    assert result.status == "incorrect"
    assert result.counts.false_alarms == 1 and result.counts.hits == 0
