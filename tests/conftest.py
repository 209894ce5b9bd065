"""Shared fixtures: a writable copy of the kit's data folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from propaganda_kit.data.paths import DEFAULT_DATA_DIR


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A throwaway copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    return target
