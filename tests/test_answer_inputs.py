"""Answer inputs: filled in as a student would, checked, saved and restored."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
import pandas as pd
import pytest

from propaganda_kit.analysis.loaded_language import loaded_language_table
from propaganda_kit.checks import EXERCISES, Exercise, evaluate
from propaganda_kit.checks.choice import name_key
from propaganda_kit.checks.freetext import comparable
from propaganda_kit.checks.registry import CHECKERS
from propaganda_kit.checks.span_answers import key_spans
from propaganda_kit.data.corpus import load_corpus
from propaganda_kit.text.words import per_thousand_words
from propaganda_kit.widgets.answer_inputs import INPUTS, checker_answer
from propaganda_kit.widgets.answer_inputs.name_picker import candidate_names
from propaganda_kit.widgets.answer_inputs.parts import ANSWER_CSS, parse_number

HOSTILE = "<script>alert('x')</script> & <b>bold</b>"
REWRITES = {
    "neutral-rewrite-1": (
        "The author argues that the Iranian government is worried about the MEK. For four "
        "decades the government has used censorship and its own media to keep control, and "
        "the author says the MEK now reaches people in ways the authorities cannot block."
    ),
    "neutral-rewrite-2": (
        "The author says these efforts have brought fewer results over time. The group's past "
        "use of violence, including attacks in the 1980s and its work with Saddam Hussein "
        "during the Iran-Iraq War, still affects how its current messages are received. The "
        "author argues that the Resistance Units project now harms the MEK and separates it "
        "from other opposition groups."
    ),
    "neutral-rewrite-3": (
        "According to its organisers, the Free Iran Global Summit 2020 took place on a video "
        "conferencing platform, with people taking part from 30,000 locations in 102 "
        "countries. A 2025 article reports that software such as Photoshop was used to edit "
        "some videos that the group's supporters shared online."
    ),
}
SUPPORT = "The text names no report, person or record for this claim."


def tick_required(inp: Any, exercise: Exercise) -> None:
    for option in exercise.key["required"]:
        inp.boxes[option].value = True


def write_number(inp: Any, exercise: Exercise) -> None:
    inp.field.value = f"{exercise.key['value']:.2f}"


def fill_rate_rows(inp: Any, exercise: Exercise) -> None:
    counts = loaded_language_table(load_corpus()).groupby("document")["count"].sum()
    for doc in load_corpus():
        count = int(counts[doc.id])
        inp.counts[doc.id].value = str(count)
        inp.rates[doc.id].value = f"{per_thousand_words(count, doc.word_count):.2f}"


def pick_key_names(inp: Any, exercise: Exercise) -> None:
    keyed = {name_key(n) for n in exercise.key["key_names"]}
    listed = {name_key(name) for name, box in inp.boxes.items() if name_key(name) in keyed}
    for name, box in inp.boxes.items():
        box.value = name_key(name) in keyed
    inp.others.value = "\n".join(n for n in exercise.key["key_names"] if name_key(n) not in listed)


def fill_checklist(inp: Any, exercise: Exercise) -> None:
    for name, rule in exercise.key["fields"].items():
        control = inp.controls[name]
        if "min_words" in rule:
            control.value = SUPPORT
        else:
            wanted = comparable(rule["accept"][0])
            control.value = next(v for _, v in control.options if comparable(v) == wanted)


def write_rewrite(inp: Any, exercise: Exercise) -> None:
    inp.text.value = REWRITES[exercise.id]


def mark_key_spans(inp: Any, exercise: Exercise) -> None:
    inp.widget.spans = [list(span) for span in key_spans(exercise.key)]


FILL: dict[str, Callable[[Any, Exercise], None]] = {
    "choice": tick_required,
    "number": write_number,
    "rate_table": fill_rate_rows,
    "names": pick_key_names,
    "checklist": fill_checklist,
    "rewrite": write_rewrite,
    "spans": mark_key_spans,
}
MALFORMED: dict[str, list[Any]] = {
    "choice": [None, "loaded_language", 3, {"a": 1}, [1], ["no_such_option"], ["none", "doubt"]],
    "number": ["12", [12], {"value": 1}, True, float("inf")],
    "rate_table": [
        None,
        "table",
        {"document": "acts-of-defiance"},
        [1, "x"],
        [{"document": "no-such-document", "count": 3, "rate_per_1000": 1.0}],
        [{"document": "acts-of-defiance", "count": "three", "rate_per_1000": 1.0}],
        [{"document": "acts-of-defiance", "count": None, "rate_per_1000": 1.0}],
        [{"document": ["acts-of-defiance"], "count": 3, "rate_per_1000": 1.0}],
    ],
    "names": [None, "MEK", 3, {"MEK": 1}, [1, "MEK"], [None]],
    "checklist": [None, "yes", ["yes"], {"who_says": 3, "source_named": [], "claim_type": "x"}],
    "rewrite": [None, 3, ["text"], {"text": "x"}, "x" * 200_001],
    "spans": [None, "text", 3, [[1]], [["a", "b"]], {"a": 1}],
}
ANSWERABLE = [ex for ex in EXERCISES.values() if ex.kind in INPUTS]


def build(exercise: Exercise) -> Any:
    return INPUTS[exercise.kind](exercise)


def classes(widget: widgets.Widget) -> set[str]:
    return set(widget._dom_classes)


def descendants(widget: widgets.Widget) -> list[widgets.Widget]:
    found = [widget]
    for child in getattr(widget, "children", ()):
        found += descendants(child)
    return found


def with_key(exercise: Exercise, **fields: Any) -> Exercise:
    key = {**exercise.key, **fields}
    return Exercise(exercise.id, exercise.kind, exercise.title, 2.0, "", key)


def test_every_answer_kind_has_an_input():
    missing = sorted(set(CHECKERS) - set(INPUTS))
    assert not missing, f"answer kinds without an input in INPUTS: {missing}"


def test_every_kit_exercise_has_an_input_and_a_student_fill():
    assert ANSWERABLE and len(ANSWERABLE) == len(EXERCISES)
    assert {ex.kind for ex in ANSWERABLE} <= set(FILL)


@pytest.mark.parametrize("exercise", ANSWERABLE, ids=lambda ex: ex.id)
def test_an_answer_built_from_the_key_is_correct(exercise):
    inp = build(exercise)
    FILL[exercise.kind](inp, exercise)
    result = evaluate(exercise.id, checker_answer(exercise.kind, inp.value))
    assert result.status == "correct", result.feedback


@pytest.mark.parametrize("exercise", ANSWERABLE, ids=lambda ex: ex.id)
def test_an_empty_input_is_judged_not_correct_without_crashing(exercise):
    inp = build(exercise)
    empty = json.loads(json.dumps(inp.value))
    result = evaluate(exercise.id, checker_answer(exercise.kind, empty))
    FILL[exercise.kind](inp, exercise)
    nothing_to_give = inp.value == empty  # a control item whose answer is "nothing marked"
    assert result.status in ({"correct"} if nothing_to_give else {"incorrect", "unanswered"})
    assert result.feedback


@pytest.mark.parametrize("exercise", ANSWERABLE, ids=lambda ex: ex.id)
def test_a_saved_answer_is_shown_again(exercise):
    inp = build(exercise)
    FILL[exercise.kind](inp, exercise)
    saved = json.loads(json.dumps(inp.value))
    again = build(exercise)
    again.show(saved)
    assert again.value == saved
    again.show(build(exercise).value)
    assert again.value == build(exercise).value


@pytest.mark.parametrize("exercise", ANSWERABLE, ids=lambda ex: ex.id)
def test_malformed_saved_values_show_nothing_entered(exercise):
    empty = build(exercise).value
    for bad in MALFORMED[exercise.kind]:
        inp = build(exercise)
        FILL[exercise.kind](inp, exercise)
        inp.show(bad)
        assert inp.value == empty, f"show({bad!r:.60})"


@pytest.mark.parametrize("exercise", ANSWERABLE, ids=lambda ex: ex.id)
def test_hostile_passage_text_is_escaped(exercise):
    field = "original" if exercise.kind == "rewrite" else "passage"
    inp = build(with_key(exercise, **{field: HOSTILE}))
    shown = inp.static_html() + "".join(
        w.value for w in descendants(inp.widget) if isinstance(w, widgets.HTML)
    )
    assert "<script>" not in shown and "<b>bold</b>" not in shown
    if exercise.passage:
        assert html.escape(HOSTILE, quote=False) in shown.replace("&#x27;", "'")


def test_every_control_has_a_kit_answer_class_and_labels_are_not_cut():
    assert "white-space: normal" in ANSWER_CSS
    for exercise in ANSWERABLE:
        if exercise.kind == "spans":
            continue  # the span marker is its own widget
        inp = build(exercise)
        assert {"kit-answer", f"kit-answer-{exercise.kind}"} <= classes(inp.widget)
        for w in descendants(inp.widget):
            if isinstance(w, (widgets.Checkbox, widgets.ToggleButtons, widgets.Text)):
                assert any(c.startswith("kit-answer-") for c in classes(w)), w
            if isinstance(w, widgets.Checkbox):
                assert w.layout.width == "auto" and not w.indent
            if isinstance(w, widgets.ToggleButtons):
                assert w.style.button_width == "auto"
            if isinstance(w, (widgets.Textarea, widgets.Text)):
                assert w.layout.width, "a text field needs a width that fits its column"


def test_tick_boxes_offer_the_taxonomy_with_definitions_and_no_technique():
    exercise = EXERCISES["spot-techniques-1"]
    inp = build(exercise)
    assert len(inp.boxes) == 15 and "none" in inp.boxes
    assert inp.boxes["loaded_language"].description == "Loaded language"
    assert "emotional meaning" in inp.boxes["loaded_language"].tooltip
    assert "What do these mean?" in inp.static_html()
    assert "kit-answer-option-loaded_language" in classes(inp.boxes["loaded_language"])


def test_no_technique_and_the_techniques_exclude_each_other():
    inp = build(EXERCISES["spot-techniques-1"])
    inp.boxes["doubt"].value = inp.boxes["slogans"].value = True
    inp.boxes["none"].value = True
    assert inp.value == ["none"]
    assert evaluate("spot-techniques-1", inp.value).status == "incorrect"
    inp.boxes["repetition"].value = True
    assert inp.value == ["repetition"]


def test_a_list_vocabulary_is_offered_as_written_and_checked():
    exercise = Exercise(
        "kinds-of-claim",
        "choice",
        "Kinds of claim",
        1.0,
        "",
        {"vocabulary": ["a fact", HOSTILE], "required": ["a fact"]},
    )
    inp = build(exercise)
    assert list(inp.boxes) == ["a fact", HOSTILE, "none"]
    assert inp.boxes["none"].description == "None of these"
    assert "<script>" not in inp.static_html()
    inp.boxes["a fact"].value = True
    assert evaluate(exercise.id, inp.value, {exercise.id: exercise}).status == "correct"


@pytest.mark.parametrize(
    ("text", "number"),
    [("24.87", 24.87), (" 1,000 ", 1000.0), ("-3", -3.0), ("", None), ("24,87", None),
     ("abc", None), ("nan", None), ("inf", None)],
)  # fmt: skip
def test_parse_number(text, number):
    assert parse_number(text) == number


def test_the_number_box_says_when_the_text_is_not_a_number():
    inp = build(EXERCISES["rate-1"])
    inp.field.value = "24,87"
    assert inp.value is None and "point for decimals" in inp.hint.value
    inp.field.value = "24.87"
    assert inp.value == 24.87 and inp.hint.value == ""
    assert "A rate per 1,000 words" in inp.static_html()


def test_the_rate_grid_shows_every_document_and_leaves_rows_without_a_count_out():
    inp = build(EXERCISES["rate-table-1"])
    corpus = load_corpus()
    assert list(inp.counts) == corpus.ids
    static = inp.static_html()
    assert all(doc.id in static and f"{doc.word_count:,}" in static for doc in corpus)
    first, second = corpus.ids[:2]
    inp.rates[first].value = "3.1"
    inp.counts[second].value = "4"
    assert [row["document"] for row in inp.value] == [second]
    assert inp.value[0]["count"] == 4 and inp.value[0]["rate_per_1000"] is None
    assert "write the count too" in inp.hint.value
    result = evaluate("rate-table-1", checker_answer("rate_table", inp.value))
    assert result.status == "incorrect" and "rate_per_1000" in result.feedback


def test_a_rate_table_given_in_code_is_shown():
    exercise = EXERCISES["rate-table-1"]
    inp = build(exercise)
    fill_rate_rows(inp, exercise)
    again = build(exercise)
    again.show(pd.DataFrame(inp.value).set_index("document"))
    assert again.value == inp.value


def test_a_wrong_rate_is_caught():
    exercise = EXERCISES["rate-table-1"]
    inp = build(exercise)
    fill_rate_rows(inp, exercise)
    inp.rates[load_corpus().ids[0]].value = "999"
    result = evaluate(exercise.id, checker_answer("rate_table", inp.value))
    assert result.status == "incorrect"


def test_name_candidates_are_the_same_whichever_actor_is_asked_about():
    two, three = EXERCISES["naming-map-2"], EXERCISES["naming-map-3"]
    assert two.key["perspective"] == three.key["perspective"]
    assert two.key["actor"] != three.key["actor"]
    assert build(two).candidates == build(three).candidates
    names = list(candidate_names("hostile to the MEK"))
    assert names == sorted(names, key=lambda n: (n.casefold(), n))
    assert "PMOI" not in names  # only names that occur in that perspective's documents


def test_names_from_the_list_alone_can_earn_the_points():
    exercise = EXERCISES["naming-map-3"]
    inp = build(exercise)
    for name in ("Iranian regime", "mullahs", "Tehran"):
        inp.boxes[name].value = True
    assert evaluate(exercise.id, inp.value).status == "correct"
    inp.others.value = "Tehran\nnot in any text"
    assert "Already in the list" in inp.hint.value
    assert inp.value == ["Iranian regime", "mullahs", "Tehran", "not in any text"]
    assert evaluate(exercise.id, inp.value).status == "incorrect"


def test_the_checklist_offers_every_option_and_counts_words():
    exercise = EXERCISES["audit-claim-3"]
    inp = build(exercise)
    claim_type = inp.controls["claim_type"]
    assert [v for _, v in claim_type.options] == ["factual", "judgement", "prediction"]
    assert [v for _, v in inp.controls["source_named"].options] == ["yes", "no"]
    assert "Factual" in inp.static_html() and "Yes / No" in inp.static_html()
    inp.controls["support"].value = "one two three"
    assert "3 words (at least 6)" in inp.counters["support"].value
    inp.show({"source_named": False, "who_says": "Author"})
    assert inp.value["source_named"] == "no" and inp.value["who_says"] == "author"


def test_a_checklist_field_without_known_options_takes_text():
    exercise = with_key(
        EXERCISES["audit-claim-1"],
        fields={"tone": {"accept": ["calm"]}, "heard": {"accept": [True]}},
    )
    inp = build(exercise)
    assert isinstance(inp.controls["tone"], widgets.Text)
    assert "calm" not in inp.static_html()
    inp.controls["tone"].value = "Calm"
    inp.controls["heard"].value = "yes"
    assert evaluate(exercise.id, inp.value, {exercise.id: exercise}).status == "correct"


def test_the_rewrite_area_starts_empty_and_counts_words():
    exercise = EXERCISES["neutral-rewrite-1"]
    inp = build(exercise)
    assert inp.value == ""
    shown = "".join(w.value for w in descendants(inp.widget) if isinstance(w, widgets.HTML))
    assert shown.count(html.escape(exercise.passage, quote=False)) == 1
    inp.text.value = "Four plain words here."
    assert "4 words" in inp.counter.value


def test_a_broken_data_file_is_shown_not_raised(monkeypatch):
    from propaganda_kit.widgets.answer_inputs import rate_grid, tick_boxes

    def broken(*_args: Any) -> None:
        raise OSError("taxonomy.csv cannot be read")

    monkeypatch.setattr(tick_boxes, "load_taxonomy", broken)
    monkeypatch.setattr(rate_grid, "load_corpus", broken)
    choice = build(EXERCISES["spot-techniques-1"])
    table = build(EXERCISES["rate-table-1"])
    for inp in (choice, table):
        assert "kit-error" in inp.hint.value and "cannot be read" in inp.hint.value
        json.dumps(inp.value)
    assert list(choice.boxes) == ["none"] and table.value == []
