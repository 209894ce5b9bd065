"""Drive one JupyterLab page: open a notebook, run it, read what the cells show.

Playwright is imported lazily so that this module imports (and the tests skip cleanly)
on a machine without it.
"""

from __future__ import annotations

import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KERNEL_START_TIMEOUT_MS = 90_000
RUN_ALL_TIMEOUT_MS = 180_000
WIDGET_RENDER_TIMEOUT_MS = 60_000
EXPECT_TIMEOUT_MS = 30_000  # Playwright's default of 5 s is short on 2 busy cores
MAX_SCREENSHOT_HEIGHT = 16_000

STDERR_OUTPUT = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'

# True once the status bar's kernel item for notebook ``name`` reads "<kernel> | Idle"
# (the toolbar's indicator turns idle before any kernel exists, so it is not used).
JS_KERNEL_IDLE = """name => {
  const item = document.querySelector(
    `#jp-main-statusbar .jp-StatusBar-TextItem[title="Change kernel for ${name}"]`);
  return !!item && / \\| Idle$/.test(item.textContent.trim());
}"""

# The state of every code cell: its prompt and whether it has any code.
JS_CELLS = """() => [...document.querySelectorAll('.jp-Notebook .jp-CodeCell')].map(cell => ({
  prompt: (cell.querySelector('.jp-InputPrompt') || {textContent: ''}).textContent.trim(),
  code: (cell.querySelector('.cm-content') || {textContent: ''}).textContent,
}))"""

# True once a run is over: kernel idle, nothing queued, and at least one cell numbered.
JS_RUN_FINISHED = (
    """name => {
  const kernelIdle = ("""
    + JS_KERNEL_IDLE
    + """)(name);
  const cells = ("""
    + JS_CELLS
    + """)();
  return kernelIdle && cells.length > 0 && !cells.some(c => c.prompt.includes('*'))
    && cells.some(c => /\\d/.test(c.prompt));
}"""
)

# Executes a JupyterLab command by id, awaited or not.
JS_COMMAND = "([id, args]) => { window.jupyterapp.commands.execute(id, args); }"
JS_COMMAND_AWAITED = "async ([id, args]) => { await window.jupyterapp.commands.execute(id, args); }"

# True once the app has started and restored its layout.
JS_APP_READY = "() => !!window.jupyterapp && !!document.querySelector('#jp-main-statusbar')"
JS_APP_RESTORED = "async () => { await window.jupyterapp.restored; }"

# True once the current main-area widget is the notebook at ``path``.
JS_IS_CURRENT = """path => {
  const widget = window.jupyterapp.shell.currentWidget;
  return !!widget && !!widget.context && widget.context.path === path;
}"""

# Closes every tab in the main area without asking to save (the copies are throwaway).
JS_DISPOSE_ALL = """() => {
  for (const widget of [...window.jupyterapp.shell.widgets('main')]) widget.dispose();
}"""

JS_TWO_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"

_workspace_numbers = itertools.count(1)


def expect(target: Any) -> Any:
    """Playwright's auto-waiting ``expect`` (imported on first use), patient on a busy machine."""
    from playwright.sync_api import expect as playwright_expect

    playwright_expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    return playwright_expect(target)


def wait_until(condition: Callable[[], object], what: str, timeout_s: float = 30) -> None:
    """Poll ``condition`` until it is true; fail with ``what`` after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {timeout_s} s waiting for {what}")
        time.sleep(0.1)


def new_notebook(path: Path, sources: list[str]) -> Path:
    """Write a notebook of code cells (no outputs, python3 kernel) at ``path``."""
    cells = [
        {
            "cell_type": "code",
            "execution_count": None,
            "id": f"cell-{number}",
            "metadata": {},
            "outputs": [],
            "source": source,
        }
        for number, source in enumerate(sources)
    ]
    notebook = {
        "cells": cells,
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {
            "kernelspec": {
                "display_name": "Python 3 (ipykernel)",
                "language": "python",
                "name": "python3",
            },
            "language_info": {"name": "python"},
        },
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(notebook, indent=1), encoding="utf-8")
    return path


@dataclass
class RunReport:
    """What a notebook showed after Run All."""

    problems: list[str] = field(default_factory=list)
    widget_count: int = 0

    def add(self, problem: str) -> None:
        self.problems.append(problem)


class LabPage:
    """One JupyterLab page, loaded once and reused: each test opens one notebook in it."""

    def __init__(self, page: Any, base_url: str, root_dir: Path) -> None:
        self.page = page
        self.base_url = base_url
        self.root_dir = root_dir
        self.viewport = dict(page.viewport_size)
        self.notebook = ""  # the path of the open notebook, relative to root_dir
        self.page_errors: list[str] = []
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.goto(f"{base_url}/lab/workspaces/browser-test-{next(_workspace_numbers)}")
        page.wait_for_function(JS_APP_READY, timeout=KERNEL_START_TIMEOUT_MS)
        page.evaluate(JS_APP_RESTORED)

    # -- opening and running -------------------------------------------------------------

    def open(self, path: Path | str) -> None:
        """Open a notebook (absolute, or relative to the server root); wait for its kernel."""
        relative = Path(path).relative_to(self.root_dir) if Path(path).is_absolute() else path
        self.close_all()
        self.page.set_viewport_size(self.viewport)
        self.notebook = Path(relative).as_posix()
        self.page_errors.clear()
        self.command("docmanager:open", {"path": self.notebook})
        self.page.wait_for_function(JS_IS_CURRENT, arg=self.notebook)
        self.page.locator(".jp-Notebook .jp-Cell").first.wait_for()
        self.wait_for_kernel_idle()

    def close_all(self) -> bool:
        """Close every open tab unsaved; True when no dialog is left on the page."""
        self.page.evaluate(JS_DISPOSE_ALL)
        self.notebook = ""
        return self.page.locator(".jp-Dialog").count() == 0

    def wait_for_kernel_idle(self, timeout_ms: int = KERNEL_START_TIMEOUT_MS) -> None:
        """Wait until the status bar shows the notebook's kernel (a real one), idle."""
        self.page.wait_for_function(
            JS_KERNEL_IDLE, arg=Path(self.notebook).name, timeout=timeout_ms
        )

    def command(self, command_id: str, args: dict | None = None, *, wait: bool = True) -> None:
        """Execute a JupyterLab command (a menu item) by id, on the current notebook."""
        self.page.evaluate(JS_COMMAND_AWAITED if wait else JS_COMMAND, [command_id, args or {}])

    def cells(self) -> list[dict[str, str]]:
        """Each code cell's prompt (``[3]:``, ``[*]:``, ``[ ]:``) and code."""
        return self.page.evaluate(JS_CELLS)

    def clear_and_run_all(self, timeout_ms: int = RUN_ALL_TIMEOUT_MS) -> None:
        """Edit > Clear Outputs of All Cells, then Run > Run All Cells; wait for the end."""
        self.command("editmenu:clear-all")
        expect(self.page.locator(".jp-Notebook .jp-OutputArea-output")).to_have_count(0)
        assert not any(re.search(r"\d", c["prompt"]) for c in self.cells()), (
            "clearing outputs left execution counts behind"
        )
        self.command("runmenu:run-all", wait=False)
        self.page.wait_for_function(
            JS_RUN_FINISHED, arg=Path(self.notebook).name, timeout=timeout_ms
        )

    def run_cell(self, index: int, source: str, timeout_ms: int = RUN_ALL_TIMEOUT_MS) -> Any:
        """Replace code cell ``index``'s code by typing it, run it, return its output locator."""
        cell = self.page.locator(".jp-Notebook .jp-CodeCell").nth(index)
        cell.locator(".cm-content").click()
        self.page.keyboard.press("ControlOrMeta+a")
        self.page.keyboard.press("Delete")
        # insert_text types the code as one input event: no auto-indent or bracket closing.
        self.page.keyboard.insert_text(source)
        expect(cell.locator(".cm-content")).to_have_text(source.replace("\n", ""))
        before = cell.locator(".jp-InputPrompt").inner_text().strip()
        self.page.keyboard.press("Shift+Enter")
        self.page.wait_for_function(
            """([index, before]) => {
                 const cell = document.querySelectorAll('.jp-Notebook .jp-CodeCell')[index];
                 const prompt = cell.querySelector('.jp-InputPrompt').textContent.trim();
                 return /\\d/.test(prompt) && prompt !== before;
               }""",
            arg=[index, before],
            timeout=timeout_ms,
        )
        self.wait_for_kernel_idle(timeout_ms)
        return cell.locator(".jp-OutputArea-output")

    # -- reading the results -------------------------------------------------------------

    def wait_for_widgets(self, timeout_ms: int = WIDGET_RENDER_TIMEOUT_MS) -> None:
        """Wait until no output still says 'Loading widget...'."""
        loading = self.page.locator(".jp-OutputArea-output", has_text="Loading widget")
        expect(loading).to_have_count(0, timeout=timeout_ms)

    def report(self) -> RunReport:
        """Errors, unexecuted cells and broken widgets visible in the notebook."""
        report = RunReport()
        for number, cell in enumerate(self.cells(), start=1):
            if cell["code"].strip() and not re.search(r"\d", cell["prompt"]):
                report.add(f"code cell {number} did not run (prompt {cell['prompt']!r})")
        cells = self.page.locator(".jp-Notebook .jp-CodeCell")
        for number in range(cells.count()):
            for text in cells.nth(number).locator(STDERR_OUTPUT).all_inner_texts():
                if "Traceback" in text or "Error" in text:
                    report.add(f"code cell {number + 1} shows an error:\n{text[-1500:]}")
        outputs = self.page.locator(".jp-Notebook .jp-OutputArea-output")
        for text in outputs.all_inner_texts():
            if "Error displaying widget" in text:
                report.add(f"a widget failed to display: {text[:300]}")
            if "Loading widget" in text:
                report.add("a widget never finished loading")
        report.widget_count = self.page.locator(".jp-Notebook .jupyter-widgets").count()
        report.problems += [f"uncaught error in the page: {e}" for e in self.page_errors]
        return report

    def screenshot(self, path: Path) -> None:
        """A full-page picture of the whole notebook (the viewport grows to fit it)."""
        self.page.evaluate("() => window.jupyterapp.shell.collapseLeft()")
        height = self.page.evaluate(
            "() => Math.max(...[...document.querySelectorAll('.jp-WindowedPanel-outer')]"
            ".map(e => e.scrollHeight), 0)"
        )
        viewport = self.page.viewport_size or {"width": 1280, "height": 900}
        new_height = min(max(viewport["height"], height + 200), MAX_SCREENSHOT_HEIGHT)
        self.page.set_viewport_size({"width": viewport["width"], "height": new_height})
        self.page.evaluate(JS_TWO_FRAMES)
        self.page.evaluate(
            "() => document.querySelectorAll('.jp-WindowedPanel-outer')"
            ".forEach(e => { e.scrollTop = 0; })"
        )
        self.page.evaluate(JS_TWO_FRAMES)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(path), full_page=True)
