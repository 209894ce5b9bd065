"""Reading the kit's CSV tables with exact, friendly errors."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .errors import CorpusError


def read_table(path: Path, label: str, columns: list[str],
               optional: tuple[str, ...] = ()) -> list[tuple[int, dict[str, str]]]:
    """Read a UTF-8 CSV whose header must be ``columns`` (in any order).

    Returns ``(row_number, row)`` pairs; rows are numbered as a spreadsheet shows
    them (the header is row 1). Raises CorpusError naming ``label`` on any problem.
    """
    if not path.is_file():
        raise CorpusError(label, "file not found")
    try:
        content = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise CorpusError(label, f"not valid UTF-8 (undecodable byte at position {err.start})"
                          ) from None
    if "\x00" in content:
        raise CorpusError(label, "contains NUL bytes; it is not a text CSV file")
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
            raise CorpusError(label, "unexpected column (expected: " + ", ".join(columns) + ")",
                              row=1, field=name)
    if len(set(header)) != len(header):
        dup = next(h for h in header if header.count(h) > 1)
        raise CorpusError(label, "column appears twice", row=1, field=dup)
    rows = []
    for number, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            raise CorpusError(label, f"has {len(values)} values but the header has "
                              f"{len(header)} columns", row=number)
        rows.append((number, {h: v.strip() for h, v in zip(header, values, strict=True)}))
    return rows
