"""How long strict nbval takes over the lesson notebooks (target: under 60 s on 2 cores).

Run: .venv/bin/python benchmarks/bench_notebooks.py [FOLDER ...]
Default folders: notebooks (the series). Each folder is timed as one pytest run, the way
'./kit test' runs it, so kernel start-up is included; wall-clock and CPU seconds are printed.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def time_nbval(folder: str) -> tuple[float, float, int]:
    """Wall seconds, child CPU seconds and exit status of strict nbval over ``folder``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    status = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", folder],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    ).returncode
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, status


def main(folders: list[str]) -> None:
    """Time each folder and print a table."""
    print(f"{'folder':<12} {'notebooks':>9} {'wall s':>8} {'cpu s':>8}  result")
    for folder in folders:
        count = len(list((ROOT / folder).glob("*.ipynb")))
        wall, cpu, status = time_nbval(folder)
        print(
            f"{folder:<12} {count:>9} {wall:>8.1f} {cpu:>8.1f}  "
            f"{'passed' if status == 0 else 'FAILED'}"
        )


if __name__ == "__main__":
    main(sys.argv[1:] or ["notebooks"])
