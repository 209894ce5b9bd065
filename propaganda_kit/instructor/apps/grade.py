"""The ``grade`` command: run a folder of submitted notebooks and write a gradebook CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from propaganda_kit.instructor.grading import (
    DEFAULT_NOTEBOOK_TIMEOUT,
    DEFAULT_TIMEOUT,
    find_submissions,
    grade_folder,
    summarise,
    write_gradebook,
)


def grade(args: argparse.Namespace) -> int:
    """Grade every notebook under ``args.folder``; write the CSV and print a summary."""
    try:
        count = len(find_submissions(args.folder))
    except ValueError as err:
        print(f"Problem found: {err}")
        return 1
    if count == 0:
        print(f"Problem found: no .ipynb files under {args.folder}.")
        return 1
    if args.timeout <= 0 or args.notebook_timeout <= 0 or args.jobs < 1:
        print("Problem found: time limits must be positive and --jobs at least 1.")
        return 1

    def progress(items):
        return tqdm(items, total=count, desc="Grading", unit="notebook", file=sys.stderr)

    rows = grade_folder(
        args.folder,
        timeout=args.timeout,
        notebook_timeout=args.notebook_timeout,
        jobs=args.jobs,
        progress=progress,
    )
    out = Path(args.out)
    write_gradebook(rows, out)
    for line in summarise(rows):
        print(line)
    print(f"Gradebook written to {out} ({len(rows)} rows, {count} notebooks).")
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``grade`` command to the command-line parser."""
    p = commands.add_parser("grade", help="run submitted notebooks and write a gradebook CSV")
    p.add_argument("folder", help="the folder of submissions (alice.ipynb or alice/ex01.ipynb)")
    p.add_argument("--out", default="grades.csv", help="the CSV to write (default: grades.csv)")
    p.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help=f"seconds allowed per cell (default: {DEFAULT_TIMEOUT:g})",
    )
    p.add_argument(
        "--notebook-timeout",
        type=float,
        default=DEFAULT_NOTEBOOK_TIMEOUT,
        help=f"seconds allowed per notebook (default: {DEFAULT_NOTEBOOK_TIMEOUT:g})",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="notebooks run at once, each in its own process (default: 1)",
    )
    p.set_defaults(run=grade)
