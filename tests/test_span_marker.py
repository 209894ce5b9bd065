"""The span marker (Python side): normalised spans, quotes and the spans answer input."""

from __future__ import annotations

import html
import re

import pytest
import traitlets

from propaganda_kit.checks import EXERCISES, Exercise, evaluate
from propaganda_kit.text.spans import Span
from propaganda_kit.text.words import word_count, word_spans
from propaganda_kit.widgets.answer_inputs import checker_answer
from propaganda_kit.widgets.answer_inputs.span_input import span_input
from propaganda_kit.widgets.span_marker import SpanMarker, normalise_spans

TEXT = "The big, bad wolf ran away. It was over."
HOSTILE = "<script>alert('x')</script> & <b>bold</b> claims"


def at(text: str, phrase: str) -> list[int]:
    start = text.index(phrase)
    return [start, start + len(phrase)]


def test_word_spans_are_the_words_word_count_counts():
    text = "It's a well-known fact—isn’t it? 42 times."
    spans = word_spans(text)
    assert len(spans) == word_count(text)
    assert [text[s:e] for s, e in spans] == [
        "It's", "a", "well-known", "fact", "isn’t", "it", "42", "times",
    ]  # fmt: skip


def test_words_are_synced_offsets_of_each_word():
    marker = SpanMarker(TEXT)
    assert marker.words == [list(w) for w in word_spans(TEXT)]
    assert marker.spans == []
    assert marker.marked_quotes() == []
    assert {"text", "words", "spans"} <= set(marker.keys)


def test_spans_snap_to_whole_words():
    marker = SpanMarker(TEXT, spans=[[5, 6], [10, 16]])  # inside "big"; "ad wol"
    assert marker.marked_quotes() == ["big", "bad wolf"]
    assert marker.spans == [at(TEXT, "big"), at(TEXT, "bad wolf")]


def test_spans_are_clipped_sorted_and_empty_ones_dropped():
    marker = SpanMarker(TEXT)
    marker.spans = [[36, 500], (-10, 3), [8, 8], [7, 9], [26, 27]]  # "over.", "The", ...
    assert marker.marked_quotes() == ["The", "over"]


def test_reversed_pairs_and_span_objects_are_accepted():
    marker = SpanMarker(TEXT)
    marker.spans = [[7, 4], Span(18, 21, "ran")]
    assert marker.marked_quotes() == ["big", "ran"]


def test_overlapping_and_space_separated_marks_merge():
    assert normalise_spans([[13, 17], [9, 12], [10, 15]], TEXT) == [at(TEXT, "bad wolf")]
    assert normalise_spans([[18, 21], [22, 26]], TEXT) == [at(TEXT, "ran away")]


def test_punctuation_between_marks_keeps_them_apart():
    # "big, bad": a comma between the words; "away. It": a full stop.
    assert normalise_spans([[4, 7], [9, 12]], TEXT) == [at(TEXT, "big"), at(TEXT, "bad")]
    assert normalise_spans([[22, 26], [28, 30]], TEXT) == [at(TEXT, "away"), at(TEXT, "It")]
    # One stretch across the comma (a drag) stays one stretch.
    assert normalise_spans([[4, 12]], TEXT) == [at(TEXT, "big, bad")]


@pytest.mark.parametrize(
    "bad", [[["a", 2]], [[1.5, 3]], [[True, 3]], [[1, 2, 3]], [{"start": 1}], [None]]
)
def test_malformed_spans_are_refused_and_nothing_changes(bad):
    marker = SpanMarker(TEXT, spans=[[4, 7]])
    with pytest.raises(traitlets.TraitError, match="pair of whole numbers"):
        marker.spans = bad
    assert marker.spans == [at(TEXT, "big")]


def test_plain_text_view_is_short_and_stable():
    marker = SpanMarker(TEXT, spans=[[4, 7]])
    assert repr(marker) == "SpanMarker(9 words, marked: ['big'])"
    assert marker._repr_mimebundle_()[0]["text/plain"] == repr(marker)


def test_a_new_passage_clears_the_marks():
    marker = SpanMarker(TEXT, spans=[[4, 7]])
    marker.text = "Another passage"
    assert marker.words == [[0, 7], [8, 15]]
    assert marker.spans == []


def test_passage_must_be_text():
    with pytest.raises(traitlets.TraitError, match="NUL"):
        SpanMarker("bad\x00text")


def test_static_files_are_loaded():
    marker = SpanMarker(TEXT)
    assert "export default" in marker._esm
    assert ".kit-span-marked" in marker._css
    # The passage only reaches the page as text, never parsed as markup.
    assert not re.search(r"\.(inner|outer)HTML|insertAdjacentHTML|document\.write", marker._esm)


# -- the answer input for the spans kind ---------------------------------------------------

EXERCISE = EXERCISES["mark-loaded-1"]
KEY_PHRASES = ["psychological warfare", "manipulation", "coercion", "internal decay", "desperate"]


def test_input_value_is_the_marked_spans_as_json_lists():
    answer = span_input(EXERCISE)
    assert answer.widget.text == EXERCISE.passage
    assert answer.value == []
    answer.widget.spans = [at(EXERCISE.passage, "coercion")]
    assert answer.value == [at(EXERCISE.passage, "coercion")]
    assert all(type(pair) is list for pair in answer.value)


def test_show_puts_a_saved_answer_back():
    first = span_input(EXERCISE)
    first.widget.spans = [at(EXERCISE.passage, p) for p in ("manipulation", "desperate")]
    second = span_input(EXERCISE)
    second.show(first.value)
    assert second.value == first.value
    assert second.widget.marked_quotes() == ["manipulation", "desperate"]


@pytest.mark.parametrize("saved", [None, "coercion", {"a": 1}, [["x", 1]], [[1]], 3, [None]])
def test_show_of_a_malformed_value_marks_nothing(saved):
    answer = span_input(EXERCISE)
    answer.widget.spans = [at(EXERCISE.passage, "coercion")]
    answer.show(saved)
    assert answer.value == []


def test_the_spans_checker_accepts_the_value():
    answer = span_input(EXERCISE)
    answer.widget.spans = [at(EXERCISE.passage, p) for p in KEY_PHRASES]
    result = evaluate("mark-loaded-1", checker_answer("spans", answer.value))
    assert result.status == "correct", result.feedback
    answer.show([at(EXERCISE.passage, "psychological warfare")])
    result = evaluate("mark-loaded-1", checker_answer("spans", answer.value))
    assert result.status == "incorrect"
    assert "Hits: 1 of the 5" in result.feedback


def test_clicking_two_listed_words_does_not_glue_them_across_a_comma():
    answer = span_input(EXERCISE)
    answer.widget.spans = [at(EXERCISE.passage, "manipulation"), at(EXERCISE.passage, "coercion")]
    assert answer.widget.marked_quotes() == ["manipulation", "coercion"]


def test_static_html_escapes_the_passage_and_asks_to_run():
    exercise = Exercise("hostile", "spans", "Hostile", 1.0, "", {"passage": HOSTILE, "spans": []})
    answer = span_input(exercise)
    page = answer.static_html()
    assert "<script>" not in page and "<b>" not in page
    assert html.escape(HOSTILE, quote=True) in page
    assert "Run this notebook to mark words." in page
    assert answer.widget.text == HOSTILE
