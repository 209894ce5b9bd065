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

from propaganda_kit import Corpus, load_corpus
from propaganda_kit.widgets.explorer import LoadedLanguageExplorer
from propaganda_kit.widgets.reader import DocumentReader
from propaganda_kit.widgets.rewrite import RewriteBox

TARGET_MS = 100.0


Action = Callable[[], None]


def timings_ms(prepare: Callable[[], Action], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of ``runs`` timed actions, after a warm-up call.

    ``prepare()`` runs untimed before each timed call and returns the action to time.
    CPU time is less disturbed by other work on a busy machine; wall-clock is what a
    student waits.
    """
    prepare()()
    wall, cpu = [], []
    for _ in range(runs):
        action = prepare()
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append(1000 * (time.perf_counter() - start))
        cpu.append(1000 * (time.process_time() - start_cpu))
    return wall, cpu


def cycling(setter: Callable[[object], None], values: list) -> Callable[[], Action]:
    """Actions that each set the next of ``values`` (so every call is a change)."""
    upcoming = itertools.cycle(values)
    return lambda: lambda: setter(next(upcoming))


def first_visit(corpus: Corpus) -> Callable[[], Action]:
    """A fresh reader (built untimed) switching to a document it has not shown yet."""

    def prepare() -> Action:
        reader = DocumentReader(corpus)
        return lambda: setattr(reader.picker, "value", corpus.ids[1])

    return prepare


def benchmarks(tmp_folder: str) -> dict[str, Callable[[], Action]]:
    """The callbacks to time, by name, each as a function that prepares one timed action."""
    corpus = load_corpus()
    explorer = LoadedLanguageExplorer(corpus)
    reader = DocumentReader(corpus)
    rewrite = RewriteBox(folder=tmp_folder)
    all_docs = explorer.docs.value
    return {
        "explorer: voice change (redraw)": cycling(
            lambda v: setattr(explorer.voice, "value", v), ["author", "quoted", "all"]
        ),
        "explorer: document selection (redraw)": cycling(
            lambda v: setattr(explorer.docs, "value", v), [all_docs[:2], all_docs]
        ),
        "explorer: raw counts / per 1,000 (redraw)": cycling(
            lambda v: setattr(explorer.norm, "value", v), ["raw", "per_1000"]
        ),
        "reader: document switch, seen before": cycling(
            lambda v: setattr(reader.picker, "value", v), list(corpus.ids)
        ),
        "reader: document switch, first visit": first_visit(corpus),
        "rewrite: check button (compare + save)": lambda: rewrite.button.click,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="timed runs per callback")
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        print(f"{runs} runs each; target: median < {TARGET_MS:.0f} ms")
        print(f"{'callback':44} {'median ms':>9} {'max ms':>7} {'median CPU ms':>13}")
        for name, prepare in benchmarks(folder).items():
            wall, cpu = timings_ms(prepare, runs)
            median = statistics.median(wall)
            verdict = "ok" if median < TARGET_MS else "SLOW"
            print(
                f"{name:44} {median:9.1f} {max(wall):7.1f} {statistics.median(cpu):13.1f}"
                f"  {verdict}"
            )


if __name__ == "__main__":
    main()
