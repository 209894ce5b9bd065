"""The spotting quiz widget: scoring, hint and second try, arguable ticks, the words behind the
key, false alarms per side, readable labels, friendly refusals, saving and restoring."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import ipywidgets as widgets
import pytest

from propaganda_kit.data.passages import QuizPassage, load_quiz_passages
from propaganda_kit.widgets import SpottingQuiz
from propaganda_kit.widgets.quiz import Score, score_choice

PASSAGES = [
    QuizPassage(
        "p1",
        "invented",
        "",
        "They are <script>alert(1)</script> traitors!",
        ("name_calling", "loaded_language"),
        "A label and a charged word.",
        {
            "name_calling": ("<script>alert(1)</script> traitors",),
            "loaded_language": ("traitors!",),
            "exaggeration": ("!",),
        },
        ("exaggeration",),
        "The <b>exclamation</b> can be read as overstating.",
    ),
    QuizPassage("p2", "invented", "", "The bus leaves at nine.", (), "A plain timetable."),
    QuizPassage(
        "p3",
        "document",
        "censor-rally-2020",
        "Everyone agrees.",
        ("bandwagon",),
        "It claims everyone agrees.",
    ),
]


def classes(widget: widgets.Widget) -> set[str]:
    return set(widget._dom_classes)


def tick(quiz: SpottingQuiz, *option_ids: str) -> None:
    for option_id, box in quiz.options.items():
        box.value = option_id in option_ids


@pytest.fixture
def quiz(tmp_path: Path) -> SpottingQuiz:
    return SpottingQuiz(PASSAGES, folder=tmp_path)


def test_contract_classes(quiz: SpottingQuiz) -> None:
    assert "kit-quiz" in classes(quiz.widget)
    assert "kit-quiz-passage" in classes(quiz.passage_html)
    assert "kit-quiz-options" in classes(quiz.options_box)
    assert all("kit-quiz-option" in classes(box) for box in quiz.options_box.children)
    assert list(quiz.options_box.children) == list(quiz.options.values())
    assert "kit-quiz-submit" in classes(quiz.submit_button)
    assert "kit-quiz-reveal" in classes(quiz.reveal_button)
    assert "kit-quiz-next" in classes(quiz.next_button)
    assert "kit-quiz-feedback" in classes(quiz.feedback)
    assert "kit-quiz-score" in classes(quiz.score_html)
    assert quiz.options["none"].description == "No technique"
    assert {"loaded_language", "name_calling", "bandwagon", "slogans"} <= set(quiz.options)


def test_scoring_rules() -> None:
    assert score_choice(("doubt", "slogans"), {"doubt", "bandwagon"}) == Score(1, 1, 1, 1)
    assert score_choice((), {"none"}) == Score(1, 0, 0, 1)
    assert score_choice((), {"doubt"}) == Score(0, 1, 1, 1)
    assert score_choice(("doubt",), {"none"}) == Score(0, 1, 1, 1)
    assert score_choice(("doubt",), {"doubt", "slogans"}, ("slogans",)) == Score(1, 0, 0, 1)
    assert score_choice(("doubt",), {"slogans"}, ("slogans",)) == Score(0, 1, 0, 1)


def test_passage_text_is_escaped(quiz: SpottingQuiz) -> None:
    assert "<script>" not in quiz.passage_html.value
    assert "&lt;script&gt;" in quiz.passage_html.value


def test_creating_saves_nothing_and_outputs_are_identical(tmp_path: Path) -> None:
    first, second = SpottingQuiz(PASSAGES, folder=tmp_path), SpottingQuiz(PASSAGES, folder=tmp_path)
    assert not list(tmp_path.iterdir())
    assert (first.passage_html.value, first.score_html.value) == (
        second.passage_html.value,
        second.score_html.value,
    )
    assert (
        "0 hits, 0 misses, 0 false alarms over 0 passages answered (of 3)" in first.score_html.value
    )


def test_right_answer_gives_feedback_score_and_a_saved_file(
    quiz: SpottingQuiz, tmp_path: Path
) -> None:
    tick(quiz, "name_calling", "loaded_language")
    quiz.submit_button.click()
    assert "Matches our key" in quiz.feedback.value
    assert "A label and a charged word." in quiz.feedback.value
    assert "2 hits, 0 misses, 0 false alarms over 1 passage answered" in quiz.score_html.value
    saved = json.loads((tmp_path / "spotting_quiz.json").read_text(encoding="utf-8"))
    assert saved == {"answers": {"p1": ["loaded_language", "name_calling"]}}


def test_a_wrong_first_answer_gets_a_hint_then_the_key_after_the_second_check(
    quiz: SpottingQuiz, tmp_path: Path
) -> None:
    tick(quiz, "name_calling")
    quiz.submit_button.click()
    hint = quiz.feedback.value
    assert "kit-quiz-hint" in hint and "Our key:" not in hint
    assert "Our key lists 2 techniques here and you have 1 of them" in hint
    assert not any(label in hint for label in ("Name calling", "Loaded language", "Exagg"))
    assert "kit-hl-look_again" in quiz.passage_html.value  # the words to read again
    assert "kit-hl-loaded_language" not in quiz.passage_html.value  # but not what they do
    assert quiz.submit_button.description == "Check again" and not quiz.reveal_button.disabled
    assert quiz.score().answered == 0 and not list(tmp_path.iterdir())
    assert quiz.chosen() == {"name_calling"}  # the ticks stay, to change
    tick(quiz, "name_calling", "doubt")
    quiz.submit_button.click()
    assert "kit-quiz-key" in quiz.feedback.value and "Our key: Name calling" in quiz.feedback.value
    assert "1 hit, 1 missed, 1 false alarm" in quiz.feedback.value
    assert quiz.score() == Score(1, 1, 1, 1)
    assert quiz.submit_button.disabled and quiz.reveal_button.disabled
    assert all(box.disabled for box in quiz.options.values())  # the key is out: no retries
    saved = json.loads((tmp_path / "spotting_quiz.json").read_text(encoding="utf-8"))
    assert saved == {"answers": {"p1": ["doubt", "name_calling"]}}


def test_a_second_try_can_put_it_right(quiz: SpottingQuiz) -> None:
    tick(quiz, "loaded_language")
    quiz.submit_button.click()
    tick(quiz, "loaded_language", "name_calling")
    quiz.submit_button.click()
    assert "Matches our key" in quiz.feedback.value and quiz.score() == Score(2, 0, 0, 1)


def test_show_the_answer_scores_the_last_check(quiz: SpottingQuiz) -> None:
    assert quiz.reveal_button.disabled  # nothing to reveal before a first check
    tick(quiz, "doubt")
    quiz.submit_button.click()
    tick(quiz, "name_calling", "loaded_language")  # changed, but not checked
    quiz.reveal_button.click()
    assert "Our key: Name calling or labelling, Loaded language" in quiz.feedback.value
    assert quiz.score() == Score(0, 2, 1, 1) and quiz.chosen() == {"doubt"}


def test_an_arguable_tick_is_neither_a_hit_nor_a_false_alarm(quiz: SpottingQuiz) -> None:
    tick(quiz, "name_calling", "loaded_language", "exaggeration")
    quiz.submit_button.click()  # right at the first check: the key at once
    feedback = quiz.feedback.value
    assert "Matches our key" in feedback and quiz.score() == Score(2, 0, 0, 1)
    assert "(arguable): you ticked it, and it counts as neither a hit nor a false alarm" in feedback
    assert "Also arguable:</b> The &lt;b&gt;exclamation&lt;/b&gt; can be read" in feedback


def test_the_key_points_at_the_words_escaped(quiz: SpottingQuiz) -> None:
    tick(quiz, "name_calling", "loaded_language")
    quiz.submit_button.click()
    shown, feedback = quiz.passage_html.value, quiz.feedback.value
    assert "<script>" not in shown and "<script>" not in feedback
    assert re.search(r'<mark class="kit-hl kit-hl-name_calling"[^>]*>&lt;script&gt;', shown)
    assert 'class="kit-hl kit-hl-exaggeration"' in shown  # the arguable words are marked too
    assert "the words: “&lt;script&gt;alert(1)&lt;/script&gt; traitors”" in feedback
    assert "the words: “traitors!”" in feedback


def test_a_false_alarm_says_what_the_cue_list_saw(tmp_path: Path) -> None:
    passage = QuizPassage(
        "c1",
        "invented",
        "",
        "The so-called experts met.",
        ("name_calling",),
        "A label.",
        {"name_calling": ("so-called experts",)},
    )
    quiz = SpottingQuiz([passage], folder=tmp_path)
    tick(quiz, "name_calling", "doubt", "slogans")
    quiz.submit_button.click()
    assert "At least one of your ticks is not in our key" in quiz.feedback.value
    quiz.submit_button.click()
    feedback = quiz.feedback.value
    assert "Doubt: you ticked it, but our key does not list it" in feedback
    assert "The kit's cue list marks “so-called” for it" in feedback
    assert "Slogans: you ticked it, but our key does not list it" in feedback
    assert quiz.score() == Score(1, 0, 2, 1)


def test_false_alarm_on_a_plain_passage_and_per_side(quiz: SpottingQuiz) -> None:
    quiz.next_button.click()
    assert "The bus leaves" in quiz.passage_html.value
    tick(quiz, "doubt")
    quiz.submit_button.click()
    assert "not in our key" in quiz.feedback.value and "No technique" not in quiz.feedback.value
    quiz.submit_button.click()
    assert "1 false alarm" in quiz.feedback.value and "Our key: No technique" in quiz.feedback.value
    assert quiz.score() == Score(0, 1, 1, 1)
    assert quiz.score_by_side() == {
        "supportive of the MEK": Score(),
        "invented for practice": Score(0, 1, 1, 1),
    }
    assert (
        "False alarms by side:</b> supportive of the MEK: 0 false alarms over 0 passages; "
        "invented for practice: 1 false alarm over 1 passage." in quiz.score_html.value
    )


def test_hints_for_the_kit_passages_never_name_the_key(tmp_path: Path) -> None:
    quiz = SpottingQuiz(folder=tmp_path)
    for passage in quiz.passages:
        wrong = {"slogans"} if "slogans" not in passage.techniques else {"doubt"}
        tick(quiz, *wrong)
        quiz.submit_button.click()
        hint = quiz.feedback.value
        assert "kit-quiz-hint" in hint, passage.id
        named = [quiz.labels[t] for t in passage.techniques + passage.defensible]
        assert not any(label in hint for label in named), passage.id
        assert "kit-hl-look_again" in quiz.passage_html.value or not passage.techniques
        quiz.next_button.click()


def test_labels_have_room(quiz: SpottingQuiz) -> None:
    for box in quiz.options.values():
        assert box.layout.width == "auto" and box.style.description_width == "initial"
    columns = quiz.options_box.layout.grid_template_columns
    width = float(re.search(r"minmax\(([\d.]+)em", columns).group(1))
    longest = max(len(box.description) for box in quiz.options.values())
    assert longest >= len("Whataboutism, straw man or red herring")
    assert width >= 0.55 * longest + 2  # about half an em a character, and the box


def test_empty_or_contradictory_ticks_are_refused_plainly(
    quiz: SpottingQuiz, tmp_path: Path
) -> None:
    quiz.submit_button.click()
    assert "Tick at least one box" in quiz.feedback.value
    tick(quiz, "none", "doubt")
    quiz.submit_button.click()
    assert "untick one of them" in quiz.feedback.value
    assert quiz.score().answered == 0 and not list(tmp_path.iterdir())


def test_answers_are_restored_into_ticks_and_score(tmp_path: Path) -> None:
    quiz = SpottingQuiz(PASSAGES, folder=tmp_path)
    tick(quiz, "name_calling")
    quiz.submit_button.click()
    quiz.submit_button.click()
    again = SpottingQuiz(PASSAGES, folder=tmp_path)
    assert again.score() == Score(1, 1, 0, 1)
    assert "1 hit, 1 miss" in again.score_html.value
    assert again.passage.id == "p2"  # the first unanswered passage
    again.next_button.click()
    again.next_button.click()  # wraps round to p1, which was answered
    assert again.passage.id == "p1"
    assert again.chosen() == {"name_calling"}
    assert "Our key" in again.feedback.value and again.submit_button.disabled


def test_saved_answers_for_unknown_passages_or_options_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "spotting_quiz.json").write_text(
        json.dumps(
            {"answers": {"gone": ["doubt"], "p2": ["none", "mind_reading"], "p3": "bandwagon"}}
        ),
        encoding="utf-8",
    )
    quiz = SpottingQuiz(PASSAGES, folder=tmp_path)
    assert quiz.answers == {"p2": ["none"]}
    assert quiz.score() == Score(1, 0, 0, 1)


def test_corrupt_saved_work_gives_a_note_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "spotting_quiz.json").write_text("{half a file", encoding="utf-8")
    quiz = SpottingQuiz(PASSAGES, folder=tmp_path)
    assert "could not be read" in quiz.feedback.value
    assert quiz.score().answered == 0


def test_a_failed_save_still_counts_the_answer(tmp_path: Path) -> None:
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("x", encoding="utf-8")
    quiz = SpottingQuiz(PASSAGES, folder=blocker)
    tick(quiz, "name_calling", "loaded_language")
    quiz.submit_button.click()
    assert "could not be saved" in quiz.feedback.value
    assert quiz.score().answered == 1


def test_an_unusable_folder_is_shown_not_raised() -> None:
    quiz = SpottingQuiz(PASSAGES, folder=42)  # type: ignore[arg-type]
    assert "kit-error" in quiz.feedback.value
    assert quiz.score().answered == 0
    tick(quiz, "name_calling")
    quiz.submit_button.click()
    quiz.reveal_button.click()
    assert "could not be saved" in quiz.feedback.value and quiz.score().answered == 1


def test_a_broken_passages_file_is_shown_not_raised(tmp_path: Path) -> None:
    bad = tmp_path / "quiz_passages.csv"
    bad.write_text("id,text\n", encoding="utf-8")
    quiz = SpottingQuiz(bad, folder=tmp_path)
    assert "missing column" in quiz.feedback.value
    assert quiz.submit_button.disabled and quiz.next_button.disabled
    quiz.submit()
    quiz.next()
    assert "missing column" in quiz.static_view().data


def test_an_unexpected_error_in_a_callback_is_shown(quiz: SpottingQuiz, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("propaganda_kit.widgets.quiz.hint_html", broken)
    tick(quiz, "doubt")
    quiz.submit_button.click()
    assert 'class="kit-error"' in quiz.feedback.value and "Traceback" not in quiz.feedback.value


def test_the_kit_passages_load_and_the_static_view_hides_the_key(tmp_path: Path) -> None:
    quiz = SpottingQuiz(folder=tmp_path)
    passages = load_quiz_passages()
    assert len(quiz.passages) == len(passages)
    view = quiz.static_view().data
    assert "kit-quiz-static" in view and view.count("<tr>") == len(passages) + 1
    assert not any(html.escape(p.reason) in view for p in passages)
    assert not any(p.defensible_why and html.escape(p.defensible_why) in view for p in passages)
