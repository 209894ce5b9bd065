"""Exercise widgets keep their answers in the notebook file and restore the newest one."""

from __future__ import annotations

import json
from pathlib import Path

import ipywidgets as widgets
import pytest

from propaganda_kit.checks import EXERCISES, kept_answers, points_for
from propaganda_kit.checks.result import MIME_TYPE
from propaganda_kit.data.notebook_answers import (
    ANSWER_MIME,
    notebook_file,
    read_answer_records,
    records_in_cells,
)
from propaganda_kit.widgets import ExerciseWidget, exercise_widget
from propaganda_kit.widgets.answer_inputs import INPUTS

EXERCISE = "spot-techniques-1"
RIGHT = sorted(EXERCISES[EXERCISE].key["required"])


class FakeInput:
    """A minimal answer input: a text field holding a JSON answer."""

    def __init__(self, exercise) -> None:
        self.widget = widgets.Text()
        self._value = None

    @property
    def value(self):
        return self._value

    def show(self, value) -> None:
        self._value = value

    def static_html(self) -> str:
        return "<p>static</p>"


@pytest.fixture(autouse=True)
def fresh_kernel_state(tmp_path, monkeypatch):
    """Each test: an empty memory, its own working folder, no Jupyter session, a fake input."""
    monkeypatch.setattr(kept_answers, "MEMORY", {})
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    monkeypatch.delenv("PROPAGANDA_KIT_WORK", raising=False)
    monkeypatch.setitem(INPUTS, "choice", FakeInput)


def record(answer, saved_at) -> dict:
    return {"exercise": EXERCISE, "answer": answer, "saved_at": saved_at}


def notebook_with(path: Path, *records: dict) -> Path:
    """A notebook file whose one code cell shows the given answer records."""
    outputs = [
        {"output_type": "display_data", "metadata": {}, "data": {ANSWER_MIME: r, "text/plain": ""}}
        for r in records
    ]
    cell = {"cell_type": "code", "metadata": {}, "source": "", "outputs": outputs}
    path.write_text(json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4}), "utf-8")
    return path


def test_the_newest_record_of_each_exercise_wins():
    old, new = record(["doubt"], "2026-01-01T00:00:00"), record(RIGHT, "2026-02-01T00:00:00")
    cells = [{"cell_type": "code", "outputs": [{"data": {ANSWER_MIME: r}} for r in (new, old)]}]
    assert records_in_cells(cells) == {EXERCISE: new}


@pytest.mark.parametrize("content", [b"", b"\xff\xfe", b"{not json", b'{"cells": 3}', b"[]"])
def test_an_unreadable_notebook_has_no_records(tmp_path, content):
    path = tmp_path / "bad.ipynb"
    path.write_bytes(content)
    assert read_answer_records(path) == {}


def test_malformed_records_are_ignored():
    cells = [{"cell_type": "code", "outputs": [{"data": {ANSWER_MIME: {"answer": 1}}}, "x"]}]
    assert records_in_cells(cells) == {}


def test_the_notebook_is_the_sessions_file_or_the_named_one(tmp_path, monkeypatch):
    named = notebook_with(tmp_path / "ex01_spot_techniques.ipynb")
    assert notebook_file("ex01_spot_techniques.ipynb") == named
    session = notebook_with(tmp_path / "renamed copy.ipynb")
    monkeypatch.setenv("JPY_SESSION_NAME", str(session))
    assert notebook_file("ex01_spot_techniques.ipynb") == session
    monkeypatch.setenv("JPY_SESSION_NAME", str(tmp_path / "gone.ipynb"))
    assert notebook_file("ex01_spot_techniques.ipynb") == named
    assert notebook_file("") is None


def test_an_untouched_widget_is_unanswered_and_says_so():
    widget = exercise_widget(EXERCISE)
    assert widget.result.status == "unanswered"
    bundle = widget.record_bundle()
    assert bundle[ANSWER_MIME] == {"exercise": EXERCISE, "answer": None, "saved_at": None}
    assert bundle[MIME_TYPE]["status"] == "unanswered"
    assert points_for(EXERCISE) == 0.0


def test_checking_keeps_the_answer_in_memory_and_in_my_work(tmp_path):
    widget = exercise_widget(EXERCISE)
    widget.input.show(RIGHT)
    result = widget.check()
    assert result.status == "correct"
    assert widget.record_bundle()[ANSWER_MIME]["answer"] == RIGHT
    saved = json.loads((tmp_path / "my_work" / f"{EXERCISE}.json").read_text("utf-8"))
    assert saved["answer"] == RIGHT
    assert points_for(EXERCISE) == EXERCISES[EXERCISE].max_points


def test_a_code_answer_is_checked_by_the_same_checker():
    widget = exercise_widget(EXERCISE)
    widget.answer = ["doubt"]
    assert widget.result.status == "incorrect"
    widget.answer = 42  # the wrong type: a plain message, no exception
    assert widget.result.status == "incorrect"
    assert "Traceback" not in widget.feedback.value


def test_a_new_widget_restores_the_answer_saved_in_the_notebook_file(tmp_path):
    notebook_with(tmp_path / "ex01_spot_techniques.ipynb", record(RIGHT, "2026-03-01T00:00:00"))
    widget = exercise_widget(EXERCISE)
    assert widget.answer == RIGHT
    assert widget.result.status == "correct"
    assert "Correct" in widget.feedback.value


def test_restoring_never_overwrites_a_newer_answer(tmp_path):
    widget = exercise_widget(EXERCISE)
    widget.answer = RIGHT  # checked now: newer than anything in the file
    notebook_with(tmp_path / "ex01_spot_techniques.ipynb", record(["doubt"], "2020-01-01T00:00:00"))
    assert exercise_widget(EXERCISE).answer == RIGHT
    kept_answers.MEMORY.clear()  # a new kernel: my_work/ still holds the newer answer
    assert exercise_widget(EXERCISE).answer == RIGHT


def test_an_unknown_exercise_shows_a_friendly_message():
    widget = exercise_widget("spot-techniques-99")
    assert isinstance(widget, ExerciseWidget)
    assert "Did you mean" in widget.feedback.value
    assert widget.answer is None
    widget.answer = ["x"]  # nothing to check: no exception
    assert widget.record_bundle()[MIME_TYPE]["status"] == "error"  # what a grader reports


def test_displaying_shows_a_static_view_and_the_record(monkeypatch):
    shown = []
    monkeypatch.setattr(
        "propaganda_kit.widgets.kept_output.display", lambda *a, **k: shown.append(a[0])
    )
    monkeypatch.setattr("propaganda_kit.widgets.base.display", lambda *a, **k: shown.append(a[0]))
    exercise_widget(EXERCISE)._ipython_display_()
    view, kept = shown
    assert view["text/html"].endswith("<p>static</p>")
    assert EXERCISES[EXERCISE].title in view["text/html"]
    assert "application/vnd.jupyter.widget-view+json" in view
    assert "VBox" not in view["text/plain"]
    assert kept[ANSWER_MIME]["exercise"] == EXERCISE


def test_checking_nothing_asks_for_an_answer_and_keeps_nothing():
    widget = exercise_widget(EXERCISE)
    widget.input.show([])
    assert widget.check().status == "unanswered"
    assert "Tick at least one box" in widget.feedback.value
    assert widget.record["answer"] is None


def test_an_empty_span_answer_is_a_real_answer():
    from propaganda_kit.widgets.exercise import is_empty

    assert is_empty([]) and is_empty("  ") and is_empty({"a": None, "b": ""}) and is_empty(None)
    assert not is_empty(["none"]) and not is_empty(0.0) and not is_empty({"a": "yes"})
