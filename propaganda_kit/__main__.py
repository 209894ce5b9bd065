"""``python -m propaganda_kit COMMAND``: the instructor's command line (see instructor/cli.py)."""

import sys

from propaganda_kit.instructor.cli import main

if __name__ == "__main__":
    sys.exit(main())
