"""Without Chromium the browser tests skip with an install hint, except in CI where they fail."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_setup import missing_requirement, require_browser

NOWHERE = Path("/nonexistent/chromium")


def test_missing_chromium_says_how_to_install_it():
    assert "apt-get install chromium" in missing_requirement(NOWHERE)


def test_missing_chromium_skips_outside_ci(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        require_browser(NOWHERE)


def test_missing_chromium_fails_in_ci(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception, match="apt-get install chromium"):
        require_browser(NOWHERE)


def test_nothing_missing_when_chromium_is_there(tmp_path: Path):
    pytest.importorskip("playwright")
    fake = tmp_path / "chromium"
    fake.touch()
    assert missing_requirement(fake) is None
    require_browser(fake)
