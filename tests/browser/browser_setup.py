"""Whether the browser tests can run here: Chromium and Playwright, or skip (fail in CI)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def missing_requirement(chromium: Path | None = None) -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    chromium = chromium or CHROMIUM
    if importlib.util.find_spec("playwright") is None:
        return (
            "the Python package playwright is not installed "
            "(install it with: pip install -r requirements-test.txt)"
        )
    if not chromium.exists():
        return (
            f"Chromium is not installed at {chromium} "
            "(install it with: sudo apt-get install chromium)"
        )
    return None


def require_browser(chromium: Path | None = None) -> None:
    """Skip the calling test when something is missing; in CI (``CI`` set), fail it instead."""
    reason = missing_requirement(chromium)
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"Browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"Browser tests skipped: {reason}")
