"""Test-session set-up for every test and notebook: no network at run time.

The socket guard in tests/netblock/sitecustomize.py is installed in this process, and its
folder is put on PYTHONPATH so that every kernel, server and subprocess the tests start
loads it too. Loopback stays open, so Jupyter kernels and the browser tests still work.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

NETBLOCK = Path(__file__).resolve().parent / "tests" / "netblock"

os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (str(NETBLOCK), os.environ.get("PYTHONPATH", "")) if p
)
sys.path.insert(0, str(NETBLOCK))
import sitecustomize  # noqa: E402,F401  (installs the guard in this process)

sys.path.remove(str(NETBLOCK))
