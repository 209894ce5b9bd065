"""Callback latency of the kit's widgets, measured in-process (target: < 100 ms each).

Run: .venv/bin/python benchmarks/bench_widgets.py [--runs N]
Prints the median (and slowest) time of each callback over N runs. Each run changes a
control the way a student would, so every timing includes the full redraw.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import tempfile
import time
from collections.abc import Callable

from propaganda_kit import load_corpus
from propaganda_kit.widgets.explorer import LoadedLanguageExplorer
from propaganda_kit.widgets.reader import DocumentReader
from propaganda_kit.widgets.rewrite import RewriteBox

TARGET_MS = 100.0


def timings_ms(action: Callable[[], None], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of ``runs`` calls of ``action``, after a warm-up call.

    CPU time is less disturbed by other work on a busy machine; wall-clock is what a
    student waits.
    """
    action()
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append(1000 * (time.perf_counter() - start))
        cpu.append(1000 * (time.process_time() - start_cpu))
    return wall, cpu


def cycling(setter: Callable[[object], None], values: list) -> Callable[[], None]:
    """An action that sets the next of ``values`` each call (so every call is a change)."""
    upcoming = itertools.cycle(values)
    return lambda: setter(next(upcoming))


def benchmarks(tmp_folder: str) -> dict[str, Callable[[], None]]:
    """The callbacks to time, by name."""
    corpus = load_corpus()
    explorer = LoadedLanguageExplorer(corpus)
    reader = DocumentReader(corpus)
    rewrite = RewriteBox(folder=tmp_folder)
    all_docs = explorer.docs.value
    return {
        "explorer: voice change (redraw)": cycling(
            lambda v: setattr(explorer.voice, "value", v), ["author", "quoted", "all"]),
        "explorer: document selection (redraw)": cycling(
            lambda v: setattr(explorer.docs, "value", v), [all_docs[:2], all_docs]),
        "explorer: raw counts / per 1,000 (redraw)": cycling(
            lambda v: setattr(explorer.norm, "value", v), ["raw", "per_1000"]),
        "reader: document switch (re-highlight)": cycling(
            lambda v: setattr(reader.picker, "value", v), list(corpus.ids)),
        "rewrite: check button (compare + save)": rewrite.button.click,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="timed runs per callback")
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        print(f"{runs} runs each; target: median < {TARGET_MS:.0f} ms")
        print(f"{'callback':44} {'median ms':>9} {'max ms':>7} {'median CPU ms':>13}")
        for name, action in benchmarks(folder).items():
            wall, cpu = timings_ms(action, runs)
            median = statistics.median(wall)
            verdict = "ok" if median < TARGET_MS else "SLOW"
            print(f"{name:44} {median:9.1f} {max(wall):7.1f} {statistics.median(cpu):13.1f}"
                  f"  {verdict}")


if __name__ == "__main__":
    main()
