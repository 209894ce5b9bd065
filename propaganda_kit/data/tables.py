"""Reading the kit's CSV tables with exact, friendly errors."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from propaganda_kit.text.errors import CorpusError
from propaganda_kit.text.input_checks import decode_utf8


def read_table(
    path: Path, label: str, columns: list[str], optional: tuple[str, ...] = ()
) -> list[tuple[int, dict[str, str]]]:
    """Read a UTF-8 CSV whose header must be ``columns`` (in any order).

    Returns ``(row_number, row)`` pairs; rows are numbered as a spreadsheet shows
    them (the header is row 1). Raises CorpusError naming ``label`` on any problem.
    """
    if not path.is_file():
        raise CorpusError(label, "file not found")
    content = read_text_file(path, label)
    reader = csv.reader(io.StringIO(content, newline=""))
    header = next(reader, None)
    if not header:
        raise CorpusError(label, "the file is empty; it needs a header row", row=1)
    header = [h.strip() for h in header]
    for name in columns:
        if name not in header:
            raise CorpusError(label, "missing column", row=1, field=name)
    for name in header:
        if name not in columns and name not in optional:
            raise CorpusError(
                label, "unexpected column (expected: " + ", ".join(columns) + ")", row=1, field=name
            )
    if len(set(header)) != len(header):
        dup = next(h for h in header if header.count(h) > 1)
        raise CorpusError(label, "column appears twice", row=1, field=dup)
    rows = []
    for number, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            raise CorpusError(
                label,
                f"has {len(values)} values but the header has {len(header)} columns",
                row=number,
            )
        rows.append((number, {h: v.strip() for h, v in zip(header, values, strict=True)}))
    return rows


def read_text_file(path: Path, label: str, row: int | None = None) -> str:
    """``path`` read as text (see ``decode_text``); CorpusError when it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise CorpusError(label, f"cannot be read ({err.strerror})", row=row) from None
    return decode_text(raw, label, row)


def decode_text(raw: bytes, label: str, row: int | None = None) -> str:
    """``raw`` as UTF-8 text with newlines made \\n; CorpusError naming ``label`` if not text."""
    try:
        return decode_utf8(raw)
    except ValueError as err:
        raise CorpusError(label, str(err), row=row) from None
