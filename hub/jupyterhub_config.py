"""JupyterHub on one machine, serving the kit to a class: ``./kit hub`` (see hub/README.md).

Each student gets a home folder of their own under the hub's folder, filled with the kit's
``notebooks/`` and ``exercises/`` when their server starts (a file already in the home is never
replaced), and a JupyterLab that opens on lesson 00 and runs in the kit's environment with the
kit's JupyterLab settings.

Log-in here is a shared password, for trying the hub out only: anyone with it can log in under
any name, and every student's server runs as the same system user. hub/README.md says what to
use for a real class.

Settings (environment variables):
  KIT_HUB_PASSWORD        the shared password (8 characters or more); unset: nobody can log in
  KIT_HUB_IP              the address students open (default 127.0.0.1: this machine only)
  KIT_HUB_PORT            its port (default 8000)
  KIT_HUB_API_PORT        the hub's internal port (default 8081)
  KIT_HUB_PROXY_API_PORT  the proxy's internal port (default 8001)
  KIT_HUB_STATE           where the hub keeps its database, cookie secret and proxy pid
                          (default .hub/ in the kit's folder)
  KIT_HUB_HOMES           where the students' homes are (default KIT_HUB_STATE/homes)
"""

import os
import shutil
import sys
from pathlib import Path

c = get_config()  # noqa: F821  (JupyterHub provides get_config in its config files)

HUB = Path(__file__).resolve().parent
KIT = HUB.parent
sys.path.insert(0, str(HUB))
from fill_home import fill_home  # noqa: E402  (hub/fill_home.py, beside this file)

ENV_BIN = Path(sys.prefix) / "bin"  # the kit's environment: the one JupyterHub runs in
STATE = Path(os.environ.get("KIT_HUB_STATE") or KIT / ".hub").resolve()
HOMES = Path(os.environ.get("KIT_HUB_HOMES") or STATE / "homes").resolve()
FIRST_LESSON = "notebooks/00_start_here.ipynb"
OWN_PROXY = KIT / ".hub" / "node_modules" / ".bin" / "configurable-http-proxy"


def ship_lab_settings() -> None:
    """The kit's JupyterLab defaults, kept in the environment (as ``./kit lab`` does)."""
    settings = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings"
    settings.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(KIT / "lab" / "overrides.json", settings / "overrides.json")


def give_lessons(spawner) -> None:
    """Before a student's server starts: copy into their home the lessons it lacks."""
    fill_home(KIT, Path(spawner.home_dir))


STATE.mkdir(parents=True, exist_ok=True)
HOMES.mkdir(parents=True, exist_ok=True)
ship_lab_settings()

# Where students connect, and the hub's own ports (all on this machine unless KIT_HUB_IP says).
c.JupyterHub.ip = os.environ.get("KIT_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(os.environ.get("KIT_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("KIT_HUB_API_PORT", "8081"))
proxy_api_port = int(os.environ.get("KIT_HUB_PROXY_API_PORT", "8001"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{proxy_api_port}"
if OWN_PROXY.exists():  # installed by hub/install-proxy; otherwise the one on PATH
    c.ConfigurableHTTPProxy.command = [str(OWN_PROXY)]

# What the hub writes, all in one git-ignored folder.
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")

# Who may log in: for trying the hub out only (hub/README.md: a real class).
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = os.environ.get("KIT_HUB_PASSWORD") or None
c.Authenticator.allow_all = True

# Each student's server: a home of their own, the kit's environment, lesson 00 first.
c.JupyterHub.spawner_class = "simple"  # no system users needed; no isolation between students
c.SimpleLocalProcessSpawner.home_dir_template = str(HOMES / "{username}")
c.Spawner.pre_spawn_hook = give_lessons
c.Spawner.cmd = [str(ENV_BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = f"/lab/tree/{FIRST_LESSON}"
# A class logging in at once keeps a small machine busy: give each server time to start.
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90
c.Spawner.args = ["--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
if os.geteuid() == 0:  # containers often run as root
    c.Spawner.args.append("--ServerApp.allow_root=True")
c.Spawner.environment = {"PATH": os.pathsep.join([str(ENV_BIN), os.environ.get("PATH", "")])}
if "PROPAGANDA_KIT_DATA" in os.environ:  # an instructor's own data folder (README.md)
    c.Spawner.environment["PROPAGANDA_KIT_DATA"] = os.environ["PROPAGANDA_KIT_DATA"]
