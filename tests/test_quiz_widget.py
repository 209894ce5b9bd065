"""The spotting quiz widget: scoring, feedback, friendly refusals, saving and restoring."""

from __future__ import annotations

import html
import json
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


def test_false_alarm_on_a_plain_passage(quiz: SpottingQuiz) -> None:
    quiz.next_button.click()
    assert "The bus leaves" in quiz.passage_html.value
    tick(quiz, "doubt")
    quiz.submit_button.click()
    assert "1 false alarm" in quiz.feedback.value and "Our key: No technique" in quiz.feedback.value
    assert quiz.score() == Score(0, 1, 1, 1)


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
    again = SpottingQuiz(PASSAGES, folder=tmp_path)
    assert again.score() == Score(1, 1, 0, 1)
    assert "1 hit, 1 miss" in again.score_html.value
    assert again.passage.id == "p2"  # the first unanswered passage
    again.next_button.click()
    again.next_button.click()  # wraps round to p1, which was answered
    assert again.passage.id == "p1"
    assert again.chosen() == {"name_calling"}
    assert "Our key" in again.feedback.value


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

    monkeypatch.setattr(quiz, "_feedback_html", broken)
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
