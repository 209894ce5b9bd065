"""The kit installed as a wheel (not editable) into a fresh environment runs every lesson
from another folder: its data ships inside the package, as Binder and repo2docker need.

The fresh environment has only the kit's wheel; the third-party libraries are borrowed from
the test environment through a path file, so nothing is downloaded (no network here).
"""

from __future__ import annotations

import json
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUN_LESSONS = """
import json, sys
from pathlib import Path
import nbformat
from nbclient import NotebookClient
import propaganda_kit
from propaganda_kit.data.paths import data_dir
failed = {}
for path in sorted(Path(sys.argv[1]).glob("*.ipynb")):
    nb = nbformat.read(path, as_version=4)
    try:
        NotebookClient(nb, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    except Exception as err:
        failed[path.name] = f"{type(err).__name__}: {str(err)[-300:]}"
probe = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
    "import propaganda_kit; print(propaganda_kit.__file__)")])
NotebookClient(probe, timeout=60, kernel_name="python3").execute()
print(json.dumps({"package": propaganda_kit.__file__, "data": str(data_dir()),
                  "kernel_package": probe.cells[0].outputs[0]["text"].strip(),
                  "failed": failed}))
"""


def run(*args: str | Path, cwd: Path) -> str:
    result = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return result.stdout


@pytest.mark.slow
def test_wheel_install_runs_every_lesson_from_another_folder(tmp_path: Path):
    source = tmp_path / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "build", "*.egg-info", "__pycache__", "my_work"
        ),
    )
    run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "--no-index",
        "-w",
        tmp_path / "wheel",
        ".",
        cwd=source,
    )
    env = tmp_path / "env"
    run(sys.executable, "-m", "venv", env, cwd=tmp_path)
    python = env / "bin" / "python"
    env_site = Path(
        run(
            python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path
        ).strip()
    )
    (env_site / "borrowed.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    wheel = next((tmp_path / "wheel").glob("propaganda_kit-*.whl"))
    run(python, "-m", "pip", "install", "--no-deps", "--no-index", wheel, cwd=tmp_path)
    shutil.rmtree(source)  # nothing of the checkout is left to fall back on
    lessons = tmp_path / "elsewhere" / "lessons"
    shutil.copytree(ROOT / "notebooks", lessons)
    report = json.loads(run(python, "-c", RUN_LESSONS, lessons, cwd=lessons).splitlines()[-1])
    assert Path(report["package"]).is_relative_to(env_site)
    assert Path(report["kernel_package"]).is_relative_to(env_site)
    assert Path(report["data"]) == env_site / "propaganda_kit" / "kit_data"
    assert report["failed"] == {}
