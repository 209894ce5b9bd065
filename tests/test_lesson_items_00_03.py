"""Lessons 0-3: instant-feedback items placed in the lesson, from both sides, with a control."""

from __future__ import annotations

import pytest
from lesson_items import (
    HOSTILE,
    SUPPORTIVE,
    items,
    lesson_number,
    perspectives,
)

from propaganda_kit.checks import EXERCISES, Exercise, evaluate
from propaganda_kit.data.corpus import load_corpus

LESSONS = [
    "00_start_here.ipynb",
    "01_reading_competing_documents.ipynb",
    "02_persuasion_techniques.ipynb",
    "03_loaded_language.ipynb",
]


def right_answer(exercise: Exercise) -> list:
    """The answer the key calls right: the required options, or the key spans."""
    if exercise.kind == "choice":
        return list(exercise.key["required"])
    return [span["text"] for span in exercise.key["spans"]]


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
