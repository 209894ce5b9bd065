"""Lessons 4-6: instant-feedback items placed in the lesson, from both sides, with a control."""

from __future__ import annotations

import re

import nbformat
import pytest
from lesson_items import (
    HOSTILE,
    NOTEBOOKS,
    SUPPORTIVE,
    item,
    items,
    lesson_number,
    perspectives,
)

from propaganda_kit import claims_ledger, compare_rewrite, find_loaded_language
from propaganda_kit.checks import Exercise, evaluate
from propaganda_kit.checks.choice import option_key
from propaganda_kit.data.corpus import load_corpus

LESSONS = [
    "04_naming_and_framing.ipynb",
    "05_claims_and_evidence.ipynb",
    "06_putting_it_together.ipynb",
]
SNAKE_CASE_RE = re.compile(r"`[a-z]+(?:_[a-z0-9]+)+`")


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
