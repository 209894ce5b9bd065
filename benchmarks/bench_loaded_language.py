"""Speed and memory of find_loaded_language on 20+ MB of English text.

Run: .venv/bin/python benchmarks/bench_loaded_language.py [--megabytes 20] [--naive-mb 1]

Builds the text deterministically (the corpus texts plus sentences drawn by a seeded RNG
from a word list), times find_loaded_language on all of it, times a naive matcher (one
compiled regex per lexicon term) on a slice and extrapolates, and measures the memory
of the compiled lexicon with tracemalloc. Targets: >= 20x the naive loop, >= 5 MB/s on
one core, compiled lexicon < 50 MB. Times are CPU seconds of this process
(time.process_time), so other work on a shared machine does not distort them; wall-clock
seconds are printed alongside.
"""

from __future__ import annotations

import argparse
import random
import re
import time
import tracemalloc

from propaganda_kit import find_loaded_language, load_corpus, load_lexicon
from propaganda_kit.data.lexicon import compile_lexicon, surface_forms

SEED = 2020
NEUTRAL_TEXT = (
    "the of and to in a is that for on with as was by at from it an be this are or have "
    "which has not but had they their were been its also more after said new would one "
    "two first year government people city report meeting minister council week market "
    "water school police court health trade plan public local state company officials "
    "workers price energy members vote election support group country region talks deal"
)


def build_text(megabytes: float) -> str:
    """Corpus texts plus seeded random sentences, about ``megabytes`` MB of UTF-8."""
    rng = random.Random(SEED)
    neutral_words = NEUTRAL_TEXT.split()
    lexicon_words = sorted(load_lexicon()["term"])
    corpus_text = "\n\n".join(doc.text for doc in load_corpus())
    parts, size, target = [], 0, int(megabytes * 1_000_000)
    while size < target:
        parts.append(corpus_text)
        size += len(corpus_text.encode())
        for _ in range(200):
            words = [
                rng.choice(lexicon_words) if rng.random() < 0.04 else rng.choice(neutral_words)
                for _ in range(rng.randint(8, 30))
            ]
            sentence = " ".join(words).capitalize() + ". "
            parts.append(sentence)
            size += len(sentence.encode())
    return "".join(parts)


def naive_patterns() -> list[re.Pattern[str]]:
    """One case-insensitive, whole-word regex per lexicon term (all of its forms)."""
    by_term: dict[str, list[str]] = {}
    for form, (term, _category) in surface_forms(load_lexicon()).items():
        by_term.setdefault(term, []).append(form)
    return [
        re.compile(
            r"(?<![\w-])(?:"
            + "|".join(
                r"[\s'’]+".join(re.escape(word) for word in form.split())
                for form in sorted(forms, key=len, reverse=True)
            )
            + r")(?![\w-])",
            re.IGNORECASE,
        )
        for forms in by_term.values()
    ]


def naive_find(text: str, patterns: list[re.Pattern[str]]) -> int:
    """Number of hits of the naive loop (overlaps are not even resolved)."""
    return sum(1 for pattern in patterns for _ in pattern.finditer(text))


def timed(function, *args):
    """(result, CPU seconds, wall seconds) of ``function(*args)``."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = function(*args)
    return result, time.process_time() - cpu, time.perf_counter() - wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=20.0)
    parser.add_argument(
        "--naive-mb", type=float, default=1.0, help="size of the slice the naive loop is timed on"
    )
    args = parser.parse_args()

    tracemalloc.start()
    compiled = compile_lexicon(load_lexicon())
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    stats = compiled.automaton.get_stats()
    print(
        f"compiled lexicon: {compiled.forms:,} forms, {len(compiled.automaton):,} keys; "
        f"tracemalloc current {current / 1e6:.1f} MB, peak {peak / 1e6:.1f} MB; "
        f"automaton total_size {stats['total_size'] / 1e6:.1f} MB"
    )

    text = build_text(args.megabytes)
    megabytes = len(text.encode()) / 1e6
    find_loaded_language("warm up: load and compile the lexicon once")
    spans, fast, fast_wall = timed(find_loaded_language, text)
    print(
        f"find_loaded_language: {megabytes:.1f} MB, {len(spans):,} spans in {fast:.2f} s "
        f"CPU ({fast_wall:.2f} s wall) = {megabytes / fast:.1f} MB/s"
    )

    patterns = naive_patterns()
    piece = text[: int(args.naive_mb * 1_000_000)]
    piece_mb = len(piece.encode()) / 1e6
    hits, naive, naive_wall = timed(naive_find, piece, patterns)
    naive_full = naive * megabytes / piece_mb
    print(
        f"naive loop ({len(patterns)} regexes): {piece_mb:.1f} MB slice, {hits:,} hits in "
        f"{naive:.2f} s CPU ({naive_wall:.2f} s wall) = {piece_mb / naive:.2f} MB/s; "
        f"extrapolated to {megabytes:.1f} MB: {naive_full:.1f} s"
    )
    print(f"speed-up: {naive_full / fast:.0f}x")


if __name__ == "__main__":
    main()
