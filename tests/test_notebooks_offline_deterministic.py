"""Every notebook runs with the network blocked, and a fresh run gives exactly the outputs
committed with it (every kind of output: text, HTML, images, widget views), so two runs
are identical. The fresh run is nbval's, shared through the ``notebook_outputs`` fixture.

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
from nbval.plugin import coalesce_streams

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted(
    p for folder in ("notebooks", "exercises", "solutions") for p in (ROOT / folder).glob("*.ipynb")
)


def sanitizers() -> list[tuple[re.Pattern, str]]:
    """The same substitutions that nbval applies (tests/nbval_sanitize.cfg)."""
    parser = ConfigParser()
    parser.read(ROOT / "tests" / "nbval_sanitize.cfg")
    return [(re.compile(parser[s]["regex"]), parser[s]["replace"]) for s in parser.sections()]


def as_text(outputs: list, rules: list[tuple[re.Pattern, str]]) -> str:
    """Outputs as sanitised JSON, without execution counts."""
    plain = [
        {k: v for k, v in dict(out).items() if k not in ("execution_count", "metadata")}
        for out in coalesce_streams([nbformat.from_dict(o) for o in outputs])
    ]
    text = json.dumps(plain, sort_keys=True)
    for pattern, replacement in rules:
        text = pattern.sub(replacement, text)
    return text


def test_network_is_blocked_here_and_in_subprocesses():
    with pytest.raises(OSError, match="network access blocked by the test suite"):
        socket.create_connection(("192.0.2.1", 80), timeout=5)
    code = "import urllib.request; urllib.request.urlopen('http://example.com', timeout=5)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode != 0
    assert "network access blocked by the test suite" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_fresh_run_gives_the_committed_outputs(path: Path, notebook_outputs):
    fresh = notebook_outputs(path)
    code = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    rules = sanitizers()
    for number, cell in enumerate(code):
        assert as_text(fresh[number], rules) == as_text(cell.outputs, rules), (
            f"{path.name}: code cell {number + 1} differs from its committed outputs "
            "(run python -m propaganda_kit refresh-notebooks after a change)"
        )
