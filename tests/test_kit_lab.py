"""``./kit lab`` serves the kit's root (lessons and exercises both in the file browser) with
the kit's own JupyterLab settings (no news pop-up), kept in .venv, not in the user's settings."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.load(response)


@pytest.mark.slow
def test_kit_lab_serves_the_root_with_the_kits_settings(tmp_path: Path):
    port = free_port()
    home = tmp_path / "home"  # a user with no settings of their own
    env = {
        **os.environ,
        "HOME": str(home),
        "JUPYTER_CONFIG_DIR": str(home / ".jupyter"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "lab-user-settings"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
    }
    server = subprocess.Popen(
        [
            str(ROOT / "kit"),
            "lab",
            "--no-browser",
            f"--port={port}",
            "--ServerApp.port_retries=0",
            "--IdentityProvider.token=",
            "--ServerApp.password=",
        ],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                contents = get_json(f"{base}/api/contents/")
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("./kit lab did not start")
        names = {item["name"] for item in contents["content"]}
        assert {"notebooks", "exercises", "README.md"} <= names
        settings = get_json(f"{base}/lab/api/settings/@jupyterlab/apputils-extension:notification")
        defaults = settings["schema"]["properties"]  # overrides.json changes the defaults
        assert defaults["fetchNews"]["default"] == "false"
        assert defaults["checkForUpdates"]["default"] is False
        assert not (home / "lab-user-settings").exists() or not any(
            (home / "lab-user-settings").rglob("*.jupyterlab-settings")
        )
    finally:
        server.terminate()
        server.communicate(timeout=30)
