"""The lateral reading log in JupyterLab: a search logged by typing and clicks, labels uncut,
escaped in the log, and kept in the saved notebook file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lab_page import LabPage, expect, new_notebook, wait_until
from test_widget_labels import clipped_labels

from propaganda_kit.data.notebook_answers import ANSWER_MIME

pytestmark = pytest.mark.browser

CODE = (
    'from propaganda_kit.widgets import LateralReadingLog\n\nLateralReadingLog("censor-rally-2020")'
)
RECORD = "lateral-reading-censor-rally-2020"
SEARCH = "<i>title</i> in quotation marks"


def kept_log(path: Path) -> dict | None:
    """The log of censor-rally-2020 saved in the notebook file, if any."""
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        for output in cell.get("outputs", []):
            record = output.get("data", {}).get(ANSWER_MIME)
            if record and record["exercise"] == RECORD:
                return record["answer"]
    return None


def test_a_search_is_logged_by_clicks_and_kept_in_the_file(lab: LabPage, scratch_dir: Path):
    path = new_notebook(scratch_dir / "07_lateral_reading.ipynb", [CODE])
    lab.open(path)
    lab.clear_and_run_all()
    lab.wait_for_widgets()
    report = lab.report()
    assert not report.problems, "\n".join(report.problems)
    log = lab.page.locator(".kit-lateral")
    expect(log).to_have_count(1)
    expect(log.locator(".kit-lateral-card")).to_contain_text("Reporting by PMOI/MEK")
    checked, cut = clipped_labels(lab)
    assert checked > 8 and not cut, cut
    log.locator(".kit-lateral-searched textarea").fill(SEARCH)
    log.locator(".kit-lateral-found textarea").fill("no other copy")
    log.get_by_role("button", name="I can't tell yet").click()
    log.get_by_role("button", name="medium").click()
    log.locator(".kit-lateral-add").click()
    expect(log.locator(".kit-lateral-message")).to_contain_text("Search 1 added")
    expect(log.locator(".kit-lateral-log td", has_text=SEARCH)).to_have_count(1)
    expect(log.locator(".kit-lateral-log i")).to_have_count(0)
    expect(log.locator(".kit-lateral-searched textarea")).to_have_value("")
    lab.command("docmanager:save")
    wait_until(lambda: kept_log(path), "the log in the file")
    (entry,) = kept_log(path)["entries"]
    assert entry["searched"] == SEARCH and entry["found"] == "no other copy"
    assert entry["independent"] == "unclear" and entry["confidence"] == "medium"
