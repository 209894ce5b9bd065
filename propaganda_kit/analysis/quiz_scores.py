"""Scoring the spotting quiz: hits, misses and false alarms, in total and per side.

"No technique" counts as one more option: for each passage, hits are ticks that match the
key, misses are key items left unticked, false alarms are ticks not in the key (ticking a
technique for a passage whose key is "none" is a false alarm). A tick for a technique that
is arguable for the passage (``defensible``) is neither a hit nor a false alarm.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from propaganda_kit.data.passages import NONE

INVENTED_SIDE = "invented for practice"


@dataclass(frozen=True)
class Score:
    """Hits, misses and false alarms, over a number of answered passages."""

    hits: int = 0
    misses: int = 0
    false_alarms: int = 0
    answered: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.hits + other.hits,
            self.misses + other.misses,
            self.false_alarms + other.false_alarms,
            self.answered + other.answered,
        )

    @property
    def perfect(self) -> bool:
        """True when nothing was missed and nothing ticked wrongly."""
        return not (self.misses or self.false_alarms)


def score_choice(key: tuple[str, ...], chosen: set[str], defensible: Iterable[str] = ()) -> Score:
    """Score one answer: ``key`` is the passage's techniques (empty for none).

    Ticks for ``defensible`` (arguable) techniques are left out of the count.
    """
    expected = set(key) or {NONE}
    counted = set(chosen) - set(defensible)
    return Score(len(counted & expected), len(expected - counted), len(counted - expected), 1)


def scores_by_side(scored: Iterable[tuple[str, Score]]) -> dict[str, Score]:
    """``(side, score)`` pairs summed per side, sides in the order first seen."""
    sides: dict[str, Score] = {}
    for side, score in scored:
        sides[side] = sides.get(side, Score()) + score
    return sides
