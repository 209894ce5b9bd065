"""The kit's own exceptions: each carries a message written for a person, not a stack."""

from __future__ import annotations


class CorpusError(ValueError):
    """A data file is malformed; the message names the file, the row and the field."""

    def __init__(
        self, file: str, problem: str, row: int | None = None, field: str | None = None
    ) -> None:
        self.file, self.row, self.field, self.problem = file, row, field, problem
        where = file
        if row is not None:
            where += f", row {row}"
        if field is not None:
            where += f", field '{field}'"
        super().__init__(f"{where}: {problem}")
