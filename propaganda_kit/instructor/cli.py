"""Command line: ``python -m propaganda_kit COMMAND``; run with ``--help`` for the list."""

from __future__ import annotations

import argparse

from propaganda_kit.instructor.apps.build_exercises import register as register_exercise_commands
from propaganda_kit.instructor.apps.data_commands import register as register_data_commands
from propaganda_kit.instructor.apps.grade import register as register_grade_command
from propaganda_kit.instructor.apps.handouts import register as register_handouts_command
from propaganda_kit.instructor.apps.refresh_notebooks import register as register_refresh_command

REGISTRARS = [
    register_data_commands,
    register_grade_command,
    register_exercise_commands,
    register_refresh_command,
    register_handouts_command,
]


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv`` and run the chosen command; return the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m propaganda_kit", description="Tools for the propaganda analysis kit."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for register in REGISTRARS:
        register(commands)
    args = parser.parse_args(argv)
    return args.run(args)
