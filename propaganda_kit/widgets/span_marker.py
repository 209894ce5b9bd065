"""The span marker: a passage shown word by word, where a student marks stretches of words.

A click on a word marks it (or unmarks a marked one), a press-drag across words marks the
stretch, and × removes a marked stretch; Enter or Space on a focused word toggles it. The
marked stretches are ``spans``: sorted ``[start, end]`` character offsets that start and end
on word boundaries (``text/words.py``). Stretches that overlap, or that only whitespace
separates, merge into one; a comma or full stop between two marked words keeps them apart.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import anywidget
import traitlets

from propaganda_kit.text.input_checks import require_text
from propaganda_kit.text.words import word_spans

STATIC = Path(__file__).parent / "static"
PAIR_HINT = "Each marked stretch should be a pair of whole numbers [start, end]"


def as_pair(item: object) -> tuple[int, int]:
    """``item`` as (start, end): a pair of whole numbers, or an object with ``start``/``end``."""
    if hasattr(item, "start") and hasattr(item, "end"):
        pair: Sequence[object] = (item.start, item.end)
    elif isinstance(item, (list, tuple)) and len(item) == 2:
        pair = item
    else:
        raise traitlets.TraitError(f"{PAIR_HINT}; got {item!r:.60}.")
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in pair):
        raise traitlets.TraitError(f"{PAIR_HINT}; got {item!r:.60}.")
    return int(pair[0]), int(pair[1])


def snap_to_words(start: int, end: int, words: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The stretch from the first to the last word touching ``[start, end)``; None if none."""
    first = bisect.bisect_right([w[1] for w in words], start)
    last = bisect.bisect_left([w[0] for w in words], end) - 1
    return (words[first][0], words[last][1]) if first <= last else None


def normalise_spans(spans: Iterable[object], text: str) -> list[list[int]]:
    """``spans`` clipped to ``text``, snapped to whole words, sorted and merged.

    Empty stretches and stretches with no word in them are dropped. Raises TraitError for
    an entry that is not a pair of whole numbers.
    """
    words = word_spans(text)
    snapped = []
    for item in spans:
        start, end = sorted(as_pair(item))
        start, end = max(0, start), min(len(text), end)
        pair = snap_to_words(start, end, words) if start < end else None
        if pair is not None:
            snapped.append(pair)
    merged: list[list[int]] = []
    for start, end in sorted(snapped):
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


class SpanMarker(anywidget.AnyWidget):
    """A passage whose words a student marks by clicking or dragging; ``spans`` holds the marks.

    ``text`` is the passage, ``words`` the ``[start, end]`` of each word (computed here,
    read-only) and ``spans`` the marked stretches (normalised whenever they are set; a new
    ``text`` clears them).
    """

    _esm = STATIC / "span_marker.js"
    _css = STATIC / "span_marker.css"

    text = traitlets.Unicode("").tag(sync=True)
    words = traitlets.List(read_only=True).tag(sync=True)
    spans = traitlets.List().tag(sync=True)

    def __init__(self, text: str = "", spans: Iterable[object] = (), **kwargs: Any) -> None:
        super().__init__(text=text, spans=list(spans), **kwargs)

    @traitlets.validate("text")
    def _check_text(self, proposal: dict[str, Any]) -> str:
        try:
            return require_text(proposal["value"], "passage")
        except ValueError as err:
            raise traitlets.TraitError(str(err)) from None

    @traitlets.validate("spans")
    def _normalise_spans(self, proposal: dict[str, Any]) -> list[list[int]]:
        return normalise_spans(proposal["value"], self.text)

    @traitlets.observe("text")
    def _text_changed(self, change: dict[str, Any]) -> None:
        """New words for the new passage; marks on an earlier passage are cleared."""
        with self.hold_sync():
            self.set_trait("words", [list(w) for w in word_spans(change["new"])])
            if change["old"]:
                self.spans = []

    def __repr__(self) -> str:
        """Short and stable (it is the plain-text view of a displayed marker)."""
        return f"SpanMarker({len(self.words)} words, marked: {self.marked_quotes()!r})"

    def marked_quotes(self) -> list[str]:
        """The text of each marked stretch, in passage order."""
        return [self.text[start:end] for start, end in self.spans]
