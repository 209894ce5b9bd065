"""The ``build-exercises`` command: student notebooks from the solution notebooks."""

from __future__ import annotations

import argparse
from pathlib import Path

from propaganda_kit.instructor.build_exercises import (
    EXERCISES_DIR,
    SOLUTIONS_DIR,
    build_all,
    solution_paths,
)


def build_exercises(args: argparse.Namespace) -> int:
    """Write exercises/ from solutions/ (or only report what is stale, with --check)."""
    solutions, exercises = Path(args.solutions), Path(args.exercises)
    if not solution_paths(solutions):
        print(f"Problem found: no exercise notebooks (exNN_name.ipynb) in {solutions}.")
        return 1
    try:
        stale = build_all(solutions, exercises, run=not args.no_execute, check_only=args.check)
    except ValueError as err:
        print(f"Problem found: {err}")
        return 1
    if args.check:
        print(
            "Up to date."
            if not stale
            else "Stale: " + ", ".join(stale) + ". Run: python -m propaganda_kit build-exercises"
        )
        return 1 if stale else 0
    print(
        f"Wrote {len(stale)} notebook(s) to {exercises}"
        + (": " + ", ".join(stale) if stale else " (all were up to date).")
    )
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    """Add the build-exercises command to the command-line parser."""
    p = commands.add_parser(
        "build-exercises", help="write the student notebooks in exercises/ from solutions/"
    )
    p.add_argument("--solutions", default=str(SOLUTIONS_DIR), help="the solution notebooks")
    p.add_argument("--exercises", default=str(EXERCISES_DIR), help="where to write")
    p.add_argument("--check", action="store_true", help="only report stale notebooks")
    p.add_argument(
        "--no-execute",
        action="store_true",
        help="do not run the student notebooks (their outputs stay empty)",
    )
    p.set_defaults(run=build_exercises)
