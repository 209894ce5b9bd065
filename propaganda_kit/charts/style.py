"""The kit's one chart style: sizes, fonts, the perspective palette and the few-words mark."""

from __future__ import annotations

import hashlib
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

FIGSIZE = (9.0, 4.8)

DPI = 100

TEXT_SIZE = 10  # points: the smallest text in any chart (ticks, legends, notes, counts)
TITLE_SIZE = 11
NOTE_COLOUR = "#444444"

# Okabe-Ito colours that stay apart under deuteranopia and protanopia (tests/test_chart_layout.py
# checks every pair); each perspective also gets its own hatching and marker shape, so the
# sides can be told apart without colour. The order keeps the colours the kit's corpus had.
PALETTE = ("#009E73", "#D55E00", "#0072B2", "#56B4E9")
HATCHES = ("xx", "//", "", "..")
MARKERS = ("^", "s", "o", "D")
HATCH_EDGE = "white"

FEW_WORDS = 50  # a rate from fewer words than this is marked: a few words make a shaky rate
FEW_WORDS_MARK = "†"
FEW_WORDS_NOTE = f"{FEW_WORDS_MARK} fewer than {FEW_WORDS} words: the rate can swing a lot"


@dataclass(frozen=True)
class SideLook:
    """How one perspective is drawn: a colour and two cues that do not need colour."""

    colour: str
    hatch: str
    marker: str


class PerspectiveColours:
    """Colours (with hatching and markers) for perspective strings, the same in every chart.

    A perspective's slot comes from a checksum of its text (not from the order of
    documents), so an instructor's new document keeps existing colours unchanged.
    """

    def __init__(
        self,
        palette: Sequence[str] = PALETTE,
        hatches: Sequence[str] = HATCHES,
        markers: Sequence[str] = MARKERS,
    ) -> None:
        self.palette = tuple(palette)
        self.hatches = tuple(hatches)
        self.markers = tuple(markers)

    def slot(self, perspective: str) -> int:
        """The palette position a perspective asks for."""
        digest = hashlib.sha256(perspective.strip().casefold().encode("utf-8")).digest()
        return int.from_bytes(digest[:4], "big") % len(self.palette)

    def __getitem__(self, perspective: str) -> str:
        return self.palette[self.slot(perspective)]

    def slots(self, perspectives: Iterable[str]) -> dict[str, int]:
        """Slots for a set of perspectives; a clash moves the later one (sorted) along."""
        taken: set[int] = set()
        slots = {}
        for perspective in sorted(set(perspectives)):
            slot = self.slot(perspective)
            while slot in taken and len(taken) < len(self.palette):
                slot = (slot + 1) % len(self.palette)
            taken.add(slot)
            slots[perspective] = slot
        return slots

    def mapping(self, perspectives: Iterable[str]) -> dict[str, str]:
        """Colours for a set of perspectives (sorted), each different while the palette lasts."""
        return {p: self.palette[s] for p, s in self.slots(perspectives).items()}

    def looks(self, perspectives: Iterable[str]) -> dict[str, SideLook]:
        """Colour, hatching and marker for a set of perspectives (sorted)."""
        return {
            p: SideLook(
                self.palette[s],
                self.hatches[s % len(self.hatches)],
                self.markers[s % len(self.markers)],
            )
            for p, s in self.slots(perspectives).items()
        }


PERSPECTIVE_COLOURS = PerspectiveColours()


def side_patch(look: SideLook, label: str) -> Patch:
    """A legend entry for a perspective's bars: its colour and its hatching."""
    return Patch(facecolor=look.colour, hatch=look.hatch, edgecolor=HATCH_EDGE, label=label)


def side_marker(look: SideLook, label: str) -> Line2D:
    """A legend entry for a perspective's points: its colour and its marker shape."""
    return Line2D([], [], ls="none", marker=look.marker, ms=8, color=look.colour, label=label)


def few_words(words: int) -> bool:
    """Whether a rate rests on so few words (but some) that it gets the few-words mark."""
    return 0 < int(words) < FEW_WORDS


def few_words_mark(words: int) -> str:
    """' †' after a rate from only a few words, else ''."""
    return f" {FEW_WORDS_MARK}" if few_words(words) else ""


def words_text(words: int, unit: str = "words") -> str:
    """'1,234 words', with the few-words mark when there are only a few."""
    return f"{int(words):,} {unit}{few_words_mark(words)}"


def few_words_handle(width: int = 30) -> Line2D:
    """A legend entry (no symbol) explaining the few-words mark."""
    return Line2D([], [], ls="none", label=textwrap.fill(FEW_WORDS_NOTE, width))


def legend_right(ax: Axes, handles: list, **kwargs) -> None:
    """The chart's legend outside the axes, to the right, clear of bars and labels."""
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        frameon=False,
        fontsize=TEXT_SIZE,
        borderaxespad=0,
        **kwargs,
    )


def legend_below(fig: Figure, handles: list, ncols: int = 2) -> None:
    """The chart's legend under everything else (needs the constrained layout)."""
    fig.legend(
        handles=handles,
        loc="outside lower center",
        ncols=min(ncols, len(handles)),
        frameon=False,
        fontsize=TEXT_SIZE,
    )


def style_axes(ax: Axes) -> Axes:
    """Tick labels at the kit's text size."""
    ax.tick_params(labelsize=TEXT_SIZE)
    return ax


def new_figure(figsize: tuple[float, float] = FIGSIZE) -> tuple[Figure, Axes]:
    """A figure with one axes, laid out so labels and an outside legend fit."""
    fig = Figure(figsize=figsize, dpi=DPI, layout="constrained")
    return fig, style_axes(fig.add_subplot())
