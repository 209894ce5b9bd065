"""Saved work: round trips, friendly failures, and atomic writes that survive a crash."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from propaganda_kit.data import saved_work
from propaganda_kit.data.saved_work import load_answers, read_answers, save_answers


def test_round_trip_in_my_work_under_the_working_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(saved_work.WORK_VARIABLE)
    answers = {"q1": ["doubt", "exaggeration"], "note": "نظر من — 👍"}
    path = save_answers("quiz", answers)
    assert path == tmp_path / "my_work" / "quiz.json"
    assert load_answers("quiz") == answers
    assert json.loads(path.read_text(encoding="utf-8")) == answers


def test_missing_file_gives_empty_answers_quietly(tmp_path: Path, capsys) -> None:
    assert load_answers("quiz", tmp_path) == {}
    assert capsys.readouterr().out == ""
    found = read_answers("quiz", tmp_path)
    assert found.answers == {} and "No saved work" in found.note and not found.unreadable


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b"\xff\xfe\x00", b""])
def test_unreadable_file_gives_empty_answers_a_note_and_is_kept(
    tmp_path: Path, capsys, content: bytes
) -> None:
    (tmp_path / "quiz.json").write_bytes(content)
    assert load_answers("quiz", tmp_path) == {}
    assert "could not be read" in capsys.readouterr().out
    assert (tmp_path / "quiz.unreadable.json").read_bytes() == content
    save_answers("quiz", {"q1": []}, tmp_path)
    assert load_answers("quiz", tmp_path) == {"q1": []}


def test_bad_names_and_data_are_refused_plainly(tmp_path: Path) -> None:
    for name in ["../escape", "", "Quiz", "a/b", 7]:
        with pytest.raises(ValueError, match="not a usable name"):
            save_answers(name, {}, tmp_path)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="must be a dict"):
        save_answers("quiz", ["x"], tmp_path)  # type: ignore[arg-type]
    save_answers("quiz", {"kept": True}, tmp_path)
    with pytest.raises(ValueError, match="cannot be saved as JSON"):
        save_answers("quiz", {"x": object()}, tmp_path)
    assert load_answers("quiz", tmp_path) == {"kept": True}


@pytest.mark.parametrize("broken", ["replace", "fsync"])
def test_failure_mid_write_leaves_old_file_whole(tmp_path: Path, monkeypatch, broken: str) -> None:
    save_answers("quiz", {"version": 1}, tmp_path)
    before = (tmp_path / "quiz.json").read_bytes()

    def crash(*args, **kwargs):
        raise OSError("disk pulled out")

    monkeypatch.setattr(saved_work.os, broken, crash)
    with pytest.raises(OSError):
        save_answers("quiz", {"version": 2, "big": "x" * 100_000}, tmp_path)
    monkeypatch.undo()
    assert (tmp_path / "quiz.json").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quiz.json"]


WRITER = """
import sys
from propaganda_kit.data.saved_work import save_answers
folder = sys.argv[1]
version = 0
while True:
    version += 1
    save_answers("quiz", {"version": version, "payload": "x" * 4_000_000}, folder)
    if version == 1:
        print("first save done", flush=True)
"""


@pytest.mark.parametrize("delay", [0.05, 0.2, 0.45])
def test_sigkill_while_writing_leaves_a_whole_file(tmp_path: Path, delay: float) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "first save done"
        time.sleep(delay)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    answers = load_answers("quiz", tmp_path)
    assert answers["version"] >= 1
    assert answers["payload"] == "x" * 4_000_000


def test_the_work_variable_names_another_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(saved_work.WORK_VARIABLE, str(tmp_path / "elsewhere"))
    assert save_answers("quiz", {"a": 1}) == tmp_path / "elsewhere" / "quiz.json"
