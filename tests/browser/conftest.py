"""Fixtures for the browser tests: a JupyterLab server on a copy of the kit, and Chromium.

Without Chromium or Playwright the browser tests are skipped with a hint on how to install
them, except in CI (environment variable ``CI`` set), where they fail instead.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from lab_page import LabPage
from lab_server import LabServer, start_lab, stop_lab

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
VIEWPORT = {"width": 1400, "height": 1000}
DEFAULT_TIMEOUT_MS = 30_000


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: drives a real JupyterLab in headless Chromium (tests/browser); "
                   "deselect with -m 'not browser'")


def missing_requirement() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if importlib.util.find_spec("playwright") is None:
        return ("the Python package playwright is not installed "
                "(pip install -r requirements-test.txt)")
    if not CHROMIUM.exists():
        return (f"Chromium is not installed at {CHROMIUM} "
                "(install it with: sudo apt-get install chromium)")
    return None


@pytest.fixture(scope="session")
def browser_requirements() -> None:
    """Skip (or, in CI, fail) when Chromium or Playwright is missing."""
    reason = missing_requirement()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"Browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"Browser tests skipped: {reason}")


@pytest.fixture(scope="session")
def lab_server(browser_requirements: None, tmp_path_factory: pytest.TempPathFactory
               ) -> Iterator[LabServer]:
    """``jupyter lab`` serving a temporary copy of the kit; always stopped at the end."""
    server = start_lab(tmp_path_factory.mktemp("browser-lab"))
    try:
        yield server
    finally:
        stop_lab(server)


@pytest.fixture(scope="session")
def chromium(browser_requirements: None) -> Iterator[object]:
    """Debian's Chromium, headless (Playwright gives it a fresh temporary profile)."""
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True,
            args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


@pytest.fixture
def lab(chromium: object, lab_server: LabServer) -> Iterator[LabPage]:
    """A fresh page on the server; afterwards the page is closed and every kernel shut down."""
    context = chromium.new_context(viewport=VIEWPORT)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    try:
        yield LabPage(context.new_page(), lab_server.url, lab_server.root_dir)
    finally:
        context.close()
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
