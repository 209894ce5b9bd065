"""The check output contract, placeholders, unknown ids and bad answer shapes."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from propaganda_kit.checks import EXERCISES, MIME_TYPE, NOT_ANSWERED, CheckResult, check, evaluate
from propaganda_kit.checks.base import KeyProblem
from propaganda_kit.checks.registry import load_exercises


def test_every_exercise_has_positive_points_and_a_title():
    assert len(EXERCISES) >= 12
    for ex_id, exercise in EXERCISES.items():
        assert exercise.id == ex_id and exercise.max_points > 0 and exercise.title


def test_not_answered_is_one_readable_falsy_sentinel():
    assert repr(NOT_ANSWERED) == "NOT_ANSWERED" and not NOT_ANSWERED
    assert type(NOT_ANSWERED)() is NOT_ANSWERED


@pytest.mark.parametrize("ex_id", sorted(EXERCISES))
def test_not_answered_reports_unanswered(ex_id):
    result = evaluate(ex_id, NOT_ANSWERED)
    assert result.status == "unanswered" and result.points == 0
    assert result.max_points == EXERCISES[ex_id].max_points


@pytest.mark.parametrize("ex_id", sorted(EXERCISES))
@pytest.mark.parametrize(
    "answer",
    [None, ..., "", 42, [], {}, pd.DataFrame({"x": [1]}), [None], ["", "x"], 3.5, True, object()],
    ids=[
        "None",
        "ellipsis",
        "empty-str",
        "int",
        "empty-list",
        "dict",
        "frame",
        "list-none",
        "list-empty-str",
        "float",
        "bool",
        "object",
    ],
)
def test_wrong_shapes_get_a_hint_never_an_error(ex_id, answer):
    result = evaluate(ex_id, answer)
    assert result.status in ("incorrect", "correct")
    assert result.feedback.strip()
    assert "Traceback" not in result.feedback and " at 0x" not in result.feedback


def test_bundle_follows_the_contract(capsys):
    result = evaluate("rate-1", 24.87)
    bundle = result.bundle()
    assert set(bundle) == {"text/html", "text/plain", MIME_TYPE}
    assert bundle["text/html"].startswith('<div class="kit-check kit-check-correct"')
    assert bundle[MIME_TYPE] == {
        "exercise": "rate-1",
        "status": "correct",
        "points": 1.0,
        "max_points": 1.0,
        "feedback": result.feedback,
    }
    json.dumps(bundle)
    assert bundle["text/plain"].startswith("[rate-1] Correct (1 of 1 point)")


def test_a_counting_kind_adds_hits_misses_and_false_alarms_to_the_json():
    data = evaluate("spot-techniques-1", ["name_calling", "doubt", "slogans"]).bundle()[MIME_TYPE]
    assert (data["hits"], data["misses"], data["false_alarms"]) == (1, 1, 1)
    assert set(data) == {
        "exercise",
        "status",
        "points",
        "max_points",
        "feedback",
        "hits",
        "misses",
        "false_alarms",
    }
    json.dumps(data)


def test_check_displays_one_bundle_and_returns_a_silent_result(monkeypatch):
    shown = []
    monkeypatch.setattr(
        "propaganda_kit.checks.core.display", lambda obj, raw=False: shown.append((obj, raw))
    )
    result = check("rate-1", NOT_ANSWERED)
    assert len(shown) == 1 and shown[0][1] is True
    assert shown[0][0][MIME_TYPE]["status"] == "unanswered"
    assert isinstance(result, CheckResult) and result._ipython_display_() is None
    assert "0x" not in repr(result) and repr(result).startswith("CheckResult(exercise='rate-1'")


def test_unknown_exercise_is_a_friendly_error_with_a_suggestion():
    result = evaluate("spot-technique-1", ["doubt"])
    assert result.status == "error" and result.max_points == 0
    assert "Did you mean 'spot-techniques-1'?" in result.feedback
    assert evaluate(None, 1).status == "error"


def test_student_text_is_escaped_in_html():
    result = evaluate("naming-map-1", ["<script>alert(1)</script>"])
    assert "<script>" not in result.html() and "&lt;script&gt;" in result.html()
    assert "<script>" in result.plain_text()


def test_a_failing_checker_reports_error_not_traceback(monkeypatch):
    exercise = EXERCISES["rate-1"]
    broken = exercise.checker._replace(grade=lambda answer, key: 1 / 0)
    monkeypatch.setattr(type(exercise), "checker", property(lambda self: broken))
    result = evaluate("rate-1", 3.0)
    assert result.status == "error" and "ZeroDivisionError" in result.feedback


def test_partial_points_never_exceed_the_maximum():
    result = evaluate("mark-loaded-1", ["psychological warfare", "coercion"])
    assert result.status == "incorrect" and 0 < result.points < result.max_points


@pytest.mark.parametrize(
    "content, problem",
    [
        ('{"exercises": [{"id": "Bad Id", "kind": "number", "max_points": 1}]}', "not a valid id"),
        ('{"exercises": [{"id": "a", "kind": "nope", "max_points": 1}]}', "'kind' must be"),
        (
            '{"exercises": [{"id": "a", "kind": "number", "max_points": 0, "value": 1, '
            '"tolerance": 0}]}',
            "max_points",
        ),
        ('{"exercises": [{"id": "a", "kind": "number", "max_points": 1}]}', "'value'"),
        (
            '{"exercises": [{"id": "a", "kind": "spans", "max_points": 1, "passage": "a b", '
            '"spans": [{"text": "c"}]}]}',
            "exactly once",
        ),
        ("not json", "not valid UTF-8 JSON"),
        (
            '{"exercises": [{"id": "a", "kind": "choice", "max_points": 1, '
            '"vocabulary": "taxonomy", '
            '"required": ["made_up"]}]}',
            "not in the vocabulary",
        ),
        (
            '{"exercises": [{"id": "a", "kind": "rewrite", "max_points": 1, "original": "a b", '
            '"loaded_terms": [], "keep": [], "min_ratio": 0.5, "max_ratio": 2}]}',
            "'loaded_terms' is empty",
        ),
    ],
)
def test_malformed_keys_are_refused_with_a_message(tmp_path, content, problem):
    (tmp_path / "bad.json").write_text(content, encoding="utf-8")
    with pytest.raises(KeyProblem, match=problem):
        load_exercises(tmp_path)


CONTROL_KEY = '{{"exercises": [{{"id": "plain-1", "kind": "{kind}", "max_points": 1, {fields}}}]}}'


@pytest.mark.parametrize(
    "kind, fields, problem",
    [
        ("number", '"value": 0, "tolerance": 0, "control": "yes"', "'control' must be true"),
        ("number", '"value": 3, "tolerance": 0, "control": true', "'value' is 0"),
        ("choice", '"vocabulary": "taxonomy", "required": ["doubt"], "control": true', "control"),
        ("choice", '"vocabulary": "taxonomy", "required": ["none"]', "control item"),
        (
            "choice",
            '"vocabulary": "taxonomy", "required": ["none"], "acceptable": ["doubt"], '
            '"control": true',
            "no 'acceptable'",
        ),
        ("choice", '"vocabulary": "taxonomy", "required": ["none", "doubt"]', "'none'"),
        ("spans", '"passage": "a b", "spans": []', "control item"),
        ("spans", '"passage": "a b", "spans": [], "control": true, "min_hits": 1', "min_hits"),
        (
            "spans",
            '"passage": "a b", "spans": [{"text": "a"}], "control": true',
            "control item has no spans",
        ),
        ("spans", '"passage": "a b", "spans": [], "control": true, "max_false_alarms": -1', "0"),
        (
            "rewrite",
            '"original": "a b", "loaded_terms": ["a"], "keep": [], "min_ratio": 0.5, '
            '"max_ratio": 2, "control": true',
            "'loaded_terms' is empty",
        ),
    ],
)
def test_malformed_control_keys_name_the_file_the_exercise_and_the_field(
    tmp_path, kind, fields, problem
):
    (tmp_path / "bad.json").write_text(CONTROL_KEY.format(kind=kind, fields=fields), "utf-8")
    with pytest.raises(KeyProblem, match=problem) as raised:
        load_exercises(tmp_path)
    assert str(raised.value).startswith("bad.json, plain-1: ")


def test_well_formed_control_keys_load(tmp_path):
    fields = [
        ("choice", '"vocabulary": ["a", "b"], "required": ["none"], "control": true'),
        ("spans", '"passage": "a b", "spans": [], "control": true'),
        (
            "rewrite",
            '"original": "a b", "loaded_terms": [], "keep": [], "min_ratio": 0.5, '
            '"max_ratio": 2, "control": true',
        ),
    ]
    for number, (kind, text) in enumerate(fields):
        key = CONTROL_KEY.format(kind=kind, fields=text).replace("plain-1", f"plain-{number}")
        (tmp_path / f"k{number}.json").write_text(key, "utf-8")
    assert all(e.control for e in load_exercises(tmp_path).values())


def test_duplicate_ids_across_key_files_are_refused(tmp_path):
    entry = (
        '{"exercises": [{"id": "a", "kind": "number", "max_points": 1, "value": 1, '
        '"tolerance": 0}]}'
    )
    (tmp_path / "one.json").write_text(entry, encoding="utf-8")
    (tmp_path / "two.json").write_text(entry, encoding="utf-8")
    with pytest.raises(KeyProblem, match="duplicate"):
        load_exercises(tmp_path)


@pytest.mark.parametrize(
    "status, points, heading",
    [
        ("correct", 3.0, "Correct"),
        ("incorrect", 2.4, "Partly right"),
        ("incorrect", 0.0, "Not yet"),
        ("incorrect", 3.0, "Not yet"),
        ("unanswered", 0.0, "Not answered yet"),
        ("error", 0.0, "Check not run"),
    ],
)
def test_an_incorrect_answer_with_some_points_is_headed_partly_right(status, points, heading):
    result = CheckResult("ex", status, points, 3.0, "line")
    assert result.heading() == heading and result.status == status
    assert result.plain_text().startswith(f"[ex] {heading}")
    assert f">{heading}</strong>" in result.html()
    assert result.as_dict()["status"] == status  # graders read the status, not the heading


@pytest.mark.parametrize(
    "kind, fields",
    [
        ("choice", '"vocabulary": ["a", "b"], "required": ["a"], "false_alarm_hint": ""'),
        ("choice", '"vocabulary": ["a", "b"], "required": ["a"], "false_alarm_hint": 3'),
        ("spans", '"passage": "a b", "spans": [{"text": "a"}], "false_alarm_hint": ["x"]'),
    ],
)
def test_a_false_alarm_hint_must_be_text(tmp_path, kind, fields):
    (tmp_path / "bad.json").write_text(CONTROL_KEY.format(kind=kind, fields=fields), "utf-8")
    with pytest.raises(KeyProblem, match="'false_alarm_hint' field must be a non-empty text"):
        load_exercises(tmp_path)


def test_a_keys_false_alarm_hint_replaces_the_default_line(tmp_path):
    fields = (
        '"vocabulary": ["a", "b"], "required": ["a"], "false_alarm_hint": "Is it stated?", '
        '"passage": "<b>a</b>"'
    )
    (tmp_path / "k.json").write_text(CONTROL_KEY.format(kind="choice", fields=fields), "utf-8")
    exercises = load_exercises(tmp_path)
    result = evaluate("plain-1", ["a", "b"], exercises)
    assert "Not in the key: 'b'. Is it stated?" in result.feedback
    assert "supports your choice" not in result.feedback
    html_text = CheckResult("x", "incorrect", 0.5, 1, "Not in the key: '<b>'.").html()
    assert "&lt;b&gt;" in html_text and "<b>" not in html_text
