"""Start and stop a real JupyterLab server on a throwaway copy of the kit."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# What the notebooks need next to them (the package itself is importable from the venv).
COPIED_FOLDERS = ("notebooks", "exercises", "solutions", "data")
STARTUP_TIMEOUT_S = 90

# JupyterLab settings that keep the page quiet and every cell in the DOM.
LAB_SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


@dataclass
class LabServer:
    """A running ``jupyter lab``: its base URL, served folder and process."""

    url: str
    root_dir: Path
    process: subprocess.Popen
    log_path: Path

    def api(self, method: str, path: str) -> object:
        """Call the server's REST API (no token: authentication is off for the test server)."""
        request = urllib.request.Request(f"{self.url}{path}", method=method)
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_all_kernels(self) -> None:
        """Shut down every kernel session, so notebooks do not pile up in memory."""
        for session in self.api("GET", "/api/sessions"):
            self.api("DELETE", f"/api/sessions/{session['id']}")

    def log_tail(self, lines: int = 40) -> str:
        """The end of the server's log, for failure messages."""
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_kit(target: Path) -> Path:
    """Copy the folders the notebooks need into ``target``; return the served root."""
    root = target / "kit"
    root.mkdir(parents=True)
    for name in COPIED_FOLDERS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, root / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "my_work")
            )
    return root


def write_settings(settings_dir: Path) -> None:
    """Write the JupyterLab user settings the tests rely on."""
    for relative, values in LAB_SETTINGS.items():
        path = settings_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


def lab_command(port: int, root_dir: Path) -> list[str]:
    """The ``jupyter lab`` command line: local only, no token, no browser, no news."""
    return [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        "--ServerApp.ip=127.0.0.1",
        "--IdentityProvider.token=",
        "--ServerApp.password=",
        f"--ServerApp.root_dir={root_dir}",
        "--ServerApp.allow_root=True",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
        # Lets the fixture shut kernels down through the REST API without a browser cookie.
        "--ServerApp.disable_check_xsrf=True",
        # window.jupyterapp lets the tests run menu commands by id (editmenu:clear-all, ...).
        "--LabApp.expose_app_in_browser=True",
    ]


def wait_until_ready(server: LabServer) -> None:
    """Poll the server's status endpoint until it answers, or fail with its log."""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"jupyter lab exited early:\n{server.log_tail()}")
        try:
            server.api("GET", "/api/status")
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)  # polling a condition, not waiting for luck
    raise RuntimeError(
        f"jupyter lab did not answer within {STARTUP_TIMEOUT_S} s:\n{server.log_tail()}"
    )


def start_lab(workdir: Path) -> LabServer:
    """Copy the kit into ``workdir`` and start JupyterLab on it (stop it with ``stop_lab``)."""
    root_dir = copy_kit(workdir)
    settings_dir = workdir / "lab-settings"
    write_settings(settings_dir)
    env = lab_environment(workdir, settings_dir)
    port = free_port()
    return launch(lab_command(port, root_dir), port, root_dir, env, workdir)


def ship_lab_settings(prefix: Path | None = None) -> Path:
    """Copy the kit's ``lab/overrides.json`` into the environment, as ``./kit lab`` does."""
    target = Path(prefix or sys.prefix) / "share" / "jupyter" / "lab" / "settings"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "lab" / "overrides.json", target / "overrides.json")
    return target / "overrides.json"


def kit_lab_command(port: int, root_dir: Path) -> list[str]:
    """``./kit lab``'s command line, plus what a test needs: a port, no token, the app exposed.

    No news or update options and no user settings: the kit's shipped overrides alone must
    keep the news prompt away.
    """
    return [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.root_dir={root_dir}",
        "--ServerApp.allow_root=True",
        "notebooks/00_start_here.ipynb",
        "--no-browser",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        "--IdentityProvider.token=",
        "--ServerApp.password=",
        "--ServerApp.disable_check_xsrf=True",
        "--LabApp.expose_app_in_browser=True",
    ]


def start_kit_lab(workdir: Path) -> LabServer:
    """JupyterLab as ``./kit lab`` starts it, on a copy of the kit, for a user with no settings.

    The kit's overrides are shipped into this environment; the user's settings, config and
    data folders are empty (so no notebook signature exists: every notebook opens untrusted).
    """
    root_dir = copy_kit(workdir)
    ship_lab_settings()
    env = lab_environment(workdir, workdir / "user-lab-settings")
    env.update(
        JUPYTER_CONFIG_DIR=str(workdir / "user-config"),
        JUPYTER_DATA_DIR=str(workdir / "user-data"),
    )
    port = free_port()
    return launch(kit_lab_command(port, root_dir), port, root_dir, env, workdir)


def lab_environment(workdir: Path, settings_dir: Path) -> dict[str, str]:
    """The server's environment: its own settings, workspaces and runtime folders, no token."""
    env = dict(
        os.environ,
        JUPYTERLAB_SETTINGS_DIR=str(settings_dir),
        JUPYTERLAB_WORKSPACES_DIR=str(workdir / "lab-workspaces"),
        JUPYTER_RUNTIME_DIR=str(workdir / "jupyter-runtime"),
        PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
    )
    env.pop("JUPYTER_TOKEN", None)
    env.pop("PROPAGANDA_KIT_WORK", None)  # a student's saved work goes in my_work/, as in class
    return env


def launch(
    command: list[str], port: int, root_dir: Path, env: dict[str, str], workdir: Path
) -> LabServer:
    """Start ``command`` (serving on ``port``) in ``root_dir``; return once it answers."""
    log_path = workdir / "jupyter-lab.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command,
            cwd=root_dir,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    server = LabServer(f"http://127.0.0.1:{port}", root_dir, process, log_path)
    try:
        wait_until_ready(server)
    except BaseException:
        stop_lab(server)
        raise
    return server


def child_pids(pid: int) -> list[int]:
    """Direct children of ``pid`` (the kernels, which run in sessions of their own)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children


def kill_group(pgid: int, sig: signal.Signals) -> None:
    """Send ``sig`` to a process group that may already be gone."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def stop_lab(server: LabServer) -> None:
    """Stop the server and every kernel it started: kernels via the API, then the groups."""
    if server.process.poll() is None:
        with contextlib.suppress(urllib.error.URLError, OSError):
            server.shutdown_all_kernels()
    kernels = child_pids(server.process.pid)
    kill_group(server.process.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        server.process.wait(timeout=15)
    for pgid in (server.process.pid, *kernels):
        kill_group(pgid, signal.SIGKILL)
    server.process.wait(timeout=10)
