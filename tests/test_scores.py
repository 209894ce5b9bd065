"""The score summary of an exercise notebook and its "Show my score" widget."""

from __future__ import annotations

import pandas as pd
import pytest

from propaganda_kit.checks import EXERCISES, ScoreSummary, kept_answers, score_summary
from propaganda_kit.checks.kept_answers import new_record
from propaganda_kit.checks.scores import CONTROL_SIDE, NO_SIDE, exercise_side
from propaganda_kit.widgets import ScoreWidget, score_widget

EX01 = "ex01_spot_techniques.ipynb"


@pytest.fixture(autouse=True)
def fresh_kernel_state(tmp_path, monkeypatch):
    """Each test: an empty memory and its own working folder (no kept answers)."""
    monkeypatch.setattr(kept_answers, "MEMORY", {})
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    monkeypatch.setenv("PROPAGANDA_KIT_WORK", str(tmp_path / "work"))


def answer(exercise_id: str, value) -> None:
    kept_answers.MEMORY[exercise_id] = new_record(exercise_id, value)


def test_sides_come_from_the_documents_and_controls_are_their_own_side():
    assert exercise_side(EXERCISES["spot-techniques-1"]) == "hostile to the MEK"
    assert exercise_side(EXERCISES["spot-techniques-2"]) == "supportive of the MEK"
    assert exercise_side(EXERCISES["spot-techniques-5"]) == CONTROL_SIDE  # has a document
    assert exercise_side(EXERCISES["naming-map-1"]) == "hostile to the MEK"  # its perspective
    assert exercise_side(EXERCISES["rate-1"]) == NO_SIDE


def test_an_untouched_notebook_scores_nothing_and_counts_nothing():
    summary = score_summary(EX01)
    assert list(summary.exercises["exercise"]) == [
        e.id for e in EXERCISES.values() if e.notebook == EX01
    ]
    assert set(summary.exercises["status"]) == {"unanswered"}
    assert summary.points == 0 and summary.max_points == 12
    assert summary.exercises["false_alarms"].isna().all() and summary.sides.empty


def test_points_hits_misses_and_false_alarms_per_exercise_and_per_side():
    answer("spot-techniques-1", ["name_calling", "exaggeration", "slogans"])  # 1 false alarm
    answer("spot-techniques-2", ["loaded_language", "repetition"])
    answer("spot-techniques-5", ["doubt", "slogans"])  # a control: 2 false alarms
    summary = score_summary(f"some/folder/{EX01}")
    rows = summary.exercises.set_index("exercise")
    assert rows.loc["spot-techniques-1", ["hits", "misses", "false_alarms"]].tolist() == [2, 0, 1]
    assert rows.loc["spot-techniques-2", "points"] == 2.0
    assert rows.loc["spot-techniques-5", "side"] == CONTROL_SIDE
    sides = summary.sides.set_index("side")["false_alarms"].to_dict()
    assert sides == {"hostile to the MEK": 1, "supportive of the MEK": 0, CONTROL_SIDE: 2}
    assert list(summary.sides["side"])[-1] == CONTROL_SIDE
    assert summary.points == 1.5 + 2.0 and "3.5 of 12 points" in summary.total_text()
    assert "–" in summary.plain_text()  # an unanswered exercise has no counts


def test_a_notebook_without_exercises_is_a_plain_lookup_error():
    with pytest.raises(LookupError, match="ex01_spot_techniques.ipynb"):
        score_summary("ex99_nothing.ipynb")


def test_the_summary_html_is_escaped():
    row = {"exercise": "<b>x</b>", "side": "<i>s</i>", "status": "correct", "points": 1.0}
    row |= {"max_points": 1.0, "hits": 1, "misses": 0, "false_alarms": 0}
    sides = pd.DataFrame([{"side": "<i>s</i>", "items": 1, "false_alarms": 0}])
    summary = ScoreSummary("<script>.ipynb", pd.DataFrame([row]), sides)
    page = summary.html()
    assert "<b>x</b>" not in page and "<script>" not in page and "&lt;i&gt;s&lt;/i&gt;" in page


def test_the_score_widget_shows_the_summary_when_pressed():
    answer("spot-techniques-1", ["name_calling", "exaggeration"])
    widget = score_widget(EX01)
    assert isinstance(widget, ScoreWidget) and widget.output.value == ""
    assert "Show my score" in widget.static_html()
    widget.button.click()
    assert "Your score: 2 of 12 points." in widget.output.value
    assert "False alarms per side" in widget.output.value


def test_the_score_widget_shows_a_friendly_message_for_a_wrong_notebook():
    widget = score_widget("no_such.ipynb")
    widget.button.click()
    assert "No exercises belong" in widget.output.value
    assert "Traceback" not in widget.output.value
