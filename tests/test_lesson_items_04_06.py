"""Lessons 4-6: instant-feedback items placed in the lesson, from both sides, with a control."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import nbformat
import pytest

from propaganda_kit import claims_ledger, compare_rewrite, find_loaded_language
from propaganda_kit.checks import EXERCISES, Exercise, evaluate
from propaganda_kit.checks.choice import option_key
from propaganda_kit.data.corpus import load_corpus
from propaganda_kit.data.paths import DEFAULT_DATA_DIR

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
LESSONS = [
    "04_naming_and_framing.ipynb",
    "05_claims_and_evidence.ipynb",
    "06_putting_it_together.ipynb",
]
WIDGET_RE = re.compile(r'exercise_widget\("([^"]+)"\)')
SNAKE_CASE_RE = re.compile(r"`[a-z]+(?:_[a-z0-9]+)+`")
SUPPORTIVE, HOSTILE = "supportive of the MEK", "hostile to the MEK"


def perspectives() -> dict[str, str]:
    """Document id -> perspective, as data/metadata.csv states it."""
    with open(DEFAULT_DATA_DIR / "metadata.csv", newline="", encoding="utf-8") as fh:
        return {row["id"]: row["perspective"] for row in csv.DictReader(fh)}


def items(lesson: str) -> list[Exercise]:
    return [e for e in EXERCISES.values() if e.notebook == lesson]


def lesson_number(lesson: str) -> str:
    return str(int(lesson[:2]))


def item(lesson: str, part: str) -> Exercise:
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


def question(exercise: Exercise) -> str:
    """The question an item asks: its title before the words that name the passage."""
    return re.split(r"[:?] ", exercise.title)[0]


@pytest.mark.parametrize("lesson", LESSONS)
def test_a_lesson_has_a_warm_up_a_mirror_pair_and_a_control_keyed_none(lesson):
    found = items(lesson)
    assert len(found) >= 3
    parts = ("warmup", "mirror-for", "mirror-against", "control")
    assert {f"lesson{lesson_number(lesson)}-{p}" for p in parts} <= {e.id for e in found}
    controls = [e for e in found if e.control]
    assert controls and all(e.key["required"] == ["none"] for e in controls)
    assert all(e.max_points == 1 for e in found)


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_mirror_pair_asks_one_question_of_a_passage_from_each_side(lesson):
    side = perspectives()
    pair = item(lesson, "mirror-for"), item(lesson, "mirror-against")
    assert [side[e.key["document"]] for e in pair] == [SUPPORTIVE, HOSTILE]
    assert pair[0].kind == pair[1].kind
    assert question(pair[0]) == question(pair[1])
    corpus = load_corpus()
    for exercise in pair:
        assert exercise.passage in corpus[exercise.key["document"]].text, exercise.id


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_warm_up_is_invented_and_comes_before_the_first_corpus_item(lesson):
    warmup = item(lesson, "warmup")
    assert "document" not in warmup.key and not warmup.control
    assert not any(warmup.passage in d.text for d in load_corpus())
    cells = widget_cells(lesson)
    from_corpus = [cells[e.id][0] for e in items(lesson) if "document" in e.key]
    assert from_corpus and cells[warmup.id][0] < min(from_corpus)


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_item_has_exactly_one_widget_cell_after_its_question(lesson):
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
    widget_import = r"^from propaganda_kit\.widgets import .*\bexercise_widget\b"
    assert re.search(widget_import, cell.source, re.M)
    assert setup < min(i for found in widget_cells(lesson).values() for i in found)


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_prose_names_columns_as_the_tables_show_them(lesson):
    nb = nbformat.read(NOTEBOOKS / lesson, as_version=4)
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert SNAKE_CASE_RE.findall(prose) == []


ITEMS = [e for lesson in LESSONS for e in items(lesson)]
WITH_HINTS = [e for e in ITEMS if not e.control]
CONTROLS = [e for e in ITEMS if e.control]


@pytest.mark.parametrize("exercise", ITEMS, ids=lambda e: e.id)
def test_the_key_answer_of_every_item_is_correct(exercise):
    result = evaluate(exercise.id, list(exercise.key["required"]))
    assert result.status == "correct" and result.points == exercise.max_points, result.feedback


@pytest.mark.parametrize("exercise", WITH_HINTS, ids=lambda e: e.id)
def test_a_wrong_choice_gets_a_hint_for_each_missing_option_without_naming_it(exercise):
    wrong = [o for o in exercise.key["vocabulary"] if o not in exercise.key["required"]]
    for answer in (["none"], wrong[:1]):
        result = evaluate(exercise.id, answer)
        assert result.status == "incorrect"
        for option in exercise.key["required"]:
            hint = exercise.key["hints"][option]
            assert hint in result.feedback
            assert option_key(option) not in option_key(hint)


@pytest.mark.parametrize("control", CONTROLS, ids=lambda e: e.id)
def test_an_option_ticked_on_a_control_is_a_false_alarm(control):
    for option in control.key["vocabulary"]:
        result = evaluate(control.id, [option])
        assert result.status == "incorrect"
        assert result.counts.false_alarms == 1 and result.counts.hits == 0


WORD_OPTIONS = [*items(LESSONS[0]), item(LESSONS[2], "control")]


@pytest.mark.parametrize("exercise", WORD_OPTIONS, ids=lambda e: e.id)
def test_the_names_and_words_offered_are_quoted_from_the_passage(exercise):
    for option in exercise.key["vocabulary"]:
        assert option.casefold() in exercise.passage.casefold(), (exercise.id, option)


@pytest.mark.parametrize("part", ["warmup", "mirror-for", "mirror-against"])
def test_each_rewrite_question_has_one_plain_rewrite_and_a_loaded_trap(part):
    exercise = item(LESSONS[2], part)
    (keyed,) = exercise.key["required"]
    assert not compare_rewrite(exercise.passage, keyed).rewrite_spans
    assert find_loaded_language(exercise.passage)
    others = [o for o in exercise.key["vocabulary"] if o != keyed]
    assert any(find_loaded_language(o) for o in others)


def test_the_claims_control_is_no_claim_for_the_kits_claim_finder_either():
    control = item(LESSONS[1], "control")
    ledger = claims_ledger(load_corpus())
    rows = ledger[ledger["document"] == control.key["document"]]
    assert not any(control.passage in claim or claim in control.passage for claim in rows["claim"])
