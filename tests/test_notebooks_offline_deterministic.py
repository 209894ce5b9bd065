"""Every notebook runs with the network blocked, and twice in a row gives identical outputs.

The block itself is installed for the whole test session by the root conftest.py.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
from configparser import ConfigParser
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted(
    p for folder in ("notebooks", "exercises", "solutions") for p in (ROOT / folder).glob("*.ipynb")
)


def sanitizers() -> list[tuple[re.Pattern, str]]:
    """The same substitutions that nbval applies (tests/nbval_sanitize.cfg)."""
    parser = ConfigParser()
    parser.read(ROOT / "tests" / "nbval_sanitize.cfg")
    return [(re.compile(parser[s]["regex"]), parser[s]["replace"]) for s in parser.sections()]


def run_outputs(path: Path) -> list[str]:
    """Execute a copy of the notebook offline; return each cell's outputs as sanitised text."""
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    rules = sanitizers()
    texts = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        text = json.dumps(cell.outputs, sort_keys=True)
        for pattern, replacement in rules:
            text = pattern.sub(replacement, text)
        texts.append(re.sub(r'"execution_count": \d+', "", text))
    return texts


def test_network_is_blocked_here_and_in_subprocesses():
    with pytest.raises(OSError, match="network access blocked by the test suite"):
        socket.create_connection(("192.0.2.1", 80), timeout=5)
    code = "import urllib.request; urllib.request.urlopen('http://example.com', timeout=5)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode != 0
    assert "network access blocked by the test suite" in result.stderr


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_offline_with_identical_outputs(path: Path):
    first = run_outputs(path)
    second = run_outputs(path)
    for number, (a, b) in enumerate(zip(first, second, strict=True)):
        assert a == b, f"{path.name}: code cell {number + 1} differs between two runs"
