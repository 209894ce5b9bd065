"""The kit's one chart style: sizes, fonts and colours shared by every chart."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from matplotlib.figure import Figure

FIGSIZE = (9.0, 4.8)

DPI = 100

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")


class PerspectiveColours:
    """Colours for perspective strings, the same in every chart.

    A perspective's colour comes from a checksum of its text (not from the order of
    documents), so an instructor's new document keeps existing colours unchanged.
    """

    def __init__(self, palette: Sequence[str] = PALETTE) -> None:
        self.palette = tuple(palette)

    def slot(self, perspective: str) -> int:
        """The palette position a perspective asks for."""
        digest = hashlib.sha256(perspective.strip().casefold().encode("utf-8")).digest()
        return int.from_bytes(digest[:4], "big") % len(self.palette)

    def __getitem__(self, perspective: str) -> str:
        return self.palette[self.slot(perspective)]

    def mapping(self, perspectives: Iterable[str]) -> dict[str, str]:
        """Colours for a set of perspectives; a clash moves the later one (sorted) along."""
        taken: set[int] = set()
        colours = {}
        for perspective in sorted(set(perspectives)):
            slot = self.slot(perspective)
            while slot in taken and len(taken) < len(self.palette):
                slot = (slot + 1) % len(self.palette)
            taken.add(slot)
            colours[perspective] = self.palette[slot]
        return colours


PERSPECTIVE_COLOURS = PerspectiveColours()


def new_figure() -> tuple[Figure, object]:
    fig = Figure(figsize=FIGSIZE, dpi=DPI, layout="constrained")
    return fig, fig.add_subplot()
