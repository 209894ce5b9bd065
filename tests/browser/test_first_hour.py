"""What a student sees in the first hour, in JupyterLab started as ``./kit lab`` starts it.

The server (``kit_lab_server``) serves a copy of the kit with the kit's ``lab/overrides.json``
shipped into the environment and no user settings at all: unlike ``lab_server``, whose user
settings already turn the news off, so the news check here tests the kit's own settings.

Checked: lesson 00 opens and the file browser's root lists the lessons and the exercises; no
news prompt; every lesson and exercise, opened before it runs (untrusted, as it comes from
the repository), shows its saved static views and never a widget's repr; each lesson opens
on its title with the set-up cell collapsed; after an exercise runs, no widget label is cut
(the check of test_widget_labels.py, which runs lessons 01, 03 and 06 for theirs).
"""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from lab_page import (
    JS_APP_READY,
    JS_APP_RESTORED,
    JS_IS_CURRENT,
    JS_TWO_FRAMES,
    KERNEL_START_TIMEOUT_MS,
    LabPage,
)
from lab_server import ROOT, LabServer
from test_widget_labels import clipped_labels

from propaganda_kit.widgets.base import RUN_NOTE

pytestmark = pytest.mark.browser

FIRST_LESSON = "notebooks/00_start_here.ipynb"  # what ./kit lab opens
LESSONS = sorted(f"notebooks/{p.name}" for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
NOTEBOOKS = sorted(f"notebooks/{p.name}" for p in (ROOT / "notebooks").glob("*.ipynb")) + sorted(
    f"exercises/{p.name}" for p in (ROOT / "exercises").glob("*.ipynb")
)
# Run to measure labels: the exercise with toggle buttons as well as tick boxes and buttons.
# The lessons' widgets (dropdowns, toggles, their own exercise items) are measured after a
# run by test_widget_labels.py (lessons 01, 03 and 06), whose check this file reuses.
RUN_FOR_LABELS = ("exercises/ex05_audit_claims.ipynb",)

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
NEWS_PROMPT = "Would you like to get notified about official Jupyter news?"
NEWS_WAIT_MS = 3_000  # the prompt comes as soon as the page is restored (see the last test)
TOAST = ".Toastify__toast"
NOTIFICATION_SETTINGS = "/lab/api/settings/@jupyterlab/apputils-extension:notification"
# What a widget (or any object) looks like when its repr shows instead of a view.
RAW_REPR = re.compile(
    r"VBox\(children=|HBox\(|HTML\(value=|<propaganda_kit\.|object at 0x|Error displaying widget"
)

# True once every cell of the current notebook is rendered (JupyterLab renders cells in
# batches: a cell is a placeholder until then) and shows all its outputs.
JS_RENDERED = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  if (!panel || !panel.content || !panel.context || !panel.context.isReady) return false;
  const cells = panel.content.widgets;
  return cells.length === panel.content.model.cells.length && cells.every(cell =>
    !cell.isPlaceholder() && (cell.model.type !== 'code' || cell.outputArea.node
      .querySelectorAll('.jp-OutputArea-output').length === cell.model.outputs.length));
}"""

# What each cell of the current notebook shows: its kind, trust, whether its input is
# collapsed, a markdown cell's first element, and each output: a widget view or not, and the
# MIME type and text the page shows for it.
JS_CELLS_SHOWN = """view => window.jupyterapp.shell.currentWidget.content.widgets.map(cell => {
  const markdown = cell.node.querySelector('.jp-RenderedMarkdown');
  const first = markdown && markdown.firstElementChild;
  return {
    type: cell.model.type,
    trusted: cell.model.trusted,
    inputHidden: cell.inputHidden,
    placeholder: !!cell.node.querySelector('.jp-InputPlaceholder'),
    firstTag: first ? first.tagName : null,
    firstText: first ? first.textContent.replace(/\\u00b6/g, '').trim() : null,
    outputs: cell.model.type !== 'code' ? [] : cell.outputArea.widgets.map((child, i) => {
      const shown = child.node.querySelector('.jp-OutputArea-output');
      return {
        widget: Object.keys(cell.model.outputs.get(i).data).includes(view),
        mime: shown ? shown.dataset.mimeType : null,
        text: shown ? shown.textContent : '',
      };
    }),
  };
})"""

# Whether opening a notebook starts its kernel (the notebook factory's own flag). Off while
# notebooks are only looked at: a kernel changes nothing on the page before a run, and
# starting and stopping one per notebook costs more than the rest of the test.
JS_START_KERNELS = """start => {
  const factory = window.jupyterapp.docRegistry.getWidgetFactory('Notebook');
  if (typeof factory._preferKernel !== 'boolean') throw new Error('no notebook kernel flag');
  factory._preferKernel = start;
}"""


@pytest.fixture(scope="module")
def student_page(kit_lab_server: LabServer, kit_lab_context: Any) -> Iterator[Any]:
    """A browser on the address ``./kit lab`` opens (lesson 00), restored and ready."""
    page = kit_lab_context.new_page()
    page.goto(f"{kit_lab_server.url}/lab/tree/{FIRST_LESSON}")
    page.wait_for_function(JS_APP_READY, timeout=KERNEL_START_TIMEOUT_MS)
    page.evaluate(JS_APP_RESTORED)
    try:
        yield page
    finally:
        page.close()


@pytest.fixture(scope="module")
def kit_lab(kit_lab_server: LabServer, kit_lab_context: Any) -> Iterator[LabPage]:
    """A JupyterLab page on ``kit_lab_server``; every kernel is shut down afterwards."""
    lab = LabPage(kit_lab_context.new_page(), kit_lab_server.url, kit_lab_server.root_dir)
    try:
        yield lab
    finally:
        lab.close_all()
        kit_lab_server.shutdown_all_kernels()


def news_prompts(page: Any) -> list[str]:
    """The text of every news prompt toast that appears within ``NEWS_WAIT_MS``."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    prompt = page.locator(TOAST, has_text=NEWS_PROMPT)
    try:
        prompt.first.wait_for(timeout=NEWS_WAIT_MS)
    except PlaywrightTimeout:  # no prompt came, as it should be
        return []
    return prompt.all_inner_texts()


def test_lesson_00_opens_with_the_kit_in_the_file_browser_and_no_news(student_page: Any):
    student_page.wait_for_function(JS_IS_CURRENT, arg=FIRST_LESSON)  # lesson 00's tab
    student_page.locator(".jp-Notebook .jp-MarkdownCell h1").first.wait_for()
    prompts = news_prompts(student_page)
    assert not prompts, f"a news prompt appeared: {prompts}"
    student_page.locator(".jp-FileBrowser .jp-BreadCrumbs-home").click()
    listing = student_page.locator(".jp-FileBrowser .jp-DirListing-item .jp-DirListing-itemText")
    listing.filter(has_text="exercises").first.wait_for()
    names = set(listing.all_inner_texts())
    assert {"notebooks", "exercises"} <= names, f"the root lists {sorted(names)}"


def open_unrun(lab: LabPage, notebook: str) -> list[dict]:
    """Open ``notebook`` as saved, without a kernel; what each cell shows. Closed afterwards."""
    lab.command("docmanager:open", {"path": notebook})
    lab.page.wait_for_function(JS_IS_CURRENT, arg=notebook)
    lab.page.wait_for_function(JS_RENDERED)
    lab.page.evaluate(JS_TWO_FRAMES)
    cells = lab.page.evaluate(JS_CELLS_SHOWN, WIDGET_VIEW)
    assert lab.close_all(), f"{notebook} left a dialog open"
    return cells


def before_running_problems(notebook: str, cells: list[dict]) -> list[str]:
    """What is wrong with a notebook's saved outputs as the page shows them."""
    problems = []
    for number, cell in enumerate(cells, start=1):
        for output in cell["outputs"]:
            if cell["trusted"]:
                problems.append(f"cell {number} is trusted: the check needs a fresh notebook")
            if RAW_REPR.search(output["text"]):
                problems.append(f"cell {number} shows a raw repr: {output['text'][:200]!r}")
            if output["widget"] and output["mime"] != "text/html":
                problems.append(f"widget cell {number} shows {output['mime']}, not its static view")
            elif output["widget"] and output["text"].strip() in ("", RUN_NOTE):
                problems.append(f"widget cell {number} has no static view, only {output['text']!r}")
    return [f"{notebook}: {problem}" for problem in problems]


def lesson_opening_problems(lesson: str, cells: list[dict]) -> list[str]:
    """Whether a lesson opens on its title with its first code cell (the set-up) collapsed."""
    saved = json.loads((ROOT / lesson).read_text(encoding="utf-8"))["cells"]
    problems = []
    title = "".join(saved[0]["source"])
    if saved[0]["cell_type"] != "markdown" or not title.startswith("# "):
        problems.append("its first cell is not a markdown cell starting with '# '")
    elif cells[0]["firstTag"] != "H1" or cells[0]["firstText"] != title.splitlines()[0][2:]:
        problems.append(f"it opens on {cells[0]['firstTag']} {cells[0]['firstText']!r}")
    number = next(n for n, cell in enumerate(saved) if cell["cell_type"] == "code")
    if not saved[number]["metadata"].get("jupyter", {}).get("source_hidden"):
        problems.append(f"its set-up cell ({number + 1}) is not saved as source_hidden")
    if not (cells[number]["inputHidden"] and cells[number]["placeholder"]):
        problems.append(f"its set-up cell ({number + 1}) shows its code")
    return [f"{lesson}: {problem}" for problem in problems]


def test_notebooks_show_static_views_before_running_and_lessons_open_on_their_title(
    kit_lab: LabPage,
):
    problems, widget_cells = [], 0
    kit_lab.page.evaluate(JS_START_KERNELS, False)
    try:
        for notebook in NOTEBOOKS:
            cells = open_unrun(kit_lab, notebook)
            problems += before_running_problems(notebook, cells)
            widget_cells += sum(o["widget"] for cell in cells for o in cell["outputs"])
            if notebook in LESSONS:
                problems += lesson_opening_problems(notebook, cells)
    finally:
        kit_lab.page.evaluate(JS_START_KERNELS, True)
    assert not problems, "\n".join(problems)
    assert widget_cells, "no notebook has a saved widget output to check"


@pytest.mark.parametrize("notebook", RUN_FOR_LABELS)
def test_widget_labels_fit_after_running(kit_lab: LabPage, notebook: str):
    kit_lab.open(notebook)
    kit_lab.clear_and_run_all()
    kit_lab.wait_for_widgets()
    report = kit_lab.report()
    assert not report.problems, "\n".join(report.problems)
    checked, problems = clipped_labels(kit_lab)
    assert checked, f"no widget labels were found to measure in {notebook}"
    assert not problems, f"{notebook}:\n" + "\n".join(problems)


def put_notification_settings(server: LabServer, raw: str) -> None:
    """Save the user's notification settings (raw JSON5) through the server's settings API."""
    request = urllib.request.Request(
        f"{server.url}{NOTIFICATION_SETTINGS}",
        data=json.dumps({"raw": raw}).encode(),
        method="PUT",
        headers={"Content-Type": "application/json"},
    )
    urllib.request.urlopen(request, timeout=30).close()


def test_the_news_check_sees_the_prompt_when_news_is_undecided(
    kit_lab_server: LabServer, kit_lab_context: Any
):
    """The control: with the user's choice back to JupyterLab's 'none', the prompt shows."""
    put_notification_settings(kit_lab_server, '{"fetchNews": "none"}')
    page = kit_lab_context.new_page()
    try:
        page.goto(f"{kit_lab_server.url}/lab/workspaces/news-control")
        page.wait_for_function(JS_APP_READY, timeout=KERNEL_START_TIMEOUT_MS)
        page.evaluate(JS_APP_RESTORED)
        assert news_prompts(page), f"no news prompt within {NEWS_WAIT_MS} ms with news 'none'"
    finally:
        page.close()
        put_notification_settings(kit_lab_server, "{}")
