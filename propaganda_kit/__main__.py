"""Command line: ``python -m propaganda_kit COMMAND``; run with ``--help`` for the list."""

from __future__ import annotations

import argparse
import sys

from .cli_data import register as register_data_commands
from .cli_exercises import register as register_exercise_commands
from .cli_grade import register as register_grade_command
from .cli_refresh import register as register_refresh_command

REGISTRARS = [register_data_commands, register_grade_command, register_exercise_commands,
              register_refresh_command]


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv`` and run the chosen command; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m propaganda_kit",
                                     description="Tools for the propaganda analysis kit.")
    commands = parser.add_subparsers(dest="command", required=True)
    for register in REGISTRARS:
        register(commands)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
