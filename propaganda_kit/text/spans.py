"""The Span: one labelled stretch of a text, by character offsets."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Span:
    """A labelled stretch of text: ``text == source[start:end]`` (end exclusive)."""

    start: int
    end: int
    text: str
    category: str = ""
    technique: str = ""
    cue: str = ""

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def as_dict(self) -> dict[str, object]:
        """The span as a plain dict (for tables and JSON)."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "category": self.category,
            "technique": self.technique,
            "cue": self.cue,
        }
