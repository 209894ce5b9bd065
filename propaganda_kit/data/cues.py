"""The technique cue table (data/technique_cues.csv): patterns that signal each technique."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from propaganda_kit.data.paths import DEFAULT_DATA_DIR
from propaganda_kit.data.tables import read_table
from propaganda_kit.text.errors import CorpusError

CUES_FILE = "technique_cues.csv"

CUE_COLUMNS = ["technique", "category", "cue", "pattern"]


@dataclass(frozen=True)
class Cue:
    """One cue: a compiled pattern, the technique it points to and its sub-kind."""

    technique: str
    category: str
    name: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=8)
def load_cues(path: str | None = None) -> tuple[Cue, ...]:
    """The cue table (default: the kit's ``data/technique_cues.csv``), patterns compiled.

    Patterns are regular expressions matched case-insensitively on whole words.
    Raises CorpusError naming the row and field of the first bad row.
    """
    from propaganda_kit.data.taxonomy import load_taxonomy

    known = set(load_taxonomy().index)
    file = Path(path) if path is not None else DEFAULT_DATA_DIR / CUES_FILE
    cues = []
    for number, row in read_table(file, CUES_FILE, CUE_COLUMNS):
        for field in CUE_COLUMNS:
            if not row[field]:
                raise CorpusError(CUES_FILE, "is empty", row=number, field=field)
        if row["technique"] not in known:
            raise CorpusError(
                CUES_FILE,
                f"'{row['technique']}' is not a technique id in taxonomy.csv",
                row=number,
                field="technique",
            )
        try:
            pattern = re.compile(rf"(?<!\w)(?:{row['pattern']})(?!\w)", re.IGNORECASE)
        except re.error as err:
            raise CorpusError(
                CUES_FILE, f"is not a valid regular expression ({err})", row=number, field="pattern"
            ) from None
        if pattern.match(""):
            raise CorpusError(
                CUES_FILE,
                "matches empty text; it must match at least one character",
                row=number,
                field="pattern",
            )
        cues.append(Cue(row["technique"], row["category"], row["cue"], pattern))
    return tuple(cues)
