"""The kit on a class server: hub/jupyterhub_config.py serves two students on this machine.

A real JupyterHub (with configurable-http-proxy) runs on 127.0.0.1 in a temporary folder. Two
students log in through the hub's login form; for each, the test checks that their server
starts, that their home holds the lessons (a file already there is kept), that the server opens
lesson 00 with the kit's JupyterLab settings, that lesson 00 comes back through the hub's
contents API, and that a kernel in the kit's environment runs code and saves work in that
student's home only. Neither student can reach the other's server.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import nbformat
import psutil
import pytest
import requests
import websocket

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "hub" / "jupyterhub_config.py"
OWN_PROXY = ROOT / ".hub" / "node_modules" / ".bin" / "configurable-http-proxy"
PASSWORD = "only-for-this-test"
STUDENTS = ("amira", "ben")
START_LIMIT = 120  # seconds a server may take (the config's start_timeout)
FIRST_LESSON = "notebooks/00_start_here.ipynb"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def proxy_installed() -> bool:
    return OWN_PROXY.exists() or shutil.which("configurable-http-proxy") is not None


@dataclass
class Hub:
    url: str
    homes: Path
    process: subprocess.Popen

    def running(self) -> bool:
        return self.process.poll() is None


def stop(process: subprocess.Popen) -> None:
    """Stop the hub (it stops the proxy and the students' servers), then anything left."""
    try:
        family = psutil.Process(process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        family = []
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
    for child in family:
        with contextlib.suppress(psutil.NoSuchProcess):  # psutil checks the pid is not reused
            child.kill()


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    if not proxy_installed():
        message = (
            "configurable-http-proxy is not installed: run hub/install-proxy (needs Node.js 20+ "
            "and npm), or npm install -g configurable-http-proxy"
        )
        if os.environ.get("CI"):
            pytest.fail(message + " (.ci/run installs it)")
        pytest.skip(message)
    port = free_port()
    env = {
        **os.environ,
        "KIT_HUB_PASSWORD": PASSWORD,
        "KIT_HUB_PORT": str(port),
        "KIT_HUB_API_PORT": str(free_port()),
        "KIT_HUB_PROXY_API_PORT": str(free_port()),
        "KIT_HUB_STATE": str(tmp_path / "state"),
        "KIT_HUB_HOMES": str(tmp_path / "homes"),
    }
    log = tmp_path / "hub.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [str(Path(sys.executable).parent / "jupyterhub"), "-f", str(CONFIG)],
            cwd=tmp_path,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    running = Hub(f"http://127.0.0.1:{port}", tmp_path / "homes", process)
    try:
        wait_for_hub(running)
        yield running
    finally:
        stop(process)
        print("--- the hub's log (end) ---\n" + log.read_text()[-6000:])


def wait_for_hub(hub: Hub) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and hub.running():
        try:
            if requests.get(f"{hub.url}/hub/api/", timeout=2).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.3)
    pytest.fail("the hub did not start (its log is below)")


def log_in(hub: Hub, name: str) -> requests.Session:
    """Log in through the hub's form, as a student does; then ask for a token to drive the API."""
    session = requests.Session()
    session.get(f"{hub.url}/hub/login", timeout=10).raise_for_status()
    xsrf = session.cookies["_xsrf"]
    form = {"username": name, "password": PASSWORD, "_xsrf": xsrf}
    reply = session.post(f"{hub.url}/hub/login", data=form, allow_redirects=False, timeout=10)
    assert reply.status_code == 302, f"log-in of {name} refused ({reply.status_code})"
    session.cookies.clear()  # from here on, a token alone says who this is
    reply = session.post(
        f"{hub.url}/hub/api/users/{name}/tokens",
        json={"auth": {"username": name, "password": PASSWORD}, "note": "tests/test_hub.py"},
        timeout=10,
    )
    reply.raise_for_status()
    session.headers["Authorization"] = f"token {reply.json()['token']}"
    return session


def start_server(hub: Hub, name: str, session: requests.Session) -> float:
    """Ask the hub to start the student's server; seconds until it is ready."""
    started = time.monotonic()
    reply = session.post(f"{hub.url}/hub/api/users/{name}/server", timeout=START_LIMIT)
    assert reply.status_code in (201, 202), reply.text  # 202: still starting
    while time.monotonic() - started < START_LIMIT:
        user = session.get(f"{hub.url}/hub/api/users/{name}", timeout=10).json()
        if user["servers"].get("", {}).get("ready"):
            return time.monotonic() - started
        time.sleep(0.3)
    pytest.fail(f"{name}'s server did not start within {START_LIMIT} s")


def start_servers(hub: Hub, sessions: dict[str, requests.Session]) -> dict[str, float]:
    """Start every student's server at once, as when a class logs in together."""
    with ThreadPoolExecutor(len(sessions)) as pool:
        took = {name: pool.submit(start_server, hub, name, s) for name, s in sessions.items()}
        return {name: future.result() for name, future in took.items()}


def run_code(hub: Hub, name: str, session: requests.Session, code: str) -> str:
    """Start a kernel in the student's notebooks/ folder, run ``code``, return its stdout."""
    server = f"{hub.url}/user/{name}"
    reply = session.post(
        f"{server}/api/kernels", json={"name": "python3", "path": "notebooks"}, timeout=30
    )
    reply.raise_for_status()
    kernel = reply.json()["id"]
    channels = websocket.create_connection(
        f"{server.replace('http', 'ws', 1)}/api/kernels/{kernel}/channels",
        header=[f"Authorization: {session.headers['Authorization']}"],
        timeout=30,
    )
    try:
        msg_id = uuid.uuid4().hex
        channels.send(json.dumps(execute_request(msg_id, code)))
        stdout, errors = [], []
        while True:
            msg = json.loads(channels.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream" and content["name"] == "stdout":
                stdout.append(content["text"])
            elif kind == "error":
                errors.append(f"{content['ename']}: {content['evalue']}")
            elif kind == "status" and content["execution_state"] == "idle":
                break
    finally:
        channels.close()
        session.delete(f"{server}/api/kernels/{kernel}", timeout=30)
    assert not errors, errors
    return "".join(stdout)


def execute_request(msg_id: str, code: str) -> dict:
    return {
        "header": {
            "msg_id": msg_id,
            "msg_type": "execute_request",
            "session": uuid.uuid4().hex,
            "username": "test",
            "version": "5.3",
        },
        "parent_header": {},
        "metadata": {},
        "content": {
            "code": code,
            "silent": False,
            "store_history": False,
            "user_expressions": {},
            "allow_stdin": False,
            "stop_on_error": True,
        },
        "channel": "shell",
        "buffers": [],
    }


KERNEL_CODE = """
import json, os, sys
from propaganda_kit.data.saved_work import save_answers
saved = save_answers("hub-check", {"who": os.environ["USER"]})
print(json.dumps({"home": os.environ["HOME"], "cwd": os.getcwd(), "prefix": sys.prefix,
                  "saved": str(saved)}))
"""


def own_lesson() -> nbformat.NotebookNode:
    """Ben's own copy of lesson 00, already in his home before his first log-in."""
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Ben's own notes")])


@pytest.mark.slow
def test_a_hub_serves_the_kit_to_two_students(hub: Hub):
    ben_lesson = hub.homes / "ben" / FIRST_LESSON
    ben_lesson.parent.mkdir(parents=True)
    nbformat.write(own_lesson(), ben_lesson)

    sessions = {name: log_in(hub, name) for name in STUDENTS}
    took = start_servers(hub, sessions)
    print(f"servers ready after {', '.join(f'{n}: {s:.1f} s' for n, s in took.items())}")

    kit_lesson = nbformat.read(ROOT / FIRST_LESSON, as_version=4)
    for name, session in sessions.items():
        home = hub.homes / name
        server = f"{hub.url}/user/{name}"
        lessons = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
        exercises = sorted(p.name for p in (ROOT / "exercises").glob("*.ipynb"))
        assert sorted(p.name for p in (home / "notebooks").glob("*.ipynb")) == lessons
        assert sorted(p.name for p in (home / "exercises").glob("*.ipynb")) == exercises

        opened = session.get(f"{server}/", allow_redirects=False, timeout=10)
        assert opened.status_code == 302
        assert urlsplit(opened.headers["Location"]).path == f"/user/{name}/lab/tree/{FIRST_LESSON}"

        reply = session.get(f"{server}/api/contents/{FIRST_LESSON}", timeout=10)
        reply.raise_for_status()
        cells = [cell["source"] for cell in reply.json()["content"]["cells"]]
        expected = own_lesson() if name == "ben" else kit_lesson
        assert cells == [cell.source for cell in expected.cells]

        settings = session.get(
            f"{server}/lab/api/settings/@jupyterlab/apputils-extension:notification", timeout=10
        ).json()
        assert settings["schema"]["properties"]["fetchNews"]["default"] == "false"

        ran = json.loads(run_code(hub, name, session, KERNEL_CODE))
        assert Path(ran["home"]) == home
        assert Path(ran["cwd"]) == home / "notebooks"
        assert Path(ran["prefix"]) == Path(sys.prefix)  # the kit's environment
        assert Path(ran["saved"]) == home / "notebooks" / "my_work" / "hub-check.json"
        assert json.loads(Path(ran["saved"]).read_text()) == {"who": name}

    amira, ben = sessions["amira"], sessions["ben"]
    assert amira.get(f"{hub.url}/user/ben/api/contents/", timeout=10).status_code == 403
    assert ben.get(f"{hub.url}/user/amira/api/contents/", timeout=10).status_code == 403
    assert sorted(p.name for p in hub.homes.iterdir()) == sorted(STUDENTS)
