"""Students' technique annotations of one text (class agreement): reading and checking them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from propaganda_kit.data.paths import DEFAULT_DATA_DIR
from propaganda_kit.data.tables import read_table, read_text_file
from propaganda_kit.text.errors import CorpusError
from propaganda_kit.text.input_checks import require_text

NONE = ""

SAMPLE_DIR = DEFAULT_DATA_DIR / "sample_annotations"

ANNOTATION_COLUMNS = ["student", "technique"]

ANNOTATION_LOCATORS = ("start", "end", "quote")


@dataclass(frozen=True)
class Annotation:
    """One student's span (``start``–``end``, end exclusive) labelled with a technique.

    A row with ``start == end`` and no technique records a student who marked nothing.
    """

    student: str
    start: int
    end: int
    technique: str


def load_annotations(path: str | Path, text: str) -> list[Annotation]:
    """Read a CSV ``student,start,end,technique`` (or ``student,quote,technique``).

    A row gives ``start`` and ``end`` (character offsets into ``text``), or a ``quote`` that
    occurs exactly once in ``text``, or both (then they must agree). A row with only a
    student name records a student who marked nothing. Raises CorpusError naming the file,
    row and field of any problem.
    """
    path = Path(path)
    text = require_text(text, "the passage")
    rows = read_table(path, path.name, ANNOTATION_COLUMNS, optional=ANNOTATION_LOCATORS)
    header = set(rows[0][1]) if rows else set()
    if rows and "quote" not in header and not {"start", "end"} <= header:
        raise CorpusError(path.name, "needs 'start' and 'end' columns, or a 'quote' column", row=1)
    return [_annotation(path.name, number, row, text) for number, row in rows]


def load_sample_class(folder: str | Path | None = None) -> tuple[str, list[Annotation]]:
    """The passage (``passage.txt``) and the class's annotations (``annotations.csv``)."""
    root = Path(folder) if folder is not None else SAMPLE_DIR
    text = read_text_file(root / "passage.txt", "passage.txt").rstrip("\n")
    return text, load_annotations(root / "annotations.csv", text)


def _annotation(label: str, number: int, row: dict[str, str], text: str) -> Annotation:
    student, technique = row["student"], row["technique"]
    start_s, end_s, quote = row.get("start", ""), row.get("end", ""), row.get("quote", "")
    if not student:
        raise CorpusError(label, "the student's name is empty", row=number, field="student")
    if not (start_s or end_s or quote or technique):
        return Annotation(student, 0, 0, NONE)
    if not technique:
        raise CorpusError(label, "the technique is empty", row=number, field="technique")
    if start_s or end_s:
        start = _offset(label, number, "start", start_s, len(text))
        end = _offset(label, number, "end", end_s, len(text))
        if end <= start:
            raise CorpusError(
                label, f"end ({end}) must be after start ({start})", row=number, field="end"
            )
        if quote and text[start:end] != quote:
            raise CorpusError(
                label,
                f"the passage has {text[start:end]!r} at {start}-{end}, not the quote",
                row=number,
                field="quote",
            )
        return Annotation(student, start, end, technique)
    if not quote:
        raise CorpusError(
            label,
            "says which technique but not where: give start and end, or a quote",
            row=number,
            field="quote" if "quote" in row else "start",
        )
    found = text.count(quote)
    if found != 1:
        problem = (
            "does not occur in the passage"
            if not found
            else (f"occurs {found} times in the passage; give start and end instead")
        )
        raise CorpusError(label, f"the quote {quote!r} {problem}", row=number, field="quote")
    start = text.index(quote)
    return Annotation(student, start, start + len(quote), technique)


def _offset(label: str, number: int, field: str, value: str, length: int) -> int:
    if not value.isdecimal():
        raise CorpusError(label, f"{value!r} is not a whole number", row=number, field=field)
    if int(value) > length:
        raise CorpusError(
            label,
            f"{value} is beyond the passage's end ({length} characters)",
            row=number,
            field=field,
        )
    return int(value)
