"""Cost and effect of the sentence bootstrap behind every rate's 95% interval.

Run: .venv/bin/python benchmarks/bench_rates.py [--runs N]

Times ``rates_table`` (CPU ms, median of N calls) for the choices the explorer and the
charts make on the first corpus, then prints, per document and per perspective, the width
of the exact Poisson interval alone beside the width of the interval the kit now shows
(the bootstrap over sentences, never narrower than Poisson) and the bootstrap alone.
"""

from __future__ import annotations

import argparse
import statistics
import time

from propaganda_kit import load_corpus, loaded_language_table
from propaganda_kit.analysis.loaded_language import document_evidence, rates_table
from propaganda_kit.analysis.rates import bootstrap_rate_interval, poisson_interval, selection_seed

CHOICES = (
    {"by": "document"},
    {"by": "perspective"},
    {"by": "document", "voice": "author"},
    {"by": "document", "categories": ["evaluative_contempt"]},
)


def cpu_ms(action, runs: int) -> float:
    """Median CPU milliseconds of ``runs`` calls of ``action`` after a warm-up call."""
    action()
    times = []
    for _ in range(runs):
        start = time.process_time()
        action()
        times.append(1000 * (time.process_time() - start))
    return statistics.median(times)


def widths(table, by: str) -> list[tuple[str, float, float, float]]:
    """(name, Poisson width, bootstrap width, shown width) per row, all voices and categories."""
    rows = rates_table(table, by=by)
    evidence = document_evidence(table, "all", None)
    out = []
    for row in rows.itertuples(index=False):
        name = row.document if by == "document" else row.perspective
        group = [e for e in evidence if (e.document if by == "document" else e.perspective) == name]
        low, high = (1000 * b / row.words for b in poisson_interval(row.count))
        seed = selection_seed("all", "all", *(e.document for e in group))
        boot = bootstrap_rate_interval(((e.sentence_counts, e.sentence_words) for e in group), seed)
        out.append((name, high - low, boot[1] - boot[0], row.rate_high - row.rate_low))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs
    table = loaded_language_table(load_corpus())
    print(f"rates_table, median CPU ms over {runs} calls")
    for choice in CHOICES:
        print(f"  {choice!s:<58} {cpu_ms(lambda c=choice: rates_table(table, **c), runs):6.1f}")
    print("\n95% interval width, per 1,000 words: Poisson alone | bootstrap alone | shown")
    for by in ("document", "perspective"):
        for name, chance, boot, shown in widths(table, by):
            print(f"  {name:<28} {chance:6.1f} | {boot:6.1f} | {shown:6.1f}")


if __name__ == "__main__":
    main()
