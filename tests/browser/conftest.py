"""Fixtures for the browser tests: a JupyterLab server on a copy of the kit, and Chromium.

Without Chromium or Playwright the browser tests are skipped with a hint on how to install
them, except in CI (environment variable ``CI`` set), where they fail instead.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_setup import CHROMIUM, CHROMIUM_ARGS, require_browser
from lab_page import LabPage
from lab_server import LabServer, start_kit_lab, start_lab, stop_lab

VIEWPORT = {"width": 1400, "height": 1000}
DEFAULT_TIMEOUT_MS = 30_000


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "browser: drives a real JupyterLab in headless Chromium (tests/browser); "
        "deselect with -m 'not browser'",
    )


@pytest.fixture(scope="session")
def browser_requirements() -> None:
    """Skip (or, in CI, fail) when Chromium or Playwright is missing."""
    require_browser()


@pytest.fixture(scope="session")
def lab_server(
    browser_requirements: None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LabServer]:
    """``jupyter lab`` serving a temporary copy of the kit; always stopped at the end."""
    server = start_lab(tmp_path_factory.mktemp("browser-lab"))
    try:
        yield server
    finally:
        stop_lab(server)


@pytest.fixture(scope="module")
def kit_lab_server(
    browser_requirements: None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LabServer]:
    """JupyterLab started as ``./kit lab`` starts it (the kit's settings only), on a kit copy."""
    server = start_kit_lab(tmp_path_factory.mktemp("kit-lab"))
    try:
        yield server
    finally:
        stop_lab(server)


@pytest.fixture(scope="session")
def chromium(browser_requirements: None) -> Iterator[Any]:
    """Debian's Chromium, headless (Playwright gives it a fresh temporary profile)."""
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


class LabPages:
    """One JupyterLab page shared by the tests, replaced after a failure (or a stray dialog)."""

    def __init__(self, browser: Any, server: LabServer) -> None:
        self.browser, self.server = browser, server
        self.context: Any = None
        self.lab: LabPage | None = None

    def get(self) -> LabPage:
        """The shared page, loading JupyterLab in a fresh browser context if needed."""
        if self.lab is None:
            self.context = self.browser.new_context(viewport=VIEWPORT)
            self.context.set_default_timeout(DEFAULT_TIMEOUT_MS)
            self.lab = LabPage(self.context.new_page(), self.server.url, self.server.root_dir)
        return self.lab

    def discard(self) -> None:
        """Close the page, so the next test starts from a freshly loaded JupyterLab."""
        if self.context is not None:
            self.context.close()
        self.context = self.lab = None


@pytest.fixture(scope="module")
def kit_lab_context(chromium: Any) -> Iterator[Any]:
    """A fresh browser context (no saved state) at the tests' screen size."""
    context = chromium.new_context(viewport=VIEWPORT)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    try:
        yield context
    finally:
        context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[Any]:
    """Keep each phase's report on the item, so fixtures can tell whether the test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def lab_pages(chromium: Any, lab_server: LabServer) -> Iterator[LabPages]:
    pages = LabPages(chromium, lab_server)
    try:
        yield pages
    finally:
        pages.discard()


@pytest.fixture
def lab(
    lab_pages: LabPages, lab_server: LabServer, request: pytest.FixtureRequest
) -> Iterator[LabPage]:
    """JupyterLab in Chromium; afterwards tabs are closed and every kernel shut down."""
    lab = lab_pages.get()
    try:
        yield lab
    finally:
        call = getattr(request.node, "report_call", None)
        try:
            clean = call is not None and call.passed and lab.close_all()
        except Exception:  # a broken page is replaced below, whatever went wrong
            clean = False
        if not clean:
            lab_pages.discard()
        lab_server.shutdown_all_kernels()


@pytest.fixture
def scratch_dir(lab_server: LabServer, request: pytest.FixtureRequest) -> Iterator[Path]:
    """A folder under the server root for notebooks a test writes (relative path: .name)."""
    folder = lab_server.root_dir / "browser-scratch" / re.sub(r"[^\w-]+", "_", request.node.name)
    folder.mkdir(parents=True)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
