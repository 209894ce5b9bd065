"""Give a student's home the kit's lessons and exercises, never replacing a file already there.

Used by hub/jupyterhub_config.py before each student's server starts, and by the Kubernetes
set-up (hub/z2jh-config.yaml) when a student's container starts:

    python hub/fill_home.py KIT_FOLDER HOME_FOLDER

Only files missing from the home are copied, so a student's edited notebooks and saved work
stay as they are, and a lesson the instructor adds later reaches every home at the next start.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

STUDENT_FOLDERS = ("notebooks", "exercises")  # the lessons need nothing else: they import the kit
SKIPPED = ("my_work",)  # saved work that an instructor's own runs left in the kit's folders


def copy_missing(source: Path, target: Path) -> list[Path]:
    """Copy the files under ``source`` that ``target`` lacks; return those copied.

    Hidden files and folders (such as ``.ipynb_checkpoints``) and ``my_work/`` are skipped.
    """
    copied = []
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if any(part.startswith(".") or part in SKIPPED for part in relative.parts):
            continue
        destination = target / relative
        if path.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
        elif not destination.exists():
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)
            copied.append(destination)
    return copied


def fill_home(kit: Path, home: Path) -> list[Path]:
    """Copy what a student needs from the kit's folder into their home; return what was new."""
    copied = []
    for folder in STUDENT_FOLDERS:
        copied += copy_missing(kit / folder, home / folder)
    return copied


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python hub/fill_home.py KIT_FOLDER HOME_FOLDER", file=sys.stderr)
        return 2
    copied = fill_home(Path(argv[0]), Path(argv[1]))
    print(f"{len(copied)} file(s) copied into {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
