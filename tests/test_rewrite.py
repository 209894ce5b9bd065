"""The rewrite comparison and the rewrite box: feedback, escaping, saving, bad input."""

from __future__ import annotations

import json

import ipywidgets as widgets
import pytest

from propaganda_kit.analysis.loaded_language import find_loaded_language
from propaganda_kit.analysis.rewrite import MAX_REWRITE_CHARS, compare_rewrite, term_of
from propaganda_kit.html.reports import report_html
from propaganda_kit.text.words import per_thousand_words, word_count
from propaganda_kit.widgets.rewrite import (
    DEFAULT_ORIGINAL,
    RewriteBox,
    default_name,
    original_html,
)

NEUTRAL = (
    "The town council approved a new parking plan for the high street. Some shop "
    "owners oppose it and have asked the council to change it."
)


def test_default_paragraph_is_loaded():
    assert len(find_loaded_language(DEFAULT_ORIGINAL)) >= 5


def test_neutral_rewrite_removes_every_term():
    report = compare_rewrite(DEFAULT_ORIGINAL, NEUTRAL)
    assert report.rewrite_spans == ()
    assert report.remaining == ()
    assert report.rate_after == 0.0
    assert {t.term for t in report.removed} == {term_of(s) for s in report.original_spans}
    assert all(t.status == "removed" for t in report.terms)


def test_rates_and_word_counts_use_the_kit_definitions():
    report = compare_rewrite(DEFAULT_ORIGINAL, NEUTRAL)
    assert report.original_words == word_count(DEFAULT_ORIGINAL)
    assert report.rewrite_words == word_count(NEUTRAL)
    assert report.rate_before == per_thousand_words(
        len(report.original_spans), report.original_words
    )
    assert report.rate_before > 0


def test_kept_and_new_terms_are_told_apart():
    first, second = find_loaded_language(DEFAULT_ORIGINAL)[:2]
    kept = term_of(first)
    rewrite = DEFAULT_ORIGINAL[: second.start] + DEFAULT_ORIGINAL[second.end :]
    report = compare_rewrite(DEFAULT_ORIGINAL, rewrite)
    by_term = {t.term: t for t in report.terms}
    assert by_term[kept].status == "still present"
    assert by_term[term_of(second)].after == by_term[term_of(second)].before - 1
    added = compare_rewrite(NEUTRAL, DEFAULT_ORIGINAL)
    assert {t.status for t in added.terms} == {"new in the rewrite"}


def test_report_html_escapes_student_text_and_marks_remaining_terms():
    loaded = find_loaded_language(DEFAULT_ORIGINAL)[0].text
    rewrite = f"<script>alert('x')</script> <b>{loaded}</b> & more"
    page = report_html(compare_rewrite(DEFAULT_ORIGINAL, rewrite))
    assert "<script>" not in page and f"<b>{loaded}" not in page
    assert "&lt;script&gt;" in page and "&lt;b&gt;" in page
    assert '<mark class="kit-hl' in page
    assert "per 1,000 words" in page and "still present" in page


@pytest.mark.parametrize(
    ("rewrite", "message"),
    [
        ("", "no words"),
        ("   \n\t ", "no words"),
        ("🙂🙂 🎉", "no words"),
        ("a\x00b", "NUL"),
        (None, "should be a string"),
        (42, "should be a string"),
        ("word " * (MAX_REWRITE_CHARS // 5 + 1), "too long"),
    ],
)
def test_unusable_rewrites_get_friendly_errors(rewrite, message):
    with pytest.raises(ValueError, match=message):
        compare_rewrite(DEFAULT_ORIGINAL, rewrite)


def test_ten_megabytes_is_refused_quickly_and_kindly():
    with pytest.raises(ValueError, match="one paragraph at a time"):
        compare_rewrite(DEFAULT_ORIGINAL, "x" * 10_000_000)


def test_persian_and_emoji_text_give_a_correct_result():
    persian = "شورای شهر طرح پارکینگ را تصویب کرد 🙂"
    report = compare_rewrite(DEFAULT_ORIGINAL, persian)
    assert report.rewrite_words == word_count(persian) == 7
    assert persian[:10] in report_html(report)


def test_box_starts_with_the_original_and_saves_nothing_on_creation(tmp_path):
    box = RewriteBox(folder=tmp_path)
    assert box.input.value == DEFAULT_ORIGINAL
    assert box.feedback.value == ""
    assert list(tmp_path.iterdir()) == []
    assert "kit-rewrite" in box.widget._dom_classes
    assert "kit-rewrite-input" in box.input._dom_classes
    assert "kit-rewrite-button" in box.button._dom_classes
    assert "kit-rewrite-feedback" in box.feedback._dom_classes


def test_pressing_the_button_gives_feedback_and_saves(tmp_path):
    box = RewriteBox(folder=tmp_path)
    box.input.value = NEUTRAL
    box.button.click()
    assert "0.0 per 1,000 words" in box.feedback.value
    saved = json.loads((tmp_path / f"{default_name(DEFAULT_ORIGINAL)}.json").read_text("utf-8"))
    assert saved == {"original": DEFAULT_ORIGINAL, "rewrite": NEUTRAL}


def test_saved_rewrite_is_restored_for_the_same_paragraph_only(tmp_path):
    box = RewriteBox(folder=tmp_path)
    box.input.value = NEUTRAL
    box.button.click()
    again = RewriteBox(folder=tmp_path)
    assert again.input.value == NEUTRAL
    assert again.feedback.value == box.feedback.value
    other = RewriteBox("A different, disastrous paragraph.", folder=tmp_path)
    assert other.input.value == "A different, disastrous paragraph."


@pytest.mark.parametrize("text", ["", "   ", "a\x00b", "x" * 10_000_000, "<script>x</script>"])
def test_box_never_raises_on_bad_input(tmp_path, text):
    box = RewriteBox(folder=tmp_path)
    box.input.value = text
    box.button.click()
    assert "kit-error" in box.feedback.value or "kit-rewrite-report" in box.feedback.value
    assert "<script>" not in box.feedback.value


def test_unwritable_folder_is_reported_not_raised(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    box = RewriteBox(folder=blocker / "my_work")
    box.input.value = NEUTRAL
    box.button.click()
    assert "kit-rewrite-report" in box.feedback.value
    assert "could not be saved" in box.feedback.value


def test_the_button_is_wide_enough_for_its_label(tmp_path):
    box = RewriteBox(folder=tmp_path)
    assert box.button.description == "Check my rewrite"
    assert box.button.layout.width == "auto"
    assert box.button.layout.align_self == "flex-start"  # its own width, not the row's


def test_the_box_shows_the_marked_original_once(tmp_path):
    box = RewriteBox(folder=tmp_path)
    shown = [c.value for c in box.widget.children if isinstance(c, widgets.HTML)]
    opening = DEFAULT_ORIGINAL.split()[0:3]
    marked = [v for v in shown if 'class="kit-doc"' in v]
    assert len(marked) == 1 and marked[0] == original_html(DEFAULT_ORIGINAL)
    assert sum(" ".join(opening) in v for v in shown) == 1
    assert box.input.value == DEFAULT_ORIGINAL  # the text to edit starts as the original


def test_original_without_words_is_refused():
    with pytest.raises(ValueError, match="no words"):
        RewriteBox("   ")


def test_static_view_marks_the_original(tmp_path):
    markup = RewriteBox(folder=tmp_path).static_view().data
    assert '<mark class="kit-hl' in markup and "per 1,000 words" in markup


def test_terms_show_the_forms_written_when_they_differ():
    report = compare_rewrite("They bungled it. A bungle followed.", "They met.")
    (bungle,) = report.terms
    assert (bungle.term, bungle.before, bungle.forms) == ("bungle", 2, ("bungled",))
    assert bungle.shown == "bungle (as written: bungled)"
    assert "bungle (as written: bungled)" in report_html(report)
    assert compare_rewrite("They met.", 'The "experts" met.').terms == ()  # doubt, not loaded
