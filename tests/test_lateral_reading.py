"""The lateral reading log keeps each document's searches in the notebook file and restores them."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from propaganda_kit import load_corpus
from propaganda_kit.checks import kept_answers
from propaganda_kit.data.notebook_answers import ANSWER_MIME
from propaganda_kit.widgets import LateralReadingLog
from propaganda_kit.widgets.lateral_reading import (
    NOTEBOOK,
    WARM_UP_ID,
    clean_entries,
    log_html,
    record_name,
)

LESSON = Path(__file__).resolve().parent.parent / "notebooks" / NOTEBOOK
HOSTILE = "<script>alert('x')</script> & <b>bold</b>"


@pytest.fixture(autouse=True)
def fresh_kernel_state(tmp_path, monkeypatch):
    """Each test: an empty memory, its own working folder and no Jupyter session."""
    monkeypatch.setattr(kept_answers, "MEMORY", {})
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    monkeypatch.delenv("PROPAGANDA_KIT_WORK", raising=False)


def log_search(log: LateralReadingLog, searched: str, confidence: str = "low", **fields) -> None:
    """Fill in the form as a student would and click 'Add this search'."""
    log.texts["searched"].value = searched
    for field, value in fields.items():
        if field == "independent":
            log.independent.value = value
        else:
            log.texts[field].value = value
    log.confidence.value = confidence
    log.button.click()


def saved_notebook(path: Path, *logs: LateralReadingLog) -> Path:
    """A notebook file whose one cell holds the kept outputs of ``logs``, as Jupyter saves it."""
    outputs = [
        {"output_type": "display_data", "metadata": {}, "data": kept.bundle()}
        for log in logs
        for kept in log.kept.values()
    ]
    cell = {"cell_type": "code", "metadata": {}, "source": "", "outputs": outputs}
    path.write_text(json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4}), "utf-8")
    return path


def test_the_menu_lists_the_corpus_documents_and_each_has_its_own_record():
    corpus = load_corpus()
    log = LateralReadingLog()
    assert list(log.documents) == corpus.ids
    assert [value for _, value in log.picker.options] == corpus.ids
    assert log.document_id == corpus.ids[0]
    names = [kept.bundle()[ANSWER_MIME]["exercise"] for kept in log.kept.values()]
    assert names == [record_name(doc_id) for doc_id in corpus.ids]
    assert all(kept.notebook == NOTEBOOK for kept in log.kept.values())


def test_a_search_is_added_kept_and_the_form_cleared(tmp_path):
    log = LateralReadingLog("censor-rally-2020")
    log_search(
        log,
        "PMOI/MEK who runs",
        "medium",
        found="The organisation's own site",
        source="its own site",
        independent="linked",
        unknown="who wrote the report",
    )
    entries = log.entries["censor-rally-2020"]
    assert len(entries) == 1 and entries[0]["searched"] == "PMOI/MEK who runs"
    assert entries[0]["independent"] == "linked" and entries[0]["confidence"] == "medium"
    record = log.kept["censor-rally-2020"].bundle()[ANSWER_MIME]
    assert record["exercise"] == "lateral-reading-censor-rally-2020"
    assert record["answer"] == {"document": "censor-rally-2020", "entries": entries}
    saved = json.loads((tmp_path / "my_work" / f"{record['exercise']}.json").read_text("utf-8"))
    assert saved["answer"]["entries"] == entries
    assert log.texts["searched"].value == "" and log.confidence.value is None
    assert "PMOI/MEK who runs" in log.log.value
    assert "1 search logged" in log.kept["censor-rally-2020"].summary
    assert log.kept["acts-of-defiance"].bundle()[ANSWER_MIME]["answer"] is None


def test_an_incomplete_search_is_not_added():
    log = LateralReadingLog()
    log_search(log, "   ", "high")
    assert "what you searched for" in log.message.value
    log_search(log, "a title in quotation marks", None)
    assert "how sure you are" in log.message.value
    assert log.entries[log.document_id] == []
    assert all(kept.bundle()[ANSWER_MIME]["answer"] is None for kept in log.kept.values())


def test_the_log_is_restored_from_the_notebook_file_newest_first(tmp_path):
    log = LateralReadingLog("manufactured-illusion-2025")
    log_search(log, "first search")
    log_search(log, "second search", "high")
    entries = log.entries["manufactured-illusion-2025"]
    entries[0]["added_at"], entries[1]["added_at"] = "2026-01-01T10:00:00", "2026-01-01T11:00:00"
    log.kept["manufactured-illusion-2025"].keep({"document": "x", "entries": entries})
    saved_notebook(tmp_path / NOTEBOOK, log)
    kept_answers.MEMORY.clear()  # a new kernel, and no copy in my_work/
    for path in (tmp_path / "my_work").iterdir():
        path.unlink()
    again = LateralReadingLog("manufactured-illusion-2025")
    assert [e["searched"] for e in again.entries["manufactured-illusion-2025"]] == [
        "first search",
        "second search",
    ]
    shown = again.log.value
    assert shown.index("second search") < shown.index("first search")
    assert "2 searches logged" in again.kept["manufactured-illusion-2025"].summary
    assert again.entries["acts-of-defiance"] == []


def test_a_newer_log_in_my_work_beats_an_older_one_in_the_file(tmp_path):
    old = LateralReadingLog()
    log_search(old, "old search")
    saved_notebook(tmp_path / NOTEBOOK, old)
    log_search(old, "newer search")  # kept in memory and my_work/, not in the saved file
    kept_answers.MEMORY.clear()
    again = LateralReadingLog()
    assert [e["searched"] for e in again.entries[again.document_id]] == [
        "old search",
        "newer search",
    ]


def test_student_text_is_escaped_in_the_log_and_the_static_view():
    log = LateralReadingLog(WARM_UP_ID)
    log_search(log, HOSTILE, found=HOSTILE, source=HOSTILE, unknown=HOSTILE)
    for shown in (log.log.value, log.static_html(), log.mimebundle()["text/html"]):
        assert "<script>" not in shown and "<b>bold</b>" not in shown
        assert "&lt;script&gt;" in shown
    assert "<script>" not in log.message.value


def test_malformed_kept_entries_are_dropped_not_raised():
    answer = {"entries": [None, "text", {"searched": ""}, {"searched": 3, "found": None}]}
    assert clean_entries(answer) == [
        {
            "searched": "3",
            "found": "",
            "source": "",
            "unknown": "",
            "independent": "",
            "confidence": "",
            "added_at": "",
        }
    ]
    assert clean_entries(None) == [] and clean_entries({"entries": 5}) == []
    assert "No searches logged" in log_html([])


def test_the_warm_up_has_its_own_record_and_no_menu():
    log = LateralReadingLog(WARM_UP_ID)
    assert list(log.kept) == [WARM_UP_ID]
    assert log.picker.layout.display == "none"
    assert "invented for this kit" in log.card.value


def test_an_unknown_document_is_a_plain_message():
    log = LateralReadingLog("no-such-document")
    assert "no-such-document" in log.message.value and "Traceback" not in log.message.value
    assert log.document_id == load_corpus().ids[0]


def lesson_calls() -> list[ast.Call]:
    """Every ``LateralReadingLog(...)`` call in the lesson's code cells."""
    cells = json.loads(LESSON.read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    return [
        node
        for node in ast.walk(ast.parse(code))
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "LateralReadingLog"
    ]


def test_the_lessons_documents_are_the_corpus_documents():
    calls = lesson_calls()
    assert len(calls) == 2
    named = [ast.literal_eval(call.args[0]) for call in calls if call.args]
    assert named == [WARM_UP_ID]  # the warm-up; the other log lists the corpus itself
    assert any(not call.args and not call.keywords for call in calls)
    log = LateralReadingLog()
    assert list(log.documents) == load_corpus().ids


def test_the_lessons_widget_cells_ignore_outputs_and_the_set_up_is_collapsed():
    cells = json.loads(LESSON.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert code[0]["metadata"]["jupyter"]["source_hidden"] is True
    assert "start_lesson()" in "".join(code[0]["source"])
    for cell in code:
        if "LateralReadingLog(" in "".join(cell["source"]):
            assert "nbval-ignore-output" in cell["metadata"].get("tags", [])
    assert cells[0]["cell_type"] == "markdown" and cells[0]["source"][0].startswith("# 7 ")


def test_a_broken_data_folder_is_a_plain_message(monkeypatch):
    from propaganda_kit import CorpusError
    from propaganda_kit.widgets import lateral_reading

    def broken():
        raise CorpusError("metadata.csv", "the id is empty", row=2, field="id")

    monkeypatch.setattr(lateral_reading, "load_corpus", broken)
    log = LateralReadingLog()
    assert "metadata.csv, row 2" in log.message.value
    assert log.documents == {} and log.document_id is None
    log.texts["searched"].value, log.confidence.value = "a search", "low"
    log.button.click()
    assert "no document to log searches for" in log.message.value.lower()
