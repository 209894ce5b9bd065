"""The class-server files that need no running hub: filling a home, the Kubernetes values,
and the image recipe's postBuild."""

from __future__ import annotations

import importlib.util
import os
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIRST_LESSON = "notebooks/00_start_here.ipynb"

spec = importlib.util.spec_from_file_location("fill_home", ROOT / "hub" / "fill_home.py")
fill_home = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fill_home)


def test_a_home_gets_every_lesson_and_exercise(tmp_path: Path):
    copied = fill_home.fill_home(ROOT, tmp_path)
    for folder in ("notebooks", "exercises"):
        kit = sorted(p.name for p in (ROOT / folder).glob("*.ipynb"))
        assert kit and sorted(p.name for p in (tmp_path / folder).glob("*.ipynb")) == kit
    assert tmp_path / FIRST_LESSON in copied
    assert fill_home.fill_home(ROOT, tmp_path) == []  # a second start copies nothing


def test_a_students_files_are_never_replaced(tmp_path: Path):
    kit, home = tmp_path / "kit", tmp_path / "home"
    (kit / "notebooks" / ".ipynb_checkpoints").mkdir(parents=True)
    (kit / "notebooks" / "my_work").mkdir()
    (kit / "notebooks" / "00.ipynb").write_text("kit's lesson")
    (kit / "notebooks" / "01.ipynb").write_text("kit's next lesson")
    (kit / "notebooks" / ".ipynb_checkpoints" / "00-checkpoint.ipynb").write_text("kit's")
    (kit / "notebooks" / "my_work" / "answers.json").write_text("{}")
    (home / "notebooks").mkdir(parents=True)
    (home / "notebooks" / "00.ipynb").write_text("the student's own work")

    copied = fill_home.copy_missing(kit / "notebooks", home / "notebooks")

    assert copied == [home / "notebooks" / "01.ipynb"]
    assert (home / "notebooks" / "00.ipynb").read_text() == "the student's own work"
    assert not (home / "notebooks" / ".ipynb_checkpoints").exists()
    assert not (home / "notebooks" / "my_work").exists()


def test_the_command_line_fills_a_home(tmp_path: Path, capsys):
    assert fill_home.main([str(ROOT), str(tmp_path)]) == 0
    assert (tmp_path / FIRST_LESSON).exists()
    assert "copied into" in capsys.readouterr().out
    assert fill_home.main([]) == 2


def test_the_kubernetes_values_open_lesson_00_and_fill_homes_from_the_image():
    values = yaml.safe_load((ROOT / "hub" / "z2jh-config.yaml").read_text())
    single = values["singleuser"]
    assert single["defaultUrl"] == f"/lab/tree/{FIRST_LESSON}"
    command = single["lifecycleHooks"]["postStart"]["exec"]["command"]
    kit_in_image, home = command[-2], command[-1]
    assert command[1] == f"{kit_in_image}/hub/fill_home.py"
    assert home == single["notebookDir"]
    readme = (ROOT / "hub" / "README.md").read_text()
    assert f"--target-repo-dir {kit_in_image}" in readme  # the image puts the kit there


def test_postbuild_keeps_the_kits_lab_settings_in_the_images_environment(tmp_path: Path):
    prefix, bin_dir = tmp_path / "env", tmp_path / "bin"
    bin_dir.mkdir()
    fake_python = bin_dir / "python"  # stands in for the image's Python: says where its env is
    fake_python.write_text(f"#!/bin/sh\necho {prefix}\n")
    fake_python.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run(["bash", str(ROOT / "postBuild")], cwd=ROOT, env=env, check=True)
    shipped = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert shipped.read_text() == (ROOT / "lab" / "overrides.json").read_text()
