"""The ``refresh-notebooks`` command: re-run the lessons and solutions, rebuild the exercises.

Run it after changing the data (a new document, a lexicon entry), so that the outputs saved
in the notebooks, which strict nbval compares, are what the code now makes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import nbformat

from propaganda_kit.instructor.build_exercises import (
    CHECKOUT,
    EXERCISES_DIR,
    SOLUTIONS_DIR,
    build_all,
    execute,
)

NOTEBOOKS_DIR = CHECKOUT / "notebooks"


def execute_in_place(path: Path) -> None:
    """Run the notebook at ``path`` in its own folder and save it with its new outputs."""
    nb = nbformat.read(path, as_version=4)
    execute(nb, path.parent)
    path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


def refresh_notebooks(
    notebooks_dir: Path = NOTEBOOKS_DIR,
    solutions_dir: Path = SOLUTIONS_DIR,
    exercises_dir: Path = EXERCISES_DIR,
) -> int:
    """Execute every lesson and solution notebook in place, then rebuild the exercises."""
    paths = sorted(notebooks_dir.glob("*.ipynb")) + sorted(solutions_dir.glob("*.ipynb"))
    for path in paths:
        print(f"Running {path.name}", flush=True)
        try:
            execute_in_place(path)
        except Exception as err:  # name the notebook that failed; its file is left as it was
            print(f"Problem found in {path}: {type(err).__name__}: {err}")
            return 1
    changed = build_all(solutions_dir, exercises_dir)
    print(f"Done: {len(paths)} notebooks re-run; exercises rebuilt ({len(changed)} changed).")
    return 0


def refresh(args: argparse.Namespace) -> int:
    """Command-line entry: refresh the kit's own notebooks."""
    return refresh_notebooks()


def register(commands: argparse._SubParsersAction) -> None:
    """Add the refresh-notebooks command to the command-line parser."""
    p = commands.add_parser(
        "refresh-notebooks",
        help="re-run lessons and solutions and rebuild exercises (after changing data)",
    )
    p.set_defaults(run=refresh)
