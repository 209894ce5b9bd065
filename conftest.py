"""Test-session set-up for every test and notebook.

- No network at run time: the socket guard in tests/netblock/sitecustomize.py is installed in
  this process, and its folder is put on PYTHONPATH so that every kernel, server and
  subprocess the tests start loads it too. Loopback stays open for kernels and browser tests.
- Each notebook runs once per test run: nbval's cells run first, their fresh outputs are kept,
  and the ``notebook_outputs`` fixture hands them to every other check that needs a run
  (full-output determinism, solutions all correct). A test run without nbval executes a
  notebook once, on first request, instead.
- Saved work (``my_work/``) goes to a temporary folder (``PROPAGANDA_KIT_WORK``), so work a
  developer saved while trying the kit never changes a notebook's outputs under test.
- Notebook cells are marked ``slow``, so ``-m "not slow"`` (``./kit test --fast``) skips them.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent
NETBLOCK = ROOT / "tests" / "netblock"

os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (str(NETBLOCK), os.environ.get("PYTHONPATH", "")) if p
)
sys.path.insert(0, str(NETBLOCK))
import sitecustomize  # noqa: E402,F401  (installs the guard in this process)

sys.path.remove(str(NETBLOCK))

os.environ["PROPAGANDA_KIT_WORK"] = tempfile.mkdtemp(prefix="kit-test-work-")

FRESH_OUTPUTS = pytest.StashKey[dict[Path, dict[int, list]]]()


def is_notebook_cell(item: pytest.Item) -> bool:
    """True for an nbval cell item."""
    return type(item).__name__ == "IPyNbCell"


def pytest_configure(config: pytest.Config) -> None:
    config.stash[FRESH_OUTPUTS] = {}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Notebook cells first (so their outputs exist for later checks), marked slow."""
    cells = [item for item in items if is_notebook_cell(item)]
    for item in cells:
        item.add_marker(pytest.mark.slow)
    items[:] = cells + [item for item in items if not is_notebook_cell(item)]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item):
    yield
    outputs = getattr(item, "test_outputs", None)
    if is_notebook_cell(item) and outputs is not None:
        runs = item.config.stash[FRESH_OUTPUTS]
        runs.setdefault(Path(item.path).resolve(), {})[item.cell_num] = list(outputs)


def execute(path: Path) -> dict[int, list]:
    """Run a copy of the notebook from its own folder; outputs per code cell."""
    from nbclient import NotebookClient
    from nbval.plugin import coalesce_streams

    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    return {i: coalesce_streams(cell.outputs) for i, cell in enumerate(code)}


@pytest.fixture(scope="session")
def notebook_outputs(request: pytest.FixtureRequest):
    """``outputs(path)``: a fresh run's outputs per code cell, from nbval's run if complete."""
    runs = request.config.stash[FRESH_OUTPUTS]

    def outputs(path: Path) -> dict[int, list]:
        path = path.resolve()
        code_cells = sum(c.cell_type == "code" for c in nbformat.read(path, as_version=4).cells)
        if len(runs.get(path, {})) != code_cells:
            runs[path] = execute(path)
        return runs[path]

    return outputs
